"""The CLI through typer's CliRunner: outputs and documented exit codes, no tracebacks."""

import json

import pytest
from typer.testing import CliRunner

from factcheck.cli.main import app
from conftest import SEEDS

runner = CliRunner()


def run(*args):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "file is empty"),
        (b"\xff\xfe\x00bad", "is UTF-16, not UTF-8"),
        (b"ok\n\xe0 cp1258\n", "not valid UTF-8"),
        (b" date 2026-02-30 Bad date.", "not a date"),
    ],
)
def test_cli_bad_input_exits_2_with_file_and_reason(tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    for command in ("tag", "extract"):
        result = run(command, str(path))
        assert result.exit_code == 2
        assert str(path) in result.output and message in result.output


def test_cli_missing_file_exits_2():
    result = run("extract", "nope/missing.txt")
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_cli_unknown_input_format_exits_2():
    result = run("extract", "--input-format", "docx", str(SEEDS))
    assert result.exit_code == 2


def test_cli_unknown_kind_lists_valid_kinds():
    result = run("extract", "--no-nlp", "--kind", "weather", str(SEEDS))
    assert result.exit_code == 2
    assert "quantity" in result.output


def test_cli_extract_json_contract_on_seeds():
    result = run("extract", "--no-nlp", "--format", "json", str(SEEDS))
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [d["path"].split("/")[-1] for d in payload["documents"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    claim = payload["documents"][1]["claims"][0]
    assert {"id", "kind", "text", "start", "end", "line", "column", "sentence", "value", "rule"} <= set(claim)


def test_cli_extract_text_shows_location_and_value():
    result = run("extract", "--no-nlp", "--kind", "duration", str(SEEDS / "004_1391055ce1fac54e.txt"))
    assert result.exit_code == 0
    assert "004_1391055ce1fac54e.txt:9:5" in result.output
    assert "«khoảng 55 phút»" in result.output and "unit=minute" in result.output


def test_cli_extract_jsonl_one_document_per_line():
    result = run("extract", "--no-nlp", "--format", "jsonl", str(SEEDS))
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["claims"] for line in lines)


def test_cli_plain_text_without_date_warns_once(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Ngày 30/1, hai bên hội đàm.\n", encoding="utf-8")
    result = run("extract", "--no-nlp", "-f", "json", str(path))
    assert result.exit_code == 0
    assert result.output.count("has no date") == 1
    payload = json.loads(result.stdout)
    date = next(c for c in payload["documents"][0]["claims"] if c["kind"] == "date")
    assert date["value"] == {"resolved": False}


def test_cli_date_option_resolves_plain_text(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Ngày 30/1, hai bên hội đàm.\n", encoding="utf-8")
    result = run("extract", "--no-nlp", "-f", "json", "--date", "2026-01-31", str(path))
    date = next(c for c in json.loads(result.stdout)["documents"][0]["claims"] if c["kind"] == "date")
    assert date["value"] == {"date": "2026-01-30"}
