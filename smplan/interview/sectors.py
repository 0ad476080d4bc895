"""What the plan's sectors change in what the essentials path proposes.

A health practice speaks of patients and keeps medical confidentiality: it never says in
public that someone is a patient, publishes no testimonial and no promotion (the health
professions' rules, see the method's sector rules). A co-operative or an association
speaks of members and has no executives to monitor; a bakery has no patents. Alcohol and
finance have their own approval. Each text here has a general wording and, where a
sector needs one, the sector's own; the first sector of the plan that has one wins.

This module only holds data and reads it: it never asks and never prints.
"""

from __future__ import annotations

from smplan.i18n import L_, Message
from smplan.plan.model import Plan

#: Proposed wordings: key -> sector (None for any other) -> the text.
WORDINGS: dict[str, dict[str | None, Message]] = {
    "cadence": {None: L_("A 30-minute meeting every Monday morning")},
    "approval": {
        None: L_("Everyday posts"),
        "health": L_("Every post, checked against the health professions' rules"),
        "alcohol": L_("Every post, checked against the rules on alcohol advertising"),
        "finance": L_("Every financial promotion, approved before it goes out"),
    },
    "delay": {None: L_("24 h")},
    "review": {None: L_("Monthly metrics report")},
    "verify": {
        None: L_("Check the facts (order, invoice, date) before answering"),
        "health": L_(
            "Check the facts in the appointment book, and never confirm in public that "
            "someone is a patient"
        ),
        "association": L_("Check the facts with the member or volunteer concerned"),
        "public_service": L_("Check the facts with the department concerned"),
        "b2b": L_("Check the facts in the client's file (contract, order, ticket)"),
        "finance": L_("Check the facts in the client's file, and never discuss an account"),
    },
    "plan_name": {None: L_("Social media strategy {year}")},
    # The pillars proposed where the value step gave no topic.
    "pillar.advice": {
        None: L_("Advice and know-how"),
        "health": L_("Advice and exercises"),
    },
    "pillar.behind": {
        None: L_("Behind the scenes"),
        "health": L_("Life at the practice"),
        "association": L_("Life of the association"),
    },
    "pillar.questions": {
        None: L_("Questions to the community"),
        "health": L_("Questions from patients"),
        "association": L_("Questions from members"),
    },
    "pillar.offers": {None: L_("Offers and news")},
    "case.praise": {
        None: L_("Thank them publicly and personally"),
        "health": L_("Thank them warmly, without saying that they are a patient"),
    },
    "case.unhappy": {
        None: L_("Fix the problem, and take the conversation offline"),
        "health": L_(
            "Answer in general terms, never confirm that they are a patient, and invite them "
            "to call the practice"
        ),
        "association": L_("Listen, fix what can be fixed, and invite them to the next meeting"),
    },
    "case.misinformed": {None: L_("Correct the facts politely, with a source")},
    "case.troll": {None: L_("Watch, and do not feed the troll")},
    "case.crisis": {None: L_("Escalate at once to the person in charge")},
    # The names of the metrics proposed for each family of objective (see `essentials`).
    "metric.revenue": {
        None: L_("Visitors from social media who buy"),
        "health": L_("Visitors from social media who book an appointment"),
        "association": L_("Visitors from social media who join"),
        "public_service": L_("Visitors from social media who use the service"),
    },
    "metric.costs": {
        None: L_("Cost of a new customer won on social media"),
        "health": L_("Cost of a new patient won on social media"),
        "association": L_("Cost of a new member won on social media"),
        "b2b": L_("Cost of a new client won on social media"),
    },
    "metric.relationship": {None: L_("Time to the first reply")},
    "metric.loyalty": {None: L_("Engagement of the people reached")},
    "unit.revenue": {None: L_("%")},
    "unit.relationship": {None: L_("hours")},
    "unit.loyalty": {None: L_("%")},
    "unit.costs": {
        None: L_("per customer"),
        "health": L_("per patient"),
        "association": L_("per member"),
        "b2b": L_("per client"),
    },
}

#: What a voice never does, proposed for the sectors whose rules say it.
NEVER: dict[str, tuple[Message, ...]] = {
    "health": (
        L_("Publish a patient's testimonial, story or photo"),
        L_("Compare the practice with another"),
        L_("Present care as a commercial offer"),
    ),
    "alcohol": (
        L_("Link drinking to parties, sport or seduction"),
        L_("Post without the health warning"),
    ),
    "finance": (
        L_("Promise a return"),
        L_("Post a financial promotion nobody approved"),
    ),
}

#: The keyword categories that make no sense in a sector: proposed empty, never asked.
#: Patents and registered designs are for businesses that invent; a co-operative or an
#: association has no executives.
UNFIT_KEYWORDS: dict[str, frozenset[str]] = {
    "retail": frozenset({"intellectual_property"}),
    "food": frozenset({"intellectual_property"}),
    "hospitality": frozenset({"intellectual_property"}),
    "health": frozenset({"intellectual_property", "brands"}),
    "alcohol": frozenset(),
    "finance": frozenset({"intellectual_property"}),
    "association": frozenset({"executives", "intellectual_property", "brands"}),
    "public_service": frozenset({"executives", "intellectual_property", "brands"}),
    "b2b": frozenset(),
}

#: The sectors where the rules forbid promotion in posts: no promotional pillar.
NO_PROMOTION = frozenset({"health"})


def sectors(plan: Plan) -> tuple[str, ...]:
    """The plan's sectors, in the order given."""
    return tuple(plan.project.sectors or ()) if plan.project else ()


def worded(key: str, plan: Plan) -> str:
    """A proposed wording in the language in force, in the plan's sector's words."""
    variants = WORDINGS[key]
    for sector in sectors(plan):
        if sector in variants:
            return str(variants[sector])
    return str(variants[None])


def never(plan: Plan) -> list[str] | None:
    """What the voice never does, as the plan's sectors' rules say; None for no rule."""
    found = [str(text) for sector in sectors(plan) for text in NEVER.get(sector, ())]
    return found or None


def unfit_keywords(plan: Plan) -> frozenset[str]:
    """The keyword categories no sector of the plan has any use for."""
    given = sectors(plan)
    if not given:
        return frozenset()
    return frozenset.intersection(*(UNFIT_KEYWORDS.get(s, frozenset()) for s in given))


def promotes(plan: Plan) -> bool:
    """Whether the plan's posts may promote at all."""
    return not NO_PROMOTION & set(sectors(plan))
