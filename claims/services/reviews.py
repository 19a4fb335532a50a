from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.models import Claim, Fact, StatusChange
from claims.services.checks import claims_agreement, fact_row_ensure, facts_lock
from claims.services.dispatch import (
    CHECK_CLAIMS,
    RECHECK_CLAIMS,
    RECHECK_FACT,
    dispatch,
    dispatch_on_commit,
)
from claims.services.entities import entities_resolve
from claims.services.statuses import Change, claim_url, claims_set_status
from claims.webhooks.models import Event
from claims.webhooks.services import events_publish
from factcheck.agreement import fact_key

# A verdict's re-check not queued within this time lost its dispatch: the sweeper queues it.
RECHECK_GRACE = timedelta(minutes=2)


class ReviewRefused(Exception):
    """A verdict or correction that was refused; nothing was changed. The message says why, for a person."""

    status = 409


class NotAllowed(ReviewRefused):
    status = 403


class NoteRequired(ReviewRefused):
    status = 400


class StaleVersion(ReviewRefused):
    """The claim changed since the reviewer loaded it (optimistic lock)."""


class ContradictoryVerdict(ReviewRefused):
    """Two disagreeing values of one fact would both be verified."""


class TakenByAnother(ReviewRefused):
    """Another reviewer has taken the claim and the take has not expired."""


# How long a reviewer holds a claim they took.
TAKE_DURATION = timedelta(minutes=15)


@dataclass(frozen=True)
class Verdict:
    claim_id: int
    verdict: str
    # The status_version the reviewer saw; None only for internal callers that decide on the latest state.
    expected_version: int | None = None


def claim_set_verdict(
    *,
    claim: Claim,
    reviewer: AbstractBaseUser,
    verdict: str,
    note: str = "",
    expected_version: int | None = None,
) -> StatusChange | None:
    """A reviewer's verdict on one claim: see `claims_give_verdicts`."""
    changes = claims_give_verdicts(
        reviewer=reviewer, verdicts=[Verdict(claim.pk, verdict, expected_version)], note=note
    )
    claim.refresh_from_db(fields=["status", "status_version", "needs_review", "taken_by", "taken_until"])
    return changes[0] if changes else None


def claims_give_verdicts(*, reviewer: AbstractBaseUser, verdicts: list[Verdict], note: str = "") -> list[StatusChange]:
    """Reviewers' verdicts (`verified`, `refuted`, `unverifiable`): the one path, for the API, the admin's
    list actions and the claim page.

    All or nothing: every verdict is refused (ReviewRefused, nothing changed) when the reviewer may not
    give verdicts, a refutation has no note, a claim changed since the reviewer saw it (its
    status_version is not the expected one), another reviewer holds the claim, or the fact would end
    with two disagreeing verified values. Checks never overwrite a verdict; the other claims of each
    fact are re-checked against it in background batches.
    """
    for v in verdicts:
        if v.verdict not in Claim.VERDICT_STATUSES:
            raise ValueError(f"{v.verdict!r} is not a verdict; use one of {', '.join(Claim.VERDICT_STATUSES)}")
    if not getattr(reviewer, "is_authenticated", False):
        raise ValueError("a verdict needs the reviewer who gives it")
    if not reviewer.has_perm("claims.give_verdict"):
        raise NotAllowed(_("You may not give verdicts: ask for the reviewers role."))
    if any(v.verdict == Claim.Status.REFUTED for v in verdicts) and not note.strip():
        raise NoteRequired(_("A refutation needs a note saying what is wrong."))
    if not verdicts:
        return []
    now = timezone.now()
    with transaction.atomic():
        # Lock order, as everywhere: fact rows by key (made where missing, in key order too), then claim
        # rows by id. A check of the same fact running now waits for this verdict, or this for it.
        ids = [v.claim_id for v in verdicts]
        first_of_fact = {c.fact_key: c for c in Claim.objects.filter(pk__in=ids).order_by("pk")}
        keys = sorted(first_of_fact)
        facts_lock(keys=keys, makers=first_of_fact.values())
        claims = {
            c.pk: c
            # of=self: the claim rows only (taken_by is a nullable join, which PostgreSQL cannot lock).
            for c in Claim.objects.select_for_update(of=("self",))
            .select_related("article", "taken_by")
            .defer("article__text")
            .filter(pk__in=[v.claim_id for v in verdicts])
            .order_by("pk")
        }
        if {c.fact_key for c in claims.values()} - set(keys):
            # A correction moved a claim to another fact between the two reads: its fact is not locked.
            raise StaleVersion(_("A claim changed while the verdict was being recorded; nothing was changed. Retry."))
        # Records the re-checks owed, so that a lost dispatch is found by the sweeper.
        Fact.objects.filter(key__in=keys).update(recheck_requested_at=now)
        for v in verdicts:
            claim = claims[v.claim_id]
            if v.expected_version is not None and claim.status_version != v.expected_version:
                raise StaleVersion(
                    _(
                        "Claim #%(id)s changed since you loaded it (you saw version %(seen)s, it is now version "
                        "%(now)s, status %(status)s); nothing was changed. Reload it and decide again."
                    )
                    % {
                        "id": claim.pk,
                        "seen": v.expected_version,
                        "now": claim.status_version,
                        "status": claim.get_status_display(),
                    }
                )
            if claim.taken_by_id and claim.taken_by_id != reviewer.pk and claim.taken_until and claim.taken_until > now:
                raise TakenByAnother(
                    _("Claim #%(id)s is taken by %(who)s until %(until)s; nothing was changed.")
                    % {"id": claim.pk, "who": claim.taken_by.get_username(), "until": f"{claim.taken_until:%H:%M} UTC"}
                )
        _refuse_contradictions(verdicts, claims)
        changes = claims_set_status(
            changes=[Change(claims[v.claim_id], v.verdict, note or f"reviewer verdict: {v.verdict}") for v in verdicts],
            actor_user=reviewer,
        )
        Claim.objects.filter(pk__in=claims).update(needs_review=False, taken_by=None, taken_until=None)
        verified = [claims[v.claim_id] for v in verdicts if v.verdict == Claim.Status.VERIFIED]
        if verified:
            events_publish(
                events=[
                    (
                        Event.Type.FACT_VERIFIED,
                        {
                            "fact_key": claim.fact_key,
                            "claim_id": claim.pk,
                            "value": claim.value,
                            "unit": claim.unit,
                            "reviewer": reviewer.get_username(),
                            "claim_url": claim_url(claim.pk),
                        },
                    )
                    for claim in verified
                ]
            )
        for key in keys:
            dispatch_on_commit(RECHECK_FACT, key)
    return changes


