"""Tried as a new user would: each demo role signs in and reads the Doha/Istanbul agreement."""

from __future__ import annotations

import pytest

from ceasefire.demo import scenario

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = [
    "admin",
    "mediator.qatar",
    "mediator.turkiye",
    "liaison.pakistan",
    "liaison.afghanistan",
    "monitor",
    "analyst",
]


@pytest.fixture
def demo(transactional_db):
    return scenario.load()


def _sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(scenario.DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


@pytest.mark.parametrize("username", ROLES)
def test_each_role_signs_in_and_reads_the_agreement(demo, page, live_server, username):
    _sign_in(page, live_server, username)
    assert (
        username.split(".")[0] in page.locator("header .who").inner_text().lower()
        or demo[username].full_name in page.locator("header .who").inner_text()
    )
    page.get_by_role("link", name="Agreements").click()
    page.get_by_role("link", name=scenario.DOHA).click()
    assert page.locator("h1").inner_text() == scenario.DOHA
    assert page.locator("#agreement-status").inner_text() == "in force"
    clauses = page.locator(".clause")
    assert clauses.count() == 6
    afghan = page.locator("#clause-4 .obligation")
    assert "AFG" in afghan.inner_text() and "Hideouts dismantled" in afghan.inner_text()
    assert "PAK" in page.locator("#clause-5 .obligation").inner_text()
    timeline = page.locator(".timeline").inner_text()
    assert (
        "Istanbul round I" in timeline
        and "Mechanism agreed" in timeline
        and "Istanbul round II" in timeline
    )
    page.get_by_role("link", name="v1").click()
    assert "(superseded)" in page.locator("#versions").inner_text()
    assert page.locator(".clause").count() == 3


def test_a_mediator_amends_the_agreement_in_the_browser(demo, page, live_server, tmp_path):
    _sign_in(page, live_server, "mediator.turkiye")
    page.goto(f"{live_server.url}/agreements/")
    page.get_by_role("link", name=scenario.DOHA).click()
    page.get_by_role("link", name="Amend (new version)").click()
    page.get_by_label("Change note").fill("Modalities of the mechanism")
    clauses = page.get_by_label("Clauses")
    clauses.fill(
        clauses.input_value()
        + "## 7 Modalities\n- ALL procedural: Joint verification team meets weekly\n"
    )
    page.get_by_role("button", name="Adopt the new version").click()
    assert "Version 3 adopted." in page.locator(".messages").inner_text()
    assert page.locator("#clause-7").count() == 1
    page.screenshot(path=str(tmp_path / "agreement.png"), full_page=True)
