"""Budgetunderlag: the budget-ready report to the council for one planning year — the decided
priorities in order with their reasons, gaps and reservations, the resource allocation against
the frame, and the commissions that follow with their goals and amounts.

Lives in uppdrag because it is the last stage it reads (priorities → commissions)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Prefetch

from behov.models import Behovsanalys
from behov.underlag import Gapunderlag, gapunderlag
from natverken.lib import pdf
from natverken.lib.diagram import Diagram, Stapel, staplar, svg_bild
from natverken.models import Planeringsar
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from uppdrag.models import Uppdrag

BESLUTADE_UPPDRAG = {Uppdrag.Status.BESLUTAD, Uppdrag.Status.PAGAR, Uppdrag.Status.AVSLUTAD}


def aktuell_omgang(planeringsar: Planeringsar) -> Prioriteringsomgang | None:
    """The round the budget rests on: the decided current revision, else the newest one."""
    omgangar = Prioriteringsomgang.objects.filter(planeringsar=planeringsar).select_related(
        "organ", "beslut__organ", "ersatter__beslut"
    )
    return (
        omgangar.filter(status=Prioriteringsomgang.Status.BESLUTAD).order_by("-revision").first()
        or omgangar.exclude(status=Prioriteringsomgang.Status.ERSATT).order_by("-revision").first()
    )


def budgetunderlag_pdf(
    planeringsar: Planeringsar, *, med_diagram: bool = True, offentlig: bool = False
) -> tuple[bytes, str]:
    innehall = pdf.rendera(
        "rapporter/budgetunderlag.html",
        sammanhang(planeringsar, med_diagram=med_diagram, offentlig=offentlig),
    )
    return innehall, pdf.filnamn("budgetunderlag", planeringsar.ar)


def sammanhang(
    planeringsar: Planeringsar, *, med_diagram: bool = True, offentlig: bool = False
) -> dict:
    """`offentlig`: for readers without login — only decided commissions appear."""
    omgang = aktuell_omgang(planeringsar)
    objekt = []
    if omgang:
        objekt = list(
            omgang.objekt.select_related("behovsgrupp", "bedomning", "resursfordelning")
            .prefetch_related(
                Prefetch("uppdrag", queryset=Uppdrag.objects.select_related("utforare")),
                "halsogap",
            )
            .order_by("placering", "rubrik")
        )
    analyser = {
        a.behovsgrupp_id: a
        for a in Behovsanalys.objects.filter(planeringsar=planeringsar).select_related(
            "behovsgrupp", "planeringsar"
        )
    }
    behov = []
    for obj in objekt:
        analys = analyser.get(obj.behovsgrupp_id)
        gap_ids = {g.pk for g in obj.halsogap.all()}
        underlag = (
            [u for u in gapunderlag(analys, med_diagram=med_diagram) if u.gap.pk in gap_ids]
            if analys
            else []
        )
        # Every gap of a decided need with its trend, and where in the region it is largest
        # (the latest value per part of the gap's area): the council sees what each gap is
        # measured on, where the target lies and where the resources would go.
        for u in underlag:
            visa = med_diagram and u.diagram and not u.diagram.tom
            u.svg = svg_bild(u.diagram, hojd=280) if visa else ""
            u.omradesdiagram = _omradesdiagram(u) if med_diagram else None
            u.omradessvg = svg_bild(u.omradesdiagram) if u.omradesdiagram else ""
        behov.append({"objekt": obj, "underlag": underlag})
    fordelat = Decimal(0)
    for b in behov:
        rf = getattr(b["objekt"], "resursfordelning", None)
        fordelat += rf.belopp_tkr if rf else Decimal(0)
        b["kumulativt"] = fordelat
    ram = omgang.budgetram_tkr if omgang else Decimal(0)
    uppdrag = list(
        Uppdrag.objects.filter(planeringsar=planeringsar)
        .select_related("utforare", "beslut__organ")
        .prefetch_related(
            "mal__indikator",
            Prefetch(
                "prioriteringsobjekt",
                queryset=Prioriteringsobjekt.objects.only("rubrik", "placering"),
            ),
        )
        .order_by("titel")
    )
    if offentlig:
        uppdrag = [u for u in uppdrag if u.status in BESLUTADE_UPPDRAG]
    beslutad = bool(omgang and omgang.status == Prioriteringsomgang.Status.BESLUTAD)
    ej_beslutade_uppdrag = [u for u in uppdrag if u.status not in BESLUTADE_UPPDRAG]
    utkast = ""
    if not beslutad:
        utkast = "prioriteringen är inte beslutad"
    elif planeringsar.budgetbeslut_id is None:
        utkast = "underlag till fullmäktige; budgeten är inte beslutad"
    return {
        "titel": f"Budgetunderlag {planeringsar.ar}",
        "underrubrik": "Prioriterade behov, resursfördelning och uppdrag inför fullmäktiges beslut",
        "planeringsar": planeringsar,
        "status": (
            f"Budgeten beslutad ({planeringsar.budgetbeslut.organ} {planeringsar.budgetbeslut.paragraf})"
            if planeringsar.budgetbeslut_id
            else ("Prioriteringen beslutad, budgeten ej beslutad" if beslutad else "Utkast")
        ),
        "utkast": utkast,
        "omgang": omgang,
        "behov": behov,
        "ram": ram,
        "fordelat": fordelat,
        "skillnad": ram - fordelat,
        "uppdrag": uppdrag,
        "ej_beslutade_uppdrag": ej_beslutade_uppdrag,
        "kapitel": [("sammanfattning", "Sammanfattning"), ("beslut", "Beslut och reservationer")]
        + [
            (f"behov-{b['objekt'].pk}", f"{b['objekt'].placering}. {b['objekt'].rubrik}")
            for b in behov
        ]
        + [("resurser", "Resursfördelning mot ramen"), ("uppdrag", "Uppdrag till utförarna")],
    }


def _omradesdiagram(u: Gapunderlag) -> Diagram | None:
    """Bars of the latest value in each part of the gap's area (the kommuner of a region),
    with the area's own value as the line to compare with; None with fewer than two."""
    med_varde = [o for o in u.omraden if o.varde is not None]
    if len(med_varde) < 2:
        return None
    gap, ind = u.gap, u.gap.indikator
    perioder = sorted({o.period for o in med_varde})
    return staplar(
        f"diagram-omraden-{gap.pk}",
        f"{ind.namn} – områdena i {gap.omrade.namn}, {'–'.join(dict.fromkeys((perioder[0], perioder[-1])))}",
        [Stapel(o.namn, o.varde) for o in med_varde],
        enhet=ind.enhet,
        decimaler=ind.decimaler,
        kalla=ind.kalla,
        jamforelse=(gap.omrade.namn, u.senaste.varde) if u.senaste else None,
    )


