"""`python -m factcheck extract FILE.jsonl`: one JSON line of claims per document."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from factcheck.extractor import extract


def _published(doc: dict) -> dt.date | None:
    raw = (doc.get("source") or {}).get("published")
    try:
        return dt.date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m factcheck")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract claims from a corpus JSONL file (id, source, text)")
    ex.add_argument("file", help="JSONL file, '-' for stdin")
    args = ap.parse_args(argv)

    stream = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")  # noqa: SIM115
    with stream:
        for line in stream:
            if not line.strip():
                continue
            doc = json.loads(line)
            result = extract(doc.get("text") or "", published=_published(doc))
            out = {"id": doc.get("id"), **result.to_dict()}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
