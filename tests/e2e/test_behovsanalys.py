"""A needs analysis from scratch in the browser: group → analysis → gap with a proposed target
→ the body's decision recorded by a förtroendevald → marked ready. Charts draw under the CSP."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from behov.models import Behovsanalys, Indikator, Matvarde
from natverken.models import Omrade
from tests import factories
from tests.e2e.conftest import logga_in


@pytest.mark.django_db(transaction=True)
def test_behovsanalys_fran_grupp_till_klar(page, live_server, skarmbild, browser):
    factories.anvandare("anna", "tjansteperson", first_name="Anna", last_name="Lind")
    erik = factories.anvandare("erik", "fortroendevald", first_name="Erik", last_name="Holm")
    factories.ledamot(factories.organ(), "Erik Holm", "S", erik)
    factories.planeringsar(2027)
    dalarna = Omrade.objects.get(scb_kod="20")
    ind = Indikator.objects.create(
        kod="ROK",
        namn="Daglig rökning",
        enhet="%",
        polaritet="lagre_battre",
        kalla="Folkhälsoenkäten",
    )
    for ar in range(2018, 2026):
        Matvarde.objects.create(
            indikator=ind,
            omrade=dalarna,
            period_start=dt.date(ar, 1, 1),
            period_slut=dt.date(ar, 12, 31),
            period=str(ar),
            varde=12 - 0.4 * (ar - 2018),
            ki_lag=11 - 0.4 * (ar - 2018),
            ki_hog=13 - 0.4 * (ar - 2018),
        )
    csp_fel: list[str] = []
    page.on("console", lambda m: csp_fel.append(m.text) if m.type == "error" else None)

    logga_in(page, live_server, "anna", factories.LOSENORD)
    page.goto(f"{live_server.url}/behov/grupper/ny/")
    page.get_by_label("Namn").fill("Rökare i Dalarna")
    page.get_by_label("Område").select_option(label="Region Dalarna")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Behovsgruppen ”Rökare i Dalarna” är sparad.")).to_be_visible()

    page.goto(f"{live_server.url}/behov/?ar=2027")
    page.get_by_label("Ny behovsanalys inför 2027 för").select_option(label="Rökare i Dalarna")
    page.get_by_role("button", name="Skapa behovsanalys").click()
    expect(page.get_by_role("heading", name="Rökare i Dalarna")).to_be_visible()

    page.get_by_role("textbox", name="Hälsoläge").fill(
        "Rökningen minskar men långsammare än i riket."
    )
    page.get_by_role("textbox", name="Slutsats").fill("Behovet går vidare till prioritering.")
    page.get_by_role("button", name="Spara texten").click()
    expect(page.get_by_text("Analysen är sparad.")).to_be_visible()

    page.get_by_text("Lägg till ett hälsogap").click()
    page.get_by_label("Indikator").select_option(label="Daglig rökning")
    page.get_by_label("Område").select_option(label="Region Dalarna")
    page.get_by_label("Föreslaget målvärde").fill("7,0")
    page.get_by_label("Föreslaget målår").fill("2030")
    page.get_by_label("Vårdbehov?").select_option(label="Ja")
    page.get_by_role("button", name="Lägg till").first.click()
    expect(page.get_by_text("är tillagt med aktuellt värde från data")).to_be_visible()
    expect(page.locator("#gap-" + str(ind.halsogap.get().pk))).to_contain_text("9,2")

    page.get_by_text("Lägg till en datakälla").click()
    page.locator("#datakallor").get_by_label("Slag").select_option(label="Självskattningsdata")
    page.locator("#datakallor").get_by_label("Beskrivning").fill("Folkhälsoenkäten 2025")
    page.locator("#datakallor").get_by_label("Brister").fill("Låg svarsfrekvens bland unga män")
    page.locator("#datakallor").get_by_role("button", name="Lägg till").click()
    expect(page.get_by_text("Datakällan är tillagd.")).to_be_visible()
    page.wait_for_selector(".diagram-yta .main-svg")
    skarmbild(page, "behovsanalys-utkast")

    # The elected representative records the body's decision on the target.
    fv = browser.new_page()
    logga_in(fv, live_server, "erik", factories.LOSENORD)
    analys = Behovsanalys.objects.get()
    fv.goto(f"{live_server.url}/behov/analyser/{analys.pk}/")
    fv.get_by_role("link", name="Registrera nämndens beslut om målet").click()
    fv.get_by_label("Beslutat målvärde").fill("6,5")
    fv.get_by_label("Beslutsdatum").fill("2026-04-21")
    fv.get_by_label("Protokollsparagraf").fill("§ 44")
    fv.get_by_role("button", name="Registrera beslutet").click()
    expect(fv.get_by_text("6,5 till 2030")).to_be_visible()
    expect(fv.get_by_text("§ 44").first).to_be_visible()
    fv.close()

    page.reload()
    page.get_by_role("button", name="Markera klar för prioritering").click()
    expect(
        page.get_by_text("Analysen är klar för prioritering och är nu låst för ändringar.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Spara texten")).to_have_count(0)
    skarmbild(page, "behovsanalys-klar")
    assert not [f for f in csp_fel if "Content Security Policy" in f], csp_fel
