"""The plan's pydantic models: what each of the eight steps holds.

Every field carries its meaning for a user in English and French (`doc`). Those texts
feed the JSON Schema, the commented skeleton written by `smplan new` and the interview's
prompts, so each sentence is written once. The models check form only (types, allowed
values, ranges); whether the strategy holds together is the job of `smplan.checks`.
Almost everything is optional, because a plan in progress is a valid file.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from enum import StrEnum
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

FORMAT_VERSION = 1

#: Pattern shared by every `id`: short, lowercase, usable in a reference.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


class Example(NamedTuple):
    """An example answer written in each language."""

    en: Any
    fr: Any


def ex(en: Any, fr: Any) -> Example:
    """An example whose wording differs between English and French."""
    return Example(en, fr)


def doc(en: str, fr: str, example: Any = None, **kwargs: Any) -> Any:
    """A field with its meaning in English and French, and an example for the skeleton.

    The JSON Schema carries the English text in `description` and `examples`, and the
    French in `x-description-fr` and `x-example-fr`.
    """
    extra: dict[str, Any] = {"x-description-fr": fr}
    if isinstance(example, Example):
        extra["examples"] = [example.en]
        extra["x-example-fr"] = example.fr
    elif example is not None:
        extra["examples"] = [example]
    return Field(description=en, json_schema_extra=extra, **kwargs)


def example_for(info: Any, language: str) -> Any:
    """The example answer of a field in `language` ("en" or "fr"), or None."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    if language == "fr" and "x-example-fr" in extra:
        return extra["x-example-fr"]
    examples = extra.get("examples")
    return examples[0] if isinstance(examples, list) and examples else None


def text(en: str, fr: str, example: Any = None, **kwargs: Any) -> Any:
    """An optional field (absent until the user answers it)."""
    return doc(en, fr, example, default=None, **kwargs)


def items(en: str, fr: str, example: Any = None, **kwargs: Any) -> Any:
    """A list field, empty until the user fills it."""
    return doc(en, fr, example, default_factory=list, **kwargs)


