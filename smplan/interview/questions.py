"""How each kind of field is asked: the questions, read from the plan model.

Each field's type picks the kind of prompt (`spec`), its description is the help line,
and an answer is read the way its kind and the person's language write it (`Questions`).
The interview talks to an `Asker` in `Question`s and `Block`s: the command line
implements it with prompts, the tests with a script.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from smplan.i18n import SOURCE_LANGUAGE, _, babel_locale, language, language_name, pgettext
from smplan.interview.answers import (
    NoSuchDate,
    date_layout,
    format_number,
    parse_date,
    parse_number,
)
from smplan.interview.guidance import TEXTS, tr
from smplan.interview.kinds import Reading, Refused, read_number
from smplan.plan.labels import Values, choice_kind, value_label
from smplan.plan.meta import MEMBER as MEMBER_KIND
from smplan.plan.meta import Kind as Thing
from smplan.plan.meta import (
    Ref,
    Unasked,
    collections,
    marked,
    marker,
    named,
    naming,
    things,
    value_kind,
    without_none,
)
from smplan.plan.meta import names as _names
from smplan.plan.model import Person, Plan, Project, example_for
from smplan.plan.roundtrip import plain
from smplan.plan.wording import describe_error

Kind = Literal["text", "choice", "choices", "confirm", "number", "date"]

#: The choice that names the sponsor where a team member is picked (never a valid id).
SPONSOR = "+sponsor"
#: The answer that clears a field or removes a list item.
CLEAR = "-"
#: The answer that goes back one question (each language adds its word, `ui.back_word`).
BACK = "<"


@dataclass(frozen=True)
class Option:
    """One allowed answer of a choice: what is stored, what is shown, what may be typed."""

    value: str
    label: str
    key: str


@dataclass(frozen=True)
class Question:
    """A question to put to the user; `key` names where the answer goes in the plan."""

    kind: Kind
    key: str
    label: str
    help: str = ""
    default: str | None = None
    options: tuple[Option, ...] = ()
    #: How to answer, in a few words: "y/n", "YYYY-MM-DD", "numbers separated by commas".
    hint: str = ""
    #: How to answer where choices are a list to move through rather than numbers to type.
    pick_hint: str = ""
    #: What an empty answer does, as a list of choices names it ("leave empty", "finish").
    empty: str = ""
    #: What closes the question before the answer: ": ", or " : " in French.
    end: str = ": "
    #: Judges an answer as it is typed, where a line can be checked before Enter.
    check: Callable[[str], Judged] | None = field(default=None, compare=False, repr=False)
    #: An answer just refused, offered again for editing where a line can be edited.
    retry: str | None = None
    #: The language the question speaks, for its typography on screen.
    lang: str = ""

    def __post_init__(self) -> None:
        # A help line that only repeats the label, or is one word ("Name."), says nothing
        # more: drop it.
        said = self.help.rstrip(" .")
        if said.casefold() == self.label.rstrip(" .").casefold() or " " not in said:
            object.__setattr__(self, "help", "")


@dataclass(frozen=True)
class Judged:
    """What a line shows before Enter: why it would be refused, and what it warns of."""

    refused: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """Something to show: guidance, a heading, a rejected answer, the review, the result."""

    kind: Literal[
        "heading",
        "guidance",
        "status",
        "note",
        "error",
        "finding",
        "review",
        "summary",
        "findings",
        "next",
    ]
    title: str = ""
    lines: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()
    #: The language it speaks, for its typography on screen.
    lang: str = ""


class Asker(Protocol):
    """What the interview needs from a user interface."""

    def ask(self, question: Question) -> str:
        """Put the question and return the answer as typed (empty keeps the default)."""

    def show(self, block: Block) -> None:
        """Show a block of text."""


# --- reading the model ----------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """How one field of the model is asked."""

    kind: Literal[
        "text",
        "number",
        "date",
        "confirm",
        "choice",
        "choices",
        "ref",
        "refs",
        "texts",
        "items",
        "model",
    ]
    target: Any = None
    #: The kind of thing a reference names.
    ref: Thing | None = None
    #: Words a number field accepts besides numbers (`unknown` for a baseline).
    words: tuple[str, ...] = ()
    #: What its values are (`hours`, `percent`, `date_in_plan`...), as the model declares.
    value: str = ""
    #: The largest value the model takes, for a number.
    most: float | None = None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def reference_target(info: FieldInfo) -> Thing | None:
    """The kind of thing a reference field names, or None if it names none."""
    ref = marker(info, Ref)
    return ref.kind if ref else None


@functools.cache
def spec(model: type[BaseModel], name: str) -> Spec:
    """The kind of prompt a field of the model calls for."""
    info = model.model_fields[name]
    found = _spec(info)
    most = next((m.le for m in info.metadata if getattr(m, "le", None) is not None), None)
    return dataclasses.replace(found, value=value_kind(info), most=most)


def _spec(info: FieldInfo) -> Spec:
    annotation = without_none(info.annotation)
    origin = typing.get_origin(annotation)
    ref = reference_target(info)
    if origin is list:
        (item,) = typing.get_args(annotation)
        if _is_model(item):
            return Spec("items", item)
        if isinstance(item, type) and issubclass(item, Enum):
            return Spec("choices", tuple(member.value for member in item))
        return Spec("refs", ref=ref) if ref else Spec("texts")
    if _is_model(annotation):
        return Spec("model", annotation)
    if ref:
        return Spec("ref", ref=ref)
    if annotation is bool:
        return Spec("confirm")
    if annotation is dt.date:
        return Spec("date")
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return Spec("choice", tuple(member.value for member in annotation))
    if origin is Literal:
        return Spec("choice", typing.get_args(annotation))
    if annotation in (int, float):
        return Spec("number")
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        words = tuple(w for a in args if typing.get_origin(a) is Literal for w in a.__args__)
        if all(a in (int, float) or typing.get_origin(a) is Literal for a in args):
            return Spec("number", words=words)
    return Spec("text")


#: Fields the interview never asks, as the model marks them (`Unasked`).
SKIPPED: frozenset[tuple[str, str]] = marked(Plan, Unasked)


def asked_fields(model: type[BaseModel] = Plan) -> Iterator[tuple[type[BaseModel], str]]:
    """Every (model, field) the interview may ask, walking down from `model`."""
    seen: set[type[BaseModel]] = set()

    def walk(current: type[BaseModel]) -> Iterator[tuple[type[BaseModel], str]]:
        if current in seen:
            return
        seen.add(current)
        for name in current.model_fields:
            if (current.__name__, name) in SKIPPED:
                continue
            if current is not Plan:  # the plan's own fields are the sections
                yield current, name
            found = spec(current, name)
            if found.kind in ("items", "model"):
                yield from walk(found.target)

    yield from walk(model)


# --- reading an answer ------------------------------------------------------------------


#: What a person named by a team member's id takes from the member.
BORROWED = ("name", "role")


def member_ref(model: type[BaseModel]) -> str | None:
    """The field naming a team member in a model that names a person (a spokesperson)."""
    if not set(BORROWED) <= set(model.model_fields):
        return None
    refs = [n for n, info in model.model_fields.items() if reference_target(info) == MEMBER_KIND]
    return refs[0] if len(refs) == 1 else None


def pick(raw: str, options: tuple[Option, ...]) -> str | None:
    """The value of the option `raw` names by its key, value or label; None if none."""
    folded = raw.casefold()
    for option in options:
        if folded == option.key.casefold() or folded == option.value.casefold():
            return option.value
    for option in options:
        if folded == option.label.casefold():
            return option.value
    return None


def pick_word(word: str, options: tuple[Option, ...]) -> str | None:
    """The option one word names: as `pick` reads it, or by the start of its name (three
    letters at least, the accents and case aside) when no other name starts so."""
    picked = pick(word, options)
    if picked is not None:
        return picked
    typed = _fold(word).rstrip(".")
    if len(typed) < 3:
        return None
    found = {o.value for o in options if _fold(o.label).startswith(typed)}
    return found.pop() if len(found) == 1 else None


def _fold(text: str) -> str:
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in bare if not unicodedata.combining(c))


def _tokens(raw: str, options: tuple[Option, ...]) -> list[str]:
    """The choices an answer names, separated by commas; a part that names none is read as
    choices separated by spaces (`1 3`), so that `Google Business Profile` stays whole."""
    tokens: list[str] = []
    for part in (p.strip() for p in re.split(r"[,;]", raw)):
        if not part:
            continue
        words = part.split()
        if pick(part, options) is None and all(pick(w, options) is not None for w in words):
            tokens += words
        else:
            tokens.append(part)
    return tokens


@functools.cache
def _yes_and_no(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words that answer yes and those that answer no in `lang`, as its catalog lists them."""
    with language(lang):
        # Translators: the words that answer yes, separated by commas, lowercase. The
        # English ones are understood in every language.
        yes = pgettext("words that answer yes", "y, yes, true, 1")
        # Translators: the words that answer no, separated by commas, lowercase.
        no = pgettext("words that answer no", "n, no, false, 0")
    return _words(yes), _words(no)


