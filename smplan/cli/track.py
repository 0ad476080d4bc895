"""`smplan track`: record what a metric measured, one figure or a CSV file of them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smplan.cli.common import echo
from smplan.cli.console import err_console
from smplan.cli.options import PLAN, argument, command, option
from smplan.errors import ExitCode, PlanFileError, Problem, UsageError, printable
from smplan.i18n import L_, LN_, Message, decimal_sign, pgettext, speak
from smplan.i18n import shown as shown_number

#: The columns of an import file; the first three are required.
CSV_COLUMNS = ("metric", "period", "value", "note", "source")
#: A figure as typed, negative ones included: what `-8` on the command line is, not an option.
_NUMBER = re.compile(r"^-[\d.,\s\u00a0\u202f]+%?$")


@command(
    "track",
    PLAN,
    argument(
        "metric",
        kind=str,
        required=False,
        metavar="METRIC",
        help="The id or the name of the metric measured.",
    ),
    argument(
        "value",
        kind=str,
        required=False,
        metavar="VALUE",
        help="The figure, in the metric's unit; a negative one as it is: -8.",
    ),
    option(
        "period",
        "--period",
        "-p",
        help="The month (2027-03), ISO week (2027-W11) or day (2027-03-15) the figure covers. "
        "Default: the current month, which the command names.",
    ),
    option("note", "--note", help="What explains the figure."),
    option("source", "--source", help="Where the figure comes from."),
    option(
        "import_file",
        "--import",
        kind=Path,
        help="A CSV file with the columns metric,period,value and optionally note and "
        "source; every row is recorded, or none is, and every bad row is named.",
    ),
    negatives=True,
)
def track(
    path: Path,
    metric: str | None,
    value: str | None,
    period: str | None,
    note: str | None,
    source: str | None,
    import_file: Path | None,
) -> None:
    """Record results in PLAN.results.yaml, beside the plan, after checking each figure.

    A figure for a metric and period already recorded replaces it. Nothing is written
    when a figure does not fit its metric: an unknown metric, a period outside the plan's
    span, a value out of range. Figures are recorded under the plan's lock, so several
    `track` calls at once each keep their figure.

    Exit status: 0 when recorded; 2 when nothing was written.
    """
    from smplan.plan.files import load_plan
    from smplan.plan.results import recording

    for given in (metric, value):
        if given is not None and given.startswith("-") and not _NUMBER.match(given):
            raise UsageError(
                L_("no such option: {option}", option=printable(given)),
                hint=L_("see {command}", command="smplan track --help"),
            )
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
    metrics = Metrics(loaded.plan.metrics or [])

    if import_file is not None:
        found = _read_csv(import_file, metrics)
    else:
        assert metric is not None and value is not None
        found = _Import(_one_figure(metric, value, period, note, source, metrics))
    rows = found.rows

    with recording(path) as results:
        _refuse_findings(loaded.plan, found, results, import_file)
        replaced = results.record([row.entry for row in rows])
    target = printable(str(results.path))
    if import_file is not None:
        updated = sum(replaced)
        recorded = LN_(
            "Recorded {n} figure from {source} in {path}.",
            "Recorded {n} figures from {source} in {path}.",
            len(rows),
            source=printable(str(import_file)),
            path=target,
        )
        if updated:
            recorded = LN_(
                "{recorded} ({n} replaced)", "{recorded} ({n} replaced)", updated, recorded=recorded
            )
        echo(str(recorded))
        return
    entry = rows[0].entry
    unit = metrics.by_id[entry.metric].unit
    shown = f"{shown_number(entry.value)}{' ' + unit if unit else ''}"
    fields = {
        "metric": entry.metric,
        "value": printable(shown),
        "period": entry.period,
        "path": target,
    }
    if replaced[0]:
        echo(str(L_("Replaced {metric} = {value} for {period} in {path}.", **fields)))
    else:
        echo(str(L_("Recorded {metric} = {value} for {period} in {path}.", **fields)))


# --- which metric --------------------------------------------------------------------------


def _key(text: str) -> str:
    """A metric's name as compared: case, accents' composition and spacing set aside."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class Metrics:
    """The plan's metrics, found by id or by name."""

    def __init__(self, metrics: list[Any]) -> None:
        self.by_id = {m.id: m for m in metrics}
        names: dict[str, list[str]] = {}
        for m in metrics:
            if m.name:
                names.setdefault(_key(m.name), []).append(m.id)
        # A name two metrics share names neither.
        self._by_name = {name: ids[0] for name, ids in names.items() if len(ids) == 1}

    def find(self, given: str) -> str | None:
        """The id of the metric `given` is the id or the name of, or None."""
        given = given.strip()
        if given in self.by_id:
            return given
        return self._by_name.get(_key(given))

    def listed(self) -> str:
        """Every metric as `id (name)`, in the plan's order."""
        return ", ".join(f"{m.id} ({m.name})" if m.name else str(m.id) for m in self.by_id.values())

    def unknown(self, given: str) -> tuple[Message, Message]:
        """The message and hint for `given`, the id or name of no metric."""
        import difflib

        message = L_(
            "`{metric}` is neither the id nor the name of a metric of the plan",
            metric=printable(given),
        )
        if not self.by_id:
            return message, L_("the plan has no metric yet: add them in step 4")
        listed = L_("the plan's metrics: {metrics}", metrics=printable(self.listed()))
        names = {_key(m.name): m.id for m in self.by_id.values() if m.name}
        close = difflib.get_close_matches(given, list(self.by_id), n=1) or [
            names[n] for n in difflib.get_close_matches(_key(given), list(names), n=1)
        ]
        if close:
            return message, L_("did you mean `{id}`? {listed}", id=close[0], listed=listed)
        return message, listed


