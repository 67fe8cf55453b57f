"""What the review app shows and does, without any web types: the articles checked as
``check`` checks them, the queue of findings, one finding with its evidence, and the
actions (decide, add a fact), each written through the review store and ``addfact``.

Every page reads the state afresh: the articles through ``pipeline.run`` (the analysis
cache makes that cheap), the fact index (cached by content) and the review store. So a
decision taken with the CLI shows in the app at the next page, and the app never holds a
copy of anything that could go stale.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.facts.addfact import AddFactError, append_facts, fix_fact, new_facts
from factcheck.facts.packs import pack_files
from factcheck.facts.index import FactIndex
from factcheck.model.claims import Claim, ClaimKind, Inconsistency, Verdict
from factcheck.model.errors import FactcheckError
from factcheck.model.report import DocumentReport, Finding
from factcheck.pipeline import run
from factcheck.review.records import Decision, Review
from factcheck.review.store import ReviewStore, decide, load_store

# The queue's order: what fails a check first (the order of --fail-on), then by article and line.
SEVERITY = {"contradicted": 4, "disputed": 3, "inconsistent": 3, "ambiguous": 2, "unverifiable": 1, "supported": 0}
# What each action records; "reopen" puts a finding back in the queue.
ACTIONS = {"confirm": Decision.confirmed, "dismiss": Decision.dismissed, "needs-source": Decision.needs_source,
           "reopen": Decision.reopened}
NOTE_REQUIRED = {Decision.dismissed}  # a dismissed finding disappears from checks: say why
MAX_NOTE = 2000
MAX_NAME = 80


class ActionError(FactcheckError):
    """An action the app refuses, with a message for the editor (nothing was written)."""


@dataclass
class Settings:
    """What ``factcheck serve`` was started with."""

    inputs: list[Path]
    facts: Path
    reviews: Path
    options: run.Options
    packs: str | None = None
    archive: Path | None = None  # an archive built by `factcheck archive build`: disputes join the queue
    reviewer: str = ""  # the default name for decisions (--by, $FACTCHECK_REVIEWER, git, login)
    into: Path | None = None  # the fact file add-fact appends to (default: FACTS/reviewed.yaml)

    @property
    def fact_file(self) -> Path:
        return self.into or self.facts / "reviewed.yaml"


@dataclass(frozen=True)
class Item:
    """One finding in the queue: where it is, what it is, and its current decision."""

    report: DocumentReport
    subject: Claim | Inconsistency
    finding: Finding
    review: Review | None  # the current decision (its own or carried over from a legacy fingerprint)

    @property
    def fingerprint(self) -> str:
        return self.finding.fingerprint

    @property
    def status(self) -> str:
        return "open" if self.review is None or self.review.is_open else self.review.decision.value

    @property
    def severity(self) -> int:
        return SEVERITY.get(self.finding.verdict, 0)

    @property
    def is_claim(self) -> bool:
        return isinstance(self.subject, Claim)

    @property
    def can_add_fact(self) -> bool:
        """``review add-fact`` handles a place in a region and a person's title."""
        claim = self.subject
        if not isinstance(claim, Claim) or claim.verdict not in (Verdict.unverifiable, Verdict.ambiguous):
            return False
        value = claim.value
        return (claim.kind is ClaimKind.location and bool(value.place and value.region)) or \
            (claim.kind is ClaimKind.role and bool(value.person and value.title and value.organization))

    @property
    def evidence_facts(self) -> list[str]:
        """The facts this claim's verdict rests on: what "fix fact" may change."""
        claim = self.subject
        return list(dict.fromkeys(e.fact_id for e in claim.evidence)) if isinstance(claim, Claim) else []


@dataclass
class Snapshot:
    """The state of the articles, the fact base and the review store at one moment."""

    reports: list[DocumentReport]
    store: ReviewStore
    index: FactIndex
    items: list[Item] = field(default_factory=list)

    def item(self, fingerprint: str) -> Item | None:
        return next((i for i in self.items if i.fingerprint == fingerprint), None)

    def report(self, name: str) -> DocumentReport | None:
        return next((r for r in self.reports if r.name == name), None)

    def queue(self, status: str = "open", verdict: str = "", kind: str = "", article: str = "", reviewer: str = "") -> list[Item]:
        """Findings matching the filters (empty: any), most severe first."""
        chosen = [i for i in self.items
                  if (status == "all" or i.status == status)
                  and (not verdict or i.finding.verdict == verdict)
                  and (not kind or i.finding.kind == kind)
                  and (not article or i.finding.document == article)
                  and (not reviewer or (i.review is not None and i.review.by == reviewer))]
        return sorted(chosen, key=lambda i: (-i.severity, i.finding.document, i.finding.line, i.fingerprint))

    def choices(self) -> dict[str, list[str]]:
        """The values each filter can take here."""
        return {"verdict": sorted({i.finding.verdict for i in self.items}, key=lambda v: -SEVERITY.get(v, 0)),
                "kind": sorted({i.finding.kind for i in self.items}),
                "article": [r.name for r in self.reports],
                "reviewer": sorted({i.review.by for i in self.items if i.review is not None}),
                "status": ["open", *[d.value for d in Decision if d is not Decision.reopened], "all"]}

    def next_open(self, after: str) -> Item | None:
        """The open finding after ``after`` in queue order (else the first open one)."""
        queue = self.queue()
        fingerprints = [i.fingerprint for i in queue]
        if after in fingerprints:
            rest = queue[fingerprints.index(after) + 1 :]
            return rest[0] if rest else (queue[0] if queue[0].fingerprint != after else None)
        return queue[0] if queue else None


