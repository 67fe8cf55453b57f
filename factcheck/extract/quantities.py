"""Numeric claims that are amounts: quantity, duration, percent, money.

One module for the four because they share the amount grammar (qualifier, number, range);
each still has its own rules, its own corpus file and its own priority in overlaps.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.common import AMOUNT, QUALIFIER, VAGUE_AMOUNT, amount_value, next_words, previous_word, spread_multiplier
from factcheck.extract.numbers import DIGITS
from factcheck.extract.lexicon import LEFT, RIGHT, alternation, load

TIME_UNITS: dict[str, str] = load("time_units")
MEASURES: list[str] = load("measures")
_MEASURE = alternation(MEASURES)
CURRENCIES: dict[str, str] = load("currencies")
_TIME_UNIT = alternation(TIME_UNITS)
_CURRENCY = alternation(CURRENCIES)
_START = r"(?<![\w/.,\-–])"  # not inside "Covid-19", "30/1", "2.5"
_NOT_DATE_OR_CODE = r"(?![/\-–]\d|-[^\W\d_])"

# Words before a number that make it an ordinal, a rank, a code or an address, not a count.
ORDINAL_BEFORE = {
    "thứ", "vòng", "hạng", "số", "phút", "điều", "khoản", "chương", "tập", "đợt", "khóa", "kỳ", "mùa", "quý",
    "top", "tầng", "phòng", "đường", "phố", "lô", "bảng", "nhóm", "năm", "tháng", "ngày", "lúc", "giải", "cấp",
    "lớp", "bước", "hiệp", "trận", "ván", "game", "set", "ca", "mã", "biển", "tuyến", "xe", "cổng", "khu", "ấp",
    "thôn", "tổ", "phường", "quận", "đội", "hồi", "lần", "loại", "dòng", "mẫu", "hàng", "độ",
}
# After a lone "năm": the year, not five ("năm nay", "năm 2020").
YEAR_AFTER = {"nay", "ngoái", "qua", "trước", "sau", "học", "mới", "tới", "đó", "này", "kia", "ấy", "nào", "sinh", "tài", "ngày", "tháng", "đầu", "cuối", "giữa", "rồi", "đến", "thì", "là"}
CLOCK_BEFORE = {"lúc", "vào", "từ", "đến", "tới", "khoảng"}
CLOCK_AFTER = re.compile(r"\s*(?:\d|sáng|chiều|tối|trưa|đêm|khuya|ngày|hôm|rạng)", re.IGNORECASE)


# Parts of speech that cannot be counted: "cả hai đều", "hai sinh viên" is fine but "hai có".
NOT_COUNTED_UPOS = {"VERB", "ADV", "ADJ", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "AUX", "DET", "PUNCT"}


def _counting_number(match: re.Match, context: SentenceContext) -> bool:
    """False for ordinals, bare years ("World Cup 2022 khu vực") and the article-like "một"."""
    number = " ".join(match.group("num").split()).lower()
    before = previous_word(context.text, match.start())
    if before in ORDINAL_BEFORE and not match.group("qual"):
        return False
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", number):
        return False  # a bare four-digit year ("1975 ngành ...")
    if number == "một" and not match.group("num2"):
        return False
    return True


def _complete(match: re.Match) -> bool:
    """A number cannot end in "linh"/"lẻ" ("một trăm linh" + "năm học" is 105, not 100 years)."""
    number = (match.groupdict().get("num") or "").split()
    return not number or number[-1].lower() not in ("linh", "lẻ")


def _value(match: re.Match) -> Value:
    if match.groupdict().get("vague"):
        return Value(vague=True)
    value = amount_value(match)
    spread_multiplier(match, value)
    return value


@rule("quantity.number_noun", ClaimKind.quantity, rf"{_START}(?:{AMOUNT}|{VAGUE_AMOUNT}){_NOT_DATE_OR_CODE}(?=\s+[^\W\d_])", priority=10)
def number_noun(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"16 pha liên tiếp", "bốn lượt giao lưu", "hơn 24.400 doanh nghiệp" -> amount + counted noun."""
    if not match.groupdict().get("vague") and not (_counting_number(match, context) and _complete(match)):
        return None
    token = context.token_at(match.end() + 1)
    if token is not None and token.upos in NOT_COUNTED_UPOS:
        return None  # the tagger says the next word is no noun: "cả hai đều"
    unit, end = next_words(context.text, match.end(), limit=1)
    if unit is None or unit.lower() in TIME_UNITS or re.match(rf"\s*{_TIME_UNIT}{RIGHT}", context.text[match.end():], re.I):
        return None
    if match.group("num") and match.group("num").strip().lower() == "năm" and unit.lower() in YEAR_AFTER:
        return None
    if token is not None and token.upos in ("NOUN", "PROPN") and token.text[:1].islower() and len(token.text) > len(unit):
        unit, end = token.text, token.end
    value = _value(match)
    value.unit = unit.lower()
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=end, value=value, rule="")


