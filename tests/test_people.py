"""People's names (verify/people.py): which names are people, and one-word names resolved
to the full name their own article states. Hand-made claims, no model."""

from __future__ import annotations

import pytest

from factcheck.model.claims import Claim, ClaimKind, Value
from factcheck.verify.people import full_names, person_key


def role(person: str, title: str = "HLV", line: int = 1) -> Claim:
    text = f"{title} {person}"
    return Claim(id=f"r{line}{abs(hash(text)) % 10**6}", kind=ClaimKind.role, text=text, start=0, end=len(text), line=line, sentence=text,
                 value=Value(person=person, title=title), rule="test")


def event(participants: list[str], line: int = 1) -> Claim:
    return Claim(id=f"e{line}", kind=ClaimKind.event, text="hội đàm", start=0, end=7, line=line, sentence="hội đàm",
                 value=Value(event="hội đàm", participants=participants), rule="test")


@pytest.mark.parametrize("name", ["Phạm Minh Chính", "Tập Cận Bình", "Trần Quốc Tỏ", "Đoàn Khắc Việt", "Hà Thị Hậu", "Nguyễn Công Phượng",
                                  "Lương Xuân Trường", "Lê Kiên Thành", "Prayut Chan-o-cha", "Trần Thanh Nam"])
def test_people_names_with_words_of_bodies_are_people(name):
    """Regression: "Minh", "Quốc", "Chính", "Nam", "Hà", "Đoàn" ... ruled out every person
    whose name has one, the Prime Minister included; a hyphenated name lost its syllables."""
    assert person_key(name) is not None


@pytest.mark.parametrize("name", ["European Super League", "Man Utd", "Man City", "Đông Nam Á", "Hà Lan", "Masan Group", "TP Hội An",
                                  "Tổng Công", "Ngân Hàng Nhà Nước", "Saint-Gobain Việt Nam", "Nam A Bank", "Trần Đông A", "Hùng",
                                  "Vietnam Airlines", "Lầu Năm Góc John Kirby", "Tai Mũi Họng"])
def test_people_bodies_places_initials_and_one_word_names_are_not_keyed(name):
    assert person_key(name) is None


@pytest.mark.parametrize("short, full", [("Putin", "Vladimir Putin"), ("Park", "Park Hang-seo"), ("Hùng", "Nguyễn Văn Hùng")])
def test_people_one_word_name_is_the_full_name_its_article_states(short, full):
    claims = [role(full, "Tổng thống", 1), role(short, "Tổng thống", 5)]
    assert full_names(claims)[short.lower()] == full


@pytest.mark.parametrize("short, full, resolved", [
    ("Nguyễn", "Nguyễn Thanh Long", False),  # a Vietnamese person is called by the given name, never the surname
    ("Trương", "Trương Hòa Bình", False),
    ("Long", "Nguyễn Thanh Long", True),
    ("Tập", "Tập Cận Bình", True),  # a Chinese surname: "Chủ tịch Tập"
    ("Kiatisuk", "Kiatisuk Senamuang", True),
])
def test_people_first_word_resolves_unless_a_vietnamese_surname(short, full, resolved):
    assert (short.lower() in full_names([role(full), role(short, line=2)])) is resolved


def test_people_event_participants_state_full_names_too():
    assert full_names([event(["Antony Blinken"]), role("Blinken", "Ngoại trưởng", 3)])["blinken"] == "Antony Blinken"


def test_people_a_word_two_full_names_share_is_not_resolved():
    claims = [role("Nguyễn Văn Hùng", "Giám đốc"), role("Trần Mạnh Hùng", "bác sĩ", 2), role("Hùng", "bác sĩ", 3)]
    assert "hùng" not in full_names(claims)


def test_people_one_spelling_of_one_full_name_twice_is_still_one_name():
    claims = [role("Shin Tae-yong"), role("Shin Tae-Yong", line=2), role("Shin", line=3)]
    assert full_names(claims)["shin"] in ("Shin Tae-yong", "Shin Tae-Yong")


def test_people_nothing_is_resolved_from_a_body_taken_for_a_name():
    assert full_names([role("Man Utd", "cầu thủ"), role("Man", "cầu thủ", 2)]) == {}
