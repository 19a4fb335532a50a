from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.models import AbstractAPIKey, BaseAPIKeyManager

from factcheck import claim as contract


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ITALIAN = "it", _("Italian")
    PORTUGUESE = "pt", _("Portuguese")
    DUTCH = "nl", _("Dutch")


class ArticleState(models.TextChoices):
    QUEUED = "queued", _("queued")
    PROCESSING = "processing", _("processing")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class Article(models.Model):
    State = ArticleState

    text = models.TextField(_("text"))
    # sha256 of the text as submitted: resubmitting the same text finds the article.
    content_hash = models.CharField(_("content hash"), max_length=64, unique=True, editable=False)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        blank=True,
        help_text=_("Given by the submitter, or detected during extraction."),
    )
    source_name = models.CharField(_("source name"), max_length=200)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    # Who published it, for independence: the URL's host, or the source name when there is no URL.
    outlet = models.CharField(_("outlet"), max_length=200, editable=False, default="")
    # SimHash of the text: syndicated copies of one article are not independent sources.
    fingerprint = models.BigIntegerField(_("fingerprint"), editable=False, default=0)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.QUEUED)
    error = models.TextField(_("error"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("submitted by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ("-created_at",)
        indexes = [
            # The sweeper that re-dispatches articles stuck in queued/processing.
            models.Index(fields=["state", "updated_at"], name="article_state_updated_idx"),
            # The articles list, newest first, paged by cursor.
            models.Index(fields=["-created_at", "-id"], name="article_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=ArticleState.values), name="article_state_valid"),
            models.CheckConstraint(
                condition=~models.Q(state="failed") | ~models.Q(error=""), name="article_failed_has_error"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.source_name} ({self.language or '?'}, {self.state})"


class EntityKind(models.TextChoices):
    ORGANISATION = "organisation", _("organisation")
    PERSON = "person", _("person")
    OTHER = "other", _("other")


class Entity(models.Model):
    Kind = EntityKind

    name = models.CharField(_("canonical name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.OTHER)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        ordering = ("name",)
        constraints = [
            # Two workers meeting the same new name create one entity, not two.
            models.UniqueConstraint(Lower("name"), name="entity_name_unique_ci"),
            models.CheckConstraint(condition=models.Q(kind__in=EntityKind.values), name="entity_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name


class EntityAlias(models.Model):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("entity"))
    name = models.CharField(_("name"), max_length=200)
    # casefolded name: the key the registry is looked up by, in any language.
    normalized = models.CharField(_("normalized name"), max_length=200, editable=False)

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.UniqueConstraint(fields=["entity", "normalized"], name="alias_unique_per_entity"),
        ]
        indexes = [
            # Resolving the names an extraction found to entities: normalized IN (...).
            models.Index(fields=["normalized"], name="alias_normalized_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} -> {self.entity.name}"

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


def normalize_name(name: str) -> str:
    return " ".join(name.casefold().split())


class ClaimQuerySet(models.QuerySet):
    def of_fact(self, fact_key: str) -> ClaimQuerySet:
        """The claims of one fact, by the indexed key."""
        return self.filter(fact_key=fact_key)

    def with_relations(self) -> ClaimQuerySet:
        """What a claim needs to be shown or checked, without a query per row."""
        return self.select_related("article", "subject", "object").prefetch_related("findings")

    def needing_review(self) -> ClaimQuerySet:
        """The reviewers' queue: flagged claims and those the checks could not settle."""
        return self.filter(models.Q(needs_review=True) | models.Q(status__in=Claim.REVIEW_STATUSES))


class ClaimPredicate(models.TextChoices):
    STAKE = "stake", _("stake")
    INVESTMENT = "investment", _("investment")
    VALUATION = "valuation", _("valuation")
    ACQUISITION = "acquisition", _("acquisition")
    REVENUE = "revenue", _("revenue")
    PROFIT = "profit", _("profit")
    PAYMENT = "payment", _("payment")
    EMPLOYEES = "employees", _("employees")
    USERS = "users", _("users")
    ROLE = "role", _("role")
    JOINS = "joins", _("joins")


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    UNCONFIRMED = "unconfirmed", _("unconfirmed")
    SUPPORTED = "supported", _("supported")
    CONFLICTING = "conflicting", _("conflicting")
    CONTRADICTED = "contradicted", _("contradicted")
    INCOMPLETE = "incomplete", _("incomplete")
    VERIFIED = "verified", _("verified")
    REFUTED = "refuted", _("refuted")
    UNVERIFIABLE = "unverifiable", _("unverifiable")


class ClaimQualifier(models.TextChoices):
    EXACT = "exact", _("exact")
    APPROX = "approx", _("approximately")
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")


class ClaimModality(models.TextChoices):
    ASSERTED = "asserted", _("asserted")
    PLANNED = "planned", _("planned")
    FORECAST = "forecast", _("forecast")
    REPORTED = "reported", _("reported")
    DENIED = "denied", _("denied")


class ClaimPeriod(models.TextChoices):
    YEAR = "year", _("year")
    QUARTER = "quarter", _("quarter")
    MONTH = "month", _("month")
    WEEK = "week", _("week")
    DAY = "day", _("day")


class Claim(models.Model):
    Predicate = ClaimPredicate
    Status = ClaimStatus
    Qualifier = ClaimQualifier
    Modality = ClaimModality
    Period = ClaimPeriod

    VERDICT_STATUSES = (Status.VERIFIED, Status.REFUTED, Status.UNVERIFIABLE)
    REVIEW_STATUSES = (Status.CONFLICTING, Status.CONTRADICTED, Status.INCOMPLETE)

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims", verbose_name=_("article"))
    predicate = models.CharField(_("predicate"), max_length=12, choices=Predicate.choices)
    subject = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="claims_as_subject", verbose_name=_("subject")
    )
    object = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="claims_as_object",
        null=True,
        blank=True,
        verbose_name=_("object"),
    )
    # The contract's optional fields are null when absent, as in the contract itself,
    # so that null (not "") is what the API, the engine and the fact key all see.
    value = models.FloatField(_("value"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=8, null=True, blank=True)  # noqa: DJ001
    period = models.CharField(_("period"), max_length=8, choices=Period.choices, null=True, blank=True)  # noqa: DJ001
    time = models.CharField(_("time"), max_length=10, null=True, blank=True)  # noqa: DJ001
    role = models.CharField(_("role"), max_length=12, null=True, blank=True)  # noqa: DJ001
    qualifier = models.CharField(_("qualifier"), max_length=8, choices=Qualifier.choices, default=Qualifier.EXACT)
    modality = models.CharField(_("modality"), max_length=8, choices=Modality.choices, default=Modality.ASSERTED)
    text = models.TextField(_("source text"))
    # The engine's confidence in the claim as a whole, calibrated: claims at 0.8 are right about 80 %
    # of the time. Null when the engine did not give one (older output). Not part of the fact key.
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    span_start = models.PositiveIntegerField(_("span start"))
    span_end = models.PositiveIntegerField(_("span end"))
    # predicate|subject id|object id|unit|period|role|time (factcheck.agreement.fact_key).
    fact_key = models.CharField(_("fact key"), max_length=255)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    # Bumped by every status change; lets webhook receivers keep the latest state.
    status_version = models.PositiveIntegerField(_("status version"), default=0)
    # A human should look: a verdict that a new source disagrees with (the verdict stays
    # until a reviewer acts), or a structural problem (out of range, stale forecast ...).
    needs_review = models.BooleanField(_("needs review"), default=False)
    # A reviewer working on the claim, until the take expires: others see it taken and cannot give a verdict.
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken by"),
    )
    taken_until = models.DateTimeField(_("taken until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ("-created_at", "-id")
        permissions = [
            ("give_verdict", _("Can give verdicts on claims")),
            ("correct_claim", _("Can correct a claim's value, entities and time")),
        ]
        indexes = [
            # Checking a claim: every claim of the same fact, by one index lookup.
            models.Index(fields=["fact_key"], name="claim_fact_key_idx"),
            # The claims list, newest first, paged by cursor: no sort of the whole table for any page.
            models.Index(fields=["-created_at", "-id"], name="claim_created_idx"),
            # The API's and the review queue's "claims with status X (or predicate Y), newest first".
            models.Index(fields=["status", "-created_at", "-id"], name="claim_status_created_idx"),
            models.Index(fields=["predicate", "-created_at", "-id"], name="claim_predicate_created_idx"),
            # The stakes held in one company (the over-100 % check).
            models.Index(fields=["object", "predicate"], name="claim_object_predicate_idx"),
            # The review queue: flagged claims, newest first.
            models.Index(fields=["-created_at"], condition=models.Q(needs_review=True), name="claim_needs_review_idx"),
        ]
        constraints = [
            # Running extraction twice stores nothing twice.
            models.UniqueConstraint(
                fields=["article", "fact_key", "span_start", "span_end"], name="claim_unique_in_article"
            ),
            models.CheckConstraint(condition=models.Q(span_end__gte=models.F("span_start")), name="claim_span_ordered"),
            models.CheckConstraint(condition=models.Q(status__in=ClaimStatus.values), name="claim_status_valid"),
            models.CheckConstraint(
                condition=models.Q(predicate__in=ClaimPredicate.values), name="claim_predicate_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(qualifier__in=ClaimQualifier.values), name="claim_qualifier_valid"
            ),
            models.CheckConstraint(condition=models.Q(modality__in=ClaimModality.values), name="claim_modality_valid"),
            models.CheckConstraint(
                condition=models.Q(confidence__isnull=True) | models.Q(confidence__gte=0, confidence__lte=1),
                name="claim_confidence_range",
            ),
        ]

    def __str__(self) -> str:
        obj = f" -> {self.object.name}" if self.object_id else ""
        value = "" if self.value is None else f" = {self.value:g} {self.unit or ''}".rstrip()
        return f"{self.predicate}: {self.subject.name}{obj}{value} [{self.status}]"

    @property
    def span(self) -> tuple[int, int]:
        return (self.span_start, self.span_end)

    @property
    def has_verdict(self) -> bool:
        return self.status in self.VERDICT_STATUSES


# The choices above restate the contract (factcheck/claim.py); they must not drift apart.
for _choices, _contract in (
    (Claim.Predicate, contract.PREDICATES),
    (Claim.Qualifier, contract.QUALIFIERS),
    (Claim.Modality, contract.MODALITIES),
    (Claim.Period, contract.PERIODS),
    (Entity.Kind, contract.ENTITY_KINDS),
):
    assert set(_choices.values) == set(_contract), f"{_choices.__name__} and the contract disagree"


class Fact(models.Model):
    """One row per fact key: what the sources say of it, kept up to date by the checks.

    Its row is also the lock that serialises the checks of one fact across workers.
    """

    class Basis(models.TextChoices):
        NONE = "", _("no value yet")
        VERIFIED = "verified", _("a verified claim")
        SOURCES = "sources", _("most independent sources")

    key = models.CharField(_("fact key"), max_length=255, unique=True)
    predicate = models.CharField(_("predicate"), max_length=12, choices=ClaimPredicate.choices)
    subject = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="+", verbose_name=_("subject"))
    object = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="+", null=True, blank=True, verbose_name=_("object")
    )
    unit = models.CharField(_("unit"), max_length=8, null=True, blank=True)  # noqa: DJ001
    period = models.CharField(_("period"), max_length=8, null=True, blank=True)  # noqa: DJ001
    role = models.CharField(_("role"), max_length=12, null=True, blank=True)  # noqa: DJ001
    time = models.CharField(_("time"), max_length=10, null=True, blank=True)  # noqa: DJ001
    consensus_value = models.FloatField(_("consensus value"), null=True, blank=True)
    basis = models.CharField(_("basis"), max_length=8, choices=Basis.choices, blank=True, default="")
    verified_claim = models.ForeignKey(
        "Claim",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified claim"),
    )
    sources_agreeing = models.PositiveIntegerField(_("independent sources agreeing"), default=0)
    sources_disagreeing = models.PositiveIntegerField(_("independent sources disagreeing"), default=0)
    languages = models.JSONField(_("languages"), default=list)
    claim_count = models.PositiveIntegerField(_("claims"), default=0)
    # Set with a verdict, cleared once the re-check of the fact's claims is queued:
    # a re-check whose dispatch was lost is found again by the sweeper.
    recheck_requested_at = models.DateTimeField(_("re-check requested at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("fact")
        verbose_name_plural = _("facts")
        ordering = ("-updated_at", "-id")
        indexes = [
            # The facts API's default order and its "recently changed" reads.
            models.Index(fields=["-updated_at", "-id"], name="fact_updated_idx"),
            # The sweeper's "verdicts whose re-check may have been lost".
            models.Index(
                fields=["recheck_requested_at"],
                condition=models.Q(recheck_requested_at__isnull=False),
                name="fact_recheck_requested_idx",
            ),
        ]

    def __str__(self) -> str:
        obj = f" / {self.object.name}" if self.object_id else ""
        return f"{self.predicate}: {self.subject.name}{obj}"


class FindingKind(models.TextChoices):
    AGREEMENT = "agreement", _("agreement")
    CONFLICT = "conflict", _("conflict")
    INCOMPLETE = "incomplete", _("incomplete")
    OUT_OF_RANGE = "out_of_range", _("out of range")
    STAKES_OVER_100 = "stakes_over_100", _("stakes over 100 %")
    STALE_FORECAST = "stale_forecast", _("stale forecast")
    CONFIRMS_VERIFIED = "confirms_verified", _("confirms a verified fact")
    CONTRADICTS_VERIFIED = "contradicts_verified", _("contradicts a verified fact")
    REPEATS_REFUTED = "repeats_refuted", _("repeats a refuted claim")
    REOPENED = "reopened", _("verdict reopened")


class Finding(models.Model):
    Kind = FindingKind

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="findings", verbose_name=_("claim"))
    other_claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("other claim"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    # For agreements: whether the other claim comes from an independent source (another
    # outlet, not a syndicated copy). Only independent agreement makes a claim supported.
    independent = models.BooleanField(_("independent source"), default=True)
    explanation = models.TextField(_("explanation"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ("created_at", "id")
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=FindingKind.values), name="finding_kind_valid"),
            models.CheckConstraint(condition=~models.Q(other_claim=models.F("claim")), name="finding_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on claim #{self.claim_id}"


class StatusChange(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("claim"))
    from_status = models.CharField(_("from"), max_length=12, choices=ClaimStatus.choices)
    to_status = models.CharField(_("to"), max_length=12, choices=ClaimStatus.choices)
    status_version = models.PositiveIntegerField(_("status version"))
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_changes",
        verbose_name=_("reviewer"),
    )
    # Which automatic step made the change, when no person did ("checks", "extraction").
    actor_system = models.CharField(_("system actor"), max_length=40, blank=True)
    reason = models.TextField(_("reason"))
    # A correction keeps the status and changes the claim's fields: {"value": [old, new], ...}.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ("created_at", "id")
        constraints = [
            models.UniqueConstraint(fields=["claim", "status_version"], name="status_change_version_unique"),
            # Every record changes something: the status, or (a correction) the claim's fields.
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")) | ~models.Q(changes={}),
                name="status_change_changes",
            ),
        ]

    def __str__(self) -> str:
        return f"claim #{self.claim_id}: {self.from_status} -> {self.to_status} (v{self.status_version})"

    @property
    def actor(self) -> str:
        if self.actor_user_id:
            return self.actor_user.get_username()
        return self.actor_system or "system"


class ReviewQueue(Claim):
    """The claims a reviewer should look at, as its own page of the admin (a proxy: no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = _("claim to review")
        verbose_name_plural = _("review queue")


class Sighting(models.Model):
    """One submission of an article's text: who sent it, as which outlet, where and when it ran.

    The same text sent by a second outlet (syndication, a press release) is the same article with the
    same claims, but the second outlet's name and URL are its own: each submitter sees their own
    attribution, and the article lists every outlet that ran it.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sightings", verbose_name=_("article"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sightings",
        verbose_name=_("submitted by"),
    )
    source_name = models.CharField(_("source name"), max_length=200)
    outlet = models.CharField(_("outlet"), max_length=200)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("seen at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sighting")
        verbose_name_plural = _("sightings")
        ordering = ("created_at", "id")
        constraints = [
            # Sending the same text again as the same outlet is not a new sighting.
            models.UniqueConstraint(fields=["article", "submitted_by", "outlet", "url"], name="sighting_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet} ({self.article_id})"


class ApiKeyManager(BaseAPIKeyManager):
    def get_usable_keys(self):
        # The owner is who the request acts as: fetched with the key, in the same query.
        return super().get_usable_keys().select_related("owner")


class ApiKey(AbstractAPIKey):
    """A program's key to the API: stored hashed, revocable, limited to scopes, acting as its owner."""

    objects = ApiKeyManager()

    class Scope(models.TextChoices):
        READ = "read", _("read claims, facts and articles")
        SUBMIT = "submit", _("submit articles")
        REVIEW = "review", _("give verdicts")
        WEBHOOKS = "webhooks", _("manage webhooks")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys", verbose_name=_("owner")
    )
    scopes = models.JSONField(_("scopes"), default=list, help_text=_("Any of: read, submit, review, webhooks."))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta(AbstractAPIKey.Meta):
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def clean(self):
        super().clean()
        scopes = self.scopes if isinstance(self.scopes, list) else None
        if not scopes or not set(scopes) <= set(self.Scope.values):
            raise ValidationError(
                {"scopes": _("Give a list of one or more of: %(scopes)s.") % {"scopes": ", ".join(self.Scope.values)}}
            )
