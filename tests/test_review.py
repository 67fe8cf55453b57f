"""Editorial review through the CLI: decisions persist, suppress, survive unrelated edits,
concurrency and kills; fingerprints per article; old stores and fingerprints carried over."""

import datetime as dt
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli.main import app
from factcheck.review.store import Decision, decide, load_store
from factcheck.model.report import Finding
from conftest import ROOT, SEEDS

runner = CliRunner()
TALKS = SEEDS / "004_1391055ce1fac54e.txt"


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture
def workspace(tmp_path):
    article = tmp_path / TALKS.name
    shutil.copy(TALKS, article)
    return tmp_path, article, tmp_path / "reviews.jsonl"


def yokosuka_fingerprint(article, store):
    data = json.loads(invoke("check", "--no-nlp", "-f", "json", "--reviews", store, article).stdout)
    claim = next(c for c in data["documents"][0]["claims"] if c["text"] == "quận Yokosuka, Tokyo")
    return claim["fingerprint"], data


def test_review_dismiss_suppresses_and_survives_unrelated_edits(workspace):
    _, article, store = workspace
    fingerprint, _ = yokosuka_fingerprint(article, store)
    assert invoke("check", "--no-nlp", "--reviews", store, article).exit_code == 1
    result = invoke("review", "dismiss", fingerprint[:8], article, "--no-nlp", "--reviews", store, "--note", "caption error, fixed in CMS", "--by", "lan")
    assert result.exit_code == 0, result.output
    checked = invoke("check", "--no-nlp", "--reviews", store, article)
    assert checked.exit_code == 0, checked.output
    assert "«quận Yokosuka, Tokyo»" not in checked.output and "1 dismissed finding(s) suppressed" in checked.output
    shown = invoke("check", "--no-nlp", "--reviews", store, "--show-suppressed", article)
    assert "«quận Yokosuka, Tokyo»" in shown.output and "[dismissed]" in shown.output
    # an unrelated sentence changes (and shifts every offset after it): still suppressed
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Ngoại giao bóng bàn", "Ngoại giao bóng bàn giữa hai nước láng giềng"), encoding="utf-8")
    assert yokosuka_fingerprint(article, store)[0] == fingerprint
    assert invoke("check", "--no-nlp", "--reviews", store, article).exit_code == 0


def test_review_reopen_keeps_history_and_fails_again(workspace):
    _, article, store = workspace
    fingerprint, _ = yokosuka_fingerprint(article, store)
    invoke("review", "dismiss", fingerprint, article, "--no-nlp", "--reviews", store, "--note", "first look", "--by", "lan")
    invoke("review", "reopen", fingerprint, "--reviews", store, "--note", "checked the map", "--by", "minh")
    review = load_store(store).decisions[fingerprint]
    assert review.decision is Decision.reopened and review.by == "minh"
    assert [(h.decision, h.by, h.note) for h in review.history] == [(Decision.dismissed, "lan", "first look")]
    assert invoke("check", "--no-nlp", "--reviews", store, article).exit_code == 1
    invoke("review", "confirm", fingerprint[:6], "--reviews", store, "--note", "real error", "--by", "minh")
    listed = invoke("review", "list", "--status", "confirmed", "--reviews", store)
    assert fingerprint[:12] in listed.output and "quận Yokosuka, Tokyo" in listed.output


def test_review_list_open_findings_of_articles(workspace):
    _, article, store = workspace
    result = invoke("review", "list", article, "--no-nlp", "--reviews", store)
    assert result.exit_code == 0 and "open" in result.output and "quận Yokosuka, Tokyo" in result.output


def test_review_unknown_or_ambiguous_id_is_a_clear_error(workspace):
    _, article, store = workspace
    result = invoke("review", "dismiss", "ffffffff", article, "--no-nlp", "--reviews", store, "--note", "x")
    assert result.exit_code == 2 and "no finding with id" in result.output
    result = invoke("review", "dismiss", "", article, "--no-nlp", "--reviews", store, "--note", "x")
    assert result.exit_code == 2 and "ambiguous" in result.output
    result = invoke("review", "dismiss", "abc", "--reviews", store, "--note", "x")
    assert result.exit_code == 2 and "pass the article" in result.output


