"""The library pipeline: lazy inputs, bounded work in flight, streaming renderers, caches
whose keys cover what they must, and one-line errors. Regression tests are named after
the defect they pin."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from factcheck.cli.main import app
from factcheck.facts.index import load_index
from factcheck.model.document import Document, Span
from factcheck.model.report import DocumentReport
from factcheck.pipeline import engines, run
from factcheck.pipeline.cache import AnalysisCache
from factcheck.pipeline.engines import AnalysisSettings, _bounded, analyze_batch
from factcheck.pipeline.versions import hash_files, package_files
from factcheck.renderers import REPORTS
from factcheck.text.inputs import iter_documents
from factcheck.text.readers import parse_document, read_document

runner = CliRunner()
TALKS = SEEDS / "004_1391055ce1fac54e.txt"
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


# ------------------------------------------------------------------ caches (defect 4)


def test_document_line_starts_do_not_survive_a_text_change():
    document = Document(text="one\ntwo\nthree", paragraphs=[Span(start=0, end=3)])
    assert document.line_col(8) == (3, 1)
    shifted = document.model_copy(update={"text": "\n\n\n\none\ntwo\nthree"})
    assert shifted.line_col(8) == (6, 1)


def test_models_version_changes_when_bytes_change_at_the_same_size(tmp_path):
    from factcheck.nlp.modelstore import ModelOrigin, ModelSource

    model = tmp_path / "tok.pt"
    model.write_bytes(b"a" * 100)
    first = ModelSource(origin=ModelOrigin.explicit, directory=tmp_path, tokenizer=model).version
    model.write_bytes(b"b" * 100)
    second = ModelSource(origin=ModelOrigin.explicit, directory=tmp_path, tokenizer=model).version
    assert first != second


def test_versions_code_version_covers_every_module_not_a_hand_kept_list(tmp_path):
    package = ROOT / "factcheck"
    listed = set(package_files())
    for path in package.rglob("*.py"):
        assert path in listed, f"{path} is not part of the cache key"
    assert not any("models" in p.relative_to(package).parts[:2] and p.suffix == ".pt" for p in listed)
    (tmp_path / "a.py").write_text("x = 1\n")
    before = hash_files(package_files(tmp_path), tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "new_rule.yaml").write_text("words: [a]\n")
    assert hash_files(package_files(tmp_path), tmp_path) != before


def test_facts_index_cache_with_a_foreign_object_warns_and_rebuilds(tmp_path):
    warnings: list[str] = []
    index = load_index(ROOT / "claims", tmp_path, warn=warnings.append)
    cached = next(tmp_path.glob("facts-*.pickle"))
    cached.write_bytes(pickle.dumps({"not": "an index"}))
    again = load_index(ROOT / "claims", tmp_path, warn=warnings.append)
    assert warnings and "unusable" in warnings[0] and "dict" in warnings[0]
    assert sorted(again.entities) == sorted(index.entities)


def test_facts_index_cache_in_a_readonly_folder_only_warns(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    warnings: list[str] = []
    try:
        index = load_index(ROOT / "claims", folder, warn=warnings.append)
    finally:
        folder.chmod(0o700)
    assert index.entities
    if warnings:  # root ignores the mode; anyone else is told the cache was not written
        assert "cannot write" in warnings[0]


def test_cache_warm_run_does_not_analyse_again(tmp_path, monkeypatch):
    """A cache that always missed would pass a test that only compares outputs."""
    documents = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))]
    settings = AnalysisSettings(nlp=False, cache=str(tmp_path / "cache.sqlite"))
    cold = analyze_batch(documents, settings)

    def no_analysis(document):
        raise AssertionError(f"{document.source} was analysed again: the cache missed")

    monkeypatch.setattr(engines, "extract", no_analysis)
    warm = analyze_batch(documents, settings)
    assert [a.claims for a in warm] == [a.claims for a in cold]


def test_cache_misses_when_the_code_version_changes(tmp_path, monkeypatch):
    documents = [read_document(TALKS)]
    settings = AnalysisSettings(nlp=False, cache=str(tmp_path / "cache.sqlite"))
    analyze_batch(documents, settings)
    calls = []
    real = engines.extract
    monkeypatch.setattr(engines, "extract", lambda d: calls.append(d) or real(d))
    monkeypatch.setattr(engines, "analysis_version", lambda: "another-version")
    analyze_batch(documents, settings)
    assert len(calls) == 1


def test_cache_refuses_to_replace_a_file_that_is_not_a_cache(tmp_path):
    precious = tmp_path / "people.yaml"
    precious.write_text("entities: []\n")
    with pytest.raises(Exception, match="not an analysis cache"):
        AnalysisCache(precious)
    assert precious.read_text() == "entities: []\n"
    assert list(tmp_path.iterdir()) == [precious]


def test_cache_filled_by_another_version_is_reported(tmp_path):
    warnings: list[str] = []
    cache = AnalysisCache(tmp_path / "c.sqlite", warn=warnings.append)
    cache.note_version("v1")
    cache.note_version("v1")
    assert warnings == []
    cache.note_version("v2")
    assert len(warnings) == 1 and "another version" in warnings[0]


# ------------------------------------------------------------------ streaming (defect 6)


def test_pipeline_reads_inputs_lazily(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(" date 2026-01-31 Hôm qua có 5 người.\n", encoding="utf-8")
    broken = tmp_path / "b.txt"
    broken.write_bytes(b"\xff\xfe\x00broken")
    stream = iter_documents([tmp_path])
    first = next(stream)  # the broken file has not been read yet
    assert first.source.endswith("a.txt")
    with pytest.raises(Exception, match="b.txt"):
        next(stream)


def test_engines_keep_a_bounded_number_of_batches_in_flight():
    class Done:
        def __init__(self, payload):
            self.payload = payload

        def result(self):
            return [engines.Analysis(sentences=[], claims=[]).model_dump_json() for _ in self.payload]

    in_flight, peak = [], [0]

    def submit(payload):
        in_flight.append(payload)
        peak[0] = max(peak[0], len(in_flight) - consumed[0])
        return Done(payload)

    consumed = [0]
    document = parse_document(" date 2026-01-31 Một câu.\n")
    groups = ([document] for _ in range(100))
    for _ in _bounded(groups, submit, limit=4):
        consumed[0] += 1
    assert len(in_flight) == 100 and peak[0] <= 4


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_renderers_stream_each_report_before_the_next_is_made(name):
    index = load_index(ROOT / "claims")
    options = run.Options(nlp=False, cache=None)
    made: list[DocumentReport] = []

    def reports():
        for report in run.check(iter_documents(sorted(SEEDS.glob("*.txt"))), options, index):
            made.append(report)
            yield report

    chunks = REPORTS[name](reports())
    text = ""
    while len(made) < 1:
        text += next(chunks)
    assert len(made) == 1, "the renderer asked for a second report before writing anything"
    text += "".join(chunks)
    assert len(made) == 2 and text


@pytest.mark.parametrize("name", ["json", "sarif"])
def test_renderers_streamed_json_is_valid(name):
    import json

    index = load_index(ROOT / "claims")
    reports = run.check(iter_documents([SEEDS]), run.Options(nlp=False, cache=None), index)
    data = json.loads("".join(REPORTS[name](reports)))
    assert data


@pytest.mark.parametrize("count", [0, 1, 2500])
def test_renderers_jsonl_pieces_make_the_whole_line(count):
    """A JSON line written ``CLAIMS_PER_PIECE`` claims at a time is the line ``dumps`` writes
    of the whole report, a non-finite amount (null) included."""
    import datetime as dt

    from factcheck.model.claims import Claim, ClaimKind, Inconsistency, Value, Verdict
    from factcheck.renderers import jsonl
    from factcheck.renderers.common import document_json, dumps, report_json

    claims = [Claim(id=f"c{i}", kind=ClaimKind.quantity, text="5 người", start=i, end=i + 7, sentence='Có 5 người "x".',
                    value=Value(amount=float("inf") if i == 1200 else 5.0, unit="người"), rule="r", verdict=Verdict.unverifiable)
              for i in range(count)]
    report = DocumentReport(document=Document(text="x", source='a"b.txt', date=dt.date(2026, 1, 31)), claims=claims,
                            inconsistencies=[Inconsistency(kind="k", message="m", claim_ids=["c0"])], stale=["ab12"])
    pieces = list(jsonl.reports([report]))
    assert len(pieces) == max(1, -(-count // jsonl.CLAIMS_PER_PIECE))
    assert "".join(pieces) == dumps(report_json(report)) + "\n"
    assert "".join(jsonl.claims([(report.document, claims)])) == dumps(document_json(report.document, claims)) + "\n"


# ------------------------------------------------------------------ identity and errors


def test_inputs_key_two_index_files_apart(tmp_path, monkeypatch):
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "index.md").write_text(f"---\ndate: {year}-01-31\n---\nCó 5 người.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    keys = [d.key for d in iter_documents([Path(".")])]
    assert keys == ["2024/index.md", "2025/index.md"]


def test_inputs_key_is_the_articles_own_id(tmp_path):
    article = tmp_path / "x.txt"
    article.write_text("# doc_id = news_world_001\n# url = https://example.vn/a\n# date = 20210101\nCó 5 người.\n", encoding="utf-8")
    document = next(iter_documents([article]))
    assert (document.key, document.url) == ("news_world_001", "https://example.vn/a")


def test_cli_unexpected_error_is_one_line_and_exit_2(monkeypatch):
    from factcheck.pipeline import check as check_module

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(check_module, "verify_claims", broken)
    result = runner.invoke(app, ["check", "--no-nlp", "--no-cache", str(TALKS)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "004_1391055ce1fac54e.txt" in result.stderr and "RuntimeError: boom" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_expect_without_against_is_an_error():
    result = runner.invoke(app, ["facts", "validate", str(ROOT / "claims"), "--expect", str(ROOT / "tests" / "expected" / "seeds.yaml")])
    assert result.exit_code == 2 and "--expect needs --against" in result.stderr


def test_cli_output_to_a_directory_is_an_error(tmp_path):
    result = runner.invoke(app, ["check", "--no-nlp", "--no-cache", "-o", str(tmp_path), str(TALKS)])
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_cli_output_file_keeps_its_mode(tmp_path):
    out = tmp_path / "report.html"
    out.write_text("old")
    out.chmod(0o644)
    result = runner.invoke(app, ["check", "--no-nlp", "--no-cache", "--fail-on", "never", "-f", "html", "-o", str(out), str(TALKS)])
    assert result.exit_code == 0, result.output
    assert oct(out.stat().st_mode & 0o777) == "0o644"
    assert "<!DOCTYPE html>" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_cli_console_script_has_no_traceback_on_a_bad_flag_value():
    result = subprocess.run([FACTCHECK, "check", "--fail-on", "sometimes", str(TALKS)], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_cli_fact_base_is_found_from_a_subfolder(monkeypatch):
    monkeypatch.chdir(SEEDS)
    result = runner.invoke(app, ["check", "--no-nlp", "--no-cache", "--fail-on", "never", "."])
    assert result.exit_code == 0, result.output
    assert "1 contradicted" in result.stderr


def test_cli_no_fact_base_anywhere_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_FACTS", raising=False)
    result = runner.invoke(app, ["check", "--no-nlp", "--no-cache", str(TALKS)])
    assert result.exit_code == 2 and "no fact base found" in result.stderr
