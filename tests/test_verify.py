"""The verifiers behind the registry, with claims and fact bases built by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ROOT

from factcheck.model.claims import Claim, ClaimKind, Value, Verdict
from factcheck.verify import registry
from factcheck.verify.registry import verify_claims

DAY = dt.date(2026, 1, 31)


@pytest.fixture(scope="module")
def index():
    from factcheck.facts.index import load_index

    return load_index(ROOT / "claims")


def claim(kind: ClaimKind, text: str, sentence: str, subject: str | None = None, **value) -> Claim:
    start = sentence.index(text) if text in sentence else 0
    return Claim(id=f"{kind.value}-{start}", kind=kind, text=text, start=start, end=start + len(text), sentence=sentence,
                 value=Value(**value), subject=subject, rule="test")


@pytest.mark.parametrize("kind", list(ClaimKind))
def test_verify_every_claim_kind_has_a_verifier(kind):
    assert kind in registry.registered()


def test_verify_unregistered_kind_is_unverifiable_not_a_key_error(index, monkeypatch):
    verifiers = dict(registry.registered())
    del verifiers[ClaimKind.gap]
    monkeypatch.setattr(registry, "VERIFIERS", verifiers)
    gap = claim(ClaimKind.gap, "SAREX sau 9 năm gián đoạn", "Diễn tập SAREX sau 9 năm gián đoạn.", amount=9, unit="year", event="SAREX")
    (checked,) = verify_claims([gap], index, DAY)
    assert checked.verdict is Verdict.unverifiable
    assert "no verifier is registered for gap claims" in checked.reason


@pytest.mark.parametrize("kind, value", [(ClaimKind.percent, {"amount": 4.25}), (ClaimKind.money, {"amount": 10, "currency": "VND"})])
def test_verify_percent_and_money_say_no_fact_kind_covers_them(index, kind, value):
    (checked,) = verify_claims([claim(kind, "4,25%", "Lãi suất 4,25%.", **value)], index, DAY)
    assert checked.verdict is Verdict.unverifiable and f"covers {kind.value} claims" in checked.reason


def test_verify_registering_a_second_verifier_for_a_kind_is_refused():
    with pytest.raises(ValueError, match="already have a verifier"):
        registry.verifies(ClaimKind.role)(lambda claim, article: claim)


def check_text(index, text: str):
    from factcheck.pipeline.check import check_document
    from factcheck.text.readers import parse_document

    return check_document(parse_document(f" date 2026-01-31 {text}\n", "article.txt"), index)


@pytest.mark.parametrize(
    "text, kind, verdict",
    [
        # "gặp" is a cue of the Koizumi-Hegseth meeting (2026-01-15), but nothing else agrees
        ("Ông Nguyễn Văn An gặp bạn bè ở quê ngày 20/1.", ClaimKind.date, Verdict.unverifiable),
        # a country around the event's place is not its place: too many things happen "tại Mỹ"
        ("Ông Nguyễn Văn An gặp bạn bè tại Mỹ ngày 20/1.", ClaimKind.date, Verdict.unverifiable),
        # a participant named in the sentence, by a role claim or by name alone
        ("Bộ trưởng Koizumi gặp bạn bè ở quê ngày 20/1.", ClaimKind.date, Verdict.contradicted),
        ("Ông Hegseth gặp bạn bè ở quê ngày 20/1.", ClaimKind.date, Verdict.contradicted),
        # ... or elsewhere in the article
        ("Bộ trưởng Hegseth phát biểu.\nHai người gặp nhau ngày 20/1.", ClaimKind.date, Verdict.contradicted),
        # the event's place
        ("Ông Nguyễn Văn An gặp bạn bè ở Washington ngày 20/1.", ClaimKind.date, Verdict.contradicted),
        # the claim's own subject names the event ("70 phút hội đàm"); without it, cue only
        ("Sau 70 phút hội đàm, hai bên ra về.", ClaimKind.duration, Verdict.contradicted),
        ("Hai bên hội đàm trong 70 phút.", ClaimKind.duration, Verdict.unverifiable),
    ],
)
def test_verify_event_needs_an_anchor_besides_cue_and_date(index, text, kind, verdict):
    claims = [c for c in check_text(index, text).claims if c.kind is kind]
    assert claims and all(c.verdict is verdict for c in claims), [(c.text, c.verdict, c.reason) for c in claims]


def test_verify_duration_unit_in_vietnamese_does_not_crash(tmp_path):
    import shutil

    from factcheck.facts.index import load_index

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    events = facts / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("{amount: 55, unit: minute", "{amount: 55, unit: phút"), encoding="utf-8")
    report = check_text(load_index(facts), "Sau khoảng 55 phút hội đàm tại căn cứ Yokosuka, hai bộ trưởng ra về.")
    (duration,) = [c for c in report.claims if c.kind is ClaimKind.duration]
    assert duration.verdict is Verdict.supported, duration.reason
    assert duration.evidence[0].expected["unit"] == "minute"


@pytest.mark.parametrize(
    "stated, verdict",
    [
        ("1,5 km", Verdict.supported),  # the fact's 1.500 m in another unit
        ("1.500 m", Verdict.supported),  # the fact's own unit
        ("2 km", Verdict.contradicted),
        ("1,5 kg", Verdict.unverifiable),  # a weight is no distance: no count of the event covers it
    ],
)
def test_verify_quantity_compares_canonical_amounts_across_units(tmp_path, stated, verdict):
    import shutil

    from factcheck.facts.index import load_index

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    events = facts / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("        - {unit: ván, amounts: [4]}\n", "        - {unit: ván, amounts: [4]}\n        - {unit: m, amounts: [1500], note: the walk after the match}\n"),
                      encoding="utf-8")
    assert events.read_text(encoding="utf-8") != text
    report = check_text(load_index(facts), f"Bộ trưởng Koizumi và Bộ trưởng Ahn giao lưu bóng bàn, rồi đi bộ {stated}.")
    (quantity,) = [c for c in report.claims if c.kind is ClaimKind.quantity and c.text == stated]
    assert quantity.verdict is verdict, quantity.reason


TALKS = "Sau {} hội đàm tại căn cứ Yokosuka, hai bộ trưởng ra về."
TENNIS = "Bộ trưởng Koizumi và Bộ trưởng Ahn giao lưu bóng bàn, kết thúc với {}."
MEETING = "Bộ trưởng Koizumi gặp Bộ trưởng Hegseth tại Washington {}."


@pytest.mark.parametrize(
    "kind, sentence, text, value, verdict",
    [
        # a range with one end only: compared as that one number
        (ClaimKind.duration, TALKS, "55 phút", {"min": 55, "unit": "minute"}, Verdict.supported),
        (ClaimKind.duration, TALKS, "50 phút", {"max": 50, "unit": "minute"}, Verdict.contradicted),
        # a unit no time unit names, or none at all
        (ClaimKind.duration, TALKS, "55 lần", {"amount": 55, "unit": "lần"}, Verdict.unverifiable),
        (ClaimKind.duration, TALKS, "55", {"amount": 55}, Verdict.supported),
        (ClaimKind.duration, TALKS, "một lúc", {"unit": "minute"}, Verdict.unverifiable),
        # a score of one side, or none
        (ClaimKind.score, TENNIS, "tỷ số 3", {"scores": [3]}, Verdict.unverifiable),
        (ClaimKind.score, TENNIS, "tỷ số", {}, Verdict.unverifiable),
        # a date that is not one, a span given backwards
        (ClaimKind.date, MEETING, "ngày 45/13", {"date": "2026-13-45"}, Verdict.unverifiable),
        (ClaimKind.date, MEETING, "từ 16 đến 14/1", {"start": "2026-01-16", "end": "2026-01-14"}, Verdict.supported),
        (ClaimKind.event, MEETING, "gặp", {"event": "gặp", "start": "2026-01-xx"}, Verdict.supported),
        # a gap with no number
        (ClaimKind.gap, "Diễn tập SAREX trở lại sau nhiều năm gián đoạn.", "SAREX sau nhiều năm", {"event": "SAREX", "unit": "year"}, Verdict.unverifiable),
    ],
)
def test_verify_odd_claim_values_do_not_crash(index, kind, sentence, text, value, verdict):
    sentence = sentence.format(text) if "{}" in sentence else sentence
    (checked,) = verify_claims([claim(kind, text, sentence, subject="hội đàm" if sentence.startswith("Sau") else None, **value)], index, DAY)
    assert checked.verdict is verdict, checked.reason


@pytest.mark.parametrize(
    "old, new, exit_code",
    [
        ("{amount: 55, unit: minute", "{amount: 55, unit: phút", 1),  # valid: checked as before (one contradicted claim)
        ("score: [2, 2]", "score: [2]", 2),  # invalid: the check stops and says where
        ("{unit: ván, amounts: [4]}", "{unit: ván, amounts: []}", 2),
    ],
)
def test_verify_fact_base_that_once_crashed_check_is_checked_or_refused_with_its_line(tmp_path, old, new, exit_code):
    import shutil

    from typer.testing import CliRunner

    from factcheck.cli.main import app

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    events = facts / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--no-nlp", "--facts", str(facts), str(ROOT / "seeds" / "004_1391055ce1fac54e.txt")])
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    if exit_code == 2:
        assert f"{events}:" in result.output and "F002" in result.output


def test_verify_event_found_by_cue_alone_is_named_in_the_reason(index):
    (date,) = [c for c in check_text(index, "Ông Nguyễn Văn An gặp bạn bè ở quê ngày 20/1.").claims if c.kind is ClaimKind.date]
    assert date.verdict is Verdict.unverifiable
    assert "Hegseth tại Washington" in date.reason and "no participant, place or subject" in date.reason
