"""Roles checked from the office's side: a title one person holds at a time has one holder
on the article date, and naming someone else is contradicted, known to the fact base or not."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT, SEEDS
from factcheck.facts.index import load_index
from factcheck.model.claims import ClaimKind, Verdict
from factcheck.pipeline import run


@pytest.fixture(scope="module")
def index():
    return load_index(ROOT / "claims")


def roles(index, text: str, day: str, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(text + "\n", encoding="utf-8")
    options = run.Options(nlp=False, cache=None, date=dt.date.fromisoformat(day), input_format="text")
    report = next(run.check(run.read([path], options), options, index))
    return [c for c in report.claims if c.kind is ClaimKind.role]


def test_naming_another_prime_minister_is_contradicted_with_the_holder(index, tmp_path):
    (claim,) = roles(index, "Thủ tướng Nhật Bản Shigeru Ishiba phát biểu tại Tokyo.", "2026-01-31", tmp_path)
    assert claim.verdict is Verdict.contradicted
    assert claim.evidence[0].fact_id == "takaichi-prime-minister"
    assert claim.evidence[0].expected["person"] == "Sanae Takaichi" and "since 2025-10-21" in claim.reason


def test_the_holder_is_supported(index, tmp_path):
    (claim,) = roles(index, "Thủ tướng Nhật Bản Sanae Takaichi phát biểu tại Tokyo.", "2026-01-31", tmp_path)
    assert claim.verdict is Verdict.supported


@pytest.mark.parametrize("text, day", [
    ("Cựu Thủ tướng Nhật Bản Shigeru Ishiba phát biểu tại Tokyo.", "2026-01-31"),  # a past title
    ("Thủ tướng Nhật Bản Shigeru Ishiba phát biểu tại Tokyo.", "2025-03-01"),  # no holder known then
    ("Thứ trưởng Quốc phòng Nhật Bản Kenji Wakamiya phát biểu.", "2026-01-31"),  # held by several at once
    ("Bộ trưởng Nhật Bản Kenji Wakamiya phát biểu.", "2026-01-31"),  # no portfolio: no office to check
])
def test_no_office_check_without_one_office_and_one_holder(index, tmp_path, text, day):
    assert all(c.verdict is not Verdict.contradicted for c in roles(index, text, day, tmp_path))


def test_no_seed_title_is_flagged(index):
    options = run.Options(nlp=False, cache=None)
    claims = [c for r in run.check(run.read([SEEDS], options), options, index) for c in r.claims if c.kind is ClaimKind.role]
    assert claims and all(c.verdict is not Verdict.contradicted for c in claims), [(c.text, c.reason) for c in claims if c.verdict is Verdict.contradicted]


@pytest.mark.parametrize("text, verdict", [
    ("Thứ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi phát biểu.", Verdict.contradicted),  # another rung of his ladder
    ("Bộ trưởng Ngoại giao Nhật Bản Shinjiro Koizumi phát biểu.", Verdict.contradicted),  # another portfolio: one at a time
    ("Chủ tịch Shinjiro Koizumi phát biểu.", Verdict.unverifiable),  # another kind of title: may be held too
])
def test_a_known_person_with_another_title(index, tmp_path, text, verdict):
    claims = roles(index, text, "2026-01-31", tmp_path)
    assert claims and claims[0].verdict is verdict, [(c.text, c.verdict, c.reason) for c in claims]


def test_a_portfolio_named_by_the_organization_is_the_same_title(tmp_path):
    """"Bộ trưởng Quốc phòng X" against a tenure "Bộ trưởng" of "Bộ Quốc phòng Việt Nam"
    (the shape suggested facts take) is supported, not another portfolio."""
    import shutil

    from factcheck.facts.index import load_index as load

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    (facts / "vn.yaml").write_text(
        "entities:\n"
        "  - {id: p-giang, type: person, name: Phan Văn Giang, sources: [s]}\n"
        "  - {id: bqp, type: organization, name: Bộ Quốc phòng Việt Nam, sources: [s]}\n"
        "tenures:\n"
        "  - {id: giang, person: p-giang, title: Bộ trưởng, organization: bqp, start: 2021-04-08, sources: [s]}\n"
        "sources:\n"
        "  - {id: s, publisher: Dân trí, title: t, url: 'https://dantri.com.vn/', accessed: 2021-04-25}\n", encoding="utf-8")
    (claim,) = roles(load(facts), "Bộ trưởng Quốc phòng Phan Văn Giang tiếp đoàn.", "2021-04-25", tmp_path)
    assert claim.verdict is Verdict.supported, claim.reason
