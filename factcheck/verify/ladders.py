"""Title ladders (``data/ladders.yaml``): ranks of one office, lowest first ("Thứ trưởng" <
"Bộ trưởng"). One person holds one rung of a ladder in one organization at a time, while
titles of different ladders may be held together (a party secretary who also chairs the
council). The role verifier and the archive's conflicts both read them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.text.normalize import match_key
from factcheck.verify import words


@lru_cache(maxsize=None)
def _ladders() -> tuple[list[tuple[str, str, int]], tuple[str, ...]]:
    data = words.load("ladders")
    spellings = [(match_key(spelling), name, rank) for name, ranks in data["ladders"].items()
                 for rank, names in enumerate(ranks) for spelling in names]
    spellings.sort(key=lambda item: -len(item[0]))  # longest first: "phó tổng giám đốc" before "giám đốc"
    return spellings, tuple(match_key(q) for q in data["qualifiers"])


def ladder(title: str) -> tuple[str, int | None, str]:
    """(ladder, rank, rest of the title) for a title; a title on no ladder is its own ladder
    with no rank ("bác sĩ", None, "")."""
    key = match_key(title)
    spellings, qualifiers = _ladders()
    for spelling, name, rank in spellings:
        if key == spelling or key.startswith(spelling + " "):
            rest = key[len(spelling):].strip()
            for qualifier in qualifiers:
                rest = re.sub(rf"(^| ){re.escape(qualifier)}( |$)", " ", rest).strip()
            return name, rank, rest
    return key, None, ""
