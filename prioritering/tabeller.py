"""The prioritisation stage's tables as downloads (Excel and CSV, natverken.lib.export),
each built from what its page has already read."""

from __future__ import annotations

from collections.abc import Iterable

from behov.tabeller import GAPKOLUMNER, gapceller
from natverken.lib.export import Kolumn, Tabell, Tal, filnamn
from natverken.models import Planeringsar
from prioritering.berakning import SamladRangordning
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from prioritering.offentligt import gap_i_text
from prioritering.underlag import Fordelning


def _namn(omgang: Prioriteringsomgang, vad: str) -> str:
    revision = f"rev{omgang.revision}" if omgang.revision > 1 else None
    return filnamn(vad, omgang.organ.namn, omgang.planeringsar.ar, revision)


def _titel(omgang: Prioriteringsomgang, vad: str) -> str:
    return f"{vad} {omgang.planeringsar.ar}"


def _gap(objekt: Prioriteringsobjekt) -> str:
    return " | ".join(gap_i_text(g) for g in objekt.halsogap.all())


def bedomningar(omgang: Prioriteringsomgang, ordnade: list[Prioriteringsobjekt]) -> Tabell:
    """The round's needs in working order with their assessment by the national model."""
    rader = []
    for nr, o in enumerate(ordnade, start=1):
        b = o.bedomning_eller_none
        resurs = o.resurs_eller_none
        rader.append(
            [
                nr,
                o.placering,
                o.rubrik,
                o.behovsgrupp.namn,
                o.prioritetsgrad_att_visa,
                b.forslag.grad if b else None,
                b.get_svarighetsgrad_display() if b else None,
                b.get_nytta_display() if b else None,
                b.get_kostnad_display() if b else None,
                b.get_evidens_display() if b else None,
                b.antal_berorda if b else None,
                b.jamlikhet if b else None,
                o.atgard,
                o.atgardskostnad_tkr,
                resurs.belopp_tkr if resurs else None,
                resurs.get_typ_display() if resurs else None,
                o.motivering,
                o.get_princip_display() if o.princip else None,
                _gap(o),
                " | ".join(o.varningar),
            ]
        )
    return Tabell(
        kolumner=[
            "Ordning",
            "Placering",
            "Behov",
            "Behovsgrupp",
            "Prioritetsgrad",
            "Modellens förslag",
            "Svårighetsgrad",
            "Patientnytta/effekt",
            "Kostnad i relation till nytta",
            "Kunskapsunderlag",
            "Antal berörda",
            "Jämlikhetsaspekt",
            "Åtgärd",
            "Kostnad för åtgärden (tkr)",
            "Resurser (tkr)",
            "Typ av resursfördelning",
            "Motivering",
            "Bärande princip",
            "Hälsogap",
            "Att se över",
        ],
        rader=rader,
        filnamn=_namn(omgang, "bedomningar"),
        titel=_titel(omgang, "Bedömningar"),
    )


def samlad(omgang: Prioriteringsomgang, samlad_: SamladRangordning) -> Tabell:
    """The aggregate ranking (Borda) with every member's own place, so disagreement shows."""
    ledamoter = samlad_.ledamoter if not samlad_.tom else []
    rader = []
    for rad in [] if samlad_.tom else samlad_.rader:
        per_ledamot = {lp.ledamot.pk: lp.plats for lp in rad.platser}
        rader.append(
            [
                rad.plats,
                rad.delad,
                rad.objekt.rubrik,
                rad.objekt.behovsgrupp.namn,
                rad.poang,
                rad.oenighet,
                rad.hogst,
                rad.lagst,
                *(per_ledamot.get(ledamot.pk) for ledamot in ledamoter),
            ]
        )
    return Tabell(
        kolumner=[
            "Plats",
            "Delad plats",
            "Behov",
            "Behovsgrupp",
            "Poäng",
            "Oenighet",
            "Högst placerad",
            "Lägst placerad",
            *(f"{ledamot.namn} ({ledamot.parti})" for ledamot in ledamoter),
        ],
        rader=rader,
        filnamn=_namn(omgang, "samlad-rangordning"),
        titel=_titel(omgang, "Samlad rangordning"),
    )


