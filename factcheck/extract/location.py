"""``location``: a place lies in a region, "căn cứ Yokosuka (tỉnh Kanagawa)", "Bắc Kinh, Trung Quốc";
or an administrative unit is named with its type, "tỉnh Hà Giang".

Corpus: ``corpus/location.yaml``. Four shapes of containment, one rule each, then the typed
place alone. A sentence states that a place lies in a region once: when two rules find the
same place and region, the engine keeps the claim of the rule listed first here. Every
claim carries the type words it was written with (``place_type``, ``region_type``, lower
case and canonical: "TP" -> "thành phố"), so a verifier can tell a commune from a hamlet.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import NAME, SPACE_CAPITAL, UPPER, alternation, load
from factcheck.extract.names import ADMIN_TYPE, COUNTRY_WORDS, HONORIFIC, LEVELS, ORG_HEAD, PLACE_TYPE, TITLE, after_occupation, place_type

_P = load("places")
_CITY_CUE = alternation(_P["city_cues"])  # "tại Bắc Kinh, Trung Quốc"
_REGION_CUE = alternation(_P["region_cues"])  # "căn cứ Naha ... tại Okinawa"
_LIST_WORD = re.compile(rf"\s{alternation(_P['list_words'])}\s")
# A name: one of the names joined by a dash ("Bà Rịa - Vũng Tàu"), or a run of capitalized
# words, perhaps ending in an apostrophe ("Đắk G'Long").
_JOINED = alternation(_P["joined_names"]).replace(r"\-", "[-–]")
_PLACE = rf"(?:{_JOINED}(?![\w])|{NAME}(?:['’][^\W\d_]+)?)"
_REGION = rf"(?:(?P<rtype>{PLACE_TYPE})\s+)?(?P<region>{_PLACE})"
_REGION_AFTER_COMMA = re.compile(_REGION)
# What follows a region that makes it one item of a list: ", Name" or "và Name" with no type
# word ("huyện Quảng Xương, Như Thanh, Nông Cống", "Lào, Thái Lan và Myanmar").
_LIST_AFTER = re.compile(rf"\s*(?:,|\s{alternation(_P['list_words'])})\s*(?!{PLACE_TYPE}\s){NAME}")
_PLURAL_BEFORE = re.compile(rf"(?:(?<!\w)(?i:{alternation(_P['plural_words'])})|\d+)\s+$")  # "các huyện"
_AFTER_HONORIFIC = re.compile(rf"{HONORIFIC}(?:\s*{UPPER}\.)*\s*$")  # "chị L. T (Hà Nội)"
_STARTS_WITH_HONORIFIC = re.compile(rf"(?i:{HONORIFIC})\s")
_NOT_REGION_HEAD = re.compile(rf"(?:{ORG_HEAD}|{TITLE}|{alternation(_P['unit_heads'])}|{alternation(_P['credit_words'])})\b")
_INSTITUTION_BEFORE = re.compile(rf"(?<!\w)(?i:{alternation(_P['institutions'])})(?P<gap>(?:\s+[^\s,.;:()]+){{0,4}}?)\s+(?:[-–]\s+)?$")
_CUE_WORD = re.compile(rf"\s(?:{_CITY_CUE})(?=\s|$)")
_ACRONYM = re.compile(rf"(?:[^\W\d_]*{UPPER}){{2}}[^\W\d_]*")  # "EVN", "PBoC": two capitals in one word
_LATIN_FAMILY = re.compile(r"(?:idae|inae|aceae)$")  # "Mèo (Felidae)": a taxon, not a region
_PLACE_ACRONYMS = set(_P["place_acronyms"])
_SURNAMES = set(_P["surnames"])
_INSTITUTIONS = set(_P["institutions"])
_LOWER_WORD = rf"(?!{UPPER})[^\W\d_]+"
# Between a place and "tại <region>": nothing, or an owner in capitalized words, each
# perhaps followed by one lower-case word ("của Lực lượng Phòng vệ Trên không Nhật Bản").
_OWNER_GAP = rf"(?:\s{alternation(_P['owner_words'])}(?:\s{NAME}(?:\s{_LOWER_WORD})?(?:\s[-–])?){{1,6}})?"


def _trim(name: str) -> str:
    """The name cut before a surname that follows it: "An Giang Lê Văn Nưng" -> "An Giang"."""
    words = name.split(" ")
    for i, word in enumerate(words[1:], start=1):
        if word in _SURNAMES:
            return " ".join(words[:i])
    return name


def _acronym(name: str) -> bool:
    """A name with an acronym that is no place in it: "EVN", "PBoC", "Khóa XVII" (not "TPHCM", "UAE")."""
    return any(word not in _PLACE_ACRONYMS and _ACRONYM.fullmatch(word) for word in name.split())


def _type(word: str | None) -> str | None:
    return place_type(word) if word else None


def _location(start: int, end: int, place: str, region: str, text: str = "",
              place_type: str | None = None, region_type: str | None = None) -> ClaimDraft | None:
    place, region = place.strip(), region.strip()
    if not place or not region:
        return None
    if _NOT_REGION_HEAD.match(region + text[end : end + 12]):
        return None  # "thành phố Bắc Ninh, UBND ...", "Lào Cai (Bệnh viện ...)", "(Ảnh Duy Thành)"
    value = Value(place=place, region=region, place_type=_type(place_type), region_type=_type(region_type))
    return ClaimDraft(kind=ClaimKind.location, start=start, end=end, value=value, rule="")


def _list_follows(text: str, position: int) -> bool:
    """An untyped name at ``position`` is followed by another (", B" or "và B"): a list."""
    return bool(_LIST_AFTER.match(text, position))


def _institution_before(before: str) -> bool:
    """The words before a name make it an institution's: "Đại học Bremen", "hãng tin Tass",
    "Bệnh viện Đa khoa Xanh Pôn" (a few words between, none of them "tại"/"ở")."""
    found = _INSTITUTION_BEFORE.search(before)
    return bool(found) and not _CUE_WORD.search(found.group("gap"))


@rule("location.parenthesis", ClaimKind.location, rf"(?:(?P<type>{PLACE_TYPE})\s+)?(?P<place>{_PLACE})\s*\(\s*{_REGION}\s*\)", flags=0,
      needs=r"\(")
def parenthesis(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A place with its region in parentheses: "căn cứ Yokosuka (tỉnh Kanagawa)", "Tokyo (Nhật Bản)".

    Value: place and region, each without its place-type word, which goes to place_type and
    region_type ("căn cứ", "tỉnh"). The claim starts at the place type when there is one.

    Why: placing an event in the wrong province or country is a common slip, and the
    parenthesis states the relation outright.

    Not: a person's home ("ông Hùng (Hà Nội)", "chị L. T (Hà Nội)") or club ("tiền đạo Gui
    Sales (Maringa)"); an organization, a
    photo credit, an acronym, a spelled-out name or a taxon in the parenthesis ("Lào Cai
    (Bệnh viện Đa khoa tỉnh)", "(Ảnh Duy Thành)", "Việt Nam (EVN)", "Masan (Masan
    Consumer)", "Mèo (Felidae)"); an untyped name of an institution or a route ("Đại học
    Bremen (Đức)", "Cát Linh - Hà Đông (Hà Nội)"); a country put inside anything but a
    country ("Mỹ (Fed)").
    """
    text = context.text
    kind, place, region = match.group("type"), match.group("place"), match.group("region")
    before = context.before(match.start())
    if _AFTER_HONORIFIC.search(before) or _STARTS_WITH_HONORIFIC.match(place) or len(place) < 2:
        return None  # "ông Hùng (Hà Nội)": a person's home, not a place in a region
    if after_occupation(before):
        return None  # "thủ thành Bruno Grassi (Parana)": a player and his club
    if _acronym(region) or _LATIN_FAMILY.search(region):
        return None
    if place.lower() in COUNTRY_WORDS and region.lower() not in COUNTRY_WORDS:
        return None  # "Ngân hàng Trung ương Anh (BoE)", "Cục Dự trữ Liên bang Mỹ (Fed)"
    if not kind:
        if re.search(r"[-–]\s*$", before) or _institution_before(before):
            return None
        if place.split()[0] in _INSTITUTIONS or _acronym(place.split()[0]):
            return None  # "CLB Liverpool (Anh)", "UBND TP Phú Quốc (...)"
        if not match.group("rtype") and place.split()[0] == region.split()[0]:
            return None  # "Masan (Masan Consumer)": the same name spelled out
    start = match.start("type") if kind else match.start("place")
    return _location(start, match.end(), place, region, text, kind, match.group("rtype"))


