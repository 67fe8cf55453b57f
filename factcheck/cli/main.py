"""The ``factcheck`` command line: parses arguments, calls the library, prints results.

Exit codes: 0 success; 1 findings at or above the fail level; 2 the tool or its input
failed (missing file, undecodable bytes, unknown format, bad models). Errors print one
line to stderr, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
import time
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer

from factcheck.text import inputs as api
from factcheck.model.errors import EXIT_ERROR, EXIT_FINDINGS, FactcheckError
from factcheck.nlp.modelstore import ModelError

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Check the claims in Vietnamese news articles.")
models_app = typer.Typer(no_args_is_help=True, help="Train, inspect and fetch the Vietnamese NLP models.")
app.add_typer(models_app, name="models")
facts_app = typer.Typer(no_args_is_help=True, help="Keep the fact base sound.")
app.add_typer(facts_app, name="facts")
review_app = typer.Typer(no_args_is_help=True, help="Confirm, dismiss and follow up findings; decisions live in reviews.yaml.")
app.add_typer(review_app, name="review")


class InputFormat(str, Enum):
    auto = "auto"
    seed = "seed"
    dantri = "dantri"
    markdown = "markdown"
    text = "text"


class TagFormat(str, Enum):
    text = "text"
    conllu = "conllu"
    json = "json"


def fail(message: str, code: int = EXIT_ERROR) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


def reports_errors(command: Callable) -> Callable:
    """Turn the library's errors into one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (FactcheckError, ModelError) as error:
            fail(str(error))
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


FilesArg = typer.Argument(..., help="Article files or directories (searched for *.txt and *.md).", show_default=False)
InputFormatOpt = typer.Option(InputFormat.auto, "--input-format", "-i", help="How to read the files; auto looks at the content.")
DateOpt = typer.Option(None, "--date", help="Article date YYYY-MM-DD, overriding the file's own.")
ModelsOpt = typer.Option(None, "--models", envvar="FACTCHECK_MODELS", help="Folder of models to use instead of the default.")


def read_inputs(files: List[Path], input_format: InputFormat, date: Optional[str]):
    documents = api.load_documents(files, input_format.value, parse_date(date))
    for document in documents:
        if document.date is None:
            warn(f"{document.source} has no date; relative dates in it will be unresolved (pass --date YYYY-MM-DD)")
    return documents


class Engine(str, Enum):
    local = "local"
    dask = "dask"


