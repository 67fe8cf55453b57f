#!/usr/bin/env bash
# The test command (README, CI): set up if needed, then run the whole suite.
# Tests that need ../shared data skip with a reason when it is absent; the HTML report test
# needs Chromium from the system packages and skips without it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1)) \
    || echo "note: could not install chromium; the browser test will skip"
fi
exec .venv/bin/python -m pytest -q "$@"
