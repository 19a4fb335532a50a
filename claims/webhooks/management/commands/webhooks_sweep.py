"""Send due webhook deliveries from this process, without Celery.

For the embedded default (no broker, so no beat and no retries) and as a stand-by
when the broker is out for long: the same leases keep it from sending what a
worker is sending.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from claims.webhooks.services import deliveries_sweep, delivery_attempt


class Command(BaseCommand):
    help = "Send the webhook deliveries that are due (once, or every WEBHOOKS_SWEEP_SECONDS with --loop)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep sweeping until interrupted")

    def handle(self, *args, loop: bool = False, **options):
        while True:
            outcomes = [delivery_attempt(delivery_id=pk, lease_token=token).outcome for pk, token in deliveries_sweep()]
            if outcomes or not loop:
                summary = ", ".join(f"{outcomes.count(o)} {o}" for o in sorted(set(outcomes))) or "nothing due"
                self.stdout.write(f"webhooks: {summary}")
            if not loop:
                return
            time.sleep(settings.WEBHOOKS_SWEEP_SECONDS)
