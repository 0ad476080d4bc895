"""A wheel install (not editable) finds everything the package ships."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "boulangerie.yaml"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with smplan installed from its wheel; returns its bin/."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheels = list(dist.glob("smplan-*.whl"))
    assert len(wheels) == 1
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    # The dependencies come from the test environment (no network needed); smplan itself
    # comes only from the wheel, since a plain path in a .pth does not run editable hooks.
    site = subprocess.run(
        [
            str(bin_dir / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            str(wheels[0]),
        ],
        check=True,
        capture_output=True,
    )
    return bin_dir


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed `smplan` from a folder outside the source tree."""
    return subprocess.run(
        [str(bin_dir / "smplan"), *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_the_package_comes_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "python"), "-c", "import smplan; print(smplan.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(installed.parent) in where
    assert str(ROOT) not in where


def test_installed_commands_find_what_they_ship(installed: Path, tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "plan.yaml")
    checked = run(installed, tmp_path, "check", "plan.yaml", "--strict")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    schema = run(installed, tmp_path, "schema")
    assert schema.returncode == 0
    assert '"$schema": "http://json-schema.org/draft-07/schema#"' in schema.stdout

    new = run(installed, tmp_path, "new", "blank.yaml", "--lang", "fr")
    assert new.returncode == 0, new.stderr
    assert "smplan: 1" in (tmp_path / "blank.yaml").read_text(encoding="utf-8")

    rendered = run(installed, tmp_path, "render", "plan.yaml", "--format", "md")
    assert rendered.returncode == 0, rendered.stderr
    assert "Boulangerie Maréchal" in (tmp_path / "plan.md").read_text(encoding="utf-8")
