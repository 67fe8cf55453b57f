"""Extraction on the seeds: every claim the issue names, plus the engine's guarantees."""

import datetime as dt
import re

import pytest

from factcheck.model.claims import ClaimKind
from factcheck.model.document import Document, Span
from factcheck.extract.engine import extract, resolve_overlaps
from factcheck.text.readers import read_document
from conftest import SEEDS

TALKS = SEEDS / "004_1391055ce1fac54e.txt"
STATEMENT = SEEDS / "000_e04cf7e4d73d4c14.txt"


@pytest.fixture(scope="module")
def seed_claims():
    claims = []
    for path in (STATEMENT, TALKS):
        claims.extend(extract(read_document(path)))
    return claims


def values(claims, kind):
    return [c.value.compact() for c in claims if c.kind is kind]


@pytest.mark.parametrize(
    "kind, expected",
    [
        (ClaimKind.quantity, {"amount": 9, "unit": "pha"}),
        (ClaimKind.quantity, {"amount": 16, "unit": "pha"}),
        (ClaimKind.quantity, {"amount": 4, "unit": "lượt"}),
        (ClaimKind.score, {"scores": [2, 2], "outcome": "draw"}),
        (ClaimKind.duration, {"amount": 55, "unit": "minute", "approx": True}),
        (ClaimKind.gap, {"amount": 9, "unit": "year", "event": "diễn tập SAREX"}),
        (ClaimKind.date, {"date": "2026-01-30"}),
        (ClaimKind.date, {"date": "2026-01-15"}),
        (ClaimKind.date, {"date": "2025-11-18"}),
        (ClaimKind.date, {"date": "2025-11-17"}),
        (ClaimKind.location, {"place": "Yokosuka", "region": "Kanagawa"}),
        (ClaimKind.location, {"place": "Yokosuka", "region": "Tokyo"}),
    ],
)
def test_extract_seed_numeric_and_place_claims(seed_claims, kind, expected):
    assert any(expected.items() <= value.items() for value in values(seed_claims, kind)), values(seed_claims, kind)


@pytest.mark.parametrize(
    "person, title",
    [
        ("Shinjiro Koizumi", "Bộ trưởng Quốc phòng"),
        ("Koizumi Shinjiro", "Bộ trưởng Quốc phòng"),
        ("Ahn Gyu-back", "Bộ trưởng Quốc phòng"),
        ("Ahn Gyu Back", "Bộ trưởng Quốc phòng"),
        ("Sanae Takaichi", "Thủ tướng"),
        ("Kihara Minoru", "Chánh Văn phòng Nội các"),
        ("Lee Jae-myung", "Tổng thống"),
        ("Pete Hegseth", "Bộ trưởng Quốc phòng"),
        ("Masaaki Kanai", "Vụ trưởng"),
        ("Lý Cường", "Thủ tướng"),
    ],
)
def test_extract_seed_roles(seed_claims, person, title):
    roles = values(seed_claims, ClaimKind.role)
    assert {"person": person, "title": title}.items() <= next((r for r in roles if r["person"] == person), {}).items()


def test_extract_duration_knows_what_it_is_about(seed_claims):
    (talks,) = [c for c in seed_claims if c.kind is ClaimKind.duration and c.value.amount == 55]
    assert talks.subject == "hội đàm"
    assert talks.text == "khoảng 55 phút"


def test_extract_offsets_point_into_the_original_file(seed_claims):
    text = TALKS.read_text(encoding="utf-8")
    for claim in (c for c in seed_claims if c.sentence in text):
        assert text[claim.start : claim.end] == claim.text
        line, column = claim.line, claim.column
        assert text.split("\n")[line - 1][column - 1 :].startswith(claim.text)


def test_extract_ids_are_stable_and_independent_of_position():
    sentence = "Hai bên hòa 2-2 sau bốn lượt."
    first = extract(_doc(sentence))
    moved = extract(_doc("Câu mở đầu khác hẳn.\n" + sentence))
    assert [c.id for c in first] == [c.id for c in moved if c.sentence == sentence]
    assert len({c.id for c in first}) == len(first)


