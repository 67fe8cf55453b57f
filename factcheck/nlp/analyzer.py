"""The NLP layer's entry point: text in, our own Sentence and Token objects out.

Stanza loads the models; ``nlp/tokenizer.py`` and ``nlp/tagger.py`` run them on exactly
what we read (token offsets and UPOS), without building Stanza's document objects.

Stanza sees the *normalized* text of each paragraph (NFC, canonical tone marks); every
token offset it returns is mapped back to the original document text, so reports point at
exactly what the article says.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

from factcheck.text.conllu import ConlluSentence
from factcheck.model.document import Document, Sentence, Token
from factcheck.nlp.modelstore import ModelError, ModelOrigin, ModelSource, project_models, resolve_models
from factcheck.text.normalize import normalize

# One torch thread per process by default: measured here, 6 articles took 1.1 s with one
# thread and 54 s with two while another process used the second core (OpenMP threads
# spin against each other). Scale out with --jobs instead; FACTCHECK_TORCH_THREADS overrides.
_DEFAULT_THREADS = int(os.environ.get("FACTCHECK_TORCH_THREADS", "1"))


class StanzaAnalyzer:
    """Sentence splitting, word segmentation and UPOS tagging with one loaded pipeline."""

    def __init__(self, models: ModelSource | Path | None = None, *, batch_size: int = 64):
        import stanza
        import torch

        from factcheck.nlp.tagger import upos_tagger
        from factcheck.nlp.tokenizer import SentenceTokenizer

        torch.set_num_threads(max(1, _DEFAULT_THREADS))
        if isinstance(models, Path):
            models = project_models(models, ModelOrigin.explicit)
        self.source = models or resolve_models()
        config = dict(
            lang="vi",
            download_method=None,
            use_gpu=False,
            logging_level="WARN",
            tokenize_batch_size=batch_size * 50,
            pos_batch_size=batch_size * 50,
        )
        if self.source.origin is not ModelOrigin.official:
            config.update(
                processors={"tokenize": "vtb", "pos": "vtb"},
                dir=str(self.source.directory),
                tokenize_model_path=str(self.source.tokenizer),
                pos_model_path=str(self.source.pos),
                pos_pretrain_path=None,
            )
        else:
            config.update(processors="tokenize,pos", dir=str(self.source.directory))
        logging.getLogger("stanza").setLevel(logging.WARNING)
        try:
            pipeline = stanza.Pipeline(**config)
            self._tokenizer = SentenceTokenizer(pipeline.processors["tokenize"])
            self._tagger = upos_tagger(pipeline.processors["pos"])
        except Exception as error:  # Stanza raises many kinds; all mean the same to a user.
            raise ModelError(f"cannot load Stanza models from {self.source.directory}: {error}") from error

    # -- documents ---------------------------------------------------------------------

    def analyze(self, document: Document) -> Document:
        """Return ``document`` with its sentences filled in."""
        return self.analyze_many([document])[0]

    def analyze_many(self, documents: list[Document], tag_if: Callable[[str], bool] | None = None) -> list[Document]:
        """Analyze many documents in one bulk call (much faster than one by one).

        ``tag_if``: tag only the sentences for which it is true (the others keep tokens
        without tags); None tags every sentence. A sentence cut in pieces by the model and
        joined again (``merge_unterminated``) is judged whole and tagged piece by piece, as
        the model splits it: the tags do not depend on what else is tagged."""
        jobs = []  # (document index, paragraph start offset, Normalized)
        for index, document in enumerate(documents):
            for paragraph in document.paragraphs:
                raw = document.text[paragraph.start : paragraph.end]
                if raw.strip():
                    jobs.append((index, paragraph.start, normalize(raw)))
        tokenized = self._tokenizer.tokenize([norm.text for _, _, norm in jobs])
        plans = []  # per paragraph: document index, model sentences (spans, words), runs to join, which to tag
        for (index, offset, norm), model_sentences in zip(jobs, tokenized):
            original = documents[index].text
            pieces = [_map_tokens(tokens, norm, offset) for tokens in model_sentences]
            runs = unterminated_runs([original[spans[0][0] : spans[-1][1]] for spans, _ in pieces])
            wanted = [True] * len(pieces)
            if tag_if is not None:
                for run in runs:
                    joined = tag_if(original[pieces[run[0]][0][0][0] : pieces[run[-1]][0][-1][1]])
                    wanted[run[0] : run[-1] + 1] = [joined] * len(run)
            plans.append((index, pieces, runs, wanted))
        tags = iter(self._tagger.tag([words for _, pieces, _, wanted in plans for (_, words), want in zip(pieces, wanted) if want]))
        sentences: list[list[Sentence]] = [[] for _ in documents]
        for index, pieces, runs, wanted in plans:
            original = documents[index].text
            built = [_to_sentence(spans, next(tags) if want else None, original) for (spans, _), want in zip(pieces, wanted)]
            sentences[index].extend(_joined([built[i] for i in run], original) for run in runs)
        return [doc.model_copy(update={"sentences": sents}) for doc, sents in zip(documents, sentences)]

    # -- evaluation helpers ------------------------------------------------------------

    def to_conllu(self, text: str) -> list[ConlluSentence]:
        """Tokenize and tag raw text (paragraphs split by blank lines) into CoNLL-U."""
        document = Document(text=text, paragraphs=_blank_line_paragraphs(text))
        analyzed = self.analyze(document)
        return [_sentence_to_conllu(s, i + 1) for i, s in enumerate(analyzed.sentences)]

    def tag_pretokenized(self, sentences: list[list[str]]) -> list[ConlluSentence]:
        """Tag gold-tokenized sentences (to score the tagger apart from the tokenizer)."""
        result = []
        for i, (words, tags) in enumerate(zip(sentences, self._tagger.tag(sentences))):
            rows = [_row(j, word, upos, "_") for j, (word, upos) in enumerate(zip(words, tags))]
            result.append(ConlluSentence(comments=[f"# sent_id = {i + 1}"], rows=rows))
        return result


_TERMINAL = tuple(".!?…:;\"”’)]»")


def unterminated_runs(texts: list[str]) -> list[list[int]]:
    """Indices of the sentences ``merge_unterminated`` joins, run by run."""
    runs: list[list[int]] = []
    run: list[int] = []
    for index, text in enumerate(texts):
        run.append(index)
        if text.rstrip().endswith(_TERMINAL):
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def merge_unterminated(sentences: list[Sentence], original: str) -> list[Sentence]:
    """Join a sentence that does not end in final punctuation to the next one of its paragraph.

    In edited news a sentence only ends without punctuation at a paragraph end (a heading),
    so a break inside a paragraph after "... Sanae" is the model splitting a name.
    """
    runs = unterminated_runs([sentence.text for sentence in sentences])
    return [_joined([sentences[i] for i in run], original) for run in runs]


def _joined(run: list[Sentence], original: str) -> Sentence:
    """One sentence of a run, built once (joining pairwise would copy the run's text and
    tokens at each step: a paragraph the model cut into thousands of pieces, none ending in
    punctuation, would cost their number squared)."""
    if len(run) == 1:
        return run[0]
    start, end = run[0].start, run[-1].end
    return Sentence(start=start, end=end, text=original[start:end], tokens=[t for s in run for t in s.tokens])


def _map_tokens(tokens: list[tuple[int, int, str]], norm, offset: int) -> tuple[list[tuple[int, int]], list[str]]:
    """The tokenizer's offsets (in the normalized paragraph) as document offsets, and its words."""
    spans = []
    for start, end, _ in tokens:
        start, end = norm.to_original(start, end)
        spans.append((offset + start, offset + end))
    return spans, [word for _, _, word in tokens]