def test_review_stale_decision_is_reported(workspace):
    _, article, store = workspace
    fingerprint, _ = yokosuka_fingerprint(article, store)
    invoke("review", "dismiss", fingerprint, article, "--no-nlp", "--reviews", store, "--note", "x", "--by", "lan")
    article.write_text(article.read_text(encoding="utf-8").replace("quận Yokosuka, Tokyo", "thành phố Yokosuka, tỉnh Kanagawa"), encoding="utf-8")
    result = invoke("check", "--no-nlp", "--reviews", store, article)
    assert "stale" in result.output and fingerprint[:10] in result.output


def _decide_many(store: str, worker: int, count: int) -> None:
    for i in range(count):
        finding = Finding(fingerprint=f"{worker:04d}{i:012d}", document="a.txt", kind="date", claim=f"claim {worker}-{i}", verdict="contradicted", line=i)
        decide(Path(store), finding, Decision.confirmed, f"note {i}", f"reviewer-{worker}")


def test_review_concurrent_reviewers_lose_nothing(tmp_path):
    store = tmp_path / "reviews.jsonl"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_decide_many, args=(str(store), w, 15)) for w in range(6)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    assert len(load_store(store).decisions) == 90


def _killed_writer(code: str, pause: str, reached) -> None:
    """Start ``code`` in a process paused at ``pause``, wait until ``reached()``, kill it."""
    writer = subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ, **{pause: "30"}), cwd=ROOT)
    deadline = time.time() + 30
    while not reached() and time.time() < deadline:
        time.sleep(0.05)
    assert reached(), "the writer never reached its write"
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)


def test_review_kill_mid_append_loses_nothing(tmp_path):
    store = tmp_path / "reviews.jsonl"
    _decide_many(str(store), 1, 3)
    before = store.read_text(encoding="utf-8")
    code = (
        "from pathlib import Path; from factcheck.review.store import Decision, Finding, decide; "
        "decide(Path(%r), Finding(fingerprint='ffff', document='a.txt', kind='date', claim='x', verdict='contradicted', line=1), "
        "Decision.dismissed, 'killed', 'nobody')" % str(store)
    )
    _killed_writer(code, "FACTCHECK_TEST_PAUSE_MID_APPEND", lambda: store.stat().st_size > len(before.encode()))
    torn = store.read_text(encoding="utf-8")
    assert torn.startswith(before) and not torn.endswith("\n")  # half a line on disk
    assert len(load_store(store).decisions) == 3  # readers skip it
    _decide_many(str(store), 3, 2)  # the lock died with the writer: the next write goes through and cuts the torn line
    assert store.read_text(encoding="utf-8").startswith(before)
    assert len(load_store(store).decisions) == 5 and "ffff" not in load_store(store).decisions


def test_review_kill_mid_compact_keeps_the_store_whole_and_cleans_up(tmp_path):
    store = tmp_path / "reviews.jsonl"
    _decide_many(str(store), 1, 3)
    before = store.read_text(encoding="utf-8")
    code = "from pathlib import Path; from factcheck.review.store import compact; compact(Path(%r))" % str(store)
    _killed_writer(code, "FACTCHECK_TEST_PAUSE_BEFORE_RENAME", lambda: list(tmp_path.glob(".reviews.jsonl.*.tmp")))
    assert store.read_text(encoding="utf-8") == before  # the old file, whole
    _decide_many(str(store), 3, 2)
    assert len(load_store(store).decisions) == 5
    assert not list(tmp_path.glob(".reviews.jsonl.*.tmp"))  # the next writer removed the dead one's temporary file


