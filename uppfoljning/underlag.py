"""What the follow-up pages show, assembled from a constant number of queries: per commission
its implementation (milestones, reports, the provider's progress status) beside its outcome
(each goal judged against data by `maluppfyllelse.bedom`), and what needs a decision."""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import Prefetch, Q, QuerySet

from behov.models import Behovsanalys, Halsogap, Kon, Matvarde
from natverken.models import Omrade, Planeringsar
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from uppdrag.models import Mal, Milstolpe, Uppdrag
from uppfoljning.maluppfyllelse import (
    IKON,
    SKILLNAD_IKON,
    Bedomning,
    Maluppfyllelse,
    Matpunkt,
    Skillnadsutveckling,
    bedom,
    periodens_slut,
    skillnad,
    skillnadens_utveckling,
)
from uppfoljning.models import FRAMDRIFT_IKON, Aterrapport, Fortsattningsbeslut, Framdrift
from uppfoljning.rapportering import Rapportrad, rapportrader

R = Aterrapport.Rapportstatus
Nyckel = tuple[int, int, str, str | None, str | None]  # indikator, omrade, kon, dimension, kategori
LOPANDE = [Uppdrag.Status.BESLUTAD, Uppdrag.Status.PAGAR]


def med_uppfoljning(qs: QuerySet[Uppdrag]) -> QuerySet[Uppdrag]:
    """Everything a follow-up row reads, loaded up front."""
    return qs.select_related(
        "planeringsar", "utforare", "uppfoljningsplan", "beslut__organ"
    ).prefetch_related(
        Prefetch("mal", queryset=Mal.objects.select_related("indikator", "omrade").order_by("pk")),
        Prefetch("milstolpar", queryset=Milstolpe.objects.order_by("datum", "pk")),
        Prefetch(
            "aterrapporter",
            queryset=Aterrapport.objects.select_related("inlamnad_av", "granskad_av")
            .prefetch_related("malstatus")
            .order_by("senast"),
        ),
        Prefetch(
            "fortsattningsbeslut",
            queryset=Fortsattningsbeslut.objects.select_related("planeringsar", "beslut__organ"),
        ),
        "uppfoljningsplan__mal",
        "prioriteringsobjekt__behovsgrupp",
    )


# --- Values --------------------------------------------------------------------------------


class Varden:
    """Indicator values for a set of (indicator, area) pairs from one query, looked up by
    the full key. Only the pairs asked for are read, never every indicator × every area:
    at national scale that cross product is most of the table."""

    def __init__(self, par: Iterable[tuple[int, int]], *, alla_uppdelningar: bool):
        self.per_nyckel: dict[Nyckel, list[Matpunkt]] = defaultdict(list)
        omraden_per_indikator: dict[int, set[int]] = defaultdict(set)
        for indikator, omrade in par:
            if indikator and omrade:
                omraden_per_indikator[indikator].add(omrade)
        if not omraden_per_indikator:
            return
        villkor = Q()
        for indikator, omraden in omraden_per_indikator.items():
            villkor |= Q(indikator_id=indikator, omrade_id__in=omraden)
        qs = Matvarde.objects.filter(villkor)
        if not alla_uppdelningar:
            qs = qs.filter(dimension__isnull=True)
        # Plain tuples, not model instances: a page may read tens of thousands of values.
        for indikator, omrade, kon, dim, kat, period, slut, varde, ki_lag, ki_hog in qs.order_by(
            "period_start", "period_slut"
        ).values_list(
            "indikator_id",
            "omrade_id",
            "kon",
            "dimension",
            "kategori",
            "period",
            "period_slut",
            "varde",
            "ki_lag",
            "ki_hog",
        ):
            self.per_nyckel[(indikator, omrade, kon, dim, kat)].append(
                Matpunkt(period, slut, varde, ki_lag, ki_hog)
            )

    def serie(
        self,
        indikator: int,
        omrade: int,
        kon: str = Kon.TOTALT,
        dimension: str | None = None,
        kategori: str | None = None,
    ) -> list[Matpunkt]:
        return self.per_nyckel.get((indikator, omrade, kon, dimension, kategori), [])

    def kategorier(self, indikator: int, omrade: int) -> dict[str, list[str]]:
        """The breakdowns present for an indicator and area: dimension -> categories."""
        resultat: dict[str, list[str]] = {}
        for i, o, k, dim, kat in self.per_nyckel:
            if i == indikator and o == omrade and k == Kon.TOTALT and dim is not None:
                resultat.setdefault(dim, [])
                if kat not in resultat[dim]:
                    resultat[dim].append(kat)
        return resultat


