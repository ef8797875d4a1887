"""Open priorities: what the public page, its JSON and its CSV show. Only decided rounds in
force (status beslutad: a replaced version is not the decision any more), and of those only
what was decided: the order, each need's gaps, motivering, resources and the reservations.
Nothing internal (assessments, members' own rankings, proposals) is read here."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from behov.models import Halsogap, Polaritet
from natverken.models import Omrade, Planeringsar, Reservation
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang


def beslutade_omgangar(planeringsar: Planeringsar | None) -> QuerySet:
    return (
        Prioriteringsomgang.objects.filter(
            planeringsar=planeringsar, status=Prioriteringsomgang.Status.BESLUTAD
        )
        .select_related("organ", "beslut", "planeringsar", "ersatter__beslut")
        .prefetch_related(
            Prefetch(
                "objekt",
                queryset=Prioriteringsobjekt.objects.select_related(
                    "behovsgrupp", "resursfordelning"
                )
                .prefetch_related(
                    Prefetch(
                        "halsogap",
                        queryset=Halsogap.objects.select_related("indikator", "omrade").order_by(
                            "indikator__namn"
                        ),
                    )
                )
                .order_by("placering"),
            ),
            Prefetch(
                "beslut__reservationer",
                queryset=Reservation.objects.select_related("ledamot").order_by("ledamot__namn"),
            ),
        )
        .order_by("organ__namn")
    )


def _avrundat(varde: float | None, decimaler: int) -> float | None:
    return None if varde is None else round(varde, decimaler)


def gap_i_text(gap: Halsogap) -> str:
    """One health gap in plain Swedish, e.g. 'Daglig rökning i Söderby: i dag 12,1 % (2024),
    målet 9,5 % till 2030. Kvar till målet: 2,6 %.'"""
    ind = gap.indikator

    def tal(v: float | None) -> str:
        if v is None:
            return "–"
        return f"{v:.{ind.decimaler}f}".replace(".", ",")

    # The whole region is what the reader expects; only a part of it (a kommun) is named.
    plats = "" if gap.omrade.typ == Omrade.Typ.REGION else f" i {gap.omrade.namn}"
    delar = [f"{ind.namn}{plats}: i dag {tal(gap.aktuellt_varde)} {ind.enhet}"]
    if gap.aktuell_period:
        delar[0] += f" ({gap.aktuell_period})"
    malar = gap.beslutat_malar if gap.mal_ar_beslutat else gap.foreslaget_malar
    if gap.malvarde is not None:
        delar.append(f"målet {tal(gap.malvarde)} {ind.enhet}" + (f" till {malar}" if malar else ""))
    text = ", ".join(delar) + "."
    if gap.storlek is None:
        text += " Avståndet till målet kan inte beräknas."
    elif gap.storlek <= 0:
        text += " Målet är nått."
    else:
        text += f" Kvar till målet: {tal(gap.storlek)} {ind.enhet}."
    return text


def som_data(
    omgangar: list[Prioriteringsomgang], planeringsar: Planeringsar | None
) -> dict[str, Any]:
    """The decided priorities of a year as plain data (for JSON; the CSV is made from it)."""
    return {
        "planeringsar": planeringsar.ar if planeringsar else None,
        "beskrivning": (
            "Beslutade prioriteringar mellan behov (horisontell prioritering): placering 1 går "
            "först. Belopp i tusental kronor (tkr)."
        ),
        "omgangar": [_omgang(o) for o in omgangar],
    }


def _omgang(omgang: Prioriteringsomgang) -> dict[str, Any]:
    beslut = omgang.beslut
    ersatter = omgang.ersatter
    fordelat = sum(
        (o.resurs_eller_none.belopp_tkr for o in omgang.objekt.all() if o.resurs_eller_none), 0
    )
    return {
        "organ": omgang.organ.namn,
        "namn": omgang.namn,
        "revision": omgang.revision,
        "beslut": {"datum": beslut.datum, "paragraf": beslut.paragraf, "rubrik": beslut.rubrik},
        "ersatter": {
            "datum": ersatter.beslut.datum if ersatter.beslut else None,
            "paragraf": ersatter.beslut.paragraf if ersatter.beslut else None,
            "skal": omgang.revisionsskal,
        }
        if ersatter
        else None,
        "budgetram_tkr": omgang.budgetram_tkr,
        "fordelat_tkr": fordelat,
        "behov": [_behov(o) for o in omgang.objekt.all()],
        "reservationer": [
            {"ledamot": r.ledamot.namn, "parti": r.ledamot.parti, "text": r.text}
            for r in beslut.reservationer.all()
        ],
    }


def _behov(objekt: Prioriteringsobjekt) -> dict[str, Any]:
    resurs = objekt.resurs_eller_none
    return {
        "placering": objekt.placering,
        "behov": objekt.rubrik,
        "behovsgrupp": objekt.behovsgrupp.namn,
        "atgard": objekt.atgard,
        "princip": objekt.get_princip_display() if objekt.princip else None,
        "motivering": objekt.motivering,
        "resurser": {"belopp_tkr": resurs.belopp_tkr, "typ": resurs.get_typ_display()}
        if resurs
        else None,
        "halsogap": [_gap(g) for g in objekt.halsogap.all()],
    }


def _gap(gap: Halsogap) -> dict[str, Any]:
    ind = gap.indikator
    return {
        "indikator": ind.namn,
        "enhet": ind.enhet,
        "riktning": Polaritet(ind.polaritet).label,
        "omrade": gap.omrade.namn,
        "aktuellt_varde": _avrundat(gap.aktuellt_varde, ind.decimaler),
        "period": gap.aktuell_period or None,
        "malvarde": _avrundat(gap.malvarde, ind.decimaler),
        "malar": gap.beslutat_malar if gap.mal_ar_beslutat else gap.foreslaget_malar,
        "malet_beslutat": gap.mal_ar_beslutat,
        "kvar_till_malet": _avrundat(gap.storlek, ind.decimaler),
        "text": gap_i_text(gap),
    }


CSV_KOLUMNER = [
    "Planeringsår",
    "Beslutande organ",
    "Beslutsdatum",
    "Paragraf",
    "Placering",
    "Behov",
    "Behovsgrupp",
    "Åtgärd",
    "Bärande princip",
    "Motivering",
    "Belopp (tkr)",
    "Typ av resursfördelning",
    "Hälsogap",
    "Reservationer mot beslutet",
]


def csv_rader(data: dict[str, Any]) -> list[list[Any]]:
    """One row per need, Excel-ready; the gaps and the reservations as readable text."""
    rader = []
    for omgang in data["omgangar"]:
        reservationer = " | ".join(
            f"{r['ledamot']} ({r['parti']}): {r['text']}" for r in omgang["reservationer"]
        )
        for behov in omgang["behov"]:
            resurs = behov["resurser"] or {}
            rader.append(
                [
                    data["planeringsar"],
                    omgang["organ"],
                    omgang["beslut"]["datum"],
                    omgang["beslut"]["paragraf"],
                    behov["placering"],
                    behov["behov"],
                    behov["behovsgrupp"],
                    behov["atgard"],
                    behov["princip"],
                    behov["motivering"],
                    resurs.get("belopp_tkr"),
                    resurs.get("typ"),
                    " | ".join(g["text"] for g in behov["halsogap"]),
                    reservationer,
                ]
            )
    return rader
