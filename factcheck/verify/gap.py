"""Gap claims: "SAREX sau 9 năm gián đoạn" against a recurring event's previous occurrence
and its resumption. The event is found by a cue in the claim's event noun or text."""

from __future__ import annotations

from factcheck.model.claims import Claim, ClaimKind, Verdict
from factcheck.text.normalize import match_key
from factcheck.verify.common import Article, result, unverifiable
from factcheck.verify.events import event_evidence
from factcheck.verify.registry import verifies


@verifies(ClaimKind.gap)
def verify_gap(claim: Claim, article: Article) -> Claim:
    index, value = article.index, claim.value
    found = index.cued_events(match_key(value.event or ""), match_key(claim.text), gaps=True)
    if not found:
        return unverifiable(claim, f"no resumed event {value.event!r} in the fact base")
    event, _ = found[0]
    if value.amount is None:
        return unverifiable(claim, f"{event.name}: the text gives no exact gap")
    years = event.resumed.year - event.previous.year
    months = years * 12 + event.resumed.month - event.previous.month
    expected_amount = {"year": years, "month": months}.get(value.unit or "")
    if expected_amount is None:
        return unverifiable(claim, f"gap in {value.unit}s cannot be compared")
    tolerance = 1 if value.approx else 0
    ok = abs(value.amount - expected_amount) <= tolerance
    verdict = Verdict.supported if ok else Verdict.contradicted
    return result(claim, verdict, f"{event.name}: held {event.previous.year}, resumed {event.resumed.year} ({expected_amount} {value.unit}s)",
                  [event_evidence(event, index, {"amount": expected_amount, "unit": value.unit, "previous": event.previous.year})])
