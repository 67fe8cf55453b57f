"""Every rule runs in time linear in its input: doubling an article at most doubles the time.

Each test is named after what once broke: a pattern retried from every word of a long run,
a production that sliced the whole prefix at every match, an overlap check against every
kept claim. Inputs are generated at test time, at size N and 2N; the test compares the best
of three timings of each, so a slow machine changes both sides and the ratio holds.
"""

from __future__ import annotations

import datetime as dt
import gc
import time

import pytest

from factcheck.extract.base import SentenceContext
from factcheck.extract.engine import MAX_SENTENCE_CHARS, bounded, extract, sentence_drafts
from factcheck.model.document import Sentence, Token
from factcheck.text.readers import parse_document

DATE = dt.date(2026, 1, 31)
# time(4N) / time(N): 4 for linear work, 16 for quadratic. Growing the input four times
# (not two) keeps the test far from both, so a busy machine cannot make it flaky.
GROWTH = 4
MAX_RATIO = 7.0


def run_of_capitals(n: int) -> str:
    return " ".join(["Hà", "Nội"] * n) + " x"


def gap_after_run_of_capitals(n: int) -> str:
    return "nối lại " + " ".join(["Hà", "Nội"] * n) + " sau 9 năm gián đoạn."


def many_numbers_in_one_line(n: int) -> str:
    return "Có 5 người bị thương, 3 xe hư hỏng. " * n


def many_short_lines(n: int) -> str:
    return "Có 5 người bị thương, 3 xe hư hỏng.\n" * n


def many_names_in_parentheses(n: int) -> str:
    return "Ông Hùng (Hà Nội) gặp căn cứ Yokosuka (tỉnh Kanagawa), tại Bắc Kinh, Trung Quốc; " * n


def best_time(work) -> float:
    """The best of three runs, with the garbage collector paused (its pauses are noise)."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(3):
            start = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def article(text: str):
    """The whole engine on ``text`` read as a plain-text article (over-long lines cut)."""
    document = parse_document(text, "x.txt", date=DATE)
    return lambda: extract(document)


def one_sentence(text: str):
    """Every rule on ``text`` as one sentence, however long: what the rules cost by themselves."""
    context = SentenceContext(text=text, article_date=DATE)
    return lambda: sentence_drafts(context)


@pytest.mark.parametrize(
    ("make", "n"),
    [
        pytest.param(run_of_capitals, 4000, id="test_rules_run_of_capitalized_words_is_linear"),
        pytest.param(gap_after_run_of_capitals, 4000, id="test_rules_gap_after_run_of_capitalized_words_is_linear"),
        pytest.param(many_numbers_in_one_line, 1000, id="test_rules_per_match_prefix_slice_is_linear"),
        pytest.param(many_short_lines, 600, id="test_rules_many_short_lines_is_linear"),
        pytest.param(many_names_in_parentheses, 300, id="test_rules_many_locations_in_one_line_is_linear"),
    ],
)
@pytest.mark.parametrize("way", [article, one_sentence])
def test_rules_time_is_linear_in_input(make, n, way):
    small, large = best_time(way(make(n))), best_time(way(make(GROWTH * n)))
    assert large / small < MAX_RATIO, f"{make.__name__}, {way.__name__}: {small:.3f} s at N, {large:.3f} s at {GROWTH}N"


def test_rules_claims_of_a_long_line_have_short_sentences():
    text = many_numbers_in_one_line(400)  # 14 KB, one line
    claims = extract(parse_document(text, "x.txt", date=DATE))
    assert len(claims) == 800
    assert max(len(c.sentence) for c in claims) <= MAX_SENTENCE_CHARS
    assert all(text[c.start : c.end] == c.text for c in claims)


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("Một hai. Ba bốn, năm sáu.", 100, ["Một hai. Ba bốn, năm sáu."]),
        ("Một hai. Ba bốn, năm sáu.", 12, ["Một hai.", "Ba bốn,", "năm sáu."]),
        ("Một hai ba bốn năm sáu", 12, ["Một hai ba", "bốn năm sáu"]),
        ("aaaaaaaaaaaaaaaaaaaa", 8, ["aaaaaaaa", "aaaaaaaa", "aaaa"]),
        ("a\u0301a\u0301a\u0301a\u0301", 3, ["a\u0301"] * 4),  # never between a letter and its mark
    ],
)
def test_engine_over_long_sentence_is_cut_at_the_best_break(text, limit, pieces):
    sentence = Sentence(start=0, end=len(text), text=text)
    found = bounded(sentence, text, limit)
    assert [p.text for p in found] == pieces
    assert all(p.end - p.start <= limit and text[p.start : p.end] == p.text for p in found)


def test_engine_cut_keeps_the_tokens_inside_each_piece():
    text = "Một hai. Ba bốn."
    tokens = [Token(start=0, end=3, text="Một"), Token(start=4, end=7, text="hai"), Token(start=9, end=15, text="Ba bốn")]
    found = bounded(Sentence(start=0, end=len(text), text=text, tokens=tokens), text, 10)
    assert [[t.text for t in p.tokens] for p in found] == [["Một", "hai"], ["Ba bốn"]]


def unterminated_pieces(n: int) -> tuple[list[Sentence], str]:
    """A paragraph the sentence splitter cut into ``n`` pieces, none ending in punctuation."""
    text = " ".join(["Hà Nội"] * n)
    pieces = []
    for i in range(n):
        start = i * 7
        tokens = [Token(start=start, end=start + 2, text="Hà"), Token(start=start + 3, end=start + 6, text="Nội")]
        pieces.append(Sentence(start=start, end=start + 6, text=text[start : start + 6], tokens=tokens))
    return pieces, text


def test_nlp_merging_many_unterminated_pieces_is_linear():
    from factcheck.nlp.analyzer import merge_unterminated

    n = 4000
    small, large = unterminated_pieces(n), unterminated_pieces(GROWTH * n)
    assert len(merge_unterminated(*large)) == 1 and len(merge_unterminated(*large)[0].tokens) == 2 * GROWTH * n
    ratio = best_time(lambda: merge_unterminated(*large)) / best_time(lambda: merge_unterminated(*small))
    assert ratio < MAX_RATIO
