"""Small template filters for the follow-up pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def namn(anvandare: Any) -> str:
    """A person's full name, else the username; "–" when there is none (e.g. the demo)."""
    if anvandare is None:
        return "–"
    return anvandare.get_full_name() or anvandare.get_username()


@register.filter
def nyckel(ordbok: dict | None, nyckel_: Any) -> Any:
    """A value from a dict by a key that may be a number (JSON keys are strings)."""
    if not ordbok:
        return None
    return ordbok.get(str(nyckel_))


@register.filter
def bedomningsikon(status: str) -> str:
    from uppfoljning.maluppfyllelse import IKON, Maluppfyllelse

    return IKON.get(Maluppfyllelse(status), "") if status in Maluppfyllelse.values else ""


@register.filter
def bedomningstext(status: str) -> str:
    from uppfoljning.maluppfyllelse import Maluppfyllelse

    return Maluppfyllelse(status).label if status in Maluppfyllelse.values else status
