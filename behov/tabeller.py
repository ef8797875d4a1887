"""The needs stage's tables as downloads (Excel and CSV, natverken.lib.export): each built
from what its page has already read, with the page's filters applied."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Case, F, Prefetch, When, prefetch_related_objects

from behov.models import Behovsanalys, Behovsgrupp, Halsogap, Indikator, Kon, Matvarde, Polaritet
from natverken.lib.export import Kolumn, Tabell, Tal, filnamn
from natverken.models import Omrade, Planeringsar


def indikatorer(qs: Iterable[Indikator], hemregion: Omrade | None) -> Tabell:
    """The catalogue as filtered on the page (needs `har_data` annotated)."""
    return Tabell(
        kolumner=[
            "Kod",
            "Indikator",
            "Enhet",
            "Decimaler",
            "Riktning",
            "Källa",
            "Källreferens",
            f"Data för {hemregion.namn if hemregion else 'min region'}",
            "Definition",
            "Kända brister",
        ],
        rader=(
            [
                i.kod,
                i.namn,
                i.enhet,
                i.decimaler,
                i.get_polaritet_display(),
                i.kalla,
                i.kallreferens,
                i.har_data,
                i.definition,
                i.kanda_brister,
            ]
            for i in qs
        ),
        filnamn=filnamn("indikatorer"),
        titel="Indikatorer",
    )


def indikatorvarden(indikator: Indikator, omrade: Omrade) -> Tabell:
    """Every value of the indicator in the chosen area: in total, by sex and by the other
    breakdowns, oldest first."""
    varden = (
        Matvarde.objects.filter(indikator=indikator, omrade=omrade)
        # In total first, then women and men, then the other breakdowns; oldest first.
        .order_by(
            F("dimension").asc(nulls_first=True),
            "kategori",
            Case(When(kon=Kon.TOTALT, then=0), When(kon=Kon.KVINNOR, then=1), default=2),
            "period_start",
            "period_slut",
        )
        .only(
            "period",
            "period_start",
            "period_slut",
            "kon",
            "dimension",
            "kategori",
            "varde",
            "ki_lag",
            "ki_hog",
            "antal",
            "namnare",
        )
    )
    d = indikator.decimaler
    return Tabell(
        kolumner=[
            "Kod",
            "Indikator",
            "Område",
            "Period",
            "Periodens början",
            "Periodens slut",
            "Kön",
            "Uppdelning",
            "Kategori",
            Kolumn(f"Värde ({indikator.enhet})", decimaler=d),
            Kolumn("KI nedre", decimaler=d),
            Kolumn("KI övre", decimaler=d),
            "Antal (täljare)",
            "Nämnare",
        ],
        rader=(
            [
                indikator.kod,
                indikator.namn,
                omrade.namn,
                v.period,
                v.period_start,
                v.period_slut,
                Kon(v.kon).label,
                v.dimension,
                v.kategori,
                v.varde,
                v.ki_lag,
                v.ki_hog,
                v.antal,
                v.namnare,
            ]
            for v in varden
        ),
        filnamn=filnamn("indikatorvarden", indikator.kod, omrade.namn),
        titel=f"{indikator.kod} {omrade.namn}",
    )


def _vardbehov(gap: Halsogap) -> str:
    if gap.ar_vardbehov is None:
        return "Ej bedömt"
    return "Ja" if gap.ar_vardbehov else "Nej"


GAPKOLUMNER = [
    "Kod",
    "Indikator",
    "Enhet",
    "Riktning",
    "Område",
    "Kön",
    "Uppdelning",
    "Aktuellt värde",
    "Period",
    "Mål",
    "Målår",
    "Målet",
    "Optimalt värde",
    "Gap (kvar till målet)",
    "Vårdbehov",
]


def gapceller(gap: Halsogap) -> list:
    """One health gap as the cells under `GAPKOLUMNER` (needs `indikator` and `omrade`)."""
    ind = gap.indikator
    d = ind.decimaler
    return [
        ind.kod,
        ind.namn,
        ind.enhet,
        Polaritet(ind.polaritet).label,
        gap.omrade.namn,
        Kon(gap.kon).label,
        gap.kategori and f"{gap.dimension}: {gap.kategori}",
        Tal(gap.aktuellt_varde, d),
        gap.aktuell_period,
        Tal(gap.malvarde, d),
        gap.beslutat_malar if gap.mal_ar_beslutat else gap.foreslaget_malar,
        "Beslutat" if gap.mal_ar_beslutat else "Föreslaget",
        Tal(gap.optimalt_varde, d),
        Tal(gap.storlek, d),
        _vardbehov(gap),
    ]


def halsogap(
    analyser: Iterable[Behovsanalys], planeringsar: Planeringsar | None, vad: str = ""
) -> Tabell:
    """The health gaps of a year's needs analyses, one row per gap (needs `halsogap` with
    `indikator` and `omrade` prefetched)."""
    ar = planeringsar.ar if planeringsar else None
    return Tabell(
        kolumner=["Behovsgrupp", "Analysens status", *GAPKOLUMNER],
        rader=[
            [analys.behovsgrupp.namn, analys.get_status_display(), *gapceller(gap)]
            for analys in analyser
            for gap in analys.halsogap.all()
        ],
        filnamn=filnamn("halsogap", vad, ar),
        titel=f"Hälsogap {ar or ''}",
    )


def analysens_halsogap(analys: Behovsanalys) -> Tabell:
    prefetch_related_objects(
        [analys],
        Prefetch(
            "halsogap",
            queryset=Halsogap.objects.select_related("indikator", "omrade").order_by(
                "indikator__namn", "pk"
            ),
        ),
    )
    return halsogap([analys], analys.planeringsar, analys.behovsgrupp.namn)


def grupper(qs: Iterable[Behovsgrupp]) -> Tabell:
    return Tabell(
        kolumner=[
            "Behovsgrupp",
            "Slag",
            "Beskrivning",
            "Ålder från",
            "Ålder till",
            "Kön",
            "Område",
            "Kriterier",
            "Uppskattat antal",
            "Arkiverad",
        ],
        rader=(
            [
                g.namn,
                g.get_slag_display(),
                g.beskrivning,
                g.alder_fran,
                g.alder_till,
                g.get_kon_display(),
                g.omrade.namn if g.omrade else None,
                g.kriterier,
                g.uppskattat_antal,
                g.arkiverad,
            ]
            for g in qs
        ),
        filnamn=filnamn("behovsgrupper"),
        titel="Behovsgrupper",
    )
