"""The review store: editors' decisions on findings, and how ``check`` applies them.

**Format.** ``reviews.jsonl`` (the default; ``--reviews PATH`` or ``FACTCHECK_REVIEWS``
choose another) holds one decision per line (see ``factcheck.review.records``). A finding's
current decision is its latest line (latest ``at``, then the later line); its earlier lines
are its history. Recording a decision appends one line under an exclusive lock and fsyncs
it: the cost does not grow with the store, concurrent reviewers lose nothing, and a writer
killed mid-line leaves a torn last line that readers skip and the next writer cuts off. In
git every decision is one added line, and ``reviews.jsonl merge=union`` in .gitattributes
merges two branches' decisions without conflicts. ``factcheck review compact`` rewrites
the file (atomically) grouped by document, keeping every decision's history.

**The old format.** ``reviews.yaml`` (one YAML mapping, ``factcheck.review.legacy``) is
still read: a store path ending in .yaml/.yml names it, and so does the default
``reviews.jsonl`` while only ``reviews.yaml`` exists beside it. ``X.yaml`` and ``X.jsonl``
are one store: once ``X.jsonl`` exists it is the one read and written, also when
``X.yaml`` is named. The first write converts: ``X.jsonl`` is written with every decision
and its history, and a note on stderr says so (``review migrate`` does it on request).
The YAML file is left alone; delete it once ``X.jsonl`` is committed.

**Legacy fingerprints.** Older stores keyed decisions by fingerprints over the file's base
name, so ``2024/index.md`` and ``2025/index.md`` shared them (``factcheck.review.
fingerprints``). When a finding has no decision under its fingerprint, a decision under its
legacy fingerprint applies to it if the decision was recorded for this article (the
recorded document is its name or source path, or a path suffix of one) and for no other
article the store knows: when the store holds decisions on another document that the
recorded name could also mean (``index.md`` recorded, ``2024/index.md`` decided since),
the base name is not unique and the old decision is not carried over. So two articles with
the same base name stop sharing an old decision as soon as either has a new one. A carried
decision is written under the new fingerprint (with its history, ``carried_from`` naming
the old one) the next time that finding is decided, or for all findings of the articles
given to ``factcheck review migrate``, which skips an old decision claimed by two articles.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import getpass
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Iterable, Iterator

from factcheck.model.claims import Claim, Inconsistency
from factcheck.model.report import DocumentReport, Finding, is_finding
from factcheck.text.files import FileWriteError, append_lines, atomic_write, exclusive_lock
from factcheck.review.fingerprints import (claim_fingerprint, inconsistency_fingerprint, legacy_claim_fingerprint,
                                           legacy_inconsistency_fingerprint, same_document)
from factcheck.review.legacy import SUFFIXES as LEGACY_SUFFIXES, parse_legacy
from factcheck.review.records import Decision, HistoryEntry, Review, ReviewError, is_complete_line, parse_lines

__all__ = ["DEFAULT_STORE", "STORE_ENV", "Decision", "HistoryEntry", "Review", "ReviewError", "ReviewStore", "Finding",
           "apply_reviews", "atomic_write", "claim_fingerprint", "compact", "decide", "default_reviewer", "inconsistency_fingerprint",
           "load_store", "migrate", "resolve_id", "store_files", "store_path"]

DEFAULT_STORE = Path("reviews.jsonl")
STORE_ENV = "FACTCHECK_REVIEWS"


# ------------------------------------------------------------------------------ where the store is


def store_path(explicit: Path | None = None) -> Path:
    """The store named by ``--reviews``, else by $FACTCHECK_REVIEWS, else ``reviews.jsonl``."""
    if explicit is not None:
        return explicit
    return Path(os.environ[STORE_ENV]) if os.environ.get(STORE_ENV) else DEFAULT_STORE


def store_files(path: Path) -> tuple[Path, Path | None]:
    """(the JSON Lines file, the old YAML file beside it or None): one store, two formats."""
    path = Path(path)
    if path.suffix in LEGACY_SUFFIXES:
        return path.with_suffix(".jsonl"), path
    if path.suffix == ".jsonl":
        for suffix in LEGACY_SUFFIXES:
            if path.with_suffix(suffix).exists():
                return path, path.with_suffix(suffix)
    return path, None


def _pending_conversion(jsonl: Path, legacy: Path | None) -> bool:
    return legacy is not None and not jsonl.exists() and legacy.exists()


def _read_text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ReviewError(f"{path} is a directory, not a review store; pass --reviews FILE") from None
    except OSError as error:
        raise ReviewError(f"cannot read review store {path}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReviewError(f"{path}:{line}: not UTF-8 (byte 0x{data[error.start]:02x}); the review store must be UTF-8 text, "
                          f"restore it from git") from None


def read_decisions(path: Path) -> list[Review]:
    """Every decision line of the store at ``path``, in file order (see the module doc)."""
    jsonl, legacy = store_files(path)
    if _pending_conversion(jsonl, legacy):
        return parse_legacy(_read_text(legacy) or "", legacy)
    text = _read_text(jsonl)
    return parse_lines(text, str(jsonl)) if text else []


# ------------------------------------------------------------------------------ the store in memory


class ReviewStore:
    """Current decision per fingerprint (``decisions``), each with its history, indexed by document."""

    def __init__(self, lines: Iterable[Review] = ()):
        current: dict[str, Review] = {}
        earlier: dict[str, list[Review]] = {}
        for review in lines:
            previous = current.get(review.fingerprint)
            if previous is None:
                current[review.fingerprint] = review
            elif review.entry() == previous.entry() or review.entry() in [r.entry() for r in earlier.get(review.fingerprint, ())]:
                continue  # the same decision twice: a line both sides of a merge added
            elif review.at >= previous.at:
                earlier.setdefault(review.fingerprint, []).append(previous)
                current[review.fingerprint] = review
            else:  # an older decision merged in after a newer one
                earlier.setdefault(review.fingerprint, []).append(review)
        for fingerprint, older in earlier.items():
            older.sort(key=lambda r: r.at)
            latest = current[fingerprint]
            current[fingerprint] = latest._replace(history=tuple(r.entry() for r in older),
                                                   legacy=latest.legacy or any(r.legacy for r in older))
        by_document: dict[str, list[str]] = {}
        has_legacy = False
        for fingerprint, review in current.items():
            by_document.setdefault(review.document, []).append(fingerprint)
            has_legacy = has_legacy or review.legacy
        self.decisions = current
        self.has_legacy = has_legacy  # only then are legacy fingerprints worth computing
        self._by_document = by_document
        self._documents_by_base: dict[str, set[str]] | None = None
        self.carried: dict[str, str] = {}  # fingerprint -> the legacy fingerprint whose decision applied to it

    def for_document(self, name: str) -> list[str]:
        """Fingerprints of the decisions recorded for the article called ``name``."""
        return self._by_document.get(name, [])

    def lookup(self, fingerprint: str | None, legacy_fingerprint: str | None, name: str, source: str | None) -> Review | None:
        """The decision on a finding of the article ``name`` (read from ``source``): its own,
        else one carried over from its legacy fingerprint (recorded in ``carried``)."""
        review = self.decisions.get(fingerprint) if fingerprint else None
        if review is not None or legacy_fingerprint is None:
            return review
        old = self.decisions.get(legacy_fingerprint)
        if old is None or not old.legacy or not self._only_owner(old.document, name, source):
            return None
        self.carried[fingerprint] = legacy_fingerprint
        return old

    def _only_owner(self, recorded: str, name: str, source: str | None) -> bool:
        """The recorded document means this article and no other document of the store."""
        def this(document: str) -> bool:
            return same_document(document, name) or same_document(document, source)

        if not this(recorded):
            return False
        if self._documents_by_base is None:
            self._documents_by_base = {}
            for document in self._by_document:
                self._documents_by_base.setdefault(PurePath(document).name, set()).add(document)
        return all(this(other) for other in self._documents_by_base.get(PurePath(recorded).name, ()) if same_document(other, recorded))


def load_store(path: Path) -> ReviewStore:
    with _collector_paused():
        return ReviewStore(read_decisions(path))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading creates hundreds of thousands of small objects without cycles; the cyclic
    garbage collector would rescan them all, again and again, for nothing (a fifth of the
    load time at 100,000 decisions)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ------------------------------------------------------------------------------ applying decisions


def _legacy_fingerprint(report: DocumentReport, item: Claim | Inconsistency) -> str:
    if isinstance(item, Inconsistency):
        return legacy_inconsistency_fingerprint(report.document.source, item, report.claims)
    return legacy_claim_fingerprint(report.document.source, item)


def apply_reviews(report: DocumentReport, store: ReviewStore) -> None:
    """Attach each finding's decision, and list the article's decisions whose finding is gone.

    Decisions are looked up by fingerprint and by document, so the cost per article does
    not grow with the store; legacy fingerprints are computed only when the store has any.
    """
    name, source = report.name, report.document.source
    present = set()
    for item in [*report.claims, *report.inconsistencies]:
        old = _legacy_fingerprint(report, item) if store.has_legacy else None
        review = store.lookup(item.fingerprint, old, name, source)
        item.review = review.decision.value if review else None
        if isinstance(item, Inconsistency) or is_finding(item):
            present.update(fp for fp in (item.fingerprint, old) if fp)
    for dispute in report.disputes:  # archive disputes are newer than legacy fingerprints
        review = store.lookup(dispute.fingerprint, None, name, source)
        dispute.review = review.decision.value if review else None
        present.add(dispute.fingerprint)
    # A finding settled by adding a fact is meant to go away (the claim is now supported):
    # its decision is history, not stale.
    report.stale = sorted(fp for fp in store.for_document(name)
                          if fp not in present and store.decisions[fp].decision is not Decision.fact_updated)


# ------------------------------------------------------------------------------ writing decisions


@contextlib.contextmanager
def _writing(jsonl: Path) -> Iterator[None]:
    """Hold the store's lock; file errors become ReviewError."""
    try:
        with exclusive_lock(jsonl):
            yield
    except FileWriteError as error:
        raise ReviewError(str(error)) from None


