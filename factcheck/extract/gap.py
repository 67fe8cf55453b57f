"""``gap``: how long something was interrupted before it resumed: "SAREX sau 9 năm gián đoạn".

Corpus: ``corpus/gap.yaml``.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind
from factcheck.extract.amounts import AMOUNT, amount_value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import LEFT, NAME, RIGHT, alternation, load

_E = load("gap_words")
TIME_UNITS: dict[str, str] = load("time_units")
_RESUME = re.compile(LEFT + alternation(_E["resumption_cues"]) + RIGHT, re.IGNORECASE)
_BREAK = alternation(_E["break_words"])
_AFTER = alternation(_E["after"])  # "sau"
_NOUN_PREFIXES = set(_E["noun_prefixes"])  # "của", "cuộc", "sự"
_NOUN_PREFIX = re.compile(rf"^(?:{alternation(_NOUN_PREFIXES)}\s+)+")
# The named thing that resumed, with its noun, right before "sau N năm": "diễn tập SAREX".
_NAME_BEFORE = re.compile(rf"(?:(?P<noun>[^\W\d_A-Z]+(?:\s+[^\W\d_A-Z]+)?)\s+)?(?P<name>{NAME})\s*$")
# How far before "sau N năm" the resumption cue and the name may be: a clause, not the sentence.
_LOOK_BACK = 200


@rule("gap.after_break", ClaimKind.gap, rf"{LEFT}{_AFTER}\s+{AMOUNT}\s+(?P<unit>{alternation(TIME_UNITS)})(?:\s+(?P<brk>{_BREAK}))?{RIGHT}", priority=65,
      needs=_AFTER)
def after_break(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"After N units" of a break, or after a resumption word: "sau 9 năm gián đoạn", "trở lại sau 2 năm".

    Value: amount and unit (year, month, ...) of the break, and event: the named thing that
    resumed (the capitalized name before it, with its noun: "diễn tập SAREX"), else the words
    after the resumption cue. The claim starts at that name when there is one.

    Why: "the first time in 9 years" is a favourite claim of news and often off by a year or
    two; it is checkable against the last edition.

    Not: "sau N năm" with neither a break word after it nor a resumption word before it
    ("sau 9 năm công tác").
    """
    before = context.before(match.start(), _LOOK_BACK)
    resumption = _RESUME.search(before)
    if not match.group("brk") and not resumption:
        return None
    names = list(_NAME_BEFORE.finditer(before))
    event = None
    start = match.start()
    if names:
        found = names[-1]
        event = found.group("name")
        noun = found.group("noun")
        if noun:
            noun = _NOUN_PREFIX.sub("", noun)
            noun = noun.split()[-1] if noun.split()[0] in _NOUN_PREFIXES else noun
            event = f"{noun} {event}".strip()
        start = match.start() - len(before) + found.start("name")  # ``before`` ends where the match starts
    elif resumption:
        phrase = before[resumption.end() :].strip()
        event = " ".join(phrase.split()[:6]) or None
    value = amount_value(match)
    value.unit = TIME_UNITS[" ".join(match.group("unit").lower().split())]
    value.event = event
    return ClaimDraft(kind=ClaimKind.gap, start=start, end=match.end(), value=value, rule="")


RULES = [after_break]
