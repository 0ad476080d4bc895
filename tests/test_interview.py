"""The interview core: prompts drawn from the model, answers checked by it, saved at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from smplan.errors import ExitCode, Interrupted, PlanInvalidError, UsageError
from smplan.interview.guidance import TEXTS
from smplan.interview.progress import last_answered
from smplan.interview.questions import (
    Block,
    Question,
    asked_fields,
    reference_target,
    spec,
)
from smplan.interview.session import init
from smplan.plan.files import load_plan
from smplan.plan.meta import MEMBER, collections, fields, references, submodel
from smplan.plan.model import STEPS, Metric, Objective, Plan

ROOT = Path(__file__).resolve().parent.parent


class Script:
    """Answers questions by their key; anything not scripted gets an empty answer."""

    def __init__(self, answers: dict[str, str | list[str]] | None = None, stop_at: str = ""):
        self.answers = {
            k: list(v) if isinstance(v, list) else [v] for k, v in (answers or {}).items()
        }
        self.stop_at = stop_at
        self.questions: list[Question] = []
        self.blocks: list[Block] = []
        self.on_ask = None

    def ask(self, question: Question) -> str:
        self.questions.append(question)
        if self.on_ask:
            self.on_ask(question)
        if question.key == self.stop_at:
            raise KeyboardInterrupt
        queue = self.answers.get(question.key)
        return queue.pop(0) if queue else ""

    def show(self, block: Block) -> None:
        self.blocks.append(block)

    def asked(self, key: str) -> list[Question]:
        return [q for q in self.questions if q.key == key]

    def errors(self) -> list[str]:
        return [line for b in self.blocks if b.kind == "error" for line in b.lines]


def plan_yaml(**sections: str) -> str:
    return "smplan: 1\n" + "".join(sections.values())


PROJECT = """\
project:
  name: Plan 2027
  organization: Maison Fournil
  language: en
  author: Sophie
  date: 2026-11-25
"""
TEAM = """\
team:
  members:
    - id: claire
      name: Claire Morel
      department: marketing
      hours_per_week: 4
    - id: julien
      name: Julien
      department: customer_service
      hours_per_week: 3
"""
OBJECTIVES = """\
objectives:
  - id: orders
    statement: 40 orders a month
    primary: true
    deadline: 2027-06-30
  - id: reviews
    statement: Answer every review
