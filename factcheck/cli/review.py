"""``factcheck review``: editors' decisions on findings."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer

from factcheck.cli.common import (ByOpt, CacheOpt, DateOpt, FactsOpt, FilesArg, InputFormat, InputFormatOpt, NlpOpt, NoCacheOpt, NoteOpt,
                                  ReviewFilesArg, ReviewsOpt, articles, fact_base, fail, pipeline_options, reports_errors, warn)

class ReviewStatus(str, Enum):
    """``review list --status``: open findings, one decision, or all."""

    open = "open"
    confirmed = "confirmed"
    dismissed = "dismissed"
    fact_updated = "fact-updated"
    needs_source = "needs-source"
    all = "all"


review_app = typer.Typer(no_args_is_help=True, help="Confirm, dismiss and follow up findings; decisions live in reviews.jsonl.")


class ArticleOptions:
    """How the review commands read articles: as ``check`` did, so the fingerprints match."""

    def __init__(self, nlp: bool, date: Optional[str], input_format: InputFormat, cache: Optional[Path], no_cache: bool):
        self.pipeline = pipeline_options(input_format, date, nlp, cache=cache, no_cache=no_cache)


def _reports(files: List[Path], facts: Optional[Path], reviews: Optional[Path], options: ArticleOptions):
    """The articles checked as ``check`` checks them, the review store, and the fact index."""
    from factcheck.pipeline import run
    from factcheck.review.store import load_store, store_path

    index = run.load_facts(fact_base(facts), options.pipeline)
    store = load_store(store_path(reviews))
    archive = None
    if os.environ.get("FACTCHECK_ARCHIVE"):  # disputes with the archive are findings too (``check --archive``)
        from factcheck.archive.lookup import Archive

        archive = Archive(Path(os.environ["FACTCHECK_ARCHIVE"]), index)
    reports = list(run.check(articles(files, options.pipeline), options.pipeline, index, store, archive))
    return reports, store, index



@review_app.command("list")
@reports_errors
def review_list(
    files: Optional[List[Path]] = ReviewFilesArg,
    status: ReviewStatus = typer.Option(ReviewStatus.open, "--status", help="Which findings to list."),
    facts: Optional[Path] = FactsOpt,
    reviews: Optional[Path] = ReviewsOpt,
    nlp: bool = NlpOpt,
    date: Optional[str] = DateOpt,
    input_format: InputFormat = InputFormatOpt,
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """List findings with their review status (from the articles given, else from the store)."""
    from factcheck.review.store import Decision, load_store, store_path

    status = status.value
    rows, seen = [], set()
    if files:
        reports, _, _ = _reports(files, facts, reviews, ArticleOptions(nlp, date, input_format, cache, no_cache))
        for report in reports:
            decided = {item.fingerprint: item.review for item in [*report.claims, *report.inconsistencies, *report.disputes]}
            for finding in report.findings():
                if finding.fingerprint in seen:  # a claim repeated in an article: one finding, one row
                    continue
                seen.add(finding.fingerprint)
                review = decided.get(finding.fingerprint)
                state = "open" if review in (None, Decision.reopened.value) else review
                rows.append((finding.fingerprint, state, finding.document, finding.line, finding.verdict, finding.kind, finding.claim))
    else:
        store = load_store(store_path(reviews))
        for fingerprint, review in sorted(store.decisions.items(), key=lambda item: (item[1].document, item[1].line, item[0])):
            state = "open" if review.is_open else review.decision.value
            rows.append((fingerprint, state, review.document, review.line, review.verdict, review.kind, review.claim))
    rows = [r for r in rows if status == "all" or r[1] == status]
    if rows:
        typer.echo("\n".join(f"{fingerprint[:12]}  {state:<12} {document}:{line:<4} {verdict:<13} {kind:<9} {claim}"
                             for fingerprint, state, document, line, verdict, kind, claim in rows))
    typer.echo(f"{len(rows)} finding(s) {status}", err=True)


def _decide(command: str, decision, identifier: str, note: str, by: Optional[str], files, facts: Optional[Path], reviews: Optional[Path],
            options: ArticleOptions) -> None:
    from factcheck.model.report import Finding
    from factcheck.review.store import decide, default_reviewer, load_store, resolve_id, store_path

    path = store_path(reviews)
    if files:
        reports, store, _ = _reports(files, facts, reviews, options)
    else:
        reports, store = [], load_store(path)
    found = {f.fingerprint: f for r in reports for f in r.findings()}
    if not files and not any(fp.startswith(identifier.lower()) for fp in store.decisions):
        fail(f"finding {identifier!r} is not in {path}; pass the article(s) it comes from, e.g. factcheck review {command} {identifier} --note ... seeds/")
    fingerprint = resolve_id(identifier, [*store.decisions, *found])
    finding = found.get(fingerprint)
    if finding is None:
        r = store.decisions[fingerprint]
        finding = Finding(fingerprint=fingerprint, document=r.document, kind=r.kind, claim=r.claim, verdict=r.verdict, line=r.line)
    review = decide(path, finding, decision, note, by or default_reviewer(), carried_from=store.carried.get(fingerprint))
    typer.echo(f"{fingerprint[:12]} {review.decision.value} by {review.by}: {review.document}:{review.line} {review.kind} «{review.claim}»")


def _decision_command(name: str, decision: str, summary: str) -> Callable:
    """One review command per decision; they differ only in the decision they record."""

    def command(identifier: str = typer.Argument(..., metavar="ID"), files: Optional[List[Path]] = ReviewFilesArg, note: str = NoteOpt,
                by: Optional[str] = ByOpt, facts: Optional[Path] = FactsOpt, reviews: Optional[Path] = ReviewsOpt, nlp: bool = NlpOpt,
                date: Optional[str] = DateOpt, input_format: InputFormat = InputFormatOpt, cache: Optional[Path] = CacheOpt,
                no_cache: bool = NoCacheOpt) -> None:
        from factcheck.review.store import Decision

        _decide(name, Decision(decision), identifier, note, by, files, facts, reviews, ArticleOptions(nlp, date, input_format, cache, no_cache))

    command.__doc__ = summary
    command.__name__ = f"review_{decision.replace('-', '_')}"
    return reports_errors(command)


for _name, _decision, _summary in (
    ("confirm", "confirmed", "Confirm a finding: the article is wrong."),
    ("dismiss", "dismissed", "Dismiss a finding as a false alarm: later checks suppress it."),
    ("reopen", "reopened", "Reopen a decided finding (the earlier decision stays in its history)."),
    ("needs-source", "needs-source", "Mark a finding as needing a source before it can be settled."),
):
    review_app.command(_name)(_decision_command(_name, _decision, _summary))


@review_app.command("add-fact")
@reports_errors
def review_add_fact(
    identifier: str = typer.Argument(..., metavar="ID"),
    files: List[Path] = typer.Argument(..., help="Articles the finding comes from."),
    source: str = typer.Option(..., "--source", help="Id of the source (in claims/sources.yaml) that supports the fact."),
    into: Optional[Path] = typer.Option(None, "--into", help="Fact file to append to (default: FACTS/reviewed.yaml)."),
    note: str = typer.Option("fact added from review", "--note"),
    by: Optional[str] = ByOpt,
    facts: Optional[Path] = FactsOpt,
    reviews: Optional[Path] = ReviewsOpt,
    nlp: bool = NlpOpt,
    date: Optional[str] = DateOpt,
    input_format: InputFormat = InputFormatOpt,
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Record a reviewed claim as a new sourced fact (location or title), then validate the fact base."""
    from factcheck.facts.addfact import append_facts, new_facts
    from factcheck.review.store import Decision, decide, default_reviewer, resolve_id, store_path

    reports, store, index = _reports(files, facts, reviews, ArticleOptions(nlp, date, input_format, cache, no_cache))
    claims = {c.fingerprint: (r, c) for r in reports for c in r.claims}
    fingerprint = resolve_id(identifier, list(claims))
    report, claim = claims[fingerprint]
    additions = new_facts(claim, index, source, report.document.date)
    base = fact_base(facts)
    target = into or base / "reviewed.yaml"
    written = append_facts(target, additions, base)
    finding = next((f for f in report.findings() if f.fingerprint == fingerprint), None)
    if finding is not None:
        decide(store_path(reviews), finding, Decision.fact_updated, note, by or default_reviewer(), carried_from=store.carried.get(fingerprint))
    typer.echo(f"added {', '.join(written)} to {target}; fact base validates")


