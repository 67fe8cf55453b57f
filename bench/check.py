"""Checking a whole archive: every figure side by side in one run.

    python bench/check.py [--limit N] [--corpus DIR] [--entities 100000]

On the shared Dân trí articles (each step a separate process, as a user runs it):
  1. Stanza tokenize + POS alone (bulk, models loaded once, tagging what check tags)
  2. cold `factcheck check --jobs 1` (empty analysis cache; one process, as step 1)
  3. warm re-check after a fact-base edit (analysis cache filled, fact index rebuilt)
  4. cold `factcheck check --jobs 2`
with wall time, documents/s and peak RSS of each. Then, on a generated fact base of
--entities entities (with aliases, locations and tenures): cold load + index time, warm load
time (cached index), and linking time per mention (exact alias and misspelled).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) of the process tree's largest member, exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])} failed: {proc.stderr[-2000:]}")
    return seconds, max(peak, before) / 1024, proc.returncode


STANZA_ONLY = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from factcheck.text.inputs import load_documents
from factcheck.nlp.analyzer import StanzaAnalyzer
from factcheck.extract.registry import reads_tags
documents = load_documents([Path(p) for p in {paths!r}])
analyzer = StanzaAnalyzer()
for start in range(0, len(documents), 16):  # tagging what check tags
    analyzer.analyze_many(documents[start:start + 16], tag_if=reads_tags)
"""


def corpus_files(corpus: Path, limit: int | None) -> list[str]:
    files = sorted(str(p) for p in corpus.glob("news_*.txt"))
    return files[:limit] if limit else files


def archive_figures(files: list[str], work: Path) -> list[tuple[str, float, float]]:
    import os

    facts = work / "claims"
    shutil.copytree(ROOT / "claims", facts)
    env = dict(os.environ, FACTCHECK_REVIEWS=str(work / "reviews.yaml"))
    rows = []
    seconds, rss, _ = run([sys.executable, "-c", STANZA_ONLY.format(root=str(ROOT), paths=files)], env)
    rows.append(("Stanza tokenize+POS alone", seconds, rss))
    check = [FACTCHECK, "check", "--format", "jsonl", "--facts", str(facts), "--fail-on", "never", "--jobs", "1"]
    cache = work / "cache" / "analysis.sqlite"
    seconds, rss, _ = run([*check, "--cache", str(cache), *files], env)
    rows.append(("cold check", seconds, rss))
    places = facts / "places.yaml"  # a fact-base-only edit: a new place
    nara = "  - {id: nara, type: place, name: Nara, sources: [gsi-japan-admin]}"
    places.write_text(places.read_text(encoding="utf-8").replace(nara, nara + "\n  - {id: chiba, type: place, name: Chiba, sources: [gsi-japan-admin]}"), encoding="utf-8")
    seconds, rss, _ = run([*check, "--cache", str(cache), *files], env)
    rows.append(("warm re-check after fact edit", seconds, rss))
    seconds, rss, _ = run([*check[:-1], "2", "--cache", str(work / "cache2" / "analysis.sqlite"), *files], env)
    rows.append(("cold check --jobs 2", seconds, rss))
    return rows


