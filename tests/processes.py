"""Run smplan as a separate process, as a shell or a CI job runs it.

Each command gets a process of its own: its own exit status, standard streams, working
folder, environment and limits. Starting an interpreter and importing smplan costs more
than most commands, so the process is forked from one that has done that once (`Forker`),
started with the settings an interpreter or an import reads (PYTHON*, LANG, LC_*,
SMPLAN_*) as the command has them.
"""

from __future__ import annotations

import atexit
import json
import os
import resource
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Settings read when an interpreter starts or smplan is imported (the languages found
#: under SMPLAN_LOCALE_PATH, for one): a process forked after that could not take them up.
STARTUP = ("PYTHON", "LANG", "LC_", "SMPLAN_")
#: How many forking interpreters are kept at once, each for one set of those settings.
KEPT = 2

#: Imports smplan whole, then runs each request it reads (one JSON line) in a child of its
#: own, and answers with the child's process id, then with its exit status.
SERVER = r"""
import importlib, json, os, pkgutil, resource, sys, time, traceback

requests = open(os.dup(0), "rb")
answers = open(os.dup(1), "w", encoding="utf-8")
nothing = os.open(os.devnull, os.O_RDWR)
os.dup2(nothing, 0)
os.dup2(nothing, 1)

import smplan
for module in pkgutil.walk_packages(smplan.__path__, "smplan."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)

from smplan.cli import main

MAIN = os.path.join(os.path.dirname(smplan.__file__), "__main__.py")


def child(request):
    requests.close()
    answers.close()
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    for name, limit in request["limits"].items():
        resource.setrlimit(getattr(resource, name), tuple(limit))
    for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    sys.argv = [MAIN, *request["args"]]
    code = 0
    try:
        main(request["args"])
    except SystemExit as exc:
        code = exc.code
    except BaseException:
        traceback.print_exc()
        code = 1
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


for line in requests:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        child(request)
    answers.write(json.dumps({"pid": pid}) + "\n")
    answers.flush()
    _, status = os.waitpid(pid, 0)
    answers.write(json.dumps({"status": os.waitstatus_to_exitcode(status)}) + "\n")
    answers.flush()
"""


class Forker:
    """An interpreter with smplan imported, which forks a process for each command."""

    _kept: dict[tuple[tuple[str, str], ...], Forker] = {}
    _seen: set[tuple[tuple[str, str], ...]] = set()

    def __init__(self, env: dict[str, str]) -> None:
        self._server = subprocess.Popen(
            [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        self._pending = b""
        atexit.register(self.stop)

    def stop(self) -> None:
        """End the interpreter and wait for it, so that its time counts with the run's."""
        if self._server.stdin is not None and not self._server.stdin.closed:
            self._server.stdin.close()
        self._server.wait(timeout=60)

    @classmethod
    def run(
        cls,
        args: list[str],
        cwd: Path,
        env: dict[str, str],
        timeout: float,
        limits: dict[str, tuple[int, int]] | None = None,
    ) -> tuple[int, bytes, bytes]:
        """Run `smplan ARGS` in a process of its own: its exit status, stdout and stderr."""
        key = tuple(sorted((k, v) for k, v in env.items() if k.startswith(STARTUP)))
        if key not in cls._seen:
            # Settings met once only (a catalog folder of one test) would pay for importing
            # all of smplan, more than one command loads: the first command starts afresh.
            cls._seen.add(key)
            return _fresh(args, cwd, env, timeout, limits or {})
        forker = cls._kept.pop(key, None)
        if forker is None or forker._server.poll() is not None:
            forker = cls(env)
        cls._kept[key] = forker  # the most recently used last
        while len(cls._kept) > KEPT:
            cls._kept.pop(next(iter(cls._kept))).stop()
        return forker._run(args, cwd, env, timeout, limits or {})

    def _answer(self, deadline: float | None = None) -> dict[str, Any]:
        """The server's next answer; none ({}) once `deadline`, a monotonic time, has passed."""
        assert self._server.stdout is not None
        fd = self._server.stdout.fileno()
        while b"\n" not in self._pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([fd], [], [], left)[0]:
                return {}
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError("the forking interpreter ended")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _run(
        self,
        args: list[str],
        cwd: Path,
        env: dict[str, str],
        timeout: float,
        limits: dict[str, tuple[int, int]],
    ) -> tuple[int, bytes, bytes]:
        assert self._server.stdin is not None
        with tempfile.TemporaryDirectory() as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            request = {
                "args": args,
                "cwd": str(cwd),
                "env": env,
                "limits": limits,
                "stdout": str(out),
                "stderr": str(err),
            }
            self._server.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            self._server.stdin.flush()
            pid = self._answer()["pid"]
            done = self._answer(time.monotonic() + timeout)
            if not done:
                os.kill(pid, signal.SIGKILL)
                self._answer()
                raise subprocess.TimeoutExpired(["smplan", *args], timeout)
            return done["status"], out.read_bytes(), err.read_bytes()


def _fresh(
    args: list[str],
    cwd: Path,
    env: dict[str, str],
    timeout: float,
    limits: dict[str, tuple[int, int]],
) -> tuple[int, bytes, bytes]:
    """Run `smplan ARGS` in a new interpreter: its exit status, stdout and stderr."""

    def limit() -> None:
        for name, value in limits.items():
            resource.setrlimit(getattr(resource, name), value)

    done = subprocess.run(
        [sys.executable, "-m", "smplan", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        preexec_fn=limit,
    )
    return done.returncode, done.stdout, done.stderr


@dataclass
class Ran:
    """What a finished smplan process left: its exit code and what it printed."""

    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Standard output and error together."""
        return self.stdout + self.stderr


def smplan(
    *args: str | Path,
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Ran:
    """Run `smplan ARGS...` in `cwd`, in English unless `env` says otherwise."""
    environment = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        if name not in (env or {}):
            environment.pop(name, None)
    code, stdout, stderr = Forker.run(list(map(str, args)), cwd, environment, timeout)
    return Ran(
        code,
        stdout.decode("utf-8", "surrogateescape"),
        stderr.decode("utf-8", "surrogateescape"),
    )


def no_traceback(ran: Ran) -> None:
    """Assert the process ended with a message of smplan's, not a crash."""
    assert "Traceback" not in ran.output, ran.output
    assert "internal error" not in ran.output, ran.output
