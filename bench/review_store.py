"""The review store at scale: loading, adding one decision, applying decisions to a report.

    python bench/review_store.py [--sizes 10000 100000] [--per-document 20] [--reports 500]

For each size, generates a store of that many decisions in a temporary folder (realistic
fields: Vietnamese claims, documents ``YYYY/MM/slug-N.md``, several reviewers, a tenth of
the findings with an earlier decision in their history) and prints:
  load        ``load_store`` of the whole file (best of 3)
  add one     ``decide`` on a new finding: lock, append one line, fsync (median of 20)
  apply/doc   ``apply_reviews`` on a report of 30 claims whose article has decisions in
              the store (median over --reports reports, each applied once)
and, for comparison, the same store as the old YAML format (load only, up to 10,000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.model.claims import Claim, ClaimKind, Value, Verdict  # noqa: E402
from factcheck.model.document import Document  # noqa: E402
from factcheck.model.report import DocumentReport, Finding  # noqa: E402
from factcheck.review.fingerprints import add_fingerprints  # noqa: E402
from factcheck.review.store import Decision, Review, apply_reviews, decide, load_store  # noqa: E402

PLACES = ["quận Yokosuka, Tokyo", "tỉnh Kanagawa", "TP Hồ Chí Minh", "huyện Đông Anh, Hà Nội", "tỉnh Quảng Ninh", "thành phố Đà Nẵng"]
PHRASES = ["ngày 30/1", "khoảng 55 phút", "hơn 24.400 người", "3-1", "tăng 12%", "150 tỷ đồng", "Bộ trưởng Quốc phòng Koizumi"]
KINDS = [ClaimKind.location, ClaimKind.date, ClaimKind.duration, ClaimKind.quantity, ClaimKind.score, ClaimKind.percent, ClaimKind.money]
REVIEWERS = ["Nguyễn Thị Lan", "Trần Văn Minh", "Lê Hoàng An", "Phạm Thu Hà"]
NOTES = ["", "lỗi chú thích ảnh, đã sửa trên CMS", "nguồn: Bộ Quốc phòng Nhật Bản", "không phải lỗi", "cần hỏi phóng viên"]
DECISIONS = [Decision.dismissed, Decision.confirmed, Decision.needs_source, Decision.fact_updated]


def _claims(document: int, count: int) -> list[Claim]:
    """The same claims for the same document number on every call."""
    rng, claims = random.Random(document), []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        text = f"{rng.choice(PLACES if kind is ClaimKind.location else PHRASES)} #{document}-{i}"
        claims.append(Claim(id=f"{document}-{i}", kind=kind, text=text, start=0, end=len(text), line=1 + i * 2, sentence=text,
                            value=Value(place=text) if kind is ClaimKind.location else Value(amount=i), rule="bench",
                            verdict=rng.choice([Verdict.contradicted, Verdict.unverifiable, Verdict.ambiguous])))
    return claims


def _report(document: int) -> DocumentReport:
    name = f"{2020 + document % 6}/{1 + document % 12:02d}/bai-viet-{document}.md"
    report = DocumentReport(document=Document(text="x", source=f"archive/{name}", key=name), claims=_claims(document, 30),
                            inconsistencies=[])
    add_fingerprints(report)
    return report


def generate(path: Path, size: int, per_document: int, seed: int = 9) -> int:
    """Write a store of ``size`` decisions to ``path``; return how many documents it covers."""
    rng = random.Random(seed)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    lines, documents = [], 0
    while len(lines) < size:
        report = _report(documents)
        for finding in report.findings()[:per_document]:
            at = start + dt.timedelta(minutes=len(lines))
            if rng.random() < 0.1 and len(lines) < size - 1:  # an earlier decision in the history
                lines.append(_line(rng, finding, Decision.reopened, at - dt.timedelta(days=1)))
            lines.append(_line(rng, finding, rng.choice(DECISIONS), at))
        documents += 1
    path.write_text("".join(line + "\n" for line in lines[:size]), encoding="utf-8")
    return documents


def _line(rng: random.Random, finding: Finding, decision: Decision, at: dt.datetime) -> str:
    return Review(finding.fingerprint, finding.document, finding.kind, finding.claim, finding.verdict, finding.line, decision,
                  rng.choice(REVIEWERS), at, rng.choice(NOTES)).to_line()


def _yaml(path: Path, jsonl: Path) -> None:
    """The same decisions in the old YAML format."""
    import yaml

    store = load_store(jsonl)
    data = {"decisions": {fp: {"document": r.document, "kind": r.kind, "claim": r.claim, "verdict": r.verdict, "line": r.line,
                               "decision": r.decision.value, "by": r.by, "at": r.at.isoformat(), "note": r.note,
                               "history": [{"decision": h.decision.value, "by": h.by, "at": h.at.isoformat(), "note": h.note} for h in r.history]}
                          for fp, r in store.decisions.items()}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=120), encoding="utf-8")


def measure(size: int, per_document: int, reports: int, work: Path) -> None:
    store_file = work / f"reviews-{size}.jsonl"
    documents = generate(store_file, size, per_document)
    loads = []
    for _ in range(3):
        started = time.perf_counter()
        store = load_store(store_file)
        loads.append(time.perf_counter() - started)
    adds = []
    for i in range(20):
        finding = Finding(fingerprint=f"bench{size:08d}{i:04d}", document="2026/02/moi.md", kind="date", claim="ngày 31/1",
                          verdict="contradicted", line=i)
        started = time.perf_counter()
        decide(store_file, finding, Decision.dismissed, "bench", "bench")
        adds.append(time.perf_counter() - started)
    rng = random.Random(1)
    sample = [_report(rng.randrange(documents)) for _ in range(reports)]  # articles with decisions in the store
    applies, decided = [], 0
    for report in sample:
        started = time.perf_counter()
        apply_reviews(report, store)
        applies.append(time.perf_counter() - started)
        decided += sum(1 for c in report.claims if c.review)
    megabytes = store_file.stat().st_size / 1e6
    print(f"{size:>7} decisions ({documents} documents, {megabytes:.1f} MB): load {min(loads) * 1000:.0f} ms, "
          f"add one {statistics.median(adds) * 1000:.1f} ms, apply/doc {statistics.median(applies) * 1000:.3f} ms "
          f"({decided / len(sample):.1f} decided findings per report)")
    if size <= 10_000:
        legacy = work / f"old-{size}.yaml"  # not reviews-N.yaml: that name would read reviews-N.jsonl
        _yaml(legacy, store_file)
        started = time.perf_counter()
        load_store(legacy)
        print(f"{'':>7} same store as old YAML: load {(time.perf_counter() - started) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--per-document", type=int, default=20, help="decisions per article")
    parser.add_argument("--reports", type=int, default=500, help="reports to apply decisions to")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="review-bench-") as work:
        for size in args.sizes:
            measure(size, args.per_document, args.reports, Path(work))


if __name__ == "__main__":
    main()
