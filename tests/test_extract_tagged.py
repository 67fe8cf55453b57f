"""Rules that read the tagger's words: what the corpus (run without NLP) cannot show."""

import datetime as dt

import pytest

from factcheck.extract.engine import extract
from factcheck.model.claims import ClaimKind
from factcheck.text.readers import parse_document

pytestmark = pytest.mark.models


def _claims(analyzer, text: str, kind: ClaimKind) -> list[tuple[str, dict]]:
    document = analyzer.analyze_many([parse_document(text, fmt="text", date=dt.date(2021, 4, 26))])[0]
    return [(c.text, c.value.model_dump(exclude_none=True)) for c in extract(document, {kind})]


def test_small_dong_amounts_are_money_when_the_tagger_reads_dong_alone(analyzer):
    text = "Cứ mỗi 100 đồng thì chỉ thu hồi được khoảng 17 đồng, và 36 đồng rơi vào trường hợp khác."
    money = _claims(analyzer, text, ClaimKind.money)
    assert [t for t, _ in money] == ["100 đồng", "khoảng 17 đồng", "36 đồng"]
    assert all(v["currency"] == "VND" for _, v in money)


def test_dong_inside_a_word_is_no_money(analyzer):
    text = "Anh cùng 3 đồng nghiệp, hai đồng đội và 9 đồng minh đi họp."
    assert _claims(analyzer, text, ClaimKind.money) == []
    assert [t for t, _ in _claims(analyzer, text, ClaimKind.quantity)] == ["3 đồng nghiệp", "hai đồng đội", "9 đồng minh"]


def test_a_number_word_counts_a_noun_the_tagger_calls_a_verb(analyzer):
    text = "Đứng thẳng, hai bàn chân rộng bằng hông; có hai phản ứng phụ và hai lựa chọn."
    found = _claims(analyzer, text, ClaimKind.quantity)
    assert [t for t, _ in found] == ["hai bàn chân", "hai phản ứng", "hai lựa chọn"]


def test_goals_count_after_digits_whatever_the_tag(analyzer):
    assert [t for t, _ in _claims(analyzer, "Mbappe đã ghi 9 bàn trong mùa giải.", ClaimKind.quantity)] == ["9 bàn"]


def test_digits_or_year_before_a_verb_count_nothing(analyzer):
    text = "Tàu ngầm KRI Nanggala 402 chạy bằng điện, những năm trở lại đây, mã HAI giảm 0,6%."
    assert _claims(analyzer, text, ClaimKind.quantity) == []
