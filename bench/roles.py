"""Role claims on the hand-annotated gold, per topic, and person spans against underthesea's NER.

    python bench/roles.py [--nlp] [--errors FILE] [--error-topics business,health]
                          [--no-underthesea]

Reads the gold in tests/gold/ (seeds and Dân trí; guideline: GUIDELINES.md, "Roles") and
the articles from ../shared. Every gold file annotates roles, so every file counts.

Per topic (the Dân trí file name says it: news_<topic>_NNN; the seeds are their own
group): role claims matched by span overlap as in ``factcheck.extract.gold`` (P, R, F1),
and how often the matched claim's ``person`` agrees with the gold's. Then the mean and the
worst topic. Rules are meant to hold on topics they were not tuned on: tune on four
topics' errors (``--errors`` with ``--error-topics``), look at the fifth only as a score.

Person spans: the gold person of each role claim is located inside the claim's text; ours
is the ``person`` of our role claims located the same way; underthesea's are its ``ner``
PER entities (B-PER/I-PER, run line by line, bundled model, offline). Recall: gold person
spans matched exactly. Boundary precision: of the spans that overlap a gold role claim
(a recognizer is not blamed for people the gold gives no role), the share that equals a
gold person span exactly. Without NLP (default) each line is one sentence, as
``factcheck --no-nlp`` reads it.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract.engine import extract  # noqa: E402
from factcheck.extract.gold import KindScore, gold_pairs as _gold_pairs, gold_span, load_gold, score_document, topic_of  # noqa: E402
from factcheck.model.claims import ClaimKind  # noqa: E402
from factcheck.text.readers import read_document  # noqa: E402

GOLD = ROOT / "tests" / "gold"
DANTRI = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"
TOPICS = ("business", "health", "society", "sport", "world")


def gold_pairs():
    """(topic, article path, gold file) for every gold file whose article is available."""
    for article, gold_file in _gold_pairs(GOLD, ROOT / "seeds", DANTRI):
        topic = topic_of(gold_file.stem)
        if topic in (*TOPICS, "seeds"):
            yield topic, article, gold_file


def person_span(start: int, text: str, person) -> tuple[int, int] | None:
    """Where ``person`` lies inside a claim's ``text`` that starts at ``start``."""
    if not person:
        return None
    position = text.find(str(person))
    return (start + position, start + position + len(str(person))) if position >= 0 else None


def underthesea_persons(document) -> list[tuple[int, int]]:
    """underthesea's PER entities as character spans, line by line."""
    from underthesea import ner

    spans = []
    offset = 0
    for line in document.text.split("\n"):
        if line.strip():
            cursor = 0
            current: list[str] = []
            entities: list[str] = []
            for word, _pos, _chunk, tag in ner(line):
                if tag == "B-PER" or (tag == "I-PER" and not current):
                    if current:
                        entities.append(" ".join(current))
                    current = [word]
                elif tag == "I-PER":
                    current.append(word)
                else:
                    if current:
                        entities.append(" ".join(current))
                    current = []
            if current:
                entities.append(" ".join(current))
            for entity in entities:
                position = line.find(entity, cursor)
                if position < 0:
                    continue
                cursor = position + len(entity)
                spans.append((offset + position, offset + cursor))
        offset += len(line) + 1
    return spans