# --- Gaps between groups -------------------------------------------------------------------


@dataclass
class Gruppskillnad:
    """The size of the gap between two groups (or the spread across areas) over time."""

    namn: str
    punkter: list[Matpunkt]
    utveckling: Skillnadsutveckling
    forklaring: str
    mal: float | None = None  # the equity goal: at most this gap

    @property
    def ikon(self) -> str:
        return SKILLNAD_IKON[self.utveckling]

    @property
    def senaste(self) -> Matpunkt | None:
        med = [p for p in self.punkter if p.varde is not None]
        return med[-1] if med else None

    @property
    def mal_natt(self) -> bool | None:
        if self.mal is None or self.senaste is None:
            return None
        return abs(self.senaste.varde) <= self.mal


def _storlek(p: Matpunkt) -> Matpunkt:
    """A gap's size: |d|, its interval folded at zero."""
    if p.varde is None:
        return p
    if p.har_ki:
        lag, hog = sorted((abs(p.ki_lag), abs(p.ki_hog)))
        return Matpunkt(
            p.period, p.slut, abs(p.varde), 0.0 if p.ki_lag <= 0 <= p.ki_hog else lag, hog
        )
    return Matpunkt(p.period, p.slut, abs(p.varde))


def _jamforelsepunkt(med: list[Matpunkt], fran: dt.date | None) -> Matpunkt | None:
    """The earlier point a gap is compared with: the baseline's period when it is before the
    latest, else five periods back (or the first)."""
    senaste = med[-1]
    forsta = next((p for p in med if fran and p.slut >= fran and p.slut < senaste.slut), None)
    if forsta is None:
        tidigare = [p for p in med if p.slut < senaste.slut]
        forsta = tidigare[-5] if len(tidigare) >= 5 else (tidigare[0] if tidigare else None)
    return forsta


def gruppskillnad(
    namn: str,
    a: list[Matpunkt],
    b: list[Matpunkt],
    *,
    fran: dt.date | None,
    decimaler: int,
    mal: float | None = None,
) -> Gruppskillnad | None:
    """The gap between groups A and B per period, and whether it has narrowed since `fran`
    (a baseline's period end) or, without one or when it is the latest, over five periods."""
    per_period = {p.period: p for p in b}
    punkter = [_storlek(skillnad(p, per_period[p.period])) for p in a if p.period in per_period]
    med = [p for p in punkter if p.varde is not None]
    if not med:
        return None
    utveckling, forklaring = skillnadens_utveckling(
        _jamforelsepunkt(med, fran), med[-1], decimaler=decimaler
    )
    return Gruppskillnad(namn, punkter, utveckling, forklaring, mal)


def omradesspann(
    namn: str, serier: list[list[Matpunkt]], *, fran: dt.date | None, decimaler: int
) -> Gruppskillnad | None:
    """Highest minus lowest area per period (areas' own intervals are not combined)."""
    per_period: dict[str, list[Matpunkt]] = defaultdict(list)
    for serie in serier:
        for p in serie:
            if p.varde is not None:
                per_period[p.period].append(p)
    punkter = []
    for period, varden in sorted(per_period.items(), key=lambda kv: kv[1][0].slut):
        if len(varden) >= 2:
            hogst, lagst = max(v.varde for v in varden), min(v.varde for v in varden)
            punkter.append(Matpunkt(period, varden[0].slut, hogst - lagst))
    if not punkter:
        return None
    utveckling, forklaring = skillnadens_utveckling(
        _jamforelsepunkt(punkter, fran), punkter[-1], decimaler=decimaler
    )
    return Gruppskillnad(namn, punkter, utveckling, forklaring)


def _ytterkategorier(
    varden: Varden, indikator: int, omrade: int, dim: str, kategorier: list[str]
) -> tuple[str, str]:
    """The two categories furthest apart in the latest period with values for all: the gap
    between the best and the worst off in that breakdown."""
    senaste: dict[str, Matpunkt] = {}
    for kat in kategorier:
        med = [
            p for p in varden.serie(indikator, omrade, Kon.TOTALT, dim, kat) if p.varde is not None
        ]
        if med:
            senaste[kat] = med[-1]
    if len(senaste) < 2:
        return kategorier[0], kategorier[-1]
    ordnade = sorted(senaste, key=lambda k: senaste[k].varde)
    return ordnade[-1], ordnade[0]


