"""The plan's pydantic models: what each of the eight steps holds.

Every field carries its meaning for a user (`doc`), a catalog message that each language
translates. Those texts feed the JSON Schema, the commented skeleton written by `smplan
new` and the interview's prompts, so each sentence is written once. The models check form
only (types, allowed values, ranges); whether the strategy holds together is the job of
`smplan.checks`. Almost everything is optional, because a plan in progress is a valid
file.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from smplan.i18n import LP_, N_, SOURCE_LANGUAGE, _, languages, local_currency
from smplan.plan.meta import (
    CHANNEL,
    MEMBER,
    METRIC,
    NEED,
    OBJECTIVE,
    SEGMENT,
    Also,
    Follows,
    Holds,
    Needed,
    Ref,
    followed,
)

FORMAT_VERSION = 1

#: Pattern shared by every `id`: short, lowercase, usable in a reference.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


class Worded(str):
    """An example answer in words, which each language's catalog words its own way."""

    __slots__ = ()


def ex(example: str) -> str:
    """Mark an example answer for the catalog: each language gives its own."""
    return Worded(example)


def doc(description: str, example: Any = None, **kwargs: Any) -> Any:
    """A field with its meaning (a catalog message) and an example for the skeleton.

    The JSON Schema carries the English text in `description` and `examples`; the
    schema command adds each catalog's translation beside it.
    """
    extra: dict[str, Any] = {}
    if example is not None:
        extra["examples"] = [example]
    return Field(description=description, json_schema_extra=extra or None, **kwargs)


def example_for(info: Any) -> Any:
    """The example answer of a field in the language in force, or None."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    examples = extra.get("examples")
    if not isinstance(examples, list) or not examples:
        return None
    example = examples[0]
    if isinstance(example, list):
        return [str(_(e)) if isinstance(e, Worded) else e for e in example]
    return str(_(example)) if isinstance(example, Worded) else example


def text(description: str, example: Any = None, **kwargs: Any) -> Any:
    """An optional field (absent until the user answers it)."""
    return doc(description, example, default=None, **kwargs)


def items(description: str, example: Any = None, **kwargs: Any) -> Any:
    """A list field, empty until the user fills it."""
    return doc(description, example, default_factory=list, **kwargs)


class Model(BaseModel):
    """Base of every plan model: unknown keys are errors, text is kept as typed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        use_enum_values=True,
        allow_inf_nan=False,
        # Each step's validator is built inside the plan's on first use, not once more
        # on its own at import: a command that never validates a step alone skips it.
        defer_build=True,
    )


Id = str
Hours = float

#: C0 and C1 control characters (and DEL): a typed arrow key's escape sequence, a stray
#: bell. Plan text is shown in terminals and documents, where they do harm and mean nothing.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _refuse_controls(pattern: re.Pattern[str]) -> Any:
    def check(value: str) -> str:
        found = pattern.search(value)
        if found:
            # Worded for a person by the one describer of the model's errors (`mistakes`).
            raise PydanticCustomError(
                "control_character",
                "text holds a control character ({char}): type it again without it",
                {"char": f"U+{ord(found.group()):04X}"},
            )
        return value

    check.refuses = pattern  # type: ignore[attr-defined]  # what it refuses, for tests
    return AfterValidator(check)


#: One line of text, as typed: no control character, no line break.
Text = Annotated[str, _refuse_controls(_CONTROL_OR_NEWLINE)]
#: Text that may run over several lines: line breaks allowed, other controls not.
Prose = Annotated[str, _refuse_controls(_CONTROL)]

# Bounds that no real plan reaches, so a typo cannot carry an absurd number into the
# document (and every number stays within what locale formatting handles exactly).
HOURS_PER_WEEK = 168
HOURS_PER_YEAR = 8760
MAX_AMOUNT = 1e12
MAX_AUDIENCE = 10**11
MAX_POSTS_PER_WEEK = 1000
MetricValue = Annotated[float, Field(ge=-1e15, le=1e15)]
#: PDF fonts count time from 1904: no date of a plan may come before.
EARLIEST_DATE = dt.date(1904, 1, 1)


def _known_language(value: str) -> str:
    known = languages()
    if value not in known:
        # Worded like pydantic's own enum error, so every reader of errors words it once.
        raise PydanticCustomError(
            "enum",
            "Input should be {expected}",
            {"expected": " or ".join(f"'{code}'" for code in known)},
        )
    return value


def _known_timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError(
            "timezone", "Input should be an IANA time zone name such as Europe/Paris"
        ) from None
    return value


#: An IANA time zone name (Europe/Paris), known to the time zone database.
Timezone = Annotated[str, AfterValidator(_known_timezone)]

#: A time of day on the 24-hour clock, hours and minutes: 09:00, 18:30.
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


#: A language smplan speaks: English, or one of the catalogs it ships.
Language = Annotated[
    str,
    AfterValidator(_known_language),
    WithJsonSchema({"type": "string", "enum": list(languages())}),
]


class Department(StrEnum):
    """The department a team member comes from."""

    management = "management"
    marketing = "marketing"
    communication = "communication"
    customer_service = "customer_service"
    support = "support"
    sales = "sales"
    rd = "rd"
    monitoring = "monitoring"
    hr = "hr"
    it = "it"
    legal = "legal"
    finance = "finance"
    operations = "operations"
    production = "production"
    owner = "owner"
    practitioners = "practitioners"
    front_desk = "front_desk"
    other = "other"


