"""How claims are shown to reviewers: values in the reader's locale, and the review queue's order."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
)
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from claims.models import Claim

QUALIFIER_SIGNS = {"approx": "≈ ", "at_least": "≥ ", "at_most": "≤ "}


def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def value_display(claim: Claim, language: str | None) -> str:
    """A claim's value as a reader of `language` writes it: "49 %", "1,2 Mrd. $", "870 M$", "12.000"."""
    value = claim.value
    if value is None:
        return "—"
    locale = _locale(language)
    unit = claim.unit or ""
    if unit == "%":
        # Rounded first: 33.3 / 100 is 0.33299999999999996 in binary.
        shown = format_percent(round(value / 100, 6), locale=locale, decimal_quantization=False)
    elif len(unit) == 3 and unit.isalpha() and unit.isupper():  # an ISO 4217 currency
        if abs(value) >= 1_000_000:
            shown = format_compact_currency(value, unit, locale=locale, fraction_digits=1)
        else:
            shown = format_currency(value, unit, locale=locale)
    elif abs(value) >= 1_000_000:
        shown = format_compact_decimal(value, format_type="short", locale=locale, fraction_digits=1)
        shown = f"{shown} {unit}".strip() if unit not in ("", "count") else shown
    else:
        shown = format_decimal(value, locale=locale)
        shown = f"{shown} {unit}".strip() if unit not in ("", "count") else shown
    return QUALIFIER_SIGNS.get(claim.qualifier, "") + shown


# Most urgent first: a claim a verified fact contradicts, then one another source disagrees with,
# then a verdict a new source questions (reopened), then claims with no value, then single-source ones.
URGENCY = Case(
    When(status=Claim.Status.CONTRADICTED, then=Value(0)),
    When(status=Claim.Status.CONFLICTING, then=Value(1)),
    When(Q(needs_review=True, status__in=Claim.VERDICT_STATUSES), then=Value(2)),
    When(Q(status=Claim.Status.INCOMPLETE) | Q(needs_review=True), then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)


def review_queue() -> QuerySet[Claim]:
    """The claims a reviewer should look at, most urgent first."""
    return (
        Claim.objects.filter(Q(needs_review=True) | Q(status__in=[*Claim.REVIEW_STATUSES, Claim.Status.UNCONFIRMED]))
        .annotate(urgency=URGENCY)
        .order_by("urgency", "-created_at", "-id")
    )


def queue_next(*, exclude: int | None, reviewer: AbstractBaseUser) -> Claim | None:
    """The most urgent claim no other reviewer has taken."""
    now = timezone.now()
    free = Q(taken_by__isnull=True) | Q(taken_until__lte=now) | Q(taken_by=reviewer.pk)
    queue = review_queue().filter(free)
    if exclude is not None:
        queue = queue.exclude(pk=exclude)
    return queue.only("pk").first()
