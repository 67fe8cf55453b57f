"""Checking whole archives: batches, an analysis cache, worker processes, Dask.

Stanza is the expensive part. Documents go through it in batches (Stanza's bulk mode, the
models loaded once per process), and what comes out of Stanza and the rules (sentences and
claims) is cached in SQLite, keyed by the document's content and the versions of the models
and of the analysis code. Re-checking after a fact-base-only change reads the cache and runs
only the verifier.

Engines: ``local`` (this process), ``processes`` (``--jobs N`` worker processes), ``dask``
(a Dask cluster at ``--scheduler ADDRESS``). All return results in input order.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
import time
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pydantic import BaseModel, TypeAdapter

from factcheck.model.claims import Claim
from factcheck.model.document import Document, Sentence
from factcheck.extract.engine import extract
from factcheck.pipeline.versions import code_version

def analysis_version() -> str:
    """Changes whenever the code or data that turn text into claims change (all of the package)."""
    return code_version()


class Analysis(BaseModel):
    """What Stanza and the rules made of one document."""

    sentences: list[Sentence]
    claims: list[Claim]


_CLAIMS = TypeAdapter(list[Claim])
_SENTENCES = TypeAdapter(list[Sentence])


def cache_key(document: Document, models_version: str, version: str) -> str:
    digest = hashlib.sha256()
    for part in (version, models_version, document.format, str(document.date), document.text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck" / "analysis.sqlite"


class AnalysisCache:
    """SQLite store of analyses. Safe for several processes; a corrupt file is rebuilt."""

    def __init__(self, path: Path, warn: Callable[[str], None] = lambda m: print(f"warning: {m}", file=sys.stderr)):
        self.path = Path(path)
        self.warn = warn
        self._local = threading.local()
        self._open()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        # Claims and sentences are stored apart: a re-check needs only the claims, and decoding
        # the tokens of a whole archive would cost more than the check itself.
        connection.execute("CREATE TABLE IF NOT EXISTS analysis_v2 (key TEXT PRIMARY KEY, claims BLOB NOT NULL, sentences BLOB NOT NULL, created REAL NOT NULL)")
        connection.execute("SELECT count(*) FROM analysis_v2 WHERE key = ''").fetchone()
        return connection

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._local.connection = self._connect()
        except sqlite3.DatabaseError as error:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            self.warn(f"analysis cache {self.path} is unreadable ({error}); moved it to {aside.name} and starting a new one")
            for suffix in ("", "-wal", "-shm"):
                candidate = Path(str(self.path) + suffix)
                if candidate.exists():
                    candidate.rename(Path(str(aside) + suffix))
            self._local.connection = self._connect()

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
        try:
            claims = _CLAIMS.validate_json(zlib.decompress(row[0]))
            found = _SENTENCES.validate_json(zlib.decompress(row[1])) if sentences else []
            return Analysis(sentences=found, claims=claims)
        except (zlib.error, ValueError):
            self.warn("a damaged analysis cache entry was dropped")
            with self.connection:
                self.connection.execute("DELETE FROM analysis_v2 WHERE key = ?", (key,))
            return None

    def put(self, key: str, analysis: Analysis) -> None:
        claims = zlib.compress(_CLAIMS.dump_json(analysis.claims), 6)
        sentences = zlib.compress(_SENTENCES.dump_json(analysis.sentences), 1)
        try:
            with self.connection:
                self.connection.execute("INSERT OR REPLACE INTO analysis_v2 (key, claims, sentences, created) VALUES (?, ?, ?, ?)",
                                        (key, claims, sentences, time.time()))
        except sqlite3.DatabaseError as error:
            self.warn(f"analysis cache write failed ({error}); continuing without caching this document")


# ------------------------------------------------------------------------------ analysis


@dataclass(frozen=True)
class AnalysisSettings:
    """Everything a worker needs to analyze documents the same way as the main process."""

    nlp: bool = True
    models: str | None = None  # explicit model folder
    cache: str | None = None  # SQLite path, or None for no cache
    sentences: bool = True  # False: callers need only the claims (check, extract)


_ANALYZERS: dict = {}
_CACHES: dict = {}


def _analyzer(models: str | None):
    """One loaded pipeline per process (and per model folder)."""
    if models not in _ANALYZERS:
        from factcheck.nlp.modelstore import resolve_models
        from factcheck.nlp.analyzer import StanzaAnalyzer

        _ANALYZERS[models] = StanzaAnalyzer(resolve_models(Path(models) if models else None))
    return _ANALYZERS[models]


def _cache(path: str | None) -> AnalysisCache | None:
    if path is None:
        return None
    if path not in _CACHES:
        _CACHES[path] = AnalysisCache(Path(path))
    return _CACHES[path]


@lru_cache(maxsize=None)
def _models_version(nlp: bool, models: str | None) -> str:
    if not nlp:
        return "no-nlp"
    from factcheck.nlp.modelstore import resolve_models

    return resolve_models(Path(models) if models else None).version


def analyze_batch(documents: list[Document], settings: AnalysisSettings) -> list[Analysis]:
    """Analyze a batch: cached documents are read, the rest go through Stanza in one bulk call."""
    cache = _cache(settings.cache)
    version = analysis_version() + ("" if settings.nlp else "-nonlp")
    models_version = _models_version(settings.nlp, settings.models)
    keys = [cache_key(d, models_version, version) for d in documents]
    results: list[Analysis | None] = [cache.get(k, settings.sentences) if cache else None for k in keys]
    missing = [i for i, r in enumerate(results) if r is None]
    if missing:
        todo = [documents[i] for i in missing]
        analyzed = _analyzer(settings.models).analyze_many(todo) if settings.nlp else todo
        for i, document in zip(missing, analyzed):
            analysis = Analysis(sentences=document.sentences, claims=extract(document))
            results[i] = analysis
            if cache:
                cache.put(keys[i], analysis)
    return results  # type: ignore[return-value]


def batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _worker_batch(documents_json: list[str], settings: AnalysisSettings) -> list[str]:
    """Run in a worker process or on a Dask worker: JSON in, JSON out (cheap to ship)."""
    documents = [Document.model_validate_json(d) for d in documents_json]
    return [a.model_dump_json() for a in analyze_batch(documents, settings)]


def iter_analyses(
    documents: Iterable[Document],
    settings: AnalysisSettings,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int = 16,
) -> Iterator[tuple[Document, Analysis]]:
    """(document, analysis) for every document, in input order, streaming batch by batch."""
    documents = list(documents)
    groups = list(batches(documents, batch_size))
    if engine == "local" and jobs <= 1:
        for group in groups:
            yield from zip(group, analyze_batch(group, settings))
        return
    payloads = [[d.model_dump_json() for d in group] for group in groups]
    if engine == "dask":
        yield from _dask(groups, payloads, settings, scheduler)
        return
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    context = multiprocessing.get_context("spawn" if settings.nlp else "fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for group, result in zip(groups, pool.map(_worker_batch, payloads, [settings] * len(payloads))):
            yield from zip(group, (Analysis.model_validate_json(r) for r in result))


def _dask(groups, payloads, settings: AnalysisSettings, scheduler: str | None):
    from factcheck.model.errors import FactcheckError

    try:
        from distributed import Client
    except ImportError:
        raise FactcheckError("--engine dask needs Dask: pip install 'dask[distributed]'") from None
    if not scheduler:
        raise FactcheckError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as error:
        raise FactcheckError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    try:
        futures = [client.submit(_worker_batch, payload, settings, pure=False) for payload in payloads]
        for group, future in zip(groups, futures):  # in input order, each as soon as it is done
            yield from zip(group, (Analysis.model_validate_json(r) for r in future.result()))
    finally:
        client.close()


def attach(document: Document, analysis: Analysis) -> Document:
    return document.model_copy(update={"sentences": analysis.sentences})
