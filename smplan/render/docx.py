"""Word output: the document's own HTML converted by pandoc, styled by a reference document.

The DOCX is made from the very HTML the PDF is laid out from (the same templates, the same
view of the plan), so a change to a template shows in both. Pandoc reads that HTML into
its document tree; `smplan.render.wordtree` shapes the tree for Word (cover, headings,
table of contents, page breaks, styles, alternative text) and, for `--since`,
`smplan.render.revisions` marks what changed as tracked changes; pandoc writes the DOCX
with the reference document's styles, page, header and footer; the package step below
asks Word to fill the fields when the file opens, and makes the bytes reproducible.

Pandoc is the program shipped in the pypandoc-binary wheel. It runs sandboxed: it reads
its input and the reference document and nothing else, and fetches nothing; images come
to it inline, and only from the bundled templates, the template folder and the plan's
folder, as for the PDF.
"""

from __future__ import annotations

import base64
import datetime as dt
import importlib.util
import json
import mimetypes
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from smplan.errors import RenderError, UsageError, printable
from smplan.i18n import L_, language
from smplan.plan.model import Plan
from smplan.render.chartpng import svg_to_png
from smplan.render.environment import render_text, source_date
from smplan.render.formats import (
    REFERENCE_NAME,
    RenderOptions,
    builtin_templates,
    reference_document,
)
from smplan.render.revisions import mark_revisions
from smplan.render.theme import Theme, dress
from smplan.render.worddress import set_paper, wear_theme
from smplan.render.wordpackage import (
    CP,
    DC,
    DCTERMS,
    EP,
    PIC,
    WP,
    R,
    W,
    read_parts,
    zip_parts,
)
from smplan.render.wordtree import (
    PAGE_BREAK_STYLE,
    keep_paragraph_classes,
    map_images,
    shape,
    stringify,
)

#: How long pandoc may take over one document, in seconds.
PANDOC_SECONDS = 120
#: Who tracked changes are from when the plan names no author.
DEFAULT_AUTHOR = "smplan"


def pandoc_path() -> str | None:
    """The pandoc program: the one in the pypandoc-binary wheel, else one on the PATH.

    The wheel's own program comes first, so that every install writes the same bytes; the
    pypandoc module itself is not imported (it would run every pandoc it finds to compare
    their versions).
    """
    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.origin is not None:
        name = "pandoc.exe" if sys.platform == "win32" else "pandoc"
        bundled = Path(spec.origin).parent / "files" / name
        if bundled.is_file():
            return str(bundled)
    return shutil.which("pandoc")


def pandoc_program() -> str:
    """The pandoc program, or a `RenderError` saying how to get it."""
    found = pandoc_path()
    if found is None:
        raise RenderError(
            L_("Word output needs pandoc, which comes with the pypandoc-binary package"),
            hint=L_("pip install pypandoc-binary, or use --format pdf"),
        )
    return found


def ensure_docx_support() -> list[str]:
    """Raise `RenderError` now, rather than once per plan, when Word output cannot work;
    there is nothing to note when it can."""
    pandoc_program()
    return []


