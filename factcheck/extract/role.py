"""``role``: a person holds a title: "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi".

Corpus: ``corpus/role.yaml``; titles and their classes: ``data/titles.yaml``. Four shapes:
the title before the name (an organization may stand between: "Thứ trưởng Bộ Y tế Trần
Văn Thuấn", "Phó Chủ tịch WB Nguyễn Văn A"; titles listed before it share the name: "Ủy viên
Bộ Chính trị, Bí thư Thành ủy Hà Nội Vương Đình Huệ"), the name before the title (", ",
" - " or "(": "ông Lê Duy Minh, Cục trưởng Cục Thuế TPHCM", "Tim Cook - CEO Apple"), the
name linked to the title by "là", "từ chức", "giữ chức" ... ("Agnelli đã từ chức Chủ tịch
Juventus"), and a title after a word naming an office, of the sentence's named person ("ông X
... giữ chức vụ Tổng Giám đốc", "với các vị trí A, B, C"). A title written after a name may
be followed by more titles of the same person (", Bí thư Đảng ủy, Chủ tịch UBND xã"): each is
a claim of its own.

Person spans follow ``names.py``: capitalized syllables, stopping before a title, an
organization head or an acronym; an acronym or a word that opens a unit is never a person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import CAPITALIZED, LEFT, NAME, RIGHT, SPACE_CAPITAL, UPPER, alternation, load
from factcheck.extract.names import (
    ACRONYM, CAPTION_AFTER, COUNTRY, PERSON_NAME, PLACE, DOMAIN, HONORIFIC, ORG_START, SURNAME, TITLE_ANY, TITLE_PHRASE, person, scan_name, title_class,
)

_T = load("titles")
_ORG_STOP = set(_T["organization_ends"])
_ORG_CHARS = 400  # an organization is at most 20 words (see ``_organization``)
_VERB_NEXT = re.compile(rf"\s+(?!{UPPER})[^\W\d_]")  # a lower-case word goes on after the name: the clause's verb
_PLURAL = re.compile(rf"(?i:{alternation(_T['plural_words'])})\s+$")
_JOINER = alternation(_T["name_joiners"])
_LINKER = alternation(_T["linkers"])
_ADVERB = alternation(_T["linker_adverbs"])
_KNOWN_ORG = alternation(_T["organizations"])
_ACRONYM = rf"{ACRONYM}(?![\w-])"
_SEPARATOR = re.compile(rf"(?:\s*,\s*|\s+[-–]\s+)(?:(?P<hon>{HONORIFIC})\s+)?(?=[^\W\d_])")
# Between a title and a name: an acronym, a known company, or "của" and a capitalized body,
# each only when a name (after " - " and an honorific, for "của") follows.
_SHORT_ORG = re.compile(rf"\s+(?P<org>(?!{ORG_START.pattern}\s){_ACRONYM}|{_KNOWN_ORG}(?![\w]))")  # "BV Bạch Mai" is a body written out
_COUNTRY_ORG = re.compile(rf"\s+(?P<org>{COUNTRY}(?:\s+(?:{alternation(_T['organization_links'])})\s+{COUNTRY})?)(?=[\s,])")  # "Đại sứ Mỹ tại Nga Bart Gorman"
_DOMAIN_AFTER = re.compile(rf"\s+(?P<domain>(?={UPPER})(?i:{DOMAIN}))(?![\w])")
_PLACE_CUE = alternation(load("places")["city_cues"] + load("places")["admin_types"])  # "tại", "ở", "tỉnh" ...
_PLACE_BEFORE = re.compile(rf"(?i:{_PLACE_CUE})\s+$")
_HONORIFIC_WORD = re.compile(rf"(?i:{alternation(_T['honorifics'] + _T['honorifics_lowercase'])})\s")
_ARTICLE = alternation(_T["articles"])
_VESSEL_BEFORE = re.compile(rf"(?<![\w])(?i:{alternation(_T['vessel_words'])})\s+$")
# "Tại thủ đô Jakarta, Ngoại trưởng Indonesia, bà Retno Marsudi": a place opens the clause, no person before the title
_PLACE_CLAUSE_BEFORE = re.compile(
    rf"(?<![\w])(?i:{_PLACE_CUE})(?:\s+(?!{UPPER})[^\W\d_]+){{0,2}}\s+{NAME}\s*,\s*$")
# "ông Vương Văn Tường - " before a title: an honorific's person and a dash give the title to him
# (not "Joe Biden - Chủ tịch Trung Quốc Tập Cận Bình", a pair of leaders)
_DASH_APPOSITION = re.compile(rf"(?<![\w])(?:{HONORIFIC})\s+{NAME}\s+[-–]\s*$")
_LIST_AFTER_TITLE = re.compile(rf"(?P<words>(?:\s+(?!{UPPER})[^\W\d_]+){{0,2}}?)\s+(?:{alternation(_T['list_openers'])})\s+(?={UPPER})")
_ORG_COMMA = re.compile(rf"\s*,\s+(?:(?P<hon>{HONORIFIC})\s+)?")
_GIVEN_NAME_AT = re.compile(rf"{alternation(_T['given_names'])}(?![\w])")
_CLAUSE_GOES_ON = re.compile(rf"\s*(?:[,.;:!?)]|$|\s(?:{alternation(_T['organization_ends'] + _T['list_joiners'])})(?![\w]))")  # a verb, "và" or the clause's end
_PERSONAL = re.compile(rf"(?i:{alternation(_T['personal_titles'])})")
_AFTER_NAME_ONLY = re.compile(rf"(?i:{alternation(_T['after_name_only'])})")
# Between a name and its linking word, what news says of the person in passing: the age
# (", 44 tuổi,"), a parenthesis ("(51 tuổi)", "(Sinh năm 1972)"), the birth ("sinh năm 1970 tại
# Hà Nội,"). The title then is a claim of its own span.
_ASIDE = (rf"(?P<aside>\s*,\s*\d{{1,3}}\s+(?:{alternation(_T['age_words'])})\s*,|\s*\([^()]{{1,40}}\)\s*,?"
          rf"|\s+(?:{alternation(_T['birth_words'])})\s+[\d/]{{4,10}}(?:\s+[^\W\d_][^,.;:!?()]{{0,40}})?\s*,)")
_ASIDE_WORDS = set(_T["aside_words"])
_TENSE = set(_T["linker_adverbs"])
_ARTICLE_BEFORE = re.compile(rf"(?<![\w])(?i:{_ARTICLE})\s+$")
_ANY_CASE_HEAD = re.compile(rf"(?i:{ORG_START.pattern})")
_COUNTRY_END = re.compile(rf"(?<![\w])(?:{COUNTRY})$")
_NAME_GOES_ON = re.compile(r"\s*\(")  # "Tokyo (Nhật Bản)": a place and its region
_ORG_LINK_ANY = re.compile(rf"\s+(?:{alternation(_T['organization_links'])})\s+(?=[^\W\d_])")
_ORG_LINK = re.compile(rf"\s+(?:{alternation(_T['organization_links'])})\s+(?={UPPER})")
_HONORIFIC_BEFORE = re.compile(rf"(?:{HONORIFIC})\s+$")
# Titles named by a portfolio or unit ("Bộ trưởng Phát triển Xã hội", "Trưởng khoa Tim mạch"):
# one capitalized syllable and a lower-case word after them open the portfolio, not a name.
_PORTFOLIO = re.compile(rf"(?i:(?:{alternation(_T['modifiers'])}\s+)*{alternation(_T['portfolio_titles'])})")
_PORTFOLIO_WORD = re.compile(
    rf"\s{UPPER}[^\W\d_]*\s+(?!{UPPER})[^\W\d_]+(?:\s+(?:{_JOINER}\s+)?{UPPER}|\s*,\s*(?:{ORG_START.pattern}))"
)  # one capitalized syllable and a lower-case one, then title case goes on: "Phát triển Xã hội", "Tim mạch, Bệnh viện"
_ORG_HEAD_BEFORE = re.compile(rf"(?:{ORG_START.pattern})\s+$")
_FUNCTION_WORD = re.compile(rf"(?i:{alternation(load('function_words')['stop_words'])})\s")
_FUNCTION_BEFORE = re.compile(rf"(?<![\w])(?i:{alternation(load('function_words')['stop_words'])})\s+$")
_UNIT = re.compile(rf"(?i:(?:{alternation(_T['modifiers'])}\s+)*{alternation(_T['unit_titles'])})")
_COUNTRY_TAIL = re.compile(rf"(?<![\w])(?:{COUNTRY})$")  # a country ending inside a title's first word
_FUNCTION_WORDS = {w.lower() for w in load("function_words")["stop_words"]}
_QUALIFIED = re.compile(rf"(?P<words>(?:\s+(?!{UPPER})[^\W\d_]+){{1,2}})(?:\s+\({ACRONYM}\))?(?:\s+(?:{alternation(_T['linkers'])}))?\s+(?={SURNAME}\s+{UPPER})")
_SUCCESSOR_WORD = re.compile(rf"(?<![\w])(?i:{alternation(_T['successor_words'])})(?![\w])")
_NOT_QUALIFIERS = {w.lower() for w in _T["honorifics"] + _T["honorifics_lowercase"]}
_COUNTRY_START = re.compile(rf"(?:{COUNTRY})(?![\w])")
_QUOTE_BEFORE = re.compile(r"[”\"]\s*,\s*$")
_CLAUSE_START = re.compile(r"(?:^|[,;:(“\"]|[.!?…]\s)\s*$")
_BODY_START = re.compile(rf"(?:(?:{alternation(_T['organization_links'])})\s+)?(?:(?i:{ORG_START.pattern})|{COUNTRY}(?![\w])|{ACRONYM}(?![\w])|(?:{alternation(load('places')['unit_heads'])})\s)")
_APPOSITION_BEFORE = re.compile(rf"(?<![\w])(?!{ACRONYM}[\s,(])({UPPER}[^\W\d_]*)\s*(?:,|\(|\s[-–])\s*$")  # "Theo AP, ..." is no name
_NEXT_TITLE_BEFORE_NAME = re.compile(rf"(?:\s*,\s*|\s*[-–]\s*|\s+(?:{alternation(_T['title_joiners'])})\s+)(?=(?:{TITLE_ANY}))")


def _title_value(match: re.Match, domain: str | None = None) -> tuple[str, str | None]:
    """The title as written (with its domain, without "tân"/"cố") and its class."""
    title = " ".join(match.group("title").split()).strip("\"“”")
    return (f"{title} {domain}" if domain else title), title_class(title)


def _org_then_name(text: str, position: int, head: bool = True, comma: bool = False) -> tuple[str, int, int] | None:
    """After a title, a body written out ("Bộ Y tế", "UBND tỉnh Bạc Liêu") and then a
    Vietnamese name (a surname opens it) or " - " / ", " with an honorific and a name:
    (organization, where the name starts, where the organization ends). With ``head``
    false, the body needs no head word: the unit of a portfolio title ("Trưởng khoa Hồi sức
    tích cực Nguyễn Văn A")."""
    headed = bool(ORG_START.match(text, position))
    loosely = headed or bool(_ANY_CASE_HEAD.match(text, position))  # "Tư lệnh quân đội Indonesia Hadi Tjahjanto"
    if head and not loosely:
        return None
    if not head and (not (re.match(UPPER, text[position:]) or loosely) or TITLE_START.match(text, position)):
        return None  # "Thư ký của Thủ tướng Lý Hiển Long": a title, not a body, after "của"
    words = list(re.finditer(r"\S+", text[position : position + 200]))
    for index, word in enumerate(words[1:16], start=1):
        start = position + word.start()
        previous_end = position + words[index - 1].end()
        previous = words[index - 1].group(0)
        body_end = previous_end - 1 if previous.endswith(",") else previous_end
        separator = _SEPARATOR.match(text, body_end)
        if separator and separator.group("hon") and (comma or "," not in separator.group(0)):
            return text[position:body_end].strip(" ,"), separator.end(), body_end  # "... - ông X", and at a clause start "..., ông X"
        if not re.fullmatch(rf"\({ACRONYM}\)", previous) and (re.search(r"[,.;:!?()“”\"]", previous[-1:]) or previous.startswith("(")):
            return None  # a body runs to the name within its clause ("Cục Điều tra Liên bang (FBI) X" goes on)
        if not head and (word.group(0) in _ORG_STOP or TITLE_START.match(text, start)):
            return None  # "Bộ trưởng Hùng và Thứ trưởng Nguyễn Văn A": no unit runs past a verb or a title
        if _LIST_JOINER_WORD.fullmatch(previous) and (_HONORIFIC_WORD.match(text, start) or TITLE_START.match(text, start)):
            return None  # "Hiệu trưởng Trường X và Ông Trương Quốc Hùng", "Giám đốc Trung tâm X và BSCK2 Lê Thanh Chương": the next person
        if (headed or not head) and re.match(rf"{SURNAME}\s+{UPPER}", text[start:]) and scan_name(text, start):
            run = re.match(NAME, text[start:])
            if run and len(run.group(0).split()) <= 4:
                return text[position:previous_end].strip(" ,"), start, previous_end
        ends_body = _COUNTRY_END.search(text, position, previous_end) or re.fullmatch(rf"\({ACRONYM}\)", previous)
        if ends_body and (end := scan_name(text, start)) and len(text[start:end].split()) >= 2 \
                and person(text[start:end]) and not _NAME_GOES_ON.match(text, end):
            return text[position:previous_end].strip(" ,"), start, previous_end  # "Hải quân Indonesia Yudo Margono", "... (UEFA) Alexander Ceferin"
    return None


@rule("role.title_name", ClaimKind.role, rf"{LEFT}[\"“]?{TITLE_PHRASE}[\"”]?(?=\s)", flags=0,
      needs=SPACE_CAPITAL)  # the person's name after the title
def title_name(match: re.Match, context: SentenceContext) -> ClaimDraft | list[ClaimDraft] | None:
    """A title, optionally its domain and organization, then a name: "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi", "HLV Park Hang-seo", "bác sĩ Nguyễn Văn A", "Phó Chủ tịch WB Nguyễn Văn A", "Thứ trưởng Bộ Y tế Trần Văn Thuấn".

    Value: person (the name), title (with its domain: "Bộ trưởng Quốc phòng"; "tân" and
    "cố" stay out), organization (a country, an acronym, a known company, or a body written
    out between title and name, which then must be followed by a Vietnamese name or by
    " - " and an honorific) and title_class (office, occupation, rank or academic, from
    data/titles.yaml). After "hai", "các" ... a title is shared by names joined by "và"
    ("hai HLV Park Hang Seo và Shin Tae Yong"): each further name is a claim of its own.

    Why: who holds which office is the commonest fact in news, and titles go stale: a
    former minister is still called "Bộ trưởng".

    Not: a title without a name ("hai bộ trưởng Hàn Quốc"), an organization after the title
    with no name after it ("Giám đốc Bệnh viện ...", "Chủ tịch Samsung"), a name that is a
    country, an acronym or a word opening a unit ("Tư lệnh Quân khu 7"), initials ("anh
    N.V.A"), and a name followed by "(" (a place with its region).
    """
    if _not_a_title(match, context):
        return None
    claims = _named_after(match, context)
    if claims:
        lead = context.before(match.start())
        joined = _JOINED_BEFORE.search(lead)  # "Bộ trưởng Nội vụ kiêm Quyền Ngoại trưởng Séc Jan Hamacek": one title phrase
        if joined and joined.group("title")[0].isupper():
            claims[0].start = match.start() - (len(lead) - joined.start())
            claims[0].value.title = " ".join(context.text[claims[0].start : match.end()].split())
        return claims
    return _qualified(match, context) or _listed(match, context) or _title_before_title(match, context)


def _not_a_title(match: re.Match, context: SentenceContext) -> bool:
    """Is the title word no title of a person here?"""
    if _AFTER_NAME_ONLY.fullmatch(" ".join(match.group("title").split())):
        return True  # "người đứng đầu European Super League": the head of a body, named after a person only
    before = context.before(match.start())
    if _VESSEL_BEFORE.search(before):
        return True  # "tàu khu trục Đô đốc Shaposhnikov": a ship's name
    if _ARTICLE_BEFORE.search(before):
        return True  # "một sĩ quan cảnh sát Bali": a description, no title of a named person
    if match.group("title")[0].islower() and _ORG_HEAD_BEFORE.search(before):
        return True  # "Trường sĩ quan Pháo binh", "Hội nhà báo": the title word names the body
    # "người đồng cấp Trung Quốc Vương Nghị": "Quốc" ends a country, no "Quốc vương"
    return bool(_COUNTRY_TAIL.search(context.text, max(0, match.start() - 30), match.start() + len(match.group(0).split()[0])))


def _listed(match: re.Match, context: SentenceContext) -> list[ClaimDraft] | None:
    """A plural title, a qualifier, "như"/"gồm" and the names it lists: "các cầu thủ nhập tịch như
    Junior Eldstal, Liridon Krasniqi và Luqman Hakim Shamsuddin". Each name is a claim with the
    title; the first spans from the title, the others are the name alone. Only full names (two
    words or more, or a Vietnamese surname and more): "các cầu thủ như Messi" may list anything."""
    text = context.text
    if not _PLURAL.search(context.before(match.start())):
        return None
    opened = _LIST_AFTER_TITLE.match(text, match.end())
    if opened is None or any(w in _ORG_STOP or w in _FUNCTION_WORDS for w in opened.group("words").split()):
        return None
    title, klass = _title_value(match)
    drafts, position = [], opened.end()
    while True:
        end = scan_name(text, position)
        found = person(text[position:end]) if end else None
        if not found or len(found.split()) < 2:
            break
        value = Value(person=found, title=title, title_class=klass)
        drafts.append(ClaimDraft(kind=ClaimKind.role, start=match.start() if not drafts else position, end=end, value=value, rule=""))
        joined = re.match(rf"\s*,\s*|\s+{_JOINER}\s+", text[end : end + 12])
        if joined is None:
            break
        position = end + joined.end()
    return drafts or None


def _qualified(match: re.Match, context: SentenceContext) -> list[ClaimDraft] | None:
    """A title, one or two lower-case words that qualify it (and their acronym), then a
    Vietnamese name (a surname and more): "HLV trẻ Phạm Kim Huệ", "người lính giải phóng Trần
    Công Chương", "tuyển thủ quốc gia là Hà Đức Chinh", "Giám đốc kỹ thuật (GĐKT) Nguyễn Văn Sỹ".
    Words that open a clause ("cho", "và", "đã" ...) are no qualifiers."""
    found = _QUALIFIED.match(context.text, match.end())
    words = found.group("words") if found else ""
    if found is None or any(w in _ORG_STOP or w in _FUNCTION_WORDS or w in _NOT_QUALIFIERS for w in words.split()) \
            or _SHIFT.search(words) or _SUCCESSOR_WORD.search(words):
        return None  # "bầu ông X" (elect), "ứng viên thay thế X" (a verb)
    start = found.end()
    end = scan_name(context.text, start)
    if end is None or len(context.text[start:end].split()) < 3 or _COUNTRY_START.match(context.text, start):
        return None  # a full name only: "trọng tài xác định Hoàng Đức" is a verb and its object; "đội tuyển Thái Lan Kiatisuk"
    claims = _title_claims(match, context, None, None, start)
    if claims:
        claims[0].value.title = _title_value(match)[0]
    return claims


def _title_before_title(match: re.Match, context: SentenceContext) -> list[ClaimDraft] | None:
    """A title (and its body) listed before another title of the same person, joined by a dash
    or a comma: "Tổng Bí thư Ban chấp hành Trung ương Đảng-Bí thư Quân ủy Trung ương Nguyễn Phú
    Trọng", "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Vương Đình Huệ". The claim is the first
    title phrase alone, with the person of the first title of the chain a name follows (at most
    ``_CHAIN_TITLES`` titles on)."""
    text = context.text
    before = context.before(match.start())
    if not match.group("title")[0].isupper() or _APPOSITION_BEFORE.search(before) or not _CLAUSE_START.search(before):
        return None  # "ông A, Bí thư Đảng ủy, Chủ tịch UBND xã B": the first office is A's; "cúp Nhà Vua Tây Ban Nha, ..."
    first_end, first_org = None, None
    current = TITLE_START.match(text, match.start()) or match  # "Phó Thủ tướng thứ nhất," with its suffix
    first = current
    for _ in range(_CHAIN_TITLES):
        domain_match = _DOMAIN_AFTER.match(text, current.end())
        position = domain_match.end() if domain_match else current.end()
        rest = text[position : position + _ORG_CHARS]
        cut = _NEXT_TITLE_BEFORE_NAME.search(rest)
        if cut is None or (current is first and _JOINED_AFTER.match(rest)):
            return None  # "Bộ trưởng Nội vụ kiêm Quyền Ngoại trưởng X": the later title's claim takes it in
        body = rest[: cut.start()]
        org, length = _organization(body) if body.strip() else (None, 0)
        if body.strip() and (org is None or body[length:].strip() or not _BODY_START.match(body.strip())):
            return None  # more than a body stands between the two titles ("Bác sĩ chuyên khoa I Uông Hồng Hợp, Trưởng khoa ...")
        if first_end is None:
            first_end, first_org = position + len(body.rstrip()), org
        current = title_name.pattern.match(text, position + cut.end())
        if current is None or not current.group("title")[0].isupper() or _not_a_title(current, context):
            return None
        claims = _named_after(current, context)
        if claims:
            domain_match = _DOMAIN_AFTER.match(text, first.end())
            title, klass = _title_value(first, domain_match.group("domain") if domain_match else None)
            value = Value(person=claims[0].value.person, title=title, organization=first_org, title_class=klass)
            return [ClaimDraft(kind=ClaimKind.role, start=match.start(), end=first_end, value=value, rule="")]
    return None


def _named_after(match: re.Match, context: SentenceContext) -> list[ClaimDraft] | None:
    """The claims of a title followed by its person's name (see ``title_name``)."""
    text = context.text
    position = match.end()
    domain_match = _DOMAIN_AFTER.match(text, position)
    domain = domain_match.group("domain") if domain_match else None
    if domain_match:
        position = domain_match.end()
    if PLACE.match(text, position + 1):
        return None  # "Chủ tịch Lào Cai": a province, not "Lào" and a person
    # "Theo Người phát ngôn Bộ Ngoại giao, ông X": a comma and an honorific name the holder only at a
    # clause start; after a name ("bà A, Giám đốc Sở Y tế, anh B, ...") they open the next person.
    lead = context.before(match.start())
    function = _FUNCTION_BEFORE.search(lead)
    lead = lead[: function.start()] if function else lead
    opens = bool(_CLAUSE_START.search(lead)) and (not _APPOSITION_BEFORE.search(lead) or bool(_PLACE_CLAUSE_BEFORE.search(lead)))
    title_words = " ".join(match.group("title").split())
    if _PORTFOLIO.fullmatch(title_words) and not re.match(rf"\s{SURNAME}\s+{UPPER}", text[position:]):
        unit = _org_then_name(text, position + 1, head=False, comma=opens)
        if unit:
            return _title_claims(match, context, domain, unit[0], unit[1])
        if _PORTFOLIO_WORD.match(text, position) or _UNIT.fullmatch(title_words):
            return None  # "Bộ trưởng Phát triển Xã hội", "Trưởng khoa Tai Mũi Họng": the portfolio or the unit, no person
    org = None
    for pattern in (_COUNTRY_ORG, _SHORT_ORG):
        found = pattern.match(text, position)
        if found and text[found.end() : found.end() + 1] == " " and scan_name(text, found.end() + 1):
            org, position = found.group("org"), found.end()
            break
        comma = _ORG_COMMA.match(text, found.end()) if found and opens else None
        if comma and (end := scan_name(text, comma.end())) \
                and (comma.group("hon") or (len(text[comma.end() : end].split()) >= 2 and _VERB_NEXT.match(text, end))):
            org, position = found.group("org"), comma.end() - 1  # "Chủ tịch UEFA, Aleksander Ceferin nhấn mạnh", "Ngoại trưởng Indonesia, bà Retno Marsudi"
            break
    name_start = None
    link = _ORG_LINK.match(text, position)
    if link is None and (any_link := _ORG_LINK_ANY.match(text, position)) and _ANY_CASE_HEAD.match(text, any_link.end()):
        link = any_link  # "CEO của công ty công nghệ Deloitte, ông Puneet Renjen"
    if org is None and link:
        written = _org_then_name(text, link.end(), head=False, comma=opens)  # "Tân CEO của Hòa Phát - ông Nguyễn Việt Thắng"
        if written:
            org, name_start, _ = written
    if org is None and name_start is None:
        written = _org_then_name(text, position + _spaces(text, position), comma=opens)
        if written:
            org, name_start, _ = written
    if name_start is None:
        separator = _SEPARATOR.match(text, position)
        if separator and separator.group("hon") and (opens or "," not in separator.group(0)):
            name_start = separator.end()  # "Tân CEO - ông Nguyễn Việt Thắng", at a clause start "Người phát ngôn, ông X"
        elif re.match(r"\s(?=\S)", text[position:]):
            name_start = position + 1
        else:
            return None
    return _title_claims(match, context, domain, org, name_start)


def _title_claims(match: re.Match, context: SentenceContext, domain: str | None, org: str | None, name_start: int) -> list[ClaimDraft] | None:
    """The claim of a title written before a name that starts at ``name_start``, and one for
    each further name sharing the title after "hai", "các" ..."""
    text = context.text
    end = scan_name(text, name_start)
    # "bác sĩ Liên cho biết", "bác sĩ Khoa có mặt": alone before a verb or the clause's end, a given
    # name that also opens bodies ("Liên đoàn", "Khoa Nội") is the person
    given = _GIVEN_NAME_AT.match(text, name_start) if org is None else None
    given = given if given and end in (None, given.end()) and _CLAUSE_GOES_ON.match(text, given.end()) else None
    if given:
        end = given.end()
    inner = _INNER_SURNAME.match(text, name_start, end) if end else None
    if inner and org is None and not re.match(rf"{SURNAME}\s", text[name_start:]) and len(text[inner.end("org") : end].split()) >= 3:
        org, name_start = inner.group("org"), inner.end("org") + 1  # "Tổng giám đốc Vingroup Nguyễn Việt Quang": the company, then the name
    if end is None or (text[end : end + 2].startswith(" (") and not re.match(rf"{SURNAME}\s", text[name_start:])
                       and not CAPTION_AFTER.match(text, end) and title_class(match.group("title")) != "occupation"
                       and (len(text[name_start:end].split()) < 2 or _APPOSITION_BEFORE.search(context.before(match.start())))):
        return None  # "Tokyo (Nhật Bản)": a place and its region; "Phạm Doãn Sơn (Tổng Giám đốc)", "Narendra Modi (Ảnh: PTI)",
        # "thủ thành Bruno Grassi (Parana)" (an occupation names a person) and a full name "HLV Julian Nagelsmann (Leipzig)" are persons
    if _DASH_APPOSITION.search(context.before(match.start())) and not re.match(rf"{SURNAME}\s", text[name_start:]) \
            and not _HONORIFIC_BEFORE.search(text[:name_start]):
        return None  # "ông Vương Văn Tường - thành viên HĐQT Cen Land": the title is his, "Cen Land" the company
    found = person(text[name_start:end], country_may_be_name=org is None and bool(_PERSONAL.fullmatch(" ".join(match.group("title").split()))))
    if found is None and given:
        found = given.group(0)
    if found is None:
        return None
    title, klass = _title_value(match, domain)
    value = Value(person=found, title=title, organization=org, title_class=klass)
    drafts = [ClaimDraft(kind=ClaimKind.role, start=match.start(), end=name_start + len(found), value=value, rule="")]
    if _PLURAL.search(context.before(match.start())):
        # between the names, a club in parentheses or after "của": "Kiatisuk của HA Gia Lai và Lê Huỳnh Đức"
        while other := re.match(rf"(?:\s*\([^()]{{1,40}}\)|\s+{_T['organization_links'][0]}\s+{NAME})?(?:\s*,\s*|\s+{_JOINER}\s+)", text[end : end + 80]):
            start = end + other.end()
            other_end = scan_name(text, start)
            other_person = person(text[start:other_end]) if other_end and not TITLE_START.match(text, start) else None
            if not other_person:
                break
            value = Value(person=other_person, title=title, organization=org, title_class=klass)
            drafts.append(ClaimDraft(kind=ClaimKind.role, start=start, end=other_end, value=value, rule=""))
            end = other_end
        if len(drafts) == 1 and klass != "office":
            return None  # "các cầu thủ Nà Ếch", "các bác sĩ Nam học": a plural occupation before one name is a team's or a body's
    return drafts


def _spaces(text: str, position: int) -> int:
    return len(text[position:]) - len(text[position:].lstrip(" "))


def _person_starts(text: str, position: int) -> bool:
    """Does a person's name (a surname and a capitalized syllable, or an honorific and a
    name) start at ``position``? An organization never runs into one."""
    honorific = _HONORIFIC_WORD.match(text, position)
    if honorific and re.match(UPPER, text[honorific.end() :]):
        return True
    return bool(re.match(rf"{SURNAME}\s+{UPPER}", text[position:]) and scan_name(text, position))


def _organization(rest: str) -> tuple[str | None, int]:
    """The organization after a title written after the name, and how many characters it takes.

    It runs to a verb-like word or the clause end, and on past a comma only when an
    organization head follows ("Vụ Châu Á, Bộ Ngoại giao Nhật Bản").
    """
    rest = re.split(r"[.;:!?()“”\"]", rest, maxsplit=1)[0]
    words = list(re.finditer(r"[^\s,]+|,", rest))
    taken_end, index, org_start = 0, 0, 0
    link = _ORG_LINK_ANY.match(" " + rest)
    if link:
        org_start = link.end() - 1  # "Bí thư Thứ nhất của Đảng Cộng sản Cuba": the body without "của"
        index = 1
    first = index
    while index < len(words) and index < 20:
        word = words[index].group(0)
        if index == first and (held := TITLE_START.match(rest, words[index].start())):
            # "Thư ký nguyên Phó Chủ tịch Thường trực Quốc hội": the office whose holder is served
            taken_end = held.end()
            while index < len(words) and words[index].start() < held.end():
                index += 1
            continue
        if word in ("-", "–") and re.match(rf"\s*(?:(?:{HONORIFIC})\s|(?!{UPPER})[^\W\d_])", rest[words[index].end():]):
            break  # "..., Phó Chủ tịch UBND tỉnh - bà Cao Xuân Thu Vân": the title's own person; "X - kỳ vọng": the clause goes on
        if word == ",":
            if not ORG_START.match(rest, words[index].end() + _spaces(rest, words[index].end())):
                break
        elif word.lower() in _ORG_STOP and not word[0].isupper():
            break
        elif index and ((word[0].isupper() and TITLE_START.match(rest, words[index].start())) or _person_starts(rest, words[index].start())):
            break  # "Bí thư Đảng ủy kiêm Chủ tịch ...": the next title ("Đoàn đại biểu Quốc hội" is a body)
        else:
            taken_end = words[index].end()
        index += 1
    taken_end = len(rest[:taken_end].rstrip(" ,-–"))  # "ông A - Giáo sư tại Đại học X - cho hay": the closing dash is no part
    joiner = _LIST_JOINER_END.search(rest, 0, taken_end)
    if joiner:
        taken_end = joiner.start()  # "Phó Tổng giám đốc Tập đoàn và Giám đốc ...": the list goes on; no body ends in "và"
    org = rest[org_start:taken_end].strip(" ,")
    if not any(word[0].isupper() for word in org.split()) and not ORG_START.match(org):
        return None, 0  # "cầu thủ xuất sắc": lower-case words only, no body
    return (org or None), taken_end


TITLE_START = re.compile(TITLE_PHRASE)
_LIST_JOINER_WORD = re.compile(rf"(?:{alternation(_T['list_joiners'])})")
_LIST_JOINER_END = re.compile(rf"\s+(?:{alternation(_T['list_joiners'])})$")
# After a title phrase, the next one of the same person: ", Phó giám đốc ..." (after a
# specialty in lower case, "Bác sĩ y khoa, ..."); in a list of offices also "rồi", "và".
_NEXT_TITLE = re.compile(rf"(?P<specialty>(?:\s+(?!{UPPER})[^\W\d_]+){{0,3}})\s*,\s*(?={TITLE_ANY})")
_LIST_NEXT = re.compile(rf"(?P<specialty>(?:\s+(?!{UPPER})[^\W\d_]+){{0,3}}?)(?:\s*,\s*|\s+(?:{alternation(_T['list_joiners'])})\s+)(?={TITLE_ANY})")


def _title_chain(context: SentenceContext, title: re.Match, found: str, claim_start: int, listing: bool = False) -> list[ClaimDraft]:
    """The claim for a title written after the name, and one for each further title phrase
    of the same person after a comma (a specialty in lower case may stand before it: "Bác sĩ
    y khoa, Phó giám đốc ..."); in a list of offices (``listing``) also after "rồi", "và"."""
    text = context.text
    drafts = []
    following_pattern = _LIST_NEXT if listing else _NEXT_TITLE
    while True:
        own = title_name.pattern.match(text, title.start())
        if own and not _not_a_title(own, context) and _named_after(own, context):
            return drafts  # the title's own name follows it: "A, Phó Chủ tịch UBND tỉnh - bà B"
        domain_match = _DOMAIN_AFTER.match(text, title.end())
        domain = domain_match.group("domain") if domain_match else None
        after = domain_match.end() if domain_match else title.end()
        closing = text[title.start() - 2 : title.start()].strip() == "("
        org, length = _organization(text[after : after + _ORG_CHARS])
        if closing:
            org, length = (None, 0) if not text[after:].startswith(")") else (None, 1)
        end = after + length if org or closing else after
        name, klass = _title_value(title, domain)
        value = Value(person=found, title=name, organization=org, title_class=klass)
        drafts.append(ClaimDraft(kind=ClaimKind.role, start=claim_start, end=end, value=value, rule=""))
        following = following_pattern.match(text, end)
        if following and following.group("specialty").strip():
            if org is not None or any(w in _ORG_STOP or TITLE_START.match(w) for w in following.group("specialty").split()):
                following = None  # "..., Bác sĩ cho biết, Giám đốc ...": no specialty but the clause goes on
        if not following or closing:
            return drafts
        title = TITLE_START.match(text, following.end())
        if not title or not (title.group(0)[0].isupper()):
            return drafts
        claim_start = title.start()


def _name_before(match: re.Match, context: SentenceContext) -> tuple[str, int] | None:
    """The person of a name written before a title, and where it starts: leading title
    words, acronyms and body heads of the capitalized run are not the name ("TS Nguyễn
    Trúc Lê" -> "Nguyễn Trúc Lê")."""
    text = context.text
    start = match.start("name")
    honorific = _HONORIFIC_WORD.match(text, start)
    if honorific and honorific.end() < match.end("name"):
        start = honorific.end()  # "Ông Dương đồng thời là ..."
    while start < match.end("name"):
        end = scan_name(text, start)
        if end == match.end("name"):
            found = person(text[start:end])
            if found:
                return found, start
        if not (re.match(rf"{ACRONYM}(?![\w])", text[start:]) or TITLE_START.match(text, start) or (_FUNCTION_WORD.match(text, start) and not re.match(SURNAME, text[start:]))):
            return None  # "Thanh Hóa, Giám đốc ...": a place, and "Hóa" is no name either ("Theo X, ..." is X)
        space = text.find(" ", start, match.end("name"))
        if space < 0:
            return None
        start = space + 1
    return None


def _closed(text: str, position: int, loose: bool = False) -> bool:
    """Does the phrase from ``position`` end as an aside, at a comma, a dash or ")", with no
    word on the way that opens a clause ("X, một doanh nhân tại Y đã cho anh ...": a new
    subject, not an aside)? Words that lead to a body or a field ("tại", "của", "về") may stand;
    ``loose``: any word but the tense and aspect words before a verb ("đã", "sẽ", "cũng")."""
    phrase = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text[position : position + _ORG_CHARS])  # "(Mỹ)" stands in it
    end = re.search(r"[,;.!?()–]|\s-\s", phrase)
    if end is None or end.group(0).strip() not in (",", ")", "–", "-"):
        return False
    words = re.findall(r"[^\W\d_]+", phrase[: end.start()])
    if loose:
        return not any(w in _TENSE for w in words)
    return not any(w in _ORG_STOP and not _ORG_LINK.match(f" {w} A") and w not in _ASIDE_WORDS for w in words)


