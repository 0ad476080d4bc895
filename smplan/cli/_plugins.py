"""Pydantic's plugin discovery skipped for one command: a workaround, removable.

The first time pydantic builds a validator it imports `pydantic.plugin._loader`, which
imports `importlib.metadata` (and with it `email`, `csv`, `zipfile`: about a tenth of a
`check`) and then reads the metadata of every installed package for plugins. smplan uses
no pydantic plugin. Pydantic's documented setting, `PYDANTIC_DISABLE_PLUGINS=__all__`,
skips the reading but not the imports; so for the duration of the command, the loader is
stood in for by a module whose `get_plugins` finds none, and the setting is set as well.
Any other name asked of the stand-in comes from the real loader, loaded then.

Remove this module when pydantic imports `importlib.metadata` only when it looks.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import os
import sys
import types
from collections.abc import Iterator
from typing import Any

LOADER = "pydantic.plugin._loader"
SETTING = "PYDANTIC_DISABLE_PLUGINS"


class _NoPlugins(types.ModuleType):
    """`pydantic.plugin._loader`, as it is when no plugin is installed."""

    @staticmethod
    def get_plugins() -> tuple[()]:
        """No plugins: pydantic then builds plain validators."""
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            # What the import system asks of any module (`__path__`, ...): a plain module's answer.
            raise AttributeError(name)
        return getattr(_real_loader(), name)


def _real_loader() -> types.ModuleType:
    import pydantic.plugin

    spec = importlib.machinery.PathFinder.find_spec("_loader", list(pydantic.plugin.__path__))
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {LOADER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def no_plugin_discovery() -> Iterator[None]:
    """Within: pydantic neither looks for plugins nor imports what it would look with.

    A setting the user gave is respected, and the environment is left as it was, so a
    program the command starts sees it unchanged.
    """
    given = os.environ.get(SETTING)
    if given is not None and given not in ("__all__", "1", "true"):
        yield  # the user names plugins to leave out: pydantic reads the rest
        return
    standing_in = LOADER not in sys.modules
    if standing_in:
        sys.modules[LOADER] = _NoPlugins(LOADER, __doc__)
    os.environ[SETTING] = given or "__all__"
    try:
        yield
    finally:
        if given is None:
            del os.environ[SETTING]
        if standing_in and isinstance(sys.modules.get(LOADER), _NoPlugins):
            del sys.modules[LOADER]
