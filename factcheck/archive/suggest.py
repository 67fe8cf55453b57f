"""``factcheck facts suggest``: facts the archive agrees on, as reviewable fact-base YAML.

- tenures: a person given one title by at least ``min_articles`` articles, with no other
  rank of that ladder in between (no conflict), from the first date seen; its organization
  the one the articles name most, or none when none names one ("HLV Lê Huỳnh Đức": such a
  tenure decides only claims that name no organization either); the supporting articles
  are its sources (url, else doc id); a spelling of the person's name as many articles
  use, which the verifier links to it, is an alias (``_tied_spellings``);
- locations: a place no pack holds put in one region by at least ``min_articles``
  articles and in no other.

Ranked by how many archived claims each would decide, then by support. Nothing is merged
here: an editor reads the file, deletes what is wrong, and ``factcheck facts accept``
appends the rest (validated, the fact file restored on failure). ``coverage`` lists the
claims that recur most with no fact to decide them.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import Counter, defaultdict
from urllib.parse import urlparse

from pydantic import BaseModel

from factcheck.facts.schema import EntityType
from factcheck.text.normalize import match_key, strip_diacritics
from factcheck.text.spelling import one_syllable_misspelt

SOURCES_PER_FACT = 3


class Suggestion(BaseModel):
    kind: str  # tenure | location
    id: str
    decides: int  # archived claims it would decide
    articles: int
    first: str
    last: str
    sources: list[dict]  # fact-base sources, one per supporting article shown
    entities: list[dict]  # new entities it needs
    fact: dict  # the tenure or location, in the fact-base schema


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_diacritics(text).lower()).strip("-") or "x"


class _Entities:
    """Curated fact-base entities by exact name; new ones made once per name."""

    def __init__(self, index) -> None:
        self.index = index
        self.made: dict[tuple[str, str], dict] = {}

    def id_for(self, name: str, kind: EntityType, types: tuple[EntityType, ...], source: str,
               aliases: list[str] = ()) -> tuple[str, dict | None]:
        if self.index is not None:
            rows = [row for row in self.index.named(name, types) if row.pack is None]
            if len(rows) == 1:
                return rows[0].id, None
        key = (kind.value, match_key(name))
        if key in self.made:
            made = self.made[key]
            more = [a for a in aliases if a not in made.get("aliases", [])]
            if more:
                made["aliases"] = made.get("aliases", []) + more
            return made["id"], None
        entity = {"id": f"{'p' if kind is EntityType.person else kind.value[:3]}-{_slug(name)}", "type": kind.value, "name": name, "sources": [source]}
        if aliases:
            entity["aliases"] = list(aliases)
        self.made[key] = entity
        return entity["id"], entity


def _sources(db: sqlite3.Connection, kind: str, subject: str, aspect: str, values: list[str], accessed: str) -> tuple[list[dict], int]:
    rows = db.execute(f"SELECT DISTINCT a.document, a.url, a.source, a.date FROM statements s JOIN articles a ON a.id = s.article "
                      f"WHERE s.kind = ? AND s.subject = ? AND s.aspect = ? AND s.value IN ({','.join('?' * len(values))}) ORDER BY a.date",
                      (kind, subject, aspect, *values)).fetchall()
    sources = []
    for document, url, path, _ in rows[:SOURCES_PER_FACT]:
        publisher = urlparse(url).netloc if url else "archive"
        source = {"id": f"archive-{_slug(document)}", "publisher": publisher or "archive", "title": document, "accessed": accessed}
        source["url" if url else "document"] = url or path or document
        sources.append(source)
    return sources, len({r[0] for r in rows})


def suggest(db: sqlite3.Connection, index=None, min_articles: int = 2) -> list[Suggestion]:
    """Tenures and locations the archive supports, most claims decided first."""
    accessed = dict(db.execute("SELECT key, value FROM meta")).get("built") or dt.date.today().isoformat()
    entities = _Entities(index)
    found = _tenures(db, entities, min_articles, accessed) + _locations(db, index, entities, min_articles, accessed)
    found.sort(key=lambda s: (-s.decides, -s.articles, s.id))
    return found


def _same_title(a: str, b: str) -> bool:
    """Title keys of one title: equal, or one the head of the other ("hlv", "hlv trưởng")."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _a_body(subject: str, name: str, bodies: set[str], index) -> bool:
    """A "person" the role rules took from a body or a place: the fact base holds the name as
    a place, a country or an organization ("Vĩnh Châu"), or the archive names a body ending
    with it ("Chủ tịch Hòa Phát" beside "HĐQT Tập đoàn Hòa Phát")."""
    if index is not None and index.named(name, (EntityType.place, EntityType.country, EntityType.organization)):
        return True
    return subject in bodies


