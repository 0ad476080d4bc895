"""Faults and attacks a plan, a path or a terminal can bring: each ends in a clear message.

Every case here once ended in a hang, a lost file, a replaced device, a terminal driven
by plan text, or an internal error. Each test asserts what the user sees.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

# --- bounded work on unknown references -------------------------------------------------


def dangling_plan(count: int) -> str:
    """A plan naming `count` team members that do not exist, among `count` that do."""
    members = [
        {
            "id": f"member-{i}",
            "name": f"Member {i}",
            "role": "Baker",
            "department": "operations",
            "responsibilities": ["Bakes"],
            "hours_per_week": 1,
        }
        for i in range(count)
    ]
    drafted = [f"zz{i}-nobody" for i in range(count)]
    data = {
        "smplan": 1,
        "team": {"members": members, "approvals": [{"content": "Posts", "drafted_by": drafted}]},
    }
    return yaml.safe_dump(data, sort_keys=False)


def test_thousands_of_dangling_references_give_a_bounded_report(smplan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("plan.yaml").write_text(dangling_plan(3000), encoding="utf-8")

    result = smplan("check", "plan.yaml")

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len(result.output.encode()) < 1024 * 1024
    unknown = [line for line in result.stdout.splitlines() if "SMP001" in line]
    assert len(unknown) == 3000
    assert unknown[0].endswith(
        "unknown team member `zz0-nobody` (hint: known team members: member-0, member-1, "
        "member-2, member-3, member-4, member-5, member-6, member-7, member-8, member-9, "
        "member-10, member-11 and 2988 more)"
    ), unknown[0]


def test_a_near_miss_among_thousands_of_ids_is_still_suggested(smplan, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(dangling_plan(3000).replace("zz1234-nobody", "membre-1234"))

    result = smplan("check", plan)

    assert "unknown team member `membre-1234` (hint: did you mean `member-1234`?)" in result.stdout


def test_the_hint_counts_what_it_leaves_out_in_french():
    from smplan.checks import run_checks
    from smplan.plan.model import Plan

    plan = Plan.model_validate(yaml.safe_load(dangling_plan(20)))

    hints = [str(f.hint) for f in run_checks(plan, lang="fr") if f.code == "SMP001"]

    assert len(hints) == 20
    assert hints[0].endswith(", member-11 et 8 autres"), hints[0]


# --- only regular files are read; special files are written in place --------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "boulangerie.yaml"


def run_fresh(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`smplan ARGS` in a process of its own, as a user runs it, never left to hang."""
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "smplan", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def assert_clear(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert "internal error" not in done.stderr, done.stderr


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["check", "/dev/zero"], "/dev/zero: is a device, not a plan file"),
        (["check", "pipe"], "pipe: is a named pipe (FIFO), not a plan file"),
        (["render", "pipe", "-f", "md"], "pipe: is a named pipe (FIFO), not a plan file"),
        (["init", "pipe", "--no-interactive"], "pipe: is a named pipe (FIFO), not a plan file"),
        (["init", "new.yaml", "--answers", "pipe"], "pipe: is a named pipe (FIFO), not a plan"),
        (["check", "folder"], "folder: is a directory, not a plan file"),
    ],
)
def test_a_special_file_as_input_is_refused_at_once(tmp_path, command, says):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()

    done = run_fresh(*command, cwd=tmp_path, timeout=30)

    assert_clear(done)
    assert done.returncode == 2
    assert says in done.stderr


def test_a_named_pipe_as_results_or_import_file_is_refused_at_once(tmp_path):
    results, csv = tmp_path / "results", tmp_path / "csv"
    for folder in (results, csv):
        folder.mkdir()
        (folder / "plan.yaml").write_bytes(EXAMPLE.read_bytes())
    os.mkfifo(results / "plan.results.yaml")
    os.mkfifo(csv / "march.csv")

    checked = run_fresh("check", "plan.yaml", cwd=results, timeout=30)
    imported = run_fresh("track", "plan.yaml", "--import", "march.csv", cwd=csv, timeout=30)

    assert_clear(checked)
    assert checked.returncode == 1
    assert "plan.results.yaml: erreur SMP000: est un tube nommé (FIFO)" in checked.stdout
    assert_clear(imported)
    assert imported.returncode == 2
    # The plan is French, so is what `track` says about its import file.
    assert "march.csv: est un tube nommé (FIFO), pas un fichier de plan" in imported.stderr


