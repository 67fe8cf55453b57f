"""``date``: a day, a span of days, a month, a quarter or a year, resolved against the
article date: "ngày 30/1", "tháng 10/2020", "cuối tháng này", "hôm qua".

A date without a year takes the article's year, and the year before when that would put it
after the article date, unless the sentence speaks of the future ("tới", "sẽ", "dự kiến").
Without an article date, relative dates are claims with ``resolved: false``.

Corpus: ``corpus/date.yaml`` (article date pinned to Saturday 2026-01-31).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import Rule, SentenceContext, rule
from factcheck.extract.lexicon import LEFT, RIGHT, alternation, load
from factcheck.extract.numbers import NUMBER_WORD, parse_number

_D = load("date_words")
_FUTURE = re.compile(LEFT + alternation(_D["future_cues"]) + RIGHT, re.IGNORECASE)
_CUE = alternation(_D["day_cues"])
_RELATIVE_DAYS: dict[str, int] = _D["relative_days"]
# An undated day-month at most this many days after the article date is the coming one even
# without a future cue ("Phiên họp diễn ra ngày 29/4" in an article of 28/4; a fixture list
# "23h45 ngày 7/6: Việt Nam - Indonesia" in one of 29/4): news gives the year of a day ten or
# eleven months back. (No gold date so resolved is ever a year back.)
_NEAR_FUTURE = dt.timedelta(days=60)
_UNITS: dict[str, str] = {word.lower(): unit for word, unit in _D["units"].items()}
_WORD = {unit: alternation(w for w, u in _D["units"].items() if u == unit) for unit in set(_UNITS.values())}  # "ngày", "tháng" ...
_PARTS: dict[str, dict[str, list[int]]] = _D["parts"]
_PART = alternation(_PARTS)  # "đầu", "giữa", "cuối"
_PAST = alternation(_D["past"])  # "hồi"
_DAY = r"(?P<day>[0-3]?\d)"
_MONTH = r"(?P<month>[01]?\d)"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_A_YEAR = r"(?:1[5-9]|20)\d\d"  # ``needs`` of the rules that cannot match without a year
_START = r"(?<![\w/.,\-])"
_END = r"(?![\w/%]|[.,\-]\d)"


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _claim(match: re.Match, value: Value) -> ClaimDraft:
    """A date claim over the whole match."""
    return ClaimDraft(kind=ClaimKind.date, start=match.start(), end=match.end(), value=value, rule="")


def _unresolved(match: re.Match) -> ClaimDraft:
    """A relative date in an article without a date: still a claim, marked unresolved."""
    return _claim(match, Value(resolved=False))


def _span(match: re.Match, start: dt.date, end: dt.date) -> ClaimDraft:
    return _claim(match, Value(start=_iso(start), end=_iso(end)))


def _part(part: str | None, period: str, whole: tuple[int, int]) -> tuple[int, int]:
    """What a part word ("đầu", "giữa", "cuối") covers of a period; ``whole`` without one."""
    covered = _PARTS.get(part.lower(), {}).get(period) if part else None
    return (covered[0], covered[1]) if covered else whole


def _month_span(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    start, end = _part(part, "month", (1, last))
    return dt.date(year, month, start), dt.date(year, month, min(end, last))


def _year_span(year: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    months = _part(part, "year", (1, 12))
    return dt.date(year, months[0], 1), dt.date(year, months[1], calendar.monthrange(year, months[1])[1])


def _week_span(day: dt.date, part: str | None = None) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    first, last = _part(part, "week", (0, 6))
    return monday + dt.timedelta(days=first), monday + dt.timedelta(days=last)


def _year_for(month: int, day: int, context: SentenceContext) -> int | None:
    """The article's year, or the one before when the date would be more than
    ``_NEAR_FUTURE`` after the article (and the sentence does not speak of the future)."""
    if context.article_date is None:
        return None
    year = context.article_date.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    if candidate > context.article_date + _NEAR_FUTURE and not _FUTURE.search(context.text):
        return year - 1
    return year


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _one_day(match: re.Match, context: SentenceContext, day: int, month: int, year: int | None, start=None, end=None):
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is None:
        year = _year_for(month, day, context)
    if year is None:
        value = Value(resolved=False)
    else:
        date = _valid(year, month, day)
        if date is None:
            return None
        value = Value(date=_iso(date))
    return ClaimDraft(kind=ClaimKind.date, start=match.start() if start is None else start, end=match.end() if end is None else end, value=value, rule="")


@rule("date.day_month_year", ClaimKind.date, rf"{_START}(?:{_WORD['day']}\s+)?{_DAY}\s*(?P<sep>[/.\-])\s*{_MONTH}\s*(?P=sep)\s*{_YEAR}{_END}", priority=72, needs=_A_YEAR)
def day_month_year(match: re.Match, context: SentenceContext):
    """A full day, month and year with one separator: "30/10/2020", "ngày 1-5-2021", "30.10.2020".

    Value: date, the ISO day.

    Why: a dated statement is checkable against the record of the event, and dates are
    where copy errors (a swapped day and month) hide.

    Not: mixed separators ("30/10-2020") and days that do not exist ("31/2/2020").
    """
    return _one_day(match, context, int(match.group("day")), int(match.group("month")), int(match.group("year")))


@rule("date.day_month_words", ClaimKind.date, rf"{_START}{_WORD['day']}\s+{_DAY}\s+{_WORD['month']}\s+{_MONTH}(?:\s+{_WORD['year']}\s+{_YEAR})?{_END}", priority=72, needs=r"\d")
def day_month_words(match: re.Match, context: SentenceContext):
    """A date written in words: "ngày 30 tháng 1 năm 2026", "ngày 5 tháng 3".

    Value: date, the ISO day; without "năm ..." the year comes from the article date.

    Why: the long form is how official statements and decrees date themselves.

    Not: without "ngày" in front ("30 tháng 1" is left to the other rules).
    """
    year = int(match.group("year")) if match.group("year") else None
    return _one_day(match, context, int(match.group("day")), int(match.group("month")), year)


_DAY_JOINERS: dict[str, str] = _D["day_joiners"]  # "và": list, "đến": span
_DAY_JOINER = alternation(_DAY_JOINERS)


@rule(
    "date.day_list_month",
    ClaimKind.date,
    rf"{_START}(?:(?P<cue>{_CUE})\s+)?(?P<d1>[0-3]?\d)\s*(?P<join>{_DAY_JOINER}|,|-|–)\s*{_DAY}\s*/\s*{_MONTH}(?:\s*/\s*{_YEAR})?{_END}",
    priority=71,
    needs="/",
)
def day_list_month(match: re.Match, context: SentenceContext):
    """Two days of one month after a date cue: "ngày 28 và 29/10", "ngày 10-12/1".

    Value: with "và" or a comma, two claims, each a date ("ngày 28" and "29/10"); with a
    dash or "đến", one claim with start and end.

    Why: multi-day events (a fair, a strike, a two-day toll) are stated this way, and the
    first day would otherwise be lost.

    Not: without a cue word before the first day, or when the first day is not before the
    second ("ngày 29 và 28/10").
    """
    if not match.group("cue"):
        return None
    month, year = int(match.group("month")), int(match.group("year")) if match.group("year") else None
    first, second = int(match.group("d1")), int(match.group("day"))
    if not first < second:
        return None
    a = _one_day(match, context, first, month, year)
    b = _one_day(match, context, second, month, year)
    if a is None or b is None:
        return None
    if match.group("join") in ("-", "–") or _DAY_JOINERS.get(match.group("join").lower()) == "span":
        a.value = Value(start=a.value.date, end=b.value.date) if a.value.date else a.value
        return a
    split = match.start("d1") + len(match.group("d1"))
    a.end = split
    b.start = match.start("day")
    return [a, b]


_LISTED = re.compile(rf"\s+(?:{alternation(_D['date_list_words'])}|-)\s+[0-3]?\d\s*/\s*[01]?\d")  # "30/4 và 1/5"


@rule("date.day_month", ClaimKind.date,
      rf"{_START}(?:(?P<relative>{alternation(_RELATIVE_DAYS)})\s+|(?P<cue>{_CUE})\s+)?{_DAY}\s*/\s*{_MONTH}{_END}", priority=70, needs="/")
def day_month(match: re.Match, context: SentenceContext):
    """A day and month: "ngày 30/1", "chiều 17/11", "(18/11)", "hôm 15/1", "sáng nay 26/4"
    (a relative day with the date it names: one claim, the written date's).

    Value: date. The year is the article's, or the year before when the date would fall
    after the article, unless the sentence speaks of the future ("sắp tới", "dự kiến").

    Why: news dates most events by day and month only; resolving the year is what makes
    the claim checkable.

    Not: a bare "2/3" with no cue word, parenthesis or following comma: most often a
    fraction ("khoảng 2/3 số người").
    """
    if match.group("relative"):
        return _one_day(match, context, int(match.group("day")), int(match.group("month")), None)
    cue = match.group("cue")
    before = context.text[max(0, match.start() - 2) : match.start()]
    after = context.text[match.end() : match.end() + 2]
    listed = _LISTED.match(context.text, match.end())
    if not cue and "(" not in before and not re.match(r"\s*[,)]", after) and not listed and match.start() > 0:
        return None  # a bare "2/3" is more often a fraction
    start = match.start() if cue and _UNITS.get(cue.lower()) == "day" else match.start("day")
    return _one_day(match, context, int(match.group("day")), int(match.group("month")), None, start=start)


@rule("date.month_year", ClaimKind.date, rf"{_START}(?:(?P<part>{_PART})\s+)?{_WORD['month']}\s+{_MONTH}(?:\s*(?:/|{_WORD['year']})\s*{_YEAR})?{_END}", priority=69, needs=r"\d")
def month_year(match: re.Match, context: SentenceContext):
    """A month: "tháng 10/2020", "tháng 3 năm 2019", "cuối tháng 12", "đầu tháng 1".

    Value: start and end of the month, or of its first ten days ("đầu"), middle ten
    ("giữa") or the rest ("cuối"); without a year, the article's year (or the one before).

    Why: monthly figures (revenue, cases, arrivals) are reported by month, and the month is
    what a source confirms.

    Not: month numbers above 12 ("tháng 13").
    """
    month = int(match.group("month"))
    if not 1 <= month <= 12:
        return None
    year = int(match.group("year")) if match.group("year") else _year_for(month, 1, context)
    if year is None:
        return _unresolved(match)
    start, end = _month_span(year, month, match.group("part"))
    return _span(match, start, end)


@rule("date.year", ClaimKind.date, rf"{_START}(?:(?P<part>{_PART})\s+)?{_WORD['year']}\s+{_YEAR}{_END}", priority=68, needs=_A_YEAR)
def year(match: re.Match, context: SentenceContext):
    """A year after "năm": "năm 2019", "cuối năm 2020", "Đầu năm 2000".

    Value: start and end of the year, or of its first quarter ("đầu"), April to September
    ("giữa") or the last quarter ("cuối").

    Why: yearly figures and founding dates are stated by year.

    Not: years outside 1500-2099 ("năm 3000").
    """
    start, end = _year_span(int(match.group("year")), match.group("part"))
    return _span(match, start, end)


_LISTED_YEARS = re.compile(rf"{LEFT}{_WORD['year']}\s+{_A_YEAR}(?:(?:\s*,\s*|\s+{_DAY_JOINER}\s+){_A_YEAR})*$", re.IGNORECASE)

_LIST_GOES_ON = re.compile(rf"\s*(?:[,.;:!?)]|$)|\s+{_DAY_JOINER}\s+\d", re.IGNORECASE)


@rule("date.year_list", ClaimKind.date, rf"(?<=\d)(?:\s*,\s*|\s+(?P<join>{_DAY_JOINER})\s+)(?P<y>1[5-9]\d\d|20\d\d){_END}", priority=64,
      needs=_A_YEAR)
def year_list(match: re.Match, context: SentenceContext):
    """A year listed after "năm" and a year: the "2008" of "năm 2007 và 2008", the "2006" of "năm 2005, 2006".

    Value: start and end of the year.

    Why: figures and events are given for several years at once ("trong 2 năm 2007 và
    2008"), and each year is a date the article states.

    Not: a number after a year without "năm" ("ngày 30/1/2020, 2008 người"), after a
    joiner that makes a span ("năm 2007 đến 2010" is left to the other rules), and one that
    a word follows rather than the list's end or its next year ("Năm 2020, 2000 người").
    """
    if match.group("join") and _DAY_JOINERS.get(" ".join(match.group("join").lower().split())) != "list":
        return None
    if not _LISTED_YEARS.search(context.before(match.start())) or not _LIST_GOES_ON.match(context.text, match.end()):
        return None
    year = int(match.group("y"))
    return ClaimDraft(kind=ClaimKind.date, start=match.start("y"), end=match.end("y"),
                      value=Value(start=_iso(dt.date(year, 1, 1)), end=_iso(dt.date(year, 12, 31))), rule="")


# An amount right before "tuần trước" makes it a span of time; not the digits of a code ("COVID-19 tuần tới").
_AFTER_AMOUNT = re.compile(rf"(?:(?<![\w\-–/.,])\d+(?:[.,]\d+)*|{LEFT}{alternation(_D['amount_before'])})\s*$", re.IGNORECASE)
_CLAUSE_SHIFTS = set(_D["clause_shifts"])
_DIGIT_NEXT = re.compile(r"\s*\d")
_EXPLICIT_DATE_NEXT = re.compile(r"\s*(?:\d|,\s*\d|\(\s*\d)")
_CLAUSE_OPENER = re.compile(rf"\s*{alternation(_D['clause_openers'])}\b")
_PERIOD_WORDS = [w for w, u in _D["units"].items() if u in ("week", "month", "year")]
_PERIOD = alternation(_PERIOD_WORDS)
_RELATIVE_PERIODS: dict[str, int] = _D["relative_periods"]
_WEEKDAYS: dict[str, int] = _D["weekdays"]


@rule("date.relative_day", ClaimKind.date, rf"{LEFT}(?P<word>{alternation(_RELATIVE_DAYS)}){RIGHT}", priority=67)
def relative_day(match: re.Match, context: SentenceContext):
    """A day named relative to today: "hôm qua", "sáng nay", "ngày mai", "hôm kia".

    Value: date, the article date moved by the word's offset (``data/date_words.yaml``:
    relative_days); resolved false when the article has no date.

    Why: "yesterday" in an article is a date the reader cannot see; resolving it makes the
    claim checkable against the event.

    Not: when an explicit date follows ("hôm nay (26/1)", "sáng nay 18/11"): that date is
    the claim.
    """
    if _EXPLICIT_DATE_NEXT.match(context.text, match.end()):
        return None  # "sáng nay 18/11", "hôm nay (26/4)": the explicit date is the claim
    if _AFTER_AMOUNT.search(context.before(match.start())):
        return None  # "di chuyển 2 chiều qua hầm": two directions through the tunnel, not yesterday afternoon
    offset = _RELATIVE_DAYS[" ".join(match.group("word").lower().split())]
    if context.article_date is None:
        return _unresolved(match)
    day = context.article_date + dt.timedelta(days=offset)
    return _claim(match, Value(date=_iso(day)))


@rule(
    "date.relative_period",
    ClaimKind.date,
    rf"{LEFT}(?P<past>{_PAST}\s+)?(?:(?P<part>{_PART})\s+)?(?P<unit>{_PERIOD})(?:\s+(?P<which>{alternation(_RELATIVE_PERIODS)}))?{RIGHT}",
    priority=66,
    needs_words=_PERIOD_WORDS,
)
def relative_period(match: re.Match, context: SentenceContext):
    """A week, month or year named relative to the article: "tuần trước", "cuối tháng này", "năm ngoái".

    Value: start and end of the period, moved by the word's shift (``data/date_words.yaml``:
    relative_periods) and cut to its part ("đầu", "giữa", "cuối").

    Why: "last week", "this month" locate an event in time as much as an explicit date.

    Not: a bare "tháng"/"năm" (a unit), "cuối tháng" without "hồi" or a shift word ("đầu
    năm", "cuối năm" alone are this year's part), an
    explicit date after it ("cuối tháng 3"), a duration ("vài tuần sau", "3 năm trước")
    and a conjunction ("tuần sau khi ...").
    """
    part, unit, which = match.group("part"), _UNITS[" ".join(match.group("unit").lower().split())], match.group("which")
    if which is None and part is None:
        return None  # a bare "tháng" or "năm" is a unit, not a date
    if which is None and not match.group("past") and unit not in ("week", "year"):
        return None  # "cuối tháng" alone is too loose unless it says "hồi"; "đầu năm" is this year's
    if _DIGIT_NEXT.match(context.text, match.end()):
        return None  # "cuối tháng 3", "năm 2020": the explicit rules handle them
    if _AFTER_AMOUNT.search(context.before(match.start())):
        return None  # "vài tuần sau", "3 năm trước": a duration, not a date
    if which and which.lower() in _CLAUSE_SHIFTS and _CLAUSE_OPENER.match(context.text, match.end()):
        return None  # "tuần sau khi ...": a conjunction
    if context.article_date is None:
        return _unresolved(match)
    shift = _RELATIVE_PERIODS.get(" ".join(which.lower().split()), 0) if which else 0
    base = context.article_date
    if unit == "week":
        start, end = _week_span(base + dt.timedelta(weeks=shift), part)
    elif unit == "month":
        month_index = base.year * 12 + base.month - 1 + shift
        start, end = _month_span(month_index // 12, month_index % 12 + 1, part)
    else:
        start, end = _year_span(base.year + shift, part)
    return _span(match, start, end)


@rule("date.weekday", ClaimKind.date, rf"{LEFT}(?P<word>{alternation(_WEEKDAYS)}){RIGHT}(?!\s*\d)(?P<next>\s+{alternation(_D['weekday_next'])})?", priority=65, flags=0,
      needs=alternation(_WEEKDAYS))
def weekday(match: re.Match, context: SentenceContext):
    """A day of the week: "thứ Sáu", "Chủ nhật tới", "Thứ Hai", "chủ nhật".

    Value: date: the last such day on or before the article date, or the next one after it
    when "tới", "này", "tuần tới" or "tuần sau" follows.

    Why: news often dates what happened by weekday alone ("hôm thứ Sáu").

    Not: a number after it ("thứ 3" is also "third"), and lower-case "thứ ba", which is
    the ordinal "third" ("lần thứ ba").
    """
    target = _WEEKDAYS[" ".join(match.group("word").split())]
    if context.article_date is None:
        return _unresolved(match)
    base = context.article_date
    if match.group("next"):
        delta = (target - base.weekday()) % 7 or 7
    else:
        delta = -((base.weekday() - target) % 7)
    return _claim(match, Value(date=_iso(base + dt.timedelta(days=delta))))


_RANGE_TO = alternation(_D["range_to"])


@rule("date.year_range", ClaimKind.date,
      rf"{_START}(?:(?P<y1>1[5-9]\d\d|20\d\d)\s*[-–]\s*"
      rf"|(?:(?i:{alternation(_D['range_from'])})\s+(?:{_WORD['year']}\s+)?|(?i:{_WORD['year']})\s+)(?P<w1>1[5-9]\d\d|20\d\d)\s+(?:{_RANGE_TO})\s+(?:{_WORD['year']}\s+)?){_YEAR}{_END}",
      priority=73, needs=_A_YEAR)
def year_range(match: re.Match, context: SentenceContext):
    """Two years joined by a dash, or "từ/năm ... đến/tới ...": "giai đoạn 2021-2025", "nhiệm kỳ
    2021 – 2026", "từ năm 1989 đến năm 2009", "Từ năm 2016 đến 2020".

    Value: start (1 January of the first year) and end (31 December of the second).

    Why: plans, terms of office and reporting periods are stated as year ranges.

    Not: when the second year is not after the first, or more than 50 years later.
    """
    first, last = int(match.group("y1") or match.group("w1")), int(match.group("year"))
    if not first < last <= first + 50:
        return None
    return _span(match, dt.date(first, 1, 1), dt.date(last, 12, 31))


_YEAR_CUE = alternation(_D["year_cues"])


@rule("date.bare_year", ClaimKind.date, rf"(?:(?P<cue>{LEFT}{_YEAR_CUE})\s+|(?P<paren>\())?(?P<y>1[5-9]\d\d|20\d\d)(?P<close>\))?{_END}", priority=64, needs=_A_YEAR)
def bare_year(match: re.Match, context: SentenceContext):
    """A bare year after a cue word or in parentheses: "sau 1975", "từ 2008", "(2006)".

    Value: start and end of the year.

    Why: founding years, turning points and editions are given this way ("mùa 2019").

    Not: a four-digit number with no cue ("1975 ngành ..."), which may be a count.
    """
    if not match.group("cue") and not (match.group("paren") and match.group("close")):
        return None
    # News writes counts of a thousand and more with a dot ("2.000 người"), so a cued bare
    # 19xx/20xx is a year.
    year = int(match.group("y"))
    start, end = _year_span(year, match.group("cue") if match.group("cue") and match.group("cue").lower() in _PARTS else None)
    return _span(match, start, end)  # "đầu 2021", "nửa đầu 2021": a part of the year


_QUARTERS = {"1": 1, "01": 1, "i": 1, "2": 2, "02": 2, "ii": 2, "3": 3, "03": 3, "iii": 3, "4": 4, "04": 4, "iv": 4}


@rule("date.quarter", ClaimKind.date, rf"{LEFT}(?:(?P<part>{_PART})\s+)?{_WORD['quarter']}\s+(?P<q>0?[1-4]|IV|III|II|I){RIGHT}(?:\s*(?:/|{_WORD['year']})\s*{_YEAR})?", priority=69,
      needs=_WORD["quarter"])
def quarter(match: re.Match, context: SentenceContext):
    """A quarter: "quý 3/2020", "quý IV năm 2021", "quý 1", "cuối quý II/2021".

    Value: start and end of the quarter (of its first, middle or last month after "đầu",
    "giữa", "cuối"); without a year, the article's year.

    Why: company results and economic figures are reported by quarter.

    Not: quarters other than 1-4 / I-IV ("quý 5").
    """
    q = _QUARTERS[" ".join(match.group("q").lower().split())]
    year = int(match.group("year")) if match.group("year") else (context.article_date.year if context.article_date else None)
    if year is None:
        return _unresolved(match)
    first, last = _part(match.group("part"), "quarter", (1, 3))  # "cuối quý II": its last month
    start, _ = _month_span(year, 3 * q - 3 + first)
    _, end = _month_span(year, 3 * q - 3 + last)
    return _span(match, start, end)


@rule(
    "date.same_day",
    ClaimKind.date,
    rf"{LEFT}(?:{alternation(_D['day_times'])}\s+)?{alternation(_D['same_day'])}{RIGHT}",
    priority=64,
    requires={ClaimKind.date},
    needs=alternation(_D["same_day"]),
)
def same_day(match: re.Match, context: SentenceContext):
    """"The same day": "cùng ngày", "trưa cùng ngày".

    Value: date: the last single day named before it, in this sentence or an earlier one
    of the article; the article date when none was named; resolved false without either.

    Why: news dates a follow-up by the day it last named ("Ngày 30/1, ... trưa cùng ngày
    ..."); the claim is only checkable once that day is known.
    """
    anchor = context.anchor_date
    for draft in context.claims:
        if draft.end <= match.start() and draft.value.date:
            anchor = dt.date.fromisoformat(draft.value.date)
    anchor = anchor or context.article_date
    if anchor is None:
        return _unresolved(match)
    return _claim(match, Value(date=_iso(anchor)))


_A_YEAR_IN = re.compile(_A_YEAR)
_RANGE_TO_AFTER = re.compile(rf"\s*(?:{_RANGE_TO})\s+(?:(?:{alternation(_D['range_through'])})\s+)?", re.IGNORECASE)


@rule("date.from_to", ClaimKind.date, rf"{LEFT}(?:{alternation(_D['range_from'])}){RIGHT}", priority=75, requires={ClaimKind.date},
      needs=_RANGE_TO)
def from_to(match: re.Match, context: SentenceContext):
    """Two dates of any shape as one span: "từ năm 2016 đến hết tháng 11/2020", "từ ngày 1/3
    đến ngày 15/4", "từ tháng 3 tới cuối năm 2020".

    Value: start (the first date's day or start) and end (the second's day or end).

    Why: a reporting period is one fact; read apart, its two ends look like two dated events.

    Not: when the second date begins before the first, or when words other than "đến",
    "tới" (and "hết") stand between them.
    """
    first = next((d for d in context.claims if d.kind is ClaimKind.date and d.start in (match.start(), match.end() + 1)
                  and (d.value.date or d.value.start)), None)
    if first is None:
        return None
    joint = _RANGE_TO_AFTER.match(context.text, first.end)
    second_at = joint.end() if joint else None
    if joint and any(d.start == first.end + 1 for d in context.claims if d.kind is ClaimKind.date):
        second_at = first.end + 1  # "từ 2010 đến 2015": the second year took "đến" as its cue
    second = next((d for d in context.claims if d.kind is ClaimKind.date and d.start == second_at and (d.value.date or d.value.end)), None)
    if second is None:
        return None
    start, end = first.value.date or first.value.start, second.value.date or second.value.end
    if end < start and not _A_YEAR_IN.search(context.text, first.start, first.end):
        moved = _valid(int(end[:4]), int(start[5:7]), int(start[8:10]))  # "từ ngày 1/3 đến ngày 15/4/2025": the second's year
        start = _iso(moved) if moved else start
    if end < start:
        return None
    return ClaimDraft(kind=ClaimKind.date, start=match.start(), end=second.end, value=Value(start=start, end=end), rule="")


@rule("date.leading_months", ClaimKind.date,
      rf"{_START}(?P<n>\d{{1,2}}|{NUMBER_WORD})\s+{_WORD['month']}\s+(?P<part>{alternation(_D['leading_parts'])})\s+{_WORD['year']}"
      rf"(?:\s+(?:{_YEAR}|(?P<which>{alternation(_RELATIVE_PERIODS)})){RIGHT})?", priority=74, needs=_WORD["month"])
def leading_months(match: re.Match, context: SentenceContext):
    """The first or last months of a year: "11 tháng đầu năm 2020", "hai tháng đầu năm", "6
    tháng cuối năm nay".

    Value: start and end of those months; the year written, else the article's (moved by
    "nay", "ngoái", "tới" ...).

    Why: cumulative figures are reported this way ("xuất khẩu 11 tháng đầu năm"); read as a
    duration and "đầu năm" (January to March), the period was wrong.

    Not: more than 12 months.
    """
    count = parse_number(match.group("n"))
    if not count or count != int(count) or not 1 <= count <= 12:
        return None
    if match.group("year"):
        year = int(match.group("year"))
    elif context.article_date is None:
        return _unresolved(match)
    else:
        year = context.article_date.year + (_RELATIVE_PERIODS[" ".join(match.group("which").lower().split())] if match.group("which") else 0)
    count = int(count)
    first = 1 if _D["leading_parts"][match.group("part").lower()] == "first" else 13 - count
    start, _ = _month_span(year, first)
    _, end = _month_span(year, first + count - 1)
    return _span(match, start, end)


def _within_calendar(date_rule: Rule) -> Rule:
    """The rule, with dates past the calendar's ends (year 1, year 9999: an article dated
    9999-12-31 that says "năm sau") kept as unresolved claims instead of failing."""
    production = date_rule.production

    def guarded(match: re.Match, context: SentenceContext):
        try:
            return production(match, context)
        except (OverflowError, ValueError):  # datetime refuses a day outside 0001-01-01 .. 9999-12-31
            return _unresolved(match)

    return dataclasses.replace(date_rule, production=guarded)


# "trong 2 ngày 19/4 và 20/4", "trong 2 năm 2007 và 2008": a span of time, then the dates it
# covers. The unit word is the duration's ("2 ngày"); the date claim starts at its number.
_DURATION_BEFORE = re.compile(rf"{LEFT}{alternation(_D['duration_cues'])}\s+\d{{1,3}}\s+$", re.IGNORECASE)
_UNIT_THEN_NUMBER = re.compile(rf"(?:{_WORD['day']}|{_WORD['month']}|{_WORD['year']})\s+(?=\d)", re.IGNORECASE)


def _leaving_duration(date_rule: Rule) -> Rule:
    """The rule, with a date that opens with a unit word right after "trong N" ("trong 2
    ngày 19/4") starting at its number instead, so the duration keeps "2 ngày"."""
    production = date_rule.production

    def shifted(match: re.Match, context: SentenceContext):
        produced = production(match, context)
        for draft in produced if isinstance(produced, list) else [produced] if produced else []:
            unit = _UNIT_THEN_NUMBER.match(context.text, draft.start)
            if unit and _DURATION_BEFORE.search(context.before(draft.start)):
                draft.start = unit.end()
        return produced

    return dataclasses.replace(date_rule, production=shifted)


_DATE_RULES = (from_to, leading_months, year_range, bare_year, quarter, same_day, day_month_year, day_month_words, day_list_month, day_month, month_year, year, relative_day,
               relative_period, weekday, year_list)
RULES = [_leaving_duration(_within_calendar(r)) for r in _DATE_RULES]
