"""schema.org ClaimReview (JSON-LD) for the claims a reviewer has verified or refuted.

The markup follows Google's Fact Check structured data: `claimReviewed`, `reviewRating`
(with its textual `alternateName`) and `url` required; `author`, `datePublished` and an
`itemReviewed` Claim (its author, date and appearance) recommended.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from urllib.parse import urlsplit

from babel.dates import format_date
from babel.numbers import format_decimal
from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from claims.models import Article, Claim, StatusChange
from claims.services.statuses import claim_url

# One rating scale for every review, as Google asks of numeric ratings: 1 (false) to 5 (true).
# `unverifiable` is a verdict too, but it rates nothing, so it gets no ClaimReview.
RATINGS: dict[str, tuple[int, str]] = {
    Claim.Status.VERIFIED: (5, "True"),
    Claim.Status.REFUTED: (1, "False"),
}
BEST_RATING, WORST_RATING = 5, 1

# Set on the feed's rows so that the verdict's date comes with the claim, not in a query per claim.
_VERDICT_AT = "claimreview_verdict_at"
_FEED_CHUNK = 500


class NotReviewed(Exception):
    """The claim has no verdict that a ClaimReview can state (it is not verified or refuted)."""

    def __init__(self, claim: Claim) -> None:
        super().__init__(f"claim #{claim.pk} is {claim.status}: only verified or refuted claims have a ClaimReview")
        self.claim = claim


# --- The claim in words ---------------------------------------------------------------

# Per predicate: the verb as stated, its base form (after "plans to", "is expected to") and
# its negation, so that a planned, forecast or denied claim is not published as a plain fact.
_VERBS: dict[str, tuple[str, str, str]] = {
    "stake": ("holds", "hold", "does not hold"),
    "investment": ("invested", "invest", "did not invest"),
    "valuation": ("is valued at", "be valued at", "is not valued at"),
    "acquisition": ("acquired", "acquire", "did not acquire"),
    "revenue": ("had revenue of", "have revenue of", "did not have revenue of"),
    "profit": ("made a profit of", "make a profit of", "did not make a profit of"),
    "payment": ("pays", "pay", "does not pay"),
    "employees": ("has", "have", "does not have"),
    "users": ("has", "have", "does not have"),
    "role": ("is", "be", "is not"),
    "joins": ("joins", "join", "does not join"),
}
_LOSS = ("made a loss of", "make a loss of", "did not make a loss of")
_QUALIFIERS = {"exact": "", "approx": "about ", "at_least": "at least ", "at_most": "at most "}
# A negative profit is told as a loss of the amount, which turns its bounds around:
# a profit of at least -5 million is a loss of at most 5 million.
_QUALIFIERS_OF_LOSS = {**_QUALIFIERS, "at_least": "at most ", "at_most": "at least "}
_RATE = {"year": "a year", "quarter": "a quarter", "month": "a month", "week": "a week", "day": "a day"}
# The contract gives users a period for "weekly/monthly active" users, not for a rate.
_ACTIVE = {"year": "yearly", "quarter": "quarterly", "month": "monthly", "week": "weekly", "day": "daily"}


def claim_sentence(claim: Claim) -> str:
    """The claim in English words, from its structured fields: "Meta holds 49 % of Scale AI"."""
    predicate = claim.predicate
    subject = claim.subject.name
    obj = claim.object.name if claim.object_id else None
    verbs = _VERBS.get(predicate, ("has", "have", "does not have"))
    qualifiers = _QUALIFIERS
    value = claim.value
    if predicate == "profit" and value is not None and value < 0:
        verbs, qualifiers, value = _LOSS, _QUALIFIERS_OF_LOSS, -value
    amount = None if value is None else qualifiers.get(claim.qualifier, "") + _amount(value, claim.unit)
    count = None if value is None else qualifiers.get(claim.qualifier, "") + _number(value)
    of_obj = f" of {obj}" if obj else ""
    in_obj = f" in {obj}" if obj else ""
    rate = f" {_RATE[claim.period]}" if claim.period in _RATE else ""

    if predicate == "stake":
        rest = f"{amount or 'a stake'}{of_obj}"
    elif predicate == "investment":
        rest = f"{amount or 'an undisclosed amount'}{in_obj}"
    elif predicate == "acquisition":
        rest = (obj or "a company") + (f" for {amount}" if amount else "")
    elif predicate == "payment":
        rest = " ".join(part for part in (obj, amount) if part) + rate
    elif predicate == "employees":
        rest = f"{count if claim.unit in (None, 'count') else amount} employees"
    elif predicate == "users":
        active = f" {_ACTIVE[claim.period]} active" if claim.period in _ACTIVE else ""
        rest = f"{count if claim.unit in (None, 'count') else amount}{active} users"
    elif predicate == "role":
        rest = f"{claim.role or 'an officer'}{of_obj}"
    elif predicate == "joins":
        rest = obj or "an organisation"
    else:  # valuation, revenue, profit: an amount of the subject alone
        rest = (amount or "an undisclosed amount") + rate
    stated, base, denied = verbs
    verb = {
        "planned": f"plans to {base}",
        "forecast": f"is expected to {base}",
        "denied": denied,
    }.get(claim.modality, stated)
    return f"{subject} {verb} {rest}{_when(claim.time)}"


def _number(value: float) -> str:
    # babel groups the digits and drops the float's ".0" (1200000000.0 -> "1,200,000,000");
    # its default pattern keeps at most three decimals, so 0.1 + 0.2 is "0.3".
    return format_decimal(value, locale="en")


def _amount(value: float, unit: str | None) -> str:
    if unit == "%":
        return f"{_number(value)} %"
    if unit in (None, "", "count"):
        return _number(value)
    return f"{_number(value)} {unit}"


_YEAR = re.compile(r"\d{4}")
_PART = re.compile(r"(\d{4})-([QH]\d)")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _when(time: str | None) -> str:
    """The contract's `time` ("2024", "2025-Q2", "2025-H1", "2025-06", "2025-06-13") in words."""
    if not time:
        return ""
    try:
        if _YEAR.fullmatch(time):
            return f" in {time}"
        if m := _PART.fullmatch(time):
            return f" in {m[2]} {m[1]}"
        if m := _MONTH.fullmatch(time):
            return " in " + format_date(date(int(m[1]), int(m[2]), 1), "MMMM y", locale="en")
        if m := _DAY.fullmatch(time):
            return " on " + format_date(date(int(m[1]), int(m[2]), int(m[3])), "long", locale="en")
    except ValueError:  # "2025-13": not a date, shown as stored rather than failing the review
        pass
    return f" in {time}"


