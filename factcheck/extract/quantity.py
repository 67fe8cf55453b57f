"""``quantity``: how many of something, or how much of a measure: "16 pha", "25kg",
"64/128 GB", "1.920 x 1.080 pixel", "từ 30 Mbps đến 100 Mbps".

Corpus: ``corpus/quantity.yaml``. Quantities lose every overlap to the other numeric kinds
(a money amount, a percent or a date is the more specific claim). A quantity whose unit
pint can read (``units.py``) carries its ``canonical`` value in base units.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind
from factcheck.model.claims import Value
from factcheck.extract.amounts import (AMOUNT, NOT_DATE_OR_CODE, QUALIFIER, RANGE_WORD, START, VAGUE_AMOUNT, amount_value, claim_value, complete,
                                       next_words, previous_word)
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import LEFT, NAME, RIGHT, alternation, load
from factcheck.extract.numbers import DIGITS, NUMBER_WORD, parse_number
from factcheck.extract.units import LATIN_UNIT, NOT_UNITS, SPELLINGS, canonical

TIME_UNITS: dict[str, str] = load("time_units")
_TIME_UNIT = alternation(TIME_UNITS)
MEASURES = set(load("measures"))
_MEASURE = alternation(MEASURES)
_BARE_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_TIME_UNIT_NEXT = re.compile(rf"\s*{_TIME_UNIT}{RIGHT}", re.IGNORECASE)
_TIMES_NEXT = re.compile(r"\s*[x×]\s*\d")  # "1.920 x 1.080": a dimension, "x" is no counted noun

_W = load("quantity_words")
ORDINAL_BEFORE = set(_W["ordinal_before"])
YEAR_WORDS = set(_W["year_words"])
YEAR_AFTER = set(_W["year_after"])
ARTICLE_NUMBERS = set(_W["article_numbers"])
HALF_WORDS = set(_W["half_words"])
AMBIGUOUS_NUMBERS = set(_W["ambiguous_numbers"])
COUNTED_WORDS = set(_W["counted_words"])
HALF_POSITIONS = set(_W["half_positions"])
# Counted nouns and units of more than one word: "vệ tinh", "cây số", "héc-ta".
# Titles of more than one syllable count whole too: "20 tiến sĩ", "ba bác sĩ".
_TITLE_NOUNS = [t.lower() for t in load("titles")["titles"] if " " in t]
_COMPOUND_NEXT = re.compile(rf"\s*({alternation(_W['compound_nouns'] + _TITLE_NOUNS + [u for u in SPELLINGS if re.search(r'[ -]', u)])}){RIGHT}",
                            re.IGNORECASE)
_ACRONYM_NEXT = re.compile(rf"\s+({alternation(_W['counted_acronyms'])}){RIGHT}")  # case as written
_NOT_ORDINAL = re.compile(rf"{LEFT}(?i:{alternation(_W['not_ordinal'])})\s*$")
# A number right before "năm" makes it the year: "nghìn năm văn hiến", "hàng trăm năm".
_NUMBER_BEFORE = re.compile(rf"(?:\d|{LEFT}{NUMBER_WORD})\s*$", re.IGNORECASE)

# Parts of speech that cannot be counted: "cả hai đều", "hai sinh viên" is fine but "hai có".
# (A VERB only after digits or an ambiguous number word: after a number word the tagger often
# calls the counted noun a verb, "hai bàn/VERB chân", "hai phản ứng/VERB"; after digits a verb
# mostly follows a code, "tàu ngầm KRI Nanggala 402 chạy bằng ...", and "năm" before a verb is
# the year: "những năm trở lại đây" (quantity_words.ambiguous_numbers).)
NOT_COUNTED_UPOS = {"ADV", "ADJ", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "AUX", "DET", "PUNCT"}


def _counting_number(match: re.Match, context: SentenceContext) -> bool:
    """False for ordinals, bare years ("World Cup 2022 khu vực") and the article-like "một"."""
    number = " ".join(match.group("num").split()).lower()
    before = previous_word(context.text, match.start())
    if before in ORDINAL_BEFORE and not match.group("qual") and not _NOT_ORDINAL.search(context.before(match.start())):
        return False
    if _BARE_YEAR.fullmatch(number):
        return False  # a bare four-digit year ("1975 ngành ...")
    if number in ARTICLE_NUMBERS and not match.group("num2"):
        return False
    if number in YEAR_WORDS and not match.group("qual") and _NUMBER_BEFORE.search(context.before(match.start())):
        return False  # "nghìn năm văn hiến": a thousand years, not five
    return True


_PLAIN_QUALIFIERS = set(load("qualifiers")["plain"])
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*$")


def _verb_is_counted(match: re.Match, context: SentenceContext, token) -> bool:
    """After digits, is the word the tagger calls a verb the counted noun all the same? A listed
    one ("9 bàn"), or a word of two syllables or more ("540 nghiên cứu", "13 báo cáo") when the
    number is no code: a qualifier stands before it ("hơn 540"), or a word that is no noun and
    no ordinal cue ("hủy 2 thỏa thuận", "của 15 nghiên cứu"; not "Trung đoàn 66 tham gia",
    "Quyết định 557 xử phạt": a noun and its number are a label)."""
    if token.text.lower() in COUNTED_WORDS:
        return True
    if " " not in token.text.strip() or not match.group("num").strip()[:1].isdigit():
        return False  # "những năm trở lại đây": "năm" before a verb is the year
    qualifier = " ".join((match.group("qual") or "").lower().split())
    if qualifier and qualifier not in _PLAIN_QUALIFIERS:
        return True
    window = context.before(match.start())
    before = _WORD_BEFORE.search(window)
    if not before or not before.group(1).islower() or before.group(1) in ORDINAL_BEFORE:
        return False
    labelled = context.token_at(match.start() - len(window) + before.end(1) - 1)  # the word's last character
    return labelled is None or labelled.upos not in ("NOUN", "PROPN", "NUM")


def counted_noun(context: SentenceContext, position: int) -> tuple[str | None, int]:
    """The noun a number right before ``position`` counts, lower case, and where it ends: the
    tagger's word when it is longer ("doanh nghiệp"), else a listed compound noun ("vệ tinh",
    ``quantity_words.compound_nouns``) or unit ("cây số"), else the next word; (None, position) when there is none."""
    unit, end = next_words(context.text, position, limit=1)
    if unit is None:
        compound = _COMPOUND_NEXT.match(context.text, position)  # "hai chỉ số": "chỉ" alone is a function word
        return (" ".join(compound.group(1).lower().split()), compound.end()) if compound else (None, position)
    token = context.token_at(end - len(unit))
    if token is not None and token.upos in ("NOUN", "PROPN", "VERB") and token.text[:1].islower() and len(token.text) > len(unit):
        return token.text.lower(), token.end
    compound = _COMPOUND_NEXT.match(context.text, position)
    if compound is not None:
        return " ".join(compound.group(1).lower().split()), compound.end()
    return unit.lower(), end


def with_unit(value: Value, unit: str) -> Value:
    """``value`` with its unit, and its canonical value when pint can read the unit."""
    value.unit = unit
    value.canonical = canonical(value)
    return value


@rule("quantity.number_noun", ClaimKind.quantity, rf"{START}(?:{AMOUNT}|{VAGUE_AMOUNT}){NOT_DATE_OR_CODE}(?=\s+[^\W\d_])", priority=10,
      reads_tokens=True)
def number_noun(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A number and the noun it counts: "16 pha", "bốn lượt", "hơn 24.400 doanh nghiệp", "hàng trăm người".

    Value: amount (min/max for a range, vague for "vài", "hàng trăm"), approx or bound from a
    qualifier ("khoảng", "hơn", "dưới"), and unit: the counted noun, lower case (the tagger's
    whole noun when it has one, "doanh nghiệp", else the next word).

    Why: counts of people, cases, votes and rounds are the numbers a fact base can confirm
    ("16 pha liên tiếp" against the match report).

    Not: ordinals, ranks and addresses ("vòng 13", "hạng 4", "số 5"), a bare year ("World Cup
    2022"), the article "một", a lone "năm" that means year ("năm nay", "nghìn năm văn
    hiến"), a time unit (that is a duration), the "x" of a dimension ("3 x 2"), "nửa" as a
    position ("nửa cuối bảng") and a next word the tagger calls no noun ("cả hai đều"), unless
    it is a listed compound noun or title ("3 bàn thắng", "20 tiến sĩ") or follows a vague
    amount ("hàng nghìn đề nghị"). Listed acronyms count ("sáu CLB").
    """
    if not match.groupdict().get("vague") and not (_counting_number(match, context) and complete(match)):
        return None
    acronym = _ACRONYM_NEXT.match(context.text, match.end())
    if acronym:  # "sáu CLB": an abbreviated counted noun
        return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=acronym.end(),
                          value=with_unit(claim_value(match), acronym.group(1)), rule="")
    listed = _COMPOUND_NEXT.match(context.text, match.end())  # "3 bàn thắng", "hai chỉ số" ("chỉ" alone is "only")
    token = context.token_at(match.end() + 1)
    written = (match.groupdict().get("num") or "").strip()
    if len(written) > 1 and written.isalpha() and written.isupper():
        return None  # "HAI giảm 0,6%": a stock ticker, not "hai"
    number = written.lower()
    verb_ends = number[:1].isdigit() or (number.split() or [""])[-1] in AMBIGUOUS_NUMBERS
    if token is not None and (token.upos in NOT_COUNTED_UPOS or (verb_ends and token.upos == "VERB" and not _verb_is_counted(match, context, token))) \
            and not match.groupdict().get("vague") and not listed:
        return None  # the tagger says the next word is no noun: "cả hai đều"; but "hàng nghìn đề nghị", "3 bàn thắng"
    first, _ = next_words(context.text, match.end(), limit=1)
    if not listed and (first is None or first.lower() in TIME_UNITS or _TIME_UNIT_NEXT.match(context.text, match.end())):
        return None  # a time unit makes a duration; but "2 tháng tuổi" is an age
    if _TIMES_NEXT.match(context.text, match.end()):
        return None
    following = (first or "").lower()
    if number in YEAR_WORDS and following in YEAR_AFTER:
        return None
    if number in HALF_WORDS and following in HALF_POSITIONS:
        return None  # "nửa cuối bảng xếp hạng": the bottom half, no count
    unit, end = counted_noun(context, match.end())
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=end, value=with_unit(claim_value(match), unit), rule="")


