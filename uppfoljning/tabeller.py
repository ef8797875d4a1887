"""The follow-up stage's tables as downloads (Excel and CSV, natverken.lib.export), each built
from what its page has already read (a provider's downloads hold only its own commissions,
as its pages do)."""

from __future__ import annotations

from collections.abc import Iterable

from natverken.lib.export import Tabell, Tal, filnamn
from natverken.models import Planeringsar
from uppfoljning.maluppfyllelse import Maluppfyllelse
from uppfoljning.rapportering import Rapportrad
from uppfoljning.underlag import Uppdragslage


def rapporter(rader: Iterable[Rapportrad], vad: str, titel: str) -> Tabell:
    """Reports owed per period: reporting status and progress kept apart, as on the page."""
    return Tabell(
        kolumner=[
            "Uppdrag",
            "Utförare",
            "Uppdragets år",
            "Period",
            "Ska lämnas senast",
            "Rapportering",
            "Försenad",
            "Framdrift",
            "Inlämnad",
            "Granskad",
            "Granska senast",
        ],
        rader=(
            [
                r.uppdrag.titel,
                r.uppdrag.utforare.namn,
                r.uppdrag.planeringsar.ar,
                r.period,
                r.senast,
                r.status_text,
                r.forsenad,
                r.rapport.get_framdrift_display() if r.rapport and r.rapport.framdrift else None,
                r.rapport.inlamnad if r.rapport else None,
                r.rapport.granskad if r.rapport else None,
                r.granska_senast,
            ]
            for r in rader
        ),
        filnamn=filnamn("aterrapporter", vad),
        titel=titel,
    )


def lagen(lagen_: Iterable[Uppdragslage], planeringsar: Planeringsar | None) -> Tabell:
    """Each commission of the year: implementation beside outcome, and why it needs a decision."""
    return Tabell(
        kolumner=[
            "Uppdrag",
            "Utförare",
            "Typ av insats",
            "Status",
            "Genomförande",
            "Milstolpar klara",
            "Milstolpar",
            "Återrapporter godkända",
            "Förfallna återrapporter",
            "Senaste framdrift",
            "Hälsoutfall",
            "Behöver beslut",
            "Skäl",
        ],
        rader=(
            [
                lage.uppdrag.titel,
                lage.uppdrag.utforare.namn,
                lage.uppdrag.get_insatstyp_display(),
                lage.uppdrag.get_status_display(),
                lage.genomforande.text,
                lage.milstolpar_klara,
                len(lage.milstolpar),
                lage.rapporter_godkanda,
                len(lage.forfallna_rapporter),
                lage.senaste_rapport.get_framdrift_display()
                if lage.senaste_rapport and lage.senaste_rapport.framdrift
                else None,
                lage.utfall.text,
                bool(lage.skal_till_beslut),
                " | ".join(lage.skal_till_beslut),
            ]
            for lage in lagen_
        ),
        filnamn=filnamn("uppfoljning", getattr(planeringsar, "ar", None)),
        titel=f"Uppföljning {getattr(planeringsar, 'ar', '')}",
    )


def _status_text(status: str | None) -> str | None:
    if not status:
        return None
    return Maluppfyllelse(status).label if status in Maluppfyllelse.values else status


def maluppfyllelse(
    lagen_: Iterable[Uppdragslage], planeringsar: Planeringsar, vid_beslut: dict, vad: str = ""
) -> Tabell:
    """Every health goal of the year's commissions against its straight path; in an approved
    follow-up also the judgement the body approved."""
    rader = []
    for lage in lagen_:
        for rad in lage.indikatormal:
            mal, ind, b = rad.mal, rad.mal.indikator, rad.bedomning
            d = ind.decimaler
            fore = (vid_beslut or {}).get(str(mal.pk)) or {}
            rader.append(
                [
                    lage.uppdrag.titel,
                    lage.uppdrag.utforare.namn,
                    mal.beskrivning,
                    ind.namn,
                    ind.enhet,
                    mal.omrade.namn if mal.omrade else None,
                    mal.get_kon_display(),
                    Tal(mal.baslinje_varde, d),
                    mal.baslinje_period,
                    Tal(b.senaste.varde if b.senaste else None, d),
                    b.senaste.period if b.senaste else None,
                    Tal(b.forvantat, d),
                    Tal(mal.malvarde, d),
                    mal.maldatum.year if mal.maldatum else None,
                    b.etikett,
                    _status_text(fore.get("status")),
                    b.forklaring,
                ]
            )
    return Tabell(
        kolumner=[
            "Uppdrag",
            "Utförare",
            "Mål",
            "Indikator",
            "Enhet",
            "Område",
            "Kön",
            "Baslinje",
            "Baslinjens period",
            "Senaste värde",
            "Senaste period",
            "Förväntat nu (rak bana)",
            "Målvärde",
            "Målår",
            "Bedömning",
            "Bedömning vid godkännandet",
            "Så har målet bedömts",
        ],
        rader=rader,
        filnamn=filnamn("maluppfyllelse", vad or planeringsar.ar),
        titel=f"Måluppfyllelse {planeringsar.ar}",
    )


def milstolpar(lage: Uppdragslage) -> Tabell:
    u = lage.uppdrag
    return Tabell(
        kolumner=["Uppdrag", "Datum", "Milstolpe", "Klar", "Status"],
        rader=(
            [u.titel, m.milstolpe.datum, m.milstolpe.beskrivning, m.milstolpe.klar, m.lage.text]
            for m in lage.milstolpar
        ),
        filnamn=filnamn("milstolpar", u.titel),
        titel="Milstolpar",
    )


def overforing(grupper: Iterable, ar: int) -> Tabell:  # noqa: ANN001
    """Last year's health gaps per needs group: what is still not reached, and whether it has
    been carried over to the new year's analysis (`underlag.overforing`)."""
    rader = []
    for g in grupper:
        for rad in g.gap:
            gap, ind = rad.gap, rad.gap.indikator
            d = ind.decimaler
            if not rad.ar_ouppfyllt:
                infor = "Nått – förs inte vidare"
            else:
                infor = "Fört vidare" if rad.overford else "Inte fört vidare ännu"
            rader.append(
                [
                    g.analys.behovsgrupp.namn,
                    ind.namn,
                    ind.enhet,
                    gap.omrade.namn,
                    Tal(gap.malvarde, d),
                    Tal(rad.senaste.varde if rad.senaste else None, d),
                    rad.senaste.period if rad.senaste else None,
                    Tal(rad.storlek, d),
                    infor,
                ]
            )
    return Tabell(
        kolumner=[
            "Behovsgrupp",
            "Indikator",
            "Enhet",
            "Område",
            "Mål",
            "Senaste i data",
            "Period",
            "Gap kvar",
            f"Inför {ar}",
        ],
        rader=rader,
        filnamn=filnamn("halsogap-infor", ar),
        titel=f"Hälsogap inför {ar}",
    )
