"""The årshjul: each phase's status derived from the data, the "att göra nu" list per user,
and the wheel drawn as SVG.

The core never imports a later app. Each app registers, in its AppConfig.ready(), a status
function for the phases it owns and a to-do function for the tasks it knows about; the core
calls whatever is registered. A phase nobody reports on is judged by its dates alone.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from natverken.models import Fas, Planeringsar


class Status(models.TextChoices):
    KLAR = "klar", "Klar"
    PAGAR = "pagar", "Pågår"
    EJ_PABORJAD = "ej_paborjad", "Ej påbörjad"
    OKAND = "okand", "Följs inte i systemet"


IKON = {Status.KLAR: "✓", Status.PAGAR: "◐", Status.EJ_PABORJAD: "○", Status.OKAND: "–"}


@dataclass
class Fasstatus:
    status: str
    beskrivning: str = ""
    lank: str = ""
    lanktext: str = ""


@dataclass
class Uppgift:
    titel: str
    url: str
    senast: dt.date | None = None
    beskrivning: str = ""
    fas: str = ""  # the phase key it belongs to, when it does


Statusfunktion = Callable[[Planeringsar], Fasstatus]
Attgorafunktion = Callable[[Any, Planeringsar, dt.date], list[Uppgift]]

_STATUS: dict[str, Statusfunktion] = {}
_ATT_GORA: list[Attgorafunktion] = []


def registrera_fasstatus(nyckel: str, funktion: Statusfunktion) -> None:
    _STATUS[nyckel] = funktion


def registrera_att_gora(funktion: Attgorafunktion) -> None:
    if funktion not in _ATT_GORA:
        _ATT_GORA.append(funktion)


@dataclass
class Fasrad:
    fas: Fas
    status: Fasstatus
    aktuell: bool
    forsenad: bool

    @property
    def ikon(self) -> str:
        return "⚠" if self.forsenad else IKON[Status(self.status.status)]

    @property
    def statustext(self) -> str:
        text = Status(self.status.status).label
        return f"Försenad – {text.lower()}" if self.forsenad else text


def fasrader(planeringsar: Planeringsar, idag: dt.date) -> list[Fasrad]:
    rader = []
    for fas in planeringsar.faser.all():
        funktion = _STATUS.get(fas.nyckel)
        status = funktion(planeringsar) if funktion else Fasstatus(Status.OKAND)
        rader.append(
            Fasrad(
                fas=fas,
                status=status,
                aktuell=fas.start <= idag <= fas.slut,
                # Overdue: past its end date and the data does not say it is done. A phase the
                # system doesn't follow can't be judged overdue.
                forsenad=idag > fas.slut and status.status in {Status.PAGAR, Status.EJ_PABORJAD},
            )
        )
    return rader


def att_gora(user: Any, planeringsar: Planeringsar, idag: dt.date) -> list[Uppgift]:
    uppgifter: list[Uppgift] = []
    for funktion in _ATT_GORA:
        uppgifter.extend(funktion(user, planeringsar, idag))
    return sorted(uppgifter, key=lambda u: (u.senast or dt.date.max, u.titel))


# --- The wheel as SVG ---------------------------------------------------------------------

MANADER = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
STATUSFARG = {
    Status.KLAR: "#1e6b2f",
    Status.PAGAR: "#0b4f8a",
    Status.EJ_PABORJAD: "#8a96a3",
    Status.OKAND: "#b8c0c8",
}


@dataclass
class _Bage:
    rad: Fasrad
    nr: int
    spar: int = 0
    vinklar: tuple[float, float] = field(default=(0.0, 0.0))


def _vinkel(datum: dt.date, ar: int) -> float:
    """Degrees clockwise from 12 o'clock for a date within year `ar`."""
    start = dt.date(ar, 1, 1)
    dagar = (dt.date(ar + 1, 1, 1) - start).days
    return 360.0 * ((datum - start).days / dagar)


def _punkt(cx: float, cy: float, r: float, grader: float) -> tuple[float, float]:
    rad = math.radians(grader - 90)
    return cx + r * math.cos(rad), cy + r * math.sin(rad)