def _evidence(found: str, start: int, context: SentenceContext) -> bool:
    """Is the name before a title a person? An honorific or a title before it, or a
    Vietnamese surname opening it, and no place cue ("tại", "tỉnh") before it."""
    before = context.before(start)
    if _PLACE_BEFORE.search(before):
        return False
    if _HONORIFIC_BEFORE.search(before):
        return True
    title = re.search(rf"(?P<t>{TITLE_ANY})\s+$", before[-60:])
    if title and not _UNIT.fullmatch(" ".join(title.group("t").split())):
        return True  # a title before the name, but not a unit's head: "Phó khoa Tai Mũi Họng, ..." names the unit
    return bool(re.match(rf"{SURNAME}\s", found + " "))


@rule("role.name_title", ClaimKind.role,
      rf"{LEFT}(?P<name>{PERSON_NAME})(?:\s*\([^()]{{1,40}}\))?(?P<age>\s*[,(]\s*\d{{1,3}}\s+(?:{alternation(_T['age_words'])})(?=\s*,))?"
      rf"(?P<sep>\s*,\s*|\s*[-–]\s+|\s*\(\s*)(?:{_ARTICLE}\s+)?(?={TITLE_ANY}{RIGHT})", flags=0,
      needs=rf"{UPPER}[^\W\d_]*(?:-[^\W\d_]+)*(?:\s*\([^()]{{1,40}}\))?\s*[,(\-–]")  # a name's last word, then the separator
