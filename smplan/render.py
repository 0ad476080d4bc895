"""Render a plan as a client-ready document: Markdown, HTML, or PDF through WeasyPrint.

Templates are data: the defaults ship in `templates/`, and a user folder given with
`--template-dir` overrides them one file at a time (a replaced template can still extend
the built-in one as `builtin/NAME`). Every template runs in Jinja's immutable sandbox
with undefined names as errors, and sees plain data only: `doc` (the document's content,
see `smplan.render_view.Document`), `t` (the labels), `values` (names of fixed values),
`plan` (the plan as plain dicts and lists), `lang`, `generator` and `created`.

Text from the plan is always data: HTML-escaped in HTML and PDF; in Markdown, every
`{{ value }}` is Markdown-escaped, and the filters `md`, `mdblock` (line breaks kept),
`mdcell` (for table cells) and `fence` (a code block) say how. The same plan gives
byte-identical output on every run: nothing reads the clock, and the PDF's dates come
from SOURCE_DATE_EPOCH or from the plan's own date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import importlib.resources
import io
import os
import re
import traceback
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import repeat
from pathlib import Path
from typing import Any

from smplan import __version__
from smplan.errors import PlanFileError, RenderError, SmplanError, UsageError
from smplan.fsutil import atomic_write
from smplan.model import Plan


class Format(StrEnum):
    """The document formats smplan writes."""

    md = "md"
    html = "html"
    pdf = "pdf"


#: File extension of each format.
EXTENSIONS: dict[Format, str] = {Format.md: ".md", Format.html: ".html", Format.pdf: ".pdf"}

#: Debian packages WeasyPrint needs from the system.
PDF_PACKAGES = (
    "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core"
)


@dataclass(frozen=True)
class RenderOptions:
    """How to render: the format, the language, user templates, full or summary."""

    fmt: Format = Format.pdf
    lang: str | None = None
    template_dir: Path | None = None
    summary: bool = False


def builtin_templates() -> Path:
    """The folder of the default templates: inside the installed package, or the repo's."""
    packaged = importlib.resources.files("smplan") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "templates"


def template_name(fmt: Format, summary: bool) -> str:
    """The template a format starts from; PDF is laid out from the HTML template."""
    kind = "md" if fmt is Format.md else "html"
    return f"{'summary' if summary else 'document'}.{kind}.j2"


def default_output(source: Path, fmt: Format, summary: bool = False) -> Path:
    """Where a plan's document goes by default: next to it, with the format's extension."""
    suffix = (".summary" if summary else "") + EXTENSIONS[fmt]
    return source.with_name(source.stem + suffix)


# --- Escaping ----------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|\w+;)")
#: Line starts that would open a heading, a quote, a list or a rule instead of text.
_MARKER = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")
_RULE = re.compile(r"^[-=\\_* ]+$")
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
#: Spaces a reader typed; no-break spaces stay, they come from the locale's formats.
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ")


def _escape_inline(text: str) -> str:
    out = []
    for i, char in enumerate(text):
        if char in "\\`*[]<|~":
            out.append("\\" + char)
        elif char == "_":
            # An underscore inside a word never starts emphasis; leave handles readable.
            inside = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
            out.append("_" if inside else "\\_")
        else:
            out.append(char)
    escaped = _ENTITY.sub(r"\\&", "".join(out))
    return _CLOSING_HASHES.sub(r"\1\\\2", escaped)


def _escape_line(line: str) -> str:
    escaped = _escape_inline(_squash(line))
    match = _MARKER.match(escaped)
    if match and match.group(1).isdigit():
        return escaped[: match.end()] + "\\" + escaped[match.end() :]
    if match or (_RULE.match(escaped) and escaped[0] in "-="):
        return "\\" + escaped
    return escaped


def md_escape(value: object) -> str:
    """Plan text as literal Markdown on one line: no markup, no HTML, no block start."""
    return _escape_line(_squash(str(value)))


def mdblock_escape(value: object) -> str:
    """Plan text as literal Markdown, its line breaks kept as hard breaks."""
    lines = [line for line in str(value).splitlines() if _squash(line)]
    return "\\\n".join(_escape_line(line) for line in lines)


def md_fence(value: object, info: str = "text") -> str:
    """Text as a fenced code block, its fence longer than any run of backticks inside."""
    text = "\n".join(line.rstrip() for line in str(value).splitlines())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def mdcell_escape(value: object) -> str:
    """Plan text for a Markdown table cell: `|` and line breaks cannot break the table."""
    if isinstance(value, list | tuple):
        return "<br>".join(mdcell_escape(item) for item in value)
    lines = [_squash(line) for line in str(value).splitlines()]
    return "<br>".join(_escape_inline(line) for line in lines if line)


