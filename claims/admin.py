from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from claims.models import Article, Claim, Entity, EntityAlias, Finding, StatusChange


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("predicate", "subject", "object", "value", "unit", "time", "qualifier", "modality", "status")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

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
    inlines = (ClaimInline,)


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
        "language",
        "article",
    )
    list_filter = ("status", "predicate", ("article__language", admin.ChoicesFieldListFilter))
    search_fields = (
        "text",
        "subject__name",
        "object__name",
        "subject__aliases__name",
        "object__aliases__name",
    )
    list_select_related = ("subject", "object", "article")
    # Statuses change only through the status service (a recorded change), never by editing the row.
    readonly_fields = (
        "article",
        "status",
        "status_version",
        "fact_key",
        "span_start",
        "span_end",
        "created_at",
        "updated_at",
    )
    raw_id_fields = ("subject", "object")
    inlines = (FindingInline, StatusChangeInline)

    @admin.display(description=_("language"), ordering="article__language")
    def language(self, obj: Claim) -> str:
        return obj.article.language


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
