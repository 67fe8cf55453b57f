"""Check articles against the fact base: extraction, verdicts and inconsistencies per article."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections import Counter
from enum import Enum
from pathlib import Path

from pydantic import BaseModel

from factcheck.claims import Claim, Inconsistency, Verdict
from factcheck.document import Document
from factcheck.extract import extract
from factcheck.facts import FactBaseError, fact_files, load_fact_base
from factcheck.review import Decision, Finding, ReviewStore, claim_fingerprint, document_key, inconsistency_fingerprint, is_finding
from factcheck.verify import FactIndex, find_inconsistencies, verify_claims


class FailLevel(str, Enum):
    """``--fail-on``: the least serious finding that makes ``check`` exit 1."""

    contradicted = "contradicted"  # contradicted claims only
    inconsistent = "inconsistent"  # ... or inconsistencies inside an article
    unverifiable = "unverifiable"  # ... or ambiguous or unverifiable claims
    never = "never"


class DocumentReport(BaseModel):
    document: Document
    claims: list[Claim]
    inconsistencies: list[Inconsistency]
    stale: list[str] = []  # fingerprints of decisions on this article whose finding is gone

    def counts(self) -> Counter:
        return Counter(c.verdict.value for c in self.claims if c.verdict)

    def findings(self) -> list[Finding]:
        """Everything an editor may decide on: non-supported claims and inconsistencies."""
        name = document_key(self.document.source)
        found = [Finding(fingerprint=c.fingerprint, document=name, kind=c.kind.value, claim=c.text, verdict=c.verdict.value, line=c.line)
                 for c in self.claims if is_finding(c)]
        found += [Finding(fingerprint=i.fingerprint, document=name, kind=f"inconsistent:{i.kind}", claim=i.message, verdict="inconsistent", line=i.line)
                  for i in self.inconsistencies]
        return found


def load_index(facts: Path, cache_dir: Path | None = None) -> FactIndex:
    """The fact base as an index; schema problems stop the check (``facts validate`` explains).

    With ``cache_dir``, the built index is kept there as a pickle keyed by the fact files'
    content and the verifier's code, so a large fact base loads in a fraction of a second.
    """
    cached = _index_cache_file(facts, cache_dir) if cache_dir else None
    if cached is not None and cached.exists():
        try:
            gc.disable()  # unpickling 100k objects: the cyclic GC would rescan them again and again
            with cached.open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # a damaged or foreign pickle is rebuilt, never trusted
            cached.unlink(missing_ok=True)
        finally:
            gc.enable()
    base, problems = load_fact_base(facts)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        shown = "\n  ".join(str(p) for p in errors[:5])
        more = f"\n  ... and {len(errors) - 5} more" if len(errors) > 5 else ""
        raise FactBaseError(f"the fact base in {facts} has {len(errors)} error(s); run `factcheck facts validate {facts}`:\n  {shown}{more}")
    index = FactIndex.build(base)
    if cached is not None:
        index = index.compact()
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cached)
    return index


def _index_cache_file(facts: Path, cache_dir: Path) -> Path:
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for code in (package / "facts.py", package / "verify.py", package / "normalize.py"):
        digest.update(code.read_bytes())
    for path in fact_files(facts):
        digest.update(str(path.relative_to(facts) if Path(facts).is_dir() else path.name).encode())
        digest.update(path.read_bytes())
    return Path(cache_dir) / f"facts-{digest.hexdigest()[:20]}.pickle"


def check_document(document: Document, index: FactIndex, store: ReviewStore | None = None, claims: list[Claim] | None = None) -> DocumentReport:
    """Verdicts, inconsistencies and fingerprints for one article; decisions from ``store``.

    ``claims`` are the article's extracted claims when they are known already (the cache).
    """
    claims = verify_claims(extract(document) if claims is None else claims, index, document.date)
    claims = [c.model_copy(update={"fingerprint": claim_fingerprint(document.source, c)}) for c in claims]
    inconsistencies = [i.model_copy(update={"fingerprint": inconsistency_fingerprint(document.source, i, claims)})
                       for i in find_inconsistencies(claims)]
    report = DocumentReport(document=document, claims=claims, inconsistencies=inconsistencies)
    if store is not None:
        apply_reviews(report, store)
    return report


def apply_reviews(report: DocumentReport, store: ReviewStore) -> None:
    """Attach each finding's decision, and list the article's decisions whose finding is gone."""
    for item in [*report.claims, *report.inconsistencies]:
        review = store.decisions.get(item.fingerprint)
        item.review = review.decision.value if review else None
    present = {f.fingerprint for f in report.findings()}
    name = document_key(report.document.source)
    report.stale = sorted(fp for fp, review in store.decisions.items() if review.document == name and fp not in present)


def suppressed(item) -> bool:
    return item.review == Decision.dismissed.value


def findings(reports: list[DocumentReport], level: FailLevel) -> int:
    """How many findings are at or above ``level``."""
    if level is FailLevel.never:
        return 0
    count = 0
    for report in reports:
        for claim in report.claims:
            if suppressed(claim):
                continue
            if claim.verdict is Verdict.contradicted:
                count += 1
            elif level is FailLevel.unverifiable and claim.verdict in (Verdict.unverifiable, Verdict.ambiguous):
                count += 1
        if level in (FailLevel.inconsistent, FailLevel.unverifiable):
            count += sum(1 for i in report.inconsistencies if not suppressed(i))
    return count
