"""GitHub Actions workflow annotations (``facts validate -f github``)."""

from __future__ import annotations

from typing import Iterator

from factcheck.facts.schema import FactProblem


def _escape(text: str) -> str:
    """Workflow commands end at a newline and use % escapes."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def problems(items: list[FactProblem], summary: str) -> Iterator[str]:
    for p in items:
        level = "error" if p.severity == "error" else "warning"
        yield f"::{level} file={_escape(p.file)},line={p.line},title={p.code}::{_escape(p.message)} [{_escape(p.path)}]\n"