@rule("location.comma", ClaimKind.location, rf"(?P<type>{PLACE_TYPE})\s+(?P<place>{_PLACE})\s*,\s*(?=(?:{PLACE_TYPE}\s+)?{NAME})", flags=0,
      needs=SPACE_CAPITAL)
def comma(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A typed place, a comma, then a larger region: "huyện Đông Anh, Hà Nội", "xã Việt Hùng, huyện Đông Anh".

    Value: place and region, without their place-type words (place_type, region_type).

    Why: addresses in news name the commune, district and province; each step is a claim
    that the smaller place lies in the larger.

    Not: a list, of typed places of the same or a smaller level ("quận Tân Bình, huyện Hóc
    Môn") or of untyped names ("huyện Quảng Xương, Như Thanh, Nông Cống", "các quận Tân
    Bình, Hóc Môn"); an organization or an office after the comma ("thành phố Bắc Ninh,
    UBND tỉnh", "TP Buôn Ma Thuột, Công an tỉnh").
    """
    text = context.text
    if _trim(match.group("place")) != match.group("place"):
        return None  # "tỉnh An Giang Lê Văn Nưng, Chủ tịch ...": the comma follows a person
    found = _REGION_AFTER_COMMA.match(text, match.end())
    region, rtype = _trim(found.group("region")), found.group("rtype")
    end = found.start("region") + len(region)
    inner = LEVELS.get(place_type(match.group("type")), 0)
    if rtype:
        if LEVELS.get(place_type(rtype), 0) <= inner:
            return None  # "quận Tân Bình, huyện Hóc Môn": a list of places, not one inside the other
    elif _list_follows(text, end) or _PLURAL_BEFORE.search(context.before(match.start())):
        return None  # "huyện Quảng Xương, Như Thanh, Nông Cống": a list of districts
    return _location(match.start(), end, match.group("place"), region, text, match.group("type"), rtype)


# The countries a city is put in: the hand list of places.yaml only. CLDR's list (names.COUNTRIES)
# also names dependent territories, and "tại Tân Cương, Hong Kong, ..." is a list, not Xinjiang
# put in Hong Kong; it serves the checks that a name is no city or person.
_REGION_COUNTRY = alternation(_P["countries"])


@rule("location.at_city_country", ClaimKind.location, rf"(?<![\w]){_CITY_CUE}\s+(?P<place>{NAME}),\s*(?P<region>{_REGION_COUNTRY})(?![\w])", flags=0,
      needs=SPACE_CAPITAL)
def at_city_country(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"tại"/"ở"/"đến" a city, a comma, then a country: "tại Bắc Kinh, Trung Quốc".

    Value: place (the city) and region (the country, from ``data/places.yaml``). The claim
    starts at the city.

    Why: where talks or an incident took place is checkable, and foreign cities are often
    put in the wrong country.

    Not: a region after the comma that is not in the country list ("tại Nara, Tokyo"); a
    list of countries ("tại Lào, Thái Lan"), or of names ("ở Seoul, Nhật Bản và Bắc Kinh").
    """
    if match.group("place").lower() in COUNTRY_WORDS or _list_follows(context.text, match.end()):
        return None
    return _location(match.start("place"), match.end(), match.group("place"), match.group("region"))


@rule("location.type_at", ClaimKind.location,
      rf"(?P<type>{PLACE_TYPE})\s+(?P<place>{_PLACE})(?P<gap>{_OWNER_GAP})\s{_REGION_CUE}\s+{_REGION}", flags=0,
      needs=SPACE_CAPITAL)
def type_at(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A typed place, then "tại"/"ở" a region right after it or after its owner: "căn cứ Naha của Lực lượng Phòng vệ ... tại Okinawa".

    Value: place and region, with their type words (place_type, region_type). The claim runs
    from the place type to the region.

    Why: bases, ports and airports are placed this way in reports of military and
    transport news.

    Not: when "và" or "với" stands between them ("sân bay Nội Bài và nhà ga ở Hà Nội"): the
    region may belong to the second thing; when a verb or a clause stands between them
    ("phường Bình Hưng Hòa khai báo y tế ... tại Hà Nam"): the region is where something
    else happened.
    """
    if _LIST_WORD.search(match.group("gap")):
        return None
    return _location(match.start(), match.end(), match.group("place"), match.group("region"), context.text,
                     match.group("type"), match.group("rtype"))


@rule("location.typed_place", ClaimKind.location, rf"(?P<type>{ADMIN_TYPE})\s+(?P<place>{_PLACE})", flags=0,
      requires={ClaimKind.location}, needs=SPACE_CAPITAL)
def typed_place(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """An administrative unit named with its type word and no region: "tỉnh Hà Giang", "huyện Đông Anh", "TP Thủ Đức".

    Value: place and place_type, no region: the claim states that such a unit exists (on the
    article date: Hà Giang province was merged into Tuyên Quang on 2025-07-01). Inside an
    organization's name it still names the unit ("UBND tỉnh Hà Giang", "Công an tỉnh X").

    Why: units are merged, split and renamed; an article naming one that no longer exists,
    or not yet, is out of date or wrong.

    Not: a unit that another location claim of the sentence already places ("xã Việt Hùng,
    huyện Đông Anh"); a plural ("các tỉnh Tây Nguyên"); numbered units ("Quận 1", "phường 5"); an
    acronym ("huyện CLB").
    """
    place = _trim(match.group("place"))
    start, end = match.start(), match.start("place") + len(place)
    if _acronym(place) or any((c.start < end and start < c.end) or c.value.place == place for c in context.claims):
        return None  # already placed in this sentence
    if _PLURAL_BEFORE.search(context.before(start)):
        return None  # "các tỉnh Tây Nguyên": a group of units, perhaps named by their region
    value = Value(place=place, place_type=place_type(match.group("type")))
    return ClaimDraft(kind=ClaimKind.location, start=start, end=end, value=value, rule="")


RULES = [parenthesis, comma, at_city_country, type_at, typed_place]
