"""README's backup and restore (pg_dump, pg_restore) bring back every claim, into a fresh database."""

from __future__ import annotations

import shutil
import subprocess
import uuid

import pytest
from django.db import connection

from claims.models import Claim

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _pg(*command: str) -> str:
    db = connection.settings_dict
    args = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"] or "postgres"]
    return subprocess.run([command[0], *args, *command[1:]], check=True, capture_output=True, text=True).stdout


def test_a_dump_restored_into_a_fresh_database_has_every_claim(make_article, make_claim, tmp_path):
    if connection.vendor != "postgresql" or not shutil.which("pg_dump"):
        pytest.fail("the backup test needs PostgreSQL and its client tools (pg_dump, pg_restore)")
    made = sorted(make_claim(article=make_article(), value=10 + i).pk for i in range(25))
    assert sorted(Claim.objects.values_list("pk", flat=True)) == made
    dump = tmp_path / "factcheck.dump"
    fresh = f"restore_{uuid.uuid4().hex[:12]}"

    _pg("pg_dump", "-Fc", "-f", str(dump), connection.settings_dict["NAME"])
    _pg("createdb", fresh)
    try:
        _pg("pg_restore", "--no-owner", "-d", fresh, str(dump))
        restored = _pg("psql", "-tA", "-d", fresh, "-c", "SELECT id FROM claims_claim ORDER BY id")
        statuses = _pg("psql", "-tA", "-d", fresh, "-c", "SELECT count(*) FROM claims_claim WHERE fact_key <> ''")
    finally:
        _pg("dropdb", "--if-exists", fresh)

    assert [int(x) for x in restored.split()] == made
    assert int(statuses) == 25
