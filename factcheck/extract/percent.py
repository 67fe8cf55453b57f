"""``percent``: a share or a change in percent: "tăng 20%", "khoảng 10-15 phần trăm".

Corpus: ``corpus/percent.yaml``.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind
from factcheck.extract.amounts import AMOUNT, RANGE_WORD, START, claim_value, next_words
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import RIGHT, alternation, load
from factcheck.extract.numbers import DIGITS, parse_number

_PERCENT_WORD = alternation(load("percent_words"))


_SIGN = rf"(?:%|{_PERCENT_WORD}{RIGHT})"


@rule("percent.number_sign", ClaimKind.percent,
      rf"{START}{AMOUNT}\s*{_SIGN}(?:\s*(?:[-–]|{RANGE_WORD})\s*(?P<upper>{DIGITS})\s*{_SIGN})?", priority=85,
      needs=rf"%|{_PERCENT_WORD}")
def number_percent(match: re.Match, context: SentenceContext) -> ClaimDraft:
    """An amount and a percent sign or "phần trăm": "16%", "6,5 %", "khoảng 10-15 phần trăm",
    "từ 45% đến 55%" (a sign on each side of a range).

    Value: amount (min/max for a range), approx or bound from a qualifier ("hơn 70%"). The
    claim's subject is up to two words after it.

    Why: rates, shares and growth figures are among the most quoted and most often garbled
    numbers in the news.

    Not: "phần trăm" with no number ("chỉ số phần trăm").
    """
    subject, _ = next_words(context.text, match.end(), limit=2)
    value = claim_value(match)
    if match.group("upper") and value.amount is not None:
        value.min, value.max, value.amount = value.amount, parse_number(match.group("upper")), None
        value.bound = None  # "từ 45% đến 55%": the range, not "at least 45%"
    return ClaimDraft(kind=ClaimKind.percent, start=match.start(), end=match.end(), value=value, subject=subject, rule="")


RULES = [number_percent]
