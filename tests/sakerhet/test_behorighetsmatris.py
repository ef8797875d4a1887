"""The permission matrix: every URL of the app × every persona, with the expected answer to a
GET on the demo region (200, 302 to login, 403, 404, 405 for POST-only). A URL added without
an entry here fails the test. POSTs: anonymous is always sent to login, and provider B can
change nothing of provider A's or of the officials'."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.sakerhet.matris import PERSONER, alla_url_namn, argument

pytestmark = pytest.mark.django_db

# (anonym, tjansteperson, fortroendevald, utforare [provider A], utforare2 [provider B], admin)
# Objects: the 2027 round (decided, so frozen), a 2027 analysis (ready, so locked), a 2026
# commission of provider A (running), its first report (accepted).
MATRIS = {
    "natverken:start": (302, 200, 200, 200, 200, 200),
    "natverken:arshjul": (302, 200, 200, 200, 200, 200),
    "natverken:budgetbeslut": (302, 403, 200, 403, 403, 403),
    "natverken:kalender": (302, 200, 200, 200, 200, 200),
    "natverken:kalender_fornya": (302, 405, 405, 405, 405, 405),
    "natverken:kalender_aterkalla": (302, 405, 405, 405, 405, 405),
    "natverken:kalender_flode": (404, 404, 404, 404, 404, 404),
    "natverken:administration": (302, 403, 403, 403, 403, 200),
    "natverken:uppdatera_omraden": (302, 405, 405, 405, 405, 405),
    "natverken:andra_fas": (302, 200, 403, 403, 403, 200),
    "natverken:jobb": (302, 404, 404, 404, 404, 404),
    "offentligt:index": (200, 200, 200, 200, 200, 200),
    "offentligt:json": (200, 200, 200, 200, 200, 200),
    "offentligt:csv": (200, 200, 200, 200, 200, 200),
    "rapporter:budgetunderlag": (200, 200, 200, 200, 200, 200),
    "rapporter:uppdragsbeskrivning": (302, 200, 200, 200, 404, 200),
    "behov:index": (302, 200, 200, 403, 403, 200),
    "behov:import": (302, 200, 403, 403, 403, 200),
    "behov:import_ladda_upp": (302, 405, 405, 405, 405, 405),
    "behov:import_mappning": (302, 404, 403, 403, 403, 404),
    "behov:import_fel": (302, 404, 403, 403, 403, 404),
    "behov:import_angra": (302, 405, 405, 405, 405, 405),
    "behov:indikatorer": (302, 200, 200, 403, 403, 200),
    "behov:indikator_ny": (302, 200, 403, 403, 403, 200),
    "behov:indikator": (302, 200, 200, 403, 403, 200),
    "behov:indikator_andra": (302, 200, 403, 403, 403, 200),
    "behov:grupper": (302, 200, 200, 403, 403, 200),
    "behov:grupp_ny": (302, 200, 403, 403, 403, 200),
    "behov:grupp_andra": (302, 200, 403, 403, 403, 200),
    "behov:grupp_arkivera": (302, 405, 405, 405, 405, 405),
    "behov:analys_ny": (302, 405, 405, 405, 405, 405),
    "behov:analys": (302, 200, 200, 403, 403, 200),
    "behov:analys_pdf": (302, 200, 200, 403, 403, 200),
    "behov:analys_spara": (302, 405, 405, 405, 405, 405),
    "behov:analys_klar": (302, 405, 405, 405, 405, 405),
    "behov:analys_oppna": (302, 405, 405, 405, 405, 405),
    "behov:analys_uppdatera_varden": (302, 405, 405, 405, 405, 405),
    "behov:gap_ny": (302, 405, 405, 405, 405, 405),
    "behov:kalla_ny": (302, 405, 405, 405, 405, 405),
    "behov:dialog_ny": (302, 405, 405, 405, 405, 405),
    "behov:gap_andra": (302, 403, 403, 403, 403, 403),
    "behov:gap_ta_bort": (302, 405, 405, 405, 405, 405),
    "behov:gap_beslut": (302, 403, 403, 403, 403, 403),
    "behov:kalla_ta_bort": (302, 405, 405, 405, 405, 405),
    "behov:dialog_ta_bort": (302, 405, 405, 405, 405, 405),
    "prioritering:index": (302, 200, 200, 403, 403, 200),
    "prioritering:omgang_ny": (302, 200, 403, 403, 403, 200),
    "prioritering:omgang": (302, 200, 200, 403, 403, 200),
    "prioritering:omgang_andra": (302, 403, 403, 403, 403, 403),
    "prioritering:omgang_oppna": (302, 405, 405, 405, 405, 405),
    "prioritering:objekt_ny": (302, 405, 405, 405, 405, 405),
    "prioritering:rangordna": (302, 403, 403, 403, 403, 403),
    "prioritering:mote": (302, 200, 200, 403, 403, 200),
    "prioritering:omgang_pdf": (302, 200, 200, 403, 403, 200),
    "prioritering:resurser": (302, 200, 200, 403, 403, 200),
    "prioritering:besluta": (302, 403, 403, 403, 403, 403),
    "prioritering:forslag_spara": (302, 405, 405, 405, 405, 405),
    "prioritering:beslut_registrera": (302, 405, 405, 405, 405, 405),
    "prioritering:reservation_ny": (302, 405, 405, 405, 405, 405),
    "prioritering:revidera": (302, 200, 403, 403, 403, 200),
    "prioritering:objekt": (302, 200, 200, 403, 403, 200),
    "prioritering:objekt_andra": (302, 405, 405, 405, 405, 405),
    "prioritering:objekt_ta_bort": (302, 405, 405, 405, 405, 405),
    "prioritering:bedomning_spara": (302, 405, 405, 405, 405, 405),
    "uppdrag:index": (302, 200, 200, 200, 200, 200),
    "uppdrag:mina": (302, 403, 403, 200, 200, 200),
    "uppdrag:ny": (302, 200, 403, 403, 403, 200),
    "uppdrag:adressera": (302, 200, 200, 403, 403, 200),
    "uppdrag:avsta": (302, 405, 405, 405, 405, 405),
    "uppdrag:avstaende_ta_bort": (302, 405, 405, 405, 405, 405),
    "uppdrag:detalj": (302, 200, 200, 200, 404, 200),
    "uppdrag:andra": (302, 200, 403, 403, 403, 200),
    "uppdrag:overgang": (302, 405, 405, 405, 405, 405),
    "uppdrag:besluta": (302, 403, 302, 403, 403, 403),
    "uppdrag:kommentera": (302, 405, 405, 405, 405, 405),
    "uppdrag:mal_ny": (302, 405, 405, 405, 405, 405),
    "uppdrag:milstolpe_ny": (302, 405, 405, 405, 405, 405),
    "uppdrag:plan_spara": (302, 405, 405, 405, 405, 405),
    "uppdrag:versioner": (302, 200, 200, 200, 404, 200),
    "uppdrag:version": (302, 404, 404, 404, 404, 404),
    "uppdrag:mal_andra": (302, 403, 403, 403, 403, 403),
    "uppdrag:mal_ta_bort": (302, 405, 405, 405, 405, 405),
    "uppdrag:milstolpe_ta_bort": (302, 405, 405, 405, 405, 405),
    "uppdrag:milstolpe_klar": (302, 405, 405, 405, 405, 405),
    "uppfoljning:index": (302, 200, 200, 200, 200, 200),
    "uppfoljning:rapporter": (302, 200, 200, 200, 200, 200),
    "uppfoljning:rapport": (302, 200, 200, 200, 404, 200),
    "uppfoljning:rapport_spara": (302, 405, 405, 405, 405, 405),
    "uppfoljning:rapport_granska": (302, 405, 405, 405, 405, 405),
    "uppfoljning:uppdrag": (302, 200, 200, 200, 404, 200),
    "uppfoljning:rapport_ny": (302, 405, 405, 405, 405, 405),
    "uppfoljning:behovsgrupp": (302, 200, 200, 403, 403, 200),
    "uppfoljning:arsuppfoljning": (302, 200, 200, 403, 403, 200),
    "uppfoljning:arsuppfoljning_pdf": (302, 200, 200, 403, 403, 200),
    "uppfoljning:arsuppfoljning_paborja": (302, 405, 405, 405, 405, 405),
    "uppfoljning:arsuppfoljning_spara": (302, 405, 405, 405, 405, 405),
    "uppfoljning:arsuppfoljning_godkann": (302, 405, 405, 405, 405, 405),
    "uppfoljning:nasta_ar": (302, 200, 200, 403, 403, 200),
    "uppfoljning:nasta_ar_starta": (302, 405, 405, 405, 405, 405),
    "uppfoljning:fortsattning": (302, 405, 405, 405, 405, 405),
    "login": (200, 200, 200, 200, 200, 200),
    "logout": (302, 405, 405, 405, 405, 405),
    "password_change": (302, 200, 200, 200, 200, 200),
    "password_change_done": (302, 200, 200, 200, 200, 200),
}

# POSTs that any logged-in user may make on their own behalf.
EGNA = {
    "natverken:kalender_fornya",
    "natverken:kalender_aterkalla",
    "logout",
    "password_change",
    "password_change_done",
}


@pytest.fixture
def klienter(demo):
    User = get_user_model()
    resultat = {}
    for persona in PERSONER:
        klient = Client()
        if persona != "anonym":
            klient.force_login(User.objects.get(username=persona))
        resultat[persona] = klient
    return resultat


def test_varje_url_finns_i_matrisen():
    saknas = sorted({namn for namn, _ in alla_url_namn()} - set(MATRIS))
    assert not saknas, f"Lägg till i behörighetsmatrisen: {saknas}"


def test_get_ger_vantat_svar_for_varje_persona(klienter):
    args = argument()
    avvikelser = []
    for namn, _ in alla_url_namn():
        url = reverse(namn, kwargs=args.get(namn, {}))
        for persona, vantat in zip(PERSONER, MATRIS[namn], strict=True):
            svar = klienter[persona].get(url)
            if svar.status_code != vantat:
                avvikelser.append(f"{namn} som {persona}: {svar.status_code}, väntat {vantat}")
            if persona == "anonym" and vantat == 302:
                assert svar["Location"].startswith("/konto/logga-in/"), namn
    assert not avvikelser, "\n".join(avvikelser)


def test_post_som_anonym_eller_fel_utforare_andrar_inget(klienter):
    args = argument()
    for namn, _ in alla_url_namn():
        url = reverse(namn, kwargs=args.get(namn, {}))
        anonym = klienter["anonym"].post(url)
        if namn != "login":
            assert anonym.status_code in (302, 405), namn
            if anonym.status_code == 302:
                assert anonym["Location"].startswith("/konto/logga-in/"), namn
        if namn not in EGNA | {"login"}:
            assert klienter["utforare2"].post(url).status_code in (403, 404, 405), namn
