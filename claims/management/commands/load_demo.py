"""Sample data for README's first command: a reviewer login and a few articles.

The articles are written for this project (invented companies); two report the
same stake with different figures, so a conflict shows up at once.
"""

from __future__ import annotations

import secrets
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from claims.models import ApiKey
from claims.services.api_keys import api_key_create
from claims.services.articles import article_submit

DEMO_ARTICLES = [
    {
        "source_name": "Harbour Ledger",
        "url": "https://harbour-ledger.example/2025/05/brightwave",
        "published": date(2025, 5, 12),
        "text": (
            "Tessaline buys into Brightwave Robotics\n"
            "The chipmaker Tessaline has acquired a 35% stake in Brightwave Robotics, a maker of warehouse "
            "robots. Tessaline paid $420 million for the stake. Brightwave employs about 1,200 people and "
            "reported revenue of $310 million in 2024."
        ),
    },
    {
        "source_name": "Rheinischer Kurier",
        "url": "https://rheinischer-kurier.example/wirtschaft/brightwave",
        "published": date(2025, 5, 13),
        "text": (
            "Tessaline steigt bei Brightwave Robotics ein\n"
            "Der Chiphersteller Tessaline hat eine 40%-Beteiligung an Brightwave Robotics erworben. "
            "Brightwave-Chefin Ines Kovac sprach von einem wichtigen Schritt für das Unternehmen."
        ),
    },
    {
        "source_name": "Harbour Ledger",
        "url": "https://harbour-ledger.example/2025/06/quorra",
        "published": date(2025, 6, 2),
        "text": (
            "Quorra Health names new chief executive\n"
            "Quorra Health said its revenue rose to €1.2bn in 2024. The company also said that "
            "Maya Lindqvist will join Quorra Health as chief financial officer in September."
        ),
    },
]


class Command(BaseCommand):
    help = "Create a reviewer login and submit a few sample articles (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="reviewer")

    def handle(self, *args, username: str, **options):
        User = get_user_model()
        password = secrets.token_urlsafe(12)
        # A reviewer with the editors role, not a superuser: what a newsroom's reviewer would be.
        user, _ = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        user.groups.add(Group.objects.get(name="editors"))
        user.set_password(password)
        user.save()
        # A new key each run: a key is shown once only (it is stored hashed), so an old one cannot be printed.
        _, key = api_key_create(owner=user, name="demo", scopes=list(ApiKey.Scope.values))
        for article in DEMO_ARTICLES:
            article_submit(**article, submitted_by=user)
        self.stdout.write(self.style.SUCCESS("Sample data loaded."))
        self.stdout.write(f"  admin:     http://127.0.0.1:8000/admin/  user {username!r}  password {password!r}")
        self.stdout.write(f"  API key:   {key}")
        self.stdout.write(
            '  try:      curl -H "Authorization: Api-Key ' + key + '" http://127.0.0.1:8000/api/v1/claims/'
        )
        self.stdout.write("  API docs:  http://127.0.0.1:8000/api/docs/")