def check_reference(path: Path) -> None:
    """Raise `UsageError` unless `path` is a Word file a document can take its styles from."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except FileNotFoundError:
        raise UsageError(
            L_("--reference-doc: {path} does not exist", path=printable(str(path)))
        ) from None
    except (OSError, zipfile.BadZipFile):
        names = set()
    if not {"word/document.xml", "word/styles.xml"} <= names:
        raise UsageError(
            L_("--reference-doc: {path} is not a Word document (.docx)", path=printable(str(path))),
            hint=L_("save the house style from Word as a .docx file"),
        )


def render_docx(plan: Plan, options: RenderOptions, base_dir: Path | None = None) -> bytes:
    """The document (or its summary) as a Word file; with `options.previous`, what changed
    since that version is marked as tracked changes."""
    as_html = replace(options, fmt="html")
    html = render_text(plan, as_html)
    earlier = None
    if options.previous is not None:
        # The earlier version in the newer one's language, so that only the plan's changes
        # differ, not the words around them.
        earlier = render_text(
            options.previous,
            replace(as_html, previous=None, lang=options.lang or plan.language),
        )
    return html_to_docx(html, plan, options, base_dir, earlier=earlier)


def html_to_docx(
    html: str,
    plan: Plan,
    options: RenderOptions,
    base_dir: Path | None = None,
    *,
    earlier: str | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """A document's HTML as a Word file, dated `stamp` (by default like the plan's
    document); `earlier`, the HTML of an earlier version, gives the tracked changes."""
    program = pandoc_program()
    reference = reference_document(options.reference_doc, options.template_dir)
    when = stamp or source_date(plan)
    tree = _read(program, html)
    found = shape(tree)
    if earlier is not None:
        old = _read(program, earlier)
        shape(old)
        author = _author(tree) or DEFAULT_AUTHOR
        dated = when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None
        tree["blocks"] = mark_revisions(old["blocks"], tree["blocks"], author, dated)
    roots = [builtin_templates(), *(p for p in (options.template_dir, base_dir) if p)]
    map_images(tree, lambda src: _inline_image(src, roots, base_dir))
    properties = Properties(
        title=found.title or _meta_text(tree, "title"),
        author=_author(tree),
        subject=_meta_text(tree, "description"),
        organization=found.organization,
        language=_language(tree),
        status=found.draft,
    )
    _set_metadata(tree)
    written = _write(program, tree, reference, when)
    paper, theme = _dress(plan, options, base_dir, house=reference != _builtin_reference())
    return finish_package(
        written,
        properties,
        cover=found.cover,
        tracked=earlier is not None,
        when=when,
        paper=paper,
        theme=theme,
    )


def _builtin_reference() -> Path:
    return builtin_templates() / REFERENCE_NAME


def _dress(
    plan: Plan, options: RenderOptions, base_dir: Path | None, *, house: bool
) -> tuple[str | None, Theme | None]:
    """The paper and the theme the Word file wears, None for what it keeps as pandoc wrote it.

    The paper is the PDF's: the one asked for, else the language's country's; a house
    reference document keeps its own page unless a paper is asked for. The theme's colours
    and font dress smplan's own styles only: a house style is the client's, and wins.
    """
    with language(options.lang or plan.language) as lang:
        dressed = dress(
            plan.project.theme if plan.project else None,
            lang,
            asked=options.theme,
            paper=options.paper,
            base_dir=base_dir,
        )
    paper = dressed["paper"] if options.paper is not None or not house else None
    return paper, None if house else dressed["brand"]


# --- pandoc -------------------------------------------------------------------------------


def _run(program: str, args: list[str], data: bytes, epoch: dt.datetime | None) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    stamp = max(epoch, _ZIP_EPOCH) if epoch else _ZIP_EPOCH
    env["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    try:
        done = subprocess.run(
            [program, "--sandbox", *args],
            input=data,
            capture_output=True,
            env=env,
            timeout=PANDOC_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise RenderError(
            L_("pandoc could not be run: {reason}", reason=printable(str(exc)))
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(
            L_(
                "pandoc could not make the Word file: {reason}",
                reason=printable(reason[-1] if reason else f"exit {done.returncode}"),
            )
        )
    return done.stdout


_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def _read(program: str, html: str) -> dict[str, Any]:
    """Pandoc's tree of the HTML, the classes of its paragraphs kept."""
    data = keep_paragraph_classes(html).encode("utf-8")
    out = _run(program, ["--from", "html", "--to", "json"], data, None)
    tree: dict[str, Any] = json.loads(out)
    return tree


def _write(program: str, tree: dict[str, Any], reference: Path, when: dt.datetime | None) -> bytes:
    data = json.dumps(tree, ensure_ascii=False).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="smplan-docx-") as folder:
        target = Path(folder) / "document.docx"
        args = ["--from", "json", "--to", "docx", "--reference-doc", str(reference)]
        _run(program, [*args, "--output", str(target)], data, when)
        return target.read_bytes()


def _meta_text(tree: dict[str, Any], key: str) -> str | None:
    value = tree.get("meta", {}).get(key)
    return stringify(value) or None if value is not None else None


def _author(tree: dict[str, Any]) -> str | None:
    return _meta_text(tree, "author")


def _language(tree: dict[str, Any]) -> str | None:
    return _meta_text(tree, "lang")


def _meta_string(text: str) -> dict[str, Any]:
    return {"t": "MetaString", "c": text}


def word_language(lang: str) -> str:
    """A language as Word names it, with its most likely region: fr → fr-FR."""
    from babel.core import get_global

    base = lang.replace("-", "_")
    likely = get_global("likely_subtags").get(base.split("_")[0], "")
    parts = base.split("_")
    if len(parts) == 1 and likely:
        region = likely.split("_")[-1]
        if region.isalpha() and region.isupper():
            parts.append(region)
    return "-".join(parts)


