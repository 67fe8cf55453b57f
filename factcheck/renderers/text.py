"""Plain-text output for people in a terminal: claims, check reports, tags, problems."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import Iterable, Iterator

from factcheck.facts.schema import FactProblem
from factcheck.model.archive import Conflict
from factcheck.model.claims import Verdict
from factcheck.model.document import Document
from factcheck.model.report import DocumentReport, suppressed
from factcheck.renderers.common import DocumentClaims, expected_text, format_value

MARKS = {Verdict.supported: "✓ supported", Verdict.contradicted: "✗ CONTRADICTED", Verdict.ambiguous: "? ambiguous", Verdict.unverifiable: "· unverifiable"}


def claims(results: Iterable[DocumentClaims]) -> Iterator[str]:
    """Claims grouped by sentence, each with file:line:col, kind, span and value."""
    for document, found in results:
        out = [f"{document.source}  (date {document.date or 'unknown'}, {len(found)} claims)"]
        for sentence, group in groupby(found, key=lambda c: c.sentence):
            out.append(f"  │ {sentence}")
            for claim in group:
                location = f"{document.source}:{claim.line}:{claim.column}"
                subject = f"  about: {claim.subject}" if claim.subject else ""
                out.append(f"  ├ {location:<28} {claim.kind.value:<9} «{claim.text}»  {format_value(claim)}{subject}")
        yield "\n".join(out) + "\n\n"


def reports(items: Iterable[DocumentReport], show_unverifiable: bool = False, show_suppressed: bool = False) -> Iterator[str]:
    """Each article's claims with verdict, expectation, reason and evidence; totals last."""
    hidden = unverifiable_hidden = articles = inconsistent = 0
    totals: Counter = Counter()
    for report in items:
        articles += 1
        counts = report.counts()
        totals.update(counts)
        inconsistent += len(report.inconsistencies)
        document = report.document
        summary = ", ".join(f"{counts.get(v.value, 0)} {v.value}" for v in Verdict)
        out = [f"{document.source}  (date {document.date or 'unknown'}): {len(report.claims)} claims: {summary}; "
               f"{len(report.inconsistencies)} inconsistent"]
        shown = report.claims
        if not show_unverifiable:
            unverifiable_hidden += sum(1 for c in shown if c.verdict is Verdict.unverifiable)
            shown = [c for c in shown if c.verdict is not Verdict.unverifiable]
        if not show_suppressed:
            hidden += sum(1 for c in shown if suppressed(c)) + sum(1 for i in report.inconsistencies if suppressed(i)) + sum(1 for d in report.disputes if suppressed(d))
            shown = [c for c in shown if not suppressed(c)]
        for sentence, group in groupby(shown, key=lambda c: c.sentence):
            out.append(f"  │ {sentence}")
            for claim in group:
                location = f"{document.source}:{claim.line}:{claim.column}"
                review = f"  [{claim.review}]" if claim.review else ""
                tag = f"  #{claim.fingerprint[:10]}" if claim.fingerprint and claim.verdict is not Verdict.supported else ""
                out.append(f"  ├ {location:<28} {MARKS[claim.verdict]:<15} {claim.kind.value:<9} «{claim.text}»  stated: {format_value(claim)}{tag}{review}")
                expected = expected_text(claim)
                if expected:
                    out.append(f"  │     expected: {expected}")
                if claim.reason:
                    out.append(f"  │     {claim.reason}")
                for evidence in claim.evidence[:2]:
                    link = f", matched {evidence.alias!r} ({evidence.score:g})" if evidence.alias else ""
                    out.append(f"  │     evidence: {evidence.fact_id}{link}" + (f" — {evidence.source}" if evidence.source else ""))
        for inconsistency in report.inconsistencies:
            if suppressed(inconsistency) and not show_suppressed:
                continue
            review = f"  [{inconsistency.review}]" if inconsistency.review else ""
            out.append(f"  ✗ INCONSISTENT {document.source}:{inconsistency.line}  {inconsistency.message}  #{(inconsistency.fingerprint or '')[:10]}{review}")
        corroborated = {c.claim_id: c for c in report.corroborations}
        for claim_id in dict.fromkeys(c.id for c in shown if c.id in corroborated):
            c = corroborated[claim_id]
            claim = next(x for x in report.claims if x.id == claim_id)
            seen = ", ".join(w.where for w in c.witnesses)
            out.append(f"  ≡ archive   {document.source}:{claim.line}  «{claim.text}» also in {c.articles} earlier article(s), "
                       f"{c.first} to {c.last} (corroboration, not a verified fact): {seen}")
        for dispute in report.disputes:
            if suppressed(dispute) and not show_suppressed:
                continue
            review = f"  [{dispute.review}]" if dispute.review else ""
            mark = "TIE" if dispute.tie else "DISPUTED"
            out.append(f"  ✗ {mark} {document.source}:{dispute.line}  {dispute.message}  #{(dispute.fingerprint or '')[:10]}{review}")
            out.append(f"  │     majority {dispute.majority.value!r}: " + ", ".join(f"{w.where} ({w.date})" for w in dispute.majority.witnesses))
        for fingerprint in report.stale:
            out.append(f"  ! stale decision #{fingerprint[:10]}: its finding is no longer reported (run `factcheck review list` to see it)")
        yield "\n".join(out) + "\n\n"
    notes = []
    if unverifiable_hidden:
        notes.append(f"{unverifiable_hidden} unverifiable claim(s) not listed (--all lists them)")
    if hidden:
        notes.append(f"{hidden} dismissed finding(s) suppressed (--show-suppressed)")
    yield (f"{articles} article(s): " + ", ".join(f"{totals.get(v.value, 0)} {v.value}" for v in Verdict)
           + f", {inconsistent} inconsistent" + ("; " + "; ".join(notes) if notes else "") + "\n")


def tags(documents: Iterable[Document]) -> Iterator[str]:
    """One block per sentence: its location and text, then word/UPOS pairs."""
    for document in documents:
        lines = [f"# {document.source}  date={document.date or 'unknown'}  sentences={len(document.sentences)}"]
        for sentence in document.sentences:
            line, col = document.line_col(sentence.start)
            lines.append(f"{document.source}:{line}:{col}  {sentence.text}")
            lines.append("    " + "  ".join(f"{t.text}/{t.upos or '_'}" for t in sentence.tokens))
        yield "\n".join(lines) + "\n\n"


def problems(items: list[FactProblem], summary: str) -> Iterator[str]:
    """``facts validate``: one line per problem, then the fact base's size and the counts."""
    for problem in items:
        yield f"{problem}\n"
    yield summary + "\n"


def conflicts(items: list[Conflict]) -> Iterator[str]:
    """``archive conflicts``: each conflict with its majority and minority, most lopsided first."""
    for number, conflict in enumerate(items, 1):
        aspect = f" [{conflict.aspect}]" if conflict.aspect else ""
        head = "TIE" if conflict.tie else f"{conflict.majority.articles} against {sum(s.articles for s in conflict.minority)}"
        out = [f"{number}. {conflict.kind} {conflict.subject}{aspect}, {conflict.first} to {conflict.last}: {head}"]
        for role, side in [("majority", conflict.majority), *(("minority", s) for s in conflict.minority)]:
            out.append(f"   {role} {side.value!r}: {side.articles} article(s), {side.first} to {side.last}")
            out.extend(f"     {w.where}  {w.date}" + (f"  {w.url}" if w.url else "") for w in side.witnesses)
        yield "\n".join(out) + "\n"
    yield f"{len(items)} conflict(s)\n"