# --- Jinja --------------------------------------------------------------------------------


def _bytecode_cache() -> Any:
    """Compiled templates kept between runs, or None when there is nowhere to keep them.

    Compiling the templates takes longer than rendering a plan, and they change only with
    smplan or with the user's own templates (the cache checks each template's source).
    The folder is $SMPLAN_CACHE_DIR, else $XDG_CACHE_HOME/smplan, else ~/.cache/smplan;
    SMPLAN_CACHE_DIR=off turns the cache off.
    """
    import tempfile

    from jinja2 import FileSystemBytecodeCache

    setting = os.environ.get("SMPLAN_CACHE_DIR", "")
    if setting == "off":
        return None
    if setting:
        root = Path(setting)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        root = (Path(xdg) if xdg else Path.home() / ".cache") / "smplan"
    directory = root / f"templates-{__version__}"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(directory, os.W_OK):
        return None

    class AtomicBytecodeCache(FileSystemBytecodeCache):
        """Writes each entry through a temporary file, so parallel renders never read half."""

        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged entry is only a cache miss
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            target = Path(self._get_cache_filename(bucket))
            try:
                fd, name = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            except OSError:
                return
            tmp = Path(name)
            try:
                with os.fdopen(fd, "wb") as handle:
                    bucket.write_bytecode(handle)
                tmp.replace(target)
            except OSError:
                with contextlib.suppress(OSError):
                    tmp.unlink()

    return AtomicBytecodeCache(str(directory))


@functools.lru_cache(maxsize=8)
def _environment(kind: str, template_dir: Path | None) -> Any:
    """The Jinja environment for one output kind; kept, so a batch compiles templates once."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    from markupsafe import Markup, escape

    builtin = FileSystemLoader(str(builtin_templates()))
    loaders: list[Any] = [builtin, PrefixLoader({"builtin": builtin})]
    if template_dir is not None:
        loaders.insert(0, FileSystemLoader(str(template_dir)))

    if kind == "md":

        def finalize(value: Any) -> Any:
            if value is None:
                return Markup("")
            if hasattr(value, "__html__"):
                return value
            return Markup(md_escape(value))

    else:

        def finalize(value: Any) -> Any:
            return "" if value is None else value

    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    if kind == "md":
        # In Markdown templates, Markup means "already escaped for Markdown".
        env.filters["md"] = lambda value: Markup(md_escape(value))
        env.filters["mdblock"] = lambda value: Markup(mdblock_escape(value))
        env.filters["mdcell"] = lambda value: Markup(mdcell_escape(value))
        env.filters["fence"] = lambda value, info="text": Markup(md_fence(value, info))
        env.filters["join"] = _markdown_join(env)
    else:
        env.filters["br"] = lambda value: Markup("<br>\n").join(
            escape(line) for line in str(value).splitlines()
        )
    return env


def _markdown_join(env: Any) -> Any:
    from markupsafe import Markup

    def join(items: Any, separator: str = "", attribute: str | None = None) -> Any:
        # The built-in `join` would HTML-escape the items; a Markdown list needs them
        # Markdown-escaped, the separator being template text.
        if attribute is not None:
            items = (env.getattr(item, attribute) for item in items)
        return Markup(separator).join(
            item if hasattr(item, "__html__") else Markup(md_escape(item)) for item in items
        )

    return join


def _template_location(exc: BaseException, template_dir: Path | None) -> str | None:
    """`FILE:LINE` of the template line that failed, as the user knows the file."""
    from jinja2 import TemplateSyntaxError

    roots = [(builtin_templates().resolve(), Path("builtin"))]
    if template_dir is not None:
        roots.insert(0, (template_dir.resolve(), template_dir))

    def shown(filename: str) -> str | None:
        path = Path(filename).resolve()
        for root, name in roots:
            if path.is_relative_to(root):
                return (name / path.relative_to(root)).as_posix()
        return None

    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return f"{shown(exc.filename) or exc.filename}:{exc.lineno}"
    # Jinja rewrites tracebacks so that template lines appear as frames of their own.
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        where = shown(frame.filename)
        if where is not None:
            return f"{where}:{frame.lineno}"
    return None


def _template_error(exc: Exception, template_dir: Path | None) -> RenderError:
    from jinja2 import TemplateNotFound
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateNotFound):
        text = f"template not found: {exc.name}"
    elif isinstance(exc, SecurityError):
        text = f"template refused: {exc}"
    else:
        text = f"template error: {getattr(exc, 'message', None) or exc}"
    where = _template_location(exc, template_dir)
    return RenderError(f"{where}: {text}" if where else text)


def _context(plan: Plan, options: RenderOptions, created: dt.datetime | None) -> dict[str, Any]:
    from smplan.i18n import labels, value_labels
    from smplan.render_view import build_document

    lang = options.lang or plan.language
    return {
        "doc": build_document(plan, lang, fallback_date=created.date() if created else None),
        "t": labels(lang),
        "values": value_labels(lang),
        "lang": lang,
        "plan": plan.model_dump(mode="python"),
        "generator": f"smplan {__version__}",
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ") if created else None,
    }


def source_date(plan: Plan) -> dt.datetime | None:
    """The document's timestamp: SOURCE_DATE_EPOCH when set, else the plan's own date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise RenderError(
                f"SOURCE_DATE_EPOCH is not a number of seconds: {epoch!r}",
                hint="set it to a Unix timestamp such as 1767225600, or unset it",
            ) from None
    if plan.project and plan.project.date:
        return dt.datetime.combine(plan.project.date, dt.time(), tzinfo=dt.UTC)
    return None