def _tied_spellings(name: str, rows: list[tuple]) -> list[str]:
    """Other spellings of the person that as many articles use as ``name`` and that the
    verifier links to it (the same words reordered, one syllable misspelt): no majority says
    which is right ("Hansi Flick" / "Hans Flick", one article each), so both are the
    person's names. A spelling fewer articles use stays a misspelling ("Ronaldo Koeman")."""
    articles: dict[str, set] = defaultdict(set)
    for row in rows:
        articles[row[3]].add(row[5])
    key = match_key(name)
    return sorted(other for other, seen in articles.items() if other != name and len(seen) >= len(articles[name])
                  and (sorted(match_key(other).split()) == sorted(key.split()) or one_syllable_misspelt(match_key(other), key)))


def _tenures(db: sqlite3.Connection, entities: _Entities, min_articles: int, accessed: str) -> list[Suggestion]:
    groups: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    said: dict[str, list[tuple[str, str]]] = defaultdict(list)  # person -> (title key, date) of every statement
    for subject, aspect, value, display, label, day, article in db.execute(
            "SELECT subject, aspect, value, display, label, date, article FROM statements WHERE kind = 'role'"):
        title_key = value.split("|", 1)[1]
        groups[(subject, title_key)].append((aspect, value, display, label, day, article))
        said[subject].append((title_key, day))
    ranks: dict[tuple[str, str], set] = defaultdict(set)  # (person, organization|ladder) -> ranks stated
    bodies = set()  # every organization a role statement names, and each of its word tails
    for (subject, _), rows in groups.items():
        for aspect, value, *_ in rows:
            head = value.split("|", 1)[0]
            words = aspect.split("|", 1)[0].split()
            bodies.update(" ".join(words[i:]) for i in range(len(words)))
            if head:
                ranks[(subject, aspect)].add(head)
    found = []
    for (subject, title_key), rows in groups.items():
        articles = {row[5] for row in rows}
        if len(articles) < min_articles or _a_body(subject, rows[0][3], bodies, entities.index):
            continue
        if any(len(ranks[(subject, aspect)]) > 1 for aspect, *_ in rows):
            continue  # two ranks of one ladder: a conflict or a promotion, for an editor to settle first
        organizations = Counter(aspect.split("|", 1)[0] for aspect, *_ in rows if aspect.split("|", 1)[0])
        shown = Counter(row[2] for row in rows if " (" in row[2])
        title = Counter(row[2].split(" (", 1)[0] for row in rows).most_common(1)[0][0]
        organization_name = (shown.most_common(1)[0][0].split(" (", 1)[1].rstrip(")") if shown
                             else organizations.most_common(1)[0][0] if organizations else None)
        person_name = Counter(row[3] for row in rows).most_common(1)[0][0]
        also = _tied_spellings(person_name, rows)
        days = sorted(row[4] for row in rows)
        # The tenure starts no later than the first article giving the person this title in
        # any form ("HLV" for "HLV trưởng", with or without the team): an earlier mention is
        # not "outdated".
        first = min([days[0], *(day for key, day in said[subject] if _same_title(key, title_key))])
        aspects = sorted({row[0] for row in rows})
        sources, count = [], 0
        for aspect in aspects:
            more, n = _sources(db, "role", subject, aspect, sorted({row[1] for row in rows if row[0] == aspect}), accessed)
            sources += more
            count += n
        sources = list({s["id"]: s for s in sources}.values())[:SOURCES_PER_FACT]
        new = []
        person, entity = entities.id_for(person_name, EntityType.person, (EntityType.person,), sources[0]["id"], also)
        new += [entity] if entity else []
        fact = {"id": f"{person}-{_slug(title)}", "person": person, "title": title}
        if organization_name:  # none named by any article: a tenure of the title alone (schema.Tenure)
            fact["organization"], entity = entities.id_for(organization_name, EntityType.organization,
                                                           (EntityType.organization, EntityType.country, EntityType.place), sources[0]["id"])
            new += [entity] if entity else []
        fact |= {"start": first, "sources": [s["id"] for s in sources]}
        # No end: the archive shows when a title was last said, not when its tenure ended (the
        # comment above the fact gives the last date; an editor adds `end` when it is known).
        spellings = sorted({row[2].split(" (", 1)[0] for row in rows} - {title})
        if spellings:
            fact["aliases"] = spellings
        found.append(Suggestion(kind="tenure", id=fact["id"], decides=len(rows), articles=len(articles), first=days[0], last=days[-1],
                                sources=sources, entities=new, fact=fact))
    return found


