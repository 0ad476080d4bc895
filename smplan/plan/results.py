"""The results file: what each metric measured, period by period, beside the plan.

The plan is the strategy the client signed off; results are recorded every week or month
for as long as it runs. They live in their own file, `PLAN.results.yaml` next to
`PLAN.yaml`, so recording a figure never rewrites the signed-off document, and a plan
under version control shows its strategy changes apart from its measurements.

The file is read like a plan (the same safe composer, every problem at its line and
column) and written back like one (ruamel.yaml's round trip, so comments stay, and
atomically).
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError

from smplan.errors import PlanInvalidError, Problem, Text, cannot_write
from smplan.fsutil import atomic_write
from smplan.i18n import L_, N_
from smplan.plan.files import (
    SourceMap,
    _check_version,
    decode_text,
    read_plan_file,
    read_yaml,
)
from smplan.plan.mistakes import validation_problems
from smplan.plan.model import ID_PATTERN, MetricValue, Model, doc, ex, text

#: The suffix that turns a plan's file name into its results file's.
RESULTS_SUFFIX = ".results.yaml"

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERIOD_FORMS = L_("a month (2027-03), an ISO week (2027-W11) or a date (2027-03-15)")


@dataclass(frozen=True, order=True)
class Period:
    """A month, an ISO week or a day: the stretch of time one result covers.

    Periods order by their last day, the day the figure stands for.
    """

    end: dt.date
    start: dt.date
    text: str

    @property
    def kind(self) -> str:
        """`month`, `week` or `day`."""
        if _MONTH.match(self.text):
            return "month"
        return "week" if _WEEK.match(self.text) else "day"

    def __str__(self) -> str:
        return self.text


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """The (year, month) `n` months after (or before, when negative) `month` of `year`."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> dt.date:
    """The last day of `month` of `year`."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(value: str) -> Period:
    """A period from its text; `ValueError` naming the accepted forms otherwise."""
    text = str(value).strip()
    try:
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            return Period(month_end(year, month), dt.date(year, month, 1), text)
        if m := _WEEK.match(text):
            year, week = int(m[1]), int(m[2])
            return Period(
                dt.date.fromisocalendar(year, week, 7), dt.date.fromisocalendar(year, week, 1), text
            )
        if _DAY.match(text):
            day = dt.date.fromisoformat(text)
            return Period(day, day, text)
    except ValueError:
        pass
    raise ValueError(L_("`{value}` is not a period: write {forms}", value=text, forms=PERIOD_FORMS))


def _period_text(value: str) -> str:
    try:
        return parse_period(value).text
    except ValueError:
        raise PydanticCustomError("period", "{forms}", {"forms": PERIOD_FORMS}) from None


#: A period as the file writes it.
PeriodText = Annotated[
    str,
    AfterValidator(_period_text),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(\d{2}|W\d{2}|\d{2}-\d{2})$"}),
]


class Entry(Model):
    """One figure: what a metric measured over one period."""

    metric: str = doc(N_("Id of the metric measured."), ex("orders-per-month"), pattern=ID_PATTERN)
    period: PeriodText = doc(
        N_("The month (2027-03), ISO week (2027-W11) or day (2027-03-15) it covers."), "2027-03"
    )
    value: MetricValue = doc(N_("The figure, in the metric's unit."), 14)
    source: str | None = text(N_("Where the figure comes from."), ex("Order book"))
    note: str | None = text(N_("What explains it."), ex("Easter orders came early"))
    action: str | None = text(
        N_("What will be done next about it, when it lags: the report names it beside its owner."),
        ex("Two more stories a week on cakes to order"),
    )

    @property
    def when(self) -> Period:
        """The period as dates."""
        return parse_period(self.period)


class Thresholds(Model):
    """Where on track ends and off track begins, as pacing in percent."""

    on_track: float = doc(
        N_("Pacing, in percent, from which a metric is on track."), 95, default=95, ge=0, le=1000
    )
    at_risk: float = doc(
        N_("Pacing, in percent, from which a metric is at risk rather than off track."),
        85,
        default=85,
        ge=0,
        le=1000,
    )


class Checkpoint(Model):
    """A value a metric should reach by the end of a period, on a path that is not straight."""

    period: PeriodText = doc(N_("The month, ISO week or day it is due by."), "2027-06")
    value: MetricValue = doc(N_("The value expected by then."), 25)

    @property
    def when(self) -> Period:
        """The period as dates."""
        return parse_period(self.period)


class Results(Model):
    """The results of one plan."""

    smplan: Literal[1] = doc(N_("Version of the results format. Leave it at 1."), 1, default=1)
    thresholds: Thresholds = doc(
        N_("The pacing that makes a metric on track or at risk."), default_factory=Thresholds
    )
    paths: dict[str, list[Checkpoint]] = doc(
        N_(
            "By metric id, the values expected along the way when the path from baseline to "
            "target is not a straight line (a seasonal business, a launch)."
        ),
        default_factory=dict,
    )
    results: list[Entry] = doc(N_("The figures, in any order."), default_factory=list)


@dataclass
class LoadedResults:
    """A results file read from disk, with the positions of everything in it."""

    results: Results
    path: Path
    source: SourceMap

    def problem(
        self, loc: tuple[str | int, ...], message: Text, hint: Text | None = None
    ) -> Problem:
        """A `Problem` about the thing at `loc`, placed at its line and column."""
        return self.source.problem(loc, message, hint)


def results_path(plan_path: Path | str) -> Path:
    """Where a plan's results live: `plan.yaml` -> `plan.results.yaml`."""
    plan_path = Path(plan_path)
    return plan_path.with_name(plan_path.stem + RESULTS_SUFFIX)


