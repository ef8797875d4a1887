"""The dialogue on a draft: the commission's provider and the officials write while it is in
dialogue; the thread stays with the commission; nobody else writes in it."""

from __future__ import annotations

import pytest

from tests.conftest import _klient
from tests.uppdrag.hjalp import i_status
from uppdrag.models import Uppdragskommentar

pytestmark = pytest.mark.django_db


def test_utforaren_kommenterar_och_tjanstepersonen_svarar(
    klient_utf, klient_tjp, uppdrag_a, utforare_anvandare
):
    i_status(uppdrag_a, "dialog")
    svar = klient_utf.post(
        f"/uppdrag/{uppdrag_a.pk}/kommentar/",
        {"kommentar-text": "Vi behöver två tjänster till för att hinna före sommaren."},
    )
    assert svar.status_code == 302 and svar["Location"].endswith("#dialog")
    klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/kommentar/", {"kommentar-text": "Budgeten räcker till en."}
    )
    forsta, andra = Uppdragskommentar.objects.order_by("skapad")
    assert (forsta.forfattare, forsta.roll) == (utforare_anvandare, "utforare")
    assert andra.roll == "tjansteperson"
    assert forsta.history.get().history_user == utforare_anvandare
    html = klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "Vi behöver två tjänster till" in html and "Budgeten räcker till en." in html
    assert "Vårdcentralen Norr" in html  # the provider's comment says who it speaks for


def test_annan_utforare_far_404(uppdrag_a, utforare_b_anvandare):
    i_status(uppdrag_a, "dialog")
    klient_b = _klient(utforare_b_anvandare)
    assert (
        klient_b.post(f"/uppdrag/{uppdrag_a.pk}/kommentar/", {"kommentar-text": "Hej"}).status_code
        == 404
    )
    assert not Uppdragskommentar.objects.exists()


def test_fortroendevald_skriver_inte_i_dialogen(klient_fv, uppdrag_a):
    i_status(uppdrag_a, "dialog")
    assert (
        klient_fv.post(f"/uppdrag/{uppdrag_a.pk}/kommentar/", {"kommentar-text": "Hej"}).status_code
        == 403
    )
    html = klient_fv.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "Publicera kommentaren" not in html  # reads the thread, no form


def test_utanfor_dialogen_ar_traden_stangd(klient_tjp, uppdrag_a):
    svar = klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/kommentar/", {"kommentar-text": "Min text här"}, follow=True
    )
    assert "Kommentaren är inte publicerad. Dialogen är stängd" in svar.content.decode()
    assert not Uppdragskommentar.objects.exists()


def test_utforaren_ser_inte_utkastet_forran_dialogen(klient_utf, uppdrag_a):
    assert klient_utf.get(f"/uppdrag/{uppdrag_a.pk}/").status_code == 404
    assert (
        klient_utf.post(f"/uppdrag/{uppdrag_a.pk}/kommentar/", {"kommentar-text": "x"}).status_code
        == 404
    )
    i_status(uppdrag_a, "dialog")
    assert klient_utf.get(f"/uppdrag/{uppdrag_a.pk}/").status_code == 200


def test_tom_kommentar_ger_fel_med_status_200(klient_utf, uppdrag_a):
    i_status(uppdrag_a, "dialog")
    svar = klient_utf.post(f"/uppdrag/{uppdrag_a.pk}/kommentar/", {"kommentar-text": "  "})
    assert svar.status_code == 200 and "Skriv en kommentar." in svar.content.decode()
    assert not Uppdragskommentar.objects.exists()


def test_traden_finns_kvar_efter_beslutet(klient_utf, uppdrag_a, steg, fortroendevald, hsn):
    i_status(uppdrag_a, "dialog")
    klient_utf.post(f"/uppdrag/{uppdrag_a.pk}/kommentar/", {"kommentar-text": "Vi är med."})
    steg(uppdrag_a, "beslutad", fortroendevald, hsn)
    html = klient_utf.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "Vi är med." in html and "Dialogen är stängd" in html
    assert "Publicera kommentaren" not in html
