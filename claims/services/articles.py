from __future__ import annotations

import hashlib
import logging
import math
import threading
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import (
    IntegrityError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

import factcheck
from claims.models import Article, Claim, Entity, Sighting
from claims.services.dispatch import (
    CHECK_CLAIMS,
    PROCESS_ARTICLE,
    dispatch,
    dispatch_on_commit,
    queue_depth,
)
from claims.services.entities import entities_resolve, entity_registry_names
from claims.services.statuses import claim_url
from claims.webhooks.models import Event
from claims.webhooks.services import events_publish
from factcheck.agreement import fact_key
from factcheck.claim import Claim as FoundClaim
from factcheck.claim import Extraction
from factcheck.similarity import fingerprint

logger = logging.getLogger(__name__)

# An article left in `processing` without a sign of life for this long belonged to a worker that died:
# another may take it over. The worker that holds it renews the lease every third of it while it works
# (LeaseKept), so a live one never loses it however long the article, and a dead one's is over in seconds.
PROCESSING_LEASE = timedelta(seconds=settings.FACTCHECK_ARTICLE_LEASE_SECONDS)
# A queued article untouched for this long lost its dispatch (broker down, queue flushed), or waits
# behind a long queue: the sweeper queues it again, and the duplicate message of one that was only
# waiting costs a single UPDATE that changes nothing.
QUEUED_GRACE = timedelta(seconds=settings.FACTCHECK_QUEUED_GRACE_SECONDS)
# Claim ids listed in an article.processed event: 1,000 ids of 7 digits are ~8 kB,
# well under the 20 kB payload limit; the article's URL lists them all.
ARTICLE_EVENT_MAX_IDS = 1000


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outlet_of(url: str, source_name: str) -> str:
    """Who published an article: the URL's host without "www.", else the source name."""
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    # A host may be 253 characters; the column holds 200. The cut keeps outlets apart all the same.
    return (host or " ".join(source_name.casefold().split()))[:OUTLET_CHARS]


OUTLET_CHARS = Article._meta.get_field("outlet").max_length
NAME_CHARS = Entity._meta.get_field("name").max_length
# The claim's short text fields: a value longer than its column is not something the contract allows.
CLAIM_CODES = ("predicate", "unit", "period", "time", "role", "qualifier", "modality")


_CODE_CHARS = {f: Claim._meta.get_field(f).max_length for f in CLAIM_CODES}


def fit_name(name: str) -> str:
    """A name that fits the entity column: longer ones (the engine reading a run of words as a name) are
    cut at a word, marked with an ellipsis, and kept, so the claim reaches a reviewer instead of failing
    its whole article."""
    if len(name) <= NAME_CHARS:
        return name
    cut = name[: NAME_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[NAME_CHARS // 2 :] else cut) + "…"


def article_submit(
    *,
    text: str,
    source_name: str,
    url: str = "",
    published: date | None = None,
    language: str = "",
    submitted_by: AbstractBaseUser | None = None,
) -> tuple[Article, bool]:
    """Store an article and queue its extraction; the same text returns the stored article.

    Every submission is recorded as a sighting (who sent it, as which outlet, URL and date), so a
    second outlet running the same text is on record under its own name. A text whose earlier
    processing failed is queued again. Returns (article, created).
    """
    digest = content_hash(text)
    outlet = outlet_of(url, source_name)
    sighting = {"source_name": source_name, "outlet": outlet, "url": url, "published": published}
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None:
        try:
            with transaction.atomic():
                article = Article.objects.create(
                    text=text,
                    content_hash=digest,
                    source_name=source_name,
                    url=url,
                    outlet=outlet,
                    fingerprint=fingerprint(text),
                    published=published,
                    language=language,
                    submitted_by=submitted_by,
                )
                Sighting.objects.create(article=article, submitted_by=submitted_by, **sighting)
                dispatch_on_commit(PROCESS_ARTICLE, article.pk)
            return article, True
        except IntegrityError:
            # The same text submitted twice at the same moment: the other request won.
            existing = Article.objects.get(content_hash=digest)
    with transaction.atomic():
        Sighting.objects.get_or_create(
            article=existing,
            submitted_by=submitted_by,
            outlet=outlet,
            url=url,
            defaults={"source_name": source_name, "published": published},
        )
        article_retry_failed(article=existing)
    existing.refresh_from_db()
    return existing, False


def article_retry_failed(*, article: Article) -> bool:
    """Queue a failed article again (its text was resubmitted, or its failure was transient)."""
    requeued = Article.objects.filter(pk=article.pk, state=Article.State.FAILED).update(
        state=Article.State.QUEUED, error="", updated_at=timezone.now()
    )
    if requeued:
        dispatch_on_commit(PROCESS_ARTICLE, article.pk)
    return bool(requeued)


def article_process(*, article_id: int) -> list[int]:
    """Extract and store an article's claims; returns the ids of the new claims.

    Idempotent: only the worker that moves the article out of `queued` (or takes
    over an expired lease) extracts it, and claims are stored with the article's
    state in one transaction, so a crash before the commit stores nothing.
    """
    now = timezone.now()
    try:
        taken = Article.objects.filter(
            Q(state=Article.State.QUEUED) | Q(state=Article.State.PROCESSING, updated_at__lt=now - PROCESSING_LEASE),
            pk=article_id,
        ).update(state=Article.State.PROCESSING, updated_at=now)
    except TRANSIENT_ERRORS as exc:
        raise TransientFailure(str(exc)) from exc
    if not taken:
        return []
    article = Article.objects.get(pk=article_id)
    try:
        with LeaseKept(article_id):
            extraction = factcheck.extract(
                article.text,
                published=article.published,
                lang=article.language or None,
                entities=entity_registry_names(text=article.text),
                min_confidence=settings.FACTCHECK_MIN_CONFIDENCE,
            )
            claim_ids = _store_extraction(article, extraction)
    except TRANSIENT_ERRORS as exc:
        # A locked SQLite file, a dropped or restarted PostgreSQL connection: nothing was stored (one
        # transaction), and the same work will succeed later. The article goes back to the queue and
        # the caller retries it with backoff.
        logger.warning("extraction of article %s hit a transient error; it will be retried: %s", article_id, exc)
        _release(article_id, f"retrying after a transient error: {type(exc).__name__}: {exc}"[:2000])
        raise TransientFailure(str(exc)) from exc
    except Exception as exc:
        logger.exception("extraction of article %s failed", article_id)
        Article.objects.filter(pk=article_id).update(
            state=Article.State.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], updated_at=timezone.now()
        )
        return []
    return claim_ids


class LeaseKept:
    """Renews an article's lease (its updated_at) from a thread of its own while the work runs.

    The thread has its own database connection, closed when the work ends; a renewal that fails
    (the database briefly away) is skipped: the next one, a third of a lease later, tries again.
    """

    def __init__(self, article_id: int):
        self.article_id = article_id
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._renew, name=f"lease-{article_id}", daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=PROCESSING_LEASE.total_seconds())

    def _renew(self) -> None:
        try:
            while not self.stop.wait(PROCESSING_LEASE.total_seconds() / 3):
                try:
                    Article.objects.filter(pk=self.article_id, state=Article.State.PROCESSING).update(
                        updated_at=timezone.now()
                    )
                except Exception:  # a lost connection or a busy SQLite file: the next renewal tries again
                    logger.warning("could not renew the lease of article %s", self.article_id, exc_info=True)
        finally:
            connection.close()


class TransientFailure(Exception):
    """Processing met an error that goes away by itself (a lock, a lost connection): retry later."""


# Errors of the connection or the database's state, not of the data: OperationalError covers "database
# is locked" (SQLite) and a terminated or restarted server (PostgreSQL); InterfaceError a closed connection.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def _release(article_id: int, reason: str) -> None:
    """Hand the article back to the queue; if even that fails, the lease sweeper will take it over."""
    try:
        if not connection.in_atomic_block:
            # A dropped connection stays broken until closed: the next query opens a new one.
            close_old_connections()
        Article.objects.filter(pk=article_id, state=Article.State.PROCESSING).update(
            state=Article.State.QUEUED, error=reason, updated_at=timezone.now()
        )
    except TRANSIENT_ERRORS:
        logger.warning("could not hand article %s back to the queue; the sweeper will", article_id)


def article_give_up(*, article_id: int, reason: str) -> None:
    """A transient error that outlasted every retry: the article fails, with the reason, for a person to see."""
    Article.objects.filter(pk=article_id).exclude(state=Article.State.DONE).update(
        state=Article.State.FAILED, error=f"{GAVE_UP}: {reason}"[:2000], updated_at=timezone.now()
    )


# How a failure that only outlasted the retries is marked; the sweeper tries such articles again later.
GAVE_UP = "gave up after repeated transient errors"
# How long a transient failure rests before the sweeper queues it again.
TRANSIENT_REST = timedelta(minutes=10)


@transaction.atomic
def _store_extraction(article: Article, extraction: Extraction) -> list[int]:
    names = extraction.entities | _names_in(extraction)
    entities = entities_resolve(names={fit_name(name): kind for name, kind in names.items()})
    rows: dict[tuple, Claim] = {}
    for c in [*extraction.claims, *extraction.incomplete]:
        if too_long := [f for f in CLAIM_CODES if len(getattr(c, f) or "") > _CODE_CHARS[f]]:
            logger.warning("article %s: a %s claim with over-long %s left out", article.pk, c.predicate, too_long)
            continue
        subject = entities[fit_name(c.subject)]
        obj = entities[fit_name(c.object)] if c.object is not None else None
        _check_confidence(c)
        key = fact_key(
            predicate=c.predicate,
            subject=subject.pk,
            object=obj.pk if obj else None,
            unit=c.unit,
            period=c.period,
            role=c.role,
            time=c.time,
        )
        rows.setdefault(
            (key, *c.span),
            Claim(
                article=article,
                predicate=c.predicate,
                subject=subject,
                object=obj,
                value=c.value,
                unit=c.unit,
                period=c.period,
                time=c.time,
                role=c.role,
                qualifier=c.qualifier,
                modality=c.modality,
                text=c.text,
                confidence=c.confidence,
                span_start=c.span[0],
                span_end=c.span[1],
                fact_key=key,
            ),
        )
    # A re-run (a worker took over an expired lease) finds some claims stored: they are not new.
    before = set(Claim.objects.filter(article=article).values_list("pk", flat=True))
    Claim.objects.bulk_create(rows.values(), ignore_conflicts=True)
    stored = list(
        Claim.objects.filter(article=article).order_by("pk").values_list("pk", "predicate", "fact_key", "status")
    )
    claim_ids = [pk for pk, *_ in stored]
    Article.objects.filter(pk=article.pk).update(
        state=Article.State.DONE,
        language=extraction.lang,
        error="",
        processed_at=timezone.now(),
        updated_at=timezone.now(),
    )
    new = [row for row in stored if row[0] not in before]
    events_publish(
        events=[
            *(
                (
                    Event.Type.CLAIM_CREATED,
                    {
                        "claim_id": pk,
                        "article_id": article.pk,
                        "predicate": predicate,
                        "fact_key": key,
                        "status": status,
                        "claim_url": claim_url(pk),
                    },
                )
                for pk, predicate, key, status in new
            ),
            (
                Event.Type.ARTICLE_PROCESSED,
                {
                    "article_id": article.pk,
                    "state": Article.State.DONE,
                    "language": extraction.lang,
                    "claim_count": len(claim_ids),
                    "new_claim_count": len(new),
                    # Ids, not claims, and not all of a very long article's: the payload stays small.
                    "claim_ids": claim_ids[:ARTICLE_EVENT_MAX_IDS],
                    "claim_ids_truncated": len(claim_ids) > ARTICLE_EVENT_MAX_IDS,
                    "article_url": settings.FACTCHECK_PUBLIC_URL + reverse("article-detail", args=[article.pk]),
                },
            ),
        ]
    )
    if claim_ids:
        dispatch_on_commit(CHECK_CLAIMS, claim_ids)
    return claim_ids


def _check_confidence(c: FoundClaim) -> None:
    """Refuse a confidence outside the contract's [0, 1] before it reaches the database.

    The check constraint would refuse it on PostgreSQL, but SQLite's INSERT OR IGNORE (bulk_create with
    ignore_conflicts) skips a row that breaks a CHECK without a word: the claim would be lost silently.
    """
    confidence = c.confidence
    if confidence is None:
        return
    is_number = isinstance(confidence, int | float) and not isinstance(confidence, bool)
    if not (is_number and math.isfinite(confidence) and 0 <= confidence <= 1):
        raise ValueError(
            f"The engine gave the {c.predicate} claim at {list(c.span)} a confidence of {confidence!r}; "
            "the contract allows a number in [0, 1] or none."
        )


def _names_in(extraction: Extraction) -> dict[str, str]:
    """Names used by claims that the engine did not list under entities."""
    names = {}
    for c in [*extraction.claims, *extraction.incomplete]:
        for n in (c.subject, c.object):
            if n is not None and n not in extraction.entities:
                names[n] = "other"
    return names


def articles_requeue_stalled() -> list[int]:
    """Queue again the articles whose dispatch was lost or whose worker died.

    The fast path is the dispatch after commit; this sweep, run by Celery beat,
    makes sure a lost message only delays an article. Articles whose failure was only transient
    errors outlasting the retries are tried again after a rest.
    """
    now = timezone.now()
    Article.objects.filter(
        state=Article.State.FAILED, error__startswith=GAVE_UP, updated_at__lt=now - TRANSIENT_REST
    ).update(state=Article.State.QUEUED, updated_at=now - QUEUED_GRACE - timedelta(seconds=1))
    lost = Q(state=Article.State.PROCESSING, updated_at__lt=now - PROCESSING_LEASE)
    # While articles wait in the queue, a late queued one is most likely among them: it is sent again only
    # once the backlog is worked off (a flushed queue is empty, so its articles are sent again at once).
    if not queue_depth(PROCESS_ARTICLE):
        lost |= Q(state=Article.State.QUEUED, updated_at__lt=now - QUEUED_GRACE)
    stalled = list(Article.objects.filter(lost).order_by("updated_at").values_list("pk", flat=True)[:1000])
    # A queued article sent again rests a whole grace before the next time: during a burst of
    # thousands, the sweeper adds one message per waiting article per grace, not one per sweep.
    Article.objects.filter(pk__in=stalled, state=Article.State.QUEUED).update(updated_at=now)
    for article_id in stalled:
        dispatch(PROCESS_ARTICLE, article_id)
    return stalled
