"""API keys and their scopes.

djangorestframework-api-key stores keys hashed and revocable; it ships a permission
class, but our keys act as a person (their owner: the articles they submit, the
webhooks they own, the verdicts they give are that user's), so the key is turned
into an authentication here, and each view states which scope it needs.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from claims.models import ApiKey

KEYWORD = "api-key"


def _key_from(request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    keyword, _, key = header.partition(" ")
    if keyword.lower() == KEYWORD and key.strip():
        return key.strip()
    return request.META.get("HTTP_X_API_KEY") or None


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Api-Key <key>` (or `X-Api-Key: <key>`): the request acts as the key's owner."""

    def authenticate(self, request):
        raw = _key_from(request)
        if raw is None:
            return None
        try:
            key = ApiKey.objects.get_from_key(raw)
        except ApiKey.DoesNotExist:
            raise exceptions.AuthenticationFailed("The API key is not valid or has been revoked.") from None
        if key.has_expired:
            raise exceptions.AuthenticationFailed(f"The API key expired on {key.expiry_date:%Y-%m-%d}.")
        if not key.owner.is_active:
            raise exceptions.AuthenticationFailed("The API key's owner is inactive.")
        now = timezone.now()
        # At most one write a minute per key, not one per request.
        if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        return key.owner, key

    def authenticate_header(self, request):
        return "Api-Key"


def required_scope(request, view) -> str:
    """The scope a request needs: a view may name one per action, else reading needs `read`."""
    by_action = getattr(view, "required_scopes", {})
    action = getattr(view, "action", None)
    if action in by_action:
        return by_action[action]
    if "*" in by_action:
        return by_action["*"]
    return ApiKey.Scope.READ


class HasScope(permissions.BasePermission):
    """A key may do only what its scopes allow; a logged-in person (the session) is not limited by scopes."""

    def has_permission(self, request, view) -> bool:
        key = request.auth
        if not isinstance(key, ApiKey):
            return True
        scope = required_scope(request, view)
        if scope in key.scopes:
            return True
        self.message = f'This API key lacks the "{scope}" scope; its scopes are: {", ".join(key.scopes) or "none"}.'
        return False


class ApiKeyScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the API key (drf-spectacular cannot see it in the class)."""

    target_class = "claims.api.auth.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'Send "Api-Key <key>". Keys have scopes: read, submit, review, webhooks.',
        }
