"""The bundled models: they load offline, split the seeds sensibly, and meet the floors.

The floor test needs the UD treebank in ../shared and skips with a reason without it.
"""

import json

import pytest

from factcheck.nlp.modelstore import BUNDLED_DIR, MODELS_ENV, ModelError, ModelOrigin, load_manifest, resolve_models
from factcheck.text.readers import read_document
from conftest import SEEDS, UD_DIR, require

pytestmark = pytest.mark.models


def test_models_bundled_files_are_small_and_described():
    files = {p.name: p.stat().st_size for p in BUNDLED_DIR.iterdir()}
    assert {"vi_vtb_tokenizer.pt", "vi_vtb_tagger.pt", "resources.json", "manifest.json"} <= set(files)
    assert sum(files.values()) < 10_000_000
    manifest = load_manifest(BUNDLED_DIR)
    assert manifest.treebank == "UD_Vietnamese-VTB" and manifest.stanza_version
    assert {s.dataset for s in manifest.scores} >= {"vtb-test"}


def test_models_resolution_prefers_explicit_then_bundled(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "no-stanza"))
    monkeypatch.delenv(MODELS_ENV, raising=False)
    assert resolve_models().origin is ModelOrigin.bundled
    monkeypatch.setenv(MODELS_ENV, str(BUNDLED_DIR))
    assert resolve_models().origin is ModelOrigin.explicit
    with pytest.raises(ModelError, match="does not exist"):
        resolve_models(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="missing"):
        resolve_models(tmp_path / "empty")


def test_models_official_stanza_models_take_precedence_when_installed(tmp_path, monkeypatch):
    monkeypatch.delenv(MODELS_ENV, raising=False)
    root = tmp_path / "stanza_resources"
    for sub in ("tokenize", "pos"):
        (root / "vi" / sub).mkdir(parents=True)
        (root / "vi" / sub / "vtb.pt").write_bytes(b"x")
    (root / "resources.json").write_text(json.dumps({"vi": {}}))
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(root))
    assert resolve_models().origin is ModelOrigin.official


def test_models_seed_sentences_do_not_break_on_quotes_initials_or_dates(analyzer):
    document = analyzer.analyze(read_document(SEEDS / "004_1391055ce1fac54e.txt"))
    texts = [s.text for s in document.sentences]
    # a quoted sentence stays inside its sentence, and "30/1" does not end one
    assert any("“Chúng ta thử đánh qua lại 10 lần nhé”" in t for t in texts)
    assert any(t.startswith("Bộ trưởng Quốc phòng Hàn Quốc Ahn Gyu-back và") and t.endswith("ngày 30/1.") for t in texts)
    assert not any(t.startswith("1.") or t == "30/1." for t in texts)
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert document.text[token.start : token.end] == token.text
            assert token.upos


def test_models_cli_tag_prints_sentences_and_tags():
    from typer.testing import CliRunner

    from factcheck.cli.main import app

    result = CliRunner().invoke(app, ["tag", "--format", "conllu", str(SEEDS / "000_e04cf7e4d73d4c14.txt")])
    assert result.exit_code == 0, result.output
    assert "# newdoc id" in result.output and "\tPROPN\t" in result.output


@pytest.mark.shared
def test_models_meet_the_floors_on_vtb_test(tmp_path):
    """VTB test token F1 >= 85, sentence F1 >= 95, UPOS (predicted tokens) >= 70."""
    from factcheck.nlp.training import evaluate_models

    gold = require(UD_DIR / "UD_Vietnamese-VTB" / "vi_vtb-ud-test.conllu", "UD Vietnamese-VTB test")
    score = evaluate_models(BUNDLED_DIR, gold, tmp_path, "vtb-test")
    assert score.token_f1 >= 85, score
    assert score.sentence_f1 >= 95, score
    assert score.upos_f1 >= 70, score
