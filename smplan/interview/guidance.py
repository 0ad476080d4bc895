"""What the interview says: guidance, prompt labels and messages, as catalog messages.

One table holds every text by key. A field's prompt label is its `Label` in the plan
model, and the help line under it the field's description, each written once for every
view; section titles are the labels of the plan's own fields.
"""

from __future__ import annotations

from typing import Any

from smplan.i18n import L_, LP_, Message, language
from smplan.plan.meta import fields, label
from smplan.plan.model import STEPS, Plan

#: The section after the eight steps: how the plan is put to work (not a step of the method).
RUNNING = "running"

#: Every section the interview can open, by number: the project (0), the method's eight
#: steps (1 to 8), then how the plan is put to work (9).
OPENABLE: tuple[str, ...] = ("project", *STEPS, RUNNING)

#: Guidance for each section: why it matters, a good answer, an example, the pitfall.
_SECTIONS: dict[str, dict[str, Message]] = {
    "project": {
        "why": L_(
            "The cover of the document: whom the plan is for, who wrote it, and until "
            "when it runs.",
        ),
        "good": L_(
            "The organization's usual name, a title that says the period, a version date and a "
            "realistic horizon, often twelve to eighteen months away.",
        ),
        "example": L_(
            "Maison Fournil, social media strategy 2027, written by Sophie Lambert, running until "
            "31 December 2027.",
        ),
        "pitfall": L_(
            "A plan with no end date is never reviewed: give it a horizon.",
        ),
    },
    "team": {
        "why": L_(
            "Social media touches the whole company, so no single department can carry it. Bring "
            "together people who hear customers (service, sales, R&D) and people who speak for the "
            "company (marketing, communication).",
        ),
        "good": L_(
            "A sponsor who can settle disagreements, members from at least two departments with "
            "the hours each can give, a meeting rhythm, and a clear rule for who approves what "
            "goes out.",
        ),
        "example": L_(
            "The manager sponsors the plan; the marketing lead drafts the posts; the shop "
            "supervisor brings back the questions asked at the counter; they meet for thirty "
            "minutes every Monday.",
        ),
        "pitfall": L_(
            "A team that speaks and a team that listens, side by side, never talking: what "
            "customers ask never reaches those who post.",
        ),
    },
    "listening": {
        "why": L_(
            "Listen before you speak: what customers ask for, what the sector talks about, what "
            "competitors do. You are looking for the needs a web presence can meet better than "
            "anything else.",
        ),
        "good": L_(
            "Needs in the customers' own words, each with where it was heard; sources online and "
            "offline; monitoring keywords by category; and a way to answer praise and criticism, "
            "with a target time.",
        ),
        "example": L_(
            "About ten phone calls a week ask whether bread is still left: a need heard offline, "
            "which a daily post could answer.",
        ),
        "pitfall": L_(
            "Listening online only. Customers are the same people on the web: sales staff, "
            "customer service and satisfaction surveys hear them too.",
        ),
    },
    "objectives": {
        "why": L_(
            "Objectives come before tools and serve a business goal: more revenue, lower costs, a "
            "better customer relationship or stronger loyalty.",
        ),
        "good": L_(
            "A few objectives, exactly one of them marked primary to start with, each precise "
            "enough to tell whether it was reached, and each with a deadline.",
        ),
        "example": L_(
            "Receive 40 cake orders a month through social media by June 2027: family revenue, "
            "primary.",
        ),
        "pitfall": L_(
            '"Be on Instagram" is a means, not an objective; and five objectives of equal weight '
            "amount to none.",
        ),
    },
    "metrics": {
        "why": L_(
            "Decide now how the benefit will be measured, so the effort is judged on results "
            "rather than impressions.",
        ),
        "good": L_(
            'At least one metric per objective, with today\'s value (or "unknown" until it is '
            "measured), a target, a deadline, where the data comes from and who measures it.",
        ),
        "example": L_(
            "Cake orders that mention social media: 12 a month today, 40 by 30 June 2027, counted "
            "in the order book every month.",
        ),
        "pitfall": L_(
            "Judging a revenue objective by likes: attention is not a sale. Add a conversion, "
            "revenue or cost metric.",
        ),
    },
    "audience": {
        "why": L_(
            "Whom do you want to reach? Describe current or future customers by who they are and "
            "what they care about, starting from the needs heard in step 2.",
        ),
        "good": L_(
            "A few segments, each with its profile, its values and habits, the needs it has, the "
            "content that reaches it and the platforms it uses.",
        ),
        "example": L_(
            "Local families: parents aged 30 to 45 living nearby, keen on local food, short of "
            "time on weekdays, on Instagram and Facebook.",
        ),
        "pitfall": L_(
            '"Everyone" is not a segment: a message meant for everybody speaks to nobody.',
        ),
    },
    "value": {
        "why": L_(
            "On social platforms people follow a conviction more than a product. Leave promotion "
            "to one-way media (posters, radio, ads); here, bring topics worth discussing and "
            "services that help.",
        ),
        "good": L_(
            "A philosophy in one sentence, a promise to those who follow, topics with real "
            "conversational potential (mostly not promotional), and services that each answer a "
            "need recorded in step 2.",
        ),
        "example": L_(
            "Philosophy: good bread takes time. Service: a story every day at 4 pm showing what is "
            "still on the shelves.",
        ),
        "pitfall": L_(
            "Making the product the main topic: a stream of offers is skipped like any advert.",
        ),
    },
    "human_face": {
        "why": L_(
            "A company competes for attention with friends and family, so it must speak like a "
            "person, ideally through people who agree to be seen.",
        ),
        "good": L_(
            "Named spokespeople with their role, the platforms they appear on and what they talk "
            "about, and a tone with what you always do and never do.",
        ),
        "example": L_(
            "Claire, baker and founder, shows the bakehouse on Instagram; the tone is warm and "
            "simple; never criticize a competitor.",
        ),
        "pitfall": L_(
            "A logo that only broadcasts: nobody answers, nobody is accountable, nobody feels "
            "spoken to.",
        ),
    },
    "channels": {
        "why": L_(
            "Only now pick the platforms, knowing why each one is used, how, and with what "
            "resources.",
        ),
        "good": L_(
            "For each channel: its purpose, the objectives and audiences it serves, content "
            "pillars with their share, a pace, an owner from the team, the hours it takes and the "
            "metrics that judge it.",
        ),
        "example": L_(
            "Instagram, to show the bakehouse and announce each batch: serves the orders "
            "objective, reaches families, four posts a week, run by Julien in three hours a week.",
        ),
        "pitfall": L_(
            "Opening every account at once: the hours outgrow what the team declared in step 1 and "
            "the accounts fall silent. A few channels run well beat many abandoned ones.",
        ),
    },
    RUNNING: {
        "why": L_(
            "A signed strategy still has to start on Monday. Dated first steps, the money it "
            "needs, words ready for a crisis and the risks named turn the plan into work.",
        ),
        "good": L_(
            "A few milestones over the first 90 days, each with who sees it done; the spending "
            "beyond the channels, line by line; the one or two crises the sector makes likely, "
            "with the first public words already written; what the plan takes for granted, and "
            "what could stop it.",
        ),
        "example": L_(
            "By 15 January, Claire has the first month of posts scheduled. A photo shoot of the "
            "cakes: 300, paid once. If a customer falls ill and blames a cake, Julien posts that "
            "we are checking and will reply today.",
        ),
        "pitfall": L_(
            "Writing the crisis statement during the crisis: drafted calmly beforehand, it takes "
            "a minute to post; drafted under pressure, it makes things worse.",
        ),
    },
}