"""


# --- the texts --------------------------------------------------------------------------


def test_every_field_the_interview_asks_has_a_label_and_help():
    for model, name in asked_fields():
        assert f"field.{model.__name__}.{name}" in TEXTS, f"{model.__name__}.{name}"
        info = model.model_fields[name]
        assert info.description, f"{model.__name__}.{name}"
        if spec(model, name).kind == "items":
            item = spec(model, name).target.__name__
            assert {f"item.{item}", f"add.{item}", f"more.{item}"} <= set(TEXTS)


def test_every_section_has_guidance():
    for section in ("project", *STEPS):
        for part in ("title", "why", "good", "example", "pitfall"):
            assert f"section.{section}.{part}" in TEXTS


def test_a_refused_answer_is_worded_as_check_words_the_same_value_in_a_file(tmp_path, smplan):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    asker = Script(
        {
            "team.members[0].name": "Claire",
            "team.members[0].hours_per_week": ["120", "4"],
        }
    )
    init(path, asker, step="team")
    by_hand = tmp_path / "by-hand.yaml"
    text = "team:\n  members:\n  - id: claire\n    hours_per_week: 120\n"
    by_hand.write_text(plan_yaml(p=PROJECT) + text)
    check = smplan("check", by_hand)
    # check counts positions from 1 and names the problem's code before its words.
    message = check.output.split("team.members[1].hours_per_week: ", 1)[1].split("\n")[0]
    worded = re.sub(r"^error SMP\d+: ", "", message).split(" (hint")[0]
    assert asker.errors()[0].startswith(worded), (asker.errors(), message)
    assert load_plan(path).plan.team.members[0].hours_per_week == 4


# --- prompts drawn from the model -------------------------------------------------------


def test_the_field_type_picks_the_prompt():
    from smplan.plan.model import Channel, Listening, Member, Metric

    assert spec(Member, "department").kind == "choice"
    assert spec(Member, "hours_per_week").kind == "number"
    assert spec(Member, "responsibilities").kind == "texts"
    assert spec(Objective, "primary").kind == "confirm"
    assert spec(Objective, "deadline").kind == "date"
    assert spec(Metric, "baseline").kind == "number"
    assert spec(Metric, "baseline").words == ("unknown",)
    assert spec(Metric, "objective").kind == "ref"
    assert spec(Channel, "audiences").kind == "refs"
    assert spec(Channel, "pillars").kind == "items"
    assert spec(Listening, "keywords").kind == "model"


def test_every_reference_names_a_kind_the_plan_holds_in_a_list_with_ids():
    held = collections(Plan)
    kinds = {kind for _, kind in references(Plan)}
    assert kinds == set(held)
    for kind, path in held.items():
        model = next(f for f in fields(Plan) if f.path == path)
        item, many = submodel(model.info)
        assert many and item is not None and "id" in item.model_fields, kind.key
    # A field that reads as a reference and is not marked as one would be asked as free text.
    for model, name in asked_fields():
        info = model.model_fields[name]
        if re.match(r"^Ids? of", info.description or ""):
            assert reference_target(info) is not None, f"{model.__name__}.{name}"


def test_a_picker_comes_from_the_fields_metadata_not_from_its_wording(tmp_path, monkeypatch):
    monkeypatch.setattr(Metric.model_fields["owner"], "description", "The member who measures.")
    spec.cache_clear()
    try:
        assert (spec(Metric, "owner").kind, spec(Metric, "owner").ref) == ("ref", MEMBER)
        path = tmp_path / "plan.yaml"
        path.write_text(plan_yaml(p=PROJECT, t=TEAM, o=OBJECTIVES))
        asker = Script({"metrics[0].name": "Orders", "metrics[0].owner": "2"})
        init(path, asker, step="metrics")
        (owner,) = asker.asked("metrics[0].owner")
        assert owner.kind == "choice"
        assert [o.value for o in owner.options] == ["claire", "julien"]
        assert load_plan(path).plan.metrics[0].owner == "julien"
    finally:
        spec.cache_clear()


def test_a_reference_is_a_choice_among_what_earlier_steps_created(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, t=TEAM, o=OBJECTIVES))
    asker = Script(
        {
            "metrics[0].name": "Orders",
            "metrics[0].objective": "2",
            "metrics[0].owner": "julien",
        }
    )
    init(path, asker, step="metrics")
    (objective,) = asker.asked("metrics[0].objective")
    assert objective.kind == "choice"
    assert [(o.key, o.value) for o in objective.options] == [("1", "orders"), ("2", "reviews")]
    # Named as the person wrote them: no id on screen.
    assert [o.label for o in objective.options] == ["40 orders a month", "Answer every review"]
    metric = load_plan(path).plan.metrics[0]
    assert (metric.objective, metric.owner) == ("reviews", "julien")


def test_a_channel_picks_its_objectives_and_owner_and_refuses_unknown_ids(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, t=TEAM, o=OBJECTIVES))
    asker = Script(
        {
            "channels[0].platform": "Instagram",
            "channels[0].objectives": ["orders, sales", "2 1"],
            "channels[0].owner": ["bob", "claire"],
        }
    )
    init(path, asker, step="8")
    assert asker.errors() == [
        '"sales" is not one of the choices: 1 (40 orders a month), 2 (Answer every review)',
        '"bob" is not one of the choices: 1 (Claire Morel), 2 (Julien)',
    ]
    channel = load_plan(path).plan.channels[0]
    assert channel.objectives == ["reviews", "orders"]
    assert channel.owner == "claire"
    # Its id is made from its platform, for the campaigns that name it.
    assert channel.id == "instagram"


def test_a_reference_with_nothing_to_point_at_is_asked_as_text(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    asker = Script({"metrics[0].name": "Orders", "metrics[0].objective": "later"})
    init(path, asker, step="metrics")
    assert asker.asked("metrics[0].objective")[0].kind == "text"
    assert load_plan(path).plan.metrics[0].objective == "later"


# --- answers checked by the model -------------------------------------------------------


def test_a_rejected_answer_is_asked_again_with_the_models_message(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    asker = Script(
        {
            "team.members[0].name": "Claire Morel",
            "team.members[0].department": ["finances", "12"],
            "team.members[0].hours_per_week": ["four", "120", "4,5"],
        }
    )
    init(path, asker, step="team")
    assert asker.errors() == [
        '"finances" is not one of the choices: 1 (Management), 2 (Marketing), '
        "3 (Communication), 4 (Customer service), 5 (Support), 6 (Sales), 7 (R&D), "
        "8 (Monitoring), 9 (Human resources), 10 (IT), 11 (Legal), 12 (Finance), 13 (Operations), "
        "14 (Production), 15 (Owner or manager), 16 (Practitioners), 17 (Front desk), "
        "18 (Other)",
        "expected a number, got `four` (for example: 4\u00a0h)",
        "`120` is out of range: it must be at most 80 (for example: 4\u00a0h)",
    ]
    member = load_plan(path).plan.team.members[0]
    assert (member.id, member.department, member.hours_per_week) == (
        "claire-morel",
        "finance",
        4.5,
    )


def test_rejections_are_explained_in_french_for_a_french_plan(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT.replace("language: en", "language: fr")))
    asker = Script(
        {
            "objectives[0].statement": "40 commandes par mois",
            "objectives[0].primary": ["peut-être", "oui"],
            "objectives[0].deadline": ["31/02/2027", "juin 2027", "30/06/2027"],
        }
    )
    init(path, asker, step="objectives")
    # Yes or no in the words of the language, not the file's `true` and `false`.
    expected = [
        "Répondez oui ou non, s'il vous plaît.",
        "31/02/2027 n'existe pas : ce mois a moins de jours",
    ]
    assert asker.errors()[:2] == expected
    # A date it cannot read is told with the ways to write one, the words of the language's.
    assert asker.errors()[2].startswith("« juin 2027 » n'est pas une date")
    assert "JJ/MM/AAAA" in asker.errors()[2] and "AAAA-MM-JJ" in asker.errors()[2]
    assert asker.asked("objectives[0].primary")[0].hint == "o/n"
    objective = load_plan(path).plan.objectives[0]
    assert objective.primary is True
    assert str(objective.deadline) == "2027-06-30"


def test_a_baseline_takes_a_number_or_unknown(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, o=OBJECTIVES))
    asker = Script(
        {
            "metrics[0].name": "Orders",
            "metrics[0].baseline": ["not yet", "unknown"],
            "metrics[1].name": "Reviews",
            "metrics[1].baseline": "12",
        }
    )
    init(path, asker, step="metrics")
    assert asker.asked("metrics[0].baseline")[0].hint == "a number, or unknown"
    assert asker.errors() == ["expected a number or `unknown`, got `not yet` (for example: 12)"]
    assert [m.baseline for m in load_plan(path).plan.metrics] == ["unknown", 12]


def test_a_choice_accepts_the_number_the_value_or_the_label(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    asker = Script(
        {
            "listening.sources[+]": ["y", "y", "y", "n"],
            "listening.sources[0].name": "Counter",
            "listening.sources[0].kind": "2",
            "listening.sources[1].name": "Reviews",
            "listening.sources[1].kind": "online",
            "listening.sources[2].name": "Survey",
            "listening.sources[2].kind": "Offline",
        }
    )
    init(path, asker, step="listening")
    kinds = [s.kind for s in load_plan(path).plan.listening.sources]
    assert kinds == ["offline", "online", "offline"]


# --- lists ------------------------------------------------------------------------------


def test_a_list_is_built_item_by_item_until_an_empty_answer(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    asker = Script({"listening.trends[0]": "Sourdough", "listening.trends[1]": "Local flour"})
    init(path, asker, step="listening")
    assert [q.label for q in asker.questions if q.key.startswith("listening.trends")] == [
        "Trend or question 1",
        "Trend or question 2",
        "Trend or question 3",
    ]
    assert load_plan(path).plan.listening.trends == ["Sourdough", "Local flour"]


def test_existing_items_are_kept_replaced_or_removed(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, l="listening:\n  trends: [a, b, c]\n"))
    asker = Script(
        {"listening.trends[0]": "", "listening.trends[1]": ["-", "C"], "listening.trends[2]": "d"}
    )
    init(path, asker, step="listening")
    trends = asker.asked("listening.trends[1]")
    assert [q.default for q in trends] == ["b", "c"]
    assert load_plan(path).plan.listening.trends == ["a", "C", "d"]


def test_a_keyword_category_left_empty_is_unanswered_and_a_dash_says_none(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    # Each category on one line; the organization's name proposed for its own.
    asker = Script(
        {"listening.keywords.company": "Fournil, Maison Fournil", "listening.keywords.slogans": "-"}
    )
    init(path, asker, step="listening")
    assert asker.asked("listening.keywords.company")[0].default == "Maison Fournil"
    keywords = load_plan(path).plan.listening.keywords
    assert keywords.company == ["Fournil", "Maison Fournil"]
    assert keywords.slogans == []
    assert keywords.themes is None
    assert "slogans: []" in path.read_text()


def test_items_can_be_kept_edited_or_removed(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, t=TEAM))
    # Claire is removed (3), so Julien moves up to the first place, and is edited (2).
    asker = Script({"team.members[0]": ["3", "2"], "team.members[0].name": "Julien Roux"})
    init(path, asker, step="team")
    members = load_plan(path).plan.team.members
    assert [(m.id, m.name) for m in members] == [("julien", "Julien Roux")]


def test_an_item_left_half_filled_is_reopened_at_its_first_missing_field(tmp_path):
    path = tmp_path / "plan.yaml"
    team = (
        "team:\n  members:\n"
        "    - id: claire\n      name: Claire\n      department: sales\n      hours_per_week: 2\n"
        "    - id: julien\n      name: Julien\n"  # his department was left for later
    )
    listening = "listening:\n  needs:\n    - id: stock\n      need: Bread left?\n"
    path.write_text(plan_yaml(p=PROJECT, t=team, l=listening))
    asker = Script({"team.members[1].department": "4"})
    init(path, asker)
    keys = [q.key for q in asker.questions]
    # Not his role, which comes before the missing department and may stay empty.
    assert keys[0] == "team.members[1].department"
    assert "team.members[1].role" not in keys
    # The rest of his item, then the question after the last answer.
    assert keys[keys.index("listening.needs[0].source") - 1].startswith("team.members[1].")
    assert not [k for k in keys if k.startswith(("project.", "team.members[0]", "team.members[+]"))]
    assert load_plan(path).plan.team.members[1].department == "customer_service"


def test_resuming_asks_the_question_after_the_last_answer_and_nothing_before(tmp_path):
    path = tmp_path / "plan.yaml"
    # The date was left empty, the team is done, and the first need was answered up to
    # its source when the interview stopped.
    listening = (
        "listening:\n  needs:\n    - id: stock\n      need: Bread left?\n      source: Calls\n"
    )
    path.write_text(plan_yaml(p=PROJECT.replace("  date: 2026-11-25\n", ""), t=TEAM, l=listening))
    asker = Script()
    init(path, asker)
    keys = [q.key for q in asker.questions]
    assert keys[0] == "listening.needs[0].evidence"
    assert keys[1] == "listening.needs[1].need"  # the next need, or Enter for none
    assert not [k for k in keys if k.startswith(("project.", "team."))]
    # Only the step being resumed shows its guidance.
    guidance = [b.title for b in asker.blocks if b.kind == "guidance"]
    assert guidance[0].startswith("Step 2 of 8")


def test_resuming_in_a_complete_step_goes_on_with_its_list(tmp_path):
    path = tmp_path / "plan.yaml"
    objectives = (
        "objectives:\n  - id: orders\n    family: revenue\n    statement: 40 orders a month\n"
        "    primary: true\n    priority: high\n    deadline: 2027-06-30\n"
    )
    path.write_text(plan_yaml(p=PROJECT, t=TEAM, o=objectives))
    asker = Script()
    init(path, asker)
    keys = [q.key for q in asker.questions]
    # The objectives step is complete, but the interview stopped right after its last answer.
    assert keys[0] == "objectives[1].statement"  # another one, or Enter for none
    assert not [k for k in keys if k.startswith(("project.", "team.", "objectives[0]"))]


def test_an_empty_id_cancels_the_new_item_and_no_empty_item_is_written(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    asker = Script({"objectives[+]": ["y"], "team.approvals[+]": ["y", "n"]})
    init(path, asker, step="objectives")
    init(path, asker, step="team")
    plan = load_plan(path).plan
    assert plan.objectives is None
    assert plan.team is None
    assert "objectives" not in path.read_text()


# --- saving -----------------------------------------------------------------------------


def test_the_file_is_saved_after_every_answer(tmp_path):
    path = tmp_path / "plan.yaml"
    snapshots: list[str] = []
    asker = Script(
        {
            "project.language": "en",
            "project.name": "Plan",
            "project.organization": "Fournil",
            "project.author": "Sophie",
        }
    )
    asker.on_ask = lambda q: snapshots.append(path.read_text() if path.exists() else "")
    asker.stop_at = "project.date"
    with pytest.raises(Interrupted):
        init(path, asker)
    assert snapshots[0] == ""  # nothing written before the first answer
    assert "language: en" in snapshots[1]
    assert "name: Plan" in snapshots[2] and "organization" not in snapshots[2]
    assert "organization: Fournil" in snapshots[3] and "author" not in snapshots[3]
    assert "author: Sophie" in snapshots[4]
    for text in snapshots[1:]:
        Plan.model_validate(yaml.safe_load(text))


def test_ctrl_c_keeps_every_answer_and_says_how_to_resume(tmp_path):
    path = tmp_path / "plan.yaml"
    asker = Script(
        {
            "project.language": "en",
            "project.organization": "Fournil",
            "team.members[+]": ["y"],
            "team.members[0].id": "claire",
            "team.members[0].name": "Claire",
        },
        stop_at="team.members[0].role",
    )
    with pytest.raises(Interrupted) as caught:
        init(path, asker)
    assert caught.value.exit_code == ExitCode.INTERRUPTED == 130
    assert caught.value.message == f"Stopped. Every answer given so far is saved in {path}."
    assert caught.value.hint == f"To go on where you stopped: smplan init {path}"
    plan = load_plan(path).plan
    assert plan.project.organization == "Fournil"
    assert [(m.id, m.name) for m in plan.team.members] == [("claire", "Claire")]


def test_end_of_input_during_a_reopened_step_suggests_reopening_it(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))

    class Closed(Script):
        def ask(self, question):
            raise EOFError

    with pytest.raises(Interrupted) as caught:
        init(path, Closed(), step="objectives")
    assert caught.value.hint == f"To go on where you stopped: smplan init {path} --step objectives"


# --- resuming, reopening, reviewing -----------------------------------------------------


def test_resuming_goes_on_after_the_last_answer_and_shows_where_the_plan_stands(tmp_path):
    path = tmp_path / "plan.yaml"
    shutil_copy(ROOT / "examples" / "boulangerie.yaml", path)
    text = path.read_text()
    # Drop steps 4 to 8: step 4 is the first one to do.
    path.write_text(text[: text.index("\n# Étape 4")] + "\n")
    asker = Script()
    init(path, asker)
    status = next(b for b in asker.blocks if b.kind == "status")
    assert status.title == "Où en est le plan : 3 étapes sur 8 terminées"
    assert status.rows[:5] == (
        ("0. Le projet", "terminé"),
        ("1. L'équipe", "terminé"),
        ("2. Écouter et comparer", "terminé"),
        ("3. Les objectifs", "terminé"),
        ("4. Les indicateurs", "à faire"),
    )
    # The last answer is the last objective's: another one (or Enter for none) comes next.
    assert [q.key for q in asker.questions[:2]] == ["objectives[3].statement", "metrics[0].name"]
    guidance = [b.title for b in asker.blocks if b.kind == "guidance"]
    assert guidance[:2] == ["Étape 3 sur 8 · Les objectifs", "Étape 4 sur 8 · Les indicateurs"]


def shutil_copy(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes())


def test_reopening_a_step_offers_the_current_answers_as_defaults(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, t=TEAM, o=OBJECTIVES))
    asker = Script({"objectives[0]": "edit", "objectives[0].statement": "45 orders a month"})
    init(path, asker, step="objectives")
    defaults = {q.key: q.default for q in asker.questions}
    assert "objectives[0].id" not in defaults  # nobody types an id
    assert defaults["objectives[0].statement"] == "40 orders a month"
    assert defaults["objectives[0].primary"] == "yes"
    assert defaults["objectives[0].deadline"] == "2027-06-30"
    assert load_plan(path).plan.objectives[0].statement == "45 orders a month"


def test_an_unknown_step_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as caught:
        init(tmp_path / "plan.yaml", Script(), step="budget")
    assert caught.value.message == "unknown step `budget`"
    assert caught.value.hint.startswith("use a number or a name: 0 (project), 1 (team)")


#: What the full path asks after the eight steps, keyed as the interview asks it.
PUT_TO_WORK = {
    "roadmap[+]": ["y", "n"],
    "roadmap[0].date": "15/01/2027",
    "roadmap[0].action": "Premier mois de publications programmé",
    "roadmap[0].owner": "3",
    "budget.hourly_rate": "35 €",
    "budget.lines[+]": ["y", "n"],
    "budget.lines[0].kind": "1",
    "budget.lines[0].item": "Séance photo des gâteaux",
    "budget.lines[0].once": "300",
    "crisis[+]": ["y", "n"],
    "crisis[0].scenario": "Un client tombe malade et accuse un gâteau",
    "crisis[0].holding_statement": "Nous vérifions et répondons dans la journée.",
    "crisis[0].escalation": "2, 1",
    "assumptions[0]": "La boutique reste ouverte six jours sur sept",
    "risks[+]": ["y", "n"],
    "risks[0].risk": "L'équipe n'a pas de temps en décembre",
    "risks[0].mitigation": "Programmer les publications de décembre en novembre",
}


def steps_done(tmp_path: Path) -> Path:
    """The bakery's plan, its eight steps done and nothing yet of how it is put to work."""
    data = yaml.safe_load((ROOT / "examples" / "boulangerie.yaml").read_text(encoding="utf-8"))
    for name in ("roadmap", "budget", "crisis", "assumptions", "risks"):
        del data[name]
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def assert_put_to_work(path: Path) -> None:
    plan = load_plan(path).plan
    assert [(m.date.isoformat(), m.action, m.owner) for m in plan.roadmap] == [
        ("2027-01-15", "Premier mois de publications programmé", "camille")
    ]
    assert plan.budget is not None and plan.budget.hourly_rate == 35
    assert [(b.kind, b.item, b.per_month, b.once) for b in plan.budget.lines] == [
        ("production", "Séance photo des gâteaux", None, 300)
    ]
    assert [(c.scenario, c.escalation) for c in plan.crisis] == [
        ("Un client tombe malade et accuse un gâteau", ["thomas", "helene"])
    ]
    assert plan.assumptions == ["La boutique reste ouverte six jours sur sept"]
    assert [(r.risk, r.mitigation) for r in plan.risks] == [
        (
            "L'équipe n'a pas de temps en décembre",
            "Programmer les publications de décembre en novembre",
        )
    ]


