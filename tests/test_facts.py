"""The fact base: the shipped one validates, and each kind of fault planted in a copy is
reported with file, line and code (exit 1); broken YAML is exit 2 without a traceback."""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.main import app
from factcheck.facts.schema import FactBaseError
from factcheck.facts.load import load_fact_base
from factcheck.facts.validate import validate
from conftest import ROOT

CLAIMS = ROOT / "claims"
runner = CliRunner()


@pytest.fixture
def facts(tmp_path) -> Path:
    copy = tmp_path / "claims"
    shutil.copytree(CLAIMS, copy)
    return copy


def plant(path: Path, old: str, new: str) -> int:
    """Replace ``old`` with ``new`` in a fact file; return the 1-based line of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_facts_shipped_fact_base_is_valid():
    _, problems = validate(CLAIMS)
    assert [str(p) for p in problems if p.severity == "error"] == []
    result = runner.invoke(app, ["facts", "validate", str(CLAIMS)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "file, old, new, code, words",
    [
        ("people.yaml", "    name: Pete Hegseth\n", "    name: Pete Hegseth\n    nickname: Pete\n", "F002", "unknown field 'nickname'"),
        ("people.yaml", "    title: Thủ tướng\n    organization: japan\n", "    organization: japan\n", "F002", "'title' is required"),
        ("people.yaml", "    sources: [vnexpress-2025-11-18]\n\ntenures", "    sources: []\n\ntenures", "F002", "at least one source"),
        ("people.yaml", "  - id: masaaki-kanai\n", "  - id: pete-hegseth\n", "F003", "duplicate id 'pete-hegseth'"),
        ("places.yaml", "place: yokosuka, region: kanagawa", "place: yokosuka, region: kanagawa-prefecture", "F004", "unknown entity 'kanagawa-prefecture'"),
        ("people.yaml", "sources: [mod-japan-ministers]\n  - id: ahn", "sources: [mod-japan-minister]\n  - id: ahn", "F004", "unknown source"),
        ("people.yaml", "aliases: [Hegseth, Peter Hegseth]", "aliases: [Hegseth, Peter Hegseth, Koizumi]", "F005", "collides"),
        ("people.yaml", "    start: 2023-03-11\n", "    start: 2023-03-11\n    end: 2020-01-01\n", "F008", "before start"),
        ("sources.yaml", "accessed: 2026-02-01\n  - id: mnd-korea-minister", "accessed: 2099-02-01\n  - id: mnd-korea-minister", "F008", "in the future"),
        ("people.yaml", "    person: minoru-kihara\n    title: Chánh Văn phòng Nội các", "    person: masaaki-kanai\n    title: Thủ tướng", "F007", "overlaps"),
        # values the verifier compares: each of these once passed validation and crashed `check`
        ("events.yaml", "score: [2, 2]", "score: [2]", "F002", "a score is two whole numbers"),
        ("events.yaml", "score: [2, 2]", "score: [2, -1]", "F002", "greater than or equal to 0"),
        ("events.yaml", "{unit: ván, amounts: [4]}", "{unit: ván, amounts: []}", "F002", "at least 1 item"),
        ("events.yaml", "unit: minute, tolerance: 5", "unit: phut-phut, tolerance: 5", "F002", "unknown time unit 'phut-phut'"),
        ("events.yaml", "unit: minute, tolerance: 5", "unit: minute, tolerance: -5", "F002", "greater than or equal to 0"),
        ("events.yaml", "cues: [biểu diễn trống, biểu diễn]", "cues: [biểu diễn trống, '...']", "F002", "no letters or digits"),
        ("events.yaml", "    start: 2025-11-22\n", "", "F002", "needs a start"),
        ("events.yaml", "    previous: 2017-01-01\n", "", "F002", "previous and resumed go together"),
    ],
)
def test_facts_planted_fault_is_reported_with_file_and_line(facts, file, old, new, code, words):
    line = plant(facts / file, old, new)
    result = runner.invoke(app, ["facts", "validate", str(facts)])
    assert result.exit_code == 1, result.output
    reported = [l for l in result.output.splitlines() if f" {code} " in l]
    assert reported, result.output
    assert any(words in l for l in reported), reported
    assert any(l.startswith(str(facts / file) + ":") for l in reported), reported
    if code in ("F002", "F003", "F004", "F005", "F008"):
        numbers = [int(l.split(":")[1]) for l in reported if l.startswith(str(facts / file))]
        assert any(abs(n - line) <= 3 for n in numbers), (numbers, line)


VICE_MINISTERS = """
  - id: vice-minister-a
    person: masaaki-kanai
    title: Thứ trưởng Quốc phòng
    organization: japan{exclusive}
    start: 2025-10-21
    sources: [kantei-cabinet]
  - id: vice-minister-b
    person: minoru-kihara
    title: Thứ trưởng Quốc phòng
    organization: japan{exclusive}
    start: 2025-11-01
    sources: [kantei-cabinet]
