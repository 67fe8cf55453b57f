"""``factcheck facts validate``: keep the fact base sound in CI.

Error codes (exit 1 when any error is found; warnings alone exit 0):
    F001  a file is not a mapping of fact lists
    F002  schema: unknown field, missing field, wrong type, a fact without a source
    F003  duplicate id
    F004  reference to an unknown entity or source
    F005  two entities whose names collide after normalization
    W006  two entities whose names nearly collide (warning)
    F007  overlapping tenures of one exclusive title (``exclusive: true``) in one organization
    F008  impossible dates (end before start, accessed in the future)
    F009  a verdict on the checked articles differs from the committed expectation
    W010  tenures of one title in one organization disagree on ``exclusive`` (warning)
    W011  a curated place shares its name with pack places and has no ``ref`` linking it to
          one of them (warning: claims naming it may resolve to both)

Packs (generated files, ``facts/packs.py``) are validated like curated files, except that
their names may repeat: a gazetteer holds many communes of one name.
Broken YAML or unreadable files are not findings but failures: exit 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from collections import defaultdict

from rapidfuzz import fuzz, process

from factcheck.facts.schema import EntityType, FactBase, FactBaseError, FactProblem
from factcheck.text import yamlfile
from factcheck.facts.load import load_fact_base
from factcheck.text.normalize import match_key

NEAR_COLLISION = 92.0
BLOCK_LIMIT = 3000  # a block this big is a common word, not a likely typo pair


def _problem(base: FactBase, fact_id: str, path: str, code: str, message: str, severity: str = "error") -> FactProblem:
    file, line = base.where(fact_id, path.split(" -> ")[-1] if " -> " in path else None)
    return FactProblem(file=file, line=line, path=path, code=code, message=message, severity=severity)


def check_references(base: FactBase) -> list[FactProblem]:
    problems = []

    def entity(fact_id: str, section: str, field: str, ref: str | None, types: tuple[EntityType, ...] | None = None):
        if ref is None:
            return
        target = base.entities.get(ref)
        if target is None:
            problems.append(_problem(base, fact_id, f"{section} -> {fact_id} -> {field}", "F004", f"unknown entity {ref!r}"))
        elif types and target.type not in types:
            problems.append(_problem(base, fact_id, f"{section} -> {fact_id} -> {field}", "F004",
                                     f"{ref!r} is a {target.type.value}, expected {' or '.join(t.value for t in types)}"))

    def sources(fact_id: str, section: str, ids: list[str]):
        for source in ids:
            if source not in base.sources:
                problems.append(_problem(base, fact_id, f"{section} -> {fact_id} -> sources", "F004", f"unknown source {source!r}"))

    for item in base.entities.values():
        sources(item.id, "entities", item.sources)
        for heir in item.replaced_by:
            entity(item.id, "entities", "replaced_by", heir)
    for item in base.locations:
        entity(item.id, "locations", "place", item.place)
        entity(item.id, "locations", "region", item.region)
        sources(item.id, "locations", item.sources)
    for item in base.tenures:
        entity(item.id, "tenures", "person", item.person, (EntityType.person,))
        entity(item.id, "tenures", "organization", item.organization, (EntityType.country, EntityType.organization))
        sources(item.id, "tenures", item.sources)
    for item in base.events:
        entity(item.id, "events", "place", item.place, (EntityType.place, EntityType.country))
        for participant in item.participants:
            entity(item.id, "events", "participants", participant)
        sources(item.id, "events", item.sources)
    return problems


def check_aliases(base: FactBase) -> list[FactProblem]:
    """Names of two entities that fold to the same key (error) or nearly (warning)."""
    problems = []
    owners: dict[str, tuple[str, str]] = {}
    for item in base.entities.values():
        if item.id in base.pack_of:
            continue
        for name in item.names:
            key = match_key(name)
            owner = owners.get(key)
            if owner and owner[0] != item.id:
                problems.append(_problem(base, item.id, f"entities -> {item.id} -> aliases", "F005",
                                         f"name {name!r} collides with {owner[1]!r} of {owner[0]!r} after normalization"))
            owners.setdefault(key, (item.id, name))
    # Near collisions: only names sharing a word's first three letters are compared, so a
    # fact base of 100k entities is checked in seconds rather than by 10^10 comparisons.
    blocks: dict[tuple, list[tuple[str, str, str]]] = defaultdict(list)
    for key, (entity_id, name) in owners.items():
        if len(key) < 5:
            continue
        for word in set(key.split()):
            blocks[(base.entities[entity_id].type, word[:3])].append((key, entity_id, name))
    reported: set[tuple[str, str]] = set()
    for items in blocks.values():
        if len(items) < 2 or len(items) > BLOCK_LIMIT:
            continue
        keys = [item[0] for item in items]
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=NEAR_COLLISION, workers=1)
        for i, j in zip(*scores.nonzero()):
            (key_a, id_a, name_a), (key_b, id_b, name_b) = items[i], items[j]
            if i >= j or id_a == id_b or (id_a, id_b) in reported or (id_b, id_a) in reported:
                continue
            reported.add((id_a, id_b))
            problems.append(_problem(base, id_b, f"entities -> {id_b}", "W006",
                                     f"name {name_b!r} nearly collides with {name_a!r} of {id_a!r} ({scores[i][j]:.0f}%)", "warning"))
    return problems


def check_tenures(base: FactBase) -> list[FactProblem]:
    """End before start (F008); two holders at once of a title only one person holds (F007);
    tenures of one title that disagree on whether it is exclusive (W010)."""
    problems = []
    for item in base.tenures:
        if item.end and item.end < item.start:
            problems.append(_problem(base, item.id, f"tenures -> {item.id} -> end", "F008", f"end {item.end} is before start {item.start}"))
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for item in base.tenures:
        groups[(match_key(item.title), item.organization)].append(item)
    for tenures in groups.values():
        marked = {t.exclusive for t in tenures}
        if len(marked) > 1:
            first = next(t for t in tenures if t.exclusive)
            for item in (t for t in tenures if not t.exclusive):
                problems.append(_problem(base, item.id, f"tenures -> {item.id} -> exclusive", "W010",
                                         f"{item.title} of {item.organization} is exclusive in {first.id} but not here: mark both or neither",
                                         "warning"))
        exclusive = sorted((t for t in tenures if t.exclusive), key=lambda t: t.start)
        for i, a in enumerate(exclusive):
            for b in exclusive[i + 1 :]:
                if a.person != b.person and (a.end is None or b.start <= a.end):
                    problems.append(_problem(base, b.id, f"tenures -> {b.id}", "F007",
                                             f"{b.title} of {b.organization} held by {b.person} from {b.start} overlaps {a.id} ({a.person}, {a.start} to {a.end or 'now'}), and only one person holds it at a time"))
    return problems


def check_pack_shadows(base: FactBase) -> list[FactProblem]:
    """Curated places named like pack places, without a ``ref`` saying which one they are (W011)."""
    if not base.pack_of:
        return []
    pack_names: dict[str, list[str]] = defaultdict(list)
    for item in base.entities.values():
        if item.id in base.pack_of and item.type in (EntityType.place, EntityType.country):
            for name in item.names:
                pack_names[match_key(name)].append(item.id)
    problems = []
    for item in base.entities.values():
        if item.id in base.pack_of or item.ref or item.type not in (EntityType.place, EntityType.country):
            continue
        shared = sorted({e for name in item.names for e in pack_names.get(match_key(name), ())})
        if shared:
            refs = ", ".join(filter(None, (base.entities[e].ref for e in shared[:3])))
            problems.append(_problem(base, item.id, f"entities -> {item.id}", "W011",
                                     f"{item.name!r} is also a pack place ({', '.join(shared[:3])}); add ref: with its upstream id ({refs}) "
                                     "so that the two are one place", "warning"))
    return problems


def check_dates(base: FactBase, today: dt.date) -> list[FactProblem]:
    problems = []
    for source in base.sources.values():
        if source.accessed > today:
            problems.append(_problem(base, source.id, f"sources -> {source.id} -> accessed", "F008", f"accessed {source.accessed} is in the future"))
    return problems


def validate(directory: Path, today: dt.date | None = None, packs: list[Path] = (), cache_dir: Path | None = None) -> tuple[FactBase, list[FactProblem]]:
    """Every problem of the fact base in ``directory`` with its ``packs`` (parsed packs kept
    in ``cache_dir``), errors first."""
    base, problems = load_fact_base(directory, list(packs), cache_dir)
    problems += (check_references(base) + check_aliases(base) + check_pack_shadows(base) + check_tenures(base)
                 + check_dates(base, today or dt.date.today()))
    return base, sorted(problems, key=lambda p: (p.severity != "error", p.file, p.line))


# -- expectations: verdicts a fact-base edit must not flip silently -------------------------


def verdict_table(reports) -> dict[str, dict[str, str]]:
    """{article file name: {"<line>:<kind>:<text>": verdict}} plus inconsistencies, for a YAML file."""
    table: dict[str, dict[str, str]] = {}
    for report in reports:
        name = Path(report.document.source or "").name
        rows = {f"{c.line}:{c.kind.value}:{c.text}": c.verdict.value for c in report.claims}
        for inconsistency in report.inconsistencies:
            rows[f"{inconsistency.line}:inconsistent:{inconsistency.kind}"] = "inconsistent"
        table[name] = rows
    return table


def read_expectations(expected_file: Path) -> dict[str, dict[str, str]]:
    """The committed verdicts, or one clear error naming the file and what is wrong."""
    if expected_file.is_dir():
        raise FactBaseError(f"{expected_file}: --expect names a directory; give the expectation file (e.g. tests/expected/seeds.yaml)")
    try:
        expected = yamlfile.load(expected_file.read_bytes().decode("utf-8")) or {}
    except UnicodeDecodeError as error:
        raise FactBaseError(f"{expected_file}: not valid UTF-8 at byte {error.start}; is this the expectation file?") from None
    except OSError as error:
        raise FactBaseError(f"{expected_file}: cannot read: {error.strerror}") from None
    except yamlfile.YamlProblem as problem:
        raise FactBaseError(f"{problem.where(str(expected_file))}: {problem.message}") from None
    if not isinstance(expected, dict) or not all(isinstance(rows, dict) for rows in expected.values()):
        raise FactBaseError(f"{expected_file}: an expectation file maps each article to {{'<line>:<kind>:<text>': verdict}}; "
                            "regenerate it with --update-expect")
    return expected


def _line_of(key: str) -> int:
    head = str(key).split(":", 1)[0]
    return int(head) if head.isdigit() else 0


def compare_expectations(actual: dict, expected_file: Path) -> list[FactProblem]:
    expected = read_expectations(expected_file)
    problems = []
    for article in sorted(set(actual) | set(expected)):
        have, want = actual.get(article, {}), expected.get(article, {})
        for key in sorted(set(have) | set(want), key=lambda k: (_line_of(k), str(k))):
            if have.get(key) != want.get(key):
                line = _line_of(key)
                problems.append(FactProblem(file=article, line=line, path=key, code="F009",
                                            message=f"verdict {have.get(key) or 'missing'}, expected {want.get(key) or 'no such claim'} (per {expected_file})"))
    return problems


def write_expectations(actual: dict, path: Path) -> None:
    header = "# Verdicts `factcheck facts validate --against ... --expect` holds the fact base to.\n# Regenerate with --update-expect after a deliberate change, and review the diff.\n"
    if path.is_dir():
        raise FactBaseError(f"{path}: --expect names a directory; give a file to write")
    path.write_text(header + yaml.safe_dump(actual, allow_unicode=True, sort_keys=True, width=200), encoding="utf-8")
