"""An official imports the real Kolada file on trust in Dalarna by sex, through the pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from behov.models import Importbatch, Matvarde
from natverken.roller import synka_rollbehorigheter
from tests import factories
from tests.e2e.conftest import (
    kor_arbetaren,
    ladda_upp_fil,
    logga_in,
    mappa_en_indikator_per_kon,
    ny_indikator_i_importen,
)

TILLIT = (
    Path(__file__).resolve().parents[2]
    / "behov"
    / "data"
    / "kolada"
    / "kolada_tillit_dalarna_kon.csv"
)
TITEL = "Invånare 16-84 år med avsaknad av tillit till andra, andel (%)"


# No serialized_rollback: after an earlier transactional test's flush, post_migrate has made
# the role groups anew (other ids), and reloading the serialized ones then fails on their
# names. The autouse fixture in tests/conftest.py restores what a flush took instead.
@pytest.mark.django_db(transaction=True)
def test_tjansteperson_importerar_kolada_fil_via_sidorna(
    page, live_server, skarmbild, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    # An earlier transactional test may have flushed the role groups (seen after the worker
    # tests); they are what this test logs in with, so make sure they exist.
    synka_rollbehorigheter()
    factories.anvandare("anna", "tjansteperson", first_name="Anna", last_name="Lind")
    page.goto(f"{live_server.url}/behov/import/")
    logga_in(page, live_server, "anna", factories.LOSENORD, ga_till=False)
    expect(page.get_by_role("heading", name="Importera indikatordata")).to_be_visible()

    ladda_upp_fil(page, TILLIT)
    expect(
        page.get_by_role("heading", name="Importera kolada_tillit_dalarna_kon.csv")
    ).to_be_visible()
    forhandsvisning = page.get_by_role("table", name=re.compile("De första 10 raderna"))
    expect(forhandsvisning.get_by_role("columnheader", name="gender")).to_be_visible()
    expect(forhandsvisning.get_by_role("cell", name="Region Dalarna").first).to_be_visible()

    # The indicator doesn't exist yet: create it here, named after the value column.
    expect(page.get_by_label(re.compile(r"^Namn\b"))).to_have_value(TITEL)
    ny_indikator_i_importen(page, enhet="%")
    expect(page.get_by_text(f"Indikatorn ”{TITEL}” är skapad.")).to_be_visible()

    mappa_en_indikator_per_kon(page, TITEL)
    expect(page.get_by_label("Indikator för hela filen")).to_have_value(
        re.compile("^INVANARE-16-84")
    )
    skarmbild(page, "import-mappning")
    page.get_by_role("button", name="Kontrollera och importera").last.click()

    expect(page).to_have_url(re.compile(r"/jobb/\d+/$"))
    expect(
        page.get_by_role("heading", name="Import av kolada_tillit_dalarna_kon.csv")
    ).to_be_visible()
    kor_arbetaren()
    status = page.locator("#jobbstatus")
    expect(status).to_contain_text("Klart", timeout=10_000)  # the page polls itself
    expect(status).to_contain_text("42 värden importerade (42 nya, 0 ersatta)")
    skarmbild(page, "import-klart")

    page.goto(f"{live_server.url}/behov/import/")
    rad = page.get_by_role("row", name=re.compile("kolada_tillit_dalarna_kon.csv"))
    expect(rad).to_contain_text("Anna Lind")
    expect(rad).to_contain_text("Genomförd")
    expect(rad.get_by_role("button", name=re.compile("Ångra importen"))).to_be_visible()
    skarmbild(page, "import-lista")

    assert Importbatch.objects.get().antal_nya == 42
    assert Matvarde.objects.get(period="2022", kon="K").varde == 26.8