def _to_sentence(spans: list[tuple[int, int]], tags: list[str] | None, original: str) -> Sentence:
    """Our Sentence from document offsets and the tags (None: left untagged).

    Built without validation (``model_construct``): the offsets come from the tokenizer, in
    order and inside the text, and validating a hundred thousand tokens costs more than
    tagging them. Sentences read back from the cache are validated as usual."""
    tags = tags or [None] * len(spans)
    built = [Token.model_construct(start=start, end=end, text=original[start:end], upos=upos) for (start, end), upos in zip(spans, tags)]
    start, end = built[0].start, built[-1].end
    return Sentence.model_construct(start=start, end=end, text=original[start:end], tokens=built)


def _blank_line_paragraphs(text: str):
    from factcheck.text.readers import blank_line_paragraphs

    return blank_line_paragraphs(text, 0, len(text))


def _row(index: int, form: str, upos: str | None, misc: str) -> tuple[str, ...]:
    """A CoNLL-U word line; the scorer wants a tree, so words hang in a flat chain."""
    head, relation = ("0", "root") if index == 0 else ("1", "dep")
    return (str(index + 1), form, "_", upos or "_", "_", "_", head, relation, "_", misc)


def _sentence_to_conllu(sentence: Sentence, number: int) -> ConlluSentence:
    rows = []
    for j, token in enumerate(sentence.tokens):
        following = sentence.tokens[j + 1].start if j + 1 < len(sentence.tokens) else None
        misc = "SpaceAfter=No" if following == token.end else "_"
        rows.append(_row(j, token.text, token.upos, misc))
    return ConlluSentence(comments=[f"# sent_id = {number}", f"# text = {sentence.text}"], rows=rows)


def download_official_models() -> Path:
    """``stanza.download('vi')`` into Stanza's resources directory, with a clear failure."""
    import stanza

    from factcheck.nlp.modelstore import stanza_resources_dir

    directory = stanza_resources_dir()
    try:
        stanza.download("vi", model_dir=str(directory), processors="tokenize,pos", logging_level="WARN")
    except Exception as error:  # requests and stanza raise many kinds; all mean "no models"
        raise ModelError(
            f"cannot download Stanza's Vietnamese models ({type(error).__name__}: {str(error)[:200]}); "
            "the model host is unreachable from this machine, so the bundled models stay in use"
        ) from error
    return directory
