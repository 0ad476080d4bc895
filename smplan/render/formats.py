"""The formats of the document, its summary and the report, and how a render is asked for."""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from smplan.i18n import N_
from smplan.outputs import Format, Outputs

if TYPE_CHECKING:
    from smplan.plan.model import Plan


#: The document's formats, in the order help and messages list them; a new format is
#: one entry. The summary and the report are written in the same formats.
FORMATS = Outputs(
    Format("md", ".md", "smplan.render.environment:render_document", template="md"),
    Format("html", ".html", "smplan.render.environment:render_document", template="html"),
    Format(
        "pdf",
        ".pdf",
        "smplan.render.pdf:render_pdf",
        template="html",
        binary=True,
        prepare="smplan.render.pdf:ensure_pdf_support",
        from_html="smplan.render.pdf:html_to_pdf",
    ),
    Format(
        "docx",
        ".docx",
        "smplan.render.docx:render_docx",
        template="html",
        binary=True,
        prepare="smplan.render.docx:ensure_docx_support",
        from_html="smplan.render.docx:html_to_docx",
    ),
    default="pdf",
    what=N_("the document"),
    name="{stem}{extension}",
)
#: The short version of the document (`render --summary`).
SUMMARY = FORMATS.named(N_("the document"), "{stem}.summary{extension}")
#: The client's report for a period (`report`), and its short version.
REPORT = FORMATS.named(N_("the report"), "{stem}.report-{period}{extension}")
REPORT_SUMMARY = FORMATS.named(N_("the report"), "{stem}.report-{period}.summary{extension}")


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
    #: True or False to mark the document a draft or not whatever the plan says; None: the
    #: plan's `project.status` decides.
    draft: bool | None = None
    #: The theme file to dress the document in, instead of the plan's own.
    theme: Path | None = None
    #: `a4` or `letter`; None: the paper of the document's locale.
    paper: str | None = None
    #: The Word file whose styles, page, header and footer a DOCX takes (`--reference-doc`).
    reference_doc: Path | None = None


def builtin_templates() -> Path:
    """The folder of the default templates, which ship inside the package."""
    return Path(str(importlib.resources.files("smplan") / "templates"))


#: The name of the reference document a Word file takes its house style from, in the
#: template folder and among the built-in templates (made by tools/make_reference_docx.py).
REFERENCE_NAME = "reference.docx"


def reference_document(given: Path | None, template_dir: Path | None) -> Path:
    """The reference document of a Word file: `--reference-doc`, else the one in the
    template folder, else the built-in one."""
    if given is not None:
        return given
    if template_dir is not None and (template_dir / REFERENCE_NAME).is_file():
        return template_dir / REFERENCE_NAME
    return builtin_templates() / REFERENCE_NAME


def template_name(fmt: str, summary: bool) -> str:
    """The template a format starts from; PDF is laid out from the HTML template."""
    return f"{'summary' if summary else 'document'}.{FORMATS[fmt].template}.j2"


def render_plan(plan: Plan, options: RenderOptions, base_dir: Path | None = None) -> str | bytes:
    """The document in the format `options` asks for: text, or bytes for a binary format."""
    document: str | bytes = FORMATS[options.fmt].write(plan, options, base_dir)
    return document
