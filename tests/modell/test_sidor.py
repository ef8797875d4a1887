"""The stage pages show the demo region's chain, each to the roles that may see it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from prioritering.models import Prioriteringsomgang
from tests.conftest import _klient

pytestmark = pytest.mark.django_db


def _som(anvandarnamn: str) -> Client:
    from django.contrib.auth import get_user_model

    return _klient(get_user_model().objects.get(username=anvandarnamn))


def test_behov_visar_halsogap_med_beslutat_mal(demo):
    html = _som("fortroendevald").get("/behov/?ar=2027").content.decode()
    assert "Behov inför budget 2027" in html
    assert "Äldre multisjuka 75+" in html
    assert "Undvikbar slutenvård, per 100 000 invånare" in html
    assert "beslutat, 2030" in html


def test_prioritering_visar_beslutad_ordning_och_reservation(demo):
    html = _som("tjansteperson").get("/prioritering/?ar=2027").content.decode()
    assert "Tidig hjälp för unga med psykisk ohälsa" in html
    assert "Reservation av Maria Sandberg (M)" in html
    assert "Prioritetsgrad" in html


def test_revisionen_syns_med_skal(demo):
    html = _som("tjansteperson").get("/prioritering/?ar=2026").content.decode()
    assert "revision 2" in html and "budgetram för hälso- och sjukvården sänktes" in html


def test_utforare_ser_bara_egna_uppdrag(demo):
    html = _som("utforare").get("/uppdrag/?ar=2026").content.decode()
    assert "Mina uppdrag 2026" in html
    assert "Strukturerad diabetesvård i primärvården 2026" in html
    assert "Första linjen för unga 2026" not in html  # Psykiatrin's, not theirs


def test_utforare_ser_bara_egna_rapporter(demo):
    html = _som("utforare2").get("/uppfoljning/?ar=2026").content.decode()
    assert "Första linjen för unga 2026" in html
    assert "Strukturerad diabetesvård" not in html


def test_uppfoljning_visar_godkand_arsuppfoljning(demo):
    html = _som("fortroendevald").get("/uppfoljning/?ar=2025").content.decode()
    assert "Årsuppföljning 2025" in html and "Godkänd" in html and "§ 28" in html


def test_offentlig_sida_visar_bara_beslutat_och_inget_internt(demo):
    html = Client().get("/offentligt/?ar=2026").content.decode()
    assert "Öppna prioriteringar inför 2026" in html
    assert "Prioritetsgrad" not in html  # internal assessment is not on the public page
    assert html.count("Beslutad ordning") == 1  # only the current revision, not the replaced one
    omgang = Prioriteringsomgang.objects.get(planeringsar__ar=2027)
    omgang.status = Prioriteringsomgang.Status.RANGORDNING
    omgang.beslut = None
    omgang.save()
    html = Client().get("/offentligt/?ar=2027").content.decode()
    assert "Inga beslutade prioriteringar för 2027" in html


def test_startsidan_visar_tre_ar_och_arshjulet(demo):
    html = _som("tjansteperson").get("/").content.decode()
    assert "Budgetår 2025" in html and "Budgetår 2027" in html
    assert "Årshjulet för budget" in html and "Att göra nu" in html


@pytest.mark.parametrize(
    "url",
    [
        "/behov/?ar=2027",
        "/prioritering/?ar=2027",
        "/uppdrag/?ar=2027",
        "/uppfoljning/?ar=2026",
        "/offentligt/?ar=2027",
        "/",
    ],
)
def test_sidorna_har_fast_antal_fragor(demo, url):
    klient = _som("tjansteperson")
    klient.get(url)  # warm the session
    with CaptureQueriesContext(connection) as fragor:
        assert klient.get(url).status_code == 200
    assert len(fragor) <= 25, [q["sql"][:120] for q in fragor.captured_queries]
