"""A priority round from preparation to the public page, in Chromium, by the right people: an
official prepares and opens it; two elected members rank differently (one by dragging, one
only by keyboard); the aggregate shows the disagreement; a member records the body's decision
with resources; the other enters a reservation; the public reads exactly that. Under the CSP."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from natverken.models import Reservation
from prioritering.models import Prioriteringsomgang, Rangordning
from tests import factories
from tests.e2e.conftest import logga_in, rangordning, tabba_till
from tests.prioritering.conftest import analys

BEHOV = ["Äldre multisjuka", "Unga med psykisk ohälsa", "Diabetes typ 2"]


@pytest.mark.usefixtures("snabba_losenord")
@pytest.mark.django_db(transaction=True)
def test_prioritering_fran_forberedelse_till_oppen_sida(
    page: Page, live_server, skarmbild, browser
):
    factories.anvandare("anna", "tjansteperson", first_name="Anna", last_name="Lind")
    erik = factories.anvandare("erik", "fortroendevald", first_name="Erik", last_name="Holm")
    maria = factories.anvandare("maria", "fortroendevald", first_name="Maria", last_name="Sandberg")
    hsn = factories.organ()
    factories.ledamot(hsn, "Erik Holm", "S", erik)
    factories.ledamot(hsn, "Maria Sandberg", "M", maria)
    factories.ledamot(hsn, "Lena Ström", "SD")
    for namn in BEHOV:
        analys(2027, namn)
    csp_fel: list[str] = []

    def lyssna(p: Page) -> None:
        p.on("console", lambda m: csp_fel.append(m.text) if m.type == "error" else None)

    # --- The official prepares the round and opens it --------------------------------------
    lyssna(page)
    logga_in(page, live_server, "anna", factories.LOSENORD)
    page.goto(f"{live_server.url}/prioritering/?ar=2027")
    page.get_by_role("link", name="Ny prioriteringsomgång").click()
    page.get_by_label("Beslutande organ").select_option(label="Hälso- och sjukvårdsnämnden")
    page.get_by_label("Budgetram (tkr)").fill("10 000")
    page.get_by_label("Datum för beslutsmötet").fill("2026-06-09")
    page.get_by_role("button", name="Skapa omgången").click()
    expect(page.get_by_text("är skapad. Lägg till behoven")).to_be_visible()
    omgang_url = page.url
    for namn in BEHOV:
        page.goto(omgang_url)
        page.get_by_label("Behovsanalys (klar för prioritering)").select_option(label=namn)
        page.get_by_label("Behov (obligatoriskt)", exact=True).fill(namn)
        page.get_by_label("Föreslagen åtgärd").fill(f"Åtgärder för {namn.lower()}")
        page.get_by_label("Beräknad kostnad för åtgärden (tkr per år)").fill("4 000")
        page.get_by_role("button", name="Lägg till behovet").click()
        expect(page.get_by_role("heading", name="Prioritetsgrad")).to_be_visible()
        for kriterium, val in [
            ("Svårighetsgrad", "Stor"),
            ("Patientnytta/effekt", "Stor"),
            ("Kostnad i relation till nytta", "Måttlig"),
            ("Kunskapsunderlagets kvalitet", "Hög"),
        ]:
            page.get_by_role("group", name=kriterium).get_by_label(val, exact=True).check()
            page.get_by_label(f"Motivering för {kriterium.lower()}").fill(
                f"{kriterium}: bedömt av Anna."
            )
        page.get_by_role("button", name="Spara bedömningen").click()
        expect(page.get_by_text("Bedömningen är sparad.")).to_be_visible()
        expect(page.locator(".forslagsruta .grad")).to_have_text("4")
    skarmbild(page, "prioritering-bedomning")
    page.goto(omgang_url)
    page.get_by_role("button", name="Öppna för rangordning").click()
    expect(page.get_by_text("Omgången är öppen för rangordning.")).to_be_visible()
    omgang = Prioriteringsomgang.objects.get()
    assert omgang.status == "rangordning"

    # --- Erik ranks by dragging: Äldre to the top --------------------------------------------
    fv = browser.new_page()
    lyssna(fv)
    logga_in(fv, live_server, "erik", factories.LOSENORD)
    fv.goto(omgang_url)
    fv.get_by_role("link", name="Rangordna behoven").click()
    # Before ranking, the needs stand by the model's level (all 4 here), then by name.
    assert rangordning(fv) == ["Diabetes typ 2", "Unga med psykisk ohälsa", "Äldre multisjuka"]
    fv.locator("li[data-rubrik='Äldre multisjuka'] .rang-handtag").drag_to(
        fv.locator("li[data-rubrik='Diabetes typ 2']"), target_position={"x": 30, "y": 4}
    )
    assert rangordning(fv) == ["Äldre multisjuka", "Diabetes typ 2", "Unga med psykisk ohälsa"]
    expect(fv.locator("li[data-rubrik='Äldre multisjuka'] .platsfalt")).to_have_value("1")
    expect(fv.get_by_text("Ordningen är ändrad men inte sparad.")).to_be_visible()
    skarmbild(fv, "prioritering-rangordna-dra")
    fv.get_by_role("button", name="Spara min rangordning").click()
    expect(fv.locator(".meddelande", has_text="Din rangordning är sparad.")).to_be_visible()

    # --- Maria ranks only with the keyboard: Unga first, then Äldre ----------------------------
    mp = browser.new_page()
    lyssna(mp)
    logga_in(mp, live_server, "maria", factories.LOSENORD)
    mp.goto(f"{omgang_url}rangordna/")
    tabba_till(mp, "↑ Flytta upp: Unga med psykisk ohälsa")
    mp.keyboard.press("Enter")
    expect(mp.locator("#min-rangordning-status")).to_have_text(
        "Unga med psykisk ohälsa: plats 1 av 3."
    )
    assert rangordning(mp) == ["Unga med psykisk ohälsa", "Diabetes typ 2", "Äldre multisjuka"]
    # Focus stays on the moved need's button; Tab on to Äldre's.
    tabba_till(mp, "↑ Flytta upp: Äldre multisjuka")
    mp.keyboard.press("Enter")
    assert rangordning(mp) == ["Unga med psykisk ohälsa", "Äldre multisjuka", "Diabetes typ 2"]
    skarmbild(mp, "prioritering-rangordna-tangentbord")
    tabba_till(mp, "Spara min rangordning")
    mp.keyboard.press("Enter")
    expect(mp.locator(".meddelande", has_text="Din rangordning är sparad.")).to_be_visible()
    assert Rangordning.objects.count() == 2

    # --- The aggregate shows the disagreement --------------------------------------------------
    # Borda (n = 3): Äldre 2 + 1 = 3, Unga 0 + 2 = 2, Diabetes 1 + 0 = 1.
    samlad = mp.locator("table.samlad")
    expect(samlad).to_contain_text("Erik Holm (S)")
    expect(samlad).to_contain_text("Maria Sandberg (M)")
    expect(samlad.locator("tbody tr").first).to_contain_text("Äldre multisjuka")
    unga = samlad.locator("tbody tr", has_text="Unga med psykisk ohälsa")
    expect(unga).to_contain_text("Stor oenighet")
    expect(unga).to_contain_text("placerad 1–3")
    skarmbild(mp, "prioritering-samlad")
    mp.goto(f"{omgang_url}mote/")
    expect(
        mp.get_by_role(
            "heading", name="Hälso- och sjukvårdsnämnden: Prioritering inför budget 2027"
        )
    ).to_be_visible()
    skarmbild(mp, "prioritering-motesvy")

    # --- Erik prepares and records the body's decision -------------------------------------------
    fv.goto(omgang_url)
    fv.get_by_role("link", name="Förbered och registrera beslutet").click()
    # The proposal starts from the aggregate; the body puts Unga first (typed, then Enter).
    for namn, princip in [
        ("Äldre multisjuka", "Behovs-solidaritetsprincipen"),
        ("Unga med psykisk ohälsa", "Behovs-solidaritetsprincipen"),
        ("Diabetes typ 2", "Kostnadseffektivitetsprincipen"),
    ]:
        fv.get_by_label(f"Bärande princip: {namn}").select_option(label=princip)
        fv.get_by_label(f"Motivering: {namn}").fill(f"{namn} går hit eftersom gapet är stort.")
    fv.locator("li[data-rubrik='Unga med psykisk ohälsa'] .platsfalt").fill("1")
    fv.locator("li[data-rubrik='Unga med psykisk ohälsa'] .platsfalt").press("Enter")
    fv.get_by_role("button", name="Spara förslaget").click()
    expect(fv.get_by_text("Förslaget till beslut är sparat.")).to_be_visible()
    assert rangordning(fv)[0] == "Unga med psykisk ohälsa"

    fv.get_by_role("link", name="Resurser").first.click()
    for namn, belopp in [
        ("Unga med psykisk ohälsa", "4 000"),
        ("Äldre multisjuka", "3 500"),
        ("Diabetes typ 2", "1 500"),
    ]:
        fv.get_by_label(f"Belopp (tkr) för {namn}").fill(belopp)
        fv.get_by_label(f"Typ för {namn}").select_option(label="Prioritera (mer resurser)")
    fv.get_by_role("button", name="Spara fördelningen").click()
    expect(fv.get_by_text("1\u00a0000 tkr av ramen är inte fördelade (reserv).")).to_be_visible()
    skarmbild(fv, "prioritering-resurser")

    fv.goto(f"{omgang_url}beslut/")
    fv.get_by_label("Beslutsdatum").fill("2026-06-09")
    fv.get_by_label("Protokollsparagraf").fill("§ 61")
    skarmbild(fv, "prioritering-besluta")
    fv.get_by_role("button", name="Registrera hälso- och sjukvårdsnämndens beslut").click()
    expect(fv.locator(".meddelande", has_text="Beslutet är registrerat")).to_be_visible()
    expect(fv.get_by_role("heading", name="Beslutad ordning")).to_be_visible()

    # --- Maria enters her reservation --------------------------------------------------------------
    mp.goto(omgang_url)
    mp.locator("summary", has_text="Registrera en reservation").click()
    mp.get_by_label("Ledamot som reserverar sig").select_option(label="Maria Sandberg (M)")
    mp.get_by_label("Reservationens text").fill(
        "Diabetesvården borde ha fått mer: nyttan är väl belagd."
    )
    mp.get_by_role("button", name="Registrera reservationen").click()
    expect(mp.get_by_text("Reservation av Maria Sandberg (M):")).to_be_visible()
    assert Reservation.objects.get().ledamot.namn == "Maria Sandberg"
    skarmbild(mp, "prioritering-beslutad")

    # --- The public reads exactly the decision -------------------------------------------------------
    allmanhet = browser.new_page()
    lyssna(allmanhet)
    allmanhet.goto(f"{live_server.url}/offentligt/?ar=2027")
    ordning = allmanhet.locator("table.oversikt tbody tr")
    expect(ordning).to_have_count(3)
    expect(ordning.nth(0)).to_contain_text("Unga med psykisk ohälsa")
    expect(ordning.nth(0)).to_contain_text("4\u00a0000 tkr")
    expect(allmanhet.get_by_text("Reservation av Maria Sandberg (M):")).to_be_visible()
    expect(
        allmanhet.get_by_text("Unga med psykisk ohälsa går hit eftersom gapet är stort.")
    ).to_be_visible()
    expect(allmanhet.get_by_text("Prioritetsgrad")).to_have_count(0)
    skarmbild(allmanhet, "prioritering-offentlig")
    with allmanhet.expect_download() as nedladdning:
        allmanhet.get_by_role("link", name="Tabell för Excel (CSV)").click()
    innehall = Path(nedladdning.value.path()).read_bytes()
    assert innehall.startswith(b"\xef\xbb\xbf") and "Unga med psykisk ohälsa".encode() in innehall
    allmanhet.emulate_media(media="print")
    skarmbild(allmanhet, "prioritering-offentlig-utskrift")
    assert not [f for f in csp_fel if "Content Security Policy" in f], csp_fel
    for p in (fv, mp, allmanhet):
        p.close()
