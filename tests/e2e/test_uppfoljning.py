"""A report's whole round in the browser: the provider reports → an official returns it with a
comment → the provider corrects and resubmits → the official accepts → the follow-up shows
implementation beside outcome, with its charts drawn under the CSP."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import logga_in
from tests.uppfoljning import hjalp
from uppdrag.models import Uppfoljningsplan
from uppfoljning.models import Aterrapport

AR = timezone.localdate().year - 2  # a finished year: its report is due, data exists after it


@pytest.mark.django_db(transaction=True)
def test_rapport_aterstands_kompletteras_godkanns_och_syns_i_uppfoljningen(
    page, live_server, skarmbild, browser
):
    vardcentral = factories.utforare("Vårdcentralen Norr")
    factories.anvandare(
        "sara", "utforare", utforare=vardcentral, first_name="Sara", last_name="Berg"
    )
    factories.anvandare("anna", "tjansteperson", first_name="Anna", last_name="Lind")
    factories.anvandare("erik", "fortroendevald", first_name="Erik", last_name="Holm")
    ind = hjalp.indikator(
        "T-PSYK",
        {AR - 3: 27.0, AR - 2: 27.5, AR - 1: 28.0, AR: 28.6, AR + 1: 29.3},
        ki=0.4,
        kon={
            "K": {a: 33.0 + (a - AR) * 0.2 for a in range(AR - 3, AR + 2)},
            "M": {a: 23.0 + (a - AR) * 0.5 for a in range(AR - 3, AR + 2)},
        },
    )
    uppdrag = hjalp.uppdrag(
        vardcentral,
        ar=AR,
        titel="Första linjen",
        ind=ind,
        baslinje=28.0,
        baslinje_period=str(AR - 1),
        malvarde=24.0,
        maldatum=dt.date(AR + 3, 12, 31),
        frekvens=Uppfoljningsplan.Frekvens.AR,
        milstolpar_klara=2,
    )
    fel: list[str] = []

    # The provider writes and submits the year's report.
    logga_in(page, live_server, "sara", factories.LOSENORD)
    page.on("console", lambda m: fel.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/uppfoljning/rapporter/?ar={AR}")
    forsenade = page.locator("section", has=page.get_by_role("heading", name="Försenade"))
    forsenade.get_by_role("button", name=f"Skriv återrapporten {AR}").click()
    expect(page.get_by_role("heading", name=f"Återrapport {AR}")).to_be_visible()
    page.get_by_role("radio", name="Enligt plan").first.check()
    page.get_by_label("Sammanfattning").fill("Första linjen är öppen på alla orter.")
    for fieldset in page.locator("fieldset.malfalt").all():
        fieldset.get_by_role("radio", name="Uppnått").check()
    page.get_by_label("Milstolpe 11").check()
    skarmbild(page, "uppfoljning-1-utforaren-skriver")
    page.get_by_role("button", name="Lämna in rapporten").click()
    expect(page.get_by_text(f"Återrapporten {AR} är inlämnad för granskning.")).to_be_visible()
    rapport = Aterrapport.objects.get()

    # The official returns it with a comment.
    tjp = browser.new_page()
    tjp.on("console", lambda m: fel.append(m.text) if m.type == "error" else None)
    logga_in(tjp, live_server, "anna", factories.LOSENORD)
    tjp.goto(f"{live_server.url}/uppfoljning/rapporter/?ar={AR}")
    granska = tjp.locator("section", has=tjp.get_by_role("heading", name="Att granska"))
    granska.get_by_role("link", name="Granska").click()
    tjp.get_by_label("Kommentar till utföraren").fill("Ange väntetiden till första samtal.")
    tjp.get_by_role("button", name="Återsänd för komplettering").click()
    expect(tjp.get_by_text(f"Återrapporten {AR} är återsänd till utföraren.")).to_be_visible()

    # The provider sees why, corrects and submits again.
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=f"Återsänd – komplettera: {uppdrag.titel}, {AR}").click()
    aterstand = page.locator(
        "section", has=page.get_by_role("heading", name="Återsänd för komplettering")
    )
    expect(aterstand).to_contain_text("Ange väntetiden till första samtal.")
    skarmbild(page, "uppfoljning-2-aterstand")
    page.get_by_label("Sammanfattning").fill(
        "Första linjen är öppen på alla orter. Väntetiden är tio dagar."
    )
    page.get_by_role("radio", name="Uppnått").first.check()
    page.get_by_role("button", name="Lämna in rapporten").click()
    expect(page.get_by_text(f"Återrapporten {AR} är inlämnad för granskning.")).to_be_visible()

    # The official accepts it.
    tjp.reload()
    tjp.get_by_role("button", name="Godkänn rapporten").click()
    expect(tjp.get_by_text(f"Återrapporten {AR} är godkänd.")).to_be_visible()
    rapport.refresh_from_db()
    assert (rapport.rapportstatus, rapport.framdrift) == ("godkand", "uppnatt")
    assert uppdrag.milstolpar.filter(klar__isnull=True).count() == 0  # the reported one is done
    tjp.close()

    # The follow-up: the work is done, health did not move – side by side.
    fv = browser.new_page(viewport={"width": 1280, "height": 900})
    fv.on("console", lambda m: fel.append(m.text) if m.type == "error" else None)
    logga_in(fv, live_server, "erik", factories.LOSENORD)
    fv.goto(f"{live_server.url}/uppfoljning/?ar={AR}")
    besluta = fv.locator(
        "section", has=fv.get_by_role("heading", name="Behöver beslut eller uppmärksamhet")
    )
    expect(besluta).to_contain_text(uppdrag.titel)
    expect(besluta).to_contain_text("Genomfört")
    expect(besluta).to_contain_text("Hälsan rör sig inte mot målen")
    fv.wait_for_selector("#framsteg + .diagram-yta .main-svg, .diagram-yta .main-svg")
    skarmbild(fv, "uppfoljning-3-lagesbild")
    besluta.get_by_role("link", name=uppdrag.titel).click()
    expect(fv.get_by_role("note")).to_have_text(
        "Uppdraget är genomfört fullt – men hälsan har inte rört sig mot målen."
    )
    genomforande = fv.locator(
        "section", has=fv.get_by_role("heading", name="Genomförande", exact=False)
    ).first
    expect(genomforande).to_contain_text("Godkänd")
    utfall = fv.locator("#utfall").locator("..")
    expect(utfall).to_contain_text("Efter plan")
    expect(utfall).to_contain_text("en rak bana från baslinjen")
    fv.wait_for_selector(f"[data-diagram='mal-{uppdrag.mal.get(niva='effekt').pk}'] .main-svg")
    fv.wait_for_selector("[data-diagram^='skillnad-'] .main-svg")
    skarmbild(fv, "uppfoljning-4-uppdraget")
    assert not [f for f in fel if "Content Security Policy" in f or "Refused" in f], fel
