"""SARIF 2.1.0 (``check -f sarif``) for code-scanning UIs (GitHub) and editors, streamed."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from factcheck.model.claims import Verdict
from factcheck.model.report import DocumentReport, suppressed
from factcheck.renderers.common import expected_text, json_array

SARIF_RULES = [
    ("FC001", "contradicted", "A claim disagrees with the fact base", "error"),
    ("FC002", "inconsistent", "Claims of one article contradict each other", "error"),
    ("FC003", "ambiguous", "A claim links to facts that disagree; an editor must decide", "warning"),
    ("FC004", "unverifiable", "No fact covers the claim", "note"),
    ("FC005", "disputed", "Earlier articles in the archive state something incompatible", "warning"),
]
RULE_INDEX = {name: i for i, (_, name, _, _) in enumerate(SARIF_RULES)}


def _result(name: str, message: str, path: str, line: int, column: int, end_column: int | None = None, fingerprint: str | None = None) -> dict:
    rule_index = RULE_INDEX[name]
    rule_id, _, _, level = SARIF_RULES[rule_index]
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    if end_column:
        region["endColumn"] = end_column
    entry = {"ruleId": rule_id, "ruleIndex": rule_index, "level": level, "message": {"text": message},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}]}
    if fingerprint:
        entry["partialFingerprints"] = {"factcheckFinding/v1": fingerprint}
    return entry


def _results(items: Iterable[DocumentReport]) -> Iterator[dict]:
    for report in items:
        path = report.document.source or "<input>"
        for claim in report.claims:
            if suppressed(claim) or claim.verdict not in (Verdict.contradicted, Verdict.ambiguous, Verdict.unverifiable):
                continue
            expected = expected_text(claim)
            text = f"{claim.kind.value} «{claim.text}»: {claim.reason or claim.verdict.value}" + (f" (expected {expected})" if expected else "")
            yield _result(claim.verdict.value, text, path, claim.line, claim.column, claim.column + len(claim.text), claim.fingerprint)
        for inconsistency in report.inconsistencies:
            if not suppressed(inconsistency):
                yield _result("inconsistent", inconsistency.message, path, inconsistency.line, 1, None, inconsistency.fingerprint)
        for dispute in report.disputes:
            if not suppressed(dispute):
                yield _result("disputed", dispute.message, path, dispute.line, 1, None, dispute.fingerprint)


def reports(items: Iterable[DocumentReport]) -> Iterator[str]:
    driver = {"name": "factcheck", "rules": [{"id": i, "name": n, "shortDescription": {"text": d}, "defaultConfiguration": {"level": lv}}
                                             for i, n, d, lv in SARIF_RULES]}
    head = ('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [{\n'
            f'  "tool": {{"driver": {json.dumps(driver, ensure_ascii=False)}}},\n  "results": [')
    yield from json_array(head, _results(items), "]\n  }]\n}\n")