def test_review_add_fact_writes_a_sourced_fact_keeping_comments(tmp_path):
    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    statement = SEEDS / "000_e04cf7e4d73d4c14.txt"
    data = json.loads(invoke("check", "--no-nlp", "-f", "json", "--facts", facts, "--reviews", tmp_path / "r.jsonl", statement).stdout)
    taiwan = next(c for c in data["documents"][0]["claims"] if c["kind"] == "location" and c["verdict"] == "unverifiable")
    target = facts / "places.yaml"
    result = invoke("review", "add-fact", taiwan["fingerprint"][:10], statement, "--no-nlp", "--facts", facts, "--into", target,
                    "--source", "vnexpress-2025-11-18", "--reviews", tmp_path / "r.jsonl", "--by", "lan")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Countries, organizations and places")  # comments kept
    assert "place: yokosuka, region: kanagawa" in text  # flow style kept
    assert invoke("facts", "validate", facts).exit_code == 0
    rechecked = invoke("check", "--no-nlp", "-f", "json", "--facts", facts, "--reviews", tmp_path / "r.jsonl", statement)
    assert "stale" not in rechecked.stderr  # regression: the fact-updated decision was reported as stale
    after = json.loads(rechecked.stdout)
    assert next(c for c in after["documents"][0]["claims"] if c["text"] == taiwan["text"])["verdict"] == "supported"
    assert load_store(tmp_path / "r.jsonl").decisions[taiwan["fingerprint"]].decision is Decision.fact_updated
    bad = invoke("review", "add-fact", "0", statement, "--no-nlp", "--facts", facts, "--source", "no-such-source", "--reviews", tmp_path / "r.jsonl")
    assert bad.exit_code == 2


def test_review_fingerprints_differ_for_same_basename_in_two_folders(tmp_path):
    store = tmp_path / "reviews.jsonl"
    articles = []
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        articles.append(tmp_path / year / "index.md")
        shutil.copy(TALKS, articles[-1])
    fingerprints = [yokosuka_fingerprint(article, store)[0] for article in articles]
    assert fingerprints[0] != fingerprints[1]
    invoke("review", "dismiss", fingerprints[0], articles[0], "--no-nlp", "--reviews", store, "--note", "x", "--by", "lan")
    assert invoke("check", "--no-nlp", "--reviews", store, articles[0]).exit_code == 0
    assert invoke("check", "--no-nlp", "--reviews", store, articles[1]).exit_code == 1  # 2025's finding is still open


def _legacy_store(path: Path, entries: dict) -> None:
    """A store as older versions wrote it: YAML, keyed by base-name fingerprints."""
    decisions = {fp: {"document": document, "kind": "location", "claim": "quận Yokosuka, Tokyo", "verdict": "contradicted", "line": 35,
                      "decision": "dismissed", "by": "lan", "at": "2026-02-01T09:00:00Z", "note": "old decision",
                      "history": [{"decision": "confirmed", "by": "minh", "at": "2026-01-31T09:00:00Z", "note": "first look"}]}
                 for fp, document in entries.items()}
    path.write_text(yaml.safe_dump({"decisions": decisions}, allow_unicode=True), encoding="utf-8")


def _yokosuka_legacy_fingerprint(article: Path) -> str:
    from factcheck.facts.index import load_index
    from factcheck.pipeline.check import check_document
    from factcheck.review.fingerprints import legacy_claim_fingerprint
    from factcheck.text.inputs import load_documents

    (document,) = load_documents([article], "auto", None)
    report = check_document(document, load_index(ROOT / "claims"))
    return legacy_claim_fingerprint(document.source, next(c for c in report.claims if c.text == "quận Yokosuka, Tokyo"))


def test_review_legacy_decision_carried_over(workspace):
    tmp_path, article, _ = workspace
    legacy = tmp_path / "reviews.yaml"
    old = _yokosuka_legacy_fingerprint(article)
    _legacy_store(legacy, {old: str(article)})
    fingerprint, data = yokosuka_fingerprint(article, legacy)
    assert fingerprint != old
    claim = next(c for c in data["documents"][0]["claims"] if c["text"] == "quận Yokosuka, Tokyo")
    assert claim["review"] == "dismissed" and data["documents"][0]["stale_decisions"] == []  # applies, and is not reported stale
    assert invoke("check", "--no-nlp", "--reviews", legacy, article).exit_code == 0
    migrated = invoke("review", "migrate", article, "--no-nlp", "--reviews", legacy)
    assert migrated.exit_code == 0, migrated.output
    assert "1 carried over" in migrated.output
    store = load_store(tmp_path / "reviews.jsonl")
    review = store.decisions[fingerprint]
    assert review.decision is Decision.dismissed and review.carried_from == old and not review.legacy
    assert [(h.decision, h.by) for h in review.history] == [(Decision.confirmed, "minh")]  # the history came along
    assert invoke("check", "--no-nlp", "--reviews", tmp_path / "reviews.jsonl", article).exit_code == 0


