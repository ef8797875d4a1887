"""Template filters for Swedish numbers: decimal comma, thread-thin thousands, and an honest
mark for a missing value (never 0)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()

SAKNAS = "–"


@register.filter
def varde(tal: float | Decimal | None, indikator: Any = None) -> str:
    """A value with the indicator's number of decimals (or one), Swedish style."""
    if tal is None:
        return SAKNAS
    decimaler = getattr(indikator, "decimaler", 1)
    return floatformat(tal, f"{decimaler}g")


@register.filter
def tkr(belopp: Decimal | float | None) -> str:
    if belopp is None:
        return SAKNAS
    return f"{floatformat(belopp, '0g')} tkr"


@register.filter
def procent(andel: float | None, decimaler: int = 0) -> str:
    if andel is None:
        return SAKNAS
    return f"{floatformat(andel * 100, f'{decimaler}g')} %"
