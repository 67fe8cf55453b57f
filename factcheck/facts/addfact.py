"""``factcheck review add-fact`` and the review app's "fix fact": new sourced facts from
reviewed claims, and one field of an existing fact changed.

The fact is appended with ruamel.yaml's round-trip mode, so the file keeps its comments,
order and formatting; the whole fact base is validated afterwards and the file restored if
the new fact breaks it. Supported claims: a place in a region (``location``) and a
person's title (``role``, from the article date on).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from factcheck.model.claims import Claim, ClaimKind
from factcheck.model.errors import FactcheckError
from factcheck.facts.schema import EntityType
from factcheck.facts.packs import pack_files
from factcheck.pipeline.cache import default_cache_path
from factcheck.text.files import atomic_write, exclusive_lock
from factcheck.facts.validate import validate
from factcheck.facts.index import FactIndex


class AddFactError(FactcheckError):
    pass


def _slug(text: str) -> str:
    from factcheck.text.normalize import strip_diacritics

    return re.sub(r"[^a-z0-9]+", "-", strip_diacritics(text).lower()).strip("-") or "fact"


def _entity_id(index: FactIndex, name: str, kind: EntityType, new_entities: list[CommentedMap], source: str) -> str:
    link = index.link(name, (kind,) if kind is EntityType.person else (EntityType.place, EntityType.country, EntityType.organization))
    if link and not link.ambiguous and link.score == 100:
        return link.entity_ids[0]
    entity_id = _slug(name)
    while entity_id in index.entities or any(e["id"] == entity_id for e in new_entities):
        entity_id += "-2"
    entity = CommentedMap(id=entity_id, type=kind.value, name=name, sources=[source])
    entity["sources"] = CommentedSeq([source])
    entity["sources"].fa.set_flow_style()
    new_entities.append(entity)
    return entity_id


def new_facts(claim: Claim, index: FactIndex, source: str, article_date: dt.date | None) -> dict[str, list[CommentedMap]]:
    """The entities and the fact that would record ``claim`` as true."""
    if source not in index.base.sources:
        raise AddFactError(f"unknown source {source!r}: add it to claims/sources.yaml first (known: {', '.join(sorted(index.base.sources))})")
    entities: list[CommentedMap] = []
    value = claim.value
    if claim.kind is ClaimKind.location and value.place and value.region:
        place = _entity_id(index, value.place, EntityType.place, entities, source)
        region = _entity_id(index, value.region, EntityType.place, entities, source)
        fact = CommentedMap(id=f"{place}-in-{region}", place=place, region=region, sources=CommentedSeq([source]))
        section = "locations"
    elif claim.kind is ClaimKind.role and value.person and value.title:
        if article_date is None:
            raise AddFactError("a title needs a start date: the article has no date (pass --date)")
        person = _entity_id(index, value.person, EntityType.person, entities, source)
        organization = _entity_id(index, value.organization, EntityType.country, entities, source) if value.organization else None
        if organization is None:
            raise AddFactError("the claim names no organization or country for the title; add the tenure by hand")
        fact = CommentedMap(id=f"{person}-{_slug(value.title)}", person=person, title=value.title, organization=organization,
                            start=article_date, sources=CommentedSeq([source]))
        section = "tenures"
    else:
        raise AddFactError(f"add-fact handles location and role claims; add this {claim.kind.value} fact by hand in claims/")
    fact["sources"].fa.set_flow_style()
    return {"entities": entities, section: [fact]}


def _check_target(path: Path, facts_dir: Path) -> None:
    """The fact must land where ``check`` will read it: a YAML file inside the fact base."""
    if path.is_dir():
        raise AddFactError(f"{path}: is a directory; --into takes a fact file such as {facts_dir}/reviewed.yaml")
    if path.suffix not in (".yaml", ".yml"):
        raise AddFactError(f"{path}: fact files end in .yaml or .yml")
    try:
        path.resolve().relative_to(Path(facts_dir).resolve())
    except ValueError:
        raise AddFactError(f"{path} is outside the fact base {facts_dir}: a fact there would never be used; "
                           f"pick a file under {facts_dir}/ or pass --facts") from None


def append_facts(path: Path, additions: dict[str, list[CommentedMap]], facts_dir: Path, packs: list[Path] | None = None) -> list[str]:
    """Append to ``path`` keeping its formatting; validate with ``packs`` (default: the packs
    in use, ``facts/packs.py``); restore the file on errors. Holds the file's lock, so the
    CLI and the review app can add at once."""

    def append(document: CommentedMap) -> None:
        for section, items in additions.items():
            if not items:
                continue
            if document.get(section) is None:
                document[section] = CommentedSeq()
            for item in items:
                document[section].append(item)

    _edit(path, facts_dir, packs, append)
    return [item["id"] for items in additions.values() for item in items]


FIXED_SECTIONS = ("entities", "locations", "tenures", "events")


def fix_fact(facts_dir: Path, fact_id: str, field: str, value_text: str, into: Path, packs: list[Path] | None = None) -> Path:
    """Set one field of fact ``fact_id`` to ``value_text`` (YAML: "tokyo", "2025-10-21",
    "[2, 2]"). A curated fact is changed in its own file, keeping the file's formatting; a
    pack fact is overridden by a changed copy appended to ``into`` (packs are generated and
    never edited; a curated fact with a pack fact's id replaces it). Validated, and the file
    restored if the change breaks the fact base. Returns the file written."""
    from factcheck.facts.load import load_fact_base

    packs = pack_files(facts_dir) if packs is None else packs
    if field in ("id", "sources") or not re.fullmatch(r"[a-z_]+", field or ""):
        raise AddFactError(f"{field!r} cannot be fixed here: give a field name such as region, title, end, date (not id or sources)")
    try:
        value = YAML(typ="safe").load(value_text)
    except Exception as error:  # ruamel's parser errors have no common public base
        raise AddFactError(f"the new value is not valid YAML ({str(error).splitlines()[0]})") from None
    base, _ = load_fact_base(facts_dir, packs, default_cache_path().parent)
    section, fact = _find(base, fact_id)
    if fact_id in base.pack_of:
        copy = CommentedMap(fact.model_dump(mode="json", exclude_defaults=True))
        copy[field] = value
        append_facts(into, {section: [copy]}, facts_dir, packs)
        return into
    path = Path(base.origin[fact_id][0])

    def change(document: CommentedMap) -> None:
        item = next((i for i in document.get(section) or () if isinstance(i, dict) and i.get("id") == fact_id), None)
        if item is None:
            raise AddFactError(f"{path}: fact {fact_id!r} is no longer in this file; reload and try again")
        item[field] = value

    _edit(path, facts_dir, packs, change)
    return path


def _find(base, fact_id: str):
    """(section, fact) of ``fact_id`` in the loaded fact base."""
    if fact_id in base.entities:
        return "entities", base.entities[fact_id]
    for section in FIXED_SECTIONS[1:]:
        for fact in getattr(base, section):
            if fact.id == fact_id:
                return section, fact
    raise AddFactError(f"no fact {fact_id!r} in the fact base (a source cannot be fixed here)")


def _edit(path: Path, facts_dir: Path, packs: list[Path] | None, change) -> None:
    """Read ``path`` round-trip, apply ``change`` to it, write it atomically under its lock,
    validate the fact base and restore the file when the change breaks it."""
    _check_target(path, facts_dir)
    with exclusive_lock(path):
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.indent(mapping=2, sequence=4, offset=2)
        try:
            original = path.read_text(encoding="utf-8") if path.exists() else ""
            document = yaml.load(original) if original.strip() else CommentedMap()
        except (OSError, UnicodeDecodeError) as error:
            raise AddFactError(f"{path}: cannot read it as a fact file ({error})") from None
        except Exception as error:  # ruamel's parser errors have no common public base
            raise AddFactError(f"{path}: not valid YAML ({str(error).splitlines()[0]}); fix it first (factcheck facts validate)") from None
        if not isinstance(document, dict):
            raise AddFactError(f"{path}: a fact file is a mapping with sources/entities/locations/tenures/events, not a list or a single value")
        change(document)
        buffer = io.StringIO()
        yaml.dump(document, buffer)
        atomic_write(path, buffer.getvalue())
        _, problems = validate(facts_dir, packs=pack_files(facts_dir) if packs is None else packs, cache_dir=default_cache_path().parent)
        errors = [str(p) for p in problems if p.severity == "error"]
        if errors:
            atomic_write(path, original)
            raise AddFactError("the change would break the fact base, nothing was written:\n  " + "\n  ".join(errors))
