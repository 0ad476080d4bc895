"""Values the model accepts, or that are close to them, never crash a command: each ends
in the command's work or in a clear message, as a separate process would show it. Text
from the plan reaches a terminal or a log as text, never as control or reordered."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.processes import no_traceback, smplan

ROOT = Path(__file__).resolve().parent.parent
BAKERY = ROOT / "examples" / "boulangerie.yaml"
SOFTWARE = ROOT / "examples" / "b2b-software.yaml"


def plan_with(folder: Path, *changes: tuple[str, str], source: Path = BAKERY) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- time zones are names, not paths ----------------------------------------------------


@pytest.mark.parametrize("zone", ["Europe", "America/", "zone.tab", "Europe/../Europe/Paris", "."])
def test_a_time_zone_is_a_name_of_the_database_not_a_path_into_it(tmp_path, zone):
    plan_with(tmp_path, ("timezone: Europe/Paris", f'timezone: "{zone}"'))

    checked = smplan("check", "plan.yaml", "--lang", "en", cwd=tmp_path)

    no_traceback(checked)
    assert checked.code == 1
    assert f"plan.yaml:12:13: project.timezone: error SMP034: `{zone}` is not a time zone" in (
        checked.stdout
    )
    if zone == "Europe":  # the one that crashed every command that dates a post
        dated = smplan("calendar", "plan.yaml", "-o", "cal.md", cwd=tmp_path)
        no_traceback(dated)
        assert dated.code == 1
        assert not (tmp_path / "cal.md").exists()


# --- figures: finite, and strict JSON ----------------------------------------------------


@pytest.mark.parametrize(
    ("metric_change", "results"),
    [
        (
            ("    baseline: 3\n    target: 15\n", "    baseline: 0\n    target: 1e-300\n"),
            "  - {metric: commandes-reseaux, period: '2027-03', value: 1e15}\n",
        ),
        (
            ("    baseline: 3\n    target: 15\n", "    baseline: 1e15\n    target: -1e15\n"),
            "  - {metric: commandes-reseaux, period: '2026-11-17', value: -1e15}\n",
        ),
        (
            ("    baseline: 3\n    target: 15\n", "    baseline: 3\n    target: 15\n"),
            "  - {metric: delai-reponse, period: '2026-12', value: 5e-324}\n",
        ),
    ],
    ids=["pacing-overflows", "largest-span", "tiniest-figure"],
)
def test_every_figure_is_finite_and_the_json_strict(tmp_path, metric_change, results):
    plan_with(tmp_path, metric_change)
    (tmp_path / "plan.results.yaml").write_text(f"smplan: 1\nresults:\n{results}")

    as_json = smplan("status", "plan.yaml", "--format", "json", cwd=tmp_path)
    as_text = smplan("status", "plan.yaml", cwd=tmp_path)
    report = smplan("report", "plan.yaml", "--period", "2027-03", "-o", "r.md", cwd=tmp_path)

    for ran in (as_json, as_text, report):
        no_traceback(ran)
        assert ran.code == 0, ran.output

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    data = json.loads(as_json.stdout, parse_constant=refuse)
    numbers = [
        value
        for objective in data["objectives"]
        for metric in objective["metrics"]
        for key, value in metric.items()
        if key in ("pacing", "projection", "expected") and value is not None
    ]
    assert numbers and all(abs(n) < 1e30 for n in numbers)
    assert "inf" not in as_text.stdout.lower() and "nan" not in as_text.stdout.lower()


# --- dates and spans the calendar can hold -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--weeks", "300000"],
            "error: the calendar would cover 300000 weeks; it covers at most 156 at a time",
        ),
        (["--from", "2027-01-04", "--weeks", "157"], "it covers at most 156 at a time"),
        (
            ["--to", "9999-12-31"],
            "error: 9999-12-31 is outside the days a calendar covers, 1904-01-01 to 9998-12-31",
        ),
        (["--from", "0001-01-01", "--weeks", "2"], "error: 0001-01-01 is outside the days"),
        (["--from", "9999-12-28", "--sheet"], "error: 9999-12-28 is outside the days"),
        (["--from", "9998-12-28", "--sheet"], "error: 9999-01-03 is outside the days"),
        (["--from", "9999-12-25", "--weeks", "2"], "error: 9999-12-25 is outside the days"),
    ],
)
def test_a_span_the_calendar_cannot_hold_is_refused_at_once(tmp_path, args, says):
    plan_with(tmp_path)
    out = "out.md" if "--sheet" in args else "out.csv"

    ran = smplan("calendar", "plan.yaml", "-o", out, "--lang", "en", *args, cwd=tmp_path)

    no_traceback(ran)
    assert ran.code == 2
    assert ran.stderr.startswith(says) or says in ran.stderr, ran.stderr
    assert not (tmp_path / out).exists()


def test_a_long_plan_s_calendar_stops_after_three_years_and_says_so(tmp_path):
    plan_with(tmp_path, ("  horizon: 2027-12-31", "  horizon: 2035-12-31"))

    ran = smplan(
        "calendar", "plan.yaml", "-f", "csv", "-o", "out.csv", "--lang", "en", cwd=tmp_path
    )

    assert ran.code == 0, ran.output
    assert "note: the calendar stops at 2029-11-11, 156 weeks on" in ran.stderr
    assert (tmp_path / "out.csv").read_text().splitlines()[-1].startswith("2029-11-")


@pytest.mark.parametrize(
    "dates",
    [
        ("  date: 2026-11-16", "  date: 9999-11-01"),
        ("  horizon: 2027-12-31", "  horizon: 9999-12-31"),
        ("    start: 2027-01-02", "    start: 9999-12-30"),
    ],
)
def test_a_plan_date_near_the_end_of_time_is_a_finding_not_a_crash(tmp_path, dates):
    plan_with(tmp_path, dates)

    checked = smplan("check", "plan.yaml", "--lang", "en", cwd=tmp_path)
    for command in (["calendar", "-o", "c.md"], ["calendar", "--sheet", "-o", "s.md"]):
        ran = smplan(command[0], "plan.yaml", *command[1:], cwd=tmp_path)
        no_traceback(ran)
        assert ran.code == 1

    no_traceback(checked)
    assert checked.code == 1
    assert f"`{dates[1].split(': ')[1]}` is out of range: it must be at most 9998-12-31" in (
        checked.stdout
    )


@pytest.mark.parametrize("period", ["9999-12", "9999-W01", "9999-01-01", "1903-12"])
def test_a_period_outside_the_days_a_plan_names_is_refused(tmp_path, period):
    plan_with(tmp_path, source=SOFTWARE)
    says = f"error: period {period} is outside the days a plan may name, 1904-01-01 to 9998-12-31"

    # Each command reads a period the same way: one of them for each period.
    command = {"9999-12": ["report", "-o", "r.md"], "1903-12": ["track", "nps", "33"]}.get(
        period, ["status"]
    )
    ran = smplan(command[0], "plan.yaml", *command[1:], "--period", period, cwd=tmp_path)

    no_traceback(ran)
    assert ran.code == 2
    assert f"period {period} is outside the days a plan may name" in ran.stderr
    if command[0] != "track":
        assert ran.stderr.startswith(says), ran.stderr
    assert not (tmp_path / "plan.results.yaml").exists()
    assert not (tmp_path / "r.md").exists()


def test_the_last_days_a_plan_names_still_make_a_calendar_and_a_report(tmp_path):
    plan_with(
        tmp_path,
        ("  date: 2026-11-16", "  date: 9998-11-02"),
        ("  horizon: 2027-12-31", "  horizon: 9998-12-31"),
    )
    (tmp_path / "plan.results.yaml").write_text(
        "smplan: 1\nresults:\n  - {metric: commandes-total, period: '9998-12', value: 40}\n"
    )
    commands = [
        ["calendar", "-f", "ics", "-o", "c.ics"],
        ["calendar", "-f", "html", "-o", "c.html"],
        ["calendar", "--sheet", "--from", "9998-12-25", "-o", "s.md"],
        ["report", "--period", "9998-12", "-o", "r.md"],
        ["status", "--period", "9998-W52"],
    ]
    for command in commands:
        ran = smplan(command[0], "plan.yaml", *command[1:], cwd=tmp_path)
        no_traceback(ran)
        assert ran.code == 0, (command, ran.output)


# --- names and text that are not plain ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["sarif", "json", "github", "text"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path, fmt):
    name = os.fsdecode(b"plan-\xff.yaml")
    plan_with(tmp_path, ("project:\n", "project:\n  colour: blue\n")).rename(tmp_path / name)

    ran = smplan("check", "--format", fmt, name, cwd=tmp_path, env={"PYTHONIOENCODING": "utf-8"})

    no_traceback(ran)
    assert ran.code == 1
    if fmt == "sarif":
        log = json.loads(ran.stdout)
        location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "plan-%FF.yaml"
    elif fmt == "json":
        assert os.fsencode(json.loads(ran.stdout)["file"]) == b"plan-\xff.yaml"
    elif fmt == "github":
        assert ran.stdout.startswith("::error file=plan-\\udcff.yaml,line=6,col=3,title=SMP025::")


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_control_characters_of_a_key_never_reach_a_log_or_a_terminal(tmp_path, fmt):
    plan_with(tmp_path, ("project:\n", 'project:\n  "ke\\e[2Jy\\u202e\\a": 1\n'))

    ran = smplan("check", "plan.yaml", "--format", fmt, "--lang", "en", cwd=tmp_path)

    assert ran.code == 1
    assert not any(c in ran.output for c in "\x1b\u202e\x07"), ran.output
    assert "ke\\x1b[2Jy\\u202e\\x07" in ran.stdout


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_diff_shows_bidirectional_controls_as_text(tmp_path, fmt):
    old = plan_with(tmp_path, source=SOFTWARE)
    old.rename(tmp_path / "old.yaml")
    reworded = "Generate 35 \u202esdnamed deifilauq\u202c a month from LinkedIn and YouTube"
    plan_with(
        tmp_path,
        ("Generate 35 qualified demo requests a month from LinkedIn and YouTube", reworded),
        source=SOFTWARE,
    )

    ran = smplan("diff", "old.yaml", "plan.yaml", "--format", fmt, cwd=tmp_path)

    no_traceback(ran)
    assert ran.code == 0, ran.output
    assert "\u202e" not in ran.stdout and "\u202c" not in ran.stdout
    assert "Generate 35 \\u202esdnamed deifilauq\\u202c a month" in ran.stdout


# --- the watch interval ---------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
@pytest.mark.parametrize("interval", ["inf", "nan", "-inf", "1e999"])
def test_a_watch_interval_that_is_no_number_of_seconds_falls_back(tmp_path, interval):
    shutil.copy(SOFTWARE, tmp_path / "plan.yaml")
    env = {**os.environ, "SMPLAN_WATCH_INTERVAL": interval, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        [sys.executable, "-m", "smplan", "render", "plan.yaml", "-o", "p.md", "--watch"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as watcher:
        lines: queue.Queue[str] = queue.Queue()
        assert watcher.stdout is not None
        stream = watcher.stdout
        threading.Thread(target=lambda: [lines.put(line) for line in stream], daemon=True).start()

        def wait_for(text: str) -> None:
            seen = []
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    seen.append(lines.get(timeout=0.5))
                except queue.Empty:
                    assert watcher.poll() is None, "".join(seen)
                    continue
                if text in seen[-1]:
                    return
            raise AssertionError(f"never printed {text!r}: {''.join(seen)}")

        wait_for("Watching plan.yaml")
        time.sleep(0.5)
        plan = tmp_path / "plan.yaml"
        plan.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        wait_for("Wrote p.md")
        watcher.send_signal(signal.SIGINT)
        wait_for("Stopped watching.")
        assert watcher.wait(timeout=60) == 0
