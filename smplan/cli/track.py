"""`smplan track`: record what a metric measured, one figure or a CSV file of them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import typer

from smplan.cli import app, report_error
from smplan.cli.console import err_console, escape
from smplan.errors import ExitCode, PlanFileError, Problem, UsageError, printable
from smplan.i18n import L_, LN_, current, decimal_sign, speak
from smplan.i18n import shown as shown_number

#: The columns of an import file; the first three are required.
CSV_COLUMNS = ("metric", "period", "value", "note", "source")


@app.command()
def track(
    path: Path = typer.Argument(
        ..., help="The plan file the results belong to.", show_default=False
    ),
    metric: str | None = typer.Argument(
        None, help="Id of the metric measured.", show_default=False
    ),
    value: str | None = typer.Argument(
        None,
        help="The figure, in the metric's unit. A negative one goes after `--`: "
        "smplan track PLAN --period 2027-03 -- METRIC -8",
        show_default=False,
    ),
    period: str | None = typer.Option(
        None,
        "--period",
        "-p",
        help="The month (2027-03), ISO week (2027-W11) or day (2027-03-15) the figure covers. "
        "Default: the current month.",
        show_default=False,
    ),
    note: str | None = typer.Option(None, "--note", help="What explains the figure."),
    source: str | None = typer.Option(None, "--source", help="Where the figure comes from."),
    import_file: Path | None = typer.Option(
        None,
        "--import",
        help="A CSV file with the columns metric,period,value and optionally note and "
        "source; every row is recorded, or none is.",
        show_default=False,
    ),
) -> None:
    """Record results in PLAN.results.yaml, beside the plan, after checking each figure.

    A figure for a metric and period already recorded replaces it. Nothing is written
    when a figure does not fit its metric: an unknown id, a period outside the plan's
    span, a value out of range.

    Exit status: 0 when recorded; 2 when nothing was written.
    """
    from smplan.checks.service import check_entries
    from smplan.plan.files import load_plan
    from smplan.plan.results import Results, load_results, record, results_path

    if import_file is not None and (metric is not None or value is not None):
        raise UsageError(L_("give either METRIC VALUE or --import FILE, not both"))
    if import_file is None and (metric is None or value is None):
        raise UsageError(
            L_("say which metric and what value"),
            hint=L_(
                "{command}, or --import FILE.csv",
                command="smplan track PLAN METRIC VALUE [--period 2027-03]",
            ),
        )
    loaded = load_plan(path)
    speak(loaded.plan.language)
    target = results_path(path)
    existing = load_results(target).results if target.exists() else Results()
    metrics = {m.id: m for m in loaded.plan.metrics or []}

    if import_file is not None:
        entries, places = _read_csv(import_file, metrics)
    else:
        assert metric is not None and value is not None
        entry = _entry(
            {
                "metric": metric,
                "period": period or dt.date.today().strftime("%Y-%m"),
                "value": value,
                "note": note,
                "source": source,
            },
            metrics,
        )
        if isinstance(entry, Problem):
            raise UsageError(entry.message, hint=entry.hint)
        entries, places = [entry], []

    findings = [f for f in check_entries(loaded.plan, entries, existing) if f.severity == "error"]
    if findings:
        if import_file is not None:
            problems = [
                Problem(
                    L_("error {code}: {message}", code=f.code, message=f.message),
                    line=places[int(f.loc[1])][0],
                    column=places[int(f.loc[1])][1].get(str(f.loc[2]), 1),
                    hint=f.hint,
                )
                for f in findings
            ]
            _refuse(str(import_file), problems)
        for f in findings:
            report_error(UsageError(f"{f.code} {f.message}", hint=f.hint, language=current()))
        nothing = L_("Nothing was written to {path}.", path=str(target))
        err_console.print(_escape(str(nothing)), soft_wrap=True)
        raise typer.Exit(int(ExitCode.UNUSABLE))
    replaced = record(target, entries, plan_name=path.name)
    if import_file is not None:
        updated = sum(replaced)
        recorded = LN_(
            "Recorded {n} figure from {source} in {path}.",
            "Recorded {n} figures from {source} in {path}.",
            len(entries),
            source=str(import_file),
            path=str(target),
        )
        if updated:
            recorded = LN_(
                "{recorded} ({n} replaced)", "{recorded} ({n} replaced)", updated, recorded=recorded
            )
        typer.echo(str(recorded))
        return
    entry = entries[0]
    unit = metrics[entry.metric].unit
    shown = f"{shown_number(entry.value)}{' ' + unit if unit else ''}"
    fields = {"metric": entry.metric, "value": shown, "period": entry.period, "path": str(target)}
    if replaced[0]:
        typer.echo(str(L_("Replaced {metric} = {value} for {period} in {path}.", **fields)))
    else:
        typer.echo(str(L_("Recorded {metric} = {value} for {period} in {path}.", **fields)))


def _escape(text: str) -> str:
    return escape(printable(text))


def _value(text: str, metric: Any) -> float | None:
    """A figure typed on the command line or in a CSV cell: a number, `%` allowed for a
    metric in percent."""
    text = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if text.endswith("%") and metric is not None and (metric.unit or "").strip() == "%":
        text = text[:-1]
    if text.count(",") == 1 and "." not in text and decimal_sign() == ",":
        text = text.replace(",", ".")  # 3,5 where the plan's language writes decimals so
    try:
        return float(text)
    except ValueError:
        return None


def _entry(row: dict[str, str | None], metrics: dict[str, Any]) -> Any:
    """An `Entry` from the text of its fields, or the `Problem` that stops it."""
    from pydantic import ValidationError

    from smplan.plan.results import PERIOD_FORMS, Entry, parse_period

    raw_value = (row.get("value") or "").strip()
    number = _value(raw_value, metrics.get(row.get("metric") or ""))
    if number is None:
        unit = getattr(metrics.get(row.get("metric") or ""), "unit", None)
        example = shown_number(3.5)
        hint = (
            L_(
                "write a plain number such as 14 or {example}, in {unit}",
                example=example,
                unit=unit,
            )
            if unit
            else L_("write a plain number such as 14 or {example}", example=example)
        )
        return Problem(L_("`{value}` is not a number", value=raw_value), path="value", hint=hint)
    try:
        parse_period(row.get("period") or "")
    except ValueError:
        return Problem(
            L_("`{value}` is not a period", value=row.get("period") or ""),
            path="period",
            hint=L_("write {forms}", forms=PERIOD_FORMS),
        )
    data = {
        "metric": (row.get("metric") or "").strip(),
        "period": (row.get("period") or "").strip(),
        "value": number,
        "note": (row.get("note") or "").strip() or None,
        "source": (row.get("source") or "").strip() or None,
    }
    try:
        return Entry.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        if field == "metric":
            return Problem(
                L_("`{value}` is not a metric id", value=data["metric"]),
                path="metric",
                hint=L_("ids use lowercase letters, digits, `-` and `_`"),
            )
        return Problem(f"{field}: {first['msg']}", path=field)


def _field_columns(line: str) -> list[int]:
    """The 1-based column where each comma-separated field of `line` starts."""
    starts, quoted = [1], False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(i + 2)
    return starts


def _read_csv(
    path: Path, metrics: dict[str, Any]
) -> tuple[list[Any], list[tuple[int, dict[str, int]]]]:
    """Every row of an import file as an entry, with its line and the column of each field.

    Raises `PlanFileError` listing every row that cannot be read, so none is recorded.
    """
    from smplan.plan.files import read_plan_file

    name = str(path)
    raw = read_plan_file(path, name)  # a regular file of a plan's size, or a clear refusal
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanFileError(
            name,
            [Problem(L_("not UTF-8 text"), hint=L_("save the file as UTF-8 (CSV UTF-8)"))],
        ) from None
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise PlanFileError(name, [Problem(L_("file is empty"), hint=_CSV_HINT)]) from None
    missing = [c for c in CSV_COLUMNS[:3] if c not in header]
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if missing or unknown:
        said = []
        if missing:
            said.append(
                LN_(
                    "missing column: {columns}",
                    "missing columns: {columns}",
                    len(missing),
                    columns=", ".join(missing),
                )
            )
        if unknown:
            said.append(
                LN_(
                    "unknown column: {columns}",
                    "unknown columns: {columns}",
                    len(unknown),
                    columns=", ".join(unknown),
                )
            )
        what = "; ".join(str(part) for part in said)
        raise PlanFileError(name, [Problem(what, line=1, column=1, hint=_CSV_HINT)])
    entries: list[Any] = []
    places: list[tuple[int, dict[str, int]]] = []
    problems: list[Problem] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            starts = _field_columns(lines[line - 1]) if line - 1 < len(lines) else [1]
            columns = {h: starts[i] if i < len(starts) else 1 for i, h in enumerate(header)}
            row: dict[str, str | None] = {
                h: (cells[i] if i < len(cells) else None) for i, h in enumerate(header)
            }
            entry = _entry(row, metrics)
            if isinstance(entry, Problem):
                problems.append(
                    Problem(
                        entry.message,
                        line=line,
                        column=columns.get(entry.path, 1),
                        hint=entry.hint,
                    )
                )
                continue
            entries.append(entry)
            places.append((line, columns))
    except csv.Error as exc:
        raise PlanFileError(
            name, [Problem(L_("not valid CSV: {error}", error=str(exc)), line=reader.line_num)]
        ) from None
    if problems:
        _refuse(name, problems)
    if not entries:
        raise PlanFileError(name, [Problem(L_("no figure to record"), hint=_CSV_HINT)])
    return entries, places


_CSV_HINT = L_(
    "the first line names the columns: {required} (and optionally {optional})",
    required="metric,period,value",
    optional="note,source",
)


def _refuse(name: str, problems: list[Problem]) -> None:
    for problem in sorted(problems, key=Problem.sort_key):
        err_console.print(problem.format(name), highlight=False, markup=False, soft_wrap=True)
    refused = LN_(
        "{file}: {n} row refused; nothing was recorded.",
        "{file}: {n} rows refused; nothing was recorded.",
        len(problems),
        file=printable(name),
    )
    err_console.print(
        str(refused),
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    raise typer.Exit(int(ExitCode.UNUSABLE))
