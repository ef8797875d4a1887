"""Views of the follow-up stage: the one-screen picture of a planning year, the reports
(provider writes, official accepts or returns), a commission's implementation beside its
outcome, a needs group's dashboard, the yearly follow-up the body approves, and starting the
next planning year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from behov.models import Behovsanalys, Behovsgrupp, Halsogap
from natverken.lib.export import nedladdning
from natverken.lib.pdf import pdf_svar
from natverken.models import Omrade, Organ, Planeringsar, Roll, SamtidigAndring
from natverken.roller import har_roll, kraver_roll, roller
from uppdrag.models import Uppdrag
from uppfoljning import services, tabeller
from uppfoljning.diagram import AR_FORE_BASLINJEN, bana_trend, framsteg, maltrend, skillnadstrend
from uppfoljning.forms import (
    ArsuppfoljningForm,
    FortsattningForm,
    GodkannandeForm,
    GranskningsForm,
    MalrapportForm,
    RapportForm,
)
from uppfoljning.maluppfyllelse import bedom, periodens_slut
from uppfoljning.models import Arsuppfoljning, Aterrapport
from uppfoljning.rapportering import DAGAR_ATT_GRANSKA, RAPPORTERANDE, rapportrader
from uppfoljning.underlag import (
    LOPANDE,
    Varden,
    bedomningar,
    gruppskillnader,
    med_uppfoljning,
    overforing,
    per_prioritering,
    synliga_uppdrag,
    uppdragslagen,
)

T, F, U = Roll.TJANSTEPERSON, Roll.FORTROENDEVALD, Roll.UTFORARE
R = Aterrapport.Rapportstatus
RAPPORTER_PER_SIDA = 100


def _idag() -> dt.date:
    return timezone.localdate()


def _valt_ar(request: HttpRequest) -> tuple[Planeringsar | None, list[Planeringsar]]:
    """?ar=, else the year being carried out now (follow-up is about running work), else the
    latest."""
    alla = list(Planeringsar.objects.order_by("-ar"))
    per_ar = {p.ar: p for p in alla}
    onskat = request.GET.get("ar", "")
    if onskat.isdigit() and int(onskat) in per_ar:
        return per_ar[int(onskat)], alla
    return per_ar.get(_idag().year, alla[0] if alla else None), alla


# --- Access helpers: one per object type --------------------------------------------------


def _ar_utforarens(user: Any, uppdrag: Uppdrag) -> bool:
    """The provider organisation that has the commission (admin may act for it)."""
    if Roll.ADMIN in roller(user):
        return True
    profil = getattr(user, "profil", None)
    return (
        Roll.UTFORARE in roller(user)
        and profil is not None
        and profil.utforare_id == uppdrag.utforare_id
    )


def hamta_uppdrag(request: HttpRequest, pk: int) -> Uppdrag:
    """A commission the user may see, loaded for follow-up (404 for another provider's)."""
    return get_object_or_404(med_uppfoljning(Uppdrag.objects.for_anvandare(request.user)), pk=pk)


def hamta_rapport(
    request: HttpRequest, pk: int, *, for_andring: bool = False, for_granskning: bool = False
) -> Aterrapport:
    """A report on a commission the user may see (404 otherwise). Only the provider writes
    it, and only while it waits or was returned; only officials review it."""
    rapport = get_object_or_404(
        Aterrapport.objects.filter(
            uppdrag__in=Uppdrag.objects.for_anvandare(request.user)
        ).select_related("inlamnad_av", "granskad_av"),
        pk=pk,
    )
    rapport.uppdrag = hamta_uppdrag(request, rapport.uppdrag_id)
    if for_andring:
        if not _ar_utforarens(request.user, rapport.uppdrag):
            raise PermissionDenied("Bara utföraren som har uppdraget skriver återrapporten.")
        if not rapport.ar_redigerbar:
            raise PermissionDenied(
                "Rapporten är inlämnad eller godkänd och kan inte ändras. En återsänd rapport "
                "kan kompletteras."
            )
    if for_granskning and not har_roll(request.user, T):
        raise PermissionDenied("Bara tjänstepersoner godkänner eller återsänder återrapporter.")
    return rapport


def _mina_organ(user: Any) -> list[Organ]:
    if not har_roll(user, F):
        return []
    return list(Organ.objects.filter(ledamoter__anvandare=user).distinct().order_by("namn"))


# --- The one-screen picture of a planning year ---------------------------------------------


@require_GET
@kraver_roll(T, F, U)
def index(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = _valt_ar(request)
    idag = _idag()
    lagen = (
        uppdragslagen(med_uppfoljning(synliga_uppdrag(request.user, planeringsar)), idag=idag)
        if planeringsar
        else []
    )
    if svar := nedladdning(request, uppdrag=lambda: tabeller.lagen(lagen, planeringsar)):
        return svar
    besluta = [lage for lage in lagen if lage.skal_till_beslut]
    arsuppfoljning = (
        Arsuppfoljning.objects.filter(planeringsar=planeringsar)
        .select_related("beslut__organ")
        .first()
        if planeringsar
        else None
    )
    lasare = har_roll(request.user, T, F)
    grupper = (
        Behovsanalys.objects.filter(planeringsar=planeringsar)
        .select_related("behovsgrupp")
        .order_by("behovsgrupp__namn")
        if lasare and planeringsar
        else []
    )
    rapporter = [r for lage in lagen for r in lage.rapporter]
    mal = [rad for lage in lagen for rad in lage.indikatormal]
    return render(
        request,
        "uppfoljning/index.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "idag": idag,
            "lagen": lagen,
            "besluta": besluta,
            "enligt_plan": [lage for lage in lagen if not lage.skal_till_beslut],
            "arsuppfoljning": arsuppfoljning,
            "grupper": grupper,
            "lasare": lasare,
            "nyckeltal": {
                "uppdrag": len(lagen),
                "genomforda": sum(1 for lage in lagen if lage.ar_genomfort),
                "rapporter_inne": sum(1 for r in rapporter if r.status in {R.INLAMNAD, R.GODKAND}),
                "rapporter_forfallna": sum(1 for r in rapporter if r.forfallen),
                "forsenade": sum(1 for r in rapporter if r.forsenad),
                "mal": len(mal),
                "mal_i_fas": sum(1 for rad in mal if rad.bedomning.i_fas),
                "mal_efter": sum(1 for rad in mal if rad.bedomning.status == "efter"),
                "mal_kan_ej": sum(1 for rad in mal if rad.bedomning.status == "kan_ej_bedomas"),
            },
            "framsteg": framsteg(lagen, id="framsteg", titel="Hur långt har hälsomålen kommit?")
            if lasare and lagen
            else None,
            "nasta_start": nasta_att_starta(idag, alla_ar),
        },
    )


def nasta_att_starta(idag: dt.date, alla_ar: list[Planeringsar] | None = None) -> int | None:
    """The planning year whose start is next: in the first half of a year the one prepared
    during it (N+1), from the summer the one prepared next year (N+2). Never more than one
    past the latest year."""
    senaste = (
        (max(p.ar for p in alla_ar) if alla_ar else None)
        if alla_ar is not None
        else (Planeringsar.objects.order_by("-ar").values_list("ar", flat=True).first())
    )
    if senaste is None:
        return None
    return min(idag.year + (1 if idag.month <= 6 else 2), senaste + 1)


# --- Reports ---------------------------------------------------------------------------------


@require_GET
@kraver_roll(T, F, U)
def rapporter(request: HttpRequest) -> HttpResponse:
    """Due and overdue reports for the people who must act, and the year's reports."""
    planeringsar, alla_ar = _valt_ar(request)
    idag = _idag()
    alla = rapportrader(
        Uppdrag.objects.for_anvandare(request.user)
        .filter(status__in=RAPPORTERANDE)
        .select_related("planeringsar", "utforare", "uppfoljningsplan")
        .prefetch_related(
            Prefetch("aterrapporter", queryset=Aterrapport.objects.order_by("senast"))
        ),
        idag=idag,
    )
    listor = {
        "forsenade": [r for r in alla if r.forsenad],
        "att_granska": [r for r in alla if r.status == R.INLAMNAD],
        "snart": [r for r in alla if r.aktuell and not r.forsenad],
        "arets": [
            r for r in alla if r.uppdrag.planeringsar_id == getattr(planeringsar, "pk", None)
        ],
    }
    ar = getattr(planeringsar, "ar", "")
    if svar := nedladdning(
        request,
        forsenade=lambda: tabeller.rapporter(listor["forsenade"], "forsenade", "Försenade"),
        granska=lambda: tabeller.rapporter(listor["att_granska"], "att-granska", "Att granska"),
        snart=lambda: tabeller.rapporter(listor["snart"], "snart", "Ska lämnas inom 30 dagar"),
        aret=lambda: tabeller.rapporter(listor["arets"], f"uppdragen-{ar}", f"Uppdragen {ar}"),
    ):
        return svar
    # A large region owes hundreds of reports a year: the year's list a hundred at a time
    # (its download has them all).
    listor["arets"] = Paginator(listor["arets"], RAPPORTER_PER_SIDA).get_page(
        request.GET.get("sida")
    )
    return render(
        request,
        "uppfoljning/rapporter.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "idag": idag,
            **listor,
            "ar_utforare": har_roll(request.user, U) and not har_roll(request.user, T, F),
            "kan_granska": har_roll(request.user, T),
            "granskningsdagar": DAGAR_ATT_GRANSKA,
            "nasta_start": nasta_att_starta(idag, alla_ar),
        },
    )