def test_review_legacy_decision_carried_over_when_next_decided(workspace):
    tmp_path, article, _ = workspace
    legacy = tmp_path / "reviews.yaml"
    old = _yokosuka_legacy_fingerprint(article)
    _legacy_store(legacy, {old: str(article)})
    fingerprint, _ = yokosuka_fingerprint(article, legacy)
    result = invoke("review", "reopen", fingerprint, article, "--no-nlp", "--reviews", legacy, "--note", "again", "--by", "an")
    assert result.exit_code == 0, result.output
    assert "converted" in result.output  # the first write converts the YAML store, and says so
    review = load_store(legacy).decisions[fingerprint]  # the .yaml name now reads reviews.jsonl
    assert (tmp_path / "reviews.jsonl").exists() and review.decision is Decision.reopened
    assert [h.decision for h in review.history] == [Decision.confirmed, Decision.dismissed]


def _two_index_articles(tmp_path):
    articles = []
    for year in ("2024", "2025"):
        (tmp_path / "archive" / year).mkdir(parents=True)
        articles.append(tmp_path / "archive" / year / "index.md")
        shutil.copy(TALKS, articles[-1])
    return articles


def test_review_legacy_decision_goes_only_to_the_article_it_was_recorded_for(tmp_path):
    first, second = _two_index_articles(tmp_path)
    legacy = tmp_path / "reviews.yaml"
    old = _yokosuka_legacy_fingerprint(first)
    assert old == _yokosuka_legacy_fingerprint(second)  # the old scheme could not tell them apart
    _legacy_store(legacy, {old: str(first)})
    assert invoke("check", "--no-nlp", "--reviews", legacy, first).exit_code == 0
    assert invoke("check", "--no-nlp", "--reviews", legacy, second).exit_code == 1


def test_review_legacy_decision_only_carried_for_unique_base_name(tmp_path):
    first, second = _two_index_articles(tmp_path)
    legacy = tmp_path / "reviews.yaml"
    _legacy_store(legacy, {_yokosuka_legacy_fingerprint(first): "index.md"})  # recorded under the bare name: either article
    assert invoke("check", "--no-nlp", "--reviews", legacy, first).exit_code == 0
    assert invoke("check", "--no-nlp", "--reviews", legacy, second).exit_code == 0
    migrated = invoke("review", "migrate", first, second, "--no-nlp", "--reviews", legacy)
    assert "not carried over" in migrated.output and "0 carried over" in migrated.output  # claimed by both: left alone
    # one article gets a decision of its own: index.md is no longer a unique name, the other stops sharing the old one
    other = next(c for c in json.loads(invoke("check", "--no-nlp", "-f", "json", "--reviews", legacy, first).stdout)["documents"][0]["claims"]
                 if c.get("fingerprint") and c["verdict"] == "unverifiable")
    assert invoke("review", "confirm", other["fingerprint"], first, "--no-nlp", "--reviews", legacy, "--note", "x").exit_code == 0
    assert invoke("check", "--no-nlp", "--reviews", legacy, first).exit_code == 0
    assert invoke("check", "--no-nlp", "--reviews", legacy, second).exit_code == 1


def test_review_readonly_store_is_refused(workspace):
    _, article, store = workspace
    fingerprint, _ = yokosuka_fingerprint(article, store)
    invoke("review", "confirm", fingerprint, article, "--no-nlp", "--reviews", store, "--note", "x", "--by", "lan")
    before = store.read_text(encoding="utf-8")
    store.chmod(0o444)
    result = invoke("review", "dismiss", fingerprint, article, "--no-nlp", "--reviews", store, "--note", "y")
    assert result.exit_code == 2 and str(store) in result.output and "read-only" in result.output
    assert store.read_text(encoding="utf-8") == before and (store.stat().st_mode & 0o777) == 0o444


