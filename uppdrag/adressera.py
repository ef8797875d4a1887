"""Address or explain: every need the body ranked in the upper part of a decided round must
have a commission or an explicit decision not to commission it, with a reason."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, Prefetch, QuerySet

from natverken.models import Planeringsar
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from uppdrag.models import Avstaende, Uppdrag


@dataclass
class Behovsrad:
    objekt: Prioriteringsobjekt
    uppdrag: list[Uppdrag]
    avstaende: Avstaende | None

    @property
    def saknas(self) -> bool:
        return not self.uppdrag and self.avstaende is None


@dataclass
class Omgangsrad:
    omgang: Prioriteringsomgang
    rader: list[Behovsrad] = field(default_factory=list)

    @property
    def saknas(self) -> list[Behovsrad]:
        return [r for r in self.rader if r.saknas]

    @property
    def med_uppdrag(self) -> list[Behovsrad]:
        return [r for r in self.rader if r.uppdrag]

    @property
    def avstadda(self) -> list[Behovsrad]:
        return [r for r in self.rader if not r.uppdrag and r.avstaende is not None]


def _ovre_delen(planeringsar: Planeringsar | None) -> QuerySet[Prioriteringsobjekt]:
    return Prioriteringsobjekt.objects.filter(
        omgang__planeringsar=planeringsar,
        omgang__status=Prioriteringsomgang.Status.BESLUTAD,
        placering__isnull=False,
        placering__lte=F("omgang__ovre_del_antal"),
    )


def ovre_delen(planeringsar: Planeringsar | None) -> list[Omgangsrad]:
    """Each decided round of the year with the needs in its upper part and what answers them."""
    objekt = (
        _ovre_delen(planeringsar)
        .select_related(
            "omgang__organ",
            "omgang__beslut",
            "behovsgrupp",
            "resursfordelning",
            "avstaende__beslut__organ",
            "avstaende__registrerat_av",
        )
        .prefetch_related(
            Prefetch(
                "uppdrag", queryset=Uppdrag.objects.select_related("utforare").order_by("titel")
            )
        )
        .order_by("omgang__organ__namn", "placering")
    )
    per_omgang: dict[int, Omgangsrad] = {}
    for obj in objekt:
        rad = per_omgang.setdefault(obj.omgang_id, Omgangsrad(obj.omgang))
        try:
            avstaende = obj.avstaende
        except Avstaende.DoesNotExist:
            avstaende = None
        rad.rader.append(Behovsrad(obj, list(obj.uppdrag.all()), avstaende))
    # A decided round whose upper part is empty still shows, so nobody wonders where it went.
    for omgang in (
        Prioriteringsomgang.objects.filter(
            planeringsar=planeringsar, status=Prioriteringsomgang.Status.BESLUTAD
        )
        .exclude(pk__in=per_omgang)
        .select_related("organ", "beslut")
    ):
        per_omgang[omgang.pk] = Omgangsrad(omgang)
    return sorted(per_omgang.values(), key=lambda r: r.omgang.organ.namn)


def antal_saknas(planeringsar: Planeringsar | None) -> int:
    """How many upper-part needs have neither a commission nor a decision not to commission."""
    return _ovre_delen(planeringsar).filter(uppdrag__isnull=True, avstaende__isnull=True).count()