def gruppskillnader(
    varden: Varden,
    indikator: int,
    omrade: int,
    delomraden: list[Omrade],
    *,
    fran: dt.date | None,
    decimaler: int,
) -> list[Gruppskillnad]:
    """Women/men, each breakdown's two furthest-apart categories, and the spread across the
    area's parts."""
    resultat = []
    kon = gruppskillnad(
        "Kvinnor och män",
        varden.serie(indikator, omrade, Kon.KVINNOR),
        varden.serie(indikator, omrade, Kon.MAN),
        fran=fran,
        decimaler=decimaler,
    )
    if kon:
        resultat.append(kon)
    for dim, kategorier in sorted(varden.kategorier(indikator, omrade).items()):
        if len(kategorier) >= 2:
            a, b = _ytterkategorier(varden, indikator, omrade, dim, kategorier)
            g = gruppskillnad(
                f"{dim.lower()}, {a.lower()} och {b.lower()}",
                varden.serie(indikator, omrade, Kon.TOTALT, dim, a),
                varden.serie(indikator, omrade, Kon.TOTALT, dim, b),
                fran=fran,
                decimaler=decimaler,
            )
            if g:
                resultat.append(g)
    if len(delomraden) >= 2:
        g = omradesspann(
            "högsta och lägsta kommun",
            [varden.serie(indikator, o.pk) for o in delomraden],
            fran=fran,
            decimaler=decimaler,
        )
        if g:
            resultat.append(g)
    return resultat


# --- One goal -------------------------------------------------------------------------------


@dataclass
class Malrad:
    mal: Mal
    bedomning: Bedomning | None  # None: a goal without an indicator is judged in the reports
    serie: list[Matpunkt] = field(default_factory=list)
    rapporterad: object | None = None  # the provider's latest Malstatus for the goal
    jamlikhet: Gruppskillnad | None = None  # the goal's own equity target, if it has one
    skillnader: list[Gruppskillnad] = field(default_factory=list)  # for whom: gaps over time

    @property
    def ar_indikatormal(self) -> bool:
        return self.bedomning is not None

    @property
    def baslinje_ar(self) -> str:
        slut = periodens_slut(self.mal.baslinje_period or "")
        return str(slut.year) if slut else ""


def _jamlikhetsgrupper(
    mal: Mal,
) -> tuple[tuple[str, str | None, str | None], tuple[str, str | None, str | None]] | None:
    """An equity goal's two groups as (kon, dimension, kategori) keys."""
    if not mal.jamlikhet_dimension or not mal.jamlikhet_grupp_a or not mal.jamlikhet_grupp_b:
        return None
    if mal.jamlikhet_dimension.strip().lower() == "kön":
        kon_per_namn = {k.label.lower(): k.value for k in Kon}
        a = kon_per_namn.get(mal.jamlikhet_grupp_a.strip().lower())
        b = kon_per_namn.get(mal.jamlikhet_grupp_b.strip().lower())
        return ((a, None, None), (b, None, None)) if a and b else None
    dim = mal.jamlikhet_dimension
    return ((Kon.TOTALT, dim, mal.jamlikhet_grupp_a), (Kon.TOTALT, dim, mal.jamlikhet_grupp_b))


