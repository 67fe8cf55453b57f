"""The fact index: events found by their cue words and the article date, not by a scan."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from conftest import ROOT

from factcheck.facts.index import FactIndex, load_index
from factcheck.facts.schema import Event, FactBase, Source
from factcheck.text.normalize import match_key


def base_with(*events: dict) -> FactBase:
    source = Source(id="s", publisher="p", title="t", document="d", accessed=dt.date(2026, 1, 1))
    return FactBase(sources={"s": source}, events=[Event(sources=["s"], **e) for e in events])


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("Hai bên hội đàm tại Tokyo.", ["talks"]),
        ("Sau cuộc hội đàm chính thức, hai bên giao lưu bóng bàn.", ["talks", "tennis"]),
        ("Hội-Đàm kéo dài.", ["talks"]),  # cues match through match_key, like names
        ("Họ hội họp và đàm phán.", []),  # the cue's words must be adjacent
        ("Giải bóng bàn mở rộng.", ["tennis"]),
    ],
)
def test_index_cued_events_finds_cues_as_whole_words(sentence, found):
    index = FactIndex.build(base_with({"id": "talks", "name": "Talks", "cues": ["hội đàm", "cuộc hội đàm"], "date": "2026-01-30"},
                                      {"id": "tennis", "name": "Tennis", "cues": ["giao lưu bóng bàn", "bóng bàn"], "date": "2026-01-30"}))
    assert [e.id for e, _ in index.cued_events(match_key(sentence))] == found


def test_index_cued_events_keeps_only_events_near_the_day():
    index = FactIndex.build(base_with({"id": "old", "name": "Old", "cues": ["hội đàm"], "date": "2020-01-01"},
                                      {"id": "span", "name": "Span", "cues": ["hội đàm"], "start": "2025-06-01", "end": "2026-01-01"},
                                      {"id": "now", "name": "Now", "cues": ["hội đàm"], "date": "2026-01-30"},
                                      {"id": "undated", "name": "Undated", "cues": ["hội đàm"]}))
    near = index.cued_events("hội đàm", day=dt.date(2026, 2, 1), window=45)
    assert [e.id for e, _ in near] == ["span", "now", "undated"]
    assert [e.id for e, _ in index.cued_events("hội đàm", day=dt.date(2026, 3, 10), window=45)] == ["now", "undated"]
    assert len(index.cued_events("hội đàm")) == 4  # no day: every event with the cue


class ScanGuard(list):
    """A list of events that refuses to be walked through: verification must use the index."""

    def __iter__(self):
        raise AssertionError("verification scanned every event instead of looking cues up in the index")


def test_verify_events_indexed_not_scanned():
    from factcheck.model.claims import Verdict
    from factcheck.pipeline.check import check_document
    from factcheck.text.readers import read_document

    index = load_index(ROOT / "claims")
    index.base.events = ScanGuard(index.base.events)
    report = check_document(read_document(ROOT / "seeds" / "004_1391055ce1fac54e.txt"), index)
    supported = {c.text for c in report.claims if c.verdict is Verdict.supported and c.kind.value in ("duration", "score", "gap", "date")}
    assert {"khoảng 55 phút", "tỷ số hòa 2-2", "SAREX sau 9 năm gián đoạn", "ngày 15/1"} <= supported


def test_index_compacted_and_pickled_keeps_the_event_index():
    from factcheck.pipeline.check import check_document
    from factcheck.text.readers import read_document

    built = load_index(ROOT / "claims")
    loaded = pickle.loads(pickle.dumps(built.compact()))
    assert loaded.event_cues.keys() == built.event_cues.keys() and loaded.longest_cue == built.longest_cue
    document = read_document(ROOT / "seeds" / "004_1391055ce1fac54e.txt")
    verdicts = lambda index: [(c.text, c.verdict, [e.fact_id for e in c.evidence]) for c in check_document(document, index).claims]
    assert verdicts(loaded) == verdicts(built)
