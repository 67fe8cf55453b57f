"""Strict YAML: duplicate keys, alias bombs, recursive aliases and deep nesting are refused
with file and line, for the fact base and for front matter alike."""

from __future__ import annotations

import shutil
import time

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from factcheck.cli.main import app
from factcheck.text import yamlfile

runner = CliRunner()
BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"] + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]) + "\n"


@pytest.mark.parametrize("text, message", [
    ("a: 1\na: 2\n", "appears twice"),
    ("a: &x [*x]\n", "recursive alias"),
    ("x: " + "[" * 200 + "]" * 200 + "\n", "nested more than"),
    (BOMB, "expands to more than"),
    ("a: [1, 2\n", "broken YAML"),
])
def test_yamlfile_refuses(text, message):
    started = time.perf_counter()
    with pytest.raises(yamlfile.YamlProblem, match=message) as problem:
        yamlfile.load(text)
    assert time.perf_counter() - started < 1.0
    assert problem.value.line is not None


def test_yamlfile_reads_plain_documents():
    assert yamlfile.load("a: {b: [1, 2]}\nc: &x 1\nd: *x\n") == {"a": {"b": [1, 2]}, "c": 1, "d": 1}


def test_facts_duplicate_top_level_key_is_an_error_not_a_lost_list(tmp_path):
    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    places = facts / "places.yaml"
    text = places.read_text(encoding="utf-8")
    places.write_text(text + "\nlocations:\n  - {id: extra, place: x, region: y, sources: [s]}\n", encoding="utf-8")
    result = runner.invoke(app, ["facts", "validate", str(facts)])
    assert result.exit_code == 2
    assert "places.yaml" in result.stderr and "'locations' appears twice" in result.stderr
    checked = runner.invoke(app, ["check", "--no-nlp", "--no-cache", "--facts", str(facts), str(ROOT / "seeds")])
    assert checked.exit_code == 2 and "appears twice" in checked.stderr


def test_facts_alias_bomb_is_refused_quickly(tmp_path):
    (tmp_path / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["facts", "validate", str(tmp_path)])
    assert time.perf_counter() - started < 1.0
    assert result.exit_code == 2 and "bomb.yaml" in result.stderr and "Traceback" not in result.output


def test_readers_front_matter_bomb_and_bad_timestamp_name_the_file(tmp_path):
    bomb = tmp_path / "bomb.md"
    bomb.write_text("---\n" + BOMB + "date: 2026-01-31\n---\nCó 5 người.\n", encoding="utf-8")
    stamp = tmp_path / "stamp.md"
    stamp.write_text("---\ndate: 2026-01-31T25:99:00\n---\nCó 5 người.\n", encoding="utf-8")
    for path, message in ((bomb, "expands to more than"), (stamp, "hour must be")):
        result = runner.invoke(app, ["extract", "--no-nlp", "--no-cache", str(path)])
        assert result.exit_code == 2 and str(path) in result.stderr and message in result.stderr