@require_POST
@kraver_roll(U)
def rapport_ny(request: HttpRequest, pk: int) -> HttpResponse:
    """The provider starts the report for a period of the plan (created once)."""
    uppdrag = hamta_uppdrag(request, pk)
    if not _ar_utforarens(request.user, uppdrag):
        raise PermissionDenied("Bara utföraren som har uppdraget skriver återrapporten.")
    try:
        rapport = services.paborja_rapport(uppdrag=uppdrag, period=request.POST.get("period", ""))
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect("uppfoljning:rapporter")
    return redirect("uppfoljning:rapport", pk=rapport.pk)


def _rapportsida(request: HttpRequest, rapport: Aterrapport, **formular: Any) -> HttpResponse:
    uppdrag = rapport.uppdrag
    lage = uppdragslagen([uppdrag], idag=_idag())[0]
    kan_andra = _ar_utforarens(request.user, uppdrag) and rapport.ar_redigerbar
    kan_granska = har_roll(request.user, T) and rapport.rapportstatus == R.INLAMNAD
    malen = services.rapportmal(uppdrag)
    statusar = {s.mal_id: s for s in rapport.malstatus.all()}
    if kan_andra and "rapport_form" not in formular:
        formular["rapport_form"] = RapportForm(instance=rapport)
        formular["malformular"] = [
            MalrapportForm(
                mal=m,
                initial={
                    "framdrift": statusar[m.pk].framdrift,
                    "kommentar": statusar[m.pk].kommentar,
                    "uppmatt_varde": statusar[m.pk].uppmatt_varde,
                }
                if m.pk in statusar
                else None,
            )
            for m in malen
        ]
    if kan_granska and "granskningsform" not in formular:
        formular["granskningsform"] = GranskningsForm(initial={"version": rapport.version})
    malrader = {rad.mal.pk: rad for rad in lage.malrader}
    formular_per_mal = {f.mal.pk: f for f in formular.get("malformular", [])}
    return render(
        request,
        "uppfoljning/rapport.html",
        {
            "rapport": rapport,
            "uppdrag": uppdrag,
            "lage": lage,
            "kan_andra": kan_andra,
            "kan_granska": kan_granska,
            "malen": [
                (m, malrader.get(m.pk), statusar.get(m.pk), formular_per_mal.get(m.pk))
                for m in malen
            ],
            "klara_i_rapporten": list(rapport.klara_milstolpar.all()),
            "historik": rapport.history.select_related("history_user").order_by(
                "history_date", "history_id"
            ),
            "forsenad": rapport.ar_forsenad(_idag()),
            **formular,
        },
    )


