"""What changed in the strategy between two versions of a plan, in the client's words.

Everything the document shows is compared, as the model declares it (`smplan.plan.meta`):
each text, number, date, list entry and reference, added, removed or changed, named by
its field's label and by the names of the items that lead to it, never by an id or a
field path. Things are matched by their id, else by their name, never by their position:
an objective moved down the list is the same objective. Values are written as the
document writes them, each plan's in its own currency, all in the newer plan's language.

The findings of the rules are compared too, for the terminal and for machines: a finding
that appeared, or one that was resolved. What the client reads (the Markdown change log,
the document's "changes since" page) leaves them out.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from smplan.checks.core import run_checks
from smplan.i18n import L_, N_, Message, language
from smplan.plan.labels import Values
from smplan.plan.meta import Internal, label, marker, naming, submodel, value_kind, without_none
from smplan.plan.model import Plan

Kind = Literal["added", "removed", "changed", "appeared", "resolved"]

#: The parts of a plan a change belongs to, in the document's order: the project block,
#: the eight steps, the campaigns.
SECTIONS: tuple[str, ...] = tuple(
    name for name, info in Plan.model_fields.items() if marker(info, Internal) is None
)

_CHANGED = N_("{place}: {old} → {new}")
_ADDED = N_("{place}, added: {value}")
_REMOVED = N_("{place}, removed: {value}")
#: A text of several words quoted where it changed, so that they stand apart from the arrow.
_QUOTED = N_("“{text}”")
_QUOTED_KINDS = frozenset({"text", "prose"})
#: Between the names that lead to what changed: "Instagram › Hours a week".
_STEP = " › "


@dataclass(frozen=True)
class Change:
    """One change: in which part of the plan, what kind, where, from what to what.

    `place` holds the names that lead to it, as a reader knows them: the items' names
    and the fields' labels, the changed field's last. `old` and `new` are written as the
    document writes them. A finding that appeared or was resolved has its `code`.
    """

    section: str
    kind: Kind
    place: tuple[str, ...]
    old: str | None
    new: str | None
    #: The sentence that tells it, filled in the language in force when shown.
    message: Message
    code: str | None = None


@dataclass(frozen=True)
class PlanDiff:
    """Every change from one version of a plan to the next, in the plan's order."""

    old_version: str | None
    new_version: str | None
    lang: str
    changes: list[Change]

    @property
    def told(self) -> list[Change]:
        """The changes a client reads: the strategy's, without the rules' findings."""
        return [c for c in self.changes if c.code is None]


def diff_plans(old: Plan, new: Plan, lang: str | None = None) -> PlanDiff:
    """The changes from `old` to `new`, told in `lang` (default: the newer plan's language)."""
    lang = lang or new.language
    with language(lang):
        teller = _Teller(Values(old, lang), Values(new, lang))
        changes = [*teller.plan(old, new), *_findings(old, new, lang)]
    changes.sort(key=lambda c: SECTIONS.index(c.section))
    return PlanDiff(_version(old), _version(new), lang, changes)


def _version(plan: Plan) -> str | None:
    return plan.project.version if plan.project else None


# --- matching -----------------------------------------------------------------------------


def _key(model: type[BaseModel]) -> Callable[[Any], str]:
    """How the items of `model` are matched: by id, else by the names they are known by."""
    ident = model.model_fields.get("id")
    names = naming(model)

    def called(item: Any) -> str:
        return " ".join(str(getattr(item, f) or "") for f in names).strip().casefold()

    if ident is not None and ident.is_required():
        return lambda item: f"id:{item.id}"
    if ident is not None:
        # An id outlives a new name; an item without one is known by its name.
        return lambda item: f"id:{item.id}" if item.id else called(item)
    return called


def _by_key(items: Iterable[Any], key: Callable[[Any], str]) -> dict[str, Any]:
    """Items by key; a key seen again gets its rank (`#2`) so that nothing is lost."""
    found: dict[str, Any] = {}
    for item in items:
        name = key(item)
        n = 1
        while (name if n == 1 else f"{name} #{n}") in found:
            n += 1
        found[name if n == 1 else f"{name} #{n}"] = item
    return found


# --- telling ------------------------------------------------------------------------------


