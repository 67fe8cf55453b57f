"""The rule layer alone: every rule over the shared Dân trí archive, without NLP.

    python bench/rules.py [--repeat 3]

Reads the 1,328 articles of ../shared/data/news/dantri-unc once, then extracts every kind
from each (each paragraph one sentence, as ``check --no-nlp`` does) ``--repeat`` times,
printing the claims found and the best wall time. It isolates what rule changes cost: a full
``check`` spends most of its time in Stanza (``bench/check.py``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract.engine import extract  # noqa: E402
from factcheck.text.readers import read_document  # noqa: E402

DANTRI = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(DANTRI.glob("news_*.txt"))
    if not files:
        print(f"no articles under {DANTRI}", file=sys.stderr)
        return 2
    documents = [read_document(path) for path in files]
    best, claims = float("inf"), 0
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        claims = sum(len(extract(document)) for document in documents)
        best = min(best, time.perf_counter() - started)
    print(f"{len(documents)} articles, {claims} claims: rules alone {best:.1f} s (best of {args.repeat}), "
          f"{1000 * best / len(documents):.1f} ms per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
