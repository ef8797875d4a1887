"""Roles: what each group may do, and the one place views ask about a user's role.

Groups are created by a data migration; their permissions are (re)applied after every
migrate from ROLLBEHORIGHETER, so a model added later gets its permissions without a new
data migration. Object-level access (a provider sees only its own commissions) lives in each
app's access helper, never in templates.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from natverken.models import Roll

ALLA = "*"

# app_label -> {roll -> actions per model ("*" = every model of the app)}.
ROLLBEHORIGHETER: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "natverken": {
        Roll.TJANSTEPERSON: {
            "*": ("view",),
            "fas": ("view", "change"),
            "bakgrundsjobb": ("view", "add"),
        },
        Roll.FORTROENDEVALD: {
            "*": ("view",),
            "beslut": ("view", "add"),
            "reservation": ("view", "add"),
        },
        Roll.UTFORARE: {"planeringsar": ("view",), "fas": ("view",), "utforare": ("view",)},
    },
    "behov": {
        Roll.TJANSTEPERSON: {"*": ("view", "add", "change", "delete")},
        Roll.FORTROENDEVALD: {"*": ("view",), "halsogap": ("view", "change")},
    },
    "prioritering": {
        Roll.TJANSTEPERSON: {"*": ("view", "add", "change", "delete")},
        Roll.FORTROENDEVALD: {"*": ("view", "add", "change")},
    },
    "uppdrag": {
        Roll.TJANSTEPERSON: {"*": ("view", "add", "change", "delete")},
        Roll.FORTROENDEVALD: {"*": ("view", "change")},
        Roll.UTFORARE: {"*": ("view",)},
    },
    "uppfoljning": {
        Roll.TJANSTEPERSON: {"*": ("view", "add", "change")},
        Roll.FORTROENDEVALD: {"*": ("view", "change")},
        Roll.UTFORARE: {"*": ("view", "add", "change")},
    },
}


def synka_rollbehorigheter(**kwargs: Any) -> None:
    """post_migrate: give each role group exactly the permissions the table above names."""
    for roll in Roll:
        grupp, _ = Group.objects.get_or_create(name=roll.value)
        if roll == Roll.ADMIN:
            onskade = Permission.objects.all()
        else:
            onskade = Permission.objects.none()
            for app_label, per_roll in ROLLBEHORIGHETER.items():
                for modell, handlingar in per_roll.get(roll, {}).items():
                    urval = Permission.objects.filter(content_type__app_label=app_label)
                    if modell != ALLA:
                        urval = urval.filter(content_type__model=modell)
                    kodnamn = [f"{h}_" for h in handlingar]
                    for prefix in kodnamn:
                        onskade = onskade | urval.filter(codename__startswith=prefix)
        grupp.permissions.set(onskade.distinct())


def roller(user: Any) -> set[str]:
    """The roles of a user; cached on the user object for the request."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return set()
    cached = getattr(user, "_natverken_roller", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True)) & set(Roll.values)
        if user.is_superuser:
            cached.add(Roll.ADMIN)
        user._natverken_roller = cached
    return cached


def har_roll(user: Any, *onskade: str) -> bool:
    mina = roller(user)
    return bool(mina & set(onskade)) or Roll.ADMIN in mina


def huvudroll(user: Any) -> str | None:
    """The role a user is shown as (the first in the product's order)."""
    mina = roller(user)
    for roll in (Roll.ADMIN, Roll.FORTROENDEVALD, Roll.TJANSTEPERSON, Roll.UTFORARE):
        if roll in mina:
            return roll
    return None


def kraver_roll(*onskade: str) -> Callable:
    """View decorator: 403 for a logged-in user without one of the roles (admin always may).
    Anonymous users never get here: LoginRequiredMiddleware sends them to login."""

    def dekorator(vy: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(vy)
        def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not har_roll(request.user, *onskade):
                raise PermissionDenied("Din roll har inte behörighet till den här sidan.")
            return vy(request, *args, **kwargs)

        return inner

    return dekorator
