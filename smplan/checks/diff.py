"""What changed in the strategy between two versions of a plan, step by step.

Things are matched by their id, never by their position: an objective moved down the
list is the same objective. A channel without an id is matched by its platform and handle.
Each change says what it was and what it became, in the newer plan's language, with dates,
numbers and money written the way that language writes them. The findings of the rules
are compared too: a finding that appeared, or one that was resolved.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from smplan.checks.core import STEP_ORDER, run_checks
from smplan.i18n import L_, LP_, N_, Formatter, Message, language, shown
from smplan.plan.labels import STEP_TITLES
from smplan.plan.model import Channel, Plan

Kind = Literal["added", "removed", "changed", "appeared", "resolved"]

#: The names of the fields a change can name, as messages show them.
FIELD_NAMES: dict[str, Message] = {
    "statement": LP_("changed field", "statement"),
    "deadline": LP_("changed field", "deadline"),
    "target": LP_("changed field", "target"),
    "baseline": LP_("changed field", "baseline"),
    "hours_per_week": LP_("changed field", "hours per week"),
    "budget_per_month": LP_("changed field", "budget per month"),
    "posts_per_week": LP_("changed field", "posts per week"),
    "version": LP_("changed field", "version"),
    "date": LP_("changed field", "date"),
    "horizon": LP_("changed field", "horizon"),
    "platform": LP_("changed field", "platform"),
    "handle": LP_("changed field", "handle"),
}

#: The title of the project block, beside the eight steps' titles.
PROJECT_TITLE = LP_("step", "The project")

_NONE = L_("none")

#: How a changed value is told, by the kind of thing it belongs to.
_FIELD_CHANGED = {
    "project": N_("project: {field} {old} → {new}"),
    "member": N_("team member {name}: {field} {old} → {new}"),
    "objective": N_("objective `{id}`: {field} {old} → {new}"),
    "metric": N_("metric `{id}`: {field} {old} → {new}"),
    "channel": N_("channel {name}: {field} {old} → {new}"),
}
_REWORDED = N_("objective `{id}` reworded: “{old}” → “{new}”")


@dataclass(frozen=True)
class Change:
    """One change: in which step, what kind, to what (`subject` `key`), from what to what."""

    step: str
    kind: Kind
    subject: str
    key: str
    field: str | None
    old: Any
    new: Any
    #: The sentence that tells it, filled in the language in force when shown.
    message: Message


@dataclass(frozen=True)
class PlanDiff:
    """Every change from one version of a plan to the next, in step order."""

    old_version: str | None
    new_version: str | None
    lang: str
    changes: list[Change]


def diff_plans(old: Plan, new: Plan, lang: str | None = None) -> PlanDiff:
    """The changes from `old` to `new`, told in `lang` (default: the newer plan's language)."""
    lang = lang or (new.project.language if new.project else None) or "en"
    told = _Teller(Formatter(lang, new.currency))
    changes = [
        *told.project(old, new),
        *told.team(old, new),
        *told.objectives(old, new),
        *told.metrics(old, new),
        *told.segments(old, new),
        *told.spokespeople(old, new),
        *told.channels(old, new),
        *_findings(old, new, lang),
    ]
    changes.sort(key=lambda c: STEP_ORDER.index(c.step))
    return PlanDiff(_version(old), _version(new), lang, changes)


def _version(plan: Plan) -> str | None:
    return plan.project.version if plan.project else None


# --- matching -----------------------------------------------------------------------------


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


def _pairs(
    old: Iterable[Any], new: Iterable[Any], key: Callable[[Any], str]
) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]], list[tuple[str, Any, Any]]]:
    """What is only in `new`, only in `old`, and in both (in the newer order)."""
    before, after = _by_key(old, key), _by_key(new, key)
    added = [(k, v) for k, v in after.items() if k not in before]
    removed = [(k, v) for k, v in before.items() if k not in after]
    kept = [(k, before[k], v) for k, v in after.items() if k in before]
    return added, removed, kept


def channel_name(channel: Channel) -> str:
    """How a channel is named and matched: its platform, and its handle when it has one."""
    platform = channel.platform or "?"
    return f"{platform} ({channel.handle})" if channel.handle else platform


def _channel_key(channel: Channel) -> str:
    # An id outlives a change of handle or a platform's new name; without one, the
    # platform and handle are what stays.
    return f"id:{channel.id}" if channel.id else channel_name(channel).casefold()


def _person(item: Any) -> str:
    return str(getattr(item, "name", None) or getattr(item, "id", None) or "?")


# --- telling ------------------------------------------------------------------------------