@pytest.mark.parametrize("step", ["running", "9"])
def test_step_running_asks_how_the_plan_is_put_to_work_and_nothing_else(tmp_path, step):
    path = steps_done(tmp_path)
    asker = Script(PUT_TO_WORK)
    init(path, asker, step=step)
    assert_put_to_work(path)
    guidance = [b for b in asker.blocks if b.kind == "guidance"]
    assert [b.title for b in guidance] == ["Après les huit étapes · La mise en œuvre du plan"]
    assert [label for label, _ in guidance[0].rows] == [
        "Pourquoi c'est important",
        "Une bonne réponse",
        "Exemple",
        "Piège",
    ]
    assert {re.split(r"[.\[]", q.key)[0] for q in asker.questions} == {
        "roadmap",
        "budget",
        "crisis",
        "assumptions",
        "risks",
    }
    # A date outside the plan's span is refused, as in the steps.
    late = Script({**PUT_TO_WORK, "roadmap[0].date": ["15/01/2029", "15/01/2027"]})
    init(steps_done(tmp_path), late, step="running")
    assert len(late.asked("roadmap[0].date")) == 2
    found = [line for b in late.blocks if b.kind == "finding" for line in b.lines]
    assert any(
        line.startswith("L’étape datée n° 1\u00a0: 2029-01-15 tombe après l'horizon du plan")
        for line in found
    ), found
    assert not any("roadmap" in line for line in found)  # the milestone in words, no path


