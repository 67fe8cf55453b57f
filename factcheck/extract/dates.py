"""Dates, resolved against the article date: "ngày 30/1", "tháng 10/2020", "cuối tháng này".

A date without a year takes the article's year, and the year before when that would put it
after the article date, unless the sentence speaks of the future ("tới", "sẽ", "dự kiến").
Without an article date, relative dates are claims with ``resolved: false``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import LEFT, RIGHT, alternation, load

_D = load("date_words")
_FUTURE = re.compile(LEFT + alternation(_D["future_cues"]) + RIGHT, re.IGNORECASE)
_CUE = alternation(_D["day_cues"])
_DAY = r"(?P<day>[0-3]?\d)"
_MONTH = r"(?P<month>[01]?\d)"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
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


def _month_span(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    part = part.lower() if part else None
    last = calendar.monthrange(year, month)[1]
    start, end = {"đầu": (1, 10), "giữa": (11, 20), "cuối": (21, last)}.get(part or "", (1, last))
    return dt.date(year, month, start), dt.date(year, month, end)


def _year_span(year: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    part = part.lower() if part else None
    months = {"đầu": (1, 3), "giữa": (4, 9), "cuối": (10, 12)}.get(part or "", (1, 12))
    return dt.date(year, months[0], 1), dt.date(year, months[1], calendar.monthrange(year, months[1])[1])


def _week_span(day: dt.date, part: str | None = None) -> tuple[dt.date, dt.date]:
    part = part.lower() if part else None
    monday = day - dt.timedelta(days=day.weekday())
    if part == "cuối":
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    if part == "đầu":
        return monday, monday + dt.timedelta(days=2)
    return monday, monday + dt.timedelta(days=6)


def _year_for(month: int, day: int, context: SentenceContext) -> int | None:
    """The article's year, or the one before when the date would be after the article."""
    if context.article_date is None:
        return None
    year = context.article_date.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    if candidate > context.article_date and not _FUTURE.search(context.text):
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


@rule("date.day_month_year", ClaimKind.date, rf"{_START}(?:ngày\s+)?{_DAY}\s*(?P<sep>[/.\-])\s*{_MONTH}\s*(?P=sep)\s*{_YEAR}{_END}", priority=72)
def day_month_year(match: re.Match, context: SentenceContext):
    """"30/10/2020", "ngày 1-5-2021" -> one full date."""
    return _one_day(match, context, int(match.group("day")), int(match.group("month")), int(match.group("year")))


@rule("date.day_month_words", ClaimKind.date, rf"{_START}ngày\s+{_DAY}\s+tháng\s+{_MONTH}(?:\s+năm\s+{_YEAR})?{_END}", priority=72)
def day_month_words(match: re.Match, context: SentenceContext):
    """"ngày 30 tháng 1 năm 2026"."""
    year = int(match.group("year")) if match.group("year") else None
    return _one_day(match, context, int(match.group("day")), int(match.group("month")), year)


@rule(
    "date.day_list_month",
    ClaimKind.date,
    rf"{_START}(?:(?P<cue>{_CUE})\s+)?(?P<d1>[0-3]?\d)\s*(?P<join>và|,|-|–|đến)\s*{_DAY}\s*/\s*{_MONTH}(?:\s*/\s*{_YEAR})?{_END}",
    priority=71,
)
def day_list_month(match: re.Match, context: SentenceContext):
    """"ngày 28 và 29/10" -> two dates; "ngày 28-29/10" -> one span."""
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
    if match.group("join") in ("-", "–", "đến"):
        a.value = Value(start=a.value.date, end=b.value.date) if a.value.date else a.value
        return a
    split = match.start("d1") + len(match.group("d1"))
    a.end = split
    b.start = match.start("day")
    return [a, b]


