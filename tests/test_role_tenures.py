"""Role verdicts from tenures the archive suggests: tenures of no body named, one-word names
the article itself resolves, and ladders within one body. Hand-made facts and claims, no model."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from factcheck.facts.index import FactIndex
from factcheck.facts.schema import Entity, FactBase, Source, Tenure
from factcheck.model.claims import Claim, ClaimKind, Value, Verdict
from factcheck.verify.registry import verify_claims

DAY = dt.date(2021, 4, 25)
SOURCE = Source(id="s", publisher="archive", title="t", document="d", accessed=DAY)


def index_of(*tenures: dict) -> FactIndex:
    people = {"p-duc": "Lê Huỳnh Đức", "p-duong": "Trần Tuấn Dương", "p-putin": "Vladimir Putin", "p-long": "Nguyễn Thanh Long",
              "p-zelensky": "Volodymyr Zelensky"}
    bodies = {"o-group": "Tập đoàn Hòa Phát", "o-steel": "Tổng Công ty Gang thép Hòa Phát", "o-health": "Bộ Y tế"}
    entities = [Entity(id=i, type="person", name=n, sources=["s"]) for i, n in people.items()]
    entities += [Entity(id=i, type="organization", name=n, sources=["s"]) for i, n in bodies.items()]
    entities.append(Entity(id="c-russia", type="country", name="Nga", sources=["s"]))
    base = FactBase(sources={"s": SOURCE}, entities={e.id: e for e in entities},
                    tenures=[Tenure(id=f"t{i}", start="2021-04-01", sources=["s"], **t) for i, t in enumerate(tenures)])
    return FactIndex.build(base)


def role(person: str, title: str, organization: str | None = None, line: int = 1) -> Claim:
    text = f"{title} {organization or ''} {person}".replace("  ", " ")
    return Claim(id=f"r{line}", kind=ClaimKind.role, text=text, start=0, end=len(text), line=line, sentence=text,
                 value=Value(person=person, title=title, organization=organization), rule="test")


def verdicts(index: FactIndex, *claims: Claim) -> list[Claim]:
    return verify_claims(list(claims), index, DAY)


COACH = {"person": "p-duc", "title": "HLV"}  # the archive's "HLV Lê Huỳnh Đức": no team named


def test_role_tenure_of_no_body_supports_a_claim_naming_none():
    [claim] = verdicts(index_of(COACH), role("Lê Huỳnh Đức", "HLV"))
    assert claim.verdict is Verdict.supported and claim.reason == "Lê Huỳnh Đức is HLV since 2021-04-01"
    assert claim.evidence[0].expected == {"title": "HLV", "organization": None}


def test_role_tenure_of_no_body_says_nothing_of_a_stated_body():
    [claim] = verdicts(index_of(COACH), role("Lê Huỳnh Đức", "HLV", "Bộ Y tế"))
    assert claim.verdict is Verdict.unverifiable


def test_role_tenure_with_a_body_supports_a_claim_naming_none_and_says_which():
    [claim] = verdicts(index_of({"person": "p-long", "title": "Bộ trưởng", "organization": "o-health"}), role("Nguyễn Thanh Long", "Bộ trưởng"))
    assert claim.verdict is Verdict.supported and claim.evidence[0].expected["organization"] == "Bộ Y tế"


@pytest.mark.parametrize("title, organization, verdict", [
    ("Chủ tịch", None, Verdict.contradicted),  # the archive's own conflict: one ladder, no body, two ranks
    ("Chủ tịch HĐQT", None, Verdict.unverifiable),  # other words of the title: perhaps another body
    ("Chủ tịch", "Bộ Y tế", Verdict.unverifiable),  # a body the tenure does not name
])
def test_role_tenure_of_no_body_is_a_rival_only_of_the_same_title_words(title, organization, verdict):
    [claim] = verdicts(index_of({"person": "p-duong", "title": "Phó Chủ tịch"}), role("Trần Tuấn Dương", title, organization))
    assert claim.verdict is verdict, claim.reason


@pytest.mark.parametrize("title, organization, verdict", [
    ("Chủ tịch HĐQT", "Tập đoàn Hòa Phát", Verdict.contradicted),  # another rung in the same body
    ("Chủ tịch", "Tổng Công ty Gang thép Hòa Phát", Verdict.unverifiable),  # the chair of a subsidiary: held too
    ("Chủ tịch", "Công ty Thép Hòa Phát Dung Quất", Verdict.unverifiable),  # a body the fact base does not know
    ("Chủ tịch HĐQT", None, Verdict.contradicted),  # no body stated: the ladder as before
])
def test_role_another_rung_contradicts_only_in_the_stated_body(title, organization, verdict):
    """Regression: "Ông Dương đồng thời là Chủ tịch kiêm Tổng Giám đốc Tổng Công ty Gang thép
    Hòa Phát" was contradicted by his tenure as vice-chair of the group's board."""
    index = index_of({"person": "p-duong", "title": "Phó Chủ tịch HĐQT", "organization": "o-group"})
    [claim] = verdicts(index, role("Trần Tuấn Dương", title, organization))
    assert claim.verdict is verdict, claim.reason


