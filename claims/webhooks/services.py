from __future__ import annotations

from collections.abc import Iterable

from claims.webhooks.models import Event


def events_publish(*, events: Iterable[tuple[str, dict]]) -> list[Event]:
    """Record events in the caller's transaction (the outbox).

    Callers publish inside the transaction that makes the change, so an event
    exists if and only if the change was committed.
    """
    rows = [Event(type=type_, data=data) for type_, data in events]
    for row in rows:
        if row.type not in Event.Type.values:
            raise ValueError(f"unknown event type {row.type!r}; expected one of {Event.Type.values}")
    return Event.objects.bulk_create(rows)
