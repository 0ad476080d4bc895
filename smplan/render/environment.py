"""The Jinja environment: sandboxed templates, the compiled-template cache, the context."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import stat
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from smplan import __version__
from smplan.cachedir import cache_root
from smplan.checks.diff import change_log, diff_plans
from smplan.errors import RenderError, printable
from smplan.fsutil import FileTooLarge, NotARegularFile, read_regular
from smplan.i18n import L_, Message, _, current, language, ngettext, pgettext
from smplan.plan.labels import VALUE_LABELS
from smplan.plan.model import EARLIEST_DATE, Plan
from smplan.render.formats import FORMATS, RenderOptions, builtin_templates, template_name
from smplan.render.labels import labels
from smplan.render.markdown import (
    md_escape,
    md_fence,
    mdblock_escape,
    mdcell_escape,
    tidy,
)
from smplan.render.theme import dress
from smplan.render.typography import Verbatim, raise_ordinals, typeset
from smplan.render.view import build_document, by_chapter


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
    root = cache_root()
    if root is None:
        return None
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


#: A template file is text of a few KiB; anything past this is refused unread.
MAX_TEMPLATE_BYTES = 1024 * 1024
#: A document is a few dozen KiB; a template that writes more than this is runaway.
MAX_OUTPUT_CHARS = 32 * 1024 * 1024
#: Longest a template may keep rendering one document, in seconds.
MAX_RENDER_SECONDS = 60.0
#: Largest string or list one `*`, `+` or `**` in a template may make.
MAX_VALUE_SIZE = 1024 * 1024


class TemplateLimit(Exception):
    """A template went past one of the bounds above."""


def _refused(message: Any) -> Exception:
    """Jinja's refusal of a template, its message (a catalog one) put in words when shown."""
    from jinja2.exceptions import SecurityError

    return SecurityError(message)


def _folder_loader(root: Path) -> Any:
    """A loader of the templates in `root`: regular files inside it, UTF-8, bounded.

    A symlink or `..` that leads out of the folder is refused, as the PDF fetcher
    refuses such paths; so are pipes, devices and files over `MAX_TEMPLATE_BYTES`.
    """
    from jinja2 import BaseLoader, TemplateNotFound

    folder = root.resolve()

    class FolderLoader(BaseLoader):
        def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
            path = (folder / template).resolve()
            if not path.is_relative_to(folder):
                if (folder / template).exists():
                    raise _refused(L_("{name} leads outside the template folder", name=template))
                raise TemplateNotFound(template)
            try:
                data = read_regular(path, MAX_TEMPLATE_BYTES)
            except FileNotFoundError:
                raise TemplateNotFound(template) from None
            except (NotADirectoryError, IsADirectoryError):
                raise TemplateNotFound(template) from None
            except NotARegularFile as exc:
                if exc.kind == "directory":
                    raise TemplateNotFound(template) from None
                message = L_("{name} is not a regular file", name=template)
                raise _refused(message) from None
            except FileTooLarge:
                raise _refused(
                    L_(
                        "{name} is larger than {limit} bytes",
                        name=template,
                        limit=f"{MAX_TEMPLATE_BYTES:,}",
                    )
                ) from None
            except OSError as exc:
                raise _refused(
                    L_("{name} cannot be read: {reason}", name=template, reason=exc.strerror or exc)
                ) from None
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data.count(b"\n", 0, exc.start) + 1
                raise _refused(
                    L_("{name}:{line} is not UTF-8 text", name=template, line=line)
                ) from None
            mtime = path.stat().st_mtime_ns

            def uptodate() -> bool:
                try:
                    return path.stat().st_mtime_ns == mtime
                except OSError:
                    return False

            return text, str(path), uptodate

    return FolderLoader()


