import unicodedata

import pytest

from factcheck.text.normalize import canonical, match_key, normalize


@pytest.mark.parametrize(
    "written, expected",
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Hoà bình", "Hòa bình"),
        ("hòa", "hòa"),  # already canonical
        ("hoàn", "hoàn"),  # closed syllable: tone stays on the second vowel
        ("ngoài", "ngoài"),
        ("thuyền", "thuyền"),
        ("quý", "quý"),  # "qu" + y: tone stays on y
    ],
)
def test_normalize_tone_placement(written, expected):
    assert canonical(written) == expected


@pytest.mark.parametrize("text", ["Tỷ số hoà 2-2 ở Hà Nội", "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi"])
def test_normalize_nfd_input_maps_offsets_back(text):
    nfd = unicodedata.normalize("NFD", text)
    result = normalize(nfd)
    assert result.text == canonical(text)
    for word_start in range(len(result.text)):
        if word_start == 0 or result.text[word_start - 1] == " ":
            word_end = result.text.find(" ", word_start)
            word_end = len(result.text) if word_end < 0 else word_end
            start, end = result.to_original(word_start, word_end)
            assert canonical(nfd[start:end]) == result.text[word_start:word_end]


def test_normalize_keeps_length_for_nfc_input():
    text = "Sau khoảng 55 phút hội đàm, tỷ số hoà 2-2."
    result = normalize(text)
    assert len(result.text) == len(text)
    assert result.to_original(0, len(result.text)) == (0, len(text))


@pytest.mark.parametrize(
    "a, b",
    [("tỷ", "tỉ"), ("Lý Cường", "Lí Cường"), ("Ahn Gyu-back", "Ahn Gyu Back"), ("hoà", "HÒA"), ("thuỷ", "thủy"), ("Mỹ", "Mĩ")],
)
def test_match_key_folds_spelling_variants(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize("a, b", [("quy", "qui"), ("Takeshima", "Dokdo"), ("ba", "bà")])
def test_match_key_keeps_different_words_apart(a, b):
    assert match_key(a) != match_key(b)


def test_normalize_puts_back_a_lost_space_between_a_listed_word_and_a_number():
    text = "Doanh thu đạt1.885 tỷ đồng,tăng5%; đội U23 và 3 km2 giữ nguyên."
    norm = normalize(text)
    assert norm.text == "Doanh thu đạt 1.885 tỷ đồng,tăng 5%; đội U23 và 3 km2 giữ nguyên."
    start = norm.text.index("1.885")
    assert text[slice(*norm.to_original(start, start + len("1.885 tỷ đồng")))] == "1.885 tỷ đồng"
    start = norm.text.index("5%")
    assert text[slice(*norm.to_original(start, start + 2))] == "5%"
