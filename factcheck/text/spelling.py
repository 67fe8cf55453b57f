"""When two names are one name misspelt, not two people.

Vietnamese names share surnames and middle names ("Nguyễn Đức Thắng", "Nguyễn Đức Hùng"),
so a fuzzy score alone calls different people one. A misspelling changes one syllable a
little (the same first letter; one edit in a short syllable, two in a long one), or glues
the next word on it after a lost space ("Ronald" / "Ronaldo", "Aquilino" / "Aquillino",
"Trọng" / "Trọngmong"); a whole other syllable is another person ("Nguyễn Thiện Thành" is
the father of "Nguyễn Thiện Nhân"; "Nguyễn Văn Khánh" is not "Nguyễn Văn Kính"), and so is a
syllable with a final consonant more ("Nguyễn Xuân Phú" is not "Nguyễn Xuân Phúc").
"""

from __future__ import annotations

import unicodedata

from rapidfuzz.distance import Levenshtein


def one_syllable_misspelt(a: str, b: str) -> bool:
    """``a`` and ``b`` (match keys) are the same syllables in the same order but one, and
    that one a near spelling of the other."""
    differing = _one_word_apart(a, b)
    if differing is None:
        return False
    x, y = sorted(differing, key=len)
    if y.startswith(x) and _syllable(y[len(x):]):
        return True  # "trọngmong", "longđề": the next word glued on by a lost space
    if len(y) <= SHORT_SYLLABLE and y.startswith(x) and y[len(x):] in FINALS:
        return False  # "Phú" / "Phúc", "Hồ" / "Hồng": a final consonant makes another syllable
    return x[0] == y[0] and Levenshtein.distance(x, y) <= (1 if len(y) <= SHORT_SYLLABLE else 2)


def romanization_variant(a: str, b: str) -> bool:
    """``a`` and ``b`` (match keys) are one foreign name in two romanizations, the same but
    for one word's ending ("zelenskiy" / "zelensky", "sergei" / "sergey"): a convention of
    the writer, not a misspelling."""
    differing = _one_word_apart(a, b)
    return differing is not None and _romanized(differing[0]) == _romanized(differing[1])


def _one_word_apart(a: str, b: str) -> tuple[str, str] | None:
    """The one pair of words in which ``a`` and ``b`` differ, the others equal and in the
    same order; None otherwise."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return None
    differing = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    return differing[0] if len(differing) == 1 else None


# Endings that romanizations of Russian and Ukrainian names write two ways (-ий as "iy" or
# "y", -ей as "ey" or "ei"), folded to one.
ROMANIZED_ENDINGS = (("iy", "y"), ("ey", "ei"))


def _romanized(word: str) -> str:
    for ending, folded in ROMANIZED_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + folded
    return word


# Vietnamese syllables are short: two edits turn "Khánh" into "Kính", another name. A short
# syllable may differ by one edit; a longer one (a foreign name) by two.
SHORT_SYLLABLE = 5


# The consonants a Vietnamese syllable may end with.
FINALS = frozenset(("c", "ch", "m", "n", "ng", "nh", "p", "t"))


def _syllable(tail: str) -> bool:
    """A tail that is a word of its own (two letters or more, a vowel among them): what a
    lost space glues on, unlike the "ng" that makes "Hồ" into "Hồng"."""
    bases = unicodedata.normalize("NFD", tail)
    return len(tail) >= 2 and any(c in "aeiouy" for c in bases)
