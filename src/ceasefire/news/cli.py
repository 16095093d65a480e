"""`ceasefire extract --in articles.jsonl --out predictions.jsonl`: the offline extractor CLI.

Reads JSON Lines (one article per line: `id`, `text`, optional `pub_date`, `title`, `url`)
and writes one output line per input line, in order, in the gold schema of the news-dev set.
A line that cannot be used (invalid JSON, not an object, no text, bytes that are not UTF-8
are replaced, an unexpected internal error) gives an output line with `"error"` and empty
candidates instead of stopping the run; the exit status is 1 when any line failed, 0
otherwise, 2 for a usage error. `-` means standard input or output.

`ceasefire extract ... --group` also prints, on standard error, how many incidents the
cross-article grouping (`dedupe.py`) would merge; `--groups FILE` writes the groups
themselves, one JSON line each: an incident group with its source articles, every source's
casualty claims (tagged with the article) and the fatalities they give together, or an
agreement-event group with its kind, day, parties and sources.

Nothing is downloaded and no model is loaded: the extractor is rules, a lexicon and a
shipped gazetteer. Standard library only; this module must not import Django.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from typing import IO, Any

from ceasefire.news.dedupe import IncidentGroup, group_events, group_incidents
from ceasefire.news.extract import extract_article
from ceasefire.news.model import AgreementEvent, ArticleCandidates, Incident, claim_json, to_json


def _error_line(line_no: int, message: str, article_id: object = None) -> dict[str, Any]:
    return {
        "id": article_id if isinstance(article_id, str) else None,
        "line": line_no,
        "error": message,
        "incidents": [],
        "agreement_events": [],
        "obligations": [],
    }


def process_line(raw: bytes, line_no: int) -> tuple[dict[str, Any], ArticleCandidates | None]:
    """The output record for one input line, and its candidates (for grouping)."""
    text = raw.decode("utf-8", errors="replace").strip()
    if not text:
        return _error_line(line_no, "empty line"), None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return _error_line(line_no, f"invalid JSON: {exc.msg} (column {exc.colno})"), None
    if not isinstance(obj, dict):
        return _error_line(line_no, f"not a JSON object but {type(obj).__name__}"), None
    try:
        result = extract_article(obj)
    except Exception as exc:
        return _error_line(
            line_no, f"internal error: {type(exc).__name__}: {exc}", obj.get("id")
        ), None
    out = to_json(result)
    if result.error is not None:
        out["line"] = line_no
    return out, result


def incident_group_json(group: IncidentGroup) -> dict[str, Any]:
    """One incident group as a JSON line: what each source said, side by side."""
    return {
        "group": "incident",
        "sources": list(group.sources),
        "members": [
            {"id": m.article_id, "index": m.index, "quote": m.incident.quote.text}
            for m in group.members
        ],
        "date": group.date,
        "incident_type": group.incident_type,
        "place_names": list(group.place_names),
        "casualty_claims": [claim_json(c) for c in group.claims],
        "fatalities_min": group.fatalities.minimum,
        "fatalities_max": group.fatalities.maximum,
        "fatalities_qualifier": group.fatalities.qualifier,
        "injured": group.fatalities.injured,
    }


def event_group_json(event: AgreementEvent, sources: tuple[str | None, ...]) -> dict[str, Any]:
    """One agreement-event group as a JSON line."""
    return {
        "group": "agreement_event",
        "sources": list(sources),
        "kind": event.kind,
        "date": event.date,
        "parties": list(event.parties),
        "status": event.status,
    }


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    yield from stream


def run(
    src: IO[bytes], dst: IO[str], group: bool = False, groups_out: IO[str] | None = None
) -> tuple[int, int]:
    """Process every line of `src` into `dst`; returns (lines, failed lines). With `group`,
    report the cross-article grouping on standard error; with `groups_out`, write it."""
    total = failed = 0
    incidents: list[tuple[str | None, Incident]] = []
    events: list[tuple[str | None, AgreementEvent]] = []
    for line_no, raw in enumerate(_lines(src), 1):
        record, result = process_line(raw, line_no)
        total += 1
        failed += "error" in record
        dst.write(json.dumps(record, ensure_ascii=True) + "\n")
        if result is not None and (group or groups_out is not None):
            incidents.extend((record.get("id"), inc) for inc in result.incidents)
            events.extend((record.get("id"), e) for e in result.agreement_events)
    if not group and groups_out is None:
        return total, failed
    groups = group_incidents(incidents)
    if groups_out is not None:
        for g in groups:
            groups_out.write(json.dumps(incident_group_json(g), ensure_ascii=True) + "\n")
        for event, sources in group_events(events):
            groups_out.write(json.dumps(event_group_json(event, sources), ensure_ascii=True) + "\n")
    if group:
        merged = sum(1 for g in groups if len(g.members) > 1)
        print(
            f"grouping: {len(incidents)} incidents in {len(groups)} groups "
            f"({merged} reported by more than one article or passage)",
            file=sys.stderr,
        )
    return total, failed


def main(argv: list[str] | None = None) -> int:
    """Entry point: `extract --in FILE --out FILE [--group] [--groups FILE]`."""
    parser = argparse.ArgumentParser(prog="ceasefire", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="propose candidates from news articles (JSONL)")
    ext.add_argument("--in", dest="src", required=True, help="articles JSONL, or - for stdin")
    ext.add_argument("--out", dest="dst", required=True, help="predictions JSONL, or - for stdout")
    ext.add_argument("--group", action="store_true", help="report cross-article incident groups")
    ext.add_argument("--groups", help="write the cross-article groups to this JSONL file")
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
        with ExitStack() as stack:
            dst = (
                sys.stdout
                if args.dst == "-"
                else stack.enter_context(open(args.dst, "w", encoding="utf-8"))
            )
            groups = (
                stack.enter_context(open(args.groups, "w", encoding="utf-8"))
                if args.groups
                else None
            )
            total, failed = run(src, dst, args.group, groups)
    except OSError as exc:
        print(
            f"ceasefire extract: cannot write {exc.filename or args.dst}: {exc.strerror}",
            file=sys.stderr,
        )
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
