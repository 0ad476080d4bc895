"""Functions named by `module:function`, imported when first called.

The format registries (documents, calendars, check reports, diffs) name each
format's writer this way, so that a registry costs nothing to import and a writer's
libraries load only when its format is asked for.
"""

from __future__ import annotations

import importlib
from typing import Any


def load_callable(spec: str) -> Any:
    """The function `spec` names (`smplan.render.markdown:tidy`), its module imported."""
    module, _, function = spec.partition(":")
    return getattr(importlib.import_module(module), function)
