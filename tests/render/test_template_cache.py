"""The compiled page template is kept between runs, and a cache that fails costs nothing.

The network-over-time page is the one made from a template (the summary page is written by
``render.html`` itself, without Jinja2)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from jinja2 import Environment

from tests.domain.over_time_sessions import four_sessions
from wijksessie.domain.matching import parse_decisions
from wijksessie.domain.over_time import Overview, SessionSource, build_overview
from wijksessie.render import over_time, templating
from wijksessie.render.template_cache import CACHE_DIR_ENV, template_cache


def _fresh_page(monkeypatch: pytest.MonkeyPatch, folder: Path) -> str:
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    _forget()
    try:
        return over_time.to_html(_overview())
    finally:
        _forget()


@cache
def _overview() -> Overview:
    """One overview for every page of a test (its sessions get new ids each time)."""
    sources = [SessionSource(name, network) for name, network in four_sessions().items()]
    return build_overview(sources, parse_decisions({"format": "wijksessie-koppelingen"}))


def _forget() -> None:
    """A new process, as far as templates go: no environment, no loaded template."""
    templating.environment.cache_clear()
    over_time._template.cache_clear()


def test_the_compiled_template_is_kept_and_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = _fresh_page(monkeypatch, tmp_path)
    kept = list((tmp_path / "templates").iterdir())
    assert len(kept) == 1
    compiled = []
    monkeypatch.setattr(Environment, "_compile", lambda *a: compiled.append(a) or None)
    assert _fresh_page(monkeypatch, tmp_path) == first  # from the cache: nothing compiled
    assert compiled == []


def test_a_cache_that_cannot_be_written_still_makes_the_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocked))
    assert template_cache() is None
    assert "<html" in _fresh_page(monkeypatch, blocked)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_cache_folder_still_makes_the_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates").chmod(0o500)
    try:
        assert "<html" in _fresh_page(monkeypatch, tmp_path)
    finally:
        (tmp_path / "templates").chmod(0o700)


def test_a_corrupt_cache_file_is_compiled_afresh(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = _fresh_page(monkeypatch, tmp_path)
    for kept in (tmp_path / "templates").iterdir():
        kept.write_bytes(b"\x00garbage")
    assert _fresh_page(monkeypatch, tmp_path) == first
