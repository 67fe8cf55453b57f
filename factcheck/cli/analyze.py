"""The analysis commands: ``tag``, ``extract`` and ``check``."""

from __future__ import annotations

import time
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from factcheck.cli.common import CacheOpt, DateOpt, EXIT_FINDINGS, Engine, EngineOpt, FactsOpt, FilesArg, InputFormat, InputFormatOpt, JobsOpt, ModelsOpt, NoCacheOpt, ReviewsOpt, SchedulerOpt, analyzed_stream, fail, read_inputs, reports_errors, warn

app = typer.Typer()


class TagFormat(str, Enum):
    text = "text"
    conllu = "conllu"
    json = "json"


@reports_errors
def tag(
    files: List[Path] = FilesArg,
    output_format: TagFormat = typer.Option(TagFormat.text, "--format", "-f", help="Output format."),
    input_format: InputFormat = InputFormatOpt,
    date: Optional[str] = DateOpt,
    models: Optional[Path] = ModelsOpt,
) -> None:
    """Split articles into sentences and words, with a part-of-speech tag for each word."""
    from factcheck.renderers.tags import RENDERERS

    documents = read_inputs(files, input_format, date)
    analyzed = [document for document, _ in analyzed_stream(documents, True, models, None, False, 1, Engine.local, None, sentences=True)]
    typer.echo(RENDERERS[output_format.value](analyzed))


class ClaimFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@reports_errors
def extract(
    files: List[Path] = FilesArg,
    output_format: ClaimFormat = typer.Option(ClaimFormat.text, "--format", "-f", help="Output format."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", help="Only these claim kinds (repeat the option)."),
    input_format: InputFormat = InputFormatOpt,
    date: Optional[str] = DateOpt,
    models: Optional[Path] = ModelsOpt,
    nlp: bool = typer.Option(True, help="Run Stanza (--no-nlp: each paragraph is one sentence, no POS evidence)."),
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
    jobs: int = JobsOpt,
    engine: Engine = EngineOpt,
    scheduler: Optional[str] = SchedulerOpt,
) -> None:
    """Pull every checkable claim out of articles, with its normalized value."""
    from factcheck.model.claims import ClaimKind
    from factcheck.renderers.claims import RENDERERS

    kinds = None
    if kind:
        valid = [k.value for k in ClaimKind]
        unknown = [k for k in kind if k not in valid]
        if unknown:
            fail(f"unknown claim kind {', '.join(unknown)}; valid kinds: {', '.join(valid)}")
        kinds = {ClaimKind(k) for k in kind}
    documents = read_inputs(files, input_format, date)
    started, count, claims_total = time.perf_counter(), 0, 0
    results = []
    for document, claims in analyzed_stream(documents, nlp, models, cache, no_cache, jobs, engine, scheduler):
        claims = [c for c in claims if not kinds or c.kind in kinds]
        count, claims_total = count + 1, claims_total + len(claims)
        if output_format is ClaimFormat.jsonl:  # stream: one line per document, as it is done
            typer.echo(RENDERERS["jsonl"]([(document, claims)]))
        else:
            results.append((document, claims))
    if output_format is not ClaimFormat.jsonl:
        typer.echo(RENDERERS[output_format.value](results))
    typer.echo(f"{count} document(s), {claims_total} claim(s) in {time.perf_counter() - started:.1f}s", err=True)


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    html = "html"


@reports_errors
def check(
    files: List[Path] = FilesArg,
    facts: Path = FactsOpt,
    output_format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Output format."),
    fail_on: str = typer.Option("contradicted", "--fail-on", help="Exit 1 on findings at or above: contradicted, inconsistent, unverifiable, never."),
    show_unverifiable: bool = typer.Option(False, "--all", help="Text format: also list unverifiable claims."),
    reviews: Optional[Path] = ReviewsOpt,
    show_suppressed: bool = typer.Option(False, "--show-suppressed", help="Also show findings an editor dismissed."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    input_format: InputFormat = InputFormatOpt,
    date: Optional[str] = DateOpt,
    models: Optional[Path] = ModelsOpt,
    nlp: bool = typer.Option(True, help="Run Stanza (--no-nlp: each paragraph is one sentence)."),
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
    jobs: int = JobsOpt,
    engine: Engine = EngineOpt,
    scheduler: Optional[str] = SchedulerOpt,
) -> None:
    """Check articles against the fact base: a verdict and evidence for every claim.

    Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 the tool or its input failed.
    """
    from factcheck.model.report import FailLevel, count_failing as findings
    from factcheck.pipeline.check import check_document
    from factcheck.facts.index import load_index
    from factcheck.renderers import report as renderers

    try:
        level = FailLevel(fail_on)
    except ValueError:
        fail(f"unknown --fail-on level {fail_on!r}; use one of: {', '.join(l.value for l in FailLevel)}")
    from factcheck.pipeline.engines import default_cache_path
    from factcheck.review.store import load_store, store_path

    index = load_index(facts, None if no_cache else Path(cache or default_cache_path()).parent)
    store = load_store(store_path(reviews))
    documents = read_inputs(files, input_format, date)
    started = time.perf_counter()
    totals, failing, count, inconsistent = Counter(), 0, 0, 0
    reports = []
    for document, claims in analyzed_stream(documents, nlp, models, cache, no_cache, jobs, engine, scheduler):
        report = check_document(document, index, store, claims)
        count += 1
        totals.update(report.counts())
        inconsistent += len(report.inconsistencies)
        failing += findings([report], level)
        if output_format is ReportFormat.jsonl and output is None:  # stream, nothing kept in memory
            typer.echo(renderers.render_jsonl([report]))
            for fingerprint in report.stale:
                warn(f"{report.document.source}: decision {fingerprint[:10]} is stale: its finding is no longer reported")
        else:
            reports.append(report)
    summary = ", ".join(f"{totals.get(v, 0)} {v}" for v in ("supported", "contradicted", "ambiguous", "unverifiable"))
    if output_format is ReportFormat.jsonl and output is None:
        typer.echo(f"checked {count} document(s): {summary}, {inconsistent} inconsistent, in {time.perf_counter() - started:.1f}s", err=True)
        if failing:
            raise typer.Exit(EXIT_FINDINGS)
        return
    if output_format is ReportFormat.text:
        rendered = renderers.render_text(reports, show_unverifiable, show_suppressed)
    elif output_format is ReportFormat.html:
        from factcheck.renderers.html import render_html

        rendered = render_html(reports, show_suppressed)
    else:
        rendered = {"json": renderers.render_json, "jsonl": renderers.render_jsonl, "sarif": renderers.render_sarif}[output_format.value](reports)
    if output is not None:
        from factcheck.review.store import atomic_write

        atomic_write(output, rendered + "\n")
        typer.echo(f"report written to {output}", err=True)
    else:
        typer.echo(rendered)
    for report in reports:
        for fingerprint in report.stale:
            warn(f"{report.document.source}: decision {fingerprint[:10]} is stale: its finding is no longer reported")
    typer.echo(f"checked {count} document(s): {summary}, {inconsistent} inconsistent, in {time.perf_counter() - started:.1f}s", err=True)
    if failing:
        raise typer.Exit(EXIT_FINDINGS)
