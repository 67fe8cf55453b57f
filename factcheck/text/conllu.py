"""A small CoNLL-U reader and writer, so tests and training need no NLP library for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Row = tuple[str, ...]  # the ten CoNLL-U columns


@dataclass(frozen=True)
class ConlluSentence:
    comments: list[str]
    rows: list[Row]

    @property
    def words(self) -> list[Row]:
        """Word lines only (no multi-word ranges, no empty nodes)."""
        return [r for r in self.rows if r[0].isdigit()]

    @property
    def text(self) -> str:
        """The sentence text: its ``# text`` comment, else the words joined by SpaceAfter."""
        for comment in self.comments:
            if comment.startswith("# text") and "=" in comment:
                return comment.split("=", 1)[1].strip()
        return "".join(r[1] + ("" if "SpaceAfter=No" in r[9] else " ") for r in self.words).strip()


def parse_conllu(text: str) -> list[ConlluSentence]:
    sentences: list[ConlluSentence] = []
    comments: list[str] = []
    rows: list[Row] = []
    for line in text.splitlines():
        line = line.rstrip("\r\n")
        if not line.strip():
            if rows:
                sentences.append(ConlluSentence(comments, rows))
            comments, rows = [], []
        elif line.startswith("#"):
            comments.append(line)
        else:
            columns = line.split("\t")
            if len(columns) != 10:
                raise ValueError(f"CoNLL-U line has {len(columns)} columns, expected 10: {line!r}")
            rows.append(tuple(columns))
    if rows:
        sentences.append(ConlluSentence(comments, rows))
    return sentences


def read_conllu(path: Path) -> list[ConlluSentence]:
    return parse_conllu(Path(path).read_text(encoding="utf-8"))


def format_conllu(sentences: list[ConlluSentence]) -> str:
    blocks = []
    for sentence in sentences:
        lines = list(sentence.comments) + ["\t".join(row) for row in sentence.rows]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks) + ("\n" if blocks else "")


def write_conllu(path: Path, sentences: list[ConlluSentence]) -> None:
    Path(path).write_text(format_conllu(sentences), encoding="utf-8")
