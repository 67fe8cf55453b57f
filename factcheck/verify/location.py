"""Location claims: does the place lie in the stated region (directly or further up)?"""

from __future__ import annotations

from factcheck.facts.schema import EntityType
from factcheck.model.claims import Claim, ClaimKind, Evidence, Verdict
from factcheck.verify.common import PLACE_TYPES, Article, result, unverifiable
from factcheck.verify.registry import verifies


@verifies(ClaimKind.location)
def verify_location(claim: Claim, article: Article) -> Claim:
    index, value = article.index, claim.value
    place = article.link(value.place or "", (EntityType.place, EntityType.country))
    if place is None:
        return unverifiable(claim, f"no place named {value.place!r} in the fact base")
    if place.ambiguous:
        return result(claim, Verdict.ambiguous, f"{value.place!r} could be several places",
                      [Evidence(fact_id=e, alias=place.alias, score=place.score) for e in place.entity_ids])
    place_id = place.entity_ids[0]
    ancestors = index.ancestors(place_id)
    if not ancestors:
        return unverifiable(claim, f"the fact base does not say where {index.name(place_id)} lies")
    region = article.link(value.region or "", PLACE_TYPES)
    region_ids = region.entity_ids if region and not region.ambiguous else []
    for region_id, fact_id in ancestors:
        if region_id in region_ids:
            location = index.location_by_id[fact_id]
            return result(claim, Verdict.supported, f"{index.name(place_id)} lies in {index.name(region_id)}",
                          [Evidence(fact_id=fact_id, source=index.source_text(location.sources), alias=place.alias, score=place.score,
                                    expected={"region": index.name(region_id)})])
    nearest_region, fact_id = ancestors[0]
    location = index.location_by_id[fact_id]
    chain = " > ".join(index.name(r) for r, _ in ancestors)
    return result(claim, Verdict.contradicted, f"{index.name(place_id)} lies in {chain}, not in {value.region}",
                  [Evidence(fact_id=fact_id, source=index.source_text(location.sources), alias=place.alias, score=place.score,
                            expected={"region": index.name(nearest_region)})])