@require_GET
@kraver_roll(T, F, U)
def rapport(request: HttpRequest, pk: int) -> HttpResponse:
    return _rapportsida(request, hamta_rapport(request, pk))


@require_POST
@kraver_roll(U)
def rapport_spara(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the report as a draft, or submit it (the button pressed says which)."""
    rapport = hamta_rapport(request, pk, for_andring=True)
    lamna_in = request.POST.get("handling") == "lamna_in"
    form = RapportForm(request.POST, instance=rapport, lamna_in=lamna_in)
    malformular = [
        MalrapportForm(request.POST, mal=m, lamna_in=lamna_in)
        for m in services.rapportmal(rapport.uppdrag)
    ]
    if form.is_valid() and all(f.is_valid() for f in malformular):
        try:
            services.spara_rapport(
                rapport=form.instance,
                malrapporter={
                    f.mal.pk: services.Malrapport(
                        f.cleaned_data["framdrift"],
                        f.cleaned_data["kommentar"].strip(),
                        f.cleaned_data.get("uppmatt_varde"),
                    )
                    for f in malformular
                },
                klara_milstolpar=form.cleaned_data["klara_milstolpar"],
                anvandare=request.user,
                lamna_in=lamna_in,
            )
        except SamtidigAndring as fel:
            form.add_error(None, str(fel))
        except ValidationError as fel:
            for text in fel.messages:
                form.add_error(None, text)
        else:
            if lamna_in:
                messages.success(
                    request, f"Återrapporten {rapport.period} är inlämnad för granskning."
                )
            else:
                messages.success(request, "Utkastet är sparat. Rapporten är inte inlämnad ännu.")
            return redirect("uppfoljning:rapport", pk=pk)
    # The page shows what is saved; the form keeps what was typed.
    return _rapportsida(
        request, hamta_rapport(request, pk), rapport_form=form, malformular=malformular
    )


@require_POST
@kraver_roll(T)
def rapport_granska(request: HttpRequest, pk: int) -> HttpResponse:
    rapport = hamta_rapport(request, pk, for_granskning=True)
    if rapport.rapportstatus != R.INLAMNAD:
        # Someone else reviewed it first, or it was never submitted: say so, change nothing,
        # and give back the comment the official typed so it isn't lost.
        kommentar = request.POST.get("kommentar", "").strip()
        messages.error(
            request,
            f"Rapporten är {rapport.get_rapportstatus_display().lower()} och "
            "kan inte godkännas eller återsändas nu."
            + (f" Din kommentar är inte sparad: ”{kommentar}”" if kommentar else ""),
        )
        return redirect("uppfoljning:rapport", pk=pk)
    form = GranskningsForm(request.POST)
    handling = request.POST.get("handling")
    if handling not in {"godkann", "atersand"}:
        form.add_error(None, "Välj att godkänna eller återsända rapporten.")
    elif form.is_valid():
        rapport._forvantad_version = form.cleaned_data["version"]
        try:
            services.granska_rapport(
                rapport=rapport,
                anvandare=request.user,
                godkann=handling == "godkann",
                kommentar=form.cleaned_data["kommentar"],
            )
        except SamtidigAndring as fel:
            form.add_error(None, str(fel))
        except ValidationError as fel:
            form.add_error("kommentar" if handling == "atersand" else None, fel.messages)
        else:
            if handling == "godkann":
                messages.success(request, f"Återrapporten {rapport.period} är godkänd.")
            else:
                messages.success(
                    request, f"Återrapporten {rapport.period} är återsänd till utföraren."
                )
            return redirect("uppfoljning:rapport", pk=pk)
    return _rapportsida(request, hamta_rapport(request, pk), granskningsform=form)


# --- A commission: implementation beside outcome -------------------------------------------


@require_GET
@kraver_roll(T, F, U)
def uppdrag(request: HttpRequest, pk: int) -> HttpResponse:
    objekt = hamta_uppdrag(request, pk)
    lage = uppdragslagen([objekt], idag=_idag(), alla_uppdelningar=True)[0]
    if svar := nedladdning(
        request,
        mal=lambda: tabeller.maluppfyllelse([lage], objekt.planeringsar, {}, objekt.titel),
        rapporter=lambda: tabeller.rapporter(lage.rapporter, objekt.titel, "Återrapporter"),
        milstolpar=lambda: tabeller.milstolpar(lage),
    ):
        return svar
    diagram = []
    for rad in lage.indikatormal:
        ind = rad.mal.indikator
        fran = int(rad.baslinje_ar) - AR_FORE_BASLINJEN if rad.baslinje_ar else None
        diagram.append(
            (
                rad,
                maltrend(rad, id=f"mal-{rad.mal.pk}"),
                skillnadstrend(
                    rad.skillnader,
                    id=f"skillnad-{rad.mal.pk}",
                    titel=f"{ind.namn} – skillnader mellan grupper",
                    enhet=ind.enhet,
                    decimaler=ind.decimaler,
                    kalla=ind.kalla,
                    malar=rad.mal.maldatum.year if rad.mal.maldatum else None,
                    fran_ar=fran,
                ),
            )
        )
    return render(
        request,
        "uppfoljning/uppdrag.html",
        {
            "lage": lage,
            "uppdrag": objekt,
            "diagram": diagram,
            "idag": _idag(),
            "grupper": {o.behovsgrupp for o in objekt.prioriteringsobjekt.all()},
            "lasare": har_roll(request.user, T, F),
            "sagt": [
                r.rapport
                for r in lage.rapporter
                if r.rapport and r.status in {R.INLAMNAD, R.GODKAND, R.ATERSAND}
            ][::-1],
        },
    )


# --- A needs group: its gaps against the targets, and the gaps between groups ---------------


@require_GET
@kraver_roll(T, F)
def behovsgrupp(request: HttpRequest, pk: int) -> HttpResponse:
    grupp = get_object_or_404(Behovsgrupp, pk=pk)
    planeringsar, alla_ar = _valt_ar(request)
    analys = (
        Behovsanalys.objects.filter(behovsgrupp=grupp, planeringsar=planeringsar)
        .select_related("planeringsar")
        .first()
    )
    gapen = (
        list(
            Halsogap.objects.filter(analys=analys)
            .select_related("indikator", "omrade", "malbeslut__organ")
            .order_by("indikator__namn")
        )
        if analys
        else []
    )
    delar = list(
        Omrade.objects.filter(foralder_id__in={g.omrade_id for g in gapen}).order_by("namn")
    )
    varden = Varden(
        {(g.indikator_id, g.omrade_id) for g in gapen}
        | {(g.indikator_id, o.pk) for g in gapen for o in delar if o.foralder_id == g.omrade_id},
        alla_uppdelningar=True,
    )
    kort = []
    for gap in gapen:
        ind = gap.indikator
        serie = varden.serie(ind.pk, gap.omrade_id, gap.kon, gap.dimension, gap.kategori)
        malar = gap.beslutat_malar if gap.mal_ar_beslutat else gap.foreslaget_malar
        bas_slut = periodens_slut(gap.aktuell_period or "")
        bas_punkt = next((p for p in serie if p.period == gap.aktuell_period), None)
        bedomning = bedom(
            baslinje=gap.aktuellt_varde,
            baslinje_slut=bas_slut,
            malvarde=gap.malvarde,
            maldatum=dt.date(malar, 12, 31) if malar else None,
            punkter=serie,
            polaritet=ind.polaritet,
            decimaler=ind.decimaler,
            baslinje_ki=(bas_punkt.ki_lag, bas_punkt.ki_hog) if bas_punkt else (None, None),
        )
        egna_delar = [o for o in delar if o.foralder_id == gap.omrade_id]
        skillnader = gruppskillnader(
            varden, ind.pk, gap.omrade_id, egna_delar, fran=bas_slut, decimaler=ind.decimaler
        )
        kort.append(
            {
                "gap": gap,
                "bedomning": bedomning,
                "skillnader": skillnader,
                "trend": bana_trend(
                    id=f"gap-{gap.pk}",
                    titel=f"{ind.namn} – {gap.omrade.namn} mot målet",
                    indikator=ind,
                    serie=serie,
                    namn=gap.omrade.namn,
                    baslinje=gap.aktuellt_varde,
                    baslinje_slut=bas_slut,
                    malvarde=gap.malvarde,
                    malar=malar,
                ),
                "skillnadsdiagram": skillnadstrend(
                    skillnader,
                    id=f"skillnad-{gap.pk}",
                    titel=f"Skillnader mellan grupper – {ind.namn}",
                    enhet=ind.enhet,
                    decimaler=ind.decimaler,
                    kalla=ind.kalla,
                    fran_ar=bas_slut.year - AR_FORE_BASLINJEN if bas_slut else None,
                ),
            }
        )
    lagen = (
        uppdragslagen(
            med_uppfoljning(
                synliga_uppdrag(request.user, planeringsar)
                .filter(prioriteringsobjekt__behovsgrupp=grupp)
                .distinct()
            ),
            idag=_idag(),
        )
        if planeringsar
        else []
    )
    return render(
        request,
        "uppfoljning/behovsgrupp.html",
        {
            "grupp": grupp,
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "analys": analys,
            "kort": kort,
            "lagen": lagen,
        },
    )


# --- The yearly follow-up -------------------------------------------------------------------


def _arsuppfoljningssida(request: HttpRequest, ar: int, **formular: Any) -> HttpResponse:
    planeringsar = get_object_or_404(Planeringsar, ar=ar)
    arsupp = (
        Arsuppfoljning.objects.filter(planeringsar=planeringsar)
        .select_related("beslut__organ", "beslut__registrerat_av")
        .first()
    )
    lagen = uppdragslagen(
        med_uppfoljning(synliga_uppdrag(request.user, planeringsar)), idag=_idag()
    )
    per_uppdrag = {lage.uppdrag.pk: lage for lage in lagen}
    prioriteringar, ovriga = per_prioritering(planeringsar, per_uppdrag)
    vid_beslut = arsupp.bedomningar_vid_beslut if arsupp and arsupp.ar_godkand else {}
    if svar := nedladdning(
        request, mal=lambda: tabeller.maluppfyllelse(lagen, planeringsar, vid_beslut)
    ):
        return svar
    kan_andra = har_roll(request.user, T) and arsupp is not None and not arsupp.ar_godkand
    mina_organ = _mina_organ(request.user)
    kan_godkanna = bool(mina_organ) and arsupp is not None and not arsupp.ar_godkand
    if kan_andra and "form" not in formular:
        formular["form"] = ArsuppfoljningForm(instance=arsupp)
    if kan_godkanna and "godkannande" not in formular:
        formular["godkannande"] = GodkannandeForm(
            organ=mina_organ, initial={"version": arsupp.version}
        )
    return render(
        request,
        "uppfoljning/arsuppfoljning.html",
        {
            "planeringsar": planeringsar,
            "arsupp": arsupp,
            "lagen": lagen,
            "prioriteringar": prioriteringar,
            "ovriga": ovriga,
            "vid_beslut": vid_beslut,
            "kan_andra": kan_andra,
            "kan_godkanna": kan_godkanna,
            "kan_paborja": har_roll(request.user, T) and arsupp is None,
            "ej_godkanda": sum(
                1 for lage in lagen for r in lage.forfallna_rapporter if r.status != R.GODKAND
            ),
            "nasta_start": nasta_att_starta(_idag()),
            **formular,
        },
    )


@require_GET
@kraver_roll(T, F)
def arsuppfoljning(request: HttpRequest, ar: int) -> HttpResponse:
    return _arsuppfoljningssida(request, ar)


@login_not_required
@require_GET
def arsuppfoljning_pdf(request: HttpRequest, ar: int) -> HttpResponse:
    """The yearly follow-up as a document. Officials and elected members get it at any stage
    (UTKAST until approved). Once the body has approved it, it is a public document – the
    input to the region's annual report – and anyone may download it; before that, anonymous
    readers are sent to log in and providers are refused, as on the page."""
    from uppfoljning.rapporter import arsuppfoljning_pdf as rapport

    planeringsar = get_object_or_404(Planeringsar, ar=ar)
    godkand = Arsuppfoljning.objects.filter(
        planeringsar=planeringsar, status=Arsuppfoljning.Status.GODKAND
    ).exists()
    if not godkand and not har_roll(request.user, T, F):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied(
            f"Årsuppföljningen för {ar} är inte godkänd ännu. Den blir offentlig när nämnden "
            "har godkänt den."
        )
    innehall, namn = rapport(planeringsar)
    return pdf_svar(innehall, namn)


@require_POST
@kraver_roll(T)
def arsuppfoljning_paborja(request: HttpRequest, ar: int) -> HttpResponse:
    planeringsar = get_object_or_404(Planeringsar, ar=ar)
    befintlig = Arsuppfoljning.objects.filter(planeringsar=planeringsar).first()
    if befintlig is not None and befintlig.ar_godkand:
        raise PermissionDenied(
            f"Årsuppföljningen för {ar} är godkänd av nämnden och kan inte ändras."
        )
    services.paborja_arsuppfoljning(planeringsar=planeringsar)
    messages.success(request, f"Årsuppföljningen för {ar} är påbörjad som utkast.")
    return redirect("uppfoljning:arsuppfoljning", ar=ar)


def _hamta_arsuppfoljning(ar: int) -> Arsuppfoljning:
    arsupp = get_object_or_404(
        Arsuppfoljning.objects.select_related("planeringsar"), planeringsar__ar=ar
    )
    if arsupp.ar_godkand:
        raise PermissionDenied("Årsuppföljningen är godkänd av nämnden och kan inte ändras.")
    return arsupp


@require_POST
@kraver_roll(T)
def arsuppfoljning_spara(request: HttpRequest, ar: int) -> HttpResponse:
    arsupp = _hamta_arsuppfoljning(ar)
    form = ArsuppfoljningForm(request.POST, instance=arsupp)
    if form.is_valid() and form.spara():
        messages.success(request, "Årsuppföljningen är sparad.")
        return redirect("uppfoljning:arsuppfoljning", ar=ar)
    return _arsuppfoljningssida(request, ar, form=form)


@require_POST
@kraver_roll(F)
def arsuppfoljning_godkann(request: HttpRequest, ar: int) -> HttpResponse:
    arsupp = _hamta_arsuppfoljning(ar)
    mina_organ = _mina_organ(request.user)
    if not mina_organ:
        raise PermissionDenied("Bara ledamöter i ett beslutande organ kan registrera godkännandet.")
    form = GodkannandeForm(request.POST, organ=mina_organ)
    if form.is_valid():
        arsupp._forvantad_version = form.cleaned_data["version"]
        lagen = uppdragslagen(
            med_uppfoljning(synliga_uppdrag(request.user, arsupp.planeringsar)), idag=_idag()
        )
        try:
            beslut = services.godkann_arsuppfoljning(
                arsuppfoljning=arsupp,
                anvandare=request.user,
                organ=form.cleaned_data["organ"],
                datum=form.cleaned_data["datum"],
                paragraf=form.cleaned_data["paragraf"],
                bedomningar=bedomningar(lagen),
            )
        except SamtidigAndring:
            form.add_error(
                None,
                "Årsuppföljningen har ändrats sedan du läste den. Läs den nya "
                "versionen innan den godkänns.",
            )
        except ValidationError as fel:
            # Shown at the top as well: the form itself may not show when the document lacks
            # what approval needs.
            messages.error(request, " ".join(fel.messages))
            form.add_error(None, fel.messages)
        else:
            messages.success(
                request, f"Årsuppföljningen för {ar} är godkänd ({beslut.organ} {beslut.paragraf})."
            )
            return redirect("uppfoljning:arsuppfoljning", ar=ar)
    return _arsuppfoljningssida(request, ar, godkannande=form)


# --- Starting the next planning year --------------------------------------------------------


def _nasta_ar_sida(request: HttpRequest, ar: int, **formular: Any) -> HttpResponse:
    senaste = Planeringsar.objects.order_by("-ar").values_list("ar", flat=True).first()
    if senaste is None or not (2000 <= ar <= senaste + 1):
        raise Http404("Det planeringsåret kan inte startas ännu.")
    planeringsar = Planeringsar.objects.filter(ar=ar).first()
    lopande = [
        lage
        for lage in uppdragslagen(
            med_uppfoljning(
                Uppdrag.objects.for_anvandare(request.user)
                .filter(planeringsar__ar__lt=ar, status__in=LOPANDE, slut__year__gte=ar - 1)
                .order_by("titel")
            ),
            idag=_idag(),
            fortsattning_for=planeringsar,
        )
    ]
    mina_organ = _mina_organ(request.user)
    formular_per_uppdrag = formular.pop("fortsattningsformular", {})
    rader = []
    for lage in lopande:
        form = None
        if mina_organ and planeringsar and lage.fortsattning is None:
            form = formular_per_uppdrag.get(lage.uppdrag.pk) or FortsattningForm(
                organ=mina_organ, prefix=f"u{lage.uppdrag.pk}"
            )
        rader.append((lage, form))
    grupper = overforing(ar)
    if svar := nedladdning(request, halsogap=lambda: tabeller.overforing(grupper, ar)):
        return svar
    return render(
        request,
        "uppfoljning/nasta_ar.html",
        {
            "ar": ar,
            "planeringsar": planeringsar,
            "grupper": grupper,
            "rader": rader,
            "foregaende_ar": ar - 1,
            "saknar_beslut": sum(1 for lage in lopande if lage.fortsattning is None),
            "att_overfora": sum(g.saknas for g in grupper),
            "kan_starta": har_roll(request.user, T),
            **formular,
        },
    )


@require_GET
@kraver_roll(T, F)
def nasta_ar(request: HttpRequest, ar: int) -> HttpResponse:
    return _nasta_ar_sida(request, ar)


@require_POST
@kraver_roll(T)
def nasta_ar_starta(request: HttpRequest, ar: int) -> HttpResponse:
    try:
        resultat = services.starta_planeringsar(ar=ar)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect("uppfoljning:nasta_ar", ar=ar)
    delar = [
        f"{len(resultat.nya_analyser)} nya behovsanalyser som utkast",
        f"{resultat.overforda_gap} ouppfyllda hälsogap förda vidare med senaste värden",
    ]
    if resultat.redan_overforda:
        delar.append(f"{resultat.redan_overforda} fanns redan")
    if resultat.lasta_analyser:
        delar.append(f"{len(resultat.lasta_analyser)} analyser är redan klara och ändrades inte")
    messages.success(request, f"Planeringsår {ar} är startat: " + ", ".join(delar) + ".")
    return redirect("uppfoljning:nasta_ar", ar=ar)


@require_POST
@kraver_roll(F)
def fortsattning(request: HttpRequest, ar: int, pk: int) -> HttpResponse:
    planeringsar = get_object_or_404(Planeringsar, ar=ar)
    objekt = hamta_uppdrag(request, pk)
    mina_organ = _mina_organ(request.user)
    if not mina_organ:
        raise PermissionDenied("Bara ledamöter i ett beslutande organ kan registrera beslutet.")
    form = FortsattningForm(request.POST, organ=mina_organ, prefix=f"u{objekt.pk}")
    if form.is_valid():
        try:
            services.besluta_fortsattning(
                uppdrag=objekt,
                planeringsar=planeringsar,
                val=form.cleaned_data["val"],
                motivering=form.cleaned_data["motivering"],
                anvandare=request.user,
                organ=form.cleaned_data["organ"],
                datum=form.cleaned_data["datum"],
                paragraf=form.cleaned_data["paragraf"],
            )
        except ValidationError as fel:
            # At the top too: a commission already decided or no longer running has no form.
            messages.error(request, " ".join(fel.messages))
            form.add_error(None, fel.messages)
        else:
            messages.success(request, f"Beslutet om ”{objekt.titel}” inför {ar} är registrerat.")
            return redirect(f"{reverse('uppfoljning:nasta_ar', args=[ar])}#uppdrag-{objekt.pk}")
    return _nasta_ar_sida(request, ar, fortsattningsformular={objekt.pk: form})
