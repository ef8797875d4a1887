"""The prioritisation part of the demo region: one round per planning year in
Hälso- och sjukvårdsnämnden, with assessments, members' rankings, the decided order with
reservations, and the resource allocation. 2026's round was revised after the budget frame
changed, so both versions exist."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from behov.models import Behovsanalys
from natverken.demo import beslut, hsn, ledamot, tusental
from natverken.models import Planeringsar, Reservation
from prioritering.models import (
    Bedomning,
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Rangordning,
    Rangplats,
    Resursfordelning,
)

B = Bedomning
# Needs group -> (need, measure, severity, benefit, cost, evidence, level)
BEDOMNINGAR = {
    "Äldre multisjuka 75+": (
        "Färre undvikbara inläggningar för äldre multisjuka",
        "Mobila team och fast läkarkontakt för multisjuka äldre, läkemedelsgenomgångar och fallprevention.",
        B.Svarighetsgrad.MYCKET_STOR,
        B.Nytta.STOR,
        B.Kostnad.MATTLIG,
        B.Evidens.MATTLIG,
        2,
    ),
    "Barn och unga 13–24 med psykisk ohälsa": (
        "Tidig hjälp för unga med psykisk ohälsa",
        "Förstärkt första linje för unga på vårdcentraler och ungdomsmottagningar, kortare väntan till BUP.",
        B.Svarighetsgrad.STOR,
        B.Nytta.STOR,
        B.Kostnad.MATTLIG,
        B.Evidens.MATTLIG,
        3,
    ),
    "Personer med diabetes typ 2": (
        "Bättre kontrollerad diabetes typ 2",
        "Diabetessjuksköterska på alla vårdcentraler och gruppbaserat stöd för levnadsvanor.",
        B.Svarighetsgrad.STOR,
        B.Nytta.MATTLIG,
        B.Kostnad.LAG,
        B.Evidens.HOG,
        4,
    ),
    "Boende i socioekonomiskt utsatta områden": (
        "Jämlik hälsa i Söderby och Sjöbacka",
        "Hälsokommunikatörer, uppsökande hälsosamtal och utökade öppettider på vårdcentralerna.",
        B.Svarighetsgrad.STOR,
        B.Nytta.MATTLIG,
        B.Kostnad.MATTLIG,
        B.Evidens.LAG,
        5,
    ),
    "Personer med hjärt-kärlsjukdom": (
        "Färre hjärtinfarkter genom bättre blodtryckskontroll",
        "Blodtrycksmottagningar i primärvården och uppföljning av hjärtsvikt enligt riktlinjer.",
        B.Svarighetsgrad.MYCKET_STOR,
        B.Nytta.MATTLIG,
        B.Kostnad.LAG,
        B.Evidens.HOG,
        3,
    ),
    "Personer med missbruk och beroende": (
        "Samordnad vård vid missbruk och beroende",
        "Gemensam beroendemottagning med kommunerna och uppsökande verksamhet.",
        B.Svarighetsgrad.MYCKET_STOR,
        B.Nytta.MATTLIG,
        B.Kostnad.HOG,
        B.Evidens.MATTLIG,
        5,
    ),
    "Små barn och deras familjer": (
        "God start i livet för alla barn",
        "Utökade hembesök i barnhälsovården i utsatta områden och förebyggande tandvård.",
        B.Svarighetsgrad.MATTLIG,
        B.Nytta.STOR,
        B.Kostnad.LAG,
        B.Evidens.HOG,
        5,
    ),
    "Personer med långvarig smärta": (
        "Rehabilitering vid långvarig smärta",
        "Multimodal smärtrehabilitering i primärvården och fysisk aktivitet på recept.",
        B.Svarighetsgrad.MATTLIG,
        B.Nytta.MATTLIG,
        B.Kostnad.MATTLIG,
        B.Evidens.MATTLIG,
        7,
    ),
}

# Planning year -> frame (tkr), decision date and §, decided order (needs groups, first is
# 1st), and members' own orders (as permutations of the decided order's indices).
OMGANGAR = {
    2025: (Decimal(60_000), dt.date(2024, 6, 11), "§ 62", [0, 1, 4, 2, 3, 5]),
    2026: (Decimal(64_000), dt.date(2025, 6, 10), "§ 58", [1, 0, 4, 2, 3, 5, 6]),
    2027: (Decimal(70_000), dt.date(2026, 6, 9), "§ 61", [1, 0, 3, 4, 2, 6, 5, 7]),
}
LEDAMOTER = ["Erik Holm", "Maria Sandberg", "Lena Ström", "Ahmed Yusuf"]
# Each member's order, as a permutation of positions in the decided order.
EGNA_ORDNINGAR = {
    "Erik Holm": lambda n: list(range(n)),
    "Maria Sandberg": lambda n: [1, 0, 2, 4, 3] + list(range(5, n)),
    "Lena Ström": lambda n: [0, 2, 1] + list(range(3, n)),
    "Ahmed Yusuf": lambda n: [2, 1, 0] + list(range(3, n))[::-1],
}
# Share of the frame per place (the rest is kept as a reserve).
ANDELAR = [
    Decimal("0.26"),
    Decimal("0.22"),
    Decimal("0.17"),
    Decimal("0.13"),
    Decimal("0.09"),
    Decimal("0.06"),
    Decimal("0.04"),
    Decimal("0.02"),
]
# The largest gaps and most severe ill-health are carried by need-solidarity; the rest by
# cost-effectiveness (human dignity underlies all and is not the reason for an order).
PRINCIPER = [
    Prioriteringsobjekt.Princip.BEHOV_SOLIDARITET,
    Prioriteringsobjekt.Princip.MANNISKOVARDE,
    Prioriteringsobjekt.Princip.KOSTNADSEFFEKTIVITET,
]


def _bygg_omgang(
    ar: int,
    *,
    revision: int = 1,
    ersatter: Prioriteringsomgang | None = None,
    ram: Decimal | None = None,
    datum: dt.date | None = None,
    paragraf: str | None = None,
    revisionsskal: str = "",
) -> Prioriteringsomgang:
    planeringsar = Planeringsar.objects.get(ar=ar)
    standard_ram, standard_datum, standard_paragraf, ordning = OMGANGAR[ar]
    ram, datum, paragraf = (
        ram or standard_ram,
        datum or standard_datum,
        paragraf or standard_paragraf,
    )
    omgang = Prioriteringsomgang.objects.filter(
        planeringsar=planeringsar, organ=hsn(), revision=revision
    ).first()
    if omgang:
        return omgang
    text = (
        f"Nämnden beslutar om rangordning av behov och resursfördelning inför budget {ar} "
        f"enligt bilaga, inom en ram på {tusental(ram)} tkr."
    )
    if revision > 1:
        text += f" Beslutet ersätter tidigare beslut. Skäl: {revisionsskal}"
    beslutet = beslut(
        hsn(),
        datum,
        paragraf,
        f"Prioritering av behov inför budget {ar}"
        + (f" (revision {revision})" if revision > 1 else ""),
        text,
    )
    omgang = Prioriteringsomgang.objects.create(
        planeringsar=planeringsar,
        organ=hsn(),
        namn=f"Prioritering inför budget {ar}",
        budgetram_tkr=ram,
        sammantradesdatum=datum,
        status=Prioriteringsomgang.Status.BESLUTAD,
        beslut=beslutet,
        revision=revision,
        ersatter=ersatter,
        revisionsskal=revisionsskal,
        ovre_del_antal=3,
    )
    analyser = list(
        Behovsanalys.objects.filter(planeringsar=planeringsar)
        .select_related("behovsgrupp")
        .order_by("behovsgrupp__namn")
    )
    per_grupp = {a.behovsgrupp.namn: a for a in analyser}
    grupper = [namn for namn in BEDOMNINGAR if namn in per_grupp]
    decided = [grupper[i] for i in ordning]
    objekt: list[Prioriteringsobjekt] = []
    for plats, gruppnamn in enumerate(decided, start=1):
        rubrik, atgard, svar, nytta, kostnad, evidens, grad = BEDOMNINGAR[gruppnamn]
        analys = per_grupp[gruppnamn]
        obj = Prioriteringsobjekt.objects.create(
            omgang=omgang,
            behovsgrupp=analys.behovsgrupp,
            rubrik=rubrik,
            atgard=atgard,
            placering=plats,
            princip=PRINCIPER[0] if plats <= 3 else PRINCIPER[2],
            motivering=(
                f"Placering {plats}: {'stort hälsogap och svår ohälsa' if plats <= 3 else 'tydligt gap men mindre svårighetsgrad eller osäkrare effekt'}; "
                f"vägt enligt den etiska plattformen."
            ),
        )
        obj.halsogap.set(analys.halsogap.all())
        Bedomning.objects.create(
            objekt=obj,
            svarighetsgrad=svar,
            nytta=nytta,
            kostnad=kostnad,
            evidens=evidens,
            svarighetsgrad_motivering="Bedömt utifrån hälsogapets storlek, dödlighet och livskvalitet.",
            nytta_motivering="Effekten bygger på nationella riktlinjer och erfarenheter från andra regioner.",
            kostnad_motivering="Kostnaden per vunnet levnadsår bedöms rimlig.",
            evidens_motivering="Systematiska översikter finns för huvuddelen av åtgärderna.",
            antal_berorda=analys.behovsgrupp.uppskattat_antal,
            jamlikhet="Störst vinst för grupper med kort utbildning och i Söderby och Sjöbacka.",
            prioritetsgrad=grad,
        )
        andel = ANDELAR[plats - 1]
        Resursfordelning.objects.create(
            objekt=obj,
            belopp_tkr=(ram * andel).quantize(Decimal(1)),
            typ=Resursfordelning.Typ.PRIORITERA
            if plats <= 5
            else (
                Resursfordelning.Typ.EFFEKTIVISERA if plats % 2 else Resursfordelning.Typ.RANSONERA
            ),
            beslut=beslutet,
        )
        objekt.append(obj)
    for namn in LEDAMOTER:
        rang = Rangordning.objects.create(
            omgang=omgang,
            ledamot=ledamot(namn),
            inlamnad=timezone.make_aware(
                dt.datetime.combine(datum - dt.timedelta(days=7), dt.time(10))
            ),
        )
        ordning_ = EGNA_ORDNINGAR[namn](len(objekt))
        Rangplats.objects.bulk_create(
            Rangplats(rangordning=rang, objekt=objekt[i], plats=p)
            for p, i in enumerate(ordning_, start=1)
        )
    reservant = {2025: "Ahmed Yusuf", 2026: "Lena Ström", 2027: "Maria Sandberg"}[ar]
    Reservation.objects.get_or_create(
        beslut=beslutet,
        ledamot=ledamot(reservant),
        defaults={
            "text": (
                f"Jag reserverar mig mot beslutet. {objekt[2].rubrik} borde ha placerats först, "
                "eftersom gapet är störst för dem med sämst förutsättningar."
            )
        },
    )
    return omgang


def bygg(stdout) -> None:  # noqa: ANN001
    _bygg_omgang(2025)
    forsta_2026 = _bygg_omgang(2026)
    # After the council lowered the frame in the autumn of 2025, the body revised its order.
    if forsta_2026.status != Prioriteringsomgang.Status.ERSATT:
        forsta_2026.status = Prioriteringsomgang.Status.ERSATT
        forsta_2026.save(update_fields=["status"])
    _bygg_omgang(
        2026,
        revision=2,
        ersatter=forsta_2026,
        ram=Decimal(60_000),
        datum=dt.date(2025, 9, 16),
        paragraf="§ 84",
        revisionsskal="Fullmäktiges budgetram för hälso- och sjukvården sänktes med 4 000 tkr.",
    )
    _bygg_omgang(2027)
    stdout.write(
        f"Prioritering: {Prioriteringsomgang.objects.count()} omgångar, "
        f"{Prioriteringsobjekt.objects.count()} prioriteringsobjekt."
    )
