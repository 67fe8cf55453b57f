"""Vietnam's provinces, districts and communes from the GSO lists that ``vietnam-provinces``
releases carry, one snapshot per pinned release, into the ``vn-admin`` pack.

Each snapshot becomes a source (``series: gso-vn-admin``); every entity and location cites
exactly the snapshots it appears in, so validity over time is derived from the sources. A
code that carries another name, type word or level in a later snapshot is another entity
(its id gets that snapshot's year). Units merged away by the 2025 reform point to their
successors through ``replaced_by`` (from ``vietnamadminunits``' converter data); a unit
renamed between two earlier snapshots points to its renamed self.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck.facts.importers.wheels import WheelError, find_wheels, one_wheel, read_json

DATA = Path(__file__).parent / "data"
SERIES = "gso-vn-admin"
NESTED = "vietnam_provinces/data/nested-divisions.json"
CONVERTER = "vietnamadminunits/data/converter_2025.json"
COUNTRY = "iso-VN"  # in the world-countries pack
LICENCE = "GPL-3.0-or-later"

# Type words, longest first so that "thị xã" is not read as "thị"; the name follows.
TYPE_WORDS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")
NUMBERED = re.compile(r"\d+|[IVXLC]+")  # "Quận 1", "Phường IV": the type word is part of the name
CODE_WIDTH = {1: 2, 2: 3, 3: 5}


@dataclass
class Snapshot:
    version: str
    date: dt.date
    effective: dt.date | None
    wheel: Path

    @property
    def source_id(self) -> str:
        return f"gso-{self.date.isoformat()}"


@dataclass
class Unit:
    """One unit as one snapshot lists it."""

    level: int
    code: int
    designation: str
    name: str
    full_name: str
    parent: tuple[int, int] | None  # (level, code) of the unit it lies in, in this snapshot
    province: int


@dataclass
class Variant:
    """One entity: a code with one name, type word and level, over the snapshots that show it."""

    id: str
    unit: Unit
    snapshots: list[int] = field(default_factory=list)
    replaced_by: list[str] = field(default_factory=list)


def key(text: str) -> str:
    """The ASCII key ``vietnamadminunits`` uses (no marks, no spaces, "đ" as "d"), with "y"
    read as "i" so that "Quí"/"Quý" spellings of one name meet. Both sides go through it."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return re.sub(r"[^a-z0-9]", "", text).replace("y", "i")


def split_name(full: str, division_type: str) -> tuple[str, str]:
    """("huyện", "Đông Anh") from "Huyện Đông Anh"; a name without its type word (the 2025
    list's "An Giang") takes ``division_type``. Numbered names keep it: "Quận 1"."""
    lowered = full.lower()
    for word in TYPE_WORDS:
        if lowered.startswith(word + " "):
            rest = full[len(word) + 1:].strip()
            return word, full if NUMBERED.fullmatch(rest) else rest
    return division_type.removesuffix(" trung ương"), full


def read_units(data: list[dict[str, Any]]) -> list[Unit]:
    """Every unit of one nested-divisions.json: provinces, then their districts (if the
    snapshot has them) and communes."""
    units = []

    def unit(item: dict, level: int, parent: tuple[int, int] | None, province: int) -> Unit:
        designation, name = split_name(item["name"], item["division_type"])
        return Unit(level, item["code"], designation, name, item["name"], parent, province)

    for province in data:
        units.append(unit(province, 1, None, province["code"]))
        for district in province.get("districts", []):
            units.append(unit(district, 2, (1, province["code"]), province["code"]))
            units.extend(unit(ward, 3, (2, district["code"]), province["code"]) for ward in district.get("wards", []))
        units.extend(unit(ward, 3, (1, province["code"]), province["code"]) for ward in province.get("wards", []))
    return units


def snapshots(wheels: Path) -> list[Snapshot]:
    """The pinned vietnam-provinces wheels in ``wheels``, oldest list first."""
    known = yaml.safe_load((DATA / "gso_snapshots.yaml").read_text(encoding="utf-8"))["vietnam-provinces"]
    found = find_wheels(wheels, "vietnam-provinces")
    if not found:
        raise WheelError(f"{wheels}: no vietnam-provinces wheel (run scripts/build_packs.sh)")
    result = []
    for version, path in found.items():
        if version not in known:
            raise WheelError(f"vietnam-provinces {version}: add its GSO list date to {DATA / 'gso_snapshots.yaml'}")
        result.append(Snapshot(version, known[version]["snapshot"], known[version].get("effective"), path))
    return sorted(result, key=lambda s: s.date)


