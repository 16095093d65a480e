"""Account services: each write is one log entry; refusals change nothing."""

from __future__ import annotations

import json

import pytest

from ceasefire.accounts import services
from ceasefire.accounts.models import ApiToken, Organisation, User
from ceasefire.domain.errors import Conflict, InvalidInput, NotPermitted
from ceasefire.domain.policy import OrganisationKind, Role
from ceasefire.ledger.models import LogEntry

PASSWORD = "a-long-unusual-passphrase-42"


def _last_entry():
    entry = LogEntry.objects.order_by("-index").first()
    return entry, json.loads(bytes(entry.leaf))


def test_register_organisation_logs_it(people):
    admin = people["admin"]
    org = services.register_organisation(
        actor=admin, code="IND", name="India", kind=OrganisationKind.PARTY
    )
    entry, leaf = _last_entry()
    assert (entry.kind, entry.subject, entry.actor) == (
        "organisation.registered",
        f"organisation:{org.pk}",
        f"user:{admin.pk}",
    )
    assert leaf["payload"] == {"code": "IND", "name": "India", "kind": "party"}


def test_register_user_logs_no_password(people):
    pak = Organisation.objects.get(code="PAK")
    user = services.register_user(
        actor=people["admin"],
        username="liaison2",
        full_name="Second",
        email="",
        organisation=pak,
        role=Role.LIAISON_OFFICER,
        password=PASSWORD,
    )
    entry, leaf = _last_entry()
    assert entry.kind == "user.registered"
    assert leaf["payload"] == {
        "username": "liaison2",
        "organisation": "PAK",
        "role": "liaison_officer",
    }
    assert PASSWORD not in bytes(entry.leaf).decode()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"username": "AB"}, InvalidInput, "username must be"),
        ({"username": "monitor"}, Conflict, "is taken"),
        ({"role": Role.MEDIATOR}, InvalidInput, "a mediator cannot belong to a party organisation"),
        ({"role": Role.PUBLIC}, InvalidInput, "cannot belong"),
        ({"password": "123"}, InvalidInput, "too short"),
    ],
)
def test_register_user_refusals_change_nothing(people, unchanged, changes, error, message):
    kwargs = {
        "username": "newuser",
        "full_name": "",
        "email": "",
        "organisation": Organisation.objects.get(code="PAK"),
        "role": Role.LIAISON_OFFICER,
        "password": PASSWORD,
    } | changes
    with unchanged(), pytest.raises(error, match=message):
        services.register_user(actor=people["admin"], **kwargs)


@pytest.mark.parametrize("username", ["mediator.qatar", "liaison.pakistan", "monitor", "analyst"])
def test_only_administrators_manage_accounts(people, unchanged, username):
    with unchanged(), pytest.raises(NotPermitted):
        services.register_organisation(
            actor=people[username], code="IND", name="India", kind=OrganisationKind.PARTY
        )


def test_change_role_checks_the_organisation_and_logs_both_roles(people):
    monitor = people["monitor"]
    changed = services.change_role(actor=people["admin"], user=monitor, role=Role.ANALYST)
    assert changed.role == "analyst"
    _, leaf = _last_entry()
    assert leaf["payload"] == {"from": "monitor", "to": "analyst"}
    with pytest.raises(InvalidInput):
        services.change_role(actor=people["admin"], user=monitor, role=Role.MEDIATOR)
    with pytest.raises(NotPermitted, match="own role"):
        services.change_role(actor=people["admin"], user=people["admin"], role=Role.ANALYST)


def test_reset_password_and_deactivate(people):
    admin, analyst = people["admin"], people["analyst"]
    services.reset_password(actor=admin, user=analyst, new_password=PASSWORD)
    analyst.refresh_from_db()
    assert analyst.check_password(PASSWORD)
    entry, leaf = _last_entry()
    assert (entry.kind, leaf["payload"]) == ("user.password_reset", {})
    services.deactivate_user(actor=admin, user=analyst)
    analyst.refresh_from_db()
    assert not analyst.is_active
    assert analyst.as_actor().role is Role.PUBLIC
    with pytest.raises(Conflict):
        services.deactivate_user(actor=admin, user=analyst)
    with pytest.raises(NotPermitted):
        services.deactivate_user(actor=admin, user=admin)


def test_tokens_store_only_a_hash_and_can_be_revoked(people):
    monitor = people["monitor"]
    token, secret = services.issue_api_token(actor=monitor, name="scripts")
    assert secret.startswith("cf_")
    assert token.key_hash == services.hash_token(secret)
    assert secret not in bytes(_last_entry()[0].leaf).decode()
    with pytest.raises(NotPermitted):
        services.revoke_api_token(actor=people["analyst"], token=token)
    services.revoke_api_token(actor=monitor, token=token)
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    with pytest.raises(Conflict):
        services.revoke_api_token(actor=monitor, token=token)


def test_bootstrap_only_on_an_empty_platform(people):
    with pytest.raises(NotPermitted, match="exists already"):
        services.bootstrap_administrator(username="root2", password=PASSWORD)
    assert User.objects.filter(role="administrator").count() == 1
