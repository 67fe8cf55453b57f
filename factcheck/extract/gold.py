"""Hand-annotated gold claims and the scoring of extracted claims against them.

Gold files (see ``tests/gold/GUIDELINES.md``) give each claim by line and exact text. A
predicted claim matches a gold claim of the same kind when their spans overlap; among
matches, the value agrees when the fields that matter for the kind are equal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

import yaml
from pydantic import BaseModel, ConfigDict, Field

from factcheck.model.claims import NUMERIC_KINDS, Claim, ClaimKind
from factcheck.model.document import Document

# Fields compared for "value agrees", per kind.
KEY_FIELDS: dict[ClaimKind, tuple[str, ...]] = {
    ClaimKind.quantity: ("amount", "min", "max"),
    ClaimKind.duration: ("amount", "min", "max", "unit"),
    ClaimKind.date: ("date", "start", "end"),
    ClaimKind.score: ("scores",),
    ClaimKind.percent: ("amount", "min", "max"),
    ClaimKind.money: ("amount", "min", "max", "currency"),
    ClaimKind.gap: ("amount", "unit"),
    ClaimKind.role: ("person",),
    ClaimKind.location: ("place", "region"),
    ClaimKind.event: ("event",),
}


class GoldClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    line: int
    kind: ClaimKind
    text: str
    value: dict[str, Any] = Field(default_factory=dict)
    occurrence: int = 1


class GoldDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc: str
    date: dt.date
    # When set, the file annotates only these kinds: claims of other kinds, gold or
    # predicted, are not scored for it (a role-only file says nothing about its dates).
    annotated: list[ClaimKind] | None = None
    claims: list[GoldClaim]

    def annotates(self, kind: ClaimKind) -> bool:
        return self.annotated is None or kind in self.annotated


def load_gold(path: Path) -> GoldDocument:
    return GoldDocument.model_validate(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def gold_span(document: Document, claim: GoldClaim) -> tuple[int, int]:
    """Character offsets of a gold claim in the document."""
    lines = document.text.split("\n")
    if not 1 <= claim.line <= len(lines):
        raise ValueError(f"gold claim {claim.text!r}: line {claim.line} is outside the document")
    line_start = sum(len(l) + 1 for l in lines[: claim.line - 1])
    position = -1
    for _ in range(claim.occurrence):
        position = lines[claim.line - 1].find(claim.text, position + 1)
        if position < 0:
            raise ValueError(f"gold claim {claim.text!r} not found on line {claim.line}")
    return line_start + position, line_start + position + len(claim.text)


def _normalized(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in ("amount", "min", "max"):
        return round(float(value), 6)
    if isinstance(value, (dt.date,)):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip().lower()
    return value


def value_agrees(kind: ClaimKind, predicted: dict[str, Any], gold: dict[str, Any]) -> bool:
    return all(_normalized(f, predicted.get(f)) == _normalized(f, gold.get(f)) for f in KEY_FIELDS[kind])


class KindScore(BaseModel):
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    values_agree: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.values_agree / self.true_positives if self.true_positives else 0.0


class Mismatch(BaseModel):
    doc: str
    line: int
    kind: ClaimKind
    text: str
    problem: str  # "missed", "spurious", "value"
    detail: str = ""


def score_document(
    document: Document, gold: GoldDocument, predicted: list[Claim], scores: dict[ClaimKind, KindScore], mismatches: list[Mismatch]
) -> None:
    """Add one document's matches to ``scores`` and its errors to ``mismatches``."""
    predicted = [c for c in predicted if gold.annotates(c.kind)]
    by_kind: dict[ClaimKind, list[Claim]] = defaultdict(list)
    for claim in predicted:
        by_kind[claim.kind].append(claim)
    used: set[str] = set()
    for gold_claim in gold.claims:
        if not gold.annotates(gold_claim.kind):
            continue
        score = scores.setdefault(gold_claim.kind, KindScore())
        start, end = gold_span(document, gold_claim)
        candidates = [c for c in by_kind[gold_claim.kind] if c.id + str(c.start) not in used and c.start < end and start < c.end]
        if not candidates:
            score.false_negatives += 1
            mismatches.append(Mismatch(doc=gold.doc, line=gold_claim.line, kind=gold_claim.kind, text=gold_claim.text, problem="missed"))
            continue
        best = max(candidates, key=lambda c: min(end, c.end) - max(start, c.start))
        used.add(best.id + str(best.start))
        score.true_positives += 1
        predicted_value = best.value.compact()
        if value_agrees(gold_claim.kind, predicted_value, gold_claim.value):
            score.values_agree += 1
        else:
            mismatches.append(
                Mismatch(doc=gold.doc, line=gold_claim.line, kind=gold_claim.kind, text=gold_claim.text, problem="value",
                         detail=f"predicted {predicted_value} gold {gold_claim.value}")
            )
    for claim in predicted:
        if claim.id + str(claim.start) not in used:
            scores.setdefault(claim.kind, KindScore()).false_positives += 1
            mismatches.append(Mismatch(doc=gold.doc, line=claim.line, kind=claim.kind, text=claim.text, problem="spurious", detail=str(claim.value.compact())))


def gold_pairs(gold_dir: Path, seeds_dir: Path, dantri_dir: Path) -> Iterator[tuple[Path, Path]]:
    """(article, gold file) for every gold file whose article is available: the seeds'
    first, then the Dân trí articles' (read from ``dantri_dir``, never copied here)."""
    for gold_file in sorted((gold_dir / "seeds").glob("*.yaml")):
        yield seeds_dir / f"{gold_file.stem}.txt", gold_file
    for gold_file in sorted((gold_dir / "dantri").glob("*.yaml")):
        article = dantri_dir / f"{gold_file.stem}.txt"
        if article.exists():
            yield article, gold_file


def topic_of(doc: str) -> str:
    """"news_health_065" -> "health"; the seed articles are one topic of their own."""
    parts = doc.split("_")
    return parts[1] if parts[0] == "news" and len(parts) == 3 else "seeds"


def numeric_total(scores: dict[ClaimKind, KindScore]) -> KindScore:
    """The numeric kinds' counts summed: what the numeric floors and figures are about."""
    total = KindScore()
    for kind, score in scores.items():
        if kind in NUMERIC_KINDS:
            total.true_positives += score.true_positives
            total.false_positives += score.false_positives
            total.false_negatives += score.false_negatives
    return total
