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
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from smplan.i18n import (
    L_,
    LP_,
    N_,
    SOURCE_LANGUAGE,
    _,
    current,
    languages,
    local_currency,
    local_time_zones,
)
from smplan.plan.choices import as_chosen
from smplan.plan.meta import (
    CHANNEL,
    COUNT,
    DATE_IN_PLAN,
    HOURS,
    ID,
    MEMBER,
    METRIC,
    MONEY,
    NEED,
    OBJECTIVE,
    PERCENT,
    PLATFORM,
    PROSE,
    SEGMENT,
    TEXT,
    Also,
    ChosenFirst,
    Essential,
    Follows,
    Holds,
    Internal,
    Label,
    Names,
    Needed,
    Ref,
    Unasked,
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


class Local(str):
    """An example answer that depends on the country the plan is written for (a time zone).

    As text it is `shown`, what the schema gives editors of every country; `read(lang)`
    gives those of `lang`'s country, read when asked (the locale's data loads then).
    """

    read: Callable[[str], tuple[str, ...]]

    def __new__(cls, shown: str, read: Callable[[str], tuple[str, ...]]) -> Local:
        local = super().__new__(cls, shown)
        local.read = read
        return local


def example_for(info: Any) -> Any:
    """The example answer of a field in the language in force, or None.

    The example of a list of items is the items shown after the first (whose values are
    its fields' own examples), each a mapping of answers.
    """
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    examples = extra.get("examples")
    if not isinstance(examples, list) or not examples:
        return None
    return _in_force(examples[0])


def examples_for(info: Any) -> tuple[Any, ...]:
    """Every example answer of a field where the plan's country has several (time zones)."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    examples = extra.get("examples")
    if isinstance(examples, list) and examples and isinstance(examples[0], Local):
        return examples[0].read(current())
    example = example_for(info)
    return () if example is None else (example,)


def _in_force(example: Any) -> Any:
    if isinstance(example, list):
        return [_in_force(e) for e in example]
    if isinstance(example, dict):
        return {key: _in_force(value) for key, value in example.items()}
    if isinstance(example, Local):
        return example.read(current())[0]
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

    #: How a finding names one item of this model ("channel `Instagram`"): a noun the
    #: checks word in each language; None where findings name it otherwise.
    noun: ClassVar[str | None] = None

    @model_validator(mode="before")
    @classmethod
    def _as_chosen(cls, data: Any) -> Any:
        # A choice written as a person writes it (`Tuesday`, `Marketing`, `English`) is
        # read as the value it names.
        return as_chosen(cls, data)


# The kinds of values, as types that keep their kind at run time (see `smplan.plan.meta`).
Id = Annotated[str, ID]
Money = Annotated[float, MONEY]
Hours = Annotated[float, HOURS]
Percent = Annotated[float, PERCENT]
Count = Annotated[int, COUNT]
#: A date that falls within the plan's span, from its date to its horizon.
DateInPlan = Annotated[dt.date, DATE_IN_PLAN]

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
Text = Annotated[str, _refuse_controls(_CONTROL_OR_NEWLINE), TEXT]
#: Text that may run over several lines: line breaks allowed, other controls not.
Prose = Annotated[str, _refuse_controls(_CONTROL), PROSE]
#: A social platform, written the way it writes its own name.
Platform = Annotated[Text, PLATFORM]

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

#: The last day a plan may name: what follows a date (the next review, the calendar's
#: closing week, the day after an event) must still be a date.
LATEST_DATE = dt.date(9998, 12, 31)


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


#: How the time zone database names a zone: `Europe/Paris`, `America/Argentina/Salta`, `UTC`.
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*")


def _known_timezone(value: str) -> str:
    # A name of the database, not a path into it: `Europe` is a folder there, and the
    # database's own files (`zone.tab`) are no zone.
    try:
        if not _ZONE_NAME.fullmatch(value):
            raise ValueError(value)
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
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

    name: Annotated[Text | None, Label(L_("Name")), Names(), Essential(1)] = text(
        N_("Full name."), "Thomas Morel"
    )
    role: Annotated[Text | None, Label(L_("Role")), Essential(2)] = text(
        N_("Job title."), ex("Managing director")
    )
    id: Annotated[Id | None, Label(L_("Sponsor id"))] = text(
        N_(
            "The sponsor's id: a team member's id when the sponsor is on the team (then leave "
            "the name and job title empty), or a new short id other steps use for the sponsor."
        ),
        "thomas",
        pattern=ID_PATTERN,
    )


class Member(Model):
    """A member of the cross-department team that carries the strategy."""

    noun = "member"
    id: Annotated[Id, Label(L_("Member id"))] = doc(
        N_("Short identifier other steps use to refer to this person."),
        "claire",
        pattern=ID_PATTERN,
    )
    name: Annotated[
        Text | None, Label(L_("Name")), Names(), Essential(1), Needed(LP_("field", "name"))
    ] = text(N_("Full name."), "Claire Morel")
    role: Annotated[Text | None, Label(L_("Role")), Essential(2)] = text(
        N_("Job title."), ex("Marketing manager")
    )
    department: Annotated[
        Department | None,
        Label(L_("Department")),
        Essential(3),
        Needed(LP_("field", "department")),
    ] = text(
        N_(
            "Department the person comes from; it tells whether they bring the listening or the "
            "speaking side of the company."
        ),
        "marketing",
    )
    responsibilities: Annotated[list[Text], Label(L_("Responsibility"))] = items(
        N_("What this person does for the strategy."),
        [ex("Drafts the editorial calendar")],
    )
    hours_per_week: Annotated[
        Hours | None,
        Label(L_("Hours a week")),
        Essential(4),
        Needed(
            code="SMP107",
            name="member-hours-missing",
            title=L_("A member does not declare hours per week"),
            says=L_("member `{id}` does not say how many hours a week they give"),
            hint=L_("the channel plan (step 8) must fit in the time the team declares"),
        ),
    ] = text(
        N_("Hours a week this person gives to social media."),
        4,
        ge=0,
        le=80,
    )


class Approval(Model):
    """Who drafts, who approves and how fast, for one kind of content."""

    noun = "approval rule"

    content: Annotated[
        Text | None,
        Label(L_("Kind of content")),
        Names(),
        Essential(1),
        Needed(LP_("field", "content")),
    ] = text(
        N_("The kind of content this rule covers."),
        ex("Everyday posts"),
    )
    drafted_by: Annotated[
        list[Id],
        Label(L_("Drafted by")),
        Ref(MEMBER),
        Essential(2),
        Needed(LP_("field", "drafter")),
    ] = items(
        N_("Ids of the team members who draft it."),
        ["claire"],
    )
    approved_by: Annotated[
        Id | None,
        Label(L_("Approved by")),
        Ref(MEMBER),
        Essential(3),
        Needed(LP_("field", "approver")),
    ] = text(
        N_("Id of the team member who approves it before it goes out."),
        "claire",
    )
    delay: Annotated[Text | None, Label(L_("Approval delay")), Essential(4)] = text(
        N_("How long approval may take."),
        "24 h",
    )


class Review(Model):
    """A recurring review of the strategy: a weekly look, a monthly report, and so on."""

    noun = "review"

    cadence: Annotated[
        Frequency | None, Label(L_("How often")), Essential(1), Needed(LP_("field", "cadence"))
    ] = text(N_("How often."), "monthly")
    what: Annotated[
        Text | None,
        Label(L_("What is reviewed")),
        Names(),
        Essential(2),
        Needed(LP_("field", "what")),
    ] = text(
        N_("What is looked at and decided."),
        ex("Monthly metrics report"),
    )
    owner: Annotated[
        Id | None, Label(L_("Led by")), Ref(MEMBER), Essential(3), Needed(LP_("field", "owner"))
    ] = text(
        N_("Id of the team member who runs it."),
        "claire",
    )


class Team(Model):
    """Step 1: the cross-department team that carries social media for the company."""

    sponsor: Annotated[Person | None, Label(L_("Sponsor")), Also(MEMBER), Essential(2)] = text(
        N_(
            "The executive who backs the strategy and arbitrates: someone on the team, given "
            "by their id alone, or someone else, given by name and job title."
        ),
    )
    members: Annotated[
        list[Member],
        Label(L_("Team members")),
        Holds(MEMBER),
        Essential(1),
        Needed(
            says=L_("the team has no members"),
            hint=L_("name people from several departments, listening and speaking"),
        ),
    ] = items(
        N_("The people on the team, from several departments."),
        [
            {
                "id": "julie",
                "name": "Julie Martin",
                "role": ex("Shop manager"),
                "department": "front_desk",
                "responsibilities": [ex("Notes what customers ask at the counter")],
                "hours_per_week": 2,
            }
        ],
    )
    cadence: Annotated[
        Text | None,
        Label(L_("How the team meets")),
        Essential(3),
        Needed(
            code="SMP105",
            name="no-meeting-cadence",
            title=L_("The team's meeting cadence is not stated"),
            says=L_("the team does not say how often it meets"),
            hint=L_("for example: 30 minutes every Monday morning"),
        ),
    ] = text(
        N_("How and how often the team meets."),
        ex("A 30-minute meeting every Monday morning"),
    )
    approvals: Annotated[
        list[Approval],
        Label(L_("Drafting and approval")),
        Essential(4, whole=True),
        Needed(
            code="SMP106",
            name="no-approval-rule",
            title=L_("No approval rule"),
            says=L_("the team has no approval rule"),
            hint=L_("say who drafts and who approves what goes out, and how fast"),
        ),
    ] = items(
        N_("Who drafts and who approves what goes out."),
    )
    reviews: Annotated[
        list[Review],
        Label(L_("Review rhythm")),
        Essential(5, whole=True),
        Needed(
            code="SMP108",
            name="no-review-rhythm",
            title=L_("No review rhythm"),
            says=L_("the team has no review rhythm"),
            hint=L_("for example: a weekly look, a monthly report, a quarterly strategy review"),
        ),
    ] = items(
        N_("The review rhythm: weekly look, monthly report, quarterly strategy review."),
    )


# --- Step 2: listening ------------------------------------------------------------------


class SourceKind(StrEnum):
    """Where a listening source sits."""

    online = "online"
    offline = "offline"


class Need(Model):
    """A customer need heard while listening, that a web presence could answer."""

    noun = "need"
    id: Annotated[Id, Label(L_("Need id"))] = doc(
        N_("Short identifier other steps use to refer to this need."),
        ex("opening-hours"),
        pattern=ID_PATTERN,
    )
    need: Annotated[
        Text | None,
        Label(L_("The need")),
        Names(),
        Essential(1),
        Needed(LP_("field", "wording")),
    ] = text(
        N_("The need, in the customer's words if possible."),
        ex(
            "Know whether today's bread is still available before coming in",
        ),
    )
    source: Annotated[
        Text | None,
        Label(L_("Heard where")),
        Essential(2),
        Needed(
            code="SMP201",
            name="need-without-source",
            title=L_("A need does not say where it was heard"),
            says=L_("need `{id}` does not say where it was heard"),
            hint=L_("name the source: the counter, customer service, a survey, reviews"),
        ),
    ] = text(
        N_("Where it was heard."),
        ex("Shop counter"),
    )
    evidence: Annotated[
        Prose | None,
        Label(L_("Evidence")),
        Essential(3),
        Needed(
            code="SMP202",
            name="need-without-evidence",
            title=L_("A need has no evidence"),
            says=L_("need `{id}` has no evidence"),
            hint=L_("add what shows it is real: counts, quotes, survey figures"),
        ),
    ] = text(
        N_("What shows the need is real: counts, quotes, survey figures."),
        ex("About ten phone calls a week about it"),
    )


class Source(Model):
    """A place where the organization listens to customers, online or offline."""

    noun = "source"

    name: Annotated[
        Text | None, Label(L_("Source")), Names(), Essential(1), Needed(LP_("field", "name"))
    ] = text(
        N_("The source."),
        ex("Customer service (calls and e-mails)"),
    )
    kind: Annotated[
        SourceKind | None,
        Label(L_("Online or offline")),
        Essential(2),
        Needed(LP_("field", "kind")),
    ] = text(
        N_("Online or offline. Customers do not change when they go online: listen to both."),
        "offline",
    )
    notes: Annotated[Prose | None, Label(L_("Notes"))] = text(
        N_("What it tells you and how you collect it."),
    )


class Keywords(Model):
    """Monitoring keywords by category; an empty list says the category has none."""

    company: Annotated[list[Text] | None, Label(L_("Organization names")), Essential(1)] = text(
        N_("Names of the organization, including common misspellings."),
        [ex("Hearth & Loaf")],
    )
    executives: Annotated[list[Text] | None, Label(L_("Executives")), Essential(2)] = text(
        N_("Names of the executives."), ["Claire Morel"]
    )
    themes: Annotated[list[Text] | None, Label(L_("Themes")), Essential(4)] = text(
        N_("Themes of the sector the organization wants to be heard on."),
        [ex("sourdough bread")],
    )
    competitors: Annotated[list[Text] | None, Label(L_("Competitors")), Essential(3)] = text(
        N_("Competitors' names."),
        [ex("Town Bakery")],
    )
    partners: Annotated[list[Text] | None, Label(L_("Partners")), Essential(5)] = text(
        N_("Partners' names."), [ex("Dupuy Mills")]
    )
    brands: Annotated[list[Text] | None, Label(L_("Brands and products")), Essential(6)] = text(
        N_("Brands and product names."),
        [ex("The Country Loaf")],
    )
    slogans: Annotated[list[Text] | None, Label(L_("Slogans")), Essential(7)] = text(
        N_("Slogans and campaign lines."), []
    )
    intellectual_property: Annotated[
        list[Text] | None, Label(L_("Intellectual property")), Essential(8)
    ] = text(
        N_("Patents, registered designs and other intellectual property."),
        [],
    )


#: The keyword categories, in the order a document lists them.
KEYWORD_CATEGORIES: tuple[str, ...] = tuple(Keywords.model_fields)


class Competitor(Model):
    """A competitor and what it does on social media."""

    name: Annotated[Text | None, Label(L_("Competitor")), Names()] = text(
        N_("Name."), ex("Town Bakery")
    )
    channels: Annotated[list[Platform], Label(L_("Platform"))] = items(
        N_("Platforms it is active on."), ["Instagram"]
    )
    strengths: Annotated[list[Text], Label(L_("Strength"))] = items(N_("What it does well."))
    weaknesses: Annotated[list[Text], Label(L_("Weakness"))] = items(N_("Where it falls short."))


class Tool(Model):
    """A monitoring or publishing tool."""

    name: Annotated[Text | None, Label(L_("Tool")), Names()] = text(N_("Name."), "Google Alerts")
    purpose: Annotated[Text | None, Label(L_("Used for"))] = text(
        N_("What it is used for."),
        ex("Alerts on the brand name"),
    )
    cost_per_month: Annotated[Money | None, Label(L_("Cost a month"))] = text(
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

    noun = "account"

    platform: Annotated[
        Platform | None, Label(L_("Platform")), Names(), Needed(LP_("field", "platform"))
    ] = text(N_("Platform."), "Facebook")
    handle: Annotated[Text | None, Label(L_("Handle")), Names()] = text(
        N_("Handle or page name."),
        ex("@hearthandloaf"),
    )
    owner: Annotated[Id | None, Label(L_("Holds the keys")), Ref(MEMBER)] = text(
        N_("Id of the team member who holds the keys."),
        "claire",
    )
    purpose: Annotated[Text | None, Label(L_("Used for today"))] = text(
        N_("What it is used for today.")
    )
    audience_size: Annotated[Count | None, Label(L_("Followers"))] = text(
        N_("Followers or subscribers today."), 850, ge=0, le=MAX_AUDIENCE
    )
    activity: Annotated[Prose | None, Label(L_("Activity"))] = text(
        N_("How active it is (last post, posts a month)."),
        ex("Two posts a month"),
    )
    decision: Annotated[
        Decision | None,
        Label(L_("Decision")),
        Needed(
            code="SMP209",
            name="audit-without-decision",
            title=L_("An audited account has no decision"),
            says=L_("{label} has no decision"),
            hint=L_("keep, fix or close it: fewer, well-run accounts beat many abandoned ones"),
        ),
    ] = text(
        N_("Keep, fix or close. Fewer, well-run channels beat many abandoned ones."),
        "fix",
    )
    note: Annotated[Text | None, Label(L_("Why"))] = text(N_("Why that decision."))


class Case(StrEnum):
    """A case of the response decision path."""

    praise = "praise"
    unhappy = "unhappy"
    misinformed = "misinformed"
    troll = "troll"
    crisis = "crisis"


class PlaybookCase(Model):
    """How to answer one kind of message: the action, who acts, and how fast."""

    noun = "playbook case"

    case: Annotated[
        Case | None,
        Label(L_("Kind of message")),
        Names(),
        Essential(1),
        Needed(LP_("field", "case")),
    ] = text(N_("The kind of message."), "praise")
    action: Annotated[
        Prose | None, Label(L_("What to do")), Essential(2), Needed(LP_("field", "action"))
    ] = text(
        N_("What to do."),
        ex("Thank them publicly and personally"),
    )
    owner: Annotated[
        Id | None,
        Label(L_("Who answers")),
        Ref(MEMBER),
        Essential(3),
        Needed(LP_("field", "owner"), unless=("case", "crisis")),
        Needed(
            when=("case", "crisis"),
            code="SMP208",
            name="crisis-without-owner",
            title=L_("The crisis case has no owner"),
            says=L_("nobody is named to handle a crisis"),
            hint=L_("name the team member a crisis is escalated to"),
        ),
    ] = text(
        N_("Id of the team member who answers."),
        "claire",
    )
    response_hours: Annotated[
        Hours | None,
        Label(L_("Reply within")),
        Essential(4),
        # Trolls are watched, not answered: no reply time to promise.
        Needed(
            unless=("case", "troll"),
            code="SMP206",
            name="case-without-response-time",
            title=L_("A playbook case has no response time"),
            says=L_("{label} has no target response time"),
            hint=L_("say within how many hours the first reply goes out"),
        ),
    ] = text(
        N_("Target time to the first reply, in hours."),
        4,
        ge=0,
        le=HOURS_PER_YEAR,
    )


class Playbook(Model):
    """The response decision path: first check the facts, then answer by case."""

    verify: Annotated[
        Text | None,
        Label(L_("How facts are checked")),
        Essential(1),
        Needed(
            code="SMP207",
            name="no-fact-checking",
            title=L_("The playbook does not say how to check facts"),
            says=L_("the playbook does not say how to check whether a message is true"),
            hint=L_("ask first: is it true? Say where to look before answering"),
        ),
    ] = text(
        N_("How to check whether what is said is true before answering."),
        ex("Check the order and the receipt"),
    )
    cases: Annotated[list[PlaybookCase], Label(L_("Cases")), Essential(2, whole=True)] = items(
        N_("One entry per case: praise, unhappy customer, misinformed, troll, crisis."),
        [
            {
                "case": "unhappy",
                "action": ex("Apologise publicly in one sentence, then go on in private"),
                "owner": "claire",
                "response_hours": 4,
            },
            {
                "case": "crisis",
                "action": ex("Warn the managing director at once and pause every scheduled post"),
                "owner": "claire",
                "response_hours": 1,
            },
        ],
    )


class Opportunity(Model):
    """A department and the need a web presence could serve for it."""

    department: Annotated[Department | None, Label(L_("Department")), Names()] = text(
        N_("The department."), "hr"
    )
    idea: Annotated[Text | None, Label(L_("What social media could do"))] = text(
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

    kind: Annotated[InsightKind | None, Label(L_("Kind of insight"))] = text(
        N_("Strength, weakness, opportunity or threat."),
        "strength",
    )
    insight: Annotated[Text | None, Label(L_("The insight"))] = text(
        N_("The conclusion, in one sentence the client would say too."),
        ex("Customers already recommend us to each other, but only face to face"),
    )
    evidence: Annotated[Text | None, Label(L_("Evidence"))] = text(
        N_("What shows it: a figure, a quote, a source."),
        ex("Half of new customers say a neighbour sent them"),
    )


class Listening(Model):
    """Step 2: listen to customers, the sector and competitors before speaking."""

    needs: Annotated[
        list[Need],
        Label(L_("Customer needs")),
        Holds(NEED),
        Essential(1),
        Needed(
            says=L_("no customer need is recorded"),
            hint=L_("write down what customers ask for, and where you heard it"),
        ),
    ] = items(
        N_("Customer needs heard, each with where it was heard and the evidence."),
    )
    sources: Annotated[
        list[Source],
        Label(L_("Listening sources")),
        Essential(2),
        Needed(
            says=L_("no listening source is recorded"),
            hint=L_("say where you listen, online and offline"),
        ),
    ] = items(
        N_("Where the organization listens, online and offline."),
    )
    keywords: Annotated[Keywords | None, Label(L_("Monitoring keywords")), Essential(3)] = text(
        N_("Keywords to monitor, by category.")
    )
    competitors: Annotated[list[Competitor], Label(L_("Competitors"))] = items(
        N_("Competitors and what they do.")
    )
    trends: Annotated[list[Text], Label(L_("Trend or question"))] = items(
        N_("Questions and trends in the sector, region or market."),
        [ex("The return of natural sourdough")],
    )
    opportunities: Annotated[list[Opportunity], Label(L_("Opportunities by department"))] = items(
        N_("Department by department, where a web presence fits best."),
    )
    tools: Annotated[list[Tool], Label(L_("Monitoring tools"))] = items(
        N_("Monitoring tools and dashboard.")
    )
    review_cadence: Annotated[Frequency | None, Label(L_("Dashboard read"))] = text(
        N_("How often the monitoring dashboard is read."),
        "weekly",
    )
    monitoring_hours_per_week: Annotated[Hours | None, Label(L_("Monitoring hours a week"))] = text(
        N_("Hours a week the monitoring takes."),
        2,
        ge=0,
        le=HOURS_PER_WEEK,
    )
    monitored_by: Annotated[list[Id], Label(L_("Monitoring done by")), Ref(MEMBER)] = items(
        N_(
            "Ids of the team members who do the monitoring; its hours are shared equally "
            "among them and count in their week."
        ),
        ["julie"],
    )
    audit: Annotated[list[Account], Label(L_("Existing accounts"))] = items(
        N_("The accounts the organization already has."),
    )
    playbook: Annotated[Playbook | None, Label(L_("Response playbook")), Essential(4)] = text(
        N_("How to answer what is heard.")
    )
    listening_only: Annotated[bool | None, Label(L_("Listening only for now"))] = text(
        N_("Yes when the strategy is, for now, to listen only and open no channel."),
        False,
    )
    insights: Annotated[list[Insight], Label(L_("Key insights"))] = items(
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

    id: Annotated[Id, Label(L_("Objective id"))] = doc(
        N_("Short identifier other steps use to refer to this objective."),
        ex("orders"),
        pattern=ID_PATTERN,
    )
    family: Annotated[
        Family | None,
        Label(L_("Family")),
        Essential(2),
        Needed(
            code="SMP303",
            name="objective-without-family",
            title=L_("An objective has no family"),
            says=L_("objective `{id}` has no family"),
            hint=L_("revenue, costs, relationship, loyalty, recruitment or awareness"),
        ),
    ] = text(
        N_(
            "Raise revenue, cut costs, improve the customer relationship, build loyalty, recruit, "
            "or build awareness and reputation."
        ),
        "revenue",
    )
    statement: Annotated[
        Prose | None,
        Label(L_("The objective")),
        Names(),
        Essential(1),
        Needed(
            code="SMP302",
            name="objective-without-statement",
            title=L_("An objective has no statement"),
            says=L_("objective `{id}` has no statement"),
            hint=L_("write it so that anyone can tell whether it was reached"),
        ),
    ] = text(
        N_("The objective, specific enough that anyone can tell whether it was reached."),
        ex(
            "Receive 40 cake orders a month through social media",
        ),
    )
    business_goal: Annotated[Text | None, Label(L_("Business goal served"))] = text(
        N_("The business goal it serves."),
        ex("Grow the catering business"),
    )
    label: Annotated[Text | None, Label(L_("Short label"))] = text(
        N_("A short name for the objective, used after its full statement is given once."),
        ex("Cake orders"),
    )
    primary: Annotated[bool, Label(L_("Primary objective")), Essential(3)] = doc(
        N_("Yes for the one central objective to begin with."),
        True,
        default=False,
    )
    priority: Annotated[Priority | None, Label(L_("Priority"))] = text(N_("Priority."), "high")
    deadline: Annotated[
        DateInPlan | None,
        Label(L_("Deadline")),
        Essential(4),
        Needed(
            code="SMP304",
            name="objective-without-deadline",
            title=L_("An objective has no deadline"),
            says=L_("objective `{id}` has no deadline"),
            hint=L_("a time-bound objective says when it must be reached (YYYY-MM-DD)"),
        ),
    ] = text(
        N_("When it must be reached (YYYY-MM-DD)."),
        "2027-06-30",
        ge=EARLIEST_DATE,
        le=LATEST_DATE,
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

    noun = "metric"
    id: Annotated[Id, Label(L_("Metric id"))] = doc(
        N_("Short identifier other steps use to refer to this metric."),
        ex("orders-per-month"),
        pattern=ID_PATTERN,
    )
    objective: Annotated[
        Id | None,
        Label(L_("Objective measured")),
        Ref(OBJECTIVE),
        Needed(LP_("field", "objective")),
    ] = text(
        N_("Id of the objective it measures."),
        ex("orders"),
    )
    name: Annotated[
        Text | None, Label(L_("Name")), Names(), Essential(1), Needed(LP_("field", "name"))
    ] = text(
        N_("Name."),
        ex(
            "Cake orders that came from social media",
        ),
    )
    kind: Annotated[MetricKind | None, Label(L_("What it tells about"))] = text(
        N_(
            "What it tells about. Revenue and cost objectives need a conversion, revenue or cost "
            "metric, not only reach or likes."
        ),
        "conversion",
    )
    standard: Annotated[Standard | None, Label(L_("Standard definition"))] = text(
        N_("A standard definition, when one fits; the document prints its formula."),
    )
    definition: Annotated[Prose | None, Label(L_("Own definition"))] = text(
        N_("How it is computed, when no standard definition fits."),
        ex(
            "Orders whose customer mentions Instagram or Facebook",
        ),
    )
    baseline: Annotated[
        MetricValue | Literal["unknown"] | None,
        Label(L_("Value today")),
        Essential(2),
        Needed(
            code="SMP403",
            name="metric-without-baseline",
            title=L_("A metric has no baseline"),
            says=L_("metric `{id}` has no baseline"),
            hint=L_("give today's value, or write `unknown` if it is not measured yet"),
        ),
    ] = text(
        N_("Value today, or `unknown` when it is not measured yet."),
        12,
    )
    target: Annotated[
        MetricValue | None,
        Label(L_("Target")),
        Essential(3),
        Needed(
            code="SMP402",
            name="metric-without-target",
            title=L_("A metric has no target"),
            says=L_("metric `{id}` has no target"),
            hint=L_("say the value to reach by the deadline"),
        ),
    ] = text(N_("Value to reach."), 40)
    unit: Annotated[Text | None, Label(L_("Unit")), Essential(4)] = text(
        N_("Unit."), ex("orders a month")
    )
    deadline: Annotated[DateInPlan | None, Label(L_("Deadline"))] = text(
        N_("When the target must be reached (YYYY-MM-DD)."),
        "2027-06-30",
        ge=EARLIEST_DATE,
        le=LATEST_DATE,
    )
    source: Annotated[Text | None, Label(L_("Data source"))] = text(
        N_("Where the data comes from."),
        ex("Order book"),
    )
    frequency: Annotated[Frequency | None, Label(L_("Measured"))] = text(
        N_("How often it is measured."), "monthly"
    )
    owner: Annotated[Id | None, Label(L_("Measured by")), Ref(MEMBER)] = text(
        N_("Id of the team member who measures it."),
        "claire",
    )


# --- Step 5: audience -------------------------------------------------------------------


class Persona(Model):
    """One person who stands for a segment: a name, their words, when they can be reached."""

    name: Annotated[Text | None, Label(L_("Persona's name"))] = text(
        N_("A first name and a few words."), ex("Emma, 38, two children")
    )
    quote: Annotated[Text | None, Label(L_("In their own words"))] = text(
        N_("What they would say, in their own words."),
        ex("I order birthday cakes when the children are asleep"),
    )
    moments: Annotated[list[Text], Label(L_("When and where to reach them"))] = items(
        N_("The moments and places they can be reached."),
        [ex("Sunday evening, planning the week")],
    )
    objections: Annotated[list[Text], Label(L_("What holds them back"))] = items(
        N_("What holds them back."),
        [ex("Afraid the cake will not look like the photo")],
    )


class Segment(Model):
    """A group of current or future customers the strategy wants to reach."""

    noun = "segment"
    id: Annotated[Id, Label(L_("Segment id"))] = doc(
        N_("Short identifier other steps use to refer to this segment."),
        ex("families"),
        pattern=ID_PATTERN,
    )
    name: Annotated[
        Text | None, Label(L_("Name")), Names(), Essential(1), Needed(LP_("field", "name"))
    ] = text(N_("Name."), ex("Neighbourhood families"))
    demographics: Annotated[Prose | None, Label(L_("Profile")), Essential(2)] = text(
        N_("Age, place, income, occupation."),
        ex("Aged 30-45, parents, living within 2 km"),
    )
    psychographics: Annotated[Prose | None, Label(L_("Values and habits"))] = text(
        N_("Values, interests, habits, attitudes."),
        ex(
            "Care about local food, short of time on weekdays",
        ),
    )
    needs: Annotated[
        list[Id],
        Label(L_("Their needs")),
        Ref(NEED),
        Essential(3),
        Needed(
            code="SMP501",
            name="segment-without-needs",
            title=L_("A segment has no needs"),
            says=L_("segment `{id}` has no needs"),
            hint=L_("list the ids of the needs heard in step 2 that this segment has"),
        ),
    ] = items(
        N_("Ids of the customer needs (step 2) this segment has."),
        [ex("opening-hours")],
    )
    objectives: Annotated[list[Id], Label(L_("Objectives aimed at them")), Ref(OBJECTIVE)] = items(
        N_(
            "Ids of the objectives (step 3) aimed at this segment; the traceability table "
            "shows each objective with the segments it aims at."
        ),
        [ex("orders")],
    )
    content: Annotated[
        list[Text],
        Label(L_("Content that reaches them")),
        Essential(4),
        Needed(
            code="SMP502",
            name="segment-without-content",
            title=L_("A segment has no content"),
            says=L_("segment `{id}` does not say what content reaches them"),
        ),
    ] = items(
        N_("The content that reaches them."),
        [ex("Behind the scenes at the bakehouse")],
    )
    platforms: Annotated[list[Platform], Label(L_("Platform they use"))] = items(
        N_("The platforms they use."), ["Instagram"]
    )
    persona: Annotated[Persona | None, Label(L_("Persona"))] = text(
        N_("The segment as one person: a persona.")
    )


# --- Step 6: value ----------------------------------------------------------------------


class ContentKind(StrEnum):
    """What a piece of content does for the reader."""

    educational = "educational"
    entertaining = "entertaining"
    conversational = "conversational"
    promotional = "promotional"


class Topic(Model):
    """A topic with real conversational potential."""

    noun = "topic"

    topic: Annotated[
        Text | None, Label(L_("Topic")), Names(), Essential(1), Needed(LP_("field", "wording"))
    ] = text(
        N_("The topic."),
        ex("The secrets of a sourdough starter"),
    )
    kind: Annotated[
        ContentKind | None, Label(L_("Kind")), Essential(2), Needed(LP_("field", "kind"))
    ] = text(
        N_("Educational, entertaining, conversational or promotional."),
        "educational",
    )


class Service(Model):
    """A value-added service: content or a tool that answers a customer need."""

    noun = "service"

    name: Annotated[Text | None, Label(L_("Service")), Names(), Needed(LP_("field", "name"))] = (
        text(N_("Name."), ex("“Fresh out of the oven” story"))
    )
    description: Annotated[Prose | None, Label(L_("Description"))] = text(
        N_("What it is and how it works."),
        ex(
            "A story every day at 4 pm showing the breads still available",
        ),
    )
    need: Annotated[
        Id | None,
        Label(L_("Need answered")),
        Ref(NEED),
        Needed(
            code="SMP604",
            name="service-without-need",
            title=L_("A service answers no recorded need"),
            says=L_("{label} does not say which need it answers"),
            hint=L_("give the id of a need heard in step 2"),
        ),
    ] = text(
        N_("Id of the customer need (step 2) it answers."),
        ex("opening-hours"),
    )


class PostIdea(Model):
    """What a post of a pillar will look like: its hook and the idea."""

    pillar: Annotated[Text | None, Label(L_("Pillar"))] = text(
        N_("The content pillar it belongs to, by its name."),
        ex("Behind the scenes at the bakehouse"),
    )
    hook: Annotated[Text | None, Label(L_("Hook"))] = text(
        N_("The first words people read."),
        ex("3 a.m.: the oven is already hot"),
    )
    idea: Annotated[Prose | None, Label(L_("What the post shows"))] = text(
        N_("What the post shows or says."),
        ex("A 20-second video of the first batch coming out"),
    )
    format: Annotated[Text | None, Label(L_("Format"))] = text(N_("Format."), "Reel")


class Value(Model):
    """Step 6: what the organization brings beyond its product."""

    philosophy: Annotated[
        Prose | None,
        Label(L_("Philosophy")),
        Essential(1),
        Needed(
            code="SMP601",
            name="no-philosophy",
            title=L_("No philosophy is stated"),
            says=L_("no philosophy is stated"),
            hint=L_(
                "say what the organization stands for: people follow a philosophy, not a product"
            ),
        ),
    ] = text(
        N_("What the organization stands for; people follow a philosophy, not a product."),
        ex("Good bread takes time"),
    )
    promise: Annotated[Prose | None, Label(L_("Promise")), Essential(2)] = text(
        N_("What followers get."),
        ex(
            "Knowing, every day, what comes out of the oven",
        ),
    )
    differentiators: Annotated[list[Text], Label(L_("What sets you apart"))] = items(
        N_("What sets the organization apart."),
        [ex("Flour from a mill 20 km away")],
    )
    topics: Annotated[
        list[Topic],
        Label(L_("Conversation topics")),
        Essential(3),
        Needed(
            code="SMP602",
            name="no-topic",
            title=L_("No conversation topic"),
            says=L_("no conversation topic is recorded"),
            hint=L_("find the topics people want to talk about, beyond the product"),
        ),
    ] = items(
        N_("Topics with real conversational potential; the product should not be the main one."),
    )
    services: Annotated[list[Service], Label(L_("Value-added services"))] = items(
        N_("Value-added services, each answering a recorded need."),
    )
    post_ideas: Annotated[list[PostIdea], Label(L_("Post ideas"))] = items(
        N_("Post ideas and hooks, pillar by pillar: what the posts will look like."),
    )
    hashtags: Annotated[list[Text], Label(L_("Hashtag"))] = items(
        N_("The hashtags the posts use."),
        [ex("#sourdough")],
    )
    visuals: Annotated[list[Text], Label(L_("Visual guideline"))] = items(
        N_("Visual guidelines: colours, framing, what pictures show."),
        [ex("Natural light, hands at work, no stock photos")],
    )


# --- Step 7: the human face -------------------------------------------------------------


class Spokesperson(Model):
    """A named person who speaks for the organization on social media."""

    name: Annotated[Text | None, Label(L_("Name")), Names()] = text(
        N_("Full name; a team member given by their id needs none.")
    )
    member: Annotated[Id | None, Label(L_("Team member")), Ref(MEMBER), Names(), Essential(1)] = (
        text(
            N_(
                "Id of the team member (or of the sponsor), when the spokesperson is on the team: "
                "name and role then come from the team."
            ),
            "claire",
        )
    )
    role: Annotated[Text | None, Label(L_("Role"))] = text(
        N_("Role, when it is not the team member's.")
    )
    channels: Annotated[list[Platform], Label(L_("Platform")), Essential(2)] = items(
        N_(
            "Channels of the channel plan (step 8) where this person appears: their ids, or "
            "their platforms."
        ),
        ["Instagram"],
    )
    topics: Annotated[list[Text], Label(L_("Topic"))] = items(
        N_("What this person speaks about."),
        [ex("Sourdough")],
    )


_VOICE_UNDESCRIBED = L_("the voice and tone are not described")
_VOICE_HINT = L_("say the tone in a few words, what you always do and what you never do")


class Voice(Model):
    """Voice and tone: what we do and what we never do."""

    tone: Annotated[
        Text | None,
        Label(L_("Tone")),
        Essential(1),
        Needed(says=_VOICE_UNDESCRIBED, hint=_VOICE_HINT),
    ] = text(
        N_("The tone in a few words."),
        ex("Warm, simple, mouth-watering"),
    )
    we_do: Annotated[list[Text], Label(L_("We always"))] = items(
        N_("What we always do."),
        [ex("Speak to the community as friends")],
    )
    we_never: Annotated[list[Text], Label(L_("We never"))] = items(
        N_("What we never do."),
        [ex("Criticise a competitor")],
    )


class HumanFace(Model):
    """Step 7: the people who give the organization a human face."""

    spokespeople: Annotated[list[Spokesperson], Label(L_("Spokespeople")), Essential(1)] = items(
        N_("Named people who speak for the organization."),
    )
    voice: Annotated[
        Voice | None,
        Label(L_("Voice and tone")),
        Essential(2),
        Needed(says=_VOICE_UNDESCRIBED, hint=_VOICE_HINT),
    ] = text(N_("Voice and tone."))


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

    noun = "slot"

    day: Annotated[Weekday | None, Label(L_("Day")), Names(), Needed(LP_("field", "day"))] = text(
        N_("Day of the week."), "tuesday"
    )
    time: Annotated[Text | None, Label(L_("Time")), Names(), Needed(LP_("field", "time"))] = text(
        N_("Time of day on the 24-hour clock (HH:MM), in the plan's time zone."),
        "09:00",
        pattern=TIME_PATTERN,
    )


class Pillar(Model):
    """A content pillar of a channel, with its kind and its share of the mix."""

    noun = "pillar"

    name: Annotated[Text | None, Label(L_("Pillar")), Names(), Essential(1)] = text(
        N_("Name."), ex("Behind the scenes at the bakehouse")
    )
    kind: Annotated[
        ContentKind | None, Label(L_("Kind")), Essential(2), Needed(LP_("field", "kind"))
    ] = text(
        N_("Educational, entertaining, conversational or promotional."),
        "entertaining",
    )
    share: Annotated[
        Percent | None, Label(L_("Share of posts")), Essential(3), Needed(LP_("field", "share"))
    ] = text(
        N_("Share of the channel's posts, in percent."),
        40,
        ge=0,
        le=100,
    )


class Channel(Model):
    """A platform chosen last, knowing why, how and with what resources."""

    noun = "channel"
    id: Annotated[Id | None, Label(L_("Channel id"))] = text(
        N_("Short identifier campaigns use to refer to this channel."),
        "instagram",
        pattern=ID_PATTERN,
    )
    platform: Annotated[
        Platform | None,
        Label(L_("Platform")),
        Names(),
        Essential(1),
        Needed(LP_("field", "platform")),
    ] = text(N_("Platform."), "Instagram")
    handle: Annotated[Text | None, Label(L_("Handle"))] = text(
        N_("Account handle."), ex("@hearthandloaf")
    )
    purpose: Annotated[Text | None, Label(L_("Why this channel"))] = text(
        N_("Why this channel."),
        ex(
            "Show the bakehouse and announce each batch",
        ),
    )
    objectives: Annotated[
        list[Id],
        Label(L_("Objectives served")),
        Ref(OBJECTIVE),
        Essential(2),
        Needed(
            code="SMP801",
            name="channel-without-objective",
            title=L_("A channel serves no objective"),
            says=L_("{label} serves no objective"),
            hint=L_("a platform is chosen for a reason: list the objectives it serves"),
        ),
    ] = items(
        N_("Ids of the objectives it serves."),
        [ex("orders")],
    )
    audiences: Annotated[
        list[Id],
        Label(L_("Audiences reached")),
        Ref(SEGMENT),
        Essential(3),
        Needed(
            code="SMP802",
            name="channel-without-audience",
            title=L_("A channel reaches no audience"),
            says=L_("{label} reaches no audience segment"),
            hint=L_("list the segments (step 5) it reaches"),
        ),
    ] = items(
        N_("Ids of the audience segments it reaches."),
        [ex("families")],
    )
    pillars: Annotated[
        list[Pillar],
        Label(L_("Content pillars")),
        Essential(4, whole=True),
        Needed(LP_("field", "pillars")),
    ] = items(
        N_("Content pillars and their share of the mix."),
        [
            {"name": ex("Bread and baking tips"), "kind": "educational", "share": 35},
            {"name": ex("Cake of the week"), "kind": "promotional", "share": 25},
        ],
    )
    formats: Annotated[list[Text], Label(L_("Format"))] = items(
        N_("Formats used."), ["Reels", "Stories"]
    )
    posts_per_week: Annotated[float | None, Label(L_("Posts a week"))] = text(
        N_("Posts a week."), 3, ge=0, le=MAX_POSTS_PER_WEEK
    )
    slots: Annotated[list[Slot], Label(L_("Posting slots")), Essential(5)] = items(
        N_("The week's posting slots, one per post: they date the posts of the content calendar."),
        [{"day": "thursday", "time": "07:30"}, {"day": "saturday", "time": "08:30"}],
    )
    owner: Annotated[
        Id | None,
        Label(L_("Run by")),
        Ref(MEMBER),
        Essential(6),
        Needed(
            code="SMP803",
            name="channel-without-owner",
            title=L_("A channel has no owner"),
            says=L_("{label} has no owner"),
            hint=L_("name the team member who runs it"),
        ),
    ] = text(
        N_("Id of the team member who runs it."),
        "claire",
    )
    hours_per_week: Annotated[
        Hours | None,
        Label(L_("Hours a week")),
        Needed(LP_("field", "hours per week")),
    ] = text(N_("Hours a week it takes."), 3, ge=0, le=HOURS_PER_WEEK)
    budget_per_month: Annotated[Money | None, Label(L_("Budget a month")), Essential(8)] = text(
        N_("Budget per month, in the plan's currency."),
        50,
        ge=0,
        le=MAX_AMOUNT,
    )
    metrics: Annotated[
        list[Id],
        Label(L_("Judged by")),
        Ref(METRIC),
        Needed(
            code="SMP809",
            name="channel-without-metric",
            title=L_("A channel has no metric"),
            says=L_("{label} has no metric to judge it"),
            hint=L_("list the metrics (step 4) that show whether it works"),
        ),
    ] = items(
        N_("Ids of the metrics that judge it."),
        [ex("orders-per-month")],
    )


# --- After the strategy: the calendar ---------------------------------------------------


class CampaignKind(StrEnum):
    """A push on some channels, or a day of the trade the calendar marks."""

    campaign = "campaign"
    key_date = "key_date"


class Campaign(Model):
    """A campaign or a key date: a time-boxed push on some channels."""

    noun = "campaign"

    id: Annotated[Id | None, Label(L_("Campaign id"))] = text(
        N_(
            "Short identifier that keeps its calendar event the same when it is renamed or "
            "moved in the list; when not given, made from its name."
        ),
        "epiphany",
        pattern=ID_PATTERN,
    )
    name: Annotated[Text | None, Label(L_("Campaign")), Names()] = text(
        N_("Name of the campaign or key date."),
        ex("Epiphany: the galette"),
    )
    kind: Annotated[CampaignKind | None, Label(L_("Kind"))] = text(
        N_(
            "Campaign, or key date: a day of the trade (a sale, a fair, a day of the sector) "
            "the calendar shows on its day."
        ),
        "campaign",
    )
    start: Annotated[DateInPlan | None, Label(L_("From"))] = text(
        N_("First day (YYYY-MM-DD)."), "2027-01-02", le=LATEST_DATE
    )
    end: Annotated[DateInPlan | None, Label(L_("To"))] = text(
        N_("Last day (YYYY-MM-DD); the same as the first for a single key date."),
        "2027-01-31",
        le=LATEST_DATE,
    )
    channels: Annotated[list[Id], Label(L_("Channels")), Ref(CHANNEL)] = items(
        N_("Ids of the channels (step 8) it runs on; none for a date the team only marks."),
        ["instagram"],
    )
    pillar: Annotated[Text | None, Label(L_("Pillar"))] = text(
        N_("The content pillar it belongs to, by its name."),
        ex("Behind the scenes at the bakehouse"),
    )
    topic: Annotated[Text | None, Label(L_("Topic"))] = text(
        N_("What it is about."),
        ex("Galettes to order ahead"),
    )
    budget: Annotated[Money | None, Label(L_("Budget"))] = text(
        N_("Budget for the whole campaign, in the plan's currency."),
        50,
        ge=0,
        le=MAX_AMOUNT,
    )
    notes: Annotated[Text | None, Label(L_("Notes"))] = text(
        N_("What the team should know or prepare.")
    )


class Duration(Model):
    """How long a post of one format holds the calendar."""

    format: Annotated[Text | None, Label(L_("Format"))] = text(
        N_("The format, as the channels name it."), ex("Reels")
    )
    minutes: Annotated[int | None, Label(L_("Minutes"))] = text(
        N_("Minutes the post takes to publish and watch."), 45, ge=1, le=1440
    )


class CalendarSettings(Model):
    """How the content calendar dates and fills the posts."""

    markets: Annotated[list[Text], Label(L_("Markets"))] = items(
        N_(
            "Countries whose public holidays the calendar shows, as ISO codes, a region after a "
            "dash (FR, FR-57, US-CA); when not given, the country of the plan's time zone."
        ),
        ["FR"],
    )
    promote_on_holidays: Annotated[bool | None, Label(L_("Promotion on public holidays"))] = text(
        N_(
            "Yes to keep promotional posts on public holidays; otherwise they move to another "
            "pillar."
        ),
        False,
    )
    topic_gap_weeks: Annotated[int | None, Label(L_("Weeks before a topic comes back"))] = text(
        N_(
            "The fewest weeks before a suggested topic comes back on the same channel "
            "(4 when not given)."
        ),
        4,
        ge=0,
        le=52,
    )
    durations: Annotated[list[Duration], Label(L_("Length of posts"))] = items(
        N_(
            "How long a post holds the calendar, by format; a post is of its channel's first "
            "format."
        ),
    )


# --- Running the plan: the first 90 days, the budget, crises, risks ---------------------


class Milestone(Model):
    """A dated step of the first months, with who sees it done."""

    date: Annotated[DateInPlan | None, Label(L_("Date"))] = text(
        N_("When (YYYY-MM-DD)."), "2027-01-15", ge=EARLIEST_DATE, le=LATEST_DATE
    )
    action: Annotated[Text | None, Label(L_("Milestone"))] = text(
        N_("What is done by then."),
        ex("First month of posts scheduled"),
    )
    owner: Annotated[Id | None, Ref(MEMBER), Label(L_("Who sees it done"))] = text(
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

    kind: Annotated[BudgetKind | None, Label(L_("Kind of spending"))] = text(
        N_("Production, advertising, tools, team or other."),
        "production",
    )
    item: Annotated[Text | None, Label(L_("What it pays for"))] = text(
        N_("What it pays for."), ex("Photo shoot of the cakes")
    )
    per_month: Annotated[Money | None, Label(L_("Amount a month"))] = text(
        N_("Amount a month, in the plan's currency."), 100, ge=0, le=MAX_AMOUNT
    )
    once: Annotated[Money | None, Label(L_("Amount once"))] = text(
        N_("Amount paid once, in the plan's currency."), None, ge=0, le=MAX_AMOUNT
    )


class Budget(Model):
    """The budget beyond the channels' own: lines by kind, and what the team's time is worth."""

    hourly_rate: Annotated[Money | None, Label(L_("Hourly rate of the team's time"))] = text(
        N_("What an hour of the team's time costs, in the plan's currency, to value it."),
        35,
        ge=0,
        le=MAX_AMOUNT,
    )
    lines: Annotated[list[BudgetLine], Label(L_("Budget lines"))] = items(
        N_("Budget lines by kind.")
    )


class CrisisScenario(Model):
    """A crisis the team prepares for, with the words ready before it happens."""

    scenario: Annotated[Text | None, Label(L_("Scenario"))] = text(
        N_("What could happen."),
        ex("A customer falls ill and blames our cake"),
    )
    holding_statement: Annotated[Prose | None, Label(L_("Holding statement"))] = text(
        N_("The first public words, ready to post while the facts are checked."),
        ex("We have seen your message and are checking; we will reply today."),
    )
    escalation: Annotated[list[Id], Ref(MEMBER), Label(L_("Who is alerted"))] = items(
        N_("Ids of the team members alerted, in order."),
        ["claire"],
    )


class Risk(Model):
    """A risk to the plan and what is done about it."""

    risk: Annotated[Text | None, Label(L_("Risk"))] = text(
        N_("The risk."), ex("The team has no time in December")
    )
    mitigation: Annotated[Text | None, Label(L_("What reduces it"))] = text(
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


class Sector(StrEnum):
    """A sector the organization works in: it words the proposals and brings its rules."""

    retail = "retail"
    food = "food"
    hospitality = "hospitality"
    health = "health"
    alcohol = "alcohol"
    finance = "finance"
    association = "association"
    public_service = "public_service"
    b2b = "b2b"


class Project(Model):
    """Who the plan is for and who wrote it."""

    name: Annotated[Text | None, Label(L_("Title of the plan")), Needed(LP_("field", "name"))] = (
        text(
            N_("Title of the plan."),
            ex("Social media strategy 2027"),
        )
    )
    organization: Annotated[
        Text | None,
        Label(L_("Organization")),
        Essential(1),
        Needed(LP_("field", "organization")),
    ] = text(
        N_("The organization the plan is for."),
        ex("Hearth & Loaf"),
    )
    language: Annotated[Language, Label(L_("Language of the plan")), ChosenFirst(), Internal()] = (
        doc(
            N_("Language of the plan and of its document."),
            "fr",
            default=SOURCE_LANGUAGE,
        )
    )
    author: Annotated[
        Text | None, Label(L_("Author")), Essential(2), Needed(LP_("field", "author"))
    ] = text(
        N_("Who wrote the plan."),
        ex("Sophie Lambert, consultant"),
    )
    date: Annotated[
        dt.date | None,
        Label(L_("Date of this version")),
        Needed(LP_("field", "date")),
    ] = text(
        N_("Date of this version (YYYY-MM-DD)."),
        "2026-11-25",
        ge=EARLIEST_DATE,
        le=LATEST_DATE,
    )
    horizon: Annotated[dt.date | None, Label(L_("Runs until")), Essential(4)] = text(
        N_("The date the plan runs until (YYYY-MM-DD)."),
        "2027-12-31",
        ge=EARLIEST_DATE,
        le=LATEST_DATE,
    )
    timezone: Annotated[Timezone | None, Label(L_("Time zone")), Internal()] = text(
        N_(
            "Time zone of the posting slots, as an IANA name; the calendar keeps each slot at "
            "its local time, summer and winter."
        ),
        Local("Europe/Paris", local_time_zones),
    )
    sectors: Annotated[list[Sector] | None, Label(L_("Sectors")), Essential(2)] = text(
        N_(
            "The sectors the organization works in: they word what the interview proposes "
            "(patients for a health practice, members for an association) and bring the "
            "rules a regulated sector follows (health, alcohol, finance)."
        ),
        ["health"],
    )
    version: Annotated[Text | None, Label(L_("Version"))] = text(
        N_("Version of the document."), "1.0"
    )
    status: Annotated[PlanStatus | None, Label(L_("Draft or final"))] = text(
        N_("Draft or final: a draft document is marked as such on its cover and pages."),
        "draft",
    )
    strategy: Annotated[Prose | None, Label(L_("The strategy in one sentence"))] = text(
        N_("The strategy in one sentence: the insight, the promise and the approach."),
        ex(
            "Neighbours trust our bread but cannot order cakes easily: we show the bakehouse "
            "every day and take cake orders by message"
        ),
    )
    theme: Annotated[Text | None, Label(L_("Theme file"))] = text(
        N_(
            "The theme file (logo, colours, fonts, who the document is prepared for and by) the "
            "documents are dressed in, relative to the plan's folder."
        ),
        "theme.yaml",
    )
    currency: Annotated[Text, Label(L_("Currency")), Follows(_language_currency)] = doc(
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
        # Before validation, so a wrong answer elsewhere does not hide the currency; from
        # the language as it is read (`French` is `fr`).
        data = as_chosen(cls, data)
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

    smplan: Annotated[Literal[1], Label(L_("Format version")), Unasked(), Internal()] = doc(
        N_("Version of the plan format. Leave it at 1."),
        1,
    )
    project: Annotated[Project | None, Label(LP_("step", "The project"))] = text(
        N_("Who the plan is for and who wrote it."),
    )
    team: Annotated[Team | None, Label(LP_("step", "The team"))] = text(
        N_("Step 1: the cross-department team.")
    )
    listening: Annotated[Listening | None, Label(LP_("step", "Listening and comparing"))] = text(
        N_("Step 2: listen and compare.")
    )
    objectives: Annotated[
        list[Objective] | None,
        Label(LP_("step", "Objectives")),
        Holds(OBJECTIVE),
        Needed(
            says=L_("no objective is recorded"),
            hint=L_("set objectives before tools, and pick one central objective"),
        ),
    ] = text(
        N_("Step 3: objectives, one of them primary."),
    )
    metrics: Annotated[
        list[Metric] | None,
        Label(LP_("step", "Metrics")),
        Holds(METRIC),
        Needed(
            says=L_("no metric is recorded"),
            hint=L_("decide from the start how each objective will be measured"),
        ),
    ] = text(
        N_("Step 4: how each objective is measured."),
    )
    audience: Annotated[
        list[Segment] | None,
        Label(LP_("step", "Audience")),
        Holds(SEGMENT),
        Needed(
            says=L_("no audience segment is recorded"),
            hint=L_("say whom you want to reach, and what they need"),
        ),
    ] = text(N_("Step 5: the audience segments."))
    value: Annotated[Value | None, Label(LP_("step", "Value"))] = text(
        N_("Step 6: the value the organization brings."),
    )
    human_face: Annotated[HumanFace | None, Label(LP_("step", "The human face"))] = text(
        N_("Step 7: the human face.")
    )
    channels: Annotated[
        list[Channel] | None, Label(LP_("step", "The channel plan")), Holds(CHANNEL)
    ] = text(
        N_("Step 8: the channel plan, chosen last."),
    )
    campaigns: Annotated[list[Campaign] | None, Label(L_("Campaigns and key dates")), Unasked()] = (
        text(
            N_("Campaigns and key dates, laid over the content calendar."),
        )
    )
    calendar: Annotated[
        CalendarSettings | None, Label(L_("Content calendar settings")), Unasked()
    ] = text(
        N_("Settings of the content calendar: markets, holidays, topics, durations."),
    )
    roadmap: Annotated[list[Milestone], Label(L_("The first 90 days"))] = items(
        N_("The first 90 days: dated milestones with owners.")
    )
    budget: Annotated[Budget | None, Label(L_("Budget"))] = text(
        N_("The budget beyond the channels': production, advertising, tools, the team's time."),
    )
    crisis: Annotated[list[CrisisScenario], Label(L_("Crisis scenarios"))] = items(
        N_("Crisis scenarios, each with its holding statement and who is alerted."),
    )
    assumptions: Annotated[list[Text], Label(L_("Assumption"))] = items(
        N_("What the plan takes for granted."),
        [ex("The shop stays open six days a week")],
    )
    risks: Annotated[list[Risk], Label(L_("Risks"))] = items(
        N_("Risks to the plan and what reduces them.")
    )

    @property
    def language(self) -> str:
        """The plan's language, English when the project does not say."""
        return self.project.language if self.project else SOURCE_LANGUAGE

    @property
    def currency(self) -> str:
        """The plan's currency: the project's, else the usual one of the plan's language."""
        return self.project.currency if self.project else local_currency(self.language)
