"""The strategy rules: whether a plan holds together, step by step, and its results too.

Every rule is in one store, `STORE` (`smplan.checks.store`): the file's problems that the
loader finds, the plan's rules (each with its step's module) and the results file's.
Importing this package fills it. The commands ask `smplan.checks.service`, which loads a
plan, runs every rule and says where each step stands.
"""

from smplan.checks import (  # noqa: F401  (each module registers its rules)
    audience,
    calendar,
    channels,
    human_face,
    listening,
    metrics,
    objectives,
    progress,
    references,
    results,
    span,
    team,
    value,
)
from smplan.checks.core import run_checks, started
from smplan.checks.store import STEP_ORDER, STORE, Finding, Rule
from smplan.plan import problems


def _file_rules() -> None:
    """Describe the loader's codes in the store: the file cannot be read, or part of it.

    Each code's symbolic name is the name it has in `smplan.plan.problems` (`UNKNOWN_KEY`
    is `unknown-key`), so a new code there has its name with nothing more to write.
    """
    named = {
        code: constant.lower().replace("_", "-")
        for constant, code in vars(problems).items()
        if constant.isupper() and isinstance(code, str) and code in problems.LOADER_CODES
    }
    for code, title in problems.LOADER_CODES.items():
        STORE.define(Rule(code, named.get(code), "error", None, title, ("file",)))


_file_rules()

__all__ = ["STEP_ORDER", "STORE", "Finding", "Rule", "run_checks", "started"]