@review_app.command("walk")
@reports_errors
def review_walk(files: List[Path] = FilesArg, by: Optional[str] = ByOpt, facts: Optional[Path] = FactsOpt,
                reviews: Optional[Path] = ReviewsOpt, nlp: bool = NlpOpt, date: Optional[str] = DateOpt,
                input_format: InputFormat = InputFormatOpt, cache: Optional[Path] = CacheOpt, no_cache: bool = NoCacheOpt) -> None:
    """Walk the open findings one by one: c confirm, d dismiss, n needs source, s skip, q quit."""
    import sys

    from factcheck.review.walk import walk
    from factcheck.review.store import default_reviewer, store_path

    if sys.stdin is None or sys.stdin.closed:
        fail("review walk asks for each decision on standard input, which is closed; decide with "
             "`factcheck review confirm|dismiss ID --note ...` instead")
    reports, store, _ = _reports(files, facts, reviews, ArticleOptions(nlp, date, input_format, cache, no_cache))
    walk(reports, store, store_path(reviews), by or default_reviewer())


@review_app.command("migrate")
@reports_errors
def review_migrate(files: Optional[List[Path]] = typer.Argument(None, help="Articles whose findings get the decisions kept under old fingerprints.",
                                                                 show_default=False), facts: Optional[Path] = FactsOpt, reviews: Optional[Path] = ReviewsOpt,
                   nlp: bool = NlpOpt, date: Optional[str] = DateOpt, input_format: InputFormat = InputFormatOpt,
                   cache: Optional[Path] = CacheOpt, no_cache: bool = NoCacheOpt) -> None:
    """Convert an old reviews.yaml to reviews.jsonl, and move decisions kept under old fingerprints to the articles given.

    An old store is also converted by the first decision written to it. Old fingerprints were built from the file's base name, so 2024/index.md and 2025/index.md shared them; until migrated, such a decision still applies to the article it was recorded for (and is moved when that finding is next decided). Migrate writes it, with its history, under the finding's own fingerprint. A decision that two of the given articles could both claim is left alone and listed: decide those findings again.
    """
    from factcheck.review.store import migrate, store_files, store_path

    path = store_path(reviews)
    reports = _reports(files, facts, reviews, ArticleOptions(nlp, date, input_format, cache, no_cache))[0] if files else []
    result = migrate(path, reports)
    for old, documents in sorted(result.ambiguous.items()):
        warn(f"old decision {old[:12]} matches findings in {' and '.join(documents)}: not carried over; decide them again")
    typer.echo(f"{store_files(path)[0]}: {result.converted} decision(s) converted from YAML, {result.carried} carried over to new "
               f"fingerprints, {len(result.ambiguous)} ambiguous, {result.legacy_left} still under old fingerprints")