def _set_metadata(tree: dict[str, Any]) -> None:
    """Only the document's language, for pandoc to set as the styles' language.

    Pandoc would print a title, author and date at the top of the text, and make custom
    properties of the rest of the HTML's head (viewport, generator…): the title and
    author go to the package's properties instead (`finish_package`).
    """
    lang = _meta_text(tree, "lang")
    kept: dict[str, Any] = {}
    if lang:
        kept["lang"] = _meta_string(word_language(lang))
    tree["meta"] = kept


def _inline_image(src: str, roots: list[Path], base_dir: Path | None) -> str:
    """An image's source as a data URI, read from an allowed folder; a `RenderError` for
    any other source, as the PDF refuses it."""
    if src.startswith("data:"):
        return src
    from urllib.parse import unquote, urlsplit
    from urllib.request import url2pathname

    parts = urlsplit(src)
    path: Path | None = None
    if parts.scheme == "file" and parts.netloc in ("", "localhost"):
        path = Path(url2pathname(unquote(parts.path)))
    elif not parts.scheme and not parts.netloc:
        path = (base_dir or Path.cwd()) / url2pathname(unquote(parts.path))
    allowed = [root.resolve() for root in roots]
    resolved = path.resolve() if path is not None else None
    if resolved is None or not any(resolved.is_relative_to(r) for r in allowed):
        raise RenderError(
            L_(
                "refused to load {url}: a document may only use the bundled templates, "
                "the template folder and files inside the plan's folder",
                url=printable(src),
            )
        )
    try:
        data = resolved.read_bytes()
    except OSError as exc:
        raise RenderError(
            L_(
                "{name} cannot be read: {reason}",
                name=printable(src),
                reason=exc.strerror or exc,
            )
        ) from None
    kind = mimetypes.guess_type(resolved.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


# --- the package --------------------------------------------------------------------------

#: The elements of `w:settings` that come after `w:updateFields`, in the schema's order.
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema "
    "themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary "
    "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
).split()
#: The elements of `w:settings` that come after `w:trackRevisions`, in the schema's order.
_AFTER_TRACK_REVISIONS = (
    "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
    "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit "
    "hyphenationZone doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle "
    "defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting "
    "bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
    "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin "
    "drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
    "characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter "
    "noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml "
    "ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml "
    "saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
    "alwaysMergeEmptyNamespace updateFields"
).split() + _AFTER_UPDATE_FIELDS


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _insert_setting(root: Any, name: str, after: list[str]) -> None:
    """Set `w:NAME` on in `w:settings`, at its place in the schema's order."""
    from lxml import etree

    existing = root.find(_w(name))
    if existing is not None:
        root.remove(existing)
    element = etree.Element(_w(name))
    element.set(_w("val"), "true")
    later = {_w(n) for n in after}
    for index, child in enumerate(root):
        if child.tag in later:
            root.insert(index, element)
            return
    root.append(element)


def _settings(data: bytes, tracked: bool) -> bytes:
    """Word fills the fields (the table of contents, the running heads) as the file opens,
    and, for a version that shows its changes, tracks the reader's changes too."""
    from lxml import etree

    root = etree.fromstring(data)
    _insert_setting(root, "updateFields", _AFTER_UPDATE_FIELDS)
    if tracked:
        _insert_setting(root, "trackRevisions", _AFTER_TRACK_REVISIONS)
    return _xml(root)


