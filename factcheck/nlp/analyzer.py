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

    def analyze_many(self, documents: list[Document]) -> list[Document]:
        """Analyze many documents in one bulk call (much faster than one by one)."""
        jobs = []  # (document index, paragraph start offset, Normalized)
        for index, document in enumerate(documents):
            for paragraph in document.paragraphs:
                raw = document.text[paragraph.start : paragraph.end]
                if raw.strip():
                    jobs.append((index, paragraph.start, normalize(raw)))
        tokenized = self._tokenizer.tokenize([norm.text for _, _, norm in jobs])
        stanza_sentences = [sentence for paragraph in tokenized for sentence in paragraph]
        tags = iter(self._tagger.tag([[word for _, _, word in sentence] for sentence in stanza_sentences]))
        sentences: list[list[Sentence]] = [[] for _ in documents]
        for (index, offset, norm), paragraph in zip(jobs, tokenized):
            original = documents[index].text
            built = [_to_sentence(tokens, next(tags), norm, offset, original) for tokens in paragraph]
            sentences[index].extend(merge_unterminated(built, original))
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


def merge_unterminated(sentences: list[Sentence], original: str) -> list[Sentence]:
    """Join a sentence that does not end in final punctuation to the next one of its paragraph.

    In edited news a sentence only ends without punctuation at a paragraph end (a heading),
    so a break inside a paragraph after "... Sanae" is the model splitting a name.
    """
    merged: list[Sentence] = []
    run: list[Sentence] = []  # sentences waiting for one that ends in final punctuation
    for sentence in sentences:
        run.append(sentence)
        if sentence.text.rstrip().endswith(_TERMINAL):
            merged.append(_joined(run, original))
            run = []
    if run:
        merged.append(_joined(run, original))
    return merged


def _joined(run: list[Sentence], original: str) -> Sentence:
    """One sentence of a run, built once (joining pairwise would copy the run's text and
    tokens at each step: a paragraph the model cut into thousands of pieces, none ending in
    punctuation, would cost their number squared)."""
    if len(run) == 1:
        return run[0]
    start, end = run[0].start, run[-1].end
    return Sentence(start=start, end=end, text=original[start:end], tokens=[t for s in run for t in s.tokens])


def _to_sentence(tokens: list[tuple[int, int, str]], tags: list[str], norm, offset: int, original: str) -> Sentence:
    """Our Sentence from the tokenizer's offsets (in the normalized paragraph) and the tags."""
    built = []
    for (start, end, _), upos in zip(tokens, tags):
        start, end = norm.to_original(start, end)
        built.append(Token(start=offset + start, end=offset + end, text=original[offset + start : offset + end], upos=upos))
    start, end = built[0].start, built[-1].end
    return Sentence(start=start, end=end, text=original[start:end], tokens=built)


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