def _sandbox_class() -> Any:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        """The sandbox, with `*`, `+` and `**` kept from building values of any size."""

        intercepted_binops = frozenset({"*", "+", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(left, int) and isinstance(right, int):
                if abs(left) > 1 and right > 4096:
                    raise TemplateLimit(L_("a number in a template is too large"))
            elif operator == "*":
                for value, times in ((left, right), (right, left)):
                    if isinstance(value, str | list | tuple) and isinstance(times, int):
                        if len(value) * times > MAX_VALUE_SIZE:
                            raise TemplateLimit(L_("a value in a template is too large"))
            elif operator == "+" and isinstance(left, str | list | tuple):
                if hasattr(right, "__len__") and len(left) + len(right) > MAX_VALUE_SIZE:
                    raise TemplateLimit(L_("a value in a template is too large"))
            return super().call_binop(context, operator, left, right)

    return BoundedSandbox


@functools.lru_cache(maxsize=8)
def _environment(kind: str, template_dir: Path | None) -> Any:
    """The Jinja environment for one output kind; kept, so a batch compiles templates once."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
    from markupsafe import Markup, escape

    builtin = FileSystemLoader(str(builtin_templates()))
    loaders: list[Any] = [builtin, PrefixLoader({"builtin": builtin})]
    if template_dir is not None:
        loaders.insert(0, _folder_loader(template_dir))

    def prose(value: Any) -> Any:
        # Set in the language of the document being rendered, whichever one that is.
        return typeset(value, current())

    if kind == "md":

        def finalize(value: Any) -> Any:
            if value is None:
                return Markup("")
            if hasattr(value, "__html__"):
                return value
            return Markup(md_escape(prose(value)))

    else:

        def html(value: Any) -> Any:
            # Set, escaped, then the ordinals' endings raised: 1<sup>er</sup>.
            if hasattr(value, "__html__"):
                return value
            text = prose(value)
            if isinstance(text, Verbatim) or not isinstance(text, str):
                return text
            return Markup(raise_ordinals(str(escape(text)), current()))

        def finalize(value: Any) -> Any:
            return "" if value is None else html(value)

    env = _sandbox_class()(
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
        env.filters["md"] = lambda value: Markup(md_escape(prose(value)))
        env.filters["mdblock"] = lambda value: Markup(mdblock_escape(prose(value)))
        env.filters["mdcell"] = lambda value: Markup(mdcell_escape(_each(prose, value)))
        env.filters["fence"] = lambda value, info="text": Markup(md_fence(value, info))
        env.filters["join"] = _joiner(env, lambda item: Markup(md_escape(prose(item))))
    else:
        env.filters["br"] = lambda value: Markup("<br>\n").join(
            escape(html(line)) for line in str(value).splitlines()
        )
        env.filters["join"] = _joiner(env, lambda item: escape(html(item)))
    # Templates say {{ _("...") }}; the words come from the catalog of the language in force.
    env.install_gettext_callables(gettext=_, ngettext=ngettext, pgettext=pgettext, newstyle=False)
    return env


def forget_templates() -> None:
    """Build the environments afresh at the next render: a template was added or removed."""
    _environment.cache_clear()


def _each(apply: Any, value: Any) -> Any:
    """`apply` to a value, or to each item of a list of them."""
    if isinstance(value, list | tuple):
        return [apply(item) for item in value]
    return apply(value)


def _joiner(env: Any, shown: Any) -> Any:
    from markupsafe import Markup

    def join(items: Any, separator: str = "", attribute: str | None = None) -> Any:
        # The built-in `join` would only HTML-escape the items; each is escaped for the
        # output format and set as prose, the separator being template text.
        if attribute is not None:
            items = (env.getattr(item, attribute) for item in items)
        return Markup(separator).join(
            item if hasattr(item, "__html__") else shown(item) for item in items
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


def _template_error(
    exc: Exception, template_dir: Path | None, name: str | None = None
) -> RenderError:
    from jinja2 import TemplateNotFound
    from jinja2.exceptions import SecurityError

    text: Message
    if isinstance(exc, TemplateNotFound):
        text = L_("template not found: {name}", name=printable(str(exc.name)))
    elif isinstance(exc, SecurityError):
        text = L_("template refused: {reason}", reason=printable(str(exc)))
    elif isinstance(exc, RecursionError):
        text = L_("template error: templates call themselves without end")
    elif isinstance(exc, TemplateLimit):
        text = L_("template stopped: {reason}", reason=printable(str(exc)))
    else:
        reason = printable(str(getattr(exc, "message", None) or exc))
        text = L_("template error: {reason}", reason=reason)
    where = _template_location(exc, template_dir) or name
    return RenderError(
        L_("{file}: {message}", file=printable(where), message=text) if where else text
    )


def _bounded(join: Any, chunks: Any) -> str:
    """The chunks a template writes, refused once they pass `MAX_OUTPUT_CHARS`."""
    kept: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise TemplateLimit(
                L_("the document passed {limit} characters", limit=f"{MAX_OUTPUT_CHARS:,}")
            )
        kept.append(chunk)
    return str(join(kept))


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop a template that renders for longer than `seconds` with `TemplateLimit`.

    A timer signal interrupts the template wherever it is, even in a loop that writes
    nothing; it needs the main thread, and elsewhere the output bound alone applies.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise TemplateLimit(
            L_("the document took more than {seconds} seconds", seconds=f"{seconds:g}")
        )

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _context(
    plan: Plan,
    created: dt.datetime | None,
    options: RenderOptions | None = None,
    base_dir: Path | None = None,
) -> dict[str, Any]:
    """What templates see, in the language in force."""
    lang = current()
    options = options or RenderOptions()
    project = plan.project
    return {
        "doc": build_document(
            plan, lang, fallback_date=created.date() if created else None, draft=options.draft
        ),
        "t": labels(),
        "values": {
            kind: {value: str(name) for value, name in names.items()}
            for kind, names in VALUE_LABELS.items()
        },
        "lang": lang,
        "plan": plan.model_dump(mode="python"),
        **dress(
            project.theme if project else None,
            lang,
            asked=options.theme,
            paper=options.paper,
            base_dir=base_dir,
        ),
        "generator": f"smplan {__version__}",
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ") if created else None,
    }


def source_date(plan: Plan) -> dt.datetime | None:
    """The document's timestamp: SOURCE_DATE_EPOCH when set, else the plan's own date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        earliest = dt.datetime.combine(EARLIEST_DATE, dt.time(), tzinfo=dt.UTC)
        try:
            when = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            when = None
        if when is None or when < earliest:
            raise RenderError(
                L_(
                    "SOURCE_DATE_EPOCH is not a number of seconds since 1970 that gives a "
                    "date from {earliest} on: {epoch}",
                    earliest=EARLIEST_DATE.isoformat(),
                    epoch=printable(repr(epoch)),
                ),
                hint=L_("set it to a Unix timestamp such as 1767225600, or unset it"),
            )
        return when
    if plan.project and plan.project.date:
        return dt.datetime.combine(plan.project.date, dt.time(), tzinfo=dt.UTC)
    return None


def render_text(plan: Plan, options: RenderOptions, base_dir: Path | None = None) -> str:
    """The document as Markdown (`fmt=md`) or as standalone HTML (html and pdf); a theme
    the plan names is found beside it, in `base_dir`."""
    kind = FORMATS[options.fmt].template
    name = template_name(options.fmt, options.summary)
    previous = options.previous
    created = source_date(plan)
    with language(options.lang or plan.language) as lang:
        context = _context(plan, created, options, base_dir)
        context["changes"] = (
            by_chapter(change_log(diff_plans(previous, plan, current())))
            if previous is not None
            else None
        )
    return render_template(kind, name, context, options.template_dir, lang)


def render_template(
    kind: str, name: str, context: dict[str, Any], template_dir: Path | None, lang: str
) -> str:
    """Template `name` of `kind` (md or html) filled with `context` in `lang`, within the
    bounds on time and size; whatever the template does wrong is a located `RenderError`,
    worded for the person running smplan rather than in the document's language."""
    # Kept by the folder itself: a relative --template-dir names another folder elsewhere.
    env = _environment(kind, template_dir.resolve() if template_dir is not None else None)
    failure: Exception | None = None
    with language(lang):
        try:
            template = env.get_template(name)
            with _time_limit(MAX_RENDER_SECONDS):
                text = _bounded("".join, template.generate(context))
        except RenderError:
            raise
        except Exception as exc:  # whatever a template does wrong is the template's error
            failure = exc
    if failure is not None:
        raise _template_error(failure, template_dir, name) from None
    return tidy(text) if kind == "md" else text


def render_document(plan: Plan, options: RenderOptions, base_dir: Path | None = None) -> str:
    """The document as text, for the registry; the plan's folder holds its theme."""
    return render_text(plan, options, base_dir)