def _note(message: str) -> None:
    print(f"note: {message}", file=sys.stderr)


def _convert(jsonl: Path, legacy: Path, reviews: list[Review], extra: list[str] = ()) -> None:
    """Write the old store's decisions ``reviews`` (and ``extra`` lines) as ``jsonl``; call it holding the lock."""
    atomic_write(jsonl, "".join(line + "\n" for line in [*(r.to_line() for r in reviews), *extra]))
    _converted(jsonl, legacy, reviews)


def _converted(jsonl: Path, legacy: Path, reviews: list[Review]) -> None:
    _note(f"converted {legacy} ({len({r.fingerprint for r in reviews})} decision(s)) to {jsonl}, the review store from now on; "
          f"commit {jsonl.name} and delete {legacy.name}")


def _carry(store: ReviewStore, finding: Finding, legacy_fingerprint: str | None) -> list[str]:
    """Lines that copy a legacy decision and its history to ``finding``'s own fingerprint."""
    old = store.decisions.get(legacy_fingerprint) if legacy_fingerprint else None
    if old is None or finding.fingerprint in store.decisions:
        return []
    return [Review(finding.fingerprint, finding.document, finding.kind, finding.claim, finding.verdict, finding.line,
                   entry.decision, entry.by, entry.at, entry.note, carried_from=legacy_fingerprint).to_line()
            for entry in (*old.history, old.entry())]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def decide(path: Path, finding: Finding, decision: Decision, note: str, by: str, now: dt.datetime | None = None,
           carried_from: str | None = None) -> Review:
    """Record ``decision`` on ``finding`` by appending one line; return the line's decision.

    ``carried_from``: the legacy fingerprint whose decision applied to the finding so far
    (``ReviewStore.carried``); that decision and its history are copied first, so they stay
    the finding's history.
    """
    review = Review(finding.fingerprint, finding.document, finding.kind, finding.claim, finding.verdict, finding.line,
                    decision, by, now or _now(), note)
    jsonl, legacy = store_files(path)
    with _writing(jsonl):
        if _pending_conversion(jsonl, legacy):
            reviews = parse_legacy(_read_text(legacy) or "", legacy)
            _convert(jsonl, legacy, reviews, [*_carry(ReviewStore(reviews), finding, carried_from), review.to_line()])
            return review
        carried = _carry(load_store(jsonl), finding, carried_from) if carried_from else []
        cut = append_lines(jsonl, [*carried, review.to_line()], is_complete_line)
        if cut:
            _note(f"{jsonl}: removed an incomplete last line left by an interrupted write: {cut[:80]!r}")
    return review


