"""The review store's design properties, without the CLI: one appended line per decision,
lookups by document, validated lines, safe file writes, legacy fingerprints."""

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from factcheck.model.claims import Claim, ClaimKind, Value, Verdict
from factcheck.model.document import Document
from factcheck.model.report import DocumentReport, Finding
from factcheck.text.files import FileWriteError, atomic_write
from factcheck.review.fingerprints import add_fingerprints, claim_fingerprint, legacy_claim_fingerprint, same_document
from factcheck.review.store import Decision, Review, ReviewError, ReviewStore, apply_reviews, decide, load_store, store_files
from conftest import ROOT

AT = dt.datetime(2026, 2, 1, 9, tzinfo=dt.timezone.utc)
OLD_STORE = ("decisions:\n  ab12:\n    document: a.txt\n    kind: date\n    claim: c\n    verdict: contradicted\n    decision: dismissed\n"
             "    by: lan\n    at: 2026-01-31T10:00:00Z\n    history:\n    - {decision: confirmed, by: minh, at: 2026-01-30T10:00:00Z}\n")


def _claim(text: str, verdict: Verdict = Verdict.contradicted) -> Claim:
    return Claim(id=text, kind=ClaimKind.location, text=text, start=0, end=len(text), line=1, sentence=text,
                 value=Value(place=text), rule="test", verdict=verdict)


def _report(source: str, key: str | None = None, *texts: str) -> DocumentReport:
    report = DocumentReport(document=Document(text="x", source=source, key=key), claims=[_claim(t) for t in texts], inconsistencies=[])
    add_fingerprints(report)
    return report


def _finding(fingerprint: str, document: str = "a.txt") -> Finding:
    return Finding(fingerprint=fingerprint, document=document, kind="location", claim="quận Yokosuka", verdict="contradicted", line=1)


def test_review_store_adding_a_decision_appends_one_line(tmp_path):
    store = tmp_path / "reviews.jsonl"
    for i in range(50):
        decide(store, _finding(f"{i:04d}"), Decision.confirmed, "", "lan", now=AT)
    before, inode = store.read_bytes(), store.stat().st_ino
    decide(store, _finding("ffff"), Decision.dismissed, "ghi chú", "minh", now=AT)
    after = store.read_bytes()
    assert after.startswith(before) and after[len(before):].count(b"\n") == 1  # one new line, nothing rewritten
    assert store.stat().st_ino == inode


def test_review_apply_reviews_looks_up_by_document(tmp_path):
    report = _report("2024/index.md", None, "Tokyo", "Kanagawa")
    tokyo = report.claims[0].fingerprint
    lines = [Review(tokyo, "2024/index.md", "location", "Tokyo", "contradicted", 1, Decision.dismissed, "lan", AT),
             Review("gone", "2024/index.md", "location", "Osaka", "contradicted", 2, Decision.confirmed, "lan", AT)]
    lines += [Review(f"{i:016x}", f"other/{i}.md", "location", "x", "contradicted", 1, Decision.confirmed, "lan", AT) for i in range(1000)]
    store = ReviewStore(lines)

    class NoScan(dict):
        def __iter__(self):
            raise AssertionError("apply_reviews scanned every decision")

        items = values = keys = __iter__

    store.decisions = NoScan(store.decisions)
    apply_reviews(report, store)
    assert [c.review for c in report.claims] == ["dismissed", None] and report.stale == ["gone"]


@pytest.mark.parametrize("line, problem", [
    ('{"fingerprint": "ab"', "not valid JSON"),
    ('[1, 2]', "expected one JSON object per line"),
    ('{"fingerprint": "ab", "document": "a", "kind": "date", "claim": "c", "verdict": "v", "decision": "maybe", "by": "b", "at": "2026-01-01T00:00:00+00:00"}',
     "decision 'maybe' is not one of"),
    ('{"fingerprint": "ab", "document": "a", "kind": "date", "claim": "c", "verdict": "v", "decision": "dismissed", "at": "2026-01-01T00:00:00+00:00"}',
     "missing 'by'"),
    ('{"fingerprint": "ab", "document": "a", "kind": "date", "claim": "c", "verdict": "v", "decision": "dismissed", "by": "b", "at": "yesterday"}',
     "'at' is not an ISO 8601 time"),
    ('{"fingerprint": "ab", "document": "a", "kind": "date", "claim": "c", "verdict": "v", "decision": "dismissed", "by": "b", "at": "2026-01-01", "line": "3"}',
     "'line' must be an integer"),
    ('{"fingerprint": "ab", "document": "a", "kind": "date", "claim": "c", "verdict": "v", "decision": "dismissed", "by": "b", "at": "2026-01-01", "who": "x"}',
     "unknown key 'who'"),
])
def test_review_store_bad_line_names_file_and_line(tmp_path, line, problem):
    store = tmp_path / "reviews.jsonl"
    decide(store, _finding("0001"), Decision.confirmed, "", "lan", now=AT)
    store.write_text(store.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    with pytest.raises(ReviewError) as error:
        load_store(store)
    assert str(error.value).startswith(f"{store}:2: {problem}") and "restore the file from git" in str(error.value)


def test_review_store_torn_last_line_is_skipped_then_cut(tmp_path):
    store = tmp_path / "reviews.jsonl"
    decide(store, _finding("0001"), Decision.confirmed, "", "lan", now=AT)
    whole = store.read_text(encoding="utf-8")
    store.write_text(whole + whole[:40], encoding="utf-8")  # a writer killed mid-line
    assert list(load_store(store).decisions) == ["0001"]
    decide(store, _finding("0002"), Decision.dismissed, "", "lan", now=AT)
    assert store.read_text(encoding="utf-8").startswith(whole) and list(load_store(store).decisions) == ["0001", "0002"]


def test_review_store_unterminated_whole_line_is_kept(tmp_path):
    store = tmp_path / "reviews.jsonl"
    decide(store, _finding("0001"), Decision.confirmed, "", "lan", now=AT)
    store.write_text(store.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")  # an editor dropped the last newline
    decide(store, _finding("0002"), Decision.dismissed, "", "lan", now=AT)
    assert list(load_store(store).decisions) == ["0001", "0002"]


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600])
def test_review_atomic_write_keeps_mode(tmp_path, mode):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and (target.stat().st_mode & 0o777) == mode


