"""Request budgets, counted in the cache (Redis when CACHE_URL is set) and answered with 429 + Retry-After.

The rates are read from settings.API_THROTTLE_RATES on every request rather than
frozen into the classes when they are imported, as DRF's own throttles do, so an
operator's change (and a test's) takes effect.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from claims.models import ApiKey


class _SettingsRate(SimpleRateThrottle):
    def get_rate(self):
        return settings.API_THROTTLE_RATES[self.scope]


class AddressThrottle(_SettingsRate):
    """Every request from one address, whoever it claims to be: many keys from one machine share one budget."""

    scope = "address"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ClientThrottle(_SettingsRate):
    """One API key, or one logged-in user, wherever it calls from; anonymous callers by address, more strictly."""

    scope = "client"

    def allow_request(self, request, view):
        self.scope = "client" if request.user and request.user.is_authenticated else "anon"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": _client_ident(request)}


class SubmitThrottle(_SettingsRate):
    """Article submissions: each costs an extraction, so they have their own, lower budget per client."""

    scope = "submit"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": _client_ident(request)}


def _client_ident(request) -> str:
    if isinstance(request.auth, ApiKey):
        return f"key:{request.auth.pk}"
    if request.user and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"addr:{BaseThrottle().get_ident(request)}"
