from __future__ import annotations

from babel.numbers import format_percent
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.admin import APIKeyModelAdmin

from claims.models import (
    ApiKey,
    Article,
    Claim,
    Entity,
    EntityAlias,
    Fact,
    Finding,
    ReviewQueue,
    Sighting,
    StatusChange,
)
from claims.services.claimreview import claim_sentence
from claims.services.presentation import queue_next, review_queue, value_display
from claims.services.reviews import (
    TAKE_DURATION,
    ReviewRefused,
    Verdict,
    claim_correct,
    claim_release,
    claim_take,
    claims_give_verdicts,
)

# "View site" leads to the API's docs page: the service has no public site of its own.
admin.site.site_url = "/api/docs/"
admin.site.site_header = _("Factcheck review")
admin.site.site_title = _("Factcheck review")
# The model sidebar takes 280 px from every list: without it the queue's columns fit a 1280 px screen.
admin.site.enable_nav_sidebar = False

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


class RecordAdmin(admin.ModelAdmin):
    """A record of what happened (status changes, the queue's view of claims): read, never added, edited or deleted."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
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

    def get_queryset(self, request):
        # Each row names its other claim (subject, object): fetched with the findings, not one by one.
        return super().get_queryset(request).select_related("claim", "other_claim__subject", "other_claim__object")

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

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("claim", "actor_user")

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


class VerdictActionForm(helpers.ActionForm):
    """The list's action bar, with the note a verdict carries (required to refute)."""

    note = forms.CharField(label=_("Note"), required=False, widget=forms.TextInput(attrs={"size": 40}))


def _verdict_action(verdict: str, label: str):
    @admin.action(description=label, permissions=["give_verdict"])
    def act(modeladmin, request, queryset):
        # Each row of the list carries the status_version the reviewer saw (ClaimAdmin.seen_version);
        # a claim without one was not on the reviewer's page ("select all" across pages): refused.
        verdicts, unseen = [], []
        for pk in queryset.values_list("pk", flat=True):
            seen = request.POST.get(f"version-{pk}", "")
            if not seen.isdigit():
                unseen.append(pk)
            else:
                verdicts.append(Verdict(pk, verdict, int(seen)))
        if unseen:
            modeladmin.message_user(
                request,
                _("Only claims shown on your page can be decided; %(ids)s were not. Nothing was changed.")
                % {"ids": ", ".join(f"#{pk}" for pk in unseen[:10])},
                messages.ERROR,
            )
            return
        try:
            claims_give_verdicts(reviewer=request.user, verdicts=verdicts, note=request.POST.get("note", ""))
        except ReviewRefused as exc:
            modeladmin.message_user(request, str(exc), messages.ERROR)
            return
        modeladmin.message_user(
            request,
            _("%(count)s claim(s) marked %(verdict)s; the other claims of their facts are being re-checked.")
            % {"count": len(verdicts), "verdict": verdict_label(verdict)},
            messages.SUCCESS,
        )

    act.__name__ = f"mark_{verdict}"
    return act


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(choices=[(v, v) for v in Claim.VERDICT_STATUSES])
    note = forms.CharField(required=False, max_length=2000)
    version = forms.IntegerField(min_value=0)


