"""The archive's SQLite store: schema, connection settings, and the person linker.

One file a newsroom points at its whole archive. Tables:

    articles    one row per article: its identity (doc id, else path), content hash,
                file, url and date
    people      every person-name key seen -> the person it was linked to (spellings
                and word orders of one person share one key, as ``facts/index.py`` links)
    statements  one row per keyed claim (``statements.py``) with its article and line
    stated      statements folded per (kind, subject, aspect, value, date): how many
                articles; what lookups read, so a claim costs a few index probes
                whatever the archive's size

WAL journal (readers never wait for a build), indexes on every lookup path, inserts in
batched transactions. Millions of articles fit: a row is about a hundred bytes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factcheck.facts.index import NameTable, _name_score
from factcheck.model.errors import FactcheckError
from factcheck.text.normalize import match_key

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL UNIQUE,
    content TEXT NOT NULL,
    source TEXT,
    url TEXT,
    date TEXT
);
CREATE INDEX IF NOT EXISTS articles_content ON articles (content);
CREATE TABLE IF NOT EXISTS people (key TEXT PRIMARY KEY, person TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statements (
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    aspect TEXT NOT NULL,
    value TEXT NOT NULL,
    display TEXT NOT NULL,
    label TEXT NOT NULL,
    date TEXT NOT NULL,
    exact INTEGER NOT NULL,
    line INTEGER NOT NULL,
    claim TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_key ON statements (kind, subject, aspect, value, date);
CREATE INDEX IF NOT EXISTS statements_article ON statements (article);
CREATE TABLE IF NOT EXISTS stated (
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    aspect TEXT NOT NULL,
    value TEXT NOT NULL,
    date TEXT NOT NULL,
    exact INTEGER NOT NULL,
    display TEXT NOT NULL,
    label TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, subject, aspect, date, value, exact)
) WITHOUT ROWID;
"""

FOLD = """
DELETE FROM stated;
INSERT INTO stated (kind, subject, aspect, value, date, exact, display, label, n)
    SELECT kind, subject, aspect, value, date, exact, min(display), min(label), count(DISTINCT article)
    FROM statements GROUP BY kind, subject, aspect, value, date, exact;
"""


class ArchiveError(FactcheckError):
    """The archive file cannot be used (missing, not an archive, another schema version)."""


def connect(path: Path, create: bool = False) -> sqlite3.Connection:
    """Open the archive; ``create`` makes it (and its schema) when missing."""
    path = Path(path)
    if not create and not path.is_file():
        raise ArchiveError(f"{path}: no archive there (build one with `factcheck archive build DIR --db {path}`)")
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), timeout=60, isolation_level=None)  # transactions are explicit
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        if create:
            db.executescript(SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            db.commit()
        version = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: not a factcheck archive ({error})") from None
    if version is None or version[0] != SCHEMA_VERSION:
        raise ArchiveError(f"{path}: archive schema {version[0] if version else 'unknown'}, this factcheck reads {SCHEMA_VERSION}; rebuild it")
    return db


def fold(db: sqlite3.Connection) -> None:
    """Recount ``stated`` from ``statements`` (after a build: one pass, sorted by SQLite)."""
    db.executescript("BEGIN;" + FOLD + "COMMIT;")


PERSON_MIN_SCORE = 92.0  # a new spelling within this of a known person's name is that person


class PersonLinker:
    """Person-name keys -> one key per person: the exact key, the same words in another
    order ("Koizumi Shinjiro"), or a near spelling of as many words (a typo), linked as
    ``facts/index.py`` links names to the fact base; a new name is a new person."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.known: dict[str, str] = dict(db.execute("SELECT key, person FROM people"))
        self._table: NameTable | None = None
        self.new: dict[str, str] = {}

    def _names(self) -> NameTable:
        if self._table is None:
            self._table = NameTable()
            for key, person in self.known.items():
                if key == person:
                    self._table.add(key, person, key)
        return self._table

    def find(self, key: str) -> str | None:
        """The person ``key`` names, without learning it."""
        if key in self.known:
            return self.known[key]
        table = self._names()
        words = len(key.split())
        best, person = 0.0, None
        for i in table.candidates(key):
            other = table.keys[i]
            if len(other.split()) != words:
                continue
            score = _name_score(key, other)
            if score > best:
                best, person = score, table.ids[i]
        return person if best >= PERSON_MIN_SCORE else None

    def __call__(self, name: str | None) -> str | None:
        from factcheck.archive.statements import person_key

        key = person_key(name)
        if key is None:
            return None
        person = self.find(key)
        if person is None:
            person = key
            self._names().add(key, key, key)
        if key not in self.known:
            self.known[key] = person
            self.new[key] = person
        return person

    def save(self) -> None:
        if self.new:
            self.db.executemany("INSERT OR IGNORE INTO people VALUES (?, ?)", self.new.items())
            self.new = {}


def info(db: sqlite3.Connection) -> dict:
    """What the archive holds: articles, their dates, statements per kind, people."""
    articles, first, last = db.execute("SELECT count(*), min(date), max(date) FROM articles").fetchone()
    kinds = dict(db.execute("SELECT kind, count(*) FROM statements GROUP BY kind ORDER BY kind"))
    people = db.execute("SELECT count(DISTINCT person) FROM people").fetchone()[0]
    built = dict(db.execute("SELECT key, value FROM meta"))
    return {"articles": articles, "first": first, "last": last, "statements": kinds, "people": people, "meta": built}


def name_key(text: str) -> str:
    return match_key(text)