#: Departments that hear customers: the "listening" side of the team.
LISTENING_DEPARTMENTS = frozenset(
    {
        Department.customer_service,
        Department.support,
        Department.sales,
        Department.rd,
        Department.monitoring,
        Department.practitioners,
        Department.front_desk,
    }
)
#: Departments that speak for the organization: the "talking" side of the team.
SPEAKING_DEPARTMENTS = frozenset({Department.marketing, Department.communication})


class Frequency(StrEnum):
    """How often something is done or measured."""

    daily = "daily"
    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"
    yearly = "yearly"


# --- Step 1: the team -------------------------------------------------------------------


class Person(Model):
    """The sponsor: named here, or a team member named by their id."""

    name: Text | None = text(N_("Full name."), "Claire Morel")
    role: Text | None = text(N_("Job title."), ex("Managing director"))
    id: Id | None = text(
        N_(
            "Short identifier other steps use to refer to the sponsor, as they refer to a team "
            "member; a member's id when the sponsor is on the team, who then needs no name here."
        ),
        "claire",
        pattern=ID_PATTERN,
    )


class Member(Model):
    """A member of the cross-department team that carries the strategy."""

    id: Id = doc(
        N_("Short identifier other steps use to refer to this person."),
        "claire",
        pattern=ID_PATTERN,
    )
    name: Annotated[Text | None, Needed(LP_("field", "name"))] = text(
        N_("Full name."), "Claire Morel"
    )
    role: Text | None = text(N_("Job title."), ex("Marketing manager"))
    department: Annotated[Department | None, Needed(LP_("field", "department"))] = text(
        N_(
            "Department the person comes from; it tells whether they bring the listening or the "
            "speaking side of the company."
        ),
        "marketing",
    )
    responsibilities: list[Text] = items(
        N_("What this person does for the strategy."),
        [ex("Drafts the editorial calendar")],
    )
    hours_per_week: Hours | None = text(
        N_("Hours a week this person gives to social media."),
        4,
        ge=0,
        le=80,
    )


class Approval(Model):
    """Who drafts, who approves and how fast, for one kind of content."""

    content: Annotated[Text | None, Needed(LP_("field", "content"))] = text(
        N_("The kind of content this rule covers."),
        ex("Everyday posts"),
    )
    drafted_by: Annotated[list[Id], Ref(MEMBER), Needed(LP_("field", "drafter"))] = items(
        N_("Ids of the team members who draft it."),
        ["claire"],
    )
    approved_by: Annotated[Id | None, Ref(MEMBER), Needed(LP_("field", "approver"))] = text(
        N_("Id of the team member who approves it before it goes out."),
        "claire",
    )
    delay: Text | None = text(
        N_("How long approval may take."),
        "24 h",
    )


class Review(Model):
    """A recurring review of the strategy: a weekly look, a monthly report, and so on."""

    cadence: Annotated[Frequency | None, Needed(LP_("field", "cadence"))] = text(
        N_("How often."), "monthly"
    )
    what: Annotated[Text | None, Needed(LP_("field", "what"))] = text(
        N_("What is looked at and decided."),
        ex("Monthly metrics report"),
    )
    owner: Annotated[Id | None, Ref(MEMBER), Needed(LP_("field", "owner"))] = text(
        N_("Id of the team member who runs it."),
        "claire",
    )


class Team(Model):
    """Step 1: the cross-department team that carries social media for the company."""

    sponsor: Annotated[Person | None, Also(MEMBER)] = text(
        N_("The executive who backs the strategy and arbitrates."),
    )
    members: Annotated[list[Member], Holds(MEMBER)] = items(
        N_("The people on the team, from several departments."),
    )
    cadence: Text | None = text(
        N_("How and how often the team meets."),
        ex("A 30-minute meeting every Monday morning"),
    )
    approvals: list[Approval] = items(
        N_("Who drafts and who approves what goes out."),
    )
    reviews: list[Review] = items(
        N_("The review rhythm: weekly look, monthly report, quarterly strategy review."),
    )


# --- Step 2: listening ------------------------------------------------------------------


class SourceKind(StrEnum):
    """Where a listening source sits."""

    online = "online"
    offline = "offline"


class Need(Model):
    """A customer need heard while listening, that a web presence could answer."""

    id: Id = doc(
        N_("Short identifier other steps use to refer to this need."),
        ex("opening-hours"),
        pattern=ID_PATTERN,
    )
    need: Annotated[Text | None, Needed(LP_("field", "wording"))] = text(
        N_("The need, in the customer's words if possible."),
        ex(
            "Know whether today's bread is still available before coming in",
        ),
    )
    source: Text | None = text(
        N_("Where it was heard."),
        ex("Shop counter"),
    )
    evidence: Prose | None = text(
        N_("What shows the need is real: counts, quotes, survey figures."),
        ex("About ten phone calls a week about it"),
    )


