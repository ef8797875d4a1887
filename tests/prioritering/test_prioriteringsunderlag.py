"""The prioriteringsunderlag PDF for the demo region's rounds: read back with pdftotext it has
the aggregate order and its points, the frame and the costs or the allocation, the decided
order and reservation once decided, and UTKAST exactly while the round is undecided."""

from __future__ import annotations

import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from prioritering import underlag
from prioritering.models import Prioriteringsomgang, Resursfordelning
from tests.conftest import _klient

pytestmark = pytest.mark.django_db


def _klient_for(namn: str) -> Client:
    return _klient(get_user_model().objects.get(username=namn))


def _las(pdf: bytes) -> tuple[str, int]:
    """The text in reading order with its whitespace collapsed (table cells wrap), and the
    page count."""
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    sidor = int(
        next(r for r in info.stdout.decode().splitlines() if r.startswith("Pages:")).split()[1]
    )
    return " ".join(text.split()), sidor


def _omgang(ar: int) -> Prioriteringsomgang:
    return Prioriteringsomgang.objects.exclude(status="ersatt").get(planeringsar__ar=ar)


def test_oppen_omgang_ar_utkast_med_samlad_ordning_och_kostnad_mot_ramen(demo):
    omgang = _omgang(2028)
    svar = _klient_for("tjansteperson").get(f"/prioritering/omgang/{omgang.pk}/pdf/")
    assert svar["Content-Type"] == "application/pdf"
    assert (
        svar["Content-Disposition"]
        == 'attachment; filename="prioriteringsunderlag-2028-region-exempel.pdf"'
    )
    text, sidor = _las(svar.content)
    assert "Prioriteringsunderlag 2028" in text
    assert text.count("UTKAST") >= sidor  # the mark on every page, the cover line too
    assert "UTKAST – prioriteringen är inte beslutad" in text
    # The needs in the members' aggregate order (Borda), each with its points.
    objekt = underlag.objekt_for(omgang)
    samlad = underlag.samlad_for(omgang, objekt)
    rubriker = [rad.objekt.rubrik for rad in samlad.rader]
    assert rubriker[0] == "Färre undvikbara inläggningar för äldre multisjuka"
    positioner = [text.index(f"{nr}. {rubrik}") for nr, rubrik in enumerate(rubriker, start=1)]
    assert positioner == sorted(positioner)
    assert f"{samlad.rader[0].poang} av {samlad.max_poang}" in text  # 21 av 25
    assert "Stor oenighet" in text and "Har rangordnat" in text and "5 av 9" in text
    assert "Har inte rangordnat: Erik Holm (S)" in text
    # No allocation yet: the costs against the frame, and where the frame runs out.
    assert "Budgetram 72 000 tkr" in text
    assert "Kostnad för alla åtgärder 86 000 tkr" in text
    assert "Mer än ramen" in text and "14 000 tkr" in text
    assert "Nej – över ramen" in text
    # Each need's assessment with the model's suggested level, and the warning.
    assert "Föreslagen prioritetsgrad 5" in text and "Fastställd prioritetsgrad 4" in text
    assert "Prioritetsgraden 4 avviker från förslaget 5 utan skriftlig motivering." in text
    assert "56,4 (2025)" not in text  # (sanity: follow-up values are not in this report)
    assert "744 (2025)" in text and "632 till 2030" in text  # a gap: current and target
    assert 8 <= sidor <= 14


def test_foreslagna_resurser_visas_mot_ramen(demo):
    omgang = _omgang(2028)
    for belopp, objekt in zip((30_000, 20_000), omgang.objekt.order_by("rubrik"), strict=False):
        Resursfordelning.objects.create(objekt=objekt, belopp_tkr=belopp, typ="prioritera")
    text, _ = _las(
        _klient_for("fortroendevald").get(f"/prioritering/omgang/{omgang.pk}/pdf/").content
    )
    assert "Föreslaget 50 000 tkr" in text and "Kvar av ramen" in text
    assert "22 000 tkr av ramen är inte fördelade (reserv)." in text
    assert "UTKAST" in text


def test_beslutad_omgang_har_beslutad_ordning_och_ingen_utkastmarkering(demo):
    omgang = _omgang(2027)
    svar = _klient_for("fortroendevald").get(f"/prioritering/omgang/{omgang.pk}/pdf/")
    assert 'filename="prioriteringsunderlag-2027-region-exempel.pdf"' in svar["Content-Disposition"]
    text, sidor = _las(svar.content)
    assert "UTKAST" not in text
    assert "Beslutad (Hälso- och sjukvårdsnämnden 2026-06-09 § 61)" in text
    ordning = list(omgang.objekt.order_by("placering").values_list("rubrik", flat=True))
    positioner = [text.index(f"{nr}. {rubrik}") for nr, rubrik in enumerate(ordning, start=1)]
    assert positioner == sorted(positioner)
    summa = sum(r.belopp_tkr for r in Resursfordelning.objects.filter(objekt__omgang=omgang))
    assert summa == 69_300
    assert "Fördelat 69 300 tkr" in text and "Summa fördelat av ramen 70 000 tkr 69 300 tkr" in text
    assert "Maria Sandberg (M): Jag reserverar mig mot beslutet." in text
    assert "+5 % (73 500 tkr)" in text
    assert 9 <= sidor <= 16


def test_ersatt_revision_ar_beslutad_men_markerad_ersatt(demo):
    ersatt = Prioriteringsomgang.objects.get(planeringsar__ar=2026, status="ersatt")
    svar = _klient_for("admin").get(f"/prioritering/omgang/{ersatt.pk}/pdf/")
    text, _ = _las(svar.content)
    assert "UTKAST" not in text and "ersatt av en senare revision" in text


def test_bara_tjanstepersoner_och_fortroendevalda(demo):
    url = f"/prioritering/omgang/{_omgang(2028).pk}/pdf/"
    assert _klient_for("utforare").get(url).status_code == 403
    anonym = Client().get(url)
    assert anonym.status_code == 302 and anonym["Location"].startswith("/konto/logga-in/")


def test_omgangssidan_lankar_till_underlaget(demo):
    omgang = _omgang(2028)
    html = _klient_for("fortroendevald").get(f"/prioritering/omgang/{omgang.pk}/").content.decode()
    assert f'href="/prioritering/omgang/{omgang.pk}/pdf/"' in html
    assert "Prioriteringsunderlag (PDF)" in html
