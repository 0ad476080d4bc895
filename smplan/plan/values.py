"""The names of the plan's fixed values (a department, a frequency...) in every language.

They live apart from the model so that reading a choice as a person writes it
(`smplan.plan.choices`, which the model uses) can know them without an import circle.
"""

from __future__ import annotations

from smplan.i18n import LP_, Message

#: The name of each fixed value of the plan: kind of value -> value -> name.
FIXED_VALUE_LABELS: dict[str, dict[str, Message]] = {
    "department": {
        "management": LP_("department", "Management"),
        "marketing": LP_("department", "Marketing"),
        "communication": LP_("department", "Communication"),
        "customer_service": LP_("department", "Customer service"),
        "support": LP_("department", "Support"),
        "sales": LP_("department", "Sales"),
        "rd": LP_("department", "R&D"),
        "monitoring": LP_("department", "Monitoring"),
        "hr": LP_("department", "Human resources"),
        "it": LP_("department", "IT"),
        "legal": LP_("department", "Legal"),
        "finance": LP_("department", "Finance"),
        "operations": LP_("department", "Operations"),
        "production": LP_("department", "Production"),
        "owner": LP_("department", "Owner or manager"),
        "practitioners": LP_("department", "Practitioners"),
        "front_desk": LP_("department", "Front desk"),
        "other": LP_("department", "Other"),
    },
    "frequency": {
        "daily": LP_("frequency", "daily"),
        "weekly": LP_("frequency", "weekly"),
        "monthly": LP_("frequency", "monthly"),
        "quarterly": LP_("frequency", "quarterly"),
        "yearly": LP_("frequency", "yearly"),
    },
    "source_kind": {
        "online": LP_("source_kind", "online"),
        "offline": LP_("source_kind", "offline"),
    },
    "decision": {
        "keep": LP_("decision", "Keep"),
        "fix": LP_("decision", "Fix"),
        "close": LP_("decision", "Close"),
    },
    "case": {
        "praise": LP_("case", "Praise"),
        "unhappy": LP_("case", "Unhappy customer"),
        "misinformed": LP_("case", "Misinformed customer"),
        "troll": LP_("case", "Troll"),
        "crisis": LP_("case", "Crisis"),
    },
    "family": {
        "revenue": LP_("family", "Revenue growth"),
        "costs": LP_("family", "Cost reduction"),
        "relationship": LP_("family", "Customer relationship"),
        "loyalty": LP_("family", "Loyalty"),
        "recruitment": LP_("family", "Recruitment"),
        "awareness": LP_("family", "Awareness and reputation"),
    },
    "priority": {
        "high": LP_("priority", "high"),
        "medium": LP_("priority", "medium"),
        "low": LP_("priority", "low"),
    },
    "metric_kind": {
        "reach": LP_("metric_kind", "reach"),
        "engagement": LP_("metric_kind", "engagement"),
        "conversion": LP_("metric_kind", "conversion"),
        "revenue": LP_("metric_kind", "revenue"),
        "cost": LP_("metric_kind", "cost"),
        "sentiment": LP_("metric_kind", "sentiment"),
        "service": LP_("metric_kind", "service"),
    },
    "standard": {
        "engagement_rate_reach": LP_("standard", "Engagement rate by reach"),
        "engagement_rate_impressions": LP_("standard", "Engagement rate by impressions"),
        "share_of_voice": LP_("standard", "Share of voice"),
        "net_sentiment": LP_("standard", "Net sentiment"),
        "click_through_rate": LP_("standard", "Click-through rate"),
        "conversion_rate": LP_("standard", "Conversion rate"),
        "cost_per_acquisition": LP_("standard", "Cost per acquisition"),
        "roi": LP_("standard", "Return on investment"),
        "response_time": LP_("standard", "Response time"),
        "response_rate": LP_("standard", "Response rate"),
        "nps": LP_("standard", "Net Promoter Score"),
    },
    "formula": {
        "engagement_rate_reach": LP_("formula", "engagements ÷ reach × 100"),
        "engagement_rate_impressions": LP_("formula", "engagements ÷ impressions × 100"),
        "share_of_voice": LP_("formula", "brand mentions ÷ (brand + competitor mentions) × 100"),
        "net_sentiment": LP_("formula", "(positive − negative mentions) ÷ all mentions × 100"),
        "click_through_rate": LP_("formula", "clicks ÷ impressions × 100"),
        "conversion_rate": LP_("formula", "conversions ÷ clicks × 100"),
        "cost_per_acquisition": LP_("formula", "spend ÷ acquisitions"),
        "roi": LP_("formula", "(value − cost) ÷ cost × 100"),
        "response_time": LP_("formula", "mean time to the first reply"),
        "response_rate": LP_("formula", "messages answered ÷ messages received × 100"),
        "nps": LP_("formula", "% promoters (9–10) − % detractors (0–6)"),
    },
    "status": {
        "on_track": LP_("status", "on track"),
        "at_risk": LP_("status", "at risk"),
        "off_track": LP_("status", "off track"),
        "no_data": LP_("status", "no data"),
        "no_target": LP_("status", "no target"),
        "too_early": LP_("status", "too early to judge"),
    },
    "pace": {
        "ahead": LP_("pace", "ahead"),
        "on_pace": LP_("pace", "on pace"),
        "behind": LP_("pace", "behind"),
        "below_start": LP_("pace", "below the starting point"),
    },
    "trend": {
        "better": LP_("trend", "improving"),
        "worse": LP_("trend", "worsening"),
        "flat": LP_("trend", "steady"),
    },
    "weekday": {
        "monday": LP_("weekday", "Monday"),
        "tuesday": LP_("weekday", "Tuesday"),
        "wednesday": LP_("weekday", "Wednesday"),
        "thursday": LP_("weekday", "Thursday"),
        "friday": LP_("weekday", "Friday"),
        "saturday": LP_("weekday", "Saturday"),
        "sunday": LP_("weekday", "Sunday"),
    },
    "content_kind": {
        "educational": LP_("content_kind", "educational"),
        "entertaining": LP_("content_kind", "entertaining"),
        "conversational": LP_("content_kind", "conversational"),
        "promotional": LP_("content_kind", "promotional"),
    },
    "insight_kind": {
        "strength": LP_("insight_kind", "Strength"),
        "weakness": LP_("insight_kind", "Weakness"),
        "opportunity": LP_("insight_kind", "Opportunity"),
        "threat": LP_("insight_kind", "Threat"),
    },
    "plan_status": {
        "draft": LP_("plan_status", "draft"),
        "final": LP_("plan_status", "final"),
    },
    "budget_kind": {
        "production": LP_("budget_kind", "Production"),
        "advertising": LP_("budget_kind", "Advertising"),
        "tools": LP_("budget_kind", "Tools"),
        "team": LP_("budget_kind", "The team's time"),
        "other": LP_("budget_kind", "Other"),
    },
}
