"""Shared fixtures: state is set up by calling services (the demo scenario), never raw rows."""

from __future__ import annotations

import pytest


@pytest.fixture
def people(db):
    """The demo organisations and one user per role, created through the account services."""
    from ceasefire.demo import scenario

    return scenario.load_people()


@pytest.fixture
def doha(people):
    """The Doha ceasefire with its Istanbul amendment, rounds and timeline."""
    from ceasefire.agreements.models import Agreement
    from ceasefire.demo import scenario

    scenario.load_doha(people)
    return Agreement.objects.get(title=scenario.DOHA)


@pytest.fixture
def api(client):
    """A JSON API client; `api.as_user(user)` signs it in."""
    from rest_framework.test import APIClient

    class Api(APIClient):
        def as_user(self, user):
            self.force_login(user)
            return self

    return Api()


def pytest_collection_modifyitems(config, items):
    """Run `postgres` tests only against a real PostgreSQL server."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL (set CEASEFIRE_DATABASE_URL; see make test-postgres)"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def unchanged(db):
    """Assert that a block leaves every table and the log exactly as they were."""
    from contextlib import contextmanager

    from django.apps import apps

    def snapshot():
        return {
            model._meta.label: model.objects.count()
            for model in apps.get_models()
            if model._meta.app_label in {"accounts", "agreements", "ledger"}
        }

    @contextmanager
    def check():
        before = snapshot()
        yield
        assert snapshot() == before

    return check


@pytest.fixture
def offline():
    """Run `ceasefire …` in a fresh interpreter where Django cannot be imported at all."""
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['django'] = None; "
        "from ceasefire.cli import main; raise SystemExit(main(sys.argv[1:]))"
    )

    def run(*arguments, cwd):
        return subprocess.run(
            [sys.executable, "-c", script, *map(str, arguments)],
            capture_output=True,
            text=True,
            cwd=cwd,
            check=False,
        )

    return run
