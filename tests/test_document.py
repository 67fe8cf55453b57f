import pytest

from factcheck.text.conllu import parse_conllu
from factcheck.model.document import Document, Span, sentence_from_tokens


def test_document_line_col_is_one_based():
    document = Document(text="ab\ncd\n\nef")
    assert document.line_col(0) == (1, 1)
    assert document.line_col(4) == (2, 2)
    assert document.line_col(7) == (4, 1)


def test_document_sentence_from_tokens_finds_offsets():
    sentence = sentence_from_tokens("Chủ tịch xã nói: 68 tổ.", [("Chủ tịch", "NOUN"), ("xã", "NOUN"), ("nói", "VERB"), (":", "PUNCT"), ("68", "NUM"), ("tổ", "NOUN"), (".", "PUNCT")], offset=10)
    assert [(t.start, t.end) for t in sentence.tokens][:2] == [(10, 18), (19, 21)]
    assert sentence.tokens[4].text == "68" and sentence.tokens[4].upos == "NUM"


def test_document_span_rejects_reversed_range():
    with pytest.raises(ValueError):
        Span(start=5, end=2)


def test_document_sentences_from_conllu_without_a_model():
    conllu = "# text = Hiện nay xã có 68 tổ.\n1\tHiện nay\t_\tNOUN\t_\t_\t_\t_\t_\t_\n2\txã\t_\tNOUN\t_\t_\t_\t_\t_\t_\n3\tcó\t_\tVERB\t_\t_\t_\t_\t_\t_\n4\t68\t_\tNUM\t_\t_\t_\t_\t_\t_\n5\ttổ\t_\tNOUN\t_\t_\t_\t_\t_\tSpaceAfter=No\n6\t.\t_\tPUNCT\t_\t_\t_\t_\t_\t_\n"
    (parsed,) = parse_conllu(conllu)
    sentence = sentence_from_tokens(parsed.text, [(r[1], r[3]) for r in parsed.words])
    assert sentence.text == "Hiện nay xã có 68 tổ."
    assert [t.upos for t in sentence.tokens] == ["NOUN", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"]


@pytest.mark.parametrize(
    "parts, expected",
    [
        (["Thủ tướng Nhật Bản Sanae", "Takaichi tại Nara."], ["Thủ tướng Nhật Bản Sanae Takaichi tại Nara."]),
        (["Câu một.", "Câu hai?"], ["Câu một.", "Câu hai?"]),
        (["Ông nói: “Được”.", "Ảnh: Yonhap."], ["Ông nói: “Được”.", "Ảnh: Yonhap."]),
    ],
)
def test_document_unterminated_sentence_joins_the_next(parts, expected):
    from factcheck.nlp.analyzer import merge_unterminated

    text = " ".join(parts)
    sentences, cursor = [], 0
    for part in parts:
        start = text.index(part, cursor)
        cursor = start + len(part)
        sentences.append(sentence_from_tokens(part, [(w, None) for w in part.split()], offset=start))
    assert [s.text for s in merge_unterminated(sentences, text)] == expected
