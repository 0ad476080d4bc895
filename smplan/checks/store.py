"""The one store of rules: every code `check` can report, whatever judges it.

A rule has a stable code (`SMP304`), a symbolic name beside it (`objective-without-deadline`,
as pylint names its messages), a severity, the step it belongs to and a one-line title. It
judges one or more scopes:

- `file`: what keeps a file (the plan, or its results) from being read; the loader finds
  these, so the store only describes them;
- `plan`: the strategy, judged on a `smplan.checks.core.View` of the plan;
- `results`: the results file beside the plan, judged on a `smplan.checks.results.Figures`.

Everything that lists, completes, ignores or describes rules reads this store: `smplan
rules`, SARIF, completion, `--ignore`, the README's table. A code or a name is given once:
a second rule with it is refused when it registers. A rule that raises while it judges
does not stop the others: its failure is an error finding that names it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from smplan.i18n import L_, LP_, Message, current, language
from smplan.plan.model import STEPS

Severity = Literal["error", "warning"]
Scope = Literal["file", "plan", "results"]
Loc = tuple[str | int, ...]
Check = Callable[[Any], Iterable["Hit"]]

#: How the report names each severity.
SEVERITIES: dict[str, Message] = {
    "error": LP_("severity", "error"),
    "warning": LP_("severity", "warning"),
}
#: Findings are reported in this order: the project block, then the eight steps.
STEP_ORDER: tuple[str, ...] = ("project", *STEPS)
#: Top-level keys that belong to a step without being one: the campaigns are dated from
#: the channel plan, and judged with it.
_STEP_OF_KEY = {"campaigns": "channels"}


class Hit(NamedTuple):
    """What a rule function yields; the store adds the code, severity and step.

    `absent` names the places (`*` for any list item) whose emptiness the finding reports
    beyond its own place: an unknown id reports that no item of its kind holds it. A value
    the loader left out there makes the finding moot.
    """

    loc: Loc
    message: Message
    hint: Message | None = None
    absent: tuple[Loc, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One thing a rule found, located by its path in the plan (or in the results)."""

    code: str
    severity: Severity
    step: str
    loc: Loc
    message: str
    hint: str | None = None
    #: The places whose emptiness it reports beyond `loc` (see `Hit.absent`).
    absent: tuple[Loc, ...] = ()
    #: True when the rule failed and could not judge: the finding says so.
    failed: bool = False

    def path(self) -> str:
        """The location as a path, like `channels[2].owner`."""
        return format_path(self.loc)


@dataclass(frozen=True)
class Rule:
    """A rule: its code and name, severity, step (None: any step), title and scopes."""

    code: str
    name: str | None
    severity: Severity
    step: str | None
    title: Message
    scopes: tuple[Scope, ...]
    #: It reports an answer left empty inside a step: it decides whether a step is complete.
    completeness: bool = False
    #: It can be judged as soon as the answer it is about is given (the interview says so).
    at_once: bool = False
    #: Codes it had before rules were merged into it; `--ignore` still takes them.
    old_codes: tuple[str, ...] = ()


class DuplicateRule(ValueError):
    """A rule registered with a code or a name another rule already has."""


