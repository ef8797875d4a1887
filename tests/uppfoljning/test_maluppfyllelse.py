"""The goal-achievement rule as a table of cases: one row per situation the rule must tell
apart, each with the words a reader will see."""

from __future__ import annotations

import datetime as dt

import pytest

from uppfoljning.maluppfyllelse import (
    Maluppfyllelse as M,
)
from uppfoljning.maluppfyllelse import (
    Matpunkt,
    Skillnadsutveckling,
    bedom,
    periodens_slut,
    skillnad,
    skillnadens_utveckling,
)

HB, LB, INGEN = "hogre_battre", "lagre_battre", "ingen"


def ar(ar_: int, varde: float | None, ki: float | None = None) -> Matpunkt:
    """A yearly value; `ki` is the half-width of its confidence interval."""
    return Matpunkt(
        str(ar_),
        dt.date(ar_, 12, 31),
        varde,
        None if ki is None or varde is None else varde - ki,
        None if ki is None or varde is None else varde + ki,
    )


# Baseline 2023, target 2028: at the end of 2025 the straight path is 40 % of the way.
BAS = dt.date(2023, 12, 31)
MAL = dt.date(2028, 12, 31)

FALL = [
    # (name, baseline, target, polarity, points, baseline CI half-width, expected, words in the explanation)
    (
        "mål saknar målvärde",
        20.0,
        None,
        LB,
        [ar(2024, 19), ar(2025, 18)],
        None,
        M.KAN_EJ_BEDOMAS,
        "saknas",
    ),
    (
        "bara ett värde efter baslinjen",
        20.0,
        15.0,
        LB,
        [ar(2023, 20), ar(2024, 18)],
        None,
        M.KAN_EJ_BEDOMAS,
        "För få mätpunkter: 2",
    ),
    (
        "värden före baslinjen räknas inte",
        20.0,
        15.0,
        LB,
        [ar(2019, 22), ar(2020, 21), ar(2021, 21), ar(2024, 19)],
        None,
        M.KAN_EJ_BEDOMAS,
        "För få mätpunkter",
    ),
    (
        "ett saknat värde är ingen mätpunkt",
        20.0,
        15.0,
        LB,
        [ar(2024, None), ar(2025, 18)],
        None,
        M.KAN_EJ_BEDOMAS,
        "För få mätpunkter",
    ),
    (
        "förändringen ligger inom konfidensintervallen",
        60.0,
        70.0,
        HB,
        [ar(2024, 60.5, 1.3), ar(2025, 61.5, 1.3)],
        1.3,
        M.KAN_EJ_BEDOMAS,
        "inom konfidensintervallen",
    ),
    (
        "målet nått, lägre är bättre",
        6.2,
        5.9,
        LB,
        [ar(2024, 5.8), ar(2025, 5.6)],
        None,
        M.NATT,
        "har nått målet 5,9",
    ),
    (
        "målet nått, högre är bättre",
        50.0,
        55.0,
        HB,
        [ar(2024, 53), ar(2025, 56)],
        None,
        M.NATT,
        "har nått målet",
    ),
    ("före plan", 797.0, 717.0, LB, [ar(2024, 780), ar(2025, 744)], None, M.FORE, "anger 765"),
    (
        "enligt plan inom marginalen",
        289.0,
        260.0,
        LB,
        [ar(2024, 279), ar(2025, 278)],
        None,
        M.ENLIGT_PLAN,
        "marginal ±2,9",
    ),
    (
        "efter plan men åt rätt håll",
        78.5,
        88.7,
        HB,
        [ar(2024, 79.9), ar(2025, 80.4)],
        None,
        M.EFTER,
        "anger 82,6",
    ),
    (
        "efter plan, åt fel håll",
        27.5,
        24.8,
        LB,
        [ar(2024, 28.3, 0.4), ar(2025, 28.8, 0.4)],
        0.4,
        M.EFTER,
        "fel håll",
    ),
    (
        "enligt plan: banan ligger inom senaste KI",
        30.0,
        20.0,
        LB,
        [ar(2024, 28.5, 0.6), ar(2025, 26.5, 0.6)],
        0.6,
        M.ENLIGT_PLAN,
        "inom konfidensintervallet",
    ),
    (
        "före plan: banan ligger utanför senaste KI",
        30.0,
        20.0,
        LB,
        [ar(2024, 27, 0.6), ar(2025, 24.0, 0.6)],
        0.6,
        M.FORE,
        "utanför konfidensintervallet",
    ),
    (
        "måldatum passerat utan att målet nåtts",
        20.0,
        15.0,
        LB,
        [ar(2027, 18), ar(2028, 17), ar(2029, 16)],
        None,
        M.EFTER,
        "Måldatumet har passerats",
    ),
    (
        "hålla nivån, lägre är bättre och klarat",
        10.0,
        10.0,
        LB,
        [ar(2024, 10), ar(2025, 9.8)],
        None,
        M.NATT,
        "har nått målet",
    ),
    (
        "hålla nivån utan riktning",
        10.0,
        10.0,
        INGEN,
        [ar(2024, 10), ar(2025, 11)],
        None,
        M.KAN_EJ_BEDOMAS,
        "ingen riktning",
    ),
]


