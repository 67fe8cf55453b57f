"""``factcheck rules list`` and ``factcheck rules explain`` through typer's CliRunner."""

import json

import pytest
import typer
from typer.testing import CliRunner

from factcheck.cli.rules import rules_app
from factcheck.extract import registry

app = typer.Typer()
app.add_typer(rules_app, name="rules")
runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_rules_cli_list_shows_every_rule_with_kind_and_summary():
    result = run("rules", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(registry.RULES)
    for rule, line in zip(registry.RULES, lines):
        assert line.split()[:2] == [rule.name, rule.kind.value]
        assert rule.summary in line


@pytest.mark.parametrize("output_format", ["json"])
def test_rules_cli_list_json_filtered_by_kind(output_format):
    result = run("rules", "list", "--kind", "location", "-f", output_format)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [r["name"] for r in payload] == [r.name for r in registry.RULES if r.kind.value == "location"]
    assert {"name", "kind", "summary", "requires"} <= set(payload[0])


def test_rules_cli_list_unknown_kind_exits_2_listing_kinds():
    result = run("rules", "list", "--kind", "weather")
    assert result.exit_code == 2
    assert "unknown claim kind weather" in result.output and "quantity" in result.output


@pytest.mark.parametrize("name", [r.name for r in registry.RULES])
def test_rules_cli_explain_every_rule(name):
    rule = registry.BY_NAME[name]
    result = run("rules", "explain", name, "--examples", "1")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith(f"{name} ({rule.kind.value})")
    for heading in ("## What it produces", "## Why it matters", "## Requires", "## Examples", "## Counter-examples"):
        assert heading in text
    examples = text.split("## Examples", 1)[1].split("## Counter-examples", 1)
    assert "-> «" in examples[0], "no example claim shown"
    assert "[corpus/" in examples[1], "no counter-example shown"


def test_rules_cli_explain_shows_requirements_of_the_event_rule():
    result = run("rules", "explain", "event.sentence")
    assert result.exit_code == 0, result.output
    requires = result.stdout.split("## Requires", 1)[1].split("##", 1)[0]
    assert "The date, location, role claims of its sentence" in requires
    assert "date.day_month" in requires and "role.title_name" in requires


def test_rules_cli_explain_json_carries_examples_with_their_values():
    result = run("rules", "explain", "date.weekday", "-f", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["name"] == "date.weekday" and payload["kind"] == "date"
    claims = [claim for example in payload["examples"] for claim in example["claims"]]
    assert {"text": "thứ Sáu", "value": {"date": "2026-01-30"}} in claims
    assert payload["counter_examples"] and all(not e["claims"] for e in payload["counter_examples"])


def test_rules_cli_explain_unknown_rule_exits_2_with_close_matches():
    result = run("rules", "explain", "date.weekdays")
    assert result.exit_code == 2
    assert "unknown rule 'date.weekdays'" in result.output
    assert "date.weekday" in result.output
    assert "Traceback" not in result.output