class Source(Model):
    """A place where the organization listens to customers, online or offline."""

    name: Annotated[Text | None, Needed(LP_("field", "name"))] = text(
        N_("The source."),
        ex("Customer service (calls and e-mails)"),
    )
    kind: Annotated[SourceKind | None, Needed(LP_("field", "kind"))] = text(
        N_("Online or offline. Customers do not change when they go online: listen to both."),
        "offline",
    )
    notes: Prose | None = text(
        N_("What it tells you and how you collect it."),
    )


class Keywords(Model):
    """Monitoring keywords by category; an empty list says the category has none."""

    company: list[Text] | None = text(
        N_("Names of the organization, including common misspellings."),
        [ex("Hearth & Loaf")],
    )
    executives: list[Text] | None = text(N_("Names of the executives."), ["Claire Morel"])
    themes: list[Text] | None = text(
        N_("Themes of the sector the organization wants to be heard on."),
        [ex("sourdough bread")],
    )
    competitors: list[Text] | None = text(
        N_("Competitors' names."),
        [ex("Town Bakery")],
    )
    partners: list[Text] | None = text(N_("Partners' names."), [ex("Dupuy Mills")])
    brands: list[Text] | None = text(
        N_("Brands and product names."),
        [ex("The Country Loaf")],
    )
    slogans: list[Text] | None = text(N_("Slogans and campaign lines."), [])
    intellectual_property: list[Text] | None = text(
        N_("Patents, registered designs and other intellectual property."),
        [],
    )


#: The keyword categories, in the order a document lists them.
KEYWORD_CATEGORIES: tuple[str, ...] = tuple(Keywords.model_fields)


class Competitor(Model):
    """A competitor and what it does on social media."""

    name: Text | None = text(N_("Name."), ex("Town Bakery"))
    channels: list[Text] = items(N_("Platforms it is active on."), ["Instagram"])
    strengths: list[Text] = items(N_("What it does well."))
    weaknesses: list[Text] = items(N_("Where it falls short."))


class Tool(Model):
    """A monitoring or publishing tool."""

    name: Text | None = text(N_("Name."), "Google Alerts")
    purpose: Text | None = text(
        N_("What it is used for."),
        ex("Alerts on the brand name"),
    )
    cost_per_month: float | None = text(
        N_("Cost per month, in the plan's currency."),
        0,
        ge=0,
        le=MAX_AMOUNT,
    )


class Decision(StrEnum):
    """What to do with an existing account."""

    keep = "keep"
    fix = "fix"
    close = "close"


class Account(Model):
    """An account the organization already has, audited before choosing new ones."""

    platform: Annotated[Text | None, Needed(LP_("field", "platform"))] = text(
        N_("Platform."), "Facebook"
    )
    handle: Text | None = text(
        N_("Handle or page name."),
        ex("@hearthandloaf"),
    )
    owner: Annotated[Id | None, Ref(MEMBER)] = text(
        N_("Id of the team member who holds the keys."),
        "claire",
    )
    purpose: Text | None = text(N_("What it is used for today."))
    audience_size: int | None = text(
        N_("Followers or subscribers today."), 850, ge=0, le=MAX_AUDIENCE
    )
    activity: Prose | None = text(
        N_("How active it is (last post, posts a month)."),
        ex("Two posts a month"),
    )
    decision: Decision | None = text(
        N_("Keep, fix or close. Fewer, well-run channels beat many abandoned ones."),
        "fix",
    )
    note: Text | None = text(N_("Why that decision."))


class Case(StrEnum):
    """A case of the response decision path."""

    praise = "praise"
    unhappy = "unhappy"
    misinformed = "misinformed"
    troll = "troll"
    crisis = "crisis"


class PlaybookCase(Model):
    """How to answer one kind of message: the action, who acts, and how fast."""

    case: Annotated[Case | None, Needed(LP_("field", "case"))] = text(
        N_("The kind of message."), "praise"
    )
    action: Annotated[Prose | None, Needed(LP_("field", "action"))] = text(
        N_("What to do."),
        ex("Thank them publicly and personally"),
    )
    owner: Annotated[
        Id | None, Ref(MEMBER), Needed(LP_("field", "owner"), unless=("case", "crisis"))
    ] = text(
        N_("Id of the team member who answers."),
        "claire",
    )
    response_hours: Hours | None = text(
        N_("Target time to the first reply, in hours."),
        4,
        ge=0,
        le=HOURS_PER_YEAR,
    )


class Playbook(Model):
    """The response decision path: first check the facts, then answer by case."""

    verify: Text | None = text(
        N_("How to check whether what is said is true before answering."),
        ex("Check the order and the receipt"),
    )
    cases: list[PlaybookCase] = items(
        N_("One entry per case: praise, unhappy customer, misinformed, troll, crisis."),
    )


class Opportunity(Model):
    """A department and the need a web presence could serve for it."""

    department: Department | None = text(N_("The department."), "hr")
    idea: Text | None = text(
        N_("What social media could do for it."),
        ex("Recruit apprentices"),
    )


class InsightKind(StrEnum):
    """Where a key insight of the situation stands: inside or outside, for or against."""

    strength = "strength"
    weakness = "weakness"
    opportunity = "opportunity"
    threat = "threat"


