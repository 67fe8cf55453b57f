"""Precision and recall of claim extraction on the hand-annotated gold, per kind.

    python bench/extract.py [--no-nlp] [--errors FILE] [--by-topic] [--analysis-cache FILE]

Reads the gold in tests/gold/ and the article text from ../shared (Dân trí) and seeds/.
Prints, per kind: gold count, true/false positives, false negatives, precision, recall, F1
and how often the normalized value agrees. Then the same for dateparser's
``search_dates(languages=['vi'])`` on dates, side by side, when dateparser is installed.

``--by-topic`` adds the leave-one-topic-out report: the rules are hand-written, so there is
nothing to retrain; what matters is how they hold on a topic taken apart from the others.
Numeric P/R per topic (business, health, ...; the seeds as one more "topic"), dev and
held-out, with the mean over topics and the worst topic, which is the figure issue 12 sets
targets for. ``--analysis-cache FILE`` pickles the analyzed articles, so a second run skips
Stanza (delete the file after changing the analyzer or the articles).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.model.claims import NUMERIC_KINDS, Claim, ClaimKind, Value  # noqa: E402
from factcheck.extract.engine import extract  # noqa: E402
from factcheck.extract.gold import KindScore, Mismatch, gold_pairs as _gold_pairs, gold_span, load_gold, numeric_total, score_document, topic_of  # noqa: E402
from factcheck.text.readers import read_document  # noqa: E402

GOLD = ROOT / "tests" / "gold"
DANTRI = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"


def gold_pairs():
    """(article path, gold file) for every gold file whose article is available."""
    return _gold_pairs(GOLD, ROOT / "seeds", DANTRI)


def print_table(title: str, scores: dict[ClaimKind, KindScore]) -> None:
    print(f"\n{title}")
    print(f"{'kind':<10} {'gold':>5} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6} {'value':>6}")
    totals = KindScore()
    numeric = KindScore()
    for kind in ClaimKind:
        s = scores.get(kind)
        if s is None:
            continue
        print(f"{kind.value:<10} {s.true_positives + s.false_negatives:>5} {s.true_positives:>5} {s.false_positives:>5} {s.false_negatives:>5} "
              f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.value_accuracy:>6.3f}")
        for bucket in (totals, numeric) if kind in NUMERIC_KINDS else (totals,):
            bucket.true_positives += s.true_positives
            bucket.false_positives += s.false_positives
            bucket.false_negatives += s.false_negatives
            bucket.values_agree += s.values_agree
    for name, s in (("numeric", numeric), ("all", totals)):
        print(f"{name:<10} {s.true_positives + s.false_negatives:>5} {s.true_positives:>5} {s.false_positives:>5} {s.false_negatives:>5} "
              f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.value_accuracy:>6.3f}")


def print_by_topic(by_topic: dict[tuple[str, str], dict[ClaimKind, KindScore]]) -> None:
    """Leave-one-topic-out: numeric P/R of each topic held apart, then the mean and the worst."""
    print("\nleave-one-topic-out, numeric kinds (quantity, duration, date, score, percent, money)")
    for split in ("dev", "held-out", "all"):
        rows = []
        for (topic, s), scores in sorted(by_topic.items()):
            if s != split:
                continue
            total = numeric_total(scores)
            if total.true_positives + total.false_negatives + total.false_positives == 0:
                continue
            rows.append((topic, total))
        if not rows:
            continue
        print(f"\n{split}")
        print(f"{'topic':<10} {'gold':>5} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6}")
        for topic, t in rows:
            print(f"{topic:<10} {t.true_positives + t.false_negatives:>5} {t.true_positives:>5} {t.false_positives:>5} "
                  f"{t.false_negatives:>5} {t.precision:>6.3f} {t.recall:>6.3f}")
        precisions = [t.precision for _, t in rows]
        recalls = [t.recall for _, t in rows]
        print(f"{'mean':<10} {'':>23} {sum(precisions) / len(rows):>6.3f} {sum(recalls) / len(rows):>6.3f}")
        print(f"{'worst':<10} {'':>23} {min(precisions):>6.3f} {min(recalls):>6.3f}"
              f"   (P: {min(rows, key=lambda r: r[1].precision)[0]}, R: {min(rows, key=lambda r: r[1].recall)[0]})")


def dateparser_claims(document) -> list[Claim]:
    """dateparser's dates as claims, located in the text, for a side-by-side score."""
    from dateparser.search import search_dates

    claims = []
    settings = {"RELATIVE_BASE": __import__("datetime").datetime.combine(document.date, __import__("datetime").time())} if document.date else {}
    for paragraph in document.paragraphs:
        text = document.slice(paragraph)
        found = search_dates(text, languages=["vi"], settings=settings) or []
        cursor = 0
        for span_text, when in found:
            position = text.find(span_text, cursor)
            if position < 0:
                continue
            cursor = position + len(span_text)
            start = paragraph.start + position
            line, column = document.line_col(start)
            claims.append(Claim(id=f"dp{start}", kind=ClaimKind.date, text=span_text, start=start, end=start + len(span_text), line=line,
                                column=column, sentence=text, value=Value(date=when.date().isoformat()), rule="dateparser"))
    return claims


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-nlp", action="store_true", help="treat each line as a sentence instead of running Stanza")
    parser.add_argument("--errors", type=Path, help="write every miss, spurious claim and wrong value here")
    parser.add_argument("--no-dateparser", action="store_true")
    parser.add_argument("--by-topic", action="store_true", help="leave-one-topic-out: numeric P/R per topic, mean and worst")
    parser.add_argument("--analysis-cache", type=Path, help="pickle of the analyzed articles: read when there, else written")
    args = parser.parse_args()

    pairs = list(gold_pairs())
    if not pairs:
        print("no gold articles found", file=sys.stderr)
        return 2
    documents = [read_document(article) for article, _ in pairs]
    started = time.perf_counter()
    cached = args.analysis_cache and not args.no_nlp and args.analysis_cache.exists()
    if cached:
        documents = pickle.loads(args.analysis_cache.read_bytes())
    elif not args.no_nlp:
        from factcheck.nlp.analyzer import StanzaAnalyzer

        documents = StanzaAnalyzer().analyze_many(documents)
        if args.analysis_cache:
            args.analysis_cache.write_bytes(pickle.dumps(documents))
    analyzed = time.perf_counter()
    dev = set(yaml.safe_load((GOLD / "split.yaml").read_text(encoding="utf-8"))["dev"])
    splits = {"dev": ({}, []), "held-out": ({}, []), "all": ({}, [])}
    by_topic: dict[tuple[str, str], dict[ClaimKind, KindScore]] = {}
    for document, (_, gold_file) in zip(documents, pairs):
        claims, gold = extract(document), load_gold(gold_file)
        for split in ("dev" if gold.doc in dev else "held-out", "all"):
            score_document(document, gold, claims, *splits[split])
            score_document(document, gold, claims, by_topic.setdefault((topic_of(gold.doc), split), {}), [])
    done = time.perf_counter()
    gold_docs = sum(1 for _, g in pairs if g.parent.name == "dantri")
    print(f"gold: {len(pairs)} articles ({gold_docs} Dân trí, {len(pairs) - gold_docs} seeds); "
          f"NLP {'off' if args.no_nlp else 'on'}: analysis {analyzed - started:.1f}s, rules {done - analyzed:.2f}s")
    for split, (scores, _) in splits.items():
        count = sum(1 for _, g in pairs if (g.stem in dev) == (split == "dev")) if split != "all" else len(pairs)
        print_table(f"factcheck, {split} ({count} articles)", scores)
    if args.by_topic:
        print_by_topic(by_topic)

    if not args.no_dateparser:
        try:
            import dateparser  # noqa: F401
        except ImportError:
            print("\ndateparser not installed: pip install dateparser to compare")
        else:
            dp_scores: dict[ClaimKind, KindScore] = {}
            dp_misses: list[Mismatch] = []
            for document, (_, gold_file) in zip(documents, pairs):
                gold = load_gold(gold_file)
                gold.claims = [c for c in gold.claims if c.kind is ClaimKind.date]
                score_document(document, gold, dateparser_claims(document), dp_scores, dp_misses)
            print_table("dateparser search_dates(languages=['vi']) on dates, all articles", dp_scores)
    if args.errors:
        mismatches = splits["dev"][1]
        args.errors.write_text("\n".join(f"{m.doc}:{m.line} {m.problem:<8} {m.kind.value:<9} {m.text!r} {m.detail}" for m in mismatches) + "\n", encoding="utf-8")
        print(f"\n{len(mismatches)} dev mismatches written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
