"""Results recorded by hand and by import, as separate processes: nothing lost, nothing
recorded wrong, every mistake named at its line and column, and no text that a terminal
or a YAML reader would obey."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.processes import no_traceback, smplan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RESULTS = "plan.results.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding the software company's plan, without results yet."""
    shutil.copy(EXAMPLES / "b2b-software.yaml", tmp_path / "plan.yaml")
    return tmp_path


def figures(folder: Path, name: str = RESULTS) -> list[dict[str, object]]:
    data = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    return list(data.get("results") or [])


# --- several `track` at once ------------------------------------------------------------


def _at_once(folder: Path, calls: list[list[str]]) -> list[subprocess.CompletedProcess[bytes]]:
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "smplan", "track", "plan.yaml", *call],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for call in calls
    ]
    done = []
    for process in started:
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


@pytest.mark.parametrize(
    "calls",
    [
        [["nps", str(30 + i), "--period", f"2027-0{i}"] for i in range(1, 7)],
        [
            [metric, "12", "--period", "2027-02"]
            for metric in (
                "demo-requests",
                "social-cpa",
                "social-pipeline",
                "linkedin-ctr",
                "howto-tickets",
                "tutorial-views",
            )
        ],
    ],
    ids=["six-periods", "six-metrics"],
)
def test_six_track_calls_at_once_keep_all_six_figures(folder, calls):
    (folder / RESULTS).write_text(
        "# Kept by hand\nsmplan: 1\nresults:\n"
        '  - metric: nps  # the winter survey\n    period: "2026-12"\n    value: 29\n',
        encoding="utf-8",
    )

    done = _at_once(folder, calls)

    assert [d.returncode for d in done] == [0] * 6, [d.stderr for d in done]
    recorded = {(f["metric"], f["period"], f["value"]) for f in figures(folder)}
    expected = {(c[0], c[3], int(c[1])) for c in calls} | {("nps", "2026-12", 29)}
    assert recorded == expected
    text = (folder / RESULTS).read_text(encoding="utf-8")
    assert "# Kept by hand" in text and "# the winter survey" in text
    assert not list(folder.glob(".*.lock")), "the lock is released"


HOLD = """
import sys, time
from smplan.fsutil import locked
with locked(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
print(time.time(), flush=True)
"""


def test_track_waits_for_the_interview_s_lock_then_records(folder):
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, "plan.yaml", "3"], cwd=folder, stdout=subprocess.PIPE
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        ran = smplan("track", "plan.yaml", "nps", "33", "--period", "2027-01", cwd=folder)
        released = float(holder.stdout.readline())

    assert ran.code == 0, ran.output
    written = (folder / RESULTS).stat().st_mtime
    assert written >= released - 0.05, "the figure was written only once the lock was free"
    assert figures(folder) == [{"metric": "nps", "period": "2027-01", "value": 33}]


def test_track_gives_up_on_a_plan_being_edited_and_writes_nothing(smplan, folder, monkeypatch):
    import smplan.plan.results as results

    monkeypatch.chdir(folder)
    monkeypatch.setattr(results, "LOCK_WAIT", 0.3)
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, "plan.yaml", "30"], cwd=folder, stdout=subprocess.PIPE
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
            ran = smplan("track", "plan.yaml", "nps", "33", "--period", "2027-01")
        finally:
            holder.kill()
    assert ran.exit_code == 2
    assert ran.stderr.startswith(
        f"error: plan.yaml is being edited by process {holder.pid}: no figure was recorded\n"
    )
    assert not (folder / RESULTS).exists()


# --- imports ----------------------------------------------------------------------------


