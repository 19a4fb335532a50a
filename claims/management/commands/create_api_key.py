"""Make an API key for a user: `manage.py create_api_key ana --scopes read,submit --name "ingest bot"`."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from claims.services.api_keys import BadScopes, api_key_create


class Command(BaseCommand):
    help = "Create an API key for a user and print it (it is stored hashed: this is the only time it is shown)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--scopes", default="read", help="comma-separated: read,submit,review,webhooks")
        parser.add_argument("--name", default="api key")
        parser.add_argument("--expires-in-days", type=int, default=None)

    def handle(self, *args, username, scopes, name, expires_in_days, **options):
        try:
            owner = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        expires = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
        try:
            key, raw = api_key_create(
                owner=owner, name=name, scopes=[s.strip() for s in scopes.split(",") if s.strip()], expires=expires
            )
        except BadScopes as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(raw)
        self.stderr.write(f"key {key.prefix}… for {username} with scopes {', '.join(key.scopes)}")