def render_text(plan: Plan, options: RenderOptions) -> str:
    """The document as Markdown (`fmt=md`) or as standalone HTML (html and pdf)."""
    from jinja2 import TemplateError

    kind = "md" if options.fmt is Format.md else "html"
    env = _environment(kind, options.template_dir)
    context = _context(plan, options, source_date(plan))
    try:
        template = env.get_template(template_name(options.fmt, options.summary))
        text = str(template.render(context))
    except TemplateError as exc:
        raise _template_error(exc, options.template_dir) from None
    if kind == "md":
        # Templates stay readable with generous blank lines; the document gets one.
        text = _BLANK_RUNS.sub("\n\n", _TRAILING.sub("", text)).strip("\n") + "\n"
    return text


# --- PDF --------------------------------------------------------------------------------


def _import_weasyprint() -> Any:
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            # Without HarfBuzz-Subset WeasyPrint falls back to fontTools; that is fine here.
            warnings.filterwarnings(
                "ignore", message="HarfBuzz-Subset", category=DeprecationWarning
            )
            import weasyprint
    except OSError as exc:
        raise RenderError(
            f"PDF output needs system libraries that could not be loaded ({exc}). "
            f"On Debian or Ubuntu, install them with: apt-get install {PDF_PACKAGES}",
            hint="Markdown and HTML output work without them: --format md or --format html",
        ) from None
    except ImportError:
        raise RenderError(
            "PDF output needs the weasyprint package, which is not installed",
            hint="pip install weasyprint, or use --format md or --format html",
        ) from None
    return weasyprint


def ensure_pdf_support() -> None:
    """Raise `RenderError` now, rather than once per plan, when PDF output cannot work."""
    _import_weasyprint()


