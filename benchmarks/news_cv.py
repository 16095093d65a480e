"""Cross-validation of the offline news extractor on the news-dev set.

The extractor has no trained parameters, so "training" means a person reading errors and
writing rules. Cross-validation here is a protocol on that person: the 27 articles are split
into three folds by sorted id (the article at 0-based position i is in fold i % 3); when
tuning, errors are read on one fold only while the other two are measured. This script
prints the scores of each fold and of the whole set, and with `--show FOLD` prints, per
article of that fold, the gold and predicted foreground records side by side (the only
place where errors are read).

    .venv/bin/python benchmarks/news_cv.py              # scores per fold and whole set
    .venv/bin/python benchmarks/news_cv.py --show 0     # errors of fold 0 (tuning fold)

Scores come from the dev set's own `score.py` (imported, same functions as `--json`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

DEV_DIR = Path(os.environ.get("CEASEFIRE_NEWS_DEV", "/work/shared/data/news-dev"))
SYNTH_DIR = Path(__file__).resolve().parents[1] / "tests" / "news" / "data"
FOLDS = 3
KEYS = (
    "incident_f1",
    "incident_f1_loose",
    "date_acc",
    "type_acc",
    "fatalities_exact",
    "agreement_f1",
)


def fold_of(ids: list[str]) -> dict[str, int]:
    """Fold of each article: position in sorted id order modulo FOLDS."""
    return {aid: i % FOLDS for i, aid in enumerate(sorted(ids))}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("news_dev_score", DEV_DIR / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(DEV_DIR / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def predictions() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(gold by id, predictions by id) over the whole dev set."""
    from ceasefire.news.extract import extract_article, to_json

    gold = {g["id"]: g for g in _load(DEV_DIR / "gold.jsonl")}
    preds = {a["id"]: to_json(extract_article(a)) for a in _load(DEV_DIR / "articles.jsonl")}
    return gold, preds


def synthetic_scores() -> list[tuple[str, dict[str, Any]]]:
    """Scores on the invented batches (tests/news/data): "tuning" was read, "heldout" not."""
    from ceasefire.news.extract import extract_article, to_json

    score = _scorer().score
    rows = []
    for batch in ("tuning", "heldout"):
        arts = SYNTH_DIR / f"synth_{batch}_articles.jsonl"
        if not arts.exists():
            continue
        gold = {g["id"]: g for g in _load(SYNTH_DIR / f"synth_{batch}_gold.jsonl")}
        preds = {a["id"]: to_json(extract_article(a)) for a in _load(arts)}
        rows.append((f"synth {batch} ({len(gold)})", score(gold, preds)))
    return rows


def show_synthetic(batch: str) -> list[str]:
    """Gold and predicted records of one invented batch (read "tuning" only)."""
    from ceasefire.news.extract import extract_article, to_json

    gold = {g["id"]: g for g in _load(SYNTH_DIR / f"synth_{batch}_gold.jsonl")}
    preds = {
        a["id"]: to_json(extract_article(a))
        for a in _load(SYNTH_DIR / f"synth_{batch}_articles.jsonl")
    }
    out = []
    for aid in sorted(gold):
        g, p = gold[aid], preds.get(aid, {})
        out.append(f"=== {aid} pub={g.get('pub_date')}")
        for name, fn in (("incidents", _inc), ("agreement_events", _ev)):
            for r in g.get(name, []):
                out.append(f"  G {name[:3]} {fn(r)}")
            for r in p.get(name, []):
                out.append(f"  P {name[:3]} {fn(r)}")
    return out


def fold_scores() -> list[tuple[str, dict[str, Any]]]:
    """(label, score.py result) for each fold, for the whole set and for the mean of folds."""
    score = _scorer().score
    gold, preds = predictions()
    folds = fold_of(list(gold))
    rows = []
    for k in range(FOLDS):
        ids = [i for i in gold if folds[i] == k]
        res = score({i: gold[i] for i in ids}, {i: preds[i] for i in ids if i in preds})
        rows.append((f"fold {k} ({len(ids)})", res))
    rows.append((f"whole set ({len(gold)})", score(gold, preds)))
    return rows


def _fmt(label: str, res: dict[str, Any]) -> str:
    rates = " ".join(f"{k}={res[k]:.3f}" for k in KEYS)
    return (
        f"{label:<16} {rates} | inc {res['gold_incidents']}/{res['pred_incidents']} "
        f"agr {res['gold_agreement_events']}/{res['pred_agreement_events']}"
    )


def _inc(r: dict[str, Any]) -> str:
    return (
        f"{r.get('date')}..{r.get('date_end')} {r.get('incident_type')} "
        f"{r.get('place_names')} fat={r.get('fatalities_min')}/{r.get('fatalities_max')}"
        f" {r.get('fatalities_qualifier')} bg={r.get('is_background')} "
        f"agg={r.get('is_aggregate')} | {str(r.get('quote'))[:110]!r}"
    )


def _ev(r: dict[str, Any]) -> str:
    return (
        f"{r.get('date')} {r.get('kind')} {r.get('status')} bg={r.get('is_background')} | "
        f"{str(r.get('quote'))[:110]!r}"
    )


def show(fold: int) -> list[str]:
    """Gold and predicted records of every article of one fold (all records, bg included)."""
    gold, preds = predictions()
    folds = fold_of(list(gold))
    out = []
    for aid in sorted(gold):
        if folds[aid] != fold:
            continue
        g, p = gold[aid], preds.get(aid, {})
        out.append(f"=== {aid} pub={g.get('pub_date')}")
        for name, fn in (("incidents", _inc), ("agreement_events", _ev)):
            for r in g.get(name, []):
                out.append(f"  G {name[:3]} {fn(r)}")
            for r in p.get(name, []):
                out.append(f"  P {name[:3]} {fn(r)}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, help="print records of this fold (tuning fold)")
    parser.add_argument("--show-synthetic", help="print records of an invented batch (tuning)")
    args = parser.parse_args(argv)
    if not (DEV_DIR / "articles.jsonl").exists():
        print(f"news-dev set not found at {DEV_DIR}: set CEASEFIRE_NEWS_DEV")
        return 0
    if args.show is not None:
        print("\n".join(show(args.show)))
        return 0
    if args.show_synthetic:
        print("\n".join(show_synthetic(args.show_synthetic)))
        return 0
    for label, res in fold_scores() + synthetic_scores():
        print(_fmt(label, res))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