def _refuse_contradictions(verdicts: list[Verdict], claims: dict[int, Claim]) -> None:
    """No fact may end with two verified claims that disagree, by the rule the checks use.

    The claims verified after this step are those verified already, minus those this step gives another
    verdict, plus those it verifies: a reviewer can replace a verified value by refuting it in the same step.
    """
    decided = {v.claim_id: v.verdict for v in verdicts}
    new = [claims[v.claim_id] for v in verdicts if v.verdict == Claim.Status.VERIFIED]
    if not new:
        return
    standing = list(
        Claim.objects.filter(fact_key__in={c.fact_key for c in new}, status=Claim.Status.VERIFIED)
        .exclude(pk__in=decided)
        .select_related("article")
        .defer("article__text")
    )
    for i, claim in enumerate(new):
        # Against the verified claims that stay, and the ones verified before it in this step.
        for other, how in [
            *((o, _("is already")) for o in standing),
            *((o, _("you are also marking")) for o in new[:i]),
        ]:
            if other.fact_key == claim.fact_key and claims_disagree(claim, other):
                raise ContradictoryVerdict(
                    _(
                        "Claim #%(id)s (%(value)s) disagrees with claim #%(other)s (%(other_value)s), which %(how)s "
                        "verified; nothing was changed. Refute #%(other)s in the same step, or leave one of them."
                    )
                    % {
                        "id": claim.pk,
                        "value": _shown(claim),
                        "other": other.pk,
                        "other_value": _shown(other),
                        "how": how,
                    }
                )


def claims_disagree(a: Claim, b: Claim) -> bool:
    """Disagree by the rule the checks use: same time (undated by the day received), values, denials."""
    return claims_agreement(a, b) is False


def _shown(claim: Claim) -> str:
    return "no value" if claim.value is None else f"{claim.value:,.10g} {claim.unit or ''}".strip()


def claim_take(*, claim: Claim, reviewer: AbstractBaseUser) -> Claim:
    """Take a claim for TAKE_DURATION, so that another reviewer does not work on it at the same time."""
    if not reviewer.has_perm("claims.give_verdict"):
        raise NotAllowed(_("You may not give verdicts: ask for the reviewers role."))
    now = timezone.now()
    with transaction.atomic():
        current = Claim.objects.select_for_update(of=("self",)).select_related("taken_by").get(pk=claim.pk)
        if current.taken_by_id not in (None, reviewer.pk) and current.taken_until and current.taken_until > now:
            raise TakenByAnother(
                _("Claim #%(id)s is taken by %(who)s until %(until)s.")
                % {"id": claim.pk, "who": current.taken_by.get_username(), "until": f"{current.taken_until:%H:%M} UTC"}
            )
        Claim.objects.filter(pk=claim.pk).update(taken_by=reviewer, taken_until=now + TAKE_DURATION)
    claim.refresh_from_db(fields=["taken_by", "taken_until"])
    return claim


def claim_release(*, claim: Claim, reviewer: AbstractBaseUser) -> None:
    Claim.objects.filter(pk=claim.pk, taken_by=reviewer).update(taken_by=None, taken_until=None)