def build(wheels: Path, accessed: dt.date) -> tuple[dict[str, Any], dict[str, int]]:
    """The vn-admin pack from the wheels in ``wheels``, and counts for the build report."""
    shots = snapshots(wheels)
    converter_version, converter_wheel = one_wheel(wheels, "vietnamadminunits")
    per_snapshot = [read_units(read_json(s.wheel, NESTED)) for s in shots]

    variants: dict[tuple[int, int], list[Variant]] = {}
    in_snapshot: list[dict[tuple[int, int], Variant]] = []  # snapshot -> (level, code) -> entity
    for index, units in enumerate(per_snapshot):
        here = {}
        for unit in units:
            seen = variants.setdefault((unit.level, unit.code), [])
            variant = next((v for v in seen if (v.unit.name, v.unit.designation) == (unit.name, unit.designation)), None)
            if variant is None:
                variant = Variant(_entity_id(unit, shots[index].date, seen), unit)
                seen.append(variant)
            variant.snapshots.append(index)
            here[(unit.level, unit.code)] = variant
        in_snapshot.append(here)

    _link_renames(shots, in_snapshot)
    unmatched = _link_reform(shots, per_snapshot, in_snapshot, read_json(converter_wheel, CONVERTER))

    aliases = yaml.safe_load((DATA / "vn_aliases.yaml").read_text(encoding="utf-8"))
    entities = []
    for seen in variants.values():
        for v in seen:
            unit = v.unit
            entities.append({
                "id": v.id, "type": "place", "name": unit.name,
                "aliases": aliases.get(unit.name, []) if unit.level == 1 else [],
                "level": unit.level, "designation": unit.designation, "ref": f"gso:{unit.code:0{CODE_WIDTH[unit.level]}d}",
                "replaced_by": v.replaced_by, "sources": [shots[i].source_id for i in v.snapshots],
            })
    entities.sort(key=lambda e: e["id"])

    contains: dict[tuple[str, str], list[int]] = {}
    for index, (units, here) in enumerate(zip(per_snapshot, in_snapshot)):
        for unit in units:
            region = here[unit.parent].id if unit.parent else COUNTRY
            contains.setdefault((here[(unit.level, unit.code)].id, region), []).append(index)
    locations = [{"id": f"{place}-in-{region}", "place": place, "region": region, "sources": [shots[i].source_id for i in found]}
                 for (place, region), found in sorted(contains.items())]

    sources = [{
        "id": s.source_id,
        "publisher": "Tổng cục Thống kê (General Statistics Office of Vietnam), via the vietnam-provinces package (Nguyễn Hồng Quân)",
        "title": f"Danh mục đơn vị hành chính Việt Nam, {s.date.isoformat()}",
        "url": "https://danhmuchanhchinh.gso.gov.vn/",
        "document": f"vietnam-provinces {s.version}: {NESTED}",
        "accessed": accessed, "series": SERIES, "snapshot": s.date, "effective": s.effective,
        "package": f"vietnam-provinces=={s.version}", "licence": LICENCE,
    } for s in shots]
    sources.append({
        "id": "vietnamadminunits-2025", "publisher": "Hieu Tran, vietnamadminunits",
        "title": "Old-to-new mapping of provinces and communes in the 2025 reform (replaced_by links)",
        "url": "https://github.com/tranngocminhhieu/vietnamadminunits", "document": f"vietnamadminunits {converter_version}: {CONVERTER}",
        "accessed": accessed, "package": f"vietnamadminunits=={converter_version}", "licence": "MIT",
    })
    sources.append({
        "id": "vn-name-variants", "publisher": "factcheck (hand-kept)", "title": "Accepted variants of Vietnamese province names",
        "document": "factcheck/facts/importers/data/vn_aliases.yaml", "accessed": accessed,
    })
    built_from = [f"vietnam-provinces=={s.version}" for s in shots] + [f"vietnamadminunits=={converter_version}"]
    header = {
        "name": "vn-admin",
        "title": "Vietnam's provinces, districts and communes in the GSO lists, " + ", ".join(s.date.isoformat() for s in shots),
        "version": f"{IMPORTER_VERSION} (vietnam-provinces {', '.join(s.version for s in shots)}; vietnamadminunits {converter_version})",
        "licence": f"{LICENCE} (the GSO lists as packaged by vietnam-provinces); replaced_by links MIT (vietnamadminunits)",
        "attribution": "Tổng cục Thống kê (GSO) administrative unit lists, packaged by Nguyễn Hồng Quân's vietnam-provinces "
                       "(https://github.com/sunshine-tech/VietnamProvinces, GPL-3.0-or-later); 2025 merger mapping from "
                       "Hieu Tran's vietnamadminunits (MIT)",
        "built_from": built_from,
    }
    counts = {f"level {level}": sum(1 for e in entities if e["level"] == level) for level in (1, 2, 3)}
    counts |= {"replaced_by": sum(1 for e in entities if e["replaced_by"]), "reform units without a successor": unmatched}
    return {"pack": header, "sources": sources, "entities": entities, "locations": locations}, counts


