"""Editorial review: decisions persist, suppress, survive unrelated edits, concurrency and kills."""

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
    return tmp_path, article, tmp_path / "reviews.yaml"


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
    store = tmp_path / "reviews.yaml"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_decide_many, args=(str(store), w, 15)) for w in range(6)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    assert len(load_store(store).decisions) == 90


def test_review_kill_mid_write_loses_nothing(tmp_path):
    store = tmp_path / "reviews.yaml"
    _decide_many(str(store), 1, 3)
    before = store.read_text(encoding="utf-8")
    code = (
        "from pathlib import Path; from factcheck.review.store import Decision, Finding, decide; "
        "decide(Path(%r), Finding(fingerprint='ffff', document='a.txt', kind='date', claim='x', verdict='contradicted', line=1), "
        "Decision.dismissed, 'killed', 'nobody')" % str(store)
    )
    env = dict(os.environ, FACTCHECK_TEST_PAUSE_BEFORE_RENAME="30")
    writer = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT)
    deadline = time.time() + 30
    while not list(tmp_path.glob(".reviews.yaml.*.tmp")) and time.time() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".reviews.yaml.*.tmp")), "the writer never reached its write"
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    assert store.read_text(encoding="utf-8") == before  # the old file, whole
    assert len(load_store(store).decisions) == 3
    _decide_many(str(store), 3, 2)  # the lock died with the writer: the next write goes through
    assert len(load_store(store).decisions) == 5


def test_review_add_fact_writes_a_sourced_fact_keeping_comments(tmp_path):
    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    statement = SEEDS / "000_e04cf7e4d73d4c14.txt"
    data = json.loads(invoke("check", "--no-nlp", "-f", "json", "--facts", facts, "--reviews", tmp_path / "r.yaml", statement).stdout)
    taiwan = next(c for c in data["documents"][0]["claims"] if c["kind"] == "location" and c["verdict"] == "unverifiable")
    target = facts / "places.yaml"
    result = invoke("review", "add-fact", taiwan["fingerprint"][:10], statement, "--no-nlp", "--facts", facts, "--into", target,
                    "--source", "vnexpress-2025-11-18", "--reviews", tmp_path / "r.yaml", "--by", "lan")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Countries, organizations and places")  # comments kept
    assert "place: yokosuka, region: kanagawa" in text  # flow style kept
    assert invoke("facts", "validate", facts).exit_code == 0
    after = json.loads(invoke("check", "--no-nlp", "-f", "json", "--facts", facts, "--reviews", tmp_path / "r.yaml", statement).stdout)
    assert next(c for c in after["documents"][0]["claims"] if c["text"] == taiwan["text"])["verdict"] == "supported"
    assert load_store(tmp_path / "r.yaml").decisions[taiwan["fingerprint"]].decision is Decision.fact_updated
    bad = invoke("review", "add-fact", "0", statement, "--no-nlp", "--facts", facts, "--source", "no-such-source", "--reviews", tmp_path / "r.yaml")
    assert bad.exit_code == 2
