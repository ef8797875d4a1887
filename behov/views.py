"""Views of the needs stage: the officials' workspace (indicators, needs groups, needs analyses
with gaps, sources and dialogues) and the elected representatives' target decisions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from behov import services, tabeller
from behov.forms import (
    AnalysForm,
    AteroppnaForm,
    BehovsgruppForm,
    DatakallaForm,
    DialogForm,
    HalsogapForm,
    IndikatorFilter,
    IndikatorForm,
    MalbeslutForm,
    NyAnalysForm,
)
from behov.models import (
    Behovsanalys,
    Behovsgrupp,
    Datakalla,
    Dialog,
    Halsogap,
    Indikator,
    Kon,
    Matvarde,
)
from behov.underlag import gapunderlag
from natverken.lib.diagram import Punkt, Serie, Stapel, staplar, trend
from natverken.lib.export import nedladdning
from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Omrade, Organ, Planeringsar, Roll, SamtidigAndring
from natverken.roller import har_roll, kraver_roll

LASARE = (Roll.TJANSTEPERSON, Roll.FORTROENDEVALD)
INDIKATORER_PER_SIDA = 100


# --- Access helpers: one per model type ------------------------------------------------


def hamta_analys(request: HttpRequest, pk: int, *, for_andring: bool = False) -> Behovsanalys:
    """Officials and elected read every analysis; only officials change one, and only while
    it is a draft (a ready analysis must be reopened first)."""
    analys = get_object_or_404(
        Behovsanalys.objects.select_related(
            "behovsgrupp", "planeringsar", "foregaende__planeringsar"
        ),
        pk=pk,
    )
    if for_andring:
        if not har_roll(request.user, Roll.TJANSTEPERSON):
            raise PermissionDenied("Bara tjänstepersoner kan ändra en behovsanalys.")
        if analys.status != Behovsanalys.Status.UTKAST:
            raise PermissionDenied(
                "Analysen är klar för prioritering och kan inte ändras. Öppna den igen först."
            )
    return analys


def hamta_gap(request: HttpRequest, pk: int, *, for_andring: bool = False) -> Halsogap:
    gap = get_object_or_404(Halsogap.objects.select_related("analys", "indikator", "omrade"), pk=pk)
    hamta_analys(request, gap.analys_id, for_andring=for_andring)
    return gap


# --- Overview -----------------------------------------------------------------------------


@require_GET
@kraver_roll(*LASARE)
def index(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    analyser = (
        Behovsanalys.objects.filter(planeringsar=planeringsar)
        .select_related("behovsgrupp", "planeringsar")
        .prefetch_related(
            Prefetch(
                "halsogap",
                queryset=Halsogap.objects.select_related("indikator", "omrade", "malbeslut"),
            )
        )
        .order_by("behovsgrupp__namn")
    )
    if svar := nedladdning(request, halsogap=lambda: tabeller.halsogap(analyser, planeringsar)):
        return svar
    return render(
        request,
        "behov/index.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "analyser": analyser,
            "ny_form": NyAnalysForm() if har_roll(request.user, Roll.TJANSTEPERSON) else None,
        },
    )


# --- Indicators -----------------------------------------------------------------------------


@require_GET
@kraver_roll(*LASARE)
def indikatorer(request: HttpRequest) -> HttpResponse:
    kallor = list(
        Indikator.objects.exclude(kalla="")
        .values_list("kalla", flat=True)
        .distinct()
        .order_by("kalla")
    )
    filter_ = IndikatorFilter(request.GET or None, kallor=kallor)
    hem = Omrade.hemregion()
    qs = Indikator.objects.annotate(
        har_data=Exists(Matvarde.objects.filter(indikator=OuterRef("pk"), omrade=hem))
    ).order_by("namn")
    if filter_.is_valid():
        data = filter_.cleaned_data
        if data["q"]:
            qs = qs.filter(
                Q(namn__icontains=data["q"])
                | Q(kod__icontains=data["q"])
                | Q(kallreferens__icontains=data["q"])
            )
        if data["kalla"]:
            qs = qs.filter(kalla=data["kalla"])
        if data["polaritet"]:
            qs = qs.filter(polaritet=data["polaritet"])
        if data["min_region"]:
            qs = qs.filter(har_data=True)
    if svar := nedladdning(request, indikatorer=lambda: tabeller.indikatorer(qs, hem)):
        return svar
    # A national catalogue has hundreds of indicators (Kolada thousands): the page shows
    # them a hundred at a time; the download has the whole selection.
    sida = Paginator(qs, INDIKATORER_PER_SIDA).get_page(request.GET.get("sida"))
    return render(
        request,
        "behov/indikatorer.html",
        {
            "filter": filter_,
            "sida": sida,
            "hemregion": hem,
            "kan_andra": har_roll(request.user, Roll.TJANSTEPERSON),
        },
    )


@require_http_methods(["GET", "POST"])
@kraver_roll(Roll.TJANSTEPERSON)
def indikator_ny(request: HttpRequest) -> HttpResponse:
    form = IndikatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        indikator = form.save()
        messages.success(request, f"Indikatorn ”{indikator.namn}” är skapad.")
        return redirect("behov:indikator", pk=indikator.pk)
    return render(request, "behov/indikator_form.html", {"form": form, "indikator": None})


@require_http_methods(["GET", "POST"])
@kraver_roll(Roll.TJANSTEPERSON)
def indikator_andra(request: HttpRequest, pk: int) -> HttpResponse:
    indikator = get_object_or_404(Indikator, pk=pk)
    form = IndikatorForm(request.POST or None, instance=indikator)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Indikatorn ”{indikator.namn}” är sparad.")
        return redirect("behov:indikator", pk=indikator.pk)
    return render(request, "behov/indikator_form.html", {"form": form, "indikator": indikator})


@require_GET
@kraver_roll(*LASARE)
def indikator(request: HttpRequest, pk: int) -> HttpResponse:
    ind = get_object_or_404(Indikator, pk=pk)
    omraden_med_data = Omrade.objects.filter(
        pk__in=Matvarde.objects.filter(indikator=ind).values("omrade").distinct()
    ).order_by("typ", "namn")
    hem = Omrade.hemregion()
    valt = None
    if request.GET.get("omrade", "").isdigit():
        valt = next((o for o in omraden_med_data if o.pk == int(request.GET["omrade"])), None)
    if valt is None:
        valt = (
            next((o for o in omraden_med_data if hem and o.pk == hem.pk), None)
            or next((o for o in omraden_med_data if o.typ == Omrade.Typ.REGION), None)
            or (omraden_med_data[0] if omraden_med_data else None)
        )
    if valt is not None and (
        svar := nedladdning(request, varden=lambda: tabeller.indikatorvarden(ind, valt))
    ):
        return svar
    diagram = []
    if valt is not None:
        riket = next((o for o in omraden_med_data if o.typ == Omrade.Typ.RIKET), None)
        serier = [Serie(valt.namn, _punkter(Matvarde.objects.for_serie(ind, valt)))]
        if riket and riket != valt:
            serier.append(
                Serie("Riket", _punkter(Matvarde.objects.for_serie(ind, riket)), jamforelse=True)
            )
        diagram.append(
            trend(
                "trend",
                f"{ind.namn} – {valt.namn} över tid",
                serier,
                enhet=ind.enhet,
                decimaler=ind.decimaler,
                kalla=ind.kalla,
            )
        )
        # Latest value across areas: the chosen area's own parts if it has any with data,
        # otherwise all regions.
        delar = [o for o in omraden_med_data if o.foralder_id == valt.pk]
        jamforda = delar or [o for o in omraden_med_data if o.typ == Omrade.Typ.REGION]
        if len(jamforda) > 1:
            senaste = Matvarde.objects.senaste_per_omrade(ind, jamforda).select_related("omrade")
            rikets = Matvarde.objects.senaste_per_omrade(ind, [riket]).first() if riket else None
            diagram.append(
                staplar(
                    "omraden",
                    f"Senaste värdet per {'område i ' + valt.namn if delar else 'region'}",
                    [
                        Stapel(
                            v.omrade.namn + f" ({v.period})",
                            v.varde,
                            v.ki_lag,
                            v.ki_hog,
                            markerad=v.omrade_id == valt.pk,
                        )
                        for v in senaste
                    ],
                    enhet=ind.enhet,
                    decimaler=ind.decimaler,
                    kalla=ind.kalla,
                    jamforelse=("Riket", rikets.varde) if rikets else None,
                )
            )
        konserier = [
            Serie(kon.label, _punkter(Matvarde.objects.for_serie(ind, valt, kon=kon)))
            for kon in (Kon.KVINNOR, Kon.MAN)
        ]
        if any(s.antal_varden for s in konserier):
            diagram.append(
                trend(
                    "kon",
                    f"Kvinnor och män – {valt.namn}",
                    konserier,
                    enhet=ind.enhet,
                    decimaler=ind.decimaler,
                    kalla=ind.kalla,
                )
            )
        uppdelningar = Matvarde.objects.filter(
            indikator=ind, omrade=valt, dimension__isnull=False
        ).order_by("dimension", "kategori", "period_start")
        per_dim: dict[str, dict[str, list[Punkt]]] = {}
        for v in uppdelningar:
            per_dim.setdefault(v.dimension, {}).setdefault(v.kategori, []).append(
                Punkt(v.period, v.varde, v.ki_lag, v.ki_hog)
            )
        for nr, (dim, kategorier) in enumerate(per_dim.items()):
            diagram.append(
                trend(
                    f"uppdelning-{nr}",
                    f"Efter {dim.lower()} – {valt.namn}",
                    [Serie(k, p) for k, p in kategorier.items()],
                    enhet=ind.enhet,
                    decimaler=ind.decimaler,
                    kalla=ind.kalla,
                )
            )
    return render(
        request,
        "behov/indikator.html",
        {
            "indikator": ind,
            "omraden": omraden_med_data,
            "valt": valt,
            "diagram": diagram,
            "kan_andra": har_roll(request.user, Roll.TJANSTEPERSON),
        },
    )


def _punkter(rader) -> list[Punkt]:  # noqa: ANN001
    return [Punkt(v.period, v.varde, v.ki_lag, v.ki_hog) for v in rader]


# --- Needs groups ---------------------------------------------------------------------------


@require_GET
@kraver_roll(*LASARE)
def grupper(request: HttpRequest) -> HttpResponse:
    visa_arkiverade = request.GET.get("arkiverade") == "1"
    qs = Behovsgrupp.objects.select_related("omrade").order_by("arkiverad", "namn")
    if not visa_arkiverade:
        qs = qs.filter(arkiverad=False)
    if svar := nedladdning(request, grupper=lambda: tabeller.grupper(qs)):
        return svar
    return render(
        request,
        "behov/grupper.html",
        {
            "grupper": qs,
            "visa_arkiverade": visa_arkiverade,
            "kan_andra": har_roll(request.user, Roll.TJANSTEPERSON),
        },
    )


@require_http_methods(["GET", "POST"])
@kraver_roll(Roll.TJANSTEPERSON)
def grupp_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    grupp = get_object_or_404(Behovsgrupp, pk=pk) if pk else None
    form = BehovsgruppForm(request.POST or None, instance=grupp)
    if request.method == "POST" and form.is_valid():
        grupp = form.save()
        messages.success(request, f"Behovsgruppen ”{grupp.namn}” är sparad.")
        return redirect("behov:grupper")
    return render(request, "behov/grupp_form.html", {"form": form, "grupp": grupp})


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def grupp_arkivera(request: HttpRequest, pk: int) -> HttpResponse:
    grupp = get_object_or_404(Behovsgrupp, pk=pk)
    grupp.arkiverad = not grupp.arkiverad
    grupp.save()
    messages.success(
        request, f"”{grupp.namn}” är {'arkiverad' if grupp.arkiverad else 'återställd'}."
    )
    return redirect("behov:grupper")


# --- Needs analyses -------------------------------------------------------------------------


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def analys_ny(request: HttpRequest) -> HttpResponse:
    planeringsar = get_object_or_404(Planeringsar, ar=request.POST.get("ar", "0") or 0)
    form = NyAnalysForm(request.POST)
    if form.is_valid():
        try:
            analys = services.skapa_analys(
                behovsgrupp=form.cleaned_data["behovsgrupp"], planeringsar=planeringsar
            )
        except ValidationError as fel:
            messages.error(request, " ".join(fel.messages))
        else:
            messages.success(request, "Behovsanalysen är skapad som utkast.")
            return redirect("behov:analys", pk=analys.pk)
    else:
        messages.error(request, "Välj en behovsgrupp.")
    return redirect(f"{reverse('behov:index')}?ar={planeringsar.ar}")


def _analyssida(request: HttpRequest, analys: Behovsanalys, **formular: object) -> HttpResponse:
    kan_andra = (
        har_roll(request.user, Roll.TJANSTEPERSON) and analys.status == Behovsanalys.Status.UTKAST
    )
    mina_organ = (
        services.organ_for_ledamot(request.user)
        if har_roll(request.user, Roll.FORTROENDEVALD)
        else []
    )
    sammanhang = {
        "analys": analys,
        "underlag": gapunderlag(analys),
        "datakallor": analys.datakallor.all(),
        "dialoger": analys.dialoger.all(),
        "kan_andra": kan_andra,
        "kan_oppna": har_roll(request.user, Roll.TJANSTEPERSON)
        and analys.status == Behovsanalys.Status.KLAR,
        "kan_besluta": bool(mina_organ),
        "saknas": services.krav_for_klar(analys) if kan_andra else [],
        "analys_form": AnalysForm(instance=analys),
        "gap_form": HalsogapForm(initial={"omrade": analys.behovsgrupp.omrade_id}),
        "kalla_form": DatakallaForm(),
        "dialog_form": DialogForm(),
        "oppna_form": AteroppnaForm(),
    }
    sammanhang.update(formular)
    return render(request, "behov/analys.html", sammanhang)


@require_GET
@kraver_roll(*LASARE)
def analys(request: HttpRequest, pk: int) -> HttpResponse:
    analys_ = hamta_analys(request, pk)
    if svar := nedladdning(request, halsogap=lambda: tabeller.analysens_halsogap(analys_)):
        return svar
    return _analyssida(request, analys_)


@require_GET
@kraver_roll(*LASARE)
def analys_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from behov.rapporter import behovsanalys_pdf
    from natverken.lib.pdf import pdf_svar

    innehall, namn = behovsanalys_pdf(hamta_analys(request, pk))
    return pdf_svar(innehall, namn)


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def analys_spara(request: HttpRequest, pk: int) -> HttpResponse:
    analys = hamta_analys(request, pk, for_andring=True)
    form = AnalysForm(request.POST, instance=analys)
    if form.is_valid() and form.spara():
        messages.success(request, "Analysen är sparad.")
        return redirect("behov:analys", pk=pk)
    analys.refresh_from_db()  # the page shows what is saved; the form keeps what was typed
    return _analyssida(request, analys, analys_form=form)


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def analys_klar(request: HttpRequest, pk: int) -> HttpResponse:
    analys = hamta_analys(request, pk, for_andring=True)
    try:
        services.markera_klar(analys=analys)
    except ValidationError as fel:
        messages.error(request, "Analysen kan inte markeras klar ännu: " + " ".join(fel.messages))
    else:
        messages.success(request, "Analysen är klar för prioritering och är nu låst för ändringar.")
    return redirect("behov:analys", pk=pk)


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def analys_oppna(request: HttpRequest, pk: int) -> HttpResponse:
    analys = hamta_analys(request, pk)
    form = AteroppnaForm(request.POST)
    if form.is_valid():
        try:
            services.ateroppna(analys=analys, skal=form.cleaned_data["skal"])
        except ValidationError as fel:
            messages.error(request, " ".join(fel.messages))
        else:
            messages.success(request, "Analysen är öppnad igen. Skälet finns i historiken.")
            return redirect("behov:analys", pk=pk)
    return _analyssida(request, analys, oppna_form=form)


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def analys_uppdatera_varden(request: HttpRequest, pk: int) -> HttpResponse:
    analys = hamta_analys(request, pk, for_andring=True)
    antal = services.uppdatera_aktuella_varden(analys=analys)
    messages.success(request, f"Aktuella värden hämtade från data: {antal} hälsogap ändrades.")
    return redirect("behov:analys", pk=pk)


# --- Gaps -----------------------------------------------------------------------------------


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def gap_ny(request: HttpRequest, pk: int) -> HttpResponse:
    analys = hamta_analys(request, pk, for_andring=True)
    gap = Halsogap(analys=analys)
    form = HalsogapForm(request.POST, instance=gap)
    if form.is_valid():
        if analys.halsogap.filter(
            indikator=form.cleaned_data["indikator"],
            omrade=form.cleaned_data["omrade"],
            kon=form.cleaned_data["kon"],
            dimension__isnull=True,
        ).exists():
            form.add_error(
                "indikator", "Det finns redan ett hälsogap för den indikatorn, området och könet."
            )
        else:
            gap = form.save(commit=False)
            services.hamta_aktuellt(gap)
            gap.save()
            messages.success(
                request,
                f"Hälsogapet för ”{gap.indikator}” är tillagt med aktuellt värde från data.",
            )
            return redirect(f"{reverse('behov:analys', args=[pk])}#gap-{gap.pk}")
    return _analyssida(request, analys, gap_form=form)


@require_http_methods(["GET", "POST"])
@kraver_roll(Roll.TJANSTEPERSON)
def gap_andra(request: HttpRequest, pk: int) -> HttpResponse:
    gap = hamta_gap(request, pk, for_andring=True)
    form = HalsogapForm(request.POST or None, instance=gap)
    if request.method == "POST" and form.is_valid():
        andrad_nyckel = {"indikator", "omrade", "kon"} & set(form.changed_data)
        if andrad_nyckel:
            services.hamta_aktuellt(form.instance)
        if form.spara():
            messages.success(request, "Hälsogapet är sparat.")
            return redirect(f"{reverse('behov:analys', args=[gap.analys_id])}#gap-{gap.pk}")
    return render(request, "behov/gap_form.html", {"form": form, "gap": gap})


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def gap_ta_bort(request: HttpRequest, pk: int) -> HttpResponse:
    gap = hamta_gap(request, pk, for_andring=True)
    if gap.malbeslut_id:
        raise PermissionDenied("Ett hälsogap med ett beslutat mål kan inte tas bort.")
    analys_id = gap.analys_id
    gap.delete()
    messages.success(request, "Hälsogapet är borttaget.")
    return redirect("behov:analys", pk=analys_id)


@require_http_methods(["GET", "POST"])
@kraver_roll(Roll.FORTROENDEVALD)
def gap_beslut(request: HttpRequest, pk: int) -> HttpResponse:
    gap = hamta_gap(request, pk)
    organ_qs = Organ.objects.filter(ledamoter__anvandare=request.user).distinct()
    if not organ_qs.exists():
        raise PermissionDenied("Du är inte ledamot i något beslutande organ.")
    if gap.malet_ar_last:
        raise PermissionDenied(
            f"Målet är redan beslutat ({gap.malbeslut}) och analysen är klar för prioritering. "
            "För att registrera ett nytt beslut om målet öppnas analysen igen med ett skäl."
        )
    initial = {
        "beslutat_mal": gap.beslutat_mal if gap.beslutat_mal is not None else gap.foreslaget_mal,
        "beslutat_malar": gap.beslutat_malar or gap.foreslaget_malar,
        "organ": organ_qs.first(),
    }
    form = MalbeslutForm(request.POST or None, organ_qs=organ_qs, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            beslut = services.besluta_mal(
                gap=gap,
                anvandare=request.user,
                organ=data["organ"],
                datum=data["datum"],
                paragraf=data["paragraf"],
                malvarde=data["beslutat_mal"],
                malar=data["beslutat_malar"],
            )
        except ValidationError as fel:
            form.add_error("paragraf", " ".join(fel.messages))
        except SamtidigAndring as fel:
            form.add_error(None, str(fel))
        else:
            messages.success(request, f"Målet är registrerat som beslutat: {beslut}.")
            return redirect(f"{reverse('behov:analys', args=[gap.analys_id])}#gap-{gap.pk}")
    return render(request, "behov/gap_beslut.html", {"form": form, "gap": gap})


# --- Sources and dialogues ------------------------------------------------------------------


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def kalla_ny(request: HttpRequest, pk: int) -> HttpResponse:
    analys = hamta_analys(request, pk, for_andring=True)
    form = DatakallaForm(request.POST, instance=Datakalla(analys=analys))
    if form.is_valid():
        form.save()
        messages.success(request, "Datakällan är tillagd.")
        return redirect(f"{reverse('behov:analys', args=[pk])}#datakallor")
    return _analyssida(request, analys, kalla_form=form)


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def kalla_ta_bort(request: HttpRequest, pk: int) -> HttpResponse:
    kalla = get_object_or_404(Datakalla, pk=pk)
    hamta_analys(request, kalla.analys_id, for_andring=True)
    kalla.delete()
    messages.success(request, "Datakällan är borttagen.")
    return redirect(f"{reverse('behov:analys', args=[kalla.analys_id])}#datakallor")


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def dialog_ny(request: HttpRequest, pk: int) -> HttpResponse:
    analys = hamta_analys(request, pk, for_andring=True)
    form = DialogForm(request.POST, instance=Dialog(analys=analys))
    if form.is_valid():
        form.save()
        messages.success(request, "Dialogen är tillagd.")
        return redirect(f"{reverse('behov:analys', args=[pk])}#dialoger")
    return _analyssida(request, analys, dialog_form=form)


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def dialog_ta_bort(request: HttpRequest, pk: int) -> HttpResponse:
    dialog = get_object_or_404(Dialog, pk=pk)
    hamta_analys(request, dialog.analys_id, for_andring=True)
    dialog.delete()
    messages.success(request, "Dialogen är borttagen.")
    return redirect(f"{reverse('behov:analys', args=[dialog.analys_id])}#dialoger")