_GLUED_AMOUNT = (  # digits that may touch their unit: "25kg", "2,5 - 4,5m"
    rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<num>{DIGITS})(?:\s*(?:-|–|{RANGE_WORD})\s*(?P<num2>{DIGITS}))?"
)


@rule("quantity.measure", ClaimKind.quantity, rf"{START}{_GLUED_AMOUNT}\s*(?P<unit>{_MEASURE})(?![\w²³])", priority=12, flags=0,
      needs=rf"\d\s*{_MEASURE}")  # the amount's last digit, then the unit
def measure(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """Digits and a unit of measure, touching or not: "25kg", "từ 2,5 - 4,5m", "36°C", "30 độ C".

    Value: amount (min/max for a range), approx or bound from a qualifier, unit: the unit as
    written ("kg", "m²", "độ C"), from ``data/measures.yaml``, and canonical: the amount in
    base units ("1,5 km" -> 1500 meter).

    Why: weights, areas, distances, power and temperatures are stated facts a source can
    confirm, and a slipped digit or unit changes them by orders of magnitude.

    Not: units written with another case ("25 KG" is no measure: "M" and "m" differ) or
    followed by a letter ("4 ha" is, "4 hay" is not).
    """
    value = with_unit(claim_value(match), match.group("unit"))
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=match.end(), value=value, rule="")