class CorrectionForm(forms.Form):
    """What an editor may correct; the reason is required and goes into the claim's history."""

    subject = forms.CharField(label=_("subject"), max_length=200)
    object = forms.CharField(label=_("object"), max_length=200, required=False)
    value = forms.FloatField(label=_("value"), required=False)
    unit = forms.CharField(label=_("unit"), max_length=8, required=False)
    time = forms.CharField(label=_("time"), max_length=10, required=False)
    qualifier = forms.ChoiceField(label=_("qualifier"), choices=Claim.Qualifier.choices)
    modality = forms.ChoiceField(label=_("modality"), choices=Claim.Modality.choices)
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "claim_in_words",
        "shown_value",
        "status",
        "confidence_level",
        "language",
        "outlet",
        "seen_version",
    )
    list_display_links = ("id", "claim_in_words")
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
    list_per_page = 50
    action_form = VerdictActionForm
    change_form_template = "admin/claims/claim/decide.html"
    # What the engine read is never edited in a form: a correction is its own recorded step, and a
    # status changes only through a verdict or the checks.
    fields = (
        "article",
        "predicate",
        "subject",
        "object",
        "value",
        "unit",
        "period",
        "time",
        "role",
        "qualifier",
        "modality",
        "text",
        "status",
        "status_version",
        "needs_review",
        "confidence_level",
        "fact_key",
        "in_its_article",
        "same_fact_elsewhere",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields
    inlines = (FindingInline, StatusChangeInline)
    actions = (
        _verdict_action(Claim.Status.VERIFIED, _("Verdict: verified")),
        _verdict_action(Claim.Status.REFUTED, _("Verdict: refuted (with the note)")),
        _verdict_action(Claim.Status.UNVERIFIABLE, _("Verdict: unverifiable")),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__text")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_give_verdict_permission(self, request):
        return request.user.has_perm("claims.give_verdict")

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/verdict/", wrap(self.verdict_view), name="claims_claim_verdict"),
            path("<int:pk>/take/", wrap(self.take_view), name="claims_claim_take"),
            path("<int:pk>/correct/", wrap(self.correct_view), name="claims_claim_correct"),
            *super().get_urls(),
        ]

    # --- columns -------------------------------------------------------------------

    @admin.display(description=_("claim"))
    def claim_in_words(self, obj: Claim) -> str:
        return claim_sentence(obj)

    @admin.display(description=_("value"), ordering="value")
    def shown_value(self, obj: Claim) -> str:
        return value_display(obj, get_language())

    @admin.display(description=_("language"), ordering="article__language")
    def language(self, obj: Claim) -> str:
        return obj.article.language

    @admin.display(description=_("outlet"), ordering="article__outlet")
    def outlet(self, obj: Claim) -> str:
        return obj.article.outlet

    @admin.display(description="")
    def seen_version(self, obj: Claim) -> str:
        # Inside the list's form: a verdict action says which version of each claim the reviewer saw.
        return format_html('<input type="hidden" name="version-{}" value="{}">', obj.pk, obj.status_version)

    @admin.display(description=_("confidence"), ordering="confidence")
    def confidence_level(self, obj: Claim) -> str | None:
        if obj.confidence is None:
            return None  # the admin's empty value: the engine gave none
        percent = format_percent(obj.confidence, locale=to_locale(get_language()))
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
        locale = get_language()
        rows = format_html_join(
            "",
            '<tr><td><a href="../../{}/change/">#{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    c.pk,
                    c.pk,
                    c.article.source_name,
                    c.article.language,
                    c.article.published or "",
                    value_display(c, locale),
                    c.get_modality_display(),
                    c.get_status_display(),
                    c.text,
                )
                for c in others
            ),
        )
        if not rows:
            return "—"
        return format_html(
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
            "</tr>{}</table>",
            _("claim"),
            _("source"),
            _("language"),
            _("published"),
            _("value"),
            _("modality"),
            _("status"),
            _("sentence"),
            rows,
        )

    # --- the claim page: deciding -------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = self.get_object(request, object_id)
        extra = extra_context or {}
        if claim is not None:
            extra |= {
                "claim_words": claim_sentence(claim),
                "claim_reported": claim.article.published or timezone.localdate(claim.article.created_at),
                "claim_value": value_display(claim, get_language()),
                "claim_version": claim.status_version,
                "verdicts": [(v, verdict_label(v)) for v in Claim.VERDICT_STATUSES],
                "can_decide": request.user.has_perm("claims.give_verdict"),
                "can_correct": request.user.has_perm("claims.correct_claim"),
                "taken": claim.taken_by if claim.taken_until and claim.taken_until > timezone.now() else None,
                "taken_until": claim.taken_until,
                "next_claim": queue_next(exclude=claim.pk, reviewer=request.user),
                "correction_form": CorrectionForm(initial=_correction_initial(claim)),
            }
        return super().change_view(request, object_id, form_url, extra)

    def verdict_view(self, request, pk: int):
        get_object_or_404(Claim, pk=pk)
        if request.method != "POST":
            return redirect("admin:claims_claim_change", pk)
        form = VerdictForm(request.POST)
        if not form.is_valid():
            self.message_user(request, _("The verdict form was incomplete; nothing was changed."), messages.ERROR)
            return redirect("admin:claims_claim_change", pk)
        verdict = form.cleaned_data["verdict"]
        try:
            claims_give_verdicts(
                reviewer=request.user,
                verdicts=[Verdict(pk, verdict, form.cleaned_data["version"])],
                note=form.cleaned_data["note"],
            )
        except ReviewRefused as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return redirect("admin:claims_claim_change", pk)
        self.message_user(
            request,
            _("Claim #%(id)s marked %(verdict)s.") % {"id": pk, "verdict": verdict_label(verdict)},
            messages.SUCCESS,
        )
        following = queue_next(exclude=pk, reviewer=request.user)
        if request.POST.get("then") == "next" and following is not None:
            return redirect("admin:claims_claim_change", following.pk)
        return redirect("admin:claims_claim_change", pk)

    def take_view(self, request, pk: int):
        claim = get_object_or_404(Claim, pk=pk)
        if request.method == "POST":
            try:
                if request.POST.get("release"):
                    claim_release(claim=claim, reviewer=request.user)
                    self.message_user(request, _("You released claim #%(id)s.") % {"id": pk}, messages.SUCCESS)
                else:
                    claim_take(claim=claim, reviewer=request.user)
                    self.message_user(
                        request,
                        _("Claim #%(id)s is yours for %(minutes)s minutes.")
                        % {"id": pk, "minutes": int(TAKE_DURATION.total_seconds() // 60)},
                        messages.SUCCESS,
                    )
            except ReviewRefused as exc:
                self.message_user(request, str(exc), messages.ERROR)
        return redirect("admin:claims_claim_change", pk)

    def correct_view(self, request, pk: int):
        claim = get_object_or_404(Claim.objects.select_related("subject", "object"), pk=pk)
        if request.method != "POST":
            return redirect("admin:claims_claim_change", pk)
        form = CorrectionForm(request.POST)
        if not form.is_valid():
            problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
            self.message_user(
                request, _("Nothing was corrected: %(problems)s") % {"problems": problems}, messages.ERROR
            )
            return redirect("admin:claims_claim_change", pk)
        data = form.cleaned_data
        changes = {field: data[field] if data[field] != "" else None for field in CORRECTION_FIELDS}
        changes["subject"] = data["subject"]
        try:
            claim_correct(
                claim=claim,
                editor=request.user,
                reason=data["reason"],
                expected_version=data["version"],
                changes=changes,
            )
        except ReviewRefused as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            self.message_user(
                request, _("Claim #%(id)s corrected; it is being checked again.") % {"id": pk}, messages.SUCCESS
            )
        return redirect("admin:claims_claim_change", pk)


@admin.register(ReviewQueue)
class ReviewQueueAdmin(RecordAdmin):
    """Most urgent first; narrow enough for a 1280 px screen; each row opens the claim page."""

    list_display = (
        "claim_link",
        "snippet",
        "outlet",
        "language",
        "status",
        "confidence_level",
        "taken",
        "seen_version",
    )
    list_display_links = None
    list_filter = ("status", ("article__language", admin.ChoicesFieldListFilter))
    search_fields = ("text", "subject__name", "object__name")
    list_per_page = 50
    action_form = VerdictActionForm
    actions = ClaimAdmin.actions
    show_full_result_count = False

    def get_queryset(self, request):
        return review_queue().select_related("article", "subject", "object", "taken_by").defer("article__text")

    def get_ordering(self, request):
        return ("urgency", "-created_at", "-id")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("claims.view_claim")

    def has_module_permission(self, request):
        return request.user.has_perm("claims.view_claim")

    def has_give_verdict_permission(self, request):
        return request.user.has_perm("claims.give_verdict")

    @admin.display(description=_("claim"))
    def claim_link(self, obj: Claim) -> str:
        return format_html(
            '<a href="{}">#{} {}</a>',
            reverse("admin:claims_claim_change", args=[obj.pk]),
            obj.pk,
            claim_sentence(obj),
        )

    @admin.display(description=_("sentence"))
    def snippet(self, obj: Claim) -> str:
        text = " ".join(obj.text.split())
        return text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1] + "…"

    @admin.display(description=_("outlet"))
    def outlet(self, obj: Claim) -> str:
        return obj.article.outlet

    @admin.display(description=_("language"))
    def language(self, obj: Claim) -> str:
        return obj.article.language

    @admin.display(description=_("taken by"))
    def taken(self, obj: Claim) -> str:
        if obj.taken_by_id and obj.taken_until and obj.taken_until > timezone.now():
            return obj.taken_by.get_username()
        return ""

    confidence_level = ClaimAdmin.confidence_level
    seen_version = ClaimAdmin.seen_version


# Characters of a claim's sentence in the queue.
SNIPPET_CHARS = 90


CORRECTION_FIELDS = ("object", "value", "unit", "time", "qualifier", "modality")


def _correction_initial(claim: Claim) -> dict:
    return {
        "subject": claim.subject.name,
        "object": claim.object.name if claim.object_id else "",
        "value": claim.value,
        "unit": claim.unit or "",
        "time": claim.time or "",
        "qualifier": claim.qualifier,
        "modality": claim.modality,
        "version": claim.status_version,
    }


def verdict_label(verdict: str) -> str:
    return str(Claim.Status(verdict).label)


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
class StatusChangeAdmin(RecordAdmin):
    list_display = ("id", "claim", "from_status", "to_status", "status_version", "actor", "created_at")
    list_filter = ("to_status", "actor_system")
    search_fields = ("reason", "claim__text")
    list_select_related = ("claim__subject", "claim__object", "actor_user")


@admin.register(ApiKey)
class ApiKeyAdmin(APIKeyModelAdmin):
    """Keys are made here (the key is shown once, in the message after saving) and revoked, never edited."""

    list_display = (*APIKeyModelAdmin.list_display, "owner", "scopes", "last_used_at")
    list_filter = (*APIKeyModelAdmin.list_filter, "owner")
    search_fields = (*APIKeyModelAdmin.search_fields, "owner__username")
    raw_id_fields = ("owner",)
