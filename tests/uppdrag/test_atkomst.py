"""Who sees what: officials and elected see every commission, a provider only its own (from
the dialogue on) and gets 404 for anyone else's; the anonymous are sent to log in. Pages keep
a constant number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.conftest import _klient
from tests.uppdrag.hjalp import i_status, nytt_uppdrag
from uppdrag.models import Milstolpe, Uppdragskommentar

pytestmark = pytest.mark.django_db


def _urler(uppdrag) -> list[str]:
    post = uppdrag.history.earliest()
    return [
        f"/uppdrag/{uppdrag.pk}/",
        f"/uppdrag/{uppdrag.pk}/versioner/",
        f"/uppdrag/{uppdrag.pk}/version/{post.history_id}/",
    ]


@pytest.mark.parametrize(
    "url",
    ["/uppdrag/", "/uppdrag/mina/", "/uppdrag/ny/", "/uppdrag/adressera-eller-forklara/"],
)
def test_anonym_skickas_till_inloggning_fran_listorna(url):
    svar = Client().get(url)
    assert svar.status_code == 302 and svar["Location"].startswith("/konto/logga-in/")


def test_anonym_skickas_till_inloggning_fran_uppdraget(uppdrag_b):
    for url in [
        *_urler(uppdrag_b),
        f"/uppdrag/{uppdrag_b.pk}/andra/",
        f"/uppdrag/{uppdrag_b.pk}/beslut/",
    ]:
        svar = Client().get(url)
        assert svar.status_code == 302 and "/konto/logga-in/" in svar["Location"], url
    svar = Client().post(f"/uppdrag/{uppdrag_b.pk}/kommentar/", {"kommentar-text": "x"})
    assert svar.status_code == 302 and not Uppdragskommentar.objects.exists()


def test_utforare_far_404_for_annans_uppdrag(klient_utf, uppdrag_b, steg, fortroendevald, hsn):
    steg(uppdrag_b, "beslutad", fortroendevald, hsn)  # so there is a decided version to ask for
    for url in _urler(uppdrag_b):
        assert klient_utf.get(url).status_code == 404, url
    milstolpe = Milstolpe.objects.create(uppdrag=uppdrag_b, datum="2027-03-01", beskrivning="Start")
    assert klient_utf.post(f"/uppdrag/milstolpar/{milstolpe.pk}/klar/").status_code == 404
    milstolpe.refresh_from_db()
    assert milstolpe.klar is None


def test_utforare_ser_sitt_eget_uppdrag(uppdrag_b, utforare_b_anvandare):
    klient_b = _klient(utforare_b_anvandare)
    html = klient_b.get(f"/uppdrag/{uppdrag_b.pk}/").content.decode()
    assert "Första linjen" in html and "Publicera kommentaren" in html
    assert "Skicka för beslut" not in html  # officials' step, not the provider's


@pytest.mark.parametrize("klient", ["klient_tjp", "klient_fv"])
def test_tjansteperson_och_fortroendevald_ser_alla_uppdrag(request, klient, uppdrag_a, uppdrag_b):
    k = request.getfixturevalue(klient)
    for uppdrag in (uppdrag_a, uppdrag_b):
        assert k.get(f"/uppdrag/{uppdrag.pk}/").status_code == 200
    html = k.get("/uppdrag/?ar=2027").content.decode()
    assert "Rökfri Dalarna" in html and "Första linjen" in html


def test_utforarens_lista_visar_bara_egna(klient_utf, objekt, utforare_a, uppdrag_b):
    eget = i_status(nytt_uppdrag(objekt[:1], utforare_a, titel="Vårt eget uppdrag"), "dialog")
    html = klient_utf.get("/uppdrag/?ar=2027").content.decode()
    assert "Mina uppdrag 2027" in html and eget.titel in html
    assert "Första linjen" not in html
    assert 'name="utforare"' not in html  # no provider filter for a provider


def test_mina_uppdrag_grupperar_efter_vad_utforaren_ska_gora(
    klient_utf, objekt, utforare_a, uppdrag_b
):
    i_status(nytt_uppdrag(objekt[:1], utforare_a, titel="Vårt eget uppdrag"), "dialog")
    nytt_uppdrag(objekt[2:], utforare_a, titel="Vårt utkast")  # a draft: not shown yet
    html = klient_utf.get("/uppdrag/mina/").content.decode()
    assert "Väntar på era synpunkter (1)" in html and "Vårt eget uppdrag" in html
    assert "Vårt utkast" not in html and "Första linjen" not in html


@pytest.mark.parametrize("klient", ["klient_tjp", "klient_fv"])
def test_mina_uppdrag_ar_for_utforare(request, klient):
    assert request.getfixturevalue(klient).get("/uppdrag/mina/").status_code == 403


@pytest.mark.parametrize("klient", ["klient_fv", "klient_utf"])
def test_bara_tjanstepersoner_andrar(request, klient, uppdrag_a):
    i_status(uppdrag_a, "dialog")
    k = request.getfixturevalue(klient)
    assert k.get(f"/uppdrag/{uppdrag_a.pk}/andra/").status_code == 403
    assert k.post(f"/uppdrag/{uppdrag_a.pk}/mal/ny/", {}).status_code == 403
    assert k.post(f"/uppdrag/{uppdrag_a.pk}/uppfoljningsplan/", {}).status_code == 403
    assert k.post(f"/uppdrag/{uppdrag_a.pk}/milstolpar/ny/", {}).status_code == 403


def test_fast_antal_fragor_pa_uppdragssidan(klient_tjp, objekt, utforare_a, uppdrag_a):
    litet = i_status(uppdrag_a, "dialog")
    stort = i_status(nytt_uppdrag(objekt, utforare_a, titel="Stort"), "dialog")
    for i in range(4):
        Milstolpe.objects.create(uppdrag=stort, datum=f"2027-0{i + 1}-15", beskrivning=f"M{i}")
        klient_tjp.post(f"/uppdrag/{stort.pk}/kommentar/", {"kommentar-text": f"K{i}"})

    def antal(uppdrag) -> int:
        klient_tjp.get(f"/uppdrag/{uppdrag.pk}/")
        with CaptureQueriesContext(connection) as fragor:
            assert klient_tjp.get(f"/uppdrag/{uppdrag.pk}/").status_code == 200
        return len(fragor)

    assert antal(litet) == antal(stort)


def test_fast_antal_fragor_i_listan(klient_tjp, objekt, utforare_a, uppdrag_a):
    def antal() -> int:
        with CaptureQueriesContext(connection) as fragor:
            assert klient_tjp.get("/uppdrag/?ar=2027").status_code == 200
        return len(fragor)

    klient_tjp.get("/uppdrag/?ar=2027")
    fore = antal()
    for i in range(3):
        nytt_uppdrag(objekt[1:], utforare_a, titel=f"Fler {i}")
    assert antal() == fore
