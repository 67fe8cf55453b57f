"""When two names are one name misspelt, not two people.

Vietnamese names share surnames and middle names ("Nguyễn Đức Thắng", "Nguyễn Đức Hùng"),
so a fuzzy score alone calls different people one. A misspelling changes one syllable a
little, the same first letter and at most two edits, or glues a tail on it ("Ronald" /
"Ronaldo", "Aquilino" / "Aquillino", "Trọng" / "Trọngmong"); a whole other syllable is
another person ("Nguyễn Thiện Thành" is the father of "Nguyễn Thiện Nhân").
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein


def one_syllable_misspelt(a: str, b: str) -> bool:
    """``a`` and ``b`` (match keys) are the same syllables in the same order but one, and
    that one a near spelling of the other."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return x[0] == y[0] and (x.startswith(y) or y.startswith(x) or Levenshtein.distance(x, y) <= 2)
