"""What every command shares: error handling, input options, reading and analyzing articles."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer

from factcheck.text import inputs as api
from factcheck.model.errors import EXIT_ERROR, EXIT_FINDINGS, FactcheckError  # noqa: F401  (EXIT_FINDINGS: for the commands)
from factcheck.nlp.modelstore import ModelError

class InputFormat(str, Enum):
    auto = "auto"
    seed = "seed"
    dantri = "dantri"
    markdown = "markdown"
    text = "text"



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


ReviewsOpt = typer.Option(None, "--reviews", envvar="FACTCHECK_REVIEWS", help="Review store (default: reviews.jsonl; an old reviews.yaml is read, and converted on the first write).")


FactsOpt = typer.Option(Path("claims"), "--facts", help="Fact base folder (YAML files).")

ReviewFilesArg = typer.Argument(None, help="Articles the findings come from (needed for findings not yet in the store).", show_default=False)
NoteOpt = typer.Option(..., "--note", help="Why: kept with the decision in the review history.")
ByOpt = typer.Option(None, "--by", help="Reviewer (default: $FACTCHECK_REVIEWER, git user.name, or the login).")
NlpOpt = typer.Option(True, help="Run Stanza on the articles.")
