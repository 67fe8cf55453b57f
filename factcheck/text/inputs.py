"""The library API for reading articles: files, directories, globs and standard input."""

from __future__ import annotations

import datetime as dt
import glob
import sys
from pathlib import Path
from typing import Iterable

from factcheck.model.document import Document
from factcheck.model.errors import InputError
from factcheck.text.readers import parse_document, read_document



STDIN = Path("-")


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


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Files as given; directories become their article files (recursively, sorted);
    glob patterns ("archive/**/*.txt") are expanded; "-" stands for standard input."""
    paths: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item == STDIN:
            paths.append(item)
            continue
        if not item.exists() and any(ch in str(item) for ch in "*?["):
            matched = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            if not matched:
                raise InputError(item, "pattern matches no file")
            paths.extend(matched)
            continue
        if item.is_dir():
            found = sorted(p for p in item.rglob("*") if p.is_file() and _is_article(p))
            if not found:
                raise InputError(item, "directory holds no article files", hint="expected *.txt, or *.md with front matter")
            paths.extend(found)
        elif not item.exists():
            raise InputError(item, "no such file")
        else:
            paths.append(item)
    return paths


def load_documents(inputs: Iterable[Path], fmt: str = "auto", date: dt.date | None = None) -> list[Document]:
    documents = []
    for path in expand_inputs(inputs):
        if path == STDIN:
            from factcheck.text.readers import decode

            documents.append(parse_document(decode(sys.stdin.buffer.read(), "<stdin>"), "<stdin>", fmt, date))
        else:
            documents.append(read_document(path, fmt, date))
    return documents
