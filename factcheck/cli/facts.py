"""``factcheck facts``: keep the fact base sound."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from factcheck.cli.common import EXIT_FINDINGS, Engine, InputFormat, analyzed_stream, fail, read_inputs, reports_errors

facts_app = typer.Typer(no_args_is_help=True, help="Keep the fact base sound.")


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
