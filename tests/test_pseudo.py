"""A generated pseudo-language proves that every text a user reads comes from the catalogs.

The language `xx` translates every message of the template into itself between the marks
⟦ and ⟧. smplan finds it the way it finds any catalog (here through SMPLAN_LOCALE_PATH,
as a translator would try one), so `new`, `init`, `check` and `render` speak it with no
change to the code. Whatever a command prints outside the marks must then be the
person's own text, a name from the plan format, a path, a code, a number or Babel's
locale data: any other word was written in the code and never went through a catalog.
"""

from __future__ import annotations

import os
import re
import subprocess
import zoneinfo
from pathlib import Path

import pytest
import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from smplan.i18n import LOCALE_DIR, languages
from smplan.plan.meta import fields
from smplan.plan.model import Plan
from smplan.plan.schema import plan_schema
from tests.processes import Forker

ROOT = Path(__file__).resolve().parent.parent
OPEN, CLOSE = "⟦", "⟧"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
WORD = re.compile(r"[^\W\d_]{2,}")


def _pseudo(text: str) -> str:
    """`text` between the marks, its `{fields}` kept so the code can fill them in."""
    return f"{OPEN}{text}{CLOSE}"


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the catalog of the pseudo-language `xx`, built from the template."""
    with (LOCALE_DIR / "smplan.pot").open("rb") as handle:
        template = read_po(handle)
    catalog = Catalog(locale="en_GB", domain="smplan")
    for message in template:
        if not message.id:
            continue
        if message.context == "locale":
            string_: str | tuple[str, ...] = message.id  # the Babel locale, never shown
        elif isinstance(message.id, tuple):
            string_ = tuple(_pseudo(form) for form in message.id)
        else:
            string_ = _pseudo(message.id)
        catalog.add(message.id, string_, context=message.context, flags=message.flags)
    folder = tmp_path_factory.mktemp("locale")
    target = folder / "xx" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "smplan.mo").open("wb") as handle:
        write_mo(handle, catalog)
    return folder


def _run(pseudo: Path, cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`smplan ARGS` in a process of its own, which finds the pseudo-language's catalog."""
    env = {
        **os.environ,
        "SMPLAN_LOCALE_PATH": str(pseudo),
        "COLUMNS": "200",
        "NO_COLOR": "1",
        **env,
    }
    code, out, err = Forker.run(list(args), cwd, env, timeout=120)
    return subprocess.CompletedProcess(args, code, out.decode("utf-8"), err.decode("utf-8"))


def _allowed_words(*plans: Path) -> set[str]:
    """Words a command may print unmarked: the plan format's names, and the plan's own text."""
    words = {"smplan", "yaml", "md", "html", "pdf", "json", "utf", "smp", "id", "ids"}
    for f in fields(Plan):
        words.update(f.path[-1].split("_"))
        # Examples that are names or values, not words of a language (Claire Morel, 24 h).
        extra = f.info.json_schema_extra if isinstance(f.info.json_schema_extra, dict) else {}
        words.update(w.casefold() for w in WORD.findall(_scalars(extra.get("examples"))))
    # The values a field allows are the plan format's own words, written as they are.
    words.update(w.casefold() for w in WORD.findall(" ".join(_enums(plan_schema()))))
    words.update(languages())
    # Time zone names are places, not words of a language (Europe/London, America/Denver).
    zones = " ".join(zoneinfo.available_timezones())
    words.update(w.casefold() for w in WORD.findall(zones))
    for plan in plans:
        data = yaml.safe_load(plan.read_text(encoding="utf-8")) if plan.exists() else None
        words.update(w.casefold() for w in WORD.findall(_scalars(data)))
        words.update(w.casefold() for w in WORD.findall(str(plan)))
    locale = Locale.parse("en_GB")
    for table in (locale.months, locale.days):
        for names in table["format"].values():
            words.update(str(n).casefold() for n in names.values())
    return words


