"""Årsuppföljning as a PDF: the planning year's follow-up summary, per commission its
implementation (reports, milestones, the provider's progress) beside its outcome (each goal
judged against data, in the words the pages use), equity between groups over time with charts,
and the body's approval. Marked UTKAST on every page until the body has approved it.

Once approved the goal judgements are the ones the body saw (`bedomningar_vid_beslut`), as on
the page; a judgement that newer data has changed says so beside it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from natverken.lib import pdf
from natverken.lib.diagram import svg_bild
from natverken.models import Planeringsar
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from uppdrag.models import Uppdrag
from uppfoljning.diagram import AR_FORE_BASLINJEN, framsteg, skillnadstrend
from uppfoljning.maluppfyllelse import IKON, Maluppfyllelse, Skillnadsutveckling
from uppfoljning.models import Arsuppfoljning
from uppfoljning.rapportering import RAPPORTERANDE
from uppfoljning.underlag import (
    Malrad,
    Uppdragslage,
    med_uppfoljning,
    per_prioritering,
    uppdragslagen,
)


@dataclass
class Malvisning:
    """A goal as the document shows it: the judgement the body saw (or today's, before
    approval) and, when newer data says otherwise, today's beside it."""

    rad: Malrad
    status: Maluppfyllelse
    forklaring: str
    nu: Maluppfyllelse | None = None  # today's judgement when it differs from the approved one

    @property
    def ikon(self) -> str:
        return IKON[self.status]

    @property
    def nu_ikon(self) -> str:
        return IKON[self.nu] if self.nu else ""


@dataclass
class Uppdragsblad:
    lage: Uppdragslage
    mal: list[Malvisning]


@dataclass
class Jamlikhetsblad:
    """A commission's goals and their gaps between groups, with one chart: the goal with an
    equity target, else the one where most gaps have grown (where equity goes the wrong way).
    Every goal stands in the table; one chart per commission keeps the report short."""

    uppdrag: Uppdrag
    rader: list[Malrad]
    diagramrad: Malrad | None = None
    svg: str = ""
    meddelande: str = ""
    har_ki: bool = False


@dataclass
class Prioriteringsdel:
    omgang: Prioriteringsomgang
    objekt: Prioriteringsobjekt
    uppdrag: list[Uppdragsblad] = field(default_factory=list)


def _malvisningar(lage: Uppdragslage, vid_beslut: dict) -> list[Malvisning]:
    resultat = []
    for rad in lage.indikatormal:
        nu = rad.bedomning
        fore = vid_beslut.get(str(rad.mal.pk))
        if fore and fore.get("status") in Maluppfyllelse.values:
            status = Maluppfyllelse(fore["status"])
            resultat.append(
                Malvisning(
                    rad,
                    status,
                    fore.get("forklaring", ""),
                    nu.status if nu.status != status else None,
                )
            )
        else:
            resultat.append(Malvisning(rad, nu.status, nu.forklaring))
    return resultat


def _okade(rad: Malrad) -> int:
    return sum(1 for g in rad.skillnader if g.utveckling == Skillnadsutveckling.OKAT)


def _jamlikhet(lagen: list[Uppdragslage], *, med_diagram: bool) -> list[Jamlikhetsblad]:
    resultat = []
    for lage in lagen:
        # A commission can follow one indicator with two goals; the goal with an equity
        # target speaks for it.
        per_indikator: dict[tuple, Malrad] = {}
        for rad in lage.indikatormal:
            nyckel = (rad.mal.indikator_id, rad.mal.omrade_id, rad.mal.kon)
            if nyckel not in per_indikator or (
                rad.jamlikhet and not per_indikator[nyckel].jamlikhet
            ):
                per_indikator[nyckel] = rad
        rader = [rad for rad in per_indikator.values() if rad.skillnader]
        if not rader:
            continue
        blad = Jamlikhetsblad(lage.uppdrag, rader)
        blad.diagramrad = max(rader, key=lambda r: (r.jamlikhet is not None, _okade(r)))
        rad, ind = blad.diagramrad, blad.diagramrad.mal.indikator
        diagram = skillnadstrend(
            rad.skillnader,
            id=f"skillnad-{rad.mal.pk}",
            titel=ind.namn,
            enhet=ind.enhet,
            decimaler=ind.decimaler,
            kalla=ind.kalla,
            malar=rad.mal.maldatum.year if rad.mal.maldatum else None,
            fran_ar=int(rad.baslinje_ar) - AR_FORE_BASLINJEN if rad.baslinje_ar else None,
        )
        if diagram is not None:
            blad.meddelande = diagram.meddelande
            blad.har_ki = diagram.har_ki
            if med_diagram and not diagram.tom:
                blad.svg = svg_bild(diagram, bredd=680, hojd=260)
        resultat.append(blad)
    return resultat


