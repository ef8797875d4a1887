"""The follow-up reads indicator values for exactly the (indicator, area) pairs its goals
name: at national scale (300 indicators × 311 areas) every indicator × every area would be
most of the table and made the follow-up page take minutes."""

from __future__ import annotations

import datetime as dt

import pytest

from behov.models import Matvarde
from natverken.models import Omrade
from tests.uppfoljning import hjalp
from uppfoljning.underlag import Varden

pytestmark = pytest.mark.django_db


def _varde(ind, omrade, ar, v):
    Matvarde.objects.create(
        indikator=ind,
        omrade=omrade,
        period_start=dt.date(ar, 1, 1),
        period_slut=dt.date(ar, 12, 31),
        period=str(ar),
        kon="T",
        varde=v,
    )


def test_bara_de_efterfragade_paren_lases():
    dalarna, stockholm = hjalp.dalarna(), Omrade.objects.get(scb_kod="01")
    a = hjalp.indikator("T-A", {2023: 10.0, 2024: 11.0})
    b = hjalp.indikator("T-B", {2024: 99.0})  # Dalarna's value: not asked for
    _varde(a, stockholm, 2024, 55.0)  # Stockholm for A: not asked for
    _varde(b, stockholm, 2024, 20.0)

    varden = Varden({(a.pk, dalarna.pk), (b.pk, stockholm.pk)}, alla_uppdelningar=False)

    assert {(i, o) for i, o, *_ in varden.per_nyckel} == {
        (a.pk, dalarna.pk),
        (b.pk, stockholm.pk),
    }
    assert [(p.period, p.varde) for p in varden.serie(a.pk, dalarna.pk)] == [
        ("2023", 10.0),
        ("2024", 11.0),
    ]
    assert [p.varde for p in varden.serie(b.pk, stockholm.pk)] == [20.0]
    assert varden.serie(a.pk, stockholm.pk) == []


def test_inga_par_ingen_fraga(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert Varden(set(), alla_uppdelningar=True).per_nyckel == {}
