"""The archive as evidence (issue 13): small archives built from hand-made claims, no model."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.archive import build
from factcheck.archive.conflicts import find_conflicts
from factcheck.archive.lookup import Archive
from factcheck.archive.store import connect, info
from factcheck.archive.suggest import suggest, to_yaml
from factcheck.cli.main import app
from factcheck.model.claims import Claim, ClaimKind, Value
from factcheck.model.document import Document
from factcheck.model.report import DocumentReport, FailLevel

from conftest import DANTRI_DIR, ROOT, require

runner = CliRunner()


def role(person: str, title: str, organization: str | None = None, line: int = 1) -> Claim:
    text = f"{title} {organization or ''} {person}".replace("  ", " ")
    return Claim(id=f"r{line}{abs(hash(text)) % 10**6}", kind=ClaimKind.role, text=text, start=0, end=len(text), line=line, sentence=text,
                 value=Value(person=person, title=title, organization=organization), rule="test")


def score(text: str, a: int, b: int, line: int = 1) -> Claim:
    return Claim(id=f"s{line}{a}{b}", kind=ClaimKind.score, text=f"{a}-{b}", start=0, end=3, line=line, sentence=text,
                 value=Value(scores=[a, b]), rule="test")


def place(name: str, region: str, line: int = 1, place_type: str | None = "huyện") -> Claim:
    text = f"{place_type} {name}, {region}"
    return Claim(id=f"p{line}{abs(hash(text)) % 10**6}", kind=ClaimKind.location, text=text, start=0, end=len(text), line=line, sentence=text,
                 value=Value(place=name, region=region, place_type=place_type), rule="test")


def doc(key: str, day: str) -> Document:
    return Document(text=f"text of {key}", date=dt.date.fromisoformat(day), source=f"/archive/{key}.txt", key=key, url=f"https://example.vn/{key}")


def archive_of(tmp_path: Path, articles: list[tuple[Document, list[Claim]]]) -> Path:
    db = tmp_path / "archive.sqlite"
    connection = connect(db, create=True)
    build.add(connection, articles)
    connection.close()
    return db


MINISTER = "Nguyễn Thanh Long"


def ministry_month() -> list[tuple[Document, list[Claim]]]:
    """Five articles in April call him Bộ trưởng Bộ Y tế; one in the same month Thứ trưởng."""
    found = [(doc(f"a{i}", f"2021-04-{i + 10:02d}"), [role(MINISTER, "Bộ trưởng", "Bộ Y tế", line=3)]) for i in range(5)]
    found.append((doc("odd", "2021-04-12"), [role(MINISTER, "Thứ trưởng", "Bộ Y tế", line=7)]))
    return found


def test_archive_role_conflict_names_majority_and_minority(tmp_path):
    db = archive_of(tmp_path, ministry_month())
    [conflict] = find_conflicts(connect(db))
    assert conflict.kind == "role" and conflict.subject == MINISTER and not conflict.tie
    assert (conflict.majority.value, conflict.majority.articles) == ("Bộ trưởng (Bộ Y tế)", 5)
    assert [(s.value, s.articles) for s in conflict.minority] == [("Thứ trưởng (Bộ Y tế)", 1)]
    assert conflict.minority[0].witnesses[0].where == "/archive/odd.txt:7" and conflict.lopsided == 5


def test_archive_promotion_explained_by_dates_is_not_a_conflict(tmp_path):
    earlier = [(doc(f"v{i}", f"2021-04-0{i + 1}"), [role(MINISTER, "Thứ trưởng", "Bộ Y tế")]) for i in range(3)]
    later = [(doc(f"m{i}", f"2021-04-1{i + 1}"), [role(MINISTER, "Bộ trưởng", "Bộ Y tế")]) for i in range(3)]
    assert find_conflicts(connect(archive_of(tmp_path, earlier + later))) == []


@pytest.mark.parametrize("other", ["Giám đốc", "Bí thư"])
def test_archive_titles_of_other_ladders_or_bodies_do_not_conflict(tmp_path, other):
    articles = ministry_month()[:5] + [(doc("x", "2021-04-12"), [role(MINISTER, other, "Bộ Y tế")])]
    articles.append((doc("y", "2021-04-13"), [role(MINISTER, "Thứ trưởng", "Bộ Tài chính")]))
    assert find_conflicts(connect(archive_of(tmp_path, articles))) == []


def test_archive_tie_is_said_to_be_a_tie(tmp_path):
    articles = [(doc("a", "2021-04-10"), [score("Barcelona thắng Granada 2-1", 2, 1)]),
                (doc("b", "2021-04-11"), [score("Barcelona thắng Granada 3-1", 3, 1)])]
    [conflict] = find_conflicts(connect(archive_of(tmp_path, articles)))
    assert conflict.kind == "score" and conflict.tie and conflict.subject == "Barcelona – Granada"


def test_archive_an_article_contradicting_itself_is_not_an_archive_conflict(tmp_path):
    articles = [(doc("a", "2021-04-10"), [role(MINISTER, "Bộ trưởng", "Bộ Y tế", 1), role(MINISTER, "Thứ trưởng", "Bộ Y tế", 2)]),
                (doc("b", "2021-04-11"), [role(MINISTER, "Bộ trưởng", "Bộ Y tế")])]
    assert find_conflicts(connect(archive_of(tmp_path, articles))) == []


def test_archive_check_disputes_the_minority_and_corroborates_the_majority(tmp_path):
    archive = Archive(archive_of(tmp_path, ministry_month()))
    new = doc("new", "2021-04-20")
    corroborations, disputes = archive.evidence(new, [role(MINISTER, "Thứ trưởng", "Bộ Y tế", line=4)])
    [dispute] = disputes
    assert dispute.majority.articles == 5 and dispute.stated.articles == 2 and not dispute.tie and dispute.line == 4
    assert "5 article(s)" in dispute.message and dispute.majority.witnesses[0].where.startswith("/archive/a")
    corroborations, disputes = archive.evidence(new, [role(MINISTER, "Bộ trưởng", "Bộ Y tế")])
    assert disputes == [] and corroborations[0].articles == 5
    assert (corroborations[0].first, corroborations[0].last) == ("2021-04-10", "2021-04-14")


def test_archive_an_article_is_never_evidence_about_itself(tmp_path):
    articles = ministry_month()
    archive = Archive(archive_of(tmp_path, articles))
    odd, claims = articles[-1]
    _, disputes = archive.evidence(odd, claims)
    assert disputes[0].stated.articles == 1  # itself, once: its archived copy is not a second vote
    first, claims = articles[4]  # the latest of the five: the four earlier ones corroborate it
    corroborations, _ = archive.evidence(first, claims)
    assert corroborations[0].articles == 4 and all(w.document != "a4" for w in corroborations[0].witnesses)
    same_content = first.model_copy(update={"key": "renamed", "source": "/elsewhere/x.txt"})
    assert archive.evidence(same_content, claims)[0][0].articles == 4


def test_archive_dispute_is_a_finding_with_its_own_fail_level_and_fingerprint(tmp_path):
    from factcheck.facts.index import FactIndex
    from factcheck.facts.schema import FactBase
    from factcheck.pipeline.check import check_document

    archive = Archive(archive_of(tmp_path, ministry_month()))
    report = check_document(doc("new", "2021-04-20"), FactIndex.build(FactBase()), None, [role(MINISTER, "Thứ trưởng", "Bộ Y tế")], archive)
    assert isinstance(report, DocumentReport) and len(report.disputes) == 1
    fingerprint = report.disputes[0].fingerprint
    assert fingerprint and any(f.fingerprint == fingerprint and f.verdict == "disputed" for f in report.findings())
    assert report.failing(FailLevel.contradicted) == 0
    assert report.failing(FailLevel.disputed) == 1 and report.failing(FailLevel.inconsistent) >= 1
    again = check_document(doc("new", "2021-04-20"), FactIndex.build(FactBase()), None, [role(MINISTER, "Thứ trưởng", "Bộ Y tế")], archive)
    assert again.disputes[0].fingerprint == fingerprint


def test_archive_place_in_two_regions_conflicts_without_packs(tmp_path):
    articles = [(doc(f"a{i}", f"2021-04-1{i}"), [place("Phù Cừ", "Hưng Yên")]) for i in range(3)]
    articles.append((doc("b", "2021-04-20"), [place("Phù Cừ", "tỉnh Hà Nam")]))
    articles.append((doc("c", "2021-04-21"), [place("Phù Cừ", "Hưng Yên tỉnh")]))  # one region written two ways
    [conflict] = find_conflicts(connect(archive_of(tmp_path, articles)))
    assert conflict.majority.articles == 3 and conflict.minority[0].articles == 1


def test_archive_rebuild_analyses_only_new_or_changed_articles(tmp_path):
    db = archive_of(tmp_path, ministry_month())
    connection = connect(db)
    stats = build.BuildStats()
    documents = [d for d, _ in ministry_month()] + [doc("fresh", "2021-04-25")]
    documents[0] = documents[0].model_copy(update={"text": "edited"})
    assert [d.key for d in build.pending(connection, documents, stats)] == ["a0", "fresh"]
    build.add(connection, [(documents[0], [role(MINISTER, "Bộ trưởng", "Bộ Y tế")])], stats)
    assert stats.unchanged == 5 and stats.replaced == 1 and info(connection)["articles"] == 6


def test_archive_suggested_tenures_are_accepted_into_the_fact_base(tmp_path):
    db = archive_of(tmp_path, ministry_month()[:5])
    [tenure] = [s for s in suggest(connect(db)) if s.kind == "tenure"]
    assert tenure.fact["title"] == "Bộ trưởng" and tenure.articles == 5 and tenure.fact["start"] == "2021-04-10"
    assert tenure.sources[0]["url"].startswith("https://example.vn/")
    facts = tmp_path / "claims"
    facts.mkdir()
    (facts / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    file = tmp_path / "suggested.yaml"
    file.write_text(to_yaml(suggest(connect(db))), encoding="utf-8")
    result = runner.invoke(app, ["facts", "accept", str(file), "--facts", str(facts)])
    assert result.exit_code == 0, result.output
    assert "Bộ trưởng" in (facts / "reviewed.yaml").read_text(encoding="utf-8")
    again = runner.invoke(app, ["facts", "accept", str(file), "--facts", str(facts)])
    assert again.exit_code == 0 and "nothing new" in again.output


def test_archive_suggests_a_tenure_of_no_body_when_no_article_names_one(tmp_path):
    """"HLV Lê Huỳnh Đức" in three articles, never with his team: a tenure of the title alone,
    accepted into the fact base, that supports the claims and none naming a body."""
    from factcheck.facts.index import load_index
    from factcheck.verify.registry import verify_claims

    articles = [(doc(f"c{i}", f"2021-04-{i + 18:02d}"), [role("Lê Huỳnh Đức", "HLV")]) for i in range(3)]
    [tenure] = [s for s in suggest(connect(archive_of(tmp_path, articles))) if s.kind == "tenure"]
    assert "organization" not in tenure.fact and tenure.fact["title"] == "HLV" and tenure.fact["start"] == "2021-04-18"
    facts = tmp_path / "claims"
    facts.mkdir()
    file = tmp_path / "suggested.yaml"
    file.write_text(to_yaml([tenure]), encoding="utf-8")
    assert runner.invoke(app, ["facts", "accept", str(file), "--facts", str(facts)]).exit_code == 0
    index = load_index(facts)
    day = dt.date(2021, 4, 25)
    no_body, a_body = verify_claims([role("Lê Huỳnh Đức", "HLV"), role("Lê Huỳnh Đức", "HLV", "Bộ Y tế", line=2)], index, day)
    assert (no_body.verdict.value, a_body.verdict.value) == ("supported", "unverifiable")


@pytest.mark.parametrize("name", ["Hòa Phát", "Vĩnh Châu"])
def test_archive_suggests_no_tenure_for_a_body_or_place_taken_for_a_person(tmp_path, name):
    """"Chủ tịch Hòa Phát" (the chairman of the group) is no person named Hòa Phát: the archive
    names the body "HĐQT Tập đoàn Hòa Phát"; "Vĩnh Châu" is a town the fact base knows."""
    from factcheck.facts.index import FactIndex
    from factcheck.facts.schema import Entity, FactBase, Source

    source = Source(id="s", publisher="p", title="t", document="d", accessed="2021-04-01")
    town = Entity(id="vinh-chau", type="place", name="Vĩnh Châu", sources=["s"])
    index = FactIndex.build(FactBase(sources={"s": source}, entities={town.id: town}))
    articles = [(doc(f"h{i}", f"2021-04-{i + 18:02d}"), [role(name, "Chủ tịch"), role("Trần Đình Long", "Chủ tịch HĐQT", "Tập đoàn Hòa Phát", 2)])
                for i in range(3)]
    people = {s.fact["person"] for s in suggest(connect(archive_of(tmp_path, articles)), index) if s.kind == "tenure"}
    assert people == {"p-tran-dinh-long"}


@pytest.mark.parametrize("spellings, aliases", [
    (["Hansi Flick", "Hans Flick"], 1),  # one article each: no majority says which is right
    (["Ronald Koeman", "Ronald Koeman", "Ronaldo Koeman"], 0),  # fewer articles: a misspelling, left to the verifier
    (["Nguyễn Xuân Toàn", "Nguyễn Xuân Hoàn"], 0),  # one person to the archive, two to the verifier
])
def test_archive_suggested_person_has_the_spellings_as_many_articles_use(tmp_path, spellings, aliases):
    articles = [(doc(f"s{i}", f"2021-04-{i + 18:02d}"), [role(name, "HLV")]) for i, name in enumerate(spellings)]
    db = archive_of(tmp_path, articles)
    people = {s["id"]: s for t in suggest(connect(db)) for s in t.entities if s["type"] == "person"}
    assert len(people) == 1 or aliases == 0
    assert sum(len(p.get("aliases", [])) for p in people.values()) == aliases


def test_archive_accept_restores_the_fact_file_when_a_fact_breaks_it(tmp_path):
    facts = tmp_path / "claims"
    facts.mkdir()
    (facts / "reviewed.yaml").write_text("# kept\nsources: []\n", encoding="utf-8")
    file = tmp_path / "bad.yaml"
    file.write_text("tenures:\n  - {id: t1, person: nobody, title: Bộ trưởng, organization: none, start: 2021-01-01, sources: [missing]}\n", encoding="utf-8")
    result = runner.invoke(app, ["facts", "accept", str(file), "--facts", str(facts)])
    assert result.exit_code == 2 and "nothing was written" in result.output
    assert (facts / "reviewed.yaml").read_text(encoding="utf-8") == "# kept\nsources: []\n"


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_archive_cli_info_and_conflicts(tmp_path, fmt):
    db = archive_of(tmp_path, ministry_month())
    result = runner.invoke(app, ["archive", "info", str(db)])
    assert result.exit_code == 0 and "6 article(s)" in result.output and "6 role" in result.output
    result = runner.invoke(app, ["archive", "conflicts", str(db), "-f", fmt, "--facts", str(ROOT / "claims")])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        [conflict] = json.loads(result.output)["conflicts"]
        assert conflict["majority"]["articles"] == 5
    else:
        assert "Thứ trưởng" in result.output and "/archive/odd.txt:7" in result.output


def test_archive_cli_missing_archive_is_one_line_exit_2(tmp_path):
    result = runner.invoke(app, ["archive", "info", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2 and "no archive there" in result.output


def _bench():
    spec = importlib.util.spec_from_file_location("bench_archive", ROOT / "bench" / "archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_archive_planted_conflicts_in_shared_articles_are_found(tmp_path):
    """Six planted errors (titles one rank off) in copies of world articles, checked against
    an archive of the originals (rules only, no Stanza, to stay fast)."""
    folder = require(DANTRI_DIR, "Dân trí articles")
    from factcheck.pipeline import run

    articles = tmp_path / "articles"
    articles.mkdir()
    for path in sorted(folder.glob("news_world_*.txt")):
        shutil.copy(path, articles / path.name)
    options = run.Options(nlp=False, cache=None)
    db = tmp_path / "archive.sqlite"
    connection = connect(db, create=True)
    build.add(connection, run.analyze(run.read([articles], options), options))
    bench = _bench()
    picks = [p for p in bench.plant(db) if p["kind"] == "role"][:6]
    assert len(picks) >= 5
    folder = tmp_path / "out"
    index = run.load_facts(ROOT / "claims", options)
    results = bench.planted_run(db, picks, folder, None, index, nlp=False)
    found = [r for r in results if r["found"]]
    assert len(found) >= len(results) - 1, [r["why"] for r in results if not r["found"]]
    assert all(r["against"] for r in found)