@rule("quantity.open_unit", ClaimKind.quantity, rf"{START}{_GLUED_AMOUNT}\s*(?P<unit>{LATIN_UNIT})", priority=12, flags=0,
      needs=rf"\d\s*{LATIN_UNIT}")  # the amount's last digit, then the unit
def open_unit(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """Digits and a unit symbol no word list names: "128 GB", "5.000 mAh", "120 Hz", "100 Mbps", "6,7 inch".

    Value: amount (min/max for a range), approx or bound from a qualifier, unit: the symbol as
    written, and canonical: the amount in base units when pint reads the unit ("128 GB" ->
    1.024e12 bit).

    Why: specifications, capacities and speeds are stated facts like weights and distances,
    and news writes units no lexicon can list; a symbol built of an SI prefix and a unit
    ("GB", "GHz", "kcal", "km/h") or a spelling of data/units.yaml is a unit.

    Not: a unit of data/measures.yaml (``quantity.measure`` reads it), a code ("F-16",
    "Covid-19", "4G": one capital letter is a label, not a unit), a token units.yaml lists
    as no unit ("MV"), a symbol followed by a letter or a digit.
    """
    unit = match.group("unit")
    if unit in MEASURES or unit in NOT_UNITS:
        return None
    value = with_unit(claim_value(match), unit)
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=match.end(), value=value, rule="")


