"""Verdicts on the seeds, and perturbations of them that must each be flagged with the right fact."""

import json

import pytest
from typer.testing import CliRunner

from factcheck.model.report import FailLevel, count_failing as findings
from factcheck.pipeline.check import check_document
from factcheck.facts.index import load_index
from factcheck.model.claims import ClaimKind, Verdict
from factcheck.text.readers import parse_document, read_document
from conftest import ROOT, SEEDS

TALKS = SEEDS / "004_1391055ce1fac54e.txt"
STATEMENT = SEEDS / "000_e04cf7e4d73d4c14.txt"


@pytest.fixture(scope="module")
def index():
    return load_index(ROOT / "claims")


def checked(index, text: str, name: str = "004.txt"):
    return check_document(parse_document(text, name), index)


def verdicts(report, kind):
    return [(c.text, c.verdict) for c in report.claims if c.kind is kind]


@pytest.fixture(scope="module")
def talks(index):
    return check_document(read_document(TALKS), index)


def test_check_yokosuka_tokyo_is_contradicted_and_inconsistent(talks):
    located = dict(verdicts(talks, ClaimKind.location))
    assert located["quận Yokosuka, Tokyo"] is Verdict.contradicted
    assert located["căn cứ Yokosuka (tỉnh Kanagawa)"] is Verdict.supported
    claim = next(c for c in talks.claims if c.text == "quận Yokosuka, Tokyo")
    assert claim.evidence[0].fact_id == "yokosuka-in-kanagawa" and claim.evidence[0].expected == {"region": "Kanagawa"}
    (inconsistency,) = [i for i in talks.inconsistencies if i.kind == "place_region"]
    assert "Kanagawa" in inconsistency.message and "Tokyo" in inconsistency.message


@pytest.mark.parametrize(
    "kind, text",
    [
        (ClaimKind.duration, "khoảng 55 phút"),
        (ClaimKind.score, "tỷ số hòa 2-2"),
        (ClaimKind.quantity, "bốn lượt"),
        (ClaimKind.quantity, "9 pha"),
        (ClaimKind.quantity, "16 pha"),
        (ClaimKind.gap, "SAREX sau 9 năm gián đoạn"),
        (ClaimKind.date, "ngày 30/1"),
        (ClaimKind.date, "ngày 15/1"),
        (ClaimKind.role, "Bộ trưởng Quốc phòng Hàn Quốc Ahn Gyu-back"),
        (ClaimKind.role, "Bộ trưởng Quốc phòng Nhật Bản Koizumi Shinjiro"),
        (ClaimKind.role, "Tổng thống Hàn Quốc Lee Jae-myung"),
        (ClaimKind.role, "Bộ trưởng Quốc phòng Mỹ Pete Hegseth"),
        (ClaimKind.role, "Thủ tướng Nhật Bản Sanae Takaichi"),
        (ClaimKind.role, "Bộ trưởng Koizumi"),
    ],
)
def test_check_true_seed_claims_are_supported(talks, kind, text):
    found = [v for t, v in verdicts(talks, kind) if t == text]
    assert found and all(v is Verdict.supported for v in found), verdicts(talks, kind)


def test_check_nothing_true_is_contradicted(index, talks):
    statement = check_document(read_document(STATEMENT), index)
    contradicted = [c.text for r in (talks, statement) for c in r.claims if c.verdict is Verdict.contradicted]
    assert contradicted == ["quận Yokosuka, Tokyo"]
    statement_roles = dict(verdicts(statement, ClaimKind.role))
    assert statement_roles["Chánh Văn phòng Nội các Nhật Bản Kihara Minoru"] is Verdict.supported
    assert statement_roles["Bộ trưởng Quốc phòng Hàn Quốc Ahn Gyu Back"] is Verdict.supported
    assert dict(verdicts(statement, ClaimKind.date))["ngày 17/11"] is Verdict.supported


PERTURBATIONS = [
    # (what, old, new, kind, fact id, expected)
    ("55 -> 65 minutes", "khoảng 55 phút", "khoảng 65 phút", ClaimKind.duration, "japan-korea-defense-talks-2026-01-30", {"amount": 55}),
    ("2-2 -> 3-1", "tỷ số hòa 2-2", "tỷ số 3-1", ClaimKind.score, "japan-korea-table-tennis-2026-01-30", {"scores": [2, 2]}),
    ("Kanagawa -> Okinawa", "(tỉnh Kanagawa)", "(tỉnh Okinawa)", ClaimKind.location, "yokosuka-in-kanagawa", {"region": "Kanagawa"}),
    ("Koizumi -> foreign minister", "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi", "Bộ trưởng Ngoại giao Nhật Bản Shinjiro Koizumi",
     ClaimKind.role, "koizumi-defense-minister", {"title": "Bộ trưởng Quốc phòng"}),
    ("9 -> 7 years", "sau 9 năm gián đoạn", "sau 7 năm gián đoạn", ClaimKind.gap, "sarex-resumption", {"amount": 9}),
    ("30/1 -> 3/1", "giao lưu bóng bàn ngày 30/1", "giao lưu bóng bàn ngày 3/1", ClaimKind.date, "japan-korea-table-tennis-2026-01-30", {"date": "2026-01-30"}),
    ("misspelled name", "Hàn Quốc Ahn Gyu-back và Bộ trưởng", "Hàn Quốc Ahn Gyu-bak và Bộ trưởng", ClaimKind.role, "ahn-gyu-back", {"person": "Ahn Gyu-back"}),
]