@rule("date.day_month", ClaimKind.date, rf"{_START}(?:(?P<cue>{_CUE})\s+)?{_DAY}\s*/\s*{_MONTH}{_END}", priority=70)
def day_month(match: re.Match, context: SentenceContext):
    """"ngày 30/1", "(18/11)", "chiều 17/11" -> the year from the article date."""
    cue = match.group("cue")
    before = context.text[max(0, match.start() - 2) : match.start()]
    after = context.text[match.end() : match.end() + 2]
    listed = re.match(r"\s+(?:và|đến|tới|-)\s+[0-3]?\d\s*/\s*[01]?\d", context.text[match.end():])
    if not cue and "(" not in before and not re.match(r"\s*[,)]", after) and not listed and match.start() > 0:
        return None  # a bare "2/3" is more often a fraction
    start = match.start() if cue and cue.lower() == "ngày" else match.start("day")
    return _one_day(match, context, int(match.group("day")), int(match.group("month")), None, start=start)


@rule("date.month_year", ClaimKind.date, rf"{_START}(?:(?P<part>đầu|giữa|cuối)\s+)?tháng\s+{_MONTH}(?:\s*(?:/|năm)\s*{_YEAR})?{_END}", priority=69)
def month_year(match: re.Match, context: SentenceContext):
    """"tháng 10/2020", "cuối tháng 3" -> the month as a span."""
    month = int(match.group("month"))
    if not 1 <= month <= 12:
        return None
    year = int(match.group("year")) if match.group("year") else _year_for(month, 1, context)
    if year is None:
        return _unresolved(match)
    start, end = _month_span(year, month, match.group("part"))
    return _span(match, start, end)


@rule("date.year", ClaimKind.date, rf"{_START}(?:(?P<part>đầu|giữa|cuối)\s+)?năm\s+{_YEAR}{_END}", priority=68)
def year(match: re.Match, context: SentenceContext):
    """"năm 2019", "cuối năm 2020" -> the year as a span."""
    start, end = _year_span(int(match.group("year")), match.group("part"))
    return _span(match, start, end)


_AFTER_AMOUNT = re.compile(rf"(?:\d|{LEFT}(?:vài|mấy|nhiều|các|những|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi))\s*$", re.IGNORECASE)
_RELATIVE_DAYS: dict[str, int] = _D["relative_days"]
_RELATIVE_PERIODS: dict[str, int] = _D["relative_periods"]
_WEEKDAYS: dict[str, int] = _D["weekdays"]


@rule("date.relative_day", ClaimKind.date, rf"{LEFT}(?P<word>{alternation(_RELATIVE_DAYS)}){RIGHT}", priority=67)
def relative_day(match: re.Match, context: SentenceContext):
    """"hôm qua", "sáng nay", "ngày mai" -> a day counted from the article date."""
    if re.match(r"\s*(?:\d|,\s*\d|\(\s*\d)", context.text[match.end():]):
        return None  # "sáng nay 18/11", "hôm nay (26/4)": the explicit date is the claim
    offset = _RELATIVE_DAYS[" ".join(match.group("word").lower().split())]
    if context.article_date is None:
        return _unresolved(match)
    day = context.article_date + dt.timedelta(days=offset)
    return _claim(match, Value(date=_iso(day)))


