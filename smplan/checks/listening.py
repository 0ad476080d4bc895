"""Step 2: listening and comparing."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import _AND, Hit, Join, Label, Loc, View, _empty, _rule
from smplan.i18n import L_, Number


@_rule(
    "SMP201",
    "warning",
    "listening",
    "A need does not say where it was heard",
    completeness=True,
    name="need-without-source",
)
def _need_source(v: View) -> Iterator[Hit]:
    for i, n in enumerate(v.needs):
        if _empty(n.source):
            yield Hit(
                ("listening", "needs", i, "source"),
                L_(
                    "need `{id}` does not say where it was heard",
                    id=n.id,
                ),
                L_(
                    "name the source: the counter, customer service, a survey, reviews",
                ),
            )


@_rule(
    "SMP202",
    "warning",
    "listening",
    "A need has no evidence",
    completeness=True,
    name="need-without-evidence",
)
def _need_evidence(v: View) -> Iterator[Hit]:
    for i, n in enumerate(v.needs):
        if _empty(n.evidence):
            yield Hit(
                ("listening", "needs", i, "evidence"),
                L_(
                    "need `{id}` has no evidence",
                    id=n.id,
                ),
                L_(
                    "add what shows it is real: counts, quotes, survey figures",
                ),
            )


@_rule("SMP203", "warning", "listening", "No offline listening source", name="no-offline-source")
def _offline_source(v: View) -> Iterator[Hit]:
    sources = v.plan.listening.sources if v.plan.listening else []
    if sources and not any(s.kind == "offline" for s in sources):
        yield Hit(
            ("listening", "sources"),
            L_("no listening source is offline"),
            L_(
                "customers do not change when they go online: add sales reps, customer service, "
                "surveys or reviews",
            ),
        )


@_rule(
    "SMP204",
    "warning",
    "listening",
    "A keyword category is not answered",
    completeness=True,
    name="keyword-category-empty",
)
def _keywords(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None:
        return
    if listening.keywords is None:
        yield Hit(
            ("listening", "keywords"),
            L_("no monitoring keywords are recorded"),
            L_(
                "fill each category, or write [] when a category has none",
            ),
        )
        return
    missing = [k for k, words in listening.keywords.model_dump().items() if words is None]
    if missing:
        where: Loc = ("listening", "keywords")
        if len(missing) == 1:
            where = (*where, missing[0])
        names = Join(tuple(f"`{k}`" for k in missing), _AND)
        message = (
            L_(
                "keyword category {names} is not answered",
                names=names,
            )
            if len(missing) == 1
            else L_(
                "keyword categories {names} are not answered",
                names=names,
            )
        )
        yield Hit(
            where,
            message,
            L_(
                "fill each one, or write [] when it has none",
            ),
        )


_REQUIRED_CASES = {
    "praise": L_("praise"),
    "unhappy": L_("unhappy customers"),
    "crisis": L_("a crisis"),
}


@_rule(
    "SMP205",
    "warning",
    "listening",
    "The playbook misses praise, criticism or crisis",
    completeness=True,
    name="playbook-case-missing",
)
def _playbook_cases(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None:
        return
    if listening.playbook is None:
        yield Hit(
            ("listening", "playbook"),
            L_("there is no response playbook"),
            L_(
                "say how to answer praise, unhappy customers and a crisis, and how fast",
            ),
        )
        return
    cases = {c.case for c in listening.playbook.cases}
    for case, words in _REQUIRED_CASES.items():
        if case not in cases:
            yield Hit(
                ("listening", "playbook", "cases"),
                L_(
                    "the playbook has no `{case}` case: say how to answer {words}",
                    case=case,
                    words=words,
                ),
            )


@_rule(
    "SMP206",
    "warning",
    "listening",
    "A playbook case has no response time",
    completeness=True,
    name="case-without-response-time",
)
def _playbook_times(v: View) -> Iterator[Hit]:
    playbook = v.plan.listening.playbook if v.plan.listening else None
    for i, c in enumerate(playbook.cases if playbook else []):
        # Trolls are watched, not answered: no reply time to promise.
        if c.case != "troll" and c.response_hours is None:
            yield Hit(
                ("listening", "playbook", "cases", i, "response_hours"),
                L_(
                    "{case} has no target response time",
                    case=Label("playbook case", c.case, i),
                ),
                L_(
                    "say within how many hours the first reply goes out",
                ),
            )


@_rule(
    "SMP207",
    "warning",
    "listening",
    "The playbook does not say how to check facts",
    completeness=True,
    name="no-fact-checking",
)
def _playbook_verify(v: View) -> Iterator[Hit]:
    playbook = v.plan.listening.playbook if v.plan.listening else None
    if playbook and _empty(playbook.verify):
        yield Hit(
            ("listening", "playbook", "verify"),
            L_(
                "the playbook does not say how to check whether a message is true",
            ),
            L_(
                "ask first: is it true? Say where to look before answering",
            ),
        )


@_rule(
    "SMP208",
    "warning",
    "listening",
    "The crisis case has no owner",
    completeness=True,
    name="crisis-without-owner",
)
def _crisis_owner(v: View) -> Iterator[Hit]:
    playbook = v.plan.listening.playbook if v.plan.listening else None
    for i, c in enumerate(playbook.cases if playbook else []):
        if c.case == "crisis" and c.owner is None:
            yield Hit(
                ("listening", "playbook", "cases", i, "owner"),
                L_(
                    "nobody is named to handle a crisis",
                ),
                L_(
                    "name the team member a crisis is escalated to",
                ),
            )


@_rule(
    "SMP209",
    "warning",
    "listening",
    "An audited account has no decision",
    completeness=True,
    name="audit-without-decision",
)
def _audit_decision(v: View) -> Iterator[Hit]:
    for i, a in enumerate(v.plan.listening.audit if v.plan.listening else []):
        if a.decision is None:
            name = " ".join(str(x) for x in (a.platform, a.handle) if x)
            yield Hit(
                ("listening", "audit", i, "decision"),
                L_(
                    "{account} has no decision",
                    account=Label("account", name, i),
                ),
                L_(
                    "keep, fix or close it: fewer, well-run accounts beat many abandoned ones",
                ),
            )


@_rule(
    "SMP210",
    "warning",
    "listening",
    "The monitoring has no owner",
    completeness=True,
    name="monitoring-without-owner",
)
def _monitoring_owner(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None or listening.monitored_by:
        return
    hours = listening.monitoring_hours_per_week
    if hours:
        message = L_(
            "nobody owns the monitoring, which takes {hours} h a week",
            hours=Number(hours),
        )
    elif listening.tools or listening.review_cadence:
        message = L_("nobody owns the monitoring")
    else:
        return
    yield Hit(
        ("listening", "monitored_by"),
        message,
        L_(
            "list in `monitored_by` the team members who follow the keywords and read the "
            "dashboard: the hours count in their week",
        ),
    )
