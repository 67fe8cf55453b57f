"""Writing files that must never be left half-written: reports, fact files, the review store.

``atomic_write`` replaces a whole file: it writes a temporary file beside it
(``.NAME.<random>.tmp``), fsyncs it and renames it over the old one, so readers see the old
content or the new, never a mix. The new file keeps the old one's mode (a new file gets the
usual mode for the umask, not mkstemp's 0600), and a read-only file is refused rather than
silently replaced. ``append_lines`` adds whole lines to a log in one write and fsyncs them.
``exclusive_lock`` serializes writers of one file through a lock file ``.NAME.lock`` beside
it; while it is held, temporary files left by a killed writer of that file are removed.
Temporary and lock files are covered by the repository's .gitignore.

Errors are ``FileWriteError``: one line naming the file and what to do.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import stat
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from factcheck.model.errors import FactcheckError


class FileWriteError(FactcheckError):
    """A file cannot be written: read-only, a directory, no space, no permission."""


def _pause(variable: str) -> None:
    """Lets a test kill a writer at a chosen point (the variable holds seconds)."""
    if os.environ.get(variable):
        time.sleep(float(os.environ[variable]))


def check_writable(path: Path) -> None:
    """Refuse a directory or a read-only file (no write bit at all: root could write it, but
    ``chmod 444`` says the file must not change)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return
    if stat.S_ISDIR(status.st_mode):
        raise FileWriteError(f"{path} is a directory, not a file; give a file path")
    if not status.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise FileWriteError(f"{path} is read-only (mode {stat.S_IMODE(status.st_mode):04o}); "
                             f"make it writable (chmod u+w {path}) if it should change")


def _fsync_directory(directory: Path) -> None:
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def atomic_write(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (a string, or chunks as a renderer streams them) to ``path`` so that
    readers see the old file or the new one, never half."""
    path = Path(path)
    check_writable(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # 0o666 through the umask: the mode a new file would get from any editor
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(out.fileno(), stat.S_IMODE(path.stat().st_mode))  # keep the old file's mode
            for chunk in ([text] if isinstance(text, str) else text):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        _pause("FACTCHECK_TEST_PAUSE_BEFORE_RENAME")
        os.replace(temporary, path)
        _fsync_directory(path.parent)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise FileWriteError(f"cannot write {path}: {error.strerror or error}") from None
        raise


def append_lines(path: Path, lines: list[str], is_complete: Callable[[str], bool]) -> str:
    """Append ``lines`` (each without its newline) to ``path`` in one write, and fsync.

    Call it holding ``exclusive_lock(path)``. A last line without its newline is a write
    that was killed midway: it is cut off and returned, unless ``is_complete`` says it is
    whole (a file edited by hand), in which case its newline is added.
    """
    path = Path(path)
    check_writable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o666)
        try:
            prefix, cut = _repair_tail(handle, is_complete)
            data = (prefix + "".join(line + "\n" for line in lines)).encode("utf-8")
            if os.environ.get("FACTCHECK_TEST_PAUSE_MID_APPEND"):
                os.write(handle, data[: len(data) // 2])
                os.fsync(handle)
                _pause("FACTCHECK_TEST_PAUSE_MID_APPEND")
                data = data[len(data) // 2 :]
            while data:
                written = os.write(handle, data)
                data = data[written:]
            os.fsync(handle)
        finally:
            os.close(handle)
    except OSError as error:
        raise FileWriteError(f"cannot write {path}: {error.strerror or error}") from None
    return cut


def _repair_tail(handle: int, is_complete: Callable[[str], bool]) -> tuple[str, str]:
    """(what to write first, what was cut off): "\\n" when the last line is whole but
    unterminated; the torn last line, cut off, when it is not."""
    size = os.fstat(handle).st_size
    if size == 0 or os.pread(handle, 1, size - 1) == b"\n":
        return "", ""
    chunk = min(size, 1 << 16)
    tail = os.pread(handle, chunk, size - chunk)
    cut = tail.rfind(b"\n")
    if cut < 0 and chunk < size:  # a last line longer than the chunk: read it all
        tail, chunk = os.pread(handle, size, 0), size
        cut = tail.rfind(b"\n")
    last = tail[cut + 1 :].decode("utf-8", errors="replace")
    if is_complete(last):
        return "\n", ""
    os.ftruncate(handle, size - len(tail[cut + 1 :]))
    return "", last


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def remove_temporaries(path: Path) -> list[Path]:
    """Delete temporary files left by killed writers of ``path``; call it holding its lock."""
    removed = []
    for temporary in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            temporary.unlink()
            removed.append(temporary)
    return removed


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` (released when the process dies, even by a kill)."""
    lock = lock_path(Path(path))
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock, "a")
    except OSError as error:
        raise FileWriteError(f"cannot lock {path} (lock file {lock}): {error.strerror or error}") from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            remove_temporaries(Path(path))
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def keep_pickle(path: Path, value: object) -> str | None:
    """Write ``value`` pickled to ``path`` through a temporary file and a rename, for caches:
    None when written, else why not (a cache that cannot be written only costs speed)."""
    import pickle

    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        return error.strerror or str(error)
    return None
