"""The one error family smplan raises, with the exit code each kind maps to."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from enum import IntEnum

from smplan.i18n import L_, Message

#: A text for a person: plain text, or a catalog message translated when it is shown.
Text = str | Message


class ExitCode(IntEnum):
    """Process exit statuses, shared by every command."""

    OK = 0
    FINDINGS = 1
    UNUSABLE = 2
    INTERRUPTED = 130


def _shows(char: str) -> bool:
    """Whether a terminal shows `char` as itself: not a control, format or line character.

    Spaces other than the ASCII one (the no-break spaces French typography puts before
    a colon) are printable here, although `str.isprintable` says otherwise.
    """
    return char.isprintable() or unicodedata.category(char) == "Zs"


def printable(text: str) -> str:
    """`text` with control characters and lone surrogates escaped, so it fits one line."""
    if text.isprintable():
        return text
    return "".join(c if _shows(c) else repr(c)[1:-1] for c in text)


def printable_lines(text: str) -> str:
    """`text` with control characters escaped as `printable` does, its line breaks kept."""
    if text.isprintable():
        return text
    return "\n".join(printable(line) for line in text.split("\n"))


@dataclass(frozen=True)
class Problem:
    """One problem in a plan file, located as precisely as the file allows."""

    message: Text
    path: str = ""
    line: int | None = None
    column: int | None = None
    hint: Text | None = None
    #: The stable code of this kind of problem (`SMP020`...), when the loader knows it.
    code: str = ""
    #: "error", or "warning" for what leaves the plan usable but may not say what was meant.
    severity: str = "error"

    def location(self, filename: str) -> str:
        """`FILE:LINE:COL: field.path`, as much of it as is known."""
        where = printable(filename)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {printable(self.path)}" if self.path else where

    def format(self, filename: str) -> str:
        """Render as `FILE:LINE:COL: field.path: message (hint: ...)`."""
        text = f"{self.location(filename)}: {printable(str(self.message))}"
        if self.hint:
            text += str(L_(" (hint: {hint})", hint=printable(str(self.hint))))
        return text

    def sort_key(self) -> tuple[int, int, str]:
        """Order problems by their position in the file, unplaced ones first."""
        return (self.line or 0, self.column or 0, self.path)


class SmplanError(Exception):
    """Base of every error smplan reports to a user; carries its exit code."""

    exit_code: ExitCode = ExitCode.UNUSABLE

    def __init__(
        self, message: Text, *, hint: Text | None = None, language: str | None = None
    ) -> None:
        super().__init__(message)
        self._message = message
        self._hint = hint
        #: The language to report it in, when it is not the command's (a plan's own).
        self.language = language

    @property
    def message(self) -> str:
        """What went wrong, in the language in force when it is shown."""
        return str(self._message)

    @property
    def hint(self) -> str | None:
        """What to do about it, if smplan can tell."""
        return None if self._hint is None else str(self._hint)

    def __str__(self) -> str:
        return self.message


class UsageError(SmplanError):
    """The command was called in a way that cannot work (bad option, missing file)."""

    exit_code = ExitCode.UNUSABLE


class PlanFileError(SmplanError):
    """A plan file that cannot be used: unreadable, not YAML, hostile, wrong version.

    It holds every problem found, each with its position, so they are reported at once.
    `salvaged` is what could still be read of it (a `smplan.plan.files.LoadedPlan`), for
    the rules to judge; None when nothing could.
    """

    exit_code = ExitCode.UNUSABLE

    def __init__(
        self,
        filename: str,
        problems: list[Problem],
        *,
        language: str | None = None,
        salvaged: object = None,
    ) -> None:
        self.filename = filename
        self.problems = sorted(problems, key=Problem.sort_key)
        self.salvaged = salvaged
        # The language the plan declares, when the file got far enough to tell.
        super().__init__("", language=language)

    @property
    def message(self) -> str:
        """One `FILE:LINE:COL: path: message` line per problem."""
        return "\n".join(p.format(self.filename) for p in self.problems)


class PlanInvalidError(PlanFileError):
    """A readable YAML file whose content does not fit the plan format.

    Its `salvaged` plan is what remains once the values that do not fit are left out.
    """

    exit_code = ExitCode.FINDINGS


class RenderError(SmplanError):
    """A document could not be produced (template error, missing system library)."""

    exit_code = ExitCode.UNUSABLE


class CalendarError(SmplanError):
    """A content calendar cannot be made from the plan: no time zone, no slot, no span."""

    exit_code = ExitCode.UNUSABLE


class Interrupted(SmplanError):
    """The user pressed Ctrl-C or closed standard input; what was saved stays saved."""

    exit_code = ExitCode.INTERRUPTED


def cannot_write(
    path: str | os.PathLike[str],
    error: OSError,
    *,
    source: str | None = None,
    kind: type[SmplanError] = UsageError,
) -> SmplanError:
    """The one error for a file smplan could not write, with what the system said.

    `source` names the plan the file was made from, when a batch writes several.
    """
    message = L_("cannot write {path}: {reason}", path=printable(str(path)), reason=_reason(error))
    if source is not None:
        message = L_("{file}: {message}", file=printable(source), message=message)
    return kind(message, hint=L_("check that the folder exists and that you may write in it"))


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
