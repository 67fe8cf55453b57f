"""What ``factcheck rules list`` and ``factcheck rules explain`` show: each registered rule's
documentation (from its docstring), its requirements, and its examples and counter-examples
from the corpus files. Pure data; the CLI only prints it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from factcheck.model.claims import ClaimKind
from factcheck.extract import registry
from factcheck.extract.base import Rule
from factcheck.extract.corpus_runner import RuleExample, examples_of
from factcheck.extract.engine import COMPETING


@dataclass(frozen=True)
class RuleInfo:
    """One rule as the catalog describes it."""

    name: str
    kind: str
    summary: str  # what it matches, one line
    value: str  # what the claim's value holds
    why: str  # why the claim is worth checking
    leaves_alone: str  # what it declines ("" when the docstring says nothing)
    requires: list[str]  # claim kinds it needs first
    runs_after: list[str]  # the rules producing those kinds
    priority: int
    competes: bool  # whether its claims compete for text with other numeric claims
    examples: list[RuleExample] = field(default_factory=list)
    counter_examples: list[RuleExample] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("examples", "counter_examples"):
            for example in data[key]:
                example["date"] = example["date"].isoformat() if isinstance(example["date"], dt.date) else example["date"]
                example["claims"] = [{"text": text, "value": _plain(value)} for text, value in example["claims"]]
        return data


def _plain(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in value.items()}


def _info(rule: Rule, with_examples: bool) -> RuleInfo:
    examples, counter_examples = examples_of(rule.name) if with_examples else ([], [])
    after = [r.name for r in registry.RULES if r is not rule and r.kind in rule.requires]
    return RuleInfo(
        name=rule.name,
        kind=rule.kind.value,
        summary=rule.summary,
        value=rule.section("Value"),
        why=rule.section("Why"),
        leaves_alone=rule.section("Not"),
        requires=sorted(kind.value for kind in rule.requires),
        runs_after=after,
        priority=rule.priority,
        competes=rule.kind in COMPETING,
        examples=examples,
        counter_examples=counter_examples,
    )


def list_rules(kind: ClaimKind | None = None) -> list[RuleInfo]:
    """Every registered rule (of ``kind``), in registry order, without examples."""
    return [_info(rule, with_examples=False) for rule in registry.rules_of(kind)]


def explain(name: str) -> RuleInfo:
    """The rule called ``name`` with its corpus examples; ``UnknownRule`` (with the close
    names) when there is none."""
    return _info(registry.get(name), with_examples=True)