def test_an_interruption_inside_it_resumes_at_the_next_question(tmp_path):
    path = steps_done(tmp_path)
    with pytest.raises(Interrupted):
        init(path, Script(PUT_TO_WORK, stop_at="crisis[0].holding_statement"))
    assert load_plan(path).plan.crisis[0].scenario == "Un client tombe malade et accuse un gâteau"
    asker = Script(PUT_TO_WORK)
    init(path, asker)
    status = next(b for b in asker.blocks if b.kind == "status")
    assert status.title == "Où en est le plan : 8 étapes sur 8 terminées"
    assert status.rows[-1] == ("9. La mise en œuvre du plan", "à compléter")
    # The steps are done and skipped; nothing given before the stop is asked again.
    assert asker.questions[0].key == "crisis[0].holding_statement"
    assert not [q for q in asker.questions if q.key.startswith(("roadmap", "budget"))]
    assert_put_to_work(path)
    reviews = [b for b in asker.blocks if b.kind == "review"]
    assert reviews[-1].title == "9. La mise en œuvre du plan — terminé"


def test_a_plan_already_put_to_work_resumes_at_its_last_list_or_skips_it(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes((ROOT / "examples" / "boulangerie.yaml").read_bytes())
    asker = Script()
    init(path, asker, lang="en")
    # The last answer is the last risk's: another one may follow, then the review.
    assert [q.key for q in asker.questions] == ["risks[+]", "review"]
    # Answers from a file are not where the person stopped: the part, done, is skipped.
    answers = tmp_path / "answers.yaml"
    answers.write_text("project:\n  author: Sophie Lambert\n", encoding="utf-8")
    asker = Script()
    init(path, asker, lang="en", answers=answers)
    notes = [line for b in asker.blocks if b.kind == "note" for line in b.lines]
    assert "Putting the plan to work is already done: skipped (reopen it with --step 9)." in notes
    assert [q.key for q in asker.questions] == ["review"]


def test_the_review_lists_the_answers_and_reopens_a_step(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes((ROOT / "examples" / "boulangerie.yaml").read_bytes())
    asker = Script({"review": ["3", ""]})
    init(path, asker)
    reviews = [b for b in asker.blocks if b.kind == "review"]
    assert len(reviews) == 20  # twice the ten sections: before and after reopening
    assert reviews[3].title == "3. Les objectifs — terminé"
    # After the eight steps, how the plan is put to work: its own line, numbered to reopen it.
    assert reviews[9].title == "9. La mise en œuvre du plan — terminé"
    assert reviews[9].lines[0] == "Les 90 premiers jours:"
    # Each objective by its words first, without its id.
    assert reviews[3].lines[0].startswith("- Passer de 24 à 45 commandes de gâteaux de fête")
    assert "gateaux" not in reviews[3].lines[0]
    assert [q.key for q in asker.questions].count("objectives[0]") == 1


def test_the_end_shows_the_summary_the_check_and_the_render_command(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, t=TEAM, o=OBJECTIVES))
    asker = Script()
    init(path, asker, step="objectives")
    summary, findings, following = asker.blocks[-3:]
    assert summary.title == "Maison Fournil — Plan 2027"
    assert ("Objectives", "2") in summary.rows
    assert ("Team hours a week", "7") in summary.rows
    assert findings.title.startswith("Check: 0 error(s), ")
    # In words: no rule code, no place in the file, ids named as the person wrote them.
    assert "- Objective “Answer every review” has no family (hint: revenue, costs, " in "\n".join(
        findings.lines
    )
    assert not [line for line in findings.lines if "SMP" in line or f"{path}:" in line]
    assert following.lines == (f"Render it with: smplan render {path} --format pdf",)
    # With --debug, the code and the place in the file come back.
    debugging = Script()
    init(path, debugging, step="objectives", debug=True)
    lines = debugging.blocks[-2].lines
    assert any(line.startswith(f"- {path}:") and ": SMP" in line for line in lines)


# --- without a terminal ----------------------------------------------------------------


def test_without_a_terminal_nothing_is_asked_and_what_is_missing_is_listed(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, t=TEAM, o=OBJECTIVES))
    asker = Script()
    with pytest.raises(UsageError) as caught:
        init(path, asker, interactive=False)
    assert asker.questions == []
    lines = caught.value.message.splitlines()
    assert lines[0] == (
        f"standard input is not a terminal, so no question can be asked; still to answer in {path}:"
    )
    sections = [line for line in lines[1:] if not line.startswith("   - ")]
    assert sections == [
        "1. The team (to finish)",
        "2. Listening and comparing (to do)",
        "3. Objectives (to finish)",
        "4. Metrics (to do)",
        "5. Audience (to do)",
        "6. Value (to do)",
        "7. The human face (to do)",
        "8. The channel plan (to do)",
    ]
    # What is left in a started step is said in the checks' own words.
    assert "   - objective `reviews` has no deadline" in lines
    assert "--answers FILE" in caught.value.hint


