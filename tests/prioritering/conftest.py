"""A body with two elected members who have logins, a third without, and rounds in each state.
Plain functions make the objects; fixtures only put them together."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import count

import pytest
from django.test import Client

from behov.models import Behovsanalys, Behovsgrupp, Halsogap, Indikator
from natverken.models import Omrade, Roll
from prioritering.models import (
    Bedomning,
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Rangordning,
    Rangplats,
)
from tests import factories
from tests.conftest import _klient

_nr = count(1)


def analys(ar: int = 2027, namn: str | None = None, *, varde: float | None = 10.0) -> Behovsanalys:
    """A ready needs analysis with one gap (current `varde`, target 8,0, lower is better)."""
    nr = next(_nr)
    grupp = Behovsgrupp.objects.create(namn=namn or f"Behovsgrupp {nr}")
    analys_ = Behovsanalys.objects.create(
        behovsgrupp=grupp, planeringsar=factories.planeringsar(ar), status=Behovsanalys.Status.KLAR
    )
    ind = Indikator.objects.create(
        kod=f"T-{nr}", namn=f"Indikator {nr}", enhet="%", polaritet="lagre_battre", decimaler=1
    )
    Halsogap.objects.create(
        analys=analys_,
        indikator=ind,
        omrade=Omrade.objects.get(scb_kod="20"),
        aktuellt_varde=varde,
        aktuell_period="2025" if varde is not None else "",
        foreslaget_mal=8.0,
        foreslaget_malar=2030,
        ar_vardbehov=True,
    )
    return analys_


def objekt(
    omgang: Prioriteringsomgang, rubrik: str, *, bedomd: bool = True, **extra: object
) -> Prioriteringsobjekt:
    a = analys(omgang.planeringsar.ar, f"Grupp för {rubrik}")
    obj = Prioriteringsobjekt.objects.create(
        omgang=omgang,
        behovsgrupp=a.behovsgrupp,
        rubrik=rubrik,
        atgard=f"Åtgärd för {rubrik}",
        **extra,
    )
    obj.halsogap.set(a.halsogap.all())
    if bedomd:
        Bedomning.objects.create(
            objekt=obj,
            svarighetsgrad="stor",
            nytta="stor",
            kostnad="mattlig",
            evidens="mattlig",
            svarighetsgrad_motivering="s",
            nytta_motivering="n",
            kostnad_motivering="k",
            evidens_motivering="e",
        )
    return obj


def omgang(
    organ,
    *,
    status: str = Prioriteringsomgang.Status.RANGORDNING,
    behov: int = 3,
    ar: int = 2027,
    ram: Decimal = Decimal(10_000),
) -> Prioriteringsomgang:
    o = Prioriteringsomgang.objects.create(
        planeringsar=factories.planeringsar(ar),
        organ=organ,
        namn=f"Prioritering inför budget {ar}",
        budgetram_tkr=ram,
        sammantradesdatum=dt.date(ar - 1, 6, 9),
        status=status,
    )
    for rubrik in ["Äldre", "Unga", "Diabetes", "Smärta", "Hjärta"][:behov]:
        objekt(o, rubrik)
    return o


def rangordna(o: Prioriteringsomgang, ledamot, rubriker: list[str]) -> Rangordning:
    from django.utils import timezone

    r = Rangordning.objects.create(omgang=o, ledamot=ledamot, inlamnad=timezone.now())
    per_rubrik = {ob.rubrik: ob for ob in o.objekt.all()}
    for plats, rubrik in enumerate(rubriker, start=1):
        Rangplats.objects.create(rangordning=r, objekt=per_rubrik[rubrik], plats=plats)
    return r


def beslutad(o: Prioriteringsomgang, anvandare) -> Prioriteringsomgang:
    """Decide a round through the service, as a member would."""
    from prioritering import services

    ordning = {ob.pk: nr for nr, ob in enumerate(o.objekt.order_by("rubrik"), start=1)}
    texter = {pk: ("behov_solidaritet", "Störst gap.") for pk in ordning}
    services.spara_forslag(omgang=o, anvandare=anvandare, ordning=ordning, texter=texter)
    services.spara_resurser(
        omgang=o, belopp={pk: (Decimal(1000 * nr), "prioritera") for pk, nr in ordning.items()}
    )
    services.besluta(omgang=o, anvandare=anvandare, datum=dt.date(2026, 6, 9), paragraf="§ 61")
    o.refresh_from_db()
    return o


@pytest.fixture
def hsn(fortroendevald):
    organ = factories.organ()
    factories.ledamot(organ, "Erik Holm", "S", fortroendevald)
    factories.ledamot(organ, "Lena Ström", "SD")
    return organ


@pytest.fixture
def maria(hsn):
    user = factories.anvandare(
        "maria", Roll.FORTROENDEVALD, first_name="Maria", last_name="Sandberg"
    )
    factories.ledamot(hsn, "Maria Sandberg", "M", user)
    return user


@pytest.fixture
def klient_maria(maria) -> Client:
    return _klient(maria)


@pytest.fixture
def klient_fv_utan_organ(db) -> Client:
    """An elected representative who sits on another body, not the round's."""
    user = factories.anvandare("utanfor", Roll.FORTROENDEVALD)
    factories.ledamot(
        factories.organ("Regionstyrelsen", "regionstyrelse"), "Karin Nyström", "C", user
    )
    return _klient(user)


@pytest.fixture
def oppen(hsn):
    return omgang(hsn)


@pytest.fixture
def forberedelse(hsn):
    return omgang(hsn, status=Prioriteringsomgang.Status.FORBEREDELSE)


@pytest.fixture
def beslutad_omgang(hsn, fortroendevald):
    return beslutad(omgang(hsn), fortroendevald)


@pytest.fixture(autouse=True)
def _snabba_losenord(settings):
    """Users are made in nearly every test here; a cheap hasher keeps the module fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
