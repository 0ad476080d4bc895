"""The document's words in English and French, and locale formats for dates and numbers.

Every label the rendered document prints lives here, the two languages side by side, so
a missing translation shows up in one place. Dates, numbers and money go through Babel
with the locale of the document's language.
"""

from __future__ import annotations

import datetime as dt
import re

#: The Babel locale each document language is written in.
LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr_FR"}

#: Words of the document: label id -> (English, French).
_LABELS: dict[str, tuple[str, str]] = {
    # Document frame
    "default_title": ("Social media strategy", "Stratégie médias sociaux"),
    "document_kind": ("Social media strategy", "Stratégie médias sociaux"),
    "summary_kind": ("Strategy at a glance", "La stratégie en bref"),
    "author": ("Author", "Auteur"),
    "date": ("Date", "Date"),
    "version": ("Version", "Version"),
    "horizon": ("Runs until", "Échéance du plan"),
    "contents": ("Contents", "Sommaire"),
    "colon": (":", " :"),
    "semicolon": ("; ", " ; "),
    "draft": ("Draft", "Brouillon"),
    "draft_note": (
        "Working draft: some steps are not finished yet.",
        "Version de travail : certaines étapes ne sont pas encore terminées.",
    ),
    "unfinished_steps": ("Steps still to finish", "Étapes à terminer"),
    "step": ("Step", "Étape"),
    "status_missing": ("not started", "non commencée"),
    "status_incomplete": ("to be completed", "à compléter"),
    "status_complete": ("complete", "terminée"),
    "step_missing_note": (
        "This step has not been started yet.",
        "Cette étape n'a pas encore été abordée.",
    ),
    "step_incomplete_note": (
        "Some answers are still missing (smplan check lists them).",
        "Il manque encore des réponses (smplan check les énumère).",
    ),
    "no_objectives": (
        "The objectives (step 3) are not set yet.",
        "Les objectifs (étape 3) ne sont pas encore fixés.",
    ),
    "none": ("none", "aucun"),
    "not_filled": ("not filled in", "non renseigné"),
    "unknown_yet": ("unknown yet", "pas encore mesuré"),
    "per_week": ("a week", "par semaine"),
    # Sections
    "summary": ("Executive summary", "Synthèse"),
    "traceability": ("Traceability", "Traçabilité"),
    "keywords": ("Monitoring keywords", "Mots-clés de veille"),
    "playbook": ("Response playbook", "Protocole de réponse"),
    "resources": ("Resources", "Ressources"),
    "next_actions": ("Next three actions", "Les trois prochaines actions"),
    # Step titles
    "step_team": ("The team", "L'équipe"),
    "step_listening": ("Listening and comparing", "Écouter et comparer"),
    "step_objectives": ("Objectives", "Les objectifs"),
    "step_metrics": ("Metrics", "Les indicateurs"),
    "step_audience": ("Audience", "Les publics"),
    "step_value": ("Value", "La valeur apportée"),
    "step_human_face": ("The human face", "Le visage humain"),
    "step_channels": ("The channel plan", "Le plan des canaux"),
    # Step introductions: what the step is for, in one sentence.
    "intro_team": (
        "Social media concerns the whole company: a team drawn from several departments "
        "carries the work, so that those who listen to customers and those who speak for "
        "the company work together.",
        "Les médias sociaux concernent toute l'entreprise : une équipe venue de plusieurs "
        "services porte le travail, pour que ceux qui écoutent les clients et ceux qui "
        "parlent en son nom travaillent ensemble.",
    ),
    "intro_listening": (
        "Before speaking, the organization listens: to its customers, online and offline, "
        "to its sector and to its competitors, to find the needs a web presence can answer.",
        "Avant de parler, l'organisation écoute : ses clients, en ligne comme hors ligne, "
        "son secteur et ses concurrents, pour trouver les besoins auxquels une présence en "
        "ligne peut répondre.",
    ),
    "intro_objectives": (
        "Objectives come before tools and serve the business strategy; one of them is the "
        "central objective to start with.",
        "Les objectifs passent avant les outils et servent la stratégie de l'entreprise ; "
        "l'un d'eux est l'objectif central par lequel on commence.",
    ),
    "intro_metrics": (
        "How the benefit is measured is decided from the start, each metric with its "
        "starting point, its target and its deadline.",
        "La façon de mesurer les bénéfices est fixée dès le départ, chaque indicateur avec "
        "son point de départ, sa cible et son échéance.",
    ),
    "intro_audience": (
        "The people the strategy wants to reach, grounded in the needs heard while "
        "listening, and the content that reaches them.",
        "Les personnes que la stratégie veut toucher, à partir des besoins entendus pendant "
        "l'écoute, et les contenus qui leur parlent.",
    ),
    "intro_value": (
        "People follow a philosophy more than a product: what the organization stands for, "
        "the topics worth talking about, and the services that answer real needs.",
        "On suit une philosophie plus qu'un produit : ce que défend l'organisation, les "
        "sujets qui font parler et les services qui répondent à de vrais besoins.",
    ),
    "intro_human_face": (
        "On social platforms a company competes with friends and family for attention: "
        "named people give it a human face and a consistent voice.",
        "Sur les réseaux, une entreprise dispute l'attention aux amis et à la famille : des "
        "personnes nommées lui donnent un visage humain et une voix constante.",
    ),
    "intro_channels": (
        "Platforms are chosen last, knowing why, how and with what resources each one is run.",
        "Les plateformes sont choisies en dernier, en sachant pourquoi, comment et avec "
        "quels moyens chacune est animée.",
    ),
    "intro_traceability": (
        "Each objective, the metrics that judge it, the channels that serve it and the "
        "audiences those channels reach.",
        "Chaque objectif, les indicateurs qui le mesurent, les canaux qui le servent et les "
        "publics que ces canaux touchent.",
    ),
    "intro_keywords": (
        "The terms to follow on the monitoring dashboard, by category, with search queries "
        "ready to paste into a monitoring tool.",
        "Les termes à suivre sur le tableau de bord de veille, par catégorie, avec des "
        "requêtes prêtes à coller dans un outil de veille.",
    ),
    "intro_playbook": (
        "Before any reply, check whether what is said is true; then answer according to "
        "the case, within the stated time.",
        "Avant toute réponse, vérifier si ce qui est dit est vrai ; puis répondre selon le "
        "cas, dans le délai prévu.",
    ),
    "intro_resources": (
        "The time each person gives, and what each channel costs.",
        "Le temps que chacun consacre, et ce que coûte chaque canal.",
    ),
    # Executive summary
    "primary_objective": ("Primary objective", "Objectif principal"),
    "no_primary": (
        "No primary objective has been chosen yet.",
        "Aucun objectif principal n'a encore été choisi.",
    ),
    "key_metrics": ("Key metrics", "Indicateurs clés"),
    "channels_glance": ("Channels at a glance", "Les canaux en un coup d'œil"),
    "time_budget": ("Time and budget", "Temps et budget"),
    "hours_needed": ("Time the plan needs", "Temps nécessaire"),
    "hours_declared": ("Time the team declared", "Temps déclaré par l'équipe"),
    "monthly_budget": ("Monthly budget", "Budget mensuel"),
    "yearly_budget": ("Budget over twelve months", "Budget sur douze mois"),
    "no_channels": ("No channel is planned yet.", "Aucun canal n'est encore prévu."),
    "listening_only_note": (
        "For now the strategy is to listen only: no channel is opened.",
        "Pour l'instant, la stratégie consiste à écouter : aucun canal n'est ouvert.",
    ),
    "no_actions": ("Nothing left to schedule.", "Rien à planifier pour l'instant."),
    # Team
    "sponsor": ("Sponsor", "Sponsor"),
    "members": ("Members", "Membres"),
    "name": ("Name", "Nom"),
    "role": ("Role", "Fonction"),
    "department": ("Department", "Service"),
    "hours_week": ("Hours a week", "Heures par semaine"),
    "responsibilities": ("Responsibilities", "Responsabilités"),
    "team_cadence": ("How the team meets", "Fonctionnement de l'équipe"),
    "approvals": ("Drafting and approval", "Rédaction et validation"),
    "content": ("Content", "Contenu"),
    "drafted_by": ("Drafted by", "Rédigé par"),
    "approved_by": ("Approved by", "Validé par"),
    "delay": ("Delay", "Délai"),
    "reviews": ("Review rhythm", "Rythme de revue"),
    "cadence": ("Cadence", "Fréquence"),
    "what": ("What", "Objet"),
    "owner": ("Owner", "Responsable"),
    # Listening
    "needs": ("Customer needs", "Besoins des clients"),
    "need": ("Need", "Besoin"),
    "heard_at": ("Heard at", "Entendu"),
    "evidence": ("Evidence", "Preuve"),
    "sources": ("Listening sources", "Sources d'écoute"),
    "source": ("Source", "Source"),
    "kind": ("Kind", "Type"),
    "notes": ("Notes", "Remarques"),
    "competitors": ("Competitors", "Concurrents"),
    "competitor": ("Competitor", "Concurrent"),
    "channels": ("Channels", "Canaux"),
    "strengths": ("Strengths", "Points forts"),
    "weaknesses": ("Weaknesses", "Points faibles"),
    "trends": ("Trends", "Tendances"),
    "opportunities": ("Opportunities by department", "Opportunités par service"),
    "idea": ("What social media could do", "Ce que les réseaux peuvent apporter"),
    "tools": ("Tools", "Outils"),
    "tool": ("Tool", "Outil"),
    "purpose": ("Purpose", "Rôle"),
    "cost_month": ("Cost a month", "Coût mensuel"),
    "monitoring": ("Monitoring", "Veille"),
    "review_cadence": ("Dashboard review", "Lecture du tableau de bord"),
    "monitoring_hours": ("Monitoring time", "Temps de veille"),
    "audit": ("Existing accounts", "Comptes existants"),
    "account": ("Account", "Compte"),
    "audience_size": ("Audience", "Abonnés"),
    "activity": ("Activity", "Activité"),
    "decision": ("Decision", "Décision"),
    "see_keywords": (
        "The monitoring keywords and the response playbook have their own sections below.",
        "Les mots-clés de veille et le protocole de réponse font l'objet de sections "
        "dédiées plus loin.",
    ),
    # Objectives and metrics
    "objective": ("Objective", "Objectif"),
    "family": ("Family", "Famille"),
    "business_goal": ("Business goal", "Objectif d'entreprise"),
    "priority": ("Priority", "Priorité"),
    "deadline": ("Deadline", "Échéance"),
    "metric": ("Metric", "Indicateur"),
    "metrics": ("Metrics", "Indicateurs"),
    "definition": ("Definition", "Définition"),
    "baseline_target": ("Baseline → target", "Départ → cible"),
    "frequency": ("Frequency", "Fréquence"),
    "source_frequency": ("Source and frequency", "Source et fréquence"),
    "unlinked_metrics": ("Metrics not tied to an objective", "Indicateurs sans objectif"),
    # Audience
    "demographics": ("Demographics", "Profil"),
    "psychographics": ("Values and habits", "Valeurs et habitudes"),
    "reaching_content": ("Content that reaches them", "Contenus qui les touchent"),
    "platforms": ("Platforms they use", "Plateformes utilisées"),
    # Value
    "philosophy": ("Philosophy", "Philosophie"),
    "promise": ("Promise", "Promesse"),
    "differentiators": ("What sets us apart", "Ce qui nous distingue"),
    "topics": ("Conversation topics", "Sujets de conversation"),
    "topic": ("Topic", "Sujet"),
    "services": ("Value-added services", "Services à valeur ajoutée"),
    "service": ("Service", "Service"),
    "description": ("Description", "Description"),
    "need_answered": ("Need answered", "Besoin auquel il répond"),
    # Human face
    "spokespeople": ("Spokespeople", "Porte-parole"),
    "voice": ("Voice and tone", "Voix et ton"),
    "tone": ("Tone", "Ton"),
    "we_do": ("We always", "Nous faisons toujours"),
    "we_never": ("We never", "Nous ne faisons jamais"),
    # Channels
    "channel": ("Channel", "Canal"),
    "serves": ("Objectives served", "Objectifs servis"),
    "reaches": ("Audiences reached", "Publics touchés"),
    "pillars": ("Content pillars", "Piliers de contenu"),
    "pillar": ("Pillar", "Pilier"),
    "share": ("Share", "Part"),
    "formats": ("Formats", "Formats"),
    "posts_week": ("Posts a week", "Publications par semaine"),
    "budget_month": ("Budget a month", "Budget mensuel"),
    "judged_by": ("Judged by", "Jugé sur"),
    "promotional_share": ("Promotional share of the mix", "Part promotionnelle du mix"),
    "effort_chart": ("Hours a week by channel", "Heures par semaine et par canal"),
    "budget_chart": ("Budget a month by channel", "Budget mensuel par canal"),
    # Traceability, keywords, playbook, resources
    "audiences": ("Audiences", "Publics"),
    "category": ("Category", "Catégorie"),
    "terms": ("Keywords", "Mots-clés"),
    "queries": ("Ready-to-paste queries", "Requêtes prêtes à coller"),
    "query_org_themes": (
        "Our organization in our themes",
        "Notre organisation dans nos thèmes",
    ),
    "query_competitors_themes": (
        "Competitors in our themes",
        "Les concurrents dans nos thèmes",
    ),
    "verify": ("First, check the facts", "D'abord, vérifier les faits"),
    "case": ("Case", "Cas"),
    "action": ("Action", "Action"),
    "response_time": ("Reply within", "Réponse sous"),
    "people_time": ("Time by person", "Temps par personne"),
    "person": ("Person", "Personne"),
    "declared": ("Declared", "Déclaré"),
    "runs": ("Channels run", "Canaux animés"),
    "channel_hours": ("Channel time", "Temps des canaux"),
    "channel_costs": ("Cost by channel", "Coût par canal"),
    "tool_costs": ("Tools", "Outils"),
    "total": ("Total", "Total"),
    # Next actions
    "action_finish_step": (
        "Finish step {number}: {title}.",
        "Terminer l'étape {number} : {title}.",
    ),
    "action_monitoring": (
        "Set up monitoring with the ready-to-paste keyword queries",
        "Mettre en place la veille avec les requêtes de mots-clés prêtes à coller",
    ),
    "action_audit": ("Tidy up the existing accounts:", "Remettre en ordre les comptes existants :"),
    "action_fix_accounts": ("take in hand", "reprendre"),
    "action_close_accounts": ("close", "fermer"),
    "action_launch": (
        "Launch the {platform} plan: {owner}, {posts} posts a week.",
        "Lancer le plan {platform} : {owner}, {posts} publications par semaine.",
    ),
    "action_review": (
        "Hold the first review ({cadence}): {what}.",
        "Tenir la première revue ({cadence}) : {what}.",
    ),
}

