"""What the ``role`` and ``location`` rules share: titles, honorifics, countries, organizations.

Names are runs of capitalized syllables ("Shinjiro Koizumi", "Ahn Gyu-back"). Because
titles, ministries and countries are capitalized too ("Bộ trưởng Quốc phòng Nhật Bản
Shinjiro Koizumi"), the title lexicon says which words belong to the title and the country
list which end the organization; what follows is the person. A PROPN tag from the tagger
confirms a name but is never required (segmentation is imperfect).
"""

from __future__ import annotations

import re

from factcheck.extract.lexicon import CAPITALIZED, NAME_SYLLABLES, UPPER, alternation, load, load_lines

_T = load("titles")
_P = load("places")
TITLE = alternation(_T["titles"])
_CLASSES = {" ".join(word.lower().split()): klass for word, klass in _T["titles"].items()}
# Abbreviations that chain into one title: "PGS.TS", "ThS.BS".
_ABBREVIATIONS = alternation(w for w in _T["titles"] if " " not in w and any(c.isupper() for c in w[1:]))
# Degrees and medical titles abbreviated ("TS", "ThS", "BS"; not "HLV", "CEO") chain with a dot
# and maybe a space ("GS. TS Võ Tòng Xuân") and may end in a dot before the name ("PGS.TS. Đào Xuân Cơ").
_DEGREES = alternation(_T["degree_abbreviations"])
_DEGREE_START = re.compile(rf"(?i:{_DEGREES})(?![\w])")  # "Bs Nguyễn Văn A": a degree in any case is no name
_TITLE_CHAIN = (rf"(?:(?:{_DEGREES})(?:\.\s?(?:{_DEGREES})(?![\w]))*\.?(?=\s)"
                rf"|(?:{TITLE})(?:\.(?:{_ABBREVIATIONS}))*)")


def _modifier(word: str) -> str:
    """A modifier that is not the last syllable of a word of its own ("chính quyền")."""
    firsts = [c.rsplit(" ", 1)[0] for c in _T["modifier_compounds"] if c.split()[-1].lower() == word.lower()]
    return "".join(rf"(?<!{re.escape(first)}\s)" for first in firsts) + re.escape(word)


_MODIFIER = "(?:" + "|".join(_modifier(w) for w in sorted(_T["modifiers"], key=len, reverse=True)) + ")"
_ONE_TITLE = rf"(?:{_MODIFIER}\s+)*{_TITLE_CHAIN}(?:\s+{alternation(_T['title_suffixes'])})?(?![\w])"
# A title phrase, any case: "Phó Chủ tịch", "cố Chủ tịch" (group ``title`` leaves "cố" out),
# "Chủ tịch kiêm Tổng Giám đốc", "PGS.TS", "HLV trưởng".
TITLE_PHRASE = (
    rf"(?i:(?:{alternation(_T['span_modifiers'])}\s+)?"
    rf"(?P<title>{_ONE_TITLE}(?:\s+{alternation(_T['title_joiners'])}\s+{_ONE_TITLE})*))"
)
# The same without the group, for lookaheads and patterns that hold two titles.
TITLE_ANY = TITLE_PHRASE.replace("(?P<title>", "(?:")
SURNAME = alternation(_T["surnames"])
DOMAIN = alternation(_T["domains"])
# Countries: the hand list of places.yaml and CLDR's names (data/country_names.txt, generated).
COUNTRIES = sorted(set(_P["countries"]) | set(load_lines("country_names")))
COUNTRY = alternation(COUNTRIES)
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

