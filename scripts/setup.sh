#!/usr/bin/env bash
# Create .venv and install factcheck with its test tools. Safe to run again: it only
# installs what is missing. torch is pinned to the CPU build (2.13.0) that this machine
# image carries; a bare "torch" would pull a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if ! .venv/bin/python -c "import factcheck, stanza, pytest" 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet "torch==2.13.0"
  .venv/bin/python -m pip install --quiet -e ".[test]"
fi
