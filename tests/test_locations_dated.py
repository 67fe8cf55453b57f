"""Location verdicts over a small pack shaped like the GSO series: snapshots, the 2025
reform, homonyms, type words, levels. Pinned article dates, no shared data needed."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from factcheck.facts.index import FactIndex
from factcheck.facts.load import load_fact_base
from factcheck.facts.validity import Series, State, Validity
from factcheck.model.claims import Claim, ClaimKind, Value, Verdict
from factcheck.verify.consistency import find_inconsistencies
from factcheck.verify.registry import verify_claims

PACK = textwrap.dedent("""\
    pack: {name: mini-vn, title: test pack, version: "1", licence: GPL-3.0-or-later, attribution: test, built_from: [vietnam-provinces==0.2.2]}
    sources:
      - {id: s2020, publisher: GSO, title: list, document: d, accessed: 2020-02-25, series: gso, snapshot: 2020-02-25}
      - {id: s2021, publisher: GSO, title: list, document: d, accessed: 2021-02-03, series: gso, snapshot: 2021-02-03}
      - {id: s2025a, publisher: GSO, title: list, document: d, accessed: 2025-01-04, series: gso, snapshot: 2025-01-04}
      - {id: s2025b, publisher: GSO, title: list, document: d, accessed: 2025-10-18, series: gso, snapshot: 2025-10-18, effective: 2025-07-01}
      - {id: cldr, publisher: CLDR, title: names, document: d, accessed: 2025-01-01}
    entities:
      - {id: vn, type: country, name: Việt Nam, level: 0, sources: [cldr]}
      - {id: hn, type: place, name: Hà Nội, level: 1, designation: thành phố, sources: [s2020, s2021, s2025a, s2025b]}
      - {id: hy, type: place, name: Hưng Yên, level: 1, designation: tỉnh, sources: [s2020, s2021, s2025a, s2025b]}
      - {id: hnam, type: place, name: Hà Nam, level: 1, designation: tỉnh, sources: [s2020, s2021, s2025a], replaced_by: [nb]}
      - {id: nb, type: place, name: Ninh Bình, level: 1, designation: tỉnh, sources: [s2020, s2021, s2025a, s2025b]}
      - {id: hg, type: place, name: Hà Giang, level: 1, designation: tỉnh, sources: [s2020, s2021, s2025a], replaced_by: [tq]}
      - {id: tq, type: place, name: Tuyên Quang, level: 1, designation: tỉnh, sources: [s2020, s2021, s2025a, s2025b]}
      - {id: da, type: place, name: Đông Anh, level: 2, designation: huyện, sources: [s2020, s2021, s2025a]}
      - {id: da-x, type: place, name: Đông Anh, level: 3, designation: xã, sources: [s2025b]}
      - {id: bd, type: place, name: Ba Đình, level: 2, designation: quận, sources: [s2020, s2021, s2025a]}
      - {id: dd, type: place, name: Đống Đa, level: 2, designation: quận, sources: [s2020, s2021, s2025a]}
      - {id: pc, type: place, name: Phù Cừ, level: 2, designation: huyện, sources: [s2020, s2021, s2025a]}
      - {id: ln, type: place, name: Lý Nhân, level: 2, designation: huyện, sources: [s2020, s2021, s2025a]}
      - {id: dl, type: place, name: Đạo Lý, level: 3, designation: xã, sources: [s2020, s2021, s2025a]}
      - {id: ap1, type: place, name: An Phú, level: 3, designation: xã, sources: [s2020, s2021, s2025a]}
      - {id: ap2, type: place, name: An Phú, level: 3, designation: xã, sources: [s2020, s2021, s2025a]}
      - {id: vh, type: place, name: Việt Hùng, level: 3, designation: xã, sources: [s2020]}
    locations:
      - {id: l-hn, place: hn, region: vn, sources: [s2020, s2021, s2025a, s2025b]}
      - {id: l-hy, place: hy, region: vn, sources: [s2020, s2021, s2025a, s2025b]}
      - {id: l-hnam, place: hnam, region: vn, sources: [s2020, s2021, s2025a]}
      - {id: l-hg, place: hg, region: vn, sources: [s2020, s2021, s2025a]}
      - {id: l-da, place: da, region: hn, sources: [s2020, s2021, s2025a]}
      - {id: l-dax, place: da-x, region: hn, sources: [s2025b]}
      - {id: l-bd, place: bd, region: hn, sources: [s2020, s2021, s2025a]}
      - {id: l-dd, place: dd, region: hn, sources: [s2020, s2021, s2025a]}
      - {id: l-pc, place: pc, region: hy, sources: [s2020, s2021, s2025a]}
      - {id: l-ln, place: ln, region: hnam, sources: [s2020, s2021, s2025a]}
      - {id: l-dl, place: dl, region: ln, sources: [s2020, s2021, s2025a]}
      - {id: l-ap1, place: ap1, region: hy, sources: [s2020, s2021, s2025a]}
      - {id: l-ap2, place: ap2, region: hnam, sources: [s2020, s2021, s2025a]}
      - {id: l-vh, place: vh, region: da, sources: [s2020]}
