"""The kinds of problem the loader finds in a plan file, each with its stable code.

The rules of `smplan.checks` judge the strategy; these codes name what keeps a part of the
file from being read at all: a syntax error, an unknown key, a value of the wrong type.
They are reported and documented beside the rules' codes (`smplan rules`), in the block
SMP020 to SMP039; SMP000 is a file that cannot be read as a plan at all.
"""

from __future__ import annotations

from typing import Literal

from smplan.i18n import L_, Message

UNREADABLE = "SMP000"
SYNTAX = "SMP020"
YAML_FEATURE = "SMP021"
DUPLICATE_KEY = "SMP022"
TOO_BIG = "SMP023"
CHARACTER = "SMP024"
UNKNOWN_KEY = "SMP025"
MISPLACED_KEY = "SMP026"
MISSING_KEY = "SMP027"
WRONG_TYPE = "SMP028"
NOT_A_DATE = "SMP029"
NO_SUCH_DATE = "SMP030"
NOT_ALLOWED = "SMP031"
ID_FORMAT = "SMP032"
OUT_OF_RANGE = "SMP033"
VALUE_FORMAT = "SMP034"
FORMAT_VERSION = "SMP035"
WRONG_SECTION = "SMP036"
ONE_VALUE = "SMP037"
CUT_TEXT = "SMP038"
COMMENT_AFTER_TEXT = "SMP039"

#: Every loader code with its title, in code order, as `smplan rules` lists them.
LOADER_CODES: dict[str, Message] = {
    UNREADABLE: L_("The file cannot be read as a plan (missing, not a file, not UTF-8, empty)"),
    SYNTAX: L_("The file is not valid YAML (indentation, quotes, brackets)"),
    YAML_FEATURE: L_(
        "A YAML feature plans do not use: alias, anchor, tag, merge key, two documents"
    ),
    DUPLICATE_KEY: L_("A key written twice in the same block"),
    TOO_BIG: L_("A file too large or nested too deep to be a plan"),
    CHARACTER: L_("A character that has no place in a plan (a control character)"),
    UNKNOWN_KEY: L_("A key the plan format does not know"),
    MISPLACED_KEY: L_("A key written at the wrong level: it belongs in another block"),
    MISSING_KEY: L_("A required key is missing"),
    WRONG_TYPE: L_("A value of the wrong kind: text, a number, a list, a block, true or false"),
    NOT_A_DATE: L_("A value that is not written as a date (YYYY-MM-DD)"),
    NO_SUCH_DATE: L_("A date that does not exist in the calendar"),
    NOT_ALLOWED: L_("A value that is not one of those the field allows"),
    ID_FORMAT: L_("An id not written as ids are (lowercase letters, digits, - and _)"),
    OUT_OF_RANGE: L_("A number out of the field's range"),
    VALUE_FORMAT: L_("A value not in its field's format: currency code, time, time zone"),
    FORMAT_VERSION: L_("A plan format version smplan does not read"),
    WRONG_SECTION: L_("Items that fit another section: a section key left out or commented out"),
    ONE_VALUE: L_("A list where the field takes a single value"),
    CUT_TEXT: L_("A text cut short: a ` #` inside it starts a comment (a hashtag, a number)"),
    COMMENT_AFTER_TEXT: L_(
        "A comment after a text on the same line: a note, or words the text loses"
    ),
}
#: The loader's codes for what leaves the plan usable: warnings, where the others are errors.
LOADER_WARNINGS = frozenset({COMMENT_AFTER_TEXT})


def loader_severity(code: str) -> Literal["error", "warning"]:
    """How serious a loader code is: "warning" for those of `LOADER_WARNINGS`, else "error"."""
    return "warning" if code in LOADER_WARNINGS else "error"
