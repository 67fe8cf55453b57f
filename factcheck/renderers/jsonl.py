"""JSON Lines (``-f jsonl``): one article per line, written as soon as it is checked."""

from __future__ import annotations

from typing import Iterable, Iterator

from factcheck.model.report import DocumentReport
from factcheck.renderers.common import DocumentClaims, document_json, dumps, report_json


def claims(results: Iterable[DocumentClaims]) -> Iterator[str]:
    for document, found in results:
        yield dumps(document_json(document, found)) + "\n"


def reports(items: Iterable[DocumentReport]) -> Iterator[str]:
    for report in items:
        yield dumps(report_json(report)) + "\n"
