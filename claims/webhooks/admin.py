from django.contrib import admin

from claims.webhooks.models import Event


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
