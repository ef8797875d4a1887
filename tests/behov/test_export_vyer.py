"""The needs stage's tables download as Excel and CSV with the page's filters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from behov.models import Behovsanalys, Behovsgrupp, Halsogap, Indikator, Matvarde
from natverken.models import Omrade
from tests import factories
from tests.nedladdning import csv_tabell, filnamn, xlsx_rader

pytestmark = pytest.mark.django_db


@pytest.fixture
def indikatorer():
    return [
        Indikator.objects.create(
            kod="A", namn="Rökning", enhet="%", polaritet="lagre_battre", kalla="=Källa"
        ),
        Indikator.objects.create(
            kod="B", namn="Fysisk aktivitet", enhet="%", polaritet="hogre_battre"
        ),
    ]


def _varde(ind, omrade, ar, varde, **extra):
    return Matvarde.objects.create(
        indikator=ind,
        omrade=omrade,
        period_start=dt.date(ar, 1, 1),
        period_slut=dt.date(ar, 12, 31),
        period=str(ar),
        varde=varde,
        **extra,
    )


def test_katalogen_som_excel_har_urvalet(klient_tjp, indikatorer):
    rader = xlsx_rader(klient_tjp.get("/behov/indikatorer/?format=xlsx"))
    assert rader[0][:3] == ["Kod", "Indikator", "Enhet"]
    assert [r[1] for r in rader[1:]] == ["Fysisk aktivitet", "Rökning"]
    rader = xlsx_rader(klient_tjp.get("/behov/indikatorer/?q=rök&format=xlsx"))
    assert [r[1] for r in rader[1:]] == ["Rökning"]
    assert rader[1][5] == "=Källa"  # text, never a formula


def test_katalogsidan_lankar_till_nedladdning_med_filtret(klient_tjp, indikatorer):
    html = klient_tjp.get("/behov/indikatorer/?q=r%C3%B6k").content.decode()
    assert 'href="?q=r%C3%B6k&amp;format=xlsx"' in html
    assert 'href="?q=r%C3%B6k&amp;format=csv"' in html


def test_indikatorns_varden_for_valt_omrade(klient_tjp, indikatorer):
    ind = indikatorer[0]
    dalarna = Omrade.objects.get(scb_kod="20")
    riket = Omrade.objects.get(typ="riket")
    for ar, v in ((2023, 12.25), (2024, 11.5)):
        _varde(ind, dalarna, ar, v)
        _varde(ind, riket, ar, v - 1)
    _varde(ind, dalarna, 2024, 10.75, kon="K", ki_lag=9.5, ki_hog=12.0)
    url = f"/behov/indikatorer/{ind.pk}/?omrade={dalarna.pk}"

    svar = klient_tjp.get(url + "&format=xlsx")
    rader = xlsx_rader(svar)
    assert filnamn(svar) == f"indikatorvarden-a-region-dalarna-{timezone.localdate()}.xlsx"
    rubriker = rader[0]
    assert rubriker[:4] == ["Kod", "Indikator", "Område", "Period"]
    assert {r[rubriker.index("Område")] for r in rader[1:]} == {"Region Dalarna"}
    assert len(rader) == 4
    kvinnor = next(r for r in rader[1:] if r[rubriker.index("Kön")] == "Kvinnor")
    assert kvinnor[rubriker.index("Värde (%)")] == 10.75
    assert kvinnor[rubriker.index("KI nedre")] == 9.5
    assert kvinnor[rubriker.index("Periodens början")] == dt.datetime(2024, 1, 1)

    # The area picked on the page is the area downloaded.
    riksrader = xlsx_rader(
        klient_tjp.get(f"/behov/indikatorer/{ind.pk}/?omrade={riket.pk}&format=xlsx")
    )
    assert len(riksrader) == 3 and riksrader[1][2] == "Riket"

    df = csv_tabell(klient_tjp.get(url + "&format=csv"))
    assert df["Värde (%)"].tolist() == [12.25, 11.5, 10.75]
    assert df["Indikator"][0] == "Rökning"
    assert "Ladda ner" in klient_tjp.get(url).content.decode()


def test_halsogapen_for_ett_ar(klient_fv, indikatorer):
    dalarna = Omrade.objects.get(scb_kod="20")
    grupp = Behovsgrupp.objects.create(namn="Äldre i Dalarna", omrade=dalarna)
    for ar in (2027, 2028):
        analys = Behovsanalys.objects.create(
            behovsgrupp=grupp, planeringsar=factories.planeringsar(ar)
        )
        Halsogap.objects.create(
            analys=analys,
            indikator=indikatorer[0],
            omrade=dalarna,
            aktuellt_varde=12.345,
            aktuell_period="2024",
            foreslaget_mal=9.5,
            foreslaget_malar=2030,
        )
    df = csv_tabell(klient_fv.get("/behov/?ar=2027&format=csv"))
    assert len(df) == 1
    rad = df.iloc[0]
    assert rad["Behovsgrupp"] == "Äldre i Dalarna"
    assert rad["Aktuellt värde"] == 12.3  # the indicator's one decimal
    assert rad["Mål"] == 9.5 and rad["Målår"] == 2030 and rad["Målet"] == "Föreslaget"
    assert rad["Gap (kvar till målet)"] == 2.8
    assert rad["Vårdbehov"] == "Ej bedömt"
    svar = klient_fv.get("/behov/?ar=2027&format=xlsx")
    assert filnamn(svar) == f"halsogap-2027-{timezone.localdate()}.xlsx"
    assert xlsx_rader(svar)[1][9] == 12.3


def test_nedladdning_kostar_lika_manga_fragor_oavsett_antal(klient_tjp):
    dalarna = Omrade.objects.get(scb_kod="20")
    ind = Indikator.objects.create(kod="X", namn="X", enhet="%", polaritet="lagre_battre")
    analys = Behovsanalys.objects.create(
        behovsgrupp=Behovsgrupp.objects.create(namn="G1"), planeringsar=factories.planeringsar()
    )
    Halsogap.objects.create(analys=analys, indikator=ind, omrade=dalarna)

    def antal() -> int:
        with CaptureQueriesContext(connection) as fragor:
            assert klient_tjp.get("/behov/?ar=2027&format=xlsx").status_code == 200
        return len(fragor)

    forut = antal()
    for nr in range(2, 5):
        a = Behovsanalys.objects.create(
            behovsgrupp=Behovsgrupp.objects.create(namn=f"G{nr}"),
            planeringsar=factories.planeringsar(),
        )
        Halsogap.objects.create(analys=a, indikator=ind, omrade=dalarna)
    assert antal() == forut


def test_behovsgrupper_visar_arkiverade_bara_pa_begaran(klient_tjp):
    Behovsgrupp.objects.create(namn="Unga")
    Behovsgrupp.objects.create(namn="Gamla", arkiverad=True)
    assert [r[0] for r in xlsx_rader(klient_tjp.get("/behov/grupper/?format=xlsx"))[1:]] == ["Unga"]
    rader = xlsx_rader(klient_tjp.get("/behov/grupper/?arkiverade=1&format=xlsx"))
    assert sorted(r[0] for r in rader[1:]) == ["Gamla", "Unga"]


def test_ingen_intern_nedladdning_for_anonym_eller_utforare(klient_utf, indikatorer):
    for url in ("/behov/indikatorer/?format=csv", "/behov/?format=xlsx"):
        svar = Client().get(url)
        assert svar.status_code == 302 and "/konto/logga-in/" in svar["Location"]
        assert klient_utf.get(url).status_code == 403


def test_okant_format_ger_ett_tydligt_fel(klient_tjp):
    svar = klient_tjp.get("/behov/indikatorer/?format=pdf")
    assert svar.status_code == 400
    assert "Välj format=xlsx (Excel) eller format=csv" in svar.content.decode()


def test_en_analys_halsogap(klient_tjp, indikatorer):
    dalarna = Omrade.objects.get(scb_kod="20")
    grupp = Behovsgrupp.objects.create(namn="Unga vuxna", omrade=dalarna)
    analys = Behovsanalys.objects.create(behovsgrupp=grupp, planeringsar=factories.planeringsar())
    for ind in indikatorer:
        Halsogap.objects.create(analys=analys, indikator=ind, omrade=dalarna, aktuellt_varde=40.0)
    svar = klient_tjp.get(f"/behov/analyser/{analys.pk}/?format=xlsx")
    rader = xlsx_rader(svar)
    assert filnamn(svar).startswith("halsogap-unga-vuxna-2027-")
    assert [r[3] for r in rader[1:]] == ["Fysisk aktivitet", "Rökning"]
    assert {r[0] for r in rader[1:]} == {"Unga vuxna"}
