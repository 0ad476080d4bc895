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
    "draft_note": L_("Working draft: some steps are not finished yet."),
    "unfinished_steps": L_("Steps still to finish"),
    "step": L_("Step"),
    "status_missing": L_("not started"),
    "status_incomplete": L_("to be completed"),
    "status_complete": L_("complete"),
    "step_missing_note": L_("This step has not been started yet."),
    "step_incomplete_note": L_("Some answers are still missing (smplan check lists them)."),
    "no_objectives": L_("The objectives (step 3) are not set yet."),
    "none": L_("none"),
    "not_filled": L_("not filled in"),
    "unknown_yet": L_("unknown yet"),
    "per_week": L_("a week"),
    "summary": L_("Executive summary"),
    "traceability": L_("Traceability"),
    "resources": L_("Resources"),
    "calendar": L_("Content calendar"),
    "intro_calendar": L_(
        "The channel plan turned into dates: each channel's posting slots, its pillars in "
        "turn, and the campaigns and key dates over the plan's span. The calendar command writes "
        "the whole calendar for calendar applications and schedulers."
    ),
    "calendar_first_month": L_("The first month"),
    "campaign_timeline": L_("Campaigns over the plan's span"),
    "no_channel": L_("no channel"),
    "next_actions": L_("Next three actions"),
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
    "intro_metrics": L_(
        "How the benefit is measured is decided from the start, each metric with its starting "
        "point, its target and its deadline."
    ),
    "intro_audience": L_(
        "The people the strategy wants to reach, grounded in the needs heard while listening, and "
        "the content that reaches them."
    ),
    "intro_value": L_(
        "People follow a philosophy more than a product: what the organization stands for, the "
        "topics worth talking about, and the services that answer real needs."
    ),
    "intro_human_face": L_(
        "On social platforms a company competes with friends and family for attention: named "
        "people give it a human face and a consistent voice."
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
    "intro_playbook": L_(
        "Before any reply, check whether what is said is true; then answer according to the case, "
        "within the stated time."
    ),
    "intro_resources": L_("The time each person gives, and what each channel costs."),
    "no_primary": L_("No primary objective has been chosen yet."),
    "key_metrics": L_("Key metrics"),
    "channels_glance": L_("Channels at a glance"),
    "time_budget": L_("Time and budget"),
    "hours_needed": L_("Time the plan needs"),
    "hours_declared": L_("Time the team declared"),
    "monthly_budget": L_("Monthly budget"),
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
    "action_finish_step": L_("Finish step {number}: {title}."),
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
