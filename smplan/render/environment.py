"""The Jinja environment: sandboxed templates, the compiled-template cache, the context."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import stat
import traceback
from pathlib import Path
from typing import Any

from smplan import __version__
from smplan.errors import RenderError
from smplan.i18n import _, current, language, ngettext, pgettext
from smplan.plan.labels import VALUE_LABELS
from smplan.plan.model import Plan
from smplan.render.formats import FORMATS, RenderOptions, builtin_templates, template_name
from smplan.render.labels import labels
from smplan.render.markdown import (
    _BLANK_RUNS,
    _TRAILING,
    md_escape,
    md_fence,
    mdblock_escape,
    mdcell_escape,
)
from smplan.render.view import build_document


def _bytecode_cache() -> Any:
    """Compiled templates kept between runs, or None when there is nowhere to keep them.

    Compiling the templates takes longer than rendering a plan, and they change only with
    smplan or with the user's own templates (the cache checks each template's source).
    The folder is $SMPLAN_CACHE_DIR, else $XDG_CACHE_HOME/smplan, else ~/.cache/smplan;
    SMPLAN_CACHE_DIR=off turns the cache off.

    An entry is compiled code that Jinja unpickles and unmarshals, so loading one runs
    whatever it holds. Each entry is therefore signed with a key only this user can read
    (HMAC-SHA256, the key kept 0600 in the cache folder) and its signature checked before
    Jinja sees a byte of it; the folder itself must be the user's own and closed to
    others. Anything else is a cache miss, never code that runs.
    """
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
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    key = _cache_key(directory)
    if key is None:
        return None
    return _signed_cache(str(directory), key)


#: Compiled templates are a few dozen KiB; anything much larger is not one of ours.
_MAX_ENTRY = 16 * 1024 * 1024
_KEY_NAME = "key"
_KEY_BYTES = 32


def _private(info: os.stat_result, *, directory: bool) -> bool:
    """Whether a cache folder or file is this user's own and nobody else may change it."""
    kind = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    closed = 0o022 if directory else 0o077
    return kind and info.st_uid == os.geteuid() and not info.st_mode & closed


def _read_private(path: Path, limit: int) -> bytes | None:
    """The bytes of a file of ours no one else may touch, not followed through a link."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not _private(os.fstat(fd), directory=False):
            return None
        data = os.read(fd, limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def _cache_key(directory: Path) -> bytes | None:
    """The user's key for signing cache entries, made on first use; None if unsafe."""
    import secrets
    import tempfile

    try:
        if not _private(directory.lstat(), directory=True):
            return None
    except OSError:
        return None
    path = directory / _KEY_NAME
    key = _read_private(path, _KEY_BYTES)
    if key is not None and len(key) == _KEY_BYTES:
        return key
    if path.exists() or path.is_symlink():
        return None  # someone else's, or damaged: no cache rather than a guessable key
    try:
        fd, name = tempfile.mkstemp(dir=directory, prefix=".key-")  # created 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(_KEY_BYTES))
        try:
            # A link never replaces: of two runs making a key at once, the first one wins.
            os.link(name, path)
        finally:
            Path(name).unlink()
    except FileExistsError:
        pass
    except OSError:
        return None
    key = _read_private(path, _KEY_BYTES)
    return key if key is not None and len(key) == _KEY_BYTES else None


def _signed_cache(directory: str, key: bytes) -> Any:
    import hashlib
    import hmac
    import tempfile

    from jinja2 import FileSystemBytecodeCache

    def signature(name: str, data: bytes) -> bytes:
        # The entry's file name names its template: an entry cannot stand for another.
        return hmac.new(key, name.encode() + b"\0" + data, hashlib.sha256).digest()

    class SignedBytecodeCache(FileSystemBytecodeCache):
        """Signs each entry, checks the signature before loading it, writes atomically."""

        def load_bytecode(self, bucket: Any) -> None:
            path = Path(self._get_cache_filename(bucket))
            entry = _read_private(path, _MAX_ENTRY)
            size = hashlib.sha256().digest_size
            if entry is None or len(entry) <= size:
                return
            mac, data = entry[:size], entry[size:]
            if not hmac.compare_digest(mac, signature(path.name, data)):
                return  # not written by this user's smplan: never unpickled
            try:
                bucket.bytecode_from_string(data)
            except Exception:  # a damaged entry is only a cache miss
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            target = Path(self._get_cache_filename(bucket))
            data = bucket.bytecode_to_string()
            try:
                fd, name = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            except OSError:
                return
            tmp = Path(name)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(signature(target.name, data) + data)
                tmp.replace(target)
            except OSError:
                with contextlib.suppress(OSError):
                    tmp.unlink()

    return SignedBytecodeCache(directory)


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
        extensions=["jinja2.ext.i18n"],
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
    # Templates say {{ _("...") }}; the words come from the catalog of the language in force.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_, ngettext=ngettext, pgettext=pgettext, newstyle=False
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


def _context(plan: Plan, created: dt.datetime | None) -> dict[str, Any]:
    """What templates see, in the language in force."""
    lang = current()
    return {
        "doc": build_document(plan, lang, fallback_date=created.date() if created else None),
        "t": labels(),
        "values": {
            kind: {value: str(name) for value, name in names.items()}
            for kind, names in VALUE_LABELS.items()
        },
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

    kind = FORMATS[options.fmt].template
    env = _environment(kind, options.template_dir)
    try:
        with language(options.lang or plan.language):
            context = _context(plan, source_date(plan))
            template = env.get_template(template_name(options.fmt, options.summary))
            text = str(template.render(context))
    except TemplateError as exc:
        raise _template_error(exc, options.template_dir) from None
    if kind == "md":
        # Templates stay readable with generous blank lines; the document gets one.
        text = _BLANK_RUNS.sub("\n\n", _TRAILING.sub("", text)).strip("\n") + "\n"
    return text


def render_document(plan: Plan, options: RenderOptions, base_dir: Path | None = None) -> str:
    """The document as text, for the registry: templates need no folder of the plan's."""
    return render_text(plan, options)
