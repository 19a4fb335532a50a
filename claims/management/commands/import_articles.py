"""Import articles from a JSON Lines file: `manage.py import_articles FILE.jsonl [--user NAME]`.

One JSON object a line, with the fields of `POST /api/v1/articles/` (text, source_name, url,
published, language), checked by the very same rules. Resumable: a text already stored is
skipped, so running the command again after an interruption picks up where it stopped.
Ends with a summary of what was imported, skipped and refused, and why.
"""

from __future__ import annotations

import json
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from claims.api.serializers import ArticleSubmitSerializer
from claims.services.articles import article_submit

# Refusals listed one by one in the summary; the rest are counted.
SHOWN_REFUSALS = 20


class Command(BaseCommand):
    help = "Import articles from a JSON Lines file (resumable: texts already stored are skipped)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--user", help="who the articles are recorded as submitted by")

    def handle(self, *args, path, user=None, **options):
        submitter = None
        if user:
            try:
                submitter = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"No user named {user!r}.") from None
        try:
            with open(path, "rb") as f:
                total = sum(1 for _ in f)
            lines = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None
        counts: Counter[str] = Counter()
        refused: list[tuple[int, str]] = []
        columns = (TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with lines, Progress(*columns, console=None, transient=False, disable=not self.stdout.isatty()) as bar:
            task = bar.add_task("import", total=total)
            for number, raw in enumerate(lines, start=1):
                outcome, reason = self._one(raw, submitter)
                counts[outcome] += 1
                if reason:
                    refused.append((number, reason))
                bar.advance(task)
        self.stdout.write(
            f"{counts['imported']} imported, {counts['stored']} already stored (skipped), "
            f"{counts['refused']} refused, {counts['blank']} blank lines; {total} lines in all."
        )
        for number, reason in refused[:SHOWN_REFUSALS]:
            self.stdout.write(f"  line {number}: {reason}")
        if len(refused) > SHOWN_REFUSALS:
            self.stdout.write(f"  … and {len(refused) - SHOWN_REFUSALS} more refused lines.")
        if refused:
            raise CommandError(f"{len(refused)} line(s) refused; the others are stored.", returncode=2)

    def _one(self, raw: bytes, submitter) -> tuple[str, str]:
        if not raw.strip():
            return "blank", ""
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            return "refused", f"not UTF-8 ({exc.reason} at byte {exc.start})"
        except ValueError as exc:
            return "refused", f"not JSON ({exc})"
        given = ArticleSubmitSerializer(data=data)
        if not given.is_valid():
            problems = "; ".join(f"{field}: {' '.join(map(str, errors))}" for field, errors in given.errors.items())
            return "refused", problems[:300]
        _, created = article_submit(**given.validated_data, submitted_by=submitter)
        return ("imported", "") if created else ("stored", "")
