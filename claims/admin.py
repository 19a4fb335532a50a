from __future__ import annotations

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.admin import APIKeyModelAdmin

from claims.models import ApiKey, Article, Claim, Entity, EntityAlias, Fact, Finding, Sighting, StatusChange
from claims.services.reviews import claim_set_verdict

# How much of the article to show on each side of the claim's sentence.
CONTEXT_CHARS = 400
# Confidence bands of the claims list. The engine's confidence is calibrated, so below LOW a claim is
# more likely wrong than right: it is marked in the list.
CONFIDENCE_HIGH = 0.8
CONFIDENCE_LOW = 0.5


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("predicate", "subject", "object", "value", "unit", "time", "qualifier", "modality", "status")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class SightingInline(admin.TabularInline):
    """Every outlet that sent this text: a record of who said it where, never edited."""

    model = Sighting
    fields = ("outlet", "source_name", "url", "published", "submitted_by", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("id", "source_name", "language", "published", "state", "created_at")
    list_filter = ("state", "language")
    search_fields = ("source_name", "url", "text")
    date_hierarchy = "created_at"
    readonly_fields = (
        "content_hash",
        "state",
        "error",
        "created_at",
        "updated_at",
        "processed_at",
        "submitted_by",
    )
    inlines = (SightingInline, ClaimInline)


class EntityAliasInline(admin.TabularInline):
    model = EntityAlias
    fields = ("name",)
    extra = 1


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("name", "aliases__name")
    inlines = (EntityAliasInline,)


class FindingInline(admin.TabularInline):
    model = Finding
    fk_name = "claim"
    fields = ("kind", "other_claim", "explanation", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = (
        "from_status",
        "to_status",
        "status_version",
        "actor_user",
        "actor_system",
        "reason",
        "created_at",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class NeedsReviewFilter(admin.SimpleListFilter):
    title = _("review queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("review", _("needs a reviewer"))]

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.needing_review()
        return queryset


class ConfidenceFilter(admin.SimpleListFilter):
    title = _("confidence")
    parameter_name = "confidence"

    def lookups(self, request, model_admin):
        return [
            ("high", _("high (80 % or more)")),
            ("medium", _("medium (50 to 80 %)")),
            ("low", _("low (under 50 %)")),
            ("unknown", _("unknown")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "high":
                return queryset.filter(confidence__gte=CONFIDENCE_HIGH)
            case "medium":
                return queryset.filter(confidence__gte=CONFIDENCE_LOW, confidence__lt=CONFIDENCE_HIGH)
            case "low":
                return queryset.filter(confidence__lt=CONFIDENCE_LOW)
            case "unknown":
                return queryset.filter(confidence__isnull=True)
        return queryset


def _verdict_action(verdict: str, label: str):
    @admin.action(description=label, permissions=["change"])
    def act(modeladmin, request, queryset):
        done = 0
        for claim in queryset:
            try:
                claim_set_verdict(claim=claim, reviewer=request.user, verdict=verdict)
            except ValueError as exc:
                modeladmin.message_user(request, f"Claim #{claim.pk}: {exc}", messages.ERROR)
            else:
                done += 1
        if done:
            modeladmin.message_user(
                request,
                f"{done} claim(s) marked {verdict}; the other claims of their facts are being re-checked.",
                messages.SUCCESS,
            )

    act.__name__ = f"mark_{verdict}"
    return act


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "predicate",
        "subject",
        "object",
        "value",
        "unit",
        "time",
        "status",
        "needs_review",
        "confidence_level",
        "language",
        "article",
    )
    list_filter = (
        NeedsReviewFilter,
        ConfidenceFilter,
        "status",
        "predicate",
        ("article__language", admin.ChoicesFieldListFilter),
    )
    search_fields = (
        "text",
        "subject__name",
        "object__name",
        "subject__aliases__name",
        "object__aliases__name",
    )
    list_select_related = ("subject", "object", "article")
    # The engine's confidence is shown (as a percentage, read-only), never edited.
    exclude = ("confidence",)
    # Statuses change only through the status service (a recorded change), never by editing the row:
    # reviewers use the verdict actions.
    readonly_fields = (
        "article",
        "status",
        "status_version",
        "needs_review",
        "confidence_level",
        "fact_key",
        "span_start",
        "span_end",
        "in_its_article",
        "same_fact_elsewhere",
        "created_at",
        "updated_at",
    )
    raw_id_fields = ("subject", "object")
    inlines = (FindingInline, StatusChangeInline)
    actions = (
        _verdict_action(Claim.Status.VERIFIED, _("Verdict: verified")),
        _verdict_action(Claim.Status.REFUTED, _("Verdict: refuted")),
        _verdict_action(Claim.Status.UNVERIFIABLE, _("Verdict: unverifiable")),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__text")

    @admin.display(description=_("language"), ordering="article__language")
    def language(self, obj: Claim) -> str:
        return obj.article.language

    @admin.display(description=_("confidence"), ordering="confidence")
    def confidence_level(self, obj: Claim) -> str | None:
        if obj.confidence is None:
            return None  # the admin's empty value: the engine gave none
        percent = f"{obj.confidence:.0%}"
        if obj.confidence < CONFIDENCE_LOW:
            return format_html(
                '{} <span title="{}" style="color: #fff; background: #ba2121; padding: 0 .4em; '
                'border-radius: .3em">{}</span>',
                percent,
                _("more likely wrong than right"),
                _("low"),
            )
        return percent

    @admin.display(description=_("in its article"))
    def in_its_article(self, obj: Claim) -> str:
        text = Article.objects.values_list("text", flat=True).get(pk=obj.article_id)
        start, end = obj.span_start, obj.span_end
        before = text[max(0, start - CONTEXT_CHARS) : start]
        after = text[end : end + CONTEXT_CHARS]
        return format_html(
            '<div style="white-space: pre-wrap; max-width: 60em">{}{}<mark>{}</mark>{}{}</div>',
            "… " if start > CONTEXT_CHARS else "",
            before,
            text[start:end],
            after,
            " …" if end + CONTEXT_CHARS < len(text) else "",
        )

    @admin.display(description=_("the same fact elsewhere"))
    def same_fact_elsewhere(self, obj: Claim) -> str:
        others = (
            Claim.objects.of_fact(obj.fact_key)
            .exclude(pk=obj.pk)
            .select_related("article")
            .defer("article__text")
            .order_by("article__published", "pk")[:50]
        )
        rows = format_html_join(
            "",
            '<tr><td><a href="../../{}/change/">#{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{} {}</td>'
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    c.pk,
                    c.pk,
                    c.article.source_name,
                    c.article.language,
                    c.article.published or "",
                    c.get_qualifier_display(),
                    "" if c.value is None else f"{c.value:,.10g}",
                    c.modality,
                    c.status,
                    c.text,
                )
                for c in others
            ),
        )
        if not rows:
            return "—"
        return format_html(
            "<table><tr><th>claim</th><th>source</th><th>lang</th><th>published</th><th>value</th>"
            "<th>modality</th><th>status</th><th>sentence</th></tr>{}</table>",
            rows,
        )


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = (
        "key",
        "predicate",
        "subject",
        "object",
        "consensus_value",
        "unit",
        "basis",
        "sources_agreeing",
        "sources_disagreeing",
        "claim_count",
        "updated_at",
    )
    list_filter = ("predicate", "basis")
    search_fields = ("key", "subject__name", "object__name")
    list_select_related = ("subject", "object")
    readonly_fields = [f.name for f in Fact._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "claim", "other_claim", "created_at")
    list_filter = ("kind",)
    search_fields = ("explanation",)
    list_select_related = ("claim__subject", "claim__object", "other_claim__subject", "other_claim__object")
    raw_id_fields = ("claim", "other_claim")


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ("id", "claim", "from_status", "to_status", "status_version", "actor", "created_at")
    list_filter = ("to_status", "actor_system")
    search_fields = ("reason", "claim__text")
    list_select_related = ("claim__subject", "claim__object", "actor_user")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(APIKeyModelAdmin):
    """Keys are made here (the key is shown once, in the message after saving) and revoked, never edited."""

    list_display = (*APIKeyModelAdmin.list_display, "owner", "scopes", "last_used_at")
    list_filter = (*APIKeyModelAdmin.list_filter, "owner")
    search_fields = (*APIKeyModelAdmin.search_fields, "owner__username")
    raw_id_fields = ("owner",)