# --- one figure, or the rows of a file -----------------------------------------------------


@dataclass
class Row:
    """A figure to record, with where it was given: its line and each field's column."""

    entry: Any
    line: int = 0
    columns: dict[str, int] = field(default_factory=dict)


def _one_figure(
    metric: str,
    value: str,
    period: str | None,
    note: str | None,
    source: str | None,
    metrics: Metrics,
) -> list[Row]:
    if period is None:
        period = dt.date.today().strftime("%Y-%m")
        said = L_("no --period given: the figure is for the current month, {period}", period=period)
        label = pgettext("report", "note:")
        err_console.print(f"{label} {said}", highlight=False, markup=False, soft_wrap=True)
    entry, problems = _entry(
        {"metric": metric, "period": period, "value": value, "note": note, "source": source},
        metrics,
    )
    if problems:
        first = problems[0]
        message = (
            first.message
            if first.path in ("metric", "value", "period", "")
            else L_("--{option}: {message}", option=first.path, message=first.message)
        )
        raise UsageError(message, hint=first.hint)
    return [Row(entry)]


def _value(text: str, metric: Any) -> float | None:
    """A figure typed on the command line or in a CSV cell: a number, `%` allowed for a
    metric in percent."""
    text = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if text.endswith("%") and metric is not None and (metric.unit or "").strip() == "%":
        text = text[:-1]
    if text.count(",") == 1 and "." not in text and decimal_sign() == ",":
        text = text.replace(",", ".")  # 3,5 where the plan's language writes decimals so
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text):
        return None  # float() would take `nan`, `inf` and `1_000` too
    number = float(text)
    return number if math.isfinite(number) else None


