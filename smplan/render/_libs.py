"""Shared-library lookups answered once while WeasyPrint loads: a workaround, removable.

WeasyPrint (through cffi) tries several names for each of Pango's libraries, one per
platform, and each name that is not a path goes to `ctypes.util.find_library`. On Linux
every such call runs `ldconfig -p`, and every miss runs `gcc` and `ld` too: about thirty
processes and a third of a second before the first page. Here the dynamic linker's cache
is read once, and each name is answered from it the way `find_library` reads it.

Only misses change: a name the cache does not hold answers None at once instead of
asking `gcc` and `ld`. Should the libraries then not load, `import_with_cached_lookups`
imports again with the standard lookup, so nothing that loaded before fails now.
Remove this module when WeasyPrint or cffi stop asking for names that cannot exist.
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import sys
from collections.abc import Callable, Iterator
from typing import Any

#: The ABI tags `ctypes.util` expects in `ldconfig -p` for this machine's word size.
_ABI = {
    "x86_64-64": "libc6,x86-64",
    "ppc64-64": "libc6,64bit",
    "sparc64-64": "libc6,64bit",
    "s390x-64": "libc6,64bit",
    "ia64-64": "libc6,IA-64",
}


def linker_cache() -> str | None:
    """The output of `ldconfig -p` (None where there is no such cache to read)."""
    if not sys.platform.startswith("linux"):
        return None
    # Imported here, like ctypes below: a Markdown render loads this module but never calls it.
    import subprocess

    with contextlib.suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run(
            ["/sbin/ldconfig", "-p"],  # the one `ctypes.util` runs
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env={"LC_ALL": "C", "LANG": "C"},
            timeout=10,
        )
        if done.returncode == 0:
            return os.fsdecode(done.stdout)
    return None


def cached_find_library(cache: str) -> Callable[[str], str | None]:
    """A `find_library` answering from `cache`, the linker cache's listing."""
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = _ABI.get(machine, "libc6")
    answers: dict[str, str | None] = {}

    def find_library(name: str) -> str | None:
        if name not in answers:
            found = re.search(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({re.escape(abi)}", cache)
            answers[name] = found.group(1) if found else None
        return answers[name]

    return find_library


@contextlib.contextmanager
def _lookups(find_library: Callable[[str], str | None]) -> Iterator[None]:
    import ctypes.util

    standard = ctypes.util.find_library
    ctypes.util.find_library = find_library  # type: ignore[assignment]
    try:
        yield
    finally:
        ctypes.util.find_library = standard


def import_with_cached_lookups(importer: Callable[[], Any]) -> Any:
    """`importer()` with library lookups answered from the linker cache, read once.

    If the libraries do not load that way (`OSError`), the modules it left behind are
    dropped and `importer()` runs again with the standard lookups.
    """
    cache = linker_cache()
    if cache is None:
        return importer()
    before = set(sys.modules)
    try:
        with _lookups(cached_find_library(cache)):
            return importer()
    except OSError:
        for name in set(sys.modules) - before:
            del sys.modules[name]
        return importer()
