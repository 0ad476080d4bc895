"""The interview in a real terminal, keys as a consultant presses them, in French.

One session on prompt_toolkit (TERM=xterm), from the metrics of a health practice to the
end: a proposed metric renamed, back over a proposal and over "add another", a unit of
the wrong kind refused as it is typed and the refused answer edited, lists filtered with
and without accents, answers typed ahead, and Enter on the review screen.
"""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from terminals import SHOW_CURSOR, spawn_init
from test_interview_essentials import PRACTICE, Script

from smplan.errors import Interrupted
from smplan.interview.questions import Question
from smplan.interview.session import init
from smplan.plan.files import load_plan

pexpect = pytest.importorskip("pexpect")

BACKSPACE, ENTER, CTRL_U = "\x7f", "\r", "\x15"
#: What prompt_toolkit sends once a line prompt is drawn and waits for keys.
#: What a list of choices says under its question, once drawn.
PICK = "flèches pour se déplacer"


class Stopped(Script):
    """The practice's answers, with Ctrl-C pressed when its first metric is asked."""

    def ask(self, question: Question) -> str:
        if question.key == "metrics[0].name":
            raise KeyboardInterrupt
        return super().ask(question)


def practice_stopped_at_its_metrics(path: Path) -> None:
    """The practice's plan as an interview stopped it: objectives given, metrics next."""
    with pytest.raises(Interrupted):
        init(path, Stopped(PRACTICE), essentials=True)


class Terminal:
    """`smplan init --essentials` in a pseudo-terminal whose line editing is prompt_toolkit's."""

    def __init__(self, cwd: Path) -> None:
        self.child = spawn_init(pexpect, cwd, "--essentials", rows=50, columns=160)
        self.seen = io.StringIO()
        self.child.logfile_read = self.seen

    def see(self, text: str) -> None:
        """Wait for `text` on the screen, its spaces set as French sets them (no-break,
        which prompt_toolkit draws in a style of its own)."""
        space = r"(?:\x1b\[[0-9;]*m|[ \u00a0\u202f])+"
        self.child.expect(space.join(re.escape(w) for w in text.split(" ")))

    def at(self, label: str, picker: bool = False) -> None:
        """Wait for the question `label`, drawn and ready for keys."""
        self.see(label)
        self.child.expect(re.escape(PICK) if picker else re.escape(SHOW_CURSOR))
        time.sleep(0.15)  # what is typed before the prompt reads its input is a terminal's

    def keys(self, *typed: str) -> None:
        self.child.send("".join(typed))

    def answer(self, label: str, *typed: str, picker: bool = False) -> None:
        self.at(label, picker)
        self.keys(*typed, ENTER)


