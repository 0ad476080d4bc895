"""Where the interview stands: each section's status, where to resume, what is missing.

A resumed interview starts from the last answer given, in interview order (see
`last_answered`); answers pre-filled from a file are laid over the plan first.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from smplan.checks.service import STORE, judge, statuses
from smplan.errors import PlanInvalidError, Problem, UsageError, printable
from smplan.i18n import L_
from smplan.interview.guidance import OPENABLE as OPENABLE  # what `--step` can name
from smplan.interview.guidance import RUNNING as RUNNING  # the section after the steps
from smplan.interview.guidance import tr
from smplan.interview.questions import SKIPPED, spec
from smplan.plan.files import decode_text, read_plan_file, read_yaml, validate_data
from smplan.plan.meta import ChosenFirst, Follows, marked, marker
from smplan.plan.model import STEPS, Plan
from smplan.plan.roundtrip import plain

#: The sections of the method: the project block, then the eight steps.
SECTIONS: tuple[str, ...] = ("project", *STEPS)

#: What the full interview asks after the eight steps, in the plan's order: every part of
#: the plan that is neither a step nor marked `Unasked` (the first 90 days, the budget...).
RUNNING_PARTS: tuple[str, ...] = tuple(
    name for name in Plan.model_fields if name not in SECTIONS and ("Plan", name) not in SKIPPED
)


def number(section: str) -> int:
    """The number a section goes by: 0 for the project, 1 to 8, then 9 after the steps."""
    return OPENABLE.index(section)


def section_status(plan: Plan, name: str, findings: list[Any] | None = None) -> str:
    """The status of a section: missing, incomplete or complete (the project too).

    Pass the plan's findings when you have them, to save running the rules again.
    """
    if name == RUNNING:
        return running_status(plan)
    return statuses(plan, judge(plan).findings if findings is None else findings)[name]


def running_status(plan: Plan) -> str:
    """Where the part after the steps stands: missing until one of its parts holds an
    answer, complete once every one does (the document then has each of its chapters)."""
    given = sum(1 for name in RUNNING_PARTS if answered(plan, name))
    if not given:
        return "missing"
    return "complete" if given == len(RUNNING_PARTS) else "incomplete"


def section_name(text: str) -> str:
    """The section a `--step` value names: a number (0-9) or a name like `objectives`."""
    cleaned = text.strip().casefold().replace("-", "_")
    if cleaned.isdigit() and int(cleaned) < len(OPENABLE):
        return OPENABLE[int(cleaned)]
    if cleaned in OPENABLE:
        return cleaned
    known = ", ".join(f"{n} ({name})" for n, name in enumerate(OPENABLE))
    raise UsageError(
        L_("unknown step `{step}`", step=printable(text)),
        hint=L_("use a number or a name: {steps}", steps=known),
    )


def answered(obj: BaseModel, name: str) -> bool:
    """Whether a field holds an answer: a value, an item, or a "none" said on purpose."""
    info = type(obj).model_fields[name]
    value = getattr(obj, name)
    if value is None:
        return False
    if info.default is not None and value == info.default:
        return False  # a default that holds until answered (`primary: false`)
    follows = marker(info, Follows)
    if follows is not None and value == follows.read(dict(obj)):
        # Read from the other answers (the currency of the plan's language), as `smplan
        # new` writes it out: the person has not answered it yet.
        return False
    if isinstance(value, list):
        return bool(value) or info.default_factory is not list
    if isinstance(value, BaseModel):
        return bool(plain(value))
    return True


def last_answered(plan: Plan) -> str | None:
    """Where the last answer is, in interview order: `metrics[0].target`, or None."""
    last: str | None = None
    unasked = SKIPPED | _CHOSEN_FIRST
    # The part after the steps is reached through the channel plan: until that last step
    # is done, what the file says after it (written by hand, or kept from a skeleton) is
    # no place to resume from, and the channel plan is where the interview goes on.
    done = answered(plan, STEPS[-1]) and section_status(plan, STEPS[-1]) == "complete"
    asked = SECTIONS + RUNNING_PARTS if done else SECTIONS

    def walk(obj: BaseModel, path: str) -> None:
        nonlocal last
        for name in type(obj).model_fields:
            if (type(obj).__name__, name) in unasked:
                continue
            if obj is plan and name not in asked:
                continue  # a part of the plan the interview does not ask, or not yet
            where = f"{path}.{name}" if path else name
            value = getattr(obj, name)
            kind = spec(type(obj), name).kind
            if kind == "model" and value is not None:
                walk(value, where)
            elif kind == "items" and value:
                for index, item in enumerate(value):
                    walk(item, f"{where}[{index}]")
            elif kind not in ("model", "items") and answered(obj, name):
                last = where

    walk(plan, "")
    return last


#: Fields chosen before the interview proper starts (`ChosenFirst`): not a place to resume from.
_CHOSEN_FIRST: frozenset[tuple[str, str]] = marked(Plan, ChosenFirst)


def section_of(path: str | None) -> str | None:
    """The section a path in the plan lies in: `metrics` for `metrics[0].target`, and the
    part after the steps for `roadmap[0].date`."""
    top = re.split(r"[.\[]", path, maxsplit=1)[0] if path else None
    return RUNNING if top in RUNNING_PARTS else top


@dataclass
class Resume:
    """Where a resumed interview stands while it passes over what is already answered.

    Before the frontier, the last answer given in interview order, nothing is asked
    again, except the missing fields of an item left half-filled; after it, every
    question still unanswered is asked.
    """

    #: The last answer given, until the interview reaches it; then None.
    frontier: str | None
    #: In a half-filled item: the paths of its missing fields until the first is reached,
    #: then empty while the rest of it is filled; None elsewhere.
    gaps: frozenset[str] | None = None

    @property
    def before_frontier(self) -> bool:
        """Whether the interview has yet to reach the last answer given."""
        return self.frontier is not None

    def asks(self, obj: BaseModel, name: str, path: str) -> bool:
        """Whether the resumed interview asks this field."""
        if path == self.frontier:
            self.frontier = None
            return False
        if answered(obj, name):
            return False
        if self.frontier is None:
            return True
        if self.gaps is None or (self.gaps and path not in self.gaps):
            return False
        self.gaps = frozenset()  # the first missing field: fill the item from here
        return True

    @contextlib.contextmanager
    def item(self, gaps: frozenset[str]) -> Iterator[None]:
        """Pass over one item of a list, whose missing fields are `gaps`."""
        outer, self.gaps = self.gaps, gaps or None
        try:
            yield
        finally:
            self.gaps = outer


# --- pre-filled answers -----------------------------------------------------------------


def read_answers(path: Path) -> dict[str, Any]:
    """The answers a YAML file in the plan's shape gives, checked against the model."""

    name = str(path)
    text = decode_text(read_plan_file(Path(path), name), name)
    data, source = read_yaml(text, name)
    validate_data({**data, "smplan": data.get("smplan", 1)}, source, name)
    # The format version is the plan's, not an answer.
    data.pop("smplan", None)
    return data