def test_an_answers_file_over_the_limit_or_not_utf8_is_refused_clearly(smplan, tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"smplan: 1\n" + b"# padding\n" * 300_000)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("project:\n  name: Caf\xe9\n".encode("latin-1"))

    too_big = smplan("init", tmp_path / "a.yaml", "--answers", big, "--no-interactive")
    not_utf8 = smplan("init", tmp_path / "b.yaml", "--answers", latin, "--no-interactive")

    assert too_big.exit_code == 2
    assert "file is too large" in too_big.stderr
    assert not_utf8.exit_code == 2
    assert "latin.yaml:2:12: not UTF-8 text (byte 0xE9 cannot be decoded)" in not_utf8.stderr


def test_a_document_written_to_a_named_pipe_goes_through_it(tmp_path):
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()

    done = run_fresh("render", str(EXAMPLE), "-o", str(pipe), cwd=tmp_path)
    reader.join(timeout=60)

    assert_clear(done)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(pipe.lstat().st_mode), "the pipe was replaced by a file"
    assert received and received[0].startswith(b"# ")


def test_dash_writes_the_document_to_standard_output_and_nothing_else(tmp_path):
    done = run_fresh("render", str(EXAMPLE), "-f", "md", "-o", "-", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# ")
    assert "Wrote" not in done.stdout
    assert sorted(tmp_path.iterdir()) == []


# --- symlinks, owners and read-only plans ------------------------------------------------


def test_a_template_that_leads_outside_its_folder_is_refused(smplan, tmp_path):
    secret = tmp_path / "id_rsa"
    secret.write_text("PRIVATE KEY", encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "document.md.j2").symlink_to(secret)

    result = smplan(
        "render", EXAMPLE, "-f", "md", "-o", tmp_path / "out.md", "--template-dir", templates
    )

    assert result.exit_code == 2
    assert "document.md.j2 leads outside the template folder" in result.stderr
    assert not (tmp_path / "out.md").exists()


def test_saving_through_a_symlinked_plan_writes_its_target_and_keeps_the_link(smplan, tmp_path):
    real = tmp_path / "real" / "plan.yaml"
    real.parent.mkdir()
    real.write_text("smplan: 1\nproject:\n  name: Plan\n  language: en\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "plan.yaml"
    link.symlink_to(real)
    answers = tmp_path / "answers.yaml"
    answers.write_text("project:\n  author: Sophie Lambert\n", encoding="utf-8")

    smplan("init", link, "--answers", answers, "--no-interactive")

    assert link.is_symlink()
    assert "author: Sophie Lambert" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["plan.yaml"]


def test_a_read_only_plan_is_refused_and_left_as_it_is(smplan, tmp_path):
    plan = tmp_path / "plan.yaml"
    text = "smplan: 1\nproject:\n  name: Plan\n  language: en\n"
    plan.write_text(text, encoding="utf-8")
    plan.chmod(0o444)
    answers = tmp_path / "answers.yaml"
    answers.write_text("project:\n  author: Sophie Lambert\n", encoding="utf-8")

    result = smplan("init", plan, "--answers", answers, "--no-interactive")

    assert result.exit_code == 2
    assert "the plan is read-only: nothing was saved" in result.stderr
    assert plan.read_text(encoding="utf-8") == text


# --- the terminal belongs to the user -----------------------------------------------------

HOSTILE_NAME = "Plan \x1b]0;owned\x07\x1b[2J"


def hostile_plan(folder: Path) -> Path:
    plan = folder / "plan.yaml"
    plan.write_text(
        'smplan: 1\nproject:\n  name: "Plan \\e]0;owned\\a\\e[2J"\n  language: en\n',
        encoding="utf-8",
    )
    return plan


@pytest.mark.parametrize("interactive", ["--interactive", "--no-interactive"])
def test_escape_sequences_in_plan_text_never_reach_the_terminal(tmp_path, interactive):
    hostile_plan(tmp_path)

    done = subprocess.run(
        [sys.executable, "-m", "smplan", "init", "plan.yaml", interactive],
        cwd=tmp_path,
        input="\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1", "TERM": "dumb"},
    )

    assert_clear(done)
    assert "\x1b" not in done.stdout + done.stderr
    assert "\x07" not in done.stdout + done.stderr
    # Plan text may not hold control characters at all: the plan is refused at the line.
    assert done.returncode == 1
    assert done.stderr.startswith("plan.yaml:3:9: project.name: text holds a control character")


def test_file_names_in_wrote_lines_are_shown_escaped(smplan, tmp_path):
    out = tmp_path / "doc\x1b[2J.md"

    result = smplan("render", EXAMPLE, "-f", "md", "-o", out)

    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "doc\\x1b[2J.md" in result.stdout


def test_file_names_keep_their_spaces_but_never_reorder_the_line(smplan, tmp_path):
    # A no-break space is shown as itself; a right-to-left override could make the
    # line read differently from what it says, so it is shown escaped.
    out = tmp_path / "plan\u00a0v2\u202egpj.md"

    result = smplan("render", EXAMPLE, "-f", "md", "-o", out)

    assert result.exit_code == 0
    assert "\u202e" not in result.stdout
    assert "plan\u00a0v2\\u202egpj.md" in result.stdout


# --- a batch survives one bad plan ------------------------------------------------------


def test_a_batch_writes_every_good_plan_and_names_the_bad_one(smplan, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    good_a, old, good_b = tmp_path / "a.yaml", tmp_path / "old.yaml", tmp_path / "b.yaml"
    good_a.write_text(text, encoding="utf-8")
    good_b.write_text(text, encoding="utf-8")
    old.write_text(text.replace("  date: 2026-", "  date: 1900-", 1), encoding="utf-8")
    out = tmp_path / "out"

    # Markdown, as the batch goes on the same way whatever the format (the PDF batch with a
    # broken plan is tested once, in test_render_pdf).
    result = smplan("render", good_a, old, good_b, "-f", "md", "-o", f"{out}/")

    assert result.exit_code == 1
    assert f"{old}:" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "b.md"]
    # The bakery is French, so each line is in French, the plan's problems too.
    assert "la valeur doit être au moins 1904-01-01" in result.stderr
    assert f"{out / 'a.md'} écrit." in result.stdout
    assert f"{out / 'b.md'} écrit." in result.stdout


def test_a_template_failing_on_one_plan_of_a_batch_stops_only_that_plan(smplan, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text.replace("Boulangerie", "Broken", 1), encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "document.md.j2").write_text(
        "# {{ plan.project.organization }}\n"
        "{% if 'Broken' in plan.project.organization %}\n"
        '{{ "%d" % "x" }}{% endif %}\n',
        encoding="utf-8",
    )
    args = ["-f", "md", "-o", f"{tmp_path / 'out'}/", "--template-dir", templates]

    result = smplan("render", tmp_path / "a.yaml", tmp_path / "b.yaml", *args)

    assert result.exit_code == 1, result.output
    assert "erreur : " + str(tmp_path / "b.yaml") + " : " in result.stderr  # all in French
    assert f"{templates}/document.md.j2:3: template error: %d format" in result.stderr
    assert (tmp_path / "out" / "a.md").exists()
    assert not (tmp_path / "out" / "b.md").exists()


@pytest.mark.parametrize("epoch", ["-3000000000", "99999999999999", "soon"])
def test_a_source_date_epoch_the_renderers_cannot_take_is_refused(
    smplan, tmp_path, monkeypatch, epoch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)

    result = smplan("render", EXAMPLE, "-o", tmp_path / "out.pdf")

    assert result.exit_code == 2
    assert (
        "SOURCE_DATE_EPOCH is not a number of seconds since 1970 that gives a date from "
        f"1904-01-01 on: '{epoch}'" in result.stderr
    )


# --- user templates are bounded and located ---------------------------------------------


def render_with(smplan, tmp_path: Path, template: str | bytes):
    templates = tmp_path / "templates"
    templates.mkdir(exist_ok=True)
    target = templates / "document.md.j2"
    if isinstance(template, bytes):
        target.write_bytes(template)
    else:
        target.write_text(template, encoding="utf-8")
    return smplan(
        "render", EXAMPLE, "-f", "md", "-o", tmp_path / "out.md", "--template-dir", templates
    )


@pytest.mark.parametrize(
    ("template", "says"),
    [
        (
            "{% macro f(n) %}{{ f(n) }}{% endmacro %}\n{{ f(1) }}\n",
            "document.md.j2:1: template error: templates call themselves without end",
        ),
        (
            '{% extends "document.md.j2" %}\n',
            "document.md.j2:1: template error: templates call themselves without end",
        ),
        (
            'title\n{{ "x" * 1000000000 }}\n',
            "document.md.j2:2: template stopped: a value in a template is too large",
        ),
        (
            "{{ 9 ** 999999999 }}\n",
            "document.md.j2:1: template stopped: a number in a template is too large",
        ),
        ("Caf\xe9\n".encode("latin-1"), "template refused: document.md.j2:1 is not UTF-8 text"),
        ("one\ntwo\n{{ plan.nothing.here }}\n", "document.md.j2:3: template error:"),
    ],
    ids=["recursive-macro", "extends-itself", "huge-string", "huge-number", "latin-1", "runtime"],
)
def test_a_broken_template_is_refused_with_its_file_and_line(smplan, tmp_path, template, says):
    result = render_with(smplan, tmp_path, template)

    assert result.exit_code == 2
    assert "internal error" not in result.output
    assert says in result.stderr
    assert not (tmp_path / "out.md").exists()


def test_runaway_output_stops_with_a_message(smplan, tmp_path, monkeypatch):
    from smplan.render import environment

    monkeypatch.setattr(environment, "MAX_OUTPUT_CHARS", 1_000_000)
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}xxxx{% endfor %}{% endfor %}"

    result = render_with(smplan, tmp_path, loop)

    assert result.exit_code == 2
    assert "template stopped: the document passed 1,000,000 characters" in result.stderr