_SEPARATOR = {"x": "dimensions", "×": "dimensions", "*": "dimensions", "/": "slash"}
_UNIT_TOKEN = rf"(?:{LATIN_UNIT}|{_MEASURE}(?![\w²³]))"
_COMPOUND = rf"{START}(?:(?P<qual>{QUALIFIER})\s+)?(?P<nums>(?:{DIGITS})(?:\s*(?:[x×*]|/)\s*(?:{DIGITS}))+)(?![/\-–.,]?\d)"
_UNIT_AT = re.compile(rf"\s*(?P<unit>{_UNIT_TOKEN})")


def _unit_after(context: SentenceContext, position: int) -> tuple[str | None, int, bool]:
    """The unit right after ``position``: a unit symbol or measure (as written, True) or a
    counted noun (lower case, False); (None, position, False) when none."""
    symbol = _UNIT_AT.match(context.text, position)
    if symbol is not None and symbol.group("unit") not in NOT_UNITS:
        return symbol.group("unit"), symbol.end(), True
    if not re.match(r"\s+[^\W\d_]", context.text[position:]):
        return None, position, False
    first, _ = next_words(context.text, position, limit=1)
    if first is None or first.lower() in TIME_UNITS or _TIME_UNIT_NEXT.match(context.text, position):
        return None, position, False
    unit, end = counted_noun(context, position)
    return unit, end, False


@rule("quantity.compound", ClaimKind.quantity, re.compile(_COMPOUND, re.IGNORECASE), priority=13, reads_tokens=True,
      needs=r"\d\s*[x×*/]\s*\d")  # two numbers joined by "x" or "/"