def malrad(
    mal: Mal,
    varden: Varden,
    hem: Omrade | None,
    senaste_status: dict,
    delomraden: list[Omrade] | None = None,
) -> Malrad:
    """A goal judged against its data; with `delomraden` (the page has every breakdown
    loaded) also the gaps between groups for its indicator."""
    if mal.indikator_id is None:
        return Malrad(mal, None, rapporterad=senaste_status.get(mal.pk))
    omrade_id = mal.omrade_id or (hem.pk if hem else None)
    serie = varden.serie(mal.indikator_id, omrade_id, mal.kon) if omrade_id else []
    baslinje_punkt = next((p for p in serie if p.period == mal.baslinje_period), None)
    baslinje_slut = (
        baslinje_punkt.slut if baslinje_punkt else periodens_slut(mal.baslinje_period or "")
    )
    bedomning = bedom(
        baslinje=mal.baslinje_varde,
        baslinje_slut=baslinje_slut,
        malvarde=mal.malvarde,
        maldatum=mal.maldatum,
        punkter=serie,
        polaritet=mal.indikator.polaritet,
        baslinje_ki=(baslinje_punkt.ki_lag, baslinje_punkt.ki_hog)
        if baslinje_punkt
        else (None, None),
        decimaler=mal.indikator.decimaler,
    )
    rad = Malrad(mal, bedomning, serie, senaste_status.get(mal.pk))
    grupper = _jamlikhetsgrupper(mal)
    if grupper and omrade_id:
        (ka, da, ca), (kb, db, cb) = grupper
        rad.jamlikhet = gruppskillnad(
            f"{mal.jamlikhet_grupp_a} och {mal.jamlikhet_grupp_b.lower()}",
            varden.serie(mal.indikator_id, omrade_id, ka, da, ca),
            varden.serie(mal.indikator_id, omrade_id, kb, db, cb),
            fran=baslinje_slut,
            decimaler=mal.indikator.decimaler,
            mal=mal.jamlikhet_mal,
        )
    if delomraden is not None and omrade_id:
        skillnader = gruppskillnader(
            varden,
            mal.indikator_id,
            omrade_id,
            [o for o in delomraden if o.foralder_id == omrade_id],
            fran=baslinje_slut,
            decimaler=mal.indikator.decimaler,
        )
        if rad.jamlikhet:
            # The goal's own equity target replaces the plain comparison of the same groups.
            skillnader = [rad.jamlikhet] + [
                g for g in skillnader if g.namn.lower() != rad.jamlikhet.namn.lower()
            ]
        rad.skillnader = skillnader
    return rad


# --- One commission -------------------------------------------------------------------------


@dataclass
class Lage:
    """A status for a page: a key for CSS, an icon and a word (never colour alone)."""

    nyckel: str
    ikon: str
    text: str


@dataclass
class Milstolpsrad:
    milstolpe: Milstolpe
    forsenad: bool

    @property
    def lage(self) -> Lage:
        if self.milstolpe.klar:
            return Lage("klar", "✓", f"Klar {self.milstolpe.klar:%Y-%m-%d}")
        if self.forsenad:
            return Lage("forsenad", "⚠", "Försenad")
        return Lage("kommande", "○", "Kommande")


