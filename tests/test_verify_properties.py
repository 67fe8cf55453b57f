"""Property: no valid fact base and no article about it can make verification raise.

Hypothesis builds fact bases (people, countries, places, organizations; locations, cycles
included; tenures overlapping and open-ended; events with any mix of dates, place,
participants, duration in English or Vietnamese units, score and counts; dates at the
edges of the calendar) and short Vietnamese articles that name those people, places, cue
words, numbers, durations, scores and dates. Every extracted claim must get a verdict and a
reason, from the freshly built index and from the compacted, pickled one.
"""

from __future__ import annotations

import datetime as dt
import pickle
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract.engine import extract
from factcheck.facts.index import load_index
from factcheck.facts.validate import validate
from factcheck.text.normalize import match_key
from factcheck.text.readers import parse_document
from factcheck.verify.registry import verify_claims

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Koizumi", "Ahn", "Lee", "Takaichi", "Hegseth"]
GIVEN = ["Văn An", "Thị Bình", "Shinjiro", "Gyu-back", "Jae-myung", "Sanae", "Pete", "Minh", "Hùng", "Lan"]
PLACES = ["Yokosuka", "Kanagawa", "Tokyo", "Nara", "Bắc Kinh", "Washington", "Hà Nội", "Đà Nẵng", "Johannesburg", "Okinawa"]
COUNTRIES = ["Nhật Bản", "Hàn Quốc", "Mỹ", "Trung Quốc", "Nam Phi", "Việt Nam"]
ORGS = ["Bộ Quốc phòng", "Bộ Ngoại giao", "Quốc hội", "Liên Hợp Quốc"]
TITLES = ["Bộ trưởng Quốc phòng", "Bộ trưởng", "Thủ tướng", "Tổng thống", "Thứ trưởng", "Vụ trưởng", "Chánh Văn phòng Nội các"]
CUES = ["hội đàm", "cuộc gặp", "gặp", "giao lưu", "bóng bàn", "ván", "trận đấu", "diễn tập", "SAREX", "G20", "hội nghị thượng đỉnh", "biểu diễn"]
UNITS = ["giây", "phút", "giờ", "tiếng", "ngày", "tuần", "tháng", "năm", "thập kỷ", "thập niên",
         "second", "minute", "hour", "day", "week", "month", "year", "decade", "Minutes", "PHÚT"]
COUNT_UNITS = ["lượt", "ván", "pha", "bàn", "người", "lần"]
EDGE_DAYS = [dt.date.min, dt.date.max, dt.date(1999, 12, 31), dt.date(2000, 2, 29), dt.date(2026, 1, 15), dt.date(2026, 1, 30),
             dt.date(2026, 1, 31), dt.date(2025, 11, 17)]

days = st.one_of(st.sampled_from(EDGE_DAYS), st.dates(), st.dates(dt.date(2025, 10, 1), dt.date(2026, 3, 1)))
amounts = st.one_of(st.integers(0, 120), st.floats(0, 1e6, allow_nan=False, allow_infinity=False))


@st.composite
def fact_bases(draw) -> dict:
    """The content of one valid fact file, as plain data."""
    pool = [(f"{f} {g}", "person") for f in FAMILY for g in GIVEN] + [(p, "place") for p in PLACES] \
        + [(c, "country") for c in COUNTRIES] + [(o, "organization") for o in ORGS]
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=14, unique_by=lambda item: match_key(item[0])))
    entities = [{"id": f"e{i}", "type": kind, "name": name, "sources": ["src"]} for i, (name, kind) in enumerate(chosen)]
    for entity in entities:  # a short alias for some people ("Koizumi"), when no other name folds to it
        short = entity["name"].split()[0]
        taken = {match_key(n) for e in entities for n in [e["name"], *e.get("aliases", [])]}
        if entity["type"] == "person" and match_key(short) not in taken and draw(st.booleans()):
            entity["aliases"] = [short]
    ids = {kind: [e["id"] for e in entities if e["type"] == kind] for kind in ("person", "place", "country", "organization")}
    places = ids["place"] + ids["country"]
    bodies = ids["country"] + ids["organization"]
    locations = []
    if places:
        for i, (place, region) in enumerate(draw(st.lists(st.tuples(st.sampled_from(places), st.sampled_from(places + bodies)), max_size=6))):
            locations.append({"id": f"l{i}", "place": place, "region": region, "sources": ["src"]})
    tenures, exclusive_titles = [], set()
    if ids["person"] and bodies:
        for i in range(draw(st.integers(0, 6))):
            start = draw(days)
            end = draw(st.one_of(st.none(), st.dates(min_value=start)))
            tenure = {"id": f"t{i}", "person": draw(st.sampled_from(ids["person"])), "title": draw(st.sampled_from(TITLES)),
                      "organization": draw(st.sampled_from(bodies)), "start": start.isoformat(), "sources": ["src"]}
            if end:
                tenure["end"] = end.isoformat()
            if (tenure["title"], tenure["organization"]) not in exclusive_titles and draw(st.booleans()):
                exclusive_titles.add((tenure["title"], tenure["organization"]))  # one exclusive holder: no F007
                tenure["exclusive"] = True
            tenures.append(tenure)
    events = [draw(events_of(i, ids, places)) for i in range(draw(st.integers(0, 6)))]
    return {"sources": [{"id": "src", "publisher": "p", "title": "t", "document": "d", "accessed": "2026-01-01"}],
            "entities": entities, "locations": locations, "tenures": tenures, "events": events}


