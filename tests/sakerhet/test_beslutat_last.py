"""Decided things cannot be changed afterwards, not even by an administrator in the admin:
decisions, decided priority rounds, decided commissions and approved yearly follow-ups."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from natverken.models import Beslut
from prioritering.models import Prioriteringsomgang
from tests.conftest import _klient
from uppdrag.models import Uppdrag
from uppfoljning.models import Arsuppfoljning

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def admin(demo):
    return _klient(get_user_model().objects.get(username="admin"))


@pytest.mark.parametrize(
    ("sokvag", "hamta", "falt", "nytt"),
    [
        ("natverken/beslut", lambda: Beslut.objects.first(), "paragraf", "§ 999"),
        (
            "prioritering/prioriteringsomgang",
            lambda: Prioriteringsomgang.objects.get(planeringsar__ar=2027),
            "budgetram_tkr",
            "1",
        ),
        (
            "uppdrag/uppdrag",
            lambda: Uppdrag.objects.filter(status="pagar").first(),
            "budget_tkr",
            "1",
        ),
        (
            "uppfoljning/arsuppfoljning",
            lambda: Arsuppfoljning.objects.get(status="godkand"),
            "sammanfattning",
            "Ändrat i efterhand",
        ),
    ],
)
def test_beslutat_gar_inte_att_andra_eller_ta_bort_i_admin(admin, sokvag, hamta, falt, nytt):
    obj = hamta()
    fore = getattr(obj, falt)
    url = f"/django-admin/{sokvag}/{obj.pk}/change/"
    html = admin.get(url).content.decode()
    assert f'name="{falt}"' not in html  # shown read only, no input
    admin.post(url, {falt: nytt})
    obj.refresh_from_db()
    assert getattr(obj, falt) == fore
    assert (
        admin.post(f"/django-admin/{sokvag}/{obj.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_ej_beslutat_uppdrag_kan_fortfarande_rattas_i_admin(admin):
    utkast = Uppdrag.objects.filter(status="utkast").first()
    assert (
        'name="budget_tkr"'
        in admin.get(f"/django-admin/uppdrag/uppdrag/{utkast.pk}/change/").content.decode()
    )
