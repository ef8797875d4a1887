"""What the follow-up stage tells the årshjul. The Årsuppföljning phase of budget year N's
wheel (January–March of N-1) follows up year N-2."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from natverken.arshjul import Fasstatus, Status, Uppgift, registrera_att_gora, registrera_fasstatus
from natverken.models import Planeringsar, Roll
from natverken.roller import har_roll
from uppdrag.models import Uppdrag
from uppfoljning.models import Arsuppfoljning, Aterrapport


def arsuppfoljning(planeringsar: Planeringsar) -> Fasstatus:
    uppfoljt = planeringsar.ar - 2
    lank = f"{reverse('uppfoljning:index')}?ar={uppfoljt}"
    a = Arsuppfoljning.objects.filter(planeringsar__ar=uppfoljt).select_related("beslut").first()
    if a is None:
        return Fasstatus(
            Status.EJ_PABORJAD,
            f"Årsuppföljningen av {uppfoljt} är inte påbörjad.",
            lank,
            "Uppföljning",
        )
    if a.status == Arsuppfoljning.Status.GODKAND:
        return Fasstatus(
            Status.KLAR,
            f"Årsuppföljningen av {uppfoljt} är godkänd ({a.beslut.paragraf}).",
            lank,
            "Uppföljning",
        )
    return Fasstatus(
        Status.PAGAR, f"Årsuppföljningen av {uppfoljt} sammanställs.", lank, "Uppföljning"
    )


def att_gora(user: Any, planeringsar: Planeringsar, idag: dt.date) -> list[Uppgift]:
    """Reports are due whatever year is being prepared: all open ones the user must act on."""
    uppgifter = []
    synliga = Uppdrag.objects.for_anvandare(user)
    lank = reverse("uppfoljning:index")
    if har_roll(user, Roll.UTFORARE) and not har_roll(user, Roll.TJANSTEPERSON):
        for r in Aterrapport.objects.filter(
            uppdrag__in=synliga,
            rapportstatus__in=[
                Aterrapport.Rapportstatus.VANTAR,
                Aterrapport.Rapportstatus.ATERSAND,
            ],
        ).select_related("uppdrag__planeringsar"):
            text = (
                "Återsänd – komplettera"
                if r.rapportstatus == Aterrapport.Rapportstatus.ATERSAND
                else "Lämna återrapport"
            )
            uppgifter.append(
                Uppgift(
                    f"{text}: {r.uppdrag.titel}, {r.period}",
                    f"{lank}?ar={r.uppdrag.planeringsar.ar}",
                    r.senast,
                    "Försenad." if r.senast < idag else "",
                )
            )
    if har_roll(user, Roll.TJANSTEPERSON):
        for r in Aterrapport.objects.filter(
            uppdrag__in=synliga, rapportstatus=Aterrapport.Rapportstatus.INLAMNAD
        ).select_related("uppdrag__planeringsar"):
            uppgifter.append(
                Uppgift(
                    f"Granska återrapporten: {r.uppdrag.titel}, {r.period}",
                    f"{lank}?ar={r.uppdrag.planeringsar.ar}",
                    r.senast + dt.timedelta(days=14),
                    "Inlämnad, väntar på granskning.",
                )
            )
    return uppgifter


def registrera() -> None:
    registrera_fasstatus("arsuppfoljning", arsuppfoljning)
    registrera_att_gora(att_gora)
