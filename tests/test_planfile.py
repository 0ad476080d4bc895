"""Reading plan files: every way a file can be unusable gets one clear, located message."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from smplan.plan.files import MAX_BYTES, load_plan, parse_plan_text
from smplan.plan.roundtrip import PlanWriter

MINIMAL = "smplan: 1\nproject:\n  name: Plan\n  language: en\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    # Run from the plan's folder so messages name it as a user would type it.
    monkeypatch.chdir(tmp_path)


#: A problem the loader found, as `check` prints it: SMP000 or a code of SMP020 to SMP039.
LOADER_LINE = re.compile(r"error SMP(000|0[23]\d): ")


def loader_lines(output: str) -> list[str]:
    """The loader's problems in `check`'s report, without the report's indentation."""
    return [line.strip() for line in output.splitlines() if LOADER_LINE.search(line)]


def _line_number(line: str) -> int:
    return int(line.split(":")[1])


def check(smplan, tree, content, name="plan.yaml"):
    root = tree({name: content})
    return smplan("check", name), root / name


# --- Files that cannot be used at all: exit 2, one line each, file untouched -----------

UNUSABLE = [
    pytest.param(b"", "plan.yaml: file is empty (hint: start from `smplan new PATH`)", id="empty"),
    pytest.param(
        b"# just a comment\n",
        "plan.yaml: file holds only comments (hint: start from `smplan new PATH`)",
        id="only-comments",
    ),
    pytest.param(
        b"smplan: 1\x00\x01\x02",
        "plan.yaml:1:10: error SMP000: binary data (a NUL byte), not a YAML plan",
        id="binary",
    ),
    pytest.param(
        "smplan: 1\nproject:\n  name: Caf\xe9\n".encode("latin-1"),
        "plan.yaml:3:12: error SMP000: not UTF-8 text (byte 0xE9 cannot be decoded)"
        " (hint: save the file as UTF-8 in your editor)",
        id="latin-1",
    ),
    pytest.param(
        b"- team\n- listening\n",
        "plan.yaml:1:1: error SMP000: the top level is a list, not a mapping"
        " (hint: a plan starts with `smplan: 1` followed by `project:` and the steps)",
        id="top-level-list",
    ),
    pytest.param(
        b"just some words\n",
        "plan.yaml:1:1: error SMP000: the top level is a single value, not a mapping"
        " (hint: a plan starts with `smplan: 1` followed by `project:` and the steps)",
        id="top-level-scalar",
    ),
    pytest.param(
        b"smplan: 1\nproject: &p\n  name: x\nteam: *p\n",
        "plan.yaml:2:10: error SMP021: anchor `&p` is not allowed in a plan file"
        " (hint: remove the anchor and write each value out in full)",
        id="anchor",
    ),
    pytest.param(
        b"smplan: 1\nteam: *p\n",
        "plan.yaml:2:7: error SMP021: alias `*p` is not allowed in a plan file"
        " (hint: write the value out in full)",
        id="alias",
    ),
    pytest.param(
        b"smplan: 1\n---\nsmplan: 1\n",
        "plan.yaml:2:1: error SMP021: more than one YAML document (`---`) in the file"
        " (hint: a plan file holds one document)",
        id="two-documents",
    ),
    pytest.param(
        b"smplan: 2\nproject:\n  name: x\n",
        "plan.yaml:1:9: smplan: error SMP035: this plan uses format 2, but smplan 0.1.0 reads"
        " format 1 only (hint: upgrade smplan: pip install --upgrade smplan)",
        id="newer-format",
    ),
    pytest.param(
        b"a: " + b"[" * 200 + b"]" * 200 + b"\n",
        "plan.yaml:1:43: error SMP023: nested more than 40 levels deep"
        " (hint: a plan needs only a few levels of nesting)",
        id="deep-nesting",
    ),
]


@pytest.mark.parametrize(("content", "expected"), UNUSABLE)
def test_unusable_file_gets_one_clear_message_and_exit_2(smplan, tree, content, expected):
    result, path = check(smplan, tree, content)
    assert result.exit_code == 2
    assert result.stderr.strip() == expected
    assert "Traceback" not in result.output
    assert path.read_bytes() == content


#: Files that cannot be used as they are, but whose rest can be read past the problem.
READ_PAST = [
    pytest.param(
        b'smplan: 1\nproject:\n  name: "unfinished\n',
        'plan.yaml:3:9: project.name: error SMP020: a text opens with `"` and is not closed'
        ' on its line (hint: put a closing `"` at the end of the text)',
        id="unclosed-quote",
    ),
    pytest.param(
        b"smplan: 1\nproject:\n\tname: x\n",
        "plan.yaml:3:1: project.name: error SMP020: YAML syntax error: a tab where spaces are"
        " expected (hint: indent with spaces, not tabs)",
        id="tab",
    ),
    pytest.param(
        b"smplan: 1\nproject: !!python/object/apply:os.system [echo]\n",
        "plan.yaml:2:10: project: error SMP021: tag `!!python/object/apply:os.system` is not"
        " allowed in a plan file (hint: remove the tag: a plan holds plain text, numbers, lists"
        " and mappings)",
        id="python-tag",
    ),
]


