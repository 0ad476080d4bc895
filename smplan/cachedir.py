"""Where smplan keeps what it can work out again, to do it once rather than on every run."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    """The cache folder: $SMPLAN_CACHE_DIR, else $XDG_CACHE_HOME/smplan, else ~/.cache/smplan;
    None when SMPLAN_CACHE_DIR=off turns caching off."""
    setting = os.environ.get("SMPLAN_CACHE_DIR", "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "smplan"