class _Teller:
    """Builds the changes of each step, with values written by `fmt`."""

    def __init__(self, fmt: Formatter) -> None:
        self.fmt = fmt

    def show(self, field: str, value: Any) -> object:
        if value is None or value == "":
            return _NONE
        if isinstance(value, dt.date):
            return self.fmt.date(value)
        if field == "budget_per_month":
            return self.fmt.money(value)
        if field == "hours_per_week":
            return self.fmt.hours(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self.fmt.number(value)
        return value

    def fields(
        self, step: str, subject: str, key: str, old: Any, new: Any, names: Iterable[str]
    ) -> Iterator[Change]:
        """A change for each of `names` whose value differs between `old` and `new`."""
        for name in names:
            before, after = getattr(old, name), getattr(new, name)
            if before == after:
                continue
            template = _REWORDED if (subject, name) == ("objective", "statement") else None
            fields = {
                "id": key,
                "name": key,
                "field": FIELD_NAMES[name],
                "old": self.show(name, before),
                "new": self.show(name, after),
            }
            message = Message(template or _FIELD_CHANGED[subject], fields)
            yield Change(
                step, "changed", subject, key, name, _plain(before), _plain(after), message
            )

    def project(self, old: Plan, new: Plan) -> Iterator[Change]:
        if old.project and new.project:
            fields = ("version", "date", "horizon")
            yield from self.fields("project", "project", "", old.project, new.project, fields)

    def team(self, old: Plan, new: Plan) -> Iterator[Change]:
        before = old.team.members if old.team else []
        after = new.team.members if new.team else []
        added, removed, kept = _pairs(before, after, lambda m: m.id)
        for key, member in added:
            yield _add("team", "member", key, L_("team member {name} added", name=_person(member)))
        for key, member in removed:
            message = L_("team member {name} removed", name=_person(member))
            yield _remove("team", "member", key, message)
        for _key, was, now in kept:
            yield from self.fields("team", "member", _person(now), was, now, ("hours_per_week",))

    def objectives(self, old: Plan, new: Plan) -> Iterator[Change]:
        added, removed, kept = _pairs(old.objectives or [], new.objectives or [], lambda o: o.id)
        for key, objective in added:
            message = (
                L_("objective `{id}` added: {statement}", id=key, statement=objective.statement)
                if objective.statement
                else L_("objective `{id}` added", id=key)
            )
            yield _add("objectives", "objective", key, message)
        for key, _objective in removed:
            yield _remove("objectives", "objective", key, L_("objective `{id}` removed", id=key))
        for key, was, now in kept:
            fields = ("statement", "deadline")
            yield from self.fields("objectives", "objective", key, was, now, fields)

    def metrics(self, old: Plan, new: Plan) -> Iterator[Change]:
        added, removed, kept = _pairs(old.metrics or [], new.metrics or [], lambda m: m.id)
        for key, _metric in added:
            yield _add("metrics", "metric", key, L_("metric `{id}` added", id=key))
        for key, _metric in removed:
            yield _remove("metrics", "metric", key, L_("metric `{id}` removed", id=key))
        for key, was, now in kept:
            fields = ("baseline", "target", "deadline")
            yield from self.fields("metrics", "metric", key, was, now, fields)

    def segments(self, old: Plan, new: Plan) -> Iterator[Change]:
        added, removed, _kept = _pairs(old.audience or [], new.audience or [], lambda s: s.id)
        for key, _segment in added:
            yield _add("audience", "segment", key, L_("segment `{id}` added", id=key))
        for key, _segment in removed:
            yield _remove("audience", "segment", key, L_("segment `{id}` removed", id=key))

    def spokespeople(self, old: Plan, new: Plan) -> Iterator[Change]:
        before = old.human_face.spokespeople if old.human_face else []
        after = new.human_face.spokespeople if new.human_face else []
        added, removed, _kept = _pairs(before, after, lambda s: s.member or _person(s))
        for key, person in added:
            message = L_("spokesperson {name} added", name=_person(person))
            yield _add("human_face", "spokesperson", key, message)
        for key, person in removed:
            message = L_("spokesperson {name} removed", name=_person(person))
            yield _remove("human_face", "spokesperson", key, message)

    def channels(self, old: Plan, new: Plan) -> Iterator[Change]:
        added, removed, kept = _pairs(old.channels or [], new.channels or [], _channel_key)
        for key, channel in added:
            message = L_("channel {name} opened", name=channel_name(channel))
            yield _add("channels", "channel", key, message)
        for key, channel in removed:
            message = L_("channel {name} closed", name=channel_name(channel))
            yield _remove("channels", "channel", key, message)
        for _key, was, now in kept:
            fields = ("platform", "handle", "hours_per_week", "budget_per_month", "posts_per_week")
            yield from self.fields("channels", "channel", channel_name(now), was, now, fields)


def _add(step: str, subject: str, key: str, message: Message) -> Change:
    return Change(step, "added", subject, key, None, None, key, message)


def _remove(step: str, subject: str, key: str, message: Message) -> Change:
    return Change(step, "removed", subject, key, None, key, None, message)


def _findings(old: Plan, new: Plan, lang: str) -> Iterator[Change]:
    """The findings only the newer plan has (appeared) and only the older one had."""
    before = {(f.code, f.message): f for f in run_checks(old, lang)}
    after = {(f.code, f.message): f for f in run_checks(new, lang)}
    for key, finding in after.items():
        if key not in before:
            message = L_(
                "new finding {code}: {message}", code=finding.code, message=finding.message
            )
            yield Change(finding.step, "appeared", "finding", finding.code, None, None,
                         finding.message, message)  # fmt: skip
    for key, finding in before.items():
        if key not in after:
            message = L_("resolved {code}: {message}", code=finding.code, message=finding.message)
            yield Change(finding.step, "resolved", "finding", finding.code, None,
                         finding.message, None, message)  # fmt: skip


def _plain(value: Any) -> Any:
    """A value as JSON holds it."""
    return value.isoformat() if isinstance(value, dt.date) else value


# --- writing ------------------------------------------------------------------------------

_MARKS = {"added": "+", "appeared": "+", "removed": "-", "resolved": "-", "changed": "~"}


def _title(step: str) -> str:
    return str(STEP_TITLES.get(step, PROJECT_TITLE))


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


def _by_step(diff: PlanDiff) -> Iterator[tuple[str, list[Change]]]:
    steps: dict[str, list[Change]] = {}
    for change in diff.changes:
        steps.setdefault(change.step, []).append(change)
    yield from steps.items()


def diff_page(diff: PlanDiff) -> dict[str, Any]:
    """The changes as a document's "changes since" page shows them, in the language in
    force: the heading, what to say when nothing changed, and each step's lines."""
    return {
        "heading": str(_heading(diff)),
        "none": str(L_("No change in the strategy.")),
        "steps": [
            {"key": step, "title": _title(step), "lines": [str(c.message) for c in changes]}
            for step, changes in _by_step(diff)
        ],
    }


def diff_text(diff: PlanDiff) -> str:
    """The changes for a terminal: a heading, then each step's changes marked + - ~."""
    with language(diff.lang):
        lines = [str(_heading(diff))]
        if not diff.changes:
            lines.append(str(L_("No change in the strategy.")))
        for step, changes in _by_step(diff):
            lines.append(_title(step))
            lines += [f"  {_MARKS[c.kind]} {c.message}" for c in changes]
    return "\n".join(lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")


def _md(value: object) -> object:
    if isinstance(value, Message):
        return Message(
            value.template,
            {k: _md(v) for k, v in value.fields.items()},
            context=value.context,
            plural=value.plural,
        )
    if isinstance(value, str):
        return _MD_SPECIAL.sub(r"\\\1", value)
    return value


def _md_message(change: Change) -> str:
    """The change's sentence with the plan's text escaped; ids stay in their code span."""
    fields = {
        k: (shown(v).replace("`", "'") if k == "id" else _md(v))
        for k, v in change.message.fields.items()
    }
    return str(Message(change.message.template, fields, context=change.message.context))


def diff_markdown(diff: PlanDiff, level: int = 2) -> str:
    """The changes as Markdown, to paste into a cover letter: a heading, a list per step."""
    with language(diff.lang):
        out = [f"{'#' * level} {_md(shown(_heading(diff)))}", ""]
        if not diff.changes:
            out += [str(L_("No change in the strategy.")), ""]
        for step, changes in _by_step(diff):
            out += [f"{'#' * (level + 1)} {_md(_title(step))}", ""]
            out += [f"- {_md_message(c)}" for c in changes]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def diff_json(diff: PlanDiff) -> str:
    """The changes for machines: the versions, and each change with its old and new value."""
    with language(diff.lang):
        data = {
            "from": {"version": diff.old_version},
            "to": {"version": diff.new_version},
            "language": diff.lang,
            "changes": [
                {
                    "step": c.step,
                    "kind": c.kind,
                    "subject": c.subject,
                    "key": c.key,
                    "field": c.field,
                    "old": c.old,
                    "new": c.new,
                    "text": str(c.message),
                }
                for c in diff.changes
            ],
        }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
