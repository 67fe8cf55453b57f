"""Speed and memory of the NLP layer on the shared Dân trí corpus, side by side.

    python bench/nlp.py [--limit N] [--corpus DIR]

Runs each pipeline in its own process (so peak RSS is its own) over the same article text:
- factcheck: our Stanza tokenizer + POS tagger (bundled models), bulk over documents, as
  ``check`` runs them: every word segmented, the sentences its token-reading rules match
  tagged (``registry.reads_tags``; about half the words);
- factcheck-tag-all: the same with every sentence tagged, as ``tag`` runs them;
- underthesea: ``word_tokenize`` + ``pos_tag`` per line, the tool a user would pick instead
  (the comparison issue 15 is measured against);
- underthesea-pos: ``pos_tag`` alone per line (it segments words itself, so this is the
  cheapest way to get words and tags from underthesea, and the stricter comparison).
Prints documents, sentences, tokens, seconds, sentences/s, tokens/s and peak RSS, then our
tokens/s as a multiple of each underthesea row.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"


def article_files(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(corpus.glob("news_*.txt"))
    return files[:limit] if limit else files


def run_factcheck(files: list[Path], tag_all: bool = False) -> dict:
    sys.path.insert(0, str(ROOT))
    from factcheck.extract.registry import reads_tags
    from factcheck.nlp.analyzer import StanzaAnalyzer
    from factcheck.text.readers import read_document

    documents = [read_document(f) for f in files]
    analyzer = StanzaAnalyzer()
    tag_if = None if tag_all else reads_tags
    started = time.perf_counter()
    analyzed = []
    for start in range(0, len(documents), 16):  # the batch size the CLI uses
        analyzed.extend(analyzer.analyze_many(documents[start : start + 16], tag_if=tag_if))
    seconds = time.perf_counter() - started
    sentences = sum(len(d.sentences) for d in analyzed)
    tokens = sum(len(s.tokens) for d in analyzed for s in d.sentences)
    tagged = sum(1 for d in analyzed for s in d.sentences for t in s.tokens if t.upos)
    return {"sentences": sentences, "tokens": tokens, "tagged": tagged, "seconds": seconds}


def run_underthesea(files: list[Path]) -> dict:
    from underthesea import pos_tag, word_tokenize

    sys.path.insert(0, str(ROOT))
    from factcheck.text.readers import read_document

    lines = [d.slice(p) for d in (read_document(f) for f in files) for p in d.paragraphs]
    word_tokenize("Khởi động.")  # load models outside the timing, as for Stanza
    pos_tag("Khởi động.")
    started = time.perf_counter()
    tokens = 0
    for line in lines:
        word_tokenize(line)
        tokens += len(pos_tag(line))
    seconds = time.perf_counter() - started
    return {"sentences": len(lines), "tokens": tokens, "seconds": seconds}


def run_underthesea_pos(files: list[Path]) -> dict:
    from underthesea import pos_tag

    sys.path.insert(0, str(ROOT))
    from factcheck.text.readers import read_document

    lines = [d.slice(p) for d in (read_document(f) for f in files) for p in d.paragraphs]
    pos_tag("Khởi động.")
    started = time.perf_counter()
    tokens = sum(len(pos_tag(line)) for line in lines)
    seconds = time.perf_counter() - started
    return {"sentences": len(lines), "tokens": tokens, "seconds": seconds}


ENGINES = {
    "factcheck": run_factcheck,
    "factcheck-tag-all": lambda files: run_factcheck(files, tag_all=True),
    "underthesea": run_underthesea,
    "underthesea-pos": run_underthesea_pos,
}


def child(engine: str, corpus: Path, limit: int | None) -> None:
    files = article_files(corpus, limit)
    result = ENGINES[engine](files)
    result["documents"] = len(files)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        child(args.engine, args.corpus, args.limit)
        return 0
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    print(f"{'pipeline':<18} {'docs':>5} {'sentences':>9} {'tokens':>8} {'tagged':>8} {'seconds':>8} {'sent/s':>7} {'tok/s':>7} {'peak RSS':>9}")
    speed = {}
    for engine in ENGINES:
        cmd = [sys.executable, __file__, "--engine", engine, "--corpus", str(args.corpus)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{engine:<18} failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        speed[engine] = r["tokens"] / r["seconds"]
        print(f"{engine:<18} {r['documents']:>5} {r['sentences']:>9} {r['tokens']:>8} {r.get('tagged', r['tokens']):>8} {r['seconds']:>8.1f} "
              f"{r['sentences'] / r['seconds']:>7.0f} {r['tokens'] / r['seconds']:>7.0f} {r['peak_rss_mb']:>7.0f} MB")
    for ours in ("factcheck", "factcheck-tag-all"):
        for peer in ("underthesea", "underthesea-pos"):
            if ours in speed and peer in speed:
                print(f"{ours} tokens/s = {speed[ours] / speed[peer]:.2f}x {peer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