@pytest.mark.parametrize("what, old, new, kind, fact_id, expected", PERTURBATIONS, ids=[p[0] for p in PERTURBATIONS])
def test_check_perturbation_is_flagged_with_the_right_fact(index, what, old, new, kind, fact_id, expected):
    text = TALKS.read_text(encoding="utf-8")
    assert old in text
    report = checked(index, text.replace(old, new, 1))
    flagged = [c for c in report.claims if c.kind is kind and c.verdict is Verdict.contradicted and new.split()[-1].strip("()") in c.text + str(c.value)]
    assert flagged, [(c.text, c.verdict, c.reason) for c in report.claims if c.kind is kind]
    evidence = flagged[0].evidence[0]
    assert evidence.fact_id == fact_id
    assert expected.items() <= evidence.expected.items()


def test_check_misspelled_name_is_also_inconsistent_inside_the_article(index):
    text = TALKS.read_text(encoding="utf-8").replace("Hàn Quốc Ahn Gyu-back và Bộ trưởng", "Hàn Quốc Ahn Gyu-bak và Bộ trưởng", 1)
    report = checked(index, text)
    assert any(i.kind == "name_spelling" and "Ahn Gyu-bak" in i.message for i in report.inconsistencies)


def test_check_title_outside_tenure_is_outdated(index):
    report = checked(index, " date 2020-06-01 Bộ trưởng Môi trường Nhật Bản Shinjiro Koizumi phát biểu.\n")
    (role,) = [c for c in report.claims if c.kind is ClaimKind.role]
    assert role.verdict is Verdict.supported  # he was environment minister in 2020
    report = checked(index, " date 2024-06-01 Bộ trưởng Môi trường Nhật Bản Shinjiro Koizumi phát biểu.\n")
    (role,) = [c for c in report.claims if c.kind is ClaimKind.role]
    assert role.verdict is Verdict.contradicted and role.evidence[0].note == "outdated"


def test_check_score_that_does_not_add_up_is_inconsistent(index):
    report = checked(index, " date 2026-01-31 Sau bốn lượt giao lưu ngắn, hai bộ trưởng kết thúc với tỷ số 3-2.\n")
    assert [i.kind for i in report.inconsistencies] == ["score_rounds"]


def test_check_inconsistency_needs_no_fact_base(tmp_path):
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    report = check_document(read_document(TALKS), load_index(tmp_path))
    assert all(c.verdict is Verdict.unverifiable for c in report.claims)
    assert [i.kind for i in report.inconsistencies] == ["place_region"]


def test_check_ambiguous_link_is_not_guessed(index, tmp_path):
    import shutil

    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    extra = "\n  - {id: other-ahn, type: person, name: Ahn Cheol-soo, aliases: [Ahn], sources: [mnd-korea-minister]}\n"
    people = tmp_path / "claims" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("\ntenures:", extra + "\ntenures:"), encoding="utf-8")
    from factcheck.facts.load import load_fact_base
    from factcheck.facts.index import FactIndex

    base, _ = load_fact_base(tmp_path / "claims")
    document = read_document(TALKS)
    unnamed = document.model_copy(update={"text": document.text.replace("Ahn Gyu-back", "Ahn")})  # never the full name
    report = check_document(unnamed, FactIndex.build(base))
    short = [c for c in report.claims if c.kind is ClaimKind.role and c.text == "Bộ trưởng Ahn"]
    assert short and all(c.verdict is Verdict.ambiguous for c in short)
    # The article itself names Ahn Gyu-back: its "Bộ trưởng Ahn" is he, whoever else the fact base calls Ahn.
    report = check_document(document, FactIndex.build(base))
    short = [c for c in report.claims if c.kind is ClaimKind.role and c.text == "Bộ trưởng Ahn"]
    assert short and all(c.verdict is Verdict.supported and c.reason.startswith("'Ahn' is Ahn Gyu-back") for c in short)


def test_check_fail_levels(talks):
    assert findings([talks], FailLevel.contradicted) == 1
    assert findings([talks], FailLevel.inconsistent) == 2
    assert findings([talks], FailLevel.unverifiable) > 2
    assert findings([talks], FailLevel.never) == 0


runner = CliRunner()


def test_check_cli_json_sarif_and_exit_codes():
    result = runner.invoke(app_(), ["check", "--no-nlp", "-f", "json", str(TALKS)])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    claim = next(c for c in payload["documents"][0]["claims"] if c["text"] == "quận Yokosuka, Tokyo")
    assert claim["verdict"] == "contradicted" and claim["evidence"][0]["fact_id"] == "yokosuka-in-kanagawa"
    assert payload["documents"][0]["inconsistencies"][0]["kind"] == "place_region"
    sarif = json.loads(runner.invoke(app_(), ["check", "--no-nlp", "-f", "sarif", str(TALKS)]).stdout)
    assert sarif["version"] == "2.1.0" and any(r["ruleId"] == "FC001" for r in sarif["runs"][0]["results"])
    assert runner.invoke(app_(), ["check", "--no-nlp", "--fail-on", "never", str(TALKS)]).exit_code == 0
    assert runner.invoke(app_(), ["check", "--no-nlp", "--fail-on", "sometimes", str(TALKS)]).exit_code == 2
    text = runner.invoke(app_(), ["check", "--no-nlp", str(TALKS)]).output
    assert "CONTRADICTED" in text and "004_1391055ce1fac54e.txt:35:" in text and "expected: region=Kanagawa" in text


def test_check_cli_broken_fact_base_exits_2(tmp_path):
    (tmp_path / "bad.yaml").write_text("entities: [\n", encoding="utf-8")
    result = runner.invoke(app_(), ["check", "--no-nlp", "--facts", str(tmp_path), str(TALKS)])
    assert result.exit_code == 2 and "broken YAML" in result.output and "Traceback" not in result.output


def app_():
    from factcheck.cli.main import app

    return app
