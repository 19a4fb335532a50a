"""API keys: made, listed and revoked by people (the admin, the command line), used by programs."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser

from claims.models import ApiKey


class BadScopes(ValueError):
    pass


def api_key_create(
    *, owner: AbstractBaseUser, name: str, scopes: list[str], expires: datetime | None = None
) -> tuple[ApiKey, str]:
    """A new key for `owner`; returns it and the key itself, which is stored hashed and shown this once."""
    unknown = sorted(set(scopes) - set(ApiKey.Scope.values))
    if unknown or not scopes:
        problem = f"Unknown scope(s) {', '.join(unknown)}; " if unknown else "No scope given; "
        raise BadScopes(problem + f"use any of {', '.join(ApiKey.Scope.values)}.")
    return ApiKey.objects.create_key(owner=owner, name=name[:50], scopes=sorted(set(scopes)), expiry_date=expires)


def api_key_revoke(*, key: ApiKey) -> None:
    """Revoked for good: the library refuses to un-revoke a key."""
    ApiKey.objects.filter(pk=key.pk).update(revoked=True)
