"""Which reports a commission owes: one per period of its follow-up plan, for every year it
runs. A report row exists only once the provider starts it; until then the period is still
owed, so lists and to-dos are computed from the plan and the rows together (pages that only
read never have to write)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from uppdrag.models import Uppdrag
from uppfoljning.models import Aterrapport

R = Aterrapport.Rapportstatus
# Commissions that report: decided ones (a commission decided in the autumn reports from its
# start), running and finished ones.
RAPPORTERANDE = [Uppdrag.Status.BESLUTAD, Uppdrag.Status.PAGAR, Uppdrag.Status.AVSLUTAD]
DAGAR_ATT_GRANSKA = 14  # officials review within two weeks of the deadline
SNART = 30  # a report is "due" this many days before its deadline


def senast_for(ar: int, slutmanad: int) -> dt.date:
    """The deadline of a period ending in `slutmanad` of `ar`: the 15th of the next month."""
    return dt.date(ar + (slutmanad == 12), slutmanad % 12 + 1, 15)


@dataclass(frozen=True)
class Period:
    namn: str
    start: dt.date
    slut: dt.date
    senast: dt.date


def perioder(uppdrag: Uppdrag) -> list[Period]:
    """The plan's reporting periods that overlap the commission's time (needs
    `uppfoljningsplan` loaded; none without a plan)."""
    plan = getattr(uppdrag, "uppfoljningsplan", None)
    if plan is None:
        return []
    resultat = []
    for ar in range(uppdrag.start.year, uppdrag.slut.year + 1):
        forra = 0
        for namn, sista in plan.perioder(ar):
            start = dt.date(ar, forra + 1, 1)
            slut = dt.date(ar, sista, calendar.monthrange(ar, sista)[1])
            forra = sista
            if slut >= uppdrag.start and start <= uppdrag.slut:
                resultat.append(Period(namn, start, slut, senast_for(ar, sista)))
    return resultat


@dataclass
class Rapportrad:
    """A report owed for a period: the row when the provider has started it, else None."""

    uppdrag: Uppdrag
    period: str
    senast: dt.date
    idag: dt.date
    rapport: Aterrapport | None = None
    period_slut: dt.date | None = None

    @property
    def status(self) -> str:
        return self.rapport.rapportstatus if self.rapport else R.VANTAR

    @property
    def status_text(self) -> str:
        return R(self.status).label

    @property
    def ikon(self) -> str:
        return Aterrapport.RAPPORTSTATUS_IKON[R(self.status)]

    @property
    def framdrift(self) -> str:
        return self.rapport.framdrift if self.rapport else ""

    @property
    def forsenad(self) -> bool:
        return self.status in Aterrapport.REDIGERBARA and self.senast < self.idag

    @property
    def aktuell(self) -> bool:
        """With the provider and due within `SNART` days (or overdue)."""
        return self.status in Aterrapport.REDIGERBARA and self.senast <= self.idag + dt.timedelta(
            SNART
        )

    @property
    def forfallen(self) -> bool:
        """Its period has ended: the report should be in or on its way."""
        return self.period_slut is None or self.period_slut < self.idag

    @property
    def granska_senast(self) -> dt.date:
        return self.senast + dt.timedelta(DAGAR_ATT_GRANSKA)


def rapportrader(uppdrag: Iterable[Uppdrag], *, idag: dt.date) -> list[Rapportrad]:
    """Every owed period and every existing report of the commissions, by deadline. Needs
    `uppfoljningsplan` and `aterrapporter` loaded (select/prefetch) to cost no queries."""
    rader = []
    for u in uppdrag:
        befintliga = {r.period: r for r in u.aterrapporter.all()}
        if u.status in RAPPORTERANDE:
            for p in perioder(u):
                rader.append(
                    Rapportrad(u, p.namn, p.senast, idag, befintliga.pop(p.namn, None), p.slut)
                )
        # A report whose period is no longer in the plan (the plan changed) still counts.
        for r in befintliga.values():
            rader.append(Rapportrad(u, r.period, r.senast, idag, r, None))
    return sorted(rader, key=lambda r: (r.senast, r.uppdrag.titel))