def _is_list(model: type[BaseModel], name: str) -> bool:
    return typing.get_origin(without_none(model.model_fields[name].annotation)) is list


class _Teller:
    """Compares two plans field by field, each value written by its own plan's `Values`."""

    def __init__(self, before: Values, after: Values) -> None:
        self.before = before
        self.after = after

    def plan(self, old: Plan, new: Plan) -> Iterator[Change]:
        for section in SECTIONS:
            yield from self.field(section, Plan, section, old, new, ())

    def field(
        self,
        section: str,
        model: type[BaseModel],
        name: str,
        old: Any,
        new: Any,
        place: tuple[str, ...],
    ) -> Iterator[Change]:
        """The changes of one field of `model` from `old` to `new` (either may be None)."""
        info = model.model_fields[name]
        if marker(info, Internal) is not None or value_kind(info) == "id":
            return
        was, now = getattr(old, name, None), getattr(new, name, None)
        here = (*place, str(label(model, name)))
        inner, many = submodel(info)
        if inner is not None and many:
            yield from self.items(section, inner, was or [], now or [], here, place)
        elif inner is not None:
            # A section: its fields, under its label (a step's, under the step's title alone).
            yield from self.fields(section, inner, was, now, place if model is Plan else here)
        elif _is_list(model, name):
            yield from self.entries(section, model, name, was or [], now or [], here)
        elif was != now:
            yield from self.value(section, model, name, was, now, here)

    def fields(
        self,
        section: str,
        model: type[BaseModel],
        old: Any,
        new: Any,
        place: tuple[str, ...],
        names_at: tuple[str, ...] | None = None,
    ) -> Iterator[Change]:
        """The changes of every field of `model`; its naming fields told at `names_at`."""
        for name in model.model_fields:
            at = names_at if names_at is not None and name in naming(model) else place
            yield from self.field(section, model, name, old, new, at)

    def value(
        self,
        section: str,
        model: type[BaseModel],
        name: str,
        was: Any,
        now: Any,
        here: tuple[str, ...],
    ) -> Iterator[Change]:
        """A value set, cleared or changed."""
        before, after = self.before.one(model, name, was), self.after.one(model, name, now)
        if before == after:
            return  # written alike: 3 and 3.0
        if not before:
            yield _added(section, here, after)
        elif not after:
            yield _removed(section, here, before)
        else:
            quoted = value_kind(model.model_fields[name]) == "prose" or any(
                len(text.split()) > 1 for text in (before, after)
            )
            if quoted and value_kind(model.model_fields[name]) in _QUOTED_KINDS:
                before, after = _quoted(before), _quoted(after)
            message = Message(_CHANGED, {"place": _STEP.join(here), "old": before, "new": after})
            yield Change(section, "changed", here, before, after, message)

    def entries(
        self,
        section: str,
        model: type[BaseModel],
        name: str,
        was: list[Any],
        now: list[Any],
        here: tuple[str, ...],
    ) -> Iterator[Change]:
        """The entries of a list of values (texts, references) added and removed."""
        for value in now:
            if value not in was:
                yield _added(section, here, self.after.one(model, name, value))
        for value in was:
            if value not in now:
                yield _removed(section, here, self.before.one(model, name, value))

    def items(
        self,
        section: str,
        model: type[BaseModel],
        was: list[Any],
        now: list[Any],
        here: tuple[str, ...],
        place: tuple[str, ...],
    ) -> Iterator[Change]:
        """The items of a list added and removed, and what changed in those kept."""
        key = _key(model)
        before, after = _by_key(was, key), _by_key(now, key)
        for k, item in after.items():
            if k not in before:
                yield _added(section, here, self.after.name(item) or _nth(now, item))
        for k, item in before.items():
            if k not in after:
                yield _removed(section, here, self.before.name(item) or _nth(was, item))
        for k, item in after.items():
            if k in before:
                called = self.after.name(item) or _nth(now, item)
                # A change of name is told under the list: the item's new name says nothing.
                yield from self.fields(section, model, before[k], item, (*place, called), here)


def _nth(items: list[Any], item: Any) -> str:
    """An item with no name yet, by its rank in its list."""
    return str(L_("item {n}", n=next(i for i, x in enumerate(items, 1) if x is item)))


def _quoted(text: str) -> str:
    return str(L_(_QUOTED, text=text))


