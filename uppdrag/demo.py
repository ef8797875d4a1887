"""The commissions of the demo region: for the top-ranked needs of each year's decided round.
2025's are finished, 2026's are running, 2027's are on their way through the process."""

from __future__ import annotations

import datetime as dt

from natverken.demo import beslut, hsn
from natverken.models import Utforare
from prioritering.models import Prioriteringsomgang
from uppdrag.models import Mal, Milstolpe, Uppdrag, Uppfoljningsplan

U = Uppdrag
# Needs group -> (title, kind of effort, provider, partner principal or "")
UPPDRAGSMALL = {
    "Äldre multisjuka 75+": (
        "Mobila team för multisjuka äldre",
        U.Insatstyp.OMVARDNAD,
        "Närsjukhuset Norrby",
        "Kommunerna i Region Exempel",
    ),
    "Barn och unga 13–24 med psykisk ohälsa": (
        "Första linjen för unga",
        U.Insatstyp.BEHANDLING,
        "Psykiatrin Region Exempel",
        "",
    ),
    "Personer med diabetes typ 2": (
        "Strukturerad diabetesvård i primärvården",
        U.Insatstyp.BEHANDLING,
        "Primärvården Region Exempel",
        "",
    ),
    "Boende i socioekonomiskt utsatta områden": (
        "Hälsofrämjande arbete i Söderby och Sjöbacka",
        U.Insatstyp.HALSOFRAMJANDE,
        "Folkhälsoenheten",
        "Söderby kommun",
    ),
    "Personer med hjärt-kärlsjukdom": (
        "Blodtrycksmottagningar i primärvården",
        U.Insatstyp.FOREBYGGANDE,
        "Vårdcentralen Söderby AB",
        "",
    ),
    "Personer med missbruk och beroende": (
        "Gemensam beroendemottagning",
        U.Insatstyp.BEHANDLING,
        "Psykiatrin Region Exempel",
        "Exempelstads kommun",
    ),
    "Små barn och deras familjer": (
        "Utökade hembesök i barnhälsovården",
        U.Insatstyp.FOREBYGGANDE,
        "Primärvården Region Exempel",
        "",
    ),
}
# Planning year -> (decision date and § for the commissions, status per place 1..4)
UPPDRAGSAR = {
    2025: (dt.date(2024, 10, 15), "§ 91", [U.Status.AVSLUTAD] * 4),
    2026: (dt.date(2025, 10, 14), "§ 95", [U.Status.PAGAR] * 4),
    2027: (
        dt.date(2026, 10, 20),
        "§ 97",
        [
            U.Status.BESLUTAD,
            U.Status.BESLUTAD,
            U.Status.FOR_BESLUT,
            U.Status.DIALOG,
            U.Status.UTKAST,
        ],
    ),
}
FREKVENS = [
    Uppfoljningsplan.Frekvens.TERTIAL,
    Uppfoljningsplan.Frekvens.TERTIAL,
    Uppfoljningsplan.Frekvens.HALVAR,
    Uppfoljningsplan.Frekvens.TERTIAL,
    Uppfoljningsplan.Frekvens.AR,
]


def bygg(stdout) -> None:  # noqa: ANN001
    for ar, (datum, paragraf, statusar) in UPPDRAGSAR.items():
        omgang = Prioriteringsomgang.objects.get(
            planeringsar__ar=ar, status=Prioriteringsomgang.Status.BESLUTAD
        )
        beslutet = beslut(
            hsn(),
            datum,
            paragraf,
            f"Uppdrag till utförare inför {ar}",
            "Nämnden ger uppdrag till utförarna för de högst prioriterade behoven enligt bilaga.",
        )
        objekten = list(omgang.objekt.filter(placering__lte=len(statusar)).order_by("placering"))
        for obj, status, frekvens in zip(objekten, statusar, FREKVENS, strict=False):
            titel, insats, utforarnamn, samverkan = UPPDRAGSMALL[obj.behovsgrupp.namn]
            titel = f"{titel} {ar}"
            if Uppdrag.objects.filter(titel=titel, planeringsar=omgang.planeringsar).exists():
                continue
            beslutat = status in {U.Status.BESLUTAD, U.Status.PAGAR, U.Status.AVSLUTAD}
            uppdrag = Uppdrag.objects.create(
                planeringsar=omgang.planeringsar,
                titel=titel,
                insatstyp=insats,
                utforare=Utforare.objects.get(namn=utforarnamn),
                huvudman=U.Huvudman.SAMVERKAN if samverkan else U.Huvudman.EGEN,
                samverkanspart=samverkan,
                langsiktigt_mal=f"Minska hälsogapet för {obj.behovsgrupp.namn.lower()} till den nivå nämnden beslutat.",
                beskrivning=obj.atgard,
                budget_tkr=obj.resursfordelning.belopp_tkr,
                start=dt.date(ar, 1, 1),
                slut=dt.date(ar, 12, 31),
                status=status,
                beslut=beslutet if beslutat else None,
            )
            uppdrag.prioriteringsobjekt.set([obj])
            mal = [
                Mal.objects.create(
                    uppdrag=uppdrag,
                    beskrivning=f"{gap.indikator.namn}: från {gap.aktuellt_varde} till {gap.malvarde}",
                    niva=Mal.Niva.EFFEKT,
                    indikator=gap.indikator,
                    omrade=gap.omrade,
                    kon=gap.kon,
                    baslinje_varde=gap.aktuellt_varde,
                    baslinje_period=gap.aktuell_period,
                    malvarde=gap.malvarde,
                    maldatum=dt.date(gap.beslutat_malar or ar + 3, 12, 31),
                    jamlikhet_dimension="Kön" if nr == 0 else "",
                    jamlikhet_grupp_a="Kvinnor" if nr == 0 else "",
                    jamlikhet_grupp_b="Män" if nr == 0 else "",
                    jamlikhet_mal=abs(gap.aktuellt_varde) * 0.05 if nr == 0 else None,
                )
                for nr, gap in enumerate(
                    obj.halsogap.select_related("indikator", "omrade").order_by("pk")
                )
            ]
            mal.append(
                Mal.objects.create(
                    uppdrag=uppdrag,
                    beskrivning="Insatsen är införd på alla berörda enheter",
                    niva=Mal.Niva.AKTIVITET,
                )
            )
            mal.append(
                Mal.objects.create(
                    uppdrag=uppdrag,
                    beskrivning="Minst 60 % av målgruppen har nåtts av insatsen",
                    niva=Mal.Niva.RESULTAT,
                )
            )
            for manad, text in (
                (3, "Arbetsgrupp och plan klara"),
                (6, "Insatsen startad på alla enheter"),
                (11, "Utvärdering av första året"),
            ):
                klar = (
                    dt.date(ar, manad, 28)
                    if status == U.Status.AVSLUTAD or (status == U.Status.PAGAR and manad <= 6)
                    else None
                )
                Milstolpe.objects.create(
                    uppdrag=uppdrag, datum=dt.date(ar, manad, 28), beskrivning=text, klar=klar
                )
            if status not in {U.Status.DIALOG, U.Status.UTKAST}:
                plan = Uppfoljningsplan.objects.create(
                    uppdrag=uppdrag,
                    frekvens=frekvens,
                    rapportor=f"Verksamhetschef, {utforarnamn}",
                    klart_nar="Alla milstolpar är nådda och effektmålen följs upp mot beslutat målvärde.",
                )
                plan.mal.set(mal)
    stdout.write(f"Uppdrag: {Uppdrag.objects.count()} uppdrag.")
