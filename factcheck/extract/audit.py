"""Which lexicon entries do nothing? Drop each in turn, rerun every corpus file, and report
the entries whose removal changes no outcome.

    python -m factcheck.extract.audit [--only LIST[:ENTRY]] ...

The corpus test checks that each entry *appears* where its list works; this checks that it
*matters*: an entry whose removal no example notices is redundant (another entry does its
work), dead (a rule can never reach it) or unexercised (an example is missing). It reloads
the rule modules once per entry, so a full run takes minutes; it is a maintenance tool, not
part of the test suite. Exit code 1 when some entry does nothing.
"""

from __future__ import annotations

import argparse
import copy
import importlib
import sys
from typing import Any, Callable, Iterator

from factcheck.extract import lexicon

# The modules that read the lexicon at import, in dependency order.
_MODULES = ("numbers", "amounts", "names", "quantity", "duration", "percent", "money", "date", "score", "gap", "role", "location",
            "event", "registry", "engine", "corpus_runner")


def _reload() -> None:
    for name in _MODULES:
        importlib.reload(importlib.import_module(f"factcheck.extract.{name}"))


def _failures() -> int:
    from factcheck.extract import corpus_runner

    corpus_runner.all_corpora.cache_clear()
    failures = 0
    for corpus in corpus_runner.all_corpora().values():
        failures += sum(bool(corpus_runner.check_example(e, corpus)) for e in corpus.examples)
        failures += sum(bool(corpus_runner.check_negative(n, corpus)) for n in corpus.negatives)
    return failures


def _without(load: Callable[[str], Any], spec: lexicon.WordList, entry: str) -> Callable[[str], Any]:
    file, _, key = spec.name.partition(".")

    def patched(name: str) -> Any:
        data = load(name)
        if name != file:
            return data
        data = copy.deepcopy(data)
        words = data[key] if key else data
        if isinstance(words, dict):
            words.pop(entry, None)
        else:
            for item in words:
                if isinstance(item, list) and entry in item:
                    item.remove(entry)
            if entry in words:
                words.remove(entry)
        return data

    return patched


def idle_entries(only: list[str] | None = None) -> Iterator[tuple[str, str]]:
    """(list name, entry) for each entry whose removal changes no corpus outcome."""
    wanted = [tuple(o.split(":", 1)) if ":" in o else (o, None) for o in only or []]
    real = lexicon.load
    _reload()
    baseline = _failures()
    try:
        for spec in lexicon.WORD_LISTS:
            for entry, _ in spec.entries():
                if wanted and not any(spec.name == name and word in (None, entry) for name, word in wanted):
                    continue
                lexicon.load = _without(real, spec, entry)
                try:
                    _reload()
                    idle = _failures() == baseline
                except Exception:  # the rules cannot even be built without it ("ngày" in units)
                    idle = False
                lexicon.load = real
                if idle:
                    yield spec.name, entry
    finally:
        lexicon.load = real
        _reload()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", metavar="LIST[:ENTRY]", help="audit only this list (or entry); repeatable")
    args = parser.parse_args(argv)
    idle = 0
    for name, entry in idle_entries(args.only):
        idle += 1
        print(f"{name}: {entry!r} changes no corpus outcome when removed", flush=True)
    print(f"{idle} idle entries")
    return 1 if idle else 0


if __name__ == "__main__":
    sys.exit(main())
