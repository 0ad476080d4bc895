"""The catalogs: every text of the code is in the template, and every language translates it."""

from __future__ import annotations

import datetime as dt
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from smplan.i18n import LOCALE_DIR, languages

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = LOCALE_DIR / "smplan.pot"
#: The extraction keywords, read from the Makefile so that `make catalogs` and this test agree.
KEYWORDS = re.search(r"^BABEL_KEYWORDS := (.+)$", (ROOT / "Makefile").read_text(), re.M)[1].split()


def _messages(path: Path) -> dict[tuple[str | None, str], object]:
    with path.open("rb") as handle:
        return {
            (m.context, m.id if isinstance(m.id, str) else m.id[0]): m
            for m in read_po(handle)
            if m.id
        }


def _fields(text: str) -> set[str]:
    return {name.split(".")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_template_holds_every_text_of_the_code_and_templates(tmp_path):
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            *KEYWORDS,
            "--omit-header",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert set(_messages(fresh)) == set(_messages(TEMPLATE)), "run `make catalogs`"


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != "en"])
def test_every_language_translates_every_text_with_the_same_fields(lang):
    catalog = _messages(LOCALE_DIR / lang / "LC_MESSAGES" / "smplan.po")
    template = _messages(TEMPLATE)
    assert set(catalog) == set(template)
    # A regional catalog (en_US) words only what its region writes otherwise.
    regional = "_" in lang
    for key, message in catalog.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if regional and not any(strings):
            continue
        assert all(strings), f"{key} is not translated into {lang}"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if "python-brace-format" in message.flags:
            for text in strings:
                assert _fields(text) == _fields(ids[0]), key


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != "en"])
def test_every_catalog_compiles_without_the_errors_pybabel_reports(lang):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "smplan.po").open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.locale is not None, "the catalog has lost its header (language, plurals)"
    problems = [(message.id, str(error)) for message, errors in catalog.check() for error in errors]
    assert problems == []


def test_french_is_a_shipped_language():
    assert {"en", "fr"} <= set(languages())


def test_american_english_words_only_what_differs_and_writes_the_american_way():
    from smplan.i18n import Formatter, _, language

    assert "en_US" in languages()
    with language("en_US"):
        assert _("Neighbourhood families") == "Neighborhood families"
        assert _("Summary") == "Summary"
    fmt = Formatter("en_US", "USD")
    assert fmt.money(150) == "$150"
    assert fmt.date(dt.date(2027, 3, 5)) == "March 5, 2027"
