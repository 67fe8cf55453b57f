"""``score``: the result of a game: "tỷ số hòa 2-2", "thắng 3-1".

Corpus: ``corpus/score.yaml``.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import LEFT, RIGHT, alternation, load

_E = load("score_words")
_SCORE_CUE = re.compile(LEFT + alternation(_E["score_cues"]) + RIGHT, re.IGNORECASE)
_SCORE_PHRASE = re.compile(LEFT + alternation(_E["score_phrase_cues"]) + RIGHT, re.IGNORECASE)
_OUTCOMES: dict[str, str] = _E["outcomes"]
_OUTCOME = re.compile(LEFT + alternation(_OUTCOMES) + RIGHT, re.IGNORECASE)
_UNIT_AFTER = alternation(_E["units_after"])  # "5-10 phút" is a range, not a score


@rule(
    "score.pair",
    ClaimKind.score,
    rf"(?<![\w/.,\-–])(?P<a>\d{{1,2}})\s*[-–]\s*(?P<b>\d{{1,2}})(?![\w/%\-–]|[.,]\d|\s*(?:{_UNIT_AFTER}|%))",
    priority=80,
    needs=r"\d\s*[-–]\s*\d",
)
def score_pair(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """Two small numbers joined by a dash after a score cue: "tỷ số hòa 2-2", "thua đau 0-1".

    Value: scores [a, b] as written, and outcome (draw, win, loss) when a cue in the same
    clause states it ("hòa", "thắng", "thua"). The claim starts at the cue when the cue is
    close before the score ("tỷ số hòa 2-2").

    Why: results are checked against the match report; a reversed or wrong score is a
    plain factual error.

    Not: without a cue in the same clause ("Tỷ số" elsewhere, "giai đoạn 2021-2025"), a
    range of a unit ("5-10 phút", "6-7%") and a day range ("28-29/10").
    """
    window = context.text[max(0, match.start() - 60) : match.start()]
    clause = re.split(r"[.;:!?]", window)[-1]
    if not _SCORE_CUE.search(clause):
        return None
    value = Value(scores=[int(match.group("a")), int(match.group("b"))])
    outcomes = list(_OUTCOME.finditer(clause))
    if outcomes:
        value.outcome = _OUTCOMES[" ".join(outcomes[-1].group(0).lower().split())]
    start = match.start()
    cues = [c for c in _SCORE_PHRASE.finditer(clause) if len(clause) - c.end() <= 12]
    if cues:  # "tỷ số hòa 2-2": the cue is part of what the sentence claims
        start = match.start() - (len(clause) - cues[0].start())
    return ClaimDraft(kind=ClaimKind.score, start=start, end=match.end(), value=value, rule="")


RULES = [score_pair]
