"""Verdicts with the real geography packs (packs/, built by scripts/setup.sh): the seeds'
places without their hand-written facts, pinned dates across the 2025 reform, and the two
place errors of the shared archive. Skips with a reason when the packs are not built."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import DANTRI_DIR, ROOT, SEEDS, require
from factcheck.facts.index import load_index
from factcheck.facts.packs import available
from factcheck.model.claims import ClaimKind, Verdict
from factcheck.pipeline import run
from factcheck.pipeline.cache import default_cache_path

PACKS = ROOT / "packs"


@pytest.fixture(scope="module")
def packs_only(tmp_path_factory):
    """The packs with an empty curated fact base: what the packs alone know."""
    found = available(PACKS)
    if not found:
        pytest.skip("packs/ not built: ./scripts/setup.sh builds them (needs the package index)")
    curated = tmp_path_factory.mktemp("curated")
    # Parsed packs are cached by content in the user cache folder that set-up filled: a
    # pure function of the pack bytes, so sharing it cannot change a result, only the time.
    return load_index(curated, default_cache_path().parent, packs=list(found.values()))


def check_text(index, text: str, day: str, tmp_path):
    """The report of a plain-text article with ``text``, dated ``day``."""
    path = tmp_path / "article.txt"
    path.write_text(text + "\n", encoding="utf-8")
    options = run.Options(nlp=False, cache=None, date=dt.date.fromisoformat(day), input_format="text")
    return next(run.check(run.read([path], options), options, index))


def locations(report):
    return {c.text: c for c in report.claims if c.kind is ClaimKind.location}


def test_packs_alone_contradict_yokosuka_in_tokyo_and_support_naha_in_okinawa(packs_only):
    options = run.Options(nlp=False, cache=None)
    report = next(r for r in run.check(run.read([SEEDS], options), options, packs_only) if "004_" in r.document.source)
    found = locations(report)
    tokyo = next(c for t, c in found.items() if "Yokosuka" in t and "Tokyo" in t)
    assert tokyo.verdict is Verdict.contradicted and tokyo.evidence[0].expected == {"region": "Kanagawa"}
    naha = next(c for t, c in found.items() if "Naha" in t)
    assert naha.verdict is Verdict.supported


@pytest.mark.parametrize("day, verdict, note", [("2021-03-01", Verdict.supported, None), ("2026-01-31", Verdict.contradicted, "outdated")])
def test_dong_anh_district_across_the_reform(packs_only, day, verdict, note, tmp_path):
    claim = locations(check_text(packs_only, "Bệnh viện cơ sở 2 ở huyện Đông Anh, Hà Nội đã tiếp nhận bệnh nhân.", day, tmp_path))["huyện Đông Anh, Hà Nội"]
    assert claim.verdict is verdict
    assert (claim.evidence[0].note if claim.evidence else None) == note


@pytest.mark.parametrize("day, verdict", [("2021-03-01", Verdict.supported), ("2026-01-31", Verdict.contradicted)])
def test_ha_giang_province_across_the_reform(packs_only, day, verdict, tmp_path):
    claim = locations(check_text(packs_only, "Mưa lớn gây sạt lở ở tỉnh Hà Giang.", day, tmp_path))["tỉnh Hà Giang"]
    assert claim.verdict is verdict
    if verdict is Verdict.contradicted:
        assert "Tuyên Quang" in claim.reason and "2025-07-01" in claim.reason


@pytest.mark.parametrize("article, text", [("news_health_244.txt", "huyện Phù Cừ, tỉnh Hà Nam"), ("news_health_133.txt", "xã Nhân Đạo, huyện Lý Nhân")])
def test_the_archive_place_errors_are_reported(packs_only, article, text):
    path = require(DANTRI_DIR / article, "the shared Dân trí articles")
    options = run.Options(nlp=False, cache=None)
    report = next(run.check(run.read([path], options), options, packs_only))
    claim = next(c for c in report.claims if c.kind is ClaimKind.location and c.text == text)
    assert claim.verdict is Verdict.contradicted


def test_a_user_can_name_packs_and_unknown_names_fail(tmp_path):
    if not available(PACKS):
        pytest.skip("packs/ not built: ./scripts/setup.sh builds them")
    from typer.testing import CliRunner

    from factcheck.cli.main import app

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    (tmp_path / "packs").symlink_to(PACKS)
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--no-nlp", "--facts", str(facts), "--packs", "nope", str(SEEDS)])
    assert result.exit_code == 2 and "unknown pack nope" in result.output and "world-countries" in result.output
    result = runner.invoke(app, ["facts", "info", str(facts), "--packs", "world-countries"])
    assert result.exit_code == 0 and "world-countries" in result.output and "vn-admin" not in result.output