#: Names of the plan's fixed values: kind -> value -> (English, French).
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "department": {
        "management": ("Management", "Direction"),
        "marketing": ("Marketing", "Marketing"),
        "communication": ("Communication", "Communication"),
        "customer_service": ("Customer service", "Service client"),
        "support": ("Support", "Support"),
        "sales": ("Sales", "Ventes"),
        "rd": ("R&D", "R&D"),
        "monitoring": ("Monitoring", "Veille"),
        "hr": ("Human resources", "Ressources humaines"),
        "it": ("IT", "Informatique"),
        "legal": ("Legal", "Juridique"),
        "finance": ("Finance", "Finances"),
        "operations": ("Operations", "Exploitation"),
        "production": ("Production", "Production"),
        "other": ("Other", "Autre"),
    },
    "frequency": {
        "daily": ("daily", "quotidienne"),
        "weekly": ("weekly", "hebdomadaire"),
        "monthly": ("monthly", "mensuelle"),
        "quarterly": ("quarterly", "trimestrielle"),
        "yearly": ("yearly", "annuelle"),
    },
    "source_kind": {
        "online": ("online", "en ligne"),
        "offline": ("offline", "hors ligne"),
    },
    "keyword_category": {
        "company": ("Organization", "Organisation"),
        "executives": ("Executives", "Dirigeants"),
        "themes": ("Themes", "Thèmes"),
        "competitors": ("Competitors", "Concurrents"),
        "partners": ("Partners", "Partenaires"),
        "brands": ("Brands and products", "Marques et produits"),
        "slogans": ("Slogans", "Slogans"),
        "intellectual_property": ("Intellectual property", "Propriété intellectuelle"),
    },
    "decision": {
        "keep": ("keep", "garder"),
        "fix": ("take in hand", "reprendre"),
        "close": ("close", "fermer"),
    },
    "case": {
        "praise": ("Praise", "Compliment"),
        "unhappy": ("Unhappy customer", "Client mécontent"),
        "misinformed": ("Misinformed", "Information erronée"),
        "troll": ("Troll", "Troll"),
        "crisis": ("Crisis", "Crise"),
    },
    "family": {
        "revenue": ("Raise revenue", "Augmenter le chiffre d'affaires"),
        "costs": ("Cut costs", "Réduire les coûts"),
        "relationship": ("Customer relationship", "Relation client"),
        "loyalty": ("Loyalty", "Fidélisation"),
    },
    "priority": {
        "high": ("high", "haute"),
        "medium": ("medium", "moyenne"),
        "low": ("low", "basse"),
    },
    "metric_kind": {
        "reach": ("reach", "portée"),
        "engagement": ("engagement", "engagement"),
        "conversion": ("conversion", "conversion"),
        "revenue": ("revenue", "chiffre d'affaires"),
        "cost": ("cost", "coût"),
        "sentiment": ("sentiment", "sentiment"),
        "service": ("service", "qualité de service"),
    },
    "standard": {
        "engagement_rate_reach": ("Engagement rate by reach", "Taux d'engagement sur la portée"),
        "engagement_rate_impressions": (
            "Engagement rate by impressions",
            "Taux d'engagement sur les impressions",
        ),
        "share_of_voice": ("Share of voice", "Part de voix"),
        "net_sentiment": ("Net sentiment", "Sentiment net"),
        "click_through_rate": ("Click-through rate", "Taux de clic"),
        "conversion_rate": ("Conversion rate", "Taux de conversion"),
        "cost_per_acquisition": ("Cost per acquisition", "Coût par acquisition"),
        "roi": ("Return on investment", "Retour sur investissement"),
        "response_time": ("Response time", "Délai de réponse"),
        "response_rate": ("Response rate", "Taux de réponse"),
        "nps": ("Net Promoter Score", "Net Promoter Score"),
    },
    "formula": {
        "engagement_rate_reach": (
            "engagements ÷ reach × 100",
            "interactions ÷ portée × 100",
        ),
        "engagement_rate_impressions": (
            "engagements ÷ impressions × 100",
            "interactions ÷ impressions × 100",
        ),
        "share_of_voice": (
            "brand mentions ÷ (brand + competitor mentions) × 100",
            "mentions de la marque ÷ (mentions de la marque + des concurrents) × 100",
        ),
        "net_sentiment": (
            "(positive − negative mentions) ÷ all mentions × 100",
            "(mentions positives − négatives) ÷ total des mentions × 100",
        ),
        "click_through_rate": ("clicks ÷ impressions × 100", "clics ÷ impressions × 100"),
        "conversion_rate": ("conversions ÷ clicks × 100", "conversions ÷ clics × 100"),
        "cost_per_acquisition": ("spend ÷ acquisitions", "dépenses ÷ acquisitions"),
        "roi": ("(value − cost) ÷ cost × 100", "(valeur − coût) ÷ coût × 100"),
        "response_time": (
            "mean time to the first reply",
            "temps moyen avant la première réponse",
        ),
        "response_rate": (
            "messages answered ÷ messages received × 100",
            "messages traités ÷ messages reçus × 100",
        ),
        "nps": (
            "% promoters (9–10) − % detractors (0–6)",
            "% de promoteurs (9–10) − % de détracteurs (0–6)",
        ),
    },
    "content_kind": {
        "educational": ("educational", "éducatif"),
        "entertaining": ("entertaining", "divertissant"),
        "conversational": ("conversational", "conversationnel"),
        "promotional": ("promotional", "promotionnel"),
    },
}

