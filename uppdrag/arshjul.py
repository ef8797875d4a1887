"""What the commission stage tells the årshjul."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from natverken.arshjul import Fasstatus, Status, Uppgift, registrera_att_gora, registrera_fasstatus
from natverken.models import Fas, Planeringsar, Roll
from natverken.roller import har_roll
from uppdrag.adressera import antal_saknas
from uppdrag.models import Uppdrag

EFTER_DIALOG = [
    Uppdrag.Status.FOR_BESLUT,
    Uppdrag.Status.BESLUTAD,
    Uppdrag.Status.PAGAR,
    Uppdrag.Status.AVSLUTAD,
]
BESLUTADE = [Uppdrag.Status.BESLUTAD, Uppdrag.Status.PAGAR, Uppdrag.Status.AVSLUTAD]


def _rakna(planeringsar: Planeringsar) -> dict:
    return Uppdrag.objects.filter(planeringsar=planeringsar).aggregate(
        antal=Count("pk"),
        efter_dialog=Count("pk", filter=Q(status__in=EFTER_DIALOG)),
        beslutade=Count("pk", filter=Q(status__in=BESLUTADE)),
    )


def _status(klara: int, antal: int, vad: str, planeringsar: Planeringsar) -> Fasstatus:
    lank = f"{reverse('uppdrag:index')}?ar={planeringsar.ar}"
    if antal == 0:
        return Fasstatus(Status.EJ_PABORJAD, "Inga uppdrag formulerade ännu.", lank, "Uppdrag")
    return Fasstatus(
        Status.KLAR if klara == antal else Status.PAGAR,
        f"{klara} av {antal} uppdrag {vad}.",
        lank,
        "Uppdrag",
    )


def dialog_konsekvenser(planeringsar: Planeringsar) -> Fasstatus:
    r = _rakna(planeringsar)
    return _status(
        r["efter_dialog"], r["antal"], "har gått igenom dialogen med utförarna", planeringsar
    )


def verksamhetsplan(planeringsar: Planeringsar) -> Fasstatus:
    r = _rakna(planeringsar)
    return _status(r["beslutade"], r["antal"], "är beslutade", planeringsar)


def att_gora(user: Any, planeringsar: Planeringsar, idag: dt.date) -> list[Uppgift]:
    uppgifter = []
    senast = (
        Fas.objects.filter(planeringsar=planeringsar, nyckel="verksamhetsplan")
        .values_list("slut", flat=True)
        .first()
    )
    synliga = Uppdrag.objects.for_anvandare(user).filter(planeringsar=planeringsar)
    if har_roll(user, Roll.FORTROENDEVALD):
        for u in synliga.filter(status=Uppdrag.Status.FOR_BESLUT):
            uppgifter.append(
                Uppgift(
                    f"Besluta uppdraget ”{u.titel}”",
                    u.get_absolute_url(),
                    senast,
                    "Uppdraget är klart för beslut.",
                    "verksamhetsplan",
                )
            )
    if har_roll(user, Roll.TJANSTEPERSON):
        for u in synliga.filter(status__in=[Uppdrag.Status.UTKAST, Uppdrag.Status.DIALOG]):
            uppgifter.append(
                Uppgift(
                    f"Formulera klart uppdraget ”{u.titel}”",
                    u.get_absolute_url(),
                    senast,
                    f"Status: {u.get_status_display().lower()}.",
                    "verksamhetsplan",
                )
            )
        saknas = antal_saknas(planeringsar)
        if saknas:
            uppgifter.append(
                Uppgift(
                    f"Uppdra eller förklara: {saknas} högt prioriterade behov saknar svar",
                    f"{reverse('uppdrag:adressera')}?ar={planeringsar.ar}",
                    senast,
                    "Varje behov i den övre delen ska få ett uppdrag eller ett beslut att avstå.",
                    "verksamhetsplan",
                )
            )
    elif har_roll(user, Roll.UTFORARE):
        for u in synliga.filter(status=Uppdrag.Status.DIALOG):
            uppgifter.append(
                Uppgift(
                    f"Lämna synpunkter på utkastet ”{u.titel}”",
                    u.get_absolute_url(),
                    senast,
                    "Uppdraget är i dialog med er.",
                    "dialog_konsekvenser",
                )
            )
    return uppgifter


def registrera() -> None:
    registrera_fasstatus("dialog_konsekvenser", dialog_konsekvenser)
    registrera_fasstatus("verksamhetsplan", verksamhetsplan)
    registrera_att_gora(att_gora)
