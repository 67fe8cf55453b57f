"""Text for the templates: claims highlighted in paragraphs, control characters made visible.

Nothing here builds HTML from article text: ``segments`` cuts a paragraph into plain pieces
(each with the claim it belongs to, if any) and the autoescaping templates print them. The
one filter that returns markup, ``shown``, escapes every piece of text itself and only adds
its own fixed ``<span>`` around a direction-control character, so U+202E (right-to-left override) cannot turn
the rest of a line around: it is shown as ``⟨U+202E⟩``.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from factcheck.model.claims import Claim
from factcheck.model.document import Document, Span
from factcheck.model.report import DocumentReport, suppressed
from factcheck.renderers.common import expected_text, format_value, plain  # noqa: F401  (used by the templates)
from factcheck.renderers.html import SEVERITY

# Characters that change how the text around them is displayed, or are invisible: bidi
# embeddings, overrides and isolates, marks, and C0/C1 controls other than tab and newline.
CONTROLS = re.compile("([\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff"
                      "\x00-\x08\x0b-\x1f\x7f-\x9f])")


def _label(char: str) -> str:
    return f"⟨U+{ord(char):04X}⟩"


def shown(text) -> Markup:
    """``text`` escaped, each control character replaced by a visible label."""
    parts = []
    for piece in CONTROLS.split(str(text if text is not None else "")):
        if len(piece) == 1 and CONTROLS.fullmatch(piece):
            name = unicodedata.name(piece, "control character")
            parts.append(Markup('<span class="ctl" title="{}">{}</span>').format(name, _label(piece)))
        elif piece:
            parts.append(escape(piece))
    return Markup("").join(parts)


def attr(text) -> str:
    """Text for an attribute (autoescaped by the template): control characters as labels."""
    return CONTROLS.sub(lambda m: _label(m.group(1)), str(text if text is not None else ""))


def web_url(url: str | None) -> str | None:
    """A URL fit for a link: http or https with a host; anything else is shown as text."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc and not CONTROLS.search(url) else None


def segments(text: str, offset: int, claims: list[Claim]) -> list[tuple[str, Claim | None]]:
    """``text`` (starting at ``offset`` in its document) cut into pieces, each claim's span
    one piece; overlapping claims keep the most severe (as the HTML report does)."""
    chosen: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (-SEVERITY.get(c.verdict, 0), c.start)):
        if all(claim.end <= other.start or claim.start >= other.end for other in chosen):
            chosen.append(claim)
    out, cursor = [], offset
    for claim in sorted(chosen, key=lambda c: c.start):
        if claim.start > cursor:
            out.append((text[cursor - offset : claim.start - offset], None))
        out.append((text[claim.start - offset : claim.end - offset], claim))
        cursor = claim.end
    if cursor - offset < len(text):
        out.append((text[cursor - offset :], None))
    return out


def _paragraphs(document: Document) -> list[Span]:
    return document.paragraphs or [Span(start=0, end=len(document.text))]


def article_paragraphs(report: DocumentReport, show_suppressed: bool = True) -> list[list[tuple[str, Claim | None]]]:
    """Every paragraph of the article with all its claims marked."""
    document = report.document
    claims = [c for c in report.claims if show_suppressed or not suppressed(c)]
    return [segments(document.text[p.start : p.end], p.start, [c for c in claims if p.start <= c.start and c.end <= p.end])
            for p in _paragraphs(document)]


def context(report: DocumentReport, claims: list[Claim]) -> list[list[tuple[str, Claim | None]]]:
    """The paragraphs holding ``claims``, only those claims marked."""
    document = report.document
    out = []
    for p in _paragraphs(document):
        inside = [c for c in claims if p.start <= c.start and c.end <= p.end]
        if inside:
            out.append(segments(document.text[p.start : p.end], p.start, inside))
    return out


def tooltip(claim: Claim) -> str:
    parts = [f"{claim.verdict.value if claim.verdict else '?'}: {claim.kind.value}"]
    if claim.reason:
        parts.append(claim.reason)
    if claim.review:
        parts.append(f"review: {claim.review}")
    return attr(" | ".join(parts))
