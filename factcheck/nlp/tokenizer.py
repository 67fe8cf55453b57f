"""Sentence splitting and word segmentation with our Stanza tokenizer, straight to offsets.

Stanza's tokenize processor builds a ``stanza.Document`` (objects for every token and word,
then offset fix-ups across the documents of a bulk call) that we convert and drop at once,
and computes the model's per-character input features one function call per character.
Here the same trained model runs on the same features, and its predictions are decoded by
Stanza's own decoder into token offsets, which is all the analyzer needs:

- ``FastFeatures`` builds the per-character features of a paragraph in a few passes over
  its text (identical arrays to Stanza's ``para_to_sentences``, checked in
  ``tests/test_tokenizer.py``), and falls back to Stanza's code for any configuration
  it does not know;
- ``SentenceTokenizer.tokenize`` returns, for each input text, its sentences as lists of
  ``(start, end, word)`` tokens: offsets into that text and the word as Stanza gives it
  to the tagger.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
import torch
from stanza.models.tokenization.data import TokenizationDataset
from stanza.models.tokenization.utils import output_predictions
from stanza.pipeline.tokenize_processor import TOKEN_TOO_LONG_REPLACEMENT

PARAGRAPH_BREAK = "\n\n"  # how texts are joined for one bulk call: Stanza's paragraph break
_SUPPORTED_FEATURES = ["space_before", "capitalized", "numeric", "end_of_para", "start_of_para"]


class FastFeatures(TokenizationDataset):
    """Stanza's tokenization dataset with a faster, equal ``para_to_sentences`` at inference."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._fast = self.eval and self.args["feat_funcs"] == _SUPPORTED_FEATURES and not self.args.get("skip_newline")
        self._unit_ids: dict[str, int] = {}
        if self.args.get("use_dictionary"):
            self._words = self.dictionary["words"]
            self._prefixes = self.dictionary["prefixes"]
            self._suffixes = self.dictionary["suffixes"]
            self._window = self.args["num_dict_feat"]

    def para_to_sentences(self, para):
        if not self._fast:
            return super().para_to_sentences(para)
        units = [unit for unit, _ in para]
        lowered = [unit.lower() for unit in units]
        if any(len(low) != 1 for low in lowered):
            return super().para_to_sentences(para)
        count = len(units)
        dictionary = 2 * self._window if self.args.get("use_dictionary") else 0
        features = np.zeros((count, 5 + dictionary), dtype=np.int64)
        features[:, 0] = [unit == " " for unit in units]
        features[:, 1] = [unit.isupper() for unit in units]
        features[:, 2] = [unit.isdigit() and unit.isdecimal() for unit in units]
        features[count - 1, 3] = 1
        features[0, 4] = 1
        if dictionary:
            self._dictionary_features(units, "".join(lowered), features[:, 5:])
        ids = np.array([self._unit_id(unit) for unit in units], dtype=np.int64)
        labels = np.array([label for _, label in para], dtype=np.int64)
        return [(ids, labels, features, units)]

    def _unit_id(self, unit: str) -> int:
        known = self._unit_ids.get(unit)
        if known is None:
            known = self._unit_ids[unit] = self.vocab.unit2id(unit)
        return known

    def _dictionary_features(self, units: list[str], low: str, out: np.ndarray) -> None:
        """Stanza's dictionary features: for each character, whether the strings of 2..N+1
        characters starting (forward) or ending (backward) there are dictionary words,
        looking further only while the string is a known prefix (suffix). The character
        itself keeps its case, the others are lower-cased, as in Stanza."""
        words, prefixes, suffixes, window = self._words, self._prefixes, self._suffixes, self._window
        count = len(units)
        for index, unit in enumerate(units):
            for size in range(1, min(window, count - 1 - index) + 1):
                word = unit + low[index + 1 : index + 1 + size]
                if word in words:
                    out[index, size - 1] = 1
                if word not in prefixes:
                    break
            for size in range(1, min(window, index) + 1):
                word = low[index - size : index] + unit
                if word in words:
                    out[index, window + size - 1] = 1
                if word not in suffixes:
                    break


class SentenceTokenizer:
    """Splits texts into sentences of tokens with a loaded Stanza tokenize processor."""

    def __init__(self, processor):
        self._trainer = processor.trainer
        self._vocab = processor.vocab
        self._config = processor.config
        self._max_seqlen = processor.config.get("max_seqlen", processor.MAX_SEQ_LENGTH_DEFAULT)

    def tokenize(self, texts: list[str]) -> list[list[list[tuple[int, int, str]]]]:
        """For each text, its sentences, each a list of tokens ``(start, end, word)``."""
        result: list[list[list[tuple[int, int, str]]]] = [[] for _ in texts]
        if not texts:
            return result
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + len(PARAGRAPH_BREAK)
        combined = PARAGRAPH_BREAK.join(texts)
        dataset = FastFeatures(self._config, input_text=combined, vocab=self._vocab, evaluation=True, dictionary=self._trainer.dictionary)
        with torch.inference_mode():
            _, _, _, sentences = output_predictions(None, self._trainer, dataset, self._vocab, None, self._max_seqlen,
                                                    orig_text=combined, no_ssplit=False, num_workers=0)
        for sentence in sentences:
            if not sentence:
                continue
            which = bisect_right(starts, sentence[0]["start_char"]) - 1
            base = starts[which]
            result[which].append([(token["start_char"] - base, token["end_char"] - base, self._word(token["text"])) for token in sentence])
        return result

    def _word(self, text: str) -> str:
        """What Stanza's pipeline hands the tagger: an overlong token becomes <UNK>."""
        return TOKEN_TOO_LONG_REPLACEMENT if len(text) > self._max_seqlen else text