CacheOpt = typer.Option(None, "--cache", envvar="FACTCHECK_CACHE", help="Analysis cache (SQLite; default under the user cache directory).")
NoCacheOpt = typer.Option(False, "--no-cache", help="Neither read nor write the analysis cache.")
JobsOpt = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (each loads the models once).")
EngineOpt = typer.Option(Engine.local, "--engine", help="local (this machine) or dask (a Dask cluster, see --scheduler).")
SchedulerOpt = typer.Option(None, "--scheduler", help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786.")


def analyzed_stream(documents, nlp: bool, models, cache, no_cache: bool, jobs: int, engine: Engine, scheduler, sentences: bool = False):
    """(document, claims) in input order, with a progress bar on a terminal; the document
    carries its sentences when ``sentences`` is asked for (``tag``)."""
    from factcheck.pipeline.engines import AnalysisSettings, attach, default_cache_path, iter_analyses

    settings = AnalysisSettings(nlp=nlp, models=str(models) if models else None,
                                cache=None if no_cache else str(cache or default_cache_path()), sentences=sentences)
    stream = iter_analyses(documents, settings, engine=engine.value if engine is Engine.dask else ("processes" if jobs > 1 else "local"),
                           jobs=jobs, scheduler=scheduler)
    if not sys.stderr.isatty():
        for document, analysis in stream:
            yield attach(document, analysis), analysis.claims
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("analyzing", total=len(documents))
        for document, analysis in stream:
            progress.advance(task)
            yield attach(document, analysis), analysis.claims


@app.command()
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


@app.command()
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


ReviewsOpt = typer.Option(None, "--reviews", envvar="FACTCHECK_REVIEWS", help="Review store (default: reviews.yaml).")


FactsOpt = typer.Option(Path("claims"), "--facts", help="Fact base folder (YAML files).")


@app.command()
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


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@facts_app.command("validate")
@reports_errors
def facts_validate(
    directory: Path = typer.Argument(Path("claims"), help="Fact base folder."),
    output_format: ProblemFormat = typer.Option(ProblemFormat.text, "--format", "-f", help="text, json, or github (workflow annotations)."),
    against: Optional[List[Path]] = typer.Option(None, "--against", help="Articles to re-check with this fact base."),
    expect: Optional[Path] = typer.Option(None, "--expect", help="Committed verdicts the re-check must reproduce."),
    update_expect: bool = typer.Option(False, "--update-expect", help="Write the re-check's verdicts to --expect instead of comparing."),
    nlp: bool = typer.Option(True, help="Run Stanza on --against articles."),
) -> None:
    """Validate the fact base: schema, ids, references, aliases, tenures, dates, sources.

    Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 unreadable input (broken YAML).
    """
    import json

    from factcheck.facts.validate import compare_expectations, validate, verdict_table, write_expectations

    base, problems = validate(directory)
    if against:
        if expect is None:
            fail("--against needs --expect FILE (the verdicts to hold the fact base to)")
        if any(p.severity == "error" for p in problems):
            typer.echo("warning: skipping --against: fix the fact base errors first", err=True)
        else:
            from factcheck.pipeline.check import check_document
            from factcheck.facts.index import FactIndex

            documents = read_inputs(against, InputFormat.auto, None)
            index = FactIndex.build(base)
            stream = analyzed_stream(documents, nlp, None, None, False, 1, Engine.local, None)
            table = verdict_table([check_document(d, index, None, claims) for d, claims in stream])
            if update_expect:
                write_expectations(table, expect)
                typer.echo(f"wrote {sum(len(v) for v in table.values())} verdicts to {expect}", err=True)
            elif not expect.exists():
                fail(f"{expect}: expectation file not found (create it with --update-expect)")
            else:
                problems += compare_expectations(table, expect)
    errors = [p for p in problems if p.severity == "error"]
    if output_format is ProblemFormat.json:
        typer.echo(json.dumps({"problems": [p.model_dump() for p in problems], "errors": len(errors)}, ensure_ascii=False, indent=2))
    elif output_format is ProblemFormat.github:
        for p in problems:
            typer.echo(f"::{p.severity if p.severity == 'error' else 'warning'} file={p.file},line={p.line},title={p.code}::{p.message} [{p.path}]")
    else:
        for p in problems:
            typer.echo(str(p))
        counts = f"{len(base.entities)} entities, {len(base.locations)} locations, {len(base.tenures)} tenures, {len(base.events)} events, {len(base.sources)} sources"
        typer.echo(f"{directory}: {counts}; {len(errors)} error(s), {len(problems) - len(errors)} warning(s)")
    if errors:
        raise typer.Exit(EXIT_FINDINGS)


def _reports(files: List[Path], facts: Path, reviews: Optional[Path], nlp: bool, models: Optional[Path] = None):
    from factcheck.pipeline.check import check_document
    from factcheck.facts.index import load_index
    from factcheck.review.store import load_store, store_path

    index = load_index(facts)
    store = load_store(store_path(reviews))
    documents = read_inputs(files, InputFormat.auto, None)
    stream = analyzed_stream(documents, nlp, models, None, False, 1, Engine.local, None)
    return [check_document(d, index, store, claims) for d, claims in stream], store, index


ReviewFilesArg = typer.Argument(None, help="Articles the findings come from (needed for findings not yet in the store).", show_default=False)


@review_app.command("list")
@reports_errors
def review_list(
    files: Optional[List[Path]] = ReviewFilesArg,
    status: str = typer.Option("open", "--status", help="open, confirmed, dismissed, fact-updated, needs-source, or all."),
    facts: Path = FactsOpt,
    reviews: Optional[Path] = ReviewsOpt,
    nlp: bool = typer.Option(True, help="Run Stanza on the articles."),
) -> None:
    """List findings with their review status (from the articles given, else from the store)."""
    from factcheck.review.store import Decision, load_store, store_path

    valid = ["open", "all", *[d.value for d in Decision if d is not Decision.reopened]]
    if status not in valid:
        fail(f"unknown status {status!r}; use one of: {', '.join(valid)}")
    rows = []
    if files:
        reports, store, _ = _reports(files, facts, reviews, nlp)
        for report in reports:
            for finding in report.findings():
                review = store.decisions.get(finding.fingerprint)
                state = "open" if review is None or review.is_open else review.decision.value
                rows.append((finding.fingerprint, state, finding.document, finding.line, finding.verdict, finding.kind, finding.claim))
    else:
        store = load_store(store_path(reviews))
        for fingerprint, review in sorted(store.decisions.items(), key=lambda item: (item[1].document, item[1].line)):
            state = "open" if review.is_open else review.decision.value
            rows.append((fingerprint, state, review.document, review.line, review.verdict, review.kind, review.claim))
    rows = [r for r in rows if status == "all" or r[1] == status]
    for fingerprint, state, document, line, verdict, kind, claim in rows:
        typer.echo(f"{fingerprint[:12]}  {state:<12} {document}:{line:<4} {verdict:<13} {kind:<9} {claim}")
    typer.echo(f"{len(rows)} finding(s) {status}", err=True)


def _decide(decision, identifier: str, note: str, by: Optional[str], files, facts: Path, reviews: Optional[Path], nlp: bool) -> None:
    from factcheck.model.report import Finding
    from factcheck.review.store import decide, default_reviewer, load_store, resolve_id, store_path

    path = store_path(reviews)
    store = load_store(path)
    known = {fp: Finding(fingerprint=fp, document=r.document, kind=r.kind, claim=r.claim, verdict=r.verdict, line=r.line)
             for fp, r in store.decisions.items()}
    if files:
        reports, _, _ = _reports(files, facts, reviews, nlp)
        known.update({f.fingerprint: f for r in reports for f in r.findings()})
    elif not any(fp.startswith(identifier.lower()) for fp in known):
        fail(f"finding {identifier!r} is not in {path}; pass the article(s) it comes from, e.g. factcheck review {decision.value.split('-')[0]} {identifier} --note ... seeds/")
    fingerprint = resolve_id(identifier, list(known))
    review = decide(path, known[fingerprint], decision, note, by or default_reviewer())
    typer.echo(f"{fingerprint[:12]} {review.decision.value} by {review.by}: {review.document}:{review.line} {review.kind} «{review.claim}»")


NoteOpt = typer.Option(..., "--note", help="Why: kept with the decision in the review history.")
ByOpt = typer.Option(None, "--by", help="Reviewer (default: $FACTCHECK_REVIEWER, git user.name, or the login).")
NlpOpt = typer.Option(True, help="Run Stanza on the articles.")


def _decision_command(decision: str, summary: str) -> Callable:
    """One review command per decision; they differ only in the decision they record."""

    def command(identifier: str = typer.Argument(..., metavar="ID"), files: Optional[List[Path]] = ReviewFilesArg, note: str = NoteOpt,
                by: Optional[str] = ByOpt, facts: Path = FactsOpt, reviews: Optional[Path] = ReviewsOpt, nlp: bool = NlpOpt) -> None:
        from factcheck.review.store import Decision

        _decide(Decision(decision), identifier, note, by, files, facts, reviews, nlp)

    command.__doc__ = summary
    command.__name__ = f"review_{decision.replace('-', '_')}"
    return reports_errors(command)


for _name, _decision, _summary in (
    ("confirm", "confirmed", "Confirm a finding: the article is wrong."),
    ("dismiss", "dismissed", "Dismiss a finding as a false alarm: later checks suppress it."),
    ("reopen", "reopened", "Reopen a decided finding (the earlier decision stays in its history)."),
    ("needs-source", "needs-source", "Mark a finding as needing a source before it can be settled."),
):
    review_app.command(_name)(_decision_command(_decision, _summary))


@review_app.command("add-fact")
@reports_errors
def review_add_fact(
    identifier: str = typer.Argument(..., metavar="ID"),
    files: List[Path] = typer.Argument(..., help="Articles the finding comes from."),
    source: str = typer.Option(..., "--source", help="Id of the source (in claims/sources.yaml) that supports the fact."),
    into: Optional[Path] = typer.Option(None, "--into", help="Fact file to append to (default: FACTS/reviewed.yaml)."),
    note: str = typer.Option("fact added from review", "--note"),
    by: Optional[str] = ByOpt,
    facts: Path = FactsOpt,
    reviews: Optional[Path] = ReviewsOpt,
    nlp: bool = NlpOpt,
) -> None:
    """Record a reviewed claim as a new sourced fact (location or title), then validate the fact base."""
    from factcheck.facts.addfact import append_facts, new_facts
    from factcheck.review.store import Decision, decide, default_reviewer, resolve_id, store_path

    reports, _, index = _reports(files, facts, reviews, nlp)
    claims = {c.fingerprint: (r, c) for r in reports for c in r.claims}
    fingerprint = resolve_id(identifier, list(claims))
    report, claim = claims[fingerprint]
    additions = new_facts(claim, index, source, report.document.date)
    target = into or facts / "reviewed.yaml"
    written = append_facts(target, additions, facts)
    finding = next((f for f in report.findings() if f.fingerprint == fingerprint), None)
    if finding is not None:
        decide(store_path(reviews), finding, Decision.fact_updated, note, by or default_reviewer())
    typer.echo(f"added {', '.join(written)} to {target}; fact base validates")


@review_app.command("walk")
@reports_errors
def review_walk(files: List[Path] = FilesArg, by: Optional[str] = ByOpt, facts: Path = FactsOpt,
                reviews: Optional[Path] = ReviewsOpt, nlp: bool = NlpOpt) -> None:
    """Walk the open findings one by one: c confirm, d dismiss, n needs source, s skip, q quit."""
    from factcheck.review.walk import walk
    from factcheck.review.store import default_reviewer, store_path

    reports, _, _ = _reports(files, facts, reviews, nlp)
    walk(reports, store_path(reviews), by or default_reviewer())


@models_app.command("info")
@reports_errors
def models_info(models: Optional[Path] = ModelsOpt) -> None:
    """Say which models are in use, where they are, and how well they score."""
    from factcheck.nlp.modelstore import resolve_models

    source = resolve_models(models)
    typer.echo(f"origin:    {source.origin.value}")
    typer.echo(f"directory: {source.directory}")
    for label, path in (("tokenizer", source.tokenizer), ("pos", source.pos)):
        size = f"{path.stat().st_size / 1e6:.1f} MB" if path and path.exists() else "missing"
        typer.echo(f"{label + ':':<10} {path}  ({size})")
    manifest = source.manifest
    if manifest is None:
        typer.echo("manifest:  none (scores unknown)")
        return
    typer.echo(
        f"trained:   {manifest.treebank} sha256:{manifest.treebank_sha256} with stanza {manifest.stanza_version}, "
        f"seed {manifest.seed}, tokenizer {manifest.tokenizer_steps} steps"
        f"{' + dictionary' if manifest.use_dictionary else ''}{' + natural spacing' if manifest.natural_spacing else ''}, "
        f"tagger {manifest.tagger_steps} steps"
    )
    typer.echo(f"{'dataset':<12} {'sentences':>9} {'token F1':>9} {'sent F1':>8} {'UPOS F1':>8} {'UPOS(gold tok)':>15}")
    for score in manifest.scores:
        typer.echo(
            f"{score.dataset:<12} {score.sentences:>9} {score.token_f1:>9.2f} {score.sentence_f1:>8.2f} "
            f"{score.upos_f1:>8.2f} {score.upos_gold_tokens:>15.2f}"
        )


@models_app.command("train")
@reports_errors
def models_train(
    ud: Path = typer.Option(..., "--ud", help="Folder holding UD_Vietnamese-VTB (and optionally UD_Vietnamese-TueCL)."),
    out: Path = typer.Option(Path("trained-models"), "--out", help="Where to write the model folder."),
    work: Path = typer.Option(Path("work-models"), "--work", help="Scratch folder for prepared data and logs."),
    tokenizer_steps: int = typer.Option(6000, help="Tokenizer training steps."),
    tagger_steps: int = typer.Option(4000, help="POS tagger training steps."),
    seed: int = typer.Option(1234, help="Random seed, recorded in the manifest."),
    dictionary: bool = typer.Option(True, help="Use Stanza's dictionary features in the tokenizer."),
    natural_spacing: bool = typer.Option(True, help="Add a copy of the training text spaced as news is."),
) -> None:
    """Train the tokenizer and POS tagger with Stanza's own code, then score them."""
    from factcheck.nlp.training import TrainingConfig, train

    config = TrainingConfig(
        ud_dir=ud, out_dir=out, work_dir=work, tokenizer_steps=tokenizer_steps, tagger_steps=tagger_steps,
        seed=seed, use_dictionary=dictionary, natural_spacing=natural_spacing,
    )
    try:
        manifest = train(config, log=lambda line: typer.echo(line, err=True))
    except (FileNotFoundError, RuntimeError) as error:
        fail(str(error))
    for score in manifest.scores:
        typer.echo(f"{score.dataset}: token F1 {score.token_f1:.2f}, sentence F1 {score.sentence_f1:.2f}, UPOS F1 {score.upos_f1:.2f}")
    typer.echo(f"models written to {out}; use them with --models {out} or copy them to factcheck/nlp/models/vi/")


@models_app.command("download")
@reports_errors
def models_download() -> None:
    """Fetch Stanza's official Vietnamese models (needs internet access to Stanza's host)."""
    from factcheck.nlp.analyzer import download_official_models

    directory = download_official_models()
    typer.echo(f"official Stanza Vietnamese models installed in {directory}; they now take precedence over the bundled ones")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
