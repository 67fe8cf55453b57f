"""One JSON document per run (``-f json``), streamed article by article."""

from __future__ import annotations

from typing import Iterable, Iterator

from factcheck.facts.schema import FactProblem
from factcheck.model.document import Document
from factcheck.model.report import DocumentReport
from factcheck.renderers.common import DocumentClaims, document_json, dumps, json_array, report_json


def claims(results: Iterable[DocumentClaims]) -> Iterator[str]:
    yield from json_array('{\n  "documents": [', (document_json(d, c) for d, c in results), "]\n}\n")


def reports(items: Iterable[DocumentReport]) -> Iterator[str]:
    yield from json_array('{\n  "documents": [', (report_json(r) for r in items), "]\n}\n")


def tags(documents: Iterable[Document]) -> Iterator[str]:
    yield from json_array('{\n  "documents": [', (_tagged(d) for d in documents), "]\n}\n")


def _tagged(document: Document) -> dict:
    return {
        "path": document.source,
        "date": document.date.isoformat() if document.date else None,
        "sentences": [
            {"text": s.text, "start": s.start, "end": s.end, "line": document.line_col(s.start)[0], "tokens": [t.model_dump() for t in s.tokens]}
            for s in document.sentences
        ],
    }


def problems(items: list[FactProblem], summary: str) -> Iterator[str]:
    errors = sum(1 for p in items if p.severity == "error")
    yield dumps({"problems": [p.model_dump() for p in items], "errors": errors}, indent=2) + "\n"


def conflicts(items: list) -> Iterator[str]:
    """``archive conflicts -f json``: ``{"conflicts": [...]}``, most lopsided first."""
    yield from json_array('{\n  "conflicts": [', (c.model_dump(exclude_none=True) for c in items), "]\n}\n")