"""


@pytest.mark.parametrize("exclusive, errors", [("", []), ("\n    exclusive: true", ["F007"])])
def test_validate_two_vice_ministers_at_once_is_not_an_error(facts, exclusive, errors):
    people = facts / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + VICE_MINISTERS.format(exclusive=exclusive), encoding="utf-8")
    _, problems = validate(facts)
    assert [p.code for p in problems if p.severity == "error"] == errors, [str(p) for p in problems]


def test_validate_exclusive_marked_on_one_tenure_of_a_title_only_is_a_warning(facts):
    plant(facts / "people.yaml", "    organization: china\n    exclusive: true\n", "    organization: china\n")
    people = facts / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + """
  - id: other-premier
    person: masaaki-kanai
    title: Thủ tướng
    organization: china
    exclusive: true
    start: 2013-03-15
    end: 2023-03-11
    sources: [china-state-council]
""", encoding="utf-8")
    _, problems = validate(facts)
    assert [(p.code, p.severity) for p in problems] == [("W010", "warning")], [str(p) for p in problems]
    assert "li-qiang-premier" in problems[0].path


def test_facts_near_collision_is_a_warning(facts):
    plant(facts / "people.yaml", "aliases: [Hegseth, Peter Hegseth]", "aliases: [Hegseth, Peter Hegseth, Shinjiro Koizumo]")
    result = runner.invoke(app, ["facts", "validate", str(facts)])
    assert result.exit_code == 0
    assert "W006" in result.output and "warning" in result.output


def test_facts_broken_yaml_exits_2_with_location(facts):
    (facts / "people.yaml").write_text("entities:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["facts", "validate", str(facts)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "people.yaml:" in result.output and "broken YAML" in result.output
    with pytest.raises(FactBaseError):
        load_fact_base(facts)


def test_facts_github_and_json_formats(facts):
    plant(facts / "places.yaml", "place: yokosuka, region: kanagawa", "place: yokosuka, region: nowhere")
    github = runner.invoke(app, ["facts", "validate", "--format", "github", str(facts)])
    assert github.exit_code == 1 and github.output.startswith("::error file=")
    data = runner.invoke(app, ["facts", "validate", "--format", "json", str(facts)])
    import json

    assert json.loads(data.output)["errors"] >= 1


@pytest.mark.models
def test_facts_edit_that_flips_a_verdict_is_caught(facts):
    expect = ROOT / "tests" / "expected" / "seeds.yaml"
    seeds = ROOT / "seeds"
    unchanged = runner.invoke(app, ["facts", "validate", str(facts), "--against", str(seeds), "--expect", str(expect)])
    assert unchanged.exit_code == 0, unchanged.output
    plant(facts / "places.yaml", "place: yokosuka, region: kanagawa", "place: yokosuka, region: tokyo")
    flipped = runner.invoke(app, ["facts", "validate", str(facts), "--against", str(seeds), "--expect", str(expect)])
    assert flipped.exit_code == 1
    changes = [l for l in flipped.output.splitlines() if " F009 " in l]
    assert any("quận Yokosuka, Tokyo" in l and "verdict supported, expected contradicted" in l for l in changes), changes
    assert any("căn cứ Yokosuka (tỉnh Kanagawa)" in l for l in changes), changes
