"""Lets `pytest -p no:django tests/news` run: the news extractor needs no database.

The project's pytest configuration names a Django settings module, and the root conftest
reads Django settings while collecting. With the Django plugin switched off, pytest rejects
the unknown ini key (warnings are errors here) and Django has no settings. Only in that
case, this conftest declares the key and gives Django a minimal in-memory configuration so
the root hook can read it; under pytest-django it does nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

#: The shared news-dev set; tests that need it skip when it is not on the machine.
DEV_DIR = Path(os.environ.get("CEASEFIRE_NEWS_DEV", "/work/shared/data/news-dev"))

_KEY = "DJANGO_SETTINGS_MODULE"


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    if not pluginmanager.has_plugin("django"):
        parser.addini(_KEY, "declared by tests/news/conftest.py when pytest-django is off")


def pytest_configure(config: pytest.Config) -> None:
    if config.pluginmanager.has_plugin("django") or os.environ.get(_KEY):
        return
    try:
        from django.conf import settings
    except ImportError:  # pragma: no cover - Django is a project dependency
        return
    if not settings.configured:
        settings.configure(
            DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
        )


@pytest.fixture(scope="session")
def dev_articles() -> list[dict[str, Any]]:
    """The news-dev articles (skips when the shared data set is absent)."""
    path = DEV_DIR / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"news-dev set not found at {path} (set CEASEFIRE_NEWS_DEV)")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
