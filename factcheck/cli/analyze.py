"""The analysis commands: ``tag``, ``extract`` and ``check``. Each parses its flags, runs the
library pipeline, and hands the stream of results to a renderer."""

from __future__ import annotations

import time
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator, List, Optional

import typer

from factcheck.cli.common import (EXIT_FINDINGS, ArchiveOpt, CacheOpt, DateOpt, Engine, EngineOpt, FactsOpt, PacksOpt, FilesArg, InputFormat, InputFormatOpt, JobsOpt,
                                  ModelsOpt, NlpOpt, NoCacheOpt, ReviewsOpt, SchedulerOpt, articles, fact_base, fail, pipeline_options, reports_errors, warn,
                                  with_progress, write_output)


class TagFormat(str, Enum):
    text = "text"
    conllu = "conllu"
    json = "json"


class ClaimFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    html = "html"


class FailOn(str, Enum):
    contradicted = "contradicted"
    disputed = "disputed"
    inconsistent = "inconsistent"
    unverifiable = "unverifiable"
    never = "never"


@reports_errors
def tag(
    files: List[Path] = FilesArg,
    output_format: TagFormat = typer.Option(TagFormat.text, "--format", "-f", help="Output format."),
    input_format: InputFormat = InputFormatOpt,
    date: Optional[str] = DateOpt,
    models: Optional[Path] = ModelsOpt,
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Split articles into sentences and words, with a part-of-speech tag for each word."""
    from factcheck.pipeline.run import analyze
    from factcheck.renderers import TAGS

    options = pipeline_options(input_format, date, models=models, cache=cache, no_cache=no_cache)
    analyzed = (document for document, _ in with_progress(analyze(articles(files, options), options, sentences=True), "tagging"))
    write_output(TAGS[output_format.value](analyzed), None)


@reports_errors
def extract(
    files: List[Path] = FilesArg,
    output_format: ClaimFormat = typer.Option(ClaimFormat.text, "--format", "-f", help="Output format."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", help="Only these claim kinds (repeat the option)."),
    input_format: InputFormat = InputFormatOpt,
    date: Optional[str] = DateOpt,
    models: Optional[Path] = ModelsOpt,
    nlp: bool = NlpOpt,
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
    jobs: str = JobsOpt,  # the callback makes it an int
    engine: Engine = EngineOpt,
    scheduler: Optional[str] = SchedulerOpt,
) -> None:
    """Pull every checkable claim out of articles, with its normalized value."""
    from factcheck.model.claims import ClaimKind
    from factcheck.pipeline.run import analyze
    from factcheck.renderers import CLAIMS

    kinds = None
    if kind:
        valid = [k.value for k in ClaimKind]
        unknown = [k for k in kind if k not in valid]
        if unknown:
            fail(f"unknown claim kind {', '.join(unknown)}; valid kinds: {', '.join(valid)}")
        kinds = {ClaimKind(k) for k in kind}
    options = pipeline_options(input_format, date, nlp, models, cache, no_cache, jobs, engine, scheduler)
    started, tally = time.perf_counter(), Counter()

    def selected() -> Iterator:
        for document, claims in with_progress(analyze(articles(files, options), options), "extracting"):
            claims = [c for c in claims if not kinds or c.kind in kinds]
            tally.update(documents=1, claims=len(claims))
            yield document, claims

    write_output(CLAIMS[output_format.value](selected()), None)
    typer.echo(f"{tally['documents']} document(s), {tally['claims']} claim(s) in {time.perf_counter() - started:.1f}s", err=True)


@reports_errors
def check(
    files: List[Path] = FilesArg,
    facts: Optional[Path] = FactsOpt,
    packs: Optional[str] = PacksOpt,
    output_format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Output format."),
    fail_on: FailOn = typer.Option(FailOn.contradicted, "--fail-on", help="Exit 1 on findings at or above this level."),
    show_unverifiable: bool = typer.Option(False, "--all", metavar="", help="Text format: also list unverifiable claims."),
    reviews: Optional[Path] = ReviewsOpt,
    archive: Optional[Path] = ArchiveOpt,
    show_suppressed: bool = typer.Option(False, "--show-suppressed", metavar="", help="Also show findings an editor dismissed."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    input_format: InputFormat = InputFormatOpt,
    date: Optional[str] = DateOpt,
    models: Optional[Path] = ModelsOpt,
    nlp: bool = NlpOpt,
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
    jobs: str = JobsOpt,  # the callback makes it an int
    engine: Engine = EngineOpt,
    scheduler: Optional[str] = SchedulerOpt,
) -> None:
    """Check articles against the fact base: a verdict and evidence for every claim.

    Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 the tool or its input failed.
    """
    from factcheck.model.report import DocumentReport, FailLevel
    from factcheck.pipeline import run
    from factcheck.renderers import REPORTS
    from factcheck.review.store import load_store, store_path

    level = FailLevel(fail_on.value)
    options = pipeline_options(input_format, date, nlp, models, cache, no_cache, jobs, engine, scheduler)
    index = run.load_facts(fact_base(facts), options, packs)
    store = load_store(store_path(reviews))
    opened = None
    if archive is not None:
        from factcheck.archive.lookup import Archive

        opened = Archive(archive, index)
    started, tally = time.perf_counter(), Counter()

    def counted(reports: Iterable[DocumentReport]) -> Iterator[DocumentReport]:
        for report in reports:
            tally.update(report.counts())
            tally.update(documents=1, inconsistent=len(report.inconsistencies), failing=report.failing(level), disputed=len(report.disputes))
            for fingerprint in report.stale:
                warn(f"{report.document.source}: decision {fingerprint[:10]} is stale: its finding is no longer reported")
            yield report

    reports = counted(with_progress(run.check(articles(files, options), options, index, store, opened), "checking"))
    renderer = REPORTS[output_format.value]
    if output_format is ReportFormat.text:
        chunks = renderer(reports, show_unverifiable, show_suppressed)
    elif output_format is ReportFormat.html:
        chunks = renderer(reports, show_suppressed)
    else:
        chunks = renderer(reports)
    write_output(chunks, output)
    if output is not None:
        typer.echo(f"report written to {output}", err=True)
    summary = ", ".join(f"{tally[v]} {v}" for v in ("supported", "contradicted", "ambiguous", "unverifiable"))
    disputed = f"{tally['disputed']} disputed by the archive, " if opened is not None else ""
    typer.echo(f"checked {tally['documents']} document(s): {summary}, {tally['inconsistent']} inconsistent, {disputed}"
               f"in {time.perf_counter() - started:.1f}s", err=True)
    if tally["failing"]:
        raise typer.Exit(EXIT_FINDINGS)
