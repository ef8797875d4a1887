"""A whole planning year in Chromium, through the pages only, by the four personas in their
own browser contexts: real Kolada files imported → two needs analyses with gaps → the targets
decided by an elected member → the official's assessment, two members' rankings (one only by
keyboard) → the body's decision with a reservation and the resources → a commission with goals
and a follow-up plan, discussed with the provider and decided → the provider's report, accepted
→ the yearly follow-up approved → fullmäktige's budget registered from the årshjul → the budget
PDF downloaded → the next year started with the unmet gaps carried forward, and the running
commission's continuation decided. Each step is kept as a screenshot `helt-ar-NN-<steg>.png`
(the PDF and a picture of its first page too).

The year walked is two years back, so every date typed (decisions, the report's deadline) is
in the past whatever day the test runs, and the report is owed: nothing depends on today."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect

from natverken.models import Fas, Omrade, Organ
from tests import factories
from tests.e2e.conftest import (
    ARTEFAKTER,
    csp_fel,
    kor_arbetaren,
    ladda_upp_fil,
    logga_in,
    lyssna_efter_fel,
    mappa_en_indikator_per_kon,
    ny_indikator_i_importen,
    rangordning,
    tabba_till,
)

KOLADA = Path(__file__).resolve().parents[2] / "behov" / "data" / "kolada"
BARN_FIL = KOLADA / "kolada_barn_ekonomiskt_utsatta_regioner.csv"
TILLIT_FIL = KOLADA / "kolada_tillit_dalarna_kon.csv"
BARN = "Invånare 0-19 år i ekonomiskt utsatta hushåll, andel (%)"
TILLIT = "Invånare 16-84 år med avsaknad av tillit till andra, andel (%)"
# The two needs groups and what they are called as needs in the priority round.
BARNGRUPP = "Barn i ekonomiskt utsatta hushåll"
TILLITGRUPP = "Vuxna som saknar tillit till andra"
BARNBEHOV = "Barn som växer upp i ekonomisk utsatthet"
TILLITBEHOV = "Vuxna som står utanför gemenskapen"
UPPDRAG = "Familjestöd i Dalarna"

AR = timezone.localdate().year - 2  # the budget year walked; prepared the year before
FORE = AR - 1


class Arbetsbord:
    """One browser context per persona; screenshots numbered in the order they are taken."""

    def __init__(self, browser: Browser, live_server, skarmbild) -> None:
        self.browser, self.server, self._skarmbild = browser, live_server, skarmbild
        self.url = live_server.url
        self.kontexter: list[BrowserContext] = []
        self.fel: list[str] = []
        self.bilder: list[Path] = []

    def persona(self, anvandarnamn: str) -> Page:
        kontext = self.browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
        self.kontexter.append(kontext)
        page = kontext.new_page()
        page.set_default_timeout(30_000)
        lyssna_efter_fel(page, self.fel)
        logga_in(page, self.server, anvandarnamn, factories.LOSENORD)
        expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
        return page

    def bild(self, page: Page, steg: str) -> None:
        self.bilder.append(self._skarmbild(page, f"helt-ar-{len(self.bilder) + 1:02d}-{steg}"))

    def stang(self) -> None:
        for kontext in self.kontexter:
            kontext.close()


@pytest.fixture
def bord(browser, live_server, skarmbild):
    bord = Arbetsbord(browser, live_server, skarmbild)
    yield bord
    bord.stang()  # before the database is flushed: no page left talking to the server


def _region() -> None:
    """The starting point: Sweden's areas (a data migration), the body with its members, the
    providers, the users and the planning year with its årshjul. Nothing else."""
    factories.anvandare("tjansteperson", "tjansteperson", first_name="Anna", last_name="Lind")
    erik = factories.anvandare(
        "fortroendevald", "fortroendevald", first_name="Erik", last_name="Holm"
    )
    maria = factories.anvandare(
        "fortroendevald2", "fortroendevald", first_name="Maria", last_name="Sandberg"
    )
    norr = factories.utforare("Vårdcentralen Norr")
    factories.utforare("Psykiatrin Syd")
    factories.anvandare("utforare", "utforare", utforare=norr, first_name="Sara", last_name="Berg")
    hsn = factories.organ()
    factories.ledamot(hsn, "Erik Holm", "S", erik)
    factories.ledamot(hsn, "Maria Sandberg", "M", maria)
    factories.ledamot(hsn, "Lena Ström", "SD")
    rf = factories.organ("Regionfullmäktige", Organ.Typ.FULLMAKTIGE)
    factories.ledamot(rf, "Erik Holm", "S", erik)
    Fas.skapa_standardfaser(factories.planeringsar(AR))
    assert Omrade.objects.filter(scb_kod="20", namn="Region Dalarna").exists()


def _pdftext(sokvag: str) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", sokvag, "-"], capture_output=True, check=True, text=True
    ).stdout


# --- The steps -------------------------------------------------------------------------------


def importera(bord: Arbetsbord, anna: Page) -> None:
    """The official imports both real Kolada files; the first names an indicator that doesn't
    exist, so the check stops and the page offers to create it."""
    anna.goto(f"{bord.url}/behov/import/")
    ladda_upp_fil(anna, BARN_FIL)
    expect(anna.get_by_role("heading", name=f"Importera {BARN_FIL.name}")).to_be_visible()
    anna.get_by_role("button", name="Kontrollera och importera").last.click()
    expect(anna.get_by_role("heading", name=re.compile("Filen har 315 fel"))).to_be_visible()
    expect(anna.get_by_label(re.compile(r"^Namn\b"))).to_have_value(BARN)
    ny_indikator_i_importen(anna)
    expect(anna.get_by_text(f"Indikatorn ”{BARN}” är skapad.")).to_be_visible()
    anna.get_by_role("button", name="Kontrollera och importera").last.click()
    expect(anna).to_have_url(re.compile(r"/jobb/\d+/$"))
    kor_arbetaren()
    expect(anna.locator("#jobbstatus")).to_contain_text(
        "315 värden importerade (315 nya, 0 ersatta)", timeout=20_000
    )
    bord.bild(anna, "import-barn-klart")

    anna.goto(f"{bord.url}/behov/import/")
    ladda_upp_fil(anna, TILLIT_FIL)
    expect(anna.get_by_label(re.compile(r"^Namn\b"))).to_have_value(TILLIT)
    ny_indikator_i_importen(anna, enhet="%")
    expect(anna.get_by_text(f"Indikatorn ”{TILLIT}” är skapad.")).to_be_visible()
    mappa_en_indikator_per_kon(anna, TILLIT)
    anna.get_by_role("button", name="Kontrollera och importera").last.click()
    kor_arbetaren()
    expect(anna.locator("#jobbstatus")).to_contain_text(
        "42 värden importerade (42 nya, 0 ersatta)", timeout=20_000
    )

    anna.goto(f"{bord.url}/behov/import/")
    for fil, antal in [(BARN_FIL.name, "315"), (TILLIT_FIL.name, "42")]:
        rad = anna.get_by_role("row", name=re.compile(re.escape(fil)))
        expect(rad).to_contain_text("Genomförd")
        expect(rad).to_contain_text(antal)
        expect(rad).to_contain_text("Anna Lind")
    bord.bild(anna, "importer")


def behovsanalys(
    bord: Arbetsbord,
    anna: Page,
    *,
    grupp: str,
    indikator: str,
    aktuellt: str,
    mal: str,
    halsolage: str,
    kalla: str,
) -> str:
    """A needs group and its analysis for the year with one gap on an imported indicator;
    returns the analysis page's address."""
    anna.goto(f"{bord.url}/behov/grupper/ny/")
    anna.get_by_label("Namn").fill(grupp)
    anna.get_by_label("Område").select_option(label="Region Dalarna")
    anna.get_by_role("button", name="Spara").click()
    expect(anna.get_by_text(f"Behovsgruppen ”{grupp}” är sparad.")).to_be_visible()

    anna.goto(f"{bord.url}/behov/?ar={AR}")
    anna.get_by_label(f"Ny behovsanalys inför {AR} för").select_option(label=grupp)
    anna.get_by_role("button", name="Skapa behovsanalys").click()
    expect(anna.get_by_role("heading", name=grupp, level=1)).to_be_visible()
    adress = anna.url
    anna.get_by_role("textbox", name="Hälsoläge").fill(halsolage)
    anna.get_by_role("textbox", name="Slutsats").fill("Behovet går vidare till prioritering.")
    anna.get_by_role("button", name="Spara texten").click()
    expect(anna.get_by_text("Analysen är sparad.")).to_be_visible()

    anna.get_by_text("Lägg till ett hälsogap").click()
    anna.get_by_label("Indikator").select_option(label=indikator)
    anna.get_by_label("Område").select_option(label="Region Dalarna")
    anna.get_by_label("Föreslaget målvärde").fill(mal)
    anna.get_by_label("Föreslaget målår").fill(str(AR + 4))
    anna.get_by_label("Vårdbehov?").select_option(label="Ja")
    anna.get_by_role("button", name="Lägg till").first.click()
    expect(anna.get_by_text("är tillagt med aktuellt värde från data")).to_be_visible()
    expect(anna.locator("article.gapkort")).to_contain_text(aktuellt)

    anna.get_by_text("Lägg till en datakälla").click()
    kallor = anna.locator("#datakallor")
    kallor.get_by_label("Slag").select_option(label="Registerdata")
    kallor.get_by_label("Beskrivning").fill(kalla)
    kallor.get_by_label("Brister").fill("Senaste året i filen ligger några år bakåt.")
    kallor.get_by_role("button", name="Lägg till").click()
    expect(anna.get_by_text("Datakällan är tillagd.")).to_be_visible()

    anna.get_by_text("Lägg till en dialog").click()
    dialoger = anna.locator("#dialoger")
    dialoger.get_by_label("Datum").fill(f"{FORE}-04-10")
    dialoger.get_by_label("Med vilka").fill(f"{grupp} och deras organisationer")
    dialoger.get_by_label("Metod").fill("Fokusgrupp")
    dialoger.get_by_label("Sammanfattning").fill("Gruppen känner igen bilden i data.")
    dialoger.get_by_role("button", name="Lägg till").click()
    expect(anna.get_by_text("Dialogen är tillagd.")).to_be_visible()
    return adress