def test_review_atomic_write_new_file_gets_the_umask_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.txt", "x")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644


def test_review_atomic_write_refuses_readonly_file(tmp_path):
    target = tmp_path / "places.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(FileWriteError, match=f"{target} is read-only"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old" and not list(tmp_path.glob(".*.tmp"))


def test_review_gitignore_covers_temporary_and_lock_files():
    names = [".reviews.jsonl.lock", ".reviews.jsonl.3f2a9c1d.tmp", ".reviews.yaml.x8k2_1.tmp", "reviews.yaml.lock", "claims/.places.yaml.ab12cd34.tmp"]
    result = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.split() == names


@pytest.mark.parametrize("recorded, name, same", [
    ("archive/2024/index.md", "2024/index.md", True),
    ("/home/lan/news/2024/index.md", "2024/index.md", True),
    ("./2024/index.md", "2024/index.md", True),
    ("index.md", "2025/index.md", True),
    ("archive/2024/index.md", "2025/index.md", False),
    ("myindex.md", "index.md", False),
    ("dantri-123", "dantri-123", True),
])
def test_review_same_document_matches_path_suffixes(recorded, name, same):
    assert same_document(recorded, name) is same


def test_review_fingerprints_use_the_report_name():
    claim = _claim("Tokyo")
    keyed = _report("archive/2024/index.md", "2024/index.md", "Tokyo")
    assert keyed.claims[0].fingerprint == claim_fingerprint("2024/index.md", claim)
    assert _report("archive/2025/index.md", "2025/index.md", "Tokyo").claims[0].fingerprint != keyed.claims[0].fingerprint
    assert legacy_claim_fingerprint("archive/2024/index.md", claim) == legacy_claim_fingerprint("archive/2025/index.md", claim)


def test_review_store_yaml_and_jsonl_are_one_store(tmp_path):
    legacy = tmp_path / "reviews.yaml"
    assert store_files(legacy) == (tmp_path / "reviews.jsonl", legacy)
    assert store_files(tmp_path / "reviews.jsonl") == (tmp_path / "reviews.jsonl", None)  # no old file beside it
    legacy.write_text("decisions: {}\n", encoding="utf-8")
    assert store_files(tmp_path / "reviews.jsonl") == (tmp_path / "reviews.jsonl", legacy)


def test_review_default_store_reads_an_old_reviews_yaml(tmp_path, monkeypatch):
    from factcheck.review.store import store_path

    monkeypatch.delenv("FACTCHECK_REVIEWS")
    monkeypatch.chdir(tmp_path)
    Path("reviews.yaml").write_text(OLD_STORE, encoding="utf-8")
    assert store_path() == Path("reviews.jsonl")
    review = load_store(store_path()).decisions["ab12"]
    assert review.legacy and review.decision is Decision.dismissed


def test_review_compact_converts_an_old_store_and_leaves_a_missing_one_alone(tmp_path, capsys):
    from factcheck.review.store import compact

    assert compact(tmp_path / "reviews.jsonl") == (0, 0) and not (tmp_path / "reviews.jsonl").exists()
    (tmp_path / "reviews.yaml").write_text(OLD_STORE, encoding="utf-8")
    assert compact(tmp_path / "reviews.yaml") == (2, 2)
    assert "converted" in capsys.readouterr().err
    review = load_store(tmp_path / "reviews.jsonl").decisions["ab12"]
    assert review.legacy and review.decision is Decision.dismissed and [h.by for h in review.history] == ["minh"]


def test_review_migrate_without_articles_converts_the_old_store(tmp_path):
    from factcheck.review.store import migrate

    (tmp_path / "reviews.yaml").write_text(OLD_STORE, encoding="utf-8")
    result = migrate(tmp_path / "reviews.yaml", [])
    assert (result.converted, result.carried, result.legacy_left) == (1, 0, 1)
    assert (tmp_path / "reviews.jsonl").read_text(encoding="utf-8").count("\n") == 2
