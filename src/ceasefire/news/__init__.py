"""Offline news extraction: candidate incidents, agreement events and obligations.

Reads news articles and proposes structured candidates with exact supporting quotes for
monitors to triage; it never verifies anything and downloads nothing. Entry points:
`ceasefire.news.extract.extract_article` / `to_json` (Python API) and
`ceasefire.news.cli.main` (`extract --in articles.jsonl --out predictions.jsonl`).
See docs/news-extraction.md.

Standard library only; this package must not import Django.
"""
