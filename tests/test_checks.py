"""The strategy checks: each rule trips on the plan it is about, and only there."""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from smplan.checks import STEP_ORDER, STORE, Finding, run_checks
from smplan.checks.service import judge
from smplan.plan.model import STEPS, Plan

#: A small plan that follows the method in every step: it must yield no finding at all.
CLEAN: dict[str, Any] = {
    "smplan": 1,
    "project": {
        "name": "Social media plan 2026",
        "organization": "Maison Fournil",
        "language": "en",
        "author": "Sophie Lambert",
        "date": "2026-01-15",
        "horizon": "2026-12-31",
    },
    "team": {
        "sponsor": {"name": "Claire Morel", "role": "Managing director"},
        "members": [
            {"id": "anna", "name": "Anna Petit", "department": "marketing", "hours_per_week": 6},
            {
                "id": "bruno",
                "name": "Bruno Roy",
                "department": "customer_service",
                "hours_per_week": 4,
            },
        ],
        "cadence": "30 minutes every Monday",
        "approvals": [
            {"content": "Everyday posts", "drafted_by": ["anna"], "approved_by": "bruno"}
        ],
        "reviews": [{"cadence": "monthly", "what": "Metrics report", "owner": "anna"}],
    },
    "listening": {
        "needs": [
            {
                "id": "stock",
                "need": "Know what bread is left before coming",
                "source": "Shop counter",
                "evidence": "Ten calls a week",
            }
        ],
        "sources": [
            {"name": "Shop counter", "kind": "offline"},
            {"name": "Google reviews", "kind": "online"},
        ],
        "keywords": {
            "company": ["Maison Fournil"],
            "executives": ["Claire Morel"],
            "themes": ["sourdough"],
            "competitors": [],
            "partners": [],
            "brands": [],
            "slogans": [],
            "intellectual_property": [],
        },
        "playbook": {
            "verify": "Check the order book",
            "cases": [
                {"case": "praise", "action": "Thank", "owner": "anna", "response_hours": 24},
                {"case": "unhappy", "action": "Call back", "owner": "bruno", "response_hours": 4},
                {"case": "crisis", "action": "Warn Claire", "owner": "bruno", "response_hours": 1},
            ],
        },
        "audit": [
            {"platform": "Facebook", "handle": "@fournil", "owner": "anna", "decision": "keep"}
        ],
        "monitoring_hours_per_week": 1,
        "monitored_by": ["bruno"],
    },
    "objectives": [
        {
            "id": "orders",
            "family": "revenue",
            "statement": "40 cake orders a month from social media",
            "primary": True,
            "deadline": "2026-09-30",
        },
        {
            "id": "loyalty",
            "family": "loyalty",
            "statement": "Regulars come twice a week",
            "deadline": "2026-12-31",
        },
    ],
    "metrics": [
        {
            "id": "orders-month",
            "objective": "orders",
            "name": "Cake orders citing social media",
            "kind": "conversion",
            "definition": "Orders whose customer names Instagram",
            "baseline": 10,
            "target": 40,
        },
        {
            "id": "engagement",
            "objective": "loyalty",
            "name": "Engagement rate",
            "standard": "engagement_rate_reach",
            "baseline": "unknown",
            "target": 5,
        },
    ],
    "audience": [
        {"id": "families", "name": "Local families", "needs": ["stock"], "content": ["Bake times"]}
    ],
    "value": {
        "philosophy": "Good bread takes time",
        "topics": [{"topic": "How sourdough works", "kind": "educational"}],
        "services": [{"name": "Daily 4 pm story", "need": "stock"}],
    },
    "human_face": {
        "spokespeople": [{"name": "Anna Petit", "member": "anna", "channels": ["Instagram"]}],
        "voice": {"tone": "Warm and simple"},
    },
    "channels": [
        {
            "platform": "Instagram",
            "objectives": ["orders", "loyalty"],
            "audiences": ["families"],
            "pillars": [
                {"name": "Behind the scenes", "kind": "entertaining", "share": 70},
                {"name": "Cake of the week", "kind": "promotional", "share": 30},
            ],
            "posts_per_week": 4,
            "owner": "anna",
            "hours_per_week": 3,
            "metrics": ["orders-month", "engagement"],
        },
        {
            "platform": "Facebook",
            "objectives": ["loyalty"],
            "audiences": ["families"],
            "pillars": [{"name": "Questions", "kind": "conversational", "share": 100}],
            "posts_per_week": 2,
            "owner": "bruno",
            "hours_per_week": 2,
            "metrics": ["engagement"],
        },
    ],
}

DELETE = object()

#: A plan that only listens for now: no channel, and nobody appears on one.
LISTENING_ONLY = {
    "channels": DELETE,
    "listening.listening_only": True,
    "human_face.spokespeople.0.channels": [],
}


def plan_with(edits: dict[str, Any] | None = None) -> Plan:
    """The clean plan with a few edits: `a.0.b` sets, `DELETE` removes, `a.+` appends."""
    data = copy.deepcopy(CLEAN)
    for path, value in (edits or {}).items():
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = data
        for part in parents:
            node = node[part]
        if value is DELETE:
            del node[last]
        elif last == "+":
            node.append(value)
        else:
            node[last] = value
    return Plan.model_validate(data)


Seen = tuple[str, str, tuple[str | int, ...], str]


def seen(plan: Plan) -> list[Seen]:
    """What a user reads of each finding: code, severity, where and the message."""
    return [(f.code, f.severity, f.loc, f.message) for f in run_checks(plan)]


def W(code: str, loc: tuple[str | int, ...], message: str) -> Seen:  # noqa: N802
    """An expected warning."""
    return (code, "warning", loc, message)


def E(code: str, loc: tuple[str | int, ...], message: str) -> Seen:  # noqa: N802
    """An expected error."""
    return (code, "error", loc, message)


THIRDS = "the rule of thirds keeps promotion to a third of the mix at most"

#: Four weekly posting slots, as many as the clean plan's Instagram posts a week.
SLOTS = [
    {"day": "monday", "time": "09:00"},
    {"day": "wednesday", "time": "12:30"},
    {"day": "friday", "time": "18:00"},
    {"day": "saturday", "time": "10:00"},
]
#: A second approval rule, given by the clean plan's customer service member.
APPROVAL = {"content": "Offers", "drafted_by": ["anna"], "approved_by": "bruno"}
#: A campaign in March on Instagram, within the clean plan's span.
SPRING = {"name": "Spring", "start": "2026-03-01", "end": "2026-03-31", "channels": ["instagram"]}

