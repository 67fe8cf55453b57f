"""Bad pack files get one clear message naming the file and line, never a traceback."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from factcheck.cli.main import app

HEADER = 'pack: {name: bad, title: t, version: "1", licence: MIT, attribution: a, built_from: [x]}\n'


@pytest.mark.parametrize("text, expected", [
    ("pack: {name: bad\n  - x: [\n", "bad.yaml:2"),  # broken YAML: exit 2
    ("entities: []\n", "F001"),  # no pack header
    (HEADER + "entities:\n  - {id: x, type: place, name: X, level: 9, sources: [s]}\n", "F002"),  # a level out of range
])
def test_a_bad_pack_is_reported_with_file_and_line(tmp_path, monkeypatch, text, expected):
    (tmp_path / "claims").mkdir()
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "bad.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_PACKS", "all")
    result = CliRunner().invoke(app, ["facts", "validate", str(tmp_path / "claims")])
    assert result.exit_code in (1, 2) and expected in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # a message, not a crash