class Insight(Model):
    """A conclusion drawn from listening, the audit and the competitors, with its evidence."""

    kind: InsightKind | None = text(
        N_("Strength, weakness, opportunity or threat."),
        "strength",
    )
    insight: Text | None = text(
        N_("The conclusion, in one sentence the client would say too."),
        ex("Customers already recommend us to each other, but only face to face"),
    )
    evidence: Text | None = text(
        N_("What shows it: a figure, a quote, a source."),
        ex("Half of new customers say a neighbour sent them"),
    )


class Listening(Model):
    """Step 2: listen to customers, the sector and competitors before speaking."""

    needs: Annotated[list[Need], Holds(NEED)] = items(
        N_("Customer needs heard, each with where it was heard and the evidence."),
    )
    sources: list[Source] = items(
        N_("Where the organization listens, online and offline."),
    )
    keywords: Keywords | None = text(N_("Keywords to monitor, by category."))
    competitors: list[Competitor] = items(N_("Competitors and what they do."))
    trends: list[Text] = items(
        N_("Questions and trends in the sector, region or market."),
        [ex("The return of natural sourdough")],
    )
    opportunities: list[Opportunity] = items(
        N_("Department by department, where a web presence fits best."),
    )
    tools: list[Tool] = items(N_("Monitoring tools and dashboard."))
    review_cadence: Frequency | None = text(
        N_("How often the monitoring dashboard is read."),
        "weekly",
    )
    monitoring_hours_per_week: Hours | None = text(
        N_("Hours a week the monitoring takes."),
        2,
        ge=0,
        le=HOURS_PER_WEEK,
    )
    monitored_by: Annotated[list[Id], Ref(MEMBER)] = items(
        N_(
            "Ids of the team members who do the monitoring; its hours are shared equally "
            "among them and count in their week."
        ),
        ["claire"],
    )
    audit: list[Account] = items(
        N_("The accounts the organization already has."),
    )
    playbook: Playbook | None = text(N_("How to answer what is heard."))
    listening_only: bool | None = text(
        N_("Yes when the strategy is, for now, to listen only and open no channel."),
        False,
    )
    insights: list[Insight] = items(
        N_(
            "What listening, the audit and the competitors show, concluded as strengths, "
            "weaknesses, opportunities and threats."
        ),
    )


# --- Step 3: objectives -----------------------------------------------------------------


class Family(StrEnum):
    """The kind of benefit an objective seeks."""

    revenue = "revenue"
    costs = "costs"
    relationship = "relationship"
    loyalty = "loyalty"
    recruitment = "recruitment"
    awareness = "awareness"


class Priority(StrEnum):
    """How much an objective matters next to the others."""

    high = "high"
    medium = "medium"
    low = "low"


class Objective(Model):
    """An objective tied to a business goal, measurable and time-bound."""

    id: Id = doc(
        N_("Short identifier other steps use to refer to this objective."),
        ex("orders"),
        pattern=ID_PATTERN,
    )
    family: Family | None = text(
        N_(
            "Raise revenue, cut costs, improve the customer relationship, build loyalty, recruit, "
            "or build awareness and reputation."
        ),
        "revenue",
    )
    statement: Prose | None = text(
        N_("The objective, specific enough that anyone can tell whether it was reached."),
        ex(
            "Receive 40 cake orders a month through social media",
        ),
    )
    business_goal: Text | None = text(
        N_("The business goal it serves."),
        ex("Grow the catering business"),
    )
    label: Text | None = text(
        N_("A short name for the objective, used after its full statement is given once."),
        ex("Cake orders"),
    )
    primary: bool = doc(
        N_("Yes for the one central objective to begin with."),
        True,
        default=False,
    )
    priority: Priority | None = text(N_("Priority."), "high")
    deadline: dt.date | None = text(
        N_("When it must be reached (YYYY-MM-DD)."),
        "2027-06-30",
        ge=EARLIEST_DATE,
    )


# --- Step 4: metrics --------------------------------------------------------------------


class Standard(StrEnum):
    """A standard metric definition, so a target means the same to everyone."""

    engagement_rate_reach = "engagement_rate_reach"
    engagement_rate_impressions = "engagement_rate_impressions"
    share_of_voice = "share_of_voice"
    net_sentiment = "net_sentiment"
    click_through_rate = "click_through_rate"
    conversion_rate = "conversion_rate"
    cost_per_acquisition = "cost_per_acquisition"
    roi = "roi"
    response_time = "response_time"
    response_rate = "response_rate"
    nps = "nps"


class MetricKind(StrEnum):
    """What a metric tells about: reach and engagement, or business results."""

    reach = "reach"
    engagement = "engagement"
    conversion = "conversion"
    revenue = "revenue"
    cost = "cost"
    sentiment = "sentiment"
    service = "service"


#: The kind each standard definition belongs to, used when a metric does not say.
STANDARD_KIND: dict[Standard, MetricKind] = {
    Standard.engagement_rate_reach: MetricKind.engagement,
    Standard.engagement_rate_impressions: MetricKind.engagement,
    Standard.share_of_voice: MetricKind.reach,
    Standard.net_sentiment: MetricKind.sentiment,
    Standard.click_through_rate: MetricKind.engagement,
    Standard.conversion_rate: MetricKind.conversion,
    Standard.cost_per_acquisition: MetricKind.cost,
    Standard.roi: MetricKind.revenue,
    Standard.response_time: MetricKind.service,
    Standard.response_rate: MetricKind.service,
    Standard.nps: MetricKind.sentiment,
}