def besluta_malet(bord: Arbetsbord, erik: Page, analys: str, *, mal: str, paragraf: str) -> None:
    erik.goto(analys)
    erik.get_by_role("link", name="Registrera nämndens beslut om målet").click()
    erik.get_by_label("Beslutat målvärde").fill(mal)
    erik.get_by_label("Beslutsdatum").fill(f"{FORE}-04-21")
    erik.get_by_label("Protokollsparagraf").fill(paragraf)
    erik.get_by_role("button", name="Registrera beslutet").click()
    expect(erik.get_by_text(f"{mal} till {AR + 4}").first).to_be_visible()
    expect(erik.get_by_text(paragraf).first).to_be_visible()


def markera_klar(anna: Page, analys: str) -> None:
    anna.goto(analys)
    anna.get_by_role("button", name="Markera klar för prioritering").click()
    expect(
        anna.get_by_text("Analysen är klar för prioritering och är nu låst för ändringar.")
    ).to_be_visible()


def forbered_omgang(bord: Arbetsbord, anna: Page) -> str:
    """The official prepares the round: the frame, the two needs with their assessments."""
    anna.goto(f"{bord.url}/prioritering/?ar={AR}")
    anna.get_by_role("link", name="Ny prioriteringsomgång").click()
    anna.get_by_label("Beslutande organ").select_option(label="Hälso- och sjukvårdsnämnden")
    anna.get_by_label("Budgetram (tkr)").fill("5 000")
    anna.get_by_label("Datum för beslutsmötet").fill(f"{FORE}-06-09")
    anna.get_by_role("button", name="Skapa omgången").click()
    expect(anna.get_by_text("är skapad. Lägg till behoven")).to_be_visible()
    omgang = anna.url
    for grupp, behov, kostnad, stor in [
        (BARNGRUPP, BARNBEHOV, "3 000", "Stor"),
        (TILLITGRUPP, TILLITBEHOV, "2 000", "Måttlig"),
    ]:
        anna.goto(omgang)
        anna.get_by_label("Behovsanalys (klar för prioritering)").select_option(label=grupp)
        anna.get_by_label("Behov (obligatoriskt)", exact=True).fill(behov)
        anna.get_by_label("Föreslagen åtgärd").fill(f"Åtgärder för {behov.lower()}")
        anna.get_by_label("Beräknad kostnad för åtgärden (tkr per år)").fill(kostnad)
        anna.get_by_role("button", name="Lägg till behovet").click()
        expect(anna.get_by_role("heading", name="Prioritetsgrad")).to_be_visible()
        for kriterium, val in [
            ("Svårighetsgrad", stor),
            ("Patientnytta/effekt", "Stor"),
            ("Kostnad i relation till nytta", "Måttlig"),
            ("Kunskapsunderlagets kvalitet", "Hög"),
        ]:
            anna.get_by_role("group", name=kriterium).get_by_label(val, exact=True).check()
            anna.get_by_label(f"Motivering för {kriterium.lower()}").fill(
                f"{kriterium}: bedömt av Anna utifrån analysen."
            )
        anna.get_by_role("button", name="Spara bedömningen").click()
        expect(anna.get_by_text("Bedömningen är sparad.")).to_be_visible()
    bord.bild(anna, "bedomning")
    anna.goto(omgang)
    anna.get_by_role("button", name="Öppna för rangordning").click()
    expect(anna.get_by_text("Omgången är öppen för rangordning.")).to_be_visible()
    expect(anna.locator("h1 .status")).to_have_text("Öppen för rangordning")
    return omgang