#: For each kind of list item: its heading, and the two "add" questions.
_ITEMS: dict[str, tuple[Message, Message, Message]] = {
    "Member": (
        L_("Team member {n}"),
        L_("Add a team member?"),
        L_("Add another team member?"),
    ),
    "Approval": (
        L_("Approval rule {n}"),
        L_("Add an approval rule?"),
        L_("Add another approval rule?"),
    ),
    "Review": (
        L_("Review {n}"),
        L_("Add a review?"),
        L_("Add another review?"),
    ),
    "Need": (
        L_("Customer need {n}"),
        L_("Add a customer need?"),
        L_("Add another customer need?"),
    ),
    "Source": (
        L_("Listening source {n}"),
        L_("Add a listening source?"),
        L_("Add another listening source?"),
    ),
    "Competitor": (
        L_("Competitor {n}"),
        L_("Add a competitor?"),
        L_("Add another competitor?"),
    ),
    "Opportunity": (
        L_("Opportunity {n}"),
        L_("Add an opportunity for a department?"),
        L_("Add another opportunity?"),
    ),
    "Tool": (
        L_("Tool {n}"),
        L_("Add a monitoring tool?"),
        L_("Add another tool?"),
    ),
    "Account": (
        L_("Existing account {n}"),
        L_("Add an account you already have?"),
        L_("Add another existing account?"),
    ),
    "PlaybookCase": (
        L_("Response case {n}"),
        L_("Add a response case?"),
        L_("Add another response case?"),
    ),
    "Objective": (
        L_("Objective {n}"),
        L_("Add an objective?"),
        L_("Add another objective?"),
    ),
    "Metric": (
        L_("Metric {n}"),
        L_("Add a metric?"),
        L_("Add another metric?"),
    ),
    "Segment": (
        L_("Audience segment {n}"),
        L_("Add an audience segment?"),
        L_("Add another segment?"),
    ),
    "Topic": (
        L_("Topic {n}"),
        L_("Add a conversation topic?"),
        L_("Add another topic?"),
    ),
    "Service": (
        L_("Service {n}"),
        L_("Add a value-added service?"),
        L_("Add another service?"),
    ),
    "Spokesperson": (
        L_("Spokesperson {n}"),
        L_("Add a spokesperson?"),
        L_("Add another spokesperson?"),
    ),
    "Channel": (
        L_("Channel {n}"),
        L_("Add a channel?"),
        L_("Add another channel?"),
    ),
    "Pillar": (
        L_("Content pillar {n}"),
        L_("Add a content pillar?"),
        L_("Add another pillar?"),
    ),
    "Slot": (
        L_("Posting slot {n}"),
        L_("Add a posting slot?"),
        L_("Add another slot?"),
    ),
    "Insight": (
        L_("Key insight {n}"),
        L_("Add a key insight?"),
        L_("Add another insight?"),
    ),
    "PostIdea": (
        L_("Post idea {n}"),
        L_("Add a post idea?"),
        L_("Add another post idea?"),
    ),
    "Milestone": (
        L_("Milestone {n}"),
        L_("Add a milestone?"),
        L_("Add another milestone?"),
    ),
    "BudgetLine": (
        L_("Budget line {n}"),
        L_("Add a budget line?"),
        L_("Add another budget line?"),
    ),
    "CrisisScenario": (
        L_("Crisis scenario {n}"),
        L_("Add a crisis scenario?"),
        L_("Add another crisis scenario?"),
    ),
    "Risk": (
        L_("Risk {n}"),
        L_("Add a risk?"),
        L_("Add another risk?"),
    ),
}

