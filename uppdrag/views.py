"""Views of the commission stage: lists (by year, status, kind and provider), the provider's
own commissions, the commission page that tells the whole story, the workflow from draft to
closed, the dialogue, versions after the decision, and "address or explain"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from natverken.lib.export import nedladdning
from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Planeringsar, Roll, SamtidigAndring
from natverken.roller import har_roll, kraver_roll
from prioritering.models import Prioriteringsobjekt
from uppdrag import adressera as adressera_
from uppdrag import services, tabeller
from uppdrag import versioner as versioner_
from uppdrag.forms import (
    AvstaendeForm,
    BeslutForm,
    KommentarForm,
    MalForm,
    MalVersionFormset,
    MilstolpeForm,
    NyttUppdragForm,
    NyVersionForm,
    UppdragFilter,
    UppdragForm,
    UppfoljningsplanForm,
)
from uppdrag.models import Avstaende, Mal, Milstolpe, Uppdrag, Uppfoljningsplan

S = Uppdrag.Status
T, F, U = Roll.TJANSTEPERSON, Roll.FORTROENDEVALD, Roll.UTFORARE
ALLA_ROLLER = (T, F, U)
UPPDRAG_PER_SIDA = 100

# The officials' next step per status: (till, button text).
NASTA_STEG = {
    S.UTKAST: [("dialog", "Skicka till dialog med utföraren")],
    S.DIALOG: [("for_beslut", "Skicka för beslut")],
    S.FOR_BESLUT: [("dialog", "Ta tillbaka till dialog")],
    S.BESLUTAD: [("pagar", "Starta uppdraget (pågår)")],
    S.PAGAR: [("avslutad", "Avsluta uppdraget")],
    S.AVSLUTAD: [],
}
KLART_MEDDELANDE = {
    S.DIALOG: "Uppdraget är i dialog med {uppdrag.utforare}: utföraren kan nu läsa och kommentera.",
    S.FOR_BESLUT: "Uppdraget är skickat för beslut.",
    S.PAGAR: "Uppdraget är startat och pågår.",
    S.AVSLUTAD: "Uppdraget är avslutat.",
}


# --- Access helpers: one per model type ------------------------------------------------


def hamta_uppdrag(request: HttpRequest, pk: int, *, for_andring: bool = False) -> Uppdrag:
    """Everyone sees what `for_anvandare` allows (a provider only its own, from the dialogue
    on): anything else is 404. Only officials change a commission, and only a draft or one in
    dialogue; after the decision a change is a new version (see `andra`)."""
    uppdrag = get_object_or_404(
        Uppdrag.objects.for_anvandare(request.user).select_related(
            "planeringsar", "utforare", "beslut__organ"
        ),
        pk=pk,
    )
    if for_andring:
        if not har_roll(request.user, T):
            raise PermissionDenied("Bara tjänstepersoner ändrar ett uppdrag.")
        if not uppdrag.ar_utkast_eller_dialog:
            raise PermissionDenied(
                f"Uppdraget är {uppdrag.get_status_display().lower()} och kan inte ändras här. "
                "Ett beslutat uppdrag ändras som en ny version med ett skäl."
            )
    return uppdrag


def hamta_mal(request: HttpRequest, pk: int, *, for_andring: bool = False) -> Mal:
    mal = get_object_or_404(Mal.objects.select_related("indikator", "omrade"), pk=pk)
    mal.uppdrag = hamta_uppdrag(request, mal.uppdrag_id, for_andring=for_andring)
    return mal


def hamta_milstolpe(request: HttpRequest, pk: int, *, for_andring: bool = False) -> Milstolpe:
    milstolpe = get_object_or_404(Milstolpe, pk=pk)
    milstolpe.uppdrag = hamta_uppdrag(request, milstolpe.uppdrag_id, for_andring=for_andring)
    return milstolpe


def hamta_avstaende(request: HttpRequest, pk: int) -> Avstaende:
    return get_object_or_404(
        Avstaende.objects.select_related("objekt__omgang__planeringsar"), pk=pk
    )


def _detalj_url(uppdrag: Uppdrag | int, ankare: str = "") -> str:
    pk = uppdrag if isinstance(uppdrag, int) else uppdrag.pk
    return reverse("uppdrag:detalj", args=[pk]) + (f"#{ankare}" if ankare else "")


# --- Lists ----------------------------------------------------------------------------------


def _statusrakning(qs: Any) -> list[dict]:
    antal = dict(qs.order_by().values_list("status").annotate(n=Count("pk")))
    return [{"status": s, "namn": s.label, "antal": antal.get(s.value, 0)} for s in Uppdrag.ORDNING]


@require_GET
@kraver_roll(*ALLA_ROLLER)
def index(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    ar_text = request.GET.get("ar", "")
    alla_aren = ar_text == "alla"
    ar_val = "alla" if alla_aren else str(planeringsar.ar) if planeringsar else ""
    ser_alla = har_roll(request.user, T, F)
    filter_ = UppdragFilter(
        {**request.GET.dict(), "ar": ar_val}, alla_ar=alla_ar, visa_utforare=ser_alla
    )
    qs = Uppdrag.objects.for_anvandare(request.user)
    if not alla_aren:
        qs = qs.filter(planeringsar=planeringsar)
    rakning = _statusrakning(qs)
    if filter_.is_valid():
        data = filter_.cleaned_data
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["insatstyp"]:
            qs = qs.filter(insatstyp=data["insatstyp"])
        if data.get("utforare"):
            qs = qs.filter(utforare=data["utforare"])
    lista = qs.for_lista().order_by("-planeringsar__ar", "status", "titel", "pk")
    if svar := nedladdning(
        request, uppdrag=lambda: tabeller.uppdrag(lista, "alla år" if alla_aren else ar_val)
    ):
        return svar
    # "Alla år" grows every year (a large region decides hundreds of commissions a year):
    # the page shows a hundred at a time, the sum and the download cover the whole selection.
    sida = Paginator(lista, UPPDRAG_PER_SIDA).get_page(request.GET.get("sida"))
    return render(
        request,
        "uppdrag/index.html",
        {
            "planeringsar": None if alla_aren else planeringsar,
            "filter": filter_,
            "sida": sida,
            "rakning": rakning,
            "ar_mina": not ser_alla,
            "visa_utforare": ser_alla,
            "visa_ar": alla_aren,
            "kan_skapa": har_roll(request.user, T) and planeringsar is not None,
            "saknas": adressera_.antal_saknas(planeringsar) if ser_alla and not alla_aren else 0,
            "summa_tkr": qs.aggregate(summa=Sum("budget_tkr"))["summa"] or 0,
        },
    )


@require_GET
@kraver_roll(U)
def mina(request: HttpRequest) -> HttpResponse:
    """A provider's own commissions across years, grouped by what they need to do."""
    profil = getattr(request.user, "profil", None)
    utforare = profil.utforare if profil else None
    qs = Uppdrag.objects.none()
    if utforare is not None:
        qs = Uppdrag.objects.for_anvandare(request.user).filter(utforare=utforare)
    uppdrag = list(qs.for_lista().order_by("-planeringsar__ar", "titel"))
    if svar := nedladdning(request, uppdrag=lambda: tabeller.uppdrag(uppdrag, utforare)):
        return svar
    grupper = [
        (
            "Väntar på era synpunkter",
            "Utkasten är i dialog med er: läs och kommentera.",
            [S.DIALOG],
        ),
        ("Pågår", "Genomförs nu och återrapporteras enligt uppföljningsplanen.", [S.PAGAR]),
        ("Beslutade, startar snart", "Beslutade av nämnden men inte startade.", [S.BESLUTAD]),
        ("Väntar på beslut", "Dialogen är klar; organet ska besluta.", [S.FOR_BESLUT]),
        ("Avslutade", "", [S.AVSLUTAD]),
    ]
    return render(
        request,
        "uppdrag/mina.html",
        {
            "utforare": utforare,
            "grupper": [
                {"rubrik": r, "text": t, "uppdrag": [u for u in uppdrag if u.status in st]}
                for r, t, st in grupper
            ],
        },
    )


