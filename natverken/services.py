"""Workflows of the core that write several rows."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from django.db import transaction

OMRADESFIL = Path(__file__).resolve().parent / "data" / "omraden.csv"


def las_in_omraden(
    *,
    omrade_modell: type | None = None,
    rapportera: Callable[[int, int], None] | None = None,
    fil: Path = OMRADESFIL,
) -> int:
    """Load or refresh riket, the 21 regions and the 290 kommuner from the bundled SCB file.

    Idempotent: matches by SCB code, updates names and parents, creates what is missing.
    `omrade_modell` lets a data migration pass its historical model.
    """
    if omrade_modell is None:
        from natverken.models import Omrade

        omrade_modell = Omrade
    with fil.open(encoding="utf-8") as f:
        rader = list(csv.DictReader(f))
    befintliga = {o.scb_kod: o for o in omrade_modell.objects.filter(fiktiv=False)}
    with transaction.atomic():
        # Parents come before children in the file (riket, regions, kommuner).
        for nr, rad in enumerate(rader, start=1):
            foralder = befintliga.get(rad["foralder_scb_kod"]) if rad["foralder_scb_kod"] else None
            varden = {
                "typ": rad["typ"],
                "kolada_id": rad["kolada_id"] or None,
                "namn": rad["namn"],
                "lan": rad["lan"],
                "foralder": foralder,
            }
            omrade = befintliga.get(rad["scb_kod"])
            if omrade is None:
                omrade = omrade_modell.objects.create(scb_kod=rad["scb_kod"], **varden)
                befintliga[omrade.scb_kod] = omrade
            elif any(getattr(omrade, k) != v for k, v in varden.items()):
                for k, v in varden.items():
                    setattr(omrade, k, v)
                omrade.save()
            if rapportera and (nr % 50 == 0 or nr == len(rader)):
                rapportera(nr, len(rader))
    return len(rader)


@transaction.atomic
def registrera_budgetbeslut(
    *,
    planeringsar,
    anvandare,
    organ,
    datum,
    paragraf: str,
    text: str = "",  # noqa: ANN001
):  # noqa: ANN201
    """Record fullmäktige's budget decision for a planning year. Decided once: a year that
    already has one keeps it (a change would be a new decision by the council)."""
    from django.core.exceptions import ValidationError

    from natverken.models import Beslut, Planeringsar

    planeringsar = Planeringsar.objects.select_for_update().get(pk=planeringsar.pk)
    if planeringsar.budgetbeslut_id:
        raise ValidationError("Budgeten för året är redan beslutad.")
    beslut = Beslut.objects.create(
        organ=organ,
        datum=datum,
        paragraf=paragraf.strip(),
        rubrik=f"Verksamhetsplan och budget {planeringsar.ar}",
        text=text,
        registrerat_av=anvandare,
    )
    planeringsar.budgetbeslut = beslut
    planeringsar.save()
    return beslut