def _enums(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [str(v) for v in node.get("enum", [])]
        return found + [e for v in node.values() for e in _enums(v)]
    if isinstance(node, list):
        return [e for v in node for e in _enums(v)]
    return []


def _scalars(data: object) -> str:
    if isinstance(data, dict):
        return " ".join(f"{k} {_scalars(v)}" for k, v in data.items())
    if isinstance(data, list):
        return " ".join(_scalars(v) for v in data)
    return "" if data is None else str(data)


def _unmarked(text: str, allowed: set[str]) -> list[str]:
    """The words of `text` that came neither through the catalog nor from the plan."""
    while True:
        stripped = MARKED.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    text = re.sub(r"`[^`\n]*`", " ", text)  # keys, ids and values the message quotes
    return sorted({w for w in WORD.findall(text) if w.casefold() not in allowed})


def _translated(*texts: str) -> None:
    assert any(OPEN in text for text in texts), "nothing came through the pseudo catalog"


def test_new_writes_a_skeleton_in_the_pseudo_language(pseudo, tmp_path):
    result = _run(pseudo, tmp_path, "new", "plan.yaml", "--lang", "xx")
    assert result.returncode == 0, result.stderr
    skeleton = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    _translated(result.stdout, skeleton)
    comments = "\n".join(line.split("#", 1)[1] for line in skeleton.splitlines() if "#" in line)
    allowed = _allowed_words(tmp_path / "plan.yaml") | {"language", "server", "schema"}  # modeline
    assert _unmarked(result.stdout + result.stderr, allowed) == []
    assert _unmarked(comments, allowed) == []


def _french_example_in_xx(tmp_path: Path) -> Path:
    source = (ROOT / "examples" / "boulangerie.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(source.replace("language: fr", "language: xx", 1), encoding="utf-8")
    assert "language: xx" in plan.read_text(encoding="utf-8")
    return plan


def test_check_speaks_the_plans_language(pseudo, tmp_path):
    plan = _french_example_in_xx(tmp_path)
    allowed = _allowed_words(plan)
    for args in (
        ("check", "plan.yaml"),
        ("check", "plan.yaml", "--strict"),
    ):
        result = _run(pseudo, tmp_path, *args)
        assert result.returncode in (0, 1, 2), result.stderr
        assert "Traceback" not in result.stderr
        _translated(result.stdout, result.stderr)
        assert _unmarked(result.stdout + result.stderr, allowed) == [], args


#: Mistakes that leave the plan readable, each put into the example: (old, new).
_MISTAKES = [
    ("smplan: 1\n", "smplan: 1\ncurrency: EUR\n"),  # a key at the wrong level
    ("hours_per_week: 3", "hours_per_week: 3h"),  # a unit after a number
    ("  date: 2026-11-16", "  date: 2026-02-30"),  # a date that does not exist
    ("  horizon: 2027-12-31", "  horizon: 2027-13-01"),  # a month that does not exist
    ("    - id: ", "    - cadence: weekly\n      colour: blue\n      id: "),  # misplaced, unknown
    ("primary: true", "primary: maybe"),
]


def test_check_speaks_the_plans_language_about_a_broken_plan(pseudo, tmp_path):
    plan = _french_example_in_xx(tmp_path)
    allowed = _allowed_words(plan)
    text = plan.read_text(encoding="utf-8")
    for old, new in _MISTAKES:
        assert old in text, old
        text = text.replace(old, new, 1)
    plan.write_text(text, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("smplan: 1\nproject:\n  language: xx\n  name: @nordlys\n")
    for name in ("plan.yaml", "broken.yaml"):
        for output in ("text", "json"):
            result = _run(pseudo, tmp_path, "check", name, "--format", output)
            assert result.returncode in (1, 2), result.stderr
            assert "Traceback" not in result.stderr
            said = result.stdout + result.stderr
            _translated(said)
            # JSON's own keys are the format's, not words said to a person.
            if output == "json":
                assert '"code": "SMP0' in said
                said = re.sub(r'"[a-z]+":', " ", said)
                said = re.sub(r'"(complete|incomplete|missing|error|warning|project)"', " ", said)
            # The key the person wrote by mistake is shown back in the path; the file name.
            words = allowed | {"true", "false", "null", "colour", "broken"}
            assert _unmarked(said, words) == [], (name, output)


def test_render_speaks_the_plans_language(pseudo, tmp_path):
    plan = _french_example_in_xx(tmp_path)
    # The listening tools' query operators, and Markdown's line break and code fences.
    allowed = _allowed_words(plan) | {"and", "or", "not", "br", "text"}
    result = _run(pseudo, tmp_path, "render", "plan.yaml", "--format", "md", "-o", "plan.md")
    assert result.returncode == 0, result.stderr
    document = (tmp_path / "plan.md").read_text(encoding="utf-8")
    _translated(document)
    assert _unmarked(result.stdout + result.stderr, allowed) == []
    assert _unmarked(document, allowed) == []


def test_init_speaks_the_pseudo_language(pseudo, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "project:\n  name: Nordlys\n  organization: Nordlys\n  language: xx\n",
        encoding="utf-8",
    )
    result = _run(
        pseudo, tmp_path, "init", "plan.yaml", "--answers", "answers.yaml", "--no-interactive"
    )
    assert "Traceback" not in result.stderr
    _translated(result.stdout, result.stderr)
    allowed = _allowed_words(tmp_path / "plan.yaml", answers)
    assert _unmarked(result.stdout + result.stderr, allowed) == []


def test_the_commands_after_sign_off_speak_the_plans_language(pseudo, tmp_path):
    plan = _french_example_in_xx(tmp_path)
    results = (ROOT / "examples" / "boulangerie.results.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.results.yaml").write_text(results, encoding="utf-8")
    allowed = _allowed_words(plan, tmp_path / "plan.results.yaml") | {"metric", "value"}
    for args in (
        ("status", "plan.yaml"),
        ("calendar", "plan.yaml", "--weeks", "2", "-o", "cal.md"),
        ("track", "plan.yaml", "note-google", "4.6", "--period", "2027-03"),
        ("track", "plan.yaml", "note-google", "many", "--period", "2027-03"),
        ("track", "plan.yaml", "note-google", "4.6", "--period", "March"),
    ):
        result = _run(pseudo, tmp_path, *args)
        assert result.returncode in (0, 2), result.stderr
        assert "Traceback" not in result.stderr
        _translated(result.stdout, result.stderr)
        assert _unmarked(result.stdout + result.stderr, allowed) == [], args


def _help_words(text: str) -> set[str]:
    """What a help screen may show unmarked: option names, metavars such as <int range>,
    and the words of the parser Typer carries, which it writes in English (Usage)."""
    words = {"usage", "options", "command", "args"}
    words.update(w.casefold() for m in re.findall(r"<([^>]+)>", text) for w in WORD.findall(m))
    words.update(w.casefold() for w in re.findall(r"--?([\w-]+)", text) for w in w.split("-"))
    words.update(w.casefold() for w in re.findall(r"\b[A-Z][A-Z_]+\b", text))
    words.update(w.casefold() for w in re.findall(r"\{(\w+)", text.partition("\n")[0]))
    return words


def test_every_help_screen_speaks_the_environments_language(pseudo, tmp_path):
    commands = [""] + [
        "new", "init", "check", "render", "calendar", "track", "status", "report", "diff",
        "schema", "rules", "completion",
    ]  # fmt: skip
    for command in commands:
        args = [command, "--help"] if command else ["--help"]
        result = _run(pseudo, tmp_path, *args, LANGUAGE="xx")
        assert result.returncode == 0, result.stderr
        _translated(result.stdout)
        allowed = _allowed_words() | _help_words(result.stdout) | set(commands)
        # A command's summary in the list of commands is cut short, its closing mark too.
        shown = re.sub(f"{OPEN}[^{CLOSE}\n]*\\.\\.\\.$", " ", result.stdout, flags=re.M)
        assert _unmarked(shown, allowed) == [], command
