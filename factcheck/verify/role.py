"""Role claims: does the person hold the stated title (in the stated organization) on the
article date? A title held only at another time is ``contradicted`` with the note "outdated";
another rung of the ladder the person is on (``verify/ladders.py``), in the stated body when
one is stated, is contradicted; a title of another kind is unverifiable, since people hold
several at once. A tenure of no body named ("HLV" with no team) decides only claims that name
no body either. A one-word name is the full name its article states (``people.py``).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from factcheck.facts.index import FactIndex, Link, TenureRow
from factcheck.facts.schema import EntityType
from factcheck.model.claims import Claim, ClaimKind, Evidence, Verdict
from factcheck.text.normalize import match_key
from factcheck.text.spelling import romanization_variant
from factcheck.verify import words
from factcheck.verify.common import PLACE_TYPES, Article, result, unverifiable
from factcheck.verify.ladders import ladder
from factcheck.verify.registry import verifies

TITLE_MIN_SCORE = 90.0


@verifies(ClaimKind.role)
def verify_role(claim: Claim, article: Article) -> Claim:
    """A one-word name is checked as the full name its article states ("Putin": "Vladimir
    Putin", ``people.py``), and the reason says so; with none, as written."""
    name = article.full_name(claim.value.person)
    checked = _verify(claim, article, name or "")
    if name == claim.value.person:
        return checked
    return checked.model_copy(update={"reason": f"{claim.value.person!r} is {name}, as this article names him or her; {checked.reason}"})


def _verify(claim: Claim, article: Article, name: str) -> Claim:
    index, day, value = article.index, article.day, claim.value
    link = article.link(name, (EntityType.person,))
    other_holder = _office_holder(claim, article, link)
    if other_holder is not None:
        return other_holder
    if link is None:
        return unverifiable(claim, f"no person named {name!r} in the fact base")
    if link.ambiguous:
        names = ", ".join(index.name(e) for e in link.entity_ids)
        return result(claim, Verdict.ambiguous, f"{name!r} could be {names}",
                      [Evidence(fact_id=e, alias=link.alias, score=link.score) for e in link.entity_ids])
    person = link.entity_ids[0]
    entity = index.entities[person]
    base_evidence = Evidence(fact_id=person, source=index.source_text(entity.sources), alias=link.alias, score=link.score)
    if link.score < 100 and not romanization_variant(match_key(name), match_key(link.alias)):
        base_evidence.expected = {"person": entity.name}
        return result(claim, Verdict.contradicted,
                      f"name written {name!r}; the fact base knows {entity.name!r} (aliases: {', '.join(entity.aliases) or 'none'})",
                      [base_evidence])
    tenures = index.tenures.get(person, [])
    if not tenures:
        return unverifiable(claim, f"no titles of {entity.name} in the fact base")
    if day is None:
        return unverifiable(claim, "the article has no date, so the title cannot be checked against a tenure")
    if value.organization:  # a tenure of no body named says nothing of the body stated
        tenures = [t for t in tenures if t.organization is not None]
    org_link = article.link(value.organization, PLACE_TYPES) if value.organization else None
    current = [t for t in tenures if t.covers(day)]
    matching = [t for t in tenures if title_matches(value.title or "", t) or _portfolio_of(value.title or "", t, index)]
    if org_link and not org_link.ambiguous:
        matching = [t for t in matching if _of_body(index, t, org_link)]
    for tenure in matching:
        if tenure.covers(day):
            evidence = Evidence(fact_id=tenure.id, source=index.source_text(tenure.sources), alias=link.alias, score=link.score,
                                expected={"title": tenure.title, "organization": _organization(index, tenure)})
            return result(claim, Verdict.supported, f"{entity.name} is {_held(index, tenure)} since {tenure.start}", [evidence])
    if matching:
        tenure = matching[0]
        held = f"{tenure.start} to {tenure.end or 'now'}"
        now = "; at that date: " + ", ".join(t.title for t in current) if current else ""
        evidence = Evidence(fact_id=tenure.id, source=index.source_text(tenure.sources), alias=link.alias, score=link.score,
                            expected={"title": current[0].title if current else None, "held": held}, note="outdated")
        return result(claim, Verdict.contradicted, f"outdated: {entity.name} was {tenure.title} from {held}{now}", [evidence])
    # One rung of one ladder at a time: a minister of defence is not also minister of foreign
    # affairs. A stated body must be the tenure's (a vice-chair of a group may chair its
    # subsidiary); a tenure of no body named is a rival only of the same title words.
    stated = ladder(value.title or "")
    rival = [t for t in current if ladder(t.title)[0] == stated[0]
             and (t.organization is not None or ladder(t.title)[2] == stated[2])
             and (not value.organization or (org_link is not None and not org_link.ambiguous and _of_body(index, t, org_link)))
             and not (title_matches(value.title or "", t) or _portfolio_of(value.title or "", t, index))]  # the same title elsewhere: cannot tell
    if rival:
        tenure = rival[0]
        evidence = Evidence(fact_id=tenure.id, source=index.source_text(tenure.sources), alias=link.alias, score=link.score,
                            expected={"title": tenure.title, "organization": _organization(index, tenure)})
        return result(claim, Verdict.contradicted, f"{entity.name} is {_held(index, tenure)} on {day}, not {value.title!r}", [evidence])
    if current:  # another kind of title: people hold several at once (party secretary and council chair)
        held = ", ".join(_held(index, t) for t in current)
        return unverifiable(claim, f"{entity.name} is known as {held} on {day}; the fact base does not say whether also {value.title!r}")
    return unverifiable(claim, f"no title of {entity.name} known on {day}")


def _organization(index: FactIndex, tenure: TenureRow) -> str | None:
    return index.name(tenure.organization) if tenure.organization else None


def _held(index: FactIndex, tenure: TenureRow) -> str:
    """"Bộ trưởng (Bộ Y tế)"; the title alone for a tenure of no body named."""
    return f"{tenure.title} ({index.name(tenure.organization)})" if tenure.organization else tenure.title


def _office_holder(claim: Claim, article: Article, link: Link | None) -> Claim | None:
    """A title one person holds at a time (``exclusive: true``) in a stated organization has
    one holder on the article date: naming anyone else is contradicted with the holder as
    evidence, even when that person is not in the fact base ("Thủ tướng Nhật Bản Shigeru
    Ishiba" in 2026). Only the exact title counts ("Bộ trưởng" alone names no portfolio), and
    a past title ("cựu Thủ tướng") is left to the person's own tenures."""
    index, day, value = article.index, article.day, claim.value
    if day is None or not value.title or not value.organization or not value.person:
        return None
    organization = article.link(value.organization, PLACE_TYPES)
    if organization is None or organization.ambiguous:
        return None
    holders = [t for t in index.offices.get(organization.entity_ids[0], ()) if t.covers(day) and title_matches(value.title, t, heads=False)]
    if not holders or _former(claim):
        return None
    if link is not None and (link.score < 100 or any(t.person in link.entity_ids for t in holders)):
        return None  # the holder, or a misspelling of a known name: the person's own check says which
    holder = holders[0]
    name = index.name(holder.person)
    evidence = Evidence(fact_id=holder.id, source=index.source_text(holder.sources),
                        expected={"person": name, "title": holder.title, "since": str(holder.start)})
    return result(claim, Verdict.contradicted,
                  f"the {holder.title} of {index.name(holder.organization)} on {day} is {name} (since {holder.start}), not {value.person}", [evidence])


@lru_cache(maxsize=None)
def _word_keys(list_name: str) -> tuple[str, ...]:
    """Match keys of a list of ``verify/data/role_words.yaml`` ("former", "joiners")."""
    return tuple(match_key(word) for word in words.load("role_words")[list_name])


def _former(claim: Claim) -> bool:
    """The title, the claim, or the words just before it say the title is a past one. When
    the claim's text occurs several times in its sentence, any occurrence so marked counts:
    better no check than a check of the wrong occurrence."""
    sentence, text = claim.sentence, claim.text
    found, at = [], sentence.find(text)
    while at >= 0:
        found.append(at)
        at = sentence.find(text, at + 1)
    found = found or [0]
    keys = [f" {match_key(sentence[max(0, at - 20):at] + ' ' + text + ' ' + (claim.value.title or ''))} " for at in found]
    return any(f" {word} " in key for key in keys for word in _word_keys("former"))


def _portfolio_of(stated: str, tenure: TenureRow, index: FactIndex) -> bool:
    """The stated title is the tenure's title plus words its organization names: "Bộ trưởng
    Quốc phòng" for "Bộ trưởng" of "Bộ Quốc phòng Việt Nam"."""
    stated_key, title_key = match_key(stated), match_key(tenure.title)
    if not title_key or tenure.organization is None or not stated_key.startswith(title_key + " "):
        return False
    return f" {stated_key[len(title_key):].strip()} " in f" {match_key(index.name(tenure.organization))} "


def title_matches(stated: str, tenure: TenureRow, heads: bool = True) -> bool:
    """Same title, a near spelling, or (with ``heads``) its head ("Bộ trưởng" for "Bộ trưởng
    Quốc phòng"); for titles joined by "kiêm", any one of them."""
    for stated_key in _joined_titles(match_key(stated)):
        for title in (tenure.title, *tenure.aliases):
            key = match_key(title)
            if stated_key == key or fuzz.ratio(stated_key, key) >= TITLE_MIN_SCORE or (heads and key.startswith(stated_key + " ")):
                return True
    return False


def _joined_titles(stated_key: str) -> list[str]:
    """The whole title and each title it joins ("a kiêm b": "a kiêm b", "a", "b"); none when empty."""
    if not stated_key:
        return []
    parts = [stated_key]
    for joiner in _word_keys("joiners"):
        parts.extend(p.strip() for p in f" {stated_key} ".split(f" {joiner} ") if p.strip() and len(p.strip()) < len(stated_key))
    return parts


def _of_body(index: FactIndex, tenure: TenureRow, org_link: Link) -> bool:
    """The tenure is of the stated body, or of a body inside the stated country."""
    return tenure.organization in org_link.entity_ids or _org_contains(index, tenure.organization, org_link.entity_ids[0])


def _org_contains(index: FactIndex, organization: str, stated: str) -> bool:
    """A stated country for an organization inside it ("Nhật Bản" for the Japanese MOFA)."""
    return organization == stated or any(region == stated for region, _ in index.ancestors(organization))
