"""Read articles in the formats newsrooms and our data use, into ``Document``.

Formats (``auto`` picks by content, then by extension):

- ``seed``: the file opens with `` date YYYY-MM-DD `` and the first paragraph follows on the
  same line; one paragraph per line after it.
- ``dantri``: the Dân trí corpus (``# doc_id = …``, ``# url = …``, ``# date = YYYYMMDD``
  header lines, then one sentence per line).
- ``markdown``: optional YAML front matter with ``date:``; paragraphs split by blank lines.
- ``text``: plain text, one paragraph per line; the date comes from ``--date``.

``Document.text`` is the whole decoded file, so offsets and ``line:col`` point into the file
itself; ``Document.paragraphs`` are the spans to analyze (headers are left out).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

from factcheck.model.document import Document, Span
from factcheck.model.errors import InputError
from factcheck.text import yamlfile

FORMATS = ("auto", "seed", "dantri", "markdown", "text")
# The largest article read, in bytes: news articles are a few kB; anything past this is a
# mistake (a log, a dump, /dev/zero) that would otherwise fill memory.
MAX_ARTICLE_BYTES = int(float(os.environ.get("FACTCHECK_MAX_ARTICLE_MB", "10")) * 1_000_000)

_SEED_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*")
_DANTRI_HEADER = re.compile(r"^#\s*(\w+)\s*=\s*(.*?)\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(\n|\Z)", re.DOTALL)


def decode(data: bytes, path: Path | str) -> str:
    """UTF-8 (a byte-order mark stays, as the character U+FEFF, so offsets count it), or a
    clear error pointing at the first bad byte (and naming UTF-16 when the file is that)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "is UTF-16, not UTF-8", hint="save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x})",
            line=line,
            column=column,
            hint="save the file as UTF-8, e.g. iconv -f WINDOWS-1258 -t UTF-8",
        ) from None
    return text


def line_paragraphs(text: str, start: int, end: int) -> list[Span]:
    """Each non-blank line of ``text[start:end]`` as a paragraph, trimmed of outer spaces."""
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        raw = match.group(0)
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        if right > left:
            spans.append(Span(start=start + match.start() + left, end=start + match.start() + right))
    return spans


def blank_line_paragraphs(text: str, start: int, end: int) -> list[Span]:
    """Paragraphs separated by blank lines (Markdown style)."""
    spans = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", text[start:end], re.DOTALL):
        spans.append(Span(start=start + match.start(), end=start + match.end()))
    return spans


def _parse_date(value: str, path, line: int, what: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise InputError(path, f"{what} {value!r} is not a date", line=line, hint="write it as YYYY-MM-DD")


def detect_format(text: str, path: Path | str) -> str:
    if _SEED_HEADER.match(text):
        return "seed"
    if re.match(r"\A#\s*(doc_id|url|date)\s*=", text):
        return "dantri"
    if text.startswith("---\n") or str(path).lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def parse_document(text: str, path: Path | str = "<input>", fmt: str = "auto", date: dt.date | None = None) -> Document:
    """Turn decoded text into a Document (no NLP yet); ``date`` overrides the file's own.

    ``Document.text`` is ``text`` exactly, byte-order mark and CRLF line ends included, so
    every offset is a character offset into the file. Headers and paragraphs are found on
    a same-length copy where CRLF reads as " \n" and a lone CR as "\n".
    """
    raw = text
    bom = 1 if raw.startswith("\ufeff") else 0
    text = raw[bom:].replace("\r\n", " \n").replace("\r", "\n")
    if fmt not in FORMATS:
        raise InputError(path, f"unknown format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))
    if not text.strip():
        raise InputError(path, "file is empty", hint="an article needs at least one paragraph of text")
    if fmt == "auto":
        fmt = detect_format(text, path)
    file_date, body_start, paragraphs, key, url = None, 0, None, None, None
    if fmt == "seed":
        match = _SEED_HEADER.match(text)
        if not match:
            raise InputError(path, "seed file must open with ' date YYYY-MM-DD '", line=1)
        file_date = _parse_date(match.group(1), path, 1, "date")
        body_start = match.end()
    elif fmt == "dantri":
        line_start = 0
        for number, line in enumerate(text.split("\n"), start=1):
            header = _DANTRI_HEADER.match(line)
            if not header:
                break
            if header.group(1) == "date":
                file_date = _parse_date(header.group(2), path, number, "date")
            elif header.group(1) == "doc_id":
                key = header.group(2).strip() or None
            elif header.group(1) == "url":
                url = header.group(2).strip() or None
            line_start += len(line) + 1
        body_start = min(line_start, len(text))
    elif fmt == "markdown":
        match = _FRONT_MATTER.match(text)
        if match:
            file_date = _front_matter_date(match.group(1), path)
            body_start = match.end()
        paragraphs = [_strip_markdown_marks(text, s) for s in blank_line_paragraphs(text, body_start, len(text))]
    if paragraphs is None:
        paragraphs = line_paragraphs(text, body_start, len(text))
    paragraphs = [Span(start=p.start + bom, end=p.end + bom) for p in paragraphs if p.end > p.start]
    if not paragraphs:
        raise InputError(path, "no article text after the header", hint="add the article's paragraphs")
    return Document(text=raw, date=date or file_date, source=str(path), key=key, url=url, format=fmt, paragraphs=paragraphs)


def _front_matter_date(block: str, path) -> dt.date | None:
    try:
        meta = yamlfile.load(block, first_line=2) or {}  # the block starts on the file's second line
    except yamlfile.YamlProblem as problem:
        raise InputError(path, f"front matter: {problem.message}", line=problem.line) from None
    if not isinstance(meta, dict) or "date" not in meta or meta["date"] is None:
        return None
    value = meta["date"]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    line = next((i for i, l in enumerate(block.split("\n"), start=2) if l.startswith("date")), None)
    return _parse_date(str(value), path, line, "front matter date")


def _strip_markdown_marks(text: str, span: Span) -> Span:
    """Leave heading and quote markers ('## ', '> ') out of the analyzed span."""
    match = re.match(r"(?:#{1,6}|>)\s+", text[span.start : span.end])
    return Span(start=span.start + match.end(), end=span.end) if match else span


def read_document(path: Path, fmt: str = "auto", date: dt.date | None = None) -> Document:
    """Read and parse one article file: a regular file of at most ``MAX_ARTICLE_BYTES``."""
    path = Path(path)
    if not path.exists():
        problem = "broken symbolic link or a link loop" if path.is_symlink() else "no such file"
        raise InputError(path, problem)
    if path.is_dir():
        raise InputError(path, "is a directory", hint="pass the files inside it, e.g. DIR/*.txt")
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise InputError(path, "not a regular file (a pipe, socket or device)", hint="save the article to a file, or pipe it to '-'")
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror}") from None
    return parse_document(decode(_within_limit(data, path), path), path, fmt, date)


def read_stream(stream, name: str = "<stdin>", fmt: str = "auto", date: dt.date | None = None) -> Document:
    """An article from a binary stream (standard input), with the same size limit."""
    if stream is None or stream.closed:
        raise InputError(name, "standard input is closed", hint="pipe an article in, or pass file names")
    try:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
    except (OSError, ValueError) as error:
        raise InputError(name, f"cannot read: {error}") from None
    return parse_document(decode(_within_limit(data, name), name), name, fmt, date)


def _within_limit(data: bytes, path: Path | str) -> bytes:
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(path, f"larger than {MAX_ARTICLE_BYTES // 1_000_000} MB, the most one article may be",
                         hint="split it into articles, or set FACTCHECK_MAX_ARTICLE_MB")
    return data
