"""CoNLL-U (``tag -f conllu``): sentences and words with their tags and character offsets."""

from __future__ import annotations

from typing import Iterable, Iterator

from factcheck.model.document import Document
from factcheck.text.conllu import ConlluSentence, format_conllu


def tags(documents: Iterable[Document]) -> Iterator[str]:
    for document in documents:
        conllu = []
        for number, sentence in enumerate(document.sentences, start=1):
            rows = []
            for j, token in enumerate(sentence.tokens):
                following = sentence.tokens[j + 1].start if j + 1 < len(sentence.tokens) else None
                misc = [f"start_char={token.start}", f"end_char={token.end}"]
                if following == token.end:
                    misc.insert(0, "SpaceAfter=No")
                rows.append((str(j + 1), token.text, "_", token.upos or "_", "_", "_", "_", "_", "_", "|".join(misc)))
            comments = [f"# sent_id = {number}", f"# text = {' '.join(sentence.text.split())}"]
            if number == 1:
                comments = [f"# newdoc id = {document.source}"] + ([f"# date = {document.date}"] if document.date else []) + comments
            conllu.append(ConlluSentence(comments=comments, rows=rows))
        yield format_conllu(conllu)