# Each case: the edits to the clean plan, then every finding they cause, in report order.
TRIPS = [
    (
        {"channels.0.owner": "ana"},
        [E("SMP001", ("channels", 0, "owner"), "unknown team member `ana`")],
    ),
    (
        {
            "team.members.+": {
                "id": "bruno",
                "name": "B",
                "department": "sales",
                "hours_per_week": 1,
            }
        },
        [
            E(
                "SMP002",
                ("team", "members", 2, "id"),
                "team member id `bruno` is used twice (first at team.members[1])",
            )
        ],
    ),
    (
        {"human_face.spokespeople.0.channels": ["Instagram", "TikTok"]},
        [
            E(
                "SMP003",
                ("human_face", "spokespeople", 0, "channels", 1),
                "spokesperson `Anna Petit` appears on `TikTok`, which is not in the channel plan",
            )
        ],
    ),
    ({"value": DELETE}, [W("SMP010", ("value",), "step 6 (Value) is not started")]),
    (
        {"listening.sources.0": {}},
        [
            W("SMP011", ("listening", "sources", 0), "source #1 has no name or kind"),
            W("SMP203", ("listening", "sources"), "no listening source is offline"),
        ],
    ),
    (
        {"metrics.1.standard": DELETE},
        [W("SMP011", ("metrics", 1, "definition"), "metric `engagement` has no definition")],
    ),
    (
        {"channels.1.pillars.0.share": DELETE},
        [
            W(
                "SMP011",
                ("channels", 1, "pillars", 0, "share"),
                "pillar `Questions` of channel `Facebook` has no share",
            )
        ],
    ),
    (
        {"human_face.voice": DELETE},
        [W("SMP011", ("human_face", "voice"), "the voice and tone are not described")],
    ),
    (
        {"listening.playbook.cases.0.action": DELETE},
        [
            W(
                "SMP011",
                ("listening", "playbook", "cases", 0, "action"),
                "playbook case `praise` has no action",
            )
        ],
    ),
    (
        {"team.members.0.name": DELETE, "team.members.0.department": DELETE},
        [
            W("SMP011", ("team", "members", 0), "member `anna` has no name or department"),
            W(
                "SMP101",
                ("team", "members"),
                "the whole team comes from one department (customer_service)",
            ),
        ],
    ),
    ({"project.author": DELETE}, [W("SMP012", ("project", "author"), "the project has no author")]),
    ({"project": DELETE}, [W("SMP012", ("project",), "the project block is missing")]),
    (
        {"team.members.1.department": "marketing"},
        [
            W(
                "SMP101",
                ("team", "members"),
                "the whole team comes from one department (marketing)",
            ),
            W("SMP102", ("team", "members"), "nobody on the team hears customers day to day"),
        ],
    ),
    (
        {"team.members.1.department": "communication"},
        [W("SMP102", ("team", "members"), "nobody on the team hears customers day to day")],
    ),
    (
        {"team.members.0.department": "sales", "human_face.spokespeople.0.member": DELETE},
        [W("SMP103", ("team", "members"), "nobody on the team speaks for the organization")],
    ),
    ({"team.sponsor": DELETE}, [W("SMP104", ("team", "sponsor"), "the team has no named sponsor")]),
    (
        {"team.sponsor.name": DELETE},
        [W("SMP104", ("team", "sponsor", "name"), "the team has no named sponsor")],
    ),
    (
        {"team.sponsor": {"id": "zed"}},
        [W("SMP104", ("team", "sponsor", "name"), "the team has no named sponsor")],
    ),
    (
        {"team.cadence": DELETE},
        [W("SMP105", ("team", "cadence"), "the team does not say how often it meets")],
    ),
    ({"team.approvals": []}, [W("SMP106", ("team", "approvals"), "the team has no approval rule")]),
    (
        {"team.members.1.hours_per_week": DELETE},
        [
            W(
                "SMP107",
                ("team", "members", 1, "hours_per_week"),
                "member `bruno` does not say how many hours a week they give",
            )
        ],
    ),
    ({"team.reviews": []}, [W("SMP108", ("team", "reviews"), "the team has no review rhythm")]),
    (
        {"listening.needs.0.source": DELETE},
        [
            W(
                "SMP201",
                ("listening", "needs", 0, "source"),
                "need `stock` does not say where it was heard",
            )
        ],
    ),
    (
        {"listening.needs.0.evidence": ""},
        [W("SMP202", ("listening", "needs", 0, "evidence"), "need `stock` has no evidence")],
    ),
    (
        {"listening.sources.0.kind": "online"},
        [W("SMP203", ("listening", "sources"), "no listening source is offline")],
    ),
    (
        {"listening.keywords.slogans": DELETE},
        [
            W(
                "SMP204",
                ("listening", "keywords", "slogans"),
                "keyword category `slogans` is not answered",
            )
        ],
    ),
    (
        {"listening.keywords.slogans": None, "listening.keywords.brands": DELETE},
        [
            W(
                "SMP204",
                ("listening", "keywords"),
                "keyword categories `brands` and `slogans` are not answered",
            )
        ],
    ),
    (
        {"listening.keywords": DELETE},
        [W("SMP204", ("listening", "keywords"), "no monitoring keywords are recorded")],
    ),
    (
        {"listening.playbook.cases.1": DELETE},
        [
            W(
                "SMP205",
                ("listening", "playbook", "cases"),
                "the playbook has no `unhappy` case: say how to answer unhappy customers",
            )
        ],
    ),
    (
        {"listening.playbook": DELETE},
        [W("SMP205", ("listening", "playbook"), "there is no response playbook")],
    ),
    (
        {"listening.playbook.cases.1.response_hours": DELETE},
        [
            W(
                "SMP206",
                ("listening", "playbook", "cases", 1, "response_hours"),
                "playbook case `unhappy` has no target response time",
            )
        ],
    ),
    (
        {"listening.playbook.verify": DELETE},
        [
            W(
                "SMP207",
                ("listening", "playbook", "verify"),
                "the playbook does not say how to check whether a message is true",
            )
        ],
    ),
    (
        {"listening.playbook.cases.2.owner": DELETE},
        [
            W(
                "SMP208",
                ("listening", "playbook", "cases", 2, "owner"),
                "nobody is named to handle a crisis",
            )
        ],
    ),
    (
        {"listening.audit.0.decision": DELETE},
        [
            W(
                "SMP209",
                ("listening", "audit", 0, "decision"),
                "account `Facebook @fournil` has no decision",
            )
        ],
    ),
    (
        {"objectives.0.primary": False},
        [W("SMP301", ("objectives",), "no objective is marked primary")],
    ),
    (
        {"objectives.1.primary": True},
        [
            W(
                "SMP301",
                ("objectives", 1, "primary"),
                "2 objectives are marked primary (`orders`, `loyalty`)",
            )
        ],
    ),
    (
        {"objectives.0.statement": DELETE},
        [W("SMP302", ("objectives", 0, "statement"), "objective `orders` has no statement")],
    ),
    (
        {"objectives.1.family": DELETE},
        [W("SMP303", ("objectives", 1, "family"), "objective `loyalty` has no family")],
    ),
    (
        {"objectives.0.deadline": DELETE},
        [W("SMP304", ("objectives", 0, "deadline"), "objective `orders` has no deadline")],
    ),
    (
        {"objectives.0.deadline": "2025-12-01"},
        [
            E(
                "SMP004",
                ("objectives", 0, "deadline"),
                "objective `orders`: 2025-12-01 falls before the plan's date (2026-01-15)",
            )
        ],
    ),
    (
        {"objectives.1.deadline": "2027-03-01"},
        [
            E(
                "SMP004",
                ("objectives", 1, "deadline"),
                "objective `loyalty`: 2027-03-01 falls after the plan's horizon (2026-12-31)",
            )
        ],
    ),
    (
        # A metric's deadline is judged by the same rule, in the same words.
        {"metrics.1.deadline": "2027-02-01"},
        [
            E(
                "SMP004",
                ("metrics", 1, "deadline"),
                "metric `engagement`: 2027-02-01 falls after the plan's horizon (2026-12-31)",
            ),
            W(
                "SMP406",
                ("metrics", 1, "deadline"),
                "metric `engagement` is due 2027-02-01, after its objective `loyalty` (2026-12-31)",
            ),
        ],
    ),
    (
        {"project.horizon": "2025-12-31"},
        [
            E(
                "SMP013",
                ("project", "horizon"),
                "the horizon 2025-12-31 comes before the plan's date 2026-01-15",
            )
        ],
    ),
    (
        {"metrics.0.deadline": "2026-10-31"},
        [
            W(
                "SMP406",
                ("metrics", 0, "deadline"),
                "metric `orders-month` is due 2026-10-31, after its objective `orders` "
                "(2026-09-30)",
            )
        ],
    ),
    (
        {"metrics.1.objective": "orders"},
        [W("SMP401", ("objectives", 1), "objective `loyalty` has no metric")],
    ),
    (
        {"metrics.0.target": DELETE},
        [W("SMP402", ("metrics", 0, "target"), "metric `orders-month` has no target")],
    ),
    (
        {"metrics.1.baseline": DELETE},
        [W("SMP403", ("metrics", 1, "baseline"), "metric `engagement` has no baseline")],
    ),
    (
        {"metrics.0.kind": "reach"},
        [
            W(
                "SMP404",
                ("objectives", 0),
                "objective `orders` aims at raising revenue but has no conversion, revenue "
                "or cost metric (`orders-month`: reach)",
            )
        ],
    ),
    (
        {"objectives.1.family": "costs"},
        [
            W(
                "SMP404",
                ("objectives", 1),
                "objective `loyalty` aims at cutting costs but has no conversion, revenue "
                "or cost metric (`engagement`: engagement)",
            )
        ],
    ),
    (
        {"metrics.0.kind": DELETE},
        [
            W(
                "SMP404",
                ("objectives", 0),
                "objective `orders` aims at raising revenue but has no conversion, revenue "
                "or cost metric (`orders-month`: kind not given)",
            )
        ],
    ),
    (
        {"audience.0.needs": []},
        [W("SMP501", ("audience", 0, "needs"), "segment `families` has no needs")],
    ),
    (
        {"audience.0.content": []},
        [
            W(
                "SMP502",
                ("audience", 0, "content"),
                "segment `families` does not say what content reaches them",
            )
        ],
    ),
    (
        {"audience.+": {"id": "tourists", "name": "T", "needs": ["stock"], "content": ["Map"]}},
        [W("SMP503", ("audience", 1), "segment `tourists` is reached by no channel")],
    ),
    (
        # Once the segments name the objectives they serve, an objective none names is told.
        {"audience.0.objectives": ["orders"]},
        [W("SMP504", ("objectives", 1), "objective `loyalty` is aimed at no audience segment")],
    ),
    (
        {"value.philosophy": DELETE},
        [W("SMP601", ("value", "philosophy"), "no philosophy is stated")],
    ),
    ({"value.topics": []}, [W("SMP602", ("value", "topics"), "no conversation topic is recorded")]),
    (
        {"value.topics.0.kind": "promotional"},
        [W("SMP603", ("value", "topics"), "every conversation topic is promotional")],
    ),
    (
        {"value.services.0.need": DELETE},
        [
            W(
                "SMP604",
                ("value", "services", 0, "need"),
                "service `Daily 4 pm story` does not say which need it answers",
            )
        ],
    ),
    (
        {"human_face.spokespeople": []},
        [W("SMP701", ("human_face", "spokespeople"), "no spokesperson is named")],
    ),
    (
        {"human_face.spokespeople.0.name": DELETE, "human_face.spokespeople.0.member": DELETE},
        [
            W(
                "SMP701",
                ("human_face", "spokespeople", 0, "name"),
                "spokesperson #1 has no name",
            )
        ],
    ),
    (
        {"human_face.spokespeople.0.channels": [], "human_face.spokespeople.0.name": DELETE},
        [
            W(
                "SMP702",
                ("human_face", "spokespeople", 0, "channels"),
                "spokesperson `Anna Petit` appears on no channel",
            )
        ],
    ),
    (
        {"team.sponsor.id": "claire", "human_face.spokespeople.+": {"member": "claire"}},
        [
            W(
                "SMP702",
                ("human_face", "spokespeople", 1, "channels"),
                "spokesperson `Claire Morel` appears on no channel",
            )
        ],
    ),
    (
        {"channels": [], "human_face.spokespeople.0.channels": []},
        [
            W(
                "SMP702",
                ("human_face", "spokespeople", 0, "channels"),
                "spokesperson `Anna Petit` appears on no channel",
            ),
            W("SMP800", ("channels",), "the channel plan has no channel"),
        ],
    ),
    (
        {"channels.1.objectives": []},
        [W("SMP801", ("channels", 1, "objectives"), "channel `Facebook` serves no objective")],
    ),
    (
        {"channels.1.audiences": []},
        [
            W(
                "SMP802",
                ("channels", 1, "audiences"),
                "channel `Facebook` reaches no audience segment",
            )
        ],
    ),
    (
        {"channels.1.owner": DELETE},
        [W("SMP803", ("channels", 1, "owner"), "channel `Facebook` has no owner")],
    ),
    (
        {"channels.0.pillars.0.share": 66, "channels.0.pillars.1.share": 34},
        [
            W(
                "SMP804",
                ("channels", 0, "pillars"),
                f"channel `Instagram` is 34% promotional; {THIRDS}",
            )
        ],
    ),
    (
        {"channels.1.pillars.0.share": 90},
        [
            W(
                "SMP805",
                ("channels", 1, "pillars"),
                "the pillar shares of channel `Facebook` add up to 90%, not 100%",
            )
        ],
    ),
    (
        {
            "channels.1.pillars.0.share": 50,
            "channels.1.pillars.+": {"name": "Offers", "kind": "promotional", "share": 50},
        },
        [
            W(
                "SMP804",
                ("channels", 1, "pillars"),
                f"channel `Facebook` is 50% promotional; {THIRDS}",
            ),
            W(
                "SMP806",
                ("channels",),
                "the channel plan as a whole is 36.7% promotional (weighted by posts a week); "
                + THIRDS,
            ),
        ],
    ),
    (
        {
            "channels.1.pillars.0.share": 50,
            "channels.1.pillars.+": {"name": "Offers", "kind": "promotional", "share": 50},
            "channels.1.posts_per_week": DELETE,
        },
        [
            W(
                "SMP804",
                ("channels", 1, "pillars"),
                f"channel `Facebook` is 50% promotional; {THIRDS}",
            ),
            W(
                "SMP806",
                ("channels",),
                "the channel plan as a whole is 40% promotional (each channel counted equally); "
                + THIRDS,
            ),
        ],
    ),
    (
        {"channels.0.objectives": ["loyalty"]},
        [W("SMP807", ("objectives", 0), "objective `orders` is served by no channel")],
    ),
    (
        {"channels.0.hours_per_week": 8},
        [
            W(
                "SMP109",
                ("team", "members", 0, "hours_per_week"),
                "member `anna` owns 8 h of work a week (channel `Instagram`: 8 h) but declares 6 h",
            ),
            W(
                "SMP808",
                ("channels",),
                "the plan needs 11 h a week (10 h for channels, 1 h for monitoring) "
                "but the team declares 10 h",
            ),
        ],
    ),
    (
        {
            **LISTENING_ONLY,
            "listening.monitoring_hours_per_week": 12.5,
            "listening.monitored_by": ["anna", "bruno"],
        },
        [
            W(
                "SMP109",
                ("team", "members", 0, "hours_per_week"),
                "member `anna` owns 6.25 h of work a week (monitoring: 6.25 h) but declares 6 h",
            ),
            W(
                "SMP109",
                ("team", "members", 1, "hours_per_week"),
                "member `bruno` owns 6.25 h of work a week (monitoring: 6.25 h, approves 1 kind "
                "of content) but declares 4 h",
            ),
            W(
                "SMP808",
                ("listening", "monitoring_hours_per_week"),
                "the plan needs 12.5 h a week but the team declares 10 h",
            ),
        ],
    ),
    (
        {"channels.1.hours_per_week": 3.5},
        [
            W(
                "SMP109",
                ("team", "members", 1, "hours_per_week"),
                "member `bruno` owns 4.5 h of work a week (channel `Facebook`: 3.5 h, "
                "monitoring: 1 h, approves 1 kind of content) but declares 4 h",
            ),
        ],
    ),
    (
        {"listening.monitored_by": []},
        [
            W(
                "SMP210",
                ("listening", "monitored_by"),
                "nobody owns the monitoring, which takes 1 h a week",
            ),
        ],
    ),
    (
        {
            "listening.monitored_by": [],
            "listening.monitoring_hours_per_week": 0,
            "listening.review_cadence": "weekly",
        },
        [W("SMP210", ("listening", "monitored_by"), "nobody owns the monitoring")],
    ),
    (
        {"objectives.1.family": "recruitment"},
        [
            W(
                "SMP405",
                ("objectives", 1),
                "objective `loyalty` aims at recruiting but has no conversion metric "
                "(`engagement`: engagement)",
            ),
        ],
    ),
    (
        {"objectives.1.family": "awareness", "metrics.1.kind": "conversion"},
        [
            W(
                "SMP405",
                ("objectives", 1),
                "objective `loyalty` aims at awareness and reputation but has no reach or "
                "sentiment metric (`engagement`: conversion)",
            ),
        ],
    ),
    (
        {"channels.1.metrics": []},
        [W("SMP809", ("channels", 1, "metrics"), "channel `Facebook` has no metric to judge it")],
    ),
    (
        {"channels.0.id": "social", "channels.1.id": "social"},
        [
            E(
                "SMP002",
                ("channels", 1, "id"),
                "channel id `social` is used twice (first at channels[0])",
            )
        ],
    ),
    (
        {"channels.0.slots": SLOTS},
        [
            W(
                "SMP810",
                ("project", "timezone"),
                "the channels have posting slots but the plan has no time zone",
            )
        ],
    ),
    (
        {"project.timezone": "Europe/Paris", "channels.0.slots": [{"day": "monday"}, *SLOTS[1:]]},
        [
            W(
                "SMP011",
                ("channels", 0, "slots", 0, "time"),
                "posting slot `monday` of channel `Instagram` has no time",
            )
        ],
    ),
    (
        {"project.timezone": "Europe/Paris", "channels.1.slots": SLOTS[:1]},
        [
            W(
                "SMP811",
                ("channels", 1, "slots"),
                "channel `Facebook` has 1 posting slot a week for 2 posts a week",
            )
        ],
    ),
    (
        # Two posts a week on Facebook, but the same slot twice dates only one.
        {"project.timezone": "Europe/Paris", "channels.1.slots": [SLOTS[0], SLOTS[0]]},
        [
            W(
                "SMP811",
                ("channels", 1, "slots", 1),
                "channel `Facebook` has the slot "
                f"{SLOTS[0]['day'].capitalize()} {SLOTS[0]['time']} twice: "
                "it dates one post, not two",
            ),
            W(
                "SMP811",
                ("channels", 1, "slots"),
                "channel `Facebook` has 1 posting slot a week for 2 posts a week",
            ),
        ],
    ),
    (
        {"project.timezone": "Europe/Paris", "channels.1.slots": SLOTS[:3]},
        [
            W(
                "SMP811",
                ("channels", 1, "slots"),
                "channel `Facebook` has 3 posting slots a week for 2 posts a week",
            )
        ],
    ),
    (
        {"campaigns": [{"name": "Spring", "start": "2026-01-01", "end": "2027-01-10"}]},
        [
            E(
                "SMP004",
                ("campaigns", 0, "start"),
                "campaign `Spring`: 2026-01-01 falls before the plan's date (2026-01-15)",
            ),
            E(
                "SMP004",
                ("campaigns", 0, "end"),
                "campaign `Spring`: 2027-01-10 falls after the plan's horizon (2026-12-31)",
            ),
        ],
    ),
    (
        {"channels.0.id": "instagram", "campaigns": [{**SPRING, "pillar": "Cake of the wek"}]},
        [
            E(
                "SMP815",
                ("campaigns", 0, "pillar"),
                "campaign `Spring` is on the pillar `Cake of the wek`, which none of its "
                "channels has: its posts would not get its topic",
            )
        ],
    ),
    (
        {"channels.0.id": "instagram", "campaigns": [{**SPRING, "channels": ["instagran"]}]},
        [
            E(
                "SMP001",
                ("campaigns", 0, "channels", 0),
                "unknown channel `instagran`",
            )
        ],
    ),
    (
        {
            "channels.0.id": "instagram",
            "channels.0.budget_per_month": 50,
            "campaigns": [{**SPRING, "budget": 80}],
        },
        [
            W(
                "SMP813",
                ("campaigns", 0, "budget"),
                "in 2026-03, campaigns spend 80 on channel `Instagram`, whose budget is 50 a month",
            )
        ],
    ),
    (
        {"campaigns": [{"name": "Spring", "start": "2026-03-31", "end": "2026-03-01"}]},
        [
            E(
                "SMP814",
                ("campaigns", 0, "end"),
                "campaign `Spring` ends 2026-03-01, before it starts 2026-03-31",
            )
        ],
    ),
]


