"""The text model every later layer works on: Document, Sentence, Token.

Offsets are character offsets into ``Document.text``, the document exactly as read from its
file (after decoding), so that ``file:line:col`` and spans point at what the editor wrote.
Nothing here depends on Stanza: tests build these objects by hand or from CoNLL-U.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator


_LINE_END = re.compile(r"\r\n|\r|\n")  # as editors count lines: CRLF, CR or LF


class Span(BaseModel):
    """A half-open character range ``[start, end)`` of the original text."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Token(Span):
    """One word (a Vietnamese word may contain spaces: "chủ tịch")."""

    text: str
    upos: str | None = None


class Sentence(Span):
    text: str
    tokens: list[Token] = Field(default_factory=list)


class Document(BaseModel):
    """A news article: its full original text, its date, and where it came from."""

    model_config = ConfigDict(extra="forbid")
    text: str
    date: dt.date | None = None
    source: str | None = None  # the path as given, for messages
    key: str | None = None  # identity for fingerprints: the article's own id, else its path under the input root
    url: str | None = None  # where the article was published, when the file says
    format: str = "text"
    paragraphs: list[Span] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)

    _line_cache: tuple[str, list[int]] | None = PrivateAttr(default=None)

    @property
    def _line_starts(self) -> list[int]:
        """Offsets where lines start, recomputed when ``text`` is not the text they were
        computed for (``model_copy(update={"text": ...})`` copies private state too).

        Read from ``__pydantic_private__`` itself: ``self._line_cache`` goes through pydantic's
        ``__getattr__`` (microseconds, for each of an article's claims)."""
        cache = self.__pydantic_private__["_line_cache"]
        if cache is None or cache[0] is not self.text:
            starts = [0]
            starts.extend(match.end() for match in _LINE_END.finditer(self.text))
            cache = self._line_cache = (self.text, starts)
        return cache[1]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset, as editors and compilers count."""
        starts = self._line_starts
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]


def sentence_from_tokens(text: str, words: list[tuple[str, str | None]], offset: int = 0) -> Sentence:
    """Build a Sentence by finding each word of ``words`` in ``text`` in order.

    For tests and CoNLL-U input: ``words`` are (form, upos) pairs, ``offset`` is where
    ``text`` starts in its document.
    """
    tokens, cursor = [], 0
    for form, upos in words:
        found = text.find(form, cursor)
        if found < 0:
            raise ValueError(f"word {form!r} not found in sentence text after offset {cursor}")
        cursor = found + len(form)
        tokens.append(Token(start=offset + found, end=offset + cursor, text=form, upos=upos))
    return Sentence(start=offset, end=offset + len(text), text=text, tokens=tokens)