def rangordna(bord: Arbetsbord, erik: Page, maria: Page, omgang: str) -> None:
    """Erik keeps the model's order; Maria, only with the keyboard, puts the adults first."""
    erik.goto(omgang)
    erik.get_by_role("link", name="Rangordna behoven").click()
    assert rangordning(erik) == [BARNBEHOV, TILLITBEHOV]
    erik.get_by_role("button", name="Spara min rangordning").click()
    expect(erik.locator(".meddelande", has_text="Din rangordning är sparad.")).to_be_visible()

    maria.goto(f"{omgang}rangordna/")
    tabba_till(maria, f"↑ Flytta upp: {TILLITBEHOV}")
    maria.keyboard.press("Enter")
    expect(maria.locator("#min-rangordning-status")).to_have_text(f"{TILLITBEHOV}: plats 1 av 2.")
    assert rangordning(maria) == [TILLITBEHOV, BARNBEHOV]
    bord.bild(maria, "rangordna-tangentbord")
    tabba_till(maria, "Spara min rangordning")
    maria.keyboard.press("Enter")
    expect(maria.locator(".meddelande", has_text="Din rangordning är sparad.")).to_be_visible()
    samlad = maria.locator("table.samlad")
    expect(samlad).to_contain_text("Erik Holm (S)")
    expect(samlad).to_contain_text("Maria Sandberg (M)")
    expect(samlad.locator("tbody tr", has_text=TILLITBEHOV)).to_contain_text("Stor oenighet")
    expect(maria.get_by_text("2 av 3", exact=True)).to_be_visible()  # Lena has not ranked
    bord.bild(maria, "samlad-rangordning")


