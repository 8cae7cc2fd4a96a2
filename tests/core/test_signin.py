"""The sign-in throttle counts per account and per client, reads the client through trusted
proxies only, and tells an account's owner when guesses from many places pause it."""

from __future__ import annotations

import ipaddress
from datetime import timedelta

import pytest
import time_machine
from django.test import RequestFactory
from django.utils import timezone

from heard.core import signin
from heard.core.clients import client_address
from heard.core.models import AuditEvent, SignInFailure
from heard.notify.models import Message
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
PROXY = "10.0.0.5"
LOCKED = "Too many failed attempts. Wait 15 minutes, then try again."


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.fixture
def behind_proxy(settings):
    settings.HEARD_TRUSTED_PROXY_NETWORKS = [
        ipaddress.ip_network(PROXY),
        ipaddress.ip_network("2001:db8::/32"),
    ]


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        # A trusted proxy: the rightmost address that is not a trusted proxy.
        (PROXY, "198.51.100.7", "198.51.100.7"),
        (PROXY, "1.2.3.4, 198.51.100.7", "198.51.100.7"),  # the client wrote 1.2.3.4 itself
        (PROXY, "198.51.100.7, 10.0.0.5", "198.51.100.7"),  # two proxies in a row
        (PROXY, "198.51.100.7:51234", "198.51.100.7"),
        (PROXY, "[2001:db9::1]:443", "2001:db9::1"),
        (PROXY, "", PROXY),  # no header: the proxy is all we know
        (PROXY, "not-an-address, 198.51.100.7", "198.51.100.7"),
        (PROXY, "198.51.100.7, junk", PROXY),  # garbled on the right: trust nothing left of it
        # Not a trusted proxy: its header is the client's own writing, ignored.
        ("203.0.113.9", "198.51.100.7", "203.0.113.9"),
        ("::ffff:203.0.113.9", None, "203.0.113.9"),
    ],
)
def test_the_client_is_read_through_trusted_proxies_only(behind_proxy, remote, forwarded, client):
    assert client_address(_request(remote, forwarded)) == client


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.HEARD_TRUSTED_PROXY_NETWORKS = []
    assert client_address(_request(PROXY, "198.51.100.7")) == PROXY


def _fail(client, username: str, address: str) -> str:
    page = client.post(
        "/en/staff/login/",
        {"username": username, "password": "wrong guess"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )
    return page.content.decode()


def _sign_in(client, username: str, address: str):
    return client.post(
        "/en/staff/login/",
        {"username": username, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.mark.slow
@pytest.mark.django_db
def test_behind_the_proxy_one_client_s_failures_do_not_lock_out_the_others(client, behind_proxy):
    UserFactory(username="ana", email="ana@example.org")
    for n in range(signin.FAILURES_PER_CLIENT):
        _fail(client, f"nobody{n}", "198.51.100.7")  # one client tries many accounts
    assert LOCKED in _fail(client, "ana", "198.51.100.7")
    # Everyone else comes through the same proxy, and is not locked out.
    assert _sign_in(client, "ana", "198.51.100.8").status_code == 302


@pytest.mark.django_db
def test_guesses_from_many_clients_pause_the_account_and_tell_its_owner(client, behind_proxy):
    owner = UserFactory(username="ana", email="ana@example.org")
    for n in range(signin.FAILURES_PER_ACCOUNT):
        assert LOCKED not in _fail(client, "ana", f"198.51.100.{n + 1}")
    # Paused for every client, the right password too, until the window has passed.
    assert LOCKED in _sign_in(client, "ana", "203.0.113.50").content.decode()
    [message] = Message.objects.filter(kind="signin-locked")
    assert message.recipient == "ana@example.org" and message.scope == f"staff:{owner.pk}"
    assert "10 times" in message.payload and "10 fois" in message.payload
    assert "198.51.100" not in message.payload  # no address in the email either
    [event] = AuditEvent.objects.filter(action="signin.paused")
    assert event.target_id == str(owner.pk) and event.changes == {"failures": 10, "minutes": 15}
    _fail(client, "ana", "198.51.100.99")
    assert Message.objects.filter(kind="signin-locked").count() == 1  # once per window
    # Only keyed hashes are kept: neither the username nor an address.
    stored = list(SignInFailure.objects.values_list("pair", "account", "address"))
    assert not any("ana" in v or "198.51" in v for row in stored for v in row)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert _sign_in(client, "ana", "203.0.113.50").status_code == 302


@pytest.mark.django_db
def test_one_client_guessing_one_account_is_paused_alone(client, behind_proxy):
    UserFactory(username="ana", email="ana@example.org")
    for _ in range(signin.FAILURES_PER_CLIENT_ACCOUNT):
        _fail(client, "ana", "198.51.100.7")
    assert LOCKED in _sign_in(client, "ana", "198.51.100.7").content.decode()
    assert _sign_in(client, "ana", "198.51.100.8").status_code == 302
    assert not Message.objects.filter(kind="signin-locked").exists()
