"""``role``: a person holds a title: "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi".

Corpus: ``corpus/role.yaml``; titles and their classes: ``data/titles.yaml``. Three shapes:
the title before the name (an organization may stand between: "Thứ trưởng Bộ Y tế Trần
Văn Thuấn", "Phó Chủ tịch WB Nguyễn Văn A"), the name before the title (", ", " - " or
"(": "ông Lê Duy Minh, Cục trưởng Cục Thuế TPHCM", "Tim Cook - CEO Apple"), and the name
linked to the title by "là", "từ chức", "giữ chức" ... ("Agnelli đã từ chức Chủ tịch
Juventus"). A title written after a name may be followed by more titles of the same person
(", Bí thư Đảng ủy, Chủ tịch UBND xã"): each is a claim of its own.

Person spans follow ``names.py``: capitalized syllables, stopping before a title, an
organization head or an acronym; an acronym or a word that opens a unit is never a person.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import LEFT, NAME, RIGHT, SPACE_CAPITAL, UPPER, alternation, load
from factcheck.extract.names import (
    ACRONYM, COUNTRY, PLACE, DOMAIN, HONORIFIC, ORG_START, SURNAME, TITLE_ANY, TITLE_PHRASE, person, scan_name, title_class,
)

_T = load("titles")
_ORG_STOP = set(_T["organization_ends"])
_ORG_CHARS = 400  # an organization is at most 20 words (see ``_organization``)
_PLURAL = re.compile(rf"(?i:{alternation(_T['plural_words'])})\s+$")
_JOINER = alternation(_T["name_joiners"])
_LINKER = alternation(_T["linkers"])
_ADVERB = alternation(_T["linker_adverbs"])
_KNOWN_ORG = alternation(_T["organizations"])
_ACRONYM = rf"{ACRONYM}(?![\w-])"
_SEPARATOR = re.compile(rf"(?:\s*,\s*|\s+[-–]\s+)(?:(?P<hon>{HONORIFIC})\s+)?(?=[^\W\d_])")
# Between a title and a name: an acronym, a known company, or "của" and a capitalized body,
# each only when a name (after " - " and an honorific, for "của") follows.
_SHORT_ORG = re.compile(rf"\s+(?P<org>{_ACRONYM}|{_KNOWN_ORG}(?![\w]))")
_COUNTRY_ORG = re.compile(rf"\s+(?P<org>{COUNTRY})(?=\s)")
_DOMAIN_AFTER = re.compile(rf"\s+(?P<domain>(?={UPPER})(?i:{DOMAIN}))(?![\w])")
_PLACE_BEFORE = re.compile(rf"(?i:{alternation(load('places')['city_cues'] + load('places')['admin_types'])})\s+$")
_HONORIFIC_WORD = re.compile(rf"(?i:{alternation(_T['honorifics'] + _T['honorifics_lowercase'])})\s")
_ARTICLE = alternation(_T["articles"])
# Between a name and its linking word, what news says of the person in passing: the age
# (", 44 tuổi,"), a parenthesis ("(51 tuổi)", "(Sinh năm 1972)"), the birth ("sinh năm 1970 tại
# Hà Nội,"). The title then is a claim of its own span.
_ASIDE = (rf"(?P<aside>\s*,\s*\d{{1,3}}\s+(?:{alternation(_T['age_words'])})\s*,|\s*\([^()]{{1,40}}\)\s*,?"
          rf"|\s+(?:{alternation(_T['birth_words'])})\s+[\d/]{{4,10}}(?:\s+[^\W\d_][^,.;:!?()]{{0,40}})?\s*,)")
_ASIDE_WORDS = set(_T["aside_words"])
_ARTICLE_BEFORE = re.compile(rf"(?<![\w])(?i:{_ARTICLE})\s+$")
_ORG_LINK = re.compile(rf"\s+(?:{alternation(_T['organization_links'])})\s+(?={UPPER})")
_HONORIFIC_BEFORE = re.compile(rf"(?:{HONORIFIC})\s+$")
# Titles named by a portfolio or unit ("Bộ trưởng Phát triển Xã hội", "Trưởng khoa Tim mạch"):
# one capitalized syllable and a lower-case word after them open the portfolio, not a name.
_PORTFOLIO = re.compile(rf"(?i:(?:{alternation(_T['modifiers'])}\s+)*{alternation(_T['portfolio_titles'])})")
_PORTFOLIO_WORD = re.compile(
    rf"\s{UPPER}[^\W\d_]*\s+(?!{UPPER})[^\W\d_]+(?:\s+(?:{_JOINER}\s+)?{UPPER}|\s*,\s*(?:{ORG_START.pattern}))"
)  # one capitalized syllable and a lower-case one, then title case goes on: "Phát triển Xã hội", "Tim mạch, Bệnh viện"
_ORG_HEAD_BEFORE = re.compile(rf"(?:{ORG_START.pattern})\s+$")


def _title_value(match: re.Match, domain: str | None = None) -> tuple[str, str | None]:
    """The title as written (with its domain, without "tân"/"cố") and its class."""
    title = " ".join(match.group("title").split()).strip("\"“”")
    return (f"{title} {domain}" if domain else title), title_class(title)


def _org_then_name(text: str, position: int, head: bool = True) -> tuple[str, int, int] | None:
    """After a title, a body written out ("Bộ Y tế", "UBND tỉnh Bạc Liêu") and then a
    Vietnamese name (a surname opens it) or " - " / ", " with an honorific and a name:
    (organization, where the name starts, where the organization ends). With ``head``
    false, the body needs no head word: the unit of a portfolio title ("Trưởng khoa Hồi sức
    tích cực Nguyễn Văn A")."""
    if head and not ORG_START.match(text, position):
        return None
    if not head and (not re.match(UPPER, text[position:]) or TITLE_START.match(text, position)):
        return None  # "Thư ký của Thủ tướng Lý Hiển Long": a title, not a body, after "của"
    words = list(re.finditer(r"\S+", text[position : position + 200]))
    for index, word in enumerate(words[1:16], start=1):
        start = position + word.start()
        previous_end = position + words[index - 1].end()
        if re.search(r"[,.;:!?()“”\"]", words[index - 1].group(0)[-1:]):
            return None  # a body runs to the name within its clause
        if not head and (word.group(0) in _ORG_STOP or TITLE_START.match(text, start)):
            return None  # "Bộ trưởng Hùng và Thứ trưởng Nguyễn Văn A": no unit runs past a verb or a title
        separator = _SEPARATOR.match(text, previous_end)
        if separator and separator.group("hon") and "," not in separator.group(0):
            return text[position:previous_end].strip(" ,"), separator.end(), previous_end
        if re.match(rf"{SURNAME}\s+{UPPER}", text[start:]) and scan_name(text, start):
            run = re.match(NAME, text[start:])
            if run and len(run.group(0).split()) <= 4:
                return text[position:previous_end].strip(" ,"), start, previous_end
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
    text = context.text
    before = context.before(match.start())
    if _ARTICLE_BEFORE.search(before):
        return None  # "một sĩ quan cảnh sát Bali": a description, no title of a named person
    if match.group("title")[0].islower() and _ORG_HEAD_BEFORE.search(before):
        return None  # "Trường sĩ quan Pháo binh", "Hội nhà báo": the title word names the body
    position = match.end()
    domain_match = _DOMAIN_AFTER.match(text, position)
    domain = domain_match.group("domain") if domain_match else None
    if domain_match:
        position = domain_match.end()
    if PLACE.match(text, position + 1):
        return None  # "Chủ tịch Lào Cai": a province, not "Lào" and a person
    portfolio = _PORTFOLIO.fullmatch(" ".join(match.group("title").split()))
    if portfolio and not re.match(rf"\s{SURNAME}\s+{UPPER}", text[position:]):
        unit = _org_then_name(text, position + 1, head=False)
        if unit:
            return _title_claims(match, context, domain, unit[0], unit[1])
        if _PORTFOLIO_WORD.match(text, position):
            return None  # "Bộ trưởng Phát triển Xã hội", "Trưởng khoa Tim mạch - Lồng ngực": the portfolio, no person
    org = None
    for pattern in (_COUNTRY_ORG, _SHORT_ORG):
        found = pattern.match(text, position)
        if found and text[found.end() : found.end() + 1] == " " and scan_name(text, found.end() + 1):
            org, position = found.group("org"), found.end()
            break
    name_start = None
    link = _ORG_LINK.match(text, position)
    if org is None and link:
        written = _org_then_name(text, link.end(), head=False)  # "Tân CEO của Hòa Phát - ông Nguyễn Việt Thắng"
        if written:
            org, name_start, _ = written
    if org is None and name_start is None:
        written = _org_then_name(text, position + _spaces(text, position))
        if written:
            org, name_start, _ = written
    if name_start is None:
        separator = _SEPARATOR.match(text, position)
        if separator and separator.group("hon") and "," not in separator.group(0):
            name_start = separator.end()  # "Tân CEO của Hòa Phát - ông Nguyễn Việt Thắng"
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
    if end is None or (text[end : end + 2].startswith(" (") and not re.match(rf"{SURNAME}\s", text[name_start:])):
        return None  # "Tokyo (Nhật Bản)": a place and its region; "Phạm Doãn Sơn (Tổng Giám đốc)" is a person
    found = person(text[name_start:end])
    if found is None:
        return None
    title, klass = _title_value(match, domain)
    value = Value(person=found, title=title, organization=org, title_class=klass)
    drafts = [ClaimDraft(kind=ClaimKind.role, start=match.start(), end=name_start + len(found), value=value, rule="")]
    if _PLURAL.search(context.before(match.start())):
        while other := re.match(rf"\s*,\s*|\s+{_JOINER}\s+", text[end : end + 12]):
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
    link = _ORG_LINK.match(" " + rest)
    if link:
        org_start = link.end() - 1  # "Bí thư Thứ nhất của Đảng Cộng sản Cuba": the body without "của"
        index = 1
    while index < len(words) and index < 20:
        word = words[index].group(0)
        if word in ("-", "–") and re.match(rf"\s*(?:{HONORIFIC})\s", rest[words[index].end():]):
            break  # "..., Phó Chủ tịch UBND tỉnh - bà Cao Xuân Thu Vân": the title's own person
        if word == ",":
            if not ORG_START.match(rest, words[index].end() + _spaces(rest, words[index].end())):
                break
        elif word.lower() in _ORG_STOP and not word[0].isupper():
            break
        elif index and (TITLE_START.match(rest, words[index].start()) or _person_starts(rest, words[index].start())):
            break  # "Bí thư Đảng ủy kiêm Chủ tịch ...": the next title
        else:
            taken_end = words[index].end()
        index += 1
    taken_end = len(rest[:taken_end].rstrip(" ,-–"))  # "ông A - Giáo sư tại Đại học X - cho hay": the closing dash is no part
    org = rest[org_start:taken_end].strip(" ,")
    if not any(word[0].isupper() for word in org.split()) and not ORG_START.match(org):
        return None, 0  # "cầu thủ xuất sắc": lower-case words only, no body
    return (org or None), taken_end


TITLE_START = re.compile(TITLE_PHRASE)


def _title_chain(context: SentenceContext, title: re.Match, found: str, claim_start: int) -> list[ClaimDraft]:
    """The claim for a title written after the name, and one for each further title phrase
    of the same person after a comma."""
    text = context.text
    drafts = []
    while True:
        own = title_name.pattern.match(text, title.start())
        if own and title_name.production(own, context):
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
        following = re.compile(rf"\s*,\s*(?={TITLE_ANY})").match(text, end)
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
        if not (re.match(rf"{ACRONYM}(?![\w])", text[start:]) or TITLE_START.match(text, start)):
            return None  # "Thanh Hóa, Giám đốc ...": a place, and "Hóa" is no name either
        space = text.find(" ", start, match.end("name"))
        if space < 0:
            return None
        start = space + 1
    return None


def _closed(text: str, position: int) -> bool:
    """Does the phrase from ``position`` end as an aside, at a comma, a dash or ")", with no
    word on the way that opens a clause ("X, một doanh nhân tại Y đã cho anh ...": a new
    subject, not an aside)? Words that lead to a body or a field ("tại", "của", "về") may stand."""
    phrase = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text[position : position + _ORG_CHARS])  # "(Mỹ)" stands in it
    end = re.search(r"[,;.!?()–]|\s-\s", phrase)
    if end is None or end.group(0).strip() not in (",", ")", "–", "-"):
        return False
    words = re.findall(r"[^\W\d_]+", phrase[: end.start()])
    return not any(w in _ORG_STOP and not _ORG_LINK.match(f" {w} A") and w not in _ASIDE_WORDS for w in words)


