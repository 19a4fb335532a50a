from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from claims.api.health import healthz, metrics, readyz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics, name="metrics"),
    # The admin's language switcher posts here.
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("claims.api.urls")),
    # The OpenAPI 3 description of the API, and a docs page that loads nothing from outside this service.
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
]

# Errors outside DRF's views (unknown routes, a bad Host, an unhandled exception) answer in
# problem+json too, except in the admin.
handler400 = "claims.api.problems.bad_request"
handler403 = "claims.api.problems.permission_denied"
handler404 = "claims.api.problems.page_not_found"
handler500 = "claims.api.problems.server_error"