def hjul_svg(planeringsar: Planeringsar, rader: list[Fasrad], idag: dt.date) -> SafeString:
    """Twelve months of the preparation year as a ring; each phase an arc on its own track
    (overlapping phases get separate tracks), numbered as in the list beside it; today as a
    hand. The list beside the wheel carries the same information in words."""
    ar = planeringsar.forberedelsear
    cx = cy = 210
    yttre = 190
    bagar = [_Bage(rad=r, nr=i + 1) for i, r in enumerate(rader)]
    spar_slut: list[dt.date] = []
    for b in bagar:
        b.vinklar = (
            _vinkel(max(b.rad.fas.start, dt.date(ar, 1, 1)), ar),
            _vinkel(min(b.rad.fas.slut, dt.date(ar, 12, 31)) + dt.timedelta(days=1), ar),
        )
        for i, slut in enumerate(spar_slut):
            if b.rad.fas.start > slut:
                b.spar, spar_slut[i] = i, b.rad.fas.slut
                break
        else:
            b.spar = len(spar_slut)
            spar_slut.append(b.rad.fas.slut)
    delar = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 420" class="hjul" '
        'aria-hidden="true" focusable="false">',
        f'<circle cx="{cx}" cy="{cy}" r="{yttre}" fill="#ffffff" stroke="#b8c0c8"/>',
    ]
    for m in range(12):
        v = _vinkel(dt.date(ar, m + 1, 1), ar)
        x1, y1 = _punkt(cx, cy, yttre - 28, v)
        x2, y2 = _punkt(cx, cy, yttre, v)
        delar.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#b8c0c8"/>'
        )
        tx, ty = _punkt(cx, cy, yttre - 14, v + 15)
        delar.append(
            f'<text x="{tx:.1f}" y="{ty:.1f}" class="hjul-manad" text-anchor="middle" '
            f'dominant-baseline="middle">{MANADER[m]}</text>'
        )
    sparbredd = 16
    for b in bagar:
        r = yttre - 42 - b.spar * (sparbredd + 6)
        v1, v2 = b.vinklar
        v2 = max(v2, v1 + 4)  # a phase of a few days is still visible
        x1, y1 = _punkt(cx, cy, r, v1)
        x2, y2 = _punkt(cx, cy, r, v2 - 0.8)
        stor = 1 if v2 - v1 > 180 else 0
        farg = STATUSFARG[Status(b.rad.status.status)]
        klass = (
            "hjul-bage"
            + (" hjul-aktuell" if b.rad.aktuell else "")
            + (" hjul-forsenad" if b.rad.forsenad else "")
        )
        streck = ' stroke-dasharray="10 4"' if b.rad.status.status == Status.EJ_PABORJAD else ""
        bage = f"M {x1:.1f} {y1:.1f} A {r} {r} 0 {stor} 1 {x2:.1f} {y2:.1f}"
        delar.append(
            f'<a href="{escape(b.rad.status.lank or "#fas-" + str(b.rad.fas.pk))}" tabindex="-1">'
        )
        if b.rad.aktuell:
            # The current phase is outlined in black, not only told by colour.
            delar.append(
                f'<path d="{bage}" stroke="#1b1b1b" stroke-width="{sparbredd + 6}" fill="none"/>'
                f'<path d="{bage}" stroke="#ffffff" stroke-width="{sparbredd + 2}" fill="none"/>'
            )
        delar.append(
            f'<path d="{bage}" class="{klass}" stroke="{farg}" stroke-width="{sparbredd}" fill="none"{streck}>'
            f"<title>{b.nr}. {escape(b.rad.fas.namn)}: {escape(b.rad.statustext)}</title></path>"
        )
        mx, my = _punkt(cx, cy, r, (v1 + v2) / 2)
        ring = 'stroke="#a4000f" stroke-width="2.5"' if b.rad.forsenad else f'stroke="{farg}"'
        delar.append(
            f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="8.5" fill="#ffffff" {ring}/>'
            f'<text x="{mx:.1f}" y="{my:.1f}" class="hjul-nr" text-anchor="middle" '
            f'dominant-baseline="central">{b.nr}</text></a>'
        )
    if idag.year == ar:
        v = _vinkel(idag, ar)
        x0, y0 = _punkt(cx, cy, 58, v)
        x, y = _punkt(cx, cy, yttre, v)
        delar.append(
            f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x:.1f}" y2="{y:.1f}" class="hjul-idag"/>'
        )
        delar.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="hjul-idag-punkt"/>')
    delar.append(
        f'<text x="{cx}" y="{cy - 8}" text-anchor="middle" class="hjul-ar">Budget {planeringsar.ar}</text>'
    )
    delar.append(
        f'<text x="{cx}" y="{cy + 14}" text-anchor="middle" class="hjul-under">förbereds {ar}</text>'
    )
    delar.append("</svg>")
    return mark_safe("".join(delar))  # noqa: S308 - every text part is escaped above


# --- The core's own phase: fullmäktige's budget decision -----------------------------------


def _fullmaktige(planeringsar: Planeringsar) -> Fasstatus:
    from django.urls import reverse

    lank = reverse("natverken:budgetbeslut", args=[planeringsar.ar])
    if planeringsar.budgetbeslut_id:
        b = planeringsar.budgetbeslut
        return Fasstatus(
            Status.KLAR,
            f"Budgeten beslutad {b.datum:%Y-%m-%d} {b.paragraf}.",
            lank,
            "Budgetbeslutet",
        )
    return Fasstatus(
        Status.EJ_PABORJAD,
        "Fullmäktige har inte beslutat budgeten.",
        lank,
        "Registrera budgetbeslutet",
    )


def _budget_att_gora(user: Any, planeringsar: Planeringsar, idag: dt.date) -> list[Uppgift]:
    from django.urls import reverse

    from natverken.models import Organ

    if (
        planeringsar.budgetbeslut_id
        or not user.ledamotskap.filter(organ__typ=Organ.Typ.FULLMAKTIGE).exists()
    ):
        return []
    fas = planeringsar.faser.filter(nyckel="fullmaktige").first()
    return [
        Uppgift(
            f"Registrera fullmäktiges budgetbeslut för {planeringsar.ar}",
            reverse("natverken:budgetbeslut", args=[planeringsar.ar]),
            fas.slut if fas else None,
            "När fullmäktige har beslutat budgeten.",
            "fullmaktige",
        )
    ]


def registrera_karnan() -> None:
    registrera_fasstatus("fullmaktige", _fullmaktige)
    registrera_att_gora(_budget_att_gora)