@dataclass
class Uppdragslage:
    uppdrag: Uppdrag
    malrader: list[Malrad]
    milstolpar: list[Milstolpsrad]
    rapporter: list[Rapportrad]
    idag: dt.date
    nasta_ar: Planeringsar | None = None  # the year a continue/revise/close decision is for
    # Only what officials have accepted counts (an approved, public yearly follow-up: the
    # provider's words in a report not yet reviewed, or returned, are not the body's document).
    bara_godkanda: bool = False

    # -- implementation --
    @property
    def senaste_rapport(self) -> Aterrapport | None:
        """The latest report the provider has handed in (accepted, waiting or returned; only
        accepted with `bara_godkanda`)."""
        if self.bara_godkanda:
            return self.senaste_godkanda
        inne = [
            r.rapport for r in self.rapporter if r.rapport and r.rapport.rapportstatus != R.VANTAR
        ]
        return inne[-1] if inne else None

    @property
    def senaste_godkanda(self) -> Aterrapport | None:
        godkanda = [r.rapport for r in self.rapporter if r.status == R.GODKAND]
        return godkanda[-1] if godkanda else None

    @property
    def milstolpar_klara(self) -> int:
        return sum(1 for m in self.milstolpar if m.milstolpe.klar)

    @property
    def milstolpar_forsenade(self) -> int:
        return sum(1 for m in self.milstolpar if m.forsenad)

    @property
    def forfallna_rapporter(self) -> list[Rapportrad]:
        return [r for r in self.rapporter if r.forfallen]

    @property
    def rapporter_godkanda(self) -> int:
        return sum(1 for r in self.forfallna_rapporter if r.status == R.GODKAND)

    @property
    def forsenade_rapporter(self) -> list[Rapportrad]:
        return [r for r in self.rapporter if r.forsenad]

    @property
    def framdrift(self) -> str:
        rapport = self.senaste_rapport
        return rapport.framdrift if rapport else ""

    @property
    def ar_genomfort(self) -> bool:
        """All milestones done and every report that has fallen due is accepted, with the
        provider's last word "uppnått" or the commission closed."""
        return (
            bool(self.milstolpar)
            and self.milstolpar_klara == len(self.milstolpar)
            and bool(self.forfallna_rapporter)
            and self.rapporter_godkanda == len(self.forfallna_rapporter)
            and (
                self.framdrift == Framdrift.UPPNATT
                or self.uppdrag.status == Uppdrag.Status.AVSLUTAD
            )
        )

    @property
    def genomforande(self) -> Lage:
        if self.ar_genomfort:
            return Lage("genomfort", "✓", "Genomfört")
        if self.framdrift == Framdrift.AVVIKER:
            return Lage("avviker", FRAMDRIFT_IKON[Framdrift.AVVIKER], "Avviker från planen")
        if (
            self.framdrift == Framdrift.RISK
            or self.milstolpar_forsenade
            or self.forsenade_rapporter
        ):
            return Lage("risk", "⚠", "Risk för avvikelse")
        if not self.framdrift:
            return Lage("ej_rapporterat", "○", "Ingen återrapport ännu")
        return Lage("enligt_plan", FRAMDRIFT_IKON[Framdrift.ENLIGT_PLAN], "Enligt plan")

    # -- outcome --
    @property
    def indikatormal(self) -> list[Malrad]:
        return [r for r in self.malrader if r.ar_indikatormal]

    @property
    def bedomda(self) -> list[Malrad]:
        """Goals the data can speak about: judged, or found unchanged inside the interval."""
        return [
            r
            for r in self.indikatormal
            if r.bedomning.status != Maluppfyllelse.KAN_EJ_BEDOMAS or r.bedomning.inom_ki
        ]

    @property
    def antal_per_status(self) -> list[tuple[str, str, int]]:
        rakning = defaultdict(int)
        for r in self.indikatormal:
            rakning[r.bedomning.status] += 1
        return [(s.label, IKON[s], rakning[s]) for s in Maluppfyllelse if rakning[s]]

    @property
    def utfall(self) -> Lage:
        if not self.indikatormal:
            return Lage("inga_mal", "–", "Inga mål med indikator")
        bedomda = self.bedomda
        if not bedomda:
            return Lage("for_tidigt", "?", "För tidigt att bedöma")
        i_fas = sum(1 for r in bedomda if r.bedomning.i_fas)
        if i_fas == 0:
            return Lage("ror_sig_inte", "⚠", "Hälsan rör sig inte mot målen")
        if i_fas == len(bedomda):
            return Lage("pa_vag", "✓", "På väg mot målen")
        return Lage("blandat", "◐", f"Blandat: {i_fas} av {len(bedomda)} mål i fas")

    @property
    def genomfort_utan_effekt(self) -> str:
        """The sentence that makes "done, but health didn't move" impossible to miss."""
        if self.utfall.nyckel != "ror_sig_inte":
            return ""
        if self.ar_genomfort:
            return "Uppdraget är genomfört fullt – men hälsan har inte rört sig mot målen."
        if self.genomforande.nyckel == "enligt_plan":
            return "Arbetet går enligt plan – men hälsan rör sig inte mot målen."
        return ""

    # -- decisions --
    @property
    def fortsattning(self) -> Fortsattningsbeslut | None:
        if self.nasta_ar is None:
            return None
        return next(
            (
                f
                for f in self.uppdrag.fortsattningsbeslut.all()
                if f.planeringsar_id == self.nasta_ar.pk
            ),
            None,
        )

    @property
    def behover_fortsattningsbeslut(self) -> bool:
        return (
            self.nasta_ar is not None
            and ar_lopande(self.uppdrag, self.nasta_ar.ar)
            and self.fortsattning is None
        )

    @property
    def skal_till_beslut(self) -> list[str]:
        """Why this commission is among the few that need the elected representatives'
        attention (empty: it is among the many on track)."""
        skal = []
        if self.genomfort_utan_effekt:
            skal.append(self.genomfort_utan_effekt)
        elif self.utfall.nyckel == "ror_sig_inte":
            skal.append("Hälsan rör sig inte mot målen.")
        if self.framdrift in {Framdrift.RISK, Framdrift.AVVIKER}:
            rapport = self.senaste_rapport
            skal.append(
                f"Utföraren rapporterar {Framdrift(self.framdrift).label.lower()} "
                f"({rapport.period})."
            )
        for r in self.forsenade_rapporter:
            skal.append(
                f"Återrapporten {r.period} är försenad (skulle lämnas {r.senast:%Y-%m-%d})."
            )
        if self.milstolpar_forsenade:
            skal.append(f"{self.milstolpar_forsenade} milstolpe(ar) försenade.")
        if self.behover_fortsattningsbeslut:
            skal.append(
                f"Beslut saknas om att fortsätta, revidera eller avsluta inför {self.nasta_ar.ar}."
            )
        return skal