def resurser(omgang: Prioriteringsomgang, fordelning: Fordelning) -> Tabell:
    """Amount per need, in order, against the frame (the saved allocation)."""
    return Tabell(
        kolumner=[
            "Plats",
            "Behov",
            "Behovsgrupp",
            "Kostnad för hela åtgärden (tkr)",
            "Belopp (tkr)",
            "Typ",
            Kolumn("Täcker av kostnaden (%)", decimaler=0),
            "Kommentar",
            "Budgetram (tkr)",
        ],
        rader=(
            [
                rad.plats,
                rad.objekt.rubrik,
                rad.objekt.behovsgrupp.namn,
                rad.kostnad,
                rad.belopp,
                r.get_typ_display() if (r := rad.objekt.resurs_eller_none) else None,
                Tal(rad.andel_av_kostnad * 100, 0) if rad.andel_av_kostnad is not None else None,
                r.kommentar if r else None,
                omgang.budgetram_tkr,
            ]
            for rad in fordelning.rader
        ),
        filnamn=_namn(omgang, "resursfordelning"),
        titel=_titel(omgang, "Resursfördelning"),
    )


def ordningar(omgangar: Iterable[Prioriteringsomgang], planeringsar: Planeringsar | None) -> Tabell:
    """Every round of a year with its needs; a decided round in its decided order (needs
    `objekt` with `behovsgrupp`, `bedomning` and `resursfordelning` prefetched)."""
    rader = []
    for omgang in omgangar:
        beslut = omgang.beslut
        for o in sorted(omgang.objekt.all(), key=lambda o: (o.placering or 999, o.rubrik)):
            resurs = o.resurs_eller_none
            rader.append(
                [
                    omgang.organ.namn,
                    omgang.namn,
                    omgang.revision,
                    omgang.get_status_display(),
                    beslut.datum if beslut else None,
                    beslut.paragraf if beslut else None,
                    o.placering,
                    o.rubrik,
                    o.behovsgrupp.namn,
                    o.prioritetsgrad_att_visa,
                    o.motivering,
                    o.get_princip_display() if o.princip else None,
                    resurs.belopp_tkr if resurs else None,
                    resurs.get_typ_display() if resurs else None,
                ]
            )
    ar = planeringsar.ar if planeringsar else None
    return Tabell(
        kolumner=[
            "Beslutande organ",
            "Omgång",
            "Revision",
            "Status",
            "Beslutsdatum",
            "Paragraf",
            "Placering",
            "Behov",
            "Behovsgrupp",
            "Prioritetsgrad",
            "Motivering",
            "Bärande princip",
            "Resurser (tkr)",
            "Typ av resursfördelning",
        ],
        rader=rader,
        filnamn=filnamn("prioriteringar", ar),
        titel=f"Prioriteringar {ar or ''}",
    )


def offentliga(kolumner: list[str], rader: list[list], ar: object) -> Tabell:
    """The public table (the same rows as the public CSV): decided priorities only."""
    return Tabell(
        kolumner,
        rader,
        filnamn=filnamn("prioriteringar", ar, datum=False),
        titel=f"Prioriteringar {ar}",
    )


def behovets_halsogap(objekt: Prioriteringsobjekt) -> Tabell:
    """The gaps a need is about (needs `halsogap` prefetched with `indikator` and `omrade`)."""
    return Tabell(
        kolumner=["Behov", *GAPKOLUMNER],
        rader=[[objekt.rubrik, *gapceller(g)] for g in objekt.halsogap.all()],
        filnamn=filnamn("halsogap", objekt.rubrik, objekt.omgang.planeringsar.ar),
        titel="Hälsogap",
    )