def besluta_prioriteringen(bord: Arbetsbord, erik: Page, maria: Page, omgang: str) -> None:
    """Erik prepares the proposal (the children first), the allocation, and records the
    body's decision; Maria enters her reservation."""
    erik.goto(omgang)
    erik.get_by_role("link", name="Förbered och registrera beslutet").click()
    for behov, princip in [
        (BARNBEHOV, "Behovs-solidaritetsprincipen"),
        (TILLITBEHOV, "Människovärdesprincipen"),
    ]:
        erik.get_by_label(f"Bärande princip: {behov}").select_option(label=princip)
        erik.get_by_label(f"Motivering: {behov}").fill(f"{behov}: gapet är stort och varaktigt.")
    erik.locator(f"li[data-rubrik='{BARNBEHOV}'] .platsfalt").fill("1")
    erik.locator(f"li[data-rubrik='{BARNBEHOV}'] .platsfalt").press("Enter")
    erik.get_by_role("button", name="Spara förslaget").click()
    expect(erik.get_by_text("Förslaget till beslut är sparat.")).to_be_visible()
    assert rangordning(erik) == [BARNBEHOV, TILLITBEHOV]

    erik.get_by_role("link", name="Resurser").first.click()
    for behov, belopp in [(BARNBEHOV, "3 000"), (TILLITBEHOV, "1 500")]:
        erik.get_by_label(f"Belopp (tkr) för {behov}").fill(belopp)
        erik.get_by_label(f"Typ för {behov}").select_option(label="Prioritera (mer resurser)")
    erik.get_by_role("button", name="Spara fördelningen").click()
    expect(erik.get_by_text("500 tkr av ramen är inte fördelade (reserv).")).to_be_visible()
    bord.bild(erik, "resursfordelning")

    erik.goto(f"{omgang}beslut/")
    erik.get_by_label("Beslutsdatum").fill(f"{FORE}-06-09")
    erik.get_by_label("Protokollsparagraf").fill("§ 61")
    erik.get_by_role("button", name="Registrera hälso- och sjukvårdsnämndens beslut").click()
    expect(erik.locator(".meddelande", has_text="Beslutet är registrerat")).to_be_visible()
    expect(erik.locator("h1 .status")).to_have_text("Beslutad")

    maria.goto(omgang)
    maria.locator("summary", has_text="Registrera en reservation").click()
    maria.get_by_label("Ledamot som reserverar sig").select_option(label="Maria Sandberg (M)")
    maria.get_by_label("Reservationens text").fill(
        "De vuxna som står utanför borde ha gått först: ensamheten driver den psykiska ohälsan."
    )
    maria.get_by_role("button", name="Registrera reservationen").click()
    expect(maria.get_by_text("Reservation av Maria Sandberg (M):")).to_be_visible()
    ordning = maria.locator("section", has=maria.get_by_role("heading", name="Beslutad ordning"))
    expect(ordning).to_contain_text("3\u00a0000 tkr")
    bord.bild(maria, "prioritering-beslutad")