def name_title(match: re.Match, context: SentenceContext) -> list[ClaimDraft] | None:
    """A name, then ", ", " - " or "(" and a title with its organization: "ông Lê Duy Minh, Cục trưởng Cục Thuế TPHCM", "Tim Cook - CEO Apple", "ông Lê Văn Bình, đại diện hệ thống X, cho biết", "Phạm Doãn Sơn (Tổng Giám đốc)".

    Value: person, title (with its domain), organization (the words after the title up to
    a verb-like word or the clause end, continued past a comma only when another
    organization head follows: "Vụ ..., Bộ Ngoại giao Nhật Bản") and title_class. Further
    titles after a comma are claims of their own, spanning the title phrase alone, with
    the same person ("ông La Ngọc Dương, Bí thư Đảng ủy, Chủ tịch UBND xã Húc Động"). The
    claim starts at the name, without the honorific.

    Why: this is how Vietnamese news introduces the officials and experts it quotes; the
    title and organization are checkable.

    Not: a name without an honorific, a title or a Vietnamese surname before a comma
    (" - " and an office will do: "Tim Cook - CEO Apple"), a place after "tại" or "tỉnh",
    and a name that is a country, an acronym or a body.
    """
    named = _name_before(match, context)
    if named is None:
        return None
    found, start = named
    if _LIST_OPENING.search(context.text, _sentence_start(context.text, start), start):
        return None  # "nhiều vị trí như Thư ký của Thủ tướng Lý Hiển Long, Bộ trưởng Bộ Giáo dục": the next office listed
    title = TITLE_START.match(context.text, match.end())
    described = re.search(rf"{_ARTICLE}\s+$", context.text[: match.end()])
    lead = context.before(start)
    function = _FUNCTION_BEFORE.search(lead)  # "Theo Michael Dunne, CEO ..."
    clause_start = _CLAUSE_START.search(lead[: function.start()] if function else lead)
    opens_aside = bool(clause_start) and len(found.split()) >= 2 and _closed(context.text, title.end(), loose=True)
    if described and not _closed(context.text, title.end()) and not opens_aside:
        return None  # "của anh Dương, một doanh nhân tại TP Buôn Ma Thuột đã cho anh ở nhờ": a new subject;
        # but "Siddharth Sinha, một nhân viên của công ty X có trụ sở tại Y, cho hay" opens the sentence
    if not _evidence(found, start, context) and not described:
        # ", một sĩ quan cảnh sát Bali,": the closed aside says the name before is a person described;
        # so does a title closed by a comma after a name of two words or more at a clause start
        # ("Brad Parscale, cố vấn cấp cao cho chiến dịch ..., tuyên bố"; "Garry Neville, cựu cầu thủ
        # bóng đá Anh ..., nhận định")
        office = title_class(title.group("title")) == "office"
        if _QUOTE_BEFORE.search(lead):
            return _title_chain(context, title, found, start)  # "“...”, Ken Martin, chủ tịch Đảng ... nhận định": the speaker
        aside = clause_start and _closed(context.text, title.end(), loose=True)
        if len(found.split()) < 2 or (("," in match.group("sep") or not office) and not aside):
            return None  # "Công ty Đô thị Hòa Phát, Giám đốc ...": a body's tail, no person
    # "Anh Trần Hữu Hùng, 40 tuổi, tài xế xe container", "(40 tuổi, tài xế ...)": the age stands between,
    # the claim is the title phrase
    return _title_chain(context, title, found, title.start() if match.group("age") else start)


