"""Rules find the token under an offset of the normalized sentence (extract.engine.TokenLookup),
whatever Unicode form the article is in, without tokens being copied ahead."""

from __future__ import annotations

import unicodedata

from factcheck.extract.engine import TokenLookup
from factcheck.model.document import Sentence, Token
from factcheck.text.normalize import normalize


def _sentence(text: str, words: list[str], offset: int = 7) -> Sentence:
    tokens, position = [], 0
    for word in words:
        start = text.index(word, position)
        tokens.append(Token(start=offset + start, end=offset + start + len(word), text=word, upos="NOUN"))
        position = start + len(word)
    return Sentence(start=offset, end=offset + len(text), text=text, tokens=tokens)


def test_finds_the_token_under_an_offset_in_nfc_text():
    sentence = _sentence("Có 5 doanh nghiệp mới", ["Có", "5", "doanh nghiệp", "mới"])
    norm = normalize(sentence.text)
    lookup = TokenLookup(sentence, norm)
    token = lookup(norm.text.index("doanh") + 3)
    assert (token.text, token.start, token.end) == ("doanh nghiệp", 5, 17)
    assert lookup(2) is None  # the space between "Có" and "5"
    assert lookup(len(norm.text)) is None and lookup(-1) is None


def test_offsets_and_text_are_the_normalized_ones_in_nfd_text():
    text = unicodedata.normalize("NFD", "Có 5 doanh nghiệp mới")
    sentence = _sentence(text, [unicodedata.normalize("NFD", w) for w in ["Có", "5", "doanh nghiệp", "mới"]])
    norm = normalize(sentence.text)
    assert len(norm.text) < len(text)  # composed: the offsets differ
    token = TokenLookup(sentence, norm)(norm.text.index("nghiệp"))
    assert token.text == "doanh nghiệp" and norm.text[token.start : token.end] == "doanh nghiệp"


def test_a_sentence_without_tokens_has_none():
    sentence = Sentence(start=0, end=5, text="Có 5.", tokens=[])
    assert TokenLookup(sentence, normalize(sentence.text))(3) is None
