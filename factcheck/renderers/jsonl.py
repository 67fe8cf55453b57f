"""JSON Lines (``-f jsonl``): one article per line, written as soon as it is checked.

A line is written in pieces of ``CLAIMS_PER_PIECE`` claims, so an article of 400,000 claims
(a hostile file of short lines) is never held as one tree of dicts and one string.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from factcheck.model.claims import Claim
from factcheck.model.report import DocumentReport
from factcheck.renderers.common import DocumentClaims, document_json, dumps, report_json

CLAIMS_PER_PIECE = 1000


def claims(results: Iterable[DocumentClaims]) -> Iterator[str]:
    for document, found in results:
        yield from _line(document_json(document, []), found)


def reports(items: Iterable[DocumentReport]) -> Iterator[str]:
    for report in items:
        yield from _line(report_json(report.model_copy(update={"claims": []})), report.claims)


def _line(data: dict, claims: list[Claim]) -> Iterator[str]:
    """``dumps(data) + "\\n"`` with ``claims`` in ``data["claims"]`` (which holds none), in
    pieces: ``dumps`` joins a dict's items with ", " and ": " and a list's with ", ", so the
    pieces make exactly the line ``dumps`` would write."""
    keys = list(data)
    at = keys.index("claims")
    before = dumps({key: data[key] for key in keys[:at]})[:-1]  # '{"path": ..., "date": ...'
    after = dumps({key: data[key] for key in keys[at + 1 :]})[1:]  # '"inconsistencies": [], ...}'
    text = before + (", " if at else "") + '"claims": ['
    for start in range(0, len(claims), CLAIMS_PER_PIECE):
        if start:  # more claims to come: write what is ready
            yield text
            text = ", "
        text += dumps([claim.to_json() for claim in claims[start : start + CLAIMS_PER_PIECE]])[1:-1]
    yield text + "]" + (", " + after if after != "}" else "}") + "\n"
