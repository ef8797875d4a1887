from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import LOSENORD

pytestmark = pytest.mark.django_db


def test_for_manga_felaktiga_forsok_sparrar_inloggningen(tjansteperson):
    klient = Client()
    for _ in range(4):
        svar = klient.post(
            "/konto/logga-in/", {"username": "tjansteperson", "password": "gissning"}
        )
        assert "stämmer inte" in svar.content.decode()
    svar = klient.post("/konto/logga-in/", {"username": "tjansteperson", "password": "gissning"})
    assert svar.status_code == 429 and "tillfälligt spärrad" in svar.content.decode()
    # Even the right password is refused while locked.
    svar = klient.post("/konto/logga-in/", {"username": "tjansteperson", "password": LOSENORD})
    assert svar.status_code == 429
    assert "_auth_user_id" not in klient.session


def test_ratt_losenord_efter_nagra_fel_gar_igenom(tjansteperson):
    klient = Client()
    for _ in range(3):
        klient.post("/konto/logga-in/", {"username": "tjansteperson", "password": "fel"})
    svar = klient.post("/konto/logga-in/", {"username": "tjansteperson", "password": LOSENORD})
    assert svar.status_code == 302
