#!/usr/bin/env bash
# The test command (README, CI): set up if needed, then run the whole suite.
# Tests that need ../shared data skip with a reason when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/python -m pytest -q "$@"
