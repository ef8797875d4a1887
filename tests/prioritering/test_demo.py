"""The demo region's prioritisation: a round in each state (open, decided, revised), and a
second run of `manage.py demo` that writes nothing, not even history."""

from __future__ import annotations

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from prioritering.models import Prioriteringsomgang
from prioritering.underlag import objekt_for, samlad_for

pytestmark = pytest.mark.django_db
S = Prioriteringsomgang.Status


def _historik() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count()
        for app in ("natverken", "behov", "prioritering", "uppdrag", "uppfoljning")
        for m in apps.get_app_config(app).get_models()
        if m._meta.label.split(".")[1].startswith("Historical")
    }


def test_andra_korningen_skriver_ingen_historik(demo):
    fore = _historik()
    call_command("demo", stdout=io.StringIO())
    assert _historik() == fore


def test_varje_tillstand_finns(demo):
    statusar = {
        (o.planeringsar.ar, o.revision): o.status for o in Prioriteringsomgang.objects.all()
    }
    assert statusar == {
        (2025, 1): S.BESLUTAD,
        (2026, 1): S.ERSATT,
        (2026, 2): S.BESLUTAD,
        (2027, 1): S.BESLUTAD,
        (2028, 1): S.RANGORDNING,
    }


def test_den_oppna_omgangen_har_rangordningar_med_oenighet(demo):
    oppen = Prioriteringsomgang.objects.get(status=S.RANGORDNING)
    objekt = objekt_for(oppen)
    samlad = samlad_for(oppen, objekt)
    assert samlad.antal_rangordningar == 5 and samlad.antal_delade == 2
    assert {r.oenighet for r in samlad.rader} >= {"Stor oenighet", "Viss oenighet"}
    # The demo users have not ranked: they can try it.
    assert not oppen.rangordningar.filter(ledamot__anvandare__isnull=False).exists()
    # Every need has data and an assessment; one departs from the model without a reason.
    assert all(o.har_indikatordata and o.bedomning_eller_none for o in objekt)
    assert [v for o in objekt for v in o.varningar] == [
        "Prioritetsgraden 4 avviker från förslaget 5 utan skriftlig motivering."
    ]


def test_beslutade_omgangar_foljer_modellen_eller_motiverar(demo):
    for omgang in Prioriteringsomgang.objects.filter(status=S.BESLUTAD):
        for o in objekt_for(omgang):
            assert o.varningar == [], (omgang, o, o.varningar)
            assert o.motivering and o.princip and o.atgardskostnad_tkr


def test_demoanvandaren_kan_rangordna_den_oppna_omgangen(demo):
    from django.contrib.auth import get_user_model

    from tests.conftest import _klient

    oppen = Prioriteringsomgang.objects.get(status=S.RANGORDNING)
    klient = _klient(get_user_model().objects.get(username="fortroendevald"))
    html = klient.get(f"/prioritering/omgang/{oppen.pk}/").content.decode()
    assert "Du har inte rangordnat behoven ännu." in html
    assert klient.get(f"/prioritering/omgang/{oppen.pk}/rangordna/").status_code == 200
    assert (
        "Inga beslutade prioriteringar för 2028"
        in Client().get("/offentligt/?ar=2028").content.decode()
    )
