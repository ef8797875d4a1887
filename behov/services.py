"""Workflows of the needs stage that write several rows or check rules across objects."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from behov.models import Behovsanalys, Behovsgrupp, Halsogap, Indikator, Matvarde
from natverken.models import Beslut, Ledamot, Omrade, Organ, Planeringsar


def skapa_analys(*, behovsgrupp: Behovsgrupp, planeringsar: Planeringsar) -> Behovsanalys:
    """A new draft analysis for a group and year, linked to last year's if there is one."""
    if Behovsanalys.objects.filter(behovsgrupp=behovsgrupp, planeringsar=planeringsar).exists():
        raise ValidationError(
            f"Det finns redan en behovsanalys för {behovsgrupp} inför {planeringsar.ar}."
        )
    foregaende = Behovsanalys.objects.filter(
        behovsgrupp=behovsgrupp, planeringsar__ar=planeringsar.ar - 1
    ).first()
    return Behovsanalys.objects.create(
        behovsgrupp=behovsgrupp, planeringsar=planeringsar, foregaende=foregaende
    )


def senaste_varde(
    indikator: Indikator, omrade: Omrade, kon: str = "T", *, fore_ar: int | None = None
) -> Matvarde | None:
    qs = Matvarde.objects.for_serie(indikator, omrade, kon=kon).filter(varde__isnull=False)
    if fore_ar is not None:
        qs = qs.filter(period_slut__year__lt=fore_ar)
    return qs.order_by("-period_start", "-period_slut").first()


def hamta_aktuellt(gap: Halsogap) -> None:
    """Set the gap's current value from the latest data (never invented: None if missing)."""
    senaste = senaste_varde(gap.indikator, gap.omrade, gap.kon)
    gap.aktuellt_varde = senaste.varde if senaste else None
    gap.aktuell_period = senaste.period if senaste else ""


@transaction.atomic
def uppdatera_aktuella_varden(*, analys: Behovsanalys) -> int:
    """Refresh every gap's current value from the data; returns how many changed."""
    andrade = 0
    for gap in analys.halsogap.select_related("indikator", "omrade"):
        fore = (gap.aktuellt_varde, gap.aktuell_period)
        hamta_aktuellt(gap)
        if (gap.aktuellt_varde, gap.aktuell_period) != fore:
            gap.save()
            andrade += 1
    return andrade


def krav_for_klar(analys: Behovsanalys) -> list[str]:
    """What is missing before an analysis can go to the priority round (empty = ready)."""
    saknas = []
    if not analys.halsolage.strip():
        saknas.append("Beskriv hälsoläget.")
    gapen = list(analys.halsogap.all())
    if not gapen:
        saknas.append("Lägg till minst ett hälsogap.")
    for gap in gapen:
        if gap.malvarde is None:
            saknas.append(f"Föreslå ett målvärde för {gap.indikator}.")
        if gap.ar_vardbehov is None:
            saknas.append(f"Bedöm om gapet för {gap.indikator} är ett vårdbehov.")
    if not analys.datakallor.exists():
        saknas.append("Redovisa minst en datakälla med dess brister.")
    if not analys.slutsats.strip():
        saknas.append("Skriv en slutsats.")
    return saknas


@transaction.atomic
def markera_klar(*, analys: Behovsanalys) -> None:
    saknas = krav_for_klar(analys)
    if saknas:
        raise ValidationError(saknas)
    analys.status = Behovsanalys.Status.KLAR
    analys.save()


@transaction.atomic
def ateroppna(*, analys: Behovsanalys, skal: str) -> None:
    """Reopen a ready analysis; the reason is kept on it and in the history."""
    if analys.status != Behovsanalys.Status.KLAR:
        raise ValidationError("Analysen är redan öppen för ändringar.")
    if not skal.strip():
        raise ValidationError("Ange varför analysen öppnas igen.")
    analys.status = Behovsanalys.Status.UTKAST
    analys.ateroppning_skal = skal.strip()
    analys.save()


def organ_for_ledamot(anvandare) -> list[Organ]:  # noqa: ANN001
    return list(Organ.objects.filter(ledamoter__anvandare=anvandare).distinct())


@transaction.atomic
def besluta_mal(
    *,
    gap: Halsogap,
    anvandare,  # noqa: ANN001
    organ: Organ,
    datum: dt.date,
    paragraf: str,
    malvarde: float,
    malar: int,
) -> Beslut:
    """Record the body's decision on a gap's target. Only a member of that body may; the
    decision (organ, date, §) is created, or reused when several targets were decided under
    the same paragraph."""
    if not Ledamot.objects.filter(organ=organ, anvandare=anvandare).exists():
        raise PermissionDenied(f"Du är inte ledamot i {organ} och kan inte registrera dess beslut.")
    beslut, skapat = Beslut.objects.get_or_create(
        organ=organ,
        datum=datum,
        paragraf=paragraf.strip(),
        defaults={
            "rubrik": f"Mål för befolkningens hälsa inför budget {gap.analys.planeringsar.ar}",
            "text": "Nämnden fastställer önskat hälsotillstånd (målvärden).",
            "registrerat_av": anvandare,
        },
    )
    if not skapat and not beslut.rubrik.startswith("Mål för"):
        raise ValidationError(
            f"{organ} {datum:%Y-%m-%d} {paragraf} är redan registrerat som ”{beslut.rubrik}”. "
            "Kontrollera paragrafen."
        )
    gap.beslutat_mal = malvarde
    gap.beslutat_malar = malar
    gap.malbeslut = beslut
    gap.save()
    return beslut
