"""The archive as evidence (issue 13): every figure of the closing note, one command.

    python bench/archive.py [--articles ../shared/data/news/dantri-unc] [--facts claims] [--out DIR]

1. build time over the articles, cold (an empty analysis cache) and warm (the cache filled);
2. lookup time per keyed claim with the archive replicated to 100,000 articles;
3. every conflict in the archive (listed, for judgement);
4. suggested tenures, and the share of the archive's role claims they decide once accepted
   (all of them, into a copy of the fact base, then every role claim re-verified);
5. planted conflicts: 30 copies of archived articles each with one error (a title one rank
   off, a score changed, a place moved to another province), each checked against the
   archive: how many are found, naming the articles they disagree with.

Reads ../shared/data (never copied into the repository); writes only under --out.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.archive import build  # noqa: E402
from factcheck.archive.conflicts import find_conflicts  # noqa: E402
from factcheck.archive.lookup import Archive  # noqa: E402
from factcheck.archive.store import connect, fold  # noqa: E402
from factcheck.archive.suggest import suggest, to_yaml  # noqa: E402
from factcheck.model.claims import ClaimKind  # noqa: E402
from factcheck.verify.location import PLACES  # noqa: E402
from factcheck.pipeline import run  # noqa: E402
from factcheck.renderers.text import conflicts as conflicts_text  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "news" / "dantri-unc"


def build_archive(articles: Path, db: Path, cache: Path) -> tuple[float, build.BuildStats]:
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    options = run.Options(cache=cache)
    started = time.perf_counter()
    connection = connect(db, create=True)
    stats = build.BuildStats()
    build.add(connection, run.analyze(build.pending(connection, run.read([articles], options), stats), options), stats)
    connection.close()
    return time.perf_counter() - started, stats


def replicate(source: Path, target: Path, size: int) -> int:
    """Copy the archive's articles and statements under new doc ids up to ``size`` articles."""
    shutil.copy(source, target)
    db = sqlite3.connect(str(target), isolation_level=None)
    base = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    copies = 0
    db.execute("BEGIN")
    while base * (copies + 2) <= size:
        copies += 1
        offset = db.execute("SELECT max(id) FROM articles").fetchone()[0]
        db.execute("INSERT INTO articles (id, document, content, source, url, date) SELECT id + ?, document || '#copy' || ?, content || ?, source, url, date "
                   "FROM articles WHERE id <= ?", (offset, copies, copies, base))
        db.execute("INSERT INTO statements SELECT article + ?, kind, subject, aspect, value, display, label, date, exact, line, claim, text "
                   "FROM statements WHERE article <= ?", (offset, base))
    db.execute("COMMIT")
    fold(db)
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    return total


def lookups(db: Path, articles: Path, cache: Path, index, sample: int = 300) -> tuple[int, int, float]:
    options = run.Options(cache=cache)
    archive = Archive(db, index)
    analysed = list(run.analyze(run.read([articles], options), options))[:sample]
    from factcheck.archive.statements import statements

    keyed = sum(len(statements(claims, document.date, archive._person)) for document, claims in analysed)
    started = time.perf_counter()
    for document, claims in analysed:
        archive.evidence(document, claims)
    elapsed = time.perf_counter() - started
    return sum(len(c) for _, c in analysed), keyed, elapsed


def role_share(articles: Path, cache: Path, facts: Path, suggestions_file: Path, out: Path) -> tuple[Counter, Counter]:
    """Verdicts of every role claim with the fact base as it is, and with all suggestions accepted."""
    from factcheck.facts.addfact import append_facts
    from factcheck.facts.index import FactIndex
    from factcheck.facts.load import load_fact_base
    from factcheck.facts.packs import pack_files
    from ruamel.yaml import YAML

    copy = out / "facts-accepted"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(facts, copy)
    packs = pack_files(facts)
    document = YAML().load(suggestions_file.read_text(encoding="utf-8"))
    append_facts(copy / "reviewed.yaml", {k: list(document.get(k) or []) for k in ("sources", "entities", "tenures", "locations")}, copy, packs)
    options = run.Options(cache=cache)
    verdicts = []
    for base_dir in (facts, copy):
        base, _ = load_fact_base(base_dir, packs)
        index = FactIndex.build(base)
        tally = Counter()
        for report in run.check(run.read([articles], options), options, index):
            tally.update(c.verdict.value for c in report.claims if c.kind is ClaimKind.role)
        verdicts.append(tally)
    return verdicts[0], verdicts[1]


# ------------------------------------------------------------------------------ planting

SWAP_COUNTRIES = ["Campuchia", "Lào", "Thái Lan"]
SWAP_PROVINCES = ["Cà Mau", "Lai Châu", "Kon Tum", "Bạc Liêu"]  # not also commune names (there are communes "Thái Bình" in many provinces)


def _planted_title(title: str) -> str | None:
    if title.startswith("Thứ trưởng"):
        return "Bộ trưởng" + title[len("Thứ trưởng"):]
    if title.startswith("Bộ trưởng"):
        return "Thứ trưởng" + title[len("Bộ trưởng"):]
    if title.lower().startswith("phó "):
        rest = title[4:]
        return rest[:1].upper() + rest[1:]
    return "Phó " + title