_GLUED_AMOUNT = (  # digits that may touch their unit: "25kg", "2,5 - 4,5m"
    rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<num>{DIGITS})(?:\s*(?:-|–|đến|tới)\s*(?P<num2>{DIGITS}))?"
)


@rule("quantity.measure", ClaimKind.quantity, rf"{_START}{_GLUED_AMOUNT}\s*(?P<unit>{_MEASURE})(?![\w²³])", priority=12, flags=0)
def measure(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"25kg", "từ 2,5 - 4,5m", "900-1200m", "36⁰C" -> amount + unit of measure."""
    value = _value(match)
    value.unit = match.group("unit")
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=match.end(), value=value, rule="")


@rule("duration.amount_unit", ClaimKind.duration, rf"{_START}(?:{AMOUNT}|{VAGUE_AMOUNT})\s+(?P<unit>{_TIME_UNIT}){RIGHT}", priority=60)
def amount_unit(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"khoảng 55 phút hội đàm", "trong 8 tháng qua", "vài tuần" -> amount + time unit."""
    unit = " ".join(match.group("unit").lower().split())
    if not _complete(match):
        return None
    if unit == "giờ" and not match.groupdict().get("vague"):
        before = previous_word(context.text, match.start())
        if before in CLOCK_BEFORE or CLOCK_AFTER.match(context.text, match.end()):
            return None  # "lúc 8 giờ", "8 giờ 30 phút sáng": a clock time
    if unit == "phút" and re.search(r"\d+\s*(?:giờ|h)\s*$", context.text[: match.start()], re.IGNORECASE):
        return None  # the minutes of "8 giờ 30 phút"
    if match.group("num") and previous_word(context.text, match.start()) in {"phút", "thứ", "hiệp"}:
        return None
    if re.match(r"\s*[/\-]\s*\d", context.text[match.end():]):
        return None  # "ngày 28-29/10" is a date
    value = _value(match)
    value.unit = TIME_UNITS[unit]
    subject, _ = next_words(context.text, match.end(), limit=2)
    return ClaimDraft(kind=ClaimKind.duration, start=match.start(), end=match.end(), value=value, subject=subject, rule="")


@rule("percent.number_sign", ClaimKind.percent, rf"{_START}{AMOUNT}\s*(?:%|phần\s+trăm{RIGHT})", priority=85)
def number_percent(match: re.Match, context: SentenceContext) -> ClaimDraft:
    """"tăng 20%", "khoảng 10-15 phần trăm" -> amount."""
    subject, _ = next_words(context.text, match.end(), limit=2)
    return ClaimDraft(kind=ClaimKind.percent, start=match.start(), end=match.end(), value=_value(match), subject=subject, rule="")


@rule("money.amount_currency", ClaimKind.money, rf"{_START}{AMOUNT}\s*(?P<cur>{_CURRENCY}){RIGHT}", priority=90)
def amount_currency(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"1,5 triệu USD", "200.000 - 450.000 đồng" -> amount + ISO currency."""
    word = " ".join(match.group("cur").split())
    code = next((c for w, c in CURRENCIES.items() if w.lower() == word.lower()), None)
    value = _value(match)
    largest = value.amount if value.amount is not None else value.max
    if word.lower() == "đồng" and (largest or 0) < 100:
        return None  # "3 đồng nghiệp", "hai đồng đội": not money
    value.currency = code
    return ClaimDraft(kind=ClaimKind.money, start=match.start(), end=match.end(), value=value, rule="")


RULES = [number_noun, measure, amount_unit, number_percent, amount_currency]
