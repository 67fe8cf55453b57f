"""``location``: a place lies in a region: "căn cứ Yokosuka (tỉnh Kanagawa)", "Bắc Kinh, Trung Quốc".

Corpus: ``corpus/location.yaml``. Four shapes, one rule each. A sentence states that a
place lies in a region once: when two rules find the same place and region, the engine
keeps the claim of the rule listed first here.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import LEFT, NAME, RIGHT, SPACE_CAPITAL, alternation, load
from factcheck.extract.names import COUNTRY, HONORIFIC, LEVELS, ORG_HEAD, PLACE_TYPE

_P = load("places")
_CITY_CUE = alternation(_P["city_cues"])  # "tại Bắc Kinh, Trung Quốc"
_REGION_CUE = alternation(_P["region_cues"])  # "căn cứ Naha ... tại Okinawa"
_LIST_WORD = re.compile(rf"\s{alternation(_P['list_words'])}\s")
_REGION = rf"(?:{PLACE_TYPE}\s+)?(?P<region>{NAME})"
_REGION_AFTER_COMMA = re.compile(rf"(?:(?P<rtype>{PLACE_TYPE})\s+)?(?P<region>{NAME})")
_AFTER_HONORIFIC = re.compile(rf"{HONORIFIC}\s*$")
_STARTS_WITH_HONORIFIC = re.compile(rf"(?i:{HONORIFIC})\s")


def _location(start: int, end: int, place: str, region: str, text: str = "") -> ClaimDraft | None:
    place, region = place.strip(), region.strip()
    if not place or not region:
        return None
    if re.match(rf"{ORG_HEAD}\b", region + text[end : end + 12]):
        return None  # "thành phố Bắc Ninh, UBND ...", "Lào Cai (Bệnh viện ...)": an organization
    return ClaimDraft(kind=ClaimKind.location, start=start, end=end, value=Value(place=place, region=region), rule="")


@rule("location.parenthesis", ClaimKind.location, rf"(?:(?P<type>{PLACE_TYPE})\s+)?(?P<place>{NAME})\s*\(\s*{_REGION}\s*\)", flags=0,
      needs=r"\(")
def parenthesis(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A place with its region in parentheses: "căn cứ Yokosuka (tỉnh Kanagawa)", "Tokyo (Nhật Bản)".

    Value: place and region, each without its place-type word ("căn cứ", "tỉnh"). The claim
    starts at the place type when there is one.

    Why: placing an event in the wrong province or country is a common slip, and the
    parenthesis states the relation outright.

    Not: a person's home town ("ông Hùng (Hà Nội)") and an organization in the parenthesis
    ("Lào Cai (Bệnh viện Đa khoa tỉnh)").
    """
    text = context.text
    if _AFTER_HONORIFIC.search(context.before(match.start())) or _STARTS_WITH_HONORIFIC.match(match.group("place")):
        return None  # "ông Hùng (Hà Nội)": a person's home, not a place in a region
    start = match.start("type") if match.group("type") else match.start("place")
    return _location(start, match.end(), match.group("place"), match.group("region"), text)


@rule("location.comma", ClaimKind.location, rf"(?P<type>{PLACE_TYPE})\s+(?P<place>{NAME})\s*,\s*(?=(?:{PLACE_TYPE}\s+)?{NAME})", flags=0,
      needs=SPACE_CAPITAL)
def comma(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A typed place, a comma, then a larger region: "huyện Đông Anh, Hà Nội", "xã Việt Hùng, huyện Đông Anh".

    Value: place and region, without their place-type words.

    Why: addresses in news name the commune, district and province; each step is a claim
    that the smaller place lies in the larger.

    Not: a list of places of the same or a smaller level ("quận Tân Bình, huyện Hóc Môn")
    and an organization after the comma ("thành phố Bắc Ninh, UBND tỉnh").
    """
    text = context.text
    region = _REGION_AFTER_COMMA.match(text, match.end())
    inner, outer = LEVELS.get(match.group("type").lower(), 0), LEVELS.get((region.group("rtype") or "").lower(), 99)
    if outer <= inner:
        return None  # "quận Tân Bình, huyện Hóc Môn": a list of places, not one inside the other
    return _location(match.start(), region.end(), match.group("place"), region.group("region"), text)


@rule("location.at_city_country", ClaimKind.location, rf"{LEFT}{_CITY_CUE}\s+(?P<place>{NAME}),\s*(?P<region>{COUNTRY}){RIGHT}", flags=0,
      needs=SPACE_CAPITAL)
def at_city_country(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"tại"/"ở"/"đến" a city, a comma, then a country: "tại Bắc Kinh, Trung Quốc".

    Value: place (the city) and region (the country, from ``data/places.yaml``). The claim
    starts at the city.

    Why: where talks or an incident took place is checkable, and foreign cities are often
    put in the wrong country.

    Not: a region after the comma that is not in the country list ("tại Nara, Tokyo").
    """
    return _location(match.start("place"), match.end(), match.group("place"), match.group("region"))


@rule("location.type_at", ClaimKind.location, rf"(?P<type>{PLACE_TYPE})\s+(?P<place>{NAME})(?P<gap>[^,.;:!?()]{{0,80}}?)\s{_REGION_CUE}\s+(?P<region>{NAME})", flags=0,
      needs=SPACE_CAPITAL)
def type_at(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A typed place, then "tại"/"ở" a region in the same clause: "căn cứ Naha của Lực lượng Phòng vệ ... tại Okinawa".

    Value: place and region. The claim runs from the place type to the region.

    Why: bases, ports and airports are placed this way in reports of military and
    transport news.

    Not: when "và" or "với" stands between them ("sân bay Nội Bài và nhà ga ở Hà Nội"): the
    region may belong to the second thing.
    """
    if _LIST_WORD.search(match.group("gap")):
        return None
    return _location(match.start(), match.end(), match.group("place"), match.group("region"))


RULES = [parenthesis, comma, at_city_country, type_at]