def _added(section: str, here: tuple[str, ...], value: str | None) -> Change:
    message = Message(_ADDED, {"place": _STEP.join(here), "value": value})
    return Change(section, "added", here, None, value, message)


def _removed(section: str, here: tuple[str, ...], value: str | None) -> Change:
    message = Message(_REMOVED, {"place": _STEP.join(here), "value": value})
    return Change(section, "removed", here, value, None, message)


def _findings(old: Plan, new: Plan, lang: str) -> Iterator[Change]:
    """The findings only the newer plan has (appeared) and only the older one had."""
    before = {(f.code, f.message): f for f in run_checks(old, lang)}
    after = {(f.code, f.message): f for f in run_checks(new, lang)}
    for key, finding in after.items():
        if key not in before:
            message = L_(
                "new finding {code}: {message}", code=finding.code, message=finding.message
            )
            yield Change(finding.step, "appeared", (), None, finding.message, message,
                         finding.code)  # fmt: skip
    for key, finding in before.items():
        if key not in after:
            message = L_("resolved {code}: {message}", code=finding.code, message=finding.message)
            yield Change(finding.step, "resolved", (), finding.message, None, message,
                         finding.code)  # fmt: skip


# --- writing ------------------------------------------------------------------------------

_MARKS = {"added": "+", "appeared": "+", "removed": "-", "resolved": "-", "changed": "~"}


def _title(section: str) -> str:
    return str(label(Plan, section))


def _heading(diff: PlanDiff) -> Message:
    if diff.old_version and diff.new_version and diff.old_version != diff.new_version:
        return L_(
            "Changes from version {old} to version {new}",
            old=diff.old_version,
            new=diff.new_version,
        )
    if diff.old_version:
        return L_("Changes since version {old}", old=diff.old_version)
    return L_("Changes since the previous version")


def _by_section(changes: list[Change]) -> Iterator[tuple[str, list[Change]]]:
    sections: dict[str, list[Change]] = {}
    for change in changes:
        sections.setdefault(change.section, []).append(change)
    yield from sections.items()


def change_log(diff: PlanDiff) -> dict[str, Any]:
    """The change log a client reads, in the language in force: the heading, what to say
    when nothing changed, and each part's entries in plain words (no finding, code, id or
    markup), for a document's "changes since" page to print."""
    return {
        "heading": str(_heading(diff)),
        "none": str(L_("No change in the strategy.")),
        "steps": [
            {"key": section, "title": _title(section), "lines": [str(c.message) for c in told]}
            for section, told in _by_section(diff.told)
        ],
    }


def diff_text(diff: PlanDiff) -> str:
    """The changes for a terminal: a heading, then each part's changes marked + - ~, and
    the findings that appeared or were resolved."""
    with language(diff.lang):
        lines = [str(_heading(diff))]
        if not diff.changes:
            lines.append(str(L_("No change in the strategy.")))
        for section, changes in _by_section(diff.changes):
            lines.append(_title(section))
            lines += [f"  {_MARKS[c.kind]} {c.message}" for c in changes]
    return "\n".join(lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def diff_markdown(diff: PlanDiff, level: int = 2) -> str:
    """The change log as Markdown, to paste into a cover letter: a heading, a list per part."""
    with language(diff.lang):
        log = change_log(diff)
        out = [f"{'#' * level} {_md(log['heading'])}", ""]
        if not log["steps"]:
            out += [_md(log["none"]), ""]
        for step in log["steps"]:
            out += [f"{'#' * (level + 1)} {_md(step['title'])}", ""]
            out += [f"- {_md(line)}" for line in step["lines"]]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def diff_json(diff: PlanDiff) -> str:
    """The changes for machines: the versions, and each change where it is, from what to
    what, as the document writes it; a finding with its code."""
    with language(diff.lang):
        data = {
            "from": {"version": diff.old_version},
            "to": {"version": diff.new_version},
            "language": diff.lang,
            "changes": [
                {
                    "section": c.section,
                    "kind": c.kind,
                    "place": list(c.place),
                    "old": c.old,
                    "new": c.new,
                    "text": str(c.message),
                    **({"code": c.code} if c.code else {}),
                }
                for c in diff.changes
            ],
        }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
