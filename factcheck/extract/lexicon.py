"""Lexicons are data (``extract/data/*.yaml``); this module loads them once and builds regex parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from factcheck.model.claims import ClaimKind

DATA_DIR = Path(__file__).parent / "data"

# A word boundary that treats Vietnamese letters as letters (\b does, but we also need to
# stop at digits joined to letters: "7h30").
LEFT = r"(?<![\w])"
RIGHT = r"(?![\w])"
# One upper-case letter, Vietnamese included (a range like À-Ỹ would take lower case too).
UPPER = "[A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ]"
# A capitalized syllable, hyphenated parts allowed ("Gyu-back"), and a run of them.
CAPITALIZED = rf"{UPPER}[^\W\d_]*(?:-[^\W\d_]+)*"
# A name is at most ``NAME_SYLLABLES`` syllables. Patterns that end a name on something after
# it ("Tokyo (Nhật Bản)") are tried from every word of a run of capitalized words; unbounded,
# each try would scan to the run's end, and a long run (an all-caps headline, a list of
# names) would cost time in the square of its length. Of a longer run, the last syllables match.
NAME_SYLLABLES = 12
NAME = rf"{CAPITALIZED}(?:[ ]{CAPITALIZED}){{0,{NAME_SYLLABLES - 1}}}"
# A space, then a capital: in every match of a pattern with ``\s+{NAME}`` (their ``needs``).
SPACE_CAPITAL = rf"\s{UPPER}"


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parsed ``extract/data/<name>.yaml``."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """The lines of a generated list ``extract/data/<name>.txt``, without comments and blanks."""
    with (DATA_DIR / f"{name}.txt").open(encoding="utf-8") as handle:
        return tuple(line.strip() for line in handle if line.strip() and not line.startswith("#"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "ít nhất" wins over "ít"."""
    unique = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) + ")"


class Use(str, Enum):
    """Where an example shows a word list's entry at work (see ``WordList``)."""

    claim = "claim"  # inside the text of an expected claim
    edge = "edge"  # inside an expected claim, or the word just before or after it (after its subject when one is asserted)
    clause = "clause"  # in the same clause as an expected claim
    sentence = "sentence"  # in an example that expects a claim of the kind
    blocker = "blocker"  # in a counter-example of the kind: the word is why it gives no claim


@dataclass(frozen=True)
class WordList:
    """How one word list is used, so the corpus test knows what exercising an entry means.

    name    ``file`` for a file that is one list, ``file.key`` for a list inside a file
    kinds   the claim kinds whose corpora exercise it
    use     where the entry must appear (``Use``), or a tuple: any of them will do
    field   for a mapping, the claim value field its mapped value reaches: an example that
            exercises the entry must assert that field
    check   how the mapped value relates to the asserted field: "asserted" (the field is
            asserted), "equals" (field == mapped value), "weekday" (the date's weekday,
            Monday = 0), "days_from_article" (date - article date, in days); for plain
            lists, "after_article": the claim's date is after the article date
    case_sensitive  entries match with their case ("thứ Ba" is Tuesday, "thứ ba" third)
    """

    name: str
    kinds: tuple[ClaimKind, ...]
    use: Use | tuple[Use, ...]
    field: str | None = None
    check: str = "asserted"
    case_sensitive: bool = False

    @property
    def uses(self) -> tuple[Use, ...]:
        return self.use if isinstance(self.use, tuple) else (self.use,)

    def entries(self) -> list[tuple[str, Any]]:
        """(entry, mapped value, or None for a plain list)."""
        file, _, key = self.name.partition(".")
        data = load(file)
        data = data[key] if key else data
        if isinstance(data, dict):
            return [(str(word), value) for word, value in data.items()]
        flat: list[tuple[str, Any]] = []
        for item in data:
            flat.extend((str(word), None) for word in (item if isinstance(item, list) else [item]))
        return flat


