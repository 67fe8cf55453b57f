"""Every claim rule, in one registry, and the order the engine runs them in.

Each claim-kind module ends with ``RULES``, the explicit list of its rules; ``MODULES`` lists
those modules, and their order is the order rules run within a stage. A rule that requires
claim kinds runs in a later stage than every other rule producing those kinds (Stanza's
processors declare what they require the same way), so the engine needs no knowledge of
particular rules.
"""

from __future__ import annotations

import difflib
from types import ModuleType

from factcheck.model.claims import ClaimKind
from factcheck.extract import date, duration, event, gap, location, money, percent, quantity, role, score
from factcheck.extract.base import Rule, SentenceContext
from factcheck.text.normalize import normalize

MODULES: tuple[ModuleType, ...] = (quantity, duration, percent, money, date, score, gap, role, location, event)


class RegistryError(ValueError):
    """The rules contradict each other: a duplicate name or a cycle of requirements."""


class UnknownRule(LookupError):
    """A rule name that is not registered; ``close`` holds the nearest registered names."""

    def __init__(self, name: str, close: list[str]):
        self.name, self.close = name, close
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        super().__init__(f"unknown rule {name!r}{hint} (factcheck rules list shows them all)")


def _collect(modules: tuple[ModuleType, ...]) -> list[Rule]:
    rules: list[Rule] = []
    for module in modules:
        rules.extend(module.RULES)
    names = [r.name for r in rules]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise RegistryError(f"rule names registered twice: {', '.join(duplicates)}")
    for r in rules:
        if not r.name.startswith(f"{r.kind.value}."):
            raise RegistryError(f"rule {r.name!r} makes {r.kind.value} claims; its name must start with {r.kind.value + '.'!r}")
    return rules


def stages(rules: list[Rule]) -> list[list[Rule]]:
    """Rules grouped by when they can run: stage 0 needs nothing; a rule requiring kind K
    runs one stage after the latest other rule producing K. Rules that refine their own kind
    (a date rule that reads the dates found: "cùng ngày", "từ ... đến ...") read the claims of
    the rules that do not, so two refiners of one kind share a stage. Order within a stage
    is registry order."""
    level: dict[str, int] = {}

    def visit(r: Rule, path: tuple[str, ...]) -> int:
        if r.name in level:
            return level[r.name]
        if r.name in path:
            cycle = " -> ".join(path[path.index(r.name) :] + (r.name,))
            raise RegistryError(f"rules require each other's kinds in a cycle: {cycle}")
        producers = [p for p in rules if p.kind in r.requires and p is not r
                     and not (p.kind == r.kind and p.kind in p.requires)]  # refiners of one kind do not wait for each other
        level[r.name] = 1 + max((visit(p, path + (r.name,)) for p in producers), default=-1)
        return level[r.name]

    for r in rules:
        visit(r, ())
    grouped: list[list[Rule]] = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for r in rules:
        grouped[level[r.name]].append(r)
    return grouped


RULES: list[Rule] = _collect(MODULES)
STAGES: list[list[Rule]] = stages(RULES)
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


def get(name: str) -> Rule:
    """The rule called ``name``; ``UnknownRule`` with the close names when there is none."""
    try:
        return BY_NAME[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(BY_NAME), n=5, cutoff=0.5)
        close += [n for n in BY_NAME if name and name in n and n not in close]
        raise UnknownRule(name, close[:5]) from None


def rules_of(kind: ClaimKind | None = None) -> list[Rule]:
    """Registered rules, in registry order, optionally of one kind."""
    return [r for r in RULES if kind is None or r.kind is kind]


_TOKEN_READERS = [r for r in RULES if r.reads_tokens]


def reads_tags(sentence_text: str) -> bool:
    """Whether any rule that reads tokens or tags matches this sentence: the sentences
    ``check`` and ``extract`` need tagged (no other rule looks at tags)."""
    context = SentenceContext(normalize(sentence_text).text, None)
    return any(rule.could_match(context) for rule in _TOKEN_READERS)
