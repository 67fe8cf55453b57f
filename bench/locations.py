"""Location claims on a whole archive: counts by rule and by place type, a random sample to
judge by hand, and every in-article place_region inconsistency.

    python bench/locations.py [--corpus DIR] [--sample 40] [--seed 1] [--jsonl FILE]

Runs without NLP (each paragraph one sentence), as ``factcheck extract --no-nlp`` does.
Prints figures only; nothing is asserted. ``--jsonl`` also writes every location claim, one
JSON object a line, for diffing two runs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.model.claims import ClaimKind  # noqa: E402
from factcheck.extract.engine import extract  # noqa: E402
from factcheck.text.readers import read_document  # noqa: E402
from factcheck.verify.consistency import find_inconsistencies  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jsonl", type=Path)
    args = parser.parse_args()

    by_rule, by_type, by_region_type = Counter(), Counter(), Counter()
    located, inconsistencies = [], []
    for path in sorted(args.corpus.glob("*.txt")):
        claims = extract(read_document(path))
        places = [c for c in claims if c.kind is ClaimKind.location]
        by_rule.update(c.rule for c in places)
        by_type.update(c.value.place_type or "-" for c in places)
        by_region_type.update(c.value.region_type or "-" for c in places if c.value.region)
        located.extend((path.stem, c) for c in places)
        inconsistencies.extend((path.stem, i) for i in find_inconsistencies(claims) if i.kind == "place_region")

    print(f"{len(located)} location claims in {len(list(args.corpus.glob('*.txt')))} articles")
    for title, counts in (("by rule", by_rule), ("by place_type", by_type), ("by region_type", by_region_type)):
        print(f"\n{title}")
        for key, count in counts.most_common():
            print(f"  {count:6d}  {key}")

    print(f"\n{len(inconsistencies)} place_region inconsistencies")
    for stem, found in inconsistencies:
        print(f"  {stem}: {found.message}")

    print(f"\nrandom sample of {args.sample} (seed {args.seed})")
    for stem, claim in random.Random(args.seed).sample(located, min(args.sample, len(located))):
        value = claim.value.compact()
        print(f"  {stem}:{claim.line} {claim.rule:28s} {claim.text!r} -> {value}")

    if args.jsonl:
        with args.jsonl.open("w", encoding="utf-8") as out:
            for stem, claim in located:
                out.write(json.dumps({"article": stem, "rule": claim.rule, "text": claim.text, "value": claim.value.compact(), "sentence": claim.sentence}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
