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
import contextlib
import datetime as dt
import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError

from smplan.errors import (
    PlanFileError,
    PlanInvalidError,
    Problem,
    UsageError,
    cannot_write,
    printable,
)
from smplan.errors import Text as Said
from smplan.fsutil import FileLocked, atomic_write, locked
from smplan.i18n import L_, N_
from smplan.plan.files import (
    SourceMap,
    _check_version,
    decode_text,
    read_plan_file,
    read_yaml,
)
from smplan.plan.mistakes import validation_problems
from smplan.plan.model import (
    EARLIEST_DATE,
    ID_PATTERN,
    LATEST_DATE,
    MetricValue,
    Model,
    Text,
    doc,
    ex,
    text,
)

#: The suffix that turns a plan's file name into its results file's.
RESULTS_SUFFIX = ".results.yaml"
#: The results file's JSON Schema, which the results file's own first line names: an
#: editor reads it there before any pattern of its settings, so the plan's never reaches it.
RESULTS_SCHEMA_FILENAME = "smplan.results.schema.json"

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


class PeriodOutOfRange(ValueError):
    """A period written right, outside the days a plan may name."""


def parse_period(value: str) -> Period:
    """A period from its text; `ValueError` naming the accepted forms otherwise, and
    `PeriodOutOfRange` for one outside the days a plan may name."""
    text = str(value).strip()
    period = None
    try:
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            period = Period(month_end(year, month), dt.date(year, month, 1), text)
        elif m := _WEEK.match(text):
            year, week = int(m[1]), int(m[2])
            period = Period(
                dt.date.fromisocalendar(year, week, 7), dt.date.fromisocalendar(year, week, 1), text
            )
        elif _DAY.match(text):
            day = dt.date.fromisoformat(text)
            period = Period(day, day, text)
    except ValueError:
        pass
    if period is None:
        raise ValueError(
            L_("`{value}` is not a period: write {forms}", value=text, forms=PERIOD_FORMS)
        )
    if period.start < EARLIEST_DATE or period.end > LATEST_DATE:
        raise PeriodOutOfRange(
            L_(
                "period {value} is outside the days a plan may name, {first} to {last}",
                value=text,
                first=EARLIEST_DATE.isoformat(),
                last=LATEST_DATE.isoformat(),
            )
        )
    return period


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
    source: Text | None = text(N_("Where the figure comes from."), ex("Order book"))
    note: Text | None = text(N_("What explains it."), ex("Easter orders came early"))
    action: Text | None = text(
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
        self, loc: tuple[str | int, ...], message: Said, hint: Said | None = None
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
    "# yaml-language-server: $schema={schema}\n"
    "# Results of {plan}, one entry per metric and period, recorded with `smplan track`.\n"
    "# The plan itself stays as signed off; `smplan status` and `smplan report` read both.\n"
)
#: How long a recording waits for the plan's lock, held by another `track` or `smplan init`.
LOCK_WAIT = 10.0


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


@dataclass
class Recording:
    """The results of a plan, read under the plan's lock, to be checked and written back."""

    path: Path
    plan_name: str
    #: The bytes of the results file when it was read; None when there was none.
    raw: bytes | None
    results: Results

    def record(self, entries: list[Entry]) -> list[bool]:
        """Add `entries` to the file atomically, keeping its comments, if it is still as read.

        An entry for a metric and period already recorded replaces that figure. Returns,
        for each entry, whether it replaced one.
        """
        now = _read_raw(self.path)
        if now != self.raw:
            raise UsageError(
                L_("{path} changed while the figures were being checked", path=_shown(self.path)),
                hint=L_("nothing was written: run the command again"),
            )
        text, replaced = _merged(now, entries, self.plan_name)
        try:
            atomic_write(self.path, text)
        except OSError as error:
            raise cannot_write(self.path, error) from None
        self.raw = text.encode("utf-8")
        return replaced


@contextlib.contextmanager
def recording(plan_path: Path | str) -> Iterator[Recording]:
    """Hold the plan's lock while its results are read, checked and written back.

    The lock is the one `smplan init` holds on the plan, so two `track` calls never
    write at once (the second waits for the first, up to LOCK_WAIT seconds, then reads
    what it wrote) and no figure is recorded while the plan is being edited.
    """
    plan_path = Path(plan_path)
    path = results_path(plan_path)
    with _plan_lock(plan_path):
        raw = _read_raw(path)
        if raw is None:
            results = Results()
        else:
            results = parse_results_bytes(raw, str(path), path=path).results
        yield Recording(path, plan_path.name, raw, results)


@contextlib.contextmanager
def _plan_lock(plan_path: Path) -> Iterator[None]:
    deadline = time.monotonic() + LOCK_WAIT
    held = contextlib.ExitStack()
    while True:
        try:
            held.enter_context(locked(plan_path))
            break
        except FileLocked as busy:
            if time.monotonic() >= deadline:
                who = L_("process {pid}", pid=busy.pid) if busy.pid else L_("another process")
                raise UsageError(
                    L_(
                        "{path} is being edited by {who}: no figure was recorded",
                        path=_shown(plan_path),
                        who=who,
                    ),
                    hint=L_("record the figures once that `smplan init` has finished"),
                ) from None
            time.sleep(0.02)
        except OSError as error:
            raise cannot_write(results_path(plan_path), error) from None
    with held:
        yield


def _read_raw(path: Path) -> bytes | None:
    try:
        return read_plan_file(path, str(path))
    except PlanFileError:
        if not path.exists():
            return None
        raise


def _shown(path: Path) -> str:
    return printable(str(path))


def _merged(existing: bytes | None, entries: list[Entry], plan_name: str) -> tuple[str, list[bool]]:
    """The text of the results file `existing` with `entries` added or replaced."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    text_ = decode_text(existing, "") if existing is not None else ""
    document: Any = yaml.load(text_) if text_.strip() else None
    if not isinstance(document, CommentedMap):
        # The plan's name goes in a comment: escaped, it stays on its one line.
        header = _HEADER.format(plan=printable(plan_name), schema=RESULTS_SCHEMA_FILENAME)
        document = yaml.load(header + "smplan: 1\n")
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
    return stream.getvalue(), replaced
