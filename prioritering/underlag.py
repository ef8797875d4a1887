"""What the pages of a round show, read in a fixed number of queries: the needs with their
gaps and assessments, the members' rankings and their aggregate, the working order, and the
allocation against the frame."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from behov.models import Halsogap
from natverken.models import Ledamot
from prioritering.berakning import (
    Fordelningsrad,
    Marginal,
    SamladRangordning,
    Summering,
    borda,
    marginal_mer,
    marginal_mindre,
    summera,
)
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang, Rangordning


def objekt_qs() -> QuerySet:
    return Prioriteringsobjekt.objects.select_related(
        "behovsgrupp", "bedomning", "resursfordelning"
    ).prefetch_related(
        Prefetch(
            "halsogap",
            queryset=Halsogap.objects.select_related("indikator", "omrade").order_by(
                "indikator__namn"
            ),
        )
    )


def objekt_for(omgang: Prioriteringsomgang) -> list[Prioriteringsobjekt]:
    return list(objekt_qs().filter(omgang=omgang))


def standardnyckel(objekt: Prioriteringsobjekt) -> tuple[int, str]:
    """Before anyone has ranked: by the model's level (1 first), then by name."""
    grad = objekt.prioritetsgrad_att_visa
    return (grad if grad is not None else 99, objekt.rubrik)


def rangordningar_for(
    omgang: Prioriteringsomgang,
) -> list[tuple[Ledamot, dict[int, int], Rangordning]]:
    rangordningar = (
        Rangordning.objects.filter(omgang=omgang, inlamnad__isnull=False)
        .select_related("ledamot")
        .prefetch_related("platser")
        .order_by("ledamot__namn")
    )
    return [(r.ledamot, {p.objekt_id: p.plats for p in r.platser.all()}, r) for r in rangordningar]


def samlad_for(omgang: Prioriteringsomgang, objekt: list[Prioriteringsobjekt]) -> SamladRangordning:
    """The aggregate; each need also gets its own row as `objekt.samlad`, so a list of needs
    in another order can show where the members put it."""
    samlad = borda(
        objekt,
        [(ledamot, platser) for ledamot, platser, _ in rangordningar_for(omgang)],
        sortering=standardnyckel,
    )
    if not samlad.tom:
        for rad in samlad.rader:
            rad.objekt.samlad = rad
    return samlad


def arbetsordning(
    objekt: list[Prioriteringsobjekt], samlad: SamladRangordning | None
) -> list[Prioriteringsobjekt]:
    """The order to work in: the proposed or decided placering when every need has one, else
    the aggregate of the members' rankings, else the model's levels."""
    if objekt and all(o.placering for o in objekt):
        return sorted(objekt, key=lambda o: o.placering)
    if samlad is not None and not samlad.tom:
        return [rad.objekt for rad in samlad.rader]
    return sorted(objekt, key=standardnyckel)


def ordningens_kalla(
    omgang: Prioriteringsomgang, objekt: list[Prioriteringsobjekt], samlad: SamladRangordning | None
) -> str:
    """Where the working order comes from, in words for the page."""
    if objekt and all(o.placering for o in objekt):
        return "den beslutade ordningen" if omgang.ar_beslutad else "förslaget till beslut"
    if samlad is not None and not samlad.tom:
        return "ledamöternas samlade rangordning"
    return "prioritetsgraden enligt modellen"


@dataclass
class Fordelning:
    rader: list[Fordelningsrad]
    summering: Summering
    mer: Marginal
    mindre: Marginal


def fordelning_for(omgang: Prioriteringsomgang, ordnade: list[Prioriteringsobjekt]) -> Fordelning:
    rader = [
        Fordelningsrad(
            objekt=o,
            plats=nr,
            belopp=o.resurs_eller_none.belopp_tkr if o.resurs_eller_none else None,
            kostnad=o.atgardskostnad_tkr,
        )
        for nr, o in enumerate(ordnade, start=1)
    ]
    ram = omgang.budgetram_tkr or Decimal(0)
    return Fordelning(
        rader, summera(ram, rader), marginal_mer(ram, rader), marginal_mindre(ram, rader)
    )


def ledamoter_for(omgang: Prioriteringsomgang) -> list[Ledamot]:
    return list(Ledamot.objects.filter(organ=omgang.organ_id).order_by("namn"))
