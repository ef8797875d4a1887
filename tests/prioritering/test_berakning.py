"""The arithmetic: Borda with ties and the spread, the allocation against the frame, and the
+5 % / −5 % marginal view."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from prioritering.berakning import (
    Fordelningsrad,
    borda,
    marginal_mer,
    marginal_mindre,
    summera,
)

A, B, C, D = (SimpleNamespace(pk=i, rubrik=r) for i, r in enumerate("ABCD", start=1))
ERIK, MARIA, LENA = (
    SimpleNamespace(namn=n, parti=p) for n, p in [("Erik", "S"), ("Maria", "M"), ("Lena", "SD")]
)


def _platser(*ordning: SimpleNamespace) -> dict[int, int]:
    return {o.pk: plats for plats, o in enumerate(ordning, start=1)}


def test_borda_summerar_poang_och_ordnar():
    samlad = borda(
        [A, B, C, D],
        [(ERIK, _platser(A, B, C, D)), (MARIA, _platser(B, A, C, D)), (LENA, _platser(A, C, B, D))],
    )
    # n = 4: 1st = 3 points, 2nd = 2, 3rd = 1, 4th = 0.
    assert [(r.objekt.rubrik, r.poang, r.plats) for r in samlad.rader] == [
        ("A", 8, 1),
        ("B", 6, 2),
        ("C", 4, 3),
        ("D", 0, 4),
    ]
    assert samlad.forsta_poang == 3 and samlad.antal_rangordningar == 3


def test_lika_poang_ger_delad_plats_och_nasta_plats_hoppar():
    samlad = borda([A, B, C], [(ERIK, _platser(A, B, C)), (MARIA, _platser(B, A, C))])
    assert [(r.objekt.rubrik, r.poang, r.plats, r.delad) for r in samlad.rader] == [
        ("A", 3, 1, True),
        ("B", 3, 1, True),
        ("C", 0, 3, False),
    ]
    assert samlad.antal_delade == 2


def test_spridningen_visar_vem_som_satte_behovet_var():
    samlad = borda(
        [A, B, C, D],
        [(ERIK, _platser(A, B, C, D)), (MARIA, _platser(D, B, C, A)), (LENA, _platser(A, B, D, C))],
    )
    per_rubrik = {r.objekt.rubrik: r for r in samlad.rader}
    a = per_rubrik["A"]
    assert [(lp.ledamot.namn, lp.plats) for lp in a.platser] == [
        ("Erik", 1),
        ("Maria", 4),
        ("Lena", 1),
    ]
    assert (a.hogst, a.lagst, a.spridning) == (1, 4, 3)
    assert a.per_plats == [[ERIK, LENA], [], [], [MARIA]]
    assert a.oenighet == "Stor oenighet"
    assert per_rubrik["B"].oenighet == "Eniga"
    assert per_rubrik["C"].oenighet == "Nära eniga"  # 3, 3, 4


def test_tva_behov_i_motsatt_ordning_ar_stor_oenighet():
    samlad = borda([A, B], [(ERIK, _platser(A, B)), (MARIA, _platser(B, A))])
    assert [(r.objekt.rubrik, r.spridning, r.oenighet) for r in samlad.rader] == [
        ("A", 1, "Stor oenighet"),
        ("B", 1, "Stor oenighet"),
    ]
    # With three needs, one place apart is still near agreement.
    samlad = borda([A, B, C], [(ERIK, _platser(A, B, C)), (MARIA, _platser(B, A, C))])
    assert {r.objekt.rubrik: r.oenighet for r in samlad.rader} == {
        "A": "Nära eniga",
        "B": "Nära eniga",
        "C": "Eniga",
    }


def test_utan_rangordningar_ar_den_samlade_tom():
    samlad = borda([A, B], [])
    assert samlad.tom and all(r.poang == 0 for r in samlad.rader)
    assert not any(r.delad for r in samlad.rader)


def _rad(
    objekt: SimpleNamespace, plats: int, belopp: int | None, kostnad: int | None
) -> Fordelningsrad:
    return Fordelningsrad(
        objekt,
        plats,
        None if belopp is None else Decimal(belopp),
        None if kostnad is None else Decimal(kostnad),
    )


def test_summan_mot_ramen_med_tydligt_meddelande():
    rader = [_rad(A, 1, 6000, 6000), _rad(B, 2, 3000, 5000), _rad(C, 3, None, 2000)]
    under = summera(Decimal(10_000), rader)
    assert (under.summa, under.skillnad, under.over_ramen) == (Decimal(9000), Decimal(1000), False)
    assert under.meddelande == "1\u00a0000 tkr av ramen är inte fördelade (reserv)."
    over = summera(Decimal(8_000), rader)
    assert over.over_ramen
    assert over.meddelande.startswith("Fördelningen överstiger ramen med 1\u00a0000 tkr.")
    assert summera(Decimal(9_000), rader).meddelande == "Hela ramen är fördelad."


def test_fem_procent_mer_gar_till_de_hogst_placerade_som_saknar_pengar():
    rader = [
        _rad(A, 1, 6000, 6000),
        _rad(B, 2, 3000, 3400),
        _rad(C, 3, 500, 3000),
        _rad(D, 4, 0, None),
    ]
    mer = marginal_mer(Decimal(10_000), rader)
    # New frame 10 500, allocated 9 500: 1 000 to place. A is fully paid, B needs 400, C gets the rest.
    assert mer.ny_ram == Decimal(10_500) and mer.att_fordela == Decimal(1000)
    assert [(r.objekt.rubrik, r.belopp, r.hela) for r in mer.rader] == [
        ("B", Decimal(400), True),
        ("C", Decimal(600), False),
    ]
    assert mer.kvar == 0


def test_fem_procent_mer_som_inte_behovs_blir_kvar():
    mer = marginal_mer(Decimal(10_000), [_rad(A, 1, 10_000, 10_000), _rad(B, 2, None, None)])
    assert mer.rader == [] and mer.kvar == Decimal(500) and mer.utan_kostnad == [B]


def test_fem_procent_mindre_tas_nedifran_efter_reserven():
    rader = [_rad(A, 1, 6000, 6000), _rad(B, 2, 3000, 3000), _rad(C, 3, 300, 1000)]
    mindre = marginal_mindre(Decimal(10_000), rader)
    # New frame 9 500, allocated 9 300: the 700 reserve absorbs the cut.
    assert mindre.rader == [] and mindre.att_fordela == 0
    rader = [_rad(A, 1, 6000, 6000), _rad(B, 2, 3700, 4000), _rad(C, 3, 300, 1000)]
    mindre = marginal_mindre(Decimal(10_000), rader)
    # Allocated 10 000, new frame 9 500: 500 to give up, from the bottom: C's 300, then 200 of B.
    assert mindre.belopp == Decimal(500)
    assert [(r.objekt.rubrik, r.belopp, r.hela) for r in mindre.rader] == [
        ("C", Decimal(300), True),
        ("B", Decimal(200), False),
    ]
