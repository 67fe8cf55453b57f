"""Which geography packs a fact base uses.

Packs are fact files generated from sourced data (``factcheck facts import``, run by
``scripts/build_packs.sh`` and the set-up script) into a ``packs/`` folder beside the
curated fact base (``claims/``). Every check uses all of them unless told otherwise:
``--packs none``, or ``--packs vn-admin,world-countries`` to name some (the file stem is
the pack's name). Curated facts extend and override them (``facts/load.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.facts.load import FACT_SUFFIXES
from factcheck.facts.schema import FactBaseError

PACKS_FOLDER = "packs"
ALL, NONE = "all", "none"


def packs_folder(facts: Path) -> Path:
    """Where packs live: $FACTCHECK_PACKS_DIR, else ``packs/`` beside the fact base folder."""
    configured = os.environ.get("FACTCHECK_PACKS_DIR")
    if configured:
        return Path(configured)
    facts = Path(facts).resolve()
    return (facts.parent if facts.is_dir() else facts.parent.parent) / PACKS_FOLDER


def available(folder: Path) -> dict[str, Path]:
    """Pack name -> file, for every pack file in ``folder`` (none when it does not exist)."""
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.iterdir()) if path.suffix in FACT_SUFFIXES and path.is_file()}


def pack_files(facts: Path, choice: str | None = None) -> list[Path]:
    """The pack files a check of fact base ``facts`` uses: ``choice`` is "all" (the default),
    "none", or pack names separated by commas; an unknown name is an error listing the known."""
    choice = (choice or os.environ.get("FACTCHECK_PACKS") or ALL).strip()
    if choice == NONE:
        return []
    folder = packs_folder(facts)
    found = available(folder)
    if choice == ALL:
        return list(found.values())
    wanted = [name.strip() for name in choice.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in found]
    if unknown:
        known = ", ".join(found) or f"none (build them with ./scripts/build_packs.sh into {folder})"
        raise FactBaseError(f"unknown pack {', '.join(unknown)} in {folder}; known packs: {known}")
    return [found[name] for name in wanted]