#: Everything else the interview says.
_UI: dict[str, Message] = {
    "ui.language": L_("Language of the plan"),
    "ui.someone_else": L_("Someone else"),
    "ui.proposal": L_("Proposed {label}"),
    "ui.use_proposal": L_("Use this proposal? (no: answer item by item)"),
    "ui.spokespeople_pick": L_("Who speaks for the organization?"),
    "ui.appears_on": L_("Where {name} appears"),
    "ui.metric_for": L_("How the objective “{objective}” is measured"),
    "ui.essentials": L_(
        "Essentials only: the rest is proposed from your answers. Press Enter to accept a "
        "proposal; `smplan init --step NAME` asks every question of a step."
    ),
    "ui.essentials_offer": L_(
        "Every question of the eight steps follows, then how the plan is put to work. For a "
        "first draft in one meeting, stop here (Ctrl-C) and run: {command}"
    ),
    "hint.list_line": L_("separated by commas, - for none"),
    "ui.not_an_item": L_("{answer} cannot be read: write each one as the proposal does"),
    # Translators: what closes a question before the answer; French puts a no-break space first.
    "ui.prompt_end": L_(": "),
    "ui.sponsor_option": L_("{name} (the sponsor)"),
    "ui.sponsor_help": L_(
        "The person who backs the strategy and settles disagreements: someone on the team, "
        "or someone else."
    ),
    "ui.approver": L_("Who approves the posts {name} drafts for {platform}?"),
    "ui.sponsor_joins": L_("{name}, the sponsor, joins the team."),
    "ui.no_such_date": L_("{answer} does not exist: that month has fewer days"),
    "word.unknown": LP_("answer", "unknown"),
    # Translators: words quoted in a message, with the language's quotation marks.
    "ui.quoted": L_("“{text}”"),
    "unit.refused": L_("{what}: this answer takes {holds}"),
    "unit.is.percent": L_("{answer} is a percentage"),
    "unit.is.money": L_("{answer} is an amount of money"),
    "unit.is.hours": L_("{answer} is a length of time"),
    "unit.is.days": L_("{answer} is a number of days"),
    "unit.is.weeks": L_("{answer} is a number of weeks"),
    "unit.is.other": L_("{answer}: {unit} is not a unit this answer takes"),
    "unit.holds.hours": L_("a number of hours"),
    "unit.holds.percent": L_("a percentage"),
    "unit.holds.money": L_("an amount in {currency}"),
    "unit.holds.count": L_("a plain number, without a unit"),
    "unit.workdays": L_(
        "{answer}: a working day has no fixed length; give the hours a week (two days of "
        "7 hours are 14 h)"
    ),
    "unit.converted": L_("{answer} makes {value}."),
    "unit.not_the_same": L_("{answer}: the other figures of this item are in {unit}"),
    "span.after": L_("{date} falls after the end of the plan ({horizon})"),
    "span.before": L_("{date} falls before the date of the plan ({start})"),
    "ui.name_taken": L_("{name} is already in this list"),
    "ui.shares_over": L_("the shares would add up to {total}: {left} is left"),
    "ui.keys": L_(
        'Enter keeps the answer in brackets, "-" clears it, Ctrl-C stops: every answer is saved '
        "as soon as it is given.",
    ),
    "ui.guidance.why": L_("Why it matters"),
    "ui.guidance.good": L_("A good answer"),
    "ui.guidance.example": L_("Example"),
    "ui.guidance.pitfall": L_("Pitfall"),
    "ui.step_heading": L_("Step {number} of {total} · {title}"),
    "ui.running_heading": L_("After the eight steps · {title}"),
    "section.running.title": L_("Putting the plan to work"),
    "status.complete": L_("done"),
    "status.incomplete": L_("to finish"),
    "status.missing": L_("to do"),
    "ui.skipped": L_(
        "Step {number} is already done: skipped (reopen it with --step {number}).",
    ),
    "ui.running_skipped": L_(
        "{title} is already done: skipped (reopen it with --step {number}).",
    ),
    "ui.item_action": L_("{item}: {summary}"),
    "ui.action.keep": L_("keep as is"),
    "ui.action.edit": L_("edit"),
    "ui.action.remove": L_("remove"),
    "ui.list_item": L_("{label} {n}"),
    "ui.list_help": L_(
        "One per answer; an empty answer ends the list.",
    ),
    "ui.list_help_none": L_(
        'One per answer; an empty answer ends the list; "-" alone says there are none.',
    ),
    "ui.not_a_choice": L_(
        '"{answer}" is not one of the choices: {choices}',
    ),
    "ui.yes_or_no": L_("Please answer yes or no."),
    "ui.yes": L_("yes"),
    "ui.no": L_("no"),
    "ui.id_rule": L_(
        ": lowercase letters, digits, - and _, starting with a letter or a digit",
    ),
    "ui.for_example": L_("(for example: {example})"),
    "ui.reopen": L_(
        "Reopen a section? Its number, or Enter to finish",
    ),
    "ui.nothing_yet": L_("(nothing yet)"),
    "ui.none": L_("none"),
    "ui.interrupted": L_(
        "Stopped. Every answer given so far is saved in {path}.",
    ),
    "ui.resume": L_("To go on where you stopped: {command}"),
    "ui.check": L_(
        "Check: {errors} error(s), {warnings} warning(s)",
    ),
    "ui.render": L_("Render it with: {command}"),
    "ui.no_terminal": L_(
        "standard input is not a terminal, so no question can be asked; still to answer in {path}:",
    ),
    "ui.no_terminal_step": L_(
        "standard input is not a terminal, so the step cannot be reopened",
    ),
    "ui.no_terminal_hint": L_(
        "run `{command}` in a terminal, pre-fill answers with --answers FILE, or pass "
        "--interactive to read the answers from standard input",
    ),
    "hint.pick": L_("arrows to move, type to filter, Enter to choose"),
    "hint.pick_many": L_("arrows to move, Space to tick, type to filter, Enter to confirm"),
    "ui.leave_empty": L_("(leave empty)"),
    "ui.back_key": L_('"<" or "back" goes back one question.'),
    "ui.back_word": L_("back"),
    "ui.no_back": L_("There is no earlier answer to go back to."),
    "ui.list_end": L_("Enter when there are no more"),
    "ui.fix_or_keep": L_("Answer it again, or keep it as it is?"),
    "ui.action.fix": L_("answer again"),
    "ui.action.keep_anyway": L_("keep it"),
    "ui.finish": L_("(finish)"),
    "hint.choice": L_("its number"),
    "hint.choices": L_("numbers separated by commas"),
    "hint.confirm": L_("y/n"),
    "hint.number": L_("a number"),
    "hint.number_or": L_("a number, or {words}"),
    # Translators: a date typed the language's way, or as the plan writes it.
    "hint.date": L_("{local}, {words} or {iso}"),
    "ui.not_a_date": L_("{answer} is not a date smplan can read: type it as {hint}"),
    "hint.date_day": LP_("date placeholder", "DD"),
    "hint.date_month": LP_("date placeholder", "MM"),
    "hint.date_year": LP_("date placeholder", "YYYY"),
    "finding.error": L_("error"),
    "finding.warning": L_("warning"),
    "finding.hint": L_(" (hint: {hint})"),
    "summary.steps": L_("Steps done"),
    "summary.members": L_("Team members"),
    "summary.team_hours": L_("Team hours a week"),
    "summary.needs": L_("Customer needs"),
    "summary.objectives": L_("Objectives"),
    "summary.primary": L_("Primary objective"),
    "summary.metrics": L_("Metrics"),
    "summary.segments": L_("Audience segments"),
    "summary.spokespeople": L_("Spokespeople"),
    "summary.channels": L_("Channels"),
    "summary.channel_hours": L_("Channel hours a week"),
}


def _table() -> dict[str, Message]:
    table: dict[str, Message] = {}
    for section, parts in _SECTIONS.items():
        for part, texts in parts.items():
            table[f"section.{section}.{part}"] = texts
    for section in ("project", *STEPS):
        table[f"section.{section}.title"] = label(Plan, section)
    for found in fields(Plan):
        table[f"field.{found.model.__name__}.{found.name}"] = label(found.model, found.name)
    for model, (heading, first, more) in _ITEMS.items():
        table[f"item.{model}"] = heading
        table[f"add.{model}"] = first
        table[f"more.{model}"] = more
    table.update(_UI)
    return table


#: Every text of the interview by key.
TEXTS: dict[str, Message] = _table()


def tr(key: str, lang: str, **values: Any) -> str:
    """The text `key` in `lang`, with `{placeholders}` filled in."""
    with language(lang):
        text = str(TEXTS[key])
    return text.format(**values) if values else text
