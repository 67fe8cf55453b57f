"""``fix_fact``: one field of a fact changed; a pack fact is overridden, never edited."""

from __future__ import annotations

import pytest

from factcheck.facts.addfact import AddFactError, fix_fact
from factcheck.facts.load import load_fact_base
from test_locations_dated import PACK


@pytest.fixture
def base(tmp_path, monkeypatch):
    curated, packs = tmp_path / "claims", tmp_path / "packs"
    curated.mkdir()
    packs.mkdir()
    (packs / "mini-vn.yaml").write_text(PACK, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_PACKS", "all")
    monkeypatch.setenv("FACTCHECK_PACKS_DIR", str(packs))
    return curated, packs / "mini-vn.yaml"


def test_a_pack_fact_is_overridden_in_the_fact_file_not_edited(base):
    curated, pack = base
    before = pack.read_text(encoding="utf-8")
    written = fix_fact(curated, "l-pc", "region", "hnam", curated / "reviewed.yaml")
    assert written == curated / "reviewed.yaml" and pack.read_text(encoding="utf-8") == before
    loaded, problems = load_fact_base(curated, [pack])
    assert not [p for p in problems if p.severity == "error"]
    assert loaded.overridden == ["l-pc"] and next(f for f in loaded.locations if f.id == "l-pc").region == "hnam"


@pytest.mark.parametrize("field, value, message", [("id", "x", "cannot be fixed"), ("region", "[unclosed", "not valid YAML"),
                                                   ("region", "atlantis", "unknown entity")])
def test_a_bad_fix_is_refused_and_writes_nothing(base, field, value, message):
    curated, _ = base
    with pytest.raises(AddFactError, match=message):
        fix_fact(curated, "l-pc", field, value, curated / "reviewed.yaml")
    assert not (curated / "reviewed.yaml").read_text(encoding="utf-8").strip() if (curated / "reviewed.yaml").exists() else True
