"""What the prioritisation stage tells the årshjul: whether the year's priorities are decided,
and the elected members' rankings to submit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from natverken.arshjul import Fasstatus, Status, Uppgift, registrera_att_gora, registrera_fasstatus
from natverken.models import Planeringsar, Roll
from natverken.roller import har_roll
from prioritering.models import Prioriteringsomgang, Rangordning


def prioritera(planeringsar: Planeringsar) -> Fasstatus:
    lank = f"{reverse('prioritering:index')}?ar={planeringsar.ar}"
    omgangar = list(
        Prioriteringsomgang.objects.filter(planeringsar=planeringsar).exclude(
            status=Prioriteringsomgang.Status.ERSATT
        )
    )
    if not omgangar:
        return Fasstatus(
            Status.EJ_PABORJAD, "Ingen prioriteringsomgång ännu.", lank, "Prioritering"
        )
    beslutade = [o for o in omgangar if o.status == Prioriteringsomgang.Status.BESLUTAD]
    if len(beslutade) == len(omgangar):
        b = beslutade[0].beslut
        return Fasstatus(
            Status.KLAR,
            f"Prioriteringen är beslutad ({b.datum:%Y-%m-%d} {b.paragraf}).",
            lank,
            "Prioritering",
        )
    return Fasstatus(
        Status.PAGAR,
        f"{len(beslutade)} av {len(omgangar)} omgångar beslutade.",
        lank,
        "Prioritering",
    )


def att_gora(user: Any, planeringsar: Planeringsar, idag: dt.date) -> list[Uppgift]:
    if not har_roll(user, Roll.FORTROENDEVALD):
        return []
    uppgifter = []
    oppna = (
        Prioriteringsomgang.objects.filter(
            status=Prioriteringsomgang.Status.RANGORDNING, organ__ledamoter__anvandare=user
        )
        .select_related("planeringsar")
        .distinct()
    )
    inlamnade = set(
        Rangordning.objects.filter(ledamot__anvandare=user, inlamnad__isnull=False).values_list(
            "omgang_id", flat=True
        )
    )
    for omgang in oppna:
        if omgang.pk not in inlamnade:
            uppgifter.append(
                Uppgift(
                    f"Rangordna behoven i ”{omgang.namn}”",
                    reverse("prioritering:rangordna", args=[omgang.pk]),
                    omgang.sammantradesdatum,
                    "Din egen rangordning inför beslutsmötet.",
                    "prioritera",
                )
            )
    return uppgifter


def registrera() -> None:
    registrera_fasstatus("prioritera", prioritera)
    registrera_att_gora(att_gora)
