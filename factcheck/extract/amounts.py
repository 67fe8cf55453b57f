"""The amount grammar the numeric kinds share: a qualifier, a number, a range, and the
words after the span (the counted noun, the subject).

quantity, duration, percent, money and gap all read "khoảng 55", "hơn 24.400", "5 - 10",
"từ 200.000 đến 450.000" the same way; each kind's module adds what follows the amount.
"""

from __future__ import annotations

import re

from factcheck.model.claims import Value
from factcheck.extract.base import text_before
from factcheck.extract.lexicon import LEFT, RIGHT, alternation, load
from factcheck.extract.numbers import MULTIPLIERS, NUMBER, ZERO_PLACE, parse_number

_Q = load("qualifiers")
APPROX = set(_Q["approx"])
LOWER = set(_Q["lower"])
UPPER = set(_Q["upper"])
VAGUE = alternation(_Q["vague"])
QUALIFIER = alternation(set(_Q["approx"]) | set(_Q["lower"]) | set(_Q["upper"]) | set(_Q["plain"]))
RANGE_WORD = alternation(_Q["range_words"])  # "5 đến 10"

# "khoảng 55", "hơn 24.400", "5 - 10", "từ 200.000 đến 450.000"
AMOUNT = (
    rf"(?:(?P<qual>{QUALIFIER})\s+)?"
    rf"(?P<num>{NUMBER})(?:\s*(?:-|–|{RANGE_WORD})\s*(?P<num2>{NUMBER}))?"
)
VAGUE_AMOUNT = rf"(?P<vague>{LEFT}{VAGUE}{RIGHT})"

STOP_WORDS = set(load("function_words")["stop_words"])


# Where an amount may start and end: not inside "Covid-19", "30/1", "2.5", nor before "-19", "/2".
START = r"(?<![\w/.,\-–])"
NOT_DATE_OR_CODE = r"(?![/\-–]\d|-[^\W\d_])"


def amount_value(match: re.Match) -> Value:
    """amount (or min/max for a range) with approx/bound from the qualifier."""
    qualifier = (match.group("qual") or "").lower()
    qualifier = " ".join(qualifier.split())
    value = Value()
    first = parse_number(match.group("num"))
    second = match.group("num2")
    if second:
        value.min, value.max = first, parse_number(second)
        if value.min > value.max:  # "5 - 3" is not a range
            value.min, value.max = None, None
            value.amount = first
    else:
        value.amount = first
    if qualifier in APPROX:
        value.approx = True
    if qualifier in LOWER:
        value.bound = "lower"
    if qualifier in UPPER:
        value.bound = "upper"
    return value


def spread_multiplier(match: re.Match, value: Value) -> None:
    """'2 - 3 triệu' means 2 000 000 - 3 000 000: the multiplier on the second number applies to both."""
    second = match.group("num2")
    if not second or value.min is None:
        return
    words = second.split()
    scale = 1
    for word in words[1:]:
        scale *= MULTIPLIERS.get(word.lower(), 1)
    if scale > 1 and len(match.group("num").split()) == 1 and value.min * scale <= value.max:
        value.min *= scale


def next_words(text: str, position: int, limit: int = 2) -> tuple[str | None, int]:
    """Up to ``limit`` lowercase words right after ``position`` (no punctuation, no stop words).

    Returns the words and the offset where they end; (None, position) when there are none.
    """
    words: list[str] = []
    end = position
    while len(words) < limit:
        match = _NEXT_WORD.match(text, end)
        if match is None:
            break
        word = match.group(1)
        if word.lower() in STOP_WORDS or not word[0].islower():
            break
        words.append(word)
        end = match.end()
    return (" ".join(words) if words else None), end


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_LAST_WORD = re.compile(r"([^\W\d_]+)\s*$")


def previous_word(text: str, position: int) -> str:
    """The word just before ``position``, lower case ("" when a digit or a sign is in between)."""
    match = _LAST_WORD.search(text_before(text, position))
    return match.group(1).lower() if match else ""


def complete(match: re.Match) -> bool:
    """A number cannot end in "linh"/"lẻ" ("một trăm linh" + "năm học" is 105, not 100 years)."""
    number = (match.groupdict().get("num") or "").split()
    return not number or number[-1].lower() not in ZERO_PLACE


def claim_value(match: re.Match) -> Value:
    """The value of an ``AMOUNT`` or ``VAGUE_AMOUNT`` match, the range's multiplier spread."""
    if match.groupdict().get("vague"):
        return Value(vague=True)
    value = amount_value(match)
    spread_multiplier(match, value)
    return value
