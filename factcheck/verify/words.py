"""The word lists verifiers read (``verify/data/*.yaml``: place type words, past titles,
title ladders), parsed once per process, strictly like every YAML file factcheck reads."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck.text import yamlfile

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parsed ``verify/data/<name>.yaml``."""
    return yamlfile.load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
