"""The needs part of the demo region: indicators with ten years of plausible (invented) values,
needs groups, and a needs analysis with gaps, sources and dialogues for each planning year."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from behov.demo_import import importera_kolada_filer
from behov.models import (
    Behovsanalys,
    Behovsgrupp,
    Datakalla,
    Dialog,
    Halsogap,
    Importbatch,
    Indikator,
    Kon,
    Matvarde,
)
from behov.models import Polaritet as P
from natverken.demo import DELOMRADEN, REGION_KOD, beslut, hsn, spara, tusental
from natverken.models import Omrade, Planeringsar

AR = range(2016, 2026)  # ten years of data; 2025 is the latest in November 2026
DEMOBATCH = "Påhittade demovärden för Region Exempel"
FHM = "Nationella folkhälsoenkäten (Folkhälsomyndigheten)"
ENKATBRIST = (
    "Självrapporterat; svarsfrekvensen är låg (omkring 40 %) och lägst bland unga män och "
    "personer födda utanför Europa, vilket kan ge en för ljus bild."
)


@dataclass(frozen=True)
class Demoindikator:
    kod: str
    namn: str
    enhet: str
    polaritet: str
    kalla: str
    bas: float  # region value 2016
    trend: float  # change per year
    kon_skillnad: float  # women minus men
    enkat: bool = False
    uppdelning: str | None = None  # "Utbildning" or "Ålder"
    decimaler: int = 1
    definition: str = ""
    brister: str = ""


INDIKATORER = [
    Demoindikator(
        "DEMO-HALSA",
        "Självskattad bra eller mycket bra hälsa, 16–84 år",
        "%",
        P.HOGRE_BATTRE,
        FHM,
        72,
        -0.25,
        -4,
        True,
        "Utbildning",
        definition="Andel som svarar bra eller mycket bra på frågan om sitt allmänna hälsotillstånd.",
        brister=ENKATBRIST,
    ),
    Demoindikator(
        "DEMO-PSYK",
        "Nedsatt psykiskt välbefinnande, 16–29 år",
        "%",
        P.LAGRE_BATTRE,
        FHM,
        22,
        0.8,
        9,
        True,
        "Utbildning",
        definition="Andel med GHQ-12-poäng 3 eller högre.",
        brister=ENKATBRIST,
    ),
    Demoindikator(
        "DEMO-ANGEST",
        "Ungdomar 13–17 år med ofta återkommande oro eller ångest",
        "%",
        P.LAGRE_BATTRE,
        "Liv och hälsa ung (regionens skolenkät)",
        24,
        0.9,
        12,
        True,
        definition="Andel elever i åk 8 och gymnasiet åk 2 som ofta känner oro eller ångest.",
        brister="Skolenkät: elever som inte går i skolan saknas, och de mår ofta sämst.",
    ),
    Demoindikator(
        "DEMO-SUICID",
        "Självmord, per 100 000 invånare",
        "per 100 000",
        P.LAGRE_BATTRE,
        "Dödsorsaksregistret (Socialstyrelsen)",
        14.5,
        -0.12,
        -10,
        False,
        "Ålder",
        definition="Säkra och osäkra självmord (ICD-10 X60–X84, Y10–Y34), åldersstandardiserat.",
        brister="Små tal på kommunnivå; slå samman flera år innan slutsatser dras.",
    ),
    Demoindikator(
        "DEMO-BUP",
        "Första besök i barn- och ungdomspsykiatrin inom 30 dagar",
        "%",
        P.HOGRE_BATTRE,
        "Väntetider i vården (SKR)",
        68,
        -1.4,
        0,
        definition="Andel första besök i BUP som genomförts inom 30 dagar från remiss.",
        brister="Mäter väntan till första besök, inte till behandling.",
    ),
    Demoindikator(
        "DEMO-HBA1C",
        "Diabetes typ 2 med HbA1c över 70 mmol/mol",
        "%",
        P.LAGRE_BATTRE,
        "Nationella diabetesregistret",
        17,
        0.3,
        -2,
        definition="Andel av patienter med diabetes typ 2 i primärvården vars senaste HbA1c är över 70 mmol/mol.",
    ),
    Demoindikator(
        "DEMO-FETMA",
        "Fetma (BMI 30 eller mer), 16–84 år",
        "%",
        P.LAGRE_BATTRE,
        FHM,
        15,
        0.3,
        -0.5,
        True,
        "Utbildning",
        brister=ENKATBRIST,
    ),
    Demoindikator(
        "DEMO-FYSAKT",
        "Tillräckligt fysiskt aktiva, 16–84 år",
        "%",
        P.HOGRE_BATTRE,
        FHM,
        64,
        -0.25,
        1,
        True,
        "Utbildning",
        brister=ENKATBRIST,
    ),
    Demoindikator(
        "DEMO-ROK",
        "Daglig rökning, 16–84 år",
        "%",
        P.LAGRE_BATTRE,
        FHM,
        9.5,
        -0.4,
        1,
        True,
        "Utbildning",
        brister=ENKATBRIST,
    ),
    Demoindikator(
        "DEMO-ALKOHOL",
        "Riskabla alkoholvanor, 16–84 år",
        "%",
        P.LAGRE_BATTRE,
        FHM,
        15,
        -0.1,
        -5,
        True,
        "Utbildning",
        brister=ENKATBRIST,
    ),
    Demoindikator(
        "DEMO-UNDVIKBAR",
        "Undvikbar slutenvård, per 100 000 invånare",
        "per 100 000",
        P.LAGRE_BATTRE,
        "Patientregistret (Socialstyrelsen)",
        820,
        -6,
        -90,
        False,
        "Ålder",
        decimaler=0,
        definition="Inläggningar för tillstånd där god öppenvård kan förebygga slutenvård.",
    ),
    Demoindikator(
        "DEMO-ATERINSKR",
        "Oplanerade återinskrivningar inom 30 dagar, 75 år och äldre",
        "%",
        P.LAGRE_BATTRE,
        "Patientregistret (Socialstyrelsen)",
        17.5,
        0.15,
        -1,
    ),
    Demoindikator(
        "DEMO-LAKEMEDEL",
        "Personer 75 år och äldre med olämpliga läkemedel",
        "%",
        P.LAGRE_BATTRE,
        "Läkemedelsregistret (Socialstyrelsen)",
        8.2,
        -0.3,
        1.5,
    ),
    Demoindikator(
        "DEMO-FALL",
        "Fallskador, 80 år och äldre, per 1 000 invånare",
        "per 1 000",
        P.LAGRE_BATTRE,
        "Patientregistret (Socialstyrelsen)",
        31,
        0.2,
        6,
    ),
    Demoindikator(
        "DEMO-HJARTINFARKT",
        "Hjärtinfarkt, nya fall per 100 000 invånare",
        "per 100 000",
        P.LAGRE_BATTRE,
        "Hjärtinfarktstatistik (Socialstyrelsen)",
        330,
        -6,
        -140,
        decimaler=0,
    ),
    Demoindikator(
        "DEMO-HJARTSVIKT",
        "Hjärtsvikt med rekommenderad läkemedelsbehandling",
        "%",
        P.HOGRE_BATTRE,
        "SwedeHF (kvalitetsregister)",
        70,
        1.1,
        -3,
    ),
    Demoindikator(
        "DEMO-BLODTRYCK",
        "Högt blodtryck som når målvärde",
        "%",
        P.HOGRE_BATTRE,
        "Primärvårdens journaldata",
        48,
        0.7,
        2,
        brister="Bara patienter med diagnos i primärvården; oupptäckt högt blodtryck syns inte.",
    ),
    Demoindikator(
        "DEMO-LIVSLANGD",
        "Återstående medellivslängd vid 30 år",
        "år",
        P.HOGRE_BATTRE,
        "Befolkningsstatistik (SCB)",
        51.8,
        0.12,
        3.6,
    ),
    Demoindikator(
        "DEMO-VACCIN",
        "Barn med fullständigt vaccinationsskydd vid 2 års ålder",
        "%",
        P.HOGRE_BATTRE,
        "Vaccinationsregistret (Folkhälsomyndigheten)",
        96.5,
        -0.15,
        0,
    ),
    Demoindikator(
        "DEMO-KARIES",
        "Kariesfria 12-åringar",
        "%",
        P.HOGRE_BATTRE,
        "Tandhälsoregistret (Socialstyrelsen)",
        69,
        0.2,
        1,
    ),
    Demoindikator(
        "DEMO-SMARTA",
        "Långvarig smärta, 16–84 år",
        "%",
        P.LAGRE_BATTRE,
        FHM,
        20,
        0.2,
        6,
        True,
        "Utbildning",
        brister=ENKATBRIST,
    ),
    Demoindikator(
        "DEMO-NARKOTIKA",
        "Narkotikarelaterad dödlighet, per 100 000 invånare",
        "per 100 000",
        P.LAGRE_BATTRE,
        "Dödsorsaksregistret (Socialstyrelsen)",
        7.2,
        0.1,
        -5,
    ),
    Demoindikator(
        "DEMO-BEROENDE",
        "Personer med beroende med regelbunden vårdkontakt",
        "%",
        P.HOGRE_BATTRE,
        "Regionens vårddatabas",
        41,
        0.5,
        3,
    ),
    Demoindikator(
        "DEMO-EKONOMI",
        "Invånare med låg ekonomisk standard",
        "%",
        P.LAGRE_BATTRE,
        "Inkomst- och taxeringsregistret (SCB)",
        14,
        0.15,
        1.5,
        definition="Disponibel inkomst per konsumtionsenhet under 60 % av medianen.",
    ),
    Demoindikator(
        "DEMO-ENSAMHET",
        "Ofrivillig ensamhet, 75 år och äldre",
        "%",
        P.LAGRE_BATTRE,
        FHM,
        18,
        0.3,
        5,
        True,
        brister=ENKATBRIST,
    ),
]

BEFOLKNING_REGION = sum(b for *_, b in DELOMRADEN)
UPPDELNINGAR = {
    "Utbildning": [("Förgymnasial", 1.0), ("Gymnasial", 0.0), ("Eftergymnasial", -0.8)],
    "Ålder": [("0–17 år", -0.6), ("18–64 år", 0.0), ("65 år och äldre", 0.9)],
}


def _varre(ind: Demoindikator, storlek: float) -> float:
    """`storlek` moved in the worse direction of the indicator."""
    return storlek if ind.polaritet == P.LAGRE_BATTRE else -storlek


def _runda(ind: Demoindikator, varde: float) -> float:
    return round(varde, ind.decimaler)


def bygg_varden() -> Importbatch:
    batch, skapad = Importbatch.objects.get_or_create(
        filnamn=DEMOBATCH,
        defaults={"beskrivning": "Skapade av demo-kommandot; inte verklig statistik."},
    )
    if not skapad and batch.varden.exists():
        return batch
    slump = random.Random(2026)
    region = Omrade.objects.get(scb_kod=REGION_KOD)
    riket = Omrade.objects.get(typ=Omrade.Typ.RIKET)
    kommuner = {o.scb_kod: o for o in Omrade.objects.filter(foralder=region)}
    rader: list[Matvarde] = []
    for ind in INDIKATORER:
        indikator = spara(
            Indikator,
            {"kod": ind.kod},
            {
                "namn": ind.namn,
                "enhet": ind.enhet,
                "decimaler": ind.decimaler,
                "polaritet": ind.polaritet,
                "kalla": ind.kalla,
                "definition": ind.definition,
                "kanda_brister": ind.brister or "Demovärden: påhittade för att visa verktyget.",
            },
        )
        skala = abs(ind.bas)
        for ar in AR:
            niva = ind.bas + ind.trend * (ar - AR.start)
            omraden = [(riket, niva + _varre(ind, -0.04 * skala), 10_500_000, 0.25)]
            omraden.append((region, niva, BEFOLKNING_REGION, 1.0))
            for kod, _namn, utsatthet, befolkning in DELOMRADEN:
                omraden.append(
                    (kommuner[kod], niva + _varre(ind, 0.12 * skala * utsatthet), befolkning, 3.0)
                )
            for omrade, bas, befolkning, osakerhet in omraden:
                for kon, konsdel in ((Kon.TOTALT, 0.0), (Kon.KVINNOR, 0.5), (Kon.MAN, -0.5)):
                    # Small kommuner suppress some survey figures: missing stays missing.
                    saknas = ind.enkat and befolkning < 10_000 and kon != Kon.TOTALT and ar % 3 == 0
                    brus = slump.gauss(0, 0.015 * skala * osakerhet)
                    varde = None if saknas else _runda(ind, bas + konsdel * ind.kon_skillnad + brus)
                    halv_ki = 0.02 * skala * osakerhet * (1.4 if kon != Kon.TOTALT else 1.0)
                    rader.append(
                        Matvarde(
                            indikator=indikator,
                            omrade=omrade,
                            period_start=dt.date(ar, 1, 1),
                            period_slut=dt.date(ar, 12, 31),
                            period=str(ar),
                            kon=kon,
                            varde=varde,
                            ki_lag=_runda(ind, varde - halv_ki)
                            if ind.enkat and varde is not None
                            else None,
                            ki_hog=_runda(ind, varde + halv_ki)
                            if ind.enkat and varde is not None
                            else None,
                            namnare=None if ind.enkat else float(befolkning),
                            batch=batch,
                        )
                    )
            if ind.uppdelning:
                for kategori, lutning in UPPDELNINGAR[ind.uppdelning]:
                    varde = _runda(
                        ind,
                        niva + _varre(ind, 0.15 * skala * lutning) + slump.gauss(0, 0.01 * skala),
                    )
                    halv_ki = 0.035 * skala if ind.enkat else None
                    rader.append(
                        Matvarde(
                            indikator=indikator,
                            omrade=region,
                            period_start=dt.date(ar, 1, 1),
                            period_slut=dt.date(ar, 12, 31),
                            period=str(ar),
                            kon=Kon.TOTALT,
                            dimension=ind.uppdelning,
                            kategori=kategori,
                            varde=varde,
                            ki_lag=_runda(ind, varde - halv_ki) if halv_ki else None,
                            ki_hog=_runda(ind, varde + halv_ki) if halv_ki else None,
                            batch=batch,
                        )
                    )
    Matvarde.objects.bulk_create(rader, batch_size=2000)
    batch.antal_nya = len(rader)
    batch.save(update_fields=["antal_nya"])
    return batch


@dataclass(frozen=True)
class Demogrupp:
    namn: str
    slag: str
    beskrivning: str
    alder: tuple[int | None, int | None]
    kriterier: str
    antal: int
    indikatorer: tuple[str, ...]
    omrade: str = REGION_KOD
    vardbehov: str = ""


GRUPPER = [
    Demogrupp(
        "Äldre multisjuka 75+",
        Behovsgrupp.Slag.BEFOLKNINGSGRUPP,
        "Personer 75 år och äldre med minst tre kroniska sjukdomar och många vårdkontakter.",
        (75, None),
        "Minst tre kroniska diagnoser och minst tre slutenvårdstillfällen senaste året.",
        9_800,
        ("DEMO-UNDVIKBAR", "DEMO-ATERINSKR", "DEMO-LAKEMEDEL", "DEMO-FALL"),
        vardbehov="Samordnad vård, läkemedelsgenomgångar och fallprevention minskar inläggningar.",
    ),
    Demogrupp(
        "Barn och unga 13–24 med psykisk ohälsa",
        Behovsgrupp.Slag.BEFOLKNINGSGRUPP,
        "Unga med lätt till medelsvår psykisk ohälsa, ofta med långa väntetider.",
        (13, 24),
        "Ångest, nedstämdhet eller självskadebeteende.",
        6_200,
        ("DEMO-PSYK", "DEMO-ANGEST", "DEMO-BUP", "DEMO-SUICID"),
        vardbehov="Tidiga insatser i första linjen och kortare väntan till BUP kan påverka.",
    ),
    Demogrupp(
        "Personer med diabetes typ 2",
        Behovsgrupp.Slag.SJUKDOMSGRUPP,
        "Vuxna med diagnostiserad diabetes typ 2 i primärvården.",
        (18, None),
        "Diagnos E11 i primärvårdens journal.",
        11_400,
        ("DEMO-HBA1C", "DEMO-FETMA", "DEMO-FYSAKT"),
        vardbehov="Strukturerad diabetesvård och stöd till levnadsvanor sänker HbA1c.",
    ),
    Demogrupp(
        "Boende i socioekonomiskt utsatta områden",
        Behovsgrupp.Slag.BEFOLKNINGSGRUPP,
        "Invånare i Söderby och Sjöbacka, där ohälsan är högre och livslängden kortare.",
        (None, None),
        "Bor i område med hög andel låg ekonomisk standard.",
        46_000,
        ("DEMO-HALSA", "DEMO-ROK", "DEMO-LIVSLANGD"),
        omrade="X103",
        vardbehov="Delvis: levnadsvanor och tillgänglig primärvård; inkomst och boende ligger utanför vårdens uppdrag.",
    ),
    Demogrupp(
        "Personer med hjärt-kärlsjukdom",
        Behovsgrupp.Slag.SJUKDOMSGRUPP,
        "Personer med hjärtsvikt, kranskärlssjukdom eller högt blodtryck.",
        (40, None),
        "Diagnos I10–I25 eller I50.",
        28_000,
        ("DEMO-HJARTINFARKT", "DEMO-HJARTSVIKT", "DEMO-BLODTRYCK"),
        vardbehov="Blodtryckskontroll och behandling enligt riktlinjer förebygger nya fall.",
    ),
    Demogrupp(
        "Personer med missbruk och beroende",
        Behovsgrupp.Slag.BEFOLKNINGSGRUPP,
        "Personer med skadligt bruk eller beroende av alkohol, narkotika eller läkemedel.",
        (18, None),
        "Diagnos F10–F19.",
        4_100,
        ("DEMO-ALKOHOL", "DEMO-NARKOTIKA", "DEMO-BEROENDE"),
        vardbehov="Samordnad beroendevård med kommunen; gemensamt ansvar.",
    ),
    Demogrupp(
        "Små barn och deras familjer",
        Behovsgrupp.Slag.BEFOLKNINGSGRUPP,
        "Barn 0–5 år och deras föräldrar.",
        (0, 5),
        "Alla barn 0–5 år, särskilt i familjer med låg ekonomisk standard.",
        12_500,
        ("DEMO-VACCIN", "DEMO-KARIES", "DEMO-EKONOMI"),
        vardbehov="Barnhälsovård och tandvård når nästan alla; ekonomisk utsatthet påverkas inte av vården.",
    ),
    Demogrupp(
        "Personer med långvarig smärta",
        Behovsgrupp.Slag.SJUKDOMSGRUPP,
        "Vuxna med smärta som varat mer än tre månader.",
        (18, None),
        "Självrapporterad långvarig smärta eller smärtdiagnos.",
        30_000,
        ("DEMO-SMARTA", "DEMO-FYSAKT", "DEMO-HALSA"),
        vardbehov="Multimodal rehabilitering och fysisk aktivitet på recept.",
    ),
]

# Planning year -> (date and § of the body's target decision). Targets are decided in
# April of the preparation year, before the priority round.
MALBESLUT = {
    2025: (dt.date(2024, 4, 23), "§ 41"),
    2026: (dt.date(2025, 4, 22), "§ 39"),
    2027: (dt.date(2026, 4, 21), "§ 44"),
}
GRUPPER_PER_AR = {2025: GRUPPER[:6], 2026: GRUPPER[:7], 2027: GRUPPER}


def _senaste(indikator: Indikator, omrade: Omrade, fore_ar: int) -> Matvarde | None:
    return (
        Matvarde.objects.filter(
            indikator=indikator,
            omrade=omrade,
            kon=Kon.TOTALT,
            dimension__isnull=True,
            varde__isnull=False,
            period_start__year__lt=fore_ar,
        )
        .order_by("-period_start")
        .first()
    )


def _mal(indikator: Indikator, aktuellt: float, andel: float) -> float:
    """A target `andel` better than today, in the indicator's direction."""
    steg = abs(aktuellt) * andel
    if indikator.enhet == "%" and indikator.polaritet == P.HOGRE_BATTRE:
        steg = min(steg, (100 - aktuellt) * 0.5)  # halfway to 100 % at most
    mal = aktuellt + steg if indikator.polaritet == P.HOGRE_BATTRE else aktuellt - steg
    return round(mal, indikator.decimaler)