def test_the_clean_plan_has_no_finding() -> None:
    assert seen(plan_with()) == []


@pytest.mark.parametrize(
    ("edits", "expected"), TRIPS, ids=[f"{e[0][0]}-{n}" for n, (_, e) in enumerate(TRIPS)]
)
def test_a_rule_trips_on_the_plan_it_is_about(edits: dict[str, Any], expected: list[Seen]) -> None:
    assert seen(plan_with(edits)) == expected


def test_every_rule_has_a_case_that_trips_it() -> None:
    tripped = {finding[0] for _, expected in TRIPS for finding in expected}
    assert tripped == {rule.code for rule in STORE.in_scope("plan")}


# Near misses: the edge of each rule that must stay quiet.
NEAR_MISSES = {
    "a spokesperson's platform matches the channel plan whatever its case": {
        "human_face.spokespeople.0.channels": ["INSTAGRAM"]
    },
    "a keyword category written [] is answered": {"listening.keywords.company": []},
    "a troll needs no response time": {
        "listening.playbook.cases.+": {"case": "troll", "action": "Watch", "owner": "anna"}
    },
    "an objective due on the horizon is within it": {"objectives.0.deadline": "2026-12-31"},
    "an objective due on the plan's date is not before it": {"objectives.0.deadline": "2026-01-15"},
    "a standard definition gives the metric its kind": {
        "metrics.0.kind": DELETE,
        "metrics.0.standard": "conversion_rate",
    },
    "a revenue objective may also have engagement metrics": {
        "metrics.1.objective": "orders",
        "objectives.1": DELETE,
        "channels.0.objectives": ["orders"],
        "channels.1.objectives": ["orders"],
    },
    "one promotional topic among others is fine": {
        "value.topics.+": {"topic": "Cake of the week", "kind": "promotional"}
    },
    "a spokesperson named through the team member is named": {
        "human_face.spokespeople.0.name": DELETE
    },
    "exactly a third of promotion is the limit, not over it": {
        "channels.0.pillars.0.share": 200 / 3,
        "channels.0.pillars.1.share": 100 / 3,
    },
    "shares within half a point of 100 add up": {"channels.1.pillars.0.share": 99.6},
    "hours that exactly fill the team's time fit": {
        "channels.0.hours_per_week": 6,
        "channels.1.hours_per_week": 3,
    },
    "a member named as spokesperson speaks for the organization": {
        "team.members.0.department": "sales"
    },
    "the front desk hears customers day to day": {"team.members.1.department": "front_desk"},
    "a sponsor on the team is named by their member id": {"team.sponsor": {"id": "anna"}},
    "the sponsor, given an id, approves as a member does": {
        "team.sponsor.id": "claire",
        "team.approvals.0.approved_by": "claire",
        "team.reviews.0.owner": "claire",
        "channels.1.owner": "claire",
        "metrics.0.owner": "claire",
        "human_face.spokespeople.+": {"member": "claire", "channels": ["Facebook"]},
    },
    "a spokesperson's channel may be given by its id": {
        "channels.0.id": "insta",
        "human_face.spokespeople.0.channels": ["insta"],
    },
    "a member's load that exactly fills their week fits": {"channels.1.hours_per_week": 3},
    "an objective for recruiting judged by applications": {
        "objectives.1.family": "recruitment",
        "metrics.1.kind": "conversion",
    },
    "an objective for awareness judged by share of voice": {
        "objectives.1.family": "awareness",
        "metrics.1.standard": "share_of_voice",
    },
    "an objective for reputation judged by net sentiment": {
        "objectives.1.family": "awareness",
        "metrics.1.kind": "sentiment",
    },
    "monitoring with no hours, no tool and no dashboard needs no owner": {
        "listening.monitoring_hours_per_week": DELETE,
        "listening.monitored_by": [],
    },
    "a listening-only plan needs no channel": LISTENING_ONLY,
    "slots that match the posts a week, in the plan's time zone": {
        "project.timezone": "Europe/Paris",
        "channels.0.slots": SLOTS,
        "channels.1.slots": SLOTS[:2],
    },
    "a campaign from the plan's date to its horizon is within its span": {
        "campaigns": [{"name": "Year", "start": "2026-01-15", "end": "2026-12-31"}]
    },
    "a campaign that spends the channel's whole monthly budget fits it": {
        "channels.0.id": "instagram",
        "channels.0.budget_per_month": 50,
        "campaigns": [{**SPRING, "budget": 50}],
    },
    "a campaign's budget goes where the channels' budgets are": {
        "channels.0.id": "instagram",
        "channels.0.budget_per_month": 100,
        "channels.1.id": "facebook",
        "channels.1.budget_per_month": 0,
        "campaigns": [{**SPRING, "channels": ["instagram", "facebook"], "budget": 100}],
    },
    "a budget spread over two months is judged month by month": {
        "channels.0.id": "instagram",
        "channels.0.budget_per_month": 50,
        "campaigns": [{**SPRING, "start": "2026-03-01", "end": "2026-04-30", "budget": 90}],
    },
    "a key date on no channel is only marked": {
        "campaigns": [{"name": "Open day", "start": "2026-06-06", "end": "2026-06-06"}]
    },
    "a campaign on a pillar of its channel": {
        "channels.0.id": "instagram",
        "campaigns": [{**SPRING, "pillar": "Cake of the week"}],
    },
    "a key date on no channel names a pillar as a label only": {
        "campaigns": [{"name": "Open day", "start": "2026-06-06", "pillar": "Open doors"}]
    },
    "a metric due with its objective": {"metrics.0.deadline": "2026-09-30"},
    "a plan that ends the day it starts": {
        "project.horizon": "2026-01-15",
        "objectives.0.deadline": "2026-01-15",
        "objectives.1.deadline": "2026-01-15",
    },
    "a plan with no horizon has no end to its span": {
        "project.horizon": DELETE,
        "objectives.1.deadline": "2031-01-01",
    },
}


