"""The prioritisation stage's tables download as Excel and CSV: assessments of a round, the
aggregate ranking, the resources, the year's rounds, and the public decided priorities."""

from __future__ import annotations

import pytest
from django.test import Client

from prioritering.models import Prioriteringsomgang
from tests import factories
from tests.nedladdning import csv_tabell, filnamn, xlsx_rader
from tests.prioritering.conftest import beslutad, objekt, omgang, rangordna

pytestmark = pytest.mark.django_db


def _kolumn(rader: list[list], rubrik: str) -> list:
    nr = rader[0].index(rubrik)
    return [r[nr] for r in rader[1:]]


def test_omgangens_bedomningar_som_excel(klient_tjp, oppen):
    svar = klient_tjp.get(f"/prioritering/omgang/{oppen.pk}/?format=xlsx&tabell=bedomningar")
    rader = xlsx_rader(svar)
    assert filnamn(svar).startswith("bedomningar-halso-och-sjukvardsnamnden-2027-")
    assert rader[0][:4] == ["Ordning", "Placering", "Behov", "Behovsgrupp"]
    assert sorted(_kolumn(rader, "Behov")) == ["Diabetes", "Unga", "Äldre"]
    assert set(_kolumn(rader, "Svårighetsgrad")) == {"Stor"}
    grader = _kolumn(rader, "Prioritetsgrad")
    assert all(isinstance(g, int) for g in grader)
    assert all("Kvar till målet: 2,0 %." in g for g in _kolumn(rader, "Hälsogap"))
    # Without ?tabell= the page's first table, the same one.
    assert xlsx_rader(klient_tjp.get(f"/prioritering/omgang/{oppen.pk}/?format=xlsx")) == rader


def test_samlad_rangordning_med_varje_ledamots_plats(klient_fv, oppen, hsn):
    erik, lena = hsn.ledamoter.get(namn="Erik Holm"), hsn.ledamoter.get(namn="Lena Ström")
    rangordna(oppen, erik, ["Äldre", "Unga", "Diabetes"])
    rangordna(oppen, lena, ["Unga", "Diabetes", "Äldre"])
    html = klient_fv.get(f"/prioritering/omgang/{oppen.pk}/").content.decode()
    assert 'href="?format=xlsx&amp;tabell=samlad"' in html
    for url in (
        f"/prioritering/omgang/{oppen.pk}/?format=csv&tabell=samlad",
        f"/prioritering/omgang/{oppen.pk}/mote/?format=csv",
    ):
        df = csv_tabell(klient_fv.get(url))
        assert df["Behov"].tolist() == ["Unga", "Äldre", "Diabetes"]
        assert df["Poäng"].tolist() == [3, 2, 1]
        assert df["Erik Holm (S)"].tolist() == [2, 1, 3]
        assert df["Lena Ström (SD)"].tolist() == [1, 3, 2]
        assert df["Oenighet"][1] == "Stor oenighet"


def test_resursfordelningen_som_csv_och_excel(klient_tjp, beslutad_omgang):
    url = f"/prioritering/omgang/{beslutad_omgang.pk}/resurser/"
    df = csv_tabell(klient_tjp.get(url + "?format=csv"))
    assert df["Behov"].tolist() == ["Diabetes", "Unga", "Äldre"]
    assert df["Belopp (tkr)"].tolist() == [1000, 2000, 3000]
    assert df["Budgetram (tkr)"].tolist() == [10000] * 3
    assert df["Typ"][0] == "Prioritera (mer resurser)"
    rader = xlsx_rader(klient_tjp.get(url + "?format=xlsx"))
    assert _kolumn(rader, "Belopp (tkr)") == [1000, 2000, 3000]


def test_arets_omgangar_foljer_arvalet(klient_fv, hsn, fortroendevald):
    beslutad(omgang(hsn), fortroendevald)
    nasta = omgang(hsn, ar=2028, behov=0, status=Prioriteringsomgang.Status.FORBEREDELSE)
    objekt(nasta, "Smärta")
    objekt(nasta, "Hjärta")
    rader = xlsx_rader(klient_fv.get("/prioritering/?ar=2027&format=xlsx"))
    assert _kolumn(rader, "Placering") == [1, 2, 3]
    assert set(_kolumn(rader, "Status")) == {"Beslutad"}
    rader = xlsx_rader(klient_fv.get("/prioritering/?ar=2028&format=xlsx"))
    assert len(rader) == 3 and set(_kolumn(rader, "Status")) == {"Under förberedelse"}


def test_offentliga_sidan_som_excel_har_bara_det_beslutade(beslutad_omgang, hsn):
    # Another body's round, not decided: never public.
    rs = omgang(factories.organ("Regionstyrelsen", "regionstyrelse"), behov=0)
    objekt(rs, "Smärta")
    svar = Client().get("/offentligt/?ar=2027&format=xlsx")
    rader = xlsx_rader(svar)
    assert filnamn(svar) == "prioriteringar-2027.xlsx"
    assert _kolumn(rader, "Behov") == ["Diabetes", "Unga", "Äldre"]
    assert "Prioritetsgrad" not in rader[0]
    assert (
        'href="?ar=2027&amp;format=xlsx"' in Client().get("/offentligt/?ar=2027").content.decode()
    )


def test_ingen_intern_nedladdning_for_anonym_eller_utforare(klient_utf, beslutad_omgang):
    pk = beslutad_omgang.pk
    for url in (
        f"/prioritering/omgang/{pk}/?format=xlsx",
        f"/prioritering/omgang/{pk}/resurser/?format=csv",
        f"/prioritering/omgang/{pk}/mote/?format=csv",
        "/prioritering/?format=xlsx",
    ):
        svar = Client().get(url)
        assert svar.status_code == 302 and "/konto/logga-in/" in svar["Location"]
        assert klient_utf.get(url).status_code == 403


def test_okand_tabell_ger_404(klient_tjp, oppen):
    svar = klient_tjp.get(f"/prioritering/omgang/{oppen.pk}/?format=csv&tabell=hemlig")
    assert svar.status_code == 404


def test_ett_behovs_halsogap(klient_tjp, oppen):
    objekt = oppen.objekt.get(rubrik="Unga")
    df = csv_tabell(klient_tjp.get(f"/prioritering/behov/{objekt.pk}/?format=csv"))
    assert df["Behov"].tolist() == ["Unga"]
    assert df["Aktuellt värde"][0] == 10.0 and df["Mål"][0] == 8.0
    assert df["Gap (kvar till målet)"][0] == 2.0 and df["Område"][0] == "Region Dalarna"
