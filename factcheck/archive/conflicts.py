"""Which statements of one subject cannot all be true, and the archive's conflicts.

Two values of one (kind, subject, aspect) within the kind's window are incompatible when:

- ``role``: both titles are ranks of one ladder in one organization and the ranks differ
  (Thứ trưởng / Bộ trưởng); a promotion the dates explain (every lower rank dated before
  every higher one) is a change, not a conflict;
- ``place``: the regions differ, are not one inside the other, and the place is not a
  list item or a homonym: with the geography packs, a place name of several places that
  the packs put in both regions (or in neither) does not count, and nor does a region no
  pack knows (that is not a geographic claim);
- ``score``, ``duration``, ``count``: the values differ, both stated exactly (an
  approximate figure or a bound corroborates but never conflicts).

A conflict names the majority (most articles) and the minority; equal counts are a tie.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.archive.statements import WINDOW_DAYS
from factcheck.model.archive import Conflict, Side, Witness


@dataclass
class Row:
    value: str
    display: str
    date: dt.date
    articles: int

    @property
    def rank(self) -> int | None:
        head = self.value.split("|", 1)[0]
        return int(head) if head.isdigit() else None


class PlaceJudge:
    """Whether two regions given to one place can both be right, with the packs' places."""

    def __init__(self, index=None) -> None:
        self.index = index

    def _provinces(self, place: str, place_type: str | None) -> set[str]:
        """The first-level units (or countries) the places of this name lie in: one for a
        district and the town of the same name in it, several for true homonyms."""
        from factcheck.verify.location import candidates

        index, found = self.index, set()
        for row in candidates(index, place, place_type):
            chain = [region for region, _ in index.ancestors(row.id)]
            tops = [r for r in chain if index.entities.get(r) is not None and index.entities[r].level in (0, 1)]
            found.add(tops[0] if tops else row.id)
        return found

    def compatible(self, place: str, place_type: str | None, a: str, b: str) -> bool:
        if fuzz.ratio(a, b) >= 85 or a.startswith(b) or b.startswith(a):
            return True  # one region written two ways ("Chư Păh" / "Chư Pah")
        if self.index is None:
            return False
        from factcheck.verify.location import PLACES, candidates, nested, same_level, unheld

        index = self.index
        if unheld(place_type):
            return True  # streets, markets, hamlets: every town has one of that name
        regions_a, regions_b = index.named(a, PLACES), index.named(b, PLACES)
        if not regions_a or not regions_b:
            return True  # a region no pack knows: a company, a body, a list
        places = candidates(index, place, place_type)
        if not places and nested(index, a, b):
            return True  # a place no pack holds, in "Bến Lức" and in "Long An": one inside the other
        if len(self._provinces(place, place_type)) > 1:
            return True  # a name of places in several provinces (communes "Đồng Tâm"): two regions are expected
        if places and same_level(index, places, [*regions_a, *regions_b], None):
            return True  # "Sơn La, Điện Biên": places of one level, a list
        def fits(regions) -> bool:
            ids = {row.id for row in regions}
            return any(region in ids for row in places for region, _ in index.ancestors(row.id))
        distinct = {row.id for row in places}
        if fits(regions_a) and fits(regions_b):
            return True  # each where it is said to be: a district and its province, or homonyms
        if len(distinct) > 1 and not (fits(regions_a) or fits(regions_b)):
            return True  # several places of that name, none placed: cannot tell which is meant
        return False


def incompatible(kind: str, a: Row, b: Row) -> bool:
    """Values of one subject and aspect that cannot both hold (places: see ``PlaceJudge``)."""
    if a.value == b.value:
        return False
    if kind == "role":
        return a.rank is not None and b.rank is not None and a.rank != b.rank
    return True


def explained_by_dates(kind: str, rows: list[Row]) -> bool:
    """A role's ranks in date order never go down: a promotion (or several), not an error."""
    if kind != "role":
        return False
    ranks = defaultdict(list)
    for row in rows:
        if row.rank is not None:
            ranks[row.rank].append(row.date)
    levels = sorted(ranks)
    return all(max(ranks[low]) < min(ranks[high]) for i, low in enumerate(levels) for high in levels[i + 1:])


def clusters(rows: list[Row], window: int) -> list[list[Row]]:
    """Rows split where two consecutive dates are more than ``window`` days apart."""
    rows = sorted(rows, key=lambda r: r.date)
    groups: list[list[Row]] = []
    for row in rows:
        if groups and (row.date - groups[-1][-1].date).days <= window:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def sides(rows: list[Row]) -> dict[str, Side]:
    found: dict[str, Side] = {}
    for row in rows:
        side = found.setdefault(row.value, Side(value=row.display, articles=0, first=row.date.isoformat(), last=row.date.isoformat()))
        side.articles += row.articles
        side.first = min(side.first, row.date.isoformat())
        side.last = max(side.last, row.date.isoformat())
    return found


