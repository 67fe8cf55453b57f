"""Claims of one article that cannot all be true; needs no fact base.

One place put in two regions, a score that does not add up to the rounds stated, one
name spelled two ways. Runs after the verifiers: two location claims that the fact base
supports both are not in conflict (two communes of one name, each in the region stated).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from rapidfuzz import fuzz

from factcheck.model.claims import Claim, ClaimKind, Inconsistency, Verdict
from factcheck.text.normalize import match_key
from factcheck.text.spelling import one_syllable_misspelt, romanization_variant

ROUND_UNITS = ("lượt", "ván", "set", "game")


def _region_like(name: str | None) -> bool:
    """A place or region name worth comparing: not an initial, not an acronym ("EU", "CCTV")
    other than a city's ("TPHCM")."""
    if not name or len(name) < 2:
        return False
    letters = name.replace(".", "").replace(" ", "")
    return not (letters.isupper() and len(letters) >= 2 and letters not in ("TPHCM", "HCM", "TPHN"))


def find_inconsistencies(claims: list[Claim], nested: Callable[[str, str], bool] | None = None) -> list[Inconsistency]:
    """Claims of one article that contradict each other. With ``nested`` (does the fact base
    put a region named a inside one named b, or b inside a?), two regions one inside the
    other are not in conflict."""
    found: list[Inconsistency] = []
    # One place put in two regions, neither of which the article puts inside the other.
    regions: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind is ClaimKind.location and _region_like(claim.value.place) and _region_like(claim.value.region):
            regions[match_key(claim.value.place)].append(claim)
    inside = {(match_key(c.value.place), match_key(c.value.region)) for c in claims if c.kind is ClaimKind.location and c.value.place and c.value.region}
    for place_claims in regions.values():
        distinct = {}
        for claim in place_claims:
            distinct.setdefault(match_key(claim.value.region), claim)
        keys = list(distinct)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if (a, b) in inside or (b, a) in inside:
                    continue
                if fuzz.ratio(a, b) >= 85 or a.startswith(b) or b.startswith(a):
                    continue  # "Chư Păh" / "Chư Pah", "An" / "An Giang": one region written two ways
                first, second = distinct[a], distinct[b]
                if first.verdict is Verdict.supported and second.verdict is Verdict.supported:
                    continue  # homonyms, or a district and its province: the fact base vouches for both
                if nested is not None and nested(first.value.region, second.value.region):
                    continue  # "Long An" and "huyện Bến Lức": the district lies in the province
                found.append(Inconsistency(
                    kind="place_region", line=second.line, claim_ids=[first.id, second.id],
                    message=f"{first.value.place} is put in {first.value.region} (line {first.line}) and in {second.value.region} (line {second.line})"))
    # A score that does not add up to the rounds the same sentence states.
    for claim in claims:
        if claim.kind is not ClaimKind.score or not claim.value.scores:
            continue
        total = sum(claim.value.scores)
        for other in claims:
            # Rounds of one game ("bốn lượt", "5 ván"), not matches: "11 trận" counts games, and a
            # football score counts goals.
            if other.kind is ClaimKind.quantity and other.sentence == claim.sentence and (other.value.unit or "") in ROUND_UNITS:
                if other.value.amount is not None and other.value.amount != total:
                    found.append(Inconsistency(
                        kind="score_rounds", line=claim.line, claim_ids=[other.id, claim.id],
                        message=f"{other.text} but the score {claim.text} adds up to {total}"))
    # One person's name spelled two ways (same person, not a reordering).
    people: dict[str, Claim] = {}
    for claim in claims:
        if claim.kind is ClaimKind.role and claim.value.person and len(claim.value.person.split()) > 1:
            people.setdefault(match_key(claim.value.person), claim)
    keys = [k for k in people if all(len(word) > 1 for word in k.split())]  # "George W" is initials
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if fuzz.token_sort_ratio(a, b) == 100:
                continue  # "Koizumi Shinjiro" / "Shinjiro Koizumi": name order, not spelling
            if set(a.split()) <= set(b.split()) or set(b.split()) <= set(a.split()):
                continue  # "Phạm Kim Huệ" / "Phạm Thị Kim Huệ": a middle name or a short form
            if one_syllable_misspelt(a, b) and not romanization_variant(a, b):
                first, second = people[a], people[b]
                found.append(Inconsistency(
                    kind="name_spelling", line=second.line, claim_ids=[first.id, second.id],
                    message=f"{first.value.person!r} (line {first.line}) and {second.value.person!r} (line {second.line}) look like one name spelled two ways"))
    return found
