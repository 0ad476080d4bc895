"""YAML read as an editor's YAML language server reads it, shared by the schema tests."""

from __future__ import annotations

from typing import Any

import yaml


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as the YAML language server does (core schema): dates stay strings."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_as_editor(text: str) -> Any:
    """A YAML document as an editor's language server sees it (YAML 1.2 core schema)."""
    return yaml.load(text, Loader=Yaml12Loader)