@dataclass
class Migration:
    """What ``migrate`` did."""

    converted: int = 0  # decisions converted from the old YAML file
    carried: int = 0  # legacy decisions written under new fingerprints
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # legacy fingerprint -> the articles that all claim it
    legacy_left: int = 0  # legacy decisions still only under their legacy fingerprint


def migrate(path: Path, reports: list[DocumentReport]) -> Migration:
    """Convert an old YAML store, and carry legacy decisions over to the findings of ``reports``.

    A legacy decision that applies to findings of two articles is left as it is and
    reported in ``Migration.ambiguous``: decide those findings again.
    """
    result = Migration()
    jsonl, legacy = store_files(path)
    with _writing(jsonl):
        if _pending_conversion(jsonl, legacy):
            reviews = parse_legacy(_read_text(legacy) or "", legacy)
            _convert(jsonl, legacy, reviews)
            result.converted = len({r.fingerprint for r in reviews})
        store = load_store(jsonl)
        claimed: dict[str, dict[str, Finding]] = {}
        for report in reports:
            apply_reviews(report, store)
            for finding in report.findings():
                old = store.carried.get(finding.fingerprint)
                if old is not None:
                    claimed.setdefault(old, {})[finding.fingerprint] = finding
        lines = []
        for old, findings in claimed.items():
            documents = sorted({f.document for f in findings.values()})
            if len(documents) > 1:
                result.ambiguous[old] = documents
                continue
            for finding in findings.values():
                lines += _carry(store, finding, old)
                result.carried += 1
        if lines:
            append_lines(jsonl, lines, is_complete_line)
        carried = set(claimed) - set(result.ambiguous)
        result.legacy_left = sum(1 for fp, r in store.decisions.items() if r.legacy and fp not in carried)
    return result


