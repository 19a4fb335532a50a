import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_cli_writes_one_line_per_document(tmp_path):
    docs = [
        {
            "id": "t-1",
            "source": {"name": "x", "url": None, "published": "2025-03-02"},
            "text": "Der Zulieferer Mervin beschäftigt rund 4.100 Mitarbeiter.",
            "claims": [{"ignored": True}],
        },
        {
            "id": "t-2",
            "source": {"name": "y", "url": None, "published": "2025-03-02"},
            "text": "Tidewell swung to a net loss of $12m last year.",
        },
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    first, second = (json.loads(line) for line in out)
    assert first["id"] == "t-1" and first["lang"] == "de"
    assert first["claims"][0]["predicate"] == "employees"
    assert first["claims"][0]["value"] == 4100
    assert first["incomplete"] == []
    assert second["lang"] == "en"
    (loss,) = second["claims"]
    assert (loss["value"], loss["time"]) == (-12000000, "2024")  # resolved against source.published
    assert set(loss) >= {"predicate", "subject", "object", "value", "unit", "text", "span"}
