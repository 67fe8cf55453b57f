"""People's names as the verifiers and the archive read them.

- ``person_key``: whether a name the role rules found is a person's full name worth keying
  (the archive keys people by it; a body or a place the rules took for a person is not);
- ``full_names``: a one-word name ("Putin", "ông Hùng", "HLV Park") stands for the one full
  name of the same article that ends or begins with it ("Vladimir Putin", "Nguyễn Văn
  Hùng", "Park Hang-seo"); never for a Vietnamese surname ("Nguyễn"): news calls a
  Vietnamese person by the given name, the last word. Across articles a one-word name says
  nothing of who is meant, so it is never linked to a full name the article does not state.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from factcheck.model.claims import Claim, ClaimKind
from factcheck.text.normalize import match_key
from factcheck.verify import words as word_lists


@lru_cache(maxsize=None)
def _surnames() -> frozenset[str]:
    from factcheck.extract.lexicon import load

    return frozenset(match_key(name) for name in load("titles")["surnames"])


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


def _names(claims: Iterable[Claim]) -> Iterable[str]:
    for claim in claims:
        if claim.kind is ClaimKind.role and claim.value.person:
            yield claim.value.person
        elif claim.kind is ClaimKind.event:
            yield from claim.value.participants or []


def full_names(claims: Iterable[Claim]) -> dict[str, str]:
    """Match key of each one-word name -> the one full name (``person_key``) among the
    article's role claims and event participants whose last word it is, or whose first word
    when that is no Vietnamese surname. A word two full names share is left out: the article
    does not say which one is meant."""
    found: dict[str, dict[str, str]] = {}
    for name in _names(claims):
        key = person_key(name)
        if key is None:
            continue
        words = [match_key(word) for word in name.split()]
        for word in {words[-1]} | ({words[0]} - _surnames()):
            found.setdefault(word, {}).setdefault(key, name)
    return {word: next(iter(names.values())) for word, names in found.items() if len(names) == 1}