@rule("role.name_is_title", ClaimKind.role,
      rf"{LEFT}(?P<name>{PERSON_NAME}){_ASIDE}?(?:\s*,\s*|\s+)(?:{_ADVERB}\s+)?(?:{_LINKER})\s+(?={TITLE_ANY}{RIGHT})", flags=0,
      needs=rf"[^\W_)][\s,]+(?:{_ADVERB}\s+)?(?:{_LINKER})\s")  # a word or ")", then the linking word
def name_is_title(match: re.Match, context: SentenceContext) -> list[ClaimDraft] | None:
    """A name, a linking word, then a title: "Kiatisuk còn là cầu thủ", "Agnelli đã từ chức Chủ tịch Juventus", "ông Dương đồng thời là Chủ tịch kiêm Tổng Giám đốc ...".

    Value: person, title, organization and title_class as for ``role.name_title``; the
    claim runs from the name to the end of the title phrase. Linking words:
    data/titles.yaml (linkers), with "đã", "sẽ", "cũng" before them.

    Why: news states offices taken, held and left this way ("từ chức", "được bổ nhiệm
    làm"); each is a checkable fact.

    Not: a name that is a country, an acronym or a body ("Việt Nam là thành viên ..."), a
    place after "tại", and a pronoun ("ông này từng là Giám đốc").
    """
    named = _name_before(match, context)
    if named is None:
        return None
    found, start = named
    if _PLACE_BEFORE.search(context.before(start)):
        return None
    title = TITLE_START.match(context.text, match.end())
    lead = context.before(start)
    honorific = _HONORIFIC_BEFORE.search(lead)
    if _SUCCEEDED.search(lead[: honorific.start()] if honorific else lead):
        holder = _subject(context, start, start)  # "Ông Miguel Diaz kế nhiệm ông Raul Castro trở thành Bí thư": Diaz's office
        if holder is None:
            return None
        return _title_chain(context, title, holder, title.start())
    return _title_chain(context, title, found, title.start() if match.group("aside") else start)


