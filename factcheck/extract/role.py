"""``role``: a person holds a title: "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi".

Corpus: ``corpus/role.yaml``. Two shapes: the title before the name, and the name, a comma,
then the title and organization (an appositive).
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import LEFT, NAME, RIGHT, SPACE_CAPITAL, load
from factcheck.extract.names import COUNTRY, DOMAIN, HONORIFIC, ORG_HEAD, TITLE, person, title_of

_ORG_STOP = set(load("titles")["organization_ends"])
# An organization is at most 20 words (see ``_organization``); this many characters hold them.
_ORG_CHARS = 400


@rule(
    "role.title_name",
    ClaimKind.role,
    rf"{LEFT}(?P<title>(?i:{TITLE}))(?:\s+(?P<domain>{DOMAIN}))?(?:\s+(?P<org>{COUNTRY}))?\s+(?P<name>{NAME}){RIGHT}(?!\s*\()",
    flags=0,
    needs=SPACE_CAPITAL,
)
def title_name(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """A title, optionally its domain and country, then a name: "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi", "HLV Kiatisak".

    Value: person (the name), title (with its domain: "Bộ trưởng Quốc phòng") and
    organization (the country, when one stands between title and name).

    Why: who holds which office is the commonest fact in political news, and titles go
    stale: a former minister is still called "Bộ trưởng".

    Not: a lower-case title with neither domain nor country ("hai bộ trưởng Hàn Quốc"), an
    organization after the title ("Giám đốc Bệnh viện ..."), a name that is a country or
    ministry word, and a name followed by "(" (a place with its region).
    """
    if not match.group("title")[0].isupper() and not match.group("domain") and not match.group("org"):
        return None  # "hai bộ trưởng Hàn Quốc": lower case title needs a full name
    name = match.group("name")
    if re.match(rf"{ORG_HEAD}\b", name + context.text[match.end() : match.end() + 12]):
        return None  # "Giám đốc Bệnh viện ...": an organization, not a person
    # A name never swallows a following title ("Koizumi Bộ trưởng ...").
    found = person(re.split(rf"\s+(?={TITLE}\b)", name)[0])
    if found is None:
        return None
    value = Value(person=found, title=title_of(match), organization=match.group("org"))
    end = match.start("name") + len(found)
    return ClaimDraft(kind=ClaimKind.role, start=match.start(), end=end, value=value, rule="")


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
            if not re.match(rf"\s*{ORG_HEAD}\b", rest[words[index].end():]):
                break
        elif word.lower() in _ORG_STOP and not word[0].isupper():
            break
        else:
            taken_end = words[index].end()
        index += 1
    org = rest[:taken_end].strip(" ,")
    return (org or None), taken_end


@rule("role.name_comma_title", ClaimKind.role, rf"{LEFT}{HONORIFIC}\s+(?P<name>{NAME})\s*,\s*(?P<title>{TITLE})(?:\s+(?P<domain>{DOMAIN}))?", flags=0,
      needs=SPACE_CAPITAL)
def name_comma_title(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """An honorific, a name, a comma, then the title and organization: "ông Lê Duy Minh, Cục trưởng Cục Thuế TPHCM".

    Value: person, title (with its domain) and organization: the words after the title up
    to a verb-like word or the clause end, continued past a comma only when another
    organization head follows ("Vụ ..., Bộ Ngoại giao Nhật Bản"). The claim starts at the
    name, without the honorific.

    Why: this is how Vietnamese news introduces officials and experts it quotes; the title
    and organization are checkable.

    Not: without an honorific ("ông", "bà", lower-case "anh", "chị", "cô") before the name,
    and when the name is a country or ministry word.
    """
    found = person(match.group("name"))
    if found is None:
        return None
    org, length = _organization(context.text[match.end() : match.end() + _ORG_CHARS])
    end = match.end() + length if org else match.end()
    value = Value(person=found, title=title_of(match), organization=org)
    return ClaimDraft(kind=ClaimKind.role, start=match.start("name"), end=end, value=value, rule="")


RULES = [title_name, name_comma_title]
