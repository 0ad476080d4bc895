"""`smplan completion SHELL`: teach bash, zsh or fish to complete smplan's command lines."""

from __future__ import annotations

from smplan.cli.common import echo
from smplan.cli.completers import SHELLS
from smplan.cli.options import H_, argument, command


def _shells(incomplete: str) -> list[str]:
    return [shell for shell in SHELLS if shell.startswith(incomplete)]


@command(
    "completion",
    argument(
        "shell",
        kind=str,
        help=H_("The shell: {shells}.", shells=", ".join(SHELLS)),
        complete=_shells,
    ),
)
def completion(shell: str) -> None:
    """Print the script that makes a shell complete smplan's commands, plans and codes.

    bash: add `eval "$(smplan completion bash)"` to ~/.bashrc.
    zsh: add `eval "$(smplan completion zsh)"` to ~/.zshrc (after compinit).
    fish: run `smplan completion fish > ~/.config/fish/completions/smplan.fish`.
    """
    from smplan.errors import UsageError
    from smplan.i18n import L_

    if shell not in SHELLS:
        raise UsageError(
            L_("unknown shell `{shell}`", shell=shell),
            hint=L_("use one of: {choices}", choices=", ".join(SHELLS)),
        )
    from smplan.cli.shells import script

    echo(script(shell), nl=False)