@pytest.mark.slow
def test_a_consultant_renames_goes_back_corrects_and_filters_in_a_real_terminal(tmp_path):
    plan = tmp_path / "plan.yaml"
    practice_stopped_at_its_metrics(plan)
    term = Terminal(tmp_path)
    term.answer("n’y en a plus", "")  # no third objective: the interview resumes here

    # A proposed metric renamed: the line cleared (Ctrl-U) and the new name typed.
    term.answer("Nom", CTRL_U, "Taux de rendez-vous non honorés")
    term.answer("Valeur aujourd’hui", CTRL_U, "6 %")
    term.answer("Cible", "3 %")
    term.answer("Définition propre", "Rendez-vous manqués ÷ rendez-vous pris × 100")
    # The second metric as proposed: three answers typed ahead at once, none lost.
    term.at("Délai de première réponse")
    term.keys(ENTER, ENTER, "24", ENTER)
    term.answer("Unité", "")
    term.answer("n’y en a plus", "")  # no third metric
    # The audience, the value and the human face, typed ahead of their questions.
    term.at("Nom")
    term.keys(
        *("Patients du quartier", ENTER, "Actifs du quartier", ENTER, ENTER),
        *("Exercices simples", ENTER, ENTER),  # their content; no second segment
        *("Le patient acteur de sa rééducation", ENTER, "Des conseils fiables", ENTER),
    )
    term.answer("Sujet", "Un exercice par semaine")
    term.answer("Type", "educ", picker=True)
    term.answer("Ajouter un autre sujet", "n")
    term.answer("Qui parle au nom de", picker=True)
    term.answer("Ton", "Bienveillant")

    term.answer("Plateforme", "Google Business Profile")
    term.answer("Objectifs servis", picker=True)
    term.answer("Publics touchés", picker=True)
    term.answer("Retenir cette proposition", "")
    # Back over the proposal just taken: it is shown again, and declined this time.
    term.at("Créneaux de publication")
    term.keys("<")
    term.answer("Retenir cette proposition", "n")
    term.answer("Pilier", "Exercices")
    term.at("Type", picker=True)
    term.keys("éduc")  # accented, as typed in French
    term.child.expect("éducatif")
    term.keys(ENTER)
    # A share typed in hours is refused as it is typed, and corrected on the same line.
    term.at("Part des publications")
    term.keys("60 h")
    term.see("« 60 h » est une durée")
    term.keys(BACKSPACE, "%", ENTER)
    term.answer("Ajouter un autre pilier", "o")
    # Back over "add another": the question comes back with its answer, kept by Enter.
    term.answer("Pilier", "<")
    term.answer("Ajouter un autre pilier", "")
    term.answer("Pilier", "Questions des patients")
    term.at("Type", picker=True)
    term.keys("educ")  # the same choice, typed without its accent
    term.child.expect("éducatif")
    term.keys(ENTER)
    term.answer("Part des publications", "40")
    term.answer("Ajouter un autre pilier", "n")
    term.answer("Créneaux de publication", CTRL_U, "mardi 9h, jeudi 18h30")
    term.answer("Animé par", picker=True)
    # Money typed as a percentage: refused, then edited rather than typed again after it.
    term.at("Budget mensuel")
    term.keys(CTRL_U, "40 %", ENTER)
    term.see("« 40 % » est un pourcentage : cette réponse attend une somme en €")
    term.keys(BACKSPACE, "€", ENTER)
    term.answer("n’y en a plus", "")  # no second channel
    term.answer("Où Nadia Benali apparaît", picker=True)  # the one who speaks, as proposed
    # Enter on the review does what it says: it finishes.
    term.answer("Son numéro, ou Entrée pour terminer", picker=True)
    term.child.expect("Pour produire le document")
    term.child.expect(pexpect.EOF)
    term.child.close()
    assert term.child.exitstatus == 0, term.seen.getvalue()[-2000:]

    screen = term.seen.getvalue()
    # The proposal was shown again when the interview went back to it.
    assert len(re.findall("Proposition.{1,3}: Piliers de contenu", screen)) == 2
    final = load_plan(plan).plan
    metric = final.metrics[0]
    assert (metric.id, metric.name, metric.standard, metric.unit) == (
        "taux-de-rendez",
        "Taux de rendez-vous non honorés",
        None,
        "%",
    )
    assert metric.definition == "Rendez-vous manqués ÷ rendez-vous pris × 100"
    assert (final.metrics[1].baseline, final.metrics[1].target) == ("unknown", 24)
    assert final.channels[0].metrics == ["taux-de-rendez", "delai-de-premiere"]
    channel = final.channels[0]
    assert [(p.name, p.kind, p.share) for p in channel.pillars] == [
        ("Exercices", "educational", 60),
        ("Questions des patients", "educational", 40),
    ]
    assert [(s.day, s.time) for s in channel.slots] == [("tuesday", "09:00"), ("thursday", "18:30")]
    assert channel.budget_per_month == 40
    text = plan.read_text(encoding="utf-8")
    assert "budget_per_month: 40\n" in text and "60 h" not in text and "%€" not in text
