"""Follow-up in the demo region: 2025's commissions fully reported and the year's follow-up
approved; 2026's with some reports in (one awaiting review, one returned) and the last
period still to come; continue/revise/close decisions for 2025's commissions."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from natverken.demo import beslut, hsn
from natverken.models import Planeringsar
from uppdrag.models import Uppdrag
from uppfoljning.models import (
    Arsuppfoljning,
    Aterrapport,
    Fortsattningsbeslut,
    Framdrift,
    Malstatus,
)

R = Aterrapport.Rapportstatus
IDAG = dt.date(2026, 11, 23)  # the demo's "now": reports due after this are still waiting


def _tid(datum: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time(14)))


def _status_for(uppdrag: Uppdrag, period_nr: int, senast: dt.date) -> str:
    if senast > IDAG:
        return R.VANTAR
    if uppdrag.planeringsar.ar == 2026 and period_nr == 2:
        # One report waits for review, one was returned for completion.
        if uppdrag.insatstyp == Uppdrag.Insatstyp.OMVARDNAD:
            return R.INLAMNAD
        if uppdrag.insatstyp == Uppdrag.Insatstyp.BEHANDLING:
            return R.ATERSAND
    return R.GODKAND


def bygg(stdout) -> None:  # noqa: ANN001
    User = get_user_model()
    rapportor = User.objects.get(username="utforare")
    granskare = User.objects.get(username="tjansteperson")
    for uppdrag in Uppdrag.objects.filter(
        status__in=[Uppdrag.Status.PAGAR, Uppdrag.Status.AVSLUTAD]
    ).select_related("uppfoljningsplan", "planeringsar"):
        ar = uppdrag.planeringsar.ar
        perioder = uppdrag.uppfoljningsplan.perioder(ar)
        for nr, (period, slutmanad) in enumerate(perioder, start=1):
            senast = dt.date(ar + (slutmanad == 12), 1 if slutmanad == 12 else slutmanad + 1, 15)
            status = _status_for(uppdrag, nr, senast)
            framdrift = (
                ""
                if status == R.VANTAR
                else (
                    Framdrift.RISK
                    if uppdrag.insatstyp == Uppdrag.Insatstyp.BEHANDLING and ar == 2026
                    else Framdrift.UPPNATT
                    if ar == 2025 and nr == len(perioder)
                    else Framdrift.ENLIGT_PLAN
                )
            )
            rapport, skapad = Aterrapport.objects.get_or_create(
                uppdrag=uppdrag,
                period=period,
                defaults={
                    "senast": senast,
                    "rapportstatus": status,
                    "framdrift": framdrift,
                    "sammanfattning": ""
                    if status == R.VANTAR
                    else (
                        "Insatsen följer planen. Bemanningen är på plats och målgruppen nås i "
                        "ökande grad."
                        if framdrift != Framdrift.RISK
                        else "Rekryteringen av psykologer har dröjt; väntetiderna har inte minskat som planerat."
                    ),
                    "inlamnad": None if status == R.VANTAR else _tid(senast - dt.timedelta(days=3)),
                    "inlamnad_av": None if status == R.VANTAR else rapportor,
                    "granskad_av": granskare if status in {R.GODKAND, R.ATERSAND} else None,
                    "granskningskommentar": "Komplettera med uppmätta värden för väntetiderna."
                    if status == R.ATERSAND
                    else "",
                },
            )
            if not skapad or status == R.VANTAR:
                continue
            for mal in uppdrag.mal.all():
                Malstatus.objects.create(
                    rapport=rapport,
                    mal=mal,
                    framdrift=framdrift,
                    kommentar="Enligt plan." if framdrift == Framdrift.ENLIGT_PLAN else "",
                )
    ar2025 = Planeringsar.objects.get(ar=2025)
    godkannande = beslut(
        hsn(),
        dt.date(2026, 3, 24),
        "§ 28",
        "Årsuppföljning 2025",
        "Nämnden godkänner årsuppföljningen för 2025 och överlämnar den till regionstyrelsen "
        "som underlag för årsredovisningen.",
    )
    Arsuppfoljning.objects.get_or_create(
        planeringsar=ar2025,
        defaults={
            "status": Arsuppfoljning.Status.GODKAND,
            "beslut": godkannande,
            "sammanfattning": (
                "Samtliga fyra uppdrag genomfördes enligt plan. Undvikbar slutenvård för äldre "
                "multisjuka minskade, medan den psykiska ohälsan bland unga fortsatte att öka "
                "trots genomförda insatser: behovet kvarstår till 2027."
            ),
        },
    )
    ar2026 = Planeringsar.objects.get(ar=2026)
    for uppdrag in Uppdrag.objects.filter(planeringsar=ar2025):
        val = (
            Fortsattningsbeslut.Val.REVIDERA
            if uppdrag.insatstyp == Uppdrag.Insatstyp.BEHANDLING
            else Fortsattningsbeslut.Val.FORTSATT
        )
        Fortsattningsbeslut.objects.get_or_create(
            uppdrag=uppdrag,
            planeringsar=ar2026,
            defaults={
                "val": val,
                "beslut": godkannande,
                "motivering": (
                    "Hälsogapet kvarstår; uppdraget fortsätter med samma inriktning."
                    if val == Fortsattningsbeslut.Val.FORTSATT
                    else "Insatsen nådde målgruppen men hälsoutfallet rörde sig inte; inriktningen revideras."
                ),
            },
        )
    stdout.write(
        f"Uppföljning: {Aterrapport.objects.count()} återrapporter, "
        f"{Arsuppfoljning.objects.count()} godkänd årsuppföljning."
    )