def compact(path: Path) -> tuple[int, int]:
    """Rewrite the store grouped by document, each finding's decisions oldest first; drop
    repeated lines and legacy decisions already carried over. Returns (lines before, after)."""
    jsonl, legacy = store_files(path)
    with _writing(jsonl):
        converting = _pending_conversion(jsonl, legacy)
        if not converting and not jsonl.exists():
            return 0, 0
        lines = read_decisions(jsonl)  # the old YAML file's while it is not converted
        carried = {r.carried_from for r in lines if r.carried_from}
        by_fingerprint: dict[str, list[Review]] = {}
        for review in lines:
            if not (review.legacy and review.fingerprint in carried):
                by_fingerprint.setdefault(review.fingerprint, []).append(review)
        current = ReviewStore(r for group in by_fingerprint.values() for r in group).decisions
        out: list[str] = []
        for fingerprint in sorted(by_fingerprint, key=lambda fp: (current[fp].document, current[fp].line, fp)):
            for text in dict.fromkeys(r.to_line() for r in sorted(by_fingerprint[fingerprint], key=lambda r: r.at)):
                out.append(text + "\n")
        atomic_write(jsonl, "".join(out))
        if converting:
            _converted(jsonl, legacy, lines)
    return len(lines), len(out)


# ------------------------------------------------------------------------------ helpers for commands


def default_reviewer() -> str:
    if os.environ.get("FACTCHECK_REVIEWER"):
        return os.environ["FACTCHECK_REVIEWER"]
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=5).stdout.strip()
        if name:
            return name
    return getpass.getuser()


def resolve_id(identifier: str, candidates: Iterable[str]) -> str:
    """A full fingerprint from a unique prefix."""
    matches = sorted({c for c in candidates if c.startswith(identifier.lower())})
    if not matches:
        raise ReviewError(f"no finding with id {identifier!r}")
    if len(matches) > 1:
        raise ReviewError(f"id {identifier!r} is ambiguous: {', '.join(m[:12] for m in matches[:5])}; give more characters")
    return matches[0]