def test_without_a_terminal_a_complete_plan_is_concluded(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes((ROOT / "examples" / "boulangerie.yaml").read_bytes())
    asker = Script()
    init(path, asker, interactive=False)
    assert [b.kind for b in asker.blocks] == ["summary", "findings", "next"]


# --- pre-filled answers -----------------------------------------------------------------


def test_answers_are_laid_over_the_plan_by_id_and_empty_answers_change_nothing(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT, t=TEAM))
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "project:\n  name:\n  version: '2.0'\n"
        "team:\n  cadence: Mondays\n  members:\n"
        "    - id: julien\n      role: Counter\n      name:\n"
        "    - id: zoe\n      name: Zoé\n"
        "objectives: []\n"
    )
    with pytest.raises(UsageError):
        init(path, Script(), answers=answers, interactive=False)
    plan = load_plan(path).plan
    assert plan.project.name == "Plan 2027"
    assert plan.project.version == "2.0"
    assert plan.team.cadence == "Mondays"
    assert [(m.id, m.name, m.role) for m in plan.team.members] == [
        ("claire", "Claire Morel", None),
        ("julien", "Julien", "Counter"),
        ("zoe", "Zoé", None),
    ]
    assert plan.objectives is None


def test_answers_that_do_not_fit_the_model_are_reported_at_their_line(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("team:\n  members:\n    - id: claire\n      hours_per_week: lots\n")
    with pytest.raises(PlanInvalidError) as caught:
        init(tmp_path / "plan.yaml", Script(), answers=answers, interactive=False)
    assert str(caught.value) == (
        f"{answers}:4:23: team.members[1].hours_per_week: expected a number, got `lots`"
    )
    assert not (tmp_path / "plan.yaml").exists()


def test_an_answer_holding_an_escape_sequence_is_refused_and_asked_again(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    # What a terminal without line editing sends when the left arrow is pressed twice.
    asker = Script({"project.name": ["Plan 2027\x1b[D\x1b[D", "Plan 2028"]})
    init(path, asker, step="project")
    assert asker.errors() == [
        "text holds a control character (U+001B): type it again without it "
        "(for example: Social media strategy 2027)"
    ]
    assert load_plan(path).plan.project.name == "Plan 2028"
    assert "\x1b" not in path.read_text()


def test_answers_holding_a_control_character_are_refused_at_their_line(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text('project:\n  name: "Plan\\a 2027"\n')
    with pytest.raises(PlanInvalidError) as caught:
        init(tmp_path / "plan.yaml", Script(), answers=answers, interactive=False)
    assert str(caught.value) == (
        f"{answers}:2:9: project.name: text holds a control character (U+0007): "
        "type it again without it"
    )
    assert not (tmp_path / "plan.yaml").exists()


def test_a_help_line_that_repeats_the_label_is_not_shown():
    from smplan.interview.questions import Question

    repeated = Question(
        kind="text", key="date", label="Date of this version", help="Date of this version."
    )
    useful = Question(kind="text", key="name", label="Title", help="Title of the plan.")
    assert repeated.help == ""
    assert useful.help == "Title of the plan."


# --- checked while typing ---------------------------------------------------------------

HORIZON = PROJECT + "  horizon: 2027-12-31\n"


def findings(asker: Script) -> list[str]:
    return [line for b in asker.blocks if b.kind == "finding" for line in b.lines]


def test_a_second_primary_objective_is_flagged_at_once_and_can_be_fixed(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=HORIZON, o=OBJECTIVES))
    asker = Script(
        {
            "objectives[0]": "keep",
            "objectives[1]": "edit",
            "objectives[1].primary": ["y", "n"],
            "objectives[1].primary!": "1",  # answer again
        }
    )
    init(path, asker, step="objectives")
    # In words, the objectives by what they say: no rule code, no id.
    assert findings(asker) == [
        "2 objectives are marked primary (“40 orders a month”, “Answer every review”) (hint: "
        "begin with one central objective; keep the others secondary)"
    ]
    # Asked again right away, before any other question.
    keys = [q.key for q in asker.questions]
    at = keys.index("objectives[1].primary!")
    assert keys[at + 1] == "objectives[1].primary"
    assert [o.primary for o in load_plan(path).plan.objectives] == [True, False]


def test_a_deadline_past_the_horizon_is_flagged_and_can_be_kept(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=HORIZON, o=OBJECTIVES))
    asker = Script(
        {
            "objectives[0]": "edit",
            "objectives[0].deadline": "2028-03-01",
            "objectives[0].deadline!": "keep_anyway",
        }
    )
    init(path, asker, step="objectives")
    (line,) = findings(asker)
    assert line.startswith("Objective “40 orders a month”: 2028-03-01 falls after the plan's ")
    # Said as the date is typed, before Enter, where a terminal can.
    (deadline,) = asker.asked("objectives[0].deadline")
    assert deadline.check("1er mars 2028").warnings == ()  # not a date in English
    assert deadline.check("1 March 2028").warnings == (
        "1 March 2028 falls after the end of the plan (31 December 2027)",
    )
    assert deadline.check("2028-03-O1").refused.startswith("“2028-03-O1” is not a date")
    assert len(asker.asked("objectives[0].deadline")) == 1
    assert str(load_plan(path).plan.objectives[0].deadline) == "2028-03-01"


def test_a_name_already_in_the_list_is_flagged_as_it_is_typed_and_ids_stay_apart(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=HORIZON, t=TEAM))
    asker = Script(
        {
            "team.members[0]": "keep",
            "team.members[1]": "keep",
            "team.members[2].name": "Julien",
        }
    )
    init(path, asker, step="team")
    (named,) = asker.asked("team.members[2].name")
    assert named.check("julien").warnings == ("“julien” is already in this list",)
    assert named.check("Zoé").warnings == ()
    # Nobody types an id: the second Julien gets one of his own.
    assert [m.id for m in load_plan(path).plan.team.members] == ["claire", "julien", "julien-2"]


