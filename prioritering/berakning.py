"""Arithmetic of a round, kept apart from the database: the aggregate of the members' rankings
(Borda count) with the spread per need, the allocation against the frame, and the marginal
view of PBMA (what +5 % / −5 % of the frame would add or give up, in rank order)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MARGINAL = Decimal("0.05")


# --- The aggregate ranking ------------------------------------------------------------------


@dataclass
class Ledamotsplats:
    ledamot: Any  # natverken.Ledamot
    plats: int | None


@dataclass
class Samlad:
    """One need in the aggregate: its Borda points, its shared or own place, and where each
    member put it."""

    objekt: Any  # Prioriteringsobjekt
    poang: int
    plats: int
    antal_objekt: int
    delad: bool = False
    platser: list[Ledamotsplats] = field(default_factory=list)

    @property
    def per_plats(self) -> list[list[Any]]:
        """For each place 1..n the members who put the need there (the spread, drawn)."""
        celler: list[list[Any]] = [[] for _ in range(self.antal_objekt)]
        for lp in self.platser:
            if lp.plats is not None and 1 <= lp.plats <= self.antal_objekt:
                celler[lp.plats - 1].append(lp.ledamot)
        return celler

    @property
    def oenighet(self) -> str:
        """A word for the spread, so disagreement is read, not averaged away: members within
        one place of each other are near agreement; a spread over two thirds of the list is
        large disagreement. Large disagreement is asked first: with two needs, one place apart
        is the whole list (opposite rankings), never near agreement."""
        if len(self.givna) < 2:
            return ""
        if self.spridning == 0:
            return "Eniga"
        if self.spridning >= math.ceil(2 * (self.antal_objekt - 1) / 3):
            return "Stor oenighet"
        if self.spridning == 1:
            return "Nära eniga"
        return "Viss oenighet"

    @property
    def oenighet_klass(self) -> str:
        return {"Eniga": "ingen", "Stor oenighet": "stor", "Viss oenighet": "viss"}.get(
            self.oenighet, ""
        )

    @property
    def givna(self) -> list[int]:
        return [p.plats for p in self.platser if p.plats is not None]

    @property
    def hogst(self) -> int | None:
        return min(self.givna, default=None)

    @property
    def lagst(self) -> int | None:
        return max(self.givna, default=None)

    @property
    def spridning(self) -> int:
        """How far apart the members are: the distance between the best and worst place."""
        return (self.lagst - self.hogst) if self.givna else 0

    @property
    def medelplats(self) -> float | None:
        return sum(self.givna) / len(self.givna) if self.givna else None


@dataclass
class SamladRangordning:
    rader: list[Samlad]
    antal_rangordningar: int
    antal_objekt: int

    @property
    def tom(self) -> bool:
        return self.antal_rangordningar == 0

    @property
    def max_poang(self) -> int:
        return (self.antal_objekt - 1) * self.antal_rangordningar

    @property
    def forsta_poang(self) -> int:
        """Points for a 1st place (n − 1); the last place gives 0."""
        return max(self.antal_objekt - 1, 0)

    @property
    def skala(self) -> range:
        return range(1, self.antal_objekt + 1)

    @property
    def ledamoter(self) -> list[Any]:
        return [lp.ledamot for lp in self.rader[0].platser] if self.rader else []

    @property
    def antal_delade(self) -> int:
        return sum(1 for r in self.rader if r.delad)


def borda(
    objekt: Sequence[Any],
    rangordningar: Sequence[tuple[Any, dict[int, int]]],
    *,
    sortering: Any = None,
) -> SamladRangordning:
    """Borda count: with n needs, place p gives n − p points (1st gets n − 1, last 0), summed
    over the members who ranked. Needs with equal points share a place (1, 2, 2, 4), shown as
    shared, never broken silently. `rangordningar` is (ledamot, {objekt_id: plats}) per
    member; `sortering(objekt)` only orders needs within a shared place."""
    n = len(objekt)
    poang = {o.pk: 0 for o in objekt}
    for _ledamot, platser in rangordningar:
        for objekt_id, plats in platser.items():
            if objekt_id in poang:
                poang[objekt_id] += n - plats
    nyckel = sortering or (lambda o: o.rubrik)
    ordnade = sorted(objekt, key=lambda o: (-poang[o.pk], nyckel(o)))
    rader: list[Samlad] = []
    for index, o in enumerate(ordnade):
        # Equal points share the place of the first with those points (1, 2, 2, 4).
        plats = rader[-1].plats if rader and rader[-1].poang == poang[o.pk] else index + 1
        rader.append(
            Samlad(
                objekt=o,
                poang=poang[o.pk],
                plats=plats,
                antal_objekt=n,
                platser=[
                    Ledamotsplats(ledamot, platser.get(o.pk)) for ledamot, platser in rangordningar
                ],
            )
        )
    if rangordningar:
        antal_per_plats: dict[int, int] = {}
        for rad in rader:
            antal_per_plats[rad.plats] = antal_per_plats.get(rad.plats, 0) + 1
        for rad in rader:
            rad.delad = antal_per_plats[rad.plats] > 1
    return SamladRangordning(rader=rader, antal_rangordningar=len(rangordningar), antal_objekt=n)


# --- Resources against the frame ------------------------------------------------------------


def tkr(varde: Decimal) -> Decimal:
    return varde.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def tusental(tal: Decimal | int) -> str:
    """70 000 with a non-breaking space, as Swedish text writes thousands."""
    return f"{tal:,.0f}".replace(",", "\u00a0")


@dataclass
class Fordelningsrad:
    objekt: Any
    plats: int
    belopp: Decimal | None
    kostnad: Decimal | None

    @property
    def andel_av_kostnad(self) -> float | None:
        if self.belopp is None or not self.kostnad:
            return None
        return float(self.belopp / self.kostnad)

    @property
    def saknas(self) -> Decimal | None:
        """What is missing to carry out the whole measure (None when the cost is unknown)."""
        if self.kostnad is None:
            return None
        return max(Decimal(0), self.kostnad - (self.belopp or Decimal(0)))


@dataclass
class Summering:
    ram: Decimal
    summa: Decimal

    @property
    def skillnad(self) -> Decimal:
        return self.ram - self.summa

    @property
    def over_ramen(self) -> bool:
        return self.summa > self.ram

    @property
    def andel(self) -> float | None:
        return float(self.summa / self.ram) if self.ram else None

    @property
    def meddelande(self) -> str:
        if self.over_ramen:
            return (
                f"Fördelningen överstiger ramen med {tusental(-self.skillnad)} tkr. "
                "Minska beloppen eller be om en större ram."
            )
        if self.skillnad > 0:
            return f"{tusental(self.skillnad)} tkr av ramen är inte fördelade (reserv)."
        return "Hela ramen är fördelad."


def summera(ram: Decimal, rader: Sequence[Fordelningsrad]) -> Summering:
    return Summering(ram=ram, summa=sum((r.belopp or Decimal(0) for r in rader), Decimal(0)))


@dataclass
class Marginalrad:
    objekt: Any
    plats: int
    belopp: Decimal
    hela: bool  # the measure is then fully paid (for +) / nothing is left of it (for −)


@dataclass
class Marginal:
    """What a frame `andel` larger or smaller would mean, walking the rank order."""

    ny_ram: Decimal
    att_fordela: Decimal  # > 0: to add; < 0: to give up
    rader: list[Marginalrad]
    kvar: Decimal  # what could not be placed (+) or cut (−)
    utan_kostnad: list[Any] = field(default_factory=list)

    @property
    def belopp(self) -> Decimal:
        """The size of the change, without its sign."""
        return abs(self.att_fordela)


def marginal_mer(
    ram: Decimal, rader: Sequence[Fordelningsrad], andel: Decimal = MARGINAL
) -> Marginal:
    """+X %: the money beyond today's allocation (the reserve too) goes to the highest-ranked
    needs whose measure is not yet fully paid, in rank order."""
    ny_ram = tkr(ram * (1 + andel))
    att_fordela = max(Decimal(0), ny_ram - summera(ram, rader).summa)
    kvar = att_fordela
    resultat: list[Marginalrad] = []
    utan_kostnad = []
    for rad in sorted(rader, key=lambda r: r.plats):
        if kvar <= 0:
            break
        if rad.saknas is None:
            utan_kostnad.append(rad.objekt)
            continue
        if rad.saknas <= 0:
            continue
        belopp = min(kvar, rad.saknas)
        resultat.append(Marginalrad(rad.objekt, rad.plats, belopp, hela=belopp == rad.saknas))
        kvar -= belopp
    return Marginal(ny_ram, att_fordela, resultat, kvar, utan_kostnad)


def marginal_mindre(
    ram: Decimal, rader: Sequence[Fordelningsrad], andel: Decimal = MARGINAL
) -> Marginal:
    """−X %: what must be given up to fit the smaller frame, taken from the lowest-ranked
    needs first (the reserve absorbs what it can)."""
    ny_ram = tkr(ram * (1 - andel))
    att_ta = max(Decimal(0), summera(ram, rader).summa - ny_ram)
    kvar = att_ta
    resultat: list[Marginalrad] = []
    for rad in sorted(rader, key=lambda r: r.plats, reverse=True):
        if kvar <= 0:
            break
        if not rad.belopp:
            continue
        belopp = min(kvar, rad.belopp)
        resultat.append(Marginalrad(rad.objekt, rad.plats, belopp, hela=belopp == rad.belopp))
        kvar -= belopp
    return Marginal(ny_ram, -att_ta, resultat, kvar)
