"""The number filters write exactly what Django's floatformat would (Swedish separators,
rounding half up, never "-0"), without its cost: list pages show thousands of values."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from natverken.templatetags.natverken import procent, tkr, varde


class Indikator:
    def __init__(self, decimaler: int) -> None:
        self.decimaler = decimaler


@pytest.fixture(autouse=True)
def svenska():
    with translation.override("sv"):
        yield


def test_svenska_tal():
    assert varde(12345.678) == "12\xa0345,7"
    assert varde(2.25) == "2,3"  # half up, like floatformat
    assert varde(-0.04) == "0,0"  # never "-0,0"
    assert varde(-1234.55, Indikator(2)) == "-1\xa0234,55"
    assert varde(7, Indikator(0)) == "7"
    assert varde(None) == "–"
    assert tkr(Decimal("1250000")) == "1\xa0250\xa0000 tkr"
    assert procent(0.125, 1) == "12,5 %"


def test_samma_text_som_floatformat():
    slump = random.Random(311)
    tal = [0, 0.0, -0.0, 0.05, 0.045, 1.005, 999.95, 1e-7, 1e15, Decimal("1E+3"), -7]
    tal += [slump.uniform(-1e6, 1e6) for _ in range(500)]
    tal += [round(slump.uniform(-100, 100), slump.randint(0, 4)) for _ in range(500)]
    for t in tal:
        for decimaler in (0, 1, 2, 3):
            assert varde(t, Indikator(decimaler)) == floatformat(t, f"{decimaler}g"), (t, decimaler)
    assert varde(float("nan")) == floatformat(float("nan"), "1g")


class Ledamot:
    def __init__(self, namn: str, parti: str) -> None:
        self.namn, self.parti = namn, parti


def test_spridningsremsan_har_en_ruta_per_plats_med_ledamoternas_partier():
    from natverken.templatetags.natverken import spridningsremsa

    a, b = Ledamot("Anna <A>", "S"), Ledamot("Bo", "M&")
    assert spridningsremsa([[a, b], [], [b]]) == (
        '<span class="strip" aria-hidden="true">'
        '<span class="har" title="Plats 1: Anna &lt;A&gt; (S), Bo (M&amp;)">S<br>M&amp;</span>'
        '<span title="Plats 2"></span>'
        '<span class="har" title="Plats 3: Bo (M&amp;)">M&amp;</span>'
        "</span>"
    )
