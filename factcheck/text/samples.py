"""Random Vietnamese-like articles for property tests and ``scripts/fuzz.py``.

Claim-bearing phrases mixed with noise: CR and CRLF line ends, a byte-order mark, stray
combining marks, odd spaces, and article dates at the ends of the calendar. The property
test draws from these lists with hypothesis; the fuzz script with a seeded ``random``.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata

PHRASES = [
    "Ngày {d}/{m}, {n} người bị thương", "hôm qua", "chủ nhật", "tháng {m}", "năm sau", "tuần trước", "cùng ngày",
    "tỷ số hòa {a}-{b}", "khoảng {n} phút hội đàm", "tăng {n}%", "{n},5 triệu USD", "SAREX sau {n} năm gián đoạn",
    "Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi", "huyện Đông Anh, Hà Nội", "căn cứ Yokosuka (tỉnh Kanagawa)",
    "hơn {n}.400 doanh nghiệp", "từ {a} đến {b} giờ", "quý {q}/2020", "cuối tháng này", "Năm bảy tuổi", "vài tuần",
    "Thủ tướng Phạm Minh Chính", "khoảng {n} - {b} km", "lúc {a}h{b}", "hoà", "thuỷ", "khoẻ", "Hà Nội", "ông",
]
NOISE = ["\u0301", "\u0323", "\u0300", "\u0309", "\u0303", "\u0302", "\u0306", "\u031b", "\u00a0", "\t"]
SEPARATORS = [" ", ". ", ", ", "\n", "\r\n", "\r", ". \n"]
EXTREME_DATES = [dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(9999, 12, 31), dt.date(9999, 12, 30), dt.date(2024, 2, 29), dt.date(2026, 1, 31)]
NUMBER_FIELDS = ("d", "m", "n", "a", "b", "q")
HEADER = " date {date} "  # the seed format's first line: the article date, then the text


def random_article(rng: random.Random) -> str:
    """One article in the seed format, drawn as the property test's strategy draws it."""
    parts = []
    for _ in range(rng.randint(1, 12)):
        numbers = {k: rng.randint(0, 40) for k in NUMBER_FIELDS}
        numbers["n"] = rng.randint(0, 99) if rng.random() < 0.5 else rng.randint(0, 10**30)
        text = rng.choice(PHRASES).format(**numbers)
        if rng.random() < 0.5:
            position = rng.randint(0, len(text))
            text = text[:position] + rng.choice(NOISE) + text[position:]
        parts.append(text)
        parts.append(rng.choice(SEPARATORS))
    head = rng.choice(["\ufeff", ""]) + HEADER.format(date=rng.choice(EXTREME_DATES).isoformat())
    return head + "".join(parts)


def twins(text: str) -> tuple[str, str]:
    """The article saved in NFC and in NFD."""
    return unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
