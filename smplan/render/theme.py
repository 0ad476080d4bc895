"""A document's dress: the theme file (logo, colours, fonts, who it is prepared for and by,
a confidentiality line, a cover image) and the paper size.

A theme is a small YAML file kept with the consultant's other files:

    logo: logo.png              # paths are relative to the theme file
    cover_image: cover.jpg
    colours: {brand: "#0b5d4b", accent: "#d9822b"}
    font: {family: Lato, file: Lato-Regular.ttf}
    prepared_for: Boulangerie Maréchal
    prepared_by: Sophie Lambert Conseil
    confidential: Confidential, for the client's team only

It is named by `--theme` or by the plan's `project.theme`; every document of the plan
(full, summary, report, calendar) wears it. Its images and font are carried inside the
documents (as data addresses), so an HTML file sent to a client shows them and the output
names no folder of the machine it was made on. Paper follows the document's locale —
Letter where CLDR says the country uses it, A4 elsewhere — unless `--paper` says otherwise.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smplan.errors import RenderError, printable
from smplan.fsutil import read_regular
from smplan.i18n import L_, babel_locale

#: The countries that print on US Letter, from CLDR's measurement data (paperSize);
#: every other country prints on A4.
LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)
#: The paper sizes a document can be printed on, by the name `--paper` takes.
PAPERS = {"a4": "A4", "letter": "letter"}
#: A theme file is a few lines; anything much larger is not one.
MAX_THEME_BYTES = 64 * 1024
#: A logo, a cover image or a font a document carries: larger files are refused.
MAX_ASSET_BYTES = 4 * 1024 * 1024
#: The files a theme may name, by suffix, with the media type a data address gives them.
ASSET_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}


def paper_for(lang: str, asked: str | None = None) -> str:
    """The CSS page size of a document in `lang`: as asked, else the locale's country's."""
    if asked is not None:
        return PAPERS[asked.lower()]
    territory = babel_locale(lang).territory
    return PAPERS["letter"] if territory in LETTER_TERRITORIES else PAPERS["a4"]


@dataclass(frozen=True)
class Theme:
    """What a theme gives the templates: file addresses, colours, words."""

    logo: str | None = None
    cover_image: str | None = None
    brand: str | None = None
    accent: str | None = None
    #: Tints of the brand colour for table headers and shaded boxes.
    brand_light: str | None = None
    brand_pale: str | None = None
    font: str | None = None
    font_file: str | None = None
    prepared_for: str | None = None
    prepared_by: str | None = None
    confidential: str | None = None


def _model() -> Any:
    from pydantic import BaseModel, ConfigDict, Field

    colour = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$")

    class Colours(BaseModel):
        model_config = ConfigDict(extra="forbid")
        brand: str | None = colour
        accent: str | None = colour

    class Font(BaseModel):
        model_config = ConfigDict(extra="forbid")
        family: str = Field(pattern=r"^[A-Za-z0-9 _-]{1,60}$")
        file: str | None = None

    class ThemeFile(BaseModel):
        model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
        logo: str | None = None
        cover_image: str | None = None
        colours: Colours | None = None
        font: Font | None = None
        prepared_for: str | None = Field(default=None, max_length=200)
        prepared_by: str | None = Field(default=None, max_length=200)
        confidential: str | None = Field(default=None, max_length=300)

    return ThemeFile


def _reason(error: Exception) -> str:
    """Why a file could not be read, without its name again (the message gives it)."""
    return printable(getattr(error, "strerror", None) or str(error))


def load_theme(path: Path) -> Theme:
    """The theme in the file at `path`; a `RenderError` says what is wrong with it."""
    import yaml
    from pydantic import ValidationError

    shown = printable(str(path))
    try:
        data = yaml.safe_load(read_regular(path, MAX_THEME_BYTES).decode("utf-8")) or {}
    except (OSError, ValueError) as exc:
        raise RenderError(
            L_("cannot read the theme {file}: {reason}", file=shown, reason=_reason(exc))
        ) from None
    except yaml.YAMLError as exc:
        raise RenderError(
            L_("the theme {file} is not YAML: {reason}", file=shown, reason=printable(str(exc)))
        ) from None
    try:
        theme = _model().model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise RenderError(
            L_(
                "the theme {file} is not valid: {field}: {reason}",
                file=shown,
                field=where,
                reason=first["msg"],
            )
        ) from None
    folder = path.resolve().parent

    def address(name: str | None) -> str | None:
        """The file `name` beside the theme as a data address the document carries."""
        if not name:
            return None
        found = (folder / name).resolve()
        kind = ASSET_TYPES.get(found.suffix.lower())
        if not found.is_file() or not found.is_relative_to(folder):
            raise RenderError(
                L_(
                    "the theme {file} names {name}, which is not a file beside it",
                    file=shown,
                    name=printable(name),
                )
            )
        if kind is None:
            raise RenderError(
                L_(
                    "the theme {file} names {name}, which is not an image or a font",
                    file=shown,
                    name=printable(name),
                ),
                hint=L_("use {kinds}", kinds=", ".join(ASSET_TYPES)),
            )
        try:
            data = read_regular(found, MAX_ASSET_BYTES)
        except (OSError, ValueError) as exc:
            raise RenderError(
                L_(
                    "cannot read {name}, which the theme {file} names: {reason}",
                    name=printable(name),
                    file=shown,
                    reason=_reason(exc),
                )
            ) from None
        return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"

    colours = theme.colours
    return Theme(
        logo=address(theme.logo),
        cover_image=address(theme.cover_image),
        brand=colours.brand if colours else None,
        accent=colours.accent if colours else None,
        brand_light=tint(colours.brand, 0.12) if colours and colours.brand else None,
        brand_pale=tint(colours.brand, 0.05) if colours and colours.brand else None,
        font=theme.font.family if theme.font else None,
        font_file=address(theme.font.file) if theme.font else None,
        prepared_for=theme.prepared_for,
        prepared_by=theme.prepared_by,
        confidential=theme.confidential,
    )


def tint(colour: str, share: float) -> str:
    """`colour` (#rrggbb) mixed with white, `share` of it kept: a light shade of it."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


def theme_file(plan_theme: str | None, asked: Path | None, base_dir: Path | None) -> Path | None:
    """The theme a render wears: the one asked for, else the plan's (beside the plan)."""
    if asked is not None:
        return asked
    if plan_theme:
        return (base_dir or Path()) / plan_theme
    return None


def dress(
    plan_theme: str | None,
    lang: str,
    *,
    asked: Path | None = None,
    paper: str | None = None,
    base_dir: Path | None = None,
) -> dict[str, Any]:
    """What every template of a plan's documents is dressed in: `brand` (the theme) and
    `paper` (the CSS page size)."""
    path = theme_file(plan_theme, asked, base_dir)
    return {
        "brand": load_theme(path) if path is not None else Theme(),
        "paper": paper_for(lang, paper),
    }
