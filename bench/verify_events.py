"""Verification time per article as the fact base grows in events.

    python bench/verify_events.py [--limit 200] [--sizes 0,10000,50000] [--corpus DIR]

The fact base is the shipped ``claims/`` plus ``N`` generated events (with the people and
places they name): common cue words shared by many events ("hội đàm", "gặp", "trận đấu"),
one specific cue each, dates spread over 2000-2026, any mix of duration, score and counts.
The articles are the seeds and, when ``../shared/data/news/dantri-unc`` exists, the first
``--limit`` Dân trí articles, extracted without Stanza (``read_document`` + ``extract``, as
``--no-nlp`` does) once; only ``verify_claims`` is timed, per article, and within it the
time spent in the event verifiers (duration, score, quantity, date, event, gap), apart from
name linking, which grows with the generated people rather than with the events.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"

COMMON_CUES = ["hội đàm", "hội nghị", "cuộc gặp", "gặp", "gặp gỡ", "cuộc họp", "họp báo", "diễn tập", "tập trận", "giao lưu",
               "trận đấu", "trận", "lễ hội", "hội thảo", "thượng đỉnh", "biểu diễn", "vụ cháy", "vụ tai nạn", "lễ ký", "đối thoại",
               "chuyến thăm", "thăm", "triển lãm", "giải đấu", "lễ khai mạc"]
SYLLABLES = ["ka", "shi", "mo", "to", "ri", "na", "ya", "ha", "ku", "se", "lo", "vi", "an", "ben", "dor", "mar", "tel", "quan", "lin", "zen"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khoa", "Lan", "Long", "Mai", "Nam", "Phong", "Quân", "Sơn"]
UNITS = ["phút", "giờ", "ngày", "minute", "hour", "tiếng", "tuần"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def generate_events(directory: Path, count: int, seed: int = 11) -> None:
    """The shipped fact base plus ``count`` events and the people and places they name."""
    shutil.copytree(ROOT / "claims", directory)
    if not count:
        return
    rng = random.Random(seed)
    people, places = max(count // 5, 1), max(count // 20, 1)
    lines = ["sources:", "  - {id: gen, publisher: Bench, title: generated, document: bench, accessed: 2026-01-01}", "entities:"]
    for i in range(people):
        lines.append(f'  - {{id: gp{i}, type: person, name: "{rng.choice(FAMILY)} {word(rng)} {rng.choice(GIVEN)} {i}", sources: [gen]}}')
    for i in range(places):
        lines.append(f'  - {{id: gl{i}, type: place, name: "{word(rng)} {word(rng)} {i}", sources: [gen]}}')
    lines.append("events:")
    first, days = dt.date(2000, 1, 1), (dt.date(2026, 12, 31) - dt.date(2000, 1, 1)).days
    for i in range(count):
        cues = sorted({rng.choice(COMMON_CUES) for _ in range(rng.randint(1, 2))}) + [f"hội nghị {word(rng)} {i}"]
        day = first + dt.timedelta(days=rng.randrange(days))
        fields = [f"id: gev{i}", f'name: "Sự kiện {i}"', "cues: [" + ", ".join(f'"{c}"' for c in cues) + "]"]
        shape = rng.random()
        if shape < 0.75:
            fields.append(f"date: {day}")
        elif shape < 0.9:
            fields += [f"start: {day}", f"end: {day + dt.timedelta(days=rng.randint(1, 10))}"]
        else:
            fields += [f"previous: {day}", f"resumed: {day + dt.timedelta(days=rng.randint(30, 4000))}"]
        if rng.random() < 0.7:
            fields.append(f"place: gl{rng.randrange(places)}")
        fields.append("participants: [" + ", ".join(f"gp{rng.randrange(people)}" for _ in range(rng.randint(0, 3))) + "]")
        attributes = []
        if rng.random() < 0.3:
            attributes.append(f"duration: {{amount: {rng.randint(1, 300)}, unit: {rng.choice(UNITS)}, tolerance: {rng.randint(0, 10)}}}")
        if rng.random() < 0.2:
            attributes.append(f"score: [{rng.randint(0, 5)}, {rng.randint(0, 5)}]")
        if rng.random() < 0.2:
            attributes.append(f"counts: [{{unit: {rng.choice(['lượt', 'ván', 'người', 'bàn'])}, amounts: [{rng.randint(1, 50)}]}}]")
        if attributes:
            fields.append("attributes: {" + ", ".join(attributes) + "}")
        fields.append("sources: [gen]")
        lines.append("  - {" + ", ".join(fields) + "}")
    (directory / "generated.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def articles(corpus: Path, limit: int) -> list[tuple[str, list, dt.date | None]]:
    """(name, claims, date) of every article, extracted once without Stanza."""
    from factcheck.extract.engine import extract
    from factcheck.text.readers import read_document

    files = sorted((ROOT / "seeds").glob("*.txt"))
    if corpus.is_dir():
        files += sorted(corpus.glob("news_*.txt"))[:limit]
    else:
        print(f"({corpus} not found: seeds only)")
    result = []
    for path in files:
        document = read_document(path)
        result.append((path.name, extract(document), document.date))
    return result


EVENT_KINDS = ("duration", "score", "quantity", "date", "event", "gap")


def timed_event_verifiers(spent: list[float]) -> None:
    """Wrap the event verifiers in the registry so their time adds up in ``spent[0]``."""
    from factcheck.verify import registry

    def timed(verifier):
        def run(claim, article):
            started = time.perf_counter()
            try:
                return verifier(claim, article)
            finally:
                spent[0] += time.perf_counter() - started

        return run

    for kind, verifier in list(registry.registered().items()):
        if kind.value in EVENT_KINDS:
            registry.VERIFIERS[kind] = timed(verifier)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="Dân trí articles to check (default 200)")
    parser.add_argument("--sizes", default="0,10000,50000", help="generated events, comma-separated")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the articles; the fastest counts")
    args = parser.parse_args()

    from factcheck.facts.index import FactIndex
    from factcheck.facts.load import load_fact_base
    from factcheck.verify.registry import verify_claims

    spent = [0.0]
    timed_event_verifiers(spent)
    docs = articles(args.corpus, args.limit)
    claims = sum(len(c) for _, c, _ in docs)
    print(f"{len(docs)} articles, {claims} claims (extracted without Stanza)")
    print(f"{'events':>8} {'build s':>8} {'ms/article':>11} {'p95 ms':>7} {'max ms':>7} {'events ms':>10}  verdicts")
    with tempfile.TemporaryDirectory() as work:
        for size in (int(s) for s in args.sizes.split(",")):
            facts = Path(work) / f"claims-{size}"
            generate_events(facts, size)
            started = time.perf_counter()
            base, problems = load_fact_base(facts)
            if any(p.severity == "error" for p in problems):
                raise SystemExit(f"generated fact base is invalid: {problems[:3]}")
            index = FactIndex.build(base).compact()
            build = time.perf_counter() - started
            best: list[float] | None = None
            for _ in range(args.repeat):
                times, verdicts, spent[0] = [], {}, 0.0
                for _, article_claims, day in docs:
                    started = time.perf_counter()
                    checked = verify_claims(article_claims, index, day)
                    times.append((time.perf_counter() - started) * 1000)
                    for claim in checked:
                        verdicts[claim.verdict.value] = verdicts.get(claim.verdict.value, 0) + 1
                if best is None or sum(times) < sum(best):
                    best, in_events = times, spent[0] * 1000 / len(docs)
            p95 = sorted(best)[int(0.95 * (len(best) - 1))]
            counts = ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items()))
            print(f"{len(base.events):>8} {build:>8.1f} {statistics.mean(best):>11.2f} {p95:>7.2f} {max(best):>7.2f} {in_events:>10.2f}  {counts}")


if __name__ == "__main__":
    main()
