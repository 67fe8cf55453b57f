"""UPOS tagging with our Stanza tagger, computing only what the product reads.

Stanza's POS processor predicts UPOS, XPOS and FEATS, rebuilds every batch through its
training data loader and runs the character model over every word occurrence. We read
UPOS only. This module runs the same trained weights for that one head:

- the character model of a word depends on the word alone (no context), so its output is
  computed once per word form and kept in a bounded cache (news repeats its words);
- words and sentences are mapped to ids with plain dictionaries and tensors, once;
- the XPOS and FEATS heads are never run.

Same weights and the same arithmetic as Stanza's forward pass for UPOS: the tags agree
with Stanza's own (``tests/test_tagger.py`` compares them on real sentences).
"""

from __future__ import annotations

import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence

MAX_BATCH_TOKENS = 5000  # words per forward pass (Stanza's default for the tagger)
CACHE_ROWS = 65536  # word forms whose character vectors are kept (about 33 MB at 125 floats)
MAX_WORD_CHARS = 1000  # longer "words" (a URL run, hostile input) are cut for the char model


class UnsupportedTagger(ValueError):
    """The tagger uses inputs the fast path does not compute (pretrained vectors, charlm, BERT)."""


def upos_tagger(processor):
    """The fast tagger for our models; Stanza's own processor for any other (official models)."""
    try:
        return UposTagger(processor)
    except UnsupportedTagger:
        return ProcessorTagger(processor)


class ProcessorTagger:
    """UPOS through Stanza's POS processor: slower, for taggers ``UposTagger`` does not cover."""

    def __init__(self, processor):
        self.processor = processor

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        from stanza.models.common.doc import ID, TEXT, Document

        words = [[{ID: (i + 1,), TEXT: w} for i, w in enumerate(s)] for s in sentences if s]
        tagged = iter([[w.upos for w in s.words] for s in self.processor.process(Document(words)).sentences] if words else [])
        return [next(tagged) if s else [] for s in sentences]


class CharVectorCache:
    """Character-model vectors by word form, in one preallocated tensor (bounded memory)."""

    def __init__(self, width: int, rows: int = CACHE_ROWS):
        self.rows = rows
        self.vectors = torch.empty((rows, width))
        self.index: dict[str, int] = {}

    def missing(self, words: list[str]) -> list[str]:
        return [w for w in words if w not in self.index]

    def room_for(self, count: int) -> None:
        """Forget everything when ``count`` new forms would not fit (simple and bounded)."""
        if len(self.index) + count > self.rows:
            self.index.clear()

    def add(self, words: list[str], vectors: torch.Tensor) -> None:
        start = len(self.index)
        self.vectors[start : start + len(words)] = vectors
        for offset, word in enumerate(words):
            self.index[word] = start + offset

    def rows_of(self, words: list[str]) -> torch.Tensor:
        return torch.tensor([self.index[w] for w in words], dtype=torch.long)