def _movable(index, subject: str, label: str, value: str) -> bool:
    """A place of one province (not a homonym, not a hamlet or a street) stated in its
    province or country: moving it to another province is an error the archive can see."""
    from factcheck.archive.conflicts import PlaceJudge
    from factcheck.verify.location import unheld

    place_type = label.split(" ", 1)[0] if " " in label else None
    if unheld(place_type):
        return False
    judge = PlaceJudge(index)
    regions = index.named(value, PLACES)
    return len(judge._provinces(subject.split("|", 1)[1], place_type)) == 1 and any(r.level in (0, 1) for r in regions)


def plant(db: Path, count: int = 30, seed: int = 13, index=None) -> list[dict]:
    """Pick archived claims with other articles agreeing, and say how to change each one:
    a ranked title one rank off, a place whose province is another, a score changed."""
    connection = sqlite3.connect(str(db))
    rng = random.Random(seed)
    picks = []
    for kind, quota in (("role", 12), ("place", 12), ("score", 6)):
        groups = connection.execute(
            "SELECT subject, aspect, value FROM statements WHERE kind = ? AND exact = 1 GROUP BY subject, aspect, value "
            "HAVING count(DISTINCT article) >= 2 ORDER BY subject, aspect, value", (kind,)).fetchall()
        if kind == "role":
            groups = [g for g in groups if g[2].split("|", 1)[0]]  # ranked titles only
        if kind == "place" and index is not None:
            labels = dict(connection.execute("SELECT subject, min(label) FROM statements WHERE kind = 'place' GROUP BY subject"))
            groups = [g for g in groups if _movable(index, g[0], labels[g[0]], g[2])]
        rng.shuffle(groups)
        taken = 0
        for subject, aspect, value in groups:
            if taken == quota:
                break
            row = connection.execute(
                "SELECT a.source, s.line, s.text, s.display, a.id FROM statements s JOIN articles a ON a.id = s.article "
                "WHERE s.kind = ? AND s.subject = ? AND s.aspect = ? AND s.value = ? ORDER BY a.date DESC LIMIT 1", (kind, subject, aspect, value)).fetchone()
            again = connection.execute("SELECT count(*) FROM statements WHERE article = ? AND kind = ? AND subject = ?", (row[4], kind, subject)).fetchone()[0]
            if again > 1:
                continue  # the article states it twice: a planted change would be an in-article inconsistency, not the archive's
            country = kind == "place" and index is not None and any(r.level == 0 for r in index.named(value, PLACES))
            pick = {"kind": kind, "subject": subject, "value": value, "source": row[0], "line": row[1], "text": row[2], "display": row[3],
                    "country": country}
            if _changed(pick) is None:
                continue  # nothing in the claim's text to change (a name alone, no score)
            picks.append(pick)
            taken += 1
    return picks[:count]


def _changed(pick: dict) -> str | None:
    text, display = pick["text"], pick["display"]
    if pick["kind"] == "role":
        title = display.split(" (", 1)[0]
        new = _planted_title(title)
        return text.replace(title, new, 1) if new and title in text else None
    if pick["kind"] == "score":
        match = re.search(r"(\d+)\s*-\s*(\d+)", text)
        if not match:
            return None
        a, b = int(match.group(1)), int(match.group(2))
        changed = f"{a + 1}-{b + 1}" if a == b else f"{a + 2}-{b}"  # a draw stays a draw ("hòa 1-1" -> "hòa 2-2")
        return text[:match.start()] + changed + text[match.end():]
    region = display.split(" ", 1)[1] if display.split(" ", 1)[0].lower() in ("tỉnh", "huyện", "quận", "thành") else display
    if region not in text:
        return None
    swaps = SWAP_COUNTRIES if pick.get("country") else SWAP_PROVINCES  # a city abroad moves to another country
    other = next(p for p in swaps if p != region)
    return text[::-1].replace(region[::-1], other[::-1], 1)[::-1]


