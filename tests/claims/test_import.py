"""`manage.py import_articles FILE.jsonl`: checked like the API, resumable, with a summary of what failed and why."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article

pytestmark = pytest.mark.django_db


def article(i: int) -> str:
    return json.dumps({"text": f"Orvane made {i} sales in 2024.", "source_name": f"Wire {i}", "language": "en"})


def test_import_stores_good_lines_names_the_bad_ones_and_resumes(tmp_path, capsys):
    path = tmp_path / "articles.jsonl"
    path.write_bytes(
        "\n".join(
            [
                article(1),
                article(2),
                "{not json",
                json.dumps({"text": "Orvane grew."}),  # no source_name
                json.dumps(["a list"]),
                "",
                article(1),  # the same text again
            ]
        ).encode()
        + b"\n\xff\xfe garbage bytes\n"
        + article(3).encode()
    )

    with pytest.raises(CommandError, match="4 line"):
        call_command("import_articles", str(path))
    out = capsys.readouterr().out

    assert Article.objects.count() == 3
    assert "3 imported, 1 already stored (skipped), 4 refused, 1 blank lines; 9 lines in all." in out
    assert "line 3: not JSON" in out
    assert "line 4: source_name: This field is required." in out
    assert "line 8: not UTF-8" in out

    # Interrupted or not, a second run stores nothing twice.
    with pytest.raises(CommandError):
        call_command("import_articles", str(path))
    assert "0 imported, 4 already stored (skipped)" in capsys.readouterr().out
    assert Article.objects.count() == 3


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_articles", str(tmp_path / "nope.jsonl"))
