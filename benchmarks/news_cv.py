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
    .venv/bin/python benchmarks/news_cv.py --set DIR    # also score DIR/{articles,gold}.jsonl
    .venv/bin/python benchmarks/news_cv.py --show-set DIR   # errors of such a set

`--set` takes any folder holding an `articles.jsonl` and a `gold.jsonl` in the dev set's
format, e.g. an evaluation batch of real articles annotated by someone who never saw the
extractor (docs/news-extraction.md, "Evaluation protocol"). $CEASEFIRE_NEWS_VAL may name
such folders too, separated by ":".

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
    score = _scorer().score
    rows = []
    for batch in ("tuning", "heldout"):
        arts = SYNTH_DIR / f"synth_{batch}_articles.jsonl"
        if not arts.exists():
            continue
        gold, preds = _set_predictions(arts, SYNTH_DIR / f"synth_{batch}_gold.jsonl")
        rows.append((f"synth {batch} ({len(gold)})", score(gold, preds)))
    return rows


def _set_predictions(
    articles: Path, gold_path: Path
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    from ceasefire.news.extract import extract_article, to_json

    gold = {g["id"]: g for g in _load(gold_path)}
    preds = {a["id"]: to_json(extract_article(a)) for a in _load(articles)}
    return gold, preds


def set_scores(folders: list[Path]) -> list[tuple[str, dict[str, Any]]]:
    """Scores of evaluation folders (articles.jsonl + gold.jsonl each), one row per folder
    and, for several, one row for all of them together."""
    score = _scorer().score
    rows = []
    all_gold: dict[str, dict[str, Any]] = {}
    all_preds: dict[str, dict[str, Any]] = {}
    for folder in folders:
        gold, preds = _set_predictions(folder / "articles.jsonl", folder / "gold.jsonl")
        all_gold.update(gold)
        all_preds.update(preds)
        rows.append((f"{folder.name} ({len(gold)})", score(gold, preds)))
    if len(folders) > 1:
        rows.append((f"sets together ({len(all_gold)})", score(all_gold, all_preds)))
    return rows


def show_set(folder: Path) -> list[str]:
    """Gold and predicted records of an evaluation folder."""
    gold, preds = _set_predictions(folder / "articles.jsonl", folder / "gold.jsonl")
    return _side_by_side(gold, preds)


def show_synthetic(batch: str) -> list[str]:
    """Gold and predicted records of one invented batch (read "tuning" only)."""
    gold, preds = _set_predictions(
        SYNTH_DIR / f"synth_{batch}_articles.jsonl", SYNTH_DIR / f"synth_{batch}_gold.jsonl"
    )
    return _side_by_side(gold, preds)


def _side_by_side(gold: dict[str, dict[str, Any]], preds: dict[str, dict[str, Any]]) -> list[str]:
    """Per article, gold (G) then predicted (P) records; foreground records the scorer
    matched strictly are marked "=", unmatched foreground ones "!" (missed or spurious),
    background and aggregate ones " "."""
    scorer = _scorer()
    out = []
    for aid in sorted(gold):
        g, p = gold[aid], preds.get(aid, {})
        out.append(f"=== {aid} pub={g.get('pub_date')}")
        for name, fn, fore, ok in (
            ("incidents", _inc, scorer.is_foreground, scorer.strict_ok),
            ("agreement_events", _ev, lambda e: not e.get("is_background"), scorer.event_ok),
        ):
            golds = [r for r in g.get(name, []) if fore(r)]
            predicted = [r for r in p.get(name, []) if fore(r)]
            pairs = scorer.greedy(golds, predicted, ok)
            matched = {id(a) for a, _ in pairs} | {id(b) for _, b in pairs}
            for tag, records in (("G", g.get(name, [])), ("P", p.get(name, []))):
                for r in records:
                    mark = " " if not fore(r) else "=" if id(r) in matched else "!"
                    out.append(f" {mark}{tag} {name[:3]} {fn(r)}")
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
    return _side_by_side({i: g for i, g in gold.items() if folds[i] == fold}, preds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, help="print records of this fold (tuning fold)")
    parser.add_argument("--show-synthetic", help="print records of an invented batch (tuning)")
    parser.add_argument(
        "--set", action="append", type=Path, default=[], help="also score this folder"
    )
    parser.add_argument("--show-set", type=Path, help="print records of this folder")
    args = parser.parse_args(argv)
    sets = [Path(p) for p in os.environ.get("CEASEFIRE_NEWS_VAL", "").split(":") if p]
    sets += args.set
    if not (DEV_DIR / "articles.jsonl").exists():
        print(f"news-dev set not found at {DEV_DIR}: set CEASEFIRE_NEWS_DEV")
        return 0
    if args.show is not None:
        print("\n".join(show(args.show)))
        return 0
    if args.show_synthetic:
        print("\n".join(show_synthetic(args.show_synthetic)))
        return 0
    if args.show_set:
        print("\n".join(show_set(args.show_set)))
        return 0
    for label, res in fold_scores() + synthetic_scores() + set_scores(sets):
        print(_fmt(label, res))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