def _document(data: bytes, cover: bool) -> bytes:
    """The body: page breaks set on the paragraphs that start a part, rows that do not
    break across pages, the first page set apart only when it is a cover, one number per
    tracked change, and each picture's description its alternative text."""
    from lxml import etree

    root = etree.fromstring(data)
    for marker in root.iter(_w("p")):
        style = marker.find(f"{_w('pPr')}/{_w('pStyle')}")
        if style is None or style.get(_w("val")) != PAGE_BREAK_STYLE:
            continue
        following = marker.getnext()
        while following is not None and following.tag not in (_w("p"), _w("tbl"), _w("sdt")):
            following = following.getnext()
        target = None
        if following is not None:
            target = following if following.tag == _w("p") else following.find(f".//{_w('p')}")
        if target is not None:
            ppr = target.find(_w("pPr"))
            if ppr is None:
                ppr = etree.Element(_w("pPr"))
                target.insert(0, ppr)
            brk = etree.Element(_w("pageBreakBefore"))
            # pageBreakBefore follows pStyle, keepNext and keepLines in a paragraph's properties.
            order = [_w("pStyle"), _w("keepNext"), _w("keepLines")]
            place = sum(1 for child in ppr if child.tag in order)
            ppr.insert(place, brk)
    for marker in [
        p
        for p in root.iter(_w("p"))
        if (s := p.find(f"{_w('pPr')}/{_w('pStyle')}")) is not None
        and s.get(_w("val")) == PAGE_BREAK_STYLE
    ]:
        marker.getparent().remove(marker)
    # A row is read whole, as in the PDF: it moves to the next page rather than break.
    for row in root.iter(_w("tr")):
        trpr = row.find(_w("trPr"))
        if trpr is None:
            trpr = etree.Element(_w("trPr"))
            row.insert(1 if row.find(_w("tblPrEx")) is not None else 0, trpr)
        if trpr.find(_w("cantSplit")) is None:
            trpr.insert(0, etree.Element(_w("cantSplit")))
    if not cover:
        for section in root.iter(_w("sectPr")):
            for first in section.findall(_w("titlePg")):
                section.remove(first)
    for number, change in enumerate(e for e in root.iter() if e.tag in (_w("ins"), _w("del"))):
        change.set(_w("id"), str(number + 1))
    for frame in root.iter(f"{{{WP}}}docPr"):
        described = frame.get("descr", "")
        picture = frame.getparent().find(f".//{{{PIC}}}cNvPr")
        if picture is not None:
            picture.set("descr", described)
    return _xml(root)


@dataclass(frozen=True)
class Properties:
    """What the Word file says of itself (File > Info), as the document prints it."""

    title: str | None
    author: str | None
    subject: str | None
    organization: str | None
    language: str | None
    #: The draft mark, for a draft; None for a document that is final.
    status: str | None = None


def _app(data: bytes, organization: str | None) -> bytes:
    """The extended properties: the organization, which the running head shows."""
    from lxml import etree

    root = etree.fromstring(data)
    company = root.find(f"{{{EP}}}Company")
    if company is None:
        company = etree.SubElement(root, f"{{{EP}}}Company")
    company.text = organization or ""
    return _xml(root)


def _core(data: bytes, properties: Properties, when: dt.datetime | None) -> bytes:
    """The core properties: the title (which the footer shows), author, subject,
    language as Word names it, the status of a draft, and the document's date as the
    file's creation and last change (File > Info), not the start of 1970."""
    from lxml import etree

    root = etree.fromstring(data)
    language = word_language(properties.language) if properties.language else None
    values = {
        f"{{{DC}}}title": properties.title,
        f"{{{DC}}}creator": properties.author,
        f"{{{DC}}}description": properties.subject,
        f"{{{DC}}}language": language,
        f"{{{CP}}}contentStatus": properties.status,
    }
    for name, value in values.items():
        element = root.find(name)
        if value is None:
            if element is not None:
                root.remove(element)
            continue
        if element is None:
            element = etree.SubElement(root, name)
        element.text = value
    if when is not None:
        stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for name in ("created", "modified"):
            for element in root.iterfind(f"{{{DCTERMS}}}{name}"):
                element.text = stamp
    return _xml(root)


def finish_package(
    data: bytes,
    properties: Properties,
    *,
    cover: bool,
    tracked: bool,
    when: dt.datetime | None,
    paper: str | None = None,
    theme: Theme | None = None,
) -> bytes:
    """Pandoc's DOCX made ready to hand over, and its bytes reproducible: each entry
    stamped `when`, the document's date; its sections on `paper`, its styles in `theme`."""
    parts = dict(read_parts(data))
    order = [name for name in parts if name != "docProps/custom.xml"]
    if paper is not None or theme is not None:
        _wear(parts, paper, theme)
    parts["word/settings.xml"] = _settings(parts["word/settings.xml"], tracked)
    parts["word/document.xml"] = _document(parts["word/document.xml"], cover)
    if "docProps/app.xml" in parts:
        parts["docProps/app.xml"] = _app(parts["docProps/app.xml"], properties.organization)
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = _core(parts["docProps/core.xml"], properties, when)
    for name in ("[Content_Types].xml", "_rels/.rels"):
        parts[name] = _drop_custom_reference(parts[name])
    if properties.status:
        for name in _running_headers(parts):
            parts[name] = _marked_header(parts[name], properties.status)
    order += _picture_fallbacks(parts)
    return zip_parts(((name, parts[name]) for name in order), when)


