"""Follow-up tables download as Excel and CSV: the reports (the overdue list among them),
the year's commissions and the goal achievement. A provider gets only its own."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tests.nedladdning import csv_tabell, filnamn, xlsx_rader
from tests.uppfoljning import hjalp
from uppfoljning.models import Aterrapport

pytestmark = pytest.mark.django_db
AR = timezone.localdate().year - 1  # every period of last year has been due


@pytest.fixture
def uppdrag_a(utforare_a):
    return hjalp.uppdrag(
        utforare_a,
        ar=AR,
        ind=hjalp.indikator(varden={AR - 2: 30.0, AR - 1: 29.25}),
        baslinje_period=str(AR - 2),
    )


@pytest.fixture
def uppdrag_b(utforare_b):
    return hjalp.uppdrag(utforare_b, ar=AR, titel="Annans uppdrag")


def _kolumn(rader: list[list], rubrik: str) -> list:
    nr = rader[0].index(rubrik)
    return [r[nr] for r in rader[1:]]


def test_forsenade_aterrapporter_som_excel(klient_tjp, uppdrag_a, uppdrag_b):
    Aterrapport.objects.create(
        uppdrag=uppdrag_a,
        period=f"{AR} T1",
        senast=dt.date(AR, 5, 15),
        rapportstatus=Aterrapport.Rapportstatus.INLAMNAD,
        framdrift="risk",
        inlamnad=timezone.now(),
    )
    url = f"/uppfoljning/rapporter/?ar={AR}"
    html = klient_tjp.get(url).content.decode()
    assert f'href="?ar={AR}&amp;format=xlsx&amp;tabell=forsenade"' in html
    svar = klient_tjp.get(url + "&format=xlsx&tabell=forsenade")
    rader = xlsx_rader(svar)
    assert filnamn(svar).startswith("aterrapporter-forsenade-")
    # Tertial: A's T1 is in, its T2 and T3 are late; all three of B's are late.
    assert sorted(zip(_kolumn(rader, "Uppdrag"), _kolumn(rader, "Period"), strict=True)) == [
        (f"Annans uppdrag {AR}", f"{AR} T1"),
        (f"Annans uppdrag {AR}", f"{AR} T2"),
        (f"Annans uppdrag {AR}", f"{AR} T3"),
        (f"Första linjen {AR}", f"{AR} T2"),
        (f"Första linjen {AR}", f"{AR} T3"),
    ]
    assert set(_kolumn(rader, "Försenad")) == {"Ja"}
    assert isinstance(_kolumn(rader, "Ska lämnas senast")[0], dt.datetime)
    # The year's list has all six periods, including the one handed in.
    df = csv_tabell(klient_tjp.get(url + "&format=csv&tabell=aret"))
    assert len(df) == 6
    inne = df[df["Rapportering"] == "Inlämnad"].iloc[0]
    assert inne["Framdrift"] == "Risk för avvikelse" and inne["Försenad"] == "Nej"
    granska = csv_tabell(klient_tjp.get(url + "&format=csv&tabell=granska"))
    assert granska["Period"].tolist() == [f"{AR} T1"]


def test_utforaren_far_bara_sina_egna_rapporter(klient_utf, uppdrag_a, uppdrag_b):
    df = csv_tabell(klient_utf.get(f"/uppfoljning/rapporter/?ar={AR}&format=csv&tabell=aret"))
    assert set(df["Uppdrag"]) == {f"Första linjen {AR}"} and len(df) == 3
    assert set(df["Utförare"]) == {"Vårdcentralen Norr"}
    rader = xlsx_rader(klient_utf.get(f"/uppfoljning/?ar={AR}&format=xlsx"))
    assert _kolumn(rader, "Uppdrag") == [f"Första linjen {AR}"]


def test_arets_uppdrag_och_maluppfyllelse(klient_fv, uppdrag_a, uppdrag_b):
    rader = xlsx_rader(klient_fv.get(f"/uppfoljning/?ar={AR}&format=xlsx"))
    assert sorted(_kolumn(rader, "Uppdrag")) == [f"Annans uppdrag {AR}", f"Första linjen {AR}"]
    assert _kolumn(rader, "Milstolpar") == [3, 3]
    svar = klient_fv.get(f"/uppfoljning/arsuppfoljning/{AR}/?format=xlsx")
    assert filnamn(svar).startswith(f"maluppfyllelse-{AR}-")
    rader = xlsx_rader(svar)
    # Only A's commission has a goal with an indicator.
    assert _kolumn(rader, "Uppdrag") == [f"Första linjen {AR}"]
    assert _kolumn(rader, "Baslinje") == [30.0] and _kolumn(rader, "Målvärde") == [25.0]
    assert _kolumn(rader, "Senaste värde") == [29.3]  # one decimal, the indicator's own, half up
    assert _kolumn(rader, "Bedömning")[0]


def test_ingen_nedladdning_for_anonym_och_helheten_inte_for_utforare(klient_utf, uppdrag_a):
    for url in (
        "/uppfoljning/rapporter/?format=csv",
        f"/uppfoljning/arsuppfoljning/{AR}/?format=xlsx",
    ):
        svar = Client().get(url)
        assert svar.status_code == 302 and "/konto/logga-in/" in svar["Location"]
    assert klient_utf.get(f"/uppfoljning/arsuppfoljning/{AR}/?format=xlsx").status_code == 403


def test_ett_uppdrags_milstolpar_rapporter_och_mal(klient_utf, uppdrag_a, uppdrag_b):
    url = f"/uppfoljning/uppdrag/{uppdrag_a.pk}/"
    html = klient_utf.get(url).content.decode()
    assert 'href="?format=csv&amp;tabell=milstolpar"' in html
    df = csv_tabell(klient_utf.get(url + "?format=csv&tabell=milstolpar"))
    assert df["Milstolpe"].tolist() == ["Milstolpe 3", "Milstolpe 6", "Milstolpe 11"]
    assert set(df["Status"]) == {"Försenad"}
    df = csv_tabell(klient_utf.get(url + "?format=csv&tabell=rapporter"))
    assert df["Period"].tolist() == [f"{AR} T1", f"{AR} T2", f"{AR} T3"]
    rader = xlsx_rader(klient_utf.get(url + "?format=xlsx&tabell=mal"))
    assert _kolumn(rader, "Indikator") == ["Indikator T-PSYK"]
    # Another provider's commission: 404, as the page.
    svar = klient_utf.get(f"/uppfoljning/uppdrag/{uppdrag_b.pk}/?format=csv&tabell=rapporter")
    assert svar.status_code == 404