@rule(
    "date.relative_period",
    ClaimKind.date,
    rf"{LEFT}(?:hồi\s+)?(?:(?P<part>đầu|giữa|cuối)\s+)?(?P<unit>tuần|tháng|năm)(?:\s+(?P<which>{alternation(_RELATIVE_PERIODS)}))?{RIGHT}",
    priority=66,
)
def relative_period(match: re.Match, context: SentenceContext):
    """"tuần trước", "cuối tháng này", "hồi giữa tháng", "năm ngoái" -> a span."""
    part, unit, which = match.group("part"), match.group("unit").lower(), match.group("which")
    if which is None and part is None:
        return None  # a bare "tháng" or "năm" is a unit, not a date
    if which is None and not match.group(0).lower().startswith("hồi") and unit != "tuần":
        return None  # "cuối tháng" alone is too loose unless it says "hồi"
    if re.match(r"\s*\d", context.text[match.end():]):
        return None  # "cuối tháng 3", "năm 2020": the explicit rules handle them
    if _AFTER_AMOUNT.search(context.text[: match.start()]):
        return None  # "vài tuần sau", "3 năm trước": a duration, not a date
    if which and which.lower() in ("sau", "trước", "qua") and re.match(r"\s*(?:khi|đó|này)\b", context.text[match.end():]):
        return None  # "tuần sau khi ...": a conjunction
    if context.article_date is None:
        return _unresolved(match)
    shift = _RELATIVE_PERIODS.get(" ".join(which.lower().split()), 0) if which else 0
    base = context.article_date
    if unit == "tuần":
        start, end = _week_span(base + dt.timedelta(weeks=shift), part)
    elif unit == "tháng":
        month_index = base.year * 12 + base.month - 1 + shift
        start, end = _month_span(month_index // 12, month_index % 12 + 1, part)
    else:
        start, end = _year_span(base.year + shift, part)
    return _span(match, start, end)


@rule("date.weekday", ClaimKind.date, rf"{LEFT}(?P<word>{alternation(_WEEKDAYS)}){RIGHT}(?!\s*\d)(?P<next>\s+(?:tới|này|tuần\s+tới|tuần\s+sau))?", priority=65, flags=0)
def weekday(match: re.Match, context: SentenceContext):
    """"thứ Sáu", "Chủ nhật tới" -> the nearest such day (before the article, unless "tới")."""
    target = _WEEKDAYS[match.group("word")]
    if context.article_date is None:
        return _unresolved(match)
    base = context.article_date
    if match.group("next"):
        delta = (target - base.weekday()) % 7 or 7
    else:
        delta = -((base.weekday() - target) % 7)
    return _claim(match, Value(date=_iso(base + dt.timedelta(days=delta))))


@rule("date.year_range", ClaimKind.date, rf"{_START}(?P<y1>1[5-9]\d\d|20\d\d)\s*[-–]\s*{_YEAR}{_END}", priority=73)
def year_range(match: re.Match, context: SentenceContext):
    """"giai đoạn 2021-2025", "nhiệm kỳ 2021-2026" -> a span of years."""
    first, last = int(match.group("y1")), int(match.group("year"))
    if not first < last <= first + 50:
        return None
    return _span(match, dt.date(first, 1, 1), dt.date(last, 12, 31))


_YEAR_CUE = alternation(_D["year_cues"])


@rule("date.bare_year", ClaimKind.date, rf"(?:(?P<cue>{LEFT}{_YEAR_CUE})\s+|(?P<paren>\())?(?P<y>1[5-9]\d\d|20\d\d)(?P<close>\))?{_END}", priority=64)
def bare_year(match: re.Match, context: SentenceContext):
    """"sau 1975", "(2006)", "từ 2008" -> the year as a span (a bare 4-digit number needs a cue)."""
    if not match.group("cue") and not (match.group("paren") and match.group("close")):
        return None
    # News writes counts of a thousand and more with a dot ("2.000 người"), so a cued bare
    # 19xx/20xx is a year.
    year = int(match.group("y"))
    return _span(match, dt.date(year, 1, 1), dt.date(year, 12, 31))


_QUARTERS = {"1": 1, "01": 1, "i": 1, "2": 2, "02": 2, "ii": 2, "3": 3, "03": 3, "iii": 3, "4": 4, "04": 4, "iv": 4}


@rule("date.quarter", ClaimKind.date, rf"{LEFT}quý\s+(?P<q>0?[1-4]|IV|III|II|I){RIGHT}(?:\s*(?:/|năm)\s*{_YEAR})?", priority=69)
def quarter(match: re.Match, context: SentenceContext):
    """"quý 3/2020", "quý IV năm 2021" -> the quarter as a span."""
    q = _QUARTERS[match.group("q").lower()]
    year = int(match.group("year")) if match.group("year") else (context.article_date.year if context.article_date else None)
    if year is None:
        return _unresolved(match)
    start, _ = _month_span(year, 3 * q - 2)
    _, end = _month_span(year, 3 * q)
    return _span(match, start, end)


@rule("date.same_day", ClaimKind.date, rf"{LEFT}(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?cùng\s+ngày{RIGHT}", priority=64)
def same_day(match: re.Match, context: SentenceContext):
    """"cùng ngày", "trưa cùng ngày" -> the day the article last named (else its own date)."""
    anchor = context.anchor_date or context.article_date
    if anchor is None:
        return _unresolved(match)
    return _claim(match, Value(date=_iso(anchor)))


RULES = [year_range, bare_year, quarter, same_day, day_month_year, day_month_words, day_list_month, day_month, month_year, year, relative_day, relative_period, weekday]