def _locations(db: sqlite3.Connection, index, entities: _Entities, min_articles: int, accessed: str) -> list[Suggestion]:
    from factcheck.facts.schema import EntityType as T

    places = (T.place, T.country)
    groups: dict[str, list[tuple]] = defaultdict(list)
    for subject, value, display, label, day, article in db.execute(
            "SELECT subject, value, display, label, date, article FROM statements WHERE kind = 'place'"):
        groups[subject].append((value, display, label, day, article))
    found = []
    for subject, rows in groups.items():
        if len({row[0] for row in rows}) != 1 or len({row[4] for row in rows}) < min_articles:
            continue  # two regions (a conflict or homonyms), or too little support
        place_name = subject.split("|", 1)[1]
        label = rows[0][2]
        if index is not None and index.named(place_name, places):
            continue  # a pack or the curated base already holds a place of that name
        region_display = rows[0][1]
        region_name = region_display.split(" ", 1)[1] if region_display.split(" ", 1)[0].lower() in ("tỉnh", "huyện", "quận", "xã", "phường", "thành") else region_display
        sources, count = _sources(db, "place", subject, "", [rows[0][0]], accessed)
        region_rows = index.named(region_name, places) if index is not None else []
        if index is not None and len({r.id for r in region_rows}) != 1:
            continue  # the region must be one known place
        new = []
        place, entity = entities.id_for(label, EntityType.place, places, sources[0]["id"])
        new += [entity] if entity else []
        region = region_rows[0].id if region_rows else entities.id_for(region_name, EntityType.place, places, sources[0]["id"])[0]
        days = sorted(row[3] for row in rows)
        fact = {"id": f"{place}-in-{_slug(region)}", "place": place, "region": region, "sources": [s["id"] for s in sources]}
        found.append(Suggestion(kind="location", id=fact["id"], decides=len(rows), articles=count, first=days[0], last=days[-1],
                                sources=sources, entities=new, fact=fact))
    return found


def to_yaml(found: list[Suggestion]) -> str:
    """One fact-base file: sources, entities, tenures, locations, each fact with a comment
    saying its support, for an editor to keep or delete."""
    from io import StringIO

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    sources = {s["id"]: s for f in found for s in f.sources}
    entities = {e["id"]: e for f in found for e in f.entities}
    document = CommentedMap()
    document.yaml_set_start_comment("Suggested by `factcheck facts suggest` from the archive: review, delete what is wrong,\n"
                                    "then `factcheck facts accept THIS_FILE`. Each fact says how many archived claims it decides.")
    document["sources"] = CommentedSeq([CommentedMap(s) for s in sources.values()])
    document["entities"] = CommentedSeq([CommentedMap(e) for e in entities.values()])
    for section, kind in (("tenures", "tenure"), ("locations", "location")):
        items = CommentedSeq()
        for suggestion in (f for f in found if f.kind == kind):
            item = CommentedMap(suggestion.fact)
            items.append(item)
            items.yaml_set_comment_before_after_key(len(items) - 1, before=(
                f"{suggestion.articles} article(s) from {suggestion.first} to {suggestion.last}; decides {suggestion.decides} claim(s)"), indent=2)
        document[section] = items
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = StringIO()
    yaml.dump(document, buffer)
    return buffer.getvalue()


def coverage(db: sqlite3.Connection, index=None, found: list[Suggestion] = (), top: int = 25) -> list[tuple[str, str, int, bool]]:
    """The claims that recur most in the archive with no fact to decide them: (kind, what,
    articles, whether a suggestion covers it)."""
    from factcheck.facts.schema import EntityType as T

    covered = {(s.fact.get("person") or s.fact.get("place")) for s in found}
    rows = db.execute("SELECT kind, subject, min(label), count(DISTINCT article) AS n FROM statements GROUP BY kind, subject ORDER BY n DESC").fetchall()
    out = []
    for kind, subject, label, n in rows:
        if index is not None:
            name = subject.split("|", 1)[-1]
            types = (T.person,) if kind == "role" else (T.place, T.country)
            if kind in ("role", "place") and index.named(name, types):
                continue  # the fact base knows it
        suggested = any(_slug(label) in (c or "") for c in covered)
        out.append((kind, label, n, suggested))
        if len(out) >= top:
            break
    return out