_CUE = alternation(_T["office_cues"])
_OPENER = alternation(_T["list_openers"])
_SHIFT = re.compile(rf"(?<![\w])(?i:{alternation(_T['subject_shifts'])})(?![\w])")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)]*\s+(?=[^\W\d_])")
_NAMED = re.compile(rf"(?<![\w])(?:{HONORIFIC})\s+(?={UPPER})")
_NAMED_AFTER = re.compile(rf"[^,.;:!?()]{{0,80}}?,\s*(?:{HONORIFIC})\s+(?={UPPER})")
_LIST_OPENING = re.compile(rf"{LEFT}(?i:(?:{alternation(_T['plural_words'])})\s+(?:{_CUE})|(?:{_CUE})(?:\s+[^\W\d_]+){{0,6}}?\s+(?:{_OPENER}))\s")
# "A kế nhiệm ông B trở thành ...": the name after these is the predecessor, not the holder.
_SUCCEEDED = re.compile(rf"(?<![\w])(?i:{alternation(_T['successor_words'])})\s+(?:(?:{HONORIFIC})\s+)?$")
_SUBJECT_REACH = 200  # characters between the person's name and the office cue
_JOINED_BEFORE = re.compile(rf"(?<![\w])(?P<title>(?:{TITLE_ANY})(?:\s+(?:{DOMAIN}))?)\s+(?:{alternation(_T['title_joiners'])})\s+$")
_JOINED_AFTER = re.compile(rf"\s+(?:{alternation(_T['title_joiners'])})\s")
_INNER_SURNAME = re.compile(rf"(?P<org>{CAPITALIZED}(?: {CAPITALIZED}){{0,2}}?) (?={SURNAME} {UPPER})")
_CHAIN_TITLES = 3  # titles listed before a name, at most, after the first
_CLAIM_REACH = 2 * _ORG_CHARS  # longer than any role claim
_SENTENCE_REACH = 400  # how far back a sentence start is looked for (a line without NLP may be long)