@pytest.mark.parametrize("command", [("check", "--no-nlp"), ("review", "list"), ("review", "dismiss", "abc", "--note", "x")])
def test_review_store_that_is_a_directory_is_one_error_line(workspace, command):
    _, article, _ = workspace
    folder = workspace[0] / "reviews.jsonl"
    folder.mkdir()
    args = [*command, "--reviews", folder] + ([article] if command[0] == "check" else [])
    result = invoke(*args)
    assert result.exit_code == 2 and "is a directory" in result.output and len(result.output.strip().splitlines()) == 1, result.output


def test_review_store_not_utf8_is_one_error_line(workspace):
    _, article, store = workspace
    store.write_bytes(b'{"fingerprint": "ab", "document": "caf\xe9"}\n')
    result = invoke("check", "--no-nlp", "--reviews", store, article)
    assert result.exit_code == 2 and f"{store}:1: not UTF-8" in result.output and len(result.output.strip().splitlines()) == 1


def _article_with_repeated_claim(tmp_path) -> Path:
    article = tmp_path / TALKS.name
    text = TALKS.read_text(encoding="utf-8")
    repeated = next(line for line in text.splitlines() if "quận Yokosuka, Tokyo" in line)
    article.write_text(text + "\n" + repeated + "\n", encoding="utf-8")
    return article


def test_review_list_has_no_duplicate_rows(tmp_path):
    article = _article_with_repeated_claim(tmp_path)
    result = invoke("review", "list", article, "--no-nlp", "--reviews", tmp_path / "reviews.jsonl")
    rows = [line for line in result.stdout.splitlines() if "quận Yokosuka, Tokyo" in line]
    assert len(rows) == 1, result.stdout
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert len(ids) == len(set(ids))


def test_review_walk_asks_once_per_fingerprint(tmp_path):
    article = _article_with_repeated_claim(tmp_path)
    store = tmp_path / "reviews.jsonl"
    result = runner.invoke(app, ["review", "walk", "--no-nlp", "--reviews", str(store), "--by", "lan", str(article)], input="d\nok\n" * 100)
    assert result.exit_code == 0, result.output
    decisions = load_store(store).decisions
    asked = int(result.output.split(" decision(s) saved")[0].split()[-1])
    assert asked == len(decisions) == len(store.read_text(encoding="utf-8").splitlines())  # one question, one line per finding
    assert yokosuka_fingerprint(article, store)[0] in decisions


@pytest.mark.parametrize("command", ["dismiss", "needs-source", "confirm", "reopen"])
def test_review_unknown_id_hint_names_a_real_command(tmp_path, command):
    result = invoke("review", command, "abc", "--reviews", tmp_path / "reviews.jsonl", "--note", "x")
    assert result.exit_code == 2 and f"factcheck review {command} abc" in result.output
    assert invoke("review", command, "--help").exit_code == 0


def test_review_compact_keeps_history_and_merged_decisions(tmp_path):
    store = tmp_path / "reviews.jsonl"
    finding = Finding(fingerprint="ab12", document="a.txt", kind="date", claim="ngày 30/1", verdict="contradicted", line=3)
    decide(store, finding, Decision.dismissed, "one", "lan", now=dt.datetime(2026, 2, 1, 9, tzinfo=dt.timezone.utc))
    decide(store, finding, Decision.reopened, "two", "minh", now=dt.datetime(2026, 2, 2, 9, tzinfo=dt.timezone.utc))
    first, second = store.read_text(encoding="utf-8").splitlines()
    store.write_text("\n".join([second, first, second, first]) + "\n", encoding="utf-8")  # what merges can leave
    merged = load_store(store).decisions["ab12"]
    assert merged.decision is Decision.reopened and [h.note for h in merged.history] == ["one"]  # latest wins, repeats ignored
    result = invoke("review", "compact", "--reviews", store)
    assert result.exit_code == 0 and "4 line(s) -> 2" in result.output
    assert store.read_text(encoding="utf-8").splitlines() == [first, second]
    assert load_store(store).decisions["ab12"] == merged
