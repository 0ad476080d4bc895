"""The strategy rules: whether a plan holds together, step by step.

Each rule lives with its step's module and registers itself in `RULES`; importing this
package loads them all.
"""

from smplan.checks import (  # noqa: F401  (each module registers its rules)
    audience,
    calendar,
    channels,
    human_face,
    listening,
    metrics,
    needed,
    objectives,
    progress,
    references,
    team,
    value,
)
from smplan.checks.core import (
    RULES,
    STEP_ORDER,
    Finding,
    Rule,
    run_checks,
    started,
    step_status,
)

# Rules run and are listed in code order, whichever module registered them first.
for _code in sorted(RULES):
    RULES[_code] = RULES.pop(_code)

__all__ = ["RULES", "STEP_ORDER", "Finding", "Rule", "run_checks", "started", "step_status"]