@pytest.mark.parametrize(("content", "expected"), READ_PAST)
def test_what_follows_a_syntax_problem_is_still_judged(smplan, tree, content, expected):
    result, path = check(smplan, tree, content)
    assert result.exit_code == 2
    assert loader_lines(result.stdout) == [expected]
    # The rest of the file is judged, each step with its status, and the verdict said.
    assert "Step 1 · The team  not started" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("plan.yaml: invalid · 1 error, ")
    assert path.read_bytes() == content


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_files_are_named_as_such(smplan, tree, encoding):
    result, _ = check(smplan, tree, "smplan: 1\n".encode(encoding))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"plan.yaml:1:1: error SMP000: {encoding.upper()} text, not UTF-8"
        " (hint: save the file as UTF-8 in your editor)"
    )


def test_duplicate_keys_are_all_reported_with_both_lines(smplan, tree):
    result, _ = check(smplan, tree, "smplan: 1\nproject:\n  name: A\n  name: B\nsmplan: 1\n")
    assert result.exit_code == 2
    assert loader_lines(result.stdout) == [
        "plan.yaml:4:3: project.name: error SMP022: duplicate key `name` (first defined at"
        " line 3) (hint: keep one of the two)",
        "plan.yaml:5:1: smplan: error SMP022: duplicate key `smplan` (first defined at line 1)"
        " (hint: keep one of the two)",
    ]


def test_billion_laughs_is_refused_before_it_expands(smplan, tree):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    result, _ = check(smplan, tree, bomb)
    assert result.exit_code == 2
    assert result.stderr.startswith("plan.yaml:1:4: error SMP021: anchor `&a` is not allowed")


def test_missing_file_and_directory(smplan, tmp_path):
    missing = smplan("check", tmp_path / "nope.yaml")
    assert missing.exit_code == 2
    assert missing.stderr.strip() == f"{tmp_path / 'nope.yaml'}: no such file"
    folder = smplan("check", tmp_path)
    assert folder.exit_code == 2
    assert folder.stderr.strip() == f"{tmp_path}: is a directory, not a plan file"


def test_oversized_file_is_refused_without_being_parsed(smplan, tree):
    content = "smplan: 1\n# " + "x" * MAX_BYTES + "\n"
    result, _ = check(smplan, tree, content)
    assert result.exit_code == 2
    size = len(content.encode())
    assert result.stderr.strip() == (
        f"plan.yaml: file is too large ({size:,} bytes); a plan file is at most"
        f" {MAX_BYTES:,} bytes (hint: is this really a plan file?)"
    )


# --- Files that parse but do not fit the model: exit 1, every problem at once -----------

BAD_PLAN = """\
smplan: 1
project:
  name: Plan
  language: englsh
  date: 2027-13-01
objectivs: []
objectives:
  - id: Sales
    statment: Sell more
    primary: maybe
  - statement: Keep customers
metrics:
  - id: m1
    baseline: lots
    target: 12
team:
  members:
    - id: ana
      hours_per_week: 100
      department: marketting
"""


def test_every_model_problem_is_reported_at_its_line_sorted(smplan, tree):
    result, _ = check(smplan, tree, BAD_PLAN)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert sorted(loader_lines(result.stdout), key=_line_number) == [
        "plan.yaml:4:13: project.language: error SMP031: `englsh` is not one of: en, en_US, fr",
        "plan.yaml:5:9: project.date: error SMP030: `2027-13-01` is not a date:"
        " there is no month 13 (hint: months run from 01 to 12)",
        "plan.yaml:6:1: objectivs: error SMP025: unknown key `objectivs`"
        " (hint: did you mean `objectives`?)",
        "plan.yaml:8:9: objectives[1].id: error SMP032: `Sales` is not a valid id"
        " (hint: ids use lowercase letters, digits, `-` and `_`, for example `sales-2027`)",
        "plan.yaml:9:5: objectives[1].statment: error SMP025: unknown key `statment`"
        " (hint: did you mean `statement`?)",
        "plan.yaml:10:14: objectives[1].primary: error SMP028: expected true or false,"
        " got `maybe` (hint: write `true` or `false`)",
        "plan.yaml:11:5: objectives[2].id: error SMP027: required key `id` is missing",
        "plan.yaml:14:15: metrics[1].baseline: error SMP028: expected a number or `unknown`,"
        " got `lots`",
        "plan.yaml:19:23: team.members[1].hours_per_week: error SMP033: `100` is out of range:"
        " it must be at most 80",
        "plan.yaml:20:19: team.members[1].department: error SMP031: `marketting` is not one of:"
        " management, marketing, communication, customer_service, support, sales, rd,"
        " monitoring, hr, it, legal, finance, operations, production, owner, practitioners,"
        " front_desk, other (hint: did you mean `marketing`?)",
    ]
    # What loads is checked too, and the summary counts it all.
    assert "metrics[1].definition: warning SMP011: metric `m1` has no definition" in result.stdout
    assert lines[-1].startswith("plan.yaml: invalid · 10 errors, ")