class Metric(Model):
    """How the benefit of one objective is measured."""

    id: Id = doc(
        N_("Short identifier other steps use to refer to this metric."),
        ex("orders-per-month"),
        pattern=ID_PATTERN,
    )
    objective: Annotated[Id | None, Ref(OBJECTIVE), Needed(LP_("field", "objective"))] = text(
        N_("Id of the objective it measures."),
        ex("orders"),
    )
    name: Annotated[Text | None, Needed(LP_("field", "name"))] = text(
        N_("Name."),
        ex(
            "Cake orders that came from social media",
        ),
    )
    kind: MetricKind | None = text(
        N_(
            "What it tells about. Revenue and cost objectives need a conversion, revenue or cost "
            "metric, not only reach or likes."
        ),
        "conversion",
    )
    standard: Standard | None = text(
        N_("A standard definition, when one fits; the document prints its formula."),
        "conversion_rate",
    )
    definition: Prose | None = text(
        N_("How it is computed, when no standard definition fits."),
        ex(
            "Orders whose customer mentions Instagram or Facebook",
        ),
    )
    baseline: MetricValue | Literal["unknown"] | None = text(
        N_("Value today, or `unknown` when it is not measured yet."),
        12,
    )
    target: MetricValue | None = text(N_("Value to reach."), 40)
    unit: Text | None = text(N_("Unit."), ex("orders a month"))
    deadline: dt.date | None = text(
        N_("When the target must be reached (YYYY-MM-DD)."),
        "2027-06-30",
        ge=EARLIEST_DATE,
    )
    source: Text | None = text(
        N_("Where the data comes from."),
        ex("Order book"),
    )
    frequency: Frequency | None = text(N_("How often it is measured."), "monthly")
    owner: Annotated[Id | None, Ref(MEMBER)] = text(
        N_("Id of the team member who measures it."),
        "claire",
    )


# --- Step 5: audience -------------------------------------------------------------------


class Persona(Model):
    """One person who stands for a segment: a name, their words, when they can be reached."""

    name: Text | None = text(N_("A first name and a few words."), ex("Emma, 38, two children"))
    quote: Text | None = text(
        N_("What they would say, in their own words."),
        ex("I order birthday cakes when the children are asleep"),
    )
    moments: list[Text] = items(
        N_("The moments and places they can be reached."),
        [ex("Sunday evening, planning the week")],
    )
    objections: list[Text] = items(
        N_("What holds them back."),
        [ex("Afraid the cake will not look like the photo")],
    )


class Segment(Model):
    """A group of current or future customers the strategy wants to reach."""

    id: Id = doc(
        N_("Short identifier other steps use to refer to this segment."),
        ex("families"),
        pattern=ID_PATTERN,
    )
    name: Annotated[Text | None, Needed(LP_("field", "name"))] = text(
        N_("Name."), ex("Neighbourhood families")
    )
    demographics: Prose | None = text(
        N_("Age, place, income, occupation."),
        ex("Aged 30-45, parents, living within 2 km"),
    )
    psychographics: Prose | None = text(
        N_("Values, interests, habits, attitudes."),
        ex(
            "Care about local food, short of time on weekdays",
        ),
    )
    needs: Annotated[list[Id], Ref(NEED)] = items(
        N_("Ids of the customer needs (step 2) this segment has."),
        [ex("opening-hours")],
    )
    objectives: Annotated[list[Id], Ref(OBJECTIVE)] = items(
        N_(
            "Ids of the objectives (step 3) aimed at this segment; the traceability table "
            "shows each objective with the segments it aims at."
        ),
        [ex("orders")],
    )
    content: list[Text] = items(
        N_("The content that reaches them."),
        [ex("Behind the scenes at the bakehouse")],
    )
    platforms: list[Text] = items(N_("The platforms they use."), ["Instagram"])
    persona: Persona | None = text(N_("The segment as one person: a persona."))


# --- Step 6: value ----------------------------------------------------------------------


class ContentKind(StrEnum):
    """What a piece of content does for the reader."""

    educational = "educational"
    entertaining = "entertaining"
    conversational = "conversational"
    promotional = "promotional"


class Topic(Model):
    """A topic with real conversational potential."""

    topic: Annotated[Text | None, Needed(LP_("field", "wording"))] = text(
        N_("The topic."),
        ex("The secrets of a sourdough starter"),
    )
    kind: Annotated[ContentKind | None, Needed(LP_("field", "kind"))] = text(
        N_("Educational, entertaining, conversational or promotional."),
        "educational",
    )


class Service(Model):
    """A value-added service: content or a tool that answers a customer need."""

    name: Annotated[Text | None, Needed(LP_("field", "name"))] = text(
        N_("Name."), ex("“Fresh out of the oven” story")
    )
    description: Prose | None = text(
        N_("What it is and how it works."),
        ex(
            "A story every day at 4 pm showing the breads still available",
        ),
    )
    need: Annotated[Id | None, Ref(NEED)] = text(
        N_("Id of the customer need (step 2) it answers."),
        ex("opening-hours"),
    )