def skapa_uppdrag(bord: Arbetsbord, anna: Page, sara: Page, erik: Page) -> str:
    """The official makes the commission for the first need, with its goal from the gap and a
    yearly follow-up plan; the provider comments; Erik records the body's decision."""
    anna.goto(f"{bord.url}/uppdrag/?ar={AR}")
    anna.get_by_role("link", name="Nytt uppdrag från beslutade prioriteringar").click()
    anna.get_by_label(f"1. {BARNBEHOV}").check()
    anna.get_by_label("Titel").fill(UPPDRAG)
    anna.get_by_label("Typ av insats").select_option(label="Förebyggande")
    anna.get_by_label("Utförare (mottagare)").select_option(label="Vårdcentralen Norr")
    anna.get_by_label("Långsiktigt mål").fill(
        "Färre barn i Dalarna växer upp i ekonomisk utsatthet."
    )
    expect(anna.get_by_label("Startdatum")).to_have_value(f"{AR}-01-01")
    anna.get_by_role("button", name="Skapa uppdraget som utkast").click()
    expect(anna.get_by_text("Uppdraget är skapat som utkast med 1 mål")).to_be_visible()
    uppdrag = anna.url
    mal = anna.locator("#mal table")
    expect(mal).to_contain_text("9,7 (2021)")  # the latest value in the imported file
    expect(mal).to_contain_text("8,0")  # the body's target for the gap
    expect(anna.locator(".korthet")).to_contain_text("3 000 tkr")  # the need's allocation

    anna.locator("#uppfoljning").get_by_label(re.compile("Region Dalarna")).check()
    anna.get_by_label("Hur ofta utföraren rapporterar").select_option(label="Helår")
    anna.get_by_label("Vem rapporterar").fill("Verksamhetschef, Vårdcentralen Norr")
    anna.get_by_label("Vad räknas som klart").fill("Andelen är nere i 8,0 %.")
    anna.get_by_role("button", name="Spara uppföljningsplanen").click()
    expect(anna.get_by_text("Uppföljningsplanen är sparad.")).to_be_visible()
    anna.get_by_role("button", name="Skicka till dialog med utföraren").click()
    expect(anna.get_by_text("Uppdraget är i dialog med Vårdcentralen Norr")).to_be_visible()
    bord.bild(anna, "uppdrag-utkast")

    sara.goto(f"{bord.url}/uppdrag/mina/")
    expect(sara.get_by_role("heading", name="Väntar på era synpunkter (1)")).to_be_visible()
    sara.get_by_role("link", name=UPPDRAG).click()
    sara.get_by_label("Din kommentar").fill(
        "Vi börjar med familjecentralerna i Borlänge och Falun."
    )
    sara.get_by_role("button", name="Publicera kommentaren").click()
    expect(sara.get_by_text("Kommentaren är publicerad i dialogen.")).to_be_visible()
    bord.bild(sara, "uppdrag-dialog")

    anna.reload()
    expect(anna.locator("#dialog")).to_contain_text("familjecentralerna i Borlänge")
    anna.get_by_role("button", name="Skicka för beslut").click()
    expect(anna.get_by_text("Uppdraget är skickat för beslut.")).to_be_visible()

    erik.goto(uppdrag)
    erik.get_by_role("link", name="Registrera organets beslut").click()
    erik.get_by_label("Beslutsdatum").fill(f"{FORE}-10-20")
    erik.get_by_label("Protokollsparagraf").fill("§ 97")
    erik.get_by_role("button", name="Registrera beslutet").click()
    expect(erik.get_by_text("Beslutet är registrerat")).to_be_visible()
    expect(erik.locator(".statusrad")).to_contain_text("Beslutad")
    expect(erik.locator("#beslut")).to_contain_text(
        f"Hälso- och sjukvårdsnämnden beslutade uppdraget 20 oktober {FORE}, § 97"
    )
    bord.bild(erik, "uppdrag-beslutat")

    anna.reload()
    anna.get_by_role("button", name="Starta uppdraget (pågår)").click()
    expect(anna.get_by_text("Uppdraget är startat och pågår.")).to_be_visible()
    return uppdrag


