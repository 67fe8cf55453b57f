"""The fast inference paths (nlp/tokenizer.py, nlp/tagger.py) give what Stanza's own
processors give, on the same bundled models: same features, same offsets, same tags."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.nlp.tagger import CharVectorCache, ProcessorTagger, UposTagger

TEXTS = [
    "Thủ tướng Nhật Bản Shigeru Ishiba đến Hà Nội sáng 30/1. Ông hội đàm với Thủ tướng Phạm Minh Chính.",
    "Hơn 24.400 doanh nghiệp rút khỏi thị trường, tăng 12,5% so với năm 2020!",
    "HLV Park Hang-seo nói: \"Chúng tôi   sẽ thắng\"\tở vòng 3. CĐV chờ từ 5h sáng",
    "GIÁ VÀNG HÔM NAY 56,7 TRIỆU ĐỒNG/LƯỢNG",
    "Căn cứ Yokosuka (tỉnh Kanagawa) cách Tokyo khoảng 65 km. Σ và İstanbul, ΟΔΟΣ.",
    "x",
]


@pytest.fixture(scope="module")
def processors():
    import stanza

    from factcheck.nlp.modelstore import BUNDLED_DIR, project_models, ModelOrigin

    source = project_models(BUNDLED_DIR, ModelOrigin.explicit)
    pipeline = stanza.Pipeline(
        lang="vi", download_method=None, use_gpu=False, logging_level="WARN",
        processors={"tokenize": "vtb", "pos": "vtb"}, dir=str(source.directory),
        tokenize_model_path=str(source.tokenizer), pos_model_path=str(source.pos), pos_pretrain_path=None,
    )
    return pipeline


def _stanza_features(processor, text):
    from stanza.models.tokenization.data import TokenizationDataset

    data = TokenizationDataset(processor.config, input_text=text, vocab=processor.vocab, evaluation=True, dictionary=processor.trainer.dictionary)
    return [data.para_to_sentences(p) for p in data.data]


def _fast_features(processor, text):
    from factcheck.nlp.tokenizer import FastFeatures

    data = FastFeatures(processor.config, input_text=text, vocab=processor.vocab, evaluation=True, dictionary=processor.trainer.dictionary)
    return [data.para_to_sentences(p) for p in data.data]


def _assert_same_features(processor, text):
    for fast, slow in zip(_fast_features(processor, text), _stanza_features(processor, text), strict=True):
        (units, labels, features, raw), = fast
        (units2, labels2, features2, raw2), = slow
        assert raw == raw2
        assert np.array_equal(units, units2) and np.array_equal(labels, labels2)
        assert np.array_equal(features, np.asarray(features2)), text


@pytest.mark.parametrize("text", TEXTS)
def test_features_equal_stanzas(processors, text):
    _assert_same_features(processors.processors["tokenize"], text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("aàáạăằêếơưđĐHNgh nk5,.İΣ\t\nTtrưởng")), min_size=1, max_size=80))
def test_features_equal_stanzas_on_any_text(processors, text):
    if text.strip():
        _assert_same_features(processors.processors["tokenize"], text)


def test_tokens_and_tags_equal_stanzas_pipeline(processors):
    """Offsets, words and UPOS of the fast path against Stanza's pipeline, text by text."""
    import stanza

    from factcheck.nlp.tokenizer import SentenceTokenizer

    ours = SentenceTokenizer(processors.processors["tokenize"]).tokenize(TEXTS)
    tagger = UposTagger(processors.processors["pos"])
    for text, sentences in zip(TEXTS, ours, strict=True):
        theirs = processors(stanza.Document([], text=text)).sentences
        assert [[(t.start_char, t.end_char, t.text) for t in s.tokens] for s in theirs] == sentences
        tags = tagger.tag([[word for _, _, word in s] for s in sentences])
        assert tags == [[w.upos for w in s.words] for s in theirs]


def test_fast_tagger_agrees_with_stanzas_processor_whatever_the_batching(processors):
    words = [s.split() for s in TEXTS] + [[]] + [["Hà", "Nội"]] * 3
    fast = UposTagger(processors.processors["pos"])
    slow = ProcessorTagger(processors.processors["pos"])
    assert fast.tag(words) == slow.tag(words)
    assert fast.tag(list(reversed(words))) == list(reversed(slow.tag(words)))
    assert fast.tag([]) == [] and fast.tag([[]]) == [[]]


def test_char_cache_is_bounded_and_forgets_when_full():
    import torch

    cache = CharVectorCache(width=2, rows=3)
    cache.add(["a", "b"], torch.ones(2, 2))
    assert cache.missing(["a", "c"]) == ["c"]
    cache.room_for(2)  # 2 + 2 > 3: start again
    assert cache.missing(["a", "b"]) == ["a", "b"]
    cache.add(["c", "d", "e"], torch.zeros(3, 2))
    assert cache.vectors[cache.rows_of(["e"])].tolist() == [[0.0, 0.0]]


def test_fast_tagger_tags_a_sentence_with_more_word_forms_than_its_cache_holds(processors):
    """A hostile one-sentence article can hold more distinct words than the character cache
    has rows: those words are tagged all the same (vectors computed for the batch, not kept)."""
    words = [[f"từ{i}" for i in range(12)] + ["Hà", "Nội"]]
    expected = UposTagger(processors.processors["pos"]).tag(words)
    small = UposTagger(processors.processors["pos"])
    small._cache = CharVectorCache(small._cache.vectors.shape[1], rows=5)
    assert small.tag(words) == expected
    assert small.tag([["Hà", "Nội"]]) == UposTagger(processors.processors["pos"]).tag([["Hà", "Nội"]])
