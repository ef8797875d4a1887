"""The årsuppföljning PDF for the demo region: read back with pdftotext it has the approval,
each commission's implementation beside its goal statuses in the pages' words, equity over
time with a chart; UTKAST exactly while the yearly follow-up is not approved; public once
approved, internal before."""

from __future__ import annotations

import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from natverken.models import Planeringsar
from tests.conftest import _klient
from uppdrag.models import Mal
from uppfoljning.models import Arsuppfoljning

pytestmark = pytest.mark.django_db


def _klient_for(namn: str) -> Client:
    return _klient(get_user_model().objects.get(username=namn))


def _las(pdf: bytes) -> tuple[str, int]:
    """The text in reading order with its whitespace collapsed, and the page count."""
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    sidor = int(
        next(r for r in info.stdout.decode().splitlines() if r.startswith("Pages:")).split()[1]
    )
    return " ".join(text.split()), sidor


def test_godkand_arsuppfoljning_ar_offentlig_och_utan_utkast(demo):
    svar = Client().get("/uppfoljning/arsuppfoljning/2025/pdf/")
    assert svar.status_code == 200
    assert (
        svar["Content-Disposition"]
        == 'attachment; filename="arsuppfoljning-2025-region-exempel.pdf"'
    )
    text, sidor = _las(svar.content)
    assert "UTKAST" not in text
    assert "Godkänd av Hälso- och sjukvårdsnämnden 24 mars 2026 § 28." in text
    assert "Samtliga fyra uppdrag genomfördes enligt plan." in text  # the summary
    # Implementation beside outcome, per commission, in the pages' words.
    assert "Mobila team för multisjuka äldre 2025 – Närsjukhuset Norrby" in text
    assert "Genomfört" in text and "Blandat: 3 av 5 mål i fas" in text
    assert "Uppdraget är genomfört fullt – men hälsan har inte rört sig mot målen." in text
    for ord_ in ("Målet nått", "Före plan", "Enligt plan", "Efter plan", "Kan inte bedömas ännu"):
        assert ord_ in text, ord_
    assert "797 (2023) 744 (2025) 717 (2028)" in text  # baseline, latest, target
    # Equity: the gaps between groups over time, with a chart.
    assert "Skillnaden har ökat" in text and "Skillnaden har minskat" in text
    assert "Jämlikhetsmål: högst 1,0" in text
    assert "Skillnader mellan grupper över tid – Personer 75 år och äldre med olämpliga" in text
    assert "Hur långt har hälsomålen kommit?" in text
    assert "Nämnden godkänner årsuppföljningen för 2025" in text
    assert 9 <= sidor <= 16
    # Public once approved: a provider gets it as well.
    assert _klient_for("utforare2").get("/uppfoljning/arsuppfoljning/2025/pdf/").status_code == 200


def test_godkand_arsuppfoljning_visar_bedomningen_vid_beslutet(demo):
    """Newer data does not change the approved document; the change stands beside it."""
    arsupp = Arsuppfoljning.objects.get(planeringsar__ar=2025)
    natt = Mal.objects.get(
        uppdrag__planeringsar__ar=2025, beskrivning__startswith="Olämpliga läkemedel"
    )
    assert arsupp.bedomningar_vid_beslut[str(natt.pk)]["status"] == "natt"
    arsupp.bedomningar_vid_beslut[str(natt.pk)]["status"] = "efter"
    Arsuppfoljning.objects.filter(pk=arsupp.pk).update(
        bedomningar_vid_beslut=arsupp.bedomningar_vid_beslut
    )
    text, _ = _las(
        _klient_for("tjansteperson").get("/uppfoljning/arsuppfoljning/2025/pdf/").content
    )
    assert "Med nyare data: ✓ målet nått" in text


def test_ej_paborjad_arsuppfoljning_ar_utkast_och_intern(demo):
    svar = _klient_for("fortroendevald").get("/uppfoljning/arsuppfoljning/2026/pdf/")
    assert 'filename="arsuppfoljning-2026-region-exempel.pdf"' in svar["Content-Disposition"]
    text, sidor = _las(svar.content)
    assert text.count("UTKAST") >= sidor
    assert "UTKAST – årsuppföljningen är inte påbörjad" in text
    assert "Risk för avvikelse" in text and "För tidigt att bedöma" in text
    assert "Återrapporten 2026 H1 är försenad" in text  # what needs attention
    assert _klient_for("utforare").get("/uppfoljning/arsuppfoljning/2026/pdf/").status_code == 403
    anonym = Client().get("/uppfoljning/arsuppfoljning/2026/pdf/")
    assert anonym.status_code == 302 and anonym["Location"].startswith("/konto/logga-in/")


def test_utkast_ar_utkast_tills_det_godkanns(demo):
    Arsuppfoljning.objects.create(
        planeringsar=Planeringsar.objects.get(ar=2026), sammanfattning="Första utkastet."
    )
    text, _ = _las(
        _klient_for("tjansteperson").get("/uppfoljning/arsuppfoljning/2026/pdf/").content
    )
    assert "UTKAST – årsuppföljningen är inte godkänd" in text and "Första utkastet." in text
    assert Client().get("/uppfoljning/arsuppfoljning/2026/pdf/").status_code == 302


def test_arsuppfoljningssidan_lankar_till_pdf(demo):
    html = _klient_for("tjansteperson").get("/uppfoljning/arsuppfoljning/2025/").content.decode()
    assert 'href="/uppfoljning/arsuppfoljning/2025/pdf/"' in html


def test_godkand_arsuppfoljning_visar_bara_granskade_rapporter(demo):
    """The public, approved document never carries a provider's words that no official has
    accepted: a report sent back (or not yet reviewed) after the approval stays out."""
    from uppfoljning.models import Aterrapport, Framdrift, Malstatus

    rapport = (
        Aterrapport.objects.filter(
            uppdrag__planeringsar__ar=2025, rapportstatus=Aterrapport.Rapportstatus.GODKAND
        )
        .order_by("-senast")
        .first()
    )
    Aterrapport.objects.filter(pk=rapport.pk).update(
        rapportstatus=Aterrapport.Rapportstatus.ATERSAND,
        framdrift=Framdrift.AVVIKER,
        sammanfattning="OGRANSKAD-SAMMANFATTNING",
        granskningskommentar="Komplettera med orsaken.",
    )
    Malstatus.objects.filter(rapport=rapport).update(
        framdrift=Framdrift.AVVIKER, kommentar="OGRANSKAD-KOMMENTAR"
    )
    offentlig, _ = _las(Client().get("/uppfoljning/arsuppfoljning/2025/pdf/").content)
    assert "OGRANSKAD" not in offentlig
    assert "Utföraren rapporterar avviker" not in offentlig
    assert f"{rapport.period} ✉" not in offentlig  # the report itself is listed as sent back
    assert "återsänd" in offentlig
