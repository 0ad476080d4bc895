"""Compile the gettext catalogs (`.po` to `.mo`) whenever the package is built or installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogsBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Writes each catalog's `.mo` beside its `.po` and ships it, though git ignores it."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po in sorted((root / "smplan" / "locale").glob("*/LC_MESSAGES/smplan.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=po.parent.parent.name)
            mo = po.with_suffix(".mo")
            with mo.open("wb") as handle:
                write_mo(handle, catalog)
            build_data["artifacts"].append(mo.relative_to(root).as_posix())