def _claims_near(context: SentenceContext, start: int, end: int) -> list[ClaimDraft]:
    """The role claims of the sentence that may overlap ``start``-``end`` (a role claim is at
    most a few hundred characters), found by bisection: a long sentence with many cues costs
    linear time, not the square of its claims."""
    starts = getattr(context, "_role_starts", None)
    if starts is None or len(starts) != len(context.claims):
        starts = [c.start for c in context.claims]
        context._role_starts = starts
    low = bisect_left(starts, start - _CLAIM_REACH)
    high = bisect_right(starts, end)
    return context.claims[low:high]


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts (a line read without NLP may hold several)."""
    start = max(0, position - _SENTENCE_REACH)
    for found in _SENTENCE_BREAK.finditer(text, start, position):
        start = found.end()
    return start


def _named_person(text: str, start: int) -> tuple[str, int] | None:
    end = scan_name(text, start)
    found = person(text[start:end]) if end else None
    return (found, end) if found else None


def _another_person(text: str, start: int, end: int) -> bool:
    """Does a name that may be a person's stand between ``start`` and ``end`` ("Woodward là Phó chủ
    tịch Man Utd ... khi David Gill rời khỏi vị trí ...": Gill's office, not the club's)?"""
    for run in re.finditer(rf"(?<![\w])({CAPITALIZED}(?: {CAPITALIZED})+)", text[start:end]):
        at = start + run.start()
        if ORG_START.search(text[max(start, at - 25) : at]) or not person(run.group(1)):
            continue  # the tail of a body ("Tập đoàn Hòa Phát"), a country, a place
        return True
    return False


