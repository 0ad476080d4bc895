"""What the interview shows of the plan as a whole: where it stands, the review, the end.

Each screen is built as blocks from the plan and its findings; the session shows them.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from smplan.checks.load import hours
from smplan.checks.service import STORE, judge, statuses
from smplan.i18n import LN_, Message, language
from smplan.interview.conversation import Conversation
from smplan.interview.progress import OPENABLE, RUNNING, RUNNING_PARTS, number, section_status
from smplan.interview.questions import SKIPPED, Block, Option, Question, Questions
from smplan.interview.saving import Draft
from smplan.plan.files import load_plan
from smplan.plan.labels import Values
from smplan.plan.meta import Internal, marker, named
from smplan.plan.model import STEPS, Plan
from smplan.plan.roundtrip import plain


def status_block(draft: Draft) -> Block:
    """Where the plan stands: each step done, started or to do, then the part after them."""
    t = draft.questions.t
    rows = tuple(
        (
            f"{number(name)}. {t(f'section.{name}.title')}",
            t(f"status.{section_status(draft.plan, name, draft.findings())}"),
        )
        for name in OPENABLE
    )
    found = statuses(draft.plan, draft.findings())
    done = sum(1 for step in STEPS if found[step] == "complete")
    with language(draft.questions.lang):
        title = str(_STATUS(done, total=len(STEPS)))
    return Block("status", title=title, rows=rows)


def _STATUS(done: int, total: int) -> Message:
    return LN_(
        "Where the plan stands: {n} of {total} step done",
        "Where the plan stands: {n} of {total} steps done",
        done,
        total=total,
    )


def reopening(questions: Questions) -> Question:
    """The question that ends the review: a section to reopen, or none to finish."""
    options = tuple(
        Option(name, questions.t(f"section.{name}.title"), str(number(name))) for name in OPENABLE
    )
    return questions.choice(
        "review", questions.t("ui.reopen"), options, empty=questions.t("ui.finish")
    )


def review_block(draft: Draft, name: str) -> Block:
    """The answers of one section, as the review shows them."""
    plan, q = draft.plan, draft.questions
    status = section_status(plan, name, draft.findings())
    title = f"{number(name)}. {q.t(f'section.{name}.title')} — {q.t(f'status.{status}')}"
    value = getattr(plan, name, None)
    lines: list[str] = []
    if name == RUNNING:
        lines = list(_describe(q, plan, "", only=RUNNING_PARTS))
    elif isinstance(value, BaseModel):
        lines = list(_describe(q, value, ""))
    elif value:
        lines = [f"- {q.summary(item)}" for item in value]
    lines = lines or [q.t("ui.nothing_yet")]
    for finding in draft.findings(q.lang):
        if finding.step == name and not STORE[finding.code].completeness:
            lines.append(f"! {draft.talk.finding(finding)}")
    return Block("review", title=title, lines=tuple(lines))


def _describe(
    q: Questions, obj: BaseModel, indent: str, only: tuple[str, ...] | None = None
) -> Iterator[str]:
    model = type(obj)
    values = Values(q.plan, q.lang)
    for name in plain(obj):
        if only is not None and name not in only:
            continue
        if (model.__name__, name) in SKIPPED or marker(model.model_fields[name], Internal):
            continue
        value = getattr(obj, name)
        label = q.label(model, name)
        if isinstance(value, BaseModel):
            yield f"{indent}{label}:"
            yield from _describe(q, value, indent + "  ")
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            yield f"{indent}{label}:"
            yield from (f"{indent}  - {q.summary(item)}" for item in value)
        else:
            with language(q.lang):
                items = value if isinstance(value, list) else [value]
                shown = ", ".join(values.one(model, name, v) or "" for v in items)
            yield f"{indent}{label}: {shown if shown else q.t('ui.none')}"


def conclusion(plan: Plan, talk: Conversation, path: str) -> tuple[Block, ...]:
    """The plan's summary, the result of the checks and how to render it."""
    q = talk.questions
    verdict = judge(plan, lang=q.lang)
    findings, progress = verdict.findings, verdict.steps
    project = plan.project
    counted = hours(plan)
    team_hours, channel_hours = counted.declared or 0, counted.channels
    primary = [named(o) for o in plan.objectives or [] if o.primary]
    rows = [
        (q.t("summary.steps"), f"{sum(s == 'complete' for s in progress.values())}/{len(STEPS)}"),
        (q.t("summary.members"), str(len(plan.team.members) if plan.team else 0)),
        (q.t("summary.team_hours"), q.format_value(team_hours) or "0"),
        (q.t("summary.needs"), str(len(plan.listening.needs) if plan.listening else 0)),
        (q.t("summary.objectives"), str(len(plan.objectives or []))),
        (q.t("summary.primary"), ", ".join(primary) or q.t("ui.none")),
        (q.t("summary.metrics"), str(len(plan.metrics or []))),
        (q.t("summary.segments"), str(len(plan.audience or []))),
        (
            q.t("summary.spokespeople"),
            str(len(plan.human_face.spokespeople) if plan.human_face else 0),
        ),
        (q.t("summary.channels"), str(len(plan.channels or []))),
        (q.t("summary.channel_hours"), q.format_value(channel_hours) or "0"),
    ]
    title = " — ".join(p for p in (project and project.organization, project and project.name) if p)
    summary = Block("summary", title=title or path, rows=tuple(rows))

    located = load_plan(path) if Path(path).exists() else None
    lines = []
    for finding in findings:
        prefix = path
        if located is not None:
            prefix = located.problem(finding.loc, finding.message).location(path)
        lines.append(f"- {talk.finding(finding, where=prefix)}")
    errors = sum(1 for f in findings if f.severity == "error")
    checked = Block(
        "findings",
        title=q.t("ui.check", errors=errors, warnings=len(findings) - errors),
        lines=tuple(lines),
    )
    command = f"smplan render {shlex.quote(path)} --format pdf"
    return summary, checked, Block("next", lines=(q.t("ui.render", command=command),))