def bygg_analyser() -> None:
    for ar, grupper in GRUPPER_PER_AR.items():
        planeringsar = Planeringsar.objects.get(ar=ar)
        datum, paragraf = MALBESLUT[ar]
        malbeslut = beslut(
            hsn(),
            datum,
            paragraf,
            f"Mål för befolkningens hälsa inför budget {ar}",
            "Nämnden fastställer önskat hälsotillstånd (målvärden) för de behovsgrupper som "
            "analyserats, enligt bilaga.",
        )
        for grupp in grupper:
            bg = spara(
                Behovsgrupp,
                {"namn": grupp.namn},
                {
                    "slag": grupp.slag,
                    "beskrivning": grupp.beskrivning,
                    "alder_fran": grupp.alder[0],
                    "alder_till": grupp.alder[1],
                    "kriterier": grupp.kriterier,
                    "uppskattat_antal": grupp.antal,
                    "omrade": Omrade.objects.get(scb_kod=grupp.omrade),
                },
            )
            foregaende = Behovsanalys.objects.filter(
                behovsgrupp=bg, planeringsar__ar=ar - 1
            ).first()
            analys, skapad = Behovsanalys.objects.get_or_create(
                behovsgrupp=bg,
                planeringsar=planeringsar,
                defaults={
                    "status": Behovsanalys.Status.KLAR,
                    "foregaende": foregaende,
                    "halsolage": (
                        f"{grupp.beskrivning} Gruppen omfattar omkring {tusental(grupp.antal)} "
                        "personer i regionen. "
                        "Hälsoläget har utvecklats ojämnt: skillnaderna mellan kvinnor och män och "
                        "mellan kommunerna består."
                    ),
                    "slutsats": (
                        "Gapet till målet är tydligt och vården kan bidra med insatser inom sitt "
                        "uppdrag. Behovet föreslås gå vidare till prioritering."
                    ),
                },
            )
            if not skapad:
                continue
            omrade = Omrade.objects.get(scb_kod=grupp.omrade)
            for nr, kod in enumerate(grupp.indikatorer):
                indikator = Indikator.objects.get(kod=kod)
                senaste = _senaste(indikator, omrade, ar - 1)
                foreslaget = _mal(indikator, senaste.varde, 0.10 + 0.03 * nr)
                # The body sometimes sets a more ambitious target than proposed.
                beslutat = (
                    _mal(indikator, senaste.varde, 0.15) if nr == 0 and ar == 2027 else foreslaget
                )
                Halsogap.objects.create(
                    analys=analys,
                    indikator=indikator,
                    omrade=omrade,
                    aktuellt_varde=senaste.varde,
                    aktuell_period=senaste.period,
                    foreslaget_mal=foreslaget,
                    foreslaget_malar=ar + 3,
                    beslutat_mal=beslutat,
                    beslutat_malar=ar + 3,
                    malbeslut=malbeslut,
                    optimalt_varde=_mal(indikator, senaste.varde, 0.30),
                    ar_vardbehov=not kod.startswith("DEMO-EKONOMI"),
                    vardbehov_motivering=(
                        "Inkomst påverkas inte av hälso- och sjukvården; gapet redovisas som "
                        "bakgrund och lämnas till kommunerna."
                        if kod == "DEMO-EKONOMI"
                        else grupp.vardbehov
                    ),
                )
            Datakalla.objects.create(
                analys=analys,
                slag=Datakalla.Slag.REGISTERDATA,
                beskrivning="Nationella hälsodataregister och kvalitetsregister (se indikatorerna).",
                brister="Registren visar vårdade personer; den som inte söker vård syns inte.",
            )
            Datakalla.objects.create(
                analys=analys,
                slag=Datakalla.Slag.SJALVSKATTNING,
                beskrivning="Nationella folkhälsoenkäten, regionalt urval.",
                brister=ENKATBRIST,
            )
            Dialog.objects.create(
                analys=analys,
                datum=dt.date(ar - 1, 4, 8 + grupper.index(grupp)),
                med_vilka=f"Patient- och brukarföreningar för {grupp.namn.lower()}, vårdcentraler",
                metod="Fokusgrupp",
                antal_deltagare=12 + grupper.index(grupp),
                svarnadda_nadda=grupp.omrade != REGION_KOD or None,
                sammanfattning=(
                    "Deltagarna beskrev svårigheter att hitta rätt i vården och efterfrågade en "
                    "fast vårdkontakt. Önskemålen har vägts in i förslaget till åtgärder."
                ),
            )


def bygg(stdout) -> None:  # noqa: ANN001
    batch = bygg_varden()
    bygg_analyser()
    stdout.write(
        f"Behov: {Indikator.objects.count()} indikatorer, {batch.varden.count()} demovärden, "
        f"{Behovsanalys.objects.count()} behovsanalyser."
    )
    importera_kolada_filer(stdout)
