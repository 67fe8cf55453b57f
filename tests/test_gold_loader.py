"""The gold loader and scorer on small inline documents (no shared data needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from factcheck.extract.gold import GoldDocument, KindScore, load_gold, score_document
from factcheck.model.claims import Claim, ClaimKind, Value
from factcheck.model.document import Document

TEXT = "Ngày 30/1, Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi gặp 2 quan chức."


def _claim(kind: ClaimKind, text: str, **value) -> Claim:
    start = TEXT.index(text)
    return Claim(id=f"{kind.value}{start}", kind=kind, text=text, start=start, end=start + len(text), line=1, sentence=TEXT,
                 value=Value(**value), rule="test")


def _gold(annotated=None) -> GoldDocument:
    data = {"doc": "d", "date": "2020-01-31", "claims": [
        {"line": 1, "kind": "role", "text": "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi",
         "value": {"person": "Shinjiro Koizumi", "title": "Bộ trưởng Quốc phòng", "organization": "Nhật Bản", "title_class": "office"}},
    ]}
    if annotated is not None:
        data["annotated"] = annotated
    return GoldDocument.model_validate(data)


PREDICTED = [
    _claim(ClaimKind.date, "Ngày 30/1", date="2020-01-30"),
    _claim(ClaimKind.role, "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi", person="Shinjiro Koizumi"),
    _claim(ClaimKind.quantity, "2 quan chức", amount=2, unit="quan chức"),
]


def _score(gold: GoldDocument) -> dict[ClaimKind, KindScore]:
    scores: dict[ClaimKind, KindScore] = {}
    score_document(Document(text=TEXT, date=dt.date(2020, 1, 31)), gold, PREDICTED, scores, [])
    return scores


def test_a_full_file_counts_predicted_claims_of_kinds_it_does_not_list_as_spurious():
    scores = _score(_gold())
    assert scores[ClaimKind.role].true_positives == 1
    assert scores[ClaimKind.date].false_positives == 1 and scores[ClaimKind.quantity].false_positives == 1


def test_a_role_only_file_ignores_other_kinds_gold_and_predicted():
    gold = _gold(annotated=["role"])
    gold.claims.append(gold.claims[0].model_copy(update={"kind": ClaimKind.date, "text": "Ngày 30/1", "value": {"date": "2020-01-30"}}))
    scores = _score(gold)
    assert set(scores) == {ClaimKind.role}
    assert (scores[ClaimKind.role].true_positives, scores[ClaimKind.role].false_positives) == (1, 0)


def test_annotated_names_known_kinds(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("doc: d\ndate: 2020-01-31\nannotated: [role]\nclaims: []\n", encoding="utf-8")
    assert load_gold(path).annotated == [ClaimKind.role]
    with pytest.raises(ValidationError):
        GoldDocument.model_validate({"doc": "d", "date": "2020-01-31", "annotated": ["roles"], "claims": []})


GOLD = Path(__file__).resolve().parent / "gold"


def _gold_files() -> list[Path]:
    return sorted(GOLD.glob("dantri/*.yaml")) + sorted(GOLD.glob("seeds/*.yaml"))


def test_every_gold_file_loads_and_sits_in_exactly_one_split():
    split = yaml.safe_load((GOLD / "split.yaml").read_text(encoding="utf-8"))
    dev, held_out = [str(d) for d in split["dev"]], [str(d) for d in split["held_out"]]
    stems = sorted(g.stem for g in _gold_files())
    assert sorted(dev + held_out) == stems
    for g in _gold_files():
        assert load_gold(g).doc == g.stem


def test_role_claims_cover_every_topic_with_a_title_class():
    """Enough role gold in each topic to score leave-one-topic-out (GUIDELINES.md, Roles)."""
    per_topic: dict[str, int] = {}
    for g in sorted(GOLD.glob("dantri/*.yaml")):
        roles = [c for c in load_gold(g).claims if c.kind is ClaimKind.role]
        for claim in roles:
            assert claim.value.get("title_class") in ("office", "occupation", "rank", "academic"), (g.stem, claim.text)
            assert claim.value.get("person") and claim.value.get("title"), (g.stem, claim.text)
        topic = g.stem.split("_")[1]
        per_topic[topic] = per_topic.get(topic, 0) + len(roles)
    assert set(per_topic) == {"business", "health", "society", "sport", "world"}
    assert all(count >= 30 for count in per_topic.values()), per_topic