class UposTagger:
    """Tags sentences (lists of word strings) with UPOS using a loaded Stanza POS processor."""

    def __init__(self, processor):
        self.model = processor.trainer.model
        self.model.eval()
        vocab = processor.trainer.vocab
        self._word_vocab, self._char_vocab = vocab["word"], vocab["char"]
        self._upos = vocab["upos"]
        args = self.model.args
        if args.get("pretrain") or args.get("charlm") or self.model.bert_model is not None or not args.get("char"):
            raise UnsupportedTagger("the fast UPOS path supports taggers with word and character embeddings only")
        self._hidden, self._layers = args["hidden_dim"], args["num_layers"]
        self._cache = CharVectorCache(self.model.trans_char.out_features)
        self._word_ids: dict[str, int] = {}

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """UPOS for every word of every sentence, in input order."""
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]), reverse=True)
        result: list[list[str]] = [[] for _ in sentences]
        batch: list[int] = []
        tokens = 0
        with torch.inference_mode():
            for index in order:
                if not sentences[index]:
                    continue
                if batch and tokens + len(sentences[index]) > MAX_BATCH_TOKENS:
                    self._tag_batch([sentences[i] for i in batch], batch, result)
                    batch, tokens = [], 0
                batch.append(index)
                tokens += len(sentences[index])
            if batch:
                self._tag_batch([sentences[i] for i in batch], batch, result)
        return result

    # -- one batch, sentences sorted longest first ---------------------------------------

    def _tag_batch(self, words: list[list[str]], indices: list[int], result: list[list[str]]) -> None:
        lengths = [len(s) for s in words]
        forms = sorted({w for s in words for w in s})
        form_row = {w: i for i, w in enumerate(forms)}
        char_vectors = self._char_vectors(forms)

        width = lengths[0]
        word_ids = torch.zeros((len(words), width), dtype=torch.long)
        form_ids = torch.zeros((len(words), width), dtype=torch.long)
        for row, sentence in enumerate(words):
            word_ids[row, : len(sentence)] = torch.tensor([self._word_id(w) for w in sentence])
            form_ids[row, : len(sentence)] = torch.tensor([form_row[w] for w in sentence])
        packed_words = pack_padded_sequence(word_ids, lengths, batch_first=True)
        packed_forms = pack_padded_sequence(form_ids, lengths, batch_first=True).data

        model = self.model
        inputs = torch.cat([model.word_emb(packed_words.data), char_vectors[packed_forms]], 1)
        shape = (2 * self._layers, len(words), self._hidden)
        state = (model.taggerlstm_h_init.expand(*shape).contiguous(), model.taggerlstm_c_init.expand(*shape).contiguous())
        outputs, _ = model.taggerlstm(PackedSequence(inputs, packed_words.batch_sizes), lengths, hx=state)
        scores = model.upos_clf(torch.relu(model.upos_hid(outputs.data)))
        best = scores.argmax(1).tolist()

        # packed order is time-major: step t holds the sentences longer than t, in batch order
        tags = [[""] * n for n in lengths]
        position = 0
        for step, size in enumerate(packed_words.batch_sizes.tolist()):
            for row in range(size):
                tags[row][step] = self._upos.id2unit(best[position])
                position += 1
        for row, index in enumerate(indices):
            result[index] = tags[row]

    def _word_id(self, word: str) -> int:
        known = self._word_ids.get(word)
        if known is None:
            known = self._word_ids[word] = self._word_vocab.unit2id(word)
            if len(self._word_ids) > CACHE_ROWS:
                self._word_ids.clear()
        return known

    def _char_vectors(self, forms: list[str]) -> torch.Tensor:
        """The character model's vectors (projected) of ``forms``, in order: from the cache,
        computing the forms it lacks; computed and not kept when they outnumber its rows (a
        hostile sentence of many thousand distinct words)."""
        if len(forms) > self._cache.rows:
            return self._run_char_model(forms)
        if self._cache.missing(forms):
            self._cache.room_for(len(forms))
            new = self._cache.missing(forms)  # all of them again when the cache was just emptied
            self._cache.add(new, self._run_char_model(new))
        return self._cache.vectors[self._cache.rows_of(forms)]

    def _run_char_model(self, forms: list[str]) -> torch.Tensor:
        """Run the character model and its projection on ``forms``, a chunk at a time."""
        model = self.model
        vectors = []
        for start in range(0, len(forms), MAX_BATCH_TOKENS):
            chunk = forms[start : start + MAX_BATCH_TOKENS]
            chars = [self._char_vocab.map(list(w[:MAX_WORD_CHARS])) for w in chunk]
            order = sorted(range(len(chunk)), key=lambda i: len(chars[i]), reverse=True)
            lengths = [len(chars[i]) for i in order]
            padded = torch.zeros((len(chunk), lengths[0]), dtype=torch.long)
            for row, i in enumerate(order):
                padded[row, : lengths[row]] = torch.tensor(chars[i])
            # given the original index of each sorted row, the character model puts the
            # vectors back in input order, as one sequence
            reps = model.charmodel(padded, padded.eq(0), order, [len(chunk)], lengths)
            vectors.append(model.trans_char(reps.data))
        return torch.cat(vectors)
