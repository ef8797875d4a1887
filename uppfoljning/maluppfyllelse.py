"""Goal achievement from data: where an indicator stands against the straight path from a
goal's baseline to its target, judged once, here, for every page, report and test.

The rule (`bedom`), in the order it is applied:

1. **Can't judge** when the goal lacks a baseline, a target value or a target date, or the
   target date is not after the baseline.
2. **Can't judge yet: too few points** unless there are at least `MINSTA_ANTAL_PUNKTER`
   measurements from the baseline on (the baseline itself and two later ones). One new value
   is not a trend (DOMAIN.md: "trend needs several points; say so when there are too few").
3. **Can't judge yet: inside the confidence interval** when the latest value and the
   baseline both have confidence intervals and they overlap (`behov.statistik.jamfor` says
   "no certain difference"). Values without an interval (registers: whole populations) are
   taken as they are.
4. **Target reached** when the latest value is at or past the target in the goal's direction.
5. Otherwise the latest value is compared with where a straight line from (baseline period
   end, baseline value) to (target date, target value) stands at the end of the latest
   period (capped at the target once the target date has passed):
   **on track** if that expected value lies inside the latest value's confidence interval,
   or — without an interval — within a tolerance of 10 % of the whole planned change;
   **ahead** if the latest value is better than that; **behind** if it is worse.

The goal's direction is the one from baseline to target; only a goal that keeps a level
(target = baseline) takes it from the indicator's polarity.

Every judgement carries a sentence saying how it was reached, so a page can show it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models

from behov.models import Polaritet
from behov.statistik import Jamforelse, jamfor

MINSTA_ANTAL_PUNKTER = 3
TOLERANS_UTAN_KI = 0.10  # share of the whole planned change that still counts as on track


class Maluppfyllelse(models.TextChoices):
    NATT = "natt", "Målet nått"
    FORE = "fore", "Före plan"
    ENLIGT_PLAN = "enligt_plan", "Enligt plan"
    EFTER = "efter", "Efter plan"
    KAN_EJ_BEDOMAS = "kan_ej_bedomas", "Kan inte bedömas ännu"


IKON = {
    Maluppfyllelse.NATT: "✓",
    Maluppfyllelse.FORE: "»",
    Maluppfyllelse.ENLIGT_PLAN: "→",
    Maluppfyllelse.EFTER: "⚠",
    Maluppfyllelse.KAN_EJ_BEDOMAS: "?",
}
# What counts as "moving toward the target" when commissions are summarised.
I_FAS = frozenset({Maluppfyllelse.NATT, Maluppfyllelse.FORE, Maluppfyllelse.ENLIGT_PLAN})


@dataclass(frozen=True)
class Matpunkt:
    """One measured value: the period's label and last day, with its confidence interval."""

    period: str
    slut: dt.date
    varde: float | None
    ki_lag: float | None = None
    ki_hog: float | None = None

    @property
    def har_ki(self) -> bool:
        return self.ki_lag is not None and self.ki_hog is not None


@dataclass(frozen=True)
class Bedomning:
    status: Maluppfyllelse
    forklaring: str  # how it was judged, in Swedish, for the page
    senaste: Matpunkt | None = None
    forvantat: float | None = None  # where the straight path says the value should be now
    antal_punkter: int = 0
    for_fa_punkter: bool = False
    inom_ki: bool = False

    @property
    def ikon(self) -> str:
        return IKON[self.status]

    @property
    def etikett(self) -> str:
        return self.status.label

    @property
    def i_fas(self) -> bool:
        return self.status in I_FAS


def _tal(varde: float, decimaler: int) -> str:
    text = f"{varde:,.{decimaler}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def periodens_slut(period: str) -> dt.date | None:
    """The last day of a period label as values carry it ("2024", "2019–2022", "2026 T2"):
    the last four-digit year in it, 31 December. None when there is no year."""
    ar = [del_ for del_ in period.replace("–", " ").replace("-", " ").split() if del_.isdigit()]
    ar = [int(a) for a in ar if len(a) == 4]
    return dt.date(ar[-1], 12, 31) if ar else None


