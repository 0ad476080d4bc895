"""Each command's options are declared once, and both readers of a command line agree.

The Typer application and the quick reader of `smplan.cli.fast` are built from the same
declarations (`smplan.cli.options`). These tests take every parameter of every command
from those declarations, give it to both readers in each way a person may type it (well
and badly), and compare what the command's function would receive: the quick reader
either gives exactly what Typer gives, or steps aside and lets Typer read the line.
"""

from __future__ import annotations

import functools
import inspect
import pkgutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main

import smplan.cli
from smplan.cli.fast import parse
from smplan.cli.options import COMMANDS, NAMES, Command, Param, load, typer_command

ROOT = Path(__file__).resolve().parent.parent

for _name in NAMES:
    load(_name)


#: What the last command read by `through_typer` handed its function.
_RECEIVED: dict[str, Any] = {}


@functools.cache
def _recording(name: str) -> Any:
    """The command `name` as Typer builds it, with a function that records its values."""
    app = typer.Typer()
    typer_command(app, Command(name, _RECEIVED.update, COMMANDS[name].params))
    return typer.main.get_command(app)


def through_typer(declared: Command, argv: list[str]) -> dict[str, Any] | None:
    """What Typer hands the command's function for `argv`; None when it refuses the line."""
    _RECEIVED.clear()
    try:
        _recording(declared.name).main(args=list(argv), prog_name="smplan", standalone_mode=False)
    except typer.TyperException:
        return None
    return dict(_RECEIVED)


def base(declared: Command, leaving: Param) -> list[str]:
    """A command line with every required parameter but `leaving` given."""
    line: list[str] = []
    for param in declared.params:
        if param is leaving or not param.required:
            continue
        line += [param.names[0], "2027-03"] if param.names else ["plan.yaml"]
    return line


def ways(param: Param) -> list[tuple[list[str], bool]]:
    """Ways to type `param`, each with whether the quick reader must take it itself."""
    if not param.names:
        typed = [(["a.yaml"], True), (["-"], False), ([""], False)]
        return [*typed, (["a.yaml", "b.yaml"], param.many)]
    if param.flag:
        found = [([param.names[0]], True), ([param.names[0]] * 2, False)]
        found.append(([f"{param.names[0]}=1"], False))
        if param.off:
            found += [([param.off], True), ([param.names[0], param.off], False)]
        return found
    values = ["3", "0", "-1", "x", " 4", "+5", "1_000"] if param.kind is int else ["out.md", "-"]
    found = []
    for name in param.names:
        for value in values:
            found.append(([name, value], param.kind is not int or value in ("3", " 4", "+5")))
            if name.startswith("--"):
                found.append(([f"{name}={value}"], param.kind is not int or value == "3"))
            else:
                found.append(([f"{name}={value}"], False))
        found += [([name], False), ([name, "--bogus"], False), ([name, ""], False)]
        found.append(([name, values[0], name, values[0]], False))
    return found


CASES = [
    (name, param, typed, taken)
    for name in NAMES
    for param in COMMANDS[name].params
    for typed, taken in ways(param)
]


@pytest.mark.parametrize(
    ("name", "param", "typed", "taken"),
    CASES,
    ids=[f"{n} {' '.join(t) or repr('')}" for n, _, t, _ in CASES],
)
def test_the_quick_reader_gives_what_typer_gives_or_steps_aside(name, param, typed, taken):
    declared = COMMANDS[name]
    line = base(declared, param) + typed
    quick = parse(declared, line)
    slow = through_typer(declared, line)
    if quick is not None:
        assert slow is not None, f"Typer refuses {line}, the quick reader takes it"
        assert quick == slow
    if taken:
        assert quick is not None, f"the quick reader leaves {line} to Typer"


@pytest.mark.parametrize("name", NAMES)
def test_nothing_at_all_and_unknown_options_go_to_typer(name):
    declared = COMMANDS[name]
    assert parse(declared, [*base(declared, declared.params[0]), "--bogus"]) is None
    assert parse(declared, ["--help"]) is None
    required = [p for p in declared.params if p.required]
    assert (parse(declared, []) is None) == bool(required)


@pytest.mark.parametrize("name", NAMES)
def test_typer_builds_each_parameter_as_declared(name):
    declared = COMMANDS[name]
    group: Any = typer.main.get_command(smplan.cli.app)
    built = group.get_command(typer.Context(group), name)
    params = [p for p in built.params if p.name != "help"]
    assert [p.name for p in params] == [p.dest for p in declared.params]
    for click_param, param in zip(params, declared.params, strict=True):
        assert click_param.required == param.required
        assert (click_param.nargs == -1) == param.many
        assert bool(click_param._custom_shell_complete) == (param.complete is not None)
        if param.names:
            assert click_param.opts == list(param.names)
            assert click_param.secondary_opts == ([param.off] if param.off else [])
            assert click_param.is_flag == param.flag
            assert click_param.help == param.help
        else:
            assert click_param.help == param.help
    # The function that does the work takes exactly the parameters declared, in order.
    assert list(inspect.signature(declared.run).parameters) == [p.dest for p in declared.params]
    assert built.help == inspect.cleandoc(declared.run.__doc__)


def test_every_command_is_declared_in_its_module_and_listed_in_help_order():
    group: Any = typer.main.get_command(smplan.cli.app)
    assert list(group.commands) == list(NAMES)
    assert sorted(COMMANDS) == sorted(NAMES)
    for name, declared in COMMANDS.items():
        assert declared.run.__module__ == f"smplan.cli.{name}"


@pytest.mark.parametrize("option", ["--lang", "--template-dir"])
def test_an_option_several_commands_take_is_one_declaration(option):
    taking = [
        param
        for declared in COMMANDS.values()
        for param in declared.params
        if option in param.names
    ]
    assert len(taking) > 1
    assert all(param is taking[0] for param in taking)


def test_the_import_contracts_know_every_module_of_the_command_line():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    by_name = {c["name"]: c for c in contracts["tool"]["importlinter"]["contracts"]}
    commands = by_name["No command depends on another"]["modules"]
    shared = by_name["What the commands share imports no command"]
    modules = {m.name for m in pkgutil.iter_modules(smplan.cli.__path__)}
    assert commands == [f"smplan.cli.{name}" for name in NAMES]
    assert shared["forbidden_modules"] == commands
    assert {f"smplan.cli.{m}" for m in modules} == {*commands, *shared["source_modules"]} - {
        "smplan.cli"
    }
    assert "smplan.cli" in shared["source_modules"]
