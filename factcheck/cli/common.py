"""What every command shares: error handling, input options, reading and analysing articles,
and writing output.

Every command is wrapped by ``reports_errors``: the library's errors become one line on
stderr and exit 2, and so does anything unexpected (with ``--debug`` or
``FACTCHECK_DEBUG=1`` the traceback is shown instead).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, Iterator, List, Optional

import typer

from factcheck.model.errors import EXIT_ERROR, EXIT_FINDINGS, FactcheckError, warn  # noqa: F401  (EXIT_FINDINGS and warn are the commands')
from factcheck.nlp.modelstore import ModelError

DEBUG_ENV = "FACTCHECK_DEBUG"
EXIT_INTERRUPTED = 130


class InputFormat(str, Enum):
    auto = "auto"
    seed = "seed"
    dantri = "dantri"
    markdown = "markdown"
    text = "text"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def fail(message: str, code: int = EXIT_ERROR) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def debugging() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def reports_errors(command: Callable) -> Callable:
    """Turn every error into one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except (FactcheckError, ModelError) as error:
            if debugging() and error.__cause__ is not None:
                raise
            fail(str(error))
        except KeyboardInterrupt:
            fail("interrupted", EXIT_INTERRUPTED)
        except BrokenPipeError:  # `factcheck check ... | head`: the reader has gone, nothing to report
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")
            raise typer.Exit(0)
        except Exception as error:  # noqa: BLE001 - the guard that keeps tracebacks from users
            if debugging():
                raise
            fail(f"unexpected {type(error).__name__}: {error} (a bug in factcheck; rerun with --debug for the traceback)")

    return wrapper


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


FilesArg = typer.Argument(..., help="Article files, directories (searched for *.txt and *.md), glob patterns in quotes, or - for standard input.",
                          show_default=False)
InputFormatOpt = typer.Option(InputFormat.auto, "--input-format", "-i", help="How to read the files; auto looks at the content.")
DateOpt = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="Article date, overriding the file's own.")
ModelsOpt = typer.Option(None, "--models", envvar="FACTCHECK_MODELS", help="Folder of models to use instead of the default.")
CacheOpt = typer.Option(None, "--cache", envvar="FACTCHECK_CACHE", metavar="FILE.sqlite",
                        help="Analysis cache (SQLite; default under the user cache directory).")
NoCacheOpt = typer.Option(False, "--no-cache", metavar="", help="Neither read nor write the analysis cache (the fact index stays cached).")
def _jobs(value: str) -> int:
    """``--jobs N``, or ``auto`` (0): one worker per core when the run is big enough to pay for
    starting them; the pipeline says on stderr how many it starts."""
    text = str(value).strip().lower()
    if text == "auto":
        return 0
    if not text.isdigit() or int(text) < 1:
        raise typer.BadParameter(f"{value!r}: give a number of worker processes (1 or more) or auto")
    return int(text)


JobsOpt = typer.Option("auto", "--jobs", "-j", metavar="N|auto", callback=_jobs,
                       help="Worker processes. auto (default): one per core, as many as free memory holds, once a run has "
                            "4 batches (64 articles) or more to analyze; each worker loads the models once (about 0.5 GB). "
                            "1: this process only.")
EngineOpt = typer.Option(Engine.local, "--engine", help="local (this machine) or dask (a Dask cluster, see --scheduler).")
SchedulerOpt = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786.")
ReviewsOpt = typer.Option(None, "--reviews", envvar="FACTCHECK_REVIEWS", help="Review store (default: reviews.jsonl; an old reviews.yaml is read, and converted on the first write).")
FactsOpt = typer.Option(None, "--facts", envvar="FACTCHECK_FACTS", show_default=False,
                        help="Fact base folder (YAML files). Default: the nearest claims/ folder in the working directory or above it.")
PacksOpt = typer.Option(None, "--packs", envvar="FACTCHECK_PACKS", metavar="all|none|NAME,...",
                        help="Geography packs to use with the fact base: all (default), none, or names separated by commas "
                             "(see `factcheck facts info`). Packs live in packs/ beside the fact base, or $FACTCHECK_PACKS_DIR.")
ArchiveOpt = typer.Option(None, "--archive", envvar="FACTCHECK_ARCHIVE", metavar="DB",
                          help="An archive built by `factcheck archive build`: each claim's corroboration and disputes in earlier articles.")
ReviewFilesArg = typer.Argument(None, help="Articles the findings come from (needed for findings not yet in the store).", show_default=False)
NoteOpt = typer.Option(..., "--note", help="Why: kept with the decision in the review history.")
ByOpt = typer.Option(None, "--by", help="Reviewer (default: $FACTCHECK_REVIEWER, git user.name, or the login).")
NlpOpt = typer.Option(True, "--nlp/--no-nlp", metavar="", help="Run Stanza on the articles (--no-nlp: each paragraph is one sentence).")


def fact_base(facts: Optional[Path]) -> Path:
    """The fact base folder: as given, else the nearest ``claims/`` here or above (as git
    finds its repository), so commands work from any folder of a newsroom's checkout."""
    if facts is not None:
        return facts
    for folder in (Path.cwd(), *Path.cwd().parents):
        candidate = folder / "claims"
        if candidate.is_dir():
            return candidate
    raise FactcheckError("no fact base found: no claims/ folder here or above; pass --facts DIR or set FACTCHECK_FACTS")


def pipeline_options(input_format: InputFormat = InputFormat.auto, date: Optional[str] = None, nlp: bool = True, models: Optional[Path] = None,
                     cache: Optional[Path] = None, no_cache: bool = False, jobs: int = 0, engine: Engine = Engine.local,
                     scheduler: Optional[str] = None):
    """The library's pipeline options from the command-line flags."""
    from factcheck.pipeline.cache import default_cache_path
    from factcheck.pipeline.run import Options

    return Options(input_format=input_format.value, date=parse_date(date), nlp=nlp, models=models,
                   cache=None if no_cache else (cache or default_cache_path()), engine=engine.value, jobs=jobs, scheduler=scheduler)


def articles(files: List[Path], options) -> Iterator:
    """The articles, read lazily, with one warning for each that has no date."""
    from factcheck.pipeline.run import read

    for document in read(files, options):
        if document.date is None:
            warn(f"{document.source} has no date; relative dates in it will be unresolved (pass --date YYYY-MM-DD)")
        yield document


def with_progress(items: Iterable, label: str) -> Iterator:
    """``items`` passed through, with a live count on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), "[progress.description]{task.description}", MofNCompleteColumn(), "articles", TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=None)
        for item in items:
            progress.advance(task)
            yield item


def write_output(chunks: Iterable[str], output: Optional[Path]) -> None:
    """Write a renderer's chunks to stdout as they come, or to ``output`` atomically (the
    file appears complete or not at all and keeps an existing file's mode)."""
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
            sys.stdout.flush()
        return
    from factcheck.text.files import atomic_write

    atomic_write(output, chunks)
