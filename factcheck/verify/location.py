"""Location claims: does the place lie in the stated region on the article's date; does a
place written with its type ("tỉnh Hà Giang") exist on that date?

A national gazetteer holds many places of one name (dozens of communes "An Phú"), so a
place is resolved *against the stated region*: of every place of that name (narrowed by
the type word before it, ``data/place_types.yaml``) and every region of that name, the
pairs in force on the article date where the region contains the place. One place fits:
supported; several distinct places fit: ambiguous. None fits:

- a pair that fitted before the article date, but the place or region ended since (the
  2025 reform): contradicted, note ``outdated``, saying what replaced it;
- the date falls between two snapshots that disagree, with no legal date: unverifiable;
- otherwise contradicted, naming where the place lies.

Never contradicted: a region the fact base does not know, a region of the same or a lower
level than the place ("quận Ba Đình, Đống Đa" is a list), and things no pack holds
(thôn, đường, chợ... ``unheld`` in the data file).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from factcheck.facts.index import EntityRow, FactIndex
from factcheck.facts.schema import EntityType
from factcheck.facts.validity import ONE_DAY, State
from factcheck.model.claims import Claim, ClaimKind, Evidence, Verdict
from factcheck.verify import words
from factcheck.verify.common import Article, result, unverifiable
from factcheck.verify.registry import verifies

PLACES = (EntityType.place, EntityType.country)


@dataclass(frozen=True)
class TypeWord:
    designations: tuple[str, ...]
    levels: tuple[int, ...]


@lru_cache(maxsize=None)
def _types() -> tuple[dict[str, TypeWord], frozenset[str]]:
    data = words.load("place_types")
    admin = {word: TypeWord(tuple(spec["designations"]), tuple(spec["levels"])) for word, spec in data["admin"].items()}
    return admin, frozenset(data["unheld"])


def unheld(place_type: str | None) -> bool:
    """A type word naming things no pack holds (thôn, đường, chợ...): claims about them stay
    unverifiable, and two regions given to one of them are no conflict."""
    return (place_type or "").lower() in _types()[1]


def candidates(index: FactIndex, name: str | None, type_word: str | None) -> list[EntityRow]:
    """Places named ``name``, narrowed by the type word: units of that designation first,
    else of its levels; places without a designation pass any word below country level."""
    rows = index.named(name or "", PLACES)
    admin, _ = _types()
    word = admin.get((type_word or "").lower())
    if word is None or not rows:
        return rows
    abroad = [row for row in rows if not row.designation and row.level != 0]  # "tỉnh Hà Nam, Trung Quốc" is Henan
    exact = [row for row in rows if row.designation and row.designation in word.designations]
    if exact:
        return exact + abroad
    return [row for row in rows if row.level in word.levels] + [row for row in abroad if row.level not in word.levels]


def label(row: EntityRow) -> str:
    """"huyện Phù Cừ" for a unit with a designation, else the name."""
    return f"{row.designation} {row.name}" if row.designation and not row.name.lower().startswith(row.designation) else row.name


def _higher(region: EntityRow, place: EntityRow) -> bool:
    """A region can contain a place only from a higher level (a lower number)."""
    return region.level is None or place.level is None or region.level < place.level


def same_level(index: FactIndex, places: list[EntityRow], regions: list[EntityRow], day: dt.date | None) -> bool:
    """The place's highest reading is at the region's level or above it: "Sơn La, Điện Biên",
    "Singapore, Trung Quốc", "quận Tân Bình, Hóc Môn" are lists of places, not containment.
    Only places in force on the day count, when some are."""
    def top(rows: list[EntityRow]) -> int | None:
        alive = [row for row in rows if index.state(row.id, day) is State.in_force] or rows
        levels = [row.level for row in alive if row.level is not None]
        return min(levels) if levels else None

    place, region = top(places), top(regions)
    return place is not None and region is not None and place <= region


def _ending(index: FactIndex, row: EntityRow) -> str:
    """How a place ended: "merged into tỉnh Tuyên Quang on 2025-07-01"."""
    end = row.validity.end
    window = next(((first, last) for first, last in row.validity.unknown if end and first == end + ONE_DAY), None)
    if window:  # no legal date: the snapshots bracket the change
        when = f" between {end} and {window[1] + ONE_DAY}"
    else:
        when = f" on {end + ONE_DAY}" if end else ""
    heirs = [index.entities[e] for e in row.replaced_by if e in index.entities]
    if len(heirs) == 1 and heirs[0].name == row.name:
        return f"became {label(heirs[0])}{when}"
    if heirs:
        return f"merged into {', '.join(label(h) for h in heirs)}{when}"
    return f"was abolished{when}"


def _distinct(places: list[EntityRow]) -> list[EntityRow]:
    """Distinct places among fitting ones: a curated entity and a pack entity of one name that
    both fit are the same place described twice."""
    unique = list({row.id: row for row in places}.values())
    curated = [row for row in unique if row.pack is None]
    return curated if curated and len(unique) - len(curated) <= 1 else unique


def _outermost(index: FactIndex, places: list[EntityRow], day: dt.date | None) -> list[EntityRow]:
    """Fitting places not inside another fitting one: a district and its seat town share a
    name (huyện Đông Anh, thị trấn Đông Anh), and "Đông Anh, Hà Nội" means the district."""
    ids = {row.id for row in places}
    return [row for row in places if not any(region in ids for region, _ in index.ancestors(row.id, day))]


def _evidence(index: FactIndex, row: EntityRow, region: EntityRow | None, fact_id: str | None, note: str | None = None,
              expected: dict | None = None) -> Evidence:
    sources = index.location_by_id[fact_id].sources if fact_id else row.sources
    return Evidence(fact_id=fact_id or row.id, source=index.source_text(list(sources[-1:])), alias=row.name, score=100.0,
                    expected=expected if expected is not None else ({"region": label(region)} if region else None), note=note)


@verifies(ClaimKind.location)
def verify_location(claim: Claim, article: Article) -> Claim:
    value, index, day = claim.value, article.index, article.day
    if unheld(value.place_type):
        return unverifiable(claim, f"a {value.place_type} is not in any fact base pack (only administrative units, countries and cities are)")
    places = candidates(index, value.place, value.place_type)
    if value.region is None:
        return _exists(claim, index, places, day)
    regions = candidates(index, value.region, value.region_type)
    if not regions:
        return unverifiable(claim, f"no place named {value.region!r} in the fact base")
    if not places:
        return unverifiable(claim, f"no place named {value.place!r} in the fact base")
    pairs = [(p, r) for p in places for r in regions if _higher(r, p)]
    if not pairs or same_level(index, places, regions, day):
        return unverifiable(claim, f"{value.place} and {value.region} are places of one level: a list, not one inside the other")
    current = [(p, r) for p, r in pairs if index.state(p.id, day) is State.in_force and index.state(r.id, day) is State.in_force]
    fits = [(p, r, fact) for p, r in current for region_id, fact in index.ancestors(p.id, day) if region_id == r.id]
    if fits:
        distinct = _outermost(index, _distinct([p for p, _, _ in fits]), day)
        if len(distinct) > 1:
            return result(claim, Verdict.ambiguous, f"{len(distinct)} places named {value.place} lie in {value.region}",
                          [_evidence(index, p, r, fact) for p, r, fact in fits if p in distinct])
        place, region, fact = next(f for f in fits if f[0] in distinct)
        return result(claim, Verdict.supported, f"{label(place)} lies in {label(region)}", [_evidence(index, place, region, fact)])
    outdated = _outdated(claim, index, pairs, day)
    if outdated is not None:
        return outdated
    unknown = [(p, r) for p, r in pairs if State.unknown in (index.state(p.id, day), index.state(r.id, day))]
    if unknown:
        p, r = unknown[0]
        row = p if index.state(p.id, day) is State.unknown else r
        return unverifiable(claim, f"whether {label(row)} still existed is not known: {row.validity.why_unknown(day)}")
    if not current:
        return unverifiable(claim, f"neither {value.place} nor {value.region} is known in force on {day}")
    if all(r.level == 0 for _, r in current) and not any(p.level is not None and p.level <= 1 for p, _ in current):
        # "Tây An (Trung Quốc)": the packs know a commune Tây An in Vietnam, not Xi'an by its
        # Vietnamese name. Below the first level, a place abroad is often missing by that name.
        return unverifiable(claim, f"the fact base knows no {value.place} in {value.region} (only elsewhere): too small a place to rule out")
    return _contradicted(claim, index, [p for p, _ in current], day)


def _exists(claim: Claim, index: FactIndex, places: list[EntityRow], day: dt.date | None) -> Claim:
    """A place written with its type and no region: does such a unit exist on the date?"""
    value = claim.value
    if not value.place_type or not places:
        return unverifiable(claim, f"no {value.place_type or 'place'} named {value.place!r} in the fact base")
    states = {row.id: index.state(row.id, day) for row in places}
    alive = [row for row in places if states[row.id] is State.in_force]
    if alive:
        row = alive[0]
        return result(claim, Verdict.supported, f"{label(row)} exists on {day or 'the article date'}", [_evidence(index, row, None, None)])
    unknown = [row for row in places if states[row.id] is State.unknown]
    if unknown:
        return unverifiable(claim, f"whether {label(unknown[0])} still existed is not known: {unknown[0].validity.why_unknown(day)}")
    ended = [row for row in places if states[row.id] is State.ended]
    if ended:
        row = ended[0]
        return result(claim, Verdict.contradicted, f"outdated: {label(row)} {_ending(index, row)}",
                      [_evidence(index, row, None, None, note="outdated", expected={"replaced_by": [label(index.entities[e]) for e in row.replaced_by if e in index.entities]})])
    return unverifiable(claim, f"{label(places[0])} did not exist yet on {day}")


def _outdated(claim: Claim, index: FactIndex, pairs: list[tuple[EntityRow, EntityRow]], day: dt.date | None) -> Claim | None:
    """A place that lay in the region until one of them ended before ``day``."""
    if day is None:
        return None
    for place, region in pairs:
        ended = [row for row in (place, region) if index.state(row.id, day) is State.ended]
        if not ended:
            continue
        last = min(row.validity.end for row in ended)
        fact = next((f for r, f in index.ancestors(place.id, last) if r == region.id), None)
        if fact is None:
            continue
        gone = ended[0]
        now = [label(index.entities[r]) for r, _ in index.ancestors(place.id, day)[:1]] if index.state(place.id, day) is State.in_force else []
        since = f"; since then {label(place)} lies in {now[0]}" if now else ""
        return result(claim, Verdict.contradicted, f"outdated: {label(gone)} {_ending(index, gone)}{since}",
                      [_evidence(index, place, region, fact, note="outdated", expected={"region": now[0] if now else None, "until": str(last)})])
    return None


def _contradicted(claim: Claim, index: FactIndex, places: list[EntityRow], day: dt.date | None) -> Claim:
    """No place of that name lies in the region: say where each one lies."""
    shown, evidence = [], []
    for place in _distinct(places)[:3]:
        chain = index.ancestors(place.id, day)
        if not chain:
            continue
        shown.append(f"{label(place)} lies in {' > '.join(label(index.entities[r]) for r, _ in chain if r in index.entities)}")
        evidence.append(_evidence(index, place, index.entities.get(chain[0][0]), chain[0][1]))
    if not evidence:
        return unverifiable(claim, f"the fact base does not say where {claim.value.place} lies")
    more = f" (and {len(places) - 3} more of that name)" if len(places) > 3 else ""
    return result(claim, Verdict.contradicted, f"{'; '.join(shown)}{more}, not in {claim.value.region}", evidence)


def nested(index: FactIndex, a: str, b: str) -> bool:
    """Some place named ``a`` lies in some place named ``b`` or the other way round, at any
    time: "cảng Bourbon (Long An)" and "(huyện Bến Lức)" are one place described twice."""
    def inside(inner: str, outer: str) -> bool:
        outer_ids = {row.id for row in index.named(outer, PLACES)}
        return bool(outer_ids) and any(region in outer_ids for row in index.named(inner, PLACES) for region, _ in index.ancestors(row.id))

    return inside(a, b) or inside(b, a)