def _subject(context: SentenceContext, cue: int, chain_end: int) -> str | None:
    """The person a title after an office cue belongs to: the last name in the sentence before
    the cue (an honorific and a name, or the person of a role claim), with no word between that
    hands the office to someone else ("bổ nhiệm", "cho biết"); else a name with an honorific
    right after the clause ("Bên cạnh vai trò CEO tập đoàn, ông Thắng ...")."""
    text = context.text
    start = _sentence_start(text, cue)
    candidates = [(named[1], named[0]) for found in _NAMED.finditer(text, start, cue)
                  if (named := _named_person(text, found.end())) and named[1] <= cue and not _SUCCEEDED.search(text, start, found.start())]
    candidates += [(c.end, c.value.person) for c in _claims_near(context, start, cue) if start <= c.start and c.end <= cue and c.value.person
                   and not _SUCCEEDED.search(text, start, c.start)]
    if candidates:
        end, found = max(candidates)
        between = text[end:cue]
        if len(between) > _SUBJECT_REACH or _SHIFT.search(between) or _another_person(text, end, cue):
            return None
        return found
    after = _NAMED_AFTER.match(text, chain_end)
    named = _named_person(text, after.end()) if after else None
    return named[0] if named else None


@rule("role.office_of_subject", ClaimKind.role,
      rf"{LEFT}(?P<cue>{_CUE})(?P<list>(?:\s+(?!{TITLE_ANY}{RIGHT})[^\W\d_]+){{0,6}}?\s+{_OPENER}|\s*:)?\s+(?={TITLE_ANY}{RIGHT})",
      flags=re.IGNORECASE, requires={ClaimKind.role}, needs_words=_T["office_cues"])
