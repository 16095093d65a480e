"""Garbage in gives a clear result: empty candidates or an error, never a crash."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from ceasefire.news.cli import main, process_line
from ceasefire.news.extract import extract_article

URDU = (
    "اسلام آباد: شمالی وزیرستان میں سیکیورٹی فورسز کی کارروائی میں پانچ دہشت گرد ہلاک ہوگئے، "
    "آئی ایس پی آر کے مطابق جھڑپ میں دو جوان شہید ہوئے۔"
)


def test_empty_text_gives_no_candidates() -> None:
    result = extract_article({"id": "e", "text": "", "pub_date": "2025-10-25"})
    assert result.error is None
    assert (result.incidents, result.agreement_events, result.obligations) == ((), (), ())


def test_missing_text_is_an_error_not_an_exception() -> None:
    result = extract_article({"id": "m"})
    assert result.error is not None and "text" in result.error
    assert result.id == "m" and result.incidents == ()


@pytest.mark.parametrize("value", [None, 42, ["a"], {"x": 1}, b"bytes"])
def test_non_string_text_is_an_error(value: object) -> None:
    result = extract_article({"id": "n", "text": value})
    assert result.error is not None


def test_missing_id_and_dates_are_tolerated() -> None:
    result = extract_article({"text": "Militants attacked a police post in Bannu, killing two."})
    assert result.id is None and result.error is None
    assert any("publication date" in w for w in result.warnings)


@pytest.mark.parametrize("pub", [None, "", "yesterday", "2025-13-45", 20251025, "2025-10-25T08:00"])
def test_bad_or_null_pub_date(pub: object) -> None:
    result = extract_article(
        {"id": "p", "text": "On Friday a blast killed 3 in Quetta.", "pub_date": pub}
    )
    assert result.error is None
    for inc in result.incidents:
        assert inc.date is None or inc.date.startswith("2025-10")


def test_binary_bytes_decoded_with_errors() -> None:
    raw = os.urandom(20_000) + b"\xff\xfe killed 5 in Kabul \x00\x81"
    text = raw.decode("utf-8", errors="replace")
    result = extract_article({"id": "b", "text": text})
    assert result.error is None
    surrogates = raw.decode("utf-8", errors="surrogateescape")
    assert extract_article({"id": "s", "text": surrogates}).error is None


def test_other_language_gives_no_candidates() -> None:
    result = extract_article({"id": "ur", "text": URDU * 20, "pub_date": "2025-10-25"})
    assert result.error is None
    assert result.incidents == () and result.agreement_events == ()


def _news_body(size: int) -> str:
    para = (
        "ISLAMABAD: Security forces killed five militants in an exchange of fire in North "
        "Waziristan on Friday, the ISPR said. Two soldiers were martyred. Talks between the two "
        "sides will be held in Istanbul next week, officials said.\n"
        "The weather was mild and markets were open as usual across the province; residents "
        "said schools had reopened after the holidays and traffic was normal.\n"
    )
    return (para * (size // len(para) + 1))[:size]


def test_five_megabytes_finish_in_reasonable_time() -> None:
    text = _news_body(5_000_000)
    started = time.perf_counter()
    result = extract_article({"id": "big", "text": text, "pub_date": "2025-10-25"})
    elapsed = time.perf_counter() - started
    assert result.error is None
    assert elapsed < 120, elapsed


def test_time_grows_linearly() -> None:
    def cost(size: int) -> float:
        text = _news_body(size)
        started = time.perf_counter()
        extract_article({"id": "lin", "text": text, "pub_date": "2025-10-25"})
        return time.perf_counter() - started

    small, large = cost(100_000), cost(400_000)
    assert large < 8 * max(small, 0.01), (small, large)


def test_one_line_without_punctuation() -> None:
    text = "killed " * 300_000
    assert extract_article({"id": "w", "text": text}).error is None


@pytest.mark.parametrize(
    ("raw", "expect"),
    [
        (b"", "empty line"),
        (b"{not json", "invalid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"id": "x"}', "text"),
        (b"\xff\xfe\x00garbage", "invalid JSON"),
    ],
)
def test_cli_line_errors(raw: bytes, expect: str) -> None:
    record, result = process_line(raw, 7)
    assert expect in record["error"]
    assert record["line"] == 7 and record["incidents"] == []
    assert result is None or (result.error is not None and result.incidents == ())


def test_cli_keeps_going_after_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = {
        "id": "ok",
        "text": "A suicide bomber killed 4 people in Quetta on Friday.",
        "pub_date": "2025-10-25",
    }
    src.write_bytes(b"not json\n" + json.dumps(good).encode() + b"\n\xff\xfe\n[]\n")
    dst = tmp_path / "out.jsonl"
    rc = main(["extract", "--in", str(src), "--out", str(dst)])
    lines = [json.loads(x) for x in dst.read_text("utf-8").splitlines()]
    assert rc == 1
    assert len(lines) == 4
    assert [("error" in x) for x in lines] == [True, False, True, True]
    assert lines[1]["id"] == "ok" and lines[1]["incidents"]


def test_cli_usage_errors(tmp_path: Path) -> None:
    assert main([]) == 2
    assert (
        main(["extract", "--in", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")])
        == 2
    )
