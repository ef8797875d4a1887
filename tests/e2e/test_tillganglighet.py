"""axe-core on every page type of the demo region: no serious or critical WCAG 2.1 AA violations."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from behov.models import Behovsanalys, Indikator
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from tests.e2e.conftest import axe_fel
from uppdrag.models import Uppdrag
from uppfoljning.models import Aterrapport


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=io.StringIO())


def _logga_in_demo(page, live_server, anvandarnamn: str) -> None:
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(anvandarnamn)
    page.get_by_label("Lösenord").fill(f"{anvandarnamn}-demo")
    page.get_by_role("button", name="Logga in").click()


@pytest.mark.django_db(transaction=True)
def test_sidorna_har_inga_allvarliga_tillganglighetsfel(page, live_server, demo):
    fel: dict[str, list[str]] = {}
    page.goto(f"{live_server.url}/konto/logga-in/")
    fel["inloggning"] = axe_fel(page)
    page.goto(f"{live_server.url}/offentligt/?ar=2027")
    fel["offentligt"] = axe_fel(page)

    _logga_in_demo(page, live_server, "tjansteperson")
    analys = Behovsanalys.objects.filter(planeringsar__ar=2027).first()
    indikator = Indikator.objects.get(kod="DEMO-PSYK")
    omgang = Prioriteringsomgang.objects.get(planeringsar__ar=2027)
    objekt = Prioriteringsobjekt.objects.filter(omgang=omgang).first()
    uppdrag = Uppdrag.objects.filter(planeringsar__ar=2026).first()
    rapport = Aterrapport.objects.filter(uppdrag=uppdrag).first()
    for namn, url in [
        ("start", "/"),
        ("arshjul", "/arshjul/?ar=2027"),
        ("behov", "/behov/?ar=2027"),
        ("analys", f"/behov/analyser/{analys.pk}/"),
        ("indikatorer", "/behov/indikatorer/"),
        ("indikator", f"/behov/indikatorer/{indikator.pk}/"),
        ("grupper", "/behov/grupper/"),
        ("kalender", "/kalender/"),
        ("prioritering", "/prioritering/?ar=2027"),
        ("omgang", f"/prioritering/omgang/{omgang.pk}/"),
        ("mote", f"/prioritering/omgang/{omgang.pk}/mote/"),
        ("resurser", f"/prioritering/omgang/{omgang.pk}/resurser/"),
        ("prioriteringsobjekt", f"/prioritering/behov/{objekt.pk}/"),
        ("uppdrag", "/uppdrag/?ar=2027"),
        ("uppdrag-detalj", f"/uppdrag/{uppdrag.pk}/"),
        ("adressera", "/uppdrag/adressera-eller-forklara/"),
        ("uppfoljning", "/uppfoljning/?ar=2026"),
        ("uppfoljning-uppdrag", f"/uppfoljning/uppdrag/{uppdrag.pk}/"),
        ("rapport", f"/uppfoljning/rapporter/{rapport.pk}/"),
        ("arsuppfoljning", "/uppfoljning/arsuppfoljning/2025/"),
    ]:
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("networkidle")
        fel[namn] = axe_fel(page)
    assert not {k: v for k, v in fel.items() if v}
