"""Open priorities: without login, only what was decided (the version in force), in plain
Swedish, and the same data as JSON and CSV. Nothing undecided or internal."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from natverken.models import Reservation
from prioritering.models import Prioriteringsomgang
from tests import factories
from tests.prioritering.conftest import beslutad, omgang

pytestmark = pytest.mark.django_db
S = Prioriteringsomgang.Status


@pytest.fixture
def beslut_med_reservation(beslutad_omgang, hsn):
    Reservation.objects.create(
        beslut=beslutad_omgang.beslut,
        ledamot=hsn.ledamoter.get(namn="Lena Ström"),
        text="Unga borde gå först.",
    )
    return beslutad_omgang


def test_offentliga_sidan_visar_beslutet_i_klartext(beslut_med_reservation):
    html = Client().get("/offentligt/?ar=2027").content.decode()
    assert "Beslutat 9 juni 2026, § 61." in html
    assert "Beslutad ordning" in html
    # The decided order with each need's gap, motivering and resources.
    assert html.index("Diabetes") < html.index("Unga") < html.index("Äldre")
    assert (
        "i dag 10,0 %" in html
        and "målet 8,0 % till 2030" in html
        and "Kvar till målet: 2,0 %." in html
    )
    assert "Störst gap." in html and "Behovs-solidaritetsprincipen" in html
    assert "3\u00a0000 tkr" in html and "prioritera (mer resurser)" in html
    assert "Reservation av Lena Ström (SD):" in html and "Unga borde gå först." in html
    assert "1 ledamot reserverade sig" in html
    assert 'href="/rapporter/budgetunderlag/2027/">Budgetunderlag 2027 (PDF)</a>' in html


def test_inget_internt_syns(beslut_med_reservation, hsn):
    from tests.prioritering.conftest import rangordna

    rangordna(
        beslut_med_reservation, hsn.ledamoter.get(namn="Erik Holm"), ["Äldre", "Unga", "Diabetes"]
    )
    html = Client().get("/offentligt/?ar=2027").content.decode()
    assert "Prioritetsgrad" not in html and "Borda" not in html and "Erik Holm" not in html
    assert "Svårighetsgrad" not in html


def test_obeslutade_omgangar_syns_inte(hsn, fortroendevald):
    o = omgang(hsn, ar=2028)
    o.objekt.update(placering=None, motivering="Hemligt förslag")
    svar = Client().get("/offentligt/?ar=2028")
    html = svar.content.decode()
    assert "Inga beslutade prioriteringar för 2028 ännu." in html and "Hemligt förslag" not in html
    assert (
        json.loads(Client().get("/offentligt/prioriteringar.json?ar=2028").content)["omgangar"]
        == []
    )


def test_bara_den_gallande_versionen_av_ett_reviderat_beslut(hsn, fortroendevald):
    forsta = beslutad(omgang(hsn, ar=2026), fortroendevald)
    from prioritering import services

    ny = services.revidera(omgang=forsta, skal="Ramen sänktes.")
    ny.status = S.RANGORDNING
    ny.save()
    ny.objekt.filter(rubrik="Äldre").update(motivering="Ny motivering efter revisionen.")
    # Until the revision is decided, the first decision is what the public sees.
    html = Client().get("/offentligt/?ar=2026").content.decode()
    assert "Ny motivering efter revisionen." not in html and "Störst gap." in html
    services.besluta(
        omgang=ny,
        anvandare=fortroendevald,
        datum=forsta.beslut.datum.replace(month=9),
        paragraf="§ 84",
    )
    html = Client().get("/offentligt/?ar=2026").content.decode()
    assert html.count("Beslutad ordning") == 1
    assert "Ny motivering efter revisionen." in html and "Skäl: Ramen sänktes." in html
    data = json.loads(Client().get("/offentligt/prioriteringar.json?ar=2026").content)
    assert [o["revision"] for o in data["omgangar"]] == [2]


def test_json_har_samma_uppgifter(beslut_med_reservation):
    svar = Client().get("/offentligt/prioriteringar.json?ar=2027")
    assert svar["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(svar.content)
    omgang_ = data["omgangar"][0]
    assert data["planeringsar"] == 2027
    assert omgang_["beslut"] == {
        "datum": "2026-06-09",
        "paragraf": "§ 61",
        "rubrik": "Prioritering av behov inför budget 2027",
    }
    assert omgang_["budgetram_tkr"] == 10000 and omgang_["fordelat_tkr"] == 6000
    forsta = omgang_["behov"][0]
    assert (forsta["placering"], forsta["behov"], forsta["resurser"]) == (
        1,
        "Diabetes",
        {"belopp_tkr": 1000, "typ": "Prioritera (mer resurser)"},
    )
    gap = forsta["halsogap"][0]
    assert (
        gap["aktuellt_varde"],
        gap["malvarde"],
        gap["kvar_till_malet"],
        gap["malet_beslutat"],
    ) == (10.0, 8.0, 2.0, False)
    assert omgang_["reservationer"] == [
        {"ledamot": "Lena Ström", "parti": "SD", "text": "Unga borde gå först."}
    ]
    assert "prioritetsgrad" not in json.dumps(data).lower()


def test_csv_for_svenskt_excel(beslut_med_reservation):
    svar = Client().get("/offentligt/prioriteringar.csv?ar=2027")
    assert svar["Content-Type"] == "text/csv; charset=utf-8"
    assert svar["Content-Disposition"] == 'attachment; filename="prioriteringar-2027.csv"'
    assert svar.content.startswith(b"\xef\xbb\xbf")
    rader = svar.content.decode("utf-8-sig").split("\r\n")
    assert rader[0].startswith(
        "Planeringsår;Beslutande organ;Beslutsdatum;Paragraf;Placering;Behov;"
    )
    assert rader[1].startswith("2027;Hälso- och sjukvårdsnämnden;2026-06-09;§ 61;1;Diabetes;")
    assert ";1000;Prioritera (mer resurser);" in rader[1]
    assert (
        "Kvar till målet: 2,0 %." in rader[1]
        and "Lena Ström (SD): Unga borde gå först." in rader[1]
    )
    assert len([r for r in rader if r]) == 4  # header + three needs


@pytest.mark.parametrize("klient", ["klient_utf", "klient_tjp"])
def test_inloggade_ser_ocksa_den_offentliga_sidan(request, beslutad_omgang, klient):
    assert request.getfixturevalue(klient).get("/offentligt/?ar=2027").status_code == 200


def test_offentliga_vyer_ar_bara_get(beslutad_omgang):
    assert Client().post("/offentligt/").status_code == 405
    assert Client().post("/offentligt/prioriteringar.csv").status_code == 405


def test_tomt_ar_ger_tom_csv_med_rubriker(db):
    factories.planeringsar(2030)
    svar = Client().get("/offentligt/prioriteringar.csv?ar=2030")
    assert svar.content.decode("utf-8-sig").count("\r\n") == 1
