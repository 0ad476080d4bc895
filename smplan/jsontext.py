"""JSON as smplan prints it for machines: strict, and text that any reader can decode."""

from __future__ import annotations

import json
import re
from typing import Any

#: A lone surrogate: a byte of a file name that is not UTF-8, as Python holds it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def dumps(data: Any) -> str:
    """`data` as indented JSON: no NaN or infinity (strict JSON has none), and a lone
    surrogate written as its `\\udcXX` escape, which decodes back to the same name."""
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
