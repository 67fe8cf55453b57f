"""People's names as the verifiers and the archive read them.

- ``person_key``: whether a name the role rules found is a person's full name worth keying
  (the archive keys people by it; a body or a place the rules took for a person is not).
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.text.normalize import match_key
from factcheck.verify import words as word_lists


@lru_cache(maxsize=None)
def _not_person() -> tuple[frozenset[str], tuple[str, ...]]:
    data = word_lists.load("not_person")
    return frozenset(match_key(w) for w in data["words"]), tuple(f" {match_key(p)} " for p in data["phrases"])


def person_key(name: str | None) -> str | None:
    """A person's name worth keying: two to five capitalized words, none an initial, no word
    or phrase of a body or a place (``data/not_person.yaml``)."""
    words = (name or "").split()
    if not 2 <= len(words) <= 5 or any(len(w.strip(".")) < 2 or not w[:1].isupper() for w in words):
        return None
    key = match_key(name or "")
    body_words, body_phrases = _not_person()
    if any(w in body_words for w in key.split()) or any(p in f" {key} " for p in body_phrases):
        return None
    return key