def _fetcher(roots: Sequence[Path]) -> Any:
    from urllib.parse import unquote, urlsplit
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher

    allowed = [root.resolve() for root in roots]

    class RestrictedFetcher(URLFetcher):  # type: ignore[misc]
        """Loads bundled assets and files inside the allowed folders; refuses the rest."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            ok = parts.scheme == "data"
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(url2pathname(unquote(parts.path))).resolve()
                ok = any(path.is_relative_to(root) for root in allowed)
            if not ok:
                self.refused.append(url)
                raise ValueError(f"refused to load {url}")
            return super().fetch(url, headers)

    return RestrictedFetcher()


@contextlib.contextmanager
def _pinned_clock(when: dt.datetime | None) -> Iterator[None]:
    # fontTools stamps each embedded font subset with the current time unless
    # SOURCE_DATE_EPOCH is set: pin it to the document's date for the duration.
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if before and before.strip():
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()) if when else 0)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def render_pdf(plan: Plan, options: RenderOptions, base_dir: Path | None = None) -> bytes:
    """The document as PDF; only bundled assets and files under `base_dir` may be loaded."""
    html = render_text(plan, replace(options, fmt=Format.html))
    weasyprint = _import_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    roots = [builtin_templates()]
    roots += [p for p in (options.template_dir, base_dir) if p is not None]
    fetcher = _fetcher(roots)
    fonts = FontConfiguration()
    stylesheet = weasyprint.CSS(
        filename=str(builtin_templates() / "fonts.css"), font_config=fonts, url_fetcher=fetcher
    )
    base_url = base_dir.resolve().as_uri() + "/" if base_dir is not None else None
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    with _pinned_clock(source_date(plan)):
        pdf: bytes = document.write_pdf(
            stylesheets=[stylesheet],
            font_config=fonts,
            pdf_identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii"),
        )
    if fetcher.refused:
        raise RenderError(
            f"refused to load {fetcher.refused[0]}: a document may only use the bundled "
            "templates, the template folder and files inside the plan's folder"
        )
    return pdf


def render_plan(plan: Plan, options: RenderOptions, base_dir: Path | None = None) -> str | bytes:
    """The document in the format `options` asks for: text for md and html, bytes for PDF."""
    if options.fmt is Format.pdf:
        return render_pdf(plan, options, base_dir)
    return render_text(plan, options)


# --- Files and batches -------------------------------------------------------------------


def format_for(output: Path | None) -> Format | None:
    """The format an output file's extension names (`.md`, `.html`, `.pdf`), if any."""
    if output is None:
        return None
    for fmt, extension in EXTENSIONS.items():
        if output.suffix.lower() == extension:
            return fmt
    return None


def plan_outputs(
    sources: Sequence[Path], output: Path | None, fmt: Format, summary: bool = False
) -> list[tuple[Path, Path]]:
    """Pair each plan with the file its document goes to; raise `UsageError` on a clash.

    With one plan, `output` is the file to write (or a folder to write it in); with
    several, it must be a folder. Without it, each document sits next to its plan.
    """
    several = len(sources) > 1
    if several and output is not None and output.exists() and not output.is_dir():
        raise UsageError(
            f"with several plans, -o must be a folder, and {output} is a file",
            hint="give a folder, or render the plans one at a time",
        )
    jobs = []
    for source in sources:
        target = default_output(source, fmt, summary)
        if output is not None:
            if several or output.is_dir():
                target = output / target.name
            else:
                target = output
        jobs.append((source, target))
    seen: dict[Path, Path] = {}
    for source, target in jobs:
        key = target.resolve()
        if key == source.resolve():
            raise UsageError(f"{source}: the document would overwrite the plan itself")
        if key in seen:
            raise UsageError(
                f"{seen[key]} and {source} would both be written to {target}",
                hint="plans with the same name need separate folders",
            )
        seen[key] = source
    return jobs


def render_file(source: Path, output: Path, options: RenderOptions) -> Path:
    """Read the plan at `source`, render it and write `output` atomically."""
    from smplan.planfile import load_plan

    loaded = load_plan(source)
    try:
        data = render_plan(loaded.plan, options, base_dir=source.resolve().parent)
    except RenderError as exc:
        raise RenderError(f"{source}: {exc.message}", hint=exc.hint) from None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(output, data)
    except OSError as exc:
        raise RenderError(
            f"{source}: cannot write {output}: {exc.strerror or exc}",
            hint="check that the folder exists and that you may write in it",
        ) from None
    return output


@dataclass(frozen=True)
class Outcome:
    """What became of one plan in a batch: the file written, or the error to report.

    `located` says the message is already one `FILE:LINE:COL: ...` line per problem.
    """

    source: str
    output: str | None = None
    message: str | None = None
    hint: str | None = None
    exit_code: int = 0
    located: bool = False


def render_job(source: str, output: str, options: RenderOptions) -> Outcome:
    """Render one plan of a batch; errors come back as data so that workers never fail."""
    try:
        written = render_file(Path(source), Path(output), options)
    except SmplanError as exc:
        return Outcome(
            source,
            message=exc.message,
            hint=exc.hint,
            exit_code=int(exc.exit_code),
            located=isinstance(exc, PlanFileError),
        )
    return Outcome(source, output=str(written))


def render_batch(
    jobs: Sequence[tuple[Path, Path]], options: RenderOptions, workers: int = 1
) -> Iterator[Outcome]:
    """Render every (source, output) pair, `workers` at a time, yielding in input order."""
    sources = [str(s) for s, _ in jobs]
    outputs = [str(o) for _, o in jobs]
    if workers <= 1 or len(jobs) <= 1:
        yield from map(render_job, sources, outputs, repeat(options))
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        yield from pool.map(render_job, sources, outputs, repeat(options))