IMPORTER_VERSION = "vn-admin 1"


def _old_key(text: str) -> str:
    """An old unit's "province_district_ward" key, each part through ``key``."""
    return "_".join(key(part) for part in text.split("_"))


def _entity_id(unit: Unit, date: dt.date, seen: list[Variant]) -> str:
    """vn-<level>-<code>; a later variant of a code gets the year of its first snapshot
    (or year and month, when that year already has one)."""
    base = f"vn-{unit.level}-{unit.code:0{CODE_WIDTH[unit.level]}d}"
    taken = {v.id for v in seen}
    for candidate in (base, f"{base}-{date.year}", f"{base}-{date:%Y-%m}"):
        if candidate not in taken:
            return candidate
    raise ValueError(f"{base}: more than three variants of one code")


def _link_renames(shots: list[Snapshot], in_snapshot: list[dict]) -> None:
    """A unit whose code carries another name in the next snapshot (no reform between) was
    renamed or re-designated: it is replaced by the new variant."""
    for index in range(1, len(shots)):
        if shots[index].effective:
            continue
        before, after = in_snapshot[index - 1], in_snapshot[index]
        for where, old in before.items():
            new = after.get(where)
            if new is not None and new is not old and new.id not in old.replaced_by:
                old.replaced_by.append(new.id)


def _link_reform(shots: list[Snapshot], per_snapshot: list[list[Unit]], in_snapshot: list[dict], converter: dict) -> int:
    """``replaced_by`` for provinces and communes merged away by the reform snapshot (the
    first with an ``effective`` date), from the converter's old-key -> new-key tables.
    Returns how many merged-away units found no successor."""
    reform = next((i for i, s in enumerate(shots) if s.effective and i > 0), None)
    if reform is None:
        return 0
    old_units, new_units = per_snapshot[reform - 1], per_snapshot[reform]
    old_here, new_here = in_snapshot[reform - 1], in_snapshot[reform]
    new_provinces = {key(u.full_name if u.full_name.lower().startswith(("tỉnh", "thành phố")) else f"tỉnh {u.full_name}"): u
                     for u in new_units if u.level == 1}
    new_communes = {(u.province, key(u.full_name)): new_here[(3, u.code)] for u in new_units if u.level == 3}
    old_by_code = {(u.level, u.code): u for u in old_units}
    province_of_old = {key(old): key(new) for new, olds in converter["DICT_PROVINCE"].items() for old in olds}
    undivided = {}  # (new province key, "oldprovince_olddistrict_oldward") -> new ward key
    for new_province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                undivided[(key(new_province), _old_key(old))] = new_ward
    divided = {(key(new_province), _old_key(old)): [w["newWardKey"] for w in news]
               for new_province, wards in converter["DICT_PROVINCE_WARD_DIVIDED"].items() for old, news in wards.items()}
    unmatched = 0
    for where, variant in old_here.items():
        if new_here.get(where) is variant or where[0] == 2:
            continue  # still there, or a district (abolished, no successor)
        unit = old_by_code[where]
        province = old_by_code[(1, unit.province)]
        new_province_key = province_of_old.get(key(province.full_name))
        new_province = new_provinces.get(new_province_key)
        successors: list[str] = []
        if unit.level == 1 and new_province is not None:
            successors = [new_here[(1, new_province.code)].id]
        elif unit.level == 3 and new_province is not None:
            district = old_by_code[unit.parent]
            old_key = f"{key(province.full_name)}_{key(district.full_name)}_{key(unit.full_name)}"
            new_keys = [undivided[(new_province_key, old_key)]] if (new_province_key, old_key) in undivided else divided.get((new_province_key, old_key), [])
            successors = [new_communes[(new_province.code, key(k))].id for k in new_keys if (new_province.code, key(k)) in new_communes]
        if successors:
            variant.replaced_by.extend(s for s in dict.fromkeys(successors) if s not in variant.replaced_by)
        else:
            unmatched += 1
    return unmatched
