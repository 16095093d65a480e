"""Playwright driving Debian's Chromium against the live test server."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The sync Playwright loop and the live server's ORM calls share this process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make browser-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Clear the shared cache (the public form's rate-limit counts) before each browser test:
    transactional tests flush model tables, not the cache table."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from django.core.cache import cache

        request.getfixturevalue("transactional_db")
        cache.clear()


def sign_in(page, live_server, username):
    """Start a fresh session and sign in as a demo user through the login page."""
    from ceasefire.demo import scenario

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(scenario.DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


@pytest.fixture
def signed_in(page, live_server):
    """`signed_in(username)` signs the page in as that demo user."""
    return lambda username: sign_in(page, live_server, username)