def test_pillar_shares_over_100_are_flagged_once_the_pillars_are_given(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=HORIZON, t=TEAM))
    asker = Script(
        {
            "channels[0].platform": "Instagram",
            "channels[0].pillars?": "n",  # no to the proposal: item by item
            "channels[0].pillars[+]": ["y", "n"],
            "channels[0].pillars[0].name": "Behind the scenes",
            "channels[0].pillars[0].share": "60",
            "channels[0].pillars[1].name": "Offers",
            "channels[0].pillars[1].share": "50",
        }
    )
    init(path, asker, step="channels")
    assert findings(asker) == ["The pillar shares of channel “Instagram” add up to 110%, not 100%"]
    # Said as the share is typed, where a terminal can: what is left to share.
    (share,) = asker.asked("channels[0].pillars[1].share")
    assert share.check("50").warnings == ("the shares would add up to 110%: 40% is left",)
    assert share.check("40 %").warnings == ()
    assert share.check("40 h").refused.startswith("“40 h” is a length of time: this answer")
    # Judged when the list is done, not after the first pillar's 60 %: no fix/keep
    # question interrupts the pillars.
    assert not [q.key for q in asker.questions if q.key.endswith("!")]


def test_back_asks_the_previous_question_again(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT))
    asker = Script({"project.name": ["Plan 2027", "Plan 2028"], "project.organization": ["<", ""]})
    init(path, asker, step="project")
    keys = [q.key for q in asker.questions]
    at = keys.index("project.organization")
    assert keys[at : at + 3] == ["project.organization", "project.name", "project.organization"]
    assert load_plan(path).plan.project.name == "Plan 2028"


