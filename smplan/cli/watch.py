"""`smplan render PLAN --watch`: render again on each save, until Ctrl-C.

Change is found by polling: every WATCH_INTERVAL seconds the plan's and the template
folder's files are looked at (modification time and size). A poll costs a few `stat`
calls, needs no library and works the same on every system and file system, which
matters more here than noticing a save a fraction of a second sooner.
"""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

from smplan.cli.common import echo, report_outcome
from smplan.cli.console import err_console
from smplan.cli.findings import check_file, print_findings
from smplan.errors import ExitCode, printable
from smplan.i18n import L_

#: Seconds between two looks at the files; SMPLAN_WATCH_INTERVAL overrides it, within
#: the bounds below (a save is seen within a minute at worst; `inf` is no interval).
WATCH_INTERVAL = 0.5
SHORTEST_INTERVAL, LONGEST_INTERVAL = 0.05, 60.0

Snapshot = dict[str, tuple[int, int]]


def snapshot(plan: Path, template_dir: Path | None) -> Snapshot:
    """The modification time and size of the plan and of every file under `template_dir`."""
    files = [plan]
    if template_dir is not None:
        files += sorted(p for p in template_dir.rglob("*") if p.is_file())
    found: Snapshot = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue  # an editor replacing the file: it is back at the next look
        found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _interval() -> float:
    try:
        asked = float(os.environ.get("SMPLAN_WATCH_INTERVAL", WATCH_INTERVAL))
    except ValueError:
        return WATCH_INTERVAL
    if not math.isfinite(asked):
        return WATCH_INTERVAL
    return min(max(asked, SHORTEST_INTERVAL), LONGEST_INTERVAL)


def watch(source: Path, output: Path, options: object) -> int:
    """Render `source` to `output` now and after each change, until Ctrl-C; exit 0 then.

    Ctrl-C is the way a watch ends, not an accident, so it exits 0 like a finished
    command: the document on disk is always a whole one, the last good render, since
    each is written atomically; a render cut short leaves the previous file in place.
    """
    from smplan.render.environment import forget_templates

    template_dir = getattr(options, "template_dir", None)
    interval = _interval()
    seen = snapshot(source, template_dir)
    try:
        _render_once(source, output, options)
        watching = L_("Watching {path} for changes; press Ctrl-C to stop.", path=_name(source))
        echo(watching)
        while True:
            time.sleep(interval)
            now = snapshot(source, template_dir)
            if now == seen:
                continue
            while True:  # let a save that is being written finish first
                time.sleep(interval)
                settled = snapshot(source, template_dir)
                if settled == now:
                    break
                now = settled
            if set(now) - {str(source)} != set(seen) - {str(source)}:
                forget_templates()  # a template added or removed changes which one is used
            seen = now
            _render_once(source, output, options)
    except KeyboardInterrupt:
        echo("\n" + str(L_("Stopped watching.")))
        return int(ExitCode.OK)


def _render_once(source: Path, output: Path, options: object) -> None:
    """Render, then print the new version's findings; on failure keep the last document."""
    from smplan.render.files import render_job

    stamp = time.strftime("%H:%M:%S")
    outcome = render_job(str(source), str(output), options)  # type: ignore[arg-type]
    if outcome.output is not None:
        echo(f"[{stamp}] {outcome.wrote}")
        print_findings(check_file(source, set(), False, getattr(options, "lang", None)))
        return
    report_outcome(outcome.message or "", outcome.hint, outcome.located, outcome.language)
    if output.exists():
        failed = L_("{path} was not rendered (the last good document is kept).", path=_name(source))
    else:
        failed = L_("{path} was not rendered.", path=_name(source))
    err_console.print(f"[{stamp}] {failed}", highlight=False, markup=False)


def _name(path: Path) -> str:
    return printable(str(path))