class SpanScore:
    def __init__(self) -> None:
        self.gold = self.found = self.near = self.exact_near = 0

    def add(self, gold: set, predicted: set, claim_spans: list) -> None:
        self.gold += len(gold)
        self.found += len(gold & predicted)
        near = {p for p in predicted if any(p[0] < e and s < p[1] for s, e in claim_spans)}
        self.near += len(near)
        self.exact_near += len(near & gold)

    def row(self) -> str:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.exact_near / self.near if self.near else 0.0
        return f"R {recall:.3f} ({self.found}/{self.gold})  boundary P {precision:.3f} ({self.exact_near}/{self.near})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--no-nlp", dest="nlp", action="store_false", help="each line is a sentence (default)")
    group.add_argument("--nlp", dest="nlp", action="store_true", help="run the bundled Stanza pipeline first")
    parser.set_defaults(nlp=False)
    parser.add_argument("--errors", type=Path, help="write misses, spurious claims and wrong persons here")
    parser.add_argument("--error-topics", default=",".join(TOPICS) + ",seeds",
                        help="topics whose errors go to --errors (leave the held-out topic out)")
    parser.add_argument("--no-underthesea", action="store_true", help="skip the underthesea NER anchor")
    parser.add_argument("--files", help="only these gold files, by name without .yaml, comma-separated "
                                        "(e.g. the fresh role-only ones of split.yaml)")
    args = parser.parse_args()

    triples = list(gold_pairs())
    if args.files:
        wanted = {name.strip() for name in args.files.split(",") if name.strip()}
        triples = [t for t in triples if t[2].stem in wanted]
    if not triples:
        print("no gold articles found", file=sys.stderr)
        return 2
    documents = [read_document(article) for _, article, _ in triples]
    started = time.perf_counter()
    if args.nlp:
        from factcheck.nlp.analyzer import StanzaAnalyzer

        documents = StanzaAnalyzer().analyze_many(documents)
    analyzed = time.perf_counter()
    scores: dict[str, dict] = defaultdict(dict)
    errors: list[str] = []
    ours, theirs = defaultdict(SpanScore), defaultdict(SpanScore)
    use_underthesea = not args.no_underthesea
    if use_underthesea:
        try:
            import underthesea  # noqa: F401
        except ImportError:
            print("underthesea not installed: pip install underthesea to compare person spans")
            use_underthesea = False
    error_topics = set(args.error_topics.split(","))
    for (topic, _, gold_file), document in zip(triples, documents):
        gold = load_gold(gold_file)
        gold.claims = [c for c in gold.claims if c.kind is ClaimKind.role]
        claims = [c for c in extract(document, {ClaimKind.role})]
        mismatches: list = []
        score_document(document, gold, claims, scores[topic], mismatches)
        if topic in error_topics:
            errors.extend(f"{m.doc}:{m.line} {m.problem:<8} {m.text!r} {m.detail}" for m in mismatches)
        claim_spans = [gold_span(document, c) for c in gold.claims]
        gold_persons = {span for c, (s, _) in zip(gold.claims, claim_spans) if (span := person_span(s, c.text, c.value.get("person")))}
        our_persons = {span for c in claims if (span := person_span(c.start, c.text, c.value.person))}
        ours[topic].add(gold_persons, our_persons, claim_spans)
        if use_underthesea:
            theirs[topic].add(gold_persons, set(underthesea_persons(document)), claim_spans)
    done = time.perf_counter()
    print(f"gold: {len(triples)} articles; NLP {'on' if args.nlp else 'off'}: analysis {analyzed - started:.1f}s, "
          f"rules and anchor {done - analyzed:.1f}s")
    print(f"\nrole claims per topic\n{'topic':<9} {'gold':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6} {'person':>7}")
    rows = []
    for topic in (*TOPICS, "seeds"):
        s = scores[topic].get(ClaimKind.role, KindScore())
        rows.append((topic, s))
        print(f"{topic:<9} {s.true_positives + s.false_negatives:>5} {s.true_positives:>4} {s.false_positives:>4} {s.false_negatives:>4} "
              f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.value_accuracy:>7.3f}")
    topical = [s for t, s in rows if t in TOPICS]
    mean = lambda f: sum(f(s) for s in topical) / len(topical)  # noqa: E731
    print(f"{'mean':<9} {'':>5} {'':>4} {'':>4} {'':>4} {mean(lambda s: s.precision):>6.3f} {mean(lambda s: s.recall):>6.3f} "
          f"{mean(lambda s: s.f1):>6.3f} {mean(lambda s: s.value_accuracy):>7.3f}")
    worst = min(rows[: len(TOPICS)], key=lambda r: r[1].f1)
    print(f"worst topic by F1: {worst[0]}; lowest P {min(s.precision for s in topical):.3f}, lowest R {min(s.recall for s in topical):.3f}")
    print("\nperson spans (gold persons of role claims)")
    for topic in (*TOPICS, "seeds"):
        line = f"{topic:<9} ours {ours[topic].row()}"
        if use_underthesea:
            line += f"   | underthesea {theirs[topic].row()}"
        print(line)
    total_ours, total_theirs = SpanScore(), SpanScore()
    for bucket, total in ((ours, total_ours), (theirs, total_theirs)):
        for s in bucket.values():
            for name in ("gold", "found", "near", "exact_near"):
                setattr(total, name, getattr(total, name) + getattr(s, name))
    print(f"{'all':<9} ours {total_ours.row()}" + (f"   | underthesea {total_theirs.row()}" if use_underthesea else ""))
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"\n{len(errors)} errors of {sorted(error_topics)} written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