def bedom(
    *,
    baslinje: float | None,
    baslinje_slut: dt.date | None,
    malvarde: float | None,
    maldatum: dt.date | None,
    punkter: Iterable[Matpunkt],
    polaritet: str = Polaritet.INGEN,
    baslinje_ki: tuple[float | None, float | None] = (None, None),
    decimaler: int = 1,
) -> Bedomning:
    """Judge a goal against the straight path from baseline to target (see module doc).

    `punkter` is the indicator's series for the goal's area and sex, in any order; missing
    values (None) are skipped, never read as 0."""
    K = Maluppfyllelse
    if baslinje is None or baslinje_slut is None or malvarde is None or maldatum is None:
        return Bedomning(K.KAN_EJ_BEDOMAS, "Baslinje, målvärde eller måldatum saknas för målet.")
    if maldatum <= baslinje_slut:
        return Bedomning(K.KAN_EJ_BEDOMAS, "Måldatumet ligger inte efter baslinjen.")

    def t(v: float) -> str:
        return _tal(v, decimaler)

    efter_baslinjen = sorted(
        (p for p in punkter if p.varde is not None and p.slut > baslinje_slut),
        key=lambda p: p.slut,
    )
    antal = 1 + len(efter_baslinjen)
    senaste = efter_baslinjen[-1] if efter_baslinjen else None
    if antal < MINSTA_ANTAL_PUNKTER:
        return Bedomning(
            K.KAN_EJ_BEDOMAS,
            f"För få mätpunkter: {antal} från baslinjen ({baslinje_slut.year}) och framåt, "
            f"minst {MINSTA_ANTAL_PUNKTER} behövs för att bedöma en utveckling.",
            senaste=senaste,
            antal_punkter=antal,
            for_fa_punkter=True,
        )
    assert senaste is not None and senaste.varde is not None
    varde = senaste.varde

    if malvarde != baslinje:
        riktning = 1 if malvarde > baslinje else -1
    elif polaritet == Polaritet.HOGRE_BATTRE:
        riktning = 1
    elif polaritet == Polaritet.LAGRE_BATTRE:
        riktning = -1
    else:
        return Bedomning(
            K.KAN_EJ_BEDOMAS,
            "Målet anger ingen riktning (målvärdet är baslinjen och indikatorn saknar riktning).",
            senaste=senaste,
            antal_punkter=antal,
        )

    if (
        jamfor(varde, (senaste.ki_lag, senaste.ki_hog), baslinje, baslinje_ki, polaritet)
        == Jamforelse.INGEN_SKILLNAD
    ):
        return Bedomning(
            K.KAN_EJ_BEDOMAS,
            f"Förändringen sedan baslinjen ({t(baslinje)} → {t(varde)} {senaste.period}) ligger "
            "inom konfidensintervallen; ingen säker förändring ännu.",
            senaste=senaste,
            antal_punkter=antal,
            inom_ki=True,
        )

    if riktning * (varde - malvarde) >= 0:
        return Bedomning(
            K.NATT,
            f"Senaste värdet {t(varde)} ({senaste.period}) har nått målet {t(malvarde)}.",
            senaste=senaste,
            antal_punkter=antal,
        )

    andel = (senaste.slut - baslinje_slut).days / (maldatum - baslinje_slut).days
    andel = min(max(andel, 0.0), 1.0)
    forvantat = baslinje + (malvarde - baslinje) * andel
    bana = (
        f"en rak bana från baslinjen {t(baslinje)} ({baslinje_slut.year}) till målet "
        f"{t(malvarde)} ({maldatum:%Y-%m-%d}) anger {t(forvantat)} för {senaste.period}"
    )
    if senaste.har_ki:
        inom = senaste.ki_lag <= forvantat <= senaste.ki_hog
        hur = "inom" if inom else "utanför"
        matt = f"banans värde ligger {hur} konfidensintervallet {t(senaste.ki_lag)}–{t(senaste.ki_hog)}"
    else:
        tolerans = TOLERANS_UTAN_KI * abs(malvarde - baslinje)
        inom = abs(varde - forvantat) <= tolerans
        matt = f"marginal ±{t(tolerans)} (10 % av hela den planerade förändringen)"
    grund = f"Senaste värdet {t(varde)} ({senaste.period}); {bana}; {matt}."
    if inom:
        return Bedomning(K.ENLIGT_PLAN, grund, senaste, forvantat, antal)
    if riktning * (varde - forvantat) > 0:
        return Bedomning(K.FORE, grund, senaste, forvantat, antal)
    fel_hall = riktning * (varde - baslinje) < 0
    if fel_hall:
        grund += " Värdet har gått åt fel håll sedan baslinjen."
    if senaste.slut >= maldatum:
        grund += " Måldatumet har passerats."
    return Bedomning(K.EFTER, grund, senaste, forvantat, antal)