def fact_recheck_batches(*, fact_key: str) -> list[list[int]]:
    """The claims of a fact without a verdict, in batches for the re-check tasks."""
    ids = list(
        Claim.objects.of_fact(fact_key)
        .exclude(status__in=Claim.VERDICT_STATUSES)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    size = settings.FACTCHECK_RECHECK_BATCH
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def fact_recheck_dispatch(*, fact_key: str) -> int:
    """Queue the re-check batches owed after a verdict; returns how many were queued.

    The request is cleared only once every batch is queued, and only if no newer
    verdict asked again meanwhile; a publish that fails leaves it for the sweeper.
    """
    requested = Fact.objects.filter(key=fact_key).values_list("recheck_requested_at", flat=True).first()
    batches = fact_recheck_batches(fact_key=fact_key)
    for batch in batches:
        dispatch(RECHECK_CLAIMS, fact_key, batch)
    if requested is not None:
        Fact.objects.filter(key=fact_key, recheck_requested_at=requested).update(recheck_requested_at=None)
    return len(batches)


def facts_requeue_stalled_rechecks() -> list[str]:
    """Queue again the re-checks whose dispatch was lost (broker down at the verdict, worker killed)."""
    stalled = list(
        Fact.objects.filter(recheck_requested_at__lt=timezone.now() - RECHECK_GRACE)
        .order_by("recheck_requested_at")
        .values_list("key", flat=True)[:1000]
    )
    for key in stalled:
        dispatch(RECHECK_FACT, key)
    return stalled


# What an editor may correct: the claim's reading of its sentence, never its source, span or status.
CORRECTABLE = ("value", "unit", "period", "time", "role", "qualifier", "modality", "subject", "object")


def claim_correct(
    *,
    claim: Claim,
    editor: AbstractBaseUser,
    reason: str,
    expected_version: int | None,
    changes: dict,
) -> StatusChange:
    """Correct what the engine read (value, entities, time ...), as its own recorded step.

    `changes` maps fields of CORRECTABLE to their new values (subject and object by name). The
    correction records who, what (old and new of each field) and why in the claim's history, bumps
    its status_version, sends a claim.corrected event and re-checks the claim and, when the fact
    changed, the fact it left. Refused (nothing changed) without the correct_claim permission, without
    a reason, on a stale version, or when nothing would change.
    """
    if not editor.has_perm("claims.correct_claim"):
        raise NotAllowed(_("You may not correct claims: ask for the editors role."))
    if not reason.strip():
        raise NoteRequired(_("A correction needs a reason."))
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValueError(f"not correctable: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        current = Claim.objects.select_for_update(of=("self",)).select_related("subject", "object").get(pk=claim.pk)
        if expected_version is not None and current.status_version != expected_version:
            raise StaleVersion(
                _("Claim #%(id)s changed since you loaded it (version %(now)s, you saw %(seen)s); nothing was changed.")
                % {"id": current.pk, "now": current.status_version, "seen": expected_version}
            )
        names = {name: "organisation" for field in ("subject", "object") if (name := changes.get(field))}
        entities = entities_resolve(names=names) if names else {}
        diff = {}
        for field, new in changes.items():
            if field in ("subject", "object"):
                old = getattr(current, field).name if getattr(current, f"{field}_id") else None
                if (new or None) != old:
                    diff[field] = [old, new or None]
                    setattr(current, field, entities[new] if new else None)
            elif getattr(current, field) != new:
                diff[field] = [getattr(current, field), new]
                setattr(current, field, new)
        if not diff:
            raise ReviewRefused(_("Nothing to correct: the values given are the claim's own."))
        if current.subject_id is None:
            raise ValueError("a claim needs a subject")
        old_key = current.fact_key
        current.fact_key = fact_key(
            predicate=current.predicate,
            subject=current.subject_id,
            object=current.object_id,
            unit=current.unit,
            period=current.period,
            role=current.role,
            time=current.time,
        )
        current.status_version += 1
        current.save(update_fields=[*CORRECTABLE_COLUMNS, "fact_key", "status_version", "updated_at"])
        record = StatusChange.objects.create(
            claim=current,
            from_status=current.status,
            to_status=current.status,
            status_version=current.status_version,
            actor_user=editor,
            reason=reason,
            changes=diff,
        )
        events_publish(
            events=[
                (
                    Event.Type.CLAIM_CORRECTED,
                    {
                        "claim_id": current.pk,
                        "fact_key": current.fact_key,
                        "previous_fact_key": old_key,
                        "changes": diff,
                        "status_version": current.status_version,
                        "actor": editor.get_username(),
                        "reason": reason[:3000],
                        "claim_url": claim_url(current.pk),
                    },
                )
            ]
        )
        # The fact's row is made after the commit: made here, with the claim locked, it could wait for a
        # check that is making the same row and that waits for this claim (the lock order is facts first).
        transaction.on_commit(lambda: fact_row_ensure(current))
        dispatch_on_commit(CHECK_CLAIMS, [current.pk])
        if old_key != current.fact_key:
            dispatch_on_commit(RECHECK_FACT, old_key)
    claim.refresh_from_db()
    return record


CORRECTABLE_COLUMNS = ("value", "unit", "period", "time", "role", "qualifier", "modality", "subject", "object")