def _entry(row: dict[str, str | None], metrics: Metrics) -> tuple[Any, list[Problem]]:
    """An `Entry` from the text of its fields, or every `Problem` that stops it."""
    from pydantic import ValidationError

    from smplan.plan.mistakes import describe
    from smplan.plan.results import PERIOD_FORMS, Entry, PeriodOutOfRange, parse_period

    problems = []
    given = (row.get("metric") or "").strip()
    metric = metrics.find(given)
    if metric is None:
        message, hint = metrics.unknown(given)
        problems.append(Problem(message, path="metric", hint=hint))
    raw_value = (row.get("value") or "").strip()
    number = _value(raw_value, metrics.by_id.get(metric or ""))
    if number is None:
        unit = getattr(metrics.by_id.get(metric or ""), "unit", None)
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
        problems.append(
            Problem(
                L_("`{value}` is not a number", value=printable(raw_value)), path="value", hint=hint
            )
        )
    period = (row.get("period") or "").strip()
    try:
        parse_period(period)
    except PeriodOutOfRange as error:
        problems.append(Problem(error.args[0], path="period"))
    except ValueError:
        problems.append(
            Problem(
                L_("`{value}` is not a period", value=printable(period)),
                path="period",
                hint=L_("write {forms}", forms=PERIOD_FORMS),
            )
        )
    if problems:
        return None, problems
    data = {
        "metric": metric,
        "period": period,
        "value": number,
        "note": (row.get("note") or "").strip() or None,
        "source": (row.get("source") or "").strip() or None,
    }
    try:
        return Entry.model_validate(data), []
    except ValidationError as error:
        # Worded as the plan's own problems are, by the one describer of the model's errors.
        described = []
        for found in error.errors(include_url=False):
            loc = tuple(found["loc"])
            said = describe(loc, [dict(found)], Entry)
            described.append(Problem(said[1], path=str(loc[0]) if loc else "", hint=said[2]))
        return None, described


def _refuse_findings(plan: Any, found: _Import, results: Any, import_file: Path | None) -> None:
    """Stop, writing nothing, when a row cannot be read or a rule refuses a figure; an
    import file's problems are all named at once."""
    from smplan.checks.service import check_entries

    rows = found.rows
    entries = [row.entry for row in rows]
    findings = [f for f in check_entries(plan, entries, results.results) if f.severity == "error"]
    if import_file is not None:
        problems = list(found.problems)
        for f in findings:
            row = rows[int(f.loc[1])]
            problems.append(
                Problem(
                    L_("error {code}: {message}", code=f.code, message=f.message),
                    line=row.line,
                    column=row.columns.get(str(f.loc[2]), 1),
                    hint=f.hint,
                )
            )
        if problems:
            _refuse(str(import_file), problems)
        if not rows:
            raise PlanFileError(
                str(import_file), [Problem(L_("no figure to record"), hint=_CSV_HINT)]
            )
        return
    if not findings:
        return
    for f in findings:
        _say_error(L_("{code} {message}", code=f.code, message=f.message), f.hint)
    nothing = L_("Nothing was written to {path}.", path=printable(str(results.path)))
    err_console.print(str(nothing), highlight=False, markup=False, soft_wrap=True)
    raise SystemExit(int(ExitCode.UNUSABLE))


def _say_error(message: Message, hint: str | None) -> None:
    from smplan.cli.common import report_error
    from smplan.i18n import current

    report_error(UsageError(message, hint=hint, language=current()))


# --- the import file ---------------------------------------------------------------------


@dataclass
class _Import:
    """What reading an import file found: its rows, and the problems of its bad rows."""

    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _field_columns(line: str) -> list[int]:
    """The 1-based column where each comma-separated field of `line` starts."""
    starts, quoted = [1], False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(i + 2)
    return starts


