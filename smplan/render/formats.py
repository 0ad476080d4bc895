"""The document formats smplan writes, and how a render is asked for."""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smplan.lazy import load_callable

if TYPE_CHECKING:
    from smplan.plan.model import Plan


@dataclass(frozen=True)
class Format:
    """A document format: its file extension, the template family it is laid out from,
    and the function that renders it, named as `module:function` and loaded on first use
    so that the registry costs nothing to import."""

    name: str
    extension: str
    template: str
    renderer: str

    def render(self, plan: Plan, options: RenderOptions, base_dir: Path | None) -> str | bytes:
        """The document of `plan` in this format: text, or bytes for a binary format."""
        render: Any = load_callable(self.renderer)
        return render(plan, options, base_dir)  # type: ignore[no-any-return]


#: Every format by name, in the order help and messages list them; a new format is one entry.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", ".md", "md", "smplan.render.environment:render_document"),
        Format("html", ".html", "html", "smplan.render.environment:render_document"),
        Format("pdf", ".pdf", "html", "smplan.render.pdf:render_pdf"),
        Format("docx", ".docx", "html", "smplan.render.docx:render_docx"),
    )
}


#: Debian packages WeasyPrint needs from the system.
PDF_PACKAGES = (
    "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core"
)


@dataclass(frozen=True)
class RenderOptions:
    """How to render: the format, the language, user templates, full or summary, and the
    previous version of the plan when the document tells what changed since."""

    #: The name of a format in `FORMATS`.
    fmt: str = "pdf"
    lang: str | None = None
    template_dir: Path | None = None
    summary: bool = False
    #: The earlier version of the plan, read by the caller, when the document opens with
    #: what changed since.
    previous: Plan | None = None
    #: The Word file whose styles, page, header and footer a DOCX takes (`--reference-doc`).
    reference_doc: Path | None = None


def builtin_templates() -> Path:
    """The folder of the default templates, which ship inside the package."""
    return Path(str(importlib.resources.files("smplan") / "templates"))


def template_name(fmt: str, summary: bool) -> str:
    """The template a format starts from; PDF is laid out from the HTML template."""
    return f"{'summary' if summary else 'document'}.{FORMATS[fmt].template}.j2"


def default_output(source: Path, fmt: str, summary: bool = False) -> Path:
    """Where a plan's document goes by default: next to it, with the format's extension."""
    suffix = (".summary" if summary else "") + FORMATS[fmt].extension
    return source.with_name(source.stem + suffix)


def format_for(output: Path | None) -> str | None:
    """The format an output file's extension names (`.md`, `.html`, `.pdf`), if any."""
    if output is None:
        return None
    for fmt in FORMATS.values():
        if output.suffix.lower() == fmt.extension:
            return fmt.name
    return None


def render_plan(plan: Plan, options: RenderOptions, base_dir: Path | None = None) -> str | bytes:
    """The document in the format `options` asks for: text for md and html, bytes for PDF."""
    return FORMATS[options.fmt].render(plan, options, base_dir)
