"""One wording of the model's errors, for every reader of them.

The file loader words pydantic's errors for `check` (`FILE:LINE:COL: path: message`);
the interview shows the same words under a rejected answer. Both go through the
loader's describer (`smplan.plan.mistakes.describe`), so a message is written once
and translated once.
"""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from smplan.i18n import Message
from smplan.plan.mistakes import describe


def describe_error(
    error: ValidationError, model: type[BaseModel], name: str
) -> tuple[Message, Message | None]:
    """The message and hint for an answer to `model.name` that the model refused."""
    errors = [dict(e) for e in error.errors(include_url=False)]
    _code, message, hint, _at_key = describe((name,), errors, model)
    return message, hint