def _words(listed: str) -> frozenset[str]:
    return frozenset(word.strip().casefold() for word in listed.split(",") if word.strip())


# --- one plan's questions, in one language ----------------------------------------------


@dataclass(frozen=True)
class Questions:
    """The questions of one plan in the interview's language, and the reading of answers."""

    plan: Plan
    #: The language asked for with --lang; the plan's own otherwise.
    forced_lang: str | None = None

    @property
    def lang(self) -> str:
        """The language of the questions: --lang, else the plan's own."""
        return self.forced_lang or self.plan.language

    def t(self, key: str, **values: Any) -> str:
        """A text of the interview in its language."""
        return tr(key, self.lang, **values)

    # -- putting a question --------------------------------------------------------------

    def for_field(self, model: type[BaseModel], name: str, path: str, current: Any) -> Question:
        """The question that asks field `name` of `model`, its current answer as default."""
        found = spec(model, name)
        kind: Kind
        options: tuple[Option, ...] = ()
        if found.kind in ("choice", "choices"):
            kind = found.kind
            options = tuple(
                Option(str(v), self.value_label(model, name, v), str(n))
                for n, v in enumerate(found.target, start=1)
            )
        elif found.kind in ("ref", "refs"):
            options = self.reference_options(found.ref)
            kind = ("choice" if found.kind == "ref" else "choices") if options else "text"
        elif found.kind in ("number", "date", "confirm"):
            kind = found.kind
        else:
            kind = "text"
        label = self.label(model, name)
        help_text = self.help(model, name)
        if help_text.rstrip(".").casefold() == label.casefold():
            help_text = ""  # "Name." under "Name" says nothing more
        return Question(
            kind,
            key=path,
            label=label,
            help=help_text,
            default=self.format_value(current),
            options=options,
            hint=self.hint(
                kind, found.words, found.value, current if isinstance(current, dt.date) else None
            ),
            pick_hint=self.t(f"hint.pick{'_many' if kind == 'choices' else ''}"),
            empty=self.t("ui.leave_empty") if current is None else "",
        )

    def choice(self, key: str, label: str, options: tuple[Option, ...], **more: Any) -> Question:
        """A question answered by one of `options`."""
        return Question(
            "choice",
            key=key,
            label=label,
            options=options,
            hint=self.hint("choice"),
            pick_hint=self.t("hint.pick"),
            **more,
        )

    def hint(
        self,
        kind: Kind,
        words: tuple[str, ...] = (),
        value: str = "",
        day: dt.date | None = None,
    ) -> str:
        """How to answer a question of this kind, in a few words: `a number of hours` for
        a number its field declares hours; a date in each of its forms, `day` (or the
        plan's horizon) written out."""
        if kind == "number" and words:
            return self.t("hint.number_or", words=", ".join(self.word(w) for w in words))
        if kind == "number" and f"unit.holds.{value}" in TEXTS:
            return self.t(f"unit.holds.{value}", currency=self.currency_sign())
        if kind == "date":
            order, sign = date_layout(babel_locale(self.lang))
            parts = {"d": "hint.date_day", "M": "hint.date_month", "y": "hint.date_year"}
            local = sign.join(self.t(parts[part]) for part in order)
            iso = "-".join(self.t(parts[part]) for part in "yMd")
            project = self.plan.project
            example = day or (project.horizon if project else None) or dt.date.today()
            written = Values(self.plan, self.lang).fmt.date(example)
            return self.t("hint.date", local=local, words=written, iso=iso)
        return "" if kind == "text" else self.t(f"hint.{kind}")

    def reference_options(self, kind: Thing | None) -> tuple[Option, ...]:
        """The things of the plan a reference may name, the sponsor with the members."""
        if kind is None:
            return ()
        options = []
        found = things(self.plan, kind)
        labels = [named(item) for item in found]
        for n, (item, label) in enumerate(zip(found, labels, strict=True), start=1):
            if labels.count(label) > 1:
                label = f"{label} ({labels[: n - 1].count(label) + 1})"
            options.append(Option(item.id, label, str(n)))
        sponsor = self.outside_sponsor() if kind == MEMBER_KIND else None
        if sponsor is not None:
            label = self.t("ui.sponsor_option", name=sponsor.name)
            options.append(Option(SPONSOR, label, str(len(options) + 1)))
        return tuple(options)

    def outside_sponsor(self) -> Person | None:
        """The sponsor, when named and not yet on the team: offered wherever a member is."""
        team = self.plan.team
        sponsor = team.sponsor if team else None
        if sponsor is None or not sponsor.name or team is None:
            return None
        if any(m.name == sponsor.name for m in team.members):
            return None
        return sponsor

    # -- reading the answer --------------------------------------------------------------

    def read(self, raw: str, found: Spec, question: Question) -> Any:
        """The value an answer gives, for the model to judge; `Refused` when it names no
        choice or is not of its field's kind."""
        return self.interpret(raw, found, question).value

    def interpret(
        self,
        raw: str,
        found: Spec,
        question: Question,
        of: tuple[type[BaseModel], str] | None = None,
    ) -> Reading:
        """What an answer gives, read as the kind of the field `of` (model, name), if given."""
        if question.kind == "number" and of is not None:
            for word in found.words:
                if raw.casefold() in (word.casefold(), self.word(word).casefold()):
                    return Reading(word)
            return read_number(raw, found, self, *of)
        return Reading(self._read(raw, found, question))

    def _read(self, raw: str, found: Spec, question: Question) -> Any:
        if question.kind == "choice":
            picked = pick(raw, question.options)
            if picked is None:
                # Refused here, by the labels shown, not by the model's internal values.
                raise Refused(self.not_a_choice(question, raw))
            return picked
        if question.kind == "choices":
            chosen = []
            for token in _tokens(raw, question.options):
                picked = pick(token, question.options)
                if picked is None:
                    raise Refused(self.not_a_choice(question, token))
                if picked not in chosen:
                    chosen.append(picked)
            return chosen
        if question.kind == "confirm":
            agreed = self.agrees(raw)
            if agreed is None:
                raise Refused(self.t("ui.yes_or_no"))
            return agreed
        if question.kind == "number":
            for word in found.words:
                if raw.casefold() in (word.casefold(), self.word(word).casefold()):
                    return word
            number = parse_number(raw, babel_locale(self.lang))
            return raw if number is None else number
        if question.kind == "date":
            try:
                date = parse_date(raw, babel_locale(self.lang))
            except NoSuchDate:
                raise Refused(self.t("ui.no_such_date", answer=raw)) from None
            if date is None:
                hint = self.hint("date")
                raise Refused(self.t("ui.not_a_date", answer=self.quoted(raw), hint=hint))
            return date
        return raw

    def agrees(self, answer: str) -> bool | None:
        """Whether an answer says yes (True) or no (False); None when it says neither.

        The words of the interview's language come first, then those of English, the
        language every catalog falls back to.
        """
        word = answer.casefold()
        for lang in dict.fromkeys((self.lang, SOURCE_LANGUAGE)):
            yes, no = _yes_and_no(lang)
            if word in yes or word in no:
                return word in yes
        return None

    def not_a_choice(self, question: Question, answer: str) -> str:
        """Why an answer is refused where it names none of the choices."""
        return self.t(
            "ui.not_a_choice",
            answer=answer,
            choices=", ".join(f"{o.key} ({o.label})" for o in question.options),
        )

    def rejection(self, error: ValidationError, model: type[BaseModel], name: str) -> str:
        """Why the model refused an answer, with a hint or an example of a good one."""
        with language(self.lang):
            said, hint = describe_error(error, model, name)
            example = example_for(model.model_fields[name])
            text = str(said)
            # A yes/no question takes the words of the person's language, not the
            # `true` or `false` a file needs: its example says so better than the hint.
            shown_hint = None if hint is None or isinstance(example, bool) else str(hint)
        if shown_hint:
            text += self.t("finding.hint", hint=shown_hint)
        elif example is not None and not isinstance(example, list | dict):
            shown = self.format_value(example)
            if spec(model, name).value in ("hours", "percent", "money"):
                with language(self.lang):
                    shown = Values(self.plan, self.lang).one(model, name, example)
            text += " " + self.t("ui.for_example", example=shown)
        return text

    # -- words ---------------------------------------------------------------------------

    def label(self, model: type[BaseModel], name: str) -> str:
        """The name of a field, as a question puts it."""
        return self.t(f"field.{model.__name__}.{name}")

    def help(self, model: type[BaseModel], name: str) -> str:
        """What a field holds, in the interview's words: its description in the model,
        translated, less what only a file needs (an id, the file's date form)."""
        found = spec(model, name)
        description = model.model_fields[name].description
        if not description or found.kind in ("ref", "refs") or found.value == "id":
            return ""  # the list of names says what a reference holds, better than "Ids of"
        with language(self.lang):
            text = _(description)
        if found.kind == "date":
            iso = "-".join(self.t(f"hint.date_{part}") for part in ("year", "month", "day"))
            text = text.replace(f" ({iso})", "")
        return self.in_words(text) or ""

    def in_words(self, text: str) -> str | None:
        """Text for the person at the screen: an id in backticks becomes the name of what it
        names, a word the file takes (`unknown`) the language's word; None when the text
        speaks of the file's own keys (`project.timezone`), which the interview never asks
        anyone to type."""
        if "`" not in text:
            return text
        names = {
            ident: name
            for kind in collections(Plan)
            for ident, name in _names(self.plan, kind).items()
        }

        def said(match: re.Match[str]) -> str:
            token = match.group(1)
            if token in names:
                return self.quoted(names[token])
            if f"word.{token}" in TEXTS:
                return self.quoted(self.word(token))
            if re.search(r"[._:\[=/]", token) or token.startswith("smplan "):
                raise LookupError(token)  # a key of the file, a command: not for the screen
            return self.quoted(token)

        try:
            return re.sub(r"`([^`]+)`", said, text)
        except LookupError:
            return None

    def value_label(self, model: type[BaseModel], name: str, value: Any) -> str:
        """One of a field's choices, in words."""
        if (model, name) == (Project, "language"):
            return language_name(str(value))
        if spec(model, name).kind in ("choice", "choices"):
            annotation = model.model_fields[name].annotation
            with language(self.lang):
                return value_label(choice_kind(annotation), str(value)) or str(value)
        return str(value)

    def yes_no(self, value: bool) -> str:
        """Yes or no, in words."""
        return self.t("ui.yes" if value else "ui.no")

    def currency_sign(self) -> str:
        """The sign of the plan's currency as its language writes it: €, £."""
        from babel.numbers import get_currency_symbol

        return str(get_currency_symbol(self.plan.currency, locale=babel_locale(self.lang)))

    def quoted(self, text: str) -> str:
        """Words quoted the way the language quotes them: “40 %”, « 40 % »."""
        return self.t("ui.quoted", text=text)

    def word(self, word: str) -> str:
        """A word a field accepts besides numbers (`unknown`), in the plan's language."""
        key = f"word.{word}"
        return self.t(key) if key in TEXTS else word

    def format_value(self, value: Any) -> str | None:
        """An answer as the user would type it, to offer it as a default."""
        if value is None:
            return None
        if isinstance(value, bool):
            return self.yes_no(value)
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, float | int):
            return format_number(value, babel_locale(self.lang))
        if isinstance(value, str) and f"word.{value}" in TEXTS:
            return self.word(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return ", ".join(str(self.format_value(v)) for v in value) or None
        return str(value)

    def summary(self, item: BaseModel) -> str:
        """One line that tells a list item apart from its neighbours, its values written
        as the document writes them (`24 h`, `40 %`, a member by name), ids left out: what
        names it first, what it refers to last."""
        parts: list[str] = []
        model = type(item)
        values = Values(self.plan, self.lang)
        answered = list(plain(item))
        first = [n for n in naming(model) if n in answered]
        refs = [n for n in answered if spec(model, n).kind in ("ref", "refs")]
        order = first + [n for n in answered if n not in first and n not in refs] + refs
        with language(self.lang):
            for name in order:
                value = getattr(item, name)
                found = spec(model, name)
                if found.value == "id" or found.kind in ("items", "model"):
                    continue
                if isinstance(value, bool):
                    if value:
                        parts.append(self.label(model, name))
                elif isinstance(value, list):
                    parts += [values.one(model, name, v) or "" for v in value]
                else:
                    parts.append(values.one(model, name, value) or "")
        return " · ".join(list(dict.fromkeys(p for p in parts if p))[:4])
