"""How far each step is: not started, and the project block (answers left empty: `needed`)."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import (
    _AND,
    Hit,
    Join,
    View,
    _empty,
    _rule,
    started,
)
from smplan.i18n import L_
from smplan.plan.labels import STEP_TITLES
from smplan.plan.meta import needed
from smplan.plan.model import STEPS, Project


@_rule(
    "SMP010", "warning", None, "A step is not started", completeness=True, name="step-not-started"
)
def _not_started(v: View) -> Iterator[Hit]:
    for number, step in enumerate(STEPS, start=1):
        if not started(v.plan, step):
            yield Hit(
                (step,),
                L_(
                    "step {number} ({name}) is not started",
                    number=number,
                    name=STEP_TITLES[step],
                ),
                L_("answer it with `smplan init`, or add its `{step}` section", step=step),
            )


@_rule(
    "SMP012",
    "warning",
    "project",
    "The project block is incomplete",
    completeness=True,
    name="project-incomplete",
)
def _project(v: View) -> Iterator[Hit]:
    fields = needed(Project)
    if v.plan.project is None:
        yield Hit(
            ("project",),
            L_("the project block is missing"),
            L_(
                "give the {fields} of the plan",
                fields=Join(tuple(m.noun for _, m in fields), _AND),
            ),
        )
        return
    for name, m in fields:
        if _empty(getattr(v.plan.project, name)):
            yield Hit(
                ("project", name),
                L_("the project has no {field}", field=m.noun),
            )
