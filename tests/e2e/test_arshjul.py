from __future__ import annotations

import pytest
from playwright.sync_api import expect

from behov.models import Behovsanalys, Behovsgrupp
from natverken.models import Fas
from tests import factories
from tests.e2e.conftest import logga_in


@pytest.mark.django_db(transaction=True)
def test_oppna_hjulet_och_folj_en_fas_till_arbetet(page, live_server, skarmbild):
    factories.anvandare("anna", "tjansteperson", first_name="Anna")
    ar = factories.planeringsar(2027)
    Fas.skapa_standardfaser(ar)
    Behovsanalys.objects.create(
        behovsgrupp=Behovsgrupp.objects.create(namn="Äldre multisjuka"), planeringsar=ar
    )

    logga_in(page, live_server, "anna", factories.LOSENORD)
    expect(page.get_by_role("heading", name="Att göra nu")).to_be_visible()
    expect(
        page.get_by_role("link", name="Gör klart behovsanalysen för Äldre multisjuka")
    ).to_be_visible()
    page.get_by_role("link", name="Se alla faser och deras status").click()
    expect(page.get_by_role("heading", name="Årshjulet för budget 2027")).to_be_visible()
    expect(page.locator("svg.hjul")).to_be_visible()
    skarmbild(page, "arshjul")

    fas = page.locator("li.fas", has_text="Identifiera brister")
    expect(fas).to_contain_text("0 av 1 behovsanalyser har beskrivna hälsogap.")
    fas.get_by_role("link", name="Behovsanalyser").click()
    expect(page).to_have_url(f"{live_server.url}/behov/?ar=2027")
    expect(page.get_by_role("heading", name="Äldre multisjuka")).to_be_visible()