class RuleStore:
    """Every rule by code, name and former code, and the checks that judge each scope."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._names: dict[str, str] = {}
        self._checks: dict[Scope, list[tuple[str, Check]]] = {}
        self._ordered: tuple[Rule, ...] | None = None

    # --- registering ----------------------------------------------------------------------

    def define(self, rule: Rule) -> Rule:
        """Add `rule`; refuse a code, a former code or a name that is already taken."""
        for taken in (rule.code, *rule.old_codes, *([rule.name] if rule.name else [])):
            if self.resolve(taken) is not None:
                raise DuplicateRule(f"rule {rule.code}: `{taken}` is taken by another rule")
        self._rules[rule.code] = rule
        for alias in (rule.name, *rule.old_codes):
            if alias is not None:
                self._names[alias.casefold()] = rule.code
        self._ordered = None
        return rule

    def rule(
        self,
        code: str,
        severity: Severity,
        step: str | None,
        title: str,
        *,
        name: str,
        scope: Scope = "plan",
        completeness: bool = False,
        at_once: bool = False,
        old_codes: tuple[str, ...] = (),
    ) -> Callable[[Check], Check]:
        """Register the decorated function as the rule `code`, judging `scope`.

        The title is a catalog message (the catalogs extract the fourth argument).
        """

        def register(check: Check) -> Check:
            self.define(
                Rule(
                    code,
                    name,
                    severity,
                    step,
                    L_(title),
                    (scope,),
                    completeness,
                    at_once,
                    old_codes,
                )
            )
            self._checks.setdefault(scope, []).append((code, check))
            return check

        return register

    def judges(self, code: str, scope: Scope) -> Callable[[Check], Check]:
        """Register the decorated function as the same rule `code`, judging one more scope."""

        def register(check: Check) -> Check:
            rule = self[code]
            if scope in rule.scopes:
                raise DuplicateRule(f"rule {code} already judges the {scope} scope")
            self._rules[code] = dataclasses.replace(rule, scopes=(*rule.scopes, scope))
            self._checks.setdefault(scope, []).append((code, check))
            self._ordered = None
            return check

        return register

    # --- reading --------------------------------------------------------------------------

    def __getitem__(self, code: str) -> Rule:
        return self._rules[code]

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def __iter__(self) -> Iterator[Rule]:
        """Every rule, in code order."""
        if self._ordered is None:
            self._ordered = tuple(self._rules[c] for c in sorted(self._rules))
        return iter(self._ordered)

    def __len__(self) -> int:
        return len(self._rules)

    def codes(self) -> list[str]:
        """Every code, in order."""
        return [rule.code for rule in self]

    def in_scope(self, scope: Scope) -> list[Rule]:
        """The rules that judge `scope`, in code order."""
        return [rule for rule in self if scope in rule.scopes]

    def resolve(self, text: str) -> Rule | None:
        """The rule a code, a former code or a symbolic name stands for, in any case."""
        code = text.strip().upper()
        if code in self._rules:
            return self._rules[code]
        found = self._names.get(text.strip().casefold())
        return None if found is None else self._rules[found]

    # --- judging --------------------------------------------------------------------------

    def findings(self, scope: Scope, subject: Any, lang: str | None = None) -> list[Finding]:
        """What every rule of `scope` finds in `subject`, in code order.

        Messages and hints are in `lang`, else in the language in force. A rule that
        raises gives one error finding that names it, and the others still judge.
        """
        checks = sorted(self._checks.get(scope, ()), key=lambda pair: pair[0])
        found: list[Finding] = []
        with language(lang or current()):
            for code, check in checks:
                rule = self._rules[code]
                try:
                    hits = list(check(subject))
                except Exception as error:  # noqa: BLE001  (any rule's bug, reported as a finding)
                    found.append(_failure(rule, scope, error))
                    continue
                found += (
                    Finding(
                        code,
                        rule.severity,
                        _step(rule, scope, hit.loc),
                        hit.loc,
                        str(hit.message),
                        str(hit.hint) if hit.hint else None,
                        hit.absent,
                    )
                    for hit in hits
                )
        return found


def _step(rule: Rule, scope: Scope, loc: Loc) -> str:
    if scope == "results":
        return "results"
    if rule.step is not None:
        return rule.step
    return step_of(loc)


def step_of(loc: Loc) -> str:
    """The step a place in the plan belongs to; the project block for the rest."""
    top = str(loc[0]) if loc else ""
    top = _STEP_OF_KEY.get(top, top)
    return top if top in STEPS else "project"


def _failure(rule: Rule, scope: Scope, error: Exception) -> Finding:
    step = "results" if scope == "results" else rule.step or "project"
    loc: Loc = (step,) if step in STEPS else ()
    return Finding(
        rule.code,
        "error",
        step,
        loc,
        str(
            L_(
                "rule {code} ({name}) failed and could not judge this part: {error}",
                code=rule.code,
                name=rule.name or rule.code,
                error=f"{type(error).__name__}: {error}",
            )
        ),
        str(L_("the other rules judged the file; please report this failure")),
        failed=True,
    )


def format_path(loc: Loc) -> str:
    """A location as a path, like `channels[2].owner`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


#: Every rule smplan knows. Importing `smplan.checks` fills it.
STORE = RuleStore()
