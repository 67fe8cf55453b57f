"""One self-contained HTML page per run (``check -f html``): each article with its claims
highlighted by verdict, then a summary table; hover a claim for its verdict and evidence, click it for the details.

Every piece of article or fact text is escaped (``html.escape`` with quotes), and the page
carries no script at all, so hostile article text is shown, never run.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Iterable, Iterator

from factcheck.model.report import DocumentReport, suppressed
from factcheck.model.claims import Claim, Verdict

SEVERITY = {Verdict.contradicted: 3, Verdict.ambiguous: 2, Verdict.unverifiable: 1, Verdict.supported: 0}

CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; line-height: 1.6; color: #222; }
table { border-collapse: collapse; margin-bottom: 2em; }
th, td { border: 1px solid #ccc; padding: .3em .7em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
mark { padding: 0 .15em; border-radius: .2em; color: inherit; text-decoration: none; }
a.claim { color: inherit; text-decoration: none; }
mark.contradicted { background: #ff6b6b; font-weight: bold; outline: 2px solid #c00000; }
mark.ambiguous { background: #ffd966; }
mark.unverifiable { background: #dde8f5; }
mark.supported { background: #b6e3b6; }
mark.dismissed { background: #e0e0e0; text-decoration: line-through; }
.article { border-top: 3px solid #444; margin-top: 2em; }
.inconsistent { color: #a00000; font-weight: bold; }
.claims li { margin: .3em 0; }
.claims li:target { background: #fff3a0; }
.verdict-contradicted { color: #c00000; font-weight: bold; }
.verdict-ambiguous { color: #8a6d00; }
.verdict-supported { color: #1d6b1d; }
.verdict-unverifiable { color: #555; }
.small { color: #555; font-size: .9em; }
"""


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _tooltip(claim: Claim) -> str:
    parts = [f"{claim.verdict.value}: {claim.kind.value}"]
    if claim.reason:
        parts.append(claim.reason)
    for evidence in claim.evidence[:2]:
        parts.append(f"evidence {evidence.fact_id}" + (f" expected {evidence.expected}" if evidence.expected is not None else ""))
    if claim.review:
        parts.append(f"review: {claim.review}")
    return " | ".join(parts)


def _highlight(text: str, offset: int, claims: list[Claim]) -> str:
    """``text`` (which starts at ``offset`` in the document) with non-overlapping claim marks."""
    chosen: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (-SEVERITY[c.verdict], c.start)):
        if all(claim.end <= other.start or claim.start >= other.end for other in chosen):
            chosen.append(claim)
    out, cursor = [], offset
    for claim in sorted(chosen, key=lambda c: c.start):
        out.append(_e(text[cursor - offset : claim.start - offset]))
        css = "dismissed" if suppressed(claim) else claim.verdict.value
        out.append(f'<a class="claim" href="#c-{_e(claim.fingerprint)}"><mark class="{css}" title="{_e(_tooltip(claim))}" '
                   f'data-verdict="{_e(claim.verdict.value)}">{_e(text[claim.start - offset : claim.end - offset])}</mark></a>')
        cursor = claim.end
    out.append(_e(text[cursor - offset :]))
    return "".join(out)


