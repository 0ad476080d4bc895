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


# --- a cache entry is code: one that smplan did not write never runs ---------------------


def hostile_entry(marker: Path) -> bytes:
    """A cache entry whose loading writes `marker`: Jinja unpickles what follows its magic."""
    import pickle

    from jinja2.bccache import bc_magic

    class Payload:
        def __reduce__(self):
            return (exec, (f"import pathlib; pathlib.Path({str(marker)!r}).write_text('ran')",))

    return bc_magic + pickle.dumps(Payload(), protocol=2)


def test_a_hostile_entry_would_run_code_in_jinjas_own_cache(tmp_path):
    # What the tests below guard against: Jinja itself loads the entry and runs it.
    import io

    from jinja2.bccache import Bucket

    marker = tmp_path / "ran"
    Bucket(None, "key", "checksum").load_bytecode(io.BytesIO(hostile_entry(marker)))  # type: ignore[arg-type]
    assert marker.read_text() == "ran"


def test_an_entry_not_signed_by_the_user_is_never_loaded(smplan, tmp_path, monkeypatch):
    from smplan.render import environment as render

    cache = tmp_path / "cache"
    monkeypatch.setenv("SMPLAN_CACHE_DIR", str(cache))
    render._environment.cache_clear()
    first = render_md(smplan, tmp_path, "first.md")
    entries = sorted(cache.rglob("*.cache"))
    assert entries
    marker = tmp_path / "ran"
    for entry in entries:
        # Laid out as smplan lays out its entries, with a signature made without the key.
        entry.write_bytes(bytes(32) + hostile_entry(marker))
    render._environment.cache_clear()

    assert render_md(smplan, tmp_path, "second.md") == first
    render._environment.cache_clear()
    assert not marker.exists(), "a cache entry ran code"
    # The entries were compiled again, signed, and are used from now on.
    assert all(not entry.read_bytes().startswith(bytes(32)) for entry in entries)


def test_a_folder_others_may_write_to_is_not_used(smplan, tmp_path, monkeypatch):
    import hashlib
    import hmac

    from smplan.render import environment as render

    cache = tmp_path / "cache"
    monkeypatch.setenv("SMPLAN_CACHE_DIR", str(cache))
    render._environment.cache_clear()
    first = render_md(smplan, tmp_path, "first.md")
    # The compiled templates' folder; the plan's holidays are kept beside it.
    (folder,) = cache.glob("templates-*")
    key = (folder / "key").read_bytes()
    marker = tmp_path / "ran"
    # Even an entry signed with the user's key is refused once others may write there.
    for entry in folder.glob("*.cache"):
        data = hostile_entry(marker)
        name = entry.name.encode()
        entry.write_bytes(hmac.new(key, name + b"\0" + data, hashlib.sha256).digest() + data)
    folder.chmod(0o777)
    render._environment.cache_clear()

    assert render_md(smplan, tmp_path, "second.md") == first
    render._environment.cache_clear()
    assert not marker.exists(), "a cache entry ran code"
