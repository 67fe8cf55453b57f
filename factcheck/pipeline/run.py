"""The check pipeline as one library call: inputs -> documents -> claims -> reports.

Every command (``check``, ``extract``, ``tag``, ``facts validate --against``, ``review``)
and every engine (this process, ``--jobs N`` worker processes, a Dask cluster) goes
through these functions. They take inputs lazily and yield one result per article as soon
as it is ready, so memory stays flat whatever the archive's size; renderers and the CLI
only consume what comes out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.facts.index import FactIndex, load_index
from factcheck.facts.packs import pack_files
from factcheck.model.claims import Claim
from factcheck.model.document import Document
from factcheck.model.errors import FactcheckError
from factcheck.model.report import DocumentReport
from factcheck.pipeline.cache import check_cache_path, default_cache_path
from factcheck.pipeline.check import check_document
from factcheck.pipeline.engines import AUTO, BATCH_SIZE, AnalysisSettings, attach, iter_analyses
from factcheck.text.inputs import iter_documents


class Options(BaseModel):
    """How to read and analyse articles; the CLI fills it from its flags."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    input_format: str = "auto"
    date: dt.date | None = None  # overrides each article's own date
    nlp: bool = True  # False: no Stanza, each paragraph is one sentence
    models: Path | None = None  # explicit model folder
    cache: Path | None = Field(default_factory=default_cache_path)  # None: no analysis cache
    engine: Literal["local", "dask"] = "local"
    jobs: int = Field(default=AUTO, ge=0)  # 0 (AUTO): one worker per core when the run is big enough
    scheduler: str | None = None
    batch_size: int = Field(default=BATCH_SIZE, ge=1)

    def analysis(self, sentences: bool) -> AnalysisSettings:
        return AnalysisSettings(nlp=self.nlp, models=str(self.models) if self.models else None,
                                cache=str(self.cache) if self.cache else None, sentences=sentences)

    @property
    def facts_cache_dir(self) -> Path | None:
        """The fact index is cached beside the analysis cache, or in the user cache folder with
        --no-cache: it is a pure function of the fact files and the code, and building it
        with the geography packs takes half a minute (``facts/index.py``)."""
        return self.cache.parent if self.cache else default_cache_path().parent


def read(inputs: Iterable[Path], options: Options) -> Iterator[Document]:
    """The articles behind ``inputs`` (files, folders, globs, "-"), parsed one at a time."""
    return iter_documents(inputs, options.input_format, options.date)


def analyze(documents: Iterable[Document], options: Options, sentences: bool = False) -> Iterator[tuple[Document, list[Claim]]]:
    """(document, claims) in input order; the document carries its sentences when asked."""
    engine = "dask" if options.engine == "dask" else ("processes" if options.jobs > 1 else "local")  # AUTO decides later
    stream = iter_analyses(documents, options.analysis(sentences), engine=engine, jobs=options.jobs,
                           scheduler=options.scheduler, batch_size=options.batch_size)
    for document, analysis in stream:
        yield (attach(document, analysis) if sentences else document), analysis.claims


def load_facts(facts: Path, options: Options, packs: str | None = None) -> FactIndex:
    """The fact base with the packs chosen (``facts/packs.py``: all by default) as an index,
    from the cached pickle when the fact files are unchanged."""
    if options.cache is not None:
        check_cache_path(options.cache)  # before anything is written beside it
    return load_index(facts, options.facts_cache_dir, packs=pack_files(facts, packs))


def check(documents: Iterable[Document], options: Options, index: FactIndex, store=None, archive=None) -> Iterator[DocumentReport]:
    """One report per article: claims with verdicts, inconsistencies, review decisions; with
    ``archive`` (``factcheck.archive.lookup.Archive``), what the earlier articles say."""
    for document, claims in analyze(documents, options):
        try:
            report = check_document(document, index, store, claims, archive)
        except FactcheckError:
            raise
        except Exception as error:  # name the article: one line a user can act on, not a traceback
            raise FactcheckError(f"{document.source}: could not be checked: unexpected {type(error).__name__}: {error} "
                                 "(a bug in factcheck; rerun with --debug for the traceback)") from error
        yield report
