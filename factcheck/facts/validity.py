"""When a fact is in force: from its own ``start``/``end``, or from the snapshots it cites.

Packs are built from dated releases of official lists (``Source.series`` and
``Source.snapshot``). A fact citing snapshots of a series was in force in those snapshots;
where the next release lacks it, it ended on that release's ``effective`` date (the law's
date, when one is known: the 2025 reform took effect on 2025-07-01), or at an unknown day
between the two releases. Such a window is ``unknown``: a claim whose article date falls
in it cannot be checked against the fact, and the verdict says why.

Before a series' first release and after its last, a fact seen there is taken as in force:
the sources reach no further.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from enum import Enum
from typing import Iterable, NamedTuple

ONE_DAY = dt.timedelta(days=1)


class State(str, Enum):
    in_force = "in force"
    ended = "ended"
    not_yet = "not yet"
    unknown = "unknown"


class Validity(NamedTuple):
    """Days a fact is in force. ``start``/``end`` included; None: as far as the sources go.
    ``unknown`` holds the windows (first day, last day) in which it is not known."""

    start: dt.date | None = None
    end: dt.date | None = None
    unknown: tuple[tuple[dt.date, dt.date], ...] = ()

    def at(self, day: dt.date | None) -> State:
        """The fact's state on ``day`` (no day: in force, the article date is unknown)."""
        if day is None:
            return State.in_force
        if any(first <= day <= last for first, last in self.unknown):
            return State.unknown
        if self.start and day < self.start:
            return State.not_yet
        if self.end and day > self.end:
            return State.ended
        return State.in_force

    def why_unknown(self, day: dt.date) -> str:
        first, last = next(((f, l) for f, l in self.unknown if f <= day <= l), (day, day))
        return f"the sources show a change between {first - ONE_DAY} and {last + ONE_DAY} with no legal date, and {day} falls in between"


ALWAYS = Validity()


class Release(NamedTuple):
    snapshot: dt.date
    effective: dt.date | None


class Series:
    """The releases of each series, in date order, from a fact base's snapshot sources."""

    def __init__(self, sources: Iterable) -> None:
        releases: dict[str, list[tuple[Release, str]]] = defaultdict(list)
        self.of_source: dict[str, tuple[str, int]] = {}  # source id -> (series, position)
        for source in sources:
            if source.series and source.snapshot:
                releases[source.series].append((Release(source.snapshot, source.effective), source.id))
        self.releases: dict[str, list[Release]] = {}
        for name, items in releases.items():
            items.sort()
            self.releases[name] = [release for release, _ in items]
            for position, (_, source_id) in enumerate(items):
                self.of_source[source_id] = (name, position)

    def validity(self, start: dt.date | None, end: dt.date | None, source_ids: Iterable[str]) -> Validity:
        """A fact's validity: its own dates when it has them, else from the releases it cites
        (the first series among its sources decides)."""
        if start or end:
            return Validity(start, end)
        seen: dict[str, list[int]] = defaultdict(list)
        for source_id in source_ids:
            if source_id in self.of_source:
                name, position = self.of_source[source_id]
                seen[name].append(position)
        if not seen:
            return ALWAYS
        name, positions = next(iter(seen.items()))
        releases, first, last = self.releases[name], min(positions), max(positions)
        unknown = []
        begin = end_day = None
        if first > 0:  # it appeared after the series' first release
            before, at = releases[first - 1], releases[first]
            if at.effective:
                begin = at.effective
            else:
                begin = at.snapshot
                unknown.append((before.snapshot + ONE_DAY, at.snapshot - ONE_DAY))
        if last < len(releases) - 1:  # a later release lacks it
            at, after = releases[last], releases[last + 1]
            if after.effective:
                end_day = after.effective - ONE_DAY
            else:
                end_day = at.snapshot
                unknown.append((at.snapshot + ONE_DAY, after.snapshot - ONE_DAY))
        return Validity(begin, end_day, tuple((a, b) for a, b in unknown if a <= b))
