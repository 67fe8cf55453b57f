"""A hostile input: one plain-text file of many short lines, each a paragraph with two claims.

    python bench/lines.py [--lines 200000] [--keep FILE]

Writes "Có 5 người bị thương, 3 xe hư hỏng." ``--lines`` times and runs the real command
line on it (``check --no-nlp --no-cache -f jsonl``, output discarded), printing wall time,
CPU time and peak RSS. The target: 200,000 lines in under 60 s on two cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE = "Có 5 người bị thương, 3 xe hư hỏng.\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="write the input here and keep it")
    args = parser.parse_args()
    path = args.keep or Path(tempfile.mkstemp(prefix="factcheck-lines-", suffix=".txt")[1])
    path.write_text(LINE * args.lines, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    command = [sys.executable, "-m", "factcheck.cli.main", "check", "--no-nlp", "--no-cache", "--fail-on", "never",
               "-f", "jsonl", "--date", "2026-01-31", "--facts", str(ROOT / "claims"), str(path)]
    try:
        started = time.perf_counter()
        with open(os.devnull, "wb") as sink:
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE, env=env)
            _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            print(process.stderr.read().decode()[-2000:], file=sys.stderr)
            return 1
        print(f"{args.lines} lines: {seconds:.1f} s wall, {usage.ru_utime:.1f} s user, "
              f"{usage.ru_stime:.1f} s system, peak RSS {usage.ru_maxrss // 1024} MB")
    finally:
        if args.keep is None:
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
