"""``factcheck archive build``: add articles and their keyed claims to the archive.

Takes the (document, claims) stream of ``pipeline.run.analyze`` (so the analysis cache
serves every article analysed before) and skips, before analysis, every article the
archive already holds with the same content: a rebuild after new articles analyses only
the new ones. An article re-filed with other content replaces its old rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from typing import Iterable, Iterator

from pydantic import BaseModel

from factcheck.archive.statements import statements
from factcheck.archive.store import PersonLinker, fold
from factcheck.model.claims import Claim
from factcheck.model.document import Document

BATCH = 500  # articles per transaction


class BuildStats(BaseModel):
    seen: int = 0
    unchanged: int = 0
    added: int = 0
    replaced: int = 0
    statements: int = 0


def content_hash(document: Document) -> str:
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()[:32]


def identity(document: Document) -> str:
    return document.key or document.source or content_hash(document)


def pending(db: sqlite3.Connection, documents: Iterable[Document], stats: BuildStats) -> Iterator[Document]:
    """The documents the archive does not hold yet with this content."""
    for document in documents:
        stats.seen += 1
        row = db.execute("SELECT content FROM articles WHERE document = ?", (identity(document),)).fetchone()
        if row is not None and row[0] == content_hash(document):
            stats.unchanged += 1
            continue
        yield document


def add(db: sqlite3.Connection, analysed: Iterable[tuple[Document, list[Claim]]], stats: BuildStats | None = None,
        batch: int = BATCH) -> BuildStats:
    """Store every article of ``analysed`` with its statements, ``batch`` articles per
    transaction; then recount the folded table and record the build date."""
    stats = stats or BuildStats()
    people = PersonLinker(db)
    pending_rows: list[tuple] = []
    count = 0
    db.execute("BEGIN")
    for document, claims in analysed:
        name = identity(document)
        old = db.execute("SELECT id FROM articles WHERE document = ?", (name,)).fetchone()
        if old is not None:
            db.execute("DELETE FROM statements WHERE article = ?", (old[0],))
            db.execute("DELETE FROM articles WHERE id = ?", (old[0],))
            stats.replaced += 1
        else:
            stats.added += 1
        cursor = db.execute("INSERT INTO articles (document, content, source, url, date) VALUES (?, ?, ?, ?, ?)",
                            (name, content_hash(document), document.source, document.url, document.date.isoformat() if document.date else None))
        article = cursor.lastrowid
        for claim, s in statements(claims, document.date, people):
            pending_rows.append((article, s.kind, s.subject, s.aspect, s.value, s.display, s.label, s.date.isoformat(), int(s.exact),
                                 claim.line, claim.id, claim.text))
        count += 1
        if count % batch == 0:
            _flush(db, pending_rows, people, stats)
            db.execute("COMMIT")
            db.execute("BEGIN")
    _flush(db, pending_rows, people, stats)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('built', ?)", (dt.date.today().isoformat(),))
    db.execute("COMMIT")
    fold(db)
    return stats


def _flush(db: sqlite3.Connection, rows: list[tuple], people: PersonLinker, stats: BuildStats) -> None:
    db.executemany("INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    stats.statements += len(rows)
    rows.clear()
    people.save()
