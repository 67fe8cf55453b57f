"""What the ``role`` and ``location`` rules share: titles, honorifics, countries, organizations.

Names are runs of capitalized syllables ("Shinjiro Koizumi", "Ahn Gyu-back"). Because
titles, ministries and countries are capitalized too ("Bộ trưởng Quốc phòng Nhật Bản
Shinjiro Koizumi"), the title lexicon says which words belong to the title and the country
list which end the organization; what follows is the person. A PROPN tag from the tagger
confirms a name but is never required (segmentation is imperfect).
"""

from __future__ import annotations

import re

from factcheck.extract.lexicon import alternation, load

_T = load("titles")
_P = load("places")
TITLE = alternation(_T["titles"])
DOMAIN = alternation(_T["domains"])
COUNTRY = alternation(_P["countries"])
ORG_HEAD = alternation(_P["org_heads"])
_LOWER_ONLY = _T["honorifics_lowercase"]
HONORIFIC = (
    "(?:(?i:" + alternation(_T["honorifics"]) + ")|" + alternation(_LOWER_ONLY)
    + r"|(?:^|(?<=[.!?]\s))" + alternation(w.capitalize() for w in _LOWER_ONLY) + ")"  # capitalized only at a sentence start
)


def type_words(words: list[str]) -> str:
    """Place-type words as a regex that starts at a word boundary: as written anywhere, a
    multi-word type also capitalized anywhere ("Thị xã Nghĩa Lộ"), a one-word type capitalized
    only at a sentence start ("Huyện Kỳ Sơn"; mid-sentence "Nhật Bản" is no "bản")."""
    capitalized = [w[0].upper() + w[1:] for w in words if w.islower()]
    multi = alternation(w for w in capitalized if " " in w)
    single = alternation(w for w in capitalized if " " not in w)
    return rf"(?<![\w.])(?:{alternation(words)}|{multi}|(?:^|(?<=[.!?…:]\s)|(?<=[(“\"]))\s*{single})"


def place_type(word: str) -> str:
    """The canonical place_type of a type word as written: "TP" -> "thành phố", "Thị xã" -> "thị xã"."""
    word = " ".join(word.split())
    return _P["type_aliases"].get(word, word.lower())


PLACE_TYPE = type_words(_P["place_types"])
ADMIN_TYPE = type_words(_P["admin_types"])
# Administrative level of each place type, smallest first (see places.yaml), by canonical type.
LEVELS = {place_type(word): level for level, words in enumerate(_P["place_levels"], start=1) for word in words}

_NOT_NAMES = {w.lower() for w in _P["countries"]} | {w.lower() for w in _T["domains"]}


def person(name: str) -> str | None:
    """``name`` unless it is a country or ministry word rather than a person."""
    name = name.strip()
    if not name or name.lower() in _NOT_NAMES or re.match(rf"{ORG_HEAD}\b", name):
        return None
    return name


def title_of(match: re.Match) -> str:
    """The title with its domain: "Bộ trưởng" + "Quốc phòng"."""
    return match.group("title") + (f" {match.group('domain')}" if match.group("domain") else "")
