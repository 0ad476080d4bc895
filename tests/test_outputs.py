"""An output's name and its format agree, and no command writes over what it reads.

`-o NAME.EXT` picks the format; an extension that contradicts `--format`, or that no
format of the command writes, is refused before anything is read; `-o -` writes to
standard output, and a binary format is refused there when it is a terminal. One guard
keeps every command that writes off the plan, its results file, the other inputs of the
run and what the run wrote already. The commands run as real processes where the point
is a process's standard output, a terminal, or that nothing on disk was lost.
"""

from __future__ import annotations

import csv
import io
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smplan.cli.outputs import destination
from smplan.errors import UsageError
from smplan.render.calendar_formats import CALENDAR_FORMATS
from smplan.render.formats import FORMATS, builtin_templates
from tests.processes import Forker

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLAN = "b2b-software.yaml"
RESULTS = "b2b-software.results.yaml"

#: Each command that writes a document, with the arguments it needs besides -o.
COMMANDS = {
    "render": ["render", PLAN],
    "report": ["report", PLAN, "--period", "2027-02"],
    "calendar": ["calendar", PLAN, "--weeks", "1"],
}
#: How each text format's file begins.
BEGINS = {
    ".md": "# ",
    ".html": "<!DOCTYPE html>",
    ".csv": "\ufeffdate,time,timezone,channel",  # a byte-order mark, for spreadsheets
    ".ics": "BEGIN:VCALENDAR",
}
FORMATS_OF = {"render": "md, html, pdf or docx", "report": "md, html, pdf or docx"}
FORMATS_OF["calendar"] = "md, html, csv, ics, buffer or hootsuite"
WHAT = {"render": "the document", "report": "the report", "calendar": "the calendar"}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the plan and its results file, made the working folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for name in (PLAN, RESULTS):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def kept(folder: Path) -> dict[str, bytes]:
    """Every file in `folder`, by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def run(*args: str | Path, cwd: Path, stdout: int | None = None) -> subprocess.CompletedProcess:
    """`smplan ARGS` in a process of its own, as a user runs it."""
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
    if stdout is None:
        words = [str(a) for a in args]
        code, out, err = Forker.run(words, cwd, env, timeout=120)
        return subprocess.CompletedProcess(words, code, out, err)
    return subprocess.run(
        [sys.executable, "-m", "smplan", *map(str, args)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


# --- the extension picks the format --------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("render", "strategy.md"),
        ("render", "strategy.HTML"),
        ("report", "february.md"),
        ("report", "february.html"),
        ("calendar", "week.md"),
        ("calendar", "week.html"),
        ("calendar", "week.csv"),
        ("calendar", "week.ics"),
    ],
)
def test_the_extension_of_o_picks_the_format(smplan, folder, command, name):
    result = smplan(*COMMANDS[command], "-o", name)

    assert result.exit_code == 0, result.output
    assert f"Wrote {name}." in result.stdout
    text = (folder / name).read_text(encoding="utf-8")
    assert text.startswith(BEGINS[Path(name).suffix.lower()])


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_binary_format_is_picked_by_its_extension_too(fmt):
    where = destination(FORMATS, None, f"strategy.{fmt}", [Path(PLAN)])
    assert where.format.name == fmt and where.format.binary
    assert where.target(Path(PLAN)) == Path(f"strategy.{fmt}")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_that_contradicts_format_is_refused_and_nothing_is_written(smplan, folder, command):
    before = kept(folder)
    result = smplan(*COMMANDS[command], "--format", "md", "-o", "out.html")

    assert result.exit_code == 2
    assert result.stderr == (
        "error: --format md does not match the extension of out.html\n"
        "hint: write to a .md file, or leave --format out\n"
    )
    assert kept(folder) == before


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", ["out.odt", "out.xlsx", "out.txt"])
def test_an_extension_no_format_writes_is_refused_naming_the_formats(smplan, folder, command, name):
    before = kept(folder)
    result = smplan(*COMMANDS[command], "-o", name)

    assert result.exit_code == 2
    extension = name.split(".")[1]
    assert result.stderr.startswith(
        f"error: {WHAT[command]} is written as {FORMATS_OF[command]}, not {extension}\n"
        "hint: name the file out.md, out.html"
    )
    assert kept(folder) == before


def test_the_refusal_speaks_the_environments_language(folder):
    done = subprocess.run(
        [sys.executable, "-m", "smplan", "render", PLAN, "-o", "plan.odt"],
        cwd=folder,
        env={**os.environ, "LANG": "fr_FR.UTF-8"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "erreur : le document s'écrit en md, html, pdf ou docx, pas en odt\n"
        "conseil : nommez le fichier plan.md, plan.html, plan.pdf ou plan.docx\n"
    )


def test_a_format_of_one_file_per_channel_takes_the_start_of_the_names(smplan, folder):
    result = smplan(*COMMANDS["calendar"], "-f", "buffer", "--past", "-o", "out/posts.csv")

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (folder / "out").iterdir()) == [
        "posts-linkedin.csv",
        "posts-x.csv",
        "posts-youtube.csv",
    ]


# --- standard output -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "fmt"),
    [
        ("render", "md"),
        ("render", "html"),
        ("report", "md"),
        ("report", "html"),
        ("calendar", "md"),
        ("calendar", "html"),
        ("calendar", "csv"),
        ("calendar", "ics"),
    ],
)
def test_dash_writes_every_text_format_to_standard_output_and_nothing_else(folder, command, fmt):
    before = kept(folder)
    done = run(*COMMANDS[command], "--format", fmt, "-o", "-", cwd=folder)

    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").startswith(BEGINS[f".{fmt}"])
    assert b"Wrote" not in done.stdout
    assert kept(folder) == before


def test_dash_writes_the_weekly_sheet_and_the_schema_too(folder):
    sheet = run("calendar", PLAN, "--sheet", "-o", "-", cwd=folder)
    schema = run("schema", "-o", "-", cwd=folder)

    assert sheet.returncode == 0, sheet.stderr
    assert sheet.stdout.startswith(b"# ")
    assert schema.returncode == 0, schema.stderr
    assert schema.stdout.startswith(b"{")
    assert sorted(p.name for p in folder.iterdir()) == [RESULTS, PLAN]


def on_a_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """`smplan ARGS` with a terminal for standard output: its status and what it printed."""
    leader, follower = pty.openpty()
    try:
        done = run(*args, cwd=cwd, stdout=follower)
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)
    return done.returncode, done.stderr.decode("utf-8") + shown.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("command", "fmt"), [("render", "pdf"), ("report", "pdf"), ("render", "docx")]
)
def test_a_binary_format_is_refused_on_a_terminal(folder, command, fmt):
    before = kept(folder)
    code, said = on_a_terminal(*COMMANDS[command], "--format", fmt, "-o", "-", cwd=folder)

    assert code == 2
    what = WHAT[command]
    assert f"error: {what} in {fmt} is binary, and standard output is a terminal" in said
    assert f"hint: send it to a file or a program (`-o - > out.{fmt}`" in said
    assert "%PDF" not in said and "word/document.xml" not in said
    assert kept(folder) == before


def test_a_binary_format_goes_to_standard_output_when_it_is_not_a_terminal():
    where = destination(FORMATS, "pdf", "-", [Path(PLAN)])
    assert where.stdout and where.format.binary


@pytest.mark.parametrize("fmt", ["buffer", "hootsuite"])
def test_dash_is_refused_for_a_format_written_one_file_per_channel(folder, fmt):
    done = run(*COMMANDS["calendar"], "--format", fmt, "-o", "-", cwd=folder)

    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == (
        f"error: {fmt} writes one file per channel, which standard output cannot keep apart\n"
        "hint: give -o a folder, or the start of the files' names\n"
    )
    assert done.stdout == b""


def test_dash_takes_one_plan(smplan, folder):
    shutil.copy(folder / PLAN, folder / "other.yaml")
    result = smplan("render", PLAN, "other.yaml", "-f", "md", "-o", "-")

    assert result.exit_code == 2
    assert "-o - writes one document to standard output, and there are several plans" in (
        result.stderr
    )


# --- the guard: nothing the run reads, nothing it wrote ------------------------------------


def results_of(folder: Path) -> bytes:
    return (folder / RESULTS).read_bytes()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["calendar", PLAN, "-o", PLAN], "the calendar is written as"),
        (["report", PLAN, "-p", "2027-02", "-o", PLAN], "the report is written as"),
        (["calendar", PLAN, "-o", RESULTS], "the calendar is written as"),
        (["report", PLAN, "-p", "2027-02", "-o", RESULTS], "the report is written as"),
        (["render", PLAN, "-o", RESULTS], "the document is written as"),
        (["schema", "-o", PLAN], "the schema is written as json, not yaml"),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else a,
)
def test_no_command_writes_over_the_plan_or_its_results(folder, args, says):
    before = kept(folder)
    done = run(*args, cwd=folder)

    assert done.returncode == 2
    assert says in done.stderr.decode("utf-8")
    assert "Traceback" not in done.stderr.decode("utf-8")
    assert kept(folder) == before


def test_a_link_to_the_plan_is_the_plan(folder):
    (folder / "strategy.md").symlink_to(PLAN)
    os.link(folder / RESULTS, folder / "week.ics")
    before = kept(folder)

    render = run("render", PLAN, "-o", "strategy.md", cwd=folder)
    calendar = run("calendar", PLAN, "-o", "week.ics", cwd=folder)

    assert render.returncode == 2
    assert render.stderr.decode("utf-8") == (
        f"error: {PLAN}: the document would overwrite the plan itself\nhint: give -o another name\n"
    )
    assert calendar.returncode == 2
    assert calendar.stderr.decode("utf-8") == (
        f"error: {PLAN}: the calendar would overwrite {RESULTS}, the results recorded for "
        f"{PLAN}\nhint: give -o another name\n"
    )
    assert kept(folder) == before


def test_a_plan_whose_name_is_a_documents_is_never_replaced_by_its_document(folder):
    shutil.copy(folder / PLAN, folder / "plan.md")
    shutil.copy(folder / PLAN, folder / "plan.html")
    before = kept(folder)

    beside = run("render", "plan.md", "-f", "md", cwd=folder)
    into_its_folder = run("render", "plan.html", "-f", "html", "-o", "./", cwd=folder)

    for done, plan in ((beside, "plan.md"), (into_its_folder, "plan.html")):
        assert done.returncode == 2
        assert done.stderr.decode("utf-8") == (
            f"error: {plan}: the document would overwrite the plan itself\n"
            "hint: give -o another name\n"
        )
    assert kept(folder) == before


def test_the_earlier_version_read_by_since_is_never_written_over(folder):
    shutil.copy(folder / PLAN, folder / "old.md")
    before = kept(folder)

    done = run("render", PLAN, "--since", "old.md", "-f", "md", "-o", "old.md", cwd=folder)

    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == (
        f"error: {PLAN}: the document would overwrite old.md, which this command reads\n"
        "hint: give -o another name\n"
    )
    assert kept(folder) == before


@pytest.mark.parametrize("command", ["render", "report"])
def test_the_reference_document_of_a_word_file_is_never_written_over(folder, command):
    house = folder / "house.docx"
    shutil.copy(builtin_templates() / "reference.docx", house)
    brand = folder / "brand"
    brand.mkdir()
    shutil.copy(house, brand / "reference.docx")
    before, styles = kept(folder), kept(brand)

    given = run(*COMMANDS[command], "--reference-doc", "house.docx", "-o", "house.docx", cwd=folder)
    found = run(
        *COMMANDS[command], "--template-dir", "brand", "-o", "brand/reference.docx", cwd=folder
    )

    what = WHAT[command]
    for done, name in ((given, "house.docx"), (found, "brand/reference.docx")):
        assert done.returncode == 2
        assert done.stderr.decode("utf-8") == (
            f"error: {PLAN}: {what} would overwrite {name}, which this command reads\n"
            "hint: give -o another name\n"
        )
    assert kept(folder) == before and kept(brand) == styles


def test_the_guard_refuses_a_file_the_run_has_claimed_already():
    where = destination(CALENDAR_FORMATS, "buffer", "out/", [Path(PLAN)])
    where.target(Path(PLAN), "instagram")
    with pytest.raises(UsageError) as refused:
        where.target(Path(PLAN), "instagram")
    assert str(refused.value.message) == (
        "the calendar would write out/b2b-software.buffer-instagram.csv twice"
    )


@pytest.fixture
def two_instagrams(folder: Path) -> Path:
    """The bakery, whose Facebook channel has the id `instagram-2`: the name Instagram's
    second scheduler file used to take."""
    text = (EXAMPLES / "boulangerie.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: facebook\n", "  - id: instagram-2\n")
    text = text.replace("channels: [instagram, facebook]", "channels: [instagram, instagram-2]")
    plan = folder / "bakery.yaml"
    plan.write_text(text, encoding="utf-8")
    return plan


def test_scheduler_files_of_two_channels_never_share_a_name(two_instagrams):
    # Buffer takes 100 posts a file: Instagram's 235 fill three, beside `instagram-2`'s.
    fmt, header = "buffer", 1
    out = two_instagrams.parent / "out"
    done = run("calendar", two_instagrams, "-f", fmt, "--past", "-o", f"{out}/", cwd=out.parent)

    assert done.returncode == 0, done.stderr
    said = done.stdout.decode("utf-8")
    announced = int(re.search(r"(\d+) publications du", said).group(1))  # the plan is French
    names = sorted(p.name for p in out.iterdir())
    assert f"bakery.{fmt}-instagram-2.csv" in names
    assert f"bakery.{fmt}-instagram.2.csv" in names
    assert len(names) == said.count(" écrit.")
    rows = {
        name: len(list(csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"))))) - header
        for name in names
    }
    assert sum(rows.values()) == announced  # every post the command reported is in a file
    assert rows[f"bakery.{fmt}-instagram-2.csv"] > 0
