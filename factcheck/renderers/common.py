"""What several renderers share: a claim's value and expectation as text, JSON shapes.

Renderers are pure functions of the result model (``factcheck.model``); none of them knows
how the results were produced.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable, Iterator

from factcheck.model.claims import Claim, Verdict
from factcheck.model.document import Document
from factcheck.model.report import DocumentReport

DocumentClaims = tuple[Document, list[Claim]]


def plain(value: Any) -> str:
    """A value as an editor reads it: ISO dates, lists in brackets, no Python reprs."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(plain(v) for v in value) + "]"
    if isinstance(value, dict):
        return ", ".join(f"{k}={plain(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_value(claim: Claim) -> str:
    return ", ".join(f"{key}={plain(v)}" for key, v in claim.value.compact().items())


def expected_text(claim: Claim) -> str:
    """What the fact base expected, for contradicted and ambiguous claims."""
    if claim.verdict not in (Verdict.contradicted, Verdict.ambiguous):
        return ""
    for evidence in claim.evidence:
        if evidence.expected is not None:
            return plain(evidence.expected)
    return ""


def document_json(document: Document, claims: list[Claim]) -> dict:
    """The JSON contract for one document: path, date and its claims."""
    return {
        "path": document.source,
        "key": document.key,
        "date": document.date.isoformat() if document.date else None,
        "claims": [claim.to_json() for claim in claims],
    }


def report_json(report: DocumentReport) -> dict:
    data = document_json(report.document, report.claims)
    data["inconsistencies"] = [i.model_dump(exclude_none=True) for i in report.inconsistencies]
    data["stale_decisions"] = report.stale
    if report.corroborations or report.disputes:  # only with check --archive
        data["archive"] = {"corroborations": [c.model_dump(exclude_none=True) for c in report.corroborations],
                           "disputes": [d.model_dump(exclude_none=True) for d in report.disputes]}
    return data


def dumps(data: Any, indent: int | None = None) -> str:
    """JSON that is always valid: non-finite numbers (a 400-digit amount) become null.

    ``allow_nan=False`` finds them; only then is the data walked to replace them."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(data), ensure_ascii=False, indent=indent, allow_nan=False)


def _finite(data: Any) -> Any:
    if isinstance(data, float) and (data != data or data in (float("inf"), float("-inf"))):
        return None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_finite(v) for v in data]
    return data


def json_array(head: str, items: Iterable[Any], tail: str) -> Iterator[str]:
    """A pretty-printed JSON document whose one big array is streamed item by item.

    ``head`` ends with ``[`` and ``tail`` starts with ``]``; each item is indented to sit
    inside the array, as ``json.dumps(..., indent=2)`` would place it.
    """
    yield head
    first = True
    for item in items:
        text = dumps(item, indent=2).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + text
        first = False
    yield ("\n  " if not first else "") + tail
