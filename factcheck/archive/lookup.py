"""``factcheck check --archive``: each claim's evidence in the archive.

For every claim the archive keys (``statements.py``): the earlier articles stating the
same thing (corroboration: how many, first and last date, a few of them with
``file:line``), and the articles within the kind's window stating something
incompatible (``conflicts.py``). When those outnumber the claim's own side (the article
itself counted once), or equal it, the claim is *disputed*: a finding naming the
majority and this article's side, or saying it is a tie. A claim on the majority side is
corroborated, not flagged. An article is never evidence about itself: its own rows (same
doc id or same content) are left out.

Every query goes through an index on (kind, subject, aspect, ...), and the folded
``stated`` table holds one row per value and day whatever the number of articles, so a
claim costs a few index probes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from pathlib import Path

from factcheck.archive.build import content_hash, identity
from factcheck.archive.conflicts import PlaceJudge, Row, explained_by_dates, incompatible, witnesses
from factcheck.archive.statements import WINDOW_DAYS, Statement, statements
from factcheck.archive.store import PersonLinker, connect
from factcheck.model.archive import Corroboration, Dispute, Side
from factcheck.model.claims import Claim
from factcheck.model.document import Document


class Archive:
    """An archive opened for lookups (``check --archive DB``)."""

    def __init__(self, path: Path, index=None) -> None:
        self.path = Path(path)
        self.db: sqlite3.Connection = connect(self.path)
        self.people = PersonLinker(self.db)
        self.judge = PlaceJudge(index)

    def _person(self, name: str | None) -> str | None:
        from factcheck.archive.statements import person_key

        key = person_key(name)
        return None if key is None else (self.people.find(key) or key)

    def _self(self, document: Document) -> int | None:
        row = self.db.execute("SELECT id FROM articles WHERE document = ?", (identity(document),)).fetchone()
        if row is None:
            row = self.db.execute("SELECT id FROM articles WHERE content = ? LIMIT 1", (content_hash(document),)).fetchone()
        return row[0] if row else None

    def evidence(self, document: Document, claims: list[Claim]) -> tuple[list[Corroboration], list[Dispute]]:
        """What the archive says of each claim of ``document``."""
        keyed = statements(claims, document.date, self._person)
        if not keyed:
            return [], []
        me = self._self(document)
        mine: Counter = Counter()
        if me is not None:
            for kind, subject, aspect, value, day, exact in self.db.execute(
                    "SELECT DISTINCT kind, subject, aspect, value, date, exact FROM statements WHERE article = ?", (me,)):
                mine[(kind, subject, aspect, value, day, exact)] += 1
        corroborations, disputes = [], []
        for claim, statement in keyed:
            found = self._corroboration(claim, statement, me, mine)
            if found is not None:
                corroborations.append(found)
            dispute = self._dispute(claim, statement, me, mine)
            if dispute is not None:
                disputes.append(dispute)
        return corroborations, disputes

    def _corroboration(self, claim: Claim, s: Statement, me: int | None, mine: Counter) -> Corroboration | None:
        rows = self.db.execute("SELECT date, exact, n FROM stated WHERE kind = ? AND subject = ? AND aspect = ? AND value = ? AND date <= ?",
                               (s.kind, s.subject, s.aspect, s.value, s.date.isoformat())).fetchall()
        dates = []
        total = 0
        for day, exact, n in rows:
            n -= mine[(s.kind, s.subject, s.aspect, s.value, day, exact)]
            if n > 0:
                total += n
                dates.append(day)
        if not total:
            return None
        return Corroboration(claim_id=claim.id, kind=s.kind, articles=total, first=min(dates), last=max(dates),
                             witnesses=witnesses(self.db, s.kind, s.subject, s.aspect, s.value, min(dates), max(dates), exclude=me, limit=3))

    def _dispute(self, claim: Claim, s: Statement, me: int | None, mine: Counter) -> Dispute | None:
        if not s.exact:
            return None
        window = dt.timedelta(days=WINDOW_DAYS[s.kind])
        low, high = (s.date - window).isoformat(), (s.date + window).isoformat()
        rows = []
        for value, display, day, n in self.db.execute(
                "SELECT value, display, date, n FROM stated WHERE kind = ? AND subject = ? AND aspect = ? AND exact = 1 AND date BETWEEN ? AND ?",
                (s.kind, s.subject, s.aspect, low, high)):
            n -= mine[(s.kind, s.subject, s.aspect, value, day, 1)]
            if n > 0:
                rows.append(Row(value, display, dt.date.fromisoformat(day), n))
        own = Row(s.value, s.display, s.date, 1)
        place, place_type = s.subject.split("|", 1)[-1], (s.label.split(" ", 1)[0] if " " in s.label else None)
        others: dict[str, list[Row]] = {}
        for row in rows:
            if row.value == s.value or not incompatible(s.kind, own, row):
                continue
            if s.kind == "place" and self.judge.compatible(place, place_type, s.value, row.value):
                continue
            others.setdefault(row.value, []).append(row)
        if not others:
            return None
        agreeing = [row for row in rows if row.value == s.value]
        stated_count = 1 + sum(row.articles for row in agreeing)
        value, against = max(others.items(), key=lambda item: sum(r.articles for r in item[1]))
        count = sum(r.articles for r in against)
        if count < stated_count or explained_by_dates(s.kind, [own, *agreeing, *against]):
            return None  # the claim is the majority (corroborated), or a promotion the dates explain
        first, last = min(r.date for r in against).isoformat(), max(r.date for r in against).isoformat()
        majority = Side(value=against[0].display, articles=count, first=first, last=last,
                        witnesses=witnesses(self.db, s.kind, s.subject, s.aspect, value, first, last, exclude=me))
        mine_first = min([own, *agreeing], key=lambda r: r.date).date.isoformat()
        mine_last = max([own, *agreeing], key=lambda r: r.date).date.isoformat()
        stated = Side(value=s.display, articles=stated_count, first=mine_first, last=mine_last,
                      witnesses=witnesses(self.db, s.kind, s.subject, s.aspect, s.value, mine_first, mine_last, exclude=me))
        tie = count == stated_count
        others_text = f"{count} article(s) from {first} to {last} say {majority.value!r}"
        if tie:
            message = f"tie: this article says {s.display!r} about {s.label}, as {stated_count - 1} other(s) do; {others_text}"
        else:
            message = f"this article says {s.display!r} about {s.label}; {others_text}" + (
                f" ({stated_count - 1} other(s) agree with this one)" if stated_count > 1 else "")
        return Dispute(claim_id=claim.id, kind=s.kind, subject=s.label, message=message, line=claim.line, stated=stated,
                       majority=majority, tie=tie)

    def close(self) -> None:
        self.db.close()