def compound(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """Numbers joined by "x" or "/" and one unit: dimensions "1.920 x 1.080 pixel", "3 x 4 m";
    alternatives "64/128 GB"; a ratio "45/50 học sinh".

    Value: amounts: every number in order, shape: dimensions (joined by x), alternatives (a
    slash before a unit of measure) or ratio (a slash before a counted noun), unit, approx
    or bound from a qualifier, and canonical amounts when pint reads the unit. One claim
    with all its numbers, not one per number.

    Why: screen sizes, plots and rooms, memory options and "45/50" pass rates are single
    facts: read apart, "1.920 x" became a count of "x" and 1.080 a number of pixels.

    After a rank ("hạng 4/5 đội") the claim is the count alone: 5 teams.

    Not: dates and codes ("30/1", "12/10/2020": the date wins, and a third part or a year
    after a slash is no quantity), addresses ("số 12/5 đường"), numbers with no unit after them,
    a ratio whose first number is larger than the second ("50/45" is a date or a code).
    """
    parts = re.split(r"\s*([x×*/])\s*", match.group("nums"))
    numbers, separators = parts[0::2], set(parts[1::2])
    if len(separators) > 1:
        return None
    ranked = "/" in separators and previous_word(context.text, match.start()) in ORDINAL_BEFORE and not match.group("qual")
    unit, end, measured = _unit_after(context, match.end())
    if unit is None:
        return None
    amounts = [parse_number(n) for n in numbers]
    if ranked:  # "hạng 4/5 đội": a rank out of a count, which is the claim; "số 12/5": an address
        if measured or len(amounts) != 2 or amounts[0] > amounts[1]:
            return None
        start = match.start("nums") + match.group("nums").rindex(numbers[-1])
        return ClaimDraft(kind=ClaimKind.quantity, start=start, end=end, value=with_unit(Value(amount=amounts[1]), unit), rule="")
    if _SEPARATOR[separators.pop().lower()] == "dimensions":
        shape = "dimensions"
    elif measured:
        shape = "alternatives"
    elif len(amounts) == 2 and amounts[0] <= amounts[1]:
        shape = "ratio"
    else:
        return None
    value = amount_value_of(match)
    value.amounts, value.shape = amounts, shape
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=end, value=with_unit(value, unit), rule="")


def amount_value_of(match: re.Match) -> Value:
    """approx and bound from a match's qualifier, with no amount (a compound has amounts)."""
    value = Value()
    if match.group("qual"):
        qualified = amount_value(_Qualified(match.group("qual"), "0"))
        value.approx, value.bound = qualified.approx, qualified.bound
    return value


class _Qualified:
    """A stand-in match for ``amount_value``: a qualifier and a number."""

    def __init__(self, qualifier: str, number: str):
        self._groups = {"qual": qualifier, "num": number, "num2": None}

    def group(self, name: str):
        return self._groups[name]


_RANGE_UNIT = (
    rf"{START}(?:(?P<qual>{QUALIFIER})\s+)?(?P<num>{DIGITS})\s*(?P<unit1>{_UNIT_TOKEN}|[°⁰])"
    rf"\s*(?:-|–|{RANGE_WORD})\s*(?P<num2>{DIGITS})\s*(?P<unit>{_UNIT_TOKEN})"
)


@rule("quantity.unit_range", ClaimKind.quantity, re.compile(_RANGE_UNIT), priority=13,
      needs=rf"\d\s*(?:{_UNIT_TOKEN}|[°⁰])")  # a number and its unit: the range's first end
