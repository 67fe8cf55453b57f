"""schema.org ``ClaimReview`` JSON-LD for published fact-checks (``review export --format claimreview``).

One ClaimReview per confirmed finding: a claim the fact base contradicts (verdict
``contradicted``) that an editor confirmed (decision ``confirmed``). Inconsistencies are
not exported: they name two claims of which one may be right, and the contradicted claim
among them carries the rating. Properties, after Google's documented required and
recommended ones (tests/data/claimreview.schema.json checks them):

- ``claimReviewed``: the claim in the article's words, its sentence cut to at most 75
  characters around the claim (never a verdict word: the rating says that);
- ``reviewRating``: a ``Rating`` on the scale below, with the Vietnamese ``alternateName``;
- ``itemReviewed``: a ``Claim`` with ``appearance`` (the article's URL when the file gives
  one, ``Document.url``; else its name) and ``datePublished`` (the article's date);
- ``author``: the organization publishing the checks (``--org``, ``--org-url``);
- ``url``: the page of the fact-check (``--url-template``, ``{fingerprint}`` filled in);
- ``datePublished``: the day the finding was confirmed; ``reviewBody``: what the fact base
  says and the editor's note.

The rating scale (``RATINGS``): 1 Sai (false), 2 Phần lớn sai (mostly false), 3 Nửa đúng nửa
sai (half true), 4 Phần lớn đúng (mostly true), 5 Đúng (true); ``worstRating`` 1,
``bestRating`` 5. A confirmed contradiction is rated 1, Sai.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from factcheck.model.claims import Claim, Verdict
from factcheck.model.report import DocumentReport
from factcheck.renderers.common import dumps
from factcheck.review.records import Decision, Review

RATINGS = {1: "Sai", 2: "Phần lớn sai", 3: "Nửa đúng nửa sai", 4: "Phần lớn đúng", 5: "Đúng"}
WORST, BEST = min(RATINGS), max(RATINGS)
RATING_OF = {Verdict.contradicted: 1}  # what a confirmed finding of each verdict is rated
MAX_CLAIM = 75  # Google: claimReviewed "less than 75 characters"
ELLIPSIS = "…"


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact-checks and where."""

    name: str
    url: str
    url_template: str = "{org_url}/fact-check/{fingerprint}"

    def review_url(self, fingerprint: str) -> str:
        return self.url_template.format(org_url=self.url.rstrip("/"), fingerprint=fingerprint)


def summary(sentence: str, text: str, limit: int = MAX_CLAIM) -> str:
    """The sentence, or the words around ``text`` in it, in at most ``limit`` characters."""
    sentence, text = " ".join(sentence.split()), " ".join(text.split())
    if len(sentence) <= limit:
        return sentence
    if text not in sentence or len(text) > limit - 2:
        return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS
    at = sentence.index(text)
    end = at + len(text)
    # where a cut may fall: at word boundaries, moving out from the claim
    lefts = [at] + [i + 1 for i in range(at - 1, -1, -1) if sentence[i] == " "] + [0]
    rights = [end] + [i for i in range(end, len(sentence)) if sentence[i] == " "] + [len(sentence)]

    def shown(left: int, right: int) -> str:
        start, stop = lefts[left], rights[right]
        return (ELLIPSIS if start > 0 else "") + sentence[start:stop].strip() + (ELLIPSIS if stop < len(sentence) else "")

    left = right = 0
    grown = True
    while grown:
        grown = False
        if right + 1 < len(rights) and len(shown(left, right + 1)) <= limit:
            right, grown = right + 1, True
        if left + 1 < len(lefts) and len(shown(left + 1, right)) <= limit:
            left, grown = left + 1, True
    return shown(left, right)


def _appearance(report: DocumentReport) -> dict:
    document = report.document
    work: dict = {"@type": "CreativeWork"}
    if document.url:
        work["url"] = document.url
    else:
        work["name"] = report.name
    if document.date:
        work["datePublished"] = document.date.isoformat()
    return work


def claim_review(report: DocumentReport, claim: Claim, review: Review, publisher: Publisher) -> dict:
    """One ClaimReview for a confirmed finding on ``claim``."""
    rating = RATING_OF[claim.verdict]
    item: dict = {"@type": "Claim", "appearance": _appearance(report)}
    if report.document.date:
        item["datePublished"] = report.document.date.isoformat()
    body = ". ".join(part.rstrip(". ") for part in (claim.reason, review.note) if part)
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.review_url(claim.fingerprint),
        "claimReviewed": summary(claim.sentence, claim.text),
        "datePublished": review.at.date().isoformat(),
        "inLanguage": "vi",
        "author": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
        "reviewRating": {"@type": "Rating", "ratingValue": rating, "worstRating": WORST, "bestRating": BEST,
                         "alternateName": RATINGS[rating], "name": RATINGS[rating]},
        "itemReviewed": item,
    }
    if body:
        data["reviewBody"] = body
    return data


def confirmed(reports: Iterable[DocumentReport], decisions: Mapping[str, Review]) -> Iterator[tuple[DocumentReport, Claim, Review]]:
    """(report, claim, decision) for every exportable finding, once per fingerprint."""
    seen = set()
    for report in reports:
        for claim in report.claims:
            review = decisions.get(claim.fingerprint or "")
            if (claim.verdict in RATING_OF and review is not None and review.decision is Decision.confirmed
                    and claim.fingerprint not in seen):
                seen.add(claim.fingerprint)
                yield report, claim, review


def reviews(reports: Iterable[DocumentReport], decisions: Mapping[str, Review], publisher: Publisher) -> Iterator[str]:
    """A JSON array of ClaimReview objects, streamed."""
    yield "["
    first = True
    for report, claim, review in confirmed(reports, decisions):
        yield ("\n  " if first else ",\n  ") + dumps(claim_review(report, claim, review, publisher), indent=2).replace("\n", "\n  ")
        first = False
    yield "]\n" if first else "\n]\n"