@review_app.command("compact")
@reports_errors
def review_compact(reviews: Optional[Path] = ReviewsOpt) -> None:
    """Rewrite the review store grouped by document, keeping every decision's history.

    Drops repeated lines (left by merges) and old-fingerprint decisions already carried over to new fingerprints. The file is replaced atomically under the store's lock.
    """
    from factcheck.review.store import compact, store_files, store_path

    before, after = compact(store_path(reviews))
    typer.echo(f"{store_files(store_path(reviews))[0]}: {before} line(s) -> {after}")


class ExportFormat(str, Enum):
    claimreview = "claimreview"


@review_app.command("export")
@reports_errors
def review_export(
    files: List[Path] = typer.Argument(..., help="Articles whose confirmed findings to export.", show_default=False),
    output_format: ExportFormat = typer.Option(ExportFormat.claimreview, "--format", "-f", help="claimreview: schema.org ClaimReview JSON-LD."),
    org: Optional[str] = typer.Option(None, "--org", envvar="FACTCHECK_ORG", help="The organization publishing the fact-checks (author)."),
    org_url: Optional[str] = typer.Option(None, "--org-url", envvar="FACTCHECK_ORG_URL", help="Its web address (https://...)."),
    url_template: str = typer.Option("{org_url}/fact-check/{fingerprint}", "--url-template", envvar="FACTCHECK_REVIEW_URL",
                                     help="Address of each published fact-check; {org_url} and {fingerprint} are filled in."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    facts: Optional[Path] = FactsOpt,
    reviews: Optional[Path] = ReviewsOpt,
    nlp: bool = NlpOpt,
    date: Optional[str] = DateOpt,
    input_format: InputFormat = InputFormatOpt,
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Export confirmed findings for publishing: one ClaimReview (JSON-LD) per contradicted claim an editor confirmed."""
    from urllib.parse import urlsplit

    from factcheck.cli.common import write_output
    from factcheck.renderers.claimreview import Publisher, confirmed, reviews as claimreviews

    if not org or not org_url:
        fail("a ClaimReview names its author: pass --org NAME and --org-url URL (or set FACTCHECK_ORG and FACTCHECK_ORG_URL)")
    if urlsplit(org_url).scheme not in ("http", "https") or not urlsplit(org_url).netloc:
        fail(f"--org-url {org_url!r} is not an http(s) address")
    if "{fingerprint}" not in url_template:
        fail("--url-template must contain {fingerprint}: every fact-check has its own page")
    reports, store, _ = _reports(files, facts, reviews, ArticleOptions(nlp, date, input_format, cache, no_cache))
    publisher = Publisher(org, org_url, url_template)
    write_output(claimreviews(reports, store.decisions, publisher), output)
    count = sum(1 for _ in confirmed(reports, store.decisions))
    typer.echo(f"{count} ClaimReview(s) exported" + (f" to {output}" if output else ""), err=True)