def _wear(parts: dict[str, bytes], paper: str | None, theme: Theme | None) -> None:
    """The document's sections on `paper`, and its styles in `theme`'s colours and font."""
    from lxml import etree

    document = etree.fromstring(parts["word/document.xml"])
    styles = etree.fromstring(parts["word/styles.xml"])
    if paper is not None:
        set_paper(document, styles, paper)
        parts["word/document.xml"] = _xml(document)
    if theme is not None:
        wear_theme(styles, theme)
    parts["word/styles.xml"] = _xml(styles)


#: The character style of the draft mark, in the document and in the running head.
DRAFT_MARK_STYLE = "DraftMark"


def _running_headers(parts: dict[str, bytes]) -> list[str]:
    """The header parts of the pages after the first (the cover's has none)."""
    from lxml import etree

    document = etree.fromstring(parts["word/document.xml"])
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels}
    names = []
    for reference in document.iter(_w("headerReference")):
        target = targets.get(reference.get(f"{{{R}}}id"))
        if reference.get(_w("type")) != "first" and target:
            name = target[1:] if target.startswith("/") else f"word/{target}"
            if name in parts and name not in names:
                names.append(name)
    return names


def _marked_header(data: bytes, mark: str) -> bytes:
    """A header whose first line opens with the draft mark, as the PDF's running head
    carries it on every page of a draft."""
    from lxml import etree

    root = etree.fromstring(data)
    paragraph = root.find(_w("p"))
    if paragraph is None:
        paragraph = etree.SubElement(root, _w("p"))
    properties = paragraph.find(_w("pPr"))
    place = 0 if properties is None else list(paragraph).index(properties) + 1
    runs = (
        f'<w:r xmlns:w="{W}"><w:rPr><w:rStyle w:val="{DRAFT_MARK_STYLE}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(mark)}</w:t></w:r>',
        f'<w:r xmlns:w="{W}"><w:t xml:space="preserve"> · </w:t></w:r>',
    )
    for offset, run in enumerate(runs):
        paragraph.insert(place + offset, etree.fromstring(run))
    return _xml(root)


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def _picture_fallbacks(parts: dict[str, bytes]) -> list[str]:
    """A PNG beside each SVG chart, for readers that cannot draw SVG; the new parts' names.

    Pandoc writes an SVG picture as Word 2016 does, in an extension of the picture, and
    leaves the picture itself (the one every other reader shows) empty.
    """
    from lxml import etree

    document = etree.fromstring(parts["word/document.xml"])
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels}
    added: list[str] = []
    for blip in document.iter(f"{{{_A}}}blip"):
        svg = next(blip.iter(_SVG_BLIP), None)
        if blip.get(f"{{{R}}}embed") or svg is None:
            continue
        rid = svg.get(f"{{{R}}}embed")
        target = targets.get(rid)
        source = parts.get(f"word/{target}") if target else None
        png = svg_to_png(source) if source else None
        if png is None:
            continue
        name = f"media/{rid}.png"
        parts[f"word/{name}"] = png
        added.append(f"word/{name}")
        etree.SubElement(rels, f"{{{_RELS}}}Relationship", Id=f"{rid}png", Type=_IMAGE, Target=name)
        blip.set(f"{{{R}}}embed", f"{rid}png")
    if added:
        parts["word/document.xml"] = _xml(document)
        parts["word/_rels/document.xml.rels"] = _xml(rels)
        types = etree.fromstring(parts["[Content_Types].xml"])
        if not any(d.get("Extension") == "png" for d in types.iter(f"{{{_TYPES}}}Default")):
            etree.SubElement(
                types, f"{{{_TYPES}}}Default", Extension="png", ContentType="image/png"
            )
            parts["[Content_Types].xml"] = _xml(types)
    return added


def _xml(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _drop_custom_reference(data: bytes) -> bytes:
    """Relationships or content types without the custom properties (none are written)."""
    from lxml import etree

    root = etree.fromstring(data)
    for child in list(root):
        if "custom" in (child.get("PartName") or child.get("Target") or ""):
            root.remove(child)
    return _xml(root)
