"""The commission stage's tables as downloads (Excel and CSV, natverken.lib.export), each
built from the list its page has already read (and so with the same access: a provider's
download holds only its own commissions)."""

from __future__ import annotations

from collections.abc import Iterable

from natverken.lib.export import Tabell, Tal, filnamn
from uppdrag.adressera import Omgangsrad
from uppdrag.models import Uppdrag


def _beslut(beslut) -> str | None:  # noqa: ANN001
    if beslut is None:
        return None
    return f"{beslut.organ} {beslut.datum:%Y-%m-%d} {beslut.paragraf}"


def uppdrag(lista: Iterable[Uppdrag], *delar: object) -> Tabell:
    """Commissions as a list row shows them (needs `for_lista()`); `delar` name the file."""
    return Tabell(
        kolumner=[
            "År",
            "Uppdrag",
            "Behov",
            "Utförare",
            "I samverkan med",
            "Typ av insats",
            "Budget (tkr)",
            "Start",
            "Slut",
            "Status",
            "Version",
            "Beslut",
            "Långsiktigt mål",
        ],
        rader=(
            [
                u.planeringsar.ar,
                u.titel,
                " | ".join(
                    f"{o.rubrik} (placering {o.placering})" if o.placering else o.rubrik
                    for o in u.prioriteringsobjekt.all()
                ),
                u.utforare.namn,
                u.samverkanspart or None,
                u.get_insatstyp_display(),
                u.budget_tkr,
                u.start,
                u.slut,
                u.get_status_display(),
                u.versionsnummer,
                _beslut(u.beslut),
                u.langsiktigt_mal,
            ]
            for u in lista
        ),
        filnamn=filnamn("uppdrag", *delar),
        titel="Uppdrag " + " ".join(str(d) for d in delar if d),
    )


def adressera(omgangar: list[Omgangsrad], ar: int | None) -> Tabell:
    """Every need in the upper part of the year's decided rounds and its answer."""
    rader = []
    for o in omgangar:
        for rad in o.rader:
            if rad.uppdrag:
                svar = "Uppdrag"
                detalj = " | ".join(
                    f"{u.titel} ({u.utforare}, {u.get_status_display().lower()})"
                    for u in rad.uppdrag
                )
            elif rad.avstaende is not None:
                svar = "Avstår"
                detalj = rad.avstaende.motivering
            else:
                svar, detalj = "Saknar uppdrag", None
            rader.append(
                [
                    o.omgang.organ.namn,
                    rad.objekt.placering,
                    rad.objekt.rubrik,
                    rad.objekt.behovsgrupp.namn,
                    svar,
                    detalj,
                    _beslut(rad.avstaende.beslut) if rad.avstaende else None,
                ]
            )
    return Tabell(
        kolumner=[
            "Beslutande organ",
            "Placering",
            "Behov",
            "Behovsgrupp",
            "Svar",
            "Uppdrag eller skäl att avstå",
            "Beslut om att avstå",
        ],
        rader=rader,
        filnamn=filnamn("uppdra-eller-forklara", ar),
        titel=f"Uppdra eller förklara {ar or ''}",
    )


def mal(uppdrag_: Uppdrag, malen: Iterable, planmal: set[int]) -> Tabell:  # noqa: ANN001
    """A commission's goals with baseline and target (needs `indikator` and `omrade` loaded)."""
    rader = []
    for m in malen:
        ind = m.indikator
        d = ind.decimaler if ind else 1
        rader.append(
            [
                m.beskrivning,
                m.get_niva_display(),
                ind.namn if ind else None,
                ind.enhet if ind else None,
                m.omrade.namn if m.omrade else None,
                m.get_kon_display() if ind else None,
                Tal(m.baslinje_varde, d),
                m.baslinje_period or None,
                Tal(m.malvarde, d),
                m.maldatum,
                m.pk in planmal,
            ]
        )
    return Tabell(
        kolumner=[
            "Mål",
            "Nivå",
            "Indikator",
            "Enhet",
            "Område",
            "Kön",
            "Utgångsläge",
            "Utgångslägets period",
            "Målvärde",
            "Senast",
            "I uppföljningsplanen",
        ],
        rader=rader,
        filnamn=filnamn("mal", uppdrag_.titel),
        titel="Mål",
    )
