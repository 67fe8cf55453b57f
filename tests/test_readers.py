import datetime as dt

import pytest

from factcheck.model.errors import InputError
from factcheck.text.readers import decode, parse_document, read_document
from conftest import SEEDS


def test_readers_seed_format_date_and_first_paragraph():
    text = " date 2026-01-31 Đoạn đầu tiên.\n\nĐoạn thứ hai.\n"
    document = parse_document(text, "a.txt")
    assert document.format == "seed"
    assert document.date == dt.date(2026, 1, 31)
    assert [document.slice(p) for p in document.paragraphs] == ["Đoạn đầu tiên.", "Đoạn thứ hai."]
    assert document.line_col(document.paragraphs[1].start) == (3, 1)


@pytest.mark.parametrize("name", ["000_e04cf7e4d73d4c14.txt", "004_1391055ce1fac54e.txt"])
def test_readers_reads_both_seeds(name):
    document = read_document(SEEDS / name)
    assert document.format == "seed"
    assert document.date is not None
    assert not document.slice(document.paragraphs[0]).startswith("date")
    assert len(document.paragraphs) >= 10


def test_readers_dantri_header_is_not_text():
    text = "# doc_id = news_world_015\n# url = https://dantri.com.vn/x.htm\n# date = 20201101\nTiêu đề\nCâu một.\n"
    document = parse_document(text, "news_world_015.txt")
    assert document.format == "dantri"
    assert document.date == dt.date(2020, 11, 1)
    assert [document.slice(p) for p in document.paragraphs] == ["Tiêu đề", "Câu một."]
    assert document.line_col(document.paragraphs[0].start) == (4, 1)


def test_readers_markdown_front_matter_date():
    text = "---\ntitle: Bài\ndate: 2025-11-18\n---\n# Tiêu đề\n\nĐoạn một\ncòn tiếp.\n\nĐoạn hai.\n"
    document = parse_document(text, "a.md")
    assert document.format == "markdown"
    assert document.date == dt.date(2025, 11, 18)
    assert [document.slice(p) for p in document.paragraphs] == ["Tiêu đề", "Đoạn một\ncòn tiếp.", "Đoạn hai."]


def test_readers_plain_text_takes_date_option():
    document = parse_document("Ngày 30/1, hai bên hội đàm.\n", "a.txt", date=dt.date(2026, 1, 31))
    assert document.format == "text"
    assert document.date == dt.date(2026, 1, 31)


def test_readers_plain_text_without_date_is_allowed():
    assert parse_document("Một câu.\n", "a.txt").date is None


@pytest.mark.parametrize(
    "text, message",
    [("", "empty"), ("   \n\n", "empty"), (" date 2026-13-45 Văn bản.", "not a date"), ("# doc_id = x\n# date = 2020\n", "not a date")],
)
def test_readers_bad_input_is_a_clear_error(text, message):
    with pytest.raises(InputError, match=message):
        parse_document(text, "bad.txt")


def test_readers_unknown_format_lists_the_valid_ones():
    with pytest.raises(InputError, match="seed, dantri"):
        parse_document("Văn bản.", "a.txt", fmt="docx")


def test_readers_non_utf8_names_line_and_column():
    data = "Dòng một\nHà Nội".encode("utf-8") + b"\n\xe0 cp1258\n"
    with pytest.raises(InputError) as caught:
        decode(data, "bad.txt")
    assert caught.value.line == 3 and caught.value.column == 1
    assert "bad.txt:3:1" in str(caught.value)


def test_readers_bom_and_crlf_are_accepted():
    assert decode(b"\xef\xbb\xbfA\r\nB", "x") == "\ufeffA\r\nB"


@pytest.mark.parametrize("prefix, newline", [("", "\r\n"), ("\ufeff", "\n"), ("\ufeff", "\r\n"), ("", "\r")])
def test_readers_offsets_point_into_the_raw_file_with_bom_and_crlf(tmp_path, prefix, newline):
    """Regression: offsets were into a copy without the BOM and with CRLF made LF."""
    from factcheck.extract.engine import extract

    text = prefix + newline.join([" date 2026-01-31 Hôm qua có 5 người bị thương.", "Ngày 30/1, 3 xe hư hỏng.", "Tỷ số hòa 2-2."]) + newline
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    document = read_document(path)
    raw = path.read_bytes().decode("utf-8")
    claims = extract(document)
    assert len(claims) >= 4
    for claim in claims:
        assert raw[claim.start:claim.end] == claim.text
        line_start = max(raw.rfind("\n", 0, claim.start), raw.rfind("\r", 0, claim.start)) + 1
        assert claim.column == claim.start - line_start + 1
    assert [c.line for c in claims if c.text == "2-2" or c.text.endswith("2-2")] == [3]


def test_readers_broken_front_matter_names_the_line():
    with pytest.raises(InputError, match="front matter") as caught:
        parse_document("---\ndate: [2025\n---\nĐoạn.\n", "a.md")
    assert caught.value.line is not None