ONE_PROBLEM = [
    pytest.param(
        "smplan: 1\nproject:\n  colour: blue\n",
        "plan.yaml:3:3: project.colour: error SMP025: unknown key `colour`"
        " (hint: known keys here: name, organization, language, author, date, horizon,"
        " timezone, sectors, version, status, strategy, theme, currency)",
        id="unknown-key-without-close-match",
    ),
    pytest.param(
        "project:\n  name: x\n",
        "plan.yaml:1:1: smplan: error SMP027: required key `smplan` is missing"
        " (hint: add `smplan: 1` as the first line)",
        id="missing-format-version",
    ),
    pytest.param(
        "smplan: 1\nproject:\n  currency: euro\n",
        "plan.yaml:3:13: project.currency: error SMP034: `euro` is not a currency code"
        " (hint: use the three capital letters of ISO 4217, for example EUR, USD or GBP)",
        id="currency-in-words",
    ),
    pytest.param(
        "smplan: 1\nlistening:\n  monitoring_hours_per_week: inf\n",
        "plan.yaml:3:30: listening.monitoring_hours_per_week: error SMP028:"
        " expected a finite number, got `inf`",
        id="infinite-number",
    ),
]


@pytest.mark.parametrize(("content", "expected"), ONE_PROBLEM)
def test_a_single_model_problem_gets_its_own_words(smplan, tree, content, expected):
    result, _ = check(smplan, tree, content)
    assert result.exit_code == 1
    assert loader_lines(result.stdout)[0] == expected


def test_json_output_for_an_unreadable_file(smplan, tree):
    import json

    tree({"plan.yaml": "smplan: 1\nteam: *x\n"})
    result = smplan("check", "plan.yaml", "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["readable"] is False
    assert data["findings"][0]["line"] == 2
    assert data["findings"][0]["message"] == "alias `*x` is not allowed in a plan file"


# --- YAML's implicit typing never reaches the model -------------------------------------


def test_text_answers_keep_the_text_typed():
    text = (
        "smplan: 1\n"
        "project:\n  name: no\n  organization: on\n  version: 1.10\n  author: 2027-01-01\n"
        "listening:\n  trends: [yes, 1e3, null-ish, 0x10]\n"
    )
    plan = parse_plan_text(text, "plan.yaml").plan
    assert plan.project is not None
    assert (plan.project.name, plan.project.organization) == ("no", "on")
    assert (plan.project.version, plan.project.author) == ("1.10", "2027-01-01")
    assert plan.listening is not None
    assert plan.listening.trends == ["yes", "1e3", "null-ish", "0x10"]


def test_typed_fields_still_convert():
    text = (
        "smplan: 1\nproject:\n  date: 2026-11-25\n"
        "objectives:\n  - id: a\n    primary: yes\n    deadline: 2027-06-30\n"
        "metrics:\n  - id: m\n    baseline: unknown\n    target: 40\n"
    )
    plan = parse_plan_text(text, "plan.yaml").plan
    assert plan.project is not None and plan.project.date == dt.date(2026, 11, 25)
    assert plan.objectives is not None and plan.objectives[0].primary is True
    assert plan.metrics is not None
    assert (plan.metrics[0].baseline, plan.metrics[0].target) == ("unknown", 40.0)


def test_a_saved_plan_reads_back_the_same(tmp_path):
    text = (
        "smplan: 1\nproject:\n  name: 'no'\n  language: fr\n  date: 2026-11-25\n"
        "listening:\n  keywords:\n    slogans: []\n  trends: ['1.10']\n"
        "channels: []\n"
    )
    plan = parse_plan_text(text, "plan.yaml").plan
    path = tmp_path / "out.yaml"
    PlanWriter(path).save(plan)
    assert load_plan(path).plan == plan


def test_a_plan_in_progress_is_valid(smplan, tree):
    result, _ = check(smplan, tree, MINIMAL)
    assert result.exit_code == 0


def test_a_control_character_written_by_hand_is_reported_at_its_line(smplan, tree):
    # A YAML escape lets a hand edit (or a pasted terminal answer) carry an arrow key's
    # escape sequence past the YAML reader: the plan's text type refuses it.
    content = (
        'smplan: 1\nlistening:\n  needs:\n    - id: stock\n      evidence: "10 calls\\e[D\\e[D"\n'
    )
    result, path = check(smplan, tree, content)
    assert result.exit_code == 1
    assert (
        "plan.yaml:5:17: listening.needs[1].evidence: error SMP024: text holds a control character"
        " (U+001B): type it again without it"
    ) in result.output
    assert "\x1b" not in result.output
    assert path.read_text() == content