def load_results(path: Path | str) -> LoadedResults:
    """Read and validate a results file; `PlanFileError` or `PlanInvalidError` otherwise.

    The bytes go through the plan's own checks (size, encoding, binary data, YAML safety).
    """
    path = Path(path)
    name = str(path)
    return parse_results_bytes(read_plan_file(path, name), name, path=path)


def parse_results_bytes(raw: bytes, filename: str, *, path: Path | None = None) -> LoadedResults:
    """Decode and validate the bytes of a results file."""
    text_ = decode_text(raw, filename)
    data, source = read_yaml(text_, filename)
    _check_version(data, source, filename)
    try:
        results = Results.model_validate(data)
    except ValidationError as exc:
        raise PlanInvalidError(filename, validation_problems(exc, source, Results, data)) from None
    return LoadedResults(results, path or Path(filename), source)


# --- Writing ----------------------------------------------------------------------------

_HEADER = (
    "# Results of {plan}, one entry per metric and period, recorded with `smplan track`.\n"
    "# The plan itself stays as signed off; `smplan status` and `smplan report` read both.\n"
)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _entry_data(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {
        "metric": entry.metric,
        "period": entry.period,
        "value": _number(entry.value),
    }
    for key in ("source", "note", "action"):
        if getattr(entry, key):
            data[key] = getattr(entry, key)
    return data


def record(path: Path, entries: list[Entry], *, plan_name: str) -> list[bool]:
    """Add `entries` to the results file at `path` atomically, keeping its comments.

    An entry for a metric and period already recorded replaces that figure. Returns, for
    each entry, whether it replaced one.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    existing = decode_text(read_plan_file(path, str(path)), str(path)) if path.exists() else ""
    document: Any = yaml.load(existing) if existing.strip() else None
    if not isinstance(document, CommentedMap):
        document = yaml.load(_HEADER.format(plan=plan_name) + "smplan: 1\n")
    if not isinstance(document.get("results"), CommentedSeq):
        document["results"] = CommentedSeq()
    items = document["results"]
    # `results: []` is a flow list; the figures are written one block entry each.
    items.fa.set_block_style()
    replaced = []
    for entry in entries:
        data = _entry_data(entry)
        # A period such as 2027-03-15 stays text for any YAML reader, not a date.
        data["period"] = DoubleQuotedScalarString(entry.period)
        for item in items:
            if (
                isinstance(item, CommentedMap)
                and str(item.get("metric")) == entry.metric
                and str(item.get("period")) == entry.period
            ):
                for key in ("value", "source", "note", "action"):
                    if key in data:
                        item[key] = data[key]
                replaced.append(True)
                break
        else:
            items.append(CommentedMap(data))
            replaced.append(False)
    stream = io.StringIO()
    yaml.dump(document, stream)
    try:
        atomic_write(path, stream.getvalue())
    except OSError as error:
        raise cannot_write(path, error) from None
    return replaced