def test_back_is_a_word_of_the_plans_language(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(p=PROJECT.replace("language: en", "language: fr")))
    asker = Script({"project.organization": ["retour", ""], "project.name": ["", "Plan 2029"]})
    init(path, asker, step="project")
    assert load_plan(path).plan.project.name == "Plan 2029"


def test_the_review_shows_each_steps_status_and_its_open_findings(tmp_path):
    path = tmp_path / "plan.yaml"
    doubled = OBJECTIVES.replace(
        "Answer every review\n", "Answer every review\n    primary: true\n"
    )
    path.write_text(plan_yaml(p=HORIZON, t=TEAM, o=doubled))
    asker = Script()
    init(path, asker)
    review = next(b for b in asker.blocks if b.kind == "review" and b.title.startswith("3. "))
    assert review.title == "3. Objectives — to finish"
    assert review.lines[-1] == (
        "! 2 objectives are marked primary (“40 orders a month”, “Answer every review”) "
        "(hint: begin with one central objective; keep the others secondary)"
    )


def test_the_sponsor_is_offered_wherever_a_team_member_is_picked(tmp_path):
    path = tmp_path / "plan.yaml"
    sponsor = "team:\n  sponsor:\n    name: Anne Roy\n    role: Owner\n" + TEAM.split("\n", 1)[1]
    path.write_text(plan_yaml(p=PROJECT, t=sponsor))
    asker = Script(
        {
            "team.approvals?": "n",  # no to the proposed rule: typed item by item
            "team.approvals[+]": "n",
            "team.reviews?": "n",
            "team.approvals[0].content": "Posts",
            "team.approvals[0].drafted_by": "1",
            "team.approvals[0].approved_by": "3",  # the sponsor
            "team.members[2].hours_per_week": "1",
        }
    )
    init(path, asker, step="team")
    approver = asker.asked("team.approvals[0].approved_by")[0]
    assert [o.label for o in approver.options] == [
        "Claire Morel",
        "Julien",
        "Anne Roy (the sponsor)",
    ]
    team = load_plan(path).plan.team
    assert team.approvals[0].approved_by == "anne-roy"
    joined = team.members[2]
    assert (joined.id, joined.name, joined.role, joined.department, joined.hours_per_week) == (
        "anne-roy",
        "Anne Roy",
        "Owner",
        "management",
        1,
    )
    # Once on the team, she is offered as the member she now is, not twice.
    again = Script({"team.reviews?": "n", "team.reviews[+]": "n"})
    init(path, again, step="team")
    owners = again.asked("team.reviews[0].owner")[0].options
    assert [o.value for o in owners] == ["claire", "julien", "anne-roy"]


