"""The completion scripts of bash, zsh and fish, and the answers smplan gives them.

A shell asks by running smplan with `_SMPLAN_COMPLETE=complete_SHELL`; smplan answers one
candidate a line, `VALUE<TAB>DESCRIPTION`, and the script hands each value to the shell
as data: bash quotes it with `printf %q`, zsh adds it with `compadd` (which quotes it),
fish reads it from a command substitution. No script evaluates a candidate, so a file
named `$(rm -rf ~).yaml` is completed as that name and never run. A candidate that
cannot travel on one line of text (a name holding a line break, a control character or
bytes that are not UTF-8) is left out.
"""

from __future__ import annotations

import os
import re

from typer._click.shell_completion import CompletionItem, add_completion_class
from typer._completion_classes import BashComplete, FishComplete, ZshComplete

from smplan.cli.completers import COMPLETE_VAR
from smplan.errors import printable

_FUNCTION = "_smplan_completion"

BASH_SCRIPT = r"""
%(function)s() {
    local line value quoted
    COMPREPLY=()
    while IFS= read -r line; do
        value=${line%%%%$'\t'*}
        [[ -n $value ]] || continue
        printf -v quoted '%%q' "$value"
        COMPREPLY+=("$quoted")
    done < <(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \
                 %(variable)s=complete_bash "$1" 2>/dev/null)
    # A folder is completed without the space, so its files can follow.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

complete -o default -F %(function)s %(program)s
"""

ZSH_SCRIPT = r"""
#compdef %(program)s

%(function)s() {
  emulate -L zsh
  local line value description
  local -a described shown plain folders
  for line in "${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" \
                       %(variable)s=complete_zsh %(program)s 2>/dev/null)}"; do
    value=${line%%%%$'\t'*}
    description=${line#*$'\t'}
    [[ -n $value ]] || continue
    if [[ $value == */ ]]; then
      folders+=("$value")
    elif [[ -n $description ]]; then
      described+=("$value")
      shown+=("$value -- $description")
    else
      plain+=("$value")
    fi
  done
  (( ${#described} )) && compadd -l -d shown -a described
  (( ${#plain} )) && compadd -a plain
  (( ${#folders} )) && compadd -S '' -a folders
  (( ${#described} + ${#plain} + ${#folders} )) || _files
}

compdef %(function)s %(program)s
"""

FISH_SCRIPT = r"""
function __%(function)s
    set -lx %(variable)s complete_fish
    set -lx _TYPER_COMPLETE_FISH_ACTION $argv[1]
    set -lx _TYPER_COMPLETE_ARGS (commandline -cp | string collect)
    %(program)s 2>/dev/null
end

complete --command %(program)s --no-files \
    --arguments "(__%(function)s get-args)" --condition "__%(function)s is-args"
"""

#: Each shell's script, by the name `smplan completion` takes.
SCRIPTS = {"bash": BASH_SCRIPT, "zsh": ZSH_SCRIPT, "fish": FISH_SCRIPT}


def script(shell: str, program: str = "smplan") -> str:
    """The completion script of `shell` for `program`."""
    fields = {"function": _FUNCTION, "program": program, "variable": COMPLETE_VAR}
    return (SCRIPTS[shell] % fields).strip() + "\n"


_SPACES = re.compile(r"\s+")


def candidate_line(item: CompletionItem) -> str | None:
    """`VALUE<TAB>DESCRIPTION`, or None when the value cannot travel as one line of text."""
    value = str(item.value)
    if not value or printable(value) != value or "\t" in value or _unencodable(value):
        return None
    description = printable(_SPACES.sub(" ", str(item.help or ""))).strip()
    return f"{value}\t{description}"


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _answer(complete: BashComplete | ZshComplete | FishComplete) -> str:
    args, incomplete = complete.get_completion_args()
    lines = (candidate_line(item) for item in complete.get_completions(args, incomplete))
    return "\n".join(line for line in lines if line is not None)


class SafeBash(BashComplete):
    """bash: the candidates as lines of data, which the script quotes."""

    def complete(self) -> str:
        """Every candidate, one a line."""
        return _answer(self)


class SafeZsh(ZshComplete):
    """zsh: the candidates as lines of data, which the script adds with `compadd`."""

    def complete(self) -> str:
        """Every candidate, one a line."""
        return _answer(self)


class SafeFish(FishComplete):
    """fish: the candidates as lines of data; fish quotes what it inserts."""

    def complete(self) -> str:
        """Every candidate, one a line; for `is-args`, whether there are any."""
        answer = _answer(self)
        if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            raise SystemExit(0 if answer else 1)
        return answer


def register() -> None:
    """Answer the scripts above rather than Typer's own, for every shell smplan supports."""
    for shell, complete in (("bash", SafeBash), ("zsh", SafeZsh), ("fish", SafeFish)):
        add_completion_class(complete, shell)


def activate() -> None:
    """When a completion script asks, answer in the format the scripts read."""
    if os.environ.get(COMPLETE_VAR):
        # Typer's classes first (powershell among them), then smplan's own for the
        # shells it writes a script for: their answers are data, never code.
        from typer.completion import completion_init  # type: ignore[attr-defined]

        completion_init()
        register()
