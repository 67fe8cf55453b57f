"""Whole archives: inputs, the analysis cache, worker processes and Dask give the same verdicts."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.text.inputs import expand_inputs
from factcheck.pipeline.engines import Analysis, AnalysisCache, AnalysisSettings, analyze_batch, iter_analyses
from factcheck.model.errors import InputError
from factcheck.text.readers import read_document
from conftest import ROOT, SEEDS

runner = CliRunner()
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


def verdicts(output: str) -> list:
    rows = []
    for line in output.strip().splitlines():
        document = json.loads(line)
        rows.append((Path(document["path"]).name, [(c["fingerprint"], c["verdict"]) for c in document["claims"]],
                     [i["fingerprint"] for i in document["inconsistencies"]]))
    return rows


def check(*args, env=None):
    result = subprocess.run([FACTCHECK, "check", "-f", "jsonl", "--fail-on", "never", *map(str, args)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr
    return result


def test_batch_inputs_expand_directories_globs_and_stdin(tmp_path):
    assert expand_inputs([SEEDS]) == sorted(SEEDS.glob("*.txt"))
    assert expand_inputs([Path(f"{SEEDS}/00*.txt")]) == sorted(SEEDS.glob("*.txt"))
    with pytest.raises(InputError, match="matches no file"):
        expand_inputs([tmp_path / "*.nothing"])
    text = (SEEDS / "004_1391055ce1fac54e.txt").read_text(encoding="utf-8")
    result = runner.invoke(__import__("factcheck.cli.main", fromlist=["app"]).app, ["extract", "--no-nlp", "-f", "jsonl", "-"], input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["path"] == "<stdin>"


def test_batch_cache_hit_skips_analysis_and_returns_the_same(tmp_path):
    documents = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))]
    settings = AnalysisSettings(nlp=False, cache=str(tmp_path / "cache.sqlite"))
    cold = analyze_batch(documents, settings)
    warm = analyze_batch(documents, settings)
    assert [a.model_dump() for a in cold] == [a.model_dump() for a in warm]
    cache = AnalysisCache(tmp_path / "cache.sqlite")
    assert cache.connection.execute("SELECT count(*) FROM analysis_v2").fetchone()[0] == 2


def test_batch_claims_only_runs_tag_what_rules_read_and_cache_no_sentences(tmp_path):
    """``check`` (claims only) tags only the sentences its token-reading rules match and stores
    no sentences; ``tag`` then analyzes again, every word tagged, with the same claims."""
    documents = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))]
    path = tmp_path / "cache.sqlite"
    claims_only = analyze_batch(documents, AnalysisSettings(cache=str(path), sentences=False))
    assert all(a.sentences == [] for a in claims_only)
    stored = AnalysisCache(path).connection.execute("SELECT sentences FROM analysis_v2").fetchall()
    assert stored and all(row[0] == b"" for row in stored)
    full = analyze_batch(documents, AnalysisSettings(cache=str(path), sentences=True))
    assert [a.claims for a in full] == [a.claims for a in claims_only]
    tokens = [t for a in full for s in a.sentences for t in s.tokens]
    assert tokens and all(t.upos for t in tokens)
    again = analyze_batch(documents, AnalysisSettings(cache=str(path), sentences=False))
    assert [a.claims for a in again] == [a.claims for a in claims_only]


def test_batch_partial_tagging_tags_the_sentences_rules_read_as_a_full_run_does(analyzer):
    from factcheck.extract.registry import reads_tags

    document = read_document(sorted(SEEDS.glob("*.txt"))[0])
    partial = analyzer.analyze_many([document], tag_if=reads_tags)[0]
    full = analyzer.analyze_many([document])[0]
    assert [s.text for s in partial.sentences] == [s.text for s in full.sentences]
    tagged = [(p, f) for p, f in zip(partial.sentences, full.sentences) if reads_tags(p.text)]
    assert tagged and len(tagged) < len(full.sentences)
    for p, f in zip(partial.sentences, full.sentences):
        expected = [t.upos for t in f.tokens] if reads_tags(p.text) else [None] * len(f.tokens)
        assert [t.upos for t in p.tokens] == expected


def test_batch_corrupt_cache_is_rebuilt_with_a_warning(tmp_path):
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    warnings = []
    cache = AnalysisCache(path, warn=warnings.append)
    assert warnings and "unreadable" in warnings[0]
    assert list(tmp_path.glob("cache.sqlite.corrupt-*"))
    documents = [read_document(SEEDS / "004_1391055ce1fac54e.txt")]
    assert analyze_batch(documents, AnalysisSettings(nlp=False, cache=str(path)))[0].claims
    cache.put("k", Analysis(sentences=[], claims=[]))
    assert cache.get("k") == Analysis(sentences=[], claims=[])


def test_batch_damaged_entry_is_dropped_not_trusted(tmp_path):
    cache = AnalysisCache(tmp_path / "cache.sqlite")
    with cache.connection:
        cache.connection.execute("INSERT INTO analysis_v2 VALUES ('bad', x'00112233', x'00', 0)")
    warnings = []
    cache.warn = warnings.append
    assert cache.get("bad") is None and warnings


def test_batch_worker_processes_keep_input_order(tmp_path):
    documents = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))] * 3
    settings = AnalysisSettings(nlp=False, cache=None)
    local = [a.claims for _, a in iter_analyses(documents, settings, batch_size=1)]
    parallel = [a.claims for _, a in iter_analyses(documents, settings, engine="processes", jobs=2, batch_size=1)]
    assert local == parallel


@pytest.mark.models
def test_batch_warm_recheck_and_jobs_match_the_cold_run(tmp_path):
    import os

    env = dict(os.environ, FACTCHECK_CACHE=str(tmp_path / "a.sqlite"))
    cold = check(SEEDS, env=env)
    warm = check(SEEDS, env=env)
    assert verdicts(cold.stdout) == verdicts(warm.stdout)
    assert "checked 2 document(s)" in warm.stderr
    jobs = check("--jobs", "2", "--no-cache", SEEDS)
    assert verdicts(jobs.stdout) == verdicts(cold.stdout)


@pytest.mark.models
def test_batch_dask_cluster_gives_the_cold_verdicts(tmp_path):
    distributed = pytest.importorskip("distributed", reason="Dask is an optional engine: pip install 'dask[distributed]'")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as cluster:
        dask = check("--engine", "dask", "--scheduler", cluster.scheduler_address, "--no-cache", SEEDS)
    local = check("--no-cache", SEEDS)
    assert verdicts(dask.stdout) == verdicts(local.stdout)


def test_batch_dask_without_scheduler_is_a_clear_error():
    result = subprocess.run([FACTCHECK, "check", "--no-nlp", "--engine", "dask", str(SEEDS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "--scheduler" in result.stderr and "Traceback" not in result.stderr


def _fill(path: str, worker: int) -> int:
    documents = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(10):
        document = documents[i % 2].model_copy(update={"text": documents[i % 2].text + f"\n\nĐoạn thêm {worker}-{i}."})
        analyze_batch([document], AnalysisSettings(nlp=False, cache=path))
    return worker


def test_batch_two_runs_can_share_the_cache(tmp_path):
    import multiprocessing

    path = str(tmp_path / "shared.sqlite")
    with multiprocessing.get_context("fork").Pool(2) as pool:
        assert sorted(pool.starmap(_fill, [(path, 1), (path, 2)])) == [1, 2]
    assert AnalysisCache(Path(path)).connection.execute("SELECT count(*) FROM analysis_v2").fetchone()[0] == 20


def test_batch_directory_skips_markdown_without_front_matter(tmp_path):
    (tmp_path / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (tmp_path / "story.md").write_text("---\ndate: 2026-01-31\n---\nNgày 30/1, hai bên gặp nhau.\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text("Văn bản.\n", encoding="utf-8")
    assert [p.name for p in expand_inputs([tmp_path])] == ["note.txt", "story.md"]


def test_jobs_auto_is_the_default_and_bad_values_fail(tmp_path):
    """``--jobs auto`` (the default) keeps a small run in one process and says nothing about
    workers; a count below 1 or a word is a usage error (exit 2), not a traceback."""
    auto = check("--jobs", "auto", "--no-nlp", "--no-cache", SEEDS)
    assert "worker" not in auto.stderr and "checked 2 document(s)" in auto.stderr
    assert verdicts(auto.stdout) == verdicts(check("--no-nlp", "--no-cache", SEEDS).stdout)
    for bad in ("0", "many"):
        refused = subprocess.run([FACTCHECK, "check", "--jobs", bad, "--no-nlp", str(SEEDS)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert refused.returncode == 2 and "--jobs" in refused.stderr and "Traceback" not in refused.stderr


def test_jobs_auto_starts_workers_once_a_run_has_enough_batches_and_says_how_many(monkeypatch, capsys):
    import os

    from factcheck.pipeline import engines

    assert 1 <= engines.auto_workers() <= len(os.sched_getaffinity(0))
    monkeypatch.setattr(engines, "auto_workers", lambda: 2)
    documents = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))] * 2
    settings = AnalysisSettings(sentences=False)
    small = list(iter_analyses(documents[: engines.MIN_BATCHES_FOR_WORKERS - 1], settings, jobs=engines.AUTO, batch_size=1))
    assert "worker" not in capsys.readouterr().err
    big = list(iter_analyses(documents, settings, jobs=engines.AUTO, batch_size=1))
    assert len(documents) == engines.MIN_BATCHES_FOR_WORKERS
    assert "analysing with 2 worker processes" in capsys.readouterr().err
    assert [a.claims for _, a in big[: len(small)]] == [a.claims for _, a in small]