# Where a body starts: "Bộ Y tế", "Liên đoàn lao động", "khoa Ngoại" (heads of data lists).
ORG_START = re.compile(
    rf"(?:{ORG_HEAD}|{alternation(_T['organization_heads'])}|(?i:{alternation(_P['institutions'])}))(?![\w])"
)
COUNTRY_WORDS = {w.lower() for w in COUNTRIES}
_NOT_NAMES = COUNTRY_WORDS | {w.lower() for w in _T["domains"] + _T["organizations"] + _T["places"]}
_LONG_COUNTRIES = alternation(c for c in COUNTRIES if " " in c)  # "Việt Nam", not "Đức" (a given name too)
_ENDS_IN_COUNTRY = re.compile(rf"\s(?:{_LONG_COUNTRIES})$")
PLACE = re.compile(rf"{alternation(_T['places'])}(?![\w])")
_PLACE = re.compile(rf"{alternation(_T['places'] + _T['organizations'])}(?![\w])")
_HONORIFIC_WORD = re.compile(rf"(?i:{alternation(_T['honorifics'] + _T['honorifics_lowercase'])}) ")
_NOT_FIRST = set(_T["not_names"])
_HONORIFICS = {w.lower() for w in _T["honorifics"] + _T["honorifics_lowercase"]}
# Function words capitalized at a sentence start never open a name: "Theo Michael Dunne, CEO ...".
_FUNCTION_WORDS = {w.lower() for w in load("function_words")["stop_words"]}
_SURNAMES = set(_T["surnames"])  # "Lại Thế Nguyên": a surname that is a function word too
# "(Ảnh: PTI)", "(phải)": a photo caption's parenthesis after a person's name.
CAPTION_AFTER = re.compile(rf"\s\((?i:{alternation(_T['caption_marks'])})(?![\w])")
ACRONYM = rf"{UPPER}(?:{UPPER}|\d){{1,5}}"
_ACRONYM = re.compile(ACRONYM)
# A syllable of a name: capitalized, hyphenated parts allowed ("Jae-myung", "M-TP").
_SYLLABLE = re.compile(rf"{CAPITALIZED}|{UPPER}+(?:-{UPPER}+)+")
# A person's name as a run of capitalized syllables with particles inside: "Ursula von der Leyen".
PERSON_NAME = rf"{CAPITALIZED}(?:[ ](?:(?:{alternation(_T['name_particles'])})[ ])*{CAPITALIZED}){{0,{NAME_SYLLABLES - 1}}}"
_PARTICLE = re.compile(rf"(?:(?:{alternation(_T['name_particles'])}) )+(?={UPPER})")  # "von der Leyen"
_TITLE_CAPITALIZED = re.compile(rf"(?:{TITLE})(?![\w])")
_MAX_SYLLABLES = 6
# After a name's last syllable: punctuation or the sentence end, nothing that continues a body.
_SURNAME_START = re.compile(rf"{alternation(_T['surnames'])} ")
_LOWER_NEXT = re.compile(rf"\s(?!{UPPER})[^\W\d_]")
_NAME_ENDS = re.compile(r"\s*(?:[,.;:!?()]|[-–]\s|$)")
_DOMAIN_START = re.compile(rf"(?i:{DOMAIN})(?![\w])")


def scan_name(text: str, start: int) -> int | None:
    """Where the name starting at ``start`` ends: capitalized syllables joined by single
    spaces (and "de", "van" ... inside), stopping before a title ("Koizumi Bộ trưởng"), a
    body ("Nguyễn Văn A Bộ Y tế" is unusual, "WB" after a name is not it), an acronym, and
    after six syllables. None when no capitalized syllable starts there."""
    if ORG_START.match(text, start) or _TITLE_CAPITALIZED.match(text, start) or _PLACE.match(text, start) or _DOMAIN_START.match(text, start):
        return None  # "Giám đốc Bệnh viện ...", "Thạc sĩ Bác sĩ ...", "Phó Chủ tịch Bạc Liêu"
    position, end, count = start, None, 0
    while count < _MAX_SYLLABLES:
        if count:
            if text[position : position + 1] != " ":
                break
            particle = _PARTICLE.match(text, position + 1)
            candidate = particle.end() if particle else position + 1
        else:
            candidate = position
        syllable = _SYLLABLE.match(text, candidate)
        if not syllable or re.match(r"\w|\.\w|-\d", text[syllable.end() : syllable.end() + 2]):
            break  # "N.V.A", "7h", "Covid-19": not a name syllable
        if count and (_TITLE_CAPITALIZED.match(text, candidate) or (_ACRONYM.fullmatch(syllable.group(0)))):
            break
        place = _PLACE.match(text, candidate)
        if count and place and not (_SURNAME_START.match(text, start) and (count == 1 or _NAME_ENDS.match(text, place.end()))):
            break  # "Nguyễn Văn A Hà Nội ..."; but "Trương Hòa Bình", "Phạm Thái Bình - ...": given names that read like a province
        head = ORG_START.match(text, candidate)
        if count and head and not (_NAME_ENDS.match(text, syllable.end()) or (head.end() == syllable.end() and _LOWER_NEXT.match(text, head.end()))):
            break  # "Nguyễn Văn A Bộ Y tế"; but a body head that ends the name is a given name: "Bùi Mạnh Khoa (sinh năm 1972)", "Lê Huy Khoa trải lòng"
        end, position, count = syllable.end(), syllable.end(), count + 1
    return end


