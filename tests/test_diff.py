"""`smplan diff OLD NEW`: what changed in the strategy, on pairs of versions of the examples."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BAKERY = ROOT / "examples" / "boulangerie.yaml"
SOFTWARE = ROOT / "examples" / "b2b-software.yaml"

# What the bakery calls the things its changes below are found in.
OBJECTIVE = (
    "Passer de 24 à 45 commandes de gâteaux de fête par mois, dont au moins 15 venues "
    "d'Instagram ou de Facebook"
)
METRIC = "Commandes de gâteaux venues des réseaux sociaux"
SEGMENT = "Familles du centre-ville et des quartiers proches"
PILLAR = "Coulisses du fournil"
GALETTE = "Épiphanie, la galette des rois"

Edit = Callable[[dict[str, Any]], None]


@pytest.fixture
def versions(tmp_path: Path) -> Callable[..., tuple[Path, Path]]:
    """Write an example as version 1.0 and, edited by `edit`, as version 1.1."""

    def write(edit: Edit, example: Path = BAKERY) -> tuple[Path, Path]:
        data = yaml.safe_load(example.read_text(encoding="utf-8"))
        data["project"]["version"] = "1.0"
        old = tmp_path / "v1.0.yaml"
        old.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        changed = copy.deepcopy(data)
        changed["project"]["version"] = "1.1"
        edit(changed)
        new = tmp_path / "v1.1.yaml"
        new.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), "utf-8")
        return old, new

    return write


def _lines(result: Any) -> list[str]:
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_moving_things_around_is_no_change(smplan, versions):
    def reorder(plan: dict[str, Any]) -> None:
        for key in ("objectives", "metrics", "channels", "audience", "campaigns"):
            plan[key].reverse()
        plan["team"]["members"].reverse()
        plan["channels"][0]["slots"].reverse()

    lines = _lines(smplan("diff", *versions(reorder), "--lang", "en"))
    assert lines == [
        "Changes from version 1.0 to version 1.1",
        "The project",
        "  ~ Version: 1.0 → 1.1",
    ]


def test_objectives_added_removed_reworded_and_moved_in_time(smplan, versions):
    def edit(plan: dict[str, Any]) -> None:
        objectives = plan["objectives"]
        objectives[0]["statement"] = "Sell 20 cakes a month online"
        objectives[0]["deadline"] = "2027-12-31"
        removed = objectives.pop(1)
        plan["metrics"] = [m for m in plan["metrics"] if m["objective"] != removed["id"]]
        for channel in plan["channels"]:
            channel["objectives"] = [o for o in channel["objectives"] if o != removed["id"]]
        objectives.append({"id": "recrutement", "family": "costs", "statement": "Hire a baker"})

    old, new = versions(edit)
    first = yaml.safe_load(old.read_text(encoding="utf-8"))["objectives"]
    lines = _lines(smplan("diff", old, new, "--lang", "en"))
    section = lines[lines.index("Objectives") + 1 : lines.index("Metrics")]
    # A new wording is told under the list, by the objective's label; what else changed
    # is told under the objective's new wording.
    reworded = f"“{first[0]['statement']}” → “Sell 20 cakes a month online”"
    assert f"  ~ Objectives › The objective: {reworded}" in section
    assert (
        "  ~ Sell 20 cakes a month online › Deadline: 30 September 2027 → 31 December 2027"
        in section
    )
    assert f"  - Objectives, removed: {first[1]['statement']}" in section
    assert "  + Objectives, added: Hire a baker" in section
    # For the terminal, the findings the change brings: the new objective has no deadline.
    assert "  + new finding SMP304: objective `recrutement` has no deadline" in section


def test_targets_budgets_and_hours_old_to_new_in_the_plans_language(smplan, versions):
    def edit(plan: dict[str, Any]) -> None:
        plan["metrics"][0]["target"] = 20
        plan["channels"][0]["budget_per_month"] = 1250.5
        plan["channels"][0]["hours_per_week"] = 3.5
        plan["team"]["members"][0]["hours_per_week"] = 6

    lines = _lines(smplan("diff", *versions(edit)))
    assert lines[0] == "Changements de la version 1.0 à la version 1.1"
    assert "  ~ Commandes de gâteaux venues des réseaux sociaux › Cible : 15 → 20" in lines
    assert "  ~ Instagram › Budget mensuel : 40\u00a0€ → 1\u202f250,50\u00a0€" in lines
    assert "  ~ Instagram › Heures par semaine : 3\u00a0h → 3,5\u00a0h" in lines
    assert "  ~ Hélène Maréchal › Heures par semaine : 5\u00a0h → 6\u00a0h" in lines


def test_channels_opened_and_closed_people_added_and_removed(smplan, versions):
    def edit(plan: dict[str, Any]) -> None:
        closed = plan["channels"].pop()
        opened = {**copy.deepcopy(plan["channels"][0]), "id": "linkedin", "platform": "linkedin"}
        plan["channels"].append(opened)
        del plan["channels"][-1]["handle"]
        plan["team"]["members"].append({"id": "lea", "name": "Léa Morel", "hours_per_week": 1})
        plan["human_face"]["spokespeople"].pop()
        assert closed["platform"] == "Google Business Profile"

    lines = _lines(smplan("diff", *versions(edit), "--lang", "en"))
    # A platform is written as the document writes it.
    assert "  + The channel plan, added: LinkedIn" in lines
    assert "  - The channel plan, removed: Google Business Profile" in lines
    assert "  + Team members, added: Léa Morel" in lines
    assert "  - Spokespeople, removed: Hélène Maréchal" in lines
    assert lines.index("The team") < lines.index("The human face") < lines.index("The channel plan")


def test_a_channel_keeps_its_id_when_its_platform_is_renamed(smplan, versions):
    def rename(plan: dict[str, Any]) -> None:
        channel = plan["channels"][0]
        assert channel["id"] and channel["platform"] == "Instagram"
        channel["platform"] = "Instagram Business"
        channel["handle"] = "@marechal.boulangerie"

    lines = _lines(smplan("diff", *versions(rename), "--lang", "en"))
    assert not [line for line in lines if ", added: " in line or ", removed: " in line]
    assert "  ~ The channel plan › Platform: Instagram → Instagram Business" in lines
    assert "  ~ Instagram Business › Handle: @boulangerie.marechal → @marechal.boulangerie" in lines


def test_findings_that_appear_and_are_resolved(smplan, versions, tmp_path):
    def drop_deadline(plan: dict[str, Any]) -> None:
        del plan["objectives"][0]["deadline"]

    old, new = versions(drop_deadline)
    forward = _lines(smplan("diff", old, new, "--lang", "en"))
    assert "  + new finding SMP304: objective `gateaux` has no deadline" in forward
    backward = _lines(smplan("diff", new, old, "--lang", "en"))
    assert "  - resolved SMP304: objective `gateaux` has no deadline" in backward


def test_markdown_is_a_change_log_for_a_cover_letter(smplan, versions):
    def edit(plan: dict[str, Any]) -> None:
        plan["objectives"][0]["statement"] = "Sell *more* cakes <b>now</b>"
        del plan["objectives"][0]["deadline"]

    result = smplan("diff", *versions(edit, SOFTWARE), "--format", "md")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("## Changes from version 1.0 to version 1.1\n\n### The project\n\n- ")
    assert "### Objectives\n\n- Objectives › The objective: “" in text
    assert "→ “Sell \\*more\\* cakes \\<b\\>now\\</b\\>”" in text
    # What the client reads: the deadline taken out, not the rule that now flags it.
    assert "Sell \\*more\\* cakes \\<b\\>now\\</b\\> › Deadline, removed: " in text
    assert "SMP" not in text and "`" not in text


def test_json_gives_each_change_where_it_is_and_its_old_and_new_value(smplan, versions):
    def edit(plan: dict[str, Any]) -> None:
        plan["metrics"][0]["target"] = 20
        del plan["objectives"][0]["deadline"]

    result = smplan("diff", *versions(edit), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["from"], data["to"], data["language"]) == (
        {"version": "1.0"},
        {"version": "1.1"},
        "fr",
    )
    assert {
        "section": "metrics",
        "kind": "changed",
        "place": ["Commandes de gâteaux venues des réseaux sociaux", "Cible"],
        "old": "15",
        "new": "20",
        "text": "Commandes de gâteaux venues des réseaux sociaux › Cible : 15 → 20",
    } in data["changes"]
    found = [c for c in data["changes"] if c.get("code") == "SMP304"]
    assert [(c["section"], c["kind"]) for c in found] == [("objectives", "appeared")]


def _each_step_edited(plan: dict[str, Any]) -> None:
    """One field of each step changed, a slot moved, a campaign moved and dearer, a
    service removed and a campaign added."""
    plan["project"]["horizon"] = "2028-06-30"
    plan["team"]["members"][1]["role"] = "Artisan boulanger et pâtissier"
    plan["listening"]["needs"][0]["source"] = "Comptoir et téléphone"
    plan["objectives"][0]["priority"] = "medium"
    plan["metrics"][0]["baseline"] = 10
    plan["audience"][0]["platforms"].append("TikTok")
    plan["value"]["services"].pop(1)
    plan["human_face"]["voice"]["we_never"].append("Promettre un délai intenable")
    instagram = plan["channels"][0]
    instagram["pillars"][0]["share"] = 30
    instagram["slots"][3]["day"] = "sunday"
    galette = plan["campaigns"][0]
    galette["start"] = "2027-01-04"
    galette["budget"] = 400
    plan["campaigns"].append({"name": "Fête du pain", "start": "2027-05-10", "end": "2027-05-16"})


#: Each change of `_each_step_edited`, as the Markdown change log and the JSON tell it,
#: in English: (section, kind, place, old, new).
EACH_STEP = [
    ("project", "changed", ["Runs until"], "31 December 2027", "30 June 2028"),
    (
        "team",
        "changed",
        ["Thomas Maréchal", "Role"],
        "“Artisan boulanger, cogérant”",
        "“Artisan boulanger et pâtissier”",
    ),
    (
        "listening",
        "changed",
        [
            "Savoir avant de venir s'il reste du pain au levain ou des baguettes tradition en "
            "fin de journée",
            "Heard where",
        ],
        "“Comptoir de la boutique et appels téléphoniques”",
        "“Comptoir et téléphone”",
    ),
    ("objectives", "changed", [OBJECTIVE, "Priority"], "high", "medium"),
    ("metrics", "changed", [METRIC, "Value today"], "3", "10"),
    ("audience", "added", [SEGMENT, "Platform they use"], None, "TikTok"),
    ("value", "removed", ["Value-added services"], "Devis gâteau par message", None),
    ("human_face", "added", ["Voice and tone", "We never"], None, "Promettre un délai intenable"),
    ("channels", "changed", ["Instagram", PILLAR, "Share of posts"], "35%", "30%"),
    ("channels", "added", ["Instagram", "Posting slots"], None, "Sunday 09:00"),
    ("channels", "removed", ["Instagram", "Posting slots"], "Saturday 09:00", None),
    ("campaigns", "added", ["Campaigns and key dates"], None, "Fête du pain"),
    ("campaigns", "changed", [GALETTE, "From"], "2 January 2027", "4 January 2027"),
    ("campaigns", "changed", [GALETTE, "Budget"], "€40", "€400"),
]


def test_every_step_slot_campaign_and_removed_item_is_told_by_name(smplan, versions):
    old, new = versions(_each_step_edited)
    found = json.loads(smplan("diff", old, new, "--format", "json", "--lang", "en").stdout)
    told = [
        (c["section"], c["kind"], c["place"], c["old"], c["new"])
        for c in found["changes"]
        if "code" not in c
    ]
    version = ("project", "changed", ["Version"], "1.0", "1.1")
    assert told == [EACH_STEP[0], version, *EACH_STEP[1:]]

    result = smplan("diff", old, new, "--format", "md", "--lang", "en")
    assert result.exit_code == 0, result.output
    md = result.stdout
    for _section, kind, place, before, after in EACH_STEP:
        where = " › ".join(place)
        line = {
            "changed": f"- {where}: {before} → {after}",
            "added": f"- {where}, added: {after}",
            "removed": f"- {where}, removed: {before}",
        }[kind]
        assert line in md.replace("\\", ""), line
    # Names and labels only: no id, no field path, no code, no markup of smplan's own.
    for word in ("gateaux", "commandes-reseaux", "familles", "budget_per_month", "slots[", "SMP"):
        assert word not in md
    assert "`" not in md


def test_same_plan_twice_says_nothing_changed(smplan):
    result = smplan("diff", BAKERY, BAKERY, "--lang", "en")
    assert _lines(result) == ["Changes since version 1.0", "No change in the strategy."]


def test_a_broken_version_is_reported_at_its_line(smplan, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("smplan: 1\nprojet: {}\n")
    result = smplan("diff", BAKERY, broken)
    assert result.exit_code == 1
    assert f"{broken}:2:1: projet: unknown key `projet`" in result.stderr
    assert smplan("diff", BAKERY, tmp_path / "missing.yaml").exit_code == 2
    assert smplan("diff", BAKERY, BAKERY, "--format", "xml").exit_code == 2


def test_render_since_opens_the_document_with_the_changes(smplan, versions, tmp_path):
    def edit(plan: dict[str, Any]) -> None:
        plan["objectives"][0]["statement"] = "Sell <b>more</b> cakes"

    old, new = versions(edit)
    md = tmp_path / "plan.md"
    result = smplan("render", new, "--since", old, "-o", md)
    assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    heading = "## Changements de la version 1.0 à la version 1.1"
    assert f"- {heading[3:]}\n- Synthèse\n" in text
    changes = text[text.index(heading) : text.index("\n## Synthèse")]
    # A French document: no-break spaces before the colon and inside the quotes.
    objective = "- Les objectifs › L\u2019objectif\u00a0: «\u00a0Passer de 24"
    assert f"### Objectifs et mesure\n\n{objective}" in changes
    assert "→ «\u00a0Sell \\<b>more\\</b> cakes\u00a0»" in changes

    html = tmp_path / "plan.html"
    assert smplan("render", new, "--since", old, "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert (
        '<h2 id="changes" class="chapter">Changements de la version 1.0 à la version 1.1</h2>'
        in page
    )
    assert "Sell &lt;b&gt;more&lt;/b&gt; cakes" in page
    without = tmp_path / "plain.html"
    assert smplan("render", new, "-o", without).exit_code == 0
    assert 'id="changes"' not in without.read_text(encoding="utf-8")


def test_the_change_log_since_the_last_version_speaks_the_clients_words(smplan, versions, tmp_path):
    def edit(plan: dict[str, Any]) -> None:
        _each_step_edited(plan)
        # A change that resolves a finding and one that raises one: neither is the client's.
        plan["listening"]["monitored_by"] = []
        plan["metrics"][2]["target"] = 100

    old, new = versions(edit)
    md = tmp_path / "plan.md"
    assert smplan("render", new, "--since", old, "-o", md).exit_code == 0
    text = md.read_text(encoding="utf-8")
    log = text[text.index("## Changements de la version") : text.index("\n## Synthèse")]
    assert "- Instagram › Créneaux de publication, ajout\u00a0: dimanche 09:00\n" in log
    assert "- Épiphanie, la galette des rois › Budget\u00a0: 40\u00a0€ → 400\u00a0€\n" in log
    assert "- Services à valeur ajoutée, retrait\u00a0: Devis gâteau par message\n" in log
    # Names, not ids; no rule code, no backtick, no field path.
    assert "SMP" not in log and "`" not in log
    for word in ("engagement-instagram", "helene", "monitored_by", "budget_per_month", "[0]"):
        assert word not in log


def test_render_since_a_broken_version_says_where(smplan, tmp_path):
    broken = tmp_path / "old.yaml"
    broken.write_text("smplan: 1\nprojet: {}\n")
    result = smplan("render", BAKERY, "--since", broken, "-o", tmp_path / "plan.md")
    assert result.exit_code == 1
    assert f"{broken}:2:1: projet: unknown key `projet`" in result.stderr
    assert not (tmp_path / "plan.md").exists()
    several = smplan("render", BAKERY, SOFTWARE, "--since", BAKERY, "-o", tmp_path)
    assert several.exit_code == 2
    assert several.stderr.startswith("error: --since takes one plan")


def test_render_since_a_missing_version_is_told_before_any_document_is_made(tmp_path):
    out, old = tmp_path / "plan.pdf", tmp_path / "old.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "smplan", "render", str(BAKERY), "-f", "pdf", "-o", str(out),
         "--since", str(old)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    # The earlier version is read before the PDF engine loads, so nothing else is said
    # (such as the engine's note on a missing libharfbuzz-subset).
    assert result.stderr == f"{old}: no such file\n"
    assert not out.exists()
