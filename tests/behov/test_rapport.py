"""The needs analysis as a PDF: read back with pdftotext, its key figures are there, and the
UTKAST mark is on a draft only."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from behov.models import Behovsanalys, Behovsgrupp, Datakalla, Halsogap, Indikator, Matvarde
from natverken.models import Omrade
from tests import factories

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> tuple[str, int]:
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout
    info = subprocess.run(
        ["pdfinfo", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    sidor = int(next(r for r in info.splitlines() if r.startswith("Pages:")).split()[1])
    return text.decode(), sidor


@pytest.fixture
def analys():
    dalarna = Omrade.objects.get(scb_kod="20")
    ind = Indikator.objects.create(
        kod="ROK",
        namn="Daglig rökning",
        enhet="%",
        polaritet="lagre_battre",
        kalla="Folkhälsoenkäten",
        kanda_brister="Låg svarsfrekvens",
    )
    for ar in range(2019, 2026):
        Matvarde.objects.create(
            indikator=ind,
            omrade=dalarna,
            period_start=dt.date(ar, 1, 1),
            period_slut=dt.date(ar, 12, 31),
            period=str(ar),
            varde=12 - 0.5 * (ar - 2019),
            ki_lag=11 - 0.5 * (ar - 2019),
            ki_hog=13 - 0.5 * (ar - 2019),
        )
    analys = Behovsanalys.objects.create(
        behovsgrupp=Behovsgrupp.objects.create(namn="Rökare i Dalarna"),
        planeringsar=factories.planeringsar(2027),
        halsolage="Rökningen minskar långsamt.",
        slutsats="Gå vidare.",
    )
    Halsogap.objects.create(
        analys=analys,
        indikator=ind,
        omrade=dalarna,
        aktuellt_varde=9.0,
        aktuell_period="2025",
        foreslaget_mal=7.0,
        foreslaget_malar=2030,
        ar_vardbehov=True,
        beslutat_mal=6.5,
        beslutat_malar=2030,
        malbeslut=factories.beslut(paragraf="§ 44"),
    )
    Datakalla.objects.create(
        analys=analys, slag="sjalvskattning", beskrivning="Enkäten", brister="Bortfall bland unga"
    )
    return analys


def test_pdf_innehaller_nyckeltalen_och_markeras_utkast(klient_tjp, analys):
    svar = klient_tjp.get(f"/behov/analyser/{analys.pk}/pdf/")
    assert svar["Content-Type"] == "application/pdf"
    assert 'filename="behovsanalys-2027-rokare-i-dalarna-' in svar["Content-Disposition"]
    text, sidor = _text(svar.content)
    assert "Behovsanalys: Rökare i Dalarna" in text
    assert "Sida 1 av" not in text and f"Sida 2 av {sidor}" in text  # no footer on the cover
    assert "9,0 (2025)" in text and "6,5 beslutat 2030" in text and "2,5 (28 %)" in text
    assert "§ 44" in text and "Bortfall bland unga" in text and "Källa: Folkhälsoenkäten" in text
    assert "UTKAST" in text
    assert 5 <= sidor <= 8


def test_klar_analys_har_ingen_utkastmarkering(klient_fv, analys):
    analys.status = Behovsanalys.Status.KLAR
    analys.save()
    text, _ = _text(klient_fv.get(f"/behov/analyser/{analys.pk}/pdf/").content)
    assert "UTKAST" not in text and "Klar för prioritering" in text


def test_utforare_far_inte_rapporten(klient_utf, analys):
    assert klient_utf.get(f"/behov/analyser/{analys.pk}/pdf/").status_code == 403
