"""The demo region's commissions: every state, a dialogue thread, a decided commission later
changed into a second version with its reason, and one decision not to commission; and the
pages show them."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.conftest import _klient
from uppdrag import adressera, versioner
from uppdrag.models import Avstaende, Uppdrag

pytestmark = pytest.mark.django_db


def _som(anvandarnamn: str):
    return _klient(get_user_model().objects.get(username=anvandarnamn))


def test_uppdrag_i_varje_status(demo):
    assert set(Uppdrag.objects.values_list("status", flat=True)) == set(Uppdrag.Status.values)


def test_dialog_med_kommentarer_fran_bada_hall(demo):
    uppdrag = Uppdrag.objects.get(status="dialog")
    roller = list(uppdrag.kommentarer.values_list("roll", flat=True))
    assert len(roller) >= 2 and {"utforare", "tjansteperson"} <= set(roller)
    html = _som("utforare").get(f"/uppdrag/{uppdrag.pk}/").content.decode()
    assert "Sara Berg</strong>, Primärvården Region Exempel" in html
    assert "Publicera kommentaren" in html


def test_beslutat_uppdrag_med_andra_version_och_skal(demo):
    uppdrag = Uppdrag.objects.get(versionsnummer=2)
    assert uppdrag.status == "pagar" and uppdrag.andringsskal
    forsta, andra = versioner.versioner(uppdrag)
    assert forsta.post.beslut_id == uppdrag.beslut_id
    assert forsta.datum < andra.datum  # dated in the story, not when the demo was built
    assert [a.falt for a in andra.andringar] == ["Budget (tkr)"]
    assert [m.andringar[0].falt for m in andra.malandringar] == ["Måldatum"]
    html = _som("fortroendevald").get(f"/uppdrag/{uppdrag.pk}/versioner/").content.decode()
    assert "tilläggsanslag på 1\xa0500 tkr" in html


def test_ett_beslut_att_avsta_och_inget_saknas(demo):
    avstaende = Avstaende.objects.get()
    omgang = avstaende.objekt.omgang
    assert avstaende.objekt.placering <= omgang.ovre_del_antal and avstaende.beslut is not None
    for ar in (2025, 2026, 2027):
        assert adressera.antal_saknas(omgang.planeringsar.__class__.objects.get(ar=ar)) == 0
    html = _som("tjansteperson").get("/uppdrag/adressera-eller-forklara/?ar=2027").content.decode()
    assert "Avstår" in html and avstaende.motivering[:40] in html


def test_historiken_sager_vem(demo):
    uppdrag = Uppdrag.objects.filter(status="beslutad").first()
    beslutspost = uppdrag.history.filter(status="beslutad").earliest()
    assert beslutspost.history_user.username == "fortroendevald"
    assert beslutspost.history_date.date() == uppdrag.beslut.datum


def test_utforaren_ser_inte_utkastet(demo):
    utkast = Uppdrag.objects.get(status="utkast")
    assert _som("utforare").get(f"/uppdrag/{utkast.pk}/").status_code == 404
    assert _som("utforare2").get(f"/uppdrag/{utkast.pk}/").status_code == 404
    assert _som("tjansteperson").get(f"/uppdrag/{utkast.pk}/").status_code == 200


def test_andra_korningen_skriver_ingen_historik(demo):
    from django.apps import apps

    def antal() -> dict:
        return {
            m._meta.label: m.objects.count() for m in apps.get_app_config("uppdrag").get_models()
        }

    fore = antal()
    call_command("demo", stdout=io.StringIO())
    assert antal() == fore