def merge_answers(plan: Plan, answers: dict[str, Any], filename: str) -> Plan:
    """The plan with the given answers laid over it; empty answers change nothing."""
    merged = _merge(plain(plan), answers)
    try:
        return Plan.model_validate(merged)
    except ValidationError as error:
        problems = [Problem(e["msg"], path=".".join(map(str, e["loc"]))) for e in error.errors()]
        raise PlanInvalidError(filename, problems) from None


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            if value is None or value == [] or value == {}:
                continue
            out[key] = _merge(base.get(key), value)
        return out
    if isinstance(base, list) and isinstance(extra, list) and _by_id(base) and _by_id(extra):
        out_list = list(base)
        positions = {item["id"]: i for i, item in enumerate(out_list)}
        for item in extra:
            if item["id"] in positions:
                out_list[positions[item["id"]]] = _merge(out_list[positions[item["id"]]], item)
            else:
                out_list.append(item)
        return out_list
    return extra


def _by_id(items: list[Any]) -> bool:
    return all(isinstance(item, dict) and "id" in item for item in items)


# --- where the plan stands, without a terminal ------------------------------------------


def missing(plan: Plan, lang: str) -> list[str]:
    """What is still to answer, section by section, as lines for a message."""

    everything = judge(plan, lang=lang).findings
    findings = [f for f in everything if STORE[f.code].completeness]
    lines = []
    for name in SECTIONS:
        status = section_status(plan, name, everything)
        gaps = [f"   - {f.message}" for f in findings if f.step == name]
        # A section whose answers are all given but wrong has nothing left to answer:
        # its errors are in the checks' findings.
        if status == "complete" or (status == "incomplete" and not gaps):
            continue
        title = tr(f"section.{name}.title", lang)
        lines.append(f"{number(name)}. {title} ({tr(f'status.{status}', lang)})")
        if status == "incomplete":
            lines += gaps
    return lines
