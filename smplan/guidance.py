"""What the interview says, in English and French: guidance, prompt labels, messages.

One table holds every text as {"en": ..., "fr": ...}, so a missing translation shows up
in one place (a test walks it). The help line under each prompt is not here: it is the
field's own description in the plan model, written once for the schema and the skeleton.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "fr")


def _t(en: str, fr: str) -> dict[str, str]:
    return {"en": en, "fr": fr}


#: Guidance for each section: why it matters, a good answer, an example, the pitfall.
_SECTIONS: dict[str, dict[str, dict[str, str]]] = {
    "project": {
        "title": _t("The project", "Le projet"),
        "why": _t(
            "The cover of the document: whom the plan is for, who wrote it, and until "
            "when it runs.",
            "La couverture du document : pour qui est le plan, qui l'a écrit et jusqu'à "
            "quand il court.",
        ),
        "good": _t(
            "The organization's usual name, a title that says the period, a version "
            "date and a realistic horizon, often twelve to eighteen months away.",
            "Le nom d'usage de l'organisation, un titre qui dit la période, une date de "
            "version et un horizon réaliste, souvent à douze ou dix-huit mois.",
        ),
        "example": _t(
            "Maison Fournil, social media strategy 2027, written by Sophie Lambert, "
            "running until 2027-12-31.",
            "Maison Fournil, stratégie réseaux sociaux 2027, rédigée par Sophie Lambert, "
            "valable jusqu'au 2027-12-31.",
        ),
        "pitfall": _t(
            "A plan with no end date is never reviewed: give it a horizon.",
            "Un plan sans échéance n'est jamais revu : donnez-lui un horizon.",
        ),
    },
    "team": {
        "title": _t("The team", "L'équipe"),
        "why": _t(
            "Social media touches the whole company, so no single department can carry "
            "it. Bring together people who hear customers (service, sales, R&D) and "
            "people who speak for the company (marketing, communication).",
            "Les médias sociaux touchent toute l'entreprise : aucun service ne peut les "
            "porter seul. Réunissez ceux qui entendent les clients (service client, "
            "ventes, R&D) et ceux qui parlent au nom de l'entreprise (marketing, "
            "communication).",
        ),
        "good": _t(
            "A sponsor who can settle disagreements, members from at least two "
            "departments with the hours each can give, a meeting rhythm, and a clear "
            "rule for who approves what goes out.",
            "Un sponsor capable de trancher, des membres d'au moins deux services avec "
            "le temps que chacun peut donner, un rythme de réunion et une règle claire "
            "sur qui valide ce qui part.",
        ),
        "example": _t(
            "The manager sponsors the plan; the marketing lead drafts the posts; the "
            "shop supervisor brings back the questions asked at the counter; they meet "
            "for thirty minutes every Monday.",
            "La gérante parraine le plan ; le responsable marketing rédige les "
            "publications ; la responsable de boutique rapporte les questions posées au "
            "comptoir ; ils se voient trente minutes chaque lundi.",
        ),
        "pitfall": _t(
            "A team that speaks and a team that listens, side by side, never talking: "
            "what customers ask never reaches those who post.",
            "Une équipe qui parle et une équipe qui écoute, côte à côte, sans jamais se "
            "parler : ce que demandent les clients n'arrive jamais à ceux qui publient.",
        ),
    },
    "listening": {
        "title": _t("Listening and comparing", "Écouter et comparer"),
        "why": _t(
            "Listen before you speak: what customers ask for, what the sector talks "
            "about, what competitors do. You are looking for the needs a web presence "
            "can meet better than anything else.",
            "Écoutez avant de parler : ce que demandent les clients, ce dont parle le "
            "secteur, ce que font les concurrents. Vous cherchez les besoins qu'une "
            "présence en ligne peut satisfaire mieux que tout le reste.",
        ),
        "good": _t(
            "Needs in the customers' own words, each with where it was heard; sources "
            "online and offline; monitoring keywords by category; and a way to answer "
            "praise and criticism, with a target time.",
            "Des besoins dans les mots des clients, chacun avec l'endroit où il a été "
            "entendu ; des sources en ligne et hors ligne ; des mots-clés de veille par "
            "catégorie ; une façon de répondre aux compliments comme aux critiques, avec "
            "un délai visé.",
        ),
        "example": _t(
            "About ten phone calls a week ask whether bread is still left: a need heard "
            "offline, which a daily post could answer.",
            "Une dizaine d'appels par semaine demandent s'il reste du pain : un besoin "
            "entendu hors ligne, auquel une publication quotidienne pourrait répondre.",
        ),
        "pitfall": _t(
            "Listening online only. Customers are the same people on the web: sales "
            "staff, customer service and satisfaction surveys hear them too.",
            "N'écouter qu'en ligne. Les clients restent les mêmes sur le web : les "
            "vendeurs, le service client et les enquêtes de satisfaction les entendent "
            "aussi.",
        ),
    },
    "objectives": {
        "title": _t("Objectives", "Les objectifs"),
        "why": _t(
            "Objectives come before tools and serve a business goal: more revenue, lower "
            "costs, a better customer relationship or stronger loyalty.",
            "Les objectifs passent avant les outils et servent un but de l'entreprise : "
            "plus de chiffre d'affaires, moins de coûts, une meilleure relation client ou "
            "plus de fidélité.",
        ),
        "good": _t(
            "A few objectives, exactly one of them marked primary to start with, each "
            "precise enough to tell whether it was reached, and each with a deadline.",
            "Quelques objectifs, dont un seul marqué principal pour commencer, chacun "
            "assez précis pour savoir s'il est atteint, et chacun avec une échéance.",
        ),
        "example": _t(
            "Receive 40 cake orders a month through social media by June 2027: family "
            "revenue, primary.",
            "Recevoir 40 commandes de gâteaux par mois via les réseaux sociaux d'ici juin "
            "2027 : famille chiffre d'affaires, principal.",
        ),
        "pitfall": _t(
            '"Be on Instagram" is a means, not an objective; and five objectives of '
            "equal weight amount to none.",
            "« Être sur Instagram » est un moyen, pas un objectif ; et cinq objectifs de "
            "même poids n'en font aucun.",
        ),
    },
    "metrics": {
        "title": _t("Metrics", "Les indicateurs"),
        "why": _t(
            "Decide now how the benefit will be measured, so the effort is judged on "
            "results rather than impressions.",
            "Décidez dès maintenant comment mesurer le bénéfice, pour juger l'effort sur "
            "des résultats plutôt que sur des impressions.",
        ),
        "good": _t(
            'At least one metric per objective, with today\'s value (or "unknown" until '
            "it is measured), a target, a deadline, where the data comes from and who "
            "measures it.",
            "Au moins un indicateur par objectif, avec sa valeur actuelle (ou « unknown » "
            "tant qu'elle n'est pas mesurée), une cible, une échéance, la source des "
            "données et la personne qui mesure.",
        ),
        "example": _t(
            "Cake orders that mention social media: 12 a month today, 40 by 2027-06-30, "
            "counted in the order book every month.",
            "Commandes de gâteaux qui citent les réseaux : 12 par mois aujourd'hui, 40 au "
            "2027-06-30, comptées chaque mois dans le cahier de commandes.",
        ),
        "pitfall": _t(
            "Judging a revenue objective by likes: attention is not a sale. Add a "
            "conversion, revenue or cost metric.",
            "Juger un objectif de chiffre d'affaires aux mentions j'aime : l'attention "
            "n'est pas une vente. Ajoutez un indicateur de conversion, de revenu ou de "
            "coût.",
        ),
    },
    "audience": {
        "title": _t("Audience", "Les publics"),
        "why": _t(
            "Whom do you want to reach? Describe current or future customers by who they "
            "are and what they care about, starting from the needs heard in step 2.",
            "Qui voulez-vous toucher ? Décrivez les clients actuels ou futurs par ce "
            "qu'ils sont et ce qui compte pour eux, à partir des besoins entendus à "
            "l'étape 2.",
        ),
        "good": _t(
            "A few segments, each with its profile, its values and habits, the needs it "
            "has, the content that reaches it and the platforms it uses.",
            "Quelques segments, chacun avec son profil, ses valeurs et habitudes, ses "
            "besoins, les contenus qui le touchent et les plateformes qu'il fréquente.",
        ),
        "example": _t(
            "Local families: parents aged 30 to 45 living nearby, keen on local food, "
            "short of time on weekdays, on Instagram and Facebook.",
            "Les familles du quartier : parents de 30 à 45 ans habitant à côté, attachés "
            "aux produits locaux, pressés en semaine, sur Instagram et Facebook.",
        ),
        "pitfall": _t(
            '"Everyone" is not a segment: a message meant for everybody speaks to nobody.',
            "« Tout le monde » n'est pas un segment : un message pensé pour tous ne parle "
            "à personne.",
        ),
    },
    "value": {
        "title": _t("Value", "La valeur apportée"),
        "why": _t(
            "On social platforms people follow a conviction more than a product. Leave "
            "promotion to one-way media (posters, radio, ads); here, bring topics worth "
            "discussing and services that help.",
            "Sur les réseaux, on suit une conviction plus qu'un produit. Laissez la "
            "promotion aux médias à sens unique (affiches, radio, publicités) ; ici, "
            "apportez des sujets qui donnent envie d'échanger et des services utiles.",
        ),
        "good": _t(
            "A philosophy in one sentence, a promise to those who follow, topics with "
            "real conversational potential (mostly not promotional), and services that "
            "each answer a need recorded in step 2.",
            "Une philosophie en une phrase, une promesse à ceux qui suivent, des sujets "
            "qui font vraiment parler (surtout pas promotionnels) et des services qui "
            "répondent chacun à un besoin relevé à l'étape 2.",
        ),
        "example": _t(
            "Philosophy: good bread takes time. Service: a story every day at 4 pm "
            "showing what is still on the shelves.",
            "Philosophie : le bon pain prend du temps. Service : une story chaque jour à "
            "16 h qui montre ce qui reste en rayon.",
        ),
        "pitfall": _t(
            "Making the product the main topic: a stream of offers is skipped like any advert.",
            "Faire du produit le sujet principal : un fil d'offres se zappe comme "
            "n'importe quelle publicité.",
        ),
    },
    "human_face": {
        "title": _t("The human face", "Le visage humain"),
        "why": _t(
            "A company competes for attention with friends and family, so it must speak "
            "like a person, ideally through people who agree to be seen.",
            "Une entreprise dispute l'attention aux amis et à la famille : elle doit "
            "parler comme une personne, idéalement par des gens qui acceptent de se "
            "montrer.",
        ),
        "good": _t(
            "Named spokespeople with their role, the platforms they appear on and what "
            "they talk about, and a tone with what you always do and never do.",
            "Des porte-parole nommés, avec leur fonction, les plateformes où ils "
            "apparaissent et leurs sujets, et un ton avec ce que vous faites toujours et "
            "ne faites jamais.",
        ),
        "example": _t(
            "Claire, baker and founder, shows the bakehouse on Instagram; the tone is "
            "warm and simple; never criticize a competitor.",
            "Claire, boulangère et fondatrice, montre le fournil sur Instagram ; le ton "
            "est chaleureux et simple ; jamais de critique d'un concurrent.",
        ),
        "pitfall": _t(
            "A logo that only broadcasts: nobody answers, nobody is accountable, nobody "
            "feels spoken to.",
            "Un logo qui ne fait que diffuser : personne ne répond, personne n'en répond, "
            "personne ne se sent concerné.",
        ),
    },
    "channels": {
        "title": _t("The channel plan", "Le plan des canaux"),
        "why": _t(
            "Only now pick the platforms, knowing why each one is used, how, and with "
            "what resources.",
            "C'est seulement maintenant qu'on choisit les plateformes, en sachant "
            "pourquoi, comment et avec quels moyens chacune est animée.",
        ),
        "good": _t(
            "For each channel: its purpose, the objectives and audiences it serves, "
            "content pillars with their share, a pace, an owner from the team, the hours "
            "it takes and the metrics that judge it.",
            "Pour chaque canal : sa raison d'être, les objectifs et publics qu'il sert, "
            "des piliers de contenu avec leur part, un rythme, un responsable de "
            "l'équipe, le temps qu'il demande et les indicateurs qui le jugent.",
        ),
        "example": _t(
            "Instagram, to show the bakehouse and announce each batch: serves the "
            "orders objective, reaches families, four posts a week, run by Julien in "
            "three hours a week.",
            "Instagram, pour montrer le fournil et annoncer les fournées : sert "
            "l'objectif commandes, touche les familles, quatre publications par semaine, "
            "animé par Julien en trois heures par semaine.",
        ),
        "pitfall": _t(
            "Opening every account at once: the hours outgrow what the team declared in "
            "step 1 and the accounts fall silent. A few channels run well beat many "
            "abandoned ones.",
            "Ouvrir tous les comptes d'un coup : les heures dépassent ce que l'équipe a "
            "déclaré à l'étape 1 et les comptes se taisent. Quelques canaux bien tenus "
            "valent mieux que beaucoup d'abandonnés.",
        ),
    },
}

#: Short prompt labels, one per field the interview asks: "Model.field".
_FIELDS: dict[str, dict[str, str]] = {
    "Project.name": _t("Title of the plan", "Titre du plan"),
    "Project.organization": _t("Organization", "Organisation"),
    "Project.language": _t("Language of the plan", "Langue du plan"),
    "Project.author": _t("Author", "Auteur"),
    "Project.date": _t("Date of this version", "Date de cette version"),
    "Project.horizon": _t("Runs until", "Valable jusqu'au"),
    "Project.version": _t("Version", "Version"),
    "Project.currency": _t("Currency", "Devise"),
    "Team.sponsor": _t("Sponsor", "Sponsor"),
    "Person.name": _t("Name", "Nom"),
    "Person.role": _t("Role", "Fonction"),
    "Team.members": _t("Team members", "Membres de l'équipe"),
    "Member.id": _t("Member id", "Identifiant du membre"),
    "Member.name": _t("Name", "Nom"),
    "Member.role": _t("Role", "Fonction"),
    "Member.department": _t("Department", "Service"),
    "Member.responsibilities": _t("Responsibility", "Responsabilité"),
    "Member.hours_per_week": _t("Hours a week", "Heures par semaine"),
    "Team.cadence": _t("How the team meets", "Fonctionnement de l'équipe"),
    "Team.approvals": _t("Drafting and approval", "Rédaction et validation"),
    "Approval.content": _t("Kind of content", "Type de contenu"),
    "Approval.drafted_by": _t("Drafted by", "Rédigé par"),
    "Approval.approved_by": _t("Approved by", "Validé par"),
    "Approval.delay": _t("Approval delay", "Délai de validation"),
    "Team.reviews": _t("Review rhythm", "Rythme de revue"),
    "Review.cadence": _t("How often", "Fréquence"),
    "Review.what": _t("What is reviewed", "Objet de la revue"),
    "Review.owner": _t("Run by", "Animée par"),
    "Listening.needs": _t("Customer needs", "Besoins des clients"),
    "Need.id": _t("Need id", "Identifiant du besoin"),
    "Need.need": _t("The need", "Le besoin"),
    "Need.source": _t("Heard where", "Entendu où"),
    "Need.evidence": _t("Evidence", "Preuve"),
    "Listening.sources": _t("Listening sources", "Sources d'écoute"),
    "Source.name": _t("Source", "Source"),
    "Source.kind": _t("Online or offline", "En ligne ou hors ligne"),
    "Source.notes": _t("Notes", "Remarques"),
    "Listening.keywords": _t("Monitoring keywords", "Mots-clés de veille"),
    "Keywords.company": _t("Organization names", "Noms de l'organisation"),
    "Keywords.executives": _t("Executives", "Dirigeants"),
    "Keywords.themes": _t("Themes", "Thèmes"),
    "Keywords.competitors": _t("Competitors", "Concurrents"),
    "Keywords.partners": _t("Partners", "Partenaires"),
    "Keywords.brands": _t("Brands and products", "Marques et produits"),
    "Keywords.slogans": _t("Slogans", "Slogans"),
    "Keywords.intellectual_property": _t("Intellectual property", "Propriété intellectuelle"),
    "Listening.competitors": _t("Competitors", "Concurrents"),
    "Competitor.name": _t("Competitor", "Concurrent"),
    "Competitor.channels": _t("Platform", "Plateforme"),
    "Competitor.strengths": _t("Strength", "Point fort"),
    "Competitor.weaknesses": _t("Weakness", "Point faible"),
    "Listening.trends": _t("Trend or question", "Tendance ou question"),
    "Listening.opportunities": _t("Opportunities by department", "Opportunités par service"),
    "Opportunity.department": _t("Department", "Service"),
    "Opportunity.idea": _t("What social media could do", "Ce que les réseaux apporteraient"),
    "Listening.tools": _t("Monitoring tools", "Outils de veille"),
    "Tool.name": _t("Tool", "Outil"),
    "Tool.purpose": _t("Used for", "Sert à"),
    "Tool.cost_per_month": _t("Cost a month", "Coût mensuel"),
    "Listening.review_cadence": _t("Dashboard read", "Lecture du tableau de bord"),
    "Listening.monitoring_hours_per_week": _t(
        "Monitoring hours a week", "Heures de veille par semaine"
    ),
    "Listening.audit": _t("Existing accounts", "Comptes existants"),
    "Account.platform": _t("Platform", "Plateforme"),
    "Account.handle": _t("Handle", "Nom du compte"),
    "Account.owner": _t("Holds the keys", "Détient les accès"),
    "Account.purpose": _t("Used for today", "Sert aujourd'hui à"),
    "Account.audience_size": _t("Followers", "Abonnés"),
    "Account.activity": _t("Activity", "Activité"),
    "Account.decision": _t("Decision", "Décision"),
    "Account.note": _t("Why", "Pourquoi"),
    "Listening.playbook": _t("Response playbook", "Protocole de réponse"),
    "Playbook.verify": _t("How facts are checked", "Vérification des faits"),
    "Playbook.cases": _t("Cases", "Cas"),
    "PlaybookCase.case": _t("Kind of message", "Type de message"),
    "PlaybookCase.action": _t("What to do", "Que faire"),
    "PlaybookCase.owner": _t("Who answers", "Qui répond"),
    "PlaybookCase.response_hours": _t("Reply within (hours)", "Réponse sous (heures)"),
    "Listening.listening_only": _t("Listening only for now", "Écoute seule pour l'instant"),
    "Objective.id": _t("Objective id", "Identifiant de l'objectif"),
    "Objective.family": _t("Family", "Famille"),
    "Objective.statement": _t("The objective", "L'objectif"),
    "Objective.business_goal": _t("Business goal served", "Objectif d'entreprise servi"),
    "Objective.primary": _t("Primary objective", "Objectif principal"),
    "Objective.priority": _t("Priority", "Priorité"),
    "Objective.deadline": _t("Deadline", "Échéance"),
    "Metric.id": _t("Metric id", "Identifiant de l'indicateur"),
    "Metric.objective": _t("Objective measured", "Objectif mesuré"),
    "Metric.name": _t("Name", "Nom"),
    "Metric.kind": _t("What it tells about", "Ce qu'il mesure"),
    "Metric.standard": _t("Standard definition", "Définition standard"),
    "Metric.definition": _t("Own definition", "Définition propre"),
    "Metric.baseline": _t("Value today", "Valeur aujourd'hui"),
    "Metric.target": _t("Target", "Cible"),
    "Metric.unit": _t("Unit", "Unité"),
    "Metric.deadline": _t("Deadline", "Échéance"),
    "Metric.source": _t("Data source", "Source des données"),
    "Metric.frequency": _t("Measured", "Mesuré"),
    "Metric.owner": _t("Measured by", "Mesuré par"),
    "Segment.id": _t("Segment id", "Identifiant du segment"),
    "Segment.name": _t("Name", "Nom"),
    "Segment.demographics": _t("Profile", "Profil"),
    "Segment.psychographics": _t("Values and habits", "Valeurs et habitudes"),
    "Segment.needs": _t("Their needs", "Leurs besoins"),
    "Segment.content": _t("Content that reaches them", "Contenu qui les touche"),
    "Segment.platforms": _t("Platform they use", "Plateforme utilisée"),
    "Value.philosophy": _t("Philosophy", "Philosophie"),
    "Value.promise": _t("Promise", "Promesse"),
    "Value.differentiators": _t("What sets you apart", "Ce qui vous distingue"),
    "Value.topics": _t("Conversation topics", "Sujets de conversation"),
    "Topic.topic": _t("Topic", "Sujet"),
    "Topic.kind": _t("Kind", "Nature"),
    "Value.services": _t("Value-added services", "Services à valeur ajoutée"),
    "Service.name": _t("Service", "Service"),
    "Service.description": _t("Description", "Description"),
    "Service.need": _t("Need answered", "Besoin satisfait"),
    "HumanFace.spokespeople": _t("Spokespeople", "Porte-parole"),
    "Spokesperson.name": _t("Name", "Nom"),
    "Spokesperson.member": _t("Team member", "Membre de l'équipe"),
    "Spokesperson.role": _t("Role", "Fonction"),
    "Spokesperson.channels": _t("Platform", "Plateforme"),
    "Spokesperson.topics": _t("Topic", "Sujet"),
    "HumanFace.voice": _t("Voice and tone", "Voix et ton"),
    "Voice.tone": _t("Tone", "Ton"),
    "Voice.we_do": _t("We always", "Nous faisons toujours"),
    "Voice.we_never": _t("We never", "Nous ne faisons jamais"),
    "Channel.platform": _t("Platform", "Plateforme"),
    "Channel.handle": _t("Handle", "Nom du compte"),
    "Channel.purpose": _t("Why this channel", "Pourquoi ce canal"),
    "Channel.objectives": _t("Objectives served", "Objectifs servis"),
    "Channel.audiences": _t("Audiences reached", "Publics touchés"),
    "Channel.pillars": _t("Content pillars", "Piliers de contenu"),
    "Pillar.name": _t("Pillar", "Pilier"),
    "Pillar.kind": _t("Kind", "Nature"),
    "Pillar.share": _t("Share of posts (%)", "Part des publications (%)"),
    "Channel.formats": _t("Format", "Format"),
    "Channel.posts_per_week": _t("Posts a week", "Publications par semaine"),
    "Channel.owner": _t("Run by", "Animé par"),
    "Channel.hours_per_week": _t("Hours a week", "Heures par semaine"),
    "Channel.budget_per_month": _t("Budget a month", "Budget mensuel"),
    "Channel.metrics": _t("Judged by", "Jugé sur"),
}

#: For each kind of list item: its heading, and the two "add" questions.
_ITEMS: dict[str, tuple[dict[str, str], dict[str, str], dict[str, str]]] = {
    "Member": (
        _t("Team member {n}", "Membre {n}"),
        _t("Add a team member?", "Ajouter un membre de l'équipe ?"),
        _t("Add another team member?", "Ajouter un autre membre ?"),
    ),
    "Approval": (
        _t("Approval rule {n}", "Règle de validation {n}"),
        _t("Add an approval rule?", "Ajouter une règle de validation ?"),
        _t("Add another approval rule?", "Ajouter une autre règle de validation ?"),
    ),
    "Review": (
        _t("Review {n}", "Revue {n}"),
        _t("Add a review?", "Ajouter une revue ?"),
        _t("Add another review?", "Ajouter une autre revue ?"),
    ),
    "Need": (
        _t("Customer need {n}", "Besoin client {n}"),
        _t("Add a customer need?", "Ajouter un besoin client ?"),
        _t("Add another customer need?", "Ajouter un autre besoin client ?"),
    ),
    "Source": (
        _t("Listening source {n}", "Source d'écoute {n}"),
        _t("Add a listening source?", "Ajouter une source d'écoute ?"),
        _t("Add another listening source?", "Ajouter une autre source d'écoute ?"),
    ),
    "Competitor": (
        _t("Competitor {n}", "Concurrent {n}"),
        _t("Add a competitor?", "Ajouter un concurrent ?"),
        _t("Add another competitor?", "Ajouter un autre concurrent ?"),
    ),
    "Opportunity": (
        _t("Opportunity {n}", "Opportunité {n}"),
        _t("Add an opportunity for a department?", "Ajouter une opportunité pour un service ?"),
        _t("Add another opportunity?", "Ajouter une autre opportunité ?"),
    ),
    "Tool": (
        _t("Tool {n}", "Outil {n}"),
        _t("Add a monitoring tool?", "Ajouter un outil de veille ?"),
        _t("Add another tool?", "Ajouter un autre outil ?"),
    ),
    "Account": (
        _t("Existing account {n}", "Compte existant {n}"),
        _t("Add an account you already have?", "Ajouter un compte que vous avez déjà ?"),
        _t("Add another existing account?", "Ajouter un autre compte existant ?"),
    ),
    "PlaybookCase": (
        _t("Response case {n}", "Cas de réponse {n}"),
        _t("Add a response case?", "Ajouter un cas de réponse ?"),
        _t("Add another response case?", "Ajouter un autre cas de réponse ?"),
    ),
    "Objective": (
        _t("Objective {n}", "Objectif {n}"),
        _t("Add an objective?", "Ajouter un objectif ?"),
        _t("Add another objective?", "Ajouter un autre objectif ?"),
    ),
    "Metric": (
        _t("Metric {n}", "Indicateur {n}"),
        _t("Add a metric?", "Ajouter un indicateur ?"),
        _t("Add another metric?", "Ajouter un autre indicateur ?"),
    ),
    "Segment": (
        _t("Audience segment {n}", "Segment {n}"),
        _t("Add an audience segment?", "Ajouter un segment d'audience ?"),
        _t("Add another segment?", "Ajouter un autre segment ?"),
    ),
    "Topic": (
        _t("Topic {n}", "Sujet {n}"),
        _t("Add a conversation topic?", "Ajouter un sujet de conversation ?"),
        _t("Add another topic?", "Ajouter un autre sujet ?"),
    ),
    "Service": (
        _t("Service {n}", "Service {n}"),
        _t("Add a value-added service?", "Ajouter un service à valeur ajoutée ?"),
        _t("Add another service?", "Ajouter un autre service ?"),
    ),
    "Spokesperson": (
        _t("Spokesperson {n}", "Porte-parole {n}"),
        _t("Add a spokesperson?", "Ajouter un porte-parole ?"),
        _t("Add another spokesperson?", "Ajouter un autre porte-parole ?"),
    ),
    "Channel": (
        _t("Channel {n}", "Canal {n}"),
        _t("Add a channel?", "Ajouter un canal ?"),
        _t("Add another channel?", "Ajouter un autre canal ?"),
    ),
    "Pillar": (
        _t("Content pillar {n}", "Pilier de contenu {n}"),
        _t("Add a content pillar?", "Ajouter un pilier de contenu ?"),
        _t("Add another pillar?", "Ajouter un autre pilier ?"),
    ),
}

#: Everything else the interview says.
_UI: dict[str, dict[str, str]] = {
    "ui.language": _t("Language of the plan", "Langue du plan"),
    "language.en": _t("English", "anglais"),
    "language.fr": _t("French", "français"),
    "ui.keys": _t(
        'Enter keeps the answer in brackets, "-" clears it, Ctrl-C stops: every answer '
        "is saved as soon as it is given.",
        "Entrée garde la réponse entre crochets, « - » l'efface, Ctrl-C arrête : chaque "
        "réponse est enregistrée dès qu'elle est donnée.",
    ),
    "ui.guidance.why": _t("Why it matters", "Pourquoi c'est important"),
    "ui.guidance.good": _t("A good answer", "Une bonne réponse"),
    "ui.guidance.example": _t("Example", "Exemple"),
    "ui.guidance.pitfall": _t("Pitfall", "Piège"),
    "ui.step_heading": _t(
        "Step {number} of {total} · {title}", "Étape {number} sur {total} · {title}"
    ),
    "ui.status": _t(
        "Where the plan stands: {done} of {total} steps done",
        "Où en est le plan : {done} étapes sur {total} terminées",
    ),
    "status.complete": _t("done", "terminé"),
    "status.incomplete": _t("to finish", "à compléter"),
    "status.missing": _t("to do", "à faire"),
    "ui.skipped": _t(
        "Step {number} is already done: skipped (reopen it with --step {number}).",
        "L'étape {number} est déjà terminée : passée (rouvrez-la avec --step {number}).",
    ),
    "ui.item_action": _t("{item}: {summary}", "{item} : {summary}"),
    "ui.action.keep": _t("keep as is", "garder tel quel"),
    "ui.action.edit": _t("edit", "modifier"),
    "ui.action.remove": _t("remove", "supprimer"),
    "ui.list_item": _t("{label} {n}", "{label} {n}"),
    "ui.list_help": _t(
        "One per answer; an empty answer ends the list.",
        "Une par réponse ; une réponse vide termine la liste.",
    ),
    "ui.list_help_none": _t(
        'One per answer; an empty answer ends the list; "-" alone says there are none.',
        "Une par réponse ; une réponse vide termine la liste ; « - » seul indique qu'il "
        "n'y en a aucun.",
    ),
    "ui.not_a_choice": _t(
        '"{answer}" is not one of the choices: {choices}',
        "« {answer} » ne fait pas partie des choix : {choices}",
    ),
    "ui.yes_or_no": _t("Please answer yes or no.", "Répondez oui ou non, s'il vous plaît."),
    "ui.yes": _t("yes", "oui"),
    "ui.no": _t("no", "non"),
    "ui.id_rule": _t(
        ": lowercase letters, digits, - and _, starting with a letter or a digit",
        " : lettres minuscules, chiffres, - et _, en commençant par une lettre ou un chiffre",
    ),
    "ui.for_example": _t("(for example: {example})", "(par exemple : {example})"),
    "ui.reopen": _t(
        "Reopen a section? Its number, or Enter to finish",
        "Rouvrir une partie ? Son numéro, ou Entrée pour terminer",
    ),
    "ui.nothing_yet": _t("(nothing yet)", "(rien pour l'instant)"),
    "ui.none": _t("none", "aucun"),
    "ui.interrupted": _t(
        "interrupted; every answer given so far is saved in {path}",
        "interrompu ; toutes les réponses données sont enregistrées dans {path}",
    ),
    "ui.resume": _t("resume with: {command}", "pour reprendre : {command}"),
    "ui.check": _t(
        "Check: {errors} error(s), {warnings} warning(s)",
        "Vérification : {errors} erreur(s), {warnings} avertissement(s)",
    ),
    "ui.render": _t("Render it with: {command}", "Pour produire le document : {command}"),
    "ui.no_terminal": _t(
        "standard input is not a terminal, so no question can be asked; still to answer in {path}:",
        "l'entrée standard n'est pas un terminal, aucune question ne peut être posée ; "
        "il reste à répondre dans {path} :",
    ),
    "ui.no_terminal_step": _t(
        "standard input is not a terminal, so the step cannot be reopened",
        "l'entrée standard n'est pas un terminal : impossible de rouvrir l'étape",
    ),
    "ui.no_terminal_hint": _t(
        "run `{command}` in a terminal, pre-fill answers with --answers FILE, or pass "
        "--interactive to read the answers from standard input",
        "lancez `{command}` dans un terminal, pré-remplissez les réponses avec --answers "
        "FICHIER, ou passez --interactive pour lire les réponses sur l'entrée standard",
    ),
    "hint.choice": _t("its number", "son numéro"),
    "hint.choices": _t("numbers separated by commas", "numéros séparés par des virgules"),
    "hint.confirm": _t("y/n", "o/n"),
    "hint.number": _t("a number", "un nombre"),
    "hint.number_or": _t("a number, or {words}", "un nombre, ou {words}"),
    "hint.date": _t("YYYY-MM-DD", "AAAA-MM-JJ"),
    "finding.error": _t("error", "erreur"),
    "finding.warning": _t("warning", "avertissement"),
    "finding.hint": _t(" (hint: {hint})", " (conseil : {hint})"),
    "summary.steps": _t("Steps done", "Étapes terminées"),
    "summary.members": _t("Team members", "Membres de l'équipe"),
    "summary.team_hours": _t("Team hours a week", "Heures par semaine de l'équipe"),
    "summary.needs": _t("Customer needs", "Besoins clients"),
    "summary.objectives": _t("Objectives", "Objectifs"),
    "summary.primary": _t("Primary objective", "Objectif principal"),
    "summary.metrics": _t("Metrics", "Indicateurs"),
    "summary.segments": _t("Audience segments", "Segments d'audience"),
    "summary.spokespeople": _t("Spokespeople", "Porte-parole"),
    "summary.channels": _t("Channels", "Canaux"),
    "summary.channel_hours": _t("Channel hours a week", "Heures par semaine des canaux"),
}

#: pydantic writes its messages in English; these say the same in French, by error type.
ERRORS_FR: dict[str, str] = {
    "string_pattern_mismatch": "la réponse n'a pas la forme attendue ({pattern})",
    "float_parsing": "un nombre est attendu",
    "float_type": "un nombre est attendu",
    "int_parsing": "un nombre entier est attendu",
    "int_from_float": "un nombre entier est attendu",
    "date_parsing": "une date AAAA-MM-JJ est attendue",
    "date_from_datetime_parsing": "une date AAAA-MM-JJ est attendue",
    "date_from_datetime_inexact": "une date sans heure est attendue",
    "bool_parsing": "répondez oui ou non",
    "enum": "la réponse doit être l'une de ces valeurs : {expected}",
    "literal_error": "la réponse doit être : {expected}",
    "greater_than_equal": "la valeur doit être supérieure ou égale à {ge}",
    "greater_than": "la valeur doit être supérieure à {gt}",
    "less_than_equal": "la valeur doit être inférieure ou égale à {le}",
    "less_than": "la valeur doit être inférieure à {lt}",
}


def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for section, parts in _SECTIONS.items():
        for part, texts in parts.items():
            table[f"section.{section}.{part}"] = texts
    for name, texts in _FIELDS.items():
        table[f"field.{name}"] = texts
    for model, (heading, first, more) in _ITEMS.items():
        table[f"item.{model}"] = heading
        table[f"add.{model}"] = first
        table[f"more.{model}"] = more
    table.update(_UI)
    return table


#: Every text of the interview by key, each as {"en": ..., "fr": ...}.
TEXTS: dict[str, dict[str, str]] = _table()


def tr(key: str, lang: str, **values: Any) -> str:
    """The text `key` in `lang` (en or fr), with `{placeholders}` filled in."""
    text = TEXTS[key][lang]
    return text.format(**values) if values else text