def generate_fact_base(directory: Path, count: int, seed: int = 7) -> list[str]:
    """``count`` people and places with aliases, locations and tenures; returns sample names."""
    rng = random.Random(seed)
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Xuân", "Anh"]
    given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khoa", "Lan", "Long", "Mai", "Nam", "Phong", "Quân", "Sơn",
             "Tâm", "Thảo", "Trung", "Tuấn", "Việt", "Yến", "Hạnh", "Khánh", "Lộc", "Nhung", "Phúc", "Quyên", "Tín", "Vinh"]
    syllables = ["ka", "shi", "mo", "to", "ri", "na", "ya", "ha", "ku", "se", "lo", "vi", "an", "ben", "dor", "mar", "tel", "quan", "lin", "zen"]
    lines = ["sources:", "  - {id: gen, publisher: Bench, title: generated, document: bench, accessed: 2026-01-01}", "entities:"]
    names, used = [], set()
    for i in range(count):
        if i % 2 == 0:
            name = f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)} {rng.choice(given)}"
            kind = "person"
        else:
            name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize() + f" {rng.choice(syllables).capitalize()}"
            kind = "place"
        if name in used:
            name = f"{name} {i}"
        used.add(name)
        alias = name.replace(" ", "-") + f"-{i}"
        lines.append(f'  - {{id: e{i}, type: {kind}, name: "{name}", aliases: ["{alias}"], sources: [gen]}}')
        names.append(name)
    lines.append("locations:")
    for i in range(1, count, 4):
        lines.append(f"  - {{id: l{i}, place: e{i}, region: e{(i + 2) % count if (i + 2) % count % 2 else 1}, sources: [gen]}}")
    lines.append("tenures:")
    for i in range(0, count, 10):
        lines.append(f'  - {{id: t{i}, person: e{i}, title: "Giám đốc", organization: e{i + 1}, start: 2020-01-01, sources: [gen]}}')
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "generated.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return names


def fact_base_figures(count: int, work: Path) -> list[tuple[str, str]]:
    from factcheck.facts.index import load_index
    from factcheck.facts.schema import EntityType

    facts = work / "big-claims"
    names = generate_fact_base(facts, count)
    cache = work / "index-cache"
    started = time.perf_counter()
    index = load_index(facts, cache)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    index = load_index(facts, cache)
    warm = time.perf_counter() - started
    rng = random.Random(1)
    sample = [rng.choice(names) for _ in range(500)]
    types = (EntityType.person, EntityType.place)
    started = time.perf_counter()
    linked = sum(1 for n in sample if index.link(n, types))
    exact = (time.perf_counter() - started) / len(sample)

    def typo(name: str) -> str:
        position = rng.randrange(1, len(name) - 1)
        return name[:position] + name[position + 1 :]

    people = names[0::2]  # the generator alternates people and places
    misspelled = [typo(rng.choice(people)) for _ in range(200)]  # fuzzy linking is for people; places link exactly
    started = time.perf_counter()
    fuzzy_linked = sum(1 for n in misspelled if index.link(n, (EntityType.person,)))
    fuzzy = (time.perf_counter() - started) / len(misspelled)
    return [
        ("entities (each with an alias)", f"{count:,}"),
        ("cold load + schema check + index", f"{cold:.2f} s"),
        ("warm load (cached index)", f"{warm:.2f} s"),
        ("link exact name", f"{exact * 1000:.3f} ms/mention ({linked}/{len(sample)} linked)"),
        ("link misspelled person name", f"{fuzzy * 1000:.2f} ms/mention ({fuzzy_linked}/{len(misspelled)} linked)"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--skip-archive", action="store_true", help="only the fact-base figures")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    try:
        if not args.skip_archive:
            if not args.corpus.is_dir():
                print(f"corpus not found at {args.corpus}", file=sys.stderr)
                return 2
            files = corpus_files(args.corpus, args.limit)
            rows = archive_figures(files, work)
            base = rows[0][1]
            print(f"archive: {len(files)} Dân trí articles")
            print(f"{'run':<32} {'seconds':>8} {'docs/s':>7} {'x Stanza':>9} {'peak RSS':>9}")
            for name, seconds, rss in rows:
                print(f"{name:<32} {seconds:>8.1f} {len(files) / seconds:>7.1f} {seconds / base:>9.2f} {rss:>6.0f} MB")
            cold, warm = rows[1][1], rows[2][1]
            print(f"warm re-check is {cold / warm:.1f}x faster than cold")
        print(f"\nfact base of {args.entities:,} generated entities")
        for name, value in fact_base_figures(args.entities, work):
            print(f"{name:<32} {value}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
