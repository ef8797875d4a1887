"""What the needs stage tells the årshjul: the status of the phases it owns, and the tasks of
officials (analyses to finish) and elected representatives (targets to decide)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from behov.models import Behovsanalys, Halsogap
from natverken.arshjul import Fasstatus, Status, Uppgift, registrera_att_gora, registrera_fasstatus
from natverken.models import Fas, Planeringsar, Roll
from natverken.roller import har_roll


def _analyser(planeringsar: Planeringsar):  # noqa: ANN202
    return Behovsanalys.objects.filter(planeringsar=planeringsar).aggregate(
        antal=Count("pk", distinct=True),
        klara=Count("pk", filter=Q(status=Behovsanalys.Status.KLAR), distinct=True),
        med_gap=Count("pk", filter=Q(halsogap__isnull=False), distinct=True),
        med_dialog=Count("pk", filter=Q(dialoger__isnull=False), distinct=True),
    )


def _lank(planeringsar: Planeringsar) -> str:
    return f"{reverse('behov:index')}?ar={planeringsar.ar}"


def _andel(klara: int, antal: int, vad: str, planeringsar: Planeringsar) -> Fasstatus:
    if antal == 0:
        return Fasstatus(
            Status.EJ_PABORJAD, "Inga behovsanalyser ännu.", _lank(planeringsar), "Behovsanalyser"
        )
    status = Status.KLAR if klara == antal else Status.PAGAR
    return Fasstatus(
        status, f"{klara} av {antal} behovsanalyser {vad}.", _lank(planeringsar), "Behovsanalyser"
    )


def identifiera(planeringsar: Planeringsar) -> Fasstatus:
    antal = _analyser(planeringsar)["antal"]
    if not antal:
        return Fasstatus(
            Status.EJ_PABORJAD,
            "Inga behovsgrupper har fått en analys ännu.",
            _lank(planeringsar),
            "Behovsanalyser",
        )
    return Fasstatus(
        Status.KLAR, f"{antal} behovsgrupper analyseras.", _lank(planeringsar), "Behovsanalyser"
    )


def brister(planeringsar: Planeringsar) -> Fasstatus:
    a = _analyser(planeringsar)
    return _andel(a["med_gap"], a["antal"], "har beskrivna hälsogap", planeringsar)


def dialog(planeringsar: Planeringsar) -> Fasstatus:
    a = _analyser(planeringsar)
    return _andel(a["med_dialog"], a["antal"], "har minst en dialog", planeringsar)


def beskriva(planeringsar: Planeringsar) -> Fasstatus:
    a = _analyser(planeringsar)
    return _andel(a["klara"], a["antal"], "är klara för prioritering", planeringsar)


def _fasslut(planeringsar: Planeringsar, nyckel: str) -> dt.date | None:
    return (
        Fas.objects.filter(planeringsar=planeringsar, nyckel=nyckel)
        .values_list("slut", flat=True)
        .first()
    )


def att_gora(user: Any, planeringsar: Planeringsar, idag: dt.date) -> list[Uppgift]:
    uppgifter = []
    if har_roll(user, Roll.TJANSTEPERSON):
        senast = _fasslut(planeringsar, "beskriva_behov")
        for analys in Behovsanalys.objects.filter(
            planeringsar=planeringsar, status=Behovsanalys.Status.UTKAST
        ).select_related("behovsgrupp"):
            uppgifter.append(
                Uppgift(
                    f"Gör klart behovsanalysen för {analys.behovsgrupp}",
                    reverse("behov:analys", args=[analys.pk]),
                    senast,
                    "Utkast – ska vara klar för prioritering.",
                    "beskriva_behov",
                )
            )
    if har_roll(user, Roll.FORTROENDEVALD) and user.ledamotskap.exists():
        utan_beslut = Halsogap.objects.filter(
            analys__planeringsar=planeringsar, malbeslut__isnull=True, foreslaget_mal__isnull=False
        ).select_related("analys__behovsgrupp")
        per_analys: dict[int, list[Halsogap]] = {}
        for gap in utan_beslut:
            per_analys.setdefault(gap.analys_id, []).append(gap)
        start = (
            Fas.objects.filter(planeringsar=planeringsar, nyckel="prioritera")
            .values_list("start", flat=True)
            .first()
        )
        for analys_id, gapen in per_analys.items():
            uppgifter.append(
                Uppgift(
                    f"Besluta mål för {gapen[0].analys.behovsgrupp} ({len(gapen)} hälsogap)",
                    reverse("behov:analys", args=[analys_id]),
                    start,
                    "Nämnden beslutar önskat hälsotillstånd före prioriteringen.",
                    "prioritera",
                )
            )
    return uppgifter


def registrera() -> None:
    registrera_fasstatus("identifiera_behov", identifiera)
    registrera_fasstatus("brister", brister)
    registrera_fasstatus("dialog_behov", dialog)
    registrera_fasstatus("beskriva_behov", beskriva)
    registrera_att_gora(att_gora)