def sammanhang(
    planeringsar: Planeringsar, *, idag: dt.date | None = None, med_diagram: bool = True
) -> dict:
    """The same document for every reader: all the year's decided commissions (the body
    approves one follow-up, not one per reader)."""
    idag = idag or timezone.localdate()
    arsupp = (
        Arsuppfoljning.objects.filter(planeringsar=planeringsar)
        .select_related("beslut__organ", "beslut__registrerat_av")
        .first()
    )
    godkand = bool(arsupp and arsupp.ar_godkand)
    vid_beslut = arsupp.bedomningar_vid_beslut if godkand else {}
    lagen = uppdragslagen(
        med_uppfoljning(
            Uppdrag.objects.filter(planeringsar=planeringsar, status__in=RAPPORTERANDE).order_by(
                "titel"
            )
        ),
        idag=idag,
        alla_uppdelningar=True,
        bara_godkanda=godkand,
    )
    blad = {lage.uppdrag.pk: Uppdragsblad(lage, _malvisningar(lage, vid_beslut)) for lage in lagen}
    prioriterade, ovriga = per_prioritering(planeringsar, blad)
    delar = [Prioriteringsdel(omgang, obj, egna) for omgang, obj, egna in prioriterade]
    alla_mal = [m for b in blad.values() for m in b.mal]
    per_status = Counter(m.status for m in alla_mal)
    diagram = framsteg(lagen, id="framsteg", titel="Hur långt har hälsomålen kommit?")
    utkast = ""
    if arsupp is None:
        utkast = "årsuppföljningen är inte påbörjad"
    elif not godkand:
        utkast = "årsuppföljningen är inte godkänd"
    return {
        "titel": f"Årsuppföljning {planeringsar.ar}",
        "underrubrik": "Genomförande och hälsoutfall för årets uppdrag – underlag till "
        "regionens årsredovisning",
        "planeringsar": planeringsar,
        "status": (
            f"Godkänd ({arsupp.beslut.organ} {arsupp.beslut.datum:%Y-%m-%d} "
            f"{arsupp.beslut.paragraf})"
            if godkand
            else (arsupp.get_status_display() if arsupp else "Inte påbörjad")
        ),
        "utkast": utkast,
        "arsupp": arsupp,
        "godkand": godkand,
        "lagen": lagen,
        "blad": list(blad.values()),
        "delar": delar,
        "ovriga": ovriga,
        "malstatus": [(s.label, IKON[s], per_status[s]) for s in Maluppfyllelse if per_status[s]],
        "antal_mal": len(alla_mal),
        "genomforande": Counter(lage.genomforande.text for lage in lagen).most_common(),
        "utfall": Counter(lage.utfall.text for lage in lagen).most_common(),
        "att_uppmarksamma": [(lage, skal) for lage in lagen for skal in lage.skal_till_beslut],
        "framsteg": diagram,
        # The chart's own height (one row per goal), not the report's default.
        "framsteg_svg": svg_bild(diagram, bredd=860, hojd=diagram.figur["layout"]["height"])
        if med_diagram and not diagram.tom
        else "",
        "jamlikhet": _jamlikhet(lagen, med_diagram=med_diagram),
        "kapitel": [
            ("sammanfattning", "Sammanfattning"),
            ("uppdrag", "Genomförande och utfall per uppdrag"),
            ("jamlikhet", "Jämlikhet: skillnader mellan grupper över tid"),
            ("godkannande", "Godkännande"),
        ],
    }


def arsuppfoljning_pdf(planeringsar: Planeringsar) -> tuple[bytes, str]:
    innehall = pdf.rendera("rapporter/arsuppfoljning.html", sammanhang(planeringsar))
    return innehall, pdf.filnamn("arsuppfoljning", planeringsar.ar)
