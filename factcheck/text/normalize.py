"""Vietnamese normalization that never loses track of the original offsets.

Vietnamese text arrives in NFC or NFD, and with old ("hòa", "thủy") or new ("hoà",
"thuỷ") tone-mark placement. Analysis runs on one canonical form (NFC, tone mark on the
first vowel of an open "oa"/"oe"/"uy", as Dân trí and most newsrooms write), and every
character of the normalized text remembers which original character it came from.

``match_key`` goes further for comparing names and units only: lower case, "y" and "i"
folded where they are spelling variants ("tỷ"/"tỉ", "Lý"/"Lí"), hyphens as spaces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
VOWELS = "aăâeêioôơuưy"

# An open syllable ending in oa / oe / uy with the tone on the second vowel ("hoà", "thuỷ"),
# not preceded by "q" (in "quý" the "u" belongs to "qu", so the tone stays on "y").
_NEW_STYLE = re.compile(
    r"(?<![\w])([^\W\d_]*?)(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])"
)
# A syllable made of consonants and a lone "y" ("tỷ", "lý", "Mỹ"): spelled with "i" too.
_LONE_Y = re.compile(r"\b([bcdđghklmnpqrstvx]+)y(?=[\u0300-\u036f]*\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus, for each of its characters, the original character's offset."""

    text: str
    origin: list[int]  # len(text) + 1 entries; the last one is the original length
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized ``[start, end)`` range back to the original text."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self._original_end(end)

    def _original_end(self, end: int) -> int:
        """Where the next original character begins. A normalized end inside one original
        cluster (a letter and its marks composed together) moves past the whole cluster,
        so a span never cuts a letter from its accents."""
        last = self.origin[end - 1]
        while end < len(self.origin) - 1 and self.origin[end] == last:
            end += 1
        return self.origin[end]


def _clusters(text: str):
    """Yield (offset, cluster): a base character with its combining marks."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            yield start, text[start:i]
            start = i


def _retone(decomposed: str) -> str:
    """Move tone marks of new-style open oa/oe/uy syllables to the first vowel (NFD in, NFD out)."""
    return _NEW_STYLE.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(4)}{m.group(3)}", decomposed)


# Whitespace other than a plain space or a line end (no-break space, tab, thin space...):
# rules and word lists see one kind of space. One character for one, so offsets hold.
_ODD_SPACE = re.compile(r"[^\S \n\r]")


# A listed word glued to the number after it ("đạt1.885 tỷ đồng"): the space is put back
# (data/spacing.yaml), the inserted space mapping to the digit's offset.
_GLUED_WORDS = yaml.safe_load((Path(__file__).parent / "data" / "spacing.yaml").read_text(encoding="utf-8"))["glued_before_number"]
_GLUED = re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(map(re.escape, _GLUED_WORDS), key=len, reverse=True)) + r")(?=\d)")


def _unglue(normalized: Normalized) -> Normalized:
    """``normalized`` with a space after each listed word glued to a number."""
    ends = [m.end() for m in _GLUED.finditer(normalized.text)]
    if not ends:
        return normalized
    pieces, origin, previous = [], [], 0
    for end in ends:
        pieces.append(normalized.text[previous:end] + " ")
        origin.extend(normalized.origin[previous:end] + [normalized.origin[end]])
        previous = end
    pieces.append(normalized.text[previous:])
    origin.extend(normalized.origin[previous:])
    return Normalized(text="".join(pieces), origin=origin, original_length=normalized.original_length)


@lru_cache(maxsize=2048)  # check normalizes a sentence to choose what to tag, then to extract from it
def normalize(text: str) -> Normalized:
    """NFC, canonical tone placement, plain spaces, a lost space after a listed word before a
    number put back, with an offset map back to ``text`` (shared between callers: read it,
    never change it)."""
    return _unglue(_normalize(text))


def _normalize(text: str) -> Normalized:
    if unicodedata.is_normalized("NFC", text):  # the common case: every offset maps to itself
        return Normalized(text=_ODD_SPACE.sub(" ", _recompose_retoned(text)), origin=list(range(len(text) + 1)), original_length=len(text))
    pieces: list[str] = []
    origin: list[int] = []
    for offset, cluster in _clusters(text):
        composed = unicodedata.normalize("NFC", cluster)
        pieces.append(composed)
        origin.extend([offset] * len(composed))
    nfc = "".join(pieces)
    canonical = _ODD_SPACE.sub(" ", _recompose_retoned(nfc))
    origin.append(len(text))
    return Normalized(text=canonical, origin=origin, original_length=len(text))


# A word whose open oa/oe/uy carries the tone on its second vowel ("hoà", "thuỷ"); only these
# words are rewritten, so ordinary text costs one regex scan.
_NEW_STYLE_WORD = re.compile(r"[^\W\d_]*[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\W\d_])")


def _recompose_retoned(nfc: str) -> str:
    """Re-place tone marks word by word; each word keeps its length, so offsets stay valid."""

    def fix(match: re.Match) -> str:
        word = match.group(0)
        fixed = unicodedata.normalize("NFC", _retone(unicodedata.normalize("NFD", word)))
        return fixed if len(fixed) == len(word) else word

    return _NEW_STYLE_WORD.sub(fix, nfc)


def canonical(text: str) -> str:
    """The normalized text alone."""
    return normalize(text).text


@lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """A key for comparing names, titles and units: case, spelling and spacing variants fold."""
    value = unicodedata.normalize("NFD", canonical(text).lower())
    value = _LONE_Y.sub(lambda m: m.group(1) + "i", value)
    value = unicodedata.normalize("NFC", value)
    value = re.sub(r"[-‐‑–—_]", " ", value)
    value = re.sub(r"[^\w\s]", "", value)
    return " ".join(value.split())


def strip_diacritics(text: str) -> str:
    """ASCII-ish form ("Lý Cường" -> "Ly Cuong"), used only as a fallback matching key."""
    value = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in value if not unicodedata.combining(ch))
