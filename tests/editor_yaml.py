"""YAML read as an editor's YAML language server reads it, shared by the schema tests.

The YAML language server (VS Code, Neovim, Helix...) reads YAML 1.2 with its core schema:
only `true`/`false` (in three casings) are booleans, so `yes`, `no`, `on` and `off` are
text; `1.0` and `007` are numbers; `~`, `null` and an empty value are null; dates stay
text (the schema's `format: date` judges them). PyYAML reads YAML 1.1, so its implicit
types are replaced here by the core schema's.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$"
)


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as the YAML language server does (YAML 1.2 core schema)."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
    ("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", _FLOAT, "-+0123456789."),
):
    Yaml12Loader.add_implicit_resolver(tag, pattern, list(first))


def _bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    return int(text, 10)


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    if text == ".nan":
        return math.nan
    return float(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _bool)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)


def load_as_editor(text: str) -> Any:
    """A YAML document as an editor's language server sees it (YAML 1.2 core schema)."""
    return yaml.load(text, Loader=Yaml12Loader)
