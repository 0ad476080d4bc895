"""What `check` found, written for machines: JSON, GitHub workflow commands, SARIF 2.1.0.

A `Report` holds every located finding of one plan file, whether the rules produced them
or the loader did (each kind of loader problem has its own code, SMP000 and SMP020 to SMP039,
listed in `smplan.plan.problems`); every code is described in the one rule store. Each
format is a function from a report to text; nothing here prints, and the command line's
registry of formats (`smplan.cli.check.REPORT_FORMATS`) names them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from smplan import __version__
from smplan.checks.store import STEP_ORDER, STORE, Finding
from smplan.errors import ExitCode, Problem
from smplan.i18n import L_, _
from smplan.plan.problems import UNREADABLE

#: The code of a problem found by the loader that has no code of its own.
LOADER_CODE = UNREADABLE


@dataclass(frozen=True)
class Entry:
    """One located finding: its rule code, severity, step (None: any) and place."""

    code: str
    severity: str
    step: str | None
    problem: Problem
    #: The file it is in, when not the plan's own (the results file beside it).
    file: str | None = None


@dataclass(frozen=True)
class Report:
    """Everything `check` found in one file, in the order it reports them."""

    file: str
    entries: list[Entry]
    #: Each step's progress; empty when the loader found problems and no rule ran.
    steps: dict[str, str] = field(default_factory=dict)
    #: The project block's progress, told the same way; None when no rule ran.
    project: str | None = None
    #: Whether every part is complete, so that the plan's document is final.
    finished: bool = False
    #: False when the file could not be read or parsed at all.
    readable: bool = True
    strict: bool = False
    #: The language the report speaks: --lang, or the plan's own.
    language: str | None = None
    #: How many findings --ignore left out.
    ignored: int = 0

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(1 for e in self.entries if e.severity == "error")

    @property
    def warnings(self) -> int:
        """How many findings are warnings."""
        return len(self.entries) - self.errors

    @property
    def valid(self) -> bool:
        """Whether the file is a valid plan (warnings allowed)."""
        return self.errors == 0

    @property
    def failed(self) -> bool:
        """Whether the check fails: errors, or warnings under --strict."""
        return self.errors > 0 or (self.strict and self.warnings > 0)

    @property
    def exit_code(self) -> ExitCode:
        """2 for a file that cannot be read, 1 when the check fails, else 0."""
        if not self.readable:
            return ExitCode.UNUSABLE
        return ExitCode.FINDINGS if self.failed else ExitCode.OK


def finding_entry(finding: Finding, problem: Problem, file: str | None = None) -> Entry:
    """The entry of a rule's finding, placed at `problem` (in `file`, if not the plan)."""
    return Entry(finding.code, finding.severity, finding.step, problem, file)


def loader_entry(problem: Problem) -> Entry:
    """The entry of a problem the loader found; its step is the top key, if a step's."""
    top = problem.path.split(".")[0].split("[")[0] if problem.path else None
    code = problem.code or LOADER_CODE
    return Entry(code, "error", top if top in STEP_ORDER else "project", problem)


# --- JSON ---------------------------------------------------------------------------------


def json_report(reports: list[Report]) -> str:
    """Each report as a JSON object (file, validity, steps, counts, findings); one file's
    alone, several in a list."""
    data = [_report_json(r) for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False)


def _report_json(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {"file": report.file, "valid": report.valid}
    if not report.readable:
        data["readable"] = False
    data |= {
        "steps": report.steps,
        "project": report.project,
        "finished": report.finished,
        "summary": {"errors": report.errors, "warnings": report.warnings},
        "findings": [_entry_json(e) for e in report.entries],
    }
    return data


def _entry_json(entry: Entry) -> dict[str, Any]:
    problem = entry.problem
    return {
        "code": entry.code,
        "severity": entry.severity,
        "step": entry.step,
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "message": str(problem.message),
        "hint": None if problem.hint is None else str(problem.hint),
    } | ({"file": entry.file} if entry.file else {})


# --- GitHub workflow commands ---------------------------------------------------------------

#: The workflow command of each severity; anything else is a notice.
_GITHUB_COMMANDS = {"error": "error", "warning": "warning"}


def github_escape_data(text: str) -> str:
    """A command's message, escaped as GitHub's runner reads it back."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(text: str) -> str:
    """A command's property value (file, title): its `:` and `,` escaped too."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(reports: list[Report]) -> str:
    """One `::warning file=F,line=L,col=C,title=CODE::message` line per finding.

    GitHub shows each as an annotation on that line of the pull request's diff.
    """
    lines = []
    for report, entry in ((r, e) for r in reports for e in r.entries):
        problem = entry.problem
        properties = [("file", entry.file or report.file)]
        if problem.line is not None:
            properties += [("line", str(problem.line)), ("col", str(problem.column or 1))]
        properties.append(("title", entry.code))
        props = ",".join(f"{k}={github_escape_property(v)}" for k, v in properties)
        command = _GITHUB_COMMANDS.get(entry.severity, "notice")
        lines.append(f"::{command} {props}::{github_escape_data(_message(problem))}")
    return "\n".join(lines)


def _message(problem: Problem) -> str:
    text = f"{problem.path}: {problem.message}" if problem.path else str(problem.message)
    if problem.hint:
        text += str(L_(" (hint: {hint})", hint=str(problem.hint)))
    return text


# --- SARIF 2.1.0 --------------------------------------------------------------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {"error": "error", "warning": "warning"}


def sarif_rules() -> list[dict[str, Any]]:
    """Every code `check` can report, as SARIF reporting descriptors, in code order."""
    return [
        {
            "id": rule.code,
            **({"name": rule.name} if rule.name else {}),
            "shortDescription": {"text": str(rule.title)},
            "fullDescription": {
                "text": _("{title} ({severity}, step: {step}).").format(
                    title=rule.title, severity=rule.severity, step=rule.step or _("any")
                )
            },
            "help": {
                "text": _(
                    "{title}. Fix it where the result points, or leave the rule out "
                    "with `smplan check --ignore {code}`."
                ).format(title=rule.title, code=rule.code)
                if "file" not in rule.scopes
                else _("{title}. Fix the file where the result points.").format(title=rule.title)
            },
            "defaultConfiguration": {"level": _SARIF_LEVELS.get(rule.severity, "note")},
            "properties": {"step": rule.step or "any"},
        }
        for rule in STORE
    ]


def sarif_report(reports: list[Report]) -> str:
    """The reports as one SARIF 2.1.0 log: one run, every rule described, each result
    placed in its file."""
    rules = sarif_rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    files = [f for r in reports for f in (r.file, *(e.file for e in r.entries)) if f]
    uris = {f: quote(PurePath(f).as_posix()) for f in files}
    results = []
    for report, entry in ((r, e) for r in reports for e in r.entries):
        uri = uris[entry.file or report.file]
        problem = entry.problem
        physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
        if problem.line is not None:
            physical["region"] = {"startLine": problem.line, "startColumn": problem.column or 1}
        location: dict[str, Any] = {"physicalLocation": physical}
        if problem.path:
            location["logicalLocations"] = [{"fullyQualifiedName": problem.path}]
        results.append(
            {
                "ruleId": entry.code,
                "ruleIndex": index[entry.code],
                "level": _SARIF_LEVELS.get(entry.severity, "note"),
                "message": {"text": _message(problem)},
                "locations": [location],
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "smplan", "version": __version__, "rules": rules}},
                "artifacts": [{"location": {"uri": uri}} for uri in dict.fromkeys(uris.values())],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)
