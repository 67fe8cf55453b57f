"""The analysis cache: what Stanza and the rules made of each article, in SQLite.

Keyed by the article's content and date, the models' bytes and all of the package's code
(``pipeline/versions.py``), so an entry is never reused by code that would analyse the text
differently. Safe for several processes (WAL); a corrupt file is moved aside and rebuilt,
a damaged row is dropped, and both say so on stderr.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
import zlib
from pathlib import Path
from typing import Callable

from pydantic import BaseModel, TypeAdapter

from factcheck.model.claims import Claim
from factcheck.model.document import Document, Sentence
from factcheck.model.errors import FactcheckError, warn


class Analysis(BaseModel):
    """What Stanza and the rules made of one document."""

    sentences: list[Sentence]
    claims: list[Claim]


_CLAIMS = TypeAdapter(list[Claim])
_SENTENCES = TypeAdapter(list[Sentence])
NO_SENTENCES = b""  # the sentences column of an entry stored with its claims only


def cache_key(document: Document, models_version: str, version: str) -> str:
    """What the analysis depends on: the article body from where it starts (so offsets and
    lines hold), its paragraphs, date and format, and the code and models. Header lines
    such as ``# doc_id`` or ``# url`` are not analysed, so an article re-filed under another
    id of the same length reuses its analysis."""
    body = document.paragraphs[0].start if document.paragraphs else 0
    paragraphs = ",".join(f"{p.start}-{p.end}" for p in document.paragraphs)
    lines_before = str(document.text.count("\n", 0, body))
    digest = hashlib.sha256()
    for part in (version, models_version, document.format, str(document.date), str(body), lines_before, paragraphs, document.text[body:]):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck" / "analysis.sqlite"


class CacheUnavailable(FactcheckError):
    """The cache cannot be opened where it is (read-only folder, unwritable home): checking
    goes on without it, only slower."""


LOCK_WAIT = 60.0  # seconds a process waits for another one holding the cache

SQLITE_MAGIC = b"SQLite format 3\0"
CACHE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def _looks_like_cache(path: Path) -> bool:
    """A SQLite file, or a damaged file named like one: safe to move aside and rebuild.
    Anything else (``--cache claims/people.yaml``) is the user's and is never touched."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return head == SQLITE_MAGIC or head == b"" or path.suffix.lower() in CACHE_SUFFIXES


def check_cache_path(path: Path) -> None:
    """Refuse a cache path that holds something else: the user's file is never replaced."""
    if path.is_dir():
        raise FactcheckError(f"{path}: the analysis cache path is a directory; pass --cache FILE.sqlite or --no-cache")
    if path.exists() and not _looks_like_cache(path):
        raise FactcheckError(f"{path}: not an analysis cache (not a SQLite file); refusing to replace it: "
                             "pass --cache with a new FILE.sqlite or --no-cache")


class AnalysisCache:
    """SQLite store of analyses. Safe for several processes; a corrupt file is rebuilt."""

    def __init__(self, path: Path, warn: Callable[[str], None] = warn):
        self.path = Path(path)
        self.warn = warn
        self._local = threading.local()
        self._open()

    def _connect(self) -> sqlite3.Connection:
        """A connection with the schema in place. Switching a new file to WAL answers
        "database is locked" at once, without waiting, while another process sets it up, so
        that step is retried for up to ``LOCK_WAIT`` seconds."""
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            connection = sqlite3.connect(self.path, timeout=LOCK_WAIT)
            try:
                return self._setup(connection)
            except sqlite3.OperationalError as error:
                connection.close()
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _setup(self, connection: sqlite3.Connection) -> sqlite3.Connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        # Claims and sentences are stored apart: a re-check needs only the claims, and decoding
        # the tokens of a whole archive would cost more than the check itself.
        connection.execute("CREATE TABLE IF NOT EXISTS analysis_v2 (key TEXT PRIMARY KEY, claims BLOB NOT NULL, sentences BLOB NOT NULL, created REAL NOT NULL)")
        connection.execute("SELECT count(*) FROM analysis_v2 WHERE key = ''").fetchone()
        return connection

    def _open(self) -> None:
        check_cache_path(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CacheUnavailable(f"cannot create the analysis cache folder {self.path.parent} ({error.strerror})") from None
        try:
            self._local.connection = self._connect()
        except sqlite3.OperationalError as error:
            raise CacheUnavailable(f"cannot open the analysis cache {self.path} ({error})") from None
        except sqlite3.DatabaseError as error:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            self.warn(f"analysis cache {self.path} is unreadable ({error}); moved it to {aside.name} and starting a new one")
            for suffix in ("", "-wal", "-shm"):
                candidate = Path(str(self.path) + suffix)
                if candidate.exists():
                    candidate.rename(Path(str(aside) + suffix))
            self._local.connection = self._connect()

    def note_version(self, version: str) -> None:
        """Say once when the cache was filled by other code or models: every article will be
        analysed again, which is slow the first time and worth knowing about."""
        try:
            with self.connection:
                self.connection.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                row = self.connection.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
                if row is not None and row[0] != version:
                    self.warn(f"analysis cache {self.path} was filled by another version of factcheck or its models; "
                              "articles are analysed again and the cache is refilled")
                if row is None or row[0] != version:
                    self.connection.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('version', ?)", (version,))
        except sqlite3.DatabaseError as error:
            self.warn(f"analysis cache {self.path}: cannot record its version ({error})")

    @property
    def connection(self) -> sqlite3.Connection:
        if getattr(self._local, "connection", None) is None:
            self._local.connection = self._connect()
        return self._local.connection

    def get(self, key: str, sentences: bool = True) -> Analysis | None:
        column = "claims, sentences" if sentences else "claims"
        try:
            row = self.connection.execute(f"SELECT {column} FROM analysis_v2 WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as error:
            self.warn(f"analysis cache read failed ({error}); analyzing again")
            return None
        if row is None:
            return None
        if sentences and row[1] == NO_SENTENCES:
            return None  # stored by a run that needed only claims: analyze again
        try:
            claims = _CLAIMS.validate_json(zlib.decompress(row[0]))
            found = _SENTENCES.validate_json(zlib.decompress(row[1])) if sentences else []
            return Analysis(sentences=found, claims=claims)
        except (zlib.error, ValueError):
            self.warn("a damaged analysis cache entry was dropped")
            with self.connection:
                self.connection.execute("DELETE FROM analysis_v2 WHERE key = ?", (key,))
            return None

    def put(self, key: str, analysis: Analysis, with_sentences: bool = True) -> None:
        """Store an analysis; ``with_sentences=False`` keeps its claims only (a run that
        tagged only what the rules read), and a later ``get`` for sentences is a miss."""
        claims = zlib.compress(_CLAIMS.dump_json(analysis.claims), 6)
        sentences = zlib.compress(_SENTENCES.dump_json(analysis.sentences), 1) if with_sentences else NO_SENTENCES
        try:
            with self.connection:
                self.connection.execute("INSERT OR REPLACE INTO analysis_v2 (key, claims, sentences, created) VALUES (?, ?, ?, ?)",
                                        (key, claims, sentences, time.time()))
        except sqlite3.DatabaseError as error:
            self.warn(f"analysis cache write failed ({error}); continuing without caching this document")
