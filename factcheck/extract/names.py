"""Claims about named people and places: ``role`` (person + title) and ``location`` (place in region).

Names are runs of capitalized syllables ("Shinjiro Koizumi", "Ahn Gyu-back"). Because
titles, ministries and countries are capitalized too ("Bộ trưởng Quốc phòng Nhật Bản
Shinjiro Koizumi"), the title lexicon says which words belong to the title and the country
list which end the organization; what follows is the person. A PROPN tag from the tagger
confirms a name but is never required (segmentation is imperfect).
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import Rule, SentenceContext
from factcheck.extract.lexicon import LEFT, NAME, RIGHT, alternation, load

_T = load("titles")
_P = load("places")
_TITLE = alternation(_T["titles"])
_DOMAIN = alternation(_T["domains"])
_COUNTRY = alternation(_P["countries"])
_PLACE_TYPE = alternation(_P["place_types"])
_ORG_HEAD = alternation(_P["org_heads"])
_LOWER_ONLY = _T["honorifics_lowercase"]
_HONORIFIC = (
    "(?:(?i:" + alternation(_T["honorifics"]) + ")|" + alternation(_LOWER_ONLY)
    + r"|(?:^|(?<=[.!?]\s))" + alternation(w.capitalize() for w in _LOWER_ONLY) + ")"  # capitalized only at a sentence start
)

_NOT_NAMES = {w.lower() for w in _P["countries"]} | {w.lower() for w in _T["domains"]}
_ORG_STOP = {
    "đã", "cho", "nói", "khẳng", "là", "vừa", "đang", "sẽ", "được", "bị", "thì", "phát", "trả", "chia", "nhấn", "tiết",
    "cũng", "mới", "cùng", "tại", "ở", "về", "trong", "khi", "nhưng", "có", "gửi", "ký", "yêu", "thông",
}


def _person(name: str) -> str | None:
    """``name`` unless it is a country or ministry word rather than a person."""
    name = name.strip()
    if not name or name.lower() in _NOT_NAMES or re.match(rf"{_ORG_HEAD}\b", name):
        return None
    return name


_TITLE_FIRST = re.compile(
    rf"{LEFT}(?P<title>(?i:{_TITLE}))(?:\s+(?P<domain>{_DOMAIN}))?(?:\s+(?P<org>{_COUNTRY}))?\s+(?P<name>{NAME}){RIGHT}(?!\s*\()"
)


def _title_first(context: SentenceContext) -> list[ClaimDraft]:
    """"Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi", "Bộ trưởng Ahn"."""
    drafts = []
    for match in _TITLE_FIRST.finditer(context.text):
        if not match.group("title")[0].isupper() and not match.group("domain") and not match.group("org"):
            continue  # "hai bộ trưởng Hàn Quốc": lower case title needs a full name
        name = match.group("name")
        if re.match(rf"{_ORG_HEAD}\b", name + context.text[match.end() : match.end() + 12]):
            continue  # "Giám đốc Bệnh viện ...": an organization, not a person
        # A name never swallows a following title ("Koizumi Bộ trưởng ...").
        person = _person(re.split(rf"\s+(?={_TITLE}\b)", name)[0])
        if person is None:
            continue
        title = match.group("title") + (f" {match.group('domain')}" if match.group("domain") else "")
        value = Value(person=person, title=title, organization=match.group("org"))
        end = match.start("name") + len(person)
        drafts.append(ClaimDraft(kind=ClaimKind.role, start=match.start(), end=end, value=value, rule="role.title_name"))
    return drafts


_APPOSITIVE = re.compile(rf"{LEFT}{_HONORIFIC}\s+(?P<name>{NAME})\s*,\s*(?P<title>{_TITLE})(?:\s+(?P<domain>{_DOMAIN}))?")


def _organization(rest: str) -> tuple[str | None, int]:
    """The organization after an appositive title, and how many characters it takes.

    It runs to a verb-like word or the clause end, and on past a comma only when an
    organization head follows ("Vụ Châu Á, Bộ Ngoại giao Nhật Bản").
    """
    rest = re.split(r"[.;:!?()“”\"]", rest, maxsplit=1)[0]
    words = list(re.finditer(r"[^\s,]+|,", rest))
    taken_end, index = 0, 0
    while index < len(words) and index < 20:
        word = words[index].group(0)
        if word == ",":
            if not re.match(rf"\s*{_ORG_HEAD}\b", rest[words[index].end():]):
                break
        elif word.lower() in _ORG_STOP and not word[0].isupper():
            break
        else:
            taken_end = words[index].end()
        index += 1
    org = rest[:taken_end].strip(" ,")
    return (org or None), taken_end


def _appositive(context: SentenceContext) -> list[ClaimDraft]:
    """"ông Lê Duy Minh, Cục trưởng Cục Thuế TPHCM"."""
    drafts = []
    for match in _APPOSITIVE.finditer(context.text):
        person = _person(match.group("name"))
        if person is None:
            continue
        org, length = _organization(context.text[match.end():])
        title = match.group("title") + (f" {match.group('domain')}" if match.group("domain") else "")
        end = match.end() + length if org else match.end()
        value = Value(person=person, title=title, organization=org)
        drafts.append(ClaimDraft(kind=ClaimKind.role, start=match.start("name"), end=end, value=value, rule="role.name_comma_title"))
    return drafts


def roles(context: SentenceContext) -> list[ClaimDraft]:
    return _title_first(context) + _appositive(context)


_REGION = rf"(?:{_PLACE_TYPE}\s+)?(?P<region>{NAME})"
_PAREN = re.compile(rf"(?:(?P<type>{_PLACE_TYPE})\s+)?(?P<place>{NAME})\s*\(\s*{_REGION}\s*\)")
_COMMA = re.compile(rf"(?P<type>{_PLACE_TYPE})\s+(?P<place>{NAME})\s*,\s*(?=(?:{_PLACE_TYPE}\s+)?{NAME})")
_AT_CITY = re.compile(rf"{LEFT}(?:tại|ở|đến|tới|từ)\s+(?P<place>{NAME}),\s*(?P<region>{_COUNTRY}){RIGHT}")
_TYPE_AT = re.compile(rf"(?P<type>{_PLACE_TYPE})\s+(?P<place>{NAME})(?P<gap>[^,.;:!?()]{{0,80}}?)\s(?:tại|ở)\s+(?P<region>{NAME})")


_LEVELS = {word: level for level, words in enumerate(_P["place_levels"], start=1) for word in words}


def _location(start: int, end: int, place: str, region: str, rule_name: str, text: str = "") -> ClaimDraft | None:
    place, region = place.strip(), region.strip()
    if not place or not region:
        return None
    if re.match(rf"{_ORG_HEAD}\b", region + text[end : end + 12]):
        return None  # "thành phố Bắc Ninh, UBND ...", "Lào Cai (Bệnh viện ...)": an organization
    return ClaimDraft(kind=ClaimKind.location, start=start, end=end, value=Value(place=place, region=region), rule=rule_name)


def locations(context: SentenceContext) -> list[ClaimDraft]:
    """"căn cứ Yokosuka (tỉnh Kanagawa)", "quận Yokosuka, Tokyo", "tại Bắc Kinh, Trung Quốc"."""
    text = context.text
    drafts: list[ClaimDraft] = []
    for match in _PAREN.finditer(text):
        if re.search(rf"{_HONORIFIC}\s*$", text[: match.start()]) or re.match(rf"(?i:{_HONORIFIC})\s", match.group("place")):
            continue  # "ông Hùng (Hà Nội)": a person's home, not a place in a region
        start = match.start("type") if match.group("type") else match.start("place")
        draft = _location(start, match.end(), match.group("place"), match.group("region"), "location.parenthesis", text)
        drafts.append(draft)
    for match in _COMMA.finditer(text):
        region = re.match(rf"(?:(?P<rtype>{_PLACE_TYPE})\s+)?(?P<region>{NAME})", text[match.end():])
        inner, outer = _LEVELS.get(match.group("type").lower(), 0), _LEVELS.get((region.group("rtype") or "").lower(), 99)
        if outer <= inner:
            continue  # "quận Tân Bình, huyện Hóc Môn": a list of places, not one inside the other
        end = match.end() + region.end()
        drafts.append(_location(match.start(), end, match.group("place"), region.group("region"), "location.comma", text))
    for match in _AT_CITY.finditer(text):
        drafts.append(_location(match.start("place"), match.end(), match.group("place"), match.group("region"), "location.at_city_country"))
    for match in _TYPE_AT.finditer(text):
        if re.search(rf"\s(?:và|với)\s", match.group("gap")):
            continue
        drafts.append(_location(match.start(), match.end(), match.group("place"), match.group("region"), "location.type_at"))
    unique: dict[tuple, ClaimDraft] = {}
    for draft in drafts:
        if draft is not None:
            unique.setdefault((draft.value.place, draft.value.region), draft)
    return list(unique.values())


def _scan(name: str, kind: ClaimKind, function):
    """A rule that scans the whole sentence once (names need more than one regex)."""
    def production(match, context):
        return function(context)

    return Rule(name=name, kind=kind, pattern=re.compile(r"\A"), production=production)


RULES = [_scan("role", ClaimKind.role, roles), _scan("location", ClaimKind.location, locations)]
