"""Shared fixtures. Tests that need ../shared data skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
UD_DIR = SHARED / "data" / "ud"
DANTRI_DIR = SHARED / "data" / "news" / "dantri-unc"


def require(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.skip(f"{what} not found at {path}: these tests read ../shared data, which is absent here")
    return path


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's analysis cache or a reviews.yaml in the checkout,
    and checks use the curated facts alone unless a test names packs (tests/test_packs*.py):
    the seeds' expected verdicts do not move when the packs are rebuilt."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("FACTCHECK_PACKS", "none")
    # The fact index and parsed packs (content-keyed, never stale) are shared by the session.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
    monkeypatch.setenv("FACTCHECK_CACHE", str(state / "analysis.sqlite"))
    monkeypatch.setenv("FACTCHECK_REVIEWS", str(state / "reviews.yaml"))


@pytest.fixture(scope="session")
def analyzer():
    """The bundled Stanza pipeline, loaded once for the whole session."""
    from factcheck.nlp.analyzer import StanzaAnalyzer
    from factcheck.nlp.modelstore import BUNDLED_DIR

    return StanzaAnalyzer(BUNDLED_DIR)
