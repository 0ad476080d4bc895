"""The shared-library lookups answered from the linker cache, as `ctypes.util` answers them."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from smplan.render import _libs

linux_only = pytest.mark.skipif(
    _libs.linker_cache() is None, reason="no dynamic linker cache to read on this system"
)


@linux_only
@pytest.mark.parametrize(
    "name", ["c", "m", "harfbuzz", "pango-1.0", "gobject-2.0", "fontconfig", "pangoft2-1.0"]
)
def test_a_library_the_cache_holds_is_found_as_ctypes_finds_it(name):
    cache = _libs.linker_cache()
    assert cache is not None
    found = _libs.cached_find_library(cache)(name)
    assert found is not None
    assert found == ctypes.util.find_library(name)


@linux_only
@pytest.mark.parametrize("name", ["libharfbuzz-0", "pango-1.0-0", "no-such-library-anywhere"])
def test_a_name_the_cache_lacks_is_not_found(name):
    cache = _libs.linker_cache()
    assert cache is not None
    assert _libs.cached_find_library(cache)(name) is None
    assert ctypes.util.find_library(name) is None


@linux_only
def test_lookups_are_answered_from_the_cache_only_while_importing():
    standard = ctypes.util.find_library
    seen = []

    def importer():
        seen.append(ctypes.util.find_library)
        return "loaded"

    assert _libs.import_with_cached_lookups(importer) == "loaded"
    assert seen[0] is not standard
    assert ctypes.util.find_library is standard


@linux_only
def test_libraries_that_do_not_load_from_the_cache_are_imported_again_the_standard_way():
    standard = ctypes.util.find_library
    attempts = []

    def importer():
        attempts.append(ctypes.util.find_library is standard)
        sys.modules["smplan_test_half_loaded"] = sys  # what a failed import leaves behind
        if ctypes.util.find_library is not standard:
            raise OSError("cannot load library")
        return "loaded"

    try:
        assert _libs.import_with_cached_lookups(importer) == "loaded"
    finally:
        sys.modules.pop("smplan_test_half_loaded", None)
    assert attempts == [False, True]
    assert ctypes.util.find_library is standard
