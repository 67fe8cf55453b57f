"""Renderers for check reports (``factcheck check``): text, json, sarif. Pure functions."""

from __future__ import annotations

import json
from itertools import groupby

from factcheck.model.report import DocumentReport, suppressed
from factcheck.model.claims import Claim, Verdict
from factcheck.renderers.claims import document_json, format_value

MARKS = {Verdict.supported: "✓ supported", Verdict.contradicted: "✗ CONTRADICTED", Verdict.ambiguous: "? ambiguous", Verdict.unverifiable: "· unverifiable"}


def _expected(claim: Claim) -> str:
    for evidence in claim.evidence:
        if evidence.expected is not None and claim.verdict in (Verdict.contradicted, Verdict.ambiguous):
            if isinstance(evidence.expected, dict):
                return ", ".join(f"{k}={v}" for k, v in evidence.expected.items() if v is not None)
            return str(evidence.expected)
    return ""


def render_text(reports: list[DocumentReport], show_unverifiable: bool = False, show_suppressed: bool = False) -> str:
    out: list[str] = []
    hidden = 0
    for report in reports:
        document = report.document
        counts = report.counts()
        summary = ", ".join(f"{counts.get(v.value, 0)} {v.value}" for v in Verdict)
        out.append(f"{document.source}  (date {document.date or 'unknown'}): {len(report.claims)} claims: {summary}; "
                   f"{len(report.inconsistencies)} inconsistent")
        shown = [c for c in report.claims if show_unverifiable or c.verdict is not Verdict.unverifiable]
        if not show_suppressed:
            hidden += sum(1 for c in shown if suppressed(c)) + sum(1 for i in report.inconsistencies if suppressed(i))
            shown = [c for c in shown if not suppressed(c)]
        for sentence, group in groupby(shown, key=lambda c: c.sentence):
            out.append(f"  │ {sentence}")
            for claim in group:
                location = f"{document.source}:{claim.line}:{claim.column}"
                review = f"  [{claim.review}]" if claim.review else ""
                tag = f"  #{claim.fingerprint[:10]}" if claim.fingerprint and claim.verdict is not Verdict.supported else ""
                out.append(f"  ├ {location:<28} {MARKS[claim.verdict]:<15} {claim.kind.value:<9} «{claim.text}»  stated: {format_value(claim)}{tag}{review}")
                expected = _expected(claim)
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
        for fingerprint in report.stale:
            out.append(f"  ! stale decision #{fingerprint[:10]}: its finding is no longer reported (run `factcheck review list` to see it)")
        out.append("")
    totals = sum((r.counts() for r in reports), start=__import__("collections").Counter())
    out.append(f"{len(reports)} article(s): " + ", ".join(f"{totals.get(v.value, 0)} {v.value}" for v in Verdict)
               + f", {sum(len(r.inconsistencies) for r in reports)} inconsistent"
               + (f"; {hidden} dismissed finding(s) suppressed (--show-suppressed)" if hidden else ""))
    return "\n".join(out)


def report_json(report: DocumentReport) -> dict:
    data = document_json(report.document, report.claims)
    data["inconsistencies"] = [i.model_dump(exclude_none=True) for i in report.inconsistencies]
    data["stale_decisions"] = report.stale
    return data


def render_json(reports: list[DocumentReport]) -> str:
    return json.dumps({"documents": [report_json(r) for r in reports]}, ensure_ascii=False, indent=2)


def render_jsonl(reports: list[DocumentReport]) -> str:
    return "\n".join(json.dumps(report_json(r), ensure_ascii=False) for r in reports)


SARIF_RULES = [
    ("FC001", "contradicted", "A claim disagrees with the fact base", "error"),
    ("FC002", "inconsistent", "Claims of one article contradict each other", "error"),
    ("FC003", "ambiguous", "A claim links to facts that disagree; an editor must decide", "warning"),
    ("FC004", "unverifiable", "No fact covers the claim", "note"),
]


def render_sarif(reports: list[DocumentReport]) -> str:
    """SARIF 2.1.0, for code-scanning UIs (GitHub) and editors."""
    rule_index = {name: i for i, (_, name, _, _) in enumerate(SARIF_RULES)}
    results = []

    def result(name: str, message: str, path: str, line: int, column: int, end_column: int | None = None, fingerprint: str | None = None):
        rule_id, _, _, level = SARIF_RULES[rule_index[name]]
        region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
        if end_column:
            region["endColumn"] = end_column
        entry = {"ruleId": rule_id, "ruleIndex": rule_index[name], "level": level, "message": {"text": message},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}]}
        if fingerprint:
            entry["partialFingerprints"] = {"factcheckFinding/v1": fingerprint}
        results.append(entry)

    for report in reports:
        path = report.document.source or "<input>"
        for claim in report.claims:
            if suppressed(claim):
                continue
            if claim.verdict in (Verdict.contradicted, Verdict.ambiguous, Verdict.unverifiable):
                expected = _expected(claim)
                text = f"{claim.kind.value} «{claim.text}»: {claim.reason or claim.verdict.value}" + (f" (expected {expected})" if expected else "")
                result(claim.verdict.value, text, path, claim.line, claim.column, claim.column + len(claim.text), claim.fingerprint)
        for inconsistency in report.inconsistencies:
            if not suppressed(inconsistency):
                result("inconsistent", inconsistency.message, path, inconsistency.line, 1, None, inconsistency.fingerprint)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck",
                                "rules": [{"id": i, "name": n, "shortDescription": {"text": d}, "defaultConfiguration": {"level": lv}}
                                          for i, n, d, lv in SARIF_RULES]}},
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2)