@pytest.mark.parametrize(
    ("baslinje", "malvarde", "polaritet", "punkter", "bas_ki", "vantat", "ord"),
    [f[1:] for f in FALL],
    ids=[f[0] for f in FALL],
)
def test_bedomning(baslinje, malvarde, polaritet, punkter, bas_ki, vantat, ord):
    resultat = bedom(
        baslinje=baslinje,
        baslinje_slut=BAS,
        malvarde=malvarde,
        maldatum=MAL,
        punkter=punkter,
        polaritet=polaritet,
        baslinje_ki=(baslinje - bas_ki, baslinje + bas_ki) if bas_ki else (None, None),
        decimaler=1,
    )
    assert resultat.status == vantat, resultat.forklaring
    assert ord in resultat.forklaring
    assert resultat.ikon and resultat.etikett  # always a word and an icon


def test_maldatum_fore_baslinjen_kan_inte_bedomas():
    resultat = bedom(
        baslinje=10,
        baslinje_slut=BAS,
        malvarde=8,
        maldatum=dt.date(2023, 6, 30),
        punkter=[ar(2024, 9), ar(2025, 8)],
        polaritet=LB,
    )
    assert resultat.status == M.KAN_EJ_BEDOMAS and "inte efter baslinjen" in resultat.forklaring


def test_forvantat_varde_ar_den_raka_banan():
    resultat = bedom(
        baslinje=100,
        baslinje_slut=BAS,
        malvarde=50,
        maldatum=MAL,
        punkter=[ar(2024, 95), ar(2025, 70)],
        polaritet=LB,
        decimaler=0,
    )
    # Two of five years: 40 % of the way from 100 to 50.
    assert resultat.forvantat == pytest.approx(80, abs=0.2)
    assert resultat.status == M.FORE and resultat.senaste.period == "2025"


@pytest.mark.parametrize(
    ("etikett", "vantat"),
    [
        ("2024", dt.date(2024, 12, 31)),
        ("2019–2022", dt.date(2022, 12, 31)),
        ("2026 T2", dt.date(2026, 12, 31)),
        ("okänd", None),
    ],
)
def test_periodens_slut(etikett, vantat):
    assert periodens_slut(etikett) == vantat


SKILLNADER = [
    ("minskat utan KI", ar(2020, 9.0), ar(2025, 6.0), Skillnadsutveckling.MINSKAT),
    ("ökat utan KI", ar(2020, -4.0), ar(2025, -6.0), Skillnadsutveckling.OKAT),
    ("liten förändring utan KI", ar(2020, 9.0), ar(2025, 8.5), Skillnadsutveckling.OFORANDRAD),
    (
        "minskat, KI överlappar inte",
        ar(2020, 9.0, 1.0),
        ar(2025, 5.0, 1.0),
        Skillnadsutveckling.MINSKAT,
    ),
    ("KI överlappar", ar(2020, 9.0, 2.0), ar(2025, 7.0, 2.0), Skillnadsutveckling.OFORANDRAD),
    ("saknat värde", ar(2020, None), ar(2025, 7.0), Skillnadsutveckling.KAN_EJ_BEDOMAS),
    ("bara en period", ar(2025, 9.0), ar(2025, 9.0), Skillnadsutveckling.KAN_EJ_BEDOMAS),
]


@pytest.mark.parametrize(
    ("forsta", "senaste", "vantat"), [s[1:] for s in SKILLNADER], ids=[s[0] for s in SKILLNADER]
)
def test_skillnadens_utveckling(forsta, senaste, vantat):
    assert skillnadens_utveckling(forsta, senaste)[0] == vantat


def test_skillnadens_konfidensintervall_ar_bredare_an_gruppernas():
    d = skillnad(ar(2025, 30.0, 0.3), ar(2025, 26.0, 0.4))
    assert d.varde == pytest.approx(4.0)
    assert (d.ki_hog - d.ki_lag) / 2 == pytest.approx(0.5)  # √(0,3² + 0,4²)
    assert skillnad(ar(2025, None), ar(2025, 26.0)).varde is None
