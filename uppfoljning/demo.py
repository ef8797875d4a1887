"""Follow-up in the demo region, as it stands on 23 November 2026.

2025: every commission carried out and every report accepted; the year's follow-up approved by
the nämnd (§ 28), with the goal judgements it saw. "Första linjen för unga" was carried out in
full, yet the young people's mental health kept getting worse: the page must show that. Mobila
team also had a short-term goal on inappropriate medication that was reached. The goals end up
ahead, on track, behind, reached, and one "cannot judge" (the change is inside the CI).

2026: running. Första linjen reported a risk and its second report was returned with a comment
(now overdue); Blodtrycksmottagningar has not sent its first half-year report (overdue);
Mobila team's second report waits for review. No goal can be judged yet: the first values
after the 2024 baselines are 2025's, one point. Two commissions have the body's decision to
continue into 2027; two still lack one.

Idempotent: what exists is left as it is, so a second run writes nothing (and no history)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from natverken.demo import beslut, hsn
from natverken.models import Planeringsar
from uppdrag.models import Mal, Uppdrag
from uppfoljning.models import (
    Arsuppfoljning,
    Aterrapport,
    Fortsattningsbeslut,
    Framdrift,
    Malstatus,
)
from uppfoljning.rapportering import perioder

R = Aterrapport.Rapportstatus
F = Framdrift
IDAG = dt.date(2026, 11, 23)  # the demo's "now"

# (title without year, planning year) -> {period number: (report status, progress, summary)}.
# Periods not listed: accepted and on plan when due, waiting when not.
SCENARIO: dict[tuple[str, int], dict[int, tuple[str, str, str]]] = {
    ("Första linjen för unga", 2025): {
        3: (
            R.GODKAND,
            F.UPPNATT,
            "Första linjen är öppen på alla åtta orter och 1 900 unga har fått samtalsstöd. "
            "Väntetiden till första samtal är nere i tio dagar. Insatsen är genomförd enligt plan.",
        ),
    },
    ("Första linjen för unga", 2026): {
        1: (
            R.GODKAND,
            F.RISK,
            "Rekryteringen av psykologer har dröjt; två av åtta orter har bara kurator. "
            "Väntetiden till BUP har inte minskat som planerat.",
        ),
        2: (
            R.ATERSAND,
            F.RISK,
            "Bemanningen är fortfarande inte komplett. Vi fortsätter rekrytera under hösten.",
        ),
    },
    ("Blodtrycksmottagningar i primärvården", 2026): {
        1: (R.VANTAR, "", ""),  # never sent: overdue since July
    },
    ("Mobila team för multisjuka äldre", 2026): {
        2: (
            R.INLAMNAD,
            F.ENLIGT_PLAN,
            "Teamen besöker nu alla kommuner. Återinskrivningarna följs upp månadsvis med "
            "kommunernas hemsjukvård.",
        ),
    },
}
ATERSAND_KOMMENTAR = (
    "Komplettera med uppmätta värden för väntetiderna och en plan för de två orterna utan psykolog."
)
STANDARDTEXT = "Insatsen följer planen. Bemanningen är på plats och målgruppen nås i ökande grad."
SISTA_2025 = (
    "Alla milstolpar är nådda och insatsen är införd på samtliga enheter. Uppföljningen mot "
    "effektmålen fortsätter enligt plan."
)
# Decisions for 2027 on the running 2026 commissions: two taken, two still to take.
FORTSATTNING_2027 = {
    "Mobila team för multisjuka äldre": (
        Fortsattningsbeslut.Val.FORTSATT,
        "Undvikbar slutenvård minskar före plan; teamen fortsätter med samma inriktning.",
    ),
    "Strukturerad diabetesvård i primärvården": (
        Fortsattningsbeslut.Val.FORTSATT,
        "Den reviderade inriktningen startade 2026; den behöver ett år till innan den kan bedömas.",
    ),
}


def _tid(datum: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time(14)))


def _grundtitel(uppdrag: Uppdrag) -> str:
    return uppdrag.titel.rsplit(" ", 1)[0]


def _kortmal_2025(uppdrag: Uppdrag) -> None:
    """A short-term result goal on Mobila team 2025 that was reached (baseline from the
    commission's own effect goal on the same indicator)."""
    effekt = uppdrag.mal.filter(indikator__kod="DEMO-LAKEMEDEL").first()
    if effekt is None or effekt.baslinje_varde is None:
        return
    mal, skapad = Mal.objects.get_or_create(
        uppdrag=uppdrag,
        beskrivning="Olämpliga läkemedel hos äldre under 6,0 % vid årets slut",
        defaults={
            "niva": Mal.Niva.RESULTAT,
            "indikator": effekt.indikator,
            "omrade": effekt.omrade,
            "kon": effekt.kon,
            "baslinje_varde": effekt.baslinje_varde,
            "baslinje_period": effekt.baslinje_period,
            "malvarde": round(effekt.baslinje_varde - 0.3, 1),
            "maldatum": dt.date(uppdrag.planeringsar.ar, 12, 31),
            "jamlikhet_dimension": "Kön",
            "jamlikhet_grupp_a": "Kvinnor",
            "jamlikhet_grupp_b": "Män",
            "jamlikhet_mal": 1.0,
        },
    )
    plan = getattr(uppdrag, "uppfoljningsplan", None)
    if skapad and plan is not None:
        plan.mal.add(mal)


def _rapporter(uppdrag: Uppdrag, rapportorer: dict[int, object], granskare: object) -> None:
    ar = uppdrag.planeringsar.ar
    scenario = SCENARIO.get((_grundtitel(uppdrag), ar), {})
    alla = perioder(uppdrag)
    for nr, period in enumerate(alla, start=1):
        if Aterrapport.objects.filter(uppdrag=uppdrag, period=period.namn).exists():
            continue
        if nr in scenario:
            status, framdrift, text = scenario[nr]
        elif period.senast > IDAG:
            status, framdrift, text = R.VANTAR, "", ""
        else:
            sista_2025 = ar == 2025 and nr == len(alla)
            status = R.GODKAND
            framdrift = F.UPPNATT if sista_2025 else F.ENLIGT_PLAN
            text = SISTA_2025 if sista_2025 else STANDARDTEXT
        inlamnad = period.senast - dt.timedelta(days=3)
        granskad = period.senast + dt.timedelta(days=5)
        rapport = Aterrapport(
            uppdrag=uppdrag,
            period=period.namn,
            senast=period.senast,
            rapportstatus=status,
            framdrift=framdrift,
            sammanfattning=text,
            inlamnad=None if status == R.VANTAR else _tid(inlamnad),
            inlamnad_av=None if status == R.VANTAR else rapportorer.get(uppdrag.utforare_id),
            granskad_av=granskare if status in {R.GODKAND, R.ATERSAND} else None,
            granskad=_tid(granskad) if status in {R.GODKAND, R.ATERSAND} else None,
            granskningskommentar=ATERSAND_KOMMENTAR if status == R.ATERSAND else "",
        )
        # The history says when it happened, not when the demo ran.
        rapport._history_date = _tid(granskad if rapport.granskad else inlamnad)
        rapport.save()
        if status == R.VANTAR:
            continue
        for mal in uppdrag.mal.order_by("pk"):
            bup = mal.indikator_id and mal.indikator.kod == "DEMO-BUP" and ar == 2026 and nr == 1
            Malstatus.objects.create(
                rapport=rapport,
                mal=mal,
                framdrift=framdrift,
                kommentar=(
                    "Egen mätning januari–april: 57 % fick första besök inom 30 dagar."
                    if bup
                    else "Enligt plan."
                    if framdrift == F.ENLIGT_PLAN
                    else ""
                ),
                uppmatt_varde=57.0 if bup else None,
            )


def _bedomningar_vid_beslut(arsupp: Arsuppfoljning) -> None:
    """Keep the goal judgements the nämnd saw when it approved 2025 (once)."""
    if arsupp.bedomningar_vid_beslut:
        return
    from uppfoljning.underlag import bedomningar, med_uppfoljning, uppdragslagen

    lagen = uppdragslagen(
        med_uppfoljning(Uppdrag.objects.filter(planeringsar=arsupp.planeringsar)), idag=IDAG
    )
    arsupp.bedomningar_vid_beslut = bedomningar(lagen)
    arsupp._history_date = _tid(dt.date(2026, 3, 24))
    arsupp.save()


def bygg(stdout) -> None:  # noqa: ANN001
    User = get_user_model()
    granskare = User.objects.get(username="tjansteperson")
    rapportorer = {
        u.profil.utforare_id: u
        for u in User.objects.filter(username__in=["utforare", "utforare2"]).select_related(
            "profil"
        )
    }
    loper = (
        Uppdrag.objects.filter(status__in=[Uppdrag.Status.PAGAR, Uppdrag.Status.AVSLUTAD])
        .select_related("uppfoljningsplan", "planeringsar")
        .order_by("pk")
    )
    for uppdrag in loper:
        if (
            uppdrag.planeringsar.ar == 2025
            and _grundtitel(uppdrag) == "Mobila team för multisjuka äldre"
        ):
            _kortmal_2025(uppdrag)
        _rapporter(uppdrag, rapportorer, granskare)

    ar2025 = Planeringsar.objects.get(ar=2025)
    godkannande = beslut(
        hsn(),
        dt.date(2026, 3, 24),
        "§ 28",
        "Årsuppföljning 2025",
        "Nämnden godkänner årsuppföljningen för 2025 och överlämnar den till regionstyrelsen "
        "som underlag för årsredovisningen.",
    )
    arsupp, _ = Arsuppfoljning.objects.get_or_create(
        planeringsar=ar2025,
        defaults={
            "status": Arsuppfoljning.Status.GODKAND,
            "beslut": godkannande,
            "sammanfattning": (
                "Samtliga fyra uppdrag genomfördes enligt plan. Undvikbar slutenvård för äldre "
                "multisjuka minskade före plan, och andelen äldre med olämpliga läkemedel nådde "
                "årets mål. Den psykiska ohälsan bland unga fortsatte däremot att öka trots att "
                "Första linjen genomfördes fullt: behovet kvarstår och inriktningen revideras. "
                "Skillnaden mellan unga kvinnor och män är oförändrat stor."
            ),
        },
    )
    _bedomningar_vid_beslut(arsupp)

    ar2026 = Planeringsar.objects.get(ar=2026)
    for uppdrag in Uppdrag.objects.filter(planeringsar=ar2025).order_by("pk"):
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
                    else "Insatsen genomfördes men hälsoutfallet rörde sig inte; inriktningen revideras."
                ),
            },
        )
    ar2027 = Planeringsar.objects.filter(ar=2027).first()
    if ar2027 is not None:
        fortsattning = beslut(
            hsn(),
            dt.date(2026, 10, 20),
            "§ 98",
            "Fortsättning av uppdrag inför 2027",
            "Nämnden beslutar om pågående uppdrag ska fortsätta, revideras eller avslutas.",
        )
        for uppdrag in Uppdrag.objects.filter(planeringsar=ar2026).order_by("pk"):
            if _grundtitel(uppdrag) in FORTSATTNING_2027:
                val, motivering = FORTSATTNING_2027[_grundtitel(uppdrag)]
                Fortsattningsbeslut.objects.get_or_create(
                    uppdrag=uppdrag,
                    planeringsar=ar2027,
                    defaults={"val": val, "motivering": motivering, "beslut": fortsattning},
                )
    stdout.write(
        f"Uppföljning: {Aterrapport.objects.count()} återrapporter, "
        f"{Arsuppfoljning.objects.count()} godkänd årsuppföljning, "
        f"{Fortsattningsbeslut.objects.count()} beslut om fortsättning."
    )