def unit_range(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A range with its unit on each side: "từ 30 Mbps đến 100 Mbps", "2 kg - 5 kg", "từ 15⁰ - 24⁰C".

    Value: min and max, unit, approx or bound from a qualifier, and canonical min and max when
    pint reads the unit. One claim, as "từ 30 đến 100 Mbps" gives.

    Why: read apart, a range becomes two amounts, and neither is what the text states.

    Not: two different units ("2 kg đến 5 m"), a range that runs backwards ("100 Mbps đến 30
    Mbps" is two amounts).
    """
    unit, first_unit = match.group("unit"), match.group("unit1")
    if first_unit != unit and not (first_unit in "°⁰" and unit.startswith(first_unit)):
        return None
    if unit in NOT_UNITS:
        return None
    value = amount_value(match)
    if value.min is None:
        return None
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=match.end(), value=with_unit(value, unit), rule="")


_MULTIPLE_WORDS: dict[str, float] = _W["multiple_words"]
_MULTIPLE_UNIT = _W["multiple_unit"][0]


@rule("quantity.multiple", ClaimKind.quantity,
      rf"{LEFT}{alternation(_W['multiple_cues'])}\s+(?P<times>{alternation(_MULTIPLE_WORDS)}|{NUMBER_WORD}){RIGHT}(?!\s+{_MULTIPLE_UNIT}{RIGHT})",
      priority=11, needs=alternation(_W["multiple_cues"]))
def multiple(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A multiple without "lần": "gấp đôi" (twice), "gấp rưỡi", "gấp ba".

    Value: amount (2 for "đôi", 1.5 for "rưỡi", the number word's value) and unit "lần", as
    for "gấp 2 lần".

    Why: "tăng gấp đôi" is the same fact as "tăng gấp 2 lần" and as wrong when the figures
    grew by half.

    Not: "gấp 3 lần" (``quantity.number_noun`` counts "lần"), "gấp gáp" (no multiple).
    """
    word = match.group("times").lower()
    amount = _MULTIPLE_WORDS[word] if word in _MULTIPLE_WORDS else parse_number(word)
    value = with_unit(Value(amount=float(amount)), _MULTIPLE_UNIT)
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=match.end(), value=value, rule="")


_UNIT_FIRST = alternation(_W["unit_first"])


@rule("quantity.unit_first", ClaimKind.quantity, rf"{LEFT}(?P<unit>{_UNIT_FIRST})\s+{AMOUNT}{NOT_DATE_OR_CODE}(?![\w%])", priority=12,
      needs=_UNIT_FIRST)
def unit_first(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A noun written before its number: "độ tuổi 25 đến 56", "nhóm tuổi 20-39", "ở tuổi 69".

    Value: amount (min/max for a range) and unit: the noun, lower case
    (``quantity_words.unit_first``).

    Why: age groups in health and labour statistics are written this way, and a slipped
    bound changes who a finding is about.

    Not: the noun followed by a number that belongs to something else: a percent ("tuổi 20%"
    is no age) or a code.
    """
    value = with_unit(claim_value(match), match.group("unit").lower())
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start("unit"), end=match.end(), value=value, rule="")


_PLACE_COUNT = re.compile(rf"(?P<place>{NAME}(?:\s+[-–]\s+{NAME})?)\s*\((?P<num>\d{{1,3}}(?:\.\d{{3}})*)\)")


@rule("quantity.place_count", ClaimKind.quantity, _PLACE_COUNT.pattern, flags=0, requires={ClaimKind.quantity}, needs=r"\(\d")
def place_count(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """Counts listed by place after a count: "6 ca mắc mới ... tại TP. Hồ Chí Minh (2), Bà Rịa -
    Vũng Tàu (1) và Hà Nội (3)".

    Value: amount, and unit: the counted noun of the last quantity before the list ("ca").

    Why: bulletins split a total by province this way; each figure is checkable, and the parts
    must add up to the total.

    Not: a single "Name (N)" (a footnote, a name and a number), or a list with no count before
    it to say what is counted.
    """
    listed = list(_PLACE_COUNT.finditer(context.text))
    if len(listed) < 2:
        return None
    before = [d for d in context.claims if d.kind is ClaimKind.quantity and d.end <= listed[0].start() and d.value.unit]
    if not before:
        return None
    value = with_unit(Value(amount=parse_number(match.group("num"))), before[-1].value.unit)
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start(), end=match.end(), value=value, rule="")


_LABELLED = r"(?<=:)\s*(?P<num>(?!0\d)(?:\d{1,3}(?:\.\d{3})+|\d{1,6}))(?=\s*(?:[.,;)]|$|\s[-–+]))"


@rule("quantity.labelled", ClaimKind.quantity, _LABELLED, flags=0, needs=r":\s*\d")
def labelled(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A figure after a label and a colon, closing the clause: "Cách ly tại nhà, nơi lưu trú:
    14.823", "(cách ly): 41.626".

    Value: amount; no unit (the label says what is counted).

    Why: health bulletins and reports list their figures this way; they are as checkable as
    "41.626 người".

    Not: a number starting with 0 (a phone number), a bare year ("năm: 2020"), or one a word
    follows ("Điều 5: 3 khoản" is "3 khoản", a count of its own).
    """
    number = match.group("num")
    if _BARE_YEAR.fullmatch(number):
        return None
    return ClaimDraft(kind=ClaimKind.quantity, start=match.start("num"), end=match.end(), value=Value(amount=parse_number(number)), rule="")


RULES = [number_noun, measure, open_unit, compound, unit_range, multiple, unit_first, place_count, labelled]
