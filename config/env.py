"""Strict parsing of the environment variables that configure the service.

Every variable the service reads is declared in config/settings.py through these
helpers, so that a typo in a value fails at start-up with a message naming the
variable instead of silently falling back to a default.
"""

from __future__ import annotations

import os

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(RuntimeError):
    pass


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ConfigError(f"environment variable {name} is required")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{name}={value!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not an integer") from None
    if minimum is not None and number < minimum:
        raise ConfigError(f"{name}={number} must be at least {minimum}")
    return number


def env_fraction(name: str, default: float) -> float:
    """A number in [0, 1]."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:  # also refuses nan
        raise ConfigError(f"{name}={number} must be between 0 and 1")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def secret_key_problem(key: str) -> str | None:
    """Why a secret key is too weak for production, or None.

    The rule is Django's own deployment check (security.W009): long, varied and not a development default.
    """
    if key.startswith(("django-insecure", "insecure-")):
        return "is a development key; generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    if len(key) < 50 or len(set(key)) < 5:
        return (
            f"is too weak ({len(key)} characters, {len(set(key))} distinct); use at least 50 characters with at "
            "least 5 distinct ones, e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    return None


def local_secret_key(path) -> str:
    """The embedded default's key: made once, kept in a file only this user can read, never a shared constant."""
    import secrets

    key = secrets.token_urlsafe(50)
    try:
        # O_EXCL: of two processes starting at once (runserver and its reloader), one writes, both read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as f:
            f.write(key)
    with open(path) as f:
        return f.read().strip() or key
