from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from behov.models import Behovsgrupp, Indikator, Matvarde
from natverken.models import Omrade

pytestmark = pytest.mark.django_db


def test_tjansteperson_skapar_indikator(klient_tjp):
    svar = klient_tjp.post(
        "/behov/indikatorer/ny/",
        {
            "kod": "N1",
            "namn": "Självskattad hälsa",
            "enhet": "%",
            "decimaler": "1",
            "polaritet": "hogre_battre",
            "kalla": "FHM",
            "kanda_brister": "Bortfall",
        },
    )
    ind = Indikator.objects.get()
    assert svar["Location"] == f"/behov/indikatorer/{ind.pk}/"
    assert ind.history.latest().history_type == "+"


def test_forvaldtroende_ser_men_skapar_inte_indikator(klient_fv):
    assert klient_fv.get("/behov/indikatorer/").status_code == 200
    assert klient_fv.post("/behov/indikatorer/ny/", {"kod": "X"}).status_code == 403
    assert not Indikator.objects.exists()


def test_katalogen_filtrerar_pa_sokord_och_riktning(klient_tjp):
    Indikator.objects.create(kod="A", namn="Rökning", enhet="%", polaritet="lagre_battre")
    Indikator.objects.create(kod="B", namn="Fysisk aktivitet", enhet="%", polaritet="hogre_battre")
    html = klient_tjp.get("/behov/indikatorer/?q=rök").content.decode()
    assert "Rökning" in html and "Fysisk aktivitet" not in html
    html = klient_tjp.get("/behov/indikatorer/?polaritet=hogre_battre").content.decode()
    assert "Fysisk aktivitet" in html and "Rökning" not in html


def _katalog(n: int) -> None:
    Indikator.objects.bulk_create(
        Indikator(kod=f"K{i:04d}", namn=f"Indikator {i:04d}", enhet="%", polaritet="lagre_battre")
        for i in range(n)
    )


def test_katalogen_visar_hundra_i_taget_med_filtret_kvar(klient_tjp):
    _katalog(230)
    html = klient_tjp.get("/behov/indikatorer/?q=indikator").content.decode()
    assert "230 indikatorer, visar 1–100" in html
    assert "Indikator 0099" in html and "Indikator 0100" not in html
    assert "Sida 1 av 3" in html
    assert 'href="?q=indikator&amp;sida=2" rel="next"' in html
    html = klient_tjp.get("/behov/indikatorer/?q=indikator&sida=3").content.decode()
    assert "visar 201–230" in html and "Indikator 0229" in html
    assert 'href="?q=indikator&amp;sida=2" rel="prev"' in html and 'rel="next"' not in html
    # A page number that doesn't exist shows the last page, never an error.
    assert "Sida 3 av 3" in klient_tjp.get("/behov/indikatorer/?sida=99").content.decode()


def test_katalogen_kostar_lika_manga_fragor_och_rader_oavsett_storlek(klient_tjp):
    def matt() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            html = klient_tjp.get("/behov/indikatorer/").content.decode()
        return len(ctx), html.count("<tr>")

    _katalog(20)
    klient_tjp.get("/behov/indikatorer/")
    fragor, _ = matt()
    Indikator.objects.bulk_create(
        Indikator(kod=f"L{i:04d}", namn=f"Fler {i:04d}", enhet="%", polaritet="lagre_battre")
        for i in range(400)
    )
    assert matt() == (fragor, 101)  # the header row and a hundred indicators


def test_indikatorsidan_visar_diagram_och_sager_nar_punkterna_ar_for_fa(klient_tjp):
    ind = Indikator.objects.create(kod="A", namn="Rökning", enhet="%", polaritet="lagre_battre")
    dalarna = Omrade.objects.get(scb_kod="20")
    for ar in (2024, 2025):
        Matvarde.objects.create(
            indikator=ind,
            omrade=dalarna,
            period_start=dt.date(ar, 1, 1),
            period_slut=dt.date(ar, 12, 31),
            period=str(ar),
            varde=10.0,
        )
    html = klient_tjp.get(f"/behov/indikatorer/{ind.pk}/").content.decode()
    assert "Rökning – Region Dalarna över tid" in html
    assert "För få mätpunkter (2)" in html
    assert 'data-diagram="trend"' in html and "Visa uppgifterna som tabell" in html


def test_behovsgrupp_skapas_arkiveras_och_fel_alder_ger_fel(klient_tjp):
    svar = klient_tjp.post(
        "/behov/grupper/ny/",
        {
            "namn": "Unga",
            "slag": "befolkningsgrupp",
            "kon": "T",
            "alder_fran": "24",
            "alder_till": "13",
        },
    )
    assert svar.status_code == 200 and "kan inte vara lägre" in svar.content.decode()
    assert not Behovsgrupp.objects.exists()
    klient_tjp.post(
        "/behov/grupper/ny/",
        {
            "namn": "Unga",
            "slag": "befolkningsgrupp",
            "kon": "T",
            "alder_fran": "13",
            "alder_till": "24",
        },
    )
    grupp = Behovsgrupp.objects.get()
    klient_tjp.post(f"/behov/grupper/{grupp.pk}/arkivera/")
    grupp.refresh_from_db()
    assert grupp.arkiverad
    assert "<strong>Unga</strong>" not in klient_tjp.get("/behov/grupper/").content.decode()
    assert (
        "<strong>Unga</strong>" in klient_tjp.get("/behov/grupper/?arkiverade=1").content.decode()
    )