def without_none(annotation: Any) -> Any:
    """A field's type with `| None` and `Annotated[...]` constraints taken off.

    `X | None` gives X; `X | Y | None` gives `X | Y`; anything else is returned as is.
    """
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [without_none(a) for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007
    return annotation


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
Text = str

# Bounds that no real plan reaches, so a typo cannot carry an absurd number into the
# document (and every number stays within what locale formatting handles exactly).
HOURS_PER_WEEK = 168
HOURS_PER_YEAR = 8760
MAX_AMOUNT = 1e12
MAX_AUDIENCE = 10**11
MAX_POSTS_PER_WEEK = 1000
MetricValue = Annotated[float, Field(ge=-1e15, le=1e15)]


class Language(StrEnum):
    """Language of the plan and of the document it renders to."""

    fr = "fr"
    en = "en"


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
    other = "other"


#: Departments that hear customers: the "listening" side of the team.
LISTENING_DEPARTMENTS = frozenset(
    {
        Department.customer_service,
        Department.support,
        Department.sales,
        Department.rd,
        Department.monitoring,
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
    """Someone named in the plan without being a team member (the sponsor)."""

    name: Text | None = text("Full name.", "Nom complet.", "Claire Morel")
    role: Text | None = text(
        "Job title.", "Fonction.", ex("Managing director", "Directrice générale")
    )


class Member(Model):
    """A member of the cross-department team that carries the strategy."""

    id: Id = doc(
        "Short identifier other steps use to refer to this person.",
        "Identifiant court que les autres étapes utilisent pour désigner cette personne.",
        "claire",
        pattern=ID_PATTERN,
    )
    name: Text | None = text("Full name.", "Nom complet.", "Claire Morel")
    role: Text | None = text(
        "Job title.", "Fonction.", ex("Marketing manager", "Responsable marketing")
    )
    department: Department | None = text(
        "Department the person comes from; it tells whether they bring the listening or "
        "the speaking side of the company.",
        "Service d'origine ; il dit si la personne apporte le côté écoute ou le côté "
        "parole de l'entreprise.",
        "marketing",
    )
    responsibilities: list[Text] = items(
        "What this person does for the strategy.",
        "Ce que cette personne fait pour la stratégie.",
        ex(["Drafts the editorial calendar"], ["Rédige le calendrier éditorial"]),
    )
    hours_per_week: Hours | None = text(
        "Hours a week this person gives to social media.",
        "Heures par semaine que cette personne consacre aux médias sociaux.",
        4,
        ge=0,
        le=80,
    )


class Approval(Model):
    """Who drafts, who approves and how fast, for one kind of content."""

    content: Text | None = text(
        "The kind of content this rule covers.",
        "Le type de contenu concerné par cette règle.",
        ex("Everyday posts", "Posts courants"),
    )
    drafted_by: list[Id] = items(
        "Ids of the team members who draft it.",
        "Identifiants des membres de l'équipe qui le rédigent.",
        ["julien"],
    )
    approved_by: Id | None = text(
        "Id of the team member who approves it before it goes out.",
        "Identifiant du membre de l'équipe qui le valide avant publication.",
        "claire",
    )
    delay: Text | None = text(
        "How long approval may take.",
        "Délai de validation.",
        "24 h",
    )


class Review(Model):
    """A recurring review of the strategy: a weekly look, a monthly report, and so on."""

    cadence: Frequency | None = text("How often.", "À quelle fréquence.", "monthly")
    what: Text | None = text(
        "What is looked at and decided.",
        "Ce qu'on examine et décide.",
        ex("Monthly metrics report", "Rapport mensuel des indicateurs"),
    )
    owner: Id | None = text(
        "Id of the team member who runs it.",
        "Identifiant du membre de l'équipe qui l'anime.",
        "claire",
    )


class Team(Model):
    """Step 1: the cross-department team that carries social media for the company."""

    sponsor: Person | None = text(
        "The executive who backs the strategy and arbitrates.",
        "Le dirigeant qui soutient la stratégie et arbitre.",
    )
    members: list[Member] = items(
        "The people on the team, from several departments.",
        "Les membres de l'équipe, issus de plusieurs services.",
    )
    cadence: Text | None = text(
        "How and how often the team meets.",
        "Comment et à quelle fréquence l'équipe se réunit.",
        ex("A 30-minute meeting every Monday morning", "Point de 30 minutes chaque lundi matin"),
    )
    approvals: list[Approval] = items(
        "Who drafts and who approves what goes out.",
        "Qui rédige et qui valide ce qui est publié.",
    )
    reviews: list[Review] = items(
        "The review rhythm: weekly look, monthly report, quarterly strategy review.",
        "Le rythme de revue : coup d'œil hebdomadaire, rapport mensuel, revue "
        "trimestrielle de la stratégie.",
    )


# --- Step 2: listening ------------------------------------------------------------------


class SourceKind(StrEnum):
    """Where a listening source sits."""

    online = "online"
    offline = "offline"


class Need(Model):
    """A customer need heard while listening, that a web presence could answer."""

    id: Id = doc(
        "Short identifier other steps use to refer to this need.",
        "Identifiant court que les autres étapes utilisent pour désigner ce besoin.",
        ex("opening-hours", "horaires"),
        pattern=ID_PATTERN,
    )
    need: Text | None = text(
        "The need, in the customer's words if possible.",
        "Le besoin, si possible dans les mots du client.",
        ex(
            "Know whether today's bread is still available before coming in",
            "Savoir si le pain du jour est encore disponible avant de se déplacer",
        ),
    )
    source: Text | None = text(
        "Where it was heard.",
        "Où il a été entendu.",
        ex("Shop counter", "Comptoir de la boutique"),
    )
    evidence: Text | None = text(
        "What shows the need is real: counts, quotes, survey figures.",
        "Ce qui prouve que le besoin est réel : chiffres, citations, résultats d'enquête.",
        ex("About ten phone calls a week about it", "Une dizaine d'appels par semaine à ce sujet"),
    )


class Source(Model):
    """A place where the organization listens to customers, online or offline."""

    name: Text | None = text(
        "The source.",
        "La source.",
        ex("Customer service (calls and e-mails)", "Service client (appels et courriels)"),
    )
    kind: SourceKind | None = text(
        "Online or offline. Customers do not change when they go online: listen to both.",
        "En ligne ou hors ligne. Les clients ne changent pas en ligne : écoutez les deux.",
        "offline",
    )
    notes: Text | None = text(
        "What it tells you and how you collect it.",
        "Ce qu'elle apprend et comment la recueillir.",
    )


class Keywords(Model):
    """Monitoring keywords by category; an empty list says the category has none."""

    company: list[Text] | None = text(
        "Names of the organization, including common misspellings.",
        "Noms de l'organisation, fautes courantes comprises.",
        ex(["Hearth & Loaf"], ["Maison Fournil"]),
    )
    executives: list[Text] | None = text(
        "Names of the executives.", "Noms des dirigeants.", ["Claire Morel"]
    )
    themes: list[Text] | None = text(
        "Themes of the sector the organization wants to be heard on.",
        "Thèmes du secteur sur lesquels l'organisation veut être entendue.",
        ex(["sourdough bread"], ["pain au levain"]),
    )
    competitors: list[Text] | None = text(
        "Competitors' names.",
        "Noms des concurrents.",
        ex(["Town Bakery"], ["Boulangerie du Centre"]),
    )
    partners: list[Text] | None = text(
        "Partners' names.", "Noms des partenaires.", ex(["Dupuy Mills"], ["Minoterie Dupuy"])
    )
    brands: list[Text] | None = text(
        "Brands and product names.",
        "Marques et noms de produits.",
        ex(["The Country Loaf"], ["La Tourte"]),
    )
    slogans: list[Text] | None = text(
        "Slogans and campaign lines.", "Slogans et accroches de campagne.", []
    )
    intellectual_property: list[Text] | None = text(
        "Patents, registered designs and other intellectual property.",
        "Brevets, dessins et modèles, autre propriété intellectuelle.",
        [],
    )


#: The keyword categories, in the order a document lists them.
KEYWORD_CATEGORIES: tuple[str, ...] = tuple(Keywords.model_fields)


class Competitor(Model):
    """A competitor and what it does on social media."""

    name: Text | None = text("Name.", "Nom.", ex("Town Bakery", "Boulangerie du Centre"))
    channels: list[Text] = items(
        "Platforms it is active on.", "Plateformes sur lesquelles il est actif.", ["Instagram"]
    )
    strengths: list[Text] = items("What it does well.", "Ce qu'il fait bien.")
    weaknesses: list[Text] = items("Where it falls short.", "Ses points faibles.")


class Tool(Model):
    """A monitoring or publishing tool."""

    name: Text | None = text("Name.", "Nom.", "Google Alerts")
    purpose: Text | None = text(
        "What it is used for.",
        "À quoi il sert.",
        ex("Alerts on the brand name", "Alertes sur la marque"),
    )
    cost_per_month: float | None = text(
        "Cost per month, in the plan's currency.",
        "Coût mensuel, dans la devise du plan.",
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

    platform: Text | None = text("Platform.", "Plateforme.", "Facebook")
    handle: Text | None = text(
        "Handle or page name.",
        "Nom du compte ou de la page.",
        ex("@hearthandloaf", "@maisonfournil"),
    )
    owner: Id | None = text(
        "Id of the team member who holds the keys.",
        "Identifiant du membre de l'équipe qui détient les accès.",
        "julien",
    )
    purpose: Text | None = text("What it is used for today.", "À quoi il sert aujourd'hui.")
    audience_size: int | None = text(
        "Followers or subscribers today.", "Abonnés aujourd'hui.", 850, ge=0, le=MAX_AUDIENCE
    )
    activity: Text | None = text(
        "How active it is (last post, posts a month).",
        "Son activité (dernière publication, publications par mois).",
        ex("Two posts a month", "Deux publications par mois"),
    )
    decision: Decision | None = text(
        "Keep, fix or close. Fewer, well-run channels beat many abandoned ones.",
        "Garder, reprendre ou fermer. Mieux vaut peu de comptes bien tenus que beaucoup "
        "d'abandonnés.",
        "fix",
    )
    note: Text | None = text("Why that decision.", "Pourquoi cette décision.")


class Case(StrEnum):
    """A case of the response decision path."""

    praise = "praise"
    unhappy = "unhappy"
    misinformed = "misinformed"
    troll = "troll"
    crisis = "crisis"


class PlaybookCase(Model):
    """How to answer one kind of message: the action, who acts, and how fast."""

    case: Case | None = text("The kind of message.", "Le type de message.", "praise")
    action: Text | None = text(
        "What to do.",
        "Ce qu'il faut faire.",
        ex("Thank them publicly and personally", "Remercier publiquement, personnellement"),
    )
    owner: Id | None = text(
        "Id of the team member who answers.",
        "Identifiant du membre de l'équipe qui répond.",
        "julien",
    )
    response_hours: Hours | None = text(
        "Target time to the first reply, in hours.",
        "Délai visé avant la première réponse, en heures.",
        4,
        ge=0,
        le=HOURS_PER_YEAR,
    )


class Playbook(Model):
    """The response decision path: first check the facts, then answer by case."""

    verify: Text | None = text(
        "How to check whether what is said is true before answering.",
        "Comment vérifier si ce qui est dit est vrai avant de répondre.",
        ex("Check the order and the receipt", "Vérifier la commande et le ticket de caisse"),
    )
    cases: list[PlaybookCase] = items(
        "One entry per case: praise, unhappy customer, misinformed, troll, crisis.",
        "Une entrée par cas : éloge, client mécontent, mal informé, troll, crise.",
    )


class Opportunity(Model):
    """A department and the need a web presence could serve for it."""

    department: Department | None = text("The department.", "Le service.", "hr")
    idea: Text | None = text(
        "What social media could do for it.",
        "Ce que les médias sociaux pourraient lui apporter.",
        ex("Recruit apprentices", "Recruter des apprentis"),
    )


class Listening(Model):
    """Step 2: listen to customers, the sector and competitors before speaking."""

    needs: list[Need] = items(
        "Customer needs heard, each with where it was heard and the evidence.",
        "Besoins clients entendus, chacun avec sa source et sa preuve.",
    )
    sources: list[Source] = items(
        "Where the organization listens, online and offline.",
        "Où l'organisation écoute, en ligne et hors ligne.",
    )
    keywords: Keywords | None = text(
        "Keywords to monitor, by category.", "Mots-clés à surveiller, par catégorie."
    )
    competitors: list[Competitor] = items(
        "Competitors and what they do.", "Concurrents et ce qu'ils font."
    )
    trends: list[Text] = items(
        "Questions and trends in the sector, region or market.",
        "Questions et tendances du secteur, de la région ou du marché.",
        ex(["The return of natural sourdough"], ["Retour du pain au levain naturel"]),
    )
    opportunities: list[Opportunity] = items(
        "Department by department, where a web presence fits best.",
        "Service par service, là où une présence en ligne est la plus utile.",
    )
    tools: list[Tool] = items(
        "Monitoring tools and dashboard.", "Outils de veille et tableau de bord."
    )
    review_cadence: Frequency | None = text(
        "How often the monitoring dashboard is read.",
        "À quelle fréquence le tableau de bord de veille est consulté.",
        "weekly",
    )
    monitoring_hours_per_week: Hours | None = text(
        "Hours a week the monitoring takes.",
        "Heures par semaine consacrées à la veille.",
        2,
        ge=0,
        le=HOURS_PER_WEEK,
    )
    audit: list[Account] = items(
        "The accounts the organization already has.",
        "Les comptes que l'organisation possède déjà.",
    )
    playbook: Playbook | None = text(
        "How to answer what is heard.", "Comment répondre à ce qui est entendu."
    )
    listening_only: bool | None = text(
        "Yes when the strategy is, for now, to listen only and open no channel.",
        "Oui si la stratégie consiste, pour l'instant, à écouter sans ouvrir de canal.",
        False,
    )


# --- Step 3: objectives -----------------------------------------------------------------


class Family(StrEnum):
    """The kind of benefit an objective seeks."""

    revenue = "revenue"
    costs = "costs"
    relationship = "relationship"
    loyalty = "loyalty"


class Priority(StrEnum):
    """How much an objective matters next to the others."""

    high = "high"
    medium = "medium"
    low = "low"


class Objective(Model):
    """An objective tied to a business goal, measurable and time-bound."""

    id: Id = doc(
        "Short identifier other steps use to refer to this objective.",
        "Identifiant court que les autres étapes utilisent pour désigner cet objectif.",
        ex("orders", "commandes"),
        pattern=ID_PATTERN,
    )
    family: Family | None = text(
        "Raise revenue, cut costs, improve the customer relationship, or build loyalty.",
        "Augmenter le chiffre d'affaires, réduire les coûts, améliorer la relation client "
        "ou fidéliser.",
        "revenue",
    )
    statement: Text | None = text(
        "The objective, specific enough that anyone can tell whether it was reached.",
        "L'objectif, assez précis pour que chacun puisse dire s'il est atteint.",
        ex(
            "Receive 40 cake orders a month through social media",
            "Recevoir 40 commandes de gâteaux par mois via les réseaux sociaux",
        ),
    )
    business_goal: Text | None = text(
        "The business goal it serves.",
        "L'objectif d'entreprise qu'il sert.",
        ex("Grow the catering business", "Développer l'activité traiteur"),
    )
    primary: bool = doc(
        "Yes for the one central objective to begin with.",
        "Oui pour l'objectif central, celui par lequel on commence.",
        True,
        default=False,
    )
    priority: Priority | None = text("Priority.", "Priorité.", "high")
    deadline: dt.date | None = text(
        "When it must be reached (YYYY-MM-DD).",
        "Date à laquelle il doit être atteint (AAAA-MM-JJ).",
        "2027-06-30",
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
        "Short identifier other steps use to refer to this metric.",
        "Identifiant court que les autres étapes utilisent pour désigner cet indicateur.",
        ex("orders-per-month", "commandes-mois"),
        pattern=ID_PATTERN,
    )
    objective: Id | None = text(
        "Id of the objective it measures.",
        "Identifiant de l'objectif qu'il mesure.",
        ex("orders", "commandes"),
    )
    name: Text | None = text(
        "Name.",
        "Nom.",
        ex(
            "Cake orders that came from social media",
            "Commandes de gâteaux venues des réseaux sociaux",
        ),
    )
    kind: MetricKind | None = text(
        "What it tells about. Revenue and cost objectives need a conversion, revenue or "
        "cost metric, not only reach or likes.",
        "Ce qu'il mesure. Un objectif de chiffre d'affaires ou de coûts demande un "
        "indicateur de conversion, de revenu ou de coût, pas seulement de portée ou de "
        "mentions j'aime.",
        "conversion",
    )
    standard: Standard | None = text(
        "A standard definition, when one fits; the document prints its formula.",
        "Une définition standard, s'il en existe une ; le document en imprime la formule.",
        "conversion_rate",
    )
    definition: Text | None = text(
        "How it is computed, when no standard definition fits.",
        "Comment il est calculé, quand aucune définition standard ne convient.",
        ex(
            "Orders whose customer mentions Instagram or Facebook",
            "Commandes dont le client cite Instagram ou Facebook",
        ),
    )
    baseline: MetricValue | Literal["unknown"] | None = text(
        "Value today, or `unknown` when it is not measured yet.",
        "Valeur aujourd'hui, ou `unknown` si elle n'est pas encore mesurée.",
        12,
    )
    target: MetricValue | None = text("Value to reach.", "Valeur à atteindre.", 40)
    unit: Text | None = text("Unit.", "Unité.", ex("orders a month", "commandes par mois"))
    deadline: dt.date | None = text(
        "When the target must be reached (YYYY-MM-DD).",
        "Date à laquelle la cible doit être atteinte (AAAA-MM-JJ).",
        "2027-06-30",
    )
    source: Text | None = text(
        "Where the data comes from.",
        "D'où viennent les données.",
        ex("Order book", "Cahier de commandes"),
    )
    frequency: Frequency | None = text(
        "How often it is measured.", "À quelle fréquence il est mesuré.", "monthly"
    )
    owner: Id | None = text(
        "Id of the team member who measures it.",
        "Identifiant du membre de l'équipe qui le mesure.",
        "claire",
    )


# --- Step 5: audience -------------------------------------------------------------------


class Segment(Model):
    """A group of current or future customers the strategy wants to reach."""

    id: Id = doc(
        "Short identifier other steps use to refer to this segment.",
        "Identifiant court que les autres étapes utilisent pour désigner ce segment.",
        ex("families", "familles"),
        pattern=ID_PATTERN,
    )
    name: Text | None = text("Name.", "Nom.", ex("Neighbourhood families", "Familles du quartier"))
    demographics: Text | None = text(
        "Age, place, income, occupation.",
        "Âge, lieu, revenus, profession.",
        ex("Aged 30-45, parents, living within 2 km", "30-45 ans, parents, vivent à moins de 2 km"),
    )
    psychographics: Text | None = text(
        "Values, interests, habits, attitudes.",
        "Valeurs, centres d'intérêt, habitudes, attitudes.",
        ex(
            "Care about local food, short of time on weekdays",
            "Attachés aux produits locaux, pressés en semaine",
        ),
    )
    needs: list[Id] = items(
        "Ids of the customer needs (step 2) this segment has.",
        "Identifiants des besoins clients (étape 2) de ce segment.",
        ex(["opening-hours"], ["horaires"]),
    )
    content: list[Text] = items(
        "The content that reaches them.",
        "Les contenus qui les touchent.",
        ex(["Behind the scenes at the bakehouse"], ["Coulisses du fournil"]),
    )
    platforms: list[Text] = items(
        "The platforms they use.", "Les plateformes qu'ils utilisent.", ["Instagram"]
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

    topic: Text | None = text(
        "The topic.",
        "Le sujet.",
        ex("The secrets of a sourdough starter", "Les secrets d'une pâte au levain"),
    )
    kind: ContentKind | None = text(
        "Educational, entertaining, conversational or promotional.",
        "Éducatif, divertissant, conversationnel ou promotionnel.",
        "educational",
    )


class Service(Model):
    """A value-added service: content or a tool that answers a customer need."""

    name: Text | None = text(
        "Name.", "Nom.", ex("“Fresh out of the oven” story", "Story « sorti du four »")
    )
    description: Text | None = text(
        "What it is and how it works.",
        "Ce que c'est et comment ça marche.",
        ex(
            "A story every day at 4 pm showing the breads still available",
            "Une story chaque jour à 16 h avec les pains encore disponibles",
        ),
    )
    need: Id | None = text(
        "Id of the customer need (step 2) it answers.",
        "Identifiant du besoin client (étape 2) auquel il répond.",
        ex("opening-hours", "horaires"),
    )


class Value(Model):
    """Step 6: what the organization brings beyond its product."""

    philosophy: Text | None = text(
        "What the organization stands for; people follow a philosophy, not a product.",
        "Ce que défend l'organisation ; on suit une philosophie, pas un produit.",
        ex("Good bread takes time", "Le bon pain prend du temps"),
    )
    promise: Text | None = text(
        "What followers get.",
        "Ce que gagnent ceux qui suivent.",
        ex(
            "Knowing, every day, what comes out of the oven",
            "Savoir, chaque jour, ce qui sort du four",
        ),
    )
    differentiators: list[Text] = items(
        "What sets the organization apart.",
        "Ce qui distingue l'organisation.",
        ex(["Flour from a mill 20 km away"], ["Farines d'un moulin à 20 km"]),
    )
    topics: list[Topic] = items(
        "Topics with real conversational potential; the product should not be the main one.",
        "Sujets qui font vraiment parler ; le produit ne doit pas en être le principal.",
    )
    services: list[Service] = items(
        "Value-added services, each answering a recorded need.",
        "Services à valeur ajoutée, chacun répondant à un besoin relevé.",
    )


# --- Step 7: the human face -------------------------------------------------------------


class Spokesperson(Model):
    """A named person who speaks for the organization on social media."""

    name: Text | None = text("Full name.", "Nom complet.", "Claire Morel")
    member: Id | None = text(
        "Id of the team member, when the spokesperson is on the team.",
        "Identifiant du membre de l'équipe, si le porte-parole en fait partie.",
        "claire",
    )
    role: Text | None = text(
        "Role.", "Fonction.", ex("Baker and founder", "Boulangère et fondatrice")
    )
    channels: list[Text] = items(
        "Platforms of the channel plan (step 8) where this person appears.",
        "Plateformes du plan de canaux (étape 8) où cette personne apparaît.",
        ["Instagram"],
    )
    topics: list[Text] = items(
        "What this person speaks about.",
        "Ce dont cette personne parle.",
        ex(["Sourdough"], ["Le levain"]),
    )


class Voice(Model):
    """Voice and tone: what we do and what we never do."""

    tone: Text | None = text(
        "The tone in a few words.",
        "Le ton en quelques mots.",
        ex("Warm, simple, mouth-watering", "Chaleureux, simple, gourmand"),
    )
    we_do: list[Text] = items(
        "What we always do.",
        "Ce que nous faisons toujours.",
        ex(["Speak to the community as friends"], ["Tutoyer la communauté"]),
    )
    we_never: list[Text] = items(
        "What we never do.",
        "Ce que nous ne faisons jamais.",
        ex(["Criticise a competitor"], ["Critiquer un concurrent"]),
    )


class HumanFace(Model):
    """Step 7: the people who give the organization a human face."""

    spokespeople: list[Spokesperson] = items(
        "Named people who speak for the organization.",
        "Personnes nommées qui parlent au nom de l'organisation.",
    )
    voice: Voice | None = text("Voice and tone.", "Voix et ton.")


# --- Step 8: the channel plan -----------------------------------------------------------


class Pillar(Model):
    """A content pillar of a channel, with its kind and its share of the mix."""

    name: Text | None = text(
        "Name.", "Nom.", ex("Behind the scenes at the bakehouse", "Coulisses du fournil")
    )
    kind: ContentKind | None = text(
        "Educational, entertaining, conversational or promotional.",
        "Éducatif, divertissant, conversationnel ou promotionnel.",
        "entertaining",
    )
    share: float | None = text(
        "Share of the channel's posts, in percent.",
        "Part des publications du canal, en pourcentage.",
        40,
        ge=0,
        le=100,
    )


class Channel(Model):
    """A platform chosen last, knowing why, how and with what resources."""

    platform: Text | None = text("Platform.", "Plateforme.", "Instagram")
    handle: Text | None = text(
        "Account handle.", "Nom du compte.", ex("@hearthandloaf", "@maisonfournil")
    )
    purpose: Text | None = text(
        "Why this channel.",
        "Pourquoi ce canal.",
        ex(
            "Show the bakehouse and announce each batch",
            "Montrer le fournil et annoncer les fournées",
        ),
    )
    objectives: list[Id] = items(
        "Ids of the objectives it serves.",
        "Identifiants des objectifs qu'il sert.",
        ex(["orders"], ["commandes"]),
    )
    audiences: list[Id] = items(
        "Ids of the audience segments it reaches.",
        "Identifiants des segments d'audience qu'il touche.",
        ex(["families"], ["familles"]),
    )
    pillars: list[Pillar] = items(
        "Content pillars and their share of the mix.",
        "Piliers de contenu et leur part dans le mix.",
    )
    formats: list[Text] = items("Formats used.", "Formats utilisés.", ["Reels", "Stories"])
    posts_per_week: float | None = text(
        "Posts a week.", "Publications par semaine.", 4, ge=0, le=MAX_POSTS_PER_WEEK
    )
    owner: Id | None = text(
        "Id of the team member who runs it.",
        "Identifiant du membre de l'équipe qui l'anime.",
        "julien",
    )
    hours_per_week: Hours | None = text(
        "Hours a week it takes.", "Heures par semaine nécessaires.", 3, ge=0, le=HOURS_PER_WEEK
    )
    budget_per_month: float | None = text(
        "Budget per month, in the plan's currency.",
        "Budget mensuel, dans la devise du plan.",
        50,
        ge=0,
        le=MAX_AMOUNT,
    )
    metrics: list[Id] = items(
        "Ids of the metrics that judge it.",
        "Identifiants des indicateurs qui le jugent.",
        ex(["orders-per-month"], ["commandes-mois"]),
    )


# --- The plan ---------------------------------------------------------------------------


class Project(Model):
    """Who the plan is for and who wrote it."""

    name: Text | None = text(
        "Title of the plan.",
        "Titre du plan.",
        ex("Social media strategy 2027", "Stratégie réseaux sociaux 2027"),
    )
    organization: Text | None = text(
        "The organization the plan is for.",
        "L'organisation pour laquelle le plan est écrit.",
        ex("Hearth & Loaf", "Maison Fournil"),
    )
    language: Language = doc(
        "Language of the plan and of its document: fr or en.",
        "Langue du plan et de son document : fr ou en.",
        "fr",
        default=Language.en.value,
    )
    author: Text | None = text(
        "Who wrote the plan.",
        "Auteur du plan.",
        ex("Sophie Lambert, consultant", "Sophie Lambert, consultante"),
    )
    date: dt.date | None = text(
        "Date of this version (YYYY-MM-DD).",
        "Date de cette version (AAAA-MM-JJ).",
        "2026-11-25",
    )
    horizon: dt.date | None = text(
        "The date the plan runs until (YYYY-MM-DD).",
        "Date jusqu'à laquelle court le plan (AAAA-MM-JJ).",
        "2027-12-31",
    )
    version: Text | None = text("Version of the document.", "Version du document.", "1.0")
    currency: Text = doc(
        "Currency of budgets and costs (ISO 4217 code).",
        "Devise des budgets et des coûts (code ISO 4217).",
        "EUR",
        default="EUR",
        pattern=r"^[A-Z]{3}$",
    )


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
        "Version of the plan format. Leave it at 1.",
        "Version du format de plan. Laissez 1.",
        1,
    )
    project: Project | None = text(
        "Who the plan is for and who wrote it.",
        "Pour qui est le plan et qui l'a écrit.",
    )
    team: Team | None = text(
        "Step 1: the cross-department team.", "Étape 1 : l'équipe transversale."
    )
    listening: Listening | None = text(
        "Step 2: listen and compare.", "Étape 2 : écouter et comparer."
    )
    objectives: list[Objective] | None = text(
        "Step 3: objectives, one of them primary.",
        "Étape 3 : les objectifs, dont un principal.",
    )
    metrics: list[Metric] | None = text(
        "Step 4: how each objective is measured.",
        "Étape 4 : comment chaque objectif est mesuré.",
    )
    audience: list[Segment] | None = text(
        "Step 5: the audience segments.", "Étape 5 : les segments d'audience."
    )
    value: Value | None = text(
        "Step 6: the value the organization brings.",
        "Étape 6 : la valeur qu'apporte l'organisation.",
    )
    human_face: HumanFace | None = text("Step 7: the human face.", "Étape 7 : le visage humain.")
    channels: list[Channel] | None = text(
        "Step 8: the channel plan, chosen last.",
        "Étape 8 : le plan de canaux, choisi en dernier.",
    )

    @property
    def language(self) -> str:
        """The plan's language, English when the project does not say."""
        return self.project.language if self.project else Language.en.value