def witnesses(db: sqlite3.Connection, kind: str, subject: str, aspect: str, value: str, first: str, last: str,
              exclude: int | None = None, limit: int = 5) -> list[Witness]:
    """Some archived articles stating ``value``, dated from ``first`` to ``last``."""
    query = ("SELECT a.document, a.source, a.url, a.date, s.line FROM statements s JOIN articles a ON a.id = s.article "
             "WHERE s.kind = ? AND s.subject = ? AND s.aspect = ? AND s.value = ? AND s.date BETWEEN ? AND ? AND s.article IS NOT ? "
             "ORDER BY s.date LIMIT ?")
    return [Witness(document=d, source=s, url=u, date=day, line=line)
            for d, s, u, day, line in db.execute(query, (kind, subject, aspect, value, first, last, exclude, limit))]


def _parse(day: str) -> dt.date:
    return dt.date.fromisoformat(day)


def _rows(db: sqlite3.Connection, kind: str, subject: str, aspect: str) -> list[Row]:
    """The group's exact statements per value and day, counting articles; an article that
    states two of the values itself is left out (that is an inconsistency inside it, which
    ``check`` reports, not the archive disagreeing)."""
    found = db.execute("SELECT article, value, min(display), date FROM statements WHERE kind = ? AND subject = ? AND aspect = ? AND exact = 1 "
                       "GROUP BY article, value, date", (kind, subject, aspect)).fetchall()
    values = defaultdict(set)
    for article, value, _, _ in found:
        values[article].add(value)
    counted: dict[tuple[str, str], Row] = {}
    for article, value, display, day in found:
        if len(values[article]) > 1 and not _compatible_all(kind, values[article]):
            continue
        row = counted.setdefault((value, day), Row(value, display, _parse(day), 0))
        row.articles += 1
    return list(counted.values())


def _compatible_all(kind: str, values: set[str]) -> bool:
    rows = [Row(v, v, dt.date.min, 1) for v in values]
    return not any(incompatible(kind, a, b) for i, a in enumerate(rows) for b in rows[i + 1:])


def find_conflicts(db: sqlite3.Connection, index=None) -> list[Conflict]:
    """Every conflict in the archive, most lopsided first (1 article against 14 leads)."""
    judge = PlaceJudge(index)
    groups = db.execute("SELECT kind, subject, aspect FROM stated WHERE exact = 1 GROUP BY kind, subject, aspect "
                        "HAVING count(DISTINCT value) > 1").fetchall()
    found: list[Conflict] = []
    for kind, subject, aspect in groups:
        rows = _rows(db, kind, subject, aspect)
        label = db.execute("SELECT label FROM stated WHERE kind = ? AND subject = ? LIMIT 1", (kind, subject)).fetchone()[0]
        for cluster in clusters(rows, WINDOW_DAYS[kind]):
            conflict = judge_cluster(db, kind, subject, aspect, label, cluster, judge)
            if conflict is not None:
                found.append(conflict)
    found.sort(key=lambda c: (-c.lopsided, -c.majority.articles, c.kind, c.subject))
    return found


def judge_cluster(db: sqlite3.Connection, kind: str, subject: str, aspect: str, label: str, cluster: list[Row], judge: PlaceJudge) -> Conflict | None:
    by_value = sides(cluster)
    if len(by_value) < 2 or explained_by_dates(kind, cluster):
        return None
    ordered = sorted(by_value, key=lambda v: -by_value[v].articles)
    top = ordered[0]
    sample = {row.value: row for row in cluster}
    place_type = label.split(" ", 1)[0] if kind == "place" and " " in label else None
    place = subject.split("|", 1)[-1]
    against = []
    for value in ordered[1:]:
        if not incompatible(kind, sample[top], sample[value]):
            continue
        if kind == "place" and judge.compatible(place, place_type, top, value):
            continue
        against.append(value)
    if not against:
        return None
    first, last = min(r.date for r in cluster).isoformat(), max(r.date for r in cluster).isoformat()
    for value in [top, *against]:
        by_value[value].witnesses = witnesses(db, kind, subject, aspect, value, first, last)
    majority = by_value[top]
    return Conflict(kind=kind, subject=label, aspect=aspect, majority=majority, minority=[by_value[v] for v in against],
                    tie=majority.articles == by_value[against[0]].articles, first=first, last=last)