def _read_csv(path: Path, metrics: Metrics) -> _Import:
    """Every row of an import file as a figure, with its line and each field's column,
    and the problems of the rows that cannot be read.

    Raises `PlanFileError` naming every problem of the header. A line may end the
    Windows, Unix or classic Mac way, even mixed in one file.
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text, newline="\n"))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise PlanFileError(name, [Problem(L_("file is empty"), hint=_CSV_HINT)]) from None
    except csv.Error as error:
        raise PlanFileError(name, [_not_csv(error, 1)]) from None
    _check_header(name, header, _field_columns(lines[0]))
    found = _Import()
    last = reader.line_num
    try:
        for cells in reader:
            line, last = last + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            _read_row(found, cells, header, line, lines[line - 1], metrics)
    except csv.Error as error:
        found.problems.append(_not_csv(error, last + 1))
    return found


def _not_csv(error: csv.Error, line: int) -> Problem:
    return Problem(L_("not valid CSV: {error}", error=str(error)), line=line, column=1)


def _check_header(name: str, header: list[str], starts: list[int]) -> None:
    """Refuse a header that lacks a required column, or names one twice or unknown."""
    problems = []
    missing = [c for c in CSV_COLUMNS[:3] if c not in header]
    if missing:
        problems.append(
            Problem(
                LN_(
                    "missing column: {columns}",
                    "missing columns: {columns}",
                    len(missing),
                    columns=", ".join(missing),
                ),
                line=1,
                column=1,
                hint=_CSV_HINT,
            )
        )
    for i, column in enumerate(header):
        where = starts[i] if i < len(starts) else 1
        if column not in CSV_COLUMNS:
            problems.append(
                Problem(
                    L_("unknown column: {column}", column=printable(column)),
                    line=1,
                    column=where,
                    hint=_CSV_HINT,
                )
            )
        elif column in header[:i]:
            problems.append(
                Problem(
                    L_("column `{column}` is named twice", column=column),
                    line=1,
                    column=where,
                    hint=L_("keep one `{column}` column", column=column),
                )
            )
    if problems:
        raise PlanFileError(name, problems)


def _read_row(
    found: _Import,
    cells: list[str],
    header: list[str],
    line: int,
    text: str,
    metrics: Metrics,
) -> None:
    """Add the row `cells`, read from `line` (`text`), to `found`: a figure, or its problems."""
    starts = _field_columns(text)
    columns = {h: starts[i] if i < len(starts) else 1 for i, h in enumerate(header)}
    if len(cells) != len(header):
        extra = len(cells) > len(header)
        found.problems.append(
            Problem(
                L_(
                    "{cells} where the first line names {columns}",
                    cells=LN_("this row has {n} cell", "this row has {n} cells", len(cells)),
                    columns=LN_("{n} column", "{n} columns", len(header)),
                ),
                line=line,
                # Where the first cell too many starts, or where the short row ends.
                column=starts[len(header)]
                if extra and len(header) < len(starts)
                else len(text) + 1,
                hint=L_(
                    "a number written with a thousands separator, or a text holding a comma, "
                    'goes in double quotes: "1,234"'
                )
                if extra
                else L_("give every row a cell for each column, even an empty one"),
            )
        )
        return
    entry, problems = _entry(dict(zip(header, cells, strict=True)), metrics)
    for problem in problems:
        found.problems.append(
            Problem(
                problem.message,
                line=line,
                column=columns.get(problem.path, 1),
                hint=problem.hint,
            )
        )
    if entry is not None:
        found.rows.append(Row(entry, line, columns))


_CSV_HINT = L_(
    "the first line names the columns: {required} (and optionally {optional})",
    required="metric,period,value",
    optional="note,source",
)


def _refuse(name: str, problems: list[Problem]) -> None:
    for problem in sorted(problems, key=Problem.sort_key):
        err_console.print(problem.format(name), highlight=False, markup=False, soft_wrap=True)
    rows = len({p.line for p in problems})
    refused = LN_(
        "{file}: {n} row refused; nothing was recorded.",
        "{file}: {n} rows refused; nothing was recorded.",
        rows,
        file=printable(name),
    )
    err_console.print(str(refused), highlight=False, markup=False, soft_wrap=True)
    raise SystemExit(int(ExitCode.UNUSABLE))