def test_runaway_time_stops_with_a_message(smplan, tmp_path, monkeypatch):
    from smplan.render import environment

    monkeypatch.setattr(environment, "MAX_RENDER_SECONDS", 1.0)
    # Writes nothing, so only the clock can stop it.
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"

    result = render_with(smplan, tmp_path, loop)

    assert result.exit_code == 2
    assert "template stopped: the document took more than 1 seconds" in result.stderr


# --- the smaller edges -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "/"])
def test_rendering_a_path_with_no_file_name_is_a_usage_error(smplan, path):
    result = smplan("render", path, "-f", "md")

    assert result.exit_code == 2
    assert "is not a plan file" in result.stderr


def test_a_batch_may_not_write_over_one_of_its_own_plans(smplan, tmp_path):
    (tmp_path / "q.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / "q.summary.md"
    other.write_text("smplan: 1\n", encoding="utf-8")

    result = smplan("render", tmp_path / "q.yaml", other, "-f", "md", "--summary")

    assert result.exit_code == 2
    assert "the document would overwrite" in result.stderr
    assert "a plan of the same batch" in result.stderr
    assert other.read_text(encoding="utf-8") == "smplan: 1\n"


def test_jobs_are_capped_to_the_processors(monkeypatch):
    from smplan.render import files

    started: list[int] = []

    class Pool:
        def __init__(self, max_workers: int) -> None:
            started.append(max_workers)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def map(self, *args):
            return map(*args)

    # The pool is imported when a batch needs one, from where it lives.
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Pool)
    monkeypatch.setattr(files, "available_cpus", lambda: 4)  # whatever this machine has
    # More jobs than processors, and far more workers asked for than either.
    jobs = [(EXAMPLE, Path("/nonexistent") / f"{i}.md") for i in range(5)]
    options = files.RenderOptions(fmt="md")

    list(files.render_batch(jobs, options, workers=10_000))

    assert started == [4]


def test_check_on_a_terminal_that_speaks_only_ascii_does_not_crash(tmp_path):
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "NO_COLOR": "1"}
    env.pop("PYTHONIOENCODING", None)

    done = subprocess.run(
        [sys.executable, "-m", "smplan", "check", str(EXAMPLE), "--lang", "en"],
        capture_output=True,
        env=env,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert b"internal error" not in done.stderr
    assert b"Step 1 \\xb7 The team" in done.stdout
