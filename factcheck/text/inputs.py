"""Where articles come from: files, directories, globs and standard input, read lazily.

``iter_inputs`` turns what the user typed into article paths one at a time, and
``iter_documents`` reads each one only when the pipeline asks for it, so checking a
million articles never holds more than the batches in flight.

Every article gets a ``key``, its identity in review decisions: the article's own id when
the file carries one (Dân trí ``# doc_id``), else its path relative to the working
directory when it lies below it (``archive/2024/index.md``), else its path relative to
the folder given on the command line. Two ``index.md`` in two folders are two articles.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from factcheck.model.document import Document
from factcheck.model.errors import InputError
from factcheck.text.readers import read_document, read_stream

STDIN = Path("-")
STDIN_KEY = "<stdin>"
GLOB_CHARACTERS = "*?["


class ArticlePath(NamedTuple):
    """One article file and its identity for review decisions."""

    path: Path
    key: str


def _is_article(path: Path) -> bool:
    """In a directory: every .txt file, and Markdown files that carry front matter (so a
    folder's README.md is not taken for an article)."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return True
    if suffix in (".md", ".markdown"):
        with path.open("rb") as handle:
            return handle.read(4).startswith(b"---")
    return False


def article_key(path: Path, root: Path | None = None) -> str:
    """``path`` relative to the working directory when below it, else to ``root``."""
    resolved = path.resolve()
    for base in (Path.cwd(), root):
        if base is None:
            continue
        try:
            return resolved.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _walk(directory: Path) -> Iterator[Path]:
    """Article files below ``directory``, sorted, one folder at a time (symlinked folders
    are not followed, so a link to a parent cannot loop)."""
    for current, folders, files in os.walk(directory):
        folders.sort()
        for name in sorted(files):
            path = Path(current) / name
            if path.is_file() and _is_article(path):
                yield path


def iter_inputs(inputs: Iterable[Path]) -> Iterator[ArticlePath]:
    """Files as given; directories become their article files (recursively, sorted); glob
    patterns ("archive/**/*.txt") are expanded; "-" stands for standard input."""
    for item in inputs:
        item = Path(item)
        if item == STDIN:
            yield ArticlePath(item, STDIN_KEY)
        elif not item.exists() and any(ch in str(item) for ch in GLOB_CHARACTERS):
            matched = _glob(item)
            if not matched:
                raise InputError(item, "pattern matches no file")
            for path in matched:
                yield ArticlePath(path, article_key(path))
        elif item.is_dir():
            found = False
            for path in _walk(item):
                found = True
                yield ArticlePath(path, article_key(path, item))
            if not found:
                raise InputError(item, "directory holds no article files", hint="expected *.txt, or *.md with front matter")
        elif item.is_symlink() and not item.exists():
            raise InputError(item, "broken symbolic link or a link loop")
        elif not item.exists():
            raise InputError(item, "no such file")
        else:
            yield ArticlePath(item, article_key(item))


def _glob(pattern: Path) -> list[Path]:
    """Files matching ``pattern``, each once: ``**`` does not descend into symbolic links to
    folders (a ``self -> .`` link would repeat every article, two of them never end)."""
    parts = pattern.parts
    fixed = next(i for i, part in enumerate(parts) if any(ch in part for ch in GLOB_CHARACTERS))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    rest = str(Path(*parts[fixed:]))
    seen: set[Path] = set()
    matched = []
    for path in sorted(base.glob(rest)):
        if not path.is_file():
            continue
        real = path.resolve()
        if real not in seen:
            seen.add(real)
            matched.append(Path(os.path.join(*parts[:fixed], *path.relative_to(base).parts)) if fixed else path)
    return matched


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """All article paths at once (for callers that need the list, such as tests)."""
    return [article.path for article in iter_inputs(inputs)]


def iter_documents(inputs: Iterable[Path], fmt: str = "auto", date: dt.date | None = None) -> Iterator[Document]:
    """Each article parsed when it is asked for; the file's own id wins over its path."""
    for article in iter_inputs(inputs):
        if article.path == STDIN:
            document = read_stream(getattr(sys.stdin, "buffer", None), STDIN_KEY, fmt, date)
        else:
            document = read_document(article.path, fmt, date)
        if document.key is None:
            document = document.model_copy(update={"key": article.key})
        yield document


def load_documents(inputs: Iterable[Path], fmt: str = "auto", date: dt.date | None = None) -> list[Document]:
    return list(iter_documents(inputs, fmt, date))