class PostIdea(Model):
    """What a post of a pillar will look like: its hook and the idea."""

    pillar: Text | None = text(
        N_("The content pillar it belongs to, by its name."),
        ex("Behind the scenes at the bakehouse"),
    )
    hook: Text | None = text(
        N_("The first words people read."),
        ex("3 a.m.: the oven is already hot"),
    )
    idea: Prose | None = text(
        N_("What the post shows or says."),
        ex("A 20-second video of the first batch coming out"),
    )
    format: Text | None = text(N_("Format."), "Reel")


class Value(Model):
    """Step 6: what the organization brings beyond its product."""

    philosophy: Prose | None = text(
        N_("What the organization stands for; people follow a philosophy, not a product."),
        ex("Good bread takes time"),
    )
    promise: Prose | None = text(
        N_("What followers get."),
        ex(
            "Knowing, every day, what comes out of the oven",
        ),
    )
    differentiators: list[Text] = items(
        N_("What sets the organization apart."),
        [ex("Flour from a mill 20 km away")],
    )
    topics: list[Topic] = items(
        N_("Topics with real conversational potential; the product should not be the main one."),
    )
    services: list[Service] = items(
        N_("Value-added services, each answering a recorded need."),
    )
    post_ideas: list[PostIdea] = items(
        N_("Post ideas and hooks, pillar by pillar: what the posts will look like."),
    )
    hashtags: list[Text] = items(
        N_("The hashtags the posts use."),
        [ex("#sourdough")],
    )
    visuals: list[Text] = items(
        N_("Visual guidelines: colours, framing, what pictures show."),
        [ex("Natural light, hands at work, no stock photos")],
    )


# --- Step 7: the human face -------------------------------------------------------------


class Spokesperson(Model):
    """A named person who speaks for the organization on social media."""

    name: Text | None = text(
        N_("Full name; a team member given by their id needs none."), "Claire Morel"
    )
    member: Annotated[Id | None, Ref(MEMBER)] = text(
        N_(
            "Id of the team member (or of the sponsor), when the spokesperson is on the team: "
            "name and role then come from the team."
        ),
        "claire",
    )
    role: Text | None = text(N_("Role, when it is not the team member's."), ex("Baker and founder"))
    channels: list[Text] = items(
        N_(
            "Channels of the channel plan (step 8) where this person appears: their ids, or "
            "their platforms."
        ),
        ["Instagram"],
    )
    topics: list[Text] = items(
        N_("What this person speaks about."),
        [ex("Sourdough")],
    )


class Voice(Model):
    """Voice and tone: what we do and what we never do."""

    tone: Text | None = text(
        N_("The tone in a few words."),
        ex("Warm, simple, mouth-watering"),
    )
    we_do: list[Text] = items(
        N_("What we always do."),
        [ex("Speak to the community as friends")],
    )
    we_never: list[Text] = items(
        N_("What we never do."),
        [ex("Criticise a competitor")],
    )


class HumanFace(Model):
    """Step 7: the people who give the organization a human face."""

    spokespeople: list[Spokesperson] = items(
        N_("Named people who speak for the organization."),
    )
    voice: Voice | None = text(N_("Voice and tone."))


# --- Step 8: the channel plan -----------------------------------------------------------


class Weekday(StrEnum):
    """A day of the week."""

    monday = "monday"
    tuesday = "tuesday"
    wednesday = "wednesday"
    thursday = "thursday"
    friday = "friday"
    saturday = "saturday"
    sunday = "sunday"


#: The days of the week in calendar order, Monday first (as `date.weekday()` counts them).
WEEKDAYS: tuple[str, ...] = tuple(day.value for day in Weekday)


class Slot(Model):
    """A weekly posting slot of a channel: a day of the week and a time."""

    day: Annotated[Weekday | None, Needed(LP_("field", "day"))] = text(
        N_("Day of the week."), "tuesday"
    )
    time: Annotated[Text | None, Needed(LP_("field", "time"))] = text(
        N_("Time of day on the 24-hour clock (HH:MM), in the plan's time zone."),
        "09:00",
        pattern=TIME_PATTERN,
    )


class Pillar(Model):
    """A content pillar of a channel, with its kind and its share of the mix."""

    name: Text | None = text(N_("Name."), ex("Behind the scenes at the bakehouse"))
    kind: Annotated[ContentKind | None, Needed(LP_("field", "kind"))] = text(
        N_("Educational, entertaining, conversational or promotional."),
        "entertaining",
    )
    share: Annotated[float | None, Needed(LP_("field", "share"))] = text(
        N_("Share of the channel's posts, in percent."),
        40,
        ge=0,
        le=100,
    )