def items_of(reports: list[DocumentReport], store: ReviewStore) -> list[Item]:
    """Every finding once per fingerprint (a claim repeated in an article is one finding)."""
    items, seen = [], set()
    for report in reports:
        findings = {f.fingerprint: f for f in report.findings()}
        for subject in [*report.claims, *report.inconsistencies, *report.disputes]:
            finding = findings.get(subject.fingerprint)
            if finding is None or subject.fingerprint in seen:
                continue
            seen.add(subject.fingerprint)
            review = store.decisions.get(finding.fingerprint)
            if review is None and finding.fingerprint in store.carried:
                review = store.decisions.get(store.carried[finding.fingerprint])
            items.append(Item(report, subject, finding, review))
    return items


class Workspace:
    """The articles, fact base and review store that ``factcheck serve`` was given."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._lock = threading.Lock()  # one pipeline run at a time (Stanza is not shared across threads)

    def snapshot(self) -> Snapshot:
        s = self.settings
        with self._lock:
            index = run.load_facts(s.facts, s.options, s.packs)
            store = load_store(s.reviews)
            archive = None
            if s.archive is not None:
                from factcheck.archive.lookup import Archive

                archive = Archive(s.archive, index)
            reports = list(run.check(run.read(s.inputs, s.options), s.options, index, store, archive))
        return Snapshot(reports, store, index, items_of(reports, store))

    def _packs(self) -> list[Path]:
        """The packs this app checks with (``--packs``): new facts are validated with them."""
        return pack_files(self.settings.facts, self.settings.packs)

    def decide(self, fingerprint: str, action: str, note: str, by: str) -> Review:
        """Record ``action`` on the finding through the review store (appended under its lock)."""
        decision = ACTIONS.get(action)
        if decision is None:
            raise ActionError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
        note, by = _checked_note(note), _checked_name(by)
        if decision in NOTE_REQUIRED and not note:
            raise ActionError("a dismissal needs a note: say why this finding is a false alarm")
        snapshot = self.snapshot()
        item = snapshot.item(fingerprint)
        if item is None:
            raise LookupError(fingerprint)
        return decide(self.settings.reviews, item.finding, decision, note, by, carried_from=snapshot.store.carried.get(fingerprint))

    def add_fact(self, fingerprint: str, source: str, note: str, by: str) -> list[str]:
        """Record the finding's claim as a sourced fact (``review add-fact``): the fact base is
        validated and the fact file restored if it breaks; then the decision ``fact-updated``."""
        by = _checked_name(by)
        note = _checked_note(note) or "fact added from review"
        snapshot = self.snapshot()
        item = snapshot.item(fingerprint)
        if item is None:
            raise LookupError(fingerprint)
        if not item.can_add_fact:
            raise ActionError("only an unverifiable or ambiguous place in a region or title in an organization can be added "
                              "as a fact here; edit claims/ by hand for the others")
        try:
            additions = new_facts(item.subject, snapshot.index, source, item.report.document.date)
            # append_facts holds the fact file's lock: two add-facts (app or CLI) do not interleave
            written = append_facts(self.settings.fact_file, additions, self.settings.facts, self._packs())
        except AddFactError as error:
            raise ActionError(str(error)) from None
        decide(self.settings.reviews, item.finding, Decision.fact_updated, note, by, carried_from=snapshot.store.carried.get(fingerprint))
        return written

    def fix_fact(self, fingerprint: str, fact_id: str, field: str, value: str, note: str, by: str) -> Path:
        """Change one field of a fact the finding's verdict rests on (``facts/addfact.fix_fact``:
        validated, the file restored if it breaks; a pack fact is overridden in the fact file);
        then the decision ``fact-updated``."""
        by = _checked_name(by)
        note = _checked_note(note) or f"fact {fact_id} fixed from review: {field} = {value}"
        snapshot = self.snapshot()
        item = snapshot.item(fingerprint)
        if item is None:
            raise LookupError(fingerprint)
        if fact_id not in item.evidence_facts:
            raise ActionError(f"{fact_id!r} is not a fact this finding's verdict rests on; pick one of its evidence")
        try:
            written = fix_fact(self.settings.facts, fact_id, field.strip(), value, self.settings.fact_file, self._packs())
        except AddFactError as error:
            raise ActionError(str(error)) from None
        decide(self.settings.reviews, item.finding, Decision.fact_updated, note, by, carried_from=snapshot.store.carried.get(fingerprint))
        return written


def _checked_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ActionError("say who you are: every decision records the reviewer's name")
    if len(name) > MAX_NAME or any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name):
        raise ActionError(f"a reviewer's name is at most {MAX_NAME} printable characters")
    return name


def _checked_note(note: str) -> str:
    note = (note or "").replace("\r\n", "\n").strip()
    if len(note) > MAX_NOTE:
        raise ActionError(f"a note is at most {MAX_NOTE} characters")
    return note