""")

Y2021, Y2026 = dt.date(2021, 5, 1), dt.date(2026, 1, 31)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    curated = folder / "claims"
    curated.mkdir()
    pack = folder / "mini-vn.yaml"
    pack.write_text(PACK, encoding="utf-8")
    base, problems = load_fact_base(curated, [pack])
    assert not [p for p in problems if p.severity == "error"], problems
    return FactIndex.build(base)


def claim(place, region=None, place_type=None, region_type=None, n=0):
    text = " ".join(filter(None, [place_type, place, region_type, region]))
    return Claim(id=f"c{n}", kind=ClaimKind.location, text=text, start=0, end=len(text), line=n + 1, sentence=text,
                 value=Value(place=place, region=region, place_type=place_type, region_type=region_type), rule="test")


def verdict(index, day, *args, **kwargs):
    checked = verify_claims([claim(*args, **kwargs)], index, day)[0]
    return checked.verdict, checked.reason, checked.evidence


def test_validity_from_snapshots_and_the_legal_date():
    class S:  # a source as the series needs it
        def __init__(self, id, snapshot, effective=None):
            self.id, self.series, self.snapshot, self.effective = id, "gso", snapshot, effective

    series = Series([S("a", dt.date(2020, 2, 25)), S("b", dt.date(2021, 2, 3)), S("c", dt.date(2025, 1, 4)),
                     S("d", dt.date(2025, 10, 18), dt.date(2025, 7, 1))])
    district = series.validity(None, None, ["a", "b", "c"])
    assert district.end == dt.date(2025, 6, 30) and district.at(Y2021) is State.in_force and district.at(Y2026) is State.ended
    merged_2020 = series.validity(None, None, ["a"])
    assert merged_2020.at(dt.date(2020, 6, 1)) is State.unknown and merged_2020.at(Y2021) is State.ended
    new_2025 = series.validity(None, None, ["d"])
    assert new_2025.start == dt.date(2025, 7, 1) and new_2025.at(Y2021) is State.not_yet and new_2025.at(Y2026) is State.in_force
    assert series.validity(None, None, ["a", "b", "c", "d"]) == Validity()
    assert series.validity(dt.date(2001, 1, 1), None, ["a"]).start == dt.date(2001, 1, 1)  # a fact's own dates win


def test_dong_anh_district_in_hanoi_supported_in_2021_outdated_in_2026(index):
    assert verdict(index, Y2021, "Đông Anh", "Hà Nội", "huyện")[0] is Verdict.supported
    found, reason, evidence = verdict(index, Y2026, "Đông Anh", "Hà Nội", "huyện")
    assert found is Verdict.contradicted and reason.startswith("outdated") and "2025-07-01" in reason
    assert evidence[0].note == "outdated"


def test_the_new_commune_of_the_same_name_is_fine_in_2026(index):
    assert verdict(index, Y2026, "Đông Anh", "Hà Nội", "xã")[0] is Verdict.supported


def test_province_existence_names_what_replaced_it(index):
    assert verdict(index, Y2021, "Hà Giang", None, "tỉnh")[0] is Verdict.supported
    found, reason, evidence = verdict(index, Y2026, "Hà Giang", None, "tỉnh")
    assert found is Verdict.contradicted and "merged into tỉnh Tuyên Quang on 2025-07-01" in reason
    assert evidence[0].expected == {"replaced_by": ["tỉnh Tuyên Quang"]}


def test_a_district_in_the_wrong_province_is_contradicted(index):
    found, reason, _ = verdict(index, Y2021, "Phù Cừ", "Hà Nam", "huyện", "tỉnh")
    assert found is Verdict.contradicted and "Hưng Yên" in reason


def test_homonyms_resolve_against_the_stated_region(index):
    assert verdict(index, Y2021, "An Phú", "Hưng Yên", "xã", "tỉnh")[0] is Verdict.supported
    assert verdict(index, Y2021, "An Phú", "Hà Nam", "xã", "tỉnh")[0] is Verdict.supported
    assert verdict(index, Y2021, "An Phú", "Hà Nội", "xã", "thành phố")[0] is Verdict.contradicted
    assert verdict(index, Y2021, "Đạo Lý", "Hà Nam", "xã", "tỉnh")[0] is Verdict.supported  # through the district


def test_never_contradicted_unknown_region_same_level_unheld_or_between_snapshots(index):
    assert verdict(index, Y2021, "Phù Cừ", "Chiba", "huyện", "tỉnh")[0] is Verdict.unverifiable
    assert verdict(index, Y2021, "Ba Đình", "Đống Đa", "quận", "quận")[0] is Verdict.unverifiable  # a list
    assert verdict(index, Y2021, "An Phú", "Hà Nội", "thôn", "thành phố")[0] is Verdict.unverifiable
    found, reason, _ = verdict(index, dt.date(2020, 6, 1), "Việt Hùng", "Đông Anh", "xã", "huyện")
    assert found is Verdict.unverifiable and "2020-02-25" in reason and "2021-02-03" in reason


def test_type_word_filters_candidates(index):
    # "xã Đông Anh" in 2021 did not exist yet: the district of that name does not count
    assert verdict(index, Y2021, "Đông Anh", "Hà Nội", "xã")[0] is not Verdict.supported


def test_two_supported_homonyms_are_not_an_inconsistency(index):
    claims = [claim("An Phú", "Hưng Yên", "xã", "tỉnh", n=0), claim("An Phú", "Hà Nam", "xã", "tỉnh", n=1)]
    assert find_inconsistencies(verify_claims(claims, index, Y2021)) == []
    wrong = [claim("Phù Cừ", "Hưng Yên", "huyện", "tỉnh", n=0), claim("Phù Cừ", "Hà Nam", "huyện", "tỉnh", n=1)]
    assert [i.kind for i in find_inconsistencies(verify_claims(wrong, index, Y2021))] == ["place_region"]
