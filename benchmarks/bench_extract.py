"""The offline news extractor on the news-dev set: scores (whole set, the original
development and held-out parts, and the three cross-validation folds) from the set's own
scorer, and throughput on one core.

Held-out protocol (docs/news-extraction.md): sort the article ids; the article at 0-based
position i is held out when i % 4 == 3. Rules were written on the other articles only.

The dev set is read from $CEASEFIRE_NEWS_DEV (default /work/shared/data/news-dev); without
it the benchmark says so and stops. Run alone with `python benchmarks/bench_extract.py`.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

DEV_DIR = Path(os.environ.get("CEASEFIRE_NEWS_DEV", "/work/shared/data/news-dev"))
KEYS = (
    "incident_p",
    "incident_r",
    "incident_f1",
    "incident_f1_loose",
    "date_acc",
    "type_acc",
    "fatalities_exact",
    "agreement_p",
    "agreement_r",
    "agreement_f1",
)
COUNTS = ("gold_incidents", "pred_incidents", "gold_agreement_events", "pred_agreement_events")


def held_out_ids(ids: list[str]) -> set[str]:
    """The held-out articles: every fourth id in sorted order (positions 3, 7, 11, ...)."""
    return {aid for i, aid in enumerate(sorted(ids)) if i % 4 == 3}


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def _score(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], workdir: Path, name: str
) -> dict[str, Any]:
    gold_path, pred_path = workdir / f"gold-{name}.jsonl", workdir / f"pred-{name}.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), "utf-8")
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in pred), "utf-8")
    out = subprocess.run(
        [
            sys.executable,
            str(DEV_DIR / "score.py"),
            "--gold",
            str(gold_path),
            "--pred",
            str(pred_path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def _row(label: str, res: dict[str, Any]) -> str:
    rates = " ".join(f"{k}={res[k]:.3f}" for k in KEYS)
    counts = " ".join(f"{k}={res[k]}" for k in COUNTS)
    return f"{label:<22} {rates} | {counts}"


def _throughput(articles: list[dict[str, Any]]) -> tuple[float, float]:
    """(articles per CPU second, articles per wall second), single process, warm."""
    from ceasefire.news.extract import extract_article

    for a in articles:
        extract_article(a)
    n = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < 3.0:
        for a in articles:
            extract_article(a)
            n += 1
    return n / (time.process_time() - cpu0), n / (time.perf_counter() - wall0)


def _news_cv() -> ModuleType:
    """`news_cv.py`, imported both as a package module and beside a script."""
    try:
        from benchmarks import news_cv
    except ImportError:  # run as `python benchmarks/bench_extract.py`
        return importlib.import_module("news_cv")
    return news_cv


def _fold_lines() -> list[str]:
    """Per-fold scores from `news_cv.py`."""
    return [_row(label, res) for label, res in _news_cv().fold_scores()[:-1]]


def _real_set_lines() -> list[str]:
    """Scores on folders of real articles annotated apart from the extractor, when
    $CEASEFIRE_NEWS_VAL names them (docs/news-extraction.md, round 6)."""
    folders = [Path(p) for p in os.environ.get("CEASEFIRE_NEWS_VAL", "").split(":") if p]
    if not folders:
        return ["real-article sets: none given (set CEASEFIRE_NEWS_VAL=dir[:dir...])"]
    return [_row(label, res) for label, res in _news_cv().set_scores(folders)]


def run() -> list[str]:
    """Lines to print: scores for the whole set, the development part, the held-out part."""
    if not (DEV_DIR / "articles.jsonl").exists():
        return [f"news-dev set not found at {DEV_DIR}: set CEASEFIRE_NEWS_DEV"]
    from ceasefire.news.extract import extract_article, to_json

    articles = _load(DEV_DIR / "articles.jsonl")
    gold = {g["id"]: g for g in _load(DEV_DIR / "gold.jsonl")}
    preds = {a["id"]: to_json(extract_article(a)) for a in articles}
    held = held_out_ids(list(gold))
    lines = [
        f"dev set: {DEV_DIR} ({len(articles)} articles; held out: {len(held)}: "
        f"{', '.join(sorted(h.split('_')[0] for h in held))})",
        "command: python score.py --gold <subset of gold.jsonl> --pred <predictions> --json",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for label, ids in (
            ("whole set", list(gold)),
            ("development part", [i for i in gold if i not in held]),
            ("held-out part", [i for i in gold if i in held]),
        ):
            res = _score(
                [gold[i] for i in ids], [preds[i] for i in ids if i in preds], workdir, label[:4]
            )
            lines.append(_row(f"{label} ({len(ids)})", res))
    lines.append("3-fold cross-validation folds (fold = sorted position % 3; see news_cv.py):")
    lines.extend(_fold_lines())
    lines.extend(_real_set_lines())
    cpu_rate, wall_rate = _throughput(articles)
    size = sum(len(a["text"]) for a in articles) / len(articles)
    lines.append(
        f"throughput: {cpu_rate:.0f} articles/s per core (CPU time), {wall_rate:.0f} articles/s "
        f"wall, mean article {size:.0f} characters"
    )
    return lines


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    for line in run():
        print(line)