def test_a_spokesperson_picked_among_the_team_brings_their_name_and_role(tmp_path):
    path = tmp_path / "plan.yaml"
    team = TEAM.replace("name: Claire Morel", "name: Claire Morel\n      role: Founder")
    path.write_text(plan_yaml(p=PROJECT, t=team))
    asker = Script(
        {"human_face.spokespeople[+]": ["y", "n"], "human_face.spokespeople[0].member": "1"}
    )
    init(path, asker, step="human_face")
    asked = [q.key for q in asker.questions]
    assert asked.index("human_face.spokespeople[0].member") < asked.index(
        "human_face.spokespeople[0].topics[0]"
    )
    assert "human_face.spokespeople[0].name" not in asked
    assert "human_face.spokespeople[0].role" not in asked
    assert "human_face.spokespeople[0].channels[0]" not in asked  # no channel yet
    person = load_plan(path).plan.human_face.spokespeople[0]
    assert (person.member, person.name, person.role) == ("claire", "Claire Morel", "Founder")


def test_the_part_after_the_steps_is_resumed_once_the_channel_plan_is_done():
    # The first 90 days, the budget, the crises and the risks follow the channel plan: an
    # answer there is where to resume once the channel plan is done, and no place to
    # resume from while it is not (the file may hold them from a skeleton or by hand).
    plan = load_plan(ROOT / "examples" / "boulangerie.yaml").plan
    assert plan.roadmap and plan.risks
    assert last_answered(plan).startswith("risks[")
    plan.channels[0].audiences = []  # the channel plan is no longer done
    assert last_answered(plan).startswith("channels[")
    plan.channels = []
    assert last_answered(plan).startswith("human_face.")
