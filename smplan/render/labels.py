"""The words of the document: section titles, table headers and short notes.

A header or a fact that names a field of the plan is that field's label, the same words
the interview asks it by and a diff names its changes by.
"""

from __future__ import annotations

from pydantic import BaseModel

from smplan.i18n import L_, LP_, Message
from smplan.plan.labels import STEP_TITLES
from smplan.plan.meta import label
from smplan.plan.model import (
    Account,
    Approval,
    Campaign,
    Channel,
    Competitor,
    HumanFace,
    Listening,
    Member,
    Need,
    Objective,
    Opportunity,
    Pillar,
    Plan,
    PlaybookCase,
    Project,
    Segment,
    Service,
    Source,
    Team,
    Tool,
    Topic,
    Value,
    Voice,
)

#: Every label the document prints, by the name templates use (`t.contents`).
_LABELS: dict[str, Message] = {
    "default_title": L_("Social media strategy"),
    "document_kind": L_("Social media strategy"),
    "summary_kind": L_("Strategy at a glance"),
    "date": L_("Date"),
    "contents": L_("Contents"),
    "colon": L_(":"),
    "semicolon": L_("; "),
    "draft": L_("Draft"),
    "no_objectives": L_("The objectives are not set yet."),
    "unknown_yet": L_("unknown yet"),
    "per_week": L_("a week"),
    "summary": L_("Executive summary"),
    "traceability": L_("Traceability"),
    "resources": L_("Resources"),
    "calendar": L_("Content calendar"),
    "intro_calendar": L_(
        "The channel plan turned into dates: each channel's posting slots, its pillars in "
        "turn, and the campaigns and key dates over the plan's span. The whole calendar is also "
        "delivered as a file for calendar applications and scheduling tools."
    ),
    "calendar_first_month": L_("The first month"),
    "intro_campaigns": L_(
        "The campaigns and key dates over the plan's span, before any channel is opened."
    ),
    "campaign_timeline": L_("Campaigns over the plan's span"),
    "no_channel": L_("no channel"),
    "next_actions": L_("First actions"),
    "chapter_summary": L_("Summary"),
    "chapter_situation": L_("Situation and insights"),
    "chapter_objectives": L_("Objectives and measurement"),
    "chapter_audiences": L_("Audiences and personas"),
    "chapter_message": L_("What we will say"),
    "chapter_channels": L_("Where and how often"),
    "chapter_running": L_("How we run it"),
    "chapter_budget": L_("Budget and time"),
    "chapter_first_days": L_("The first 90 days"),
    "chapter_risks": L_("Assumptions and risks"),
    "chapter_open": L_("Still to be decided"),
    "chapter_signoff": L_("Sign-off"),
    "chapter_reading": L_("How to read this document"),
    "chapter_queries": L_("Monitoring queries"),
    "chapter_traceability": L_("Traceability"),
    "chapter_glossary": L_("Glossary"),
    "appendices": L_("Appendices"),
    "objective_number": L_("Objective {number}"),
    "open_intro": L_(
        "These points are not settled yet. The plan holds without them, but each one is to be "
        "decided together before the work it concerns begins."
    ),
    "open_missing_team": L_("Who carries the work, and how the team meets and approves"),
    "open_missing_listening": L_("What customers, the sector and competitors say"),
    "open_missing_objectives": L_("The objectives"),
    "open_missing_metrics": L_("How each objective will be measured"),
    "open_missing_audience": L_("The audiences to reach"),
    "open_missing_value": L_("What the organization brings beyond its products"),
    "open_missing_human_face": L_("Who speaks for the organization, and in what voice"),
    "open_missing_channels": L_("The channels, their rhythm and who runs them"),
    "open_answers": L_("Some answers are still to be given"),
    "open_project": L_("The cover lacks a detail: the title, the author, a date or the end date"),
    "strategy": L_("Our strategy in one sentence"),
    "quoted": L_("“{quote}”"),
    "open_note": L_(
        "Some points are still to be decided: the full document lists them on one page."
    ),
    "what_it_costs": L_("What it costs"),
    "audiences_glance": L_("Who we speak to"),
    "insights": L_("Key insights"),
    "persona_moments": L_("When and where to reach them"),
    "persona_objections": L_("What holds them back"),
    "aimed_by": L_("Objectives aimed at them"),
    "post_ideas": L_("Post ideas"),
    "hook": L_("Hook"),
    "idea_post": L_("What the post shows"),
    "format": L_("Format"),
    "hashtags": L_("Hashtags"),
    "visuals": L_("Visual guidelines"),
    "human_face_title": L_("The faces of the organization"),
    "crisis": L_("Crisis scenarios"),
    "scenario": L_("Scenario"),
    "holding_statement": L_("Holding statement"),
    "escalation": L_("Who is alerted"),
    "budget_lines": L_("Budget by kind"),
    "item": L_("Item"),
    "per_month": L_("A month"),
    "once": L_("Once"),
    "monthly_spend": L_("Spending a month"),
    "one_off_spend": L_("One-off spending"),
    "team_value": L_("The team's time"),
    "team_value_note": L_("{amount} a month ({hours} at {rate} an hour)"),
    "plan_totals": L_("What the plan costs"),
    "when": L_("When"),
    "milestone": L_("Milestone"),
    "assumptions": L_("Assumptions"),
    "risks": L_("Risks"),
    "risk": L_("Risk"),
    "mitigation": L_("What reduces it"),
    "signoff_intro": L_(
        "By signing, both parties agree on this strategy as the basis of the work for the "
        "period it covers; any later change is recorded in a new version."
    ),
    "for_org": L_("For {org}"),
    "for_client": L_("For the client"),
    "prepared_by": L_("Prepared by"),
    "prepared_for": L_("Prepared for"),
    "signature": L_("Signature"),
    "signed_on": L_("Date"),
    "reading_intro": L_(
        "This document follows a simple order: people and their needs first, tools last. "
        "Each chapter answers one question:"
    ),
    "reading_draft": L_("This version is a working draft, to be discussed before it is signed."),
    "term_pillar": L_("Content pillar"),
    "def_pillar": L_(
        "A theme the posts come back to regularly; each channel mixes a few of them in set shares."
    ),
    "term_mix": L_("Content mix"),
    "def_mix": L_(
        "The shares of educational, entertaining, conversational and promotional posts; "
        "promotion stays a minority."
    ),
    "term_persona": L_("Persona"),
    "def_persona": L_(
        "One imagined person who stands for an audience, so that every post is written for someone."
    ),
    "term_query": L_("Monitoring query"),
    "def_query": L_(
        "A search that a monitoring tool runs continuously to find what is said about the "
        "organization and its themes."
    ),
    "intro_team": L_(
        "Social media concerns the whole company: a team drawn from several departments carries "
        "the work, so that those who listen to customers and those who speak for the company work "
        "together."
    ),
    "intro_listening": L_(
        "Before speaking, the organization listens: to its customers, online and offline, to its "
        "sector and to its competitors, to find the needs a web presence can answer."
    ),
    "intro_objectives": L_(
        "Objectives come before tools and serve the business strategy; one of them is the central "
        "objective to start with."
    ),
    "intro_audience": L_(
        "The people the strategy wants to reach, grounded in the needs heard while listening, and "
        "the content that reaches them."
    ),
    "intro_value": L_(
        "People follow a philosophy more than a product: what the organization stands for, the "
        "topics worth talking about, and the services that answer real needs."
    ),
    "intro_channels": L_(
        "Platforms are chosen last, knowing why, how and with what resources each one is run."
    ),
    "intro_traceability": L_(
        "Each objective, the metrics that judge it, the channels that serve it and the audiences "
        "it aims at."
    ),
    "intro_keywords": L_(
        "The terms to follow on the monitoring dashboard, by category, with search queries ready "
        "to paste into a monitoring tool."
    ),
    "intro_resources": L_("The time each person gives, and what each channel costs."),
    "no_primary": L_("No primary objective has been chosen yet."),
    "key_metrics": L_("Key metrics"),
    "channels_glance": L_("Channels at a glance"),
    "hours_needed": L_("Time the plan needs"),
    "hours_declared": L_("Time the team declared"),
    "no_channels": L_("No channel is planned yet."),
    "listening_only_note": L_("For now the strategy is to listen only: no channel is opened."),
    "no_actions": L_("Nothing left to schedule."),
    "members": L_("Members"),
    "responsibilities": L_("Responsibilities"),
    "content": L_("Content"),
    "delay": L_("Delay"),
    "cadence": L_("Cadence"),
    "what": L_("What"),
    "owner": L_("Owner"),
    "need": L_("Need"),
    "heard_at": L_("Heard at"),
    "competitors": L_("Competitors"),
    "channels": L_("Channels"),
    "strengths": L_("Strengths"),
    "weaknesses": L_("Weaknesses"),
    "trends": L_("Trends"),
    "tools": L_("Tools"),
    "purpose": L_("Purpose"),
    "monitoring": L_("Monitoring"),
    "review_cadence": L_("Dashboard review"),
    "monitoring_hours": L_("Monitoring time"),
    "monitored_by": L_("Monitored by"),
    "account": L_("Account"),
    "audience_size": LP_("audience size", "Audience"),
    "used_for": L_("Used for"),
    "objectives_summary": L_("Objectives"),
    "targets": L_("Metrics (today → target)"),
    "see_keywords": L_(
        "The monitoring keywords and the response playbook have their own sections below."
    ),
    "objective": L_("Objective"),
    "business_goal": L_("Business goal"),
    "metric": L_("Metric"),
    "metrics": L_("Metrics"),
    "definition": L_("Definition"),
    "baseline_target": L_("Baseline → target"),
    "frequency": L_("Frequency"),
    "source_frequency": L_("Source and frequency"),
    "unlinked_metrics": L_("Metrics not tied to an objective"),
    "demographics": L_("Demographics"),
    "platforms": L_("Platforms they use"),
    "differentiators": L_("What sets us apart"),
    "channel": L_("Channel"),
    "share": L_("Share"),
    "formats": L_("Formats"),
    "promotional_share": L_("Promotional share of the mix"),
    "effort_chart": L_("Hours a week by channel"),
    "budget_chart": L_("Budget a month by channel"),
    "audiences": L_("Audiences"),
    "category": L_("Category"),
    "terms": L_("Keywords"),
    "queries": L_("Ready-to-paste queries"),
    "query_org_themes": L_("Our organization in our themes"),
    "query_competitors_themes": L_("Competitors in our themes"),
    "verify": L_("First, check the facts"),
    "case": L_("Case"),
    "action": L_("Action"),
    "people_time": L_("Time by person"),
    "person": L_("Person"),
    "declared": L_("Declared"),
    "runs": L_("Channels run"),
    "planned_hours": LP_("hours a person is asked for", "Planned"),
    "channel_costs": L_("Cost by channel"),
    "tool_costs": L_("Tools"),
    "total": L_("Total"),
    "action_monitoring": L_("Set up monitoring with the ready-to-paste keyword queries"),
    "action_audit": L_("Tidy up the existing accounts:"),
    "action_fix_accounts": L_("fix"),
    "action_close_accounts": L_("close"),
    "action_review": L_("Hold the first review ({cadence}): {what}."),
    "report_kind": L_("Results report"),
    "report_aims": L_("What we set out to do"),
    "report_standing": L_("Where each objective stands"),
    "report_glance": L_("At a glance"),
    "report_channels": L_("Channel by channel"),
    "report_next": L_("What comes next"),
    "report_next_review": L_("Next review"),
    "report_attention": L_("Metrics that need attention"),
    "report_all_on_track": L_("Every metric with figures is on track."),
    "report_no_results": L_("No figure has been recorded for this period yet."),
    "report_no_data": L_("Metrics still without figures"),
    "report_why": L_("Why"),
    "report_next_action": L_("Next step"),
    "report_no_action": L_("not decided yet"),
    "baseline": L_("Baseline"),
    "actual": L_("Actual"),
    "previous": L_("Last time"),
    "expected": L_("Expected for that period"),
    "target": L_("Target"),
    "pacing": L_("Pacing"),
    "status": L_("Status"),
    "trend": L_("Trend"),
    "projection": L_("Projected by the deadline"),
    "target_met": L_("target met"),
}


