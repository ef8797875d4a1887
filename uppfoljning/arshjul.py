"""What the follow-up stage tells the årshjul. The Årsuppföljning phase of budget year N's
wheel (January–March of N-1) follows up year N-2."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from natverken.arshjul import Fasstatus, Status, Uppgift, registrera_att_gora, registrera_fasstatus
from natverken.models import Organ, Planeringsar, Roll
from natverken.roller import har_roll
from uppdrag.models import Uppdrag
from uppfoljning.models import Arsuppfoljning, Aterrapport, Fortsattningsbeslut
from uppfoljning.rapportering import DAGAR_ATT_GRANSKA, RAPPORTERANDE, rapportrader

R = Aterrapport.Rapportstatus


def arsuppfoljning(planeringsar: Planeringsar) -> Fasstatus:
    uppfoljt = planeringsar.ar - 2
    if not Planeringsar.objects.filter(ar=uppfoljt).exists():
        # A region's first years in the system have nothing two years back to follow up:
        # not overdue, and no link to a page that doesn't exist.
        return Fasstatus(Status.OKAND, f"Planeringsår {uppfoljt} finns inte i systemet.")
    lank = reverse("uppfoljning:arsuppfoljning", args=[uppfoljt])
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
            "Årsuppföljningen",
        )
    return Fasstatus(
        Status.PAGAR, f"Årsuppföljningen av {uppfoljt} sammanställs.", lank, "Årsuppföljningen"
    )


def _rapportuppgifter(user: Any, idag: dt.date) -> list[Uppgift]:
    """Providers: every started report still with them (waiting or returned), and periods of
    the plan due within a month or overdue that nobody has started. Officials: submitted
    reports to review. Whatever year is being prepared."""
    ar_tjp = har_roll(user, Roll.TJANSTEPERSON)
    ar_utforare = har_roll(user, Roll.UTFORARE) and not ar_tjp
    if not (ar_tjp or ar_utforare):
        return []
    synliga = Uppdrag.objects.for_anvandare(user)
    uppgifter = []
    if ar_utforare:
        for r in Aterrapport.objects.filter(
            uppdrag__in=synliga, rapportstatus__in=[R.VANTAR, R.ATERSAND]
        ).select_related("uppdrag"):
            atersand = r.rapportstatus == R.ATERSAND
            beskrivning = "Försenad. " if r.senast < idag else ""
            uppgifter.append(
                Uppgift(
                    f"{'Återsänd – komplettera' if atersand else 'Lämna återrapport'}: "
                    f"{r.uppdrag.titel}, {r.period}",
                    reverse("uppfoljning:rapport", args=[r.pk]),
                    r.senast,
                    beskrivning + (r.granskningskommentar if atersand else ""),
                )
            )
        ej_paborjade = rapportrader(
            synliga.filter(status__in=RAPPORTERANDE)
            .select_related("uppfoljningsplan", "planeringsar")
            .prefetch_related(
                Prefetch("aterrapporter", queryset=Aterrapport.objects.order_by("senast"))
            ),
            idag=idag,
        )
        for rad in ej_paborjade:
            if rad.rapport is None and rad.aktuell:
                uppgifter.append(
                    Uppgift(
                        f"Lämna återrapport: {rad.uppdrag.titel}, {rad.period}",
                        f"{reverse('uppfoljning:rapporter')}?ar={rad.uppdrag.planeringsar.ar}",
                        rad.senast,
                        "Försenad. " if rad.forsenad else "Enligt uppföljningsplanen.",
                    )
                )
    else:
        for r in Aterrapport.objects.filter(
            uppdrag__in=synliga, rapportstatus=R.INLAMNAD
        ).select_related("uppdrag"):
            uppgifter.append(
                Uppgift(
                    f"Granska återrapporten: {r.uppdrag.titel}, {r.period}",
                    reverse("uppfoljning:rapport", args=[r.pk]),
                    r.senast + dt.timedelta(days=DAGAR_ATT_GRANSKA),
                    "Inlämnad, väntar på granskning.",
                )
            )
    return uppgifter


def _beslutsuppgifter(user: Any, idag: dt.date) -> list[Uppgift]:
    """Members of a body: a yearly follow-up to approve, and running commissions without a
    continue/revise/close decision for the next planning year."""
    if (
        not har_roll(user, Roll.FORTROENDEVALD)
        or not Organ.objects.filter(ledamoter__anvandare=user).exists()
    ):
        return []
    uppgifter = []
    for a in (
        Arsuppfoljning.objects.filter(status=Arsuppfoljning.Status.UTKAST)
        .exclude(sammanfattning="")
        .select_related("planeringsar")
    ):
        uppgifter.append(
            Uppgift(
                f"Godkänn årsuppföljningen {a.planeringsar.ar}",
                reverse("uppfoljning:arsuppfoljning", args=[a.planeringsar.ar]),
                dt.date(a.planeringsar.ar + 1, 3, 31),
                "Sammanställd av tjänstepersonerna.",
            )
        )
    nasta = Planeringsar.objects.filter(ar=idag.year + 1).first()
    if nasta is not None:
        saknas = (
            Uppdrag.objects.filter(
                status__in=[Uppdrag.Status.BESLUTAD, Uppdrag.Status.PAGAR],
                planeringsar__ar__lt=nasta.ar,
                slut__year__gte=nasta.ar - 1,
            )
            .exclude(
                pk__in=Fortsattningsbeslut.objects.filter(planeringsar=nasta).values("uppdrag")
            )
            .count()
        )
        if saknas:
            uppgifter.append(
                Uppgift(
                    f"Besluta om {saknas} löpande uppdrag ska fortsätta, revideras eller avslutas inför {nasta.ar}",
                    reverse("uppfoljning:nasta_ar", args=[nasta.ar]),
                    dt.date(idag.year, 11, 30),
                    "Innan budgeten för nästa år beslutas.",
                )
            )
    return uppgifter


def att_gora(user: Any, planeringsar: Planeringsar, idag: dt.date) -> list[Uppgift]:
    uppgifter = _rapportuppgifter(user, idag) + _beslutsuppgifter(user, idag)
    if har_roll(user, Roll.TJANSTEPERSON) and idag.month <= 3:
        uppfoljt = idag.year - 1
        if (
            not Arsuppfoljning.objects.filter(planeringsar__ar=uppfoljt).exists()
            and Planeringsar.objects.filter(ar=uppfoljt).exists()
        ):
            uppgifter.append(
                Uppgift(
                    f"Sammanställ årsuppföljningen för {uppfoljt}",
                    reverse("uppfoljning:arsuppfoljning", args=[uppfoljt]),
                    dt.date(idag.year, 3, 31),
                    "Underlag till årsredovisningen.",
                    "arsuppfoljning",
                )
            )
    return uppgifter


def registrera() -> None:
    registrera_fasstatus("arsuppfoljning", arsuppfoljning)
    registrera_att_gora(att_gora)