# --- Create from decided priorities ---------------------------------------------------------


def _forval(objekt: list[Prioriteringsobjekt], ar: int) -> dict:
    forsta = objekt[0] if objekt else None
    return {
        "objekt": [o.pk for o in objekt],
        "titel": forsta.rubrik if forsta else "",
        "langsiktigt_mal": (
            "Minska hälsogapet för "
            + ", ".join(o.behovsgrupp.namn.lower() for o in objekt)
            + " till den nivå nämnden beslutat."
        )
        if objekt
        else "",
        "beskrivning": "\n\n".join(o.atgard for o in objekt),
        "start": dt.date(ar, 1, 1),
        "slut": dt.date(ar, 12, 31),
    }


@require_http_methods(["GET", "POST"])
@kraver_roll(T)
def ny(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    if planeringsar is None:
        raise Http404("Det finns inga planeringsår.")
    objekt_qs = services.beslutade_objekt().filter(omgang__planeringsar=planeringsar)
    valda = [int(v) for v in request.GET.getlist("objekt") if v.isdigit()]
    initial = _forval(
        list(objekt_qs.filter(pk__in=valda).select_related("behovsgrupp").order_by("placering")),
        planeringsar.ar,
    )
    form = NyttUppdragForm(request.POST or None, objekt_qs=objekt_qs, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                uppdrag = form.save(commit=False)
                anteckningar = services.skapa_fran_prioriteringar(
                    uppdrag=uppdrag, objekt=list(form.cleaned_data["objekt"])
                )
        except ValidationError as fel:
            form.add_error(None, fel)
        else:
            antal = uppdrag.mal.count()
            messages.success(
                request,
                f"Uppdraget är skapat som utkast med {antal} mål från behovens hälsogap. "
                "Kontrollera målvärdena och skriv uppföljningsplanen.",
            )
            for anteckning in anteckningar:
                messages.warning(request, anteckning)
            return redirect(uppdrag)
    return render(
        request,
        "uppdrag/ny.html",
        {
            "form": form,
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "har_objekt": objekt_qs.exists(),
        },
    )


# --- The commission page ----------------------------------------------------------------------


def _uppdragssida(request: HttpRequest, pk: int, **formular: Any) -> HttpResponse:
    user = request.user
    uppdrag = get_object_or_404(Uppdrag.objects.for_anvandare(user).med_detaljer(), pk=pk)
    ar_tjp = har_roll(user, T)
    kan_andra = ar_tjp and uppdrag.ar_utkast_eller_dialog
    poster = list(
        uppdrag.history.select_related("history_user").order_by("history_date", "history_id")
    )
    beslutad_post = next((p for p in poster if p.status in Uppdrag.BESLUTADE), None)
    mina_organ = list(services.organ_for_ledamot(user)) if har_roll(user, F) else []
    plan = uppdrag.uppfoljningsplan_eller_none
    malen = list(uppdrag.mal.all())
    if svar := nedladdning(
        request,
        mal=lambda: tabeller.mal(uppdrag, malen, {m.pk for m in plan.mal.all()} if plan else set()),
    ):
        return svar
    milstolpar = list(uppdrag.milstolpar.all())
    nasta_steg = NASTA_STEG[uppdrag.status] if ar_tjp else []
    kan_besluta = bool(mina_organ) and uppdrag.status == S.FOR_BESLUT
    kan_ny_version = ar_tjp and uppdrag.status in {S.BESLUTAD, S.PAGAR}
    sammanhang = {
        "uppdrag": uppdrag,
        "objekt": list(uppdrag.prioriteringsobjekt.all()),
        "malen": malen,
        "antal_mal": len(malen),
        # The one line the summary shows: the first health goal with its numbers.
        "huvudmal": next(
            (m for m in malen if m.indikator_id and m.baslinje_varde is not None), None
        ),
        "milstolpar": milstolpar,
        "nasta_milstolpe": next((m for m in milstolpar if m.klar is None), None),
        "plan": plan,
        "planmal": {m.pk for m in plan.mal.all()} if plan else set(),
        "kommentarer": list(uppdrag.kommentarer.all()),
        "handelser": versioner_.handelser(poster),
        "beslutad_post": beslutad_post,
        "kan_andra": kan_andra,
        "kan_ny_version": kan_ny_version,
        "nasta_steg": nasta_steg,
        "visa_atgarder": bool(nasta_steg) or kan_besluta,
        "saknas": uppdrag.krav_for_beslut() if ar_tjp and uppdrag.ar_utkast_eller_dialog else [],
        "kan_besluta": kan_besluta,
        "kan_kommentera": uppdrag.status == S.DIALOG
        and services.roll_i_dialogen(user, uppdrag) is not None,
        "kan_bocka_av": uppdrag.status in {S.BESLUTAD, S.PAGAR}
        and (ar_tjp or services.roll_i_dialogen(user, uppdrag) == U),
        "mal_form": MalForm(prefix="mal", initial={"omrade": None}) if kan_andra else None,
        "milstolpe_form": MilstolpeForm(prefix="milstolpe") if kan_andra else None,
        "plan_form": UppfoljningsplanForm(prefix="plan", instance=plan, uppdrag=uppdrag)
        if kan_andra
        else None,
        "kommentar_form": KommentarForm(prefix="kommentar"),
    }
    sammanhang.update(formular)
    return render(request, "uppdrag/detalj.html", sammanhang)


@require_GET
@kraver_roll(*ALLA_ROLLER)
def detalj(request: HttpRequest, pk: int) -> HttpResponse:
    return _uppdragssida(request, pk)


@require_POST
@kraver_roll(T)
def overgang(request: HttpRequest, pk: int, till: str) -> HttpResponse:
    uppdrag = hamta_uppdrag(request, pk)
    if till not in services.OVERGANGAR:
        raise Http404("Okänt steg.")
    try:
        services.byt_status(uppdrag=uppdrag, till=till)
    except ValidationError as fel:
        messages.error(request, "Inget är ändrat. " + " ".join(fel.messages))
    except SamtidigAndring as fel:
        messages.error(request, str(fel))
    else:
        messages.success(request, KLART_MEDDELANDE[uppdrag.status].format(uppdrag=uppdrag))
    return redirect(uppdrag)


@require_http_methods(["GET", "POST"])
@kraver_roll(F)
def besluta(request: HttpRequest, pk: int) -> HttpResponse:
    uppdrag = hamta_uppdrag(request, pk)
    organ_qs = services.organ_for_ledamot(request.user)
    if not organ_qs.exists():
        raise PermissionDenied("Du är inte ledamot i något beslutande organ.")
    if uppdrag.status != S.FOR_BESLUT:
        messages.error(
            request,
            f"Uppdraget är {uppdrag.get_status_display().lower()}: bara ett uppdrag som är för "
            "beslut kan beslutas.",
        )
        return redirect(uppdrag)
    omgangens_organ = (
        Prioriteringsobjekt.objects.filter(uppdrag=uppdrag)
        .values_list("omgang__organ", flat=True)
        .first()
    )
    form = BeslutForm(
        request.POST or None,
        organ_qs=organ_qs,
        initial={
            "organ": omgangens_organ if organ_qs.filter(pk=omgangens_organ).exists() else None
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            beslut = services.besluta(
                uppdrag=uppdrag,
                anvandare=request.user,
                organ=data["organ"],
                datum=data["datum"],
                paragraf=data["paragraf"],
            )
        except ValidationError as fel:
            form.add_error(None, fel)
        except SamtidigAndring as fel:
            form.add_error(None, str(fel))
        else:
            messages.success(
                request,
                f"Beslutet är registrerat: {beslut.organ} {date_format(beslut.datum, 'j F Y')} "
                f"{beslut.paragraf}. Uppdraget är beslutat.",
            )
            return redirect(uppdrag)
    sammanfattning = Uppdrag.objects.med_detaljer().get(pk=uppdrag.pk)
    return render(request, "uppdrag/besluta.html", {"form": form, "uppdrag": sammanfattning})


# --- Editing: a draft freely, a decided commission as a new version ----------------------------


@require_http_methods(["GET", "POST"])
@kraver_roll(T)
def andra(request: HttpRequest, pk: int) -> HttpResponse:
    uppdrag = hamta_uppdrag(request, pk)
    if uppdrag.ar_utkast_eller_dialog:
        return _andra_utkast(request, uppdrag)
    if uppdrag.status in {S.BESLUTAD, S.PAGAR}:
        return _ny_version(request, uppdrag)
    raise PermissionDenied(
        f"Uppdraget är {uppdrag.get_status_display().lower()} och kan inte ändras. "
        + ("Ta tillbaka det till dialog först." if uppdrag.status == S.FOR_BESLUT else "")
    )


def _andra_utkast(request: HttpRequest, uppdrag: Uppdrag) -> HttpResponse:
    form = UppdragForm(request.POST or None, instance=uppdrag)
    if request.method == "POST" and form.is_valid() and form.spara():
        messages.success(request, "Uppdraget är sparat.")
        return redirect(uppdrag)
    return render(
        request, "uppdrag/andra.html", {"form": form, "uppdrag": uppdrag, "formset": None}
    )


def _ny_version(request: HttpRequest, uppdrag: Uppdrag) -> HttpResponse:
    form = NyVersionForm(request.POST or None, instance=uppdrag)
    formset = MalVersionFormset(
        request.POST or None,
        queryset=uppdrag.mal.select_related("indikator", "omrade").order_by("pk"),
        prefix="mal",
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        andrade_mal = [f.instance for f in formset.forms if f.has_changed()]
        if not form.andrade_falt and not andrade_mal:
            form.add_error(None, "Inget är ändrat. En ny version behövs bara när något ändras.")
        else:
            try:
                nummer = services.spara_ny_version(
                    uppdrag=form.instance, mal=andrade_mal, skal=form.cleaned_data["andringsskal"]
                )
            except ValidationError as fel:
                form.add_error(None, fel)
            except SamtidigAndring as fel:
                form.add_error(None, str(fel))
            else:
                messages.success(
                    request, f"Version {nummer} är sparad. Det beslutade finns kvar att läsa."
                )
                return redirect("uppdrag:versioner", pk=uppdrag.pk)
        uppdrag.refresh_from_db()
    return render(
        request, "uppdrag/andra.html", {"form": form, "uppdrag": uppdrag, "formset": formset}
    )


# --- Goals, milestones, follow-up plan (before the decision) -----------------------------------


@require_POST
@kraver_roll(T)
def mal_ny(request: HttpRequest, pk: int) -> HttpResponse:
    uppdrag = hamta_uppdrag(request, pk, for_andring=True)
    form = MalForm(request.POST, prefix="mal", instance=Mal(uppdrag=uppdrag))
    if form.is_valid():
        mal = form.save(commit=False)
        if mal.baslinje_varde is None:
            services.hamta_baslinje(mal)
        mal.save()
        messages.success(request, f"Målet ”{mal.beskrivning}” är tillagt.")
        return redirect(_detalj_url(uppdrag, "mal"))
    return _uppdragssida(request, pk, mal_form=form)


@require_http_methods(["GET", "POST"])
@kraver_roll(T)
def mal_andra(request: HttpRequest, pk: int) -> HttpResponse:
    mal = hamta_mal(request, pk, for_andring=True)
    form = MalForm(request.POST or None, instance=mal)
    if request.method == "POST" and form.is_valid():
        mal = form.save(commit=False)
        nyckel_andrad = {"indikator", "omrade", "kon"} & set(form.changed_data)
        if mal.baslinje_varde is None or (
            nyckel_andrad and "baslinje_varde" not in form.changed_data
        ):
            services.hamta_baslinje(mal)
        if form.spara():
            messages.success(request, "Målet är sparat.")
            return redirect(_detalj_url(mal.uppdrag_id, "mal"))
    return render(
        request, "uppdrag/mal_form.html", {"form": form, "mal": mal, "uppdrag": mal.uppdrag}
    )


@require_POST
@kraver_roll(T)
def mal_ta_bort(request: HttpRequest, pk: int) -> HttpResponse:
    mal = hamta_mal(request, pk, for_andring=True)
    mal.delete()
    messages.success(request, f"Målet ”{mal.beskrivning}” är borttaget.")
    return redirect(_detalj_url(mal.uppdrag, "mal"))


@require_POST
@kraver_roll(T)
def milstolpe_ny(request: HttpRequest, pk: int) -> HttpResponse:
    uppdrag = hamta_uppdrag(request, pk, for_andring=True)
    form = MilstolpeForm(request.POST, prefix="milstolpe", instance=Milstolpe(uppdrag=uppdrag))
    if form.is_valid():
        form.save()
        messages.success(request, "Milstolpen är tillagd.")
        return redirect(_detalj_url(uppdrag, "nar"))
    return _uppdragssida(request, pk, milstolpe_form=form)


@require_POST
@kraver_roll(T)
def milstolpe_ta_bort(request: HttpRequest, pk: int) -> HttpResponse:
    milstolpe = hamta_milstolpe(request, pk, for_andring=True)
    milstolpe.delete()
    messages.success(request, "Milstolpen är borttagen.")
    return redirect(_detalj_url(milstolpe.uppdrag, "nar"))


@require_POST
@kraver_roll(T, U)
def milstolpe_klar(request: HttpRequest, pk: int) -> HttpResponse:
    milstolpe = hamta_milstolpe(request, pk)
    try:
        services.markera_milstolpe_klar(milstolpe=milstolpe)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
    else:
        messages.success(request, f"Milstolpen ”{milstolpe.beskrivning}” är markerad som nådd.")
    return redirect(_detalj_url(milstolpe.uppdrag, "nar"))


@require_POST
@kraver_roll(T)
def plan_spara(request: HttpRequest, pk: int) -> HttpResponse:
    uppdrag = hamta_uppdrag(request, pk, for_andring=True)
    plan = Uppfoljningsplan.objects.filter(uppdrag=uppdrag).first() or Uppfoljningsplan(
        uppdrag=uppdrag
    )
    form = UppfoljningsplanForm(request.POST, prefix="plan", instance=plan, uppdrag=uppdrag)
    if form.is_valid() and form.spara():
        messages.success(request, "Uppföljningsplanen är sparad.")
        return redirect(_detalj_url(uppdrag, "uppfoljning"))
    return _uppdragssida(request, pk, plan_form=form)


# --- Dialogue --------------------------------------------------------------------------------


@require_POST
@kraver_roll(T, U)
def kommentera(request: HttpRequest, pk: int) -> HttpResponse:
    uppdrag = hamta_uppdrag(request, pk)
    form = KommentarForm(request.POST, prefix="kommentar")
    if form.is_valid():
        try:
            services.kommentera(
                uppdrag=uppdrag, anvandare=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as fel:
            # Outside the dialogue the page has no comment form to show the error in.
            messages.error(request, "Kommentaren är inte publicerad. " + " ".join(fel.messages))
            return redirect(_detalj_url(uppdrag, "dialog"))
        else:
            messages.success(request, "Kommentaren är publicerad i dialogen.")
            return redirect(_detalj_url(uppdrag, "dialog"))
    return _uppdragssida(request, pk, kommentar_form=form)


# --- Versions --------------------------------------------------------------------------------


@require_GET
@kraver_roll(*ALLA_ROLLER)
def versioner(request: HttpRequest, pk: int) -> HttpResponse:
    uppdrag = hamta_uppdrag(request, pk)
    lista = versioner_.versioner(uppdrag)
    return render(
        request,
        "uppdrag/versioner.html",
        {"uppdrag": uppdrag, "versioner": list(reversed(lista))},
    )


@require_GET
@kraver_roll(*ALLA_ROLLER)
def version(request: HttpRequest, pk: int, history_id: int) -> HttpResponse:
    """A version as it read then; version 1 is the commission as the body decided it."""
    uppdrag = hamta_uppdrag(request, pk)
    lista = versioner_.versioner(uppdrag)
    vald = next((v for v in lista if v.history_id == history_id), None)
    if vald is None:
        raise Http404("Ingen sådan version av uppdraget.")
    post = uppdrag.history.select_related("utforare", "beslut__organ", "history_user").get(
        history_id=history_id
    )
    return render(
        request,
        "uppdrag/version.html",
        {
            "uppdrag": uppdrag,
            "vald": vald,
            "post": post,
            "malen": versioner_.som_mal(versioner_.malen_i_version(uppdrag, vald)),
            "milstolpar": list(uppdrag.milstolpar.all()),
            "antal_versioner": len(lista),
        },
    )


# --- Address or explain ----------------------------------------------------------------------


def _adresserasida(
    request: HttpRequest,
    planeringsar: Planeringsar | None,
    alla_ar: list,
    formular: dict[int, AvstaendeForm] | None = None,
) -> HttpResponse:
    formular = formular or {}
    omgangar = adressera_.ovre_delen(planeringsar)
    if svar := nedladdning(
        request,
        adressera=lambda: tabeller.adressera(omgangar, getattr(planeringsar, "ar", None)),
    ):
        return svar
    mina_organ = services.organ_for_ledamot(request.user) if har_roll(request.user, F) else None
    formularen = {}
    for omgang in omgangar:
        for rad in omgang.saknas:
            formularen[rad.objekt.pk] = formular.get(
                rad.objekt.pk, AvstaendeForm(prefix=f"avsta-{rad.objekt.pk}", organ_qs=mina_organ)
            )
            rad.form = formularen[rad.objekt.pk]
    return render(
        request,
        "uppdrag/adressera.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "omgangar": omgangar,
            "antal_saknas": sum(len(o.saknas) for o in omgangar),
            "kan_skapa": har_roll(request.user, T),
            "kan_ta_bort": har_roll(request.user, T),
        },
    )


@require_GET
@kraver_roll(T, F)
def adressera(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    return _adresserasida(request, planeringsar, alla_ar)


@require_POST
@kraver_roll(T, F)
def avsta(request: HttpRequest, objekt_pk: int) -> HttpResponse:
    objekt = get_object_or_404(
        services.beslutade_objekt().select_related("omgang__planeringsar"), pk=objekt_pk
    )
    mina_organ = services.organ_for_ledamot(request.user) if har_roll(request.user, F) else None
    form = AvstaendeForm(request.POST, prefix=f"avsta-{objekt.pk}", organ_qs=mina_organ)
    ar = objekt.omgang.planeringsar.ar
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.avsta(
                objekt=objekt,
                motivering=data["motivering"],
                anvandare=request.user,
                organ=data.get("organ"),
                datum=data.get("datum"),
                paragraf=data.get("paragraf") or "",
            )
        except ValidationError as fel:
            if objekt.uppdrag.exists() or Avstaende.objects.filter(objekt=objekt).exists():
                # The need already has an answer, so its form is no longer on the page.
                messages.error(request, "Inget är registrerat. " + " ".join(fel.messages))
                return redirect(f"{reverse('uppdrag:adressera')}?ar={ar}")
            form.add_error(None, fel)
        else:
            messages.success(
                request, f"Beslutet att inte ge uppdrag för ”{objekt.rubrik}” är registrerat."
            )
            return redirect(f"{reverse('uppdrag:adressera')}?ar={ar}")
    planeringsar = objekt.omgang.planeringsar
    alla_ar = list(Planeringsar.objects.order_by("-ar"))
    return _adresserasida(request, planeringsar, alla_ar, {objekt.pk: form})


@require_POST
@kraver_roll(T)
def avstaende_ta_bort(request: HttpRequest, pk: int) -> HttpResponse:
    avstaende = hamta_avstaende(request, pk)
    ar = avstaende.objekt.omgang.planeringsar.ar
    if avstaende.beslut_id:
        raise PermissionDenied("Ett beslut att avstå som organet har fattat kan inte tas bort.")
    avstaende.delete()
    messages.success(request, f"Beslutet att avstå från ”{avstaende.objekt.rubrik}” är borttaget.")
    return redirect(f"{reverse('uppdrag:adressera')}?ar={ar}")