# --- The review -----------------------------------------------------------------------


def claim_review(claim: Claim) -> dict:
    """The ClaimReview JSON-LD of a verified or refuted claim; `NotReviewed` for any other.

    The dict holds the claim's text as data, unescaped: embed it with `claim_review_script`.
    """
    if claim.status not in RATINGS:
        raise NotReviewed(claim)
    rating_value, rating_name = RATINGS[claim.status]
    article = claim.article
    language = article.language or None
    claimed = {
        "@type": "Claim",
        "author": _outlet(article),
        "datePublished": (article.published or timezone.localdate(article.created_at)).isoformat(),
    }
    if article.url:
        claimed["appearance"] = {"@type": "CreativeWork", "url": article.url}
    if language:
        claimed["inLanguage"] = language
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_url(claim.pk),
        # What the source said, in its own words and language: that is what was reviewed.
        # The canonical English sentence names the review for readers of other languages.
        "claimReviewed": claim.text,
        "name": claim_sentence(claim),
        "author": {
            "@type": "Organization",
            "name": getattr(settings, "FACTCHECK_ORGANISATION_NAME", "Factcheck"),
            "url": settings.FACTCHECK_PUBLIC_URL,
        },
        "datePublished": _verdict_date(claim).isoformat(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": rating_name,
        },
        "itemReviewed": claimed,
    }
    if language:
        # claimReviewed, the text shown in search results, is in the article's language.
        review["inLanguage"] = language
    return review


def reviewed_claims(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """The verified and refuted claims of `queryset`, with all a review needs, in one query (unsliced)."""
    return (
        queryset.filter(status__in=list(RATINGS))
        .select_related("article", "subject", "object")
        # The article's text can be long and no review needs it.
        .defer("article__text")
        .annotate(**{_VERDICT_AT: _verdict_at_subquery()})
    )


def claim_reviews(queryset: QuerySet[Claim]) -> Iterator[dict]:
    """The ClaimReviews of the verified and refuted claims of `queryset` (others are skipped), in one query.

    Pass the queryset unsliced (a sliced one cannot be narrowed to the reviewed claims)
    and take a page of the result instead.
    """
    # In chunks: a feed of every review must not hold every claim in memory at once.
    for claim in reviewed_claims(queryset).iterator(chunk_size=_FEED_CHUNK):
        yield claim_review(claim)


# The HTML parser ends a script element at the first "</script", whatever the JSON around it:
# "<", ">" and "&" become JSON escapes (as in Django's json_script), which parse back to the same
# text, so no claim text or outlet name can close the element and run as markup.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def claim_review_script(claim: Claim) -> SafeString:
    """The claim's ClaimReview as a `<script type="application/ld+json">` element, safe inside HTML."""
    data = json.dumps(claim_review(claim), ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{data}</script>')


def _verdict_at_subquery() -> Subquery:
    # The change that gave the claim its current status is the one of its current version
    # (unique per claim): a later verdict, not the first, dates the review.
    return Subquery(
        StatusChange.objects.filter(claim=OuterRef("pk"), status_version=OuterRef("status_version")).values(
            "created_at"
        )[:1]
    )


def _verdict_date(claim: Claim) -> date:
    if hasattr(claim, _VERDICT_AT):
        at: datetime | None = getattr(claim, _VERDICT_AT)
    else:
        at = (
            StatusChange.objects.filter(claim_id=claim.pk, status_version=claim.status_version)
            .values_list("created_at", flat=True)
            .first()
        )
    # Every status change is recorded (claims_set_status); a claim without its record was set
    # by hand, and its last update is the best date left.
    return timezone.localdate(at or claim.updated_at)


def _outlet(article: Article) -> dict:
    outlet = {"@type": "Organization", "name": article.source_name}
    if article.url:
        parts = urlsplit(article.url)
        outlet["url"] = f"{parts.scheme}://{parts.netloc}"
    return outlet