def person(name: str, country_may_be_name: bool = False) -> str | None:
    """``name`` unless it is no person: a country (unless ``country_may_be_name``: after "bầu",
    "Đức" is a given name), ministry word, known company or body, an acronym ("WB", "UBND"), a
    word that opens a unit ("Quân" of "Quân khu"), initials, or a word with a capital inside
    ("LienVietPostBank")."""
    name = name.strip()
    words = name.split()
    not_name = name.lower() in _NOT_NAMES and not (country_may_be_name and name.lower() in COUNTRY_WORDS)
    if not words or not_name or name.lower() in _HONORIFICS or ORG_START.match(name):
        return None  # "Ông là Giám đốc ...": "Ông" alone is the pronoun "he"
    first = words[0]
    if first in _NOT_FIRST or (first.lower() in _FUNCTION_WORDS and first not in _SURNAMES) or _ACRONYM.fullmatch(first) or len(first.rstrip(".")) < 2 \
            or (len(words) == 1 and _camel(first)):
        return None
    if _TITLE_CAPITALIZED.match(name) or _DEGREE_START.match(name) or (len(words) > 2 and _ENDS_IN_COUNTRY.search(name)):
        return None  # "Hanwha Energy Việt Nam": a company's branch, not a person
    return name


def _camel(word: str) -> bool:
    """A capital inside a word that has lower case too: "LienVietPostBank", "TPBank" (a company);
    not after a hyphen ("Diaz-Canel", "Kramp-Karrenbauer" are names)."""
    return any(b.isupper() and a != "-" for a, b in zip(word, word[1:])) and any(c.islower() for c in word)


def title_class(title: str) -> str | None:
    """office, occupation, rank or academic: the class of the title's head (data/titles.yaml),
    after modifiers ("Phó", "cựu"); a chain takes its first element's ("PGS.TS": academic)."""
    words = " ".join(title.split())
    modifiers = re.compile(rf"(?i:{alternation(_T['modifiers'] + _T['span_modifiers'])})\s+")
    while True:
        lowered = words.lower()
        for length in range(len(lowered), 0, -1):
            if lowered[:length] in _CLASSES and (length == len(lowered) or not lowered[length].isalnum()):
                return _CLASSES[lowered[:length]]
        stripped = modifiers.match(words)
        if not stripped:
            return None
        words = words[stripped.end() :]


_OCCUPATION_BEFORE = re.compile(rf"(?<![\w]){TITLE_PHRASE}\s+$")


def after_occupation(before: str) -> bool:
    """Does ``before`` end with an occupation ("thủ thành", "tiền đạo")? The capitalized name
    after it is a person, and a parenthesis after that is their club or body ("thủ thành
    Bruno Grassi (Parana)"), not a place and its region."""
    found = _OCCUPATION_BEFORE.search(before[-60:])
    return bool(found) and title_class(found.group("title")) == "occupation"


def title_of(match: re.Match) -> str:
    """The title with its domain: "Bộ trưởng" + "Quốc phòng"."""
    return match.group("title") + (f" {match.group('domain')}" if match.group("domain") else "")
