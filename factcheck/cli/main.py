"""The ``factcheck`` command line: parses arguments, calls the library, prints results.

One module per command group (``analyze``: tag, extract, check; ``facts``; ``review``;
``models``); this one only assembles them.

Exit codes: 0 success; 1 findings at or above the fail level; 2 the tool or its input
failed (missing file, undecodable bytes, unknown format, bad models). Errors print one
line to stderr, never a traceback.
"""

from __future__ import annotations

import sys

import typer

from factcheck.cli import analyze
from factcheck.cli.facts import facts_app
from factcheck.cli.models import models_app
from factcheck.cli.review import review_app

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Check the claims in Vietnamese news articles.")
for _command in (analyze.tag, analyze.extract, analyze.check):
    app.command()(_command)
app.add_typer(models_app, name="models")
app.add_typer(facts_app, name="facts")
app.add_typer(review_app, name="review")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
