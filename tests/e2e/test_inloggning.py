from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import logga_in


@pytest.mark.django_db(transaction=True)
def test_logga_in_och_se_rollens_meny(page, live_server, skarmbild):
    factories.anvandare("anna", "tjansteperson", first_name="Anna", last_name="Lind")
    page.goto(f"{live_server.url}/behov/")
    expect(page).to_have_url(f"{live_server.url}/konto/logga-in/?next=/behov/")
    skarmbild(page, "inloggning")

    logga_in(page, live_server, "anna", factories.LOSENORD, ga_till=False)
    expect(page).to_have_url(f"{live_server.url}/behov/")
    meny = page.get_by_role("navigation", name="Huvudmeny")
    expect(meny.get_by_role("link", name="Behov")).to_have_attribute("aria-current", "page")
    expect(page.get_by_text("Tjänsteperson", exact=True)).to_be_visible()

    # The skip link is the first thing the keyboard reaches.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Hoppa till innehållet")).to_be_focused()
    skarmbild(page, "behov-inloggad")
