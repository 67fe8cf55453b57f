"""Vietnamese numbers: digits ("24.400", "1,5", "2,5 triệu") and number words ("hai mươi lăm").

``NUMBER`` is the regex of one number; ``parse_number`` turns its text into a float.
Dots group thousands and the comma is the decimal mark, as Vietnamese news writes them.
"""

from __future__ import annotations

import re

from factcheck.extract.lexicon import LEFT, RIGHT, alternation, load

_DATA = load("numbers")
DIGIT_WORDS: dict[str, int] = _DATA["digits"]
MULTIPLIERS: dict[str, int] = _DATA["multipliers"]
NEED_PREDECESSOR = set(_DATA["need_predecessor"])
ZERO_PLACE = set(_DATA["zero_place"])
HALF = set(_DATA["half"])
ONE_HALF = _DATA["one_half"]
NOUN_BEFORE_DIGIT = set(_DATA["noun_before_digit"])
NOT_MULTIPLIERS = set(_DATA["not_multipliers"])
_ALL_WORDS = set(DIGIT_WORDS) | set(_DATA["ten"]) | set(_DATA["tens"]) | ZERO_PLACE | set(MULTIPLIERS) | HALF

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}(?!\d)"
# "tỷ lệ" is a ratio, not a billion: a multiplier word that starts another word is none.
_NOT_MULT = rf"(?!{alternation(NOT_MULTIPLIERS)}{RIGHT})"
_WORD = rf"{_NOT_MULT}{alternation(_ALL_WORDS)}"
NUMBER_WORD = _WORD  # any one number word, a multiplier included ("nghìn")
_FIRST_WORD = alternation(_ALL_WORDS - NEED_PREDECESSOR - set(MULTIPLIERS))  # "tỷ số" is no number
# "Năm bảy tuổi" is "at seven": "năm" before a digit word is the year, not five.
_NOT_YEAR = rf"(?!{alternation(NOUN_BEFORE_DIGIT)}\s+{alternation(set(DIGIT_WORDS) - NEED_PREDECESSOR)}{RIGHT})"
# "hai chục năm" is twenty years: no "năm" right after a tens word (five is "lăm" there).
_TENS_WORDS = [w for w in MULTIPLIERS if MULTIPLIERS[w] == 10] + list(_DATA["tens"])
_NOT_AFTER_TENS = "".join(rf"(?!(?<={re.escape(t)}\s){alternation(_DATA['not_after_tens'])}{RIGHT})" for t in _TENS_WORDS)
NUMBER_WORDS = rf"{LEFT}{_NOT_YEAR}{_FIRST_WORD}(?:\s+{_NOT_AFTER_TENS}{_WORD})*{RIGHT}"
_MULT = rf"{_NOT_MULT}{alternation(MULTIPLIERS)}"
# digits, optionally followed by multiplier words ("2,5 triệu", "100 nghìn", "1 triệu rưỡi")
DIGIT_NUMBER = rf"{LEFT}(?:{DIGITS})(?:\s+{_MULT}(?:\s+{alternation(HALF)})?)*{RIGHT}"
NUMBER = rf"(?:{DIGIT_NUMBER}|{NUMBER_WORDS})"


def parse_digits(text: str) -> float:
    """'24.400' -> 24400, '1,5' -> 1.5, '9.4' -> 9.4."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    return float(text)


def parse_words(words: list[str]) -> float:
    """Value of a sequence of number words; raises ValueError when it is not a number."""
    if words[: len(ONE_HALF)] == ONE_HALF:
        words = words[len(ONE_HALF) - 1 :]  # "một nửa" is one half, not 1.5
    total = 0.0  # completed part above the current big multiplier
    group = 0.0  # value below 1000 being built
    current = 0.0
    last_mult = 1
    big_stack = 1e18
    for word in words:
        if word in DIGIT_WORDS:
            current += DIGIT_WORDS[word]
        elif word in _DATA["ten"]:
            current += 10
        elif word in _DATA["tens"]:
            current *= 10
        elif word in ZERO_PLACE:
            continue
        elif word in HALF:  # "rưỡi": half of the last unit named
            group += current
            current = 0
            if last_mult >= 1000:
                total += 0.5 * last_mult
            else:
                group += 0.5 * last_mult
        elif word in MULTIPLIERS:
            mult = MULTIPLIERS[word]
            if mult < 1000:  # trăm, chục
                group += (current or 1) * mult
                current = 0
            else:
                value = group + current or 1
                if mult < big_stack:
                    total += value * mult
                else:
                    total = (total + value) * mult
                big_stack = mult
                group = current = 0
            last_mult = mult
        else:
            raise ValueError(f"not a number word: {word}")
    return total + group + current


def parse_number(text: str) -> float:
    """Value of any text matched by ``NUMBER``."""
    words = text.split()
    if re.match(r"\d", words[0]):
        value = parse_digits(words[0])
        rest = words[1:]
        if not rest:
            return value
        scale = 1.0
        big = 1.0
        for word in rest:
            if word in MULTIPLIERS:
                big = MULTIPLIERS[word]
                scale *= big
            elif word in HALF:
                value += 0.5
        return value * scale
    return parse_words([w.lower() for w in words])
