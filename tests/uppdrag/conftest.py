"""Fixtures for the commission tests; the builders are in tests/uppdrag/hjalp.py."""

from __future__ import annotations

import pytest

from natverken.models import Omrade
from tests import factories
from tests.uppdrag.hjalp import S, beslutad_omgang, i_status, nytt_uppdrag, rokindikator


@pytest.fixture
def dalarna(db):
    return Omrade.objects.get(scb_kod="20")


@pytest.fixture
def indikator(dalarna):
    return rokindikator(dalarna)


@pytest.fixture
def hsn(fortroendevald):
    """The deciding body; the persona förtroendevald is a member."""
    organ = factories.organ()
    factories.ledamot(organ, "Erik Holm", "S", fortroendevald)
    return organ


@pytest.fixture
def omgang(hsn, indikator, dalarna):
    return beslutad_omgang(hsn, indikator, dalarna)


@pytest.fixture
def objekt(omgang):
    return list(omgang.objekt.order_by("placering"))


@pytest.fixture
def uppdrag_a(objekt, utforare_a):
    """A draft commission to provider A from the first need."""
    return nytt_uppdrag(objekt[:1], utforare_a)


@pytest.fixture
def uppdrag_b(objekt, utforare_b):
    """Provider B's commission, in dialogue (so B could see it)."""
    return i_status(nytt_uppdrag(objekt[1:2], utforare_b, titel="Första linjen"), S.DIALOG)


@pytest.fixture
def steg():
    """i_status with the persona member filled in."""

    def ga(uppdrag, status, fortroendevald, hsn):
        return i_status(uppdrag, status, anvandare=fortroendevald, organ=hsn)

    return ga
