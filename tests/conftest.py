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