def _article(report: DocumentReport, show_suppressed: bool) -> str:
    document = report.document
    claims = [c for c in report.claims if show_suppressed or not suppressed(c)]
    parts = [f'<section class="article"><h2>{_e(document.source)}</h2><p class="small">date {_e(document.date or "unknown")}</p>']
    for paragraph in document.paragraphs:
        inside = [c for c in claims if paragraph.start <= c.start and c.end <= paragraph.end]
        parts.append(f"<p>{_highlight(document.text[paragraph.start:paragraph.end], paragraph.start, inside)}</p>")
    inconsistencies = [i for i in report.inconsistencies if show_suppressed or not suppressed(i)]
    if inconsistencies:
        parts.append("<h3>Inconsistencies</h3><ul>")
        for item in inconsistencies:
            review = f" <em>[{_e(item.review)}]</em>" if item.review else ""
            parts.append(f'<li class="inconsistent">line {item.line}: {_e(item.message)}{review} <span class="small">#{_e((item.fingerprint or "")[:10])}</span></li>')
        parts.append("</ul>")
    disputes = [d for d in report.disputes if show_suppressed or not suppressed(d)]
    if disputes or report.corroborations:
        parts.append("<h3>In the archive</h3><ul>")
        for item in disputes:
            review = f" <em>[{_e(item.review)}]</em>" if item.review else ""
            seen = ", ".join(f"{_e(w.where)} ({_e(w.date)})" for w in item.majority.witnesses)
            parts.append(f'<li class="inconsistent">{"tie" if item.tie else "disputed"}, line {item.line}: {_e(item.message)}{review} '
                         f'<span class="small">#{_e((item.fingerprint or "")[:10])}; majority: {seen}</span></li>')
        for item in report.corroborations:
            parts.append(f'<li class="small">corroboration (not a verified fact): {item.articles} earlier article(s) from {_e(item.first)} to {_e(item.last)} state '
                         f'{_e(item.kind)} claim {_e(item.claim_id)}: ' + ", ".join(_e(w.where) for w in item.witnesses) + "</li>")
        parts.append("</ul>")
    parts.append('<h3>Claims</h3><ol class="claims">')
    for claim in claims:
        expected = "; ".join(f"expected {_e(e.expected)}" for e in claim.evidence if e.expected is not None and claim.verdict is not Verdict.supported)
        evidence = "; ".join(f"{_e(e.fact_id)}" + (f" ({_e(e.source)})" if e.source else "") for e in claim.evidence[:2])
        review = f" <em>[review: {_e(claim.review)}]</em>" if claim.review else ""
        parts.append(
            f'<li id="c-{_e(claim.fingerprint)}"><span class="verdict-{_e(claim.verdict.value)}">{_e(claim.verdict.value)}</span> '
            f'{_e(claim.kind.value)} «{_e(claim.text)}» <span class="small">line {claim.line}, #{_e((claim.fingerprint or "")[:10])}</span>{review}'
            f'<br><span class="small">{_e(claim.reason or "")}{" — " + expected if expected else ""}{" — evidence: " + evidence if evidence else ""}</span></li>'
        )
    parts.append("</ol></section>")
    return "\n".join(parts)


def reports(items: Iterable[DocumentReport], show_suppressed: bool = False) -> Iterator[str]:
    """The page, streamed: each article as it is checked, the summary table at the end."""
    yield f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>factcheck report</title><style>{CSS}</style></head>
<body><h1>factcheck report</h1>
<p class="small"><a href="#summary">Summary</a> at the end. Hover a highlighted claim for its verdict and evidence; click it for the details.
<mark class="contradicted">contradicted</mark> <mark class="ambiguous">ambiguous</mark>
<mark class="unverifiable">unverifiable</mark> <mark class="supported">supported</mark></p>
"""
    rows = []
    for report in items:
        counts = Counter(c.verdict.value for c in report.claims if show_suppressed or not suppressed(c))
        hidden = sum(1 for c in report.claims if suppressed(c))
        rows.append("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in (
            report.document.source, len(report.claims), counts.get("supported", 0), counts.get("contradicted", 0),
            counts.get("ambiguous", 0), counts.get("unverifiable", 0), len(report.inconsistencies), hidden)) + "</tr>")
        yield _article(report, show_suppressed) + "\n"
    header = "".join(f"<th>{h}</th>" for h in ("article", "claims", "supported", "contradicted", "ambiguous", "unverifiable", "inconsistent", "dismissed"))
    yield (f'<h2 id="summary">Summary</h2>\n<table><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>\n'
           "</body></html>\n")


def conflicts(items: list) -> Iterator[str]:
    """``archive conflicts -f html``: one self-contained page, most lopsided conflict first."""
    yield (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">\n'
           f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
           f"<title>archive conflicts</title><style>{CSS}</style></head>\n<body><h1>Conflicts in the archive</h1>\n")
    for number, conflict in enumerate(items, 1):
        head = "tie" if conflict.tie else f"{conflict.majority.articles} against {sum(s.articles for s in conflict.minority)}"
        parts = [f'<section class="article"><h2>{number}. {_e(conflict.kind)} {_e(conflict.subject)}</h2>'
                 f'<p class="small">{_e(conflict.aspect)} {_e(conflict.first)} to {_e(conflict.last)}: {_e(head)}</p><ul>']
        for role, side in [("majority", conflict.majority), *(("minority", s) for s in conflict.minority)]:
            seen = ", ".join(f"{_e(w.where)} ({_e(w.date)})" for w in side.witnesses)
            parts.append(f'<li class="{"inconsistent" if role == "minority" else ""}">{role} «{_e(side.value)}»: {side.articles} article(s), '
                         f'{_e(side.first)} to {_e(side.last)} <span class="small">{seen}</span></li>')
        yield "".join(parts) + "</ul></section>\n"
    yield f"<p>{len(items)} conflict(s)</p></body></html>\n"
