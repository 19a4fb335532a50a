"""The automatic checks of a claim against the other claims of the same fact."""

from __future__ import annotations

from django.db import transaction

from claims.models import Claim, Finding
from claims.services.statuses import claim_set_status
from factcheck.agreement import times_comparable, values_agree
from factcheck.claim import OPTIONAL_VALUE_PREDICATES, VALUELESS_PREDICATES

ACTOR = "checks"


def claims_check(*, claim_ids: list[int]) -> None:
    for claim in Claim.objects.filter(pk__in=claim_ids).select_related("article", "subject", "object"):
        claim_check(claim=claim)


@transaction.atomic
def claim_check(*, claim: Claim) -> None:
    """Compare one claim with every claim of its fact in other articles; record findings, set statuses."""
    if is_incomplete(claim):
        _add_findings(
            [
                Finding(
                    claim=claim,
                    kind=Finding.Kind.INCOMPLETE,
                    explanation=f"{_describe(claim)} is stated without its value.",
                )
            ]
        )
        _settle(claim)
        return
    others = (
        Claim.objects.of_fact(claim.fact_key)
        .exclude(article_id=claim.article_id)
        .select_related("article", "subject", "object")
    )
    findings, touched = [], []
    for other in others:
        if is_incomplete(other) or Claim.Modality.DENIED in (claim.modality, other.modality):
            continue
        if not times_comparable(claim.time, other.time, claim.article.published, other.article.published):
            continue
        agree = (
            claim.value is None
            or other.value is None
            or values_agree(claim.value, claim.qualifier, other.value, other.qualifier)
        )
        kind = Finding.Kind.AGREEMENT if agree else Finding.Kind.CONFLICT
        findings += [
            Finding(claim=claim, other_claim=other, kind=kind, explanation=_compare(claim, other, agree)),
            Finding(claim=other, other_claim=claim, kind=kind, explanation=_compare(other, claim, agree)),
        ]
        touched.append(other)
    _add_findings(findings)
    for c in [claim, *touched]:
        _settle(c)


def is_incomplete(claim: Claim) -> bool:
    return (
        claim.value is None
        and claim.predicate not in VALUELESS_PREDICATES
        and claim.predicate not in OPTIONAL_VALUE_PREDICATES
    )


def _add_findings(findings: list[Finding]) -> None:
    """Store findings not recorded yet, so that checking a claim twice changes nothing."""
    if not findings:
        return
    claim_ids = {f.claim_id for f in findings}
    seen = set(Finding.objects.filter(claim_id__in=claim_ids).values_list("claim_id", "other_claim_id", "kind"))
    Finding.objects.bulk_create([f for f in findings if (f.claim_id, f.other_claim_id, f.kind) not in seen])


def _settle(claim: Claim) -> None:
    """Derive the automatic status of a claim from its findings; a verdict is never overwritten."""
    if claim.has_verdict:
        return
    kinds = set(Finding.objects.filter(claim=claim).values_list("kind", flat=True))
    if Finding.Kind.INCOMPLETE in kinds:
        status, reason = Claim.Status.INCOMPLETE, "the claim lacks its value"
    elif Finding.Kind.CONFLICT in kinds:
        status, reason = Claim.Status.CONFLICTING, "another source reports a different value"
    elif Finding.Kind.AGREEMENT in kinds:
        status, reason = Claim.Status.SUPPORTED, "another source reports the same value"
    else:
        status, reason = Claim.Status.UNCONFIRMED, "one source only, nothing against it"
    claim_set_status(claim=claim, status=status, reason=reason, actor_system=ACTOR)


def _describe(claim: Claim) -> str:
    obj = f" in {claim.object.name}" if claim.object_id else ""
    return f"The {claim.predicate} of {claim.subject.name}{obj}"


def _value(claim: Claim) -> str:
    if claim.value is None:
        return "no figure"
    qualifier = {"approx": "about ", "at_least": "at least ", "at_most": "at most "}.get(claim.qualifier, "")
    return f"{qualifier}{claim.value:,.10g} {claim.unit or ''}".rstrip()


def _compare(claim: Claim, other: Claim, agree: bool) -> str:
    verb = "agrees with" if agree else "conflicts with"
    return (
        f"{_describe(claim)}: {_value(claim)} (article #{claim.article_id}, {claim.article.source_name}) "
        f"{verb} {_value(other)} in claim #{other.pk} (article #{other.article_id}, "
        f"{other.article.source_name})."
    )
