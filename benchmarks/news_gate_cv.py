"""Would a learned foreground gate beat the extractor's own background/aggregate flags?

An experiment, not part of the extractor: each candidate incident the extractor proposes
gets a small feature set (its background and aggregate flags, type, how its day was found,
the day's age, its position in the article, its toll, how precise its places are, and the
words of its supporting sentence); a logistic regression learns from the annotated
evaluation folders whether the candidate is a foreground incident of the gold (a loose
match: same article, overlapping place). Each folder is scored by a model trained on the
others only (leave one folder out), then `score.py` scores the gated predictions. Pure
Python, no model leaves this script.

    .venv/bin/python benchmarks/news_gate_cv.py DIR [DIR ...] [--unseen DIR ...]

With `--unseen`, a model trained on every DIR also gates those folders, which are scored
in aggregate only (sealed held-out sets). Each DIR holds `articles.jsonl` and `gold.jsonl`
(the dev set's layout). The figures of round 8 are in docs/news-extraction.md.
"""

from __future__ import annotations

import argparse
import copy
import math
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import news_cv

from ceasefire.news.extract import extract_article, to_json
from ceasefire.news.model import Incident

_WORD = re.compile(r"[a-z]+")
Key = tuple[str, str, int]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    return next((str(e) for e in edges if n <= e), "more")


def features(inc: Incident, article: dict[str, Any], position: int, count: int) -> list[str]:
    """The candidate's features: the rules' own decisions, then the wording around it."""
    text_length = max(1, len(article["text"]))
    found = [
        "bias",
        f"background={inc.is_background}",
        f"aggregate={inc.is_aggregate}",
        f"type={inc.incident_type}",
        "date="
        + ("none" if inc.date is None else "story" if "continues" in inc.date_basis else "own"),
        f"where={_bucket(10 * inc.quote.start // text_length, (0, 1, 2, 4, 6))}",
        f"index={_bucket(position, (0, 1, 2, 4))}",
        f"incidents={_bucket(count, (1, 2, 3, 5))}",
        "toll="
        + ("none" if inc.fatalities_min is None else _bucket(inc.fatalities_min, (0, 2, 9, 99))),
        f"quotes={_bucket(len(inc.extra_quotes), (0, 1, 3))}",
    ]
    kinds = [p.kind for p in inc.matched_places]
    found.append(
        "places="
        + ("none" if not kinds else "country" if set(kinds) == {"country"} else "specific")
    )
    if inc.date and article.get("pub_date"):
        age = (date.fromisoformat(article["pub_date"]) - date.fromisoformat(inc.date)).days
        found.append(f"age={_bucket(age, (-1, 0, 1, 3, 7, 30))}")
    found.extend(f"w={w}" for w in set(_WORD.findall(inc.quote.text.lower())))
    return found


def labels(scorer: Any, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[int]:
    """1 for a candidate that loosely matches a gold foreground incident, in text order."""
    wanted = [g for g in gold if scorer.is_foreground(g)]
    taken: set[int] = set()
    out = []
    for pred in predicted:
        hit = next(
            (i for i, g in enumerate(wanted) if i not in taken and scorer.place_overlap(g, pred)),
            None,
        )
        if hit is not None:
            taken.add(hit)
        out.append(0 if hit is None else 1)
    return out


def train(rows: list[tuple[list[str], int]], l2: float = 1.0) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent; words seen fewer than 3 times
    are left out so that one article's wording cannot decide."""
    seen = Counter(f for fs, _ in rows for f in set(fs))
    kept = {f for f, n in seen.items() if n >= 3 or not f.startswith("w=")}
    weights: dict[str, float] = defaultdict(float)
    order = list(rows)
    rng = random.Random(1)
    for _ in range(60):
        rng.shuffle(order)
        for fs, y in order:
            used = [f for f in fs if f in kept]
            step = _probability(weights, used) - y
            for f in used:
                weights[f] -= 0.2 * (step + l2 * weights[f] / len(order))
    return dict(weights)


def _probability(weights: dict[str, float], fs: list[str]) -> float:
    z = max(-30.0, min(30.0, sum(weights.get(f, 0.0) for f in fs)))
    return 1 / (1 + math.exp(-z))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--unseen", nargs="*", type=Path, default=[])
    args = parser.parse_args(argv)
    scorer = news_cv._scorer()
    seen = _read(scorer, args.folders)
    probability: dict[Key, float] = {}
    for folder in args.folders:
        weights = train([r for k, r in seen.rows.items() if k[0] != folder.name])
        for key, (fs, _) in seen.rows.items():
            if key[0] == folder.name:
                probability[key] = _probability(weights, fs)
    n_rows, n_pos = len(seen.rows), sum(y for _, y in seen.rows.values())
    print(f"{n_rows} candidates, {n_pos} match a gold incident; each folder left out in turn:")
    _report(scorer, seen, probability)
    if args.unseen:
        unseen = _read(scorer, args.unseen)
        weights = train(list(seen.rows.values()))
        print("trained on every folder above, applied to the unseen folders together:")
        _report(
            scorer, unseen, {k: _probability(weights, fs) for k, (fs, _) in unseen.rows.items()}
        )
    return 0


class _Folders:
    """Features and labels of every candidate, with the gold and predictions to score."""

    def __init__(self) -> None:
        self.rows: dict[Key, tuple[list[str], int]] = {}
        self.gold: dict[str, dict[str, Any]] = {}
        self.predicted: dict[str, dict[str, Any]] = {}


def _read(scorer: Any, folders: list[Path]) -> _Folders:
    out = _Folders()
    for folder in folders:
        golds = {g["id"]: g for g in news_cv._load(folder / "gold.jsonl")}
        for article in news_cv._load(folder / "articles.jsonl"):
            found = extract_article(article)
            predicted = to_json(found)
            gold = golds[article["id"]]
            ys = labels(scorer, gold["incidents"], predicted["incidents"])
            for i, (inc, y) in enumerate(zip(found.incidents, ys, strict=True)):
                fs = features(inc, article, i, len(found.incidents))
                out.rows[(folder.name, article["id"], i)] = (fs, y)
            out.gold[f"{folder.name}/{article['id']}"] = gold
            out.predicted[f"{folder.name}/{article['id']}"] = predicted
    return out


def _gated(
    folders: _Folders, probability: dict[Key, float], high: float, low: float
) -> dict[str, dict[str, Any]]:
    preds = copy.deepcopy(folders.predicted)
    for (name, aid, i), p in probability.items():
        inc = preds[f"{name}/{aid}"]["incidents"][i]
        if p > high:
            inc["is_background"] = inc["is_aggregate"] = False
        elif p < low:
            inc["is_background"] = True
    return preds


def _report(scorer: Any, folders: _Folders, probability: dict[Key, float]) -> None:
    for label, preds in [
        ("  rules only", folders.predicted),
        ("  gate decides (0.5)", _gated(folders, probability, 0.5, 0.5)),
        ("  gate decides (0.4)", _gated(folders, probability, 0.4, 0.4)),
        ("  gate overrides the rules when sure (0.9/0.1)", _gated(folders, probability, 0.9, 0.1)),
    ]:
        res = scorer.score(folders.gold, preds)
        print(
            f"{label:48} incident_f1={res['incident_f1']:.3f} loose={res['incident_f1_loose']:.3f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
