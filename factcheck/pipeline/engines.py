"""Analysing many articles: batches, the analysis cache, worker processes, Dask.

Stanza is the expensive part. Documents go through it in batches (Stanza's bulk mode, the
models loaded once per process), and what comes out of Stanza and the rules (sentences and
claims) is cached (``pipeline/cache.py``). Re-checking after a fact-base-only change reads
the cache and runs only the verifier.

Engines: ``local`` (this process), ``processes`` (``--jobs N`` worker processes), ``dask``
(a Dask cluster at ``--scheduler ADDRESS``). All take documents lazily, keep a bounded
number of batches in flight (memory stays flat on any archive size) and return results in
input order.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import Iterable, Iterator

from factcheck.extract.engine import extract
from factcheck.extract.registry import reads_tags
from factcheck.model.document import Document
from factcheck.model.errors import FactcheckError, inform, warn
from factcheck.pipeline.cache import Analysis, AnalysisCache, CacheUnavailable, cache_key
from factcheck.pipeline.versions import code_version

BATCH_SIZE = 16  # documents per Stanza bulk call
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, few enough to stay small
AUTO = 0  # ``jobs``: one worker per core when the run is big enough to pay for starting them
# A worker starts a Python, imports torch and loads the models (a few seconds, while one
# batch takes about one): below this many batches one process finishes first.
MIN_BATCHES_FOR_WORKERS = 4
WORKER_MEMORY = 1 << 30  # bytes one worker may take (models and a batch: about 0.5 GB measured)


def analysis_version() -> str:
    """Changes whenever the code or data that turn text into claims change (all of the package)."""
    return code_version()


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


def _cache(path: str | None, version: str) -> AnalysisCache | None:
    if path is None:
        return None
    if path not in _CACHES:
        try:
            _CACHES[path] = AnalysisCache(Path(path))
            _CACHES[path].note_version(version)
        except CacheUnavailable as error:
            warn(f"{error}; continuing without the cache (--cache FILE puts it elsewhere)")
            _CACHES[path] = None
    return _CACHES[path]


@lru_cache(maxsize=None)
def _models_version(nlp: bool, models: str | None) -> str:
    if not nlp:
        return "no-nlp"
    from factcheck.nlp.modelstore import resolve_models

    return resolve_models(Path(models) if models else None).version


def analyze_batch(documents: list[Document], settings: AnalysisSettings) -> list[Analysis]:
    """Analyze a batch: cached documents are read, the rest go through Stanza in one bulk call."""
    version = analysis_version() + ("" if settings.nlp else "-nonlp")
    models_version = _models_version(settings.nlp, settings.models)
    cache = _cache(settings.cache, f"{version}|{models_version}")
    keys = [cache_key(d, models_version, version) for d in documents]
    results: list[Analysis | None] = [cache.get(k, settings.sentences) if cache else None for k in keys]
    missing = [i for i, r in enumerate(results) if r is None]
    if missing:
        todo = [documents[i] for i in missing]
        # Callers that need only claims get only the sentences the rules read tagged: the
        # claims are the same, the sentences are not worth keeping (nor caching).
        tag_if = None if settings.sentences else reads_tags
        analyzed = _analyzer(settings.models).analyze_many(todo, tag_if=tag_if) if settings.nlp else todo
        for i, document in zip(missing, analyzed):
            claims = extract(document)
            results[i] = Analysis(sentences=document.sentences if settings.sentences else [], claims=claims)
            if cache:
                cache.put(keys[i], results[i], with_sentences=settings.sentences or not settings.nlp)
    return results  # type: ignore[return-value]


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items, taken lazily from ``items``."""
    iterator = iter(items)
    while group := list(islice(iterator, size)):
        yield group


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
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[Document, Analysis]]:
    """(document, analysis) for every document, in input order, streaming batch by batch.

    ``jobs=AUTO``: one worker process per core (as many as free memory holds) when the run
    has at least ``MIN_BATCHES_FOR_WORKERS`` batches to analyze with Stanza, said on stderr;
    otherwise this process, as for ``jobs=1``."""
    groups = batches(documents, batch_size)
    if engine == "dask":
        yield from _dask(groups, settings, scheduler)
        return
    if jobs == AUTO:
        head = list(islice(groups, MIN_BATCHES_FOR_WORKERS))
        groups = chain(head, groups)
        jobs = auto_workers() if settings.nlp and len(head) == MIN_BATCHES_FOR_WORKERS else 1
        if jobs > 1:
            inform(f"analysing with {jobs} worker processes, one per core (--jobs 1 keeps one process)")
    if jobs > 1 or engine == "processes":
        yield from _processes(groups, settings, max(jobs, 1))
    else:
        for group in groups:
            yield from zip(group, analyze_batch(group, settings))


def auto_workers() -> int:
    """One worker per core this process may use, no more than free memory holds, at least one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, _available_memory() // WORKER_MEMORY))


def _available_memory() -> int:
    """Bytes of memory available to new processes (Linux's MemAvailable); unknown: no limit."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 1 << 62


def _bounded(groups: Iterator[list[Document]], submit, limit: int) -> Iterator[tuple[Document, Analysis]]:
    """Submit batches to workers with at most ``limit`` in flight; yield results in order.

    ``submit(payload)`` returns a future-like object with ``result()``.
    """
    pending: deque = deque()
    for group in groups:
        pending.append((group, submit([d.model_dump_json() for d in group])))
        if len(pending) >= limit:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _collect(group: list[Document], future) -> Iterator[tuple[Document, Analysis]]:
    return zip(group, (Analysis.model_validate_json(r) for r in future.result()))


def _processes(groups: Iterator[list[Document]], settings: AnalysisSettings, jobs: int) -> Iterator[tuple[Document, Analysis]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn" if settings.nlp else "fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from _bounded(groups, lambda payload: pool.submit(_worker_batch, payload, settings), jobs * IN_FLIGHT_PER_WORKER)


def _dask(groups: Iterator[list[Document]], settings: AnalysisSettings, scheduler: str | None) -> Iterator[tuple[Document, Analysis]]:
    """Batches on a Dask cluster, as many in flight as its workers can take."""
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
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        yield from _bounded(groups, lambda payload: client.submit(_worker_batch, payload, settings, pure=False), workers * IN_FLIGHT_PER_WORKER)
    finally:
        client.close()


def attach(document: Document, analysis: Analysis) -> Document:
    return document.model_copy(update={"sentences": analysis.sentences})
