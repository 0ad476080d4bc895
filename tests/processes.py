"""Run smplan as a separate process, as a shell or a CI job runs it.

Each command gets a process of its own: its own exit status, standard streams, working
folder, environment and limits. Starting an interpreter and importing smplan costs more
than most commands, so the process is forked from one that has done that once for the
test worker (`Forker`); a command whose environment changes how an interpreter starts
(PYTHON* settings, the C library's locale) gets a fresh interpreter instead.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Settings read when an interpreter starts, which a forked process could not take up.
STARTUP = ("PYTHON", "LC_ALL", "LC_CTYPE")

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


def warm():
    # The plan model's validator is built when it is first used: build it once here.
    from smplan.plan.model import Plan
    try:
        Plan.model_validate({"smplan": 1})
    except Exception:
        pass


warm()
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
    """One interpreter with smplan imported, which forks a process for each command."""

    _server: subprocess.Popen[str] | None = None

    @classmethod
    def _started(cls) -> subprocess.Popen[str]:
        if cls._server is None or cls._server.poll() is not None:
            cls._server = subprocess.Popen(
                [sys.executable, "-c", SERVER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
            atexit.register(cls._stop, cls._server)
        return cls._server

    @staticmethod
    def _stop(server: subprocess.Popen[str]) -> None:
        # Waited for, so that its time is counted with the run's.
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=60)

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
        server = cls._started()
        assert server.stdin is not None and server.stdout is not None
        with tempfile.TemporaryDirectory() as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            request = {
                "args": args,
                "cwd": str(cwd),
                "env": env,
                "limits": limits or {},
                "stdout": str(out),
                "stderr": str(err),
            }
            server.stdin.write(json.dumps(request) + "\n")
            server.stdin.flush()
            pid = json.loads(server.stdout.readline())["pid"]
            ready, _, _ = select.select([server.stdout], [], [], timeout)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                server.stdout.readline()
                raise subprocess.TimeoutExpired(["smplan", *args], timeout)
            code = json.loads(server.stdout.readline())["status"]
            return code, out.read_bytes(), err.read_bytes()


def fresh_start_needed(env: dict[str, str]) -> bool:
    """Whether `env` sets what only a new interpreter reads, as it starts."""
    return any(name.startswith(STARTUP) for name in env)


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
    if fresh_start_needed(env or {}):
        done = subprocess.run(
            [sys.executable, "-m", "smplan", *map(str, args)],
            cwd=cwd,
            env=environment,
            capture_output=True,
            timeout=timeout,
        )
        code, stdout, stderr = done.returncode, done.stdout, done.stderr
    else:
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
