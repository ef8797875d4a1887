"""Login required everywhere except public pages; each role sees its own navigation."""

from __future__ import annotations

import re

import pytest
from django.test import Client

SKYDDADE = ["/", "/behov/", "/prioritering/", "/uppdrag/", "/uppfoljning/", "/administration/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", SKYDDADE)
def test_anonym_skickas_till_inloggning(url):
    svar = Client().get(url)
    assert svar.status_code == 302
    assert svar["Location"].startswith("/konto/logga-in/?next=")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/offentligt/", "/konto/logga-in/"])
def test_offentliga_sidor_kraver_ingen_inloggning(url):
    svar = Client().get(url)
    assert svar.status_code == 200
    assert 'lang="sv"' in svar.content.decode()


def _meny(svar) -> list[str]:
    html = svar.content.decode()
    nav = re.search(r'<nav aria-label="Huvudmeny".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="[^"]*"[^>]*>([^<]+)</a>', nav)


@pytest.mark.django_db
def test_tjansteperson_ser_hela_kedjan(klient_tjp):
    svar = klient_tjp.get("/")
    assert _meny(svar) == [
        "Årshjul",
        "Behov",
        "Prioritering",
        "Uppdrag",
        "Uppföljning",
        "Öppna prioriteringar",
    ]
    assert "Tjänsteperson" in svar.content.decode()


@pytest.mark.django_db
def test_forvaldtroende_ser_hela_kedjan(klient_fv):
    svar = klient_fv.get("/")
    assert _meny(svar) == [
        "Årshjul",
        "Behov",
        "Prioritering",
        "Uppdrag",
        "Uppföljning",
        "Öppna prioriteringar",
    ]
    assert "Förtroendevald" in svar.content.decode()


@pytest.mark.django_db
def test_utforare_ser_sina_uppdrag_och_uppfoljning(klient_utf):
    svar = klient_utf.get("/")
    assert _meny(svar) == ["Årshjul", "Uppdrag", "Uppföljning", "Öppna prioriteringar"]
    assert "Utförare" in svar.content.decode()


@pytest.mark.django_db
def test_admin_ser_administration(klient_admin):
    assert "Administration" in _meny(klient_admin.get("/"))


@pytest.mark.django_db
def test_anonym_ser_bara_oppna_prioriteringar():
    svar = Client().get("/offentligt/")
    assert _meny(svar) == ["Öppna prioriteringar"]


@pytest.mark.django_db
def test_fel_roll_far_403_pa_svenska(klient_utf):
    svar = klient_utf.get("/behov/")
    assert svar.status_code == 403
    assert "Ingen behörighet" in svar.content.decode()


@pytest.mark.django_db
def test_okand_sida_ger_svensk_404(klient_tjp):
    svar = klient_tjp.get("/finns-inte/")
    assert svar.status_code == 404
    assert "Sidan finns inte" in svar.content.decode()


@pytest.mark.django_db
def test_inloggning_med_fel_losenord_ger_svenskt_fel(tjansteperson):
    svar = Client().post("/konto/logga-in/", {"username": "tjansteperson", "password": "fel"})
    assert svar.status_code == 200
    assert "stämmer inte" in svar.content.decode()


@pytest.mark.django_db
def test_inloggning_leder_till_startsidan(tjansteperson):
    from tests.factories import LOSENORD

    svar = Client().post("/konto/logga-in/", {"username": "tjansteperson", "password": LOSENORD})
    assert svar.status_code == 302 and svar["Location"] == "/"
