"""Prioriteringsunderlag: the PDF the members bring to the decision meeting of one round — the
needs in the working order with their gaps, each need's assessment by the national model and
its suggested level, the members' aggregate ranking (Borda) with where each member put each
need, the proposed resources against the frame and, once decided, the decided order with its
reservations. Marked UTKAST on every page until the round is decided."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from natverken.lib import pdf
from prioritering import underlag
from prioritering.berakning import Fordelningsrad, Samlad
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang


@dataclass
class Kostnadsrad:
    """A need in the working order with the measure's cost summed from the top: where the
    frame runs out when nothing is allocated yet."""

    rad: Fordelningsrad
    kumulativ_kostnad: Decimal | None
    inom_ramen: bool | None


@dataclass
class Behovsblad:
    """One need as the report shows it: its place in the working order, the aggregate row
    (if members have ranked) and the model's suggestion beside the officials' level."""

    nummer: int
    objekt: Prioriteringsobjekt
    samlad: Samlad | None


def _kostnadsrader(rader: list[Fordelningsrad], ram: Decimal) -> list[Kostnadsrad]:
    resultat, summa, okand = [], Decimal(0), False
    for rad in rader:
        if rad.kostnad is None:
            okand = True
        else:
            summa += rad.kostnad
        resultat.append(
            Kostnadsrad(
                rad,
                None if okand else summa,
                None if okand else summa <= ram,
            )
        )
    return resultat


def sammanhang(omgang: Prioriteringsomgang) -> dict:
    objekt = underlag.objekt_for(omgang)
    samlad = underlag.samlad_for(omgang, objekt)
    ordnade = underlag.arbetsordning(objekt, samlad)
    fordelning = underlag.fordelning_for(omgang, ordnade)
    ledamoter = underlag.ledamoter_for(omgang)
    har_rangordnat = {ledamot.pk for ledamot in samlad.ledamoter}
    beslutad = omgang.ar_beslutad
    har_resurser = any(r.belopp is not None for r in fordelning.rader)
    reservationer = (
        list(omgang.beslut.reservationer.select_related("ledamot")) if omgang.beslut_id else []
    )
    kapitel = [("sammanfattning", "Sammanfattning")]
    if omgang.beslut_id:
        kapitel.append(("beslut", "Beslut och reservationer"))
    kapitel += [
        ("samlad", "Ledamöternas samlade rangordning"),
        ("resurser", "Resurser mot ramen"),
        ("behov", "Behoven: hälsogap och bedömning"),
    ]
    # Each need in the contents too: "turn to need 3" at the meeting.
    kapitel += [
        (f"behov-{o.pk}", f"{(o.placering if beslutad else nr) or '–'}. {o.rubrik}")
        for nr, o in enumerate(ordnade, start=1)
    ]
    kostnad_summa = sum((r.kostnad for r in fordelning.rader if r.kostnad is not None), Decimal(0))
    return {
        "titel": f"Prioriteringsunderlag {omgang.planeringsar.ar}",
        "underrubrik": f"{omgang.organ}: {omgang.namn}"
        + (f", revision {omgang.revision}" if omgang.revision > 1 else ""),
        "planeringsar": omgang.planeringsar,
        "status": _status(omgang),
        "utkast": "" if beslutad else "prioriteringen är inte beslutad",
        "omgang": omgang,
        "beslutad": beslutad,
        "ordningens_kalla": underlag.ordningens_kalla(omgang, objekt, samlad),
        "blad": [
            Behovsblad(nr, o, getattr(o, "samlad", None)) for nr, o in enumerate(ordnade, start=1)
        ],
        "samlad": samlad,
        "ledamoter": ledamoter,
        "ej_rangordnat": [ledamot for ledamot in ledamoter if ledamot.pk not in har_rangordnat],
        "fordelning": fordelning,
        "har_resurser": har_resurser,
        "kostnader": _kostnadsrader(fordelning.rader, omgang.budgetram_tkr),
        "kostnad_summa": kostnad_summa,
        "kostnad_over_ram": kostnad_summa - omgang.budgetram_tkr,
        "reservationer": reservationer,
        "kapitel": kapitel,
    }


def _status(omgang: Prioriteringsomgang) -> str:
    if omgang.beslut_id:
        beslut = f"{omgang.beslut.organ} {omgang.beslut.datum:%Y-%m-%d} {omgang.beslut.paragraf}"
        if omgang.ar_ersatt:
            return f"Beslutad ({beslut}), ersatt av en senare revision"
        return f"Beslutad ({beslut})"
    mote = f", beslutsmöte {omgang.sammantradesdatum:%Y-%m-%d}" if omgang.sammantradesdatum else ""
    return f"{omgang.get_status_display()}{mote}"


def prioriteringsunderlag_pdf(omgang: Prioriteringsomgang) -> tuple[bytes, str]:
    innehall = pdf.rendera("rapporter/prioriteringsunderlag.html", sammanhang(omgang))
    revision = f"revision {omgang.revision}" if omgang.revision > 1 else ""
    return innehall, pdf.filnamn("prioriteringsunderlag", omgang.planeringsar.ar, revision)
