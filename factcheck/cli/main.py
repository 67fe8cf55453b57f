"""The ``factcheck`` command line: parses arguments, calls the library, prints results.

One module per command group (``analyze``: tag, extract, check; ``facts``; ``review``;
``models``; ``serve``); this one only assembles them.

Exit codes: 0 success; 1 findings at or above the fail level; 2 the tool or its input
failed (missing file, undecodable bytes, unknown format, bad models). Errors print one
line to stderr, never a traceback.
"""

from __future__ import annotations

import gc
import os
import sys

import typer

from factcheck.cli import analyze
from factcheck.cli.archive import archive_app
from factcheck.cli.common import DEBUG_ENV, EXIT_ERROR, debugging
from factcheck.cli.facts import facts_app
from factcheck.cli.models import models_app
from factcheck.cli.review import review_app
from factcheck.cli.rules import rules_app
from factcheck.cli.serve import serve

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, help="Check the claims in Vietnamese news articles.")


@app.callback()
def global_options(debug: bool = typer.Option(False, "--debug", metavar="", help="Show the traceback of an unexpected error instead of one line.")) -> None:
    """Check the claims in Vietnamese news articles."""
    if debug:
        os.environ[DEBUG_ENV] = "1"


for _command in (analyze.tag, analyze.extract, analyze.check):
    app.command()(_command)
app.add_typer(models_app, name="models")
app.add_typer(facts_app, name="facts")
app.add_typer(review_app, name="review")
app.add_typer(rules_app, name="rules")
app.command()(serve)
app.add_typer(archive_app, name="archive")


def main() -> None:
    """The console entry point: the last guard against a traceback reaching a user."""
    # A check holds an article's claims until its report is written (400,000 for a hostile
    # file of short lines), and with the default thresholds CPython walks every live object
    # each time their number grows by a quarter: 7 s of a 47 s run. Reference counting frees
    # nearly everything the pipeline drops, so look for cycles far less often (mypy does too).
    gc.set_threshold(100_000, 10, 10)
    try:
        app()
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001
        if debugging():
            raise
        print(f"error: unexpected {type(error).__name__}: {error} (a bug in factcheck; rerun with --debug for the traceback)", file=sys.stderr)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":  # pragma: no cover
    main()
