"""Version stamps for caches: every cache key includes the code that produced the entry.

Hand-kept lists of "the files that matter" go stale as soon as a module is added or moved,
so the stamp covers all of the package's code and data (every ``.py``, ``.yaml`` and
``.json`` under ``factcheck/`` except the model weights, which have their own stamp). It is
computed once per process.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
CODE_SUFFIXES = (".py", ".yaml", ".yml", ".json")


def package_files(root: Path = PACKAGE) -> list[Path]:
    """Every code or data file of the package, in a stable order (model weights excluded)."""
    models = root / "nlp" / "models"
    return sorted(p for p in root.rglob("*") if p.suffix in CODE_SUFFIXES and p.is_file() and models not in p.parents)


def hash_files(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def code_version() -> str:
    """Changes whenever any code or data file of the package changes."""
    return hash_files(package_files(), PACKAGE)
