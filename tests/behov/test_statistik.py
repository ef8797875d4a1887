"""The CI comparison rule and the polarity-aware gap arithmetic, as tables of cases."""

from __future__ import annotations

import pytest

from behov.models import Halsogap, Indikator, Polaritet
from behov.statistik import Jamforelse, jamfor

H, L, N = Polaritet.HOGRE_BATTRE, Polaritet.LAGRE_BATTRE, Polaritet.INGEN


@pytest.mark.parametrize(
    ("varde", "ki", "ref", "ref_ki", "polaritet", "vantat"),
    [
        (70, (68, 72), 60, (58, 62), H, Jamforelse.BATTRE),
        (70, (68, 72), 60, (58, 62), L, Jamforelse.SAMRE),
        (50, (48, 52), 60, (58, 62), L, Jamforelse.BATTRE),
        (50, (48, 52), 60, (58, 62), H, Jamforelse.SAMRE),
        (70, (68, 72), 60, (58, 62), N, Jamforelse.HOGRE),
        (50, (48, 52), 60, (58, 62), N, Jamforelse.LAGRE),
        (61, (59, 63), 60, (58, 62), H, Jamforelse.INGEN_SKILLNAD),  # overlapping
        (62, (60, 64), 58, (56, 60), H, Jamforelse.INGEN_SKILLNAD),  # touching counts as overlap
        (
            70,
            (None, None),
            60,
            (58, 62),
            H,
            Jamforelse.KAN_EJ_BEDOMAS,
        ),  # no CI: never "significant"
        (70, (68, 72), 60, (None, None), H, Jamforelse.KAN_EJ_BEDOMAS),
        (None, (None, None), 60, (58, 62), H, Jamforelse.KAN_EJ_BEDOMAS),
    ],
)
def test_jamforelse_med_konfidensintervall(varde, ki, ref, ref_ki, polaritet, vantat):
    assert jamfor(varde, ki, ref, ref_ki, polaritet) == vantat


@pytest.mark.parametrize(
    ("polaritet", "aktuellt", "mal", "storlek", "relativ"),
    [
        (H, 60.0, 70.0, 10.0, 10 / 60),  # higher is better: 10 short
        (L, 20.0, 15.0, 5.0, 0.25),  # lower is better: 5 too high
        (H, 72.0, 70.0, -2.0, -2 / 72),  # past the target: negative = reached
        (L, 14.0, 15.0, -1.0, -1 / 14),
        (N, 10.0, 12.0, 2.0, 0.2),  # no direction: the distance
        (H, None, 70.0, None, None),  # missing current value: can't judge
        (H, 60.0, None, None, None),
    ],
)
def test_gapets_storlek_i_indikatorns_riktning(polaritet, aktuellt, mal, storlek, relativ):
    gap = Halsogap(
        indikator=Indikator(polaritet=polaritet), aktuellt_varde=aktuellt, foreslaget_mal=mal
    )
    assert gap.storlek == (pytest.approx(storlek) if storlek is not None else None)
    assert gap.relativ_storlek == (pytest.approx(relativ) if relativ is not None else None)


def test_beslutat_mal_gar_fore_forslaget():
    gap = Halsogap(
        indikator=Indikator(polaritet=L),
        aktuellt_varde=20.0,
        foreslaget_mal=18.0,
        beslutat_mal=15.0,
    )
    assert gap.malvarde == 15.0 and gap.storlek == pytest.approx(5.0)
