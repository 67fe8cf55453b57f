"""Memory and speed of `check -f jsonl` over large archives with a warm analysis cache.

    python bench/stream.py [--sizes 5000,50000] [--nlp] [--keep DIR]

Replicates the shared Dân trí archive under new ids (same-length ids, so each replica's
analysis is the original's and the cache is warm) and runs the real command line on
5,000 and 50,000 articles, printing wall time, articles per second and the process's
peak RSS. Memory must stay flat: the pipeline streams inputs, batches and output.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DANTRI = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


def replicate(target: Path, count: int) -> None:
    """``count`` articles: the archive's files again and again, each under a new doc_id."""
    originals = sorted(DANTRI.glob("news_*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in originals]
    target.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        round_, i = divmod(n, len(texts))
        # "news_business_001" -> "r007_business_001": a new id of the same length
        text = texts[i].replace("# doc_id = news_", f"# doc_id = r{round_:03d}_", 1)
        folder = target / f"{n // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{originals[i].stem}-{round_:03d}.txt").write_text(text, encoding="utf-8")


def run(args: list[str], env: dict) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MB and exit status of one factcheck run."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen([FACTCHECK, *args], stdout=sink, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        print(process.stderr.read().decode()[-2000:], file=sys.stderr)
    return time.perf_counter() - started, usage.ru_maxrss // 1024, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5000,50000")
    parser.add_argument("--nlp", action="store_true", help="warm the cache with Stanza (slow); default --no-nlp")
    parser.add_argument("--keep", type=Path, help="keep the replicated archive and cache here")
    args = parser.parse_args()
    if not DANTRI.exists():
        print(f"needs the shared archive at {DANTRI}", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-stream-"))
    env = dict(os.environ, FACTCHECK_CACHE=str(work / "cache.sqlite"), FACTCHECK_REVIEWS=str(work / "reviews.jsonl"))
    nlp = [] if args.nlp else ["--no-nlp"]
    common = ["check", "-f", "jsonl", "--fail-on", "never", *nlp, "--facts", str(ROOT / "claims")]
    try:
        seconds, rss, _ = run([*common, str(DANTRI)], env)
        print(f"warm-up: the {len(list(DANTRI.glob('news_*.txt')))} originals analysed into the cache in {seconds:.1f}s (peak RSS {rss} MB)")
        print(f"{'articles':>9} {'seconds':>8} {'articles/s':>11} {'peak RSS MB':>12}")
        peaks = {}
        for size in (int(s) for s in args.sizes.split(",")):
            archive = work / f"archive-{size}"
            if not archive.exists():
                replicate(archive, size)
            seconds, rss, status = run([*common, str(archive)], env)
            peaks[size] = rss
            print(f"{size:>9} {seconds:>8.1f} {size / seconds:>11.0f} {rss:>12}" + ("" if status in (0, 1) else f"  (exit {status})"))
        if len(peaks) > 1:
            small, large = min(peaks), max(peaks)
            print(f"peak RSS at {large} vs {small} articles: {peaks[large] / peaks[small] - 1:+.1%}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
