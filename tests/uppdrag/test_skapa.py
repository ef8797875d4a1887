"""Creating a commission from decided priorities: it links back to them, inherits the gaps
as goals with the latest data as baseline, and takes its budget from the allocation."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from behov.models import Matvarde
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from tests import factories
from tests.uppdrag.hjalp import nytt_uppdrag
from uppdrag import services
from uppdrag.models import Mal, Uppdrag

pytestmark = pytest.mark.django_db


def _post(klient, objekt, **extra):
    data = {
        "objekt": [o.pk for o in objekt],
        "titel": "Rökfri Dalarna",
        "insatstyp": "forebyggande",
        "utforare": extra.pop("utforare"),
        "huvudman": "egen",
        "samverkanspart": "",
        "langsiktigt_mal": "Färre röker dagligen.",
        "beskrivning": "Rökavvänjning på alla vårdcentraler.",
        "start": "2027-01-01",
        "slut": "2027-12-31",
        **extra,
    }
    return klient.post("/uppdrag/ny/?ar=2027", data)


def test_uppdrag_fran_tva_beslutade_behov_arver_mal_och_budget(klient_tjp, objekt, utforare_a):
    svar = _post(klient_tjp, objekt[:2], utforare=utforare_a.pk)
    uppdrag = Uppdrag.objects.get()
    assert svar.status_code == 302 and svar["Location"] == f"/uppdrag/{uppdrag.pk}/"
    assert uppdrag.status == "utkast" and uppdrag.planeringsar.ar == 2027
    assert set(uppdrag.prioriteringsobjekt.all()) == set(objekt[:2])
    assert uppdrag.budget_tkr == Decimal(1200 + 800)  # the allocation of both needs
    malen = {
        m.halsogap.prioriteringsobjekt.get(): m for m in uppdrag.mal.select_related("halsogap")
    }
    forsta, andra = malen[objekt[0]], malen[objekt[1]]
    # The decided target and year of the first gap; the proposal of the second.
    assert (forsta.malvarde, forsta.maldatum) == (7.0, dt.date(2030, 12, 31))
    assert (andra.malvarde, andra.maldatum) == (8.0, dt.date(2029, 12, 31))
    for mal in (forsta, andra):
        assert (mal.indikator, mal.omrade.scb_kod, mal.kon, mal.niva) == (
            objekt[0].halsogap.get().indikator,
            "20",
            "T",
            "effekt",
        )
        # 2025 is missing in the data: the latest value is 2024's.
        assert (mal.baslinje_varde, mal.baslinje_period) == (9.5, "2024")
    assert forsta.beskrivning == "Minska daglig rökning – Region Dalarna"
    # And the chain back: priority → commissions.
    assert list(objekt[0].uppdrag.all()) == [uppdrag]


def test_baslinjen_ar_senaste_vardet_i_data_inte_gapets_gamla_varde(
    klient_tjp, objekt, utforare_a, indikator, dalarna
):
    Matvarde.objects.create(
        indikator=indikator,
        omrade=dalarna,
        period_start=dt.date(2026, 1, 1),
        period_slut=dt.date(2026, 12, 31),
        period="2026",
        kon="T",
        varde=9.1,
    )
    _post(klient_tjp, objekt[:1], utforare=utforare_a.pk)
    mal = Mal.objects.get()
    assert mal.halsogap.aktuellt_varde == 9.5  # what the analysis saw
    assert (mal.baslinje_varde, mal.baslinje_period) == (9.1, "2026")  # what the data says now


def test_utan_data_saknas_baslinjen_och_tjanstepersonen_far_veta_det(
    klient_tjp, objekt, utforare_a, indikator
):
    Matvarde.objects.filter(indikator=indikator).delete()
    svar = klient_tjp.post(
        "/uppdrag/ny/?ar=2027",
        {
            "objekt": [objekt[0].pk],
            "titel": "X",
            "insatstyp": "behandling",
            "utforare": utforare_a.pk,
            "huvudman": "egen",
            "langsiktigt_mal": "Y",
            "start": "2027-01-01",
            "slut": "2027-12-31",
        },
        follow=True,
    )
    mal = Mal.objects.get()
    assert mal.baslinje_varde is None and mal.baslinje_period == ""  # never invented
    assert "inga värden i data för Daglig rökning" in svar.content.decode()


def test_formularet_visar_arets_beslutade_behov_och_forvaljer(klient_tjp, objekt):
    html = klient_tjp.get(f"/uppdrag/ny/?ar=2027&objekt={objekt[1].pk}").content.decode()
    assert "1. Behov 1: Rökare i Dalarna" in html and "fördelat 1\xa0200 tkr" in html
    valda = re.findall(r'<input type="checkbox" name="objekt" value="(\d+)"[^>]* checked', html)
    assert valda == [str(objekt[1].pk)]
    assert 'value="Behov 2: Unga med psykisk ohälsa"' in html  # title prefilled from the need
    assert html.index("Beslutade prioriteringar som uppdraget ska möta") < html.index("Titel")


def test_obeslutad_prioritering_kan_inte_bli_uppdrag(klient_tjp, omgang, objekt, utforare_a):
    oppen = Prioriteringsomgang.objects.create(
        planeringsar=omgang.planeringsar,
        organ=factories.organ("Regionstyrelsen", "regionstyrelse"),
        namn="Öppen",
        budgetram_tkr=100,
        status="rangordning",
    )
    obeslutat = Prioriteringsobjekt.objects.create(
        omgang=oppen, behovsgrupp=objekt[0].behovsgrupp, rubrik="Obeslutat", atgard="x", placering=1
    )
    svar = _post(klient_tjp, [obeslutat], utforare=utforare_a.pk)
    assert svar.status_code == 200
    assert "Välj ett giltigt alternativ" in svar.content.decode()
    assert not Uppdrag.objects.exists()
    with pytest.raises(ValidationError, match="inte en beslutad prioritering"):
        nytt_uppdrag([obeslutat], utforare_a)


def test_behov_fran_olika_ar_kan_inte_blandas(objekt, utforare_a, hsn):
    annat_ar = Prioriteringsomgang.objects.create(
        planeringsar=factories.planeringsar(2026),
        organ=hsn,
        namn="2026",
        budgetram_tkr=1,
        status="beslutad",
        beslut=factories.beslut(hsn, "§ 12"),
    )
    gammalt = Prioriteringsobjekt.objects.create(
        omgang=annat_ar, behovsgrupp=objekt[0].behovsgrupp, rubrik="2026", atgard="x", placering=1
    )
    with pytest.raises(ValidationError, match="samma planeringsår"):
        nytt_uppdrag([objekt[0], gammalt], utforare_a)
    assert not Uppdrag.objects.exists()


def test_fel_i_formularet_behaller_inmatningen_och_skapar_inget(klient_tjp, objekt, utforare_a):
    svar = _post(
        klient_tjp,
        objekt[:1],
        utforare=utforare_a.pk,
        titel="",
        huvudman="samverkan",
        langsiktigt_mal="Min egen text om målet",
    )
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "Min egen text om målet" in html
    assert "Ange vilken huvudman uppdraget sker i samverkan med." in html
    assert not Uppdrag.objects.exists()


def test_inget_val_ger_tydligt_fel(klient_tjp, objekt, utforare_a):
    svar = _post(klient_tjp, [], utforare=utforare_a.pk)
    assert "Välj minst ett beslutat behov" in svar.content.decode()
    assert not Uppdrag.objects.exists()


@pytest.mark.parametrize("klient", ["klient_fv", "klient_utf"])
def test_bara_tjanstepersoner_skapar_uppdrag(request, klient, objekt, utforare_a):
    k = request.getfixturevalue(klient)
    assert k.get("/uppdrag/ny/?ar=2027").status_code == 403
    assert _post(k, objekt[:1], utforare=utforare_a.pk).status_code == 403
    assert not Uppdrag.objects.exists()


def test_anonym_skickas_till_inloggning(objekt):
    svar = Client().get("/uppdrag/ny/?ar=2027")
    assert svar.status_code == 302 and svar["Location"].startswith("/konto/logga-in/")


def test_skapat_uppdrag_loggas_med_vem(klient_tjp, tjansteperson, objekt, utforare_a):
    _post(klient_tjp, objekt[:1], utforare=utforare_a.pk)
    uppdrag = Uppdrag.objects.get()
    forsta = uppdrag.history.earliest()
    assert forsta.history_user == tjansteperson
    assert forsta.history_change_reason == "Skapat från beslutade prioriteringar"
    assert services.beslutade_objekt().count() == 3
