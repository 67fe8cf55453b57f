"""The generated country list of the rules (extract/data/country_names.txt) is what the pack gives."""

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.extract.names import COUNTRIES, person

ROOT = Path(__file__).resolve().parent.parent


def test_country_names_match_the_world_countries_pack():
    if not (ROOT / "packs" / "world-countries.yaml").exists():
        pytest.skip("packs/world-countries.yaml is not built (./scripts/setup.sh builds it)")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "country_names.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_country_names_are_countries_not_persons():
    assert {"Thổ Nhĩ Kỳ", "Bulgaria", "Slovakia", "Syria", "Mỹ"} <= set(COUNTRIES)
    assert "Jordan" not in COUNTRIES and "Áo" not in COUNTRIES  # a given name; "shirt"
    assert person("Bulgaria") is None and person("Ekaterina Zaharieva") == "Ekaterina Zaharieva"
