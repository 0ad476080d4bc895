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

It is named by `render --theme` or by the plan's `project.theme`; every document of the
plan (full, summary, report, calendar) wears it. Paper follows the document's locale —
Letter where CLDR says the country uses it, A4 elsewhere — unless `--paper` says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smplan.errors import RenderError, printable
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
    font: str | None = None
    font_file: str | None = None
    prepared_for: str | None = None
    prepared_by: str | None = None
    confidential: str | None = None
    #: The folder of the theme file: documents may load its images and fonts.
    folder: Path | None = None


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


def load_theme(path: Path) -> Theme:
    """The theme in the file at `path`; a `RenderError` says what is wrong with it."""
    import yaml
    from pydantic import ValidationError

    from smplan.fsutil import read_regular

    shown = printable(str(path))
    try:
        data = yaml.safe_load(read_regular(path, MAX_THEME_BYTES).decode("utf-8")) or {}
    except (OSError, ValueError) as exc:
        raise RenderError(
            L_("cannot read the theme {file}: {reason}", file=shown, reason=printable(str(exc)))
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
        if not name:
            return None
        found = (folder / name).resolve()
        if not found.is_file() or not found.is_relative_to(folder):
            raise RenderError(
                L_(
                    "the theme {file} names {name}, which is not a file beside it",
                    file=shown,
                    name=printable(name),
                )
            )
        return found.as_uri()

    colours = theme.colours
    return Theme(
        logo=address(theme.logo),
        cover_image=address(theme.cover_image),
        brand=colours.brand if colours else None,
        accent=colours.accent if colours else None,
        font=theme.font.family if theme.font else None,
        font_file=address(theme.font.file) if theme.font else None,
        prepared_for=theme.prepared_for,
        prepared_by=theme.prepared_by,
        confidential=theme.confidential,
        folder=folder,
    )


def theme_file(plan_theme: str | None, asked: Path | None, base_dir: Path | None) -> Path | None:
    """The theme a render wears: the one asked for, else the plan's (beside the plan)."""
    if asked is not None:
        return asked
    if plan_theme:
        return (base_dir or Path()) / plan_theme
    return None
