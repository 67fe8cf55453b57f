"""Errors a user can act on, and the exit codes the CLI documents.

Exit codes (every command):
    0  success, nothing at or above the fail level
    1  findings (used by ``check`` and ``facts validate`` from later layers)
    2  the tool or its input failed: missing file, undecodable bytes, bad format, bad models
"""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class FactcheckError(Exception):
    """Base for errors reported to the user as one clear message, never a traceback."""

    exit_code = EXIT_ERROR


class InputError(FactcheckError):
    """A file that cannot be read as an article: says which file, where, and what to do."""

    def __init__(self, path: Path | str | None, message: str, *, line: int | None = None, column: int | None = None, hint: str | None = None):
        self.path, self.line, self.column, self.hint = path, line, column, hint
        location = str(path) if path is not None else "<input>"
        if line is not None:
            location += f":{line}"
            if column is not None:
                location += f":{column}"
        text = f"{location}: {message}"
        if hint:
            text += f" ({hint})"
        super().__init__(text)


def inform(message: str) -> None:
    """Tell the user how the run goes (not a problem): one line on stderr."""
    print(message, file=sys.stderr)


def warn(message: str) -> None:
    """Tell the user something went less well than it should, and go on: one line on stderr."""
    print(f"warning: {message}", file=sys.stderr)
