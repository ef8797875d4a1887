from __future__ import annotations

import pytest

from behov.models import Behovsanalys, Behovsgrupp, Halsogap, Indikator
from natverken.models import Omrade
from tests import factories

pytestmark = pytest.mark.django_db


def test_omradena_ar_kompletta():
    assert Omrade.objects.filter(fiktiv=False, typ="riket").count() == 1
    assert Omrade.objects.filter(fiktiv=False, typ="region").count() == 21
    assert Omrade.objects.filter(fiktiv=False, typ="kommun").count() == 290


def test_matchar_pa_scb_kod_och_kolada_id():
    dalarna_scb = Omrade.objects.get(scb_kod="20")
    assert Omrade.objects.get(kolada_id="0020") == dalarna_scb
    assert dalarna_scb.namn == "Region Dalarna" and dalarna_scb.lan == "Dalarnas län"
    falun = Omrade.objects.get(scb_kod="2080")
    assert falun.foralder == dalarna_scb and falun.foralder.foralder.typ == "riket"
    assert Omrade.objects.get(kolada_id="0000").typ == "riket"


def test_historik_for_andrat_halsogap(klient_fv, fortroendevald):
    analys = Behovsanalys.objects.create(
        behovsgrupp=Behovsgrupp.objects.create(namn="G"), planeringsar=factories.planeringsar()
    )
    gap = Halsogap.objects.create(
        analys=analys,
        indikator=Indikator.objects.create(kod="X", namn="X", enhet="%"),
        omrade=Omrade.objects.get(scb_kod="20"),
        aktuellt_varde=20.0,
        foreslaget_mal=15.0,
    )
    gap.foreslaget_mal = 14.0
    gap.save()
    assert gap.history.count() == 2
    assert [h.foreslaget_mal for h in gap.history.order_by("history_date")] == [15.0, 14.0]
    assert gap.version == 2
