"""Lexicons are data (``extract/data/*.yaml``); this module loads them once and builds regex parts."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

DATA_DIR = Path(__file__).parent / "data"

# A word boundary that treats Vietnamese letters as letters (\b does, but we also need to
# stop at digits joined to letters: "7h30").
LEFT = r"(?<![\w])"
RIGHT = r"(?![\w])"
# One upper-case letter, Vietnamese included (a range like À-Ỹ would take lower case too).
UPPER = "[A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ]"
# A capitalized syllable, hyphenated parts allowed ("Gyu-back"), and a run of them.
CAPITALIZED = rf"{UPPER}[^\W\d_]*(?:-[^\W\d_]+)*"
NAME = rf"{CAPITALIZED}(?:[ ]{CAPITALIZED})*"


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parsed ``extract/data/<name>.yaml``."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "ít nhất" wins over "ít"."""
    unique = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) + ")"


def entries() -> dict[str, list[str]]:
    """Every lexicon entry by file, for the test that each one is exercised by an example."""
    result: dict[str, list[str]] = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data = load(path.stem)
        words: list[str] = []
        _collect(data, words)
        result[path.stem] = words
    return result


def _collect(data: Any, into: list[str]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, (dict, list)):
                _collect(value, into)
            else:
                into.append(str(key))
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, (dict, list)):
                _collect(item, into)
            else:
                into.append(str(item))
