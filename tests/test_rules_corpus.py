"""Every rule corpus file: positives give exactly their claims, negatives give none.

Adding a case means editing a YAML file under factcheck/extract/corpus/, not code.
"""

import re

import pytest

from factcheck.model.claims import ClaimKind
from factcheck.text.normalize import match_key
from factcheck.extract import lexicon
from factcheck.extract.corpus_runner import check_example, check_negative, corpus_files, load_corpus

CORPORA = {path.stem: load_corpus(path) for path in corpus_files()}
POSITIVES = [(name, i) for name, corpus in CORPORA.items() for i in range(len(corpus.examples))]
NEGATIVES = [(name, i) for name, corpus in CORPORA.items() for i in range(len(corpus.negatives))]


@pytest.mark.parametrize("name, index", POSITIVES, ids=[f"{n}-{i}" for n, i in POSITIVES])
def test_rules_corpus_positive(name, index):
    corpus = CORPORA[name]
    assert check_example(corpus.examples[index], corpus) == []


@pytest.mark.parametrize("name, index", NEGATIVES, ids=[f"{n}-neg{i}" for n, i in NEGATIVES])
def test_rules_corpus_negative(name, index):
    corpus = CORPORA[name]
    assert check_negative(corpus.negatives[index], corpus) == []


def test_rules_corpus_covers_every_kind():
    assert {corpus.kind for corpus in CORPORA.values()} == set(ClaimKind)
    for corpus in CORPORA.values():
        assert corpus.negatives, f"{corpus.kind.value} corpus has no negative examples"


ALL_TEXT = " || ".join(
    match_key(text)
    for corpus in CORPORA.values()
    for text in [e.text for e in corpus.examples] + corpus.negatives
)
ENTRIES = [(name, entry) for name, words in lexicon.entries().items() for entry in words]


@pytest.mark.parametrize("name, entry", ENTRIES, ids=[f"{n}:{e}" for n, e in ENTRIES])
def test_rules_lexicon_entry_is_exercised(name, entry):
    """dateparser's lesson: a lexicon entry no example uses is an entry nobody checked."""
    key = re.escape(match_key(entry))
    # Letters may not touch the entry; digits may ("25kg").
    pattern = rf"(?<![^\W\d_]){key}(?![^\W\d_])"
    assert re.search(pattern, ALL_TEXT), f"{name}.yaml entry {entry!r} appears in no corpus example"
