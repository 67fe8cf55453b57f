"""Renderers for extracted claims (``factcheck extract``): pure functions of the results."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Iterable

from factcheck.model.claims import Claim
from factcheck.model.document import Document

DocumentClaims = tuple[Document, list[Claim]]


def document_json(document: Document, claims: list[Claim]) -> dict:
    """The JSON contract for one document: path, date and its claims."""
    return {
        "path": document.source,
        "date": document.date.isoformat() if document.date else None,
        "claims": [claim.to_json() for claim in claims],
    }


def render_json(results: Iterable[DocumentClaims]) -> str:
    return json.dumps({"documents": [document_json(d, c) for d, c in results]}, ensure_ascii=False, indent=2)


def render_jsonl(results: Iterable[DocumentClaims]) -> str:
    """One document per line, so output of any size streams."""
    return "\n".join(json.dumps(document_json(d, c), ensure_ascii=False) for d, c in results)


def format_value(claim: Claim) -> str:
    value = claim.value.compact()
    return ", ".join(f"{key}={_short(v)}" for key, v in value.items())


def _short(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def render_text(results: Iterable[DocumentClaims]) -> str:
    """Claims grouped by sentence, each with file:line:col, kind, span and value."""
    out: list[str] = []
    for document, claims in results:
        out.append(f"{document.source}  (date {document.date or 'unknown'}, {len(claims)} claims)")
        for sentence, group in groupby(claims, key=lambda c: c.sentence):
            out.append(f"  │ {sentence}")
            for claim in group:
                location = f"{document.source}:{claim.line}:{claim.column}"
                subject = f"  about: {claim.subject}" if claim.subject else ""
                out.append(f"  ├ {location:<28} {claim.kind.value:<9} «{claim.text}»  {format_value(claim)}{subject}")
        out.append("")
    return "\n".join(out)


RENDERERS = {"text": render_text, "json": render_json, "jsonl": render_jsonl}