def ar_lopande(uppdrag: Uppdrag, ar: int) -> bool:
    """Running when planning year `ar` starts: decided or under way, from an earlier year, and
    not over before the year in which `ar` is prepared."""
    return (
        uppdrag.status in LOPANDE and uppdrag.planeringsar.ar < ar and uppdrag.slut.year >= ar - 1
    )


_NASTA = object()  # the planning year after each commission's own


def uppdragslagen(
    uppdrag: Iterable[Uppdrag],
    *,
    idag: dt.date,
    alla_uppdelningar: bool = False,
    fortsattning_for: Planeringsar | None | object = _NASTA,
    bara_godkanda: bool = False,
) -> list[Uppdragslage]:
    """Follow-up rows for commissions loaded with `med_uppfoljning`: one query for the values
    of every goal, one for the next planning years; the rest is already in memory.
    `fortsattning_for` is the year a continue/revise/close decision is looked for (by
    default the year after each commission's own). `bara_godkanda`: the provider's progress
    and goal comments only from accepted reports."""
    uppdrag = list(uppdrag)
    hem = (
        Omrade.hemregion()
        if any(m.omrade_id is None for u in uppdrag for m in u.mal.all())
        else None
    )
    mal = [m for u in uppdrag for m in u.mal.all() if m.indikator_id]
    par = {(m.indikator_id, m.omrade_id or (hem.pk if hem else 0)) for m in mal}
    omraden = {omrade for _, omrade in par}
    delomraden = (
        list(Omrade.objects.filter(foralder_id__in=omraden).order_by("namn"))
        if alla_uppdelningar and omraden
        else None
    )
    varden = Varden(
        par
        | {
            (indikator, o.pk)
            for indikator, omrade in par
            for o in delomraden or []
            if o.foralder_id == omrade
        },
        alla_uppdelningar=alla_uppdelningar,
    )
    ar = {u.planeringsar.ar + 1 for u in uppdrag} if fortsattning_for is _NASTA else set()
    nasta = {p.ar: p for p in Planeringsar.objects.filter(ar__in=ar)} if ar else {}
    rader = rapportrader(uppdrag, idag=idag)
    per_uppdrag: dict[int, list[Rapportrad]] = defaultdict(list)
    for r in rader:
        per_uppdrag[r.uppdrag.pk].append(r)
    resultat = []
    for u in uppdrag:
        senaste_status = {}
        for rapport in u.aterrapporter.all():  # ordered by deadline: the last one wins
            if rapport.rapportstatus == R.GODKAND or (
                not bara_godkanda and rapport.rapportstatus != R.VANTAR
            ):
                for s in rapport.malstatus.all():
                    senaste_status[s.mal_id] = s
        resultat.append(
            Uppdragslage(
                uppdrag=u,
                malrader=[malrad(m, varden, hem, senaste_status, delomraden) for m in u.mal.all()],
                milstolpar=[
                    Milstolpsrad(m, m.klar is None and m.datum < idag) for m in u.milstolpar.all()
                ],
                rapporter=per_uppdrag[u.pk],
                idag=idag,
                nasta_ar=nasta.get(u.planeringsar.ar + 1)
                if fortsattning_for is _NASTA
                else fortsattning_for,
                bara_godkanda=bara_godkanda,
            )
        )
    return resultat


def bedomningar(lagen: list[Uppdragslage]) -> dict[str, dict[str, str]]:
    """The goal judgements as the body sees them, to keep with its decision."""
    return {
        str(rad.mal.pk): {
            "status": rad.bedomning.status.value,
            "forklaring": rad.bedomning.forklaring,
        }
        for lage in lagen
        for rad in lage.indikatormal
    }


def synliga_uppdrag(user, planeringsar: Planeringsar | None) -> QuerySet[Uppdrag]:  # noqa: ANN001
    """The commissions of a year that the follow-up is about, as far as the user may see."""
    return (
        Uppdrag.objects.for_anvandare(user)
        .filter(planeringsar=planeringsar)
        .filter(
            Q(status__in=[Uppdrag.Status.BESLUTAD, Uppdrag.Status.PAGAR, Uppdrag.Status.AVSLUTAD])
        )
        .order_by("titel")
    )