_K = ClaimKind
_NUMERIC_AMOUNTS = (_K.quantity, _K.duration, _K.percent, _K.money, _K.gap)
WORD_LISTS: tuple[WordList, ...] = (
    WordList("currencies.codes", (_K.money,), Use.claim, field="currency", check="equals"),
    WordList("currencies.least_amount", (_K.money,), Use.blocker),
    WordList("date_words.day_cues", (_K.date,), Use.edge),
    WordList("date_words.future_cues", (_K.date,), Use.sentence, check="after_article"),
    WordList("date_words.relative_days", (_K.date,), Use.claim, field="date", check="days_from_article"),
    WordList("date_words.relative_periods", (_K.date,), Use.claim, field="start"),
    WordList("date_words.weekdays", (_K.date,), Use.claim, field="date", check="weekday", case_sensitive=True),
    WordList("date_words.year_cues", (_K.date,), Use.claim),
    WordList("date_words.units", (_K.date,), Use.claim),
    WordList("date_words.parts", (_K.date,), Use.claim, field="start"),
    WordList("date_words.past", (_K.date,), Use.claim),
    WordList("date_words.day_joiners", (_K.date,), Use.edge),
    WordList("date_words.date_list_words", (_K.date,), Use.edge),
    WordList("date_words.duration_cues", (_K.date,), Use.sentence),
    WordList("date_words.amount_before", (_K.date,), Use.blocker),
    WordList("date_words.clause_shifts", (_K.date,), Use.blocker),
    WordList("date_words.clause_openers", (_K.date,), Use.blocker),
    WordList("date_words.weekday_next", (_K.date,), Use.claim),
    WordList("date_words.same_day", (_K.date,), Use.claim),
    WordList("date_words.day_times", (_K.date,), Use.claim),
    WordList("date_words.range_from", (_K.date,), Use.claim),
    WordList("date_words.range_to", (_K.date,), Use.claim),
    WordList("date_words.range_through", (_K.date,), Use.claim),
    WordList("date_words.leading_parts", (_K.date,), Use.claim, field="start"),
    WordList("duration_words.clock_before", (_K.duration,), Use.blocker),
    WordList("duration_words.clock_after", (_K.duration,), Use.blocker),
    WordList("duration_words.clock_hour", (_K.duration,), Use.blocker),
    WordList("duration_words.clock_minute", (_K.duration,), Use.blocker),
    WordList("duration_words.ordinal_before", (_K.duration,), Use.blocker),
    WordList("event_words.event_nouns", (_K.event,), Use.claim, field="event", check="equals"),
    WordList("event_words.place_cues", (_K.event,), Use.sentence),
    WordList("event_words.place_types", (_K.event,), Use.sentence),
    WordList("function_words.stop_words", (_K.quantity, _K.duration, _K.percent, _K.role), (Use.edge, Use.blocker)),
    WordList("gap_words.after", (_K.gap,), Use.claim),
    WordList("gap_words.resumption_cues", (_K.gap,), Use.sentence),
    WordList("gap_words.break_words", (_K.gap,), Use.claim),
    WordList("gap_words.noun_prefixes", (_K.gap,), Use.clause),
    WordList("measures", (_K.quantity,), Use.claim, case_sensitive=True),
    WordList("numbers.digits", _NUMERIC_AMOUNTS, Use.claim, field="amount"),
    WordList("numbers.ten", _NUMERIC_AMOUNTS, Use.claim),
    WordList("numbers.tens", _NUMERIC_AMOUNTS, Use.claim),
    WordList("numbers.zero_place", _NUMERIC_AMOUNTS, Use.claim),
    WordList("numbers.multipliers", _NUMERIC_AMOUNTS, Use.claim, field="amount"),
    WordList("numbers.half", _NUMERIC_AMOUNTS, Use.claim),
    WordList("numbers.one_half", _NUMERIC_AMOUNTS, Use.claim),
    WordList("numbers.need_predecessor", (_K.quantity,), Use.blocker),
    WordList("numbers.noun_before_digit", (_K.quantity,), (Use.edge, Use.blocker)),
    WordList("numbers.not_multipliers", (_K.quantity,), (Use.claim, Use.blocker)),
    WordList("percent_words", (_K.percent,), Use.claim),
    WordList("places.place_types", (_K.location,), Use.claim),
    WordList("places.type_aliases", (_K.location,), Use.claim, field="place_type", check="equals"),
    WordList("places.admin_types", (_K.location,), Use.claim),
    # A level shows in a list of same-level places, now claims of location.typed_place.
    WordList("places.place_levels", (_K.location,), (Use.claim, Use.blocker)),
    WordList("places.countries", (_K.role, _K.location), Use.claim),
    WordList("places.place_acronyms", (_K.location,), Use.claim),
    WordList("places.joined_names", (_K.location,), Use.claim),
    WordList("places.org_heads", (_K.role,), Use.claim),
    WordList("places.unit_heads", (_K.location,), Use.blocker),
    WordList("places.institutions", (_K.location,), Use.blocker),
    WordList("places.credit_words", (_K.location,), Use.blocker),
    WordList("places.plural_words", (_K.location,), Use.blocker),
    WordList("places.surnames", (_K.location,), Use.edge, case_sensitive=True),
    WordList("places.city_cues", (_K.location,), Use.edge),
    WordList("places.region_cues", (_K.location,), Use.claim),
    WordList("places.owner_words", (_K.location,), Use.claim),
    WordList("places.list_words", (_K.location,), Use.blocker),
    WordList("qualifiers.approx", _NUMERIC_AMOUNTS, Use.claim),
    WordList("qualifiers.lower", _NUMERIC_AMOUNTS, Use.claim),
    WordList("qualifiers.upper", _NUMERIC_AMOUNTS, Use.claim),
    WordList("qualifiers.vague", _NUMERIC_AMOUNTS, Use.claim),
    WordList("qualifiers.plain", _NUMERIC_AMOUNTS, Use.claim),
    WordList("qualifiers.range_words", _NUMERIC_AMOUNTS, Use.claim),
    WordList("quantity_words.ordinal_before", (_K.quantity,), Use.blocker),
    WordList("quantity_words.year_words", (_K.quantity,), Use.blocker),
    WordList("quantity_words.year_after", (_K.quantity,), Use.blocker),
    WordList("quantity_words.article_numbers", (_K.quantity,), Use.blocker),
    WordList("quantity_words.compound_nouns", (_K.quantity,), Use.claim),
    WordList("quantity_words.half_words", (_K.quantity,), Use.blocker),
    WordList("duration_words.age_after", (_K.duration,), Use.blocker),
    WordList("numbers.not_after_tens", (_K.duration,), Use.claim),
    WordList("quantity_words.unit_first", (_K.quantity,), Use.claim),
    WordList("quantity_words.counted_words", (_K.quantity,), Use.claim),
    WordList("quantity_words.ambiguous_numbers", (_K.quantity,), Use.blocker),
    WordList("quantity_words.not_ordinal", (_K.quantity,), Use.edge),
    WordList("quantity_words.counted_acronyms", (_K.quantity,), Use.claim, case_sensitive=True),
    WordList("quantity_words.half_positions", (_K.quantity,), Use.blocker),
    WordList("quantity_words.multiple_cues", (_K.quantity,), Use.claim),
    WordList("quantity_words.multiple_words", (_K.quantity,), Use.claim, field="amount", check="equals"),
    WordList("quantity_words.multiple_unit", (_K.quantity,), Use.edge),
    WordList("score_words.score_cues", (_K.score,), Use.clause),
    WordList("score_words.score_phrase_cues", (_K.score,), Use.claim),
    WordList("score_words.outcomes", (_K.score,), Use.claim, field="outcome", check="equals"),
    WordList("score_words.units_after", (_K.score,), Use.blocker),
    WordList("units.spellings", (_K.quantity,), Use.claim, case_sensitive=True),
    WordList("units.not_units", (_K.quantity,), Use.blocker, case_sensitive=True),
    WordList("time_units", (_K.duration, _K.gap), Use.claim, field="unit", check="equals"),
    WordList("titles.titles", (_K.role,), Use.claim, field="title_class", check="equals"),
    WordList("titles.domains", (_K.role,), Use.claim),
    WordList("titles.modifiers", (_K.role,), Use.claim),
    WordList("titles.modifier_compounds", (_K.role,), Use.clause),
    WordList("titles.span_modifiers", (_K.role,), Use.claim),
    WordList("titles.title_suffixes", (_K.role,), Use.claim),
    WordList("titles.title_joiners", (_K.role,), Use.claim),
    WordList("titles.organization_heads", (_K.role,), (Use.claim, Use.blocker)),
    WordList("titles.not_names", (_K.role,), Use.blocker, case_sensitive=True),
    WordList("titles.places", (_K.role,), Use.blocker),
    WordList("titles.organizations", (_K.role,), (Use.claim, Use.blocker)),
    WordList("titles.organization_links", (_K.role,), Use.claim),
    WordList("titles.portfolio_titles", (_K.role,), Use.blocker),
    WordList("titles.unit_titles", (_K.role,), Use.blocker),
    WordList("titles.name_particles", (_K.role,), Use.claim, case_sensitive=True),
    WordList("titles.caption_marks", (_K.role,), Use.sentence),
    WordList("titles.after_name_only", (_K.role,), (Use.claim, Use.blocker)),
    WordList("titles.degree_abbreviations", (_K.role,), Use.claim, case_sensitive=True),
    WordList("titles.personal_titles", (_K.role,), Use.claim),
    WordList("titles.given_names", (_K.role,), Use.claim, case_sensitive=True),
    WordList("titles.vessel_words", (_K.role,), Use.blocker),
    WordList("titles.surnames", (_K.role,), Use.claim, case_sensitive=True),
    WordList("titles.linkers", (_K.role,), Use.claim),
    WordList("titles.linker_adverbs", (_K.role,), Use.claim),
    WordList("titles.office_cues", (_K.role,), Use.edge),
    WordList("titles.list_openers", (_K.role,), Use.edge),
    WordList("titles.list_joiners", (_K.role,), Use.edge),
    WordList("titles.subject_shifts", (_K.role,), Use.blocker),
    WordList("titles.successor_words", (_K.role,), Use.sentence),
    WordList("titles.age_words", (_K.role,), Use.sentence),
    WordList("titles.birth_words", (_K.role,), Use.sentence),
    WordList("titles.name_joiners", (_K.role,), Use.edge),
    WordList("titles.plural_words", (_K.role,), Use.edge),
    WordList("titles.articles", (_K.role,), (Use.claim, Use.blocker)),
    WordList("titles.aside_words", (_K.role,), Use.edge),
    WordList("titles.honorifics", (_K.role,), Use.edge),
    WordList("titles.honorifics_lowercase", (_K.role,), Use.edge, case_sensitive=True),
    WordList("titles.organization_ends", (_K.role,), Use.edge),
)


def data_lists() -> list[str]:
    """The name of every list in the data files: a file that is one list (or one flat mapping)
    is ``file``; a file of several lists gives ``file.key`` for each."""
    names: list[str] = []
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data = load(path.stem)
        if isinstance(data, dict) and any(isinstance(v, (list, dict)) for v in data.values()):
            names.extend(f"{path.stem}.{key}" for key in data)
        else:
            names.append(path.stem)
    return names
