"""The prioritisation part of the demo region, a round per planning year in
Hälso- och sjukvårdsnämnden, one in each state:

- 2025 and 2027: decided, with assessments, members' rankings, the decided order with
  motiveringar, a reservation, and the resource allocation;
- 2026: decided, then revised after the council lowered the frame in the autumn, so both
  versions exist (the first as replaced);
- 2028: open for ranking. Preparing 2028 runs through 2027, but the officials have opened the
  round early from the needs carried forward from 2027 (their unmet gaps), so the members can
  rank at their own pace before the meeting in June 2027. Five members have ranked, with
  visible disagreement; the two demo users (Erik Holm, Maria Sandberg) have not, so they can
  try it.

Idempotent: a round that exists is left as it is, so a second run writes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from behov.models import Behovsanalys, Datakalla, Halsogap
from natverken.demo import beslut, bygg_ar, hsn, ledamot, tusental
from natverken.models import Planeringsar, Reservation
from prioritering.models import (
    Bedomning,
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Rangordning,
    Rangplats,
    Resursfordelning,
)
from prioritering.regler import foresla_prioritetsgrad

B = Bedomning
P = Prioriteringsobjekt.Princip
# Needs group -> (need, measure, severity, benefit, cost, evidence)
BEDOMNINGAR = {
    "Äldre multisjuka 75+": (
        "Färre undvikbara inläggningar för äldre multisjuka",
        "Mobila team och fast läkarkontakt för multisjuka äldre, läkemedelsgenomgångar och fallprevention.",
        B.Svarighetsgrad.MYCKET_STOR,
        B.Nytta.STOR,
        B.Kostnad.MATTLIG,
        B.Evidens.MATTLIG,
    ),
    "Barn och unga 13–24 med psykisk ohälsa": (
        "Tidig hjälp för unga med psykisk ohälsa",
        "Förstärkt första linje för unga på vårdcentraler och ungdomsmottagningar, kortare väntan till BUP.",
        B.Svarighetsgrad.STOR,
        B.Nytta.STOR,
        B.Kostnad.MATTLIG,
        B.Evidens.MATTLIG,
    ),
    "Personer med diabetes typ 2": (
        "Bättre kontrollerad diabetes typ 2",
        "Diabetessjuksköterska på alla vårdcentraler och gruppbaserat stöd för levnadsvanor.",
        B.Svarighetsgrad.STOR,
        B.Nytta.MATTLIG,
        B.Kostnad.LAG,
        B.Evidens.HOG,
    ),
    "Boende i socioekonomiskt utsatta områden": (
        "Jämlik hälsa i Söderby och Sjöbacka",
        "Hälsokommunikatörer, uppsökande hälsosamtal och utökade öppettider på vårdcentralerna.",
        B.Svarighetsgrad.STOR,
        B.Nytta.MATTLIG,
        B.Kostnad.MATTLIG,
        B.Evidens.LAG,
    ),
    "Personer med hjärt-kärlsjukdom": (
        "Färre hjärtinfarkter genom bättre blodtryckskontroll",
        "Blodtrycksmottagningar i primärvården och uppföljning av hjärtsvikt enligt riktlinjer.",
        B.Svarighetsgrad.MYCKET_STOR,
        B.Nytta.MATTLIG,
        B.Kostnad.LAG,
        B.Evidens.HOG,
    ),
    "Personer med missbruk och beroende": (
        "Samordnad vård vid missbruk och beroende",
        "Gemensam beroendemottagning med kommunerna och uppsökande verksamhet.",
        B.Svarighetsgrad.MYCKET_STOR,
        B.Nytta.MATTLIG,
        B.Kostnad.HOG,
        B.Evidens.MATTLIG,
    ),
    "Små barn och deras familjer": (
        "God start i livet för alla barn",
        "Utökade hembesök i barnhälsovården i utsatta områden och förebyggande tandvård.",
        B.Svarighetsgrad.MATTLIG,
        B.Nytta.MATTLIG,
        B.Kostnad.LAG,
        B.Evidens.HOG,
    ),
    "Personer med långvarig smärta": (
        "Rehabilitering vid långvarig smärta",
        "Multimodal smärtrehabilitering i primärvården och fysisk aktivitet på recept.",
        B.Svarighetsgrad.MATTLIG,
        B.Nytta.MATTLIG,
        B.Kostnad.MATTLIG,
        B.Evidens.MATTLIG,
    ),
}
# The officials set one level above the model's suggestion, with the reason written down.
AVVIKELSER = {
    "Barn och unga 13–24 med psykisk ohälsa": (
        -1,
        "Höjd ett steg: tidig hjälp ger vinster under ett långt liv, vilket modellen inte fångar.",
    ),
}
# The body's motivering per need: which principle of the ethical platform carried it, and why.
MOTIVERINGAR = {
    "Äldre multisjuka 75+": (
        P.BEHOV_SOLIDARITET,
        "Mycket svår ohälsa och många inläggningar som hade kunnat undvikas. De med störst behov "
        "ska få mer av vårdens resurser.",
    ),
    "Barn och unga 13–24 med psykisk ohälsa": (
        P.BEHOV_SOLIDARITET,
        "Den psykiska ohälsan bland unga ökar och väntan till hjälp är lång. Tidig hjälp kan "
        "hindra att ohälsan blir bestående.",
    ),
    "Personer med diabetes typ 2": (
        P.KOSTNADSEFFEKTIVITET,
        "Beprövade åtgärder med starkt kunskapsunderlag och låg kostnad i förhållande till nyttan.",
    ),
    "Boende i socioekonomiskt utsatta områden": (
        P.BEHOV_SOLIDARITET,
        "Hälsan skiljer sig mycket mellan kommunerna. Resurser ska gå dit behoven är störst, "
        "även om kunskapen om vilka åtgärder som fungerar bäst är osäkrare.",
    ),
    "Personer med hjärt-kärlsjukdom": (
        P.KOSTNADSEFFEKTIVITET,
        "Bättre blodtryckskontroll förebygger hjärtinfarkt och stroke till låg kostnad.",
    ),
    "Personer med missbruk och beroende": (
        P.BEHOV_SOLIDARITET,
        "Mycket svår ohälsa och hög dödlighet. Åtgärderna är dyra och effekten måttlig, därför "
        "längre ned i ordningen; samverkan med kommunerna ska sänka kostnaden.",
    ),
    "Små barn och deras familjer": (
        P.KOSTNADSEFFEKTIVITET,
        "Förebyggande insatser tidigt i livet ger stor nytta till låg kostnad, men ohälsan är i "
        "dag måttlig.",
    ),
    "Personer med långvarig smärta": (
        P.KOSTNADSEFFEKTIVITET,
        "Måttlig svårighetsgrad och måttlig effekt; behovet får stå tillbaka för svårare ohälsa.",
    ),
}

# Planning year -> frame (tkr), decision date and §, decided order (positions in the needs
# groups of that year, first is 1st).
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
# What the whole measure would cost, relative to the amount it got: the top is fully paid,
# lower down less and less of the measure is (what the PBMA view works with).
KOSTNADSFAKTOR = [
    Decimal("1.0"),
    Decimal("1.0"),
    Decimal("1.15"),
    Decimal("1.3"),
    Decimal("1.4"),
    Decimal("1.6"),
    Decimal("1.8"),
    Decimal("2.0"),
]

# 2028, open for ranking: the needs carried forward, their estimated cost, and the five
# members who have ranked so far (positions in OPPEN_GRUPPER, first is their 1st).
OPPET_AR = 2028
OPPEN_RAM = Decimal(72_000)
OPPET_MOTE = dt.date(2027, 6, 8)
OPPEN_GRUPPER = [
    ("Äldre multisjuka 75+", Decimal(24_000)),
    ("Barn och unga 13–24 med psykisk ohälsa", Decimal(18_000)),
    ("Personer med diabetes typ 2", Decimal(9_000)),
    ("Boende i socioekonomiskt utsatta områden", Decimal(12_000)),
    ("Personer med hjärt-kärlsjukdom", Decimal(8_000)),
    ("Personer med missbruk och beroende", Decimal(15_000)),
]
OPPNA_RANGORDNINGAR = {
    "Lena Ström": [0, 4, 2, 1, 5, 3],
    "Karin Nyström": [0, 1, 2, 4, 3, 5],
    "Ahmed Yusuf": [3, 1, 5, 0, 2, 4],
    "Per Åberg": [0, 4, 1, 2, 5, 3],
    "Lisa Wik": [1, 0, 3, 2, 4, 5],
}
# One need whose level departs from the model without a written reason yet: the page warns.
OPPEN_AVVIKELSE_UTAN_SKAL = ("Personer med diabetes typ 2", 4)


def _bedomning(
    objekt: Prioriteringsobjekt, gruppnamn: str, antal: int | None, *, grad: int | None = None
) -> None:
    _, _, svar, nytta, kostnad, evidens = BEDOMNINGAR[gruppnamn]
    forslag = foresla_prioritetsgrad(
        svarighetsgrad=svar, nytta=nytta, kostnad=kostnad, evidens=evidens
    ).grad
    steg, skal = AVVIKELSER.get(gruppnamn, (0, ""))
    Bedomning.objects.create(
        objekt=objekt,
        svarighetsgrad=svar,
        nytta=nytta,
        kostnad=kostnad,
        evidens=evidens,
        svarighetsgrad_motivering="Bedömt utifrån hälsogapets storlek, dödlighet och livskvalitet.",
        nytta_motivering="Effekten bygger på nationella riktlinjer och erfarenheter från andra regioner.",
        kostnad_motivering="Kostnaden per vunnet levnadsår bedöms rimlig.",
        evidens_motivering="Systematiska översikter finns för huvuddelen av åtgärderna.",
        antal_berorda=antal,
        jamlikhet="Störst vinst för grupper med kort utbildning och i Söderby och Sjöbacka.",
        prioritetsgrad=grad if grad is not None else forslag + steg,
        avvikelse_motivering=skal if grad is None else "",
    )


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
        rubrik, atgard, *_ = BEDOMNINGAR[gruppnamn]
        princip, motivering = MOTIVERINGAR[gruppnamn]
        analys = per_grupp[gruppnamn]
        belopp = (ram * ANDELAR[plats - 1]).quantize(Decimal(1))
        obj = Prioriteringsobjekt.objects.create(
            omgang=omgang,
            behovsgrupp=analys.behovsgrupp,
            rubrik=rubrik,
            atgard=atgard,
            atgardskostnad_tkr=(belopp * KOSTNADSFAKTOR[plats - 1] / 100).quantize(Decimal(1))
            * 100,
            placering=plats,
            princip=princip,
            motivering=motivering,
        )
        obj.halsogap.set(analys.halsogap.all())
        _bedomning(obj, gruppnamn, analys.behovsgrupp.uppskattat_antal)
        Resursfordelning.objects.create(
            objekt=obj,
            belopp_tkr=belopp,
            typ=Resursfordelning.Typ.PRIORITERA
            if plats <= 5
            else (
                Resursfordelning.Typ.EFFEKTIVISERA if plats % 2 else Resursfordelning.Typ.RANSONERA
            ),
            beslut=beslutet,
        )
        objekt.append(obj)
    for namn in LEDAMOTER:
        _rangordna(omgang, namn, [objekt[i] for i in EGNA_ORDNINGAR[namn](len(objekt))], datum)
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


def _rangordna(
    omgang: Prioriteringsomgang, namn: str, ordning: list[Prioriteringsobjekt], mote: dt.date
) -> None:
    rang = Rangordning.objects.create(
        omgang=omgang,
        ledamot=ledamot(namn),
        inlamnad=timezone.make_aware(dt.datetime.combine(mote - dt.timedelta(days=7), dt.time(10))),
    )
    Rangplats.objects.bulk_create(
        Rangplats(rangordning=rang, objekt=o, plats=p) for p, o in enumerate(ordning, start=1)
    )


def _framforda_analyser(planeringsar: Planeringsar) -> dict[str, Behovsanalys]:
    """The 2028 analyses, carried forward from 2027: same groups, same (still unmet) gaps and
    targets, ready for prioritisation. Made here only if the needs stage has none."""
    resultat = {}
    for gruppnamn, _ in OPPEN_GRUPPER:
        fjol = Behovsanalys.objects.select_related("behovsgrupp").get(
            behovsgrupp__namn=gruppnamn, planeringsar__ar=OPPET_AR - 1
        )
        analys, skapad = Behovsanalys.objects.get_or_create(
            behovsgrupp=fjol.behovsgrupp,
            planeringsar=planeringsar,
            defaults={
                "status": Behovsanalys.Status.KLAR,
                "foregaende": fjol,
                "halsolage": fjol.halsolage,
                "slutsats": (
                    "Gapen från förra året är inte slutna. Behovet förs vidare till "
                    f"prioriteringen inför {OPPET_AR}; analysen uppdateras med nya data under våren."
                ),
            },
        )
        if skapad:
            for gap in fjol.halsogap.all():
                Halsogap.objects.create(
                    analys=analys,
                    indikator_id=gap.indikator_id,
                    omrade_id=gap.omrade_id,
                    kon=gap.kon,
                    aktuellt_varde=gap.aktuellt_varde,
                    aktuell_period=gap.aktuell_period,
                    foreslaget_mal=gap.foreslaget_mal,
                    foreslaget_malar=gap.foreslaget_malar,
                    beslutat_mal=gap.beslutat_mal,
                    beslutat_malar=gap.beslutat_malar,
                    malbeslut_id=gap.malbeslut_id,
                    optimalt_varde=gap.optimalt_varde,
                    ar_vardbehov=gap.ar_vardbehov,
                    vardbehov_motivering=gap.vardbehov_motivering,
                )
            for kalla in fjol.datakallor.all():
                Datakalla.objects.create(
                    analys=analys,
                    slag=kalla.slag,
                    beskrivning=kalla.beskrivning,
                    brister=kalla.brister,
                )
        resultat[gruppnamn] = analys
    return resultat


def _bygg_oppen_omgang() -> Prioriteringsomgang:
    planeringsar = bygg_ar((OPPET_AR,))[0]
    omgang = Prioriteringsomgang.objects.filter(planeringsar=planeringsar, organ=hsn()).first()
    if omgang:
        return omgang
    analyser = _framforda_analyser(planeringsar)
    omgang = Prioriteringsomgang.objects.create(
        planeringsar=planeringsar,
        organ=hsn(),
        namn=f"Prioritering inför budget {OPPET_AR}",
        budgetram_tkr=OPPEN_RAM,
        sammantradesdatum=OPPET_MOTE,
        status=Prioriteringsomgang.Status.RANGORDNING,
        ovre_del_antal=3,
    )
    objekt = []
    for gruppnamn, kostnad in OPPEN_GRUPPER:
        rubrik, atgard, *_ = BEDOMNINGAR[gruppnamn]
        analys = analyser[gruppnamn]
        obj = Prioriteringsobjekt.objects.create(
            omgang=omgang,
            behovsgrupp=analys.behovsgrupp,
            rubrik=rubrik,
            atgard=atgard,
            atgardskostnad_tkr=kostnad,
        )
        obj.halsogap.set(analys.halsogap.exclude(ar_vardbehov=False))
        avvikande, grad = OPPEN_AVVIKELSE_UTAN_SKAL
        _bedomning(
            obj,
            gruppnamn,
            analys.behovsgrupp.uppskattat_antal,
            grad=grad if gruppnamn == avvikande else None,
        )
        objekt.append(obj)
    for namn, ordning in OPPNA_RANGORDNINGAR.items():
        _rangordna(omgang, namn, [objekt[i] for i in ordning], dt.date(2026, 11, 20))
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
    _bygg_oppen_omgang()
    stdout.write(
        f"Prioritering: {Prioriteringsomgang.objects.count()} omgångar "
        f"({Prioriteringsomgang.objects.filter(status='rangordning').count()} öppen för "
        f"rangordning), {Prioriteringsobjekt.objects.count()} prioriteringsobjekt."
    )