@pytest.mark.parametrize("edits", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_a_near_miss_stays_quiet(edits: dict[str, Any]) -> None:
    assert seen(plan_with(edits)) == []


def test_a_whole_plan_at_exactly_a_third_is_not_over_it() -> None:
    edits = {
        "channels.0.posts_per_week": 10,
        "channels.1.pillars.0.share": 50,
        "channels.1.pillars.+": {"name": "Offers", "kind": "promotional", "share": 50},
    }
    assert [f.code for f in run_checks(plan_with(edits))] == ["SMP804"]


def test_a_listening_only_plan_skips_the_served_by_a_channel_checks() -> None:
    plan = plan_with(
        {
            **LISTENING_ONLY,
            "audience.+": {"id": "tourists", "name": "T", "needs": ["stock"], "content": ["Map"]},
        }
    )
    assert seen(plan) == []


def test_an_unknown_id_suggests_the_nearest_one() -> None:
    (finding,) = run_checks(plan_with({"audience.0.needs": ["stok"]}))
    assert finding.message == "unknown need `stok`"
    assert finding.hint == "did you mean `stock`?"


def test_an_unknown_id_with_no_near_one_lists_the_known_ones() -> None:
    unknown, unmeasured = run_checks(plan_with({"metrics.1.objective": "retention"}))
    assert (unknown.code, unknown.loc) == ("SMP001", ("metrics", 1, "objective"))
    assert unknown.hint == "known objectives: orders, loyalty"
    assert unmeasured.message == "objective `loyalty` has no metric"


def test_an_unknown_id_when_none_is_recorded_says_so() -> None:
    found = run_checks(plan_with({"listening.needs": [], "audience.0.needs": []}))
    assert [(f.code, f.loc, f.hint) for f in found if f.code == "SMP001"] == [
        ("SMP001", ("value", "services", 0, "need"), "no needs are recorded yet")
    ]


def test_the_sponsor_with_an_id_is_known_wherever_a_member_is() -> None:
    (finding,) = run_checks(plan_with({"team.sponsor.id": "claire", "channels.0.owner": "zoe"}))
    assert (finding.code, finding.message) == ("SMP001", "unknown team member `zoe`")
    assert finding.hint == "known team members: anna, bruno, claire"


def test_a_sponsor_who_is_a_member_is_one_person_not_two() -> None:
    plan = plan_with({"team.sponsor": {"id": "anna"}, "channels.0.owner": "zoe"})
    (finding,) = run_checks(plan)
    assert finding.hint == "known team members: anna, bruno"


def test_a_platform_outside_the_channel_plan_lists_the_channels() -> None:
    edits = {"human_face.spokespeople.0.channels": ["TikTok"]}
    (finding,) = run_checks(plan_with(edits))
    assert finding.hint == "channels in the plan: Instagram, Facebook"


REFERENCES = {
    "team.approvals.0.drafted_by.0": ("team member", "team"),
    "team.approvals.0.approved_by": ("team member", "team"),
    "team.reviews.0.owner": ("team member", "team"),
    "listening.audit.0.owner": ("team member", "listening"),
    "listening.playbook.cases.0.owner": ("team member", "listening"),
    "metrics.0.objective": ("objective", "metrics"),
    "metrics.0.owner": ("team member", "metrics"),
    "audience.0.needs.0": ("need", "audience"),
    "value.services.0.need": ("need", "value"),
    "human_face.spokespeople.0.member": ("team member", "human_face"),
    "channels.0.objectives.0": ("objective", "channels"),
    "channels.0.audiences.0": ("segment", "channels"),
    "channels.0.metrics.0": ("metric", "channels"),
    "channels.0.owner": ("team member", "channels"),
}


@pytest.mark.parametrize("path", REFERENCES)
def test_every_reference_is_checked_and_reported_in_its_step(path: str) -> None:
    kind, step = REFERENCES[path]
    found = [f for f in run_checks(plan_with({path: "zzz"})) if f.code == "SMP001"]
    loc = tuple(int(p) if p.isdigit() else p for p in path.split("."))
    assert [(f.severity, f.step, f.loc, f.message) for f in found] == [
        ("error", step, loc, f"unknown {kind} `zzz`")
    ]


def test_an_empty_plan_lists_every_step_as_not_started() -> None:
    assert seen(Plan(smplan=1)) == [
        W("SMP012", ("project",), "the project block is missing"),
        W("SMP010", ("team",), "step 1 (The team) is not started"),
        W("SMP010", ("listening",), "step 2 (Listening and comparing) is not started"),
        W("SMP010", ("objectives",), "step 3 (Objectives) is not started"),
        W("SMP010", ("metrics",), "step 4 (Metrics) is not started"),
        W("SMP010", ("audience",), "step 5 (Audience) is not started"),
        W("SMP010", ("value",), "step 6 (Value) is not started"),
        W("SMP010", ("human_face",), "step 7 (The human face) is not started"),
        W("SMP010", ("channels",), "step 8 (The channel plan) is not started"),
    ]


def test_findings_come_in_step_order() -> None:
    plan = plan_with({"channels.1.owner": DELETE, "team.cadence": DELETE, "project.date": DELETE})
    assert [(f.step, f.code) for f in run_checks(plan)] == [
        ("project", "SMP012"),
        ("team", "SMP105"),
        ("channels", "SMP803"),
    ]


def test_empty_started_steps_say_what_is_missing() -> None:
    plan = plan_with(
        {"team": {}, "listening": {}, "value": {}, "human_face": {}, "channels": []}
        | {"objectives": [], "metrics": [], "audience": []}
    )
    assert [(f.code, f.path(), f.message) for f in run_checks(plan)] == [
        ("SMP011", "team.members", "the team has no members"),
        ("SMP104", "team.sponsor", "the team has no named sponsor"),
        ("SMP105", "team.cadence", "the team does not say how often it meets"),
        ("SMP106", "team.approvals", "the team has no approval rule"),
        ("SMP108", "team.reviews", "the team has no review rhythm"),
        ("SMP011", "listening.needs", "no customer need is recorded"),
        ("SMP011", "listening.sources", "no listening source is recorded"),
        ("SMP204", "listening.keywords", "no monitoring keywords are recorded"),
        ("SMP205", "listening.playbook", "there is no response playbook"),
        ("SMP011", "objectives", "no objective is recorded"),
        ("SMP011", "metrics", "no metric is recorded"),
        ("SMP011", "audience", "no audience segment is recorded"),
        ("SMP601", "value.philosophy", "no philosophy is stated"),
        ("SMP602", "value.topics", "no conversation topic is recorded"),
        ("SMP011", "human_face.voice", "the voice and tone are not described"),
        ("SMP701", "human_face.spokespeople", "no spokesperson is named"),
        ("SMP800", "channels", "the channel plan has no channel"),
    ]
    assert set(judge(plan).steps.values()) == {"incomplete"}


def test_step_status_of_an_empty_plan_is_all_missing() -> None:
    verdict = judge(Plan(smplan=1))
    assert verdict.sections == dict.fromkeys(("project", *STEPS), "missing")
    assert not verdict.finished


def test_step_status_of_the_clean_plan_is_all_complete() -> None:
    verdict = judge(plan_with())
    assert verdict.sections == dict.fromkeys(("project", *STEPS), "complete")
    assert verdict.finished


def test_an_empty_answer_makes_its_step_incomplete() -> None:
    status = judge(plan_with({"objectives.0.deadline": DELETE, "metrics": DELETE})).steps
    assert status == dict.fromkeys(STEPS, "complete") | {
        "objectives": "incomplete",
        "metrics": "missing",
        # The channels name metrics that are gone: an error, so not complete either.
        "channels": "incomplete",
    }


def test_a_strategy_warning_leaves_its_step_complete() -> None:
    edits = {"channels.0.pillars.0.share": 60, "channels.0.pillars.1.share": 40}
    assert [f.code for f in run_checks(plan_with(edits))] == ["SMP804"]
    assert judge(plan_with(edits)).steps["channels"] == "complete"


def test_an_error_makes_its_step_incomplete_whatever_it_holds() -> None:
    edits = {"campaigns": [{"name": "Spring", "start": "2026-03-31", "end": "2026-03-01"}]}
    verdict = judge(plan_with(edits))
    assert [(f.code, f.severity) for f in verdict.findings] == [("SMP814", "error")]
    assert verdict.steps == dict.fromkeys(STEPS, "complete") | {"channels": "incomplete"}
    assert not verdict.finished


def test_an_error_in_the_project_block_leaves_the_plan_unfinished() -> None:
    verdict = judge(plan_with({"project.horizon": "2025-12-31"}))
    assert verdict.sections["project"] == "incomplete"
    assert verdict.steps == dict.fromkeys(STEPS, "complete")
    assert not verdict.finished


def test_a_listening_only_plan_has_a_complete_channel_step() -> None:
    assert judge(plan_with(LISTENING_ONLY)).steps["channels"] == "complete"


@pytest.mark.parametrize(("edits", "expected"), TRIPS)
def test_step_status_agrees_with_the_completeness_findings_and_the_errors(
    edits: dict[str, Any], expected: list[Seen]
) -> None:
    plan = plan_with(edits)
    verdict = judge(plan)
    for step in STEPS:
        here = [f for f in verdict.findings if f.step == step]
        unfinished = [f for f in here if STORE[f.code].completeness]
        not_started = any(f.code == "SMP010" for f in unfinished)
        broken = any(f.severity == "error" for f in here)
        want = (
            "incomplete"
            if broken
            else "missing"
            if not_started
            else "incomplete"
            if unfinished
            else "complete"
        )
        assert verdict.steps[step] == want


def test_the_rule_store_lists_each_rule_once_in_code_order() -> None:
    codes = [rule.code for rule in STORE]
    assert codes == sorted(set(codes))
    names = [rule.name for rule in STORE if rule.name]
    assert len(names) == len(set(names))
    for rule in STORE:
        assert rule.severity in {"error", "warning"}
        assert rule.step is None or rule.step in (*STEP_ORDER, "results")
        assert str(rule.title) and "\n" not in str(rule.title)
        assert rule.name is None or re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name)


