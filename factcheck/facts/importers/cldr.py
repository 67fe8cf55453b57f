"""Every country and territory in CLDR, with its Vietnamese name, into the
``world-countries`` pack; short forms and sovereigns from the hand-kept ``data/countries.yaml``.

CLDR's data is read from the pinned babel wheel's pickled locale files, without installing
babel: those pickles name a few babel classes (plural rules) that the territory names do not
need, so an unpickler that stands in empty objects for them reads them safely.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
import re
from pathlib import Path
from typing import Any

import yaml

from factcheck.facts.importers.wheels import one_wheel, read_member

DATA = Path(__file__).parent / "data"
IMPORTER_VERSION = "world-countries 1"
# CLDR territories that are no country or territory: groupings and placeholders.
NOT_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ"}
# Codes CLDR uses that ISO 3166-1 only reserves (parts of other territories).
RESERVED = {"AC", "CP", "DG", "EA", "IC", "TA"}


class _Placeholder:
    """Stands in for a babel class in a locale pickle; keeps nothing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __setstate__(self, state: Any) -> None:
        pass


class _LocaleUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("babel"):
            return _Placeholder
        if module in ("builtins", "collections", "decimal", "datetime", "copyreg"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"unexpected class {module}.{name} in a babel locale file")


def territories(wheel: Path, locale: str) -> dict[str, str]:
    """CLDR territory names in ``locale`` (two-letter codes only) from a babel wheel."""
    data = _LocaleUnpickler(io.BytesIO(read_member(wheel, f"babel/locale-data/{locale}.dat"))).load()
    return {code: name for code, name in data["territories"].items() if re.fullmatch(r"[A-Z]{2}", code)}


def split_parenthesis(name: str) -> tuple[str, list[str]]:
    """"Myanmar (Miến Điện)" -> ("Myanmar", ["Miến Điện"])."""
    match = re.fullmatch(r"(.+?) \((.+)\)", name)
    return (match[1], [match[2]]) if match else (name, [])


def build(wheels: Path, accessed: dt.date) -> tuple[dict[str, Any], dict[str, int]]:
    """The world-countries pack from the babel wheel in ``wheels``, and counts."""
    version, wheel = one_wheel(wheels, "babel")
    vi, en = territories(wheel, "vi"), territories(wheel, "en")
    hand = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    unknown = set(hand["countries"]) - set(vi)
    if unknown:
        raise ValueError(f"data/countries.yaml: codes not in CLDR: {', '.join(sorted(unknown))}")
    entities, locations = [], []
    for code in sorted(set(vi) - NOT_TERRITORIES - RESERVED):
        name, extra = split_parenthesis(vi[code])
        entry = hand["countries"].get(code, {})
        english, english_extra = split_parenthesis(en.get(code, ""))
        aliases = [a for a in dict.fromkeys([*extra, english, *english_extra, *entry.get("aliases", [])]) if a and a != name]
        sources = ["cldr-territories"] + (["vi-country-names"] if entry.get("aliases") else [])
        entities.append({"id": f"iso-{code}", "type": "country", "name": name, "aliases": aliases, "level": 0,
                         "ref": f"iso:{code}", "sources": sources})
        if entry.get("in"):
            locations.append({"id": f"iso-{code}-in-iso-{entry['in']}", "place": f"iso-{code}", "region": f"iso-{entry['in']}",
                              "sources": ["factbook-dependencies"]})
    sources = [{"id": "cldr-territories", "publisher": "Unicode CLDR, via babel",
                "title": "CLDR territory names in Vietnamese and English", "url": "https://cldr.unicode.org/",
                "document": f"babel {version}: babel/locale-data/vi.dat, en.dat", "accessed": accessed,
                "package": f"babel=={version}", "licence": "Unicode-3.0"}]
    sources += [{"id": source_id, **fields, "accessed": accessed} for source_id, fields in hand["sources"].items()]
    header = {
        "name": "world-countries", "title": "Countries and territories with their Vietnamese names (CLDR) and dependencies",
        "version": f"{IMPORTER_VERSION} (babel {version})",
        "licence": "Unicode-3.0 (CLDR names, via babel, BSD-3-Clause); hand-kept short forms and dependencies: MIT",
        "attribution": "Unicode Common Locale Data Repository (CLDR), packaged by babel; dependency status after the CIA World Factbook",
        "built_from": [f"babel=={version}"],
    }
    counts = {"countries": len(entities), "dependencies": len(locations), "with hand aliases": sum(1 for e in entities if "vi-country-names" in e["sources"])}
    return {"pack": header, "sources": sources, "entities": entities, "locations": locations}, counts
