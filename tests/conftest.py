"""Persona users (one per role, two providers) and logged-in clients."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from natverken.models import Roll
from tests import factories


@pytest.fixture(autouse=True)
def _referensdata_efter_flush(request):
    """A transactional test (browser tests, the worker) ends with a flush, which empties the
    tables a data migration filled (Sweden's areas); post_migrate restores roles and
    permissions but not those. Reload them for the next transactional test."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        from django.contrib.auth.models import Group
        from django.core.management.sql import emit_post_migrate_signal

        from natverken.models import Omrade
        from natverken.services import las_in_omraden

        if not Group.objects.exists():
            # Content types, permissions and role groups (post_migrate is skipped after a
            # serialized rollback's flush).
            emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
        if not Omrade.objects.filter(fiktiv=False).exists():
            las_in_omraden()


@pytest.fixture
def utforare_a(db):
    return factories.utforare("Vårdcentralen Norr")


@pytest.fixture
def utforare_b(db):
    return factories.utforare("Psykiatrin Syd")


@pytest.fixture
def tjansteperson(db):
    return factories.anvandare("tjansteperson", Roll.TJANSTEPERSON)


@pytest.fixture
def fortroendevald(db):
    return factories.anvandare("fortroendevald", Roll.FORTROENDEVALD)


@pytest.fixture
def utforare_anvandare(utforare_a):
    return factories.anvandare("utforare", Roll.UTFORARE, utforare=utforare_a)


@pytest.fixture
def utforare_b_anvandare(utforare_b):
    return factories.anvandare("utforare_b", Roll.UTFORARE, utforare=utforare_b)


@pytest.fixture
def admin_anvandare(db):
    return factories.anvandare("administrator", Roll.ADMIN)


def _klient(user) -> Client:
    klient = Client()
    klient.force_login(user)
    return klient


@pytest.fixture
def klient_tjp(tjansteperson):
    return _klient(tjansteperson)


@pytest.fixture
def klient_fv(fortroendevald):
    return _klient(fortroendevald)


@pytest.fixture
def klient_utf(utforare_anvandare):
    return _klient(utforare_anvandare)


@pytest.fixture
def klient_admin(admin_anvandare):
    return _klient(admin_anvandare)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo region (`manage.py demo`), built once per test module inside a transaction
    that is rolled back afterwards, so the other modules see the database as migrations left
    it. Each test's own transaction is rolled back inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
