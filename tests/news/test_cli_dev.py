"""The CLI end to end on the dev articles: one output line per input line, in order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ceasefire.news.cli import main


def test_cli_on_dev_articles(dev_articles: list[dict[str, object]], tmp_path: Path) -> None:
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in dev_articles), "utf-8")
    dst = tmp_path / "predictions.jsonl"
    assert main(["extract", "--in", str(src), "--out", str(dst)]) == 0
    lines = [json.loads(x) for x in dst.read_text("utf-8").splitlines()]
    assert [x["id"] for x in lines] == [a["id"] for a in dev_articles]
    assert all("error" not in x for x in lines)


def test_cli_as_a_module_with_stdin_and_stdout(tmp_path: Path) -> None:
    article = {
        "id": "s",
        "text": "A suicide bomber killed 4 people in Quetta on Friday.",
        "pub_date": "2025-10-25",
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ceasefire.news.cli",
            "extract",
            "--in",
            "-",
            "--out",
            "-",
            "--group",
        ],
        input=json.dumps(article) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(out) == 1 and out[0]["incidents"][0]["fatalities_min"] == 4
    assert "grouping:" in proc.stderr


def test_groups_file_gives_each_sources_claims_side_by_side(tmp_path) -> None:
    articles = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "thenews",
            "text": "ISLAMABAD: A suicide bomber struck an imambargah in Islamabad on Friday, "
            "killing at least 32 people. Pakistan and Afghanistan agreed to a ceasefire on "
            "Friday.",
            "pub_date": "2026-02-07",
        },
        {
            "id": "other",
            "text": "At least 36 people were killed when a suicide bomber struck an imambargah "
            "in Islamabad on Friday. Afghanistan and Pakistan agreed to a ceasefire on Friday.",
            "pub_date": "2026-02-07",
        },
    ]
    articles.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    groups_path = tmp_path / "groups.jsonl"
    cli = [sys.executable, "-m", "ceasefire.news.cli", "extract", "--in", str(articles)]
    proc = subprocess.run(
        [*cli, "--out", str(tmp_path / "out.jsonl"), "--groups", str(groups_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "grouping:" not in proc.stderr  # the summary is --group's
    groups = [json.loads(line) for line in groups_path.read_text().splitlines()]
    (bombing,) = [g for g in groups if g["group"] == "incident" and len(g["sources"]) == 2]
    assert bombing["sources"] == ["thenews", "other"]
    assert sorted(c["killed"] for c in bombing["casualty_claims"]) == [32, 36]
    assert {c["source"].split(":")[0] for c in bombing["casualty_claims"]} == {"thenews", "other"}
    assert (bombing["fatalities_min"], bombing["fatalities_max"]) == (32, 36)
    assert bombing["fatalities_qualifier"] == "conflicting_claims"
    assert [m["id"] for m in bombing["members"]] == ["thenews", "other"]
    truce = [g for g in groups if g["group"] == "agreement_event"]
    assert [(g["kind"], g["sources"]) for g in truce] == [
        ("ceasefire_declared", ["thenews", "other"])
    ]
    unwritable = subprocess.run(
        [*cli, "--out", "-", "--groups", str(tmp_path / "missing" / "groups.jsonl")],
        capture_output=True,
        text=True,
    )
    assert unwritable.returncode == 2 and "cannot write" in unwritable.stderr
