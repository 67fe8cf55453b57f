"""``factcheck review walk``: decide on open findings one by one in a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from factcheck.model.claims import Verdict
from factcheck.model.report import DocumentReport
from factcheck.review.store import Decision, ReviewStore, decide, store_files

KEYS = {"c": Decision.confirmed, "d": Decision.dismissed, "n": Decision.needs_source}
STYLES = {Verdict.contradicted: "bold white on red", Verdict.ambiguous: "bold black on yellow", Verdict.unverifiable: "bold black on cyan"}


def _read_key() -> str:
    if sys.stdin.isatty():
        return click.getchar().lower()
    line = sys.stdin.readline()
    return line.strip()[:1].lower() if line else "q"


def _panel(report: DocumentReport, item, position: int, total: int) -> Panel:
    document = report.document
    body = Text()
    if hasattr(item, "sentence"):  # a claim
        sentence_start = document.text.find(item.sentence)
        start = item.start - sentence_start if sentence_start >= 0 else -1
        if 0 <= start <= len(item.sentence):
            body.append(item.sentence[:start])
            body.append(item.sentence[start : start + len(item.text)], style=STYLES.get(item.verdict, "bold"))
            body.append(item.sentence[start + len(item.text) :])
        else:
            body.append(item.sentence)
        body.append(f"\n\n{item.verdict.value.upper()}  {item.kind.value}  «{item.text}»\n", style="bold")
        if item.reason:
            body.append(item.reason + "\n")
        for evidence in item.evidence[:3]:
            expected = f" expected {evidence.expected}" if evidence.expected is not None else ""
            body.append(f"evidence: {evidence.fact_id}{expected}" + (f" — {evidence.source}" if evidence.source else "") + "\n", style="dim")
        line = item.line
    else:  # an inconsistency
        body.append(f"INCONSISTENT  {item.kind}\n", style="bold white on red")
        body.append(item.message + "\n")
        line = item.line
    title = f"[{position}/{total}] {document.source}:{line}  #{item.fingerprint[:10]}"
    return Panel(body, title=Text(title), subtitle=Text("c confirm · d dismiss · n needs source · s skip · q quit"))


def open_findings(reports: list[DocumentReport]) -> list[tuple]:
    """(report, claim or inconsistency, finding) for each open finding, once per fingerprint:
    a claim repeated in an article shares one fingerprint, hence one decision."""
    queue, seen = [], set()
    for report in reports:
        findings = {f.fingerprint: f for f in report.findings()}
        for item in [*report.claims, *report.inconsistencies]:
            finding = findings.get(item.fingerprint)
            if finding is None or item.fingerprint in seen or item.review not in (None, Decision.reopened.value):
                continue
            seen.add(item.fingerprint)
            queue.append((report, item, finding))
    return queue


def walk(reports: list[DocumentReport], store: ReviewStore, store_file: Path, reviewer: str, console: Console | None = None) -> int:
    """Ask for a decision on every open finding of ``reports`` (checked against ``store``);
    return how many were decided."""
    console = console or Console(highlight=False)
    queue = open_findings(reports)
    if not queue:
        console.print("No open findings.")
        return 0
    decided = 0
    for position, (report, item, finding) in enumerate(queue, start=1):
        console.print(_panel(report, item, position, len(queue)))
        while True:
            console.print("decision [c/d/n/s/q]: ", end="", markup=False)
            key = _read_key()
            console.print(key, markup=False)
            if key in ("s", "q") or key in KEYS:
                break
            console.print("please press c, d, n, s or q")
        if key == "q":
            break
        if key == "s":
            continue
        note = click.prompt("note", default="", show_default=False)
        decide(store_file, finding, KEYS[key], note, reviewer, carried_from=store.carried.get(finding.fingerprint))
        decided += 1
        console.print(f"→ {KEYS[key].value}\n", style="green")
    console.print(f"{decided} decision(s) saved to {store_files(store_file)[0]}")
    return decided