def _evidence(found: str, start: int, context: SentenceContext) -> bool:
    """Is the name before a title a person? An honorific or a title before it, or a
    Vietnamese surname opening it, and no place cue ("tại", "tỉnh") before it."""
    before = context.before(start)
    if _PLACE_BEFORE.search(before):
        return False
    if _HONORIFIC_BEFORE.search(before) or re.search(rf"{TITLE_ANY}\s+$", before[-60:]):
        return True
    return bool(re.match(rf"{SURNAME}\s", found + " "))


@rule("role.name_title", ClaimKind.role, rf"{LEFT}(?P<name>{NAME})(?:\s*\([^()]{{1,40}}\))?(?P<sep>\s*,\s*|\s+[-–]\s+|\s*\(\s*)(?:{_ARTICLE}\s+)?(?={TITLE_ANY}{RIGHT})", flags=0,
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
    title = TITLE_START.match(context.text, match.end())
    described = re.search(rf"{_ARTICLE}\s+$", context.text[: match.end()])
    if described and not _closed(context.text, title.end()):
        return None  # "của anh Dương, một doanh nhân tại TP Buôn Ma Thuột đã cho anh ở nhờ": a new subject
    if not _evidence(found, start, context) and not described:
        # ", một sĩ quan cảnh sát Bali,": the closed aside says the name before is a person described
        if "," in match.group("sep") or title_class(title.group("title")) != "office" or len(found.split()) < 2:
            return None
    return _title_chain(context, title, found, start)


@rule("role.name_is_title", ClaimKind.role,
      rf"{LEFT}(?P<name>{NAME}){_ASIDE}?(?:\s*,\s*|\s+)(?:{_ADVERB}\s+)?(?:{_LINKER})\s+(?={TITLE_ANY}{RIGHT})", flags=0,
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
    return _title_chain(context, title, found, title.start() if match.group("aside") else start)


RULES = [title_name, name_title, name_is_title]