# --- Starting the next planning year: what is still unmet ------------------------------------


@dataclass
class Gaprad:
    gap: Halsogap
    senaste: Matpunkt | None  # the latest value in the data now
    storlek: float | None  # the gap with that value, in the indicator's direction
    overford: Halsogap | None  # the same gap in next year's analysis, if it is there

    @property
    def ar_ouppfyllt(self) -> bool:
        return self.storlek is None or self.storlek > 0


@dataclass
class Gruppoverforing:
    analys: Behovsanalys
    ny: Behovsanalys | None
    gap: list[Gaprad]

    @property
    def ouppfyllda(self) -> list[Gaprad]:
        return [g for g in self.gap if g.ar_ouppfyllt]

    @property
    def saknas(self) -> int:
        """Unmet gaps not (yet) in next year's analysis."""
        return sum(1 for g in self.ouppfyllda if g.overford is None)


def overforing(ar: int) -> list[Gruppoverforing]:
    """For each needs group analysed for `ar - 1`: its gaps with today's values, which are
    unmet, and whether `ar`'s analysis already carries them. Three queries."""
    gap_qs = Halsogap.objects.select_related("indikator", "omrade", "malbeslut").order_by("pk")
    forra = list(
        Behovsanalys.objects.filter(planeringsar__ar=ar - 1)
        .select_related("behovsgrupp")
        .prefetch_related(Prefetch("halsogap", queryset=gap_qs))
        .order_by("behovsgrupp__namn")
    )
    nya = {
        a.behovsgrupp_id: a
        for a in Behovsanalys.objects.filter(planeringsar__ar=ar).prefetch_related("halsogap")
    }
    alla_gap = [g for a in forra for g in a.halsogap.all()]
    varden = Varden(
        {(g.indikator_id, g.omrade_id) for g in alla_gap},
        alla_uppdelningar=any(g.dimension for g in alla_gap),
    )
    resultat = []
    for analys in forra:
        ny = nya.get(analys.behovsgrupp_id)
        nycklar = {
            (g.indikator_id, g.omrade_id, g.kon, g.dimension, g.kategori): g
            for g in (ny.halsogap.all() if ny else [])
        }
        rader = []
        for gap in analys.halsogap.all():
            nyckel = (gap.indikator_id, gap.omrade_id, gap.kon, gap.dimension, gap.kategori)
            med_varde = [p for p in varden.serie(*nyckel) if p.varde is not None]
            senaste = med_varde[-1] if med_varde else None
            nu = copy.copy(gap)
            nu.aktuellt_varde = senaste.varde if senaste else None
            rader.append(Gaprad(gap, senaste, nu.storlek, nycklar.get(nyckel)))
        resultat.append(Gruppoverforing(analys, ny, rader))
    return resultat


T = TypeVar("T")


def per_prioritering(
    planeringsar: Planeringsar, per_uppdrag: dict[int, T]
) -> tuple[list[tuple[Prioriteringsomgang, Prioriteringsobjekt, list[T]]], list[T]]:
    """The year's decided priorities in their order, each with the entries (`per_uppdrag`:
    commission pk → whatever the page shows of it) of its commissions; and the entries of
    commissions outside every decided priority. Two queries."""
    omgangar = (
        Prioriteringsomgang.objects.filter(
            planeringsar=planeringsar, status=Prioriteringsomgang.Status.BESLUTAD
        )
        .select_related("organ", "beslut")
        .prefetch_related(
            Prefetch(
                "objekt",
                queryset=Prioriteringsobjekt.objects.filter(placering__isnull=False)
                .select_related("behovsgrupp")
                .prefetch_related("uppdrag")
                .order_by("placering"),
            )
        )
    )
    delar, med_prioritering = [], set()
    for omgang in omgangar:
        for obj in omgang.objekt.all():
            egna = [per_uppdrag[u.pk] for u in obj.uppdrag.all() if u.pk in per_uppdrag]
            med_prioritering.update(u.pk for u in obj.uppdrag.all() if u.pk in per_uppdrag)
            delar.append((omgang, obj, egna))
    ovriga = [post for pk, post in per_uppdrag.items() if pk not in med_prioritering]
    return delar, ovriga
