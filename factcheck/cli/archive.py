"""``factcheck archive``: build the archive of earlier articles, see what it holds, list its conflicts."""

from __future__ import annotations

import json
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from factcheck.cli.common import (CacheOpt, FactsOpt, FilesArg, InputFormat, InputFormatOpt, JobsOpt, NoCacheOpt, PacksOpt, articles,
                                  fact_base, pipeline_options, reports_errors, with_progress, write_output)

archive_app = typer.Typer(no_args_is_help=True, help="The publisher's archive as evidence: build it, inspect it, list its conflicts.")

DEFAULT_DB = Path("archive.sqlite")
DbOpt = typer.Option(DEFAULT_DB, "--db", help="The archive file (SQLite).")


class ConflictFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"


@archive_app.command("build")
@reports_errors
def archive_build(
    files: List[Path] = FilesArg,
    db: Path = DbOpt,
    input_format: InputFormat = InputFormatOpt,
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
    jobs: str = JobsOpt,  # the callback makes it an int
) -> None:
    """Add every claim of every article to the archive; articles it holds unchanged are skipped."""
    from factcheck.archive import build
    from factcheck.archive.store import connect
    from factcheck.pipeline.run import analyze

    options = pipeline_options(input_format, cache=cache, no_cache=no_cache, jobs=jobs)
    started = time.perf_counter()
    connection = connect(db, create=True)
    stats = build.BuildStats()
    fresh = build.pending(connection, articles(files, options), stats)
    build.add(connection, with_progress(analyze(fresh, options), "archiving"), stats)
    connection.close()
    typer.echo(f"{db}: {stats.seen} article(s) read, {stats.unchanged} unchanged, {stats.added} added, {stats.replaced} replaced, "
               f"{stats.statements} statement(s) stored in {time.perf_counter() - started:.1f}s", err=True)


@archive_app.command("info")
@reports_errors
def archive_info(db: Path = typer.Argument(DEFAULT_DB, help="The archive file.")) -> None:
    """What the archive holds: articles, dates, statements of each kind, people."""
    from factcheck.archive.store import connect, info

    held = info(connect(db))
    kinds = ", ".join(f"{n} {kind}" for kind, n in held["statements"].items()) or "none"
    typer.echo(f"{db}: {held['articles']} article(s) from {held['first']} to {held['last']}; statements: {kinds}; "
               f"{held['people']} people; built {held['meta'].get('built', '?')}")


@archive_app.command("conflicts")
@reports_errors
def archive_conflicts(
    db: Path = typer.Argument(DEFAULT_DB, help="The archive file."),
    output_format: ConflictFormat = typer.Option(ConflictFormat.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    facts: Optional[Path] = FactsOpt,
    packs: Optional[str] = PacksOpt,
) -> None:
    """Every conflict in the archive, most lopsided first (1 article against 14 is most likely an error in the one)."""
    from factcheck.archive.conflicts import find_conflicts
    from factcheck.archive.store import connect
    from factcheck.pipeline import run
    from factcheck.renderers import CONFLICTS

    connection = connect(db)
    options = pipeline_options()
    index = run.load_facts(fact_base(facts), options, packs)
    found = find_conflicts(connection, index)
    write_output(CONFLICTS[output_format.value](found), output)
