"""A catalog is data: one from SMPLAN_LOCALE_PATH can neither read smplan's memory nor
crash a command. Each bad catalog is named once on standard error and its texts are
replaced by English ones; the command does its work and exits as it would have."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.processes import Ran, no_traceback, smplan

ROOT = Path(__file__).resolve().parent.parent
FRENCH = ROOT / "smplan" / "locale" / "fr" / "LC_MESSAGES" / "smplan.po"
BAKERY = ROOT / "examples" / "boulangerie.yaml"
SECRET = "s3cr3t-t0ken-value"
#: The verdict of a valid plan: the English line, and the French one.
ENGLISH_VERDICT = "boulangerie.yaml: valid · 0 errors, 0 warnings · 8 of 8 steps complete"
FRENCH_VERDICT = "boulangerie.yaml: valide · 0 erreur, 0 avertissement · 8 étapes terminées sur 8"


def catalog(folder: Path, po: str | bytes, name: str = "smplan.po") -> Path:
    """A French catalog under `folder`, as a translator would lay it out."""
    target = folder / "fr" / "LC_MESSAGES" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(po, bytes):
        target.write_bytes(po)
    else:
        target.write_text(po, encoding="utf-8")
    return target


def check_bakery(tmp_path: Path, locale_path: str) -> Ran:
    shutil.copy(BAKERY, tmp_path / "boulangerie.yaml")
    return smplan(
        "check",
        "boulangerie.yaml",
        cwd=tmp_path,
        env={"SMPLAN_LOCALE_PATH": locale_path, "TOKEN": SECRET},
    )


def warnings_about(ran: Ran, name: str) -> list[str]:
    return [
        line for line in ran.stderr.splitlines() if line.startswith("warning: ") and name in line
    ]


@pytest.mark.parametrize(
    ("translation", "why"),
    [
        (
            "{errors.__init__.__globals__[os].environ[TOKEN]}, {warnings}",
            "{errors.__init__.__globals__[os].environ[TOKEN]} reaches into a value",
        ),
        ("{errors}, {warnings[__class__]}", "{warnings[__class__]} reaches into a value"),
        ("{0.__class__}, {warnings}", "{0.__class__} reaches into a value"),
        ("{erors}, {warnings}", "{erors} is not one of its fields"),
        (
            "{errors:>999999999}, {warnings}",
            "{errors} is written in a way its English text does not allow",
        ),
        ("{errors}, {warnings", "the text cannot be filled in"),
    ],
)
def test_a_placeholder_is_a_plain_field_name_or_english_is_used(tmp_path, translation, why):
    text = FRENCH.read_text(encoding="utf-8").replace(
        'msgid "{errors}, {warnings}"\nmsgstr "{errors}, {warnings}"',
        f'msgid "{{errors}}, {{warnings}}"\nmsgstr "{translation}"',
    )
    assert translation in text
    po = catalog(tmp_path / "locale", text)

    ran = check_bakery(tmp_path, str(po.parents[2]))

    no_traceback(ran)
    assert ran.code == 0
    assert SECRET not in ran.output, "a catalog read the environment"
    # The English text, its fields in French: the rest of the catalog still speaks.
    assert ran.stdout.splitlines()[-1] == FRENCH_VERDICT
    said = warnings_about(ran, str(po.relative_to(tmp_path)))
    assert len(said) == 1, ran.stderr
    assert why in said[0]
    assert said[0].endswith("; the English text is used instead")


FRENCH_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural={plural};\\n"\n\n'
    'msgctxt "verdict"\nmsgid "valid"\nmsgstr "valide"\n'
)


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("smplan.mo", b"this is not a compiled catalog", "is not a catalog smplan can read"),
        ("smplan.po", b'msgid ""\nmsgstr "\\xff\xfe\xfa"\n', "is not a catalog smplan can read"),
        ("smplan.po", FRENCH_HEADER.format(plural="n > 1 +"), "is not a catalog smplan can read"),
        (
            "smplan.po",
            FRENCH_HEADER.format(plural="n % 0"),
            "its plural expression cannot be used (ZeroDivisionError",
        ),
        ("smplan.po", "#" * (5 * 1024 * 1024), "is larger than 4 MB: it is not read"),
    ],
)
def test_a_broken_catalog_is_named_once_and_english_is_spoken(tmp_path, name, content, why):
    po = catalog(tmp_path / "locale", content, name)

    ran = check_bakery(tmp_path, str(po.parents[2]))

    no_traceback(ran)
    assert ran.code == 0
    assert ran.stdout.splitlines()[-1] == ENGLISH_VERDICT
    said = warnings_about(ran, str(po.relative_to(tmp_path)))
    assert len(said) == 1, ran.stderr
    assert why in said[0]


def test_a_folder_that_cannot_be_read_is_left_out_and_named(tmp_path):
    too_long = tmp_path / ("x" * 300)  # the system refuses to look into it: ENAMETOOLONG
    good = catalog(tmp_path / "good", FRENCH.read_text(encoding="utf-8")).parents[2]

    ran = check_bakery(tmp_path, os.pathsep.join([str(too_long), str(good)]))

    no_traceback(ran)
    assert ran.code == 0
    assert ran.stdout.splitlines()[-1] == FRENCH_VERDICT
    said = warnings_about(ran, "x" * 300)
    assert len(said) == 1, ran.stderr
    assert said[0].endswith("cannot be read (File name too long); its catalogs are left out")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder"
)
def test_a_folder_without_permission_is_left_out_and_named(tmp_path):
    locked = tmp_path / "locked"
    catalog(locked, FRENCH.read_text(encoding="utf-8"))
    locked.chmod(0)
    try:
        ran = check_bakery(tmp_path, str(locked))
    finally:
        locked.chmod(0o755)

    no_traceback(ran)
    assert ran.code == 0
    assert ran.stdout.splitlines()[-1] == FRENCH_VERDICT
    assert len(warnings_about(ran, "locked")) == 1, ran.stderr
