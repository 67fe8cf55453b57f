"""One name spelled two ways inside an article: a misspelt syllable, not another person."""

import pytest

from factcheck.text.normalize import match_key
from factcheck.text.spelling import one_syllable_misspelt as _one_syllable_misspelt


@pytest.mark.parametrize("a, b, misspelt", [
    ("Ronald Koeman", "Ronaldo Koeman", True),  # news_sport_005: a real slip
    ("John Aquilino", "John Aquillino", True),  # news_world_094
    ("Nguyễn Phú Trọng", "Nguyễn Phú Trọngmong", True),  # news_society_236: a lost space
    ("Ahn Gyu-back", "Ahn Gyu-bak", True),
    ("Nguyễn Thiện Thành", "Nguyễn Thiện Nhân", False),  # news_society_226: father and son
    ("Nguyễn Trúc Anh", "Nguyễn Anh Trí", False),  # news_society_237: two people
    ("Nguyễn Văn An", "Nguyễn Văn Bình", False),
    ("Lê Văn Tám", "Lê Tám", False),  # a short form: handled elsewhere, not a misspelling
    ("Nguyễn Văn Khánh", "Nguyễn Văn Kính", False),  # archive namesakes a suggested fact base linked
    ("Trần Văn Thức", "Trần Văn Thế", False),
    ("Nguyễn Hồ Sơn", "Nguyễn Hồng Sơn", False),
    ("Nguyễn Thanh Long", "Nguyễn Thanh Longđề", True),  # news_society_227: a lost space
    ("Nguyễn Xuân Phúc", "Nguyễn Xuân Phú", False),  # news_business_164: a final consonant more is another name
    ("Lê Văn Thanh", "Lê Văn Thành", True),  # a tone mark slipped
])
def test_one_syllable_misspelt(a, b, misspelt):
    assert _one_syllable_misspelt(match_key(a), match_key(b)) is misspelt


def test_the_fact_base_links_a_misspelt_person_but_not_a_namesake():
    from conftest import ROOT
    from factcheck.facts.index import load_index
    from factcheck.facts.schema import EntityType

    index = load_index(ROOT / "claims")
    misspelt = index.link("Shinjiro Koizumy", (EntityType.person,))
    assert misspelt is not None and misspelt.entity_ids == ["shinjiro-koizumi"] and misspelt.score < 100
    assert index.link("Koizumi Shinjiro", (EntityType.person,)).score == 100  # the same words reordered
    assert index.link("Shinjiro Kodama", (EntityType.person,)) is None  # another person sharing a name


@pytest.mark.parametrize("a, b, variant", [
    ("volodymyr zelenskiy", "volodymyr zelensky", True),
    ("sergei lavrov", "sergey lavrov", True),
    ("ronaldo koeman", "ronald koeman", False),  # a misspelling, not a convention
    ("nguyễn văn hey", "nguyễn văn hei", False),  # too short to be a romanized ending
    ("sergei lavrov", "sergey lavrova", False),  # two words differ
])
def test_romanization_variant(a, b, variant):
    from factcheck.text.spelling import romanization_variant

    assert romanization_variant(a, b) is variant
