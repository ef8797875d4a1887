"""The demo region: idempotent, three live years in the states of DOMAIN.md, and the chain
walkable both ways."""

from __future__ import annotations

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from behov.models import Behovsanalys, Halsogap, Matvarde
from natverken.models import Beslut, Omrade
from prioritering.models import Prioriteringsomgang, Resursfordelning
from uppdrag.models import Uppdrag
from uppfoljning.models import Arsuppfoljning, Aterrapport

pytestmark = pytest.mark.django_db


def _antal() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count()
        for app in ("natverken", "behov", "prioritering", "uppdrag", "uppfoljning")
        for m in apps.get_app_config(app).get_models()
        if m._meta.label != "natverken.Bakgrundsjobb"
    }


def test_demo_kan_koras_tva_ganger_utan_dubbletter(demo):
    fore = _antal()
    call_command("demo", stdout=io.StringIO())
    assert _antal() == fore


def test_demo_har_fiktiv_region_med_egna_omraden(demo):
    region = Omrade.objects.get(namn="Region Exempel")
    assert region.fiktiv
    assert region.delar.count() == 8 and all(o.fiktiv for o in region.delar.all())


def test_demo_har_indikatorvarden_med_kon_uppdelning_och_riket(demo):
    assert Matvarde.objects.values("indikator").distinct().count() >= 25
    demo = Matvarde.objects.filter(indikator__kod__startswith="DEMO-")
    assert demo.values("period").distinct().count() == 10
    assert set(Matvarde.objects.values_list("kon", flat=True).distinct()) == {"T", "K", "M"}
    assert Matvarde.objects.filter(dimension="Utbildning").exists()
    assert Matvarde.objects.filter(omrade__typ="riket").exists()
    assert Matvarde.objects.filter(ki_lag__isnull=False).exists()
    assert Matvarde.objects.filter(varde__isnull=True).exists()  # missing stays missing


def test_2025_ar_avslutat_och_uppfoljt(demo):
    assert not Uppdrag.objects.filter(planeringsar__ar=2025).exclude(status="avslutad").exists()
    assert (
        not Aterrapport.objects.filter(uppdrag__planeringsar__ar=2025)
        .exclude(rapportstatus="godkand")
        .exists()
    )
    uppfoljning = Arsuppfoljning.objects.get(planeringsar__ar=2025)
    assert uppfoljning.status == "godkand" and uppfoljning.beslut is not None


def test_2026_pagar_med_vissa_rapporter_inne(demo):
    uppdrag = Uppdrag.objects.filter(planeringsar__ar=2026)
    assert uppdrag.exists() and not uppdrag.exclude(status="pagar").exists()
    statusar = set(
        Aterrapport.objects.filter(uppdrag__planeringsar__ar=2026).values_list(
            "rapportstatus", flat=True
        )
    )
    assert {"godkand", "inlamnad", "atersand", "vantar"} <= statusar
    assert not Arsuppfoljning.objects.filter(planeringsar__ar=2026).exists()


def test_2027_ar_beslutat_och_vantar_pa_budget(demo):
    omgang = Prioriteringsomgang.objects.get(planeringsar__ar=2027)
    assert omgang.status == "beslutad" and omgang.beslut.reservationer.exists()
    assert omgang.objekt.filter(resursfordelning__isnull=False).count() == omgang.objekt.count()
    assert (
        sum(r.belopp_tkr for r in Resursfordelning.objects.filter(objekt__omgang=omgang))
        <= omgang.budgetram_tkr
    )
    assert not Uppdrag.objects.filter(
        planeringsar__ar=2027, status__in=["pagar", "avslutad"]
    ).exists()
    assert not Behovsanalys.objects.filter(planeringsar__ar=2027).exclude(status="klar").exists()


def test_2026_har_en_reviderad_omgang(demo):
    forsta = Prioriteringsomgang.objects.get(planeringsar__ar=2026, revision=1)
    andra = Prioriteringsomgang.objects.get(planeringsar__ar=2026, revision=2)
    assert forsta.status == "ersatt" and andra.ersatter == forsta and andra.revisionsskal


def test_kedjan_fran_budgetrad_till_halsogap(demo):
    rad = (
        Resursfordelning.objects.filter(objekt__omgang__planeringsar__ar=2027)
        .order_by("objekt__placering")
        .first()
    )
    gap = rad.objekt.halsogap.first()
    assert gap.analys.behovsgrupp == rad.objekt.behovsgrupp
    assert gap.malbeslut.organ == rad.beslut.organ
    assert gap.storlek is not None and gap.storlek > 0


def test_kedjan_fran_halsogap_till_uppfoljning(demo):
    gap = Halsogap.objects.filter(
        analys__planeringsar__ar=2025, prioriteringsobjekt__uppdrag__isnull=False
    ).first()
    objekt = gap.prioriteringsobjekt.get()
    assert objekt.placering and objekt.omgang.beslut
    uppdrag = objekt.uppdrag.get()
    assert uppdrag.mal.filter(indikator=gap.indikator, baslinje_varde=gap.aktuellt_varde).exists()
    assert uppdrag.aterrapporter.filter(rapportstatus="godkand").exists()
    assert (
        Arsuppfoljning.objects.get(planeringsar=uppdrag.planeringsar).beslut.organ
        == objekt.omgang.organ
    )


def test_varje_beslut_har_datum_och_paragraf(demo):
    assert Beslut.objects.count() >= 10
    assert not Beslut.objects.filter(paragraf="").exists()