#: The labels that name a field of the plan (a table's header, a fact's name): the field's
#: own label, by the name templates use.
_FIELDS: dict[str, tuple[type[BaseModel], str]] = {
    "author": (Project, "author"),
    "version": (Project, "version"),
    "horizon": (Project, "horizon"),
    "keywords": (Listening, "keywords"),
    "playbook": (Listening, "playbook"),
    "campaigns": (Plan, "campaigns"),
    "campaign": (Campaign, "name"),
    "from": (Campaign, "start"),
    "to": (Campaign, "end"),
    "budget": (Campaign, "budget"),
    "primary_objective": (Objective, "primary"),
    "sponsor": (Team, "sponsor"),
    "name": (Member, "name"),
    "role": (Member, "role"),
    "department": (Member, "department"),
    "hours_week": (Member, "hours_per_week"),
    "team_cadence": (Team, "cadence"),
    "approvals": (Team, "approvals"),
    "drafted_by": (Approval, "drafted_by"),
    "approved_by": (Approval, "approved_by"),
    "reviews": (Team, "reviews"),
    "needs": (Listening, "needs"),
    "evidence": (Need, "evidence"),
    "sources": (Listening, "sources"),
    "source": (Source, "name"),
    "notes": (Source, "notes"),
    "competitor": (Competitor, "name"),
    "opportunities": (Listening, "opportunities"),
    "idea": (Opportunity, "idea"),
    "tool": (Tool, "name"),
    "cost_month": (Tool, "cost_per_month"),
    "audit": (Listening, "audit"),
    "activity": (Account, "activity"),
    "decision": (Account, "decision"),
    "family": (Objective, "family"),
    "priority": (Objective, "priority"),
    "deadline": (Objective, "deadline"),
    "psychographics": (Segment, "psychographics"),
    "reaching_content": (Segment, "content"),
    "philosophy": (Value, "philosophy"),
    "promise": (Value, "promise"),
    "topics": (Value, "topics"),
    "topic": (Topic, "topic"),
    "kind": (Topic, "kind"),
    "services": (Value, "services"),
    "service": (Service, "name"),
    "description": (Service, "description"),
    "need_answered": (Service, "need"),
    "spokespeople": (HumanFace, "spokespeople"),
    "voice": (HumanFace, "voice"),
    "tone": (Voice, "tone"),
    "we_do": (Voice, "we_do"),
    "we_never": (Voice, "we_never"),
    "serves": (Channel, "objectives"),
    "reaches": (Channel, "audiences"),
    "pillars": (Channel, "pillars"),
    "pillar": (Pillar, "name"),
    "posts_week": (Channel, "posts_per_week"),
    "budget_month": (Channel, "budget_per_month"),
    "judged_by": (Channel, "metrics"),
    "response_time": (PlaybookCase, "response_hours"),
}


def labels() -> dict[str, str]:
    """Every label of the document in the language in force; step titles as `step_KEY`."""
    words = {key: str(text) for key, text in _LABELS.items()}
    words.update({key: str(label(model, name)) for key, (model, name) in _FIELDS.items()})
    words.update({f"step_{key}": str(title) for key, title in STEP_TITLES.items()})
    return words
