"""The full path stays short where it repeated itself: the bakery's listening step."""

from __future__ import annotations

from pathlib import Path

import yaml
from answering import Oracle

from smplan.interview.session import init

ROOT = Path(__file__).resolve().parent.parent

#: The most answers the listening step of a small business takes on the full path.
MOST = 60

BAKERY = """\
smplan: 1
project:
  name: Social media strategy 2027
  organization: Hearth & Loaf
  language: en
  author: Sophie Lambert, consultant
  date: 2026-11-25
  horizon: 2027-12-31
team:
  sponsor: {name: Claire Morel, role: Owner}
  members:
  - {id: claire-morel, name: Claire Morel, department: management, hours_per_week: 2}
  - {id: julien-roux, name: Julien Roux, department: marketing, hours_per_week: 3}
  - {id: nina-petit, name: Nina Petit, department: customer_service, hours_per_week: 2}
  cadence: A 30-minute meeting every Monday morning
"""

#: What the bakery says in its listening step: every part of it answered at least once.
LISTENING = yaml.safe_load(
    """
needs:
- id: know-whether-bread
  need: Know whether bread is left before coming
  source: Phone calls
  evidence: Ten calls a week
- id: order-a-birthday
  need: Order a birthday cake ahead
  source: Shop counter
  evidence: Asked every Saturday
sources:
- {name: Shop counter, kind: offline, notes: Nina notes the questions of the day}
- {name: Google reviews, kind: online, notes: Read every morning}
keywords:
  company: [Hearth & Loaf]
  executives: [Claire Morel]
  themes: [sourdough, local flour]
  competitors: [Town Bakery]
  partners: [Dupuy Mills]
  brands: []
  slogans: []
  intellectual_property: []
competitors:
- name: Town Bakery
  channels: [Instagram, Facebook]
  strengths: [Well reviewed on Google]
  weaknesses: [No orders taken online]
trends: [The return of natural sourdough]
opportunities:
- {department: sales, idea: Take cake orders by message}
tools:
- {name: Google Alerts, purpose: Alerts on the bakery's name, cost_per_month: 0}
review_cadence: weekly
monitoring_hours_per_week: 1
monitored_by: [nina-petit]
audit:
- platform: Facebook
  handle: Hearth & Loaf
  owner: claire-morel
  purpose: Closing days
  audience_size: 640
  activity: One post a month
  decision: fix
  note: The neighbourhood is there
playbook:
  verify: Check the order and the receipt
  cases:
  - {case: praise, action: Thank them publicly and personally, owner: nina-petit,
     response_hours: 24}
  - {case: unhappy, action: "Fix the problem, and take the conversation offline",
     owner: nina-petit, response_hours: 4}
  - {case: misinformed, action: "Correct the facts politely, with a source",
     owner: nina-petit, response_hours: 8}
  - {case: troll, action: "Watch, and do not feed the troll", owner: nina-petit,
     response_hours: 24}
  - {case: crisis, action: Escalate at once to the person in charge, owner: claire-morel,
     response_hours: 1}
listening_only: false
"""
)


def test_the_bakerys_listening_step_takes_at_most_60_answers_on_the_full_path(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(BAKERY, encoding="utf-8")
    person = Oracle({"listening": LISTENING})
    init(path, person, step="listening")
    keys = [q.key for q in person.questions]
    assert len(keys) <= MOST, keys
    # Every answer lands where it belongs.
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["listening"] == LISTENING
    # Each keyword category is one answer, and the competitor named there is described
    # without being named again.
    assert [k for k in keys if k.startswith("listening.keywords")] == [
        f"listening.keywords.{name}" for name in LISTENING["keywords"]
    ]
    assert "listening.competitors[0].name" not in keys
    # The README gives the count.
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"the bakery's listening step takes {len(keys)} answers" in readme