class Channel(Model):
    """A platform chosen last, knowing why, how and with what resources."""

    id: Id | None = text(
        N_("Short identifier campaigns use to refer to this channel."),
        "instagram",
        pattern=ID_PATTERN,
    )
    platform: Annotated[Text | None, Needed(LP_("field", "platform"))] = text(
        N_("Platform."), "Instagram"
    )
    handle: Text | None = text(N_("Account handle."), ex("@hearthandloaf"))
    purpose: Text | None = text(
        N_("Why this channel."),
        ex(
            "Show the bakehouse and announce each batch",
        ),
    )
    objectives: Annotated[list[Id], Ref(OBJECTIVE)] = items(
        N_("Ids of the objectives it serves."),
        [ex("orders")],
    )
    audiences: Annotated[list[Id], Ref(SEGMENT)] = items(
        N_("Ids of the audience segments it reaches."),
        [ex("families")],
    )
    pillars: Annotated[list[Pillar], Needed(LP_("field", "pillars"))] = items(
        N_("Content pillars and their share of the mix."),
    )
    formats: list[Text] = items(N_("Formats used."), ["Reels", "Stories"])
    posts_per_week: float | None = text(N_("Posts a week."), 4, ge=0, le=MAX_POSTS_PER_WEEK)
    slots: list[Slot] = items(
        N_("The week's posting slots, one per post: they date the posts of the content calendar."),
    )
    owner: Annotated[Id | None, Ref(MEMBER)] = text(
        N_("Id of the team member who runs it."),
        "claire",
    )
    hours_per_week: Annotated[Hours | None, Needed(LP_("field", "hours per week"))] = text(
        N_("Hours a week it takes."), 3, ge=0, le=HOURS_PER_WEEK
    )
    budget_per_month: float | None = text(
        N_("Budget per month, in the plan's currency."),
        50,
        ge=0,
        le=MAX_AMOUNT,
    )
    metrics: Annotated[list[Id], Ref(METRIC)] = items(
        N_("Ids of the metrics that judge it."),
        [ex("orders-per-month")],
    )


# --- After the strategy: the calendar ---------------------------------------------------


class Campaign(Model):
    """A campaign or a key date: a time-boxed push on some channels."""

    name: Text | None = text(
        N_("Name of the campaign or key date."),
        ex("Epiphany: the galette"),
    )
    start: dt.date | None = text(N_("First day (YYYY-MM-DD)."), "2027-01-02")
    end: dt.date | None = text(
        N_("Last day (YYYY-MM-DD); the same as the first for a single key date."),
        "2027-01-31",
    )
    channels: Annotated[list[Id], Ref(CHANNEL)] = items(
        N_("Ids of the channels (step 8) it runs on; none for a date the team only marks."),
        ["instagram"],
    )
    pillar: Text | None = text(
        N_("The content pillar it belongs to, by its name."),
        ex("Cake of the week"),
    )
    topic: Text | None = text(
        N_("What it is about."),
        ex("Galettes to order ahead"),
    )
    budget: float | None = text(
        N_("Budget for the whole campaign, in the plan's currency."),
        150,
        ge=0,
        le=MAX_AMOUNT,
    )
    notes: Text | None = text(N_("What the team should know or prepare."))


# --- Running the plan: the first 90 days, the budget, crises, risks ---------------------


class Milestone(Model):
    """A dated step of the first months, with who sees it done."""

    date: dt.date | None = text(N_("When (YYYY-MM-DD)."), "2027-01-15", ge=EARLIEST_DATE)
    action: Text | None = text(
        N_("What is done by then."),
        ex("First month of posts scheduled"),
    )
    owner: Annotated[Id | None, Ref(MEMBER)] = text(
        N_("Id of the team member who sees it done."),
        "claire",
    )


class BudgetKind(StrEnum):
    """What a budget line pays for."""

    production = "production"
    advertising = "advertising"
    tools = "tools"
    team = "team"
    other = "other"


class BudgetLine(Model):
    """One line of the budget: what it pays for, monthly or once."""

    kind: BudgetKind | None = text(
        N_("Production, advertising, tools, team or other."),
        "production",
    )
    item: Text | None = text(N_("What it pays for."), ex("Photo shoot of the cakes"))
    per_month: float | None = text(
        N_("Amount a month, in the plan's currency."), 100, ge=0, le=MAX_AMOUNT
    )
    once: float | None = text(
        N_("Amount paid once, in the plan's currency."), None, ge=0, le=MAX_AMOUNT
    )


class Budget(Model):
    """The budget beyond the channels' own: lines by kind, and what the team's time is worth."""

    hourly_rate: float | None = text(
        N_("What an hour of the team's time costs, in the plan's currency, to value it."),
        35,
        ge=0,
        le=MAX_AMOUNT,
    )
    lines: list[BudgetLine] = items(N_("Budget lines by kind."))


class CrisisScenario(Model):
    """A crisis the team prepares for, with the words ready before it happens."""

    scenario: Text | None = text(
        N_("What could happen."),
        ex("A customer falls ill and blames our cake"),
    )
    holding_statement: Prose | None = text(
        N_("The first public words, ready to post while the facts are checked."),
        ex("We have seen your message and are checking; we will reply today."),
    )
    escalation: Annotated[list[Id], Ref(MEMBER)] = items(
        N_("Ids of the team members alerted, in order."),
        ["claire"],
    )


class Risk(Model):
    """A risk to the plan and what is done about it."""

    risk: Text | None = text(N_("The risk."), ex("The team has no time in December"))
    mitigation: Text | None = text(
        N_("What reduces it."),
        ex("Schedule December's posts in November"),
    )


# --- The plan ---------------------------------------------------------------------------


class PlanStatus(StrEnum):
    """Whether the document is a working draft or the version to sign."""

    draft = "draft"
    final = "final"


def _language_currency(data: Mapping[str, Any]) -> str:
    """The currency of a project that names none: the usual one of its language."""
    lang = data.get("language")
    known = isinstance(lang, str) and lang in languages()
    return local_currency(lang if known and isinstance(lang, str) else SOURCE_LANGUAGE)