def test_a_finding_path_reads_like_the_plan() -> None:
    finding = Finding("SMP803", "warning", "channels", ("channels", 2, "owner"), "m")
    assert finding.path() == "channels[2].owner"
    assert Finding("SMP010", "warning", "team", ("team",), "m").path() == "team"


# --- in French ---------------------------------------------------------------------------

# Plans that reach the wordings the trip cases leave out: hints about unknown ids, items
# whose every answer is empty, whole steps left empty.
FRENCH_EXTRAS = [
    {"audience.0.needs": ["stok"]},
    {"metrics.1.objective": "retention"},
    {"listening.needs": [], "audience.0.needs": []},
    {"human_face.spokespeople.0.channels": ["TikTok"], "channels": []},
    {"team": {}, "listening": {}, "value": {}, "human_face": {}, "channels": []}
    | {"objectives": [], "metrics": [], "audience": []},
    {
        "team.approvals.0": {"drafted_by": []},
        "team.reviews.0": {},
        "listening.needs.0.need": None,
        "listening.audit.0.platform": None,
        "listening.playbook.cases.0": {"case": "crisis"},
        "metrics.0.name": None,
        "metrics.0.objective": None,
        "audience.0.name": None,
        "value.topics.0": {},
        "value.services.0": {},
        "channels.0.pillars": [{}, {"share": 10}],
        "channels.1.platform": None,
    },
]