def _import(folder: Path, content: bytes) -> object:
    (folder / "in.csv").write_bytes(content)
    return smplan("track", "plan.yaml", "--import", "in.csv", cwd=folder)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"metric,period,value\ndemo-requests,2027-03,1,234\n",
            [
                "in.csv:2:25: this row has 4 cells where the first line names 3 columns (hint: "
                "a number written with a thousands separator, or a text holding a comma, goes "
                'in double quotes: "1,234")'
            ],
        ),
        (
            b"metric,period,value,note\nnps,2027-01,31,fine,really fine\nnps,2027-02\n",
            [
                "in.csv:2:21: this row has 5 cells where the first line names 4 columns (hint: "
                "a number written with a thousands separator, or a text holding a comma, goes "
                'in double quotes: "1,234")',
                "in.csv:3:12: this row has 2 cells where the first line names 4 columns (hint: "
                "give every row a cell for each column, even an empty one)",
            ],
        ),
        (
            b"metric,period,value,value\nnps,2027-01,31,32\n",
            ["in.csv:1:21: column `value` is named twice (hint: keep one `value` column)"],
        ),
        (
            b"metric,period,value,comment\nnps,2027-01,31,x\n",
            [
                "in.csv:1:21: unknown column: comment (hint: the first line names the columns: "
                "metric,period,value (and optionally note,source))"
            ],
        ),
    ],
    ids=["extra-cell", "extra-and-missing", "column-twice", "unknown-column"],
)
def test_an_import_refuses_a_row_or_header_that_does_not_line_up(folder, content, expected):
    ran = _import(folder, content)

    no_traceback(ran)
    assert ran.code == 2
    assert ran.stderr.splitlines()[: len(expected)] == expected
    assert not (folder / RESULTS).exists(), "nothing is recorded"


@pytest.mark.parametrize(
    "ending",
    [b"\r", b"\r\n", b"\n", [b"\r", b"\n", b"\r\n", b"\r"]],
    ids=["classic-mac", "windows", "unix", "mixed"],
)
def test_an_import_reads_every_line_ending(folder, ending):
    rows = [
        b"metric,period,value,note",
        b'nps,2026-12,32,"Winter survey, 214 answers"',
        b"social-cpa,2027-01,371,",
        b"Net Promoter Score,2027-01,33,",
        b"howto-tickets,2027-W03,24,",
    ]
    endings = ending if isinstance(ending, list) else [ending] * 4
    content = b"".join(row + end for row, end in zip(rows, [*endings, b""], strict=False))

    ran = _import(folder, content)

    assert ran.code == 0, ran.output
    assert ran.stdout == "Recorded 4 figures from in.csv in plan.results.yaml.\n"
    assert figures(folder) == [
        {"metric": "nps", "period": "2026-12", "value": 32, "note": "Winter survey, 214 answers"},
        {"metric": "social-cpa", "period": "2027-01", "value": 371},
        {"metric": "nps", "period": "2027-01", "value": 33},
        {"metric": "howto-tickets", "period": "2027-W03", "value": 24},
    ]


def test_every_bad_row_of_an_import_is_named_at_once(folder):
    ran = _import(
        folder,
        b"metric,period,value\r"
        b"social-cpa,2027-01,371\r\n"
        b"social-cpaa,2027-01,360\n"
        b"linkedin-ctr,2027-01,250\r"
        b"nps,2027-13,thirty\n"
        b"nps,2027-02,33\n"
        b"nps,2027-02,34\n"
        b"demo-requests,2027-03,1,234\n",
    )

    assert ran.code == 2
    lines = ran.stderr.splitlines()
    assert [line.split(" (hint")[0] for line in lines] == [
        "in.csv:3:1: `social-cpaa` is neither the id nor the name of a metric of the plan",
        "in.csv:4:22: error SMP903: 250 is out of range for metric `linkedin-ctr`: "
        "it must be between 0 and 100",
        "in.csv:5:5: `2027-13` is not a period",
        "in.csv:5:13: `thirty` is not a number",
        "in.csv:7:5: error SMP904: metric `nps` already has a figure for 2027-02 (result #3)",
        "in.csv:8:25: this row has 4 cells where the first line names 3 columns",
        "in.csv: 5 rows refused; nothing was recorded.",
    ]
    assert "did you mean `social-cpa`?" in lines[0]
    assert not (folder / RESULTS).exists()


