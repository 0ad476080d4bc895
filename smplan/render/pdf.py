"""PDF through WeasyPrint, loading only the bundled assets and the allowed folders."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from smplan.errors import RenderError, printable
from smplan.i18n import L_
from smplan.plan.model import Plan
from smplan.render._libs import import_with_cached_lookups
from smplan.render.environment import render_text, source_date
from smplan.render.formats import PDF_PACKAGES, RenderOptions, builtin_templates


def _load_weasyprint() -> Any:
    import weasyprint

    return weasyprint


def _import_weasyprint() -> Any:
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            # Without HarfBuzz-Subset WeasyPrint falls back to fontTools; that is fine here.
            warnings.filterwarnings(
                "ignore", message="HarfBuzz-Subset", category=DeprecationWarning
            )
            weasyprint = import_with_cached_lookups(_load_weasyprint)
    except OSError as exc:
        command = f"apt-get install {PDF_PACKAGES}"
        raise RenderError(
            L_(
                "PDF output needs system libraries that could not be loaded ({reason}). "
                "On Debian or Ubuntu, install them with: {command}",
                reason=str(exc),
                command=command,
            ),
            hint=L_("Markdown and HTML output work without them: --format md or --format html"),
        ) from None
    except ImportError:
        raise RenderError(
            L_("PDF output needs the weasyprint package, which is not installed"),
            hint=L_("pip install weasyprint, or use --format md or --format html"),
        ) from None
    return weasyprint


#: Said once per command when HarfBuzz's subsetter is missing: PDFs still come out right.
SUBSET_NOTE = L_(
    "note: libharfbuzz-subset is not installed, so the fonts are cut down by fontTools, "
    "which is slower; on Debian or Ubuntu: {command}",
    command="apt-get install libharfbuzz-subset0",
)


def ensure_pdf_support() -> list[str]:
    """Raise `RenderError` now, rather than once per plan, when PDF output cannot work.

    Returns notes for the user about what would make it faster.
    """
    weasyprint = _import_weasyprint()
    ffi = getattr(getattr(weasyprint, "text", None), "ffi", None)
    missing = ffi is not None and getattr(ffi, "harfbuzz_subset", True) is None
    return [str(SUBSET_NOTE)] if missing else []


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
    html = render_text(plan, replace(options, fmt="html"), base_dir)
    return html_to_pdf(html, plan, options, base_dir)


def html_to_pdf(
    html: str,
    plan: Plan,
    options: RenderOptions,
    base_dir: Path | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """Lay HTML out as PDF, dated `stamp` (by default like the plan's document); only
    bundled assets, the template folder and files under `base_dir` may be loaded."""
    weasyprint = _import_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    bundled = builtin_templates()
    roots = [bundled, *(p for p in (options.template_dir, base_dir) if p is not None)]
    fetcher = _fetcher(roots)
    fonts = FontConfiguration()
    stylesheet = weasyprint.CSS(
        filename=str(bundled / "fonts.css"), font_config=fonts, url_fetcher=fetcher
    )
    base_url = base_dir.resolve().as_uri() + "/" if base_dir is not None else None
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    with _pinned_clock(stamp or source_date(plan)):
        pdf: bytes = document.write_pdf(
            stylesheets=[stylesheet],
            font_config=fonts,
            pdf_identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii"),
        )
    if fetcher.refused:
        raise RenderError(
            L_(
                "refused to load {url}: a document may only use the bundled templates, "
                "the template folder and files inside the plan's folder",
                url=printable(fetcher.refused[0]),
            )
        )
    return pdf
