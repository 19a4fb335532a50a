from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Q
from django.db.models.functions import Lower

from claims.models import Entity, EntityAlias, normalize_name
from factcheck.registry import name_candidates

# Candidates per query: well under SQLite's and PostgreSQL's parameter limits.
REGISTRY_BATCH = 5000


def entity_registry_names(*, text: str) -> dict[str, str]:
    """alias -> canonical name, the form the engine takes, for the aliases `text` can contain.

    The engine only finds an alias the text spells, so fetching the registry's aliases
    for the text's candidate word sequences (by the indexed normalised form) gives it the
    same names as the whole registry, at a cost that grows with the text, not the registry:
    one query for an article of ordinary length.
    """
    candidates = sorted(name_candidates(text))
    names: dict[str, str] = {}
    for k in range(0, len(candidates), REGISTRY_BATCH):
        batch = candidates[k : k + REGISTRY_BATCH]
        names.update(EntityAlias.objects.filter(normalized__in=batch).values_list("name", "entity__name"))
    return names


def entities_resolve(*, names: Mapping[str, str]) -> dict[str, Entity]:
    """Map canonical names found by the engine to entities, creating unknown ones.

    `names` maps each name to its kind. Costs a constant number of queries
    whatever the number of names: one lookup, one bulk insert of the new ones.
    """
    wanted = {normalize_name(n): n for n in names}
    found: dict[str, Entity] = {}
    for alias in EntityAlias.objects.filter(normalized__in=wanted).select_related("entity").order_by("entity_id"):
        found.setdefault(alias.normalized, alias.entity)
    # Names that are an entity's canonical name but were never given an alias row.
    missing = [n for n in wanted if n not in found]
    if missing:
        for entity in _by_name([wanted[n] for n in missing]):
            found.setdefault(normalize_name(entity.name), entity)
    missing = [n for n in wanted if n not in found]
    if missing:
        # ignore_conflicts: a concurrent worker may create the same entity first.
        Entity.objects.bulk_create(
            [Entity(name=wanted[n], kind=_kind(names[wanted[n]])) for n in missing], ignore_conflicts=True
        )
        created = {normalize_name(e.name): e for e in _by_name([wanted[n] for n in missing])}
        for n in missing:
            if n not in created:
                # The database's lower() and Python's casefold() disagree on this name ("ß", or any non-ASCII
                # capital on SQLite), so the row that blocked the insert is found one name at a time.
                entity = Entity.objects.filter(name__iexact=wanted[n]).first()
                if entity is None:
                    raise LookupError(f"entity {wanted[n]!r} could neither be found nor created")
                created[n] = entity
        EntityAlias.objects.bulk_create(
            [EntityAlias(entity=e, name=e.name, normalized=n) for n, e in created.items() if n in missing],
            ignore_conflicts=True,
        )
        found.update((n, created[n]) for n in missing)
    return {wanted[n]: e for n, e in found.items()}


def _by_name(names: list[str]):
    """Entities named so, matched exactly or by the database's lower-casing (which may differ from Python's)."""
    return Entity.objects.annotate(lname=Lower("name")).filter(
        Q(name__in=names) | Q(lname__in=[n.lower() for n in names])
    )


def _kind(kind: str) -> str:
    return kind if kind in Entity.Kind.values else Entity.Kind.OTHER
