"""A commission in the browser, the whole way: an official makes it from a decided priority
(goals inherited from the gap, baseline from the data) and writes the follow-up plan → the
provider comments in the dialogue → an elected member records the body's decision → an edit
after the decision is a new version whose difference anyone can read, field by field."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from natverken.models import Omrade
from tests import factories
from tests.e2e.conftest import logga_in
from tests.uppdrag.hjalp import beslutad_omgang, rokindikator
from uppdrag.models import Uppdrag


@pytest.mark.django_db(transaction=True)
def test_uppdrag_fran_prioritering_till_ny_version(page, live_server, skarmbild, browser):
    factories.anvandare("anna", "tjansteperson", first_name="Anna", last_name="Lind")
    erik = factories.anvandare("erik", "fortroendevald", first_name="Erik", last_name="Holm")
    norr = factories.utforare("Vårdcentralen Norr")
    factories.anvandare("sara", "utforare", utforare=norr, first_name="Sara", last_name="Berg")
    hsn = factories.organ()
    factories.ledamot(hsn, "Erik Holm", "S", erik)
    dalarna = Omrade.objects.get(scb_kod="20")
    beslutad_omgang(hsn, rokindikator(dalarna), dalarna)
    konsolfel: list[str] = []
    page.on("console", lambda m: konsolfel.append(m.text) if m.type == "error" else None)

    # The official makes a commission from the decided need ranked first.
    logga_in(page, live_server, "anna", factories.LOSENORD)
    page.goto(f"{live_server.url}/uppdrag/?ar=2027")
    page.get_by_role("link", name="Nytt uppdrag från beslutade prioriteringar").click()
    page.get_by_label("1. Behov 1: Rökare i Dalarna").check()
    page.get_by_label("Titel").fill("Rökfri Dalarna")
    page.get_by_label("Typ av insats").select_option(label="Förebyggande")
    page.get_by_label("Utförare (mottagare)").select_option(label="Vårdcentralen Norr")
    page.get_by_label("Långsiktigt mål").fill("Färre vuxna i Dalarna röker dagligen.")
    page.get_by_role("button", name="Skapa uppdraget som utkast").click()
    expect(page.get_by_text("Uppdraget är skapat som utkast med 1 mål")).to_be_visible()
    expect(page.get_by_role("heading", name="Rökfri Dalarna", level=1)).to_be_visible()
    mal = page.locator("#mal table")
    expect(mal).to_contain_text("Minska daglig rökning – Region Dalarna")
    expect(mal).to_contain_text("9,5 (2024)")  # the latest value in the data (2025 is missing)
    expect(mal).to_contain_text("7,0")  # the body's decided target for the gap
    expect(page.locator(".korthet")).to_contain_text("1 200 tkr")  # the need's allocation

    page.locator("#uppfoljning").get_by_label("Minska daglig rökning – Region Dalarna").check()
    page.get_by_label("Hur ofta utföraren rapporterar").select_option(label="Halvår")
    page.get_by_label("Vem rapporterar").fill("Verksamhetschef, Vårdcentralen Norr")
    page.get_by_label("Vad räknas som klart").fill("Andelen dagligrökare är nere i 7,0 %.")
    page.get_by_role("button", name="Spara uppföljningsplanen").click()
    expect(page.get_by_text("Uppföljningsplanen är sparad.")).to_be_visible()
    page.get_by_role("button", name="Skicka till dialog med utföraren").click()
    expect(page.get_by_text("Uppdraget är i dialog med Vårdcentralen Norr")).to_be_visible()
    uppdrag = Uppdrag.objects.get()

    # The provider finds it among its own commissions and comments.
    utf = browser.new_page()
    logga_in(utf, live_server, "sara", factories.LOSENORD)
    utf.goto(f"{live_server.url}/uppdrag/mina/")
    expect(utf.get_by_role("heading", name="Väntar på era synpunkter (1)")).to_be_visible()
    utf.get_by_role("link", name="Rökfri Dalarna").click()
    utf.get_by_label("Din kommentar").fill("Vi behöver börja med vårdcentralerna i Borlänge.")
    utf.get_by_role("button", name="Publicera kommentaren").click()
    expect(utf.get_by_text("Kommentaren är publicerad i dialogen.")).to_be_visible()
    expect(utf.locator("#dialog")).to_contain_text("Sara Berg, Vårdcentralen Norr")
    skarmbild(utf, "uppdrag-dialog-utforare")
    utf.close()

    page.reload()
    expect(page.locator("#dialog")).to_contain_text(
        "Vi behöver börja med vårdcentralerna i Borlänge."
    )
    page.get_by_label("Din kommentar").fill("Bra, det skriver vi in i beskrivningen.")
    page.get_by_role("button", name="Publicera kommentaren").click()
    page.get_by_role("button", name="Skicka för beslut").click()
    expect(page.get_by_text("Uppdraget är skickat för beslut.")).to_be_visible()

    # The elected member records the body's decision.
    fv = browser.new_page()
    logga_in(fv, live_server, "erik", factories.LOSENORD)
    fv.goto(f"{live_server.url}/uppdrag/{uppdrag.pk}/")
    fv.get_by_role("link", name="Registrera organets beslut").click()
    fv.get_by_label("Beslutsdatum").fill("2026-10-20")
    fv.get_by_label("Protokollsparagraf").fill("§ 97")
    fv.get_by_role("button", name="Registrera beslutet").click()
    expect(fv.get_by_text("Beslutet är registrerat")).to_be_visible()
    expect(fv.locator(".statusrad")).to_contain_text("Beslutad")
    expect(fv.locator("#beslut")).to_contain_text(
        "Hälso- och sjukvårdsnämnden beslutade uppdraget 20 oktober 2026, § 97"
    )
    skarmbild(fv, "uppdrag-beslutat")
    fv.close()

    # After the decision, the official's edit is a new version with a reason.
    page.goto(f"{live_server.url}/uppdrag/{uppdrag.pk}/")
    expect(page.get_by_role("link", name="Ändra uppdraget")).to_have_count(0)
    page.get_by_role("link", name="Ändra efter beslut (ny version)").click()
    page.get_by_label("Budget (tkr)").fill("1500")
    page.get_by_label("Målvärde").fill("6,5")
    page.get_by_role("button", name="Spara som ny version").click()
    expect(page.get_by_text("Ange varför uppdraget ändras efter beslutet.")).to_be_visible()
    page.get_by_label("Skäl till ändringen").fill("Tilläggsanslag på 300 tkr; målet skärps.")
    page.get_by_role("button", name="Spara som ny version").click()
    expect(page.get_by_text("Version 2 är sparad.")).to_be_visible()
    version2 = page.locator("#version-2")
    expect(version2).to_contain_text("Tilläggsanslag på 300 tkr; målet skärps.")
    budget = version2.get_by_role("row", name="Budget (tkr)")
    expect(budget.locator("del")).to_have_text("1\u00a0200 tkr")
    expect(budget.locator("ins")).to_have_text("1\u00a0500 tkr")
    malvarde = version2.get_by_role("row", name="Målvärde")
    expect(malvarde.locator("del")).to_have_text("7,0")
    expect(malvarde.locator("ins")).to_have_text("6,5")
    skarmbild(page, "uppdrag-versioner")

    # The decided version is still readable as decided.
    page.get_by_role("link", name="Läs version 1 i sin helhet").click()
    expect(page.get_by_text("Så här beslutades uppdraget")).to_be_visible()
    expect(page.locator("dl.fakta")).to_contain_text("1\u00a0200 tkr")
    page.goto(f"{live_server.url}/uppdrag/{uppdrag.pk}/")
    expect(page.get_by_text("gäller nu i version 2")).to_be_visible()
    skarmbild(page, "uppdrag-sida")
    assert not [f for f in konsolfel if "Content Security Policy" in f], konsolfel