def uppdragsbeskrivning_pdf(uppdrag: Uppdrag) -> tuple[bytes, str]:
    """The document a provider receives: why (the need and its gaps), what (goals from
    baseline to target), when (time plan), money, how it is followed up, and the decision."""
    objekt = list(
        uppdrag.prioriteringsobjekt.select_related("behovsgrupp", "omgang__organ").prefetch_related(
            "halsogap__indikator", "halsogap__omrade"
        )
    )
    beslutat = uppdrag.status in BESLUTADE_UPPDRAG
    plan = getattr(uppdrag, "uppfoljningsplan", None)
    innehall = pdf.rendera(
        "rapporter/uppdragsbeskrivning.html",
        {
            "titel": f"Uppdrag: {uppdrag.titel}",
            "underrubrik": f"Till {uppdrag.utforare} · budgetår {uppdrag.planeringsar.ar}",
            "planeringsar": uppdrag.planeringsar,
            "status": uppdrag.get_status_display()
            + (f" (version {uppdrag.versionsnummer})" if uppdrag.versionsnummer > 1 else ""),
            "utkast": "" if beslutat else "uppdraget är inte beslutat",
            "uppdrag": uppdrag,
            "objekt": objekt,
            "mal": list(uppdrag.mal.select_related("indikator", "omrade")),
            "milstolpar": list(uppdrag.milstolpar.all()),
            "plan": plan,
            "plan_mal": list(plan.mal.all()) if plan else [],
            "kapitel": [
                ("varfor", "Varför: behovet"),
                ("vad", "Vad: mål"),
                ("nar", "När: tidsplan"),
                ("uppfoljning", "Uppföljning"),
                ("beslut", "Beslut och ekonomi"),
            ],
        },
    )
    return innehall, pdf.filnamn("uppdragsbeskrivning", uppdrag.planeringsar.ar, uppdrag.titel)