def test_extract_nfd_input_reports_original_offsets():
    import unicodedata

    text = unicodedata.normalize("NFD", "Sau khoảng 55 phút hội đàm, tỷ số hoà 2-2.")
    claims = extract(_doc(text))
    assert {c.kind for c in claims} >= {ClaimKind.duration, ClaimKind.score}
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    score = next(c for c in claims if c.kind is ClaimKind.score)
    assert score.value.outcome == "draw"  # "hoà" in NFD, old style, still a draw


def test_extract_overlaps_keep_the_more_specific_kind():
    claims = extract(_doc("Giá vé 200.000 đồng, tăng 20%, trong 3 ngày 28-30/1."))
    kinds = [(c.kind.value, c.text) for c in claims]
    assert ("money", "200.000 đồng") in kinds and ("percent", "20%") in kinds
    # "trong 3 ngày 28-30/1": the span of time and the days it covers, as the gold annotates them
    # (news_sport_065: "2 ngày" and "ngày 19/4"); the date gives the unit word to the duration.
    assert ("date", "28-30/1") in kinds and ("duration", "3 ngày") in kinds
    assert not any(kind == "quantity" for kind, _ in kinds)


def test_extract_resolve_overlaps_is_by_priority_then_length():
    from factcheck.model.claims import ClaimDraft, Value

    low = ClaimDraft(kind=ClaimKind.quantity, start=0, end=10, value=Value(), rule="q", priority=10)
    high = ClaimDraft(kind=ClaimKind.money, start=5, end=12, value=Value(), rule="m", priority=90)
    role = ClaimDraft(kind=ClaimKind.role, start=0, end=12, value=Value(), rule="r")
    assert [d.rule for d in resolve_overlaps([low, high, role])] == ["r", "m"]


def _doc(text: str) -> Document:
    spans = []
    offset = 0
    for line in text.split("\n"):
        spans.append(Span(start=offset, end=offset + len(line)))
        offset += len(line) + 1
    return Document(text=text, date=dt.date(2026, 1, 31), paragraphs=spans)


def test_extract_engine_runs_the_registry_and_knows_no_rule():
    """The engine is generic: no kind module, no rule name in it (Stanza's processors: the
    pipeline orders them by what they require)."""
    from pathlib import Path

    import factcheck.extract.engine as engine
    from factcheck.extract import registry

    source = Path(engine.__file__).read_text(encoding="utf-8")
    for rule in registry.RULES:
        assert rule.name not in source
    imported = {m.group(1) for m in re.finditer(r"^from factcheck\.extract(?:\.(\w+))? import", source, re.M)}
    assert imported <= {"base", "registry"}, imported
    assert [r for stage in registry.STAGES for r in stage] and registry.STAGES[-1] == [registry.BY_NAME["event.sentence"]]


@pytest.mark.parametrize("kinds", [None, {ClaimKind.event}, {ClaimKind.date}])
def test_extract_same_day_anchor_does_not_depend_on_the_kinds_asked_for(kinds):
    """"cùng ngày" in the next sentence is the day named before it, even when only events
    are asked for (regression: the anchor used to follow the filtered claims)."""
    claims = extract(_doc("Ngày 28/1, đoàn đến Huế.\nTrưa cùng ngày, hội nghị khai mạc."), kinds)
    events = [c for c in claims if c.kind is ClaimKind.event]
    dates = [c for c in claims if c.kind is ClaimKind.date]
    if kinds is None or ClaimKind.event in kinds:
        assert [e.value.date for e in events] == ["2026-01-28"]
    if kinds is None or ClaimKind.date in kinds:
        assert [d.value.date for d in dates] == ["2026-01-28", "2026-01-28"]


def test_extract_location_stated_once_per_sentence_and_value():
    """Two location rules finding the same place in the same region make one claim."""
    claims = extract(_doc("Căn cứ nằm ở quận Yokosuka (Kanagawa), quận Yokosuka, Kanagawa."))
    locations = [(c.value.place, c.value.region, c.rule) for c in claims if c.kind is ClaimKind.location]
    assert locations == [("Yokosuka", "Kanagawa", "location.parenthesis")]
