"""User text is shown as text everywhere, PDFs included: `<script>` and template syntax in
free-text fields never become markup or get evaluated."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from behov.models import Behovsanalys, Behovsgrupp, Datakalla, Dialog, Halsogap, Indikator, Matvarde
from natverken.models import Omrade
from tests import factories

pytestmark = pytest.mark.django_db

ELAK = "<script>alert('x')</script>{{ 7|add:42 }}{% now 'Y' %}"


@pytest.fixture
def analys():
    dalarna = Omrade.objects.get(scb_kod="20")
    ind = Indikator.objects.create(
        kod="X1",
        namn=f"Indikator {ELAK}",
        enhet="%",
        kalla=ELAK,
        definition=ELAK,
        kanda_brister=ELAK,
    )
    for ar in (2023, 2024, 2025):
        Matvarde.objects.create(
            indikator=ind,
            omrade=dalarna,
            period_start=dt.date(ar, 1, 1),
            period_slut=dt.date(ar, 12, 31),
            period=str(ar),
            varde=10.0,
        )
    analys = Behovsanalys.objects.create(
        behovsgrupp=Behovsgrupp.objects.create(
            namn=f"Grupp {ELAK}", beskrivning=ELAK, kriterier=ELAK
        ),
        planeringsar=factories.planeringsar(2027),
        halsolage=ELAK,
        slutsats=ELAK,
    )
    Halsogap.objects.create(
        analys=analys,
        indikator=ind,
        omrade=dalarna,
        aktuellt_varde=10.0,
        foreslaget_mal=8.0,
        foreslaget_malar=2030,
        vardbehov_motivering=ELAK,
    )
    Datakalla.objects.create(analys=analys, slag="registerdata", beskrivning=ELAK, brister=ELAK)
    Dialog.objects.create(
        analys=analys, datum=dt.date(2026, 4, 1), med_vilka=ELAK, metod=ELAK, sammanfattning=ELAK
    )
    return analys


def _kontrollera(html: str) -> None:
    assert "<script>alert" not in html
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        or "\\u003Cscript\\u003E" in html
    )
    assert "{{ 7|add:42 }}{% now &#x27;Y&#x27; %}" in html  # shown as typed, never evaluated


@pytest.mark.parametrize(
    "sida",
    [
        "/behov/analyser/{pk}/",
        "/behov/?ar=2027",
        "/behov/indikatorer/",
        "/behov/indikatorer/{ind}/",
        "/behov/grupper/",
    ],
)
def test_sidorna_visar_anvandartext_som_text(klient_tjp, analys, sida):
    ind = analys.halsogap.get().indikator_id
    html = klient_tjp.get(sida.format(pk=analys.pk, ind=ind)).content.decode()
    _kontrollera(html)


def test_pdf_visar_anvandartext_som_text(klient_tjp, analys):
    pdf = klient_tjp.get(f"/behov/analyser/{analys.pk}/pdf/").content
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "<script>alert('x')</script>{{ 7|add:42 }}{% now 'Y' %}" in text.replace("\n", "")
