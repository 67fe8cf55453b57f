"""``money``: an amount of a currency: "1,5 triệu USD", "200.000 - 450.000 đồng".

Corpus: ``corpus/money.yaml``. Money wins every overlap with the other numeric kinds.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.amounts import AMOUNT, START, VAGUE_AMOUNT, claim_value
from factcheck.extract.numbers import MULTIPLIERS
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import RIGHT, alternation, load

_C = load("currencies")
CURRENCIES: dict[str, str] = _C["codes"]
LEAST_AMOUNT: dict[str, float] = {word.lower(): amount for word, amount in _C["least_amount"].items()}
_CURRENCY = alternation(CURRENCIES)


def _currency(match: re.Match, context: SentenceContext, small: bool) -> str | None:
    """The ISO code of the match's currency word; None when ``small`` (the amount is under the
    word's least amount, data/currencies.yaml) and the tagger did not read the word as one of
    its own ("3 đồng nghiệp", "vài đồng đội")."""
    word = " ".join(match.group("cur").split()).lower()
    if small:
        token = context.token_at(match.start("cur"))
        if token is None or token.text.lower() != word:
            return None
    return next((c for w, c in CURRENCIES.items() if w.lower() == word), None)


@rule("money.amount_currency", ClaimKind.money, rf"{START}{AMOUNT}\s*(?P<cur>{_CURRENCY}){RIGHT}", priority=90,
      needs_words=CURRENCIES, reads_tokens=True)
def amount_currency(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """An amount and a currency word: "1,5 triệu USD", "3 tỷ đồng", "từ 200.000 - 450.000 đồng".

    Value: amount (min/max for a range, the multiplier of "2 - 3 triệu" applied to both),
    approx or bound from a qualifier, and currency: the ISO 4217 code ("đồng" -> VND,
    "đô la Mỹ" -> USD), from ``data/currencies.yaml``.

    Why: prices, budgets, fines and losses are checkable against the source, and a wrong
    multiplier ("triệu" for "tỷ") is a thousandfold error.

    Not: "đồng" after an amount under 100, which is a word, not the currency ("3 đồng
    nghiệp", "hai đồng đội"), unless the tagger read "đồng" as a word of its own ("cứ 100
    đồng thu được khoảng 17 đồng").
    """
    value = claim_value(match)
    largest = value.amount if value.amount is not None else value.max
    least = LEAST_AMOUNT.get(" ".join(match.group("cur").split()).lower(), 0)
    code = _currency(match, context, small=(largest or 0) < least)
    if code is None:
        return None  # "3 đồng nghiệp", "hai đồng đội": not money
    value.currency = code
    return ClaimDraft(kind=ClaimKind.money, start=match.start(), end=match.end(), value=value, rule="")


_MULTIPLIER = alternation(MULTIPLIERS)


@rule("money.vague_amount", ClaimKind.money, rf"{START}{VAGUE_AMOUNT}(?:\s+(?:{_MULTIPLIER}))?\s*(?P<cur>{_CURRENCY}){RIGHT}", priority=90,
      needs_words=CURRENCIES, reads_tokens=True)
def vague_amount(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A vague amount of a currency: "hàng trăm triệu USD", "hàng chục tỷ đồng", "vài triệu đồng".

    Value: vague (no amount) and currency, the ISO 4217 code.

    Why: "losses of hundreds of millions of dollars" is a claim of scale and currency that a
    source can contradict (it was billions, or dong); read as a count of "triệu", it was a
    quantity of nothing.

    Not: a vague count of a word that only starts like a currency ("vài đồng nghiệp").
    """
    least = LEAST_AMOUNT.get(" ".join(match.group("cur").split()).lower())
    code = _currency(match, context, small=bool(least) and not re.search(_MULTIPLIER, match.group(0)))
    if code is None:
        return None  # "vài đồng nghiệp": not money
    return ClaimDraft(kind=ClaimKind.money, start=match.start(), end=match.end(), value=Value(vague=True, currency=code), rule="")


RULES = [amount_currency, vague_amount]