# --- which metric, which value, which period ----------------------------------------------


@pytest.mark.parametrize("given", ["Net Promoter Score", "net promoter  score", "nps"])
def test_track_takes_a_metric_s_id_or_its_name(folder, given):
    ran = smplan("track", "plan.yaml", given, "33", "--period", "2027-01", cwd=folder)

    assert ran.code == 0, ran.output
    assert ran.stdout == "Recorded nps = 33 points for 2027-01 in plan.results.yaml.\n"
    assert figures(folder) == [{"metric": "nps", "period": "2027-01", "value": 33}]


def test_an_unknown_metric_lists_the_ids_with_their_names(folder):
    ran = smplan("track", "plan.yaml", "Net Promoter", "33", "--period", "2027-01", cwd=folder)

    assert ran.code == 2
    lines = ran.stderr.splitlines()
    assert lines[0] == (
        "error: `Net Promoter` is neither the id nor the name of a metric of the plan"
    )
    assert lines[1].startswith("hint: did you mean `nps`? the plan's metrics: ")
    assert "demo-requests (Qualified demo requests from social), " in lines[1]
    assert lines[1].endswith("response-time (First reply time on social)")
    assert not (folder / RESULTS).exists()


@pytest.mark.parametrize(
    "args",
    [
        ["nps", "-8", "--period", "2027-01"],
        ["--period", "2027-01", "nps", "-8"],
        ["-p", "2027-01", "Net Promoter Score", "-8.0"],
        ["--period", "2027-01", "--", "nps", "-8"],
    ],
)
def test_a_negative_figure_needs_no_double_dash(folder, args):
    ran = smplan("track", "plan.yaml", *args, cwd=folder)

    assert ran.code == 0, ran.output
    assert ran.stdout == "Recorded nps = -8 points for 2027-01 in plan.results.yaml.\n"
    assert figures(folder) == [{"metric": "nps", "period": "2027-01", "value": -8}]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["nps", "--bogus"], "error: no such option: --bogus"),
        (["-x", "33"], "error: no such option: -x"),
        (["nps", "nan", "-p", "2027-01"], "error: `nan` is not a number"),
        (["nps", "inf", "-p", "2027-01"], "error: `inf` is not a number"),
        (["nps", "1e400", "-p", "2027-01"], "error: `1e400` is not a number"),
    ],
)
def test_what_is_not_a_figure_is_refused(folder, args, says):
    ran = smplan("track", "plan.yaml", *args, cwd=folder)

    no_traceback(ran)
    assert ran.code == 2
    assert ran.stderr.startswith(says), ran.stderr
    assert not (folder / RESULTS).exists()


def test_without_a_period_track_says_it_used_the_current_month(folder):
    month = dt.date.today().strftime("%Y-%m")
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("  date: 2026-11-09", f"  date: {month}-01")
    text = text.replace("  horizon: 2027-12-31", f"  horizon: {dt.date.today().year + 2}-12-31")
    plan.write_text(text, encoding="utf-8")

    ran = smplan("track", "plan.yaml", "nps", "33", cwd=folder)

    assert ran.code == 0, ran.output
    assert ran.stderr == f"note: no --period given: the figure is for the current month, {month}\n"
    assert ran.stdout == f"Recorded nps = 33 points for {month} in plan.results.yaml.\n"


# --- text that a terminal or a YAML reader would obey ---------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [("--note", "fine\x1b[2J"), ("--source", "CRM\x07"), ("--note", "two\nlines")],
)
def test_results_text_holds_no_control_character(folder, option, value):
    ran = smplan("track", "plan.yaml", "nps", "33", "-p", "2027-01", option, value, cwd=folder)

    no_traceback(ran)
    assert ran.code == 2
    assert "holds a control character" in ran.stderr
    assert "\x1b" not in ran.output and "\x07" not in ran.output
    assert not (folder / RESULTS).exists()