def aterrapportera(bord: Arbetsbord, sara: Page, anna: Page) -> None:
    """The provider writes the year's report from the year's list; the official accepts it."""
    sara.goto(f"{bord.url}/uppfoljning/rapporter/?ar={AR}")
    aret = sara.locator("section", has=sara.get_by_role("heading", name=f"för uppdragen {AR}"))
    aret.get_by_role("button", name=f"Skriv återrapporten {AR} för {UPPDRAG}").click()
    expect(sara.get_by_role("heading", name=f"Återrapport {AR}")).to_be_visible()
    sara.get_by_role("radio", name="Enligt plan").first.check()
    sara.get_by_label("Sammanfattning").fill(
        "Familjestödet är i gång på två familjecentraler; 140 familjer har fått stöd."
    )
    for mal in sara.locator("fieldset.malfalt").all():
        mal.get_by_role("radio", name="Enligt plan").check()
    bord.bild(sara, "aterrapport-skrivs")
    sara.get_by_role("button", name="Lämna in rapporten").click()
    expect(sara.get_by_text(f"Återrapporten {AR} är inlämnad för granskning.")).to_be_visible()

    anna.goto(f"{bord.url}/uppfoljning/rapporter/?ar={AR}")
    granska = anna.locator("section", has=anna.get_by_role("heading", name="Att granska"))
    expect(granska).to_contain_text(UPPDRAG)
    granska.get_by_role("link", name="Granska").click()
    anna.get_by_role("button", name="Godkänn rapporten").click()
    expect(anna.get_by_text(f"Återrapporten {AR} är godkänd.")).to_be_visible()
    bord.bild(anna, "aterrapport-godkand")


def arsuppfoljning(bord: Arbetsbord, anna: Page, erik: Page) -> None:
    anna.goto(f"{bord.url}/uppfoljning/?ar={AR}")
    anna.get_by_role("link", name=f"Årsuppföljning {AR}").click()
    anna.get_by_role("button", name="Påbörja årsuppföljningen").click()
    expect(anna.get_by_text(f"Årsuppföljningen för {AR} är påbörjad som utkast.")).to_be_visible()
    anna.get_by_label("Sammanfattning för årsredovisningen").fill(
        "Familjestödet är genomfört enligt plan. Andelen barn i ekonomiskt utsatta hushåll kan "
        "ännu inte bedömas mot målet: nyare data saknas."
    )
    anna.get_by_role("button", name="Spara sammanfattningen").click()
    expect(anna.get_by_text("Årsuppföljningen är sparad.")).to_be_visible()

    erik.goto(f"{bord.url}/uppfoljning/arsuppfoljning/{AR}/")
    artikel = erik.locator("article", has_text=f"1. {BARNBEHOV}")
    expect(artikel).to_contain_text(UPPDRAG)
    erik.get_by_label("Beslutsdatum").fill(f"{AR + 1}-03-17")
    erik.get_by_label("Protokollsparagraf").fill("§ 23")
    erik.get_by_role("button", name="Registrera godkännandet").click()
    expect(
        erik.get_by_text(
            f"Årsuppföljningen för {AR} är godkänd (Hälso- och sjukvårdsnämnden § 23)."
        )
    ).to_be_visible()
    expect(erik.locator("h1 .status")).to_contain_text("Godkänd")
    bord.bild(erik, "arsuppfoljning-godkand")


