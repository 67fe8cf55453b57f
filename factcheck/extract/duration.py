"""``duration``: how long something lasted or will last: "khoảng 55 phút hội đàm".

Corpus: ``corpus/duration.yaml``.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind
from factcheck.extract.amounts import AMOUNT, START, VAGUE_AMOUNT, claim_value, complete, next_words, previous_word
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import RIGHT, alternation, load

TIME_UNITS: dict[str, str] = load("time_units")
_TIME_UNIT = alternation(TIME_UNITS)
_W = load("duration_words")
CLOCK_BEFORE = set(_W["clock_before"])
CLOCK_AFTER = re.compile(rf"\s*(?:\d|{alternation(_W['clock_after'])})", re.IGNORECASE)
CLOCK_HOUR = set(_W["clock_hour"])
CLOCK_MINUTE = set(_W["clock_minute"])
_HOUR_BEFORE = re.compile(rf"\d+\s*{alternation(CLOCK_HOUR)}\s*$", re.IGNORECASE)
_DATE_PART_NEXT = re.compile(r"\s*[/\-]\s*\d")  # a slash or dash and a digit after the unit: a date
ORDINAL_BEFORE = set(_W["ordinal_before"])
_AGE_NEXT = re.compile(rf"\s+{alternation(_W['age_after'])}{RIGHT}", re.IGNORECASE)


@rule("duration.amount_unit", ClaimKind.duration, rf"{START}(?:{AMOUNT}|{VAGUE_AMOUNT})\s+(?P<unit>{_TIME_UNIT}){RIGHT}", priority=60,
      needs_words=TIME_UNITS)
def amount_unit(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """An amount and a time unit: "khoảng 55 phút", "trong 8 tháng qua", "vài tuần", "3 ngày đêm".

    Value: amount (min/max for a range, vague for "vài"), approx or bound from a qualifier,
    and unit: second, minute, hour, day, week, month, year or decade. The claim's subject is
    up to two words after it ("55 phút hội đàm" is about "hội đàm").

    Why: how long talks, a war or a break lasted is a stated fact that reports of the same
    event give differently.

    Not: clock times ("lúc 8 giờ", "8 giờ 30 phút sáng"), the minute of a match ("phút 89"),
    ordinals ("thứ 3 tuần"), day ranges that are dates ("ngày 28-29/10") and ages ("2 tháng
    tuổi").
    """
    unit = " ".join(match.group("unit").lower().split())
    if not complete(match):
        return None
    if unit in CLOCK_HOUR and not match.groupdict().get("vague"):
        before = previous_word(context.text, match.start())
        if before in CLOCK_BEFORE or CLOCK_AFTER.match(context.text, match.end()):
            return None  # "lúc 8 giờ", "8 giờ 30 phút sáng": a clock time
    if unit in CLOCK_MINUTE and _HOUR_BEFORE.search(context.before(match.start())):
        return None  # the minutes of "8 giờ 30 phút"
    if match.group("num") and previous_word(context.text, match.start()) in ORDINAL_BEFORE:
        return None
    if _DATE_PART_NEXT.match(context.text, match.end()):
        return None  # "ngày 28-29/10" is a date
    if _AGE_NEXT.match(context.text, match.end()):
        return None  # "2 tháng tuổi": an age, a quantity
    value = claim_value(match)
    value.unit = TIME_UNITS[unit]
    subject, _ = next_words(context.text, match.end(), limit=2)
    return ClaimDraft(kind=ClaimKind.duration, start=match.start(), end=match.end(), value=value, subject=subject, rule="")


RULES = [amount_unit]
