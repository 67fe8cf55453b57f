"""People's names (verify/people.py): which names are people. Hand-made names, no model."""

from __future__ import annotations

import pytest

from factcheck.verify.people import person_key


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
