"""``review export --format claimreview``: schema.org ClaimReview JSON-LD for confirmed
contradictions, validated against a JSON Schema written from Google's documented required
and recommended properties (tests/data/claimreview.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from factcheck.cli.main import app

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema validates the export")

SCHEMA = json.loads((ROOT / "tests" / "data" / "claimreview.schema.json").read_text(encoding="utf-8"))
TALKS = SEEDS / "004_1391055ce1fac54e.txt"
ORG = ["--org", "Báo Ví Dụ", "--org-url", "https://example.vn"]
VERDICT_WORDS = ("sai", "đúng", "false", "true", "contradicted", "confirmed")


def invoke(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


def validate(data) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    for review in data:
        rating = review["reviewRating"]
        assert rating["worstRating"] < rating["bestRating"] and rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert not any(word in review["claimReviewed"].lower().split() for word in VERDICT_WORDS)


def export(store: Path, *articles, extra=()):
    result = invoke("review", "export", "--format", "claimreview", "--no-nlp", "--reviews", store, *ORG, *extra, *articles)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_claimreview_export_of_a_confirmed_contradiction_validates(tmp_path):
    store = tmp_path / "reviews.jsonl"
    data = export(store, TALKS)
    assert data == []  # nothing confirmed yet
    validate(data)
    invoke("review", "confirm", "f902e0", TALKS, "--no-nlp", "--reviews", store, "--note", "Yokosuka thuộc tỉnh Kanagawa", "--by", "lan")
    invoke("review", "confirm", "23b545", TALKS, "--no-nlp", "--reviews", store, "--note", "x", "--by", "lan")  # an inconsistency: not exported
    (review,) = export(store, TALKS)
    validate([review])
    assert review["reviewRating"]["alternateName"] == "Sai" and review["reviewRating"]["ratingValue"] == 1
    assert "quận Yokosuka, Tokyo" in review["claimReviewed"] and len(review["claimReviewed"]) <= 75
    assert review["itemReviewed"]["datePublished"] == "2026-01-31"
    assert review["itemReviewed"]["appearance"]["name"].endswith("004_1391055ce1fac54e.txt")  # no URL in a seed file
    assert review["author"] == {"@type": "Organization", "name": "Báo Ví Dụ", "url": "https://example.vn"}
    assert review["url"] == "https://example.vn/fact-check/f902e0e34e2ef22b"
    assert "Yokosuka thuộc tỉnh Kanagawa" in review["reviewBody"]


def test_claimreview_appearance_is_the_article_url_when_known(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("# doc_id = 42\n# url = https://tin.example.vn/bai-42.htm\n# date = 20260131\n"
                       + TALKS.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    store = tmp_path / "reviews.jsonl"
    data = json.loads(invoke("check", "--no-nlp", "-f", "json", "--reviews", store, article).stdout)
    fingerprint = next(c["fingerprint"] for c in data["documents"][0]["claims"] if c["verdict"] == "contradicted")
    invoke("review", "confirm", fingerprint, article, "--no-nlp", "--reviews", store, "--note", "", "--by", "lan")
    (review,) = export(store, article, extra=["--url-template", "https://example.vn/kiem-chung/{fingerprint}.html"])
    validate([review])
    assert review["itemReviewed"]["appearance"]["url"] == "https://tin.example.vn/bai-42.htm"
    assert review["url"] == f"https://example.vn/kiem-chung/{fingerprint}.html"


def test_claimreview_dismissed_and_open_findings_are_not_exported(tmp_path):
    store = tmp_path / "reviews.jsonl"
    invoke("review", "dismiss", "f902e0", TALKS, "--no-nlp", "--reviews", store, "--note", "x", "--by", "lan")
    assert export(store, TALKS) == []


@pytest.mark.parametrize("args, message", [
    ([], "--org NAME and --org-url URL"),
    (["--org", "X", "--org-url", "javascript:alert(1)"], "not an http(s) address"),
    (["--org", "X", "--org-url", "https://x.vn", "--url-template", "https://x.vn/a"], "{fingerprint}"),
])
def test_claimreview_export_needs_a_publisher(tmp_path, args, message, monkeypatch):
    monkeypatch.delenv("FACTCHECK_ORG", raising=False)
    monkeypatch.delenv("FACTCHECK_ORG_URL", raising=False)
    result = invoke("review", "export", "--no-nlp", "--reviews", tmp_path / "r.jsonl", *args, TALKS)
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize("sentence, text", [
    ("Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi và Bộ trưởng Quốc phòng Hàn Quốc Ahn Gyu-back bắt tay trước cuộc gặp tại trụ sở "
     "Lực lượng Phòng vệ Hàng hải Nhật Bản, quận Yokosuka, Tokyo (Nhật Bản) ngày 30/1.", "quận Yokosuka, Tokyo"),
    ("Ngắn gọn: 16 pha.", "16 pha"),
    ("x" * 200, "x" * 120),
    ("a " * 100 + "Hà Nội", "Hà Nội"),
])
def test_claimreview_claim_reviewed_is_at_most_75_characters_and_keeps_the_claim(sentence, text):
    from factcheck.renderers.claimreview import summary

    shown = summary(sentence, text)
    assert len(shown) <= 75
    assert text[:70] in shown


def test_claimreview_rating_scale_is_documented_in_the_readme():
    from factcheck.renderers.claimreview import RATINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for value, name in RATINGS.items():
        assert f"{value} = {name}" in readme