#: Words that give away an English sentence; ids and names in backticks are left out.
ENGLISH_WORDS = (" has ", " the ", " is ", " are ", " not ", " no ", " does ", " and ", " or ")


def numbers(text: str) -> Counter[str]:
    """The numbers in a text, written with a decimal comma as French does."""
    return Counter(n.replace(".", ",") for n in re.findall(r"\d+(?:[.,]\d+)?", text))


def ticked(text: str) -> Counter[str]:
    """The spans in backticks: ids, names, keys of the plan file."""
    return Counter(re.findall(r"`[^`]*`", text))


def assert_french(english: str, french: str) -> None:
    """The French text is not the English one, reads as French and keeps every id and number."""
    assert french != english
    bare = f" {re.sub(r'`[^`]*`', '', french)} "
    assert not [word for word in ENGLISH_WORDS if word in bare], french
    assert not ticked(english) - ticked(french), french
    assert not numbers(english) - numbers(french), french


@pytest.mark.parametrize(
    "edits",
    [edits for edits, _ in TRIPS] + FRENCH_EXTRAS,
    ids=[f"{e[0][0]}-{n}" for n, (_, e) in enumerate(TRIPS)]
    + [f"extra-{n}" for n in range(len(FRENCH_EXTRAS))],
)
def test_every_finding_reads_in_french_with_the_same_ids_and_numbers(
    edits: dict[str, Any],
) -> None:
    plan = plan_with(edits)
    english, french = run_checks(plan), run_checks(plan, lang="fr")
    assert [(f.code, f.severity, f.step, f.loc) for f in french] == [
        (f.code, f.severity, f.step, f.loc) for f in english
    ]
    for en, fr in zip(english, french, strict=True):
        assert_french(en.message, fr.message)
        assert (en.hint is None) == (fr.hint is None)
        if en.hint and fr.hint:
            assert_french(en.hint, fr.hint)