def budgetbeslut(bord: Arbetsbord, erik: Page) -> None:
    """Fullmäktige's budget decision, from the årshjul (Erik sits in fullmäktige too)."""
    erik.goto(f"{bord.url}/arshjul/?ar={AR}")
    expect(erik.get_by_role("heading", name=f"Årshjulet för budget {AR}")).to_be_visible()
    # Every phase the system follows is done, the council's budget aside.
    for fas in [
        "Identifiera behovsgrupper",
        "Identifiera brister",
        "Dialog om utvalda behov",
        "Beskriva behov",
        "Prioritera och besluta",
        "Dialog om konsekvenser",
        "Verksamhetsplan och budget",
    ]:
        expect(erik.locator("li.fas", has_text=fas).locator(".status")).to_have_text("✓ Klar")
    fas = erik.locator("li.fas", has_text="Fullmäktige beslutar")
    expect(fas).to_contain_text("Fullmäktige har inte beslutat budgeten.")
    fas.get_by_role("link", name="Registrera budgetbeslutet").click()
    erik.get_by_label("Beslutsdatum").fill(f"{FORE}-11-24")
    erik.get_by_label("Protokollsparagraf").fill("§ 150")
    erik.get_by_label("Beslutstext").fill(f"Verksamhetsplan och budget {AR}.")
    erik.get_by_role("button", name="Registrera beslutet").click()
    expect(erik.get_by_text(f"Fullmäktiges budgetbeslut för {AR} är registrerat.")).to_be_visible()
    expect(fas).to_contain_text(f"Budgeten beslutad {FORE}-11-24 § 150.")
    bord.bild(erik, "arshjul-budget-beslutad")


def ladda_ner_budgetunderlaget(bord: Arbetsbord, anna: Page, omgang: str) -> None:
    """The budget PDF from the round's page: the decided order, the reservation and the
    commission, no longer marked UTKAST now that fullmäktige has decided."""
    anna.goto(omgang)
    # The first PDF starts the chart renderer (kaleido): slow on a busy machine.
    with anna.expect_download(timeout=120_000) as nedladdning:
        anna.get_by_role("link", name=f"Budgetunderlag {AR} (PDF)").click()
    assert nedladdning.value.suggested_filename.startswith(f"budgetunderlag-{AR}-")
    pdf = ARTEFAKTER / "helt-ar-budgetunderlag.pdf"
    nedladdning.value.save_as(pdf)
    text = _pdftext(str(pdf))
    forsta, andra = text.index(f"1. {BARNBEHOV}"), text.index(f"2. {TILLITBEHOV}")
    assert forsta < andra, text
    assert "Maria Sandberg (M): De vuxna som står utanför" in " ".join(text.split()), text
    assert UPPDRAG in text and "UTKAST" not in text, text
    assert "4 500 tkr" in text.replace("\u00a0", " "), text
    # Its first page kept beside the screenshots, to be looked at like them.
    sida = ARTEFAKTER / f"helt-ar-{len(bord.bilder) + 1:02d}-budgetunderlag"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(sida)],
        check=True,
    )
    bord.bilder.append(sida.with_suffix(".png"))


