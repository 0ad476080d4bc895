"""Each command's arguments and options, declared once.

A command module declares its parameters with `command(NAME, ...)` on the function that
does the work; both readers of the command line are built from that declaration: the
Typer application (`typer_command`: help, completion and every parse error), and the
quick reader of `smplan.cli.fast`, which takes the usual shapes without loading Typer.
The options several commands share (`LANG`, `TEMPLATE_DIR`, `REFERENCE_DOC`, the plan)
are declared here once, and the `--format` and `-o` of a command are made from its
registry of formats.

Nothing here loads Typer or the core: `--help` and the quick reader both read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from smplan.cli.completers import complete_languages, complete_plan_paths
from smplan.i18n import L_

if TYPE_CHECKING:
    import typer

    from smplan.outputs import Outputs

#: The commands, in the order a user meets them and `smplan --help` lists them; each is
#: declared in the module `smplan.cli.NAME`.
NAMES = (
    "new",
    "init",
    "check",
    "render",
    "calendar",
    "track",
    "status",
    "report",
    "diff",
    "schema",
    "rules",
    "completion",
)


@dataclass(frozen=True)
class Param:
    """One argument or option of a command, as both readers of the command line take it."""

    #: The name of the command function's parameter that receives it.
    dest: str
    #: The option's names (`--format`, `-f`); none for an argument.
    names: tuple[str, ...]
    help: str
    #: The type of one value: str, int or Path.
    kind: type = str
    default: Any = None
    required: bool = False
    #: An option that takes no value.
    flag: bool = False
    #: The name that turns a flag off (`--no-interactive`).
    off: str | None = None
    #: An argument that takes every value left.
    many: bool = False
    metavar: str | None = None
    show_default: bool = True
    #: The smallest value an int takes.
    minimum: int | None = None
    #: What completes its value in a shell: a function of the text typed so far.
    complete: Callable[..., Any] | None = None

    @property
    def annotation(self) -> Any:
        """The type Typer reads the parameter as."""
        if self.flag:
            return bool if self.default is not None else bool | None
        if self.many:
            return list[self.kind]  # type: ignore[name-defined]
        if self.required or self.default is not None:
            return self.kind
        return self.kind | None


def argument(
    dest: str,
    *,
    help: str,
    kind: type = Path,
    default: Any = None,
    required: bool = True,
    many: bool = False,
    metavar: str | None = None,
    complete: Callable[..., Any] | None = None,
) -> Param:
    """A positional argument; required unless it has a default."""
    required = required and default is None
    return Param(
        dest, (), help, kind, default, required, many=many, metavar=metavar, complete=complete
    )


def option(
    dest: str,
    *names: str,
    help: str,
    kind: type = str,
    default: Any = None,
    required: bool = False,
    metavar: str | None = None,
    minimum: int | None = None,
    complete: Callable[..., Any] | None = None,
) -> Param:
    """An option that takes a value."""
    return Param(
        dest,
        names,
        help,
        kind,
        default,
        required,
        metavar=metavar,
        show_default=default is not None,
        minimum=minimum,
        complete=complete,
    )


def flag(dest: str, name: str, *, help: str, off: str | None = None) -> Param:
    """An option that takes no value: True when given; with `off`, None when neither is."""
    return Param(dest, (name,), help, bool, None if off else False, flag=True, off=off)


# --- help texts put together from a registry ---------------------------------------------

#: Help texts put together from a registry (`H_`): the English text, and the template
#: and fields it was made from, so that `smplan.cli.helptexts` can translate it.
BUILT: dict[str, tuple[str, dict[str, Any]]] = {}


def H_(template: str, /, **fields: Any) -> str:
    """A help text made from `template` and `fields`, translated when the help is shown.

    A field may be a catalog message (`L_`), or a `Listed` of them, translated with it.
    """
    text = template.format_map({k: str(v) for k, v in fields.items()})
    BUILT[text.strip()] = (template, fields)
    return text


class Listed:
    """Items of a help text, each translated when shown, joined by `separator`."""

    def __init__(self, items: Iterable[Any], separator: str = ", ") -> None:
        self.items = list(items)
        self.separator = separator

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self.items)


def described(registry: Outputs) -> Listed:
    """The formats of a registry as `name (what it is for)`, for a `--format` help."""
    return Listed(
        L_("{name} ({what})", name=name, what=L_(fmt.about)) if fmt.about else name
        for name, fmt in registry.items()
    )


# --- the options several commands share ----------------------------------------------------

LANG = option(
    "lang",
    "--lang",
    help="The language to write and speak in, such as fr. "
    "Default: the plan's own, else the environment's.",
    complete=complete_languages,
)
TEMPLATE_DIR = option(
    "template_dir",
    "--template-dir",
    kind=Path,
    help="Folder of templates that replace the built-in ones, file by file.",
)
REFERENCE_DOC = option(
    "reference_doc",
    "--reference-doc",
    kind=Path,
    help="A Word file whose styles, page, header and footer a DOCX takes: a house "
    "style. Default: reference.docx in --template-dir, else smplan's own.",
)
PLAN = argument("path", help="The plan file.", metavar="PLAN", complete=complete_plan_paths)


def format_option(kind: Outputs) -> Param:
    """`--format`, `-f`: one of the formats of `kind`. A kind written to files takes, by
    default, the one the extension of `-o` names; one printed takes its default."""
    if kind.name is None:
        return option(
            "output_format",
            "--format",
            "-f",
            default=kind.default,
            help=H_("Output format: {formats}.", formats=described(kind)),
        )
    return option(
        "output_format",
        "--format",
        "-f",
        help=H_(
            "Format: {formats}. Default: the extension of -o, else {default}.",
            formats=described(kind),
            default=kind.default,
        ),
    )


def output_option(kind: Outputs, *, several: bool = False) -> Param:
    """`--output`, `-o`: the file or folder the output of `kind` goes to, or `-`."""
    said: list[Any] = [
        L_(
            "File to write, or folder to write in (an existing folder, or a path ending "
            "in /); its extension chooses the format."
        )
    ]
    if several:
        said.append(L_("With several plans, -o is a folder."))
    per_part = [name for name, fmt in kind.items() if fmt.per_part]
    if per_part:
        said.append(
            L_(
                "The formats written one file per channel ({formats}) take a folder, or the "
                "start of each file's name (-o out/posts gives out/posts-instagram.csv).",
                formats=", ".join(per_part),
            )
        )
    said.append(L_("`-o -` writes to standard output."))
    said.append(L_("Default: {name}, next to the plan.", name=_pattern(kind.name or "")))
    return option("output_arg", "--output", "-o", metavar="PATH", help=sentences(*said))


class _Placeholders(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return key.upper()


def _pattern(name: str) -> str:
    """A file name of a kind as help shows it: PLAN.report-PERIOD.EXT."""
    return name.format_map(_Placeholders(stem="PLAN", extension=".EXT"))


def sentences(*said: Any) -> str:
    """A help text of several catalog messages, each translated when the help is shown."""
    joined = Listed(said, " ")
    text = str(joined)
    BUILT[text] = ("{text}", {"text": joined})
    return text


# --- the commands --------------------------------------------------------------------------

Run = TypeVar("Run", bound=Callable[..., Any])


@dataclass(frozen=True)
class Command:
    """A command: its name, the function that does its work, and its parameters.

    The function takes each parameter by its `dest` and returns the exit status (None
    for 0); its docstring is the command's help.
    """

    name: str
    run: Callable[..., Any]
    params: tuple[Param, ...]
    #: Whether a word that starts with `-` but is no option (a figure: `-8`) is a value.
    negatives: bool = False


#: Every command declared so far, by name.
COMMANDS: dict[str, Command] = {}


def command(name: str, *params: Param, negatives: bool = False) -> Callable[[Run], Run]:
    """Declare the function below as the command `name`, taking `params`; with
    `negatives`, a word like `-8` that is no option is taken as a value."""

    def register(run: Run) -> Run:
        if name in COMMANDS:
            raise ValueError(f"the command {name} is declared twice")
        COMMANDS[name] = Command(name, run, params, negatives)
        return run

    return register


def load(name: str) -> Command | None:
    """The command `name`, its module imported; None when there is no such command."""
    import importlib

    if name not in NAMES:
        return None
    importlib.import_module(f"smplan.cli.{name}")
    return COMMANDS[name]


def typer_command(app: typer.Typer, declared: Command) -> None:
    """Add `declared` to the Typer application `app`, its parameters as declared."""
    import inspect

    def callback(**values: Any) -> Any:
        return declared.run(**values)

    parameters = [
        inspect.Parameter(
            p.dest,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            default=_typer_info(p),
            annotation=p.annotation,
        )
        for p in declared.params
    ]
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    callback.__doc__ = declared.run.__doc__
    settings = {"ignore_unknown_options": True} if declared.negatives else None
    app.command(name=declared.name, context_settings=settings)(callback)


def _typer_info(p: Param) -> Any:
    import typer

    default = ... if p.required else p.default
    shared: dict[str, Any] = {
        "help": p.help,
        "show_default": p.show_default,
        "metavar": p.metavar,
        "autocompletion": p.complete,
    }
    if not p.names:
        return typer.Argument(default, **shared)
    names = list(p.names)
    if p.off is not None:
        names[0] = f"{names[0]}/{p.off}"
    if p.minimum is not None:
        shared["min"] = p.minimum
    return typer.Option(default, *names, **shared)