@st.composite
def events_of(draw, i: int, ids: dict, places: list[str]) -> dict:
    event = {"id": f"ev{i}", "name": f"Sự kiện {i}", "cues": draw(st.lists(st.sampled_from(CUES), min_size=1, max_size=3, unique=True)),
             "sources": ["src"]}
    shape = draw(st.sampled_from(["date", "span", "open", "none"]))
    first = draw(days)
    if shape == "date":
        event["date"] = first.isoformat()
    elif shape in ("span", "open"):
        event["start"] = first.isoformat()
        if shape == "span":
            event["end"] = draw(st.dates(min_value=first)).isoformat()
    if draw(st.booleans()):
        previous = draw(days)
        event["previous"], event["resumed"] = previous.isoformat(), draw(st.dates(min_value=previous)).isoformat()
    if places and draw(st.booleans()):
        event["place"] = draw(st.sampled_from(places))
    everyone = [i for kind in ("person", "country") for i in ids[kind]]
    if everyone:
        event["participants"] = draw(st.lists(st.sampled_from(everyone), max_size=3, unique=True))
    attributes = {}
    if draw(st.booleans()):
        attributes["duration"] = {"amount": draw(amounts), "unit": draw(st.sampled_from(UNITS)), "tolerance": draw(amounts)}
    if draw(st.booleans()):
        attributes["score"] = [draw(st.integers(0, 20)), draw(st.integers(0, 20))]
    if draw(st.booleans()):
        attributes["counts"] = [{"unit": unit, "amounts": draw(st.lists(amounts, min_size=1, max_size=3))}
                                for unit in draw(st.lists(st.sampled_from(COUNT_UNITS), max_size=3, unique=True))]
    if attributes:
        event["attributes"] = attributes
    return event


@st.composite
def articles(draw, facts: dict) -> str:
    """A short article in the seed format about the fact base. Mostly it is about one of its
    events (its cues, participants, place, and a date near it), so that claims do link."""
    by_id = {e["id"]: e for e in facts["entities"]}
    names = [n for e in facts["entities"] for n in [e["name"], *e.get("aliases", [])]] or ["Nguyễn Văn An"]
    places = [e["name"] for e in facts["entities"] if e["type"] in ("place", "country")] or PLACES
    cues, article_days = CUES, [dt.date(2026, 1, 31), dt.date(2025, 11, 18)]
    if facts["events"] and draw(st.integers(0, 3)):
        focus = draw(st.sampled_from(facts["events"]))
        cues = focus["cues"]
        names = [n for i in focus.get("participants", []) for n in [by_id[i]["name"], *by_id[i].get("aliases", [])]] or names
        places = [by_id[focus["place"]]["name"]] if focus.get("place") else places
        first = focus.get("date") or focus.get("start")
        if first and dt.date(1900, 1, 1) < dt.date.fromisoformat(first) < dt.date(2100, 1, 1):
            article_days = [dt.date.fromisoformat(first) + dt.timedelta(days=d) for d in (0, 1, 20)]
    name, place, region = st.sampled_from(names), st.sampled_from(places), st.sampled_from(places + COUNTRIES)
    cue, title = st.sampled_from(cues), st.sampled_from(TITLES)
    number, day = st.integers(0, 99), st.integers(1, 31)
    article_day = draw(st.one_of(st.sampled_from(article_days), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))))
    templates = [
        lambda: f"{draw(title)} {draw(name)} {draw(cue)} {draw(title)} {draw(name)} tại {draw(place)} ngày {draw(day)}/{draw(st.integers(1, 12))}.",
        lambda: f"Sau khoảng {draw(number)} {draw(st.sampled_from(UNITS))} {draw(cue)} tại {draw(place)}, hai bên ra về.",
        lambda: f"Hai bộ trưởng {draw(cue)} trong {draw(number)} đến {draw(number)} {draw(st.sampled_from(UNITS))}.",
        lambda: f"Sau {draw(number)} {draw(st.sampled_from(COUNT_UNITS))} {draw(cue)} với {draw(name)}, hai ông kết thúc với tỷ số {draw(number)}-{draw(number)}.",
        lambda: f"Cuộc {draw(cue)} {draw(name)} đánh dấu sự trở lại của {draw(cue)} sau {draw(number)} năm gián đoạn.",
        lambda: f"{draw(name)} có mặt tại {draw(place)}, {draw(region)} hồi giữa tháng, cùng {draw(name)}.",
        lambda: f"Ông {draw(name)} {draw(cue)} bạn bè ở quê ngày {draw(day)}/{draw(st.integers(1, 12))} và chiều cùng ngày.",
        lambda: f"Ở {draw(cue)} với {draw(name)}, loạt đánh kết thúc sau {draw(number)} {draw(st.sampled_from(COUNT_UNITS))} qua lại.",
        lambda: f"{draw(cue).capitalize()} diễn ra từ ngày {draw(day)} đến {draw(day)}/{draw(st.integers(1, 12))}, với {draw(number)} người.",
    ]
    sentences = [draw(st.sampled_from(templates))() for _ in range(draw(st.integers(1, 6)))]
    return f" date {article_day.isoformat()} " + "\n".join(sentences) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_verify_properties_any_valid_fact_base_and_article_get_verdicts_without_errors(data):
    facts = data.draw(fact_bases(), label="facts")
    text = data.draw(articles(facts), label="article")
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "facts.yaml").write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
        _, problems = validate(Path(directory))
        assert [str(p) for p in problems if p.severity == "error"] == []  # the generator makes valid fact bases
        index = load_index(Path(directory))
    document = parse_document(text, "article.txt")
    claims = extract(document)
    for verifying_index in (index, pickle.loads(pickle.dumps(index.compact()))):
        checked = verify_claims(claims, verifying_index, document.date)
        assert [c.id for c in checked] == [c.id for c in claims]
        assert all(c.verdict is not None and c.reason for c in checked), [(c.kind, c.text, c.verdict, c.reason) for c in checked]