def test_an_empty_plan_lists_every_step_as_not_started_in_french() -> None:
    french = run_checks(Plan(smplan=1), lang="fr")
    for en, fr in zip(run_checks(Plan(smplan=1)), french, strict=True):
        assert_french(en.message, fr.message)
    assert [f.message for f in french][-2:] == [
        "l'étape 7 (Le visage humain) n'est pas commencée",
        "l'étape 8 (Le plan des canaux) n'est pas commencée",
    ]


def french(edits: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """Code, message and hint of each finding, in French."""
    return [(f.code, f.message, f.hint) for f in run_checks(plan_with(edits), lang="fr")]


FR_THIRDS = "la règle des tiers limite la promotion à un tiers des publications, au plus"
FR_THIRDS_HINT = (
    "transformez des publications promotionnelles en publications utiles, divertissantes "
    "ou qui lancent la conversation"
)

EXACT_FRENCH = {
    "SMP001 with a near id": (
        {"audience.0.needs": ["stok"]},
        [("SMP001", "`stok` ne correspond à aucun besoin", "vouliez-vous dire `stock` ?")],
    ),
    "SMP001 listing the known ids": (
        {"channels.0.owner": "zzz"},
        [
            (
                "SMP001",
                "`zzz` ne correspond à aucun membre de l'équipe",
                "membres de l'équipe connus : anna, bruno",
            )
        ],
    ),
    "SMP010": (
        {"value": DELETE},
        [
            (
                "SMP010",
                "l'étape 6 (La valeur apportée) n'est pas commencée",
                "répondez-y avec `smplan init`, ou ajoutez sa section `value`",
            )
        ],
    ),
    "SMP301 with none": (
        {"objectives.0.primary": False},
        [
            (
                "SMP301",
                "aucun objectif n'est marqué comme principal",
                "mettez `primary: true` sur le seul objectif central, pour commencer",
            )
        ],
    ),
    "SMP301 with two": (
        {"objectives.1.primary": True},
        [
            (
                "SMP301",
                "2 objectifs sont marqués comme principaux (`orders`, `loyalty`)",
                "commencez par un seul objectif central ; gardez les autres au second plan",
            )
        ],
    ),
    "SMP404": (
        {"metrics.0.kind": DELETE},
        [
            (
                "SMP404",
                "l'objectif `orders` vise à augmenter le chiffre d'affaires mais n'a aucun "
                "indicateur de conversion, de chiffre d'affaires ou de coût "
                "(`orders-month` : type non indiqué)",
                "ajoutez-en un, ou renseignez `kind` sur l'indicateur qui compte les ventes ; "
                "les « j'aime » seuls ne prouvent aucun retour",
            )
        ],
    ),
    "SMP804 and SMP806 with a decimal comma": (
        {
            "channels.1.pillars.0.share": 50,
            "channels.1.pillars.+": {"name": "Offers", "kind": "promotional", "share": 50},
        },
        [
            (
                "SMP804",
                f"le canal `Facebook` est promotionnel à 50 % ; {FR_THIRDS}",
                FR_THIRDS_HINT,
            ),
            (
                "SMP806",
                "l'ensemble du plan des canaux est promotionnel à 36,7 % (pondéré par les "
                f"publications de la semaine) ; {FR_THIRDS}",
                FR_THIRDS_HINT,
            ),
        ],
    ),
    "SMP109 naming the parts of a member's week": (
        {"channels.1.hours_per_week": 3.5, "team.approvals.+": APPROVAL},
        [
            (
                "SMP109",
                "le membre `bruno` a 4,5 h de travail par semaine (le canal `Facebook`\u00a0: "
                "3,5 h, veille\u00a0: 1 h, valide 2 types de contenu), mais n'en déclare que 4",
                "confiez un canal ou la veille à un autre membre, ralentissez un canal, ou "
                "déclarez les heures que ce travail demande vraiment",
            )
        ],
    ),
    "SMP808 with the detail": (
        # A channel run by the sponsor, who declares no hours: the team's total is over.
        {"team.sponsor.id": "claire", "channels.0.owner": "claire", "channels.0.hours_per_week": 8},
        [
            (
                "SMP808",
                "le plan demande 11 h par semaine (10 h pour les canaux, 1 h pour la veille), "
                "mais l'équipe ne déclare que 10 h",
                "abandonnez ou ralentissez un canal, ou donnez plus de temps à l'équipe (étape 1)",
            )
        ],
    ),
    "SMP808 with a decimal comma": (
        {
            **LISTENING_ONLY,
            "listening.monitoring_hours_per_week": 12.5,
            "team.sponsor.id": "claire",
            "listening.monitored_by": ["claire"],
        },
        [
            (
                "SMP808",
                "le plan demande 12,5 h par semaine, mais l'équipe ne déclare que 10 h",
                "abandonnez ou ralentissez un canal, ou donnez plus de temps à l'équipe (étape 1)",
            )
        ],
    ),
    "SMP011 naming the item after what it lacks": (
        {"channels.0.pillars.1": {"share": 30}, "team.members.0.name": DELETE},
        [
            ("SMP011", "il manque le nom du membre `anna`", None),
            ("SMP011", "il manque la nature du pilier n° 2 du canal `Instagram`", None),
        ],
    ),
}


@pytest.mark.parametrize(("edits", "expected"), EXACT_FRENCH.values(), ids=EXACT_FRENCH.keys())
def test_the_common_findings_read_naturally_in_french(
    edits: dict[str, Any], expected: list[tuple[str, str, str | None]]
) -> None:
    assert french(edits) == expected


def test_a_french_interview_ends_with_french_findings(tmp_path: Path) -> None:
    from smplan.interview.progress import missing
    from smplan.interview.questions import Block, Question
    from smplan.interview.session import init

    class Watch:
        def __init__(self) -> None:
            self.blocks: list[Block] = []

        def ask(self, question: Question) -> str:
            raise AssertionError(f"nothing should be asked, not {question.key}")

        def show(self, block: Block) -> None:
            self.blocks.append(block)

    data = copy.deepcopy(CLEAN)
    data["channels"][1]["owner"] = "zzz"
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    watch = Watch()
    init(path, watch, lang="fr", interactive=False)
    (findings,) = [b for b in watch.blocks if b.kind == "findings"]
    (line,) = findings.lines
    # In words, as the interview says it: no rule code, no place in the file.
    assert line == (
        "- « zzz » ne correspond à aucun membre de l'équipe "
        "(conseil : membres de l'équipe connus : anna, bruno)"
    )
    # What is left to answer is listed in the checks' French too.
    lines = missing(plan_with({"objectives.0.deadline": DELETE}), "fr")
    assert "   - l'objectif `orders` n'a pas d'échéance" in lines
