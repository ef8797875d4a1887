"""Builders shared by the commission tests and the browser test: a decided priority round for
2027 with three needs (the upper part is the first two), each with a health gap on an
indicator that has data, and a commission walked through the workflow by the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from behov.models import Behovsanalys, Behovsgrupp, Halsogap, Indikator, Matvarde
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang, Resursfordelning
from tests import factories
from uppdrag import services
from uppdrag.models import Uppdrag, Uppfoljningsplan

S = Uppdrag.Status


def nytt_uppdrag(objekt, utforare, *, titel: str = "Rökfri Dalarna") -> Uppdrag:
    uppdrag = Uppdrag(
        titel=titel,
        insatstyp=Uppdrag.Insatstyp.FOREBYGGANDE,
        utforare=utforare,
        langsiktigt_mal="Färre röker dagligen.",
        start=dt.date(2027, 1, 1),
        slut=dt.date(2027, 12, 31),
    )
    services.skapa_fran_prioriteringar(uppdrag=uppdrag, objekt=objekt)
    return uppdrag


def med_plan(uppdrag: Uppdrag) -> Uppdrag:
    plan = Uppfoljningsplan.objects.create(
        uppdrag=uppdrag,
        frekvens="tertial",
        rapportor="Verksamhetschef",
        klart_nar="Målvärdet är nått.",
    )
    plan.mal.set(uppdrag.mal.all())
    return uppdrag


def i_status(uppdrag: Uppdrag, status: str, *, anvandare=None, organ=None) -> Uppdrag:
    """Walk the commission through the workflow with the services (so history is real)."""
    ordning = Uppdrag.ORDNING
    if ordning.index(status) >= ordning.index(S.FOR_BESLUT) and not hasattr(
        uppdrag, "uppfoljningsplan"
    ):
        med_plan(uppdrag)
    while uppdrag.status != status:
        nasta = ordning[ordning.index(uppdrag.status) + 1]
        if nasta == S.BESLUTAD:
            services.besluta(
                uppdrag=uppdrag,
                anvandare=anvandare,
                organ=organ,
                datum=dt.date(2026, 10, 20),
                paragraf="§ 97",
            )
        else:
            services.byt_status(uppdrag=uppdrag, till=nasta)
        uppdrag.refresh_from_db()
    return uppdrag


def beslutad_omgang(hsn, indikator, dalarna) -> Prioriteringsomgang:  # noqa: ANN001
    """The body's decided round for 2027: three needs with a gap each and an allocation."""
    planeringsar = factories.planeringsar(2027)
    prio_beslut = factories.beslut(
        hsn, "§ 61", datum=dt.date(2026, 6, 9), rubrik="Prioritering 2027"
    )
    mal_beslut = factories.beslut(hsn, "§ 44", datum=dt.date(2026, 4, 21), rubrik="Mål för hälsan")
    omgang = Prioriteringsomgang.objects.create(
        planeringsar=planeringsar,
        organ=hsn,
        namn="Prioritering inför budget 2027",
        budgetram_tkr=Decimal(10_000),
        status=Prioriteringsomgang.Status.BESLUTAD,
        beslut=prio_beslut,
        ovre_del_antal=2,
    )
    for plats, (grupp, belopp) in enumerate(
        (("Rökare i Dalarna", 1200), ("Unga med psykisk ohälsa", 800), ("Äldre multisjuka", 500)),
        start=1,
    ):
        behovsgrupp = Behovsgrupp.objects.create(namn=grupp, omrade=dalarna)
        analys = Behovsanalys.objects.create(
            behovsgrupp=behovsgrupp, planeringsar=planeringsar, status="klar"
        )
        gap = Halsogap.objects.create(
            analys=analys,
            indikator=indikator,
            omrade=dalarna,
            aktuellt_varde=9.5,
            aktuell_period="2024",
            foreslaget_mal=8.0,
            foreslaget_malar=2029,
            # The first need's target is decided by the body; the others are proposals.
            beslutat_mal=7.0 if plats == 1 else None,
            beslutat_malar=2030 if plats == 1 else None,
            malbeslut=mal_beslut if plats == 1 else None,
        )
        obj = Prioriteringsobjekt.objects.create(
            omgang=omgang,
            behovsgrupp=behovsgrupp,
            rubrik=f"Behov {plats}: {grupp}",
            atgard=f"Åtgärd för {grupp.lower()}",
            placering=plats,
        )
        obj.halsogap.set([gap])
        Resursfordelning.objects.create(
            objekt=obj, belopp_tkr=Decimal(belopp), typ="prioritera", beslut=prio_beslut
        )
    return omgang


def rokindikator(dalarna) -> Indikator:  # noqa: ANN001
    ind = Indikator.objects.create(
        kod="T-ROK", namn="Daglig rökning", enhet="%", polaritet="lagre_battre", decimaler=1
    )
    # 2025 is missing (NULL): the baseline must be 2024's value, never a 0.
    for ar, varde in ((2022, 10.0), (2023, 9.8), (2024, 9.5), (2025, None)):
        Matvarde.objects.create(
            indikator=ind,
            omrade=dalarna,
            period_start=dt.date(ar, 1, 1),
            period_slut=dt.date(ar, 12, 31),
            period=str(ar),
            kon="T",
            varde=varde,
        )
    return ind
