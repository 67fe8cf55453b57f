"""Renderers for analyzed documents (``factcheck tag``): pure functions of the documents."""

from __future__ import annotations

import json

from factcheck.text.conllu import ConlluSentence, format_conllu
from factcheck.model.document import Document


def render_text(documents: list[Document]) -> str:
    """One block per sentence: its location and text, then word/UPOS pairs."""
    lines = []
    for document in documents:
        lines.append(f"# {document.source}  date={document.date or 'unknown'}  sentences={len(document.sentences)}")
        for sentence in document.sentences:
            line, col = document.line_col(sentence.start)
            lines.append(f"{document.source}:{line}:{col}  {sentence.text}")
            lines.append("    " + "  ".join(f"{t.text}/{t.upos or '_'}" for t in sentence.tokens))
        lines.append("")
    return "\n".join(lines)


def render_conllu(documents: list[Document]) -> str:
    blocks = []
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
        blocks.append(format_conllu(conllu))
    return "".join(blocks)


def render_json(documents: list[Document]) -> str:
    payload = {
        "documents": [
            {
                "path": d.source,
                "date": d.date.isoformat() if d.date else None,
                "sentences": [
                    {
                        "text": s.text,
                        "start": s.start,
                        "end": s.end,
                        "line": d.line_col(s.start)[0],
                        "tokens": [t.model_dump() for t in s.tokens],
                    }
                    for s in d.sentences
                ],
            }
            for d in documents
        ]
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


RENDERERS = {"text": render_text, "conllu": render_conllu, "json": render_json}
