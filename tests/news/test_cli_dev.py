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
