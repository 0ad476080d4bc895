"""The terminal asker on prompt_toolkit: keys as a terminal sends them, answers as typed."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from smplan.cli.terminal import PromptAsker, set_for
from smplan.interview.questions import Block, Judged, Option, Question

LEFT, UP, DOWN, HOME, END = "\x1b[D", "\x1b[A", "\x1b[B", "\x1b[H", "\x1b[F"
ENTER, SPACE, CTRL_C = "\r", " ", "\x03"

DEPARTMENTS = (
    Option("management", "Management", "1"),
    Option("marketing", "Marketing", "2"),
    Option("front_desk", "Front desk", "3"),
)


@pytest.fixture
def keys():
    """Type keys into a PromptAsker as a terminal would, and collect its answers."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        asker = PromptAsker(Console(file=io.StringIO(), width=100))

        def answer(question: Question, *typed: str) -> str:
            pipe.send_text("".join(typed))
            return asker.ask(question)

        yield answer


def text(key: str, default: str | None = None) -> Question:
    return Question("text", key=key, label=key, default=default)


def test_the_default_is_edited_in_place_with_the_arrow_keys(keys):
    answer = keys(text("name", "Plan 2027"), LEFT * 4, "X ", HOME, "My ", END, "!", ENTER)
    assert answer == "My Plan X 2027!"


def test_enter_keeps_the_default_as_it_is(keys):
    assert keys(text("name", "Plan 2027"), ENTER) == "Plan 2027"


def test_earlier_answers_come_back_with_up(keys):
    keys(text("first"), "Maison Fournil", ENTER)
    assert keys(text("second"), UP, " bis", ENTER) == "Maison Fournil bis"


def test_a_choice_is_moved_through_with_the_arrows(keys):
    question = Question("choice", key="department", label="Department", options=DEPARTMENTS)
    assert keys(question, DOWN, DOWN, ENTER) == "3"


def test_a_choice_starts_on_the_current_answer(keys):
    question = Question(
        "choice", key="d", label="Department", options=DEPARTMENTS, default="marketing"
    )
    assert keys(question, ENTER) == "2"


def test_a_choice_is_filtered_by_typing_its_label(keys):
    question = Question("choice", key="d", label="Department", options=DEPARTMENTS)
    assert keys(question, "front", ENTER) == "3"


def test_an_optional_choice_not_answered_yet_is_left_empty_by_enter(keys):
    question = Question(
        "choice", key="d", label="Department", options=DEPARTMENTS, empty="(leave empty)"
    )
    assert keys(question, ENTER) == ""
    assert keys(question, UP, ENTER) == "3"


def test_leaving_a_current_choice_empty_clears_it(keys):
    question = Question(
        "choice",
        key="d",
        label="Department",
        options=DEPARTMENTS,
        empty="(leave empty)",
        default="marketing",
    )
    assert keys(question, DOWN, DOWN, ENTER) == "-"


@pytest.mark.parametrize("typed", ["Fro", "fro", "FRÖ", "front d"])
def test_a_filter_ignores_accents_and_case(keys, typed):
    question = Question("choice", key="d", label="Department", options=DEPARTMENTS)
    assert keys(question, typed, ENTER) == "3"


def test_accented_letters_filter_too(keys):
    options = (Option("a", "Gérant", "1"), Option("b", "Secrétaire", "2"))
    question = Question("choice", key="d", label="Role", options=options)
    assert keys(question, "secré", ENTER) == "2"
    assert keys(question, "secre", ENTER) == "2"


def test_a_number_typed_in_a_list_picks_that_choice(keys):
    question = Question("choice", key="d", label="Department", options=DEPARTMENTS)
    assert keys(question, "2", ENTER) == "2"


def test_back_in_a_list_goes_back_instead_of_filtering(keys):
    question = Question("choice", key="d", label="Department", options=DEPARTMENTS)
    assert keys(question, "<") == "<"
    many = Question("choices", key="refs", label="Approved by", options=DEPARTMENTS)
    assert keys(many, "<") == "<"


def test_several_choices_are_ticked_with_space(keys):
    question = Question("choices", key="refs", label="Approved by", options=DEPARTMENTS)
    assert keys(question, SPACE, DOWN, DOWN, SPACE, ENTER) == "1, 3"


def test_untick_every_current_choice_clears_the_answer(keys):
    question = Question(
        "choices", key="refs", label="Approved by", options=DEPARTMENTS, default="marketing"
    )
    assert keys(question, DOWN, SPACE, ENTER) == "-"


def test_a_confirmation_is_typed_over_nothing(keys):
    question = Question("confirm", key="more", label="Add another?", default="no")
    assert keys(question, "y", ENTER) == "y"


@pytest.mark.parametrize("kind", ["text", "choice", "choices"])
def test_ctrl_c_stops_every_kind_of_question(keys, kind):
    question = Question(kind, key="k", label="Label", options=DEPARTMENTS)
    with pytest.raises(KeyboardInterrupt):
        keys(question, CTRL_C)


def test_back_typed_over_an_answer_offered_goes_back(keys):
    assert keys(text("name", "Plan 2027"), "<") == "<"
    # Once the answer is edited, "<" is a character of it.
    assert keys(text("name", "Plan 2027"), "\x7f", "<", ENTER) == "Plan 202<"


def test_a_line_judged_as_it_is_typed_holds_enter_back_until_it_is_corrected(keys):
    def judge(typed: str) -> Judged:
        return Judged("not a percentage" if "h" in typed else "")

    question = Question("number", key="share", label="Share", check=judge)
    assert keys(question, "40 h", ENTER, "\x7f", "%", ENTER) == "40 %"


def test_a_real_terminal_breaks_long_help_between_words():
    # A pipe keeps each line whole for the transcript; a terminal breaks the help at its
    # width, between words, and never at a no-break space.
    help_text = (
        "Les secteurs où travaille l’organisation\u00a0: ils donnent leurs mots aux "
        "propositions de l’entretien (des patients pour un cabinet de santé)"
    )
    screen = io.StringIO()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        asker = PromptAsker(Console(file=screen, width=40))
        asker.show(Block("heading", title="Secteurs", lines=(help_text,), lang="fr"))
    lines = screen.getvalue().splitlines()[2:]
    assert len(lines) > 2
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(line.rstrip(" ") for line in lines) == set_for("fr", help_text)