_INDEX = {"en": 0, "fr": 1}


#: French puts a no-break space before two-part punctuation, so a line never starts with it.
_FRENCH_SPACE = re.compile(r" (?=[:;?!»])|(?<=«) ")


def labels(lang: str) -> dict[str, str]:
    """Every label of the document in `lang` (en or fr)."""
    i = _INDEX[lang]
    if lang == "fr":
        return {key: _FRENCH_SPACE.sub("\u00a0", pair[i]) for key, pair in _LABELS.items()}
    return {key: pair[i] for key, pair in _LABELS.items()}


def value_labels(lang: str) -> dict[str, dict[str, str]]:
    """The names of the plan's fixed values in `lang`, by kind then by value."""
    i = _INDEX[lang]
    return {kind: {v: pair[i] for v, pair in names.items()} for kind, names in _VALUES.items()}


def value_label(kind: str, value: str | None, lang: str) -> str | None:
    """The name of one fixed value (a department, a frequency...) in `lang`."""
    if value is None:
        return None
    pair = _VALUES[kind].get(value)
    return pair[_INDEX[lang]] if pair else value


class Formatter:
    """Dates, numbers and money written the way the document's locale writes them."""

    def __init__(self, lang: str, currency: str = "EUR") -> None:
        self.lang = lang
        self.locale = LOCALES[lang]
        self.currency = currency

    def date(self, value: dt.date | None) -> str | None:
        """A date in long form: 16 November 2026, 16 novembre 2026."""
        from babel.dates import format_date

        return None if value is None else format_date(value, format="long", locale=self.locale)

    def number(self, value: float | None) -> str | None:
        """A number with at most two decimals and the locale's separators."""
        from babel.numbers import format_decimal

        if value is None:
            return None
        return format_decimal(value, format="#,##0.##", locale=self.locale)

    def hours(self, value: float | None) -> str | None:
        """A number of hours: 1.5 h, 1,5 h."""
        number = self.number(value)
        return None if number is None else f"{number}\u00a0h"

    def money(self, value: float | None) -> str | None:
        """An amount in the plan's currency, without cents when it is a whole amount."""
        from babel import Locale
        from babel.numbers import format_currency

        if value is None:
            return None
        pattern = Locale.parse(self.locale).currency_formats["standard"].pattern
        if float(value).is_integer():
            pattern = pattern.replace("#,##0.00", "#,##0")
        return format_currency(
            value, self.currency, format=pattern, locale=self.locale, currency_digits=False
        )

    def percent(self, value: float | None) -> str | None:
        """A share given in percent (35 -> 35 %, 35%)."""
        from babel import Locale
        from babel.numbers import format_percent

        if value is None:
            return None
        pattern = Locale.parse(self.locale).percent_formats[None].pattern
        pattern = pattern.replace("#,##0", "#,##0.#", 1)
        return format_percent(value / 100, format=pattern, locale=self.locale)
