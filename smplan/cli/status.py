"""`smplan status`: how ready the plan is, and where each objective stands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smplan.cli.common import echo, speak_asked
from smplan.cli.console import console, escape
from smplan.cli.options import LANG, PLAN, command, format_option, option
from smplan.cli.outputs import chosen_format
from smplan.errors import UsageError, printable
from smplan.i18n import L_, LN_, N_, Formatter, current, speak
from smplan.jsontext import dumps
from smplan.outputs import Format, Outputs


@dataclass(frozen=True)
class Overview:
    """What `status` reports, computed once and written by each format."""

    name: str
    results_file: str | None
    period: str | None
    steps: dict[str, str]
    #: Whether every part of the plan is complete: its document is final.
    finished: bool
    errors: int
    warnings: int
    thresholds: dict[str, float]
    groups: list[tuple[Any, list[Any]]]
    recorded: int
    first: str | None
    #: The findings of the results file, placed in it (`smplan.checks.reports.Entry`).
    findings: list[Any]


#: The ways `status` writes its report, by the name `--format` takes.
STATUS_FORMATS = Outputs(
    Format("text", ".txt", "smplan.cli.status:_print_text", about=N_("for people")),
    Format("json", ".json", "smplan.cli.status:_print_json", about=N_("for machines")),
    default="text",
)


@command(
    "status",
    PLAN,
    option(
        "period",
        "--period",
        "-p",
        help="Stand at the end of this month (2027-03), ISO week (2027-W11) or day. "
        "Default: the last period with a figure.",
    ),
    format_option(STATUS_FORMATS),
    LANG,
)
def status(path: Path, period: str | None, output_format: str, lang: str | None) -> None:
    """Show the plan's readiness and, objective by objective, where each metric stands.

    Each metric shows its last figure, its pacing against the straight line from
    baseline to target, its status (on track, at risk, off track) and its trend.
    """
    from smplan.checks.service import check_file
    from smplan.plan.pacing import by_objective, latest_period, standings
    from smplan.plan.results import Results, parse_period

    chosen_format(STATUS_FORMATS, output_format)
    speak_asked(lang)
    checked = check_file(path, lang=lang)
    # The figures stand against the whole plan and the whole results file, or not at all.
    for unusable in (checked.plan_error, checked.results_error):
        if unusable is not None:
            raise unusable
    assert checked.loaded is not None and checked.verdict is not None
    loaded, verdict, found = checked.loaded, checked.verdict, checked.results
    if lang is None:
        speak(loaded.plan.language)
    at = None
    if period is not None:
        try:
            at = parse_period(period)
        except ValueError as error:
            raise UsageError(error.args[0]) from None
    results = found.results if found else Results()
    at = at or latest_period(results)
    first = min((e.when for e in results.results), default=None)
    overview = Overview(
        name=str(path),
        results_file=str(found.path) if found else None,
        period=at.text if at else None,
        steps=verdict.steps,
        finished=verdict.finished,
        errors=verdict.errors,
        warnings=verdict.warnings,
        thresholds=results.thresholds.model_dump(),
        groups=by_objective(loaded.plan, standings(loaded.plan, results, at)),
        recorded=sum(1 for e in results.results if at is None or e.when.end <= at.end),
        first=first.text if first else None,
        findings=[e for e in checked.report.entries if e.file is not None],
    )
    STATUS_FORMATS[output_format].write(overview)


# --- text -------------------------------------------------------------------------------

_STYLE = {"on_track": "green", "at_risk": "yellow", "off_track": "red"}


def _escape(text: object) -> str:
    return escape(printable(str(text)))


def _num(value: float | None, whole: bool = False) -> str:
    from smplan.plan.pacing import as_said

    if value is None:
        return "—"
    return Formatter(current()).number(as_said(value, whole)) or ""


def _pct(value: float | None) -> str:
    """A share (0.9 for 90 %) as a whole percentage."""
    return "—" if value is None else Formatter(current()).percent(round(value * 100) or 0) or ""


def _print_text(o: Overview) -> None:
    from smplan.checks.service import SEVERITIES
    from smplan.plan.labels import PACE_SYMBOLS, STATUS_SYMBOLS, TREND_ARROWS, value_label
    from smplan.plan.pacing import counts_things, moved

    done = sum(1 for s in o.steps.values() if s == "complete")
    head = f"[bold]{_escape(o.name)}[/]"
    if o.period:
        head += " · " + _escape(L_("standing at the end of {period}", period=o.period))
    console.print(head, soft_wrap=True)
    readiness = LN_(
        "Readiness: {n} of {total} steps complete · {errors}, {warnings}",
        "Readiness: {n} of {total} steps complete · {errors}, {warnings}",
        done,
        total=len(o.steps),
        errors=LN_("{n} error", "{n} errors", o.errors),
        warnings=LN_("{n} warning", "{n} warnings", o.warnings),
    )
    line = _escape(readiness)
    if o.errors:
        check = "smplan check " + o.name
        line += " " + _escape(L_("(run {command})", command=check))
    console.print(line, soft_wrap=True)
    if o.results_file is None:
        command = f"smplan track {o.name} METRIC VALUE --period 2027-03"
        message = L_("Results: none yet; record them with {command}", command=command)
    else:
        figures = LN_("{n} figure", "{n} figures", o.recorded)
        if o.first and o.period:
            figures = L_(
                "{figures} from {first} to {last}", figures=figures, first=o.first, last=o.period
            )
        message = L_(
            "Results: {figures} in {file} · on track from {on_track} pacing, "
            "at risk from {at_risk}",
            figures=figures,
            file=o.results_file,
            on_track=Formatter(current()).percent(o.thresholds["on_track"]),
            at_risk=Formatter(current()).percent(o.thresholds["at_risk"]),
        )
    console.print(_escape(message), soft_wrap=True)
    for entry in o.findings:
        # What the results file holds that the figures below may not show as it says.
        problem = entry.problem
        severity = SEVERITIES[entry.severity]
        line = f"{problem.location(entry.file)}: {severity} {entry.code}: {problem.message}"
        if problem.hint:
            line += " " + str(L_("(hint: {hint})", hint=problem.hint))
        colour = "red" if entry.severity == "error" else "yellow"
        console.print(f"  [{colour}]{_escape(line)}[/]", soft_wrap=True)
    for objective, found in o.groups:
        console.print()
        if objective is None:
            title = _escape(L_("Metrics of no known objective"))
            console.print(f"[bold]{title}[/]", soft_wrap=True)
        else:
            # Named as the report names it: by its statement, not its id.
            title = _escape(objective.statement or objective.id)
            head = f"[bold]{title}[/]"
            if objective.primary:
                head += " " + _escape(L_("(primary)"))
            console.print(head, soft_wrap=True)
        if not found:
            console.print("  " + _escape(L_("no metric measures it")), soft_wrap=True)
        for s in found:
            word = value_label("status", s.status) or s.status
            badge = f"{STATUS_SYMBOLS[s.status]} {word}"
            style = _STYLE.get(s.status)
            shown = f"[{style}]{_escape(badge)}[/]" if style else _escape(badge)
            unit = f" {s.metric.unit}" if s.metric.unit else ""
            whole = counts_things(s.metric, s.history)
            parts = [f"  {shown}  [bold]{_escape(s.metric.name or s.metric.id)}[/]"]
            if s.last is not None:
                last = _num(s.last.value, whole) + unit
                parts.append(
                    _escape(L_("last {value} ({period})", value=last, period=s.last.period))
                )
            if s.expected is not None:
                parts.append(_escape(L_("expected {value}", value=_num(s.expected, whole))))
            if s.metric.target is not None:
                target = _num(s.metric.target, whole)
                if s.deadline:
                    shown_target = L_(
                        "target {value} by {date}", value=target, date=s.deadline.isoformat()
                    )
                else:
                    shown_target = L_("target {value}", value=target)
                parts.append(_escape(shown_target))
            if s.pace == "below_start":
                parts.append(_escape(value_label("pace", s.pace) or s.pace))
            elif s.pace is not None:
                shown_pace = " ".join(
                    (_pct(s.pacing), PACE_SYMBOLS[s.pace], value_label("pace", s.pace) or "")
                )
                parts.append(_escape(L_("pacing {value}", value=shown_pace)))
            if s.trend is not None:
                trend = value_label("trend", s.trend) or s.trend
                arrow = TREND_ARROWS[moved(s)]
                parts.append(_escape(L_("trend {arrow} {trend}", arrow=arrow, trend=trend)))
            if s.projection is not None and not s.met:
                parts.append(_escape(L_("projected {value}", value=_num(s.projection, whole))))
            if s.met:
                parts.append(_escape(L_("target met")))
            console.print(" · ".join(parts), soft_wrap=True)


# --- json -------------------------------------------------------------------------------


def _entry_json(entry: Any) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {"period": entry.period, "value": entry.value, "note": entry.note}


def _standing_json(s: Any) -> dict[str, Any]:
    from smplan.plan.labels import STATUS_SYMBOLS

    baseline = s.metric.baseline
    return {
        "id": s.metric.id,
        "name": s.metric.name,
        "unit": s.metric.unit,
        "owner": s.metric.owner,
        "direction": "higher" if s.direction > 0 else "lower",
        "baseline": baseline,
        "target": s.metric.target,
        "deadline": s.deadline.isoformat() if s.deadline else None,
        "last": _entry_json(s.last),
        "previous": _entry_json(s.previous),
        "expected": s.expected,
        "pacing": s.pacing,
        "status": s.status,
        "symbol": STATUS_SYMBOLS[s.status],
        "target_met": s.met,
        "projection": s.projection,
        "trend": s.trend,
        "history": [_entry_json(e) for e in s.history],
    }


def _finding_json(entry: Any) -> dict[str, Any]:
    problem = entry.problem
    return {
        "code": entry.code,
        "severity": entry.severity,
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
        "hint": problem.hint,
    }


def _print_json(o: Overview) -> None:
    done = sum(1 for s in o.steps.values() if s == "complete")
    data = {
        "file": o.name,
        "results_file": o.results_file,
        "period": o.period,
        "readiness": {
            "steps": o.steps,
            "complete": done,
            "total": len(o.steps),
            "errors": o.errors,
            "warnings": o.warnings,
            "finished": o.finished,
        },
        "results_findings": [_finding_json(e) for e in o.findings],
        "thresholds": o.thresholds,
        "objectives": [
            {
                "id": objective.id if objective else None,
                "statement": objective.statement if objective else None,
                "primary": bool(objective and objective.primary),
                "metrics": [_standing_json(s) for s in found],
            }
            for objective, found in o.groups
        ],
    }
    echo(dumps(data))
