"""Units of measure: which tokens after a number are units, and their value in base units.

A unit is either a spelling ``data/units.yaml`` lists ("km", "cây số", "MP") or a token the
open grammar there builds from an SI prefix and a symbol ("GB", "mAh", "GHz", "km²",
"km/h"): a unit the lexicon never named is still a unit. ``canonical`` converts an amount in
such a unit to pint's base units (``data/units.txt`` adds the Vietnamese ones pint lacks),
so "1,5 km" and "1.500 m" give the same canonical value and the verifier can compare them.

pint is loaded on first use, once: a run that meets no unit never pays for it.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck.extract.lexicon import DATA_DIR, alternation, load

_U = load("units")
SPELLINGS: dict[str, str] = {str(k): v for k, v in _U["spellings"].items()}
_LOWER_SPELLINGS = {k.lower(): v for k, v in SPELLINGS.items() if not k.isascii()}  # "Mét" as "mét"
NOT_UNITS = set(_U["not_units"])
DEFINITIONS: Path = DATA_DIR / "units.txt"

# The open grammar: an SI prefix and a symbol ("GB", "mAh", "GHz", "kcal"), optionally
# squared or cubed ("km²") or per another ("km/h"). These are SI and IEC symbols, the same in
# every language, so they live here and not in the word lists.
PREFIXES = ("k", "M", "G", "T", "m", "µ", "n", "c", "h")
SYMBOLS = ("m", "g", "W", "Wh", "Hz", "B", "bps", "V", "Ah", "Pa", "J", "cal", "s")
# Symbols that may stand without a prefix: the others are too short to tell from a label
# ("nhóm A", "4G", "5 s").
BARE_SYMBOLS = ("W", "Wh", "Hz", "bps", "V", "Pa", "cal")
_PREFIXED = rf"(?:{alternation(PREFIXES)}{alternation(SYMBOLS)})"
_BARE = alternation(BARE_SYMBOLS)
_ONE = rf"(?:{_PREFIXED}|{_BARE})[²³23]?"
# A unit symbol the grammar builds: "GB", "mAh", "km²", "km/h" (case-sensitive).
SYMBOL = rf"(?:{_ONE}(?:/(?:{_ONE}|h))?)"
_SYMBOL_FULL = re.compile(SYMBOL)
# A Latin unit token as it may follow a number: a spelling of units.yaml written in Latin
# letters, or a symbol of the grammar; never followed by a letter, a digit or a hyphen and a
# letter ("13 V-League" is a name).
# The grammar goes first, so "km/h" is read whole and not as "km".
LATIN_UNIT = rf"(?:{SYMBOL}|{alternation(k for k in SPELLINGS if re.fullmatch(r'[A-Za-z°⁰µ²³]+', k))})(?![\w²³]|-[^\W\d_])"


def is_unit(token: str) -> bool:
    """True for a token units.yaml spells or its grammar builds, not for a listed non-unit."""
    if token in NOT_UNITS:
        return False
    return token in SPELLINGS or token.lower() in _LOWER_SPELLINGS or bool(_SYMBOL_FULL.fullmatch(token))


@lru_cache(maxsize=1)
def registry():
    """pint's default registry with ``data/units.txt`` loaded on top, built once."""
    import pint

    units = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    units.load_definitions(str(DEFINITIONS))
    return units


@lru_cache(maxsize=None)
def pint_unit(token: str):
    """The pint unit a token stands for, or None when it is no unit pint can read."""
    if not is_unit(token):
        return None
    expression = SPELLINGS.get(token) or _LOWER_SPELLINGS.get(token.lower()) or token.replace("²", "**2").replace("³", "**3")
    expression = re.sub(r"(?<=[A-Za-z])([23])$", r"**\1", expression) if expression == token else expression
    try:
        unit = registry().parse_units(expression)
    except Exception:  # pint raises several kinds of errors for text it cannot read
        return None
    return unit


def _round(number: float) -> float:
    """Nine significant digits: 1.5 km is 1500 m, not 1500.0000000000002."""
    if number == 0 or not math.isfinite(number):
        return number
    digits = 9 - int(math.floor(math.log10(abs(number)))) - 1
    rounded = round(number, digits)
    return float(int(rounded)) if rounded.is_integer() else rounded


def to_base(amount: float, token: str) -> tuple[float, str] | None:
    """``amount`` of ``token`` in pint's base units, with the base unit's name; None when
    the token is no unit pint can read."""
    unit = pint_unit(token)
    if unit is None:
        return None
    quantity = registry().Quantity(amount, unit).to_base_units()
    return _round(float(quantity.magnitude)), str(quantity.units)


def canonical(value: Any) -> dict[str, Any] | None:
    """The ``canonical`` field of a quantity value: its amount, min, max and amounts in base
    units, and the base unit's name; None when its unit is none pint can read."""
    if not value.unit:
        return None
    out: dict[str, Any] = {}
    for field in ("amount", "min", "max"):
        number = getattr(value, field)
        if number is not None:
            converted = to_base(number, value.unit)
            if converted is None:
                return None
            out[field], out["unit"] = converted
    if value.amounts:
        converted = [to_base(number, value.unit) for number in value.amounts]
        if any(c is None for c in converted):
            return None
        out["amounts"] = [c[0] for c in converted]
        out["unit"] = converted[0][1]
    return out if "unit" in out else None


def same_measure(amount: float, unit: str, other_amount: float, other_unit: str) -> bool | None:
    """Whether two amounts in two units are the same measure: None when either unit is no
    unit pint can read or the two measure different things (metres and kilograms)."""
    first, second = to_base(amount, unit), to_base(other_amount, other_unit)
    if first is None or second is None or first[1] != second[1]:
        return None
    return math.isclose(first[0], second[0], rel_tol=1e-6, abs_tol=1e-9)


def comparable(unit: str, other_unit: str) -> bool:
    """True when pint reads both units and they measure the same thing."""
    first, second = to_base(1.0, unit), to_base(1.0, other_unit)
    return first is not None and second is not None and first[1] == second[1]
