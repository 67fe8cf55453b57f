"""Places at national scale, measured on an archive: how many location claims get a verdict.

    python bench/places.py [--corpus DIR] [--packs all|none|NAME,...] [--nlp] [--list]

Prints: the time to load the fact base with its packs cold (no index cache) and warm
(cached index); location claims by verdict, the share with a verdict (supported,
contradicted incl. outdated, ambiguous); event claims whose place names a fact-base place;
then every contradicted location claim and every place_region inconsistency as
``file:line  text  ->  reason``, for a person to judge. ``--list`` also prints a sample of
supported and unverifiable claims with their reasons.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"


def main() -> None:
    from factcheck.facts.index import load_index
    from factcheck.facts.packs import pack_files
    from factcheck.model.claims import ClaimKind, Verdict
    from factcheck.verify.location import PLACES
    from factcheck.pipeline import run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--facts", type=Path, default=ROOT / "claims")
    parser.add_argument("--packs", default="all")
    parser.add_argument("--nlp", action="store_true", help="run Stanza (default: --no-nlp, one sentence per paragraph)")
    parser.add_argument("--list", action="store_true", help="also print samples of supported and unverifiable claims")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus}")

    packs = pack_files(args.facts, args.packs)
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        index = load_index(args.facts, Path(cache), packs=packs)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        index = load_index(args.facts, Path(cache), packs=packs)
        warm = time.perf_counter() - started
    print(f"fact base {args.facts} with packs {', '.join(p.stem for p in packs) or 'none'}: "
          f"{len(index.entities)} entities, {len(index.location_by_id)} locations; load cold {cold:.2f}s, warm {warm:.2f}s")

    options = run.Options(nlp=args.nlp, cache=None)
    files = sorted(args.corpus.glob("*.txt"))
    verdicts, notes, shapes, events, linked = Counter(), Counter(), Counter(), 0, 0
    flagged, inconsistent, samples = [], [], {Verdict.supported: [], Verdict.unverifiable: []}
    started = time.perf_counter()
    for report in run.check(run.read(files, options), options, index):
        name = Path(report.document.source).name
        for claim in report.claims:
            if claim.kind is ClaimKind.event and claim.value.place:
                events += 1
                linked += bool(index.named(claim.value.place, PLACES))
            if claim.kind is not ClaimKind.location:
                continue
            verdicts[claim.verdict] += 1
            shapes[("in a region" if claim.value.region else "a typed unit alone", claim.verdict is not Verdict.unverifiable)] += 1
            notes.update(e.note for e in claim.evidence[:1] if e.note)
            row = f"{name}:{claim.line}  {claim.text!r}  ->  {claim.reason}"
            if claim.verdict is Verdict.contradicted:
                flagged.append(row)
            elif claim.verdict in samples:
                samples[claim.verdict].append(row)
        for item in report.inconsistencies:
            if item.kind == "place_region":
                inconsistent.append(f"{name}:{item.line}  {item.message}")
    seconds = time.perf_counter() - started
    total = sum(verdicts.values())
    judged = total - verdicts[Verdict.unverifiable]
    print(f"{len(files)} articles checked in {seconds:.1f}s")
    print(f"location claims: {total}; " + ", ".join(f"{v.value} {verdicts[v]}" for v in Verdict)
          + f" (outdated {notes['outdated']}); with a verdict: {judged} ({judged / max(total, 1):.1%})")
    for shape in ("in a region", "a typed unit alone"):
        done, count = shapes[(shape, True)], shapes[(shape, True)] + shapes[(shape, False)]
        print(f"  {shape}: {count}, with a verdict {done} ({done / max(count, 1):.1%})")
    print(f"event claims with a place: {events}; place names a fact-base place: {linked} ({linked / max(events, 1):.1%})")
    print(f"\ncontradicted location claims ({len(flagged)}):")
    print("\n".join(f"  {row}" for row in flagged))
    print(f"\nplace_region inconsistencies ({len(inconsistent)}):")
    print("\n".join(f"  {row}" for row in inconsistent))
    if args.list:
        rng = random.Random(7)
        for verdict, rows in samples.items():
            print(f"\nsample of {verdict.value} ({len(rows)}):")
            print("\n".join(f"  {row}" for row in rng.sample(rows, min(30, len(rows)))))


if __name__ == "__main__":
    main()