def office_of_subject(match: re.Match, context: SentenceContext) -> list[ClaimDraft] | None:
    """A title after a word naming an office, of the sentence's named person: "ông X - ... - giữ chức vụ Tổng Giám đốc", "Ông Thắng có 18 năm kinh nghiệm với các vị trí Thành viên HĐQT, Phó Tổng giám đốc ...", "Bên cạnh vai trò CEO tập đoàn, ông Thắng ...".

    Value: person (the last name in the sentence before the cue, given with an honorific or
    by a role claim; else the name with an honorific right after the cue's clause), title,
    organization and title_class as for ``role.name_title``. The claim is the title phrase
    alone; after a list opener ("nhiều vị trí quan trọng như ...", "các vị trí ...") each
    title of the list is a claim, after commas, "rồi" or "và". Cues: data/titles.yaml
    (office_cues, list_openers).

    Why: careers are told this way ("trải qua nhiều vị trí như ..."), and offices held,
    left or lost ("thôi chức", "mất chức") are checkable facts about a named person.

    Not: a sentence without a named person ("Ông từng đảm nhiệm nhiều chức vụ như ...": the
    pronoun's antecedent is in another sentence), an office handed by the subject to someone
    else ("ông A ký quyết định bổ nhiệm giữ chức ..."), and titles another rule already claims.
    """
    text = context.text
    title = TITLE_START.match(text, match.end())
    if title is None or any(c.start <= title.start() < c.end for c in _claims_near(context, title.start(), title.end())):
        return None
    listing = bool(match.group("list")) or bool(_PLURAL.search(context.before(match.start())))  # "các vị trí A, B"
    drafts = _title_chain(context, title, "", title.start(), listing=listing)
    if not drafts:
        return None
    found = _subject(context, match.start(), drafts[-1].end)
    if found is None:
        return None
    kept = []
    for draft in drafts:
        if any(c.start < draft.end and draft.start < c.end for c in _claims_near(context, draft.start, draft.end)):
            break
        draft.value.person = found
        kept.append(draft)
    return kept or None


RULES = [title_name, name_title, name_is_title, office_of_subject]
