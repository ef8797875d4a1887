"""Building blocks for the follow-up tests: an indicator with yearly values, and a running
commission with a follow-up plan, goals and milestones (no demo needed)."""

from __future__ import annotations

import datetime as dt

from behov.models import Indikator, Matvarde
from natverken.models import Omrade, Planeringsar, Utforare
from tests import factories
from uppdrag.models import Mal, Milstolpe, Uppdrag, Uppfoljningsplan


def dalarna() -> Omrade:
    return Omrade.objects.get(scb_kod="20")


def indikator(
    kod: str = "T-PSYK",
    varden: dict[int, float | None] | None = None,
    *,
    polaritet: str = "lagre_battre",
    omrade: Omrade | None = None,
    ki: float | None = None,
    kon: dict[str, dict[int, float]] | None = None,
) -> Indikator:
    """An indicator with yearly values for one area (and optionally per sex)."""
    ind = Indikator.objects.create(kod=kod, namn=f"Indikator {kod}", enhet="%", polaritet=polaritet)
    omrade = omrade or dalarna()
    serier = {"T": varden or {}} | (kon or {})
    for k, per_ar in serier.items():
        for ar, v in per_ar.items():
            Matvarde.objects.create(
                indikator=ind,
                omrade=omrade,
                period_start=dt.date(ar, 1, 1),
                period_slut=dt.date(ar, 12, 31),
                period=str(ar),
                kon=k,
                varde=v,
                ki_lag=None if ki is None or v is None else v - ki,
                ki_hog=None if ki is None or v is None else v + ki,
            )
    return ind


def uppdrag(
    utforare: Utforare,
    *,
    ar: int = 2026,
    titel: str = "Första linjen",
    status: str = Uppdrag.Status.PAGAR,
    frekvens: str = Uppfoljningsplan.Frekvens.TERTIAL,
    ind: Indikator | None = None,
    baslinje: float = 30.0,
    baslinje_period: str = "2024",
    malvarde: float = 25.0,
    maldatum: dt.date = dt.date(2029, 12, 31),
    milstolpar_klara: int = 0,
) -> Uppdrag:
    """A decided commission for planning year `ar` with one effect goal on `ind` (if given),
    one activity goal, three milestones and a follow-up plan covering both goals."""
    planeringsar: Planeringsar = factories.planeringsar(ar)
    u = Uppdrag.objects.create(
        planeringsar=planeringsar,
        titel=f"{titel} {ar}",
        insatstyp=Uppdrag.Insatstyp.BEHANDLING,
        utforare=utforare,
        langsiktigt_mal="Bättre psykisk hälsa",
        start=dt.date(ar, 1, 1),
        slut=dt.date(ar, 12, 31),
        status=status,
        beslut=factories.beslut(
            paragraf=f"§ {Uppdrag.objects.count() + 100}", datum=dt.date(ar - 1, 10, 1)
        )
        if status != Uppdrag.Status.UTKAST
        else None,
    )
    malen = [
        Mal.objects.create(uppdrag=u, beskrivning="Insatsen är införd", niva=Mal.Niva.AKTIVITET)
    ]
    if ind is not None:
        malen.insert(
            0,
            Mal.objects.create(
                uppdrag=u,
                beskrivning=f"Minska {ind.namn.lower()}",
                niva=Mal.Niva.EFFEKT,
                indikator=ind,
                omrade=dalarna(),
                baslinje_varde=baslinje,
                baslinje_period=baslinje_period,
                malvarde=malvarde,
                maldatum=maldatum,
            ),
        )
    for nr, manad in enumerate((3, 6, 11)):
        Milstolpe.objects.create(
            uppdrag=u,
            datum=dt.date(ar, manad, 28),
            beskrivning=f"Milstolpe {manad}",
            klar=dt.date(ar, manad, 28) if nr < milstolpar_klara else None,
        )
    plan = Uppfoljningsplan.objects.create(
        uppdrag=u,
        frekvens=frekvens,
        rapportor="Verksamhetschef",
        klart_nar="Alla milstolpar nådda.",
    )
    plan.mal.set(malen)
    return u
