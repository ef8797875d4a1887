"""Versions of a decided commission, read from django-simple-history.

Version 1 is the commission as the body decided it: the first history row in a decided
status. Each later version starts at the row where `versionsnummer` went up (saved by
`services.spara_ny_version` with the reason). What changed is simple-history's
`diff_against` between the row that started a version and the row just before it; the goals
(their own history) are compared as they stood just before and at the end of each version.

Also the commission's event log: every history row with who, when and what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.template.defaultfilters import date as datumformat
from django.utils import timezone

from natverken.models import Beslut, Omrade, Planeringsar, Utforare
from natverken.templatetags.natverken import tkr, varde
from uppdrag.models import Mal, Uppdrag

# Not content: shown elsewhere on the page (status, decision) or the reason itself.
EJ_INNEHALL = ["status", "beslut", "andringsskal", "prioriteringsobjekt", "planeringsar"]
MAL_FALT = [
    "beskrivning",
    "niva",
    "indikator",
    "omrade",
    "kon",
    "baslinje_varde",
    "baslinje_period",
    "malvarde",
    "maldatum",
    "jamlikhet_dimension",
    "jamlikhet_grupp_a",
    "jamlikhet_grupp_b",
    "jamlikhet_mal",
]
# The goals of a version are read just before the next version began; the commission's
# row of a new version is written before its goals' rows, in the same transaction.
ETT_OGONBLICK = dt.timedelta(microseconds=1)
FK_MODELLER = {
    "utforare": Utforare,
    "beslut": Beslut,
    "omrade": Omrade,
    "planeringsar": Planeringsar,
}


@dataclass
class Andring:
    falt: str
    fore: str
    efter: str


@dataclass
class Malandring:
    mal: str
    vad: str  # "Ändrat", "Nytt mål", "Borttaget"
    andringar: list[Andring] = field(default_factory=list)


@dataclass
class Version:
    nummer: int
    post: Any  # the HistoricalUppdrag row that started the version
    slut: dt.datetime | None = None  # when the next version started
    andringar: list[Andring] = field(default_factory=list)
    malandringar: list[Malandring] = field(default_factory=list)

    @property
    def history_id(self) -> int:
        return self.post.history_id

    @property
    def datum(self) -> dt.datetime:
        return self.post.history_date

    @property
    def anvandare(self) -> Any:
        return self.post.history_user

    @property
    def skal(self) -> str:
        return self.post.andringsskal if self.nummer > 1 else ""

    @property
    def ar_beslutad_version(self) -> bool:
        return self.nummer == 1

    @property
    def ar_gallande(self) -> bool:
        return self.slut is None


def _visa(
    modell: type[models.Model], namn: str, v: Any, namnuppslag: dict, indikator: Any = None
) -> str:
    """A stored value as a person reads it: choice labels, names, Swedish dates and numbers."""
    if v is None or v == "":
        return "–"
    falt = modell._meta.get_field(namn)
    if falt.choices:
        return str(dict(falt.flatchoices).get(v, v))
    if isinstance(falt, models.ForeignKey):
        return namnuppslag.get((namn, v), f"#{v}")
    if isinstance(v, dt.date):
        return datumformat(v, "j F Y")
    if namn == "budget_tkr":
        return tkr(v)
    if isinstance(v, float | Decimal):
        return varde(v, indikator)
    return str(v)


def _falttitel(modell: type[models.Model], namn: str) -> str:
    return str(modell._meta.get_field(namn).verbose_name).capitalize()


def _namnuppslag(andringar: list[tuple[str, Any, Any]], extra: dict | None = None) -> dict:
    """Names of the objects foreign keys point to, one query per kind."""
    per_falt: dict[str, set] = {}
    for namn, fore, efter in andringar:
        if namn in FK_MODELLER or namn == "indikator":
            per_falt.setdefault(namn, set()).update(v for v in (fore, efter) if v is not None)
    uppslag = dict(extra or {})
    for namn, idn in per_falt.items():
        if namn == "indikator":
            from behov.models import Indikator

            modell = Indikator
        else:
            modell = FK_MODELLER[namn]
        for pk, obj in modell.objects.in_bulk(list(idn)).items():
            uppslag[(namn, pk)] = str(obj)
    return uppslag


def skillnader(
    ny: Any,
    gammal: Any,
    *,
    modell: type[models.Model],
    undantag: list[str],
    indikator: Any = None,
) -> list[Andring]:
    """Field-by-field difference between two history rows (simple-history's diff_against).
    Numbers are shown with the indicator's decimals when there is one."""
    delta = ny.diff_against(gammal, excluded_fields=undantag)
    rader = [(c.field, c.old, c.new) for c in delta.changes]
    uppslag = _namnuppslag(rader)
    ordning = [f.name for f in modell._meta.fields]
    rader.sort(key=lambda r: ordning.index(r[0]) if r[0] in ordning else 99)
    return [
        Andring(
            _falttitel(modell, namn),
            _visa(modell, namn, fore, uppslag, indikator),
            _visa(modell, namn, efter, uppslag, indikator),
        )
        for namn, fore, efter in rader
    ]


def malen_vid(uppdrag: Uppdrag, tid: dt.datetime | None) -> list[Any]:
    """The commission's goals as history rows, as they stood at a time (None = now)."""
    qs = Mal.history.filter(uppdrag_id=uppdrag.pk)
    if tid is not None:
        qs = qs.filter(history_date__lte=tid)
    rader = qs.latest_of_each().select_related("indikator", "omrade").order_by("id")
    return [r for r in rader if r.history_type != "-"]


def _malandringar(fore: list[Any], efter: list[Any]) -> list[Malandring]:
    fore_per_id = {r.id: r for r in fore}
    efter_per_id = {r.id: r for r in efter}
    resultat = []
    for mal_id, ny in efter_per_id.items():
        gammal = fore_per_id.get(mal_id)
        if gammal is None:
            resultat.append(Malandring(ny.beskrivning, "Nytt mål"))
            continue
        andringar = skillnader(
            ny,
            gammal,
            modell=Mal,
            undantag=[f.name for f in Mal._meta.fields if f.name not in MAL_FALT],
            indikator=ny.indikator,
        )
        if andringar:
            resultat.append(Malandring(ny.beskrivning, "Ändrat", andringar))
    for mal_id, gammal in fore_per_id.items():
        if mal_id not in efter_per_id:
            resultat.append(Malandring(gammal.beskrivning, "Borttaget"))
    return resultat


def versioner(uppdrag: Uppdrag) -> list[Version]:
    """The decided commission's versions, oldest first; empty before the decision."""
    poster = list(
        uppdrag.history.select_related("history_user").order_by("history_date", "history_id")
    )
    resultat: list[Version] = []
    foregaende = None
    for post in poster:
        if not resultat:
            if post.status in Uppdrag.BESLUTADE:
                resultat.append(Version(1, post))
        elif post.versionsnummer > resultat[-1].post.versionsnummer and foregaende is not None:
            resultat[-1].slut = post.history_date
            version = Version(post.versionsnummer, post)
            version.andringar = skillnader(post, foregaende, modell=Uppdrag, undantag=EJ_INNEHALL)
            resultat.append(version)
        foregaende = post
    # Goals: compare each version's goals at its end with the previous version's.
    for version in resultat[1:]:
        fore = malen_vid(uppdrag, version.datum - ETT_OGONBLICK)
        version.malandringar = _malandringar(fore, malen_i_version(uppdrag, version))
    return resultat


def malen_i_version(uppdrag: Uppdrag, version: Version) -> list[Any]:
    """History rows of the goals as they stood at the end of a version."""
    return malen_vid(uppdrag, version.slut - ETT_OGONBLICK if version.slut else None)


def som_mal(rader: list[Any]) -> list[Mal]:
    """History rows as goals (for the goal table), with their indicator and area attached."""
    malen = []
    for rad in rader:
        mal = rad.instance
        mal.indikator = rad.indikator
        mal.omrade = rad.omrade
        malen.append(mal)
    return malen


# --- The event log ---------------------------------------------------------------------------


@dataclass
class Handelse:
    datum: dt.datetime
    vem: str
    vad: str
    detaljer: str = ""


def handelser(poster: list[Any]) -> list[Handelse]:
    """Who did what and when, newest first, from history rows in time order."""
    resultat = []
    foregaende = None
    for post in poster:
        vem = (
            (post.history_user.get_full_name() or post.history_user.username)
            if post.history_user
            else "Systemet"
        )
        if post.history_type == "+":
            vad = post.history_change_reason or "Skapat"
            detaljer = ""
        else:
            vad = post.history_change_reason or "Ändrat"
            delta = (
                post.diff_against(
                    foregaende, excluded_fields=["prioriteringsobjekt", "andringsskal"]
                )
                if foregaende is not None
                else None
            )
            falt = [
                _falttitel(Uppdrag, c.field).lower()
                for c in (delta.changes if delta else [])
                if c.field not in {"status", "beslut"}
            ]
            detaljer = ("Ändrade fält: " + ", ".join(falt)) if falt else ""
            if (
                post.versionsnummer > 1
                and foregaende
                and post.versionsnummer != foregaende.versionsnummer
            ):
                detaljer = f"Skäl: {post.andringsskal.rstrip('.')}. {detaljer}".strip()
        if post.history_change_reason is None and post.history_type != "+" and not detaljer:
            foregaende = post
            continue  # e.g. the link to the priorities being set: nothing a reader needs
        resultat.append(Handelse(timezone.localtime(post.history_date), vem, vad, detaljer))
        foregaende = post
    return list(reversed(resultat))
