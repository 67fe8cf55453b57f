"""Fuzz the reader and the rules with random Vietnamese-like articles.

    python scripts/fuzz.py [--count 100000] [--seed 0] [--jobs 1] [--only I]

Each article (``factcheck.text.samples.random_article``, seeded by ``SEED-I`` so any one can
be replayed with ``--only I``) goes through ``parse_document`` and ``extract``, and must
hold what ``tests/test_text_properties.py`` asserts: nothing raises, every claim's text is
the raw file text at its offsets with a line and column, and the article saved in NFD gives
the claims (kind, value, fingerprint) of the same article in NFC. Prints each failure with
the failing text (as a Python literal) and exits 1 when there is any, else 0.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.extract.engine import extract  # noqa: E402
from factcheck.facts.index import FactIndex  # noqa: E402
from factcheck.facts.schema import FactBase  # noqa: E402
from factcheck.pipeline.check import check_document  # noqa: E402
from factcheck.text.readers import parse_document  # noqa: E402
from factcheck.text.samples import HEADER, random_article, twins  # noqa: E402

_INDEX = None


def article(seed: int, number: int) -> str:
    return random_article(random.Random(f"{seed}-{number}"))


def problem(text: str) -> str | None:
    """What is wrong with ``text``'s extraction, or None."""
    global _INDEX
    if not text[len(HEADER.format(date="2026-01-31")) + 1 :].strip():
        return None  # a header and nothing after it: no article (as the property test skips it)
    try:
        document = parse_document(text, "a.txt")
        for claim in extract(document):
            if text[claim.start : claim.end] != claim.text:
                return f"claim text {claim.text!r} is not the file text {text[claim.start:claim.end]!r} at {claim.start}:{claim.end}"
            if claim.line < 1 or claim.column < 1:
                return f"claim {claim.text!r} at line {claim.line}, column {claim.column}"
        _INDEX = _INDEX or FactIndex.build(FactBase())
        found = []
        for form in twins(text):
            twin = parse_document(form, "a.txt")
            report = check_document(twin, _INDEX, None, extract(twin))
            found.append([(c.kind.value, c.value.compact(), c.fingerprint) for c in report.claims])
        if found[0] != found[1]:
            return f"NFC and NFD twins differ:\n    NFC {found[0]}\n    NFD {found[1]}"
    except Exception:  # noqa: BLE001 - any exception is a finding
        return traceback.format_exc(limit=-3)
    return None


def _run(job: tuple[int, int]) -> tuple[int, str, str] | None:
    seed, number = job
    text = article(seed, number)
    found = problem(text)
    return (number, text, found) if found else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="how many articles (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--only", type=int, help="replay article number ONLY of --seed")
    args = parser.parse_args(argv)
    numbers = [args.only] if args.only is not None else range(args.count)
    jobs = [(args.seed, n) for n in numbers]
    started, failures = time.monotonic(), 0
    if args.jobs > 1:
        pool = multiprocessing.get_context("fork").Pool(args.jobs)
        results = pool.imap_unordered(_run, jobs, chunksize=200)
    else:
        pool, results = None, map(_run, jobs)
    for done, result in enumerate(results, start=1):
        if result:
            failures += 1
            number, text, found = result
            print(f"FAIL seed {args.seed} article {number} (replay: --seed {args.seed} --only {number})\n  text: {text!r}\n  {found}", flush=True)
        if done % 10_000 == 0:
            print(f"{done} articles, {failures} failure(s), {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    if pool:
        pool.close()
    print(f"{len(jobs)} articles, {failures} failure(s), in {time.monotonic() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