PUTIN = {"person": "p-putin", "title": "Tổng thống", "organization": "c-russia"}


def test_role_one_word_name_is_checked_as_the_full_name_its_article_states():
    full, short = verdicts(index_of(PUTIN), role("Vladimir Putin", "Tổng thống", "Nga", 1), role("Putin", "Tổng thống", line=4))
    assert full.verdict is short.verdict is Verdict.supported
    assert short.reason.startswith("'Putin' is Vladimir Putin, as this article names him or her; ")


def test_role_one_word_name_the_article_does_not_state_in_full_is_not_linked():
    [short] = verdicts(index_of(PUTIN), role("Putin", "Tổng thống"))
    assert short.verdict is Verdict.unverifiable and "no person named 'Putin'" in short.reason


def test_role_a_vietnamese_surname_alone_is_nobody():
    """Regression: "Thứ trưởng Y tế Nguyễn [Trường Sơn]", cut short by the rules, was taken
    for the minister Nguyễn Thanh Long named in the same article, and contradicted."""
    index = index_of({"person": "p-long", "title": "Bộ trưởng", "organization": "o-health"})
    _, short = verdicts(index, role("Nguyễn Thanh Long", "Bộ trưởng", "Bộ Y tế"), role("Nguyễn", "Thứ trưởng Y tế", line=6))
    assert short.verdict is Verdict.unverifiable


def test_role_an_exclusive_title_needs_its_body():
    with pytest.raises(ValidationError, match="exclusive title needs its organization"):
        Tenure(id="t", person="p", title="Thủ tướng", start="2021-01-01", exclusive=True, sources=["s"])


def test_role_titles_joined_by_kiem_agree_with_a_tenure_of_either():
    index = index_of({"person": "p-duong", "title": "Phó Chủ tịch", "organization": "o-group"})
    [claim] = verdicts(index, role("Trần Tuấn Dương", "Phó Chủ tịch kiêm Tổng giám đốc", "Tập đoàn Hòa Phát"))
    assert claim.verdict is Verdict.supported
    [claim] = verdicts(index, role("Trần Tuấn Dương", "Tổng giám đốc kiêm Chủ tịch", "Tập đoàn Hòa Phát"))
    assert claim.verdict is not Verdict.supported  # neither title is the tenure's


def test_role_a_second_romanization_of_a_foreign_name_is_no_misspelling():
    [claim] = verdicts(index_of({"person": "p-zelensky", "title": "Tổng thống"}), role("Volodymyr Zelenskiy", "Tổng thống"))
    assert claim.verdict is Verdict.supported
    index = index_of({"person": "p-putin", "title": "Tổng thống", "organization": "c-russia"})
    [claim] = verdicts(index, role("Vladimir Putiny", "Tổng thống", "Nga"))  # not a romanization: a misspelling
    assert claim.verdict is Verdict.contradicted and "name written" in claim.reason