class Project(Model):
    """Who the plan is for and who wrote it."""

    name: Annotated[Text | None, Needed(LP_("field", "name"))] = text(
        N_("Title of the plan."),
        ex("Social media strategy 2027"),
    )
    organization: Annotated[Text | None, Needed(LP_("field", "organization"))] = text(
        N_("The organization the plan is for."),
        ex("Hearth & Loaf"),
    )
    language: Language = doc(
        N_("Language of the plan and of its document."),
        "fr",
        default=SOURCE_LANGUAGE,
    )
    author: Annotated[Text | None, Needed(LP_("field", "author"))] = text(
        N_("Who wrote the plan."),
        ex("Sophie Lambert, consultant"),
    )
    date: Annotated[dt.date | None, Needed(LP_("field", "date"))] = text(
        N_("Date of this version (YYYY-MM-DD)."),
        "2026-11-25",
        ge=EARLIEST_DATE,
    )
    horizon: dt.date | None = text(
        N_("The date the plan runs until (YYYY-MM-DD)."),
        "2027-12-31",
        ge=EARLIEST_DATE,
    )
    timezone: Timezone | None = text(
        N_(
            "Time zone of the posting slots, as an IANA name; the calendar keeps each slot at "
            "its local time, summer and winter."
        ),
        "Europe/Paris",
    )
    version: Text | None = text(N_("Version of the document."), "1.0")
    status: PlanStatus | None = text(
        N_("Draft or final: a draft document is marked as such on its cover and pages."),
        "draft",
    )
    strategy: Prose | None = text(
        N_("The strategy in one sentence: the insight, the promise and the approach."),
        ex(
            "Neighbours trust our bread but cannot order cakes easily: we show the bakehouse "
            "every day and take cake orders by message"
        ),
    )
    theme: Text | None = text(
        N_(
            "The theme file (logo, colours, fonts, who the document is prepared for and by) the "
            "documents are dressed in, relative to the plan's folder."
        ),
        "theme.yaml",
    )
    currency: Annotated[Text, Follows(_language_currency)] = doc(
        N_(
            "Currency of budgets and costs (ISO 4217 code); when not given, the usual "
            "currency of the plan's language."
        ),
        "EUR",
        # Only for a project made without its answers; the language's is filled in below.
        default_factory=lambda: local_currency(SOURCE_LANGUAGE),
        pattern=r"^[A-Z]{3}$",
    )

    @model_validator(mode="before")
    @classmethod
    def _follow(cls, data: Any) -> Any:
        # Before validation, so a wrong answer elsewhere does not hide the currency.
        return {**data, **followed(cls, data)} if isinstance(data, dict) else data


#: The eight steps, in the method's order: (plan key, step number).
STEPS: tuple[str, ...] = (
    "team",
    "listening",
    "objectives",
    "metrics",
    "audience",
    "value",
    "human_face",
    "channels",
)


class Plan(Model):
    """A social media strategy plan: the project and its eight steps."""

    model_config = ConfigDict(
        title="smplan plan",
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        use_enum_values=True,
        allow_inf_nan=False,
    )

    smplan: Literal[1] = doc(
        N_("Version of the plan format. Leave it at 1."),
        1,
    )
    project: Project | None = text(
        N_("Who the plan is for and who wrote it."),
    )
    team: Team | None = text(N_("Step 1: the cross-department team."))
    listening: Listening | None = text(N_("Step 2: listen and compare."))
    objectives: Annotated[list[Objective] | None, Holds(OBJECTIVE)] = text(
        N_("Step 3: objectives, one of them primary."),
    )
    metrics: Annotated[list[Metric] | None, Holds(METRIC)] = text(
        N_("Step 4: how each objective is measured."),
    )
    audience: Annotated[list[Segment] | None, Holds(SEGMENT)] = text(
        N_("Step 5: the audience segments.")
    )
    value: Value | None = text(
        N_("Step 6: the value the organization brings."),
    )
    human_face: HumanFace | None = text(N_("Step 7: the human face."))
    channels: Annotated[list[Channel] | None, Holds(CHANNEL)] = text(
        N_("Step 8: the channel plan, chosen last."),
    )
    campaigns: list[Campaign] | None = text(
        N_("Campaigns and key dates, laid over the content calendar."),
    )
    roadmap: list[Milestone] = items(N_("The first 90 days: dated milestones with owners."))
    budget: Budget | None = text(
        N_("The budget beyond the channels': production, advertising, tools, the team's time."),
    )
    crisis: list[CrisisScenario] = items(
        N_("Crisis scenarios, each with its holding statement and who is alerted."),
    )
    assumptions: list[Text] = items(
        N_("What the plan takes for granted."),
        [ex("The shop stays open six days a week")],
    )
    risks: list[Risk] = items(N_("Risks to the plan and what reduces them."))

    @property
    def language(self) -> str:
        """The plan's language, English when the project does not say."""
        return self.project.language if self.project else SOURCE_LANGUAGE

    @property
    def currency(self) -> str:
        """The plan's currency: the project's, else the usual one of the plan's language."""
        return self.project.currency if self.project else local_currency(self.language)