def test_control_characters_in_a_results_file_are_findings(folder):
    (folder / RESULTS).write_text(
        'smplan: 1\nresults:\n  - metric: nps\n    period: "2027-01"\n    value: 33\n'
        '    note: "bell\\a and \\e[2J"\n',
        encoding="utf-8",
    )

    ran = smplan("check", "plan.yaml", cwd=folder)

    assert ran.code == 1
    assert "plan.results.yaml:6:11: results[1].note: " in ran.stdout
    assert "control character (U+0007)" in ran.stdout
    assert "\x07" not in ran.output and "\x1b" not in ran.output


@pytest.mark.parametrize(
    "name",
    [
        "a\nthresholds: {on_track: 1, at_risk: 0}\n#.yaml",
        "esc\x1b[2J.yaml",
        "crlf\r\nsmplan: 2\r\n.yaml",
        "line\u2028sep.yaml",
    ],
)
def test_the_plan_s_name_in_the_results_file_stays_a_comment(folder, name):
    (folder / "plan.yaml").rename(folder / name)

    ran = smplan("track", name, "nps", "33", "--period", "2027-01", cwd=folder)

    no_traceback(ran)
    assert ran.code == 0, ran.output
    assert not any(c in ran.output for c in "\x1b\r\u2028"), ran.output
    results = folder / (Path(name).stem + ".results.yaml")
    text = results.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data == {"smplan": 1, "results": [{"metric": "nps", "period": "2027-01", "value": 33}]}
    assert text.splitlines()[0] == "# yaml-language-server: $schema=smplan.results.schema.json"
    status = smplan("status", name, "--format", "json", cwd=folder)
    assert json.loads(status.stdout)["thresholds"] == {"on_track": 95.0, "at_risk": 85.0}


# --- the results file's schema ------------------------------------------------------------


def test_schema_results_writes_the_results_file_s_schema(folder):
    jsonschema = pytest.importorskip("jsonschema")

    ran = smplan("schema", "--results", "-o", "smplan.results.schema.json", cwd=folder)

    assert ran.code == 0, ran.output
    assert ran.stdout.startswith("Wrote the results schema to smplan.results.schema.json.\n")
    results_schema = json.loads((folder / "smplan.results.schema.json").read_text())
    plan_schema = json.loads(smplan("schema", cwd=folder).stdout)
    assert results_schema["$id"] == "urn:smplan:results:1" != plan_schema["$id"]
    for example in EXAMPLES.glob("*.results.yaml"):
        data = yaml.safe_load(example.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator(results_schema).validate(data)
        # The plan's schema would flag every line: it is never meant for a results file.
        assert not jsonschema.Draft7Validator(plan_schema).is_valid(data)
    bad = {"smplan": 1, "results": [{"metric": "nps", "period": "March", "value": "a lot"}]}
    assert not jsonschema.Draft7Validator(results_schema).is_valid(bad)


def test_a_results_file_names_its_own_schema_before_any_editor_pattern(folder):
    ran = smplan("track", "plan.yaml", "nps", "33", "--period", "2027-01", cwd=folder)
    new = smplan("new", "other.yaml", cwd=folder)

    assert ran.code == 0 and new.code == 0, ran.output + new.output
    first = (folder / RESULTS).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=smplan.results.schema.json"
    assert (folder / "smplan.results.schema.json").read_text(encoding="utf-8") == smplan(
        "schema", "--results", cwd=folder
    ).stdout
    for example in EXAMPLES.glob("*.results.yaml"):
        assert example.read_text(encoding="utf-8").startswith(first + "\n"), example.name
    assert (EXAMPLES / "smplan.results.schema.json").read_text(encoding="utf-8") == smplan(
        "schema", "--results", cwd=folder
    ).stdout