def planted_run(db: Path, picks: list[dict], out: Path, cache: Path | None, index, nlp: bool = True) -> list[dict]:
    folder = out / "planted"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    results = []
    for number, pick in enumerate(picks):
        lines = Path(pick["source"]).read_text(encoding="utf-8").split("\n")
        changed = _changed(pick)
        line = lines[pick["line"] - 1]
        if changed is None or pick["text"] not in line:
            results.append({**pick, "found": False, "why": "could not plant"})
            continue
        lines[pick["line"] - 1] = line.replace(pick["text"], changed, 1)
        path = folder / f"planted_{number:02d}_{Path(pick['source']).name}"
        path.write_text("\n".join(lines), encoding="utf-8")
        pick["planted"] = changed
        pick["path"] = str(path)
    options = run.Options(cache=cache, nlp=nlp)
    archive = Archive(db, index)
    by_path = {p.get("path"): p for p in picks if p.get("path")}
    for document, claims in run.analyze(run.read(sorted(Path(p) for p in by_path), options), options):
        pick = by_path[document.source]
        _, disputes = archive.evidence(document, claims)
        hit = [d for d in disputes if d.line == pick["line"] and d.kind == pick["kind"]]
        from factcheck.archive.statements import statements

        mine = [s for c, s in statements(claims, document.date, archive._person) if c.line == pick["line"] and s.kind == pick["kind"]]
        pick["read"] = any(s.value != pick["value"] for s in mine)  # the planted value was extracted
        results.append({**pick, "found": bool(hit), "dispute": hit[0].message if hit else None,
                        "against": [w.where for w in hit[0].majority.witnesses] if hit else [],
                        "why": None if hit else ", ".join(f"{d.kind}@{d.line}" for d in disputes) or "no dispute"})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=SHARED)
    parser.add_argument("--facts", type=Path, default=ROOT / "claims")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench-archive")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold build (it analyses every article: minutes)")
    parser.add_argument("--size", type=int, default=100_000, help="articles in the replicated archive")
    parser.add_argument("--planted-only", action="store_true", help="only the planted conflicts, on the archive --out already holds")
    args = parser.parse_args()
    if not args.articles.is_dir():
        sys.exit(f"{args.articles}: not found (the shared articles are needed)")
    args.out.mkdir(parents=True, exist_ok=True)
    cache = args.out / "analysis.sqlite"
    db = args.out / "archive.sqlite"
    if args.planted_only:
        index = run.load_facts(args.facts, run.Options(cache=cache))
        report_planted(args.out / "archive.sqlite", args.out, cache, index)
        return
    if not args.no_cold:
        cold_cache = args.out / "cold-analysis.sqlite"
        cold_cache.unlink(missing_ok=True)
        seconds, stats = build_archive(args.articles, db, cold_cache)
        print(f"build, cold analysis cache: {seconds:.1f} s for {stats.added} articles ({stats.statements} statements)")
        shutil.copy(cold_cache, cache)
    seconds, stats = build_archive(args.articles, db, cache)
    print(f"build, warm analysis cache: {seconds:.1f} s for {stats.added} articles ({stats.statements} statements)")
    connection = connect(db)
    started = time.perf_counter()
    stats2 = build.BuildStats()
    build.add(connection, run.analyze(build.pending(connection, run.read([args.articles], run.Options(cache=cache)), stats2), run.Options(cache=cache)), stats2)
    print(f"rebuild, nothing new: {time.perf_counter() - started:.1f} s ({stats2.unchanged} unchanged, {stats2.added} analysed)")

    index = run.load_facts(args.facts, run.Options(cache=cache))
    found = find_conflicts(connection, index)
    print(f"\nconflicts in the archive: {len(found)}")
    for chunk in conflicts_text(found):
        print(chunk, end="")

    big = args.out / "archive-100k.sqlite"
    total = replicate(db, big, args.size)
    claims, keyed, elapsed = lookups(big, args.articles, cache, index)
    print(f"\nlookup at {total} articles: {keyed} keyed claims (of {claims} claims in 300 articles) in {elapsed * 1000:.0f} ms: "
          f"{elapsed * 1000 / max(1, keyed):.3f} ms per keyed claim, {elapsed * 1000 / max(1, claims):.3f} ms per claim")

    suggestions = suggest(connection, index, 2)
    file = args.out / "suggested.yaml"
    file.write_text(to_yaml(suggestions), encoding="utf-8")
    tenures = [s for s in suggestions if s.kind == "tenure"]
    print(f"\nsuggested: {len(tenures)} tenures, {len(suggestions) - len(tenures)} locations ({file})")
    before, after = role_share(args.articles, cache, args.facts, file, args.out)
    roles = sum(before.values())
    decided_before = before["supported"] + before["contradicted"]
    decided_after = after["supported"] + after["contradicted"]
    print(f"role claims: {roles}; before: {dict(before)}; after accepting all: {dict(after)}")
    print(f"role claims turned from unverifiable to supported/contradicted: {decided_after - decided_before} of {roles} "
          f"({(decided_after - decided_before) / max(1, roles):.1%}); of those unverifiable before: "
          f"{(decided_after - decided_before) / max(1, before['unverifiable']):.1%}")

    report_planted(db, args.out, cache, index)


def report_planted(db: Path, out: Path, cache: Path, index) -> None:
    """Plant the conflicts in copies of archived articles, check them, print what was found."""
    picks = plant(db, index=index)
    results = planted_run(db, picks, out, cache, index)
    hits = sum(1 for r in results if r["found"])
    read = [r for r in results if r.get("read")]
    print(f"\nplanted conflicts found: {hits} of {len(results)}; the extractor reads {len(read)} of the planted values, "
          f"and {sum(1 for r in read if r['found'])} of those are found")
    for r in results:
        mark = "found" if r["found"] else "MISSED"
        print(f"  {mark:<6} {r['kind']:<6} {Path(r['source']).name}:{r['line']}  «{r['text']}» -> «{r.get('planted')}»")
        if r["found"]:
            print(f"         {r['dispute']}; against {', '.join(Path(w).name for w in r['against'])}")
        else:
            print(f"         {r['why']}")


if __name__ == "__main__":
    main()
