"""Plain factory functions for tests: each makes one valid object with sensible defaults."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from natverken.models import Beslut, Ledamot, Organ, Planeringsar, Profil, Roll, Utforare

LOSENORD = "ett-langt-testlosenord-42"


def anvandare(
    anvandarnamn: str, roll: str | None = None, *, utforare: Utforare | None = None, **extra: Any
):
    User = get_user_model()
    extra.setdefault("first_name", anvandarnamn.capitalize())
    user = User.objects.create_user(username=anvandarnamn, password=LOSENORD, **extra)
    if roll:
        user.groups.add(Group.objects.get(name=roll))
    if roll == Roll.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save()
    Profil.objects.create(anvandare=user, utforare=utforare)
    return user


def utforare(namn: str = "Vårdcentralen Test") -> Utforare:
    return Utforare.objects.create(namn=namn)


def planeringsar(ar: int = 2027) -> Planeringsar:
    return Planeringsar.objects.get_or_create(ar=ar)[0]


def organ(namn: str = "Hälso- och sjukvårdsnämnden", typ: str = Organ.Typ.NAMND) -> Organ:
    return Organ.objects.get_or_create(namn=namn, defaults={"typ": typ})[0]


def ledamot(organ_: Organ, namn: str, parti: str = "S", anvandare_=None) -> Ledamot:
    return Ledamot.objects.create(organ=organ_, namn=namn, parti=parti, anvandare=anvandare_)


def beslut(organ_: Organ | None = None, paragraf: str = "§ 1", **extra: Any) -> Beslut:
    return Beslut.objects.create(
        organ=organ_ or organ(),
        datum=extra.pop("datum", dt.date(2026, 6, 10)),
        paragraf=paragraf,
        rubrik=extra.pop("rubrik", "Testbeslut"),
        **extra,
    )
