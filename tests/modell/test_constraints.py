"""Each database constraint rejects what it should (on PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from behov.models import Behovsanalys, Behovsgrupp, Halsogap, Indikator, Matvarde
from natverken.models import Omrade
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def indikator():
    return Indikator.objects.create(kod="T1", namn="Testindikator", enhet="%")


@pytest.fixture
def falun():
    return Omrade.objects.get(scb_kod="2080")


def _varde(indikator, omrade, **extra) -> Matvarde:
    return Matvarde.objects.create(
        indikator=indikator,
        omrade=omrade,
        period_start=dt.date(2024, 1, 1),
        period_slut=dt.date(2024, 12, 31),
        period="2024",
        kon=extra.pop("kon", "T"),
        varde=extra.pop("varde", 10.0),
        **extra,
    )


def test_dubblett_av_vardenyckel_vagras(indikator, falun):
    _varde(indikator, falun, dimension="Ålder", kategori="65+")
    with pytest.raises(IntegrityError), transaction.atomic():
        _varde(indikator, falun, dimension="Ålder", kategori="65+", varde=11.0)


def test_dubblett_utan_uppdelning_vagras_trots_null(indikator, falun):
    # NULL breakdown must count as equal (nulls_distinct=False), or duplicates slip through.
    _varde(indikator, falun)
    with pytest.raises(IntegrityError), transaction.atomic():
        _varde(indikator, falun, varde=12.0)


def test_olika_kon_och_uppdelning_ar_olika_nycklar(indikator, falun):
    _varde(indikator, falun)
    _varde(indikator, falun, kon="K")
    _varde(indikator, falun, dimension="Ålder", kategori="65+")
    assert Matvarde.objects.count() == 3


def test_saknat_varde_ar_null_aldrig_noll(indikator, falun):
    v = _varde(indikator, falun, varde=None)
    v.refresh_from_db()
    assert v.varde is None


def test_konfidensintervall_i_fel_ordning_vagras(indikator, falun):
    with pytest.raises(IntegrityError), transaction.atomic():
        _varde(indikator, falun, ki_lag=12.0, ki_hog=8.0)


def test_andra_analys_for_samma_grupp_och_ar_vagras():
    grupp = Behovsgrupp.objects.create(namn="Testgrupp")
    ar = factories.planeringsar(2027)
    Behovsanalys.objects.create(behovsgrupp=grupp, planeringsar=ar)
    with pytest.raises(IntegrityError), transaction.atomic():
        Behovsanalys.objects.create(behovsgrupp=grupp, planeringsar=ar)


def test_beslutat_mal_kraver_beslut(indikator, falun):
    analys = Behovsanalys.objects.create(
        behovsgrupp=Behovsgrupp.objects.create(namn="G"), planeringsar=factories.planeringsar()
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Halsogap.objects.create(analys=analys, indikator=indikator, omrade=falun, beslutat_mal=5.0)


@pytest.fixture
def omgang():
    return Prioriteringsomgang.objects.create(
        planeringsar=factories.planeringsar(),
        organ=factories.organ(),
        namn="Omgång",
        budgetram_tkr=1000,
    )


def _objekt(omgang, rubrik, placering):
    return Prioriteringsobjekt.objects.create(
        omgang=omgang,
        behovsgrupp=Behovsgrupp.objects.get_or_create(namn=f"G {rubrik}")[0],
        rubrik=rubrik,
        atgard="Åtgärd",
        placering=placering,
    )


def test_tva_objekt_pa_samma_placering_vagras(omgang):
    _objekt(omgang, "A", 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        _objekt(omgang, "B", 1)
        # The constraint is deferred to commit; ask PostgreSQL to check it now, as a commit would.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS placering_unik_i_omgang IMMEDIATE")


def test_omordning_i_en_transaktion_gar_igenom(omgang):
    a, b, c = _objekt(omgang, "A", 1), _objekt(omgang, "B", 2), _objekt(omgang, "C", 3)
    with transaction.atomic():
        for obj, ny in ((a, 3), (b, 1), (c, 2)):
            obj.placering = ny
            obj.save(update_fields=["placering"])
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS placering_unik_i_omgang IMMEDIATE")
    assert list(omgang.objekt.order_by("placering").values_list("rubrik", flat=True)) == [
        "B",
        "C",
        "A",
    ]


def test_beslutad_omgang_utan_beslut_vagras(omgang):
    omgang.status = Prioriteringsomgang.Status.BESLUTAD
    with pytest.raises(IntegrityError), transaction.atomic():
        omgang.save()
