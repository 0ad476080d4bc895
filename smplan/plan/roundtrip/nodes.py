"""New YAML nodes for answers, written so that a YAML 1.1 reader reads them back the same."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any


def is_map(value: Any) -> bool:
    """Whether `value` is a mapping of the round-trip document."""
    from ruamel.yaml.comments import CommentedMap

    return isinstance(value, CommentedMap)


def is_seq(value: Any) -> bool:
    """Whether `value` is a sequence of the round-trip document."""
    from ruamel.yaml.comments import CommentedSeq

    return isinstance(value, CommentedSeq)


def to_node(value: Any) -> Any:
    """Plain data as nodes of the round-trip document, text quoted where YAML 1.1 needs it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = to_node(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(to_node(item) for item in value)
    if isinstance(value, str):
        return _quoted_if_ambiguous(value)
    if isinstance(value, dt.date):
        # A new object each time: the same date twice would be written as an anchor.
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, float) and not math.isfinite(value):
        # `inf` and `nan` as words: the plan reader hands text to the model, which reads them.
        return str(value)
    return value


#: Characters a plain or single-quoted scalar cannot carry unchanged: line breaks and
#: control characters, which only a double-quoted scalar can write as escapes.
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _quoted_if_ambiguous(text: str) -> Any:
    """Quote a text answer that a YAML 1.1 reader would take for something else.

    ruamel.yaml writes YAML 1.2, where `no`, `on` or `1_000` are plain text; the plan
    is read back with a YAML 1.1 reader, where they are a boolean or a number.
    """
    import yaml
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if _NEEDS_ESCAPE.search(text):
        return DoubleQuotedScalarString(text)
    try:
        read_back = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    if isinstance(read_back, str) and read_back == text:
        return text
    return SingleQuotedScalarString(text)