# --- The gap between two groups over time -------------------------------------------------


class Skillnadsutveckling(models.TextChoices):
    MINSKAT = "minskat", "Skillnaden har minskat"
    OKAT = "okat", "Skillnaden har ökat"
    OFORANDRAD = "oforandrad", "Ingen säker förändring av skillnaden"
    KAN_EJ_BEDOMAS = "kan_ej_bedomas", "Kan inte bedömas ännu"


SKILLNAD_IKON = {
    Skillnadsutveckling.MINSKAT: "✓",
    Skillnadsutveckling.OKAT: "⚠",
    Skillnadsutveckling.OFORANDRAD: "→",
    Skillnadsutveckling.KAN_EJ_BEDOMAS: "?",
}


def skillnad(a: Matpunkt, b: Matpunkt) -> Matpunkt:
    """Group A minus group B for one period. The interval of a difference between two
    independent groups: half-width √(ha² + hb²) — wider than either group's own."""
    if a.varde is None or b.varde is None:
        return Matpunkt(a.period, a.slut, None)
    if a.har_ki and b.har_ki:
        ha, hb = (a.ki_hog - a.ki_lag) / 2, (b.ki_hog - b.ki_lag) / 2
        halv = (ha * ha + hb * hb) ** 0.5
        d = a.varde - b.varde
        return Matpunkt(a.period, a.slut, d, d - halv, d + halv)
    return Matpunkt(a.period, a.slut, a.varde - b.varde)


def skillnadens_utveckling(
    forsta: Matpunkt | None, senaste: Matpunkt | None, *, decimaler: int = 1
) -> tuple[Skillnadsutveckling, str]:
    """Has the gap between two groups narrowed from `forsta` to `senaste`? Compared as sizes
    (absolute values). With intervals on both, only a change the intervals can carry counts;
    without, a change under 10 % of the first gap counts as no change."""
    S = Skillnadsutveckling
    if forsta is None or senaste is None or forsta.varde is None or senaste.varde is None:
        return S.KAN_EJ_BEDOMAS, "Det finns inte värden för båda grupperna i två perioder."
    if forsta.slut >= senaste.slut:
        return S.KAN_EJ_BEDOMAS, "Bara en period med värden för båda grupperna."
    fore, nu = abs(forsta.varde), abs(senaste.varde)
    text = (
        f"Skillnaden var {_tal(fore, decimaler)} ({forsta.period}) och är "
        f"{_tal(nu, decimaler)} ({senaste.period})"
    )
    if forsta.har_ki and senaste.har_ki:
        # Interval of the size |d|: the interval of d folded at zero.
        def storlek(p: Matpunkt) -> tuple[float, float]:
            lag, hog = sorted((abs(p.ki_lag), abs(p.ki_hog)))
            return (0.0 if p.ki_lag <= 0 <= p.ki_hog else lag), hog

        (f_lag, f_hog), (n_lag, n_hog) = storlek(forsta), storlek(senaste)
        if n_hog < f_lag:
            return S.MINSKAT, text + "; konfidensintervallen överlappar inte."
        if n_lag > f_hog:
            return S.OKAT, text + "; konfidensintervallen överlappar inte."
        return S.OFORANDRAD, text + "; konfidensintervallen överlappar."
    grans = 0.10 * fore
    if nu < fore - grans:
        return S.MINSKAT, text + "."
    if nu > fore + grans:
        return S.OKAT, text + "."
    return S.OFORANDRAD, text + " (mindre än 10 % förändring)."
