"""`ceasefire extract --in articles.jsonl --out predictions.jsonl`: the offline extractor CLI.

Reads JSON Lines (one article per line: `id`, `text`, optional `pub_date`, `title`, `url`)
and writes one output line per input line, in order, in the gold schema of the news-dev set.
A line that cannot be used (invalid JSON, not an object, no text, bytes that are not UTF-8
are replaced, an unexpected internal error) gives an output line with `"error"` and empty
candidates instead of stopping the run; the exit status is 1 when any line failed, 0
otherwise, 2 for a usage error. `-` means standard input or output.

`ceasefire extract ... --group` also prints, on standard error, how many incidents the
cross-article grouping (`dedupe.py`) would merge.

Nothing is downloaded and no model is loaded: the extractor is rules, a lexicon and a
shipped gazetteer. Standard library only; this module must not import Django.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from typing import IO, Any

from ceasefire.news.dedupe import group_incidents
from ceasefire.news.extract import extract_article
from ceasefire.news.model import Incident, to_json


def _error_line(line_no: int, message: str, article_id: object = None) -> dict[str, Any]:
    return {
        "id": article_id if isinstance(article_id, str) else None,
        "line": line_no,
        "error": message,
        "incidents": [],
        "agreement_events": [],
        "obligations": [],
    }


def process_line(raw: bytes, line_no: int) -> tuple[dict[str, Any], list[Incident]]:
    """The output record for one input line, and its incidents (for grouping)."""
    text = raw.decode("utf-8", errors="replace").strip()
    if not text:
        return _error_line(line_no, "empty line"), []
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return _error_line(line_no, f"invalid JSON: {exc.msg} (column {exc.colno})"), []
    if not isinstance(obj, dict):
        return _error_line(line_no, f"not a JSON object but {type(obj).__name__}"), []
    try:
        result = extract_article(obj)
    except Exception as exc:
        return _error_line(
            line_no, f"internal error: {type(exc).__name__}: {exc}", obj.get("id")
        ), []
    out = to_json(result)
    if result.error is not None:
        out["line"] = line_no
    return out, list(result.incidents)


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    yield from stream


def run(src: IO[bytes], dst: IO[str], group: bool = False) -> tuple[int, int]:
    """Process every line of `src` into `dst`; returns (lines, failed lines)."""
    total = failed = 0
    collected: list[tuple[str | None, Incident]] = []
    for line_no, raw in enumerate(_lines(src), 1):
        record, incidents = process_line(raw, line_no)
        total += 1
        failed += "error" in record
        dst.write(json.dumps(record, ensure_ascii=True) + "\n")
        if group:
            collected.extend((record.get("id"), inc) for inc in incidents)
    if group:
        groups = group_incidents(collected)
        merged = sum(1 for g in groups if len(g.members) > 1)
        print(
            f"grouping: {len(collected)} incidents in {len(groups)} groups "
            f"({merged} reported by more than one article or passage)",
            file=sys.stderr,
        )
    return total, failed


def main(argv: list[str] | None = None) -> int:
    """Entry point: `extract --in FILE --out FILE [--group]`."""
    parser = argparse.ArgumentParser(prog="ceasefire", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="propose candidates from news articles (JSONL)")
    ext.add_argument("--in", dest="src", required=True, help="articles JSONL, or - for stdin")
    ext.add_argument("--out", dest="dst", required=True, help="predictions JSONL, or - for stdout")
    ext.add_argument("--group", action="store_true", help="report cross-article incident groups")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    started = time.perf_counter()
    try:
        src: IO[bytes] = (
            sys.stdin.buffer if args.src == "-" else open(args.src, "rb")  # noqa: SIM115
        )
    except OSError as exc:
        print(f"ceasefire extract: cannot read {args.src}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        if args.dst == "-":
            total, failed = run(src, sys.stdout, args.group)
        else:
            with open(args.dst, "w", encoding="utf-8") as dst:
                total, failed = run(src, dst, args.group)
    except OSError as exc:
        print(f"ceasefire extract: cannot write {args.dst}: {exc.strerror}", file=sys.stderr)
        return 2
    finally:
        if src is not sys.stdin.buffer:
            src.close()
    elapsed = time.perf_counter() - started
    print(
        f"ceasefire extract: {total} line(s), {failed} failed, {elapsed:.2f} s",
        file=sys.stderr,
    )
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
