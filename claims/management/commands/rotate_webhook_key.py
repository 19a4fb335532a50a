"""Re-encrypt every webhook secret with the first of WEBHOOKS_SECRET_KEYS (after putting a new key first)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from claims.webhooks.models import EndpointSecret
from claims.webhooks.vault import SecretUnreadable, reseal


class Command(BaseCommand):
    help = "Re-encrypt the webhook secrets with the first key of WEBHOOKS_SECRET_KEYS; then the old keys can go."

    def handle(self, *args, **options):
        done = 0
        try:
            with transaction.atomic():
                for row in EndpointSecret.objects.select_for_update().only("pk", "secret").iterator():
                    EndpointSecret.objects.filter(pk=row.pk).update(secret=reseal(row.secret))
                    done += 1
        except SecretUnreadable as exc:
            raise CommandError(
                f"{exc}; nothing was changed. Keep the old key in the list until this has run."
            ) from None
        self.stdout.write(f"{done} webhook secret(s) re-encrypted with the first key.")