def starta_nasta_ar(bord: Arbetsbord, anna: Page, erik: Page) -> None:
    anna.goto(f"{bord.url}/uppfoljning/?ar={AR}")
    anna.get_by_role("link", name=f"Nästa planeringsår ({AR + 1})").click()
    gap = anna.locator("section", has=anna.get_by_role("heading", name=f"Hälsogap från {AR}"))
    expect(gap).to_contain_text("Inte fört vidare ännu")
    anna.get_by_role("button", name=f"Starta planeringsår {AR + 1}").click()
    expect(
        anna.get_by_text(
            f"Planeringsår {AR + 1} är startat: 2 nya behovsanalyser som utkast, "
            "2 ouppfyllda hälsogap förda vidare med senaste värden."
        )
    ).to_be_visible()
    expect(gap.get_by_text("Fört vidare")).to_have_count(2)
    bord.bild(anna, "nasta-ar-startat")

    # The running commission gets the body's decision for the new year.
    erik.goto(anna.url)
    kort = erik.locator("article", has=erik.get_by_role("heading", name=UPPDRAG))
    expect(kort).to_contain_text("Beslut saknas")
    kort.locator("summary", has_text="Registrera nämndens beslut").click()
    kort.get_by_label("Fortsätt").check()
    kort.get_by_label("Skäl").fill("Gapet är kvar: familjestödet fortsätter ett år till.")
    kort.get_by_label("Beslutsdatum").fill(f"{AR}-04-21")
    kort.get_by_label("Protokollsparagraf").fill("§ 46")
    kort.get_by_role("button", name="Registrera beslutet").click()
    expect(
        erik.get_by_text(f"Beslutet om ”{UPPDRAG}” inför {AR + 1} är registrerat.")
    ).to_be_visible()
    expect(kort).to_contain_text("Fortsätt – Gapet är kvar")
    bord.bild(erik, "nasta-ar-fortsattning")

    anna.goto(f"{bord.url}/behov/?ar={AR + 1}")
    kort = anna.locator("section.kort", has=anna.get_by_role("heading", name=BARNGRUPP))
    expect(kort).to_contain_text("Utkast")
    rad = kort.get_by_role("row", name=re.compile("ekonomiskt utsatta"))
    expect(rad).to_contain_text("9,7")
    expect(rad).to_contain_text(f"föreslaget, {AR + 4}")
    bord.bild(anna, "nasta-ar-behov")


# --- The walk --------------------------------------------------------------------------------


@pytest.mark.usefixtures("snabba_losenord")
@pytest.mark.django_db(transaction=True)
def test_ett_helt_planeringsar_genom_sidorna(bord: Arbetsbord, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HEMREGION = "20"  # Region Dalarna serves here, not the demo region
    _region()
    anna = bord.persona("tjansteperson")
    erik = bord.persona("fortroendevald")
    maria = bord.persona("fortroendevald2")
    sara = bord.persona("utforare")

    # 1. Data in.
    importera(bord, anna)

    # 2. Two needs analyses with a gap each; the current values come from the imported files.
    barn = behovsanalys(
        bord,
        anna,
        grupp=BARNGRUPP,
        indikator=BARN,
        aktuellt="9,7",
        mal="8,0",
        halsolage="Var tionde barn i Dalarna växer upp i ett ekonomiskt utsatt hushåll.",
        kalla="Kolada, barn i ekonomiskt utsatta hushåll per region",
    )
    bord.bild(anna, "behovsanalys-barn")
    tillit = behovsanalys(
        bord,
        anna,
        grupp=TILLITGRUPP,
        indikator=TILLIT,
        aktuellt="27,3",
        mal="22,0",
        halsolage="Drygt var fjärde vuxen i Dalarna saknar tillit till andra.",
        kalla="Kolada, tillit till andra i Dalarna per kön",
    )

    # 3. The elected member records the body's targets; the official marks both ready.
    besluta_malet(bord, erik, barn, mal="8,0", paragraf="§ 44")
    besluta_malet(bord, erik, tillit, mal="22,0", paragraf="§ 45")
    bord.bild(erik, "mal-beslutat")
    markera_klar(anna, barn)
    markera_klar(anna, tillit)
    anna.goto(f"{bord.url}/behov/?ar={AR}")
    for grupp in (BARNGRUPP, TILLITGRUPP):
        kort = anna.locator("section.kort", has=anna.get_by_role("heading", name=grupp))
        expect(kort).to_contain_text("Klar för prioritering")
        expect(kort).to_contain_text(f"beslutat, {AR + 4}")
    bord.bild(anna, "behov-klara")

    # 4. The round: the official's assessments, two members' rankings, the body's decision.
    omgang = forbered_omgang(bord, anna)
    rangordna(bord, erik, maria, omgang)
    besluta_prioriteringen(bord, erik, maria, omgang)

    # 5. The commission, from draft through the dialogue to the body's decision.
    skapa_uppdrag(bord, anna, sara, erik)

    # 6. The year's report, the yearly follow-up, the budget PDF, and the next year.
    aterrapportera(bord, sara, anna)
    arsuppfoljning(bord, anna, erik)
    budgetbeslut(bord, erik)
    ladda_ner_budgetunderlaget(bord, anna, omgang)
    starta_nasta_ar(bord, anna, erik)

    assert not csp_fel(bord.fel), bord.fel
