"""``quantity``: how many of something, or how much of a measure: "16 pha", "25kg".

Corpus: ``corpus/quantity.yaml``. Quantities lose every overlap to the other numeric kinds
(a money amount, a percent or a date is the more specific claim).
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind
from factcheck.extract.amounts import AMOUNT, NOT_DATE_OR_CODE, QUALIFIER, RANGE_WORD, START, VAGUE_AMOUNT, claim_value, complete, next_words, previous_word
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import RIGHT, alternation, load
from factcheck.extract.numbers import DIGITS

TIME_UNITS: dict[str, str] = load("time_units")
_TIME_UNIT = alternation(TIME_UNITS)
_MEASURE = alternation(load("measures"))
_BARE_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_TIME_UNIT_NEXT = re.compile(rf"\s*{_TIME_UNIT}{RIGHT}", re.IGNORECASE)

_W = load("quantity_words")
ORDINAL_BEFORE = set(_W["ordinal_before"])
YEAR_WORDS = set(_W["year_words"])
YEAR_AFTER = set(_W["year_after"])
ARTICLE_NUMBERS = set(_W["article_numbers"])

# Parts of speech that cannot be counted: "cả hai đều", "hai sinh viên" is fine but "hai có".
NOT_COUNTED_UPOS = {"VERB", "ADV", "ADJ", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "AUX", "DET", "PUNCT"}


def _counting_number(match: re.Match, context: SentenceContext) -> bool:
    """False for ordinals, bare years ("World Cup 2022 khu vực") and the article-like "một"."""
    number = " ".join(match.group("num").split()).lower()
    before = previous_word(context.text, match.start())
    if before in ORDINAL_BEFORE and not match.group("qual"):
        return False
    if _BARE_YEAR.fullmatch(number):
        return False  # a bare four-digit year ("1975 ngành ...")
    if number in ARTICLE_NUMBERS and not match.group("num2"):
        return False
    return True


@rule("quantity.number_noun", ClaimKind.quantity, rf"{START}(?:{AMOUNT}|{VAGUE_AMOUNT}){NOT_DATE_OR_CODE}(?=\s+[^\W\d_])", priority=10)
def number_noun(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A number and the noun it counts: "16 pha", "bốn lượt", "hơn 24.400 doanh nghiệp", "hàng trăm người".

    Value: amount (min/max for a range, vague for "vài", "hàng trăm"), approx or bound from a
    qualifier ("khoảng", "hơn", "dưới"), and unit: the counted noun, lower case (the tagger's
    whole noun when it has one, "doanh nghiệp", else the next word).

    Why: counts of people, cases, votes and rounds are the numbers a fact base can confirm
    ("16 pha liên tiếp" against the match report).

    Not: ordinals, ranks and addresses ("vòng 13", "hạng 4", "số 5"), a bare year ("World Cup
    2022"), the article "một", a lone "năm" that means year ("năm nay"), a time unit (that is
    a duration) and a next word the tagger calls no noun ("cả hai đều").
    """
    if not match.groupdict().get("vague") and not (_counting_number(match, context) and complete(match)):
        return None
    token = context.token_at(match.end() + 1)
    if token is not None and token.upos in NOT_COUNTED_UPOS:
        return None  # the tagger says the next word is no noun: "cả hai đều"
    unit, end = next_words(context.text, match.end(), limit=1)
    if unit is None or unit.lower() in TIME_UNITS or _TIME_UNIT_NEXT.match(context.text, match.end()):
        return None
    if match.group("num") and match.group("num").strip().lower() in YEAR_WORDS and unit.lower() in YEAR_AFTER:
        return None
    if token is not None and token.upos in ("NOUN", "PROPN") and token.text[:1].islower() and len(token.text) > len(unit):
        unit, end = token.text, token.end
    value = claim_value(match)
    value.unit = unit.lower()
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=end, value=value, rule="")


_GLUED_AMOUNT = (  # digits that may touch their unit: "25kg", "2,5 - 4,5m"
    rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<num>{DIGITS})(?:\s*(?:-|–|{RANGE_WORD})\s*(?P<num2>{DIGITS}))?"
)


@rule("quantity.measure", ClaimKind.quantity, rf"{START}{_GLUED_AMOUNT}\s*(?P<unit>{_MEASURE})(?![\w²³])", priority=12, flags=0,
      needs=rf"\d\s*{_MEASURE}")  # the amount's last digit, then the unit
def measure(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """Digits and a unit of measure, touching or not: "25kg", "từ 2,5 - 4,5m", "36°C", "30 độ C".

    Value: amount (min/max for a range), approx or bound from a qualifier, and unit: the
    unit as written ("kg", "m²", "độ C"), from ``data/measures.yaml``.

    Why: weights, areas, distances, power and temperatures are stated facts a source can
    confirm, and a slipped digit or unit changes them by orders of magnitude.

    Not: units written with another case ("25 KG" is no measure: "M" and "m" differ) or
    followed by a letter ("4 ha" is, "4 hay" is not).
    """
    value = claim_value(match)
    value.unit = match.group("unit")
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=match.end(), value=value, rule="")


RULES = [number_noun, measure]
