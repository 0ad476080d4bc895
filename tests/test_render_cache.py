"""Compiled templates are kept between runs, and a damaged cache is only a cache miss."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "boulangerie.yaml"


def render_md(smplan, tmp_path: Path, name: str) -> str:
    out = tmp_path / name
    result = smplan("render", EXAMPLE, "--format", "md", "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_templates_are_compiled_once_and_kept(smplan, tmp_path, monkeypatch):
    from smplan.render import environment as render

    cache = tmp_path / "cache"
    monkeypatch.setenv("SMPLAN_CACHE_DIR", str(cache))
    render._environment.cache_clear()
    first = render_md(smplan, tmp_path, "first.md")
    entries = sorted(cache.rglob("*.cache"))
    assert entries, "no compiled template was kept"

    for entry in entries:
        entry.write_bytes(b"not a compiled template")
    render._environment.cache_clear()
    assert render_md(smplan, tmp_path, "second.md") == first
    render._environment.cache_clear()


def test_the_cache_can_be_turned_off(smplan, tmp_path, monkeypatch):
    from smplan.render import environment as render

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("SMPLAN_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    render._environment.cache_clear()
    render_md(smplan, work, "plain.md")
    render._environment.cache_clear()
    # Nothing but the document: no cache folder anywhere, not even one named "off".
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["plain.md", "work"]
