from __future__ import annotations

import json

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from claims.webhooks.models import Attempt, Delivery, Endpoint, Event
from claims.webhooks.services import deliveries_replay, endpoint_disable, endpoint_update


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("uid", "type", "created_at")
    list_filter = ("type",)
    date_hierarchy = "created_at"
    readonly_fields = ("uid", "type", "data", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # events are the audit trail of what happened


@admin.action(description=_("Disable the selected endpoints"), permissions=["change"])
def disable_endpoints(modeladmin, request, queryset):
    for endpoint in queryset.filter(state=Endpoint.State.ACTIVE):
        endpoint_disable(endpoint=endpoint, reason=f"disabled by staff ({request.user.get_username()})", notify=True)


@admin.action(description=_("Enable the selected endpoints"), permissions=["change"])
def enable_endpoints(modeladmin, request, queryset):
    for endpoint in queryset.filter(state=Endpoint.State.DISABLED):
        endpoint_update(endpoint=endpoint, enabled=True)


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    list_display = ("id", "url", "owner", "state", "failing_since", "created_at")
    list_filter = ("state",)
    search_fields = ("url", "description", "owner__username")
    list_select_related = ("owner",)
    # No secrets here, ever: they are shown once, to the owner, by the API. URLs change
    # through the API too, where they are checked against SSRF.
    fields = (
        "owner",
        "url",
        "description",
        "event_types",
        "state",
        "disabled_reason",
        "disabled_at",
        "failing_since",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields
    actions = (disable_endpoints, enable_endpoints)

    def has_add_permission(self, request):
        return False


class AttemptInline(admin.TabularInline):
    model = Attempt
    fields = ("number", "started_at", "finished_at", "status_code", "latency_ms", "error", "response_body")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.action(description=_("Replay the selected deliveries (same webhook-id)"), permissions=["change"])
def replay_deliveries(modeladmin, request, queryset):
    replayed = deliveries_replay(deliveries=queryset)
    skipped = queryset.count() - replayed
    modeladmin.message_user(request, f"{replayed} deliveries queued again.", messages.SUCCESS)
    if skipped:
        modeladmin.message_user(
            request, f"{skipped} skipped: still pending, or their endpoint is disabled.", messages.WARNING
        )


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Filter by state and date (e.g. failed, last week), select all, and replay them."""

    list_display = (
        "id",
        "event_type",
        "endpoint",
        "state",
        "attempt_count",
        "last_status_code",
        "next_attempt_at",
        "created_at",
    )
    # One state: the delivery's (an endpoint's own state is on the endpoints page).
    list_filter = ("state", "event__type")
    date_hierarchy = "created_at"
    search_fields = ("endpoint__url",)
    list_select_related = ("event", "endpoint")
    raw_id_fields = ("event", "endpoint")
    readonly_fields = (
        "event",
        "endpoint",
        "state",
        "attempt_count",
        "next_attempt_at",
        "leased_until",
        "last_status_code",
        "last_error",
        "created_at",
        "updated_at",
        "completed_at",
        "payload",
    )
    exclude = ("lease_token",)
    inlines = (AttemptInline,)
    actions = (replay_deliveries,)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("event__data")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # deliveries and their attempts are the audit trail of what we sent

    @admin.display(description=_("payload"))
    def payload(self, obj: Delivery) -> str:
        # Exactly what was signed and sent, escaped by format_html.
        return format_html("<pre style='white-space: pre-wrap'>{}</pre>", json.dumps(obj.event.envelope(), indent=2))

    @admin.display(description=_("event type"), ordering="event__type")
    def event_type(self, obj: Delivery) -> str:
        return obj.event.type
