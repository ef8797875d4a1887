"""Views of the prioritisation stage: officials prepare a round (needs, assessments by the
national model), each elected member ranks as themselves, the aggregate shows agreement and
disagreement, a member records the body's decision and reservations, resources are set
against the frame, and the public reads what was decided.

Who may do what is asked in one place per view: the role decorator, then the access helper
(404 if missing; 403 if a decided round would change), then the service (membership of the
body, the round's state)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from natverken.lib.export import csv_svar, json_svar, nedladdning
from natverken.lib.pdf import pdf_svar
from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Ledamot, Planeringsar, Roll
from natverken.roller import har_roll, kraver_roll
from prioritering import offentligt as oppna
from prioritering import services, tabeller, underlag
from prioritering.forms import (
    BedomningForm,
    BeslutForm,
    ForslagForm,
    NyOmgangForm,
    NyttObjektForm,
    ObjektForm,
    OmgangForm,
    RangordningForm,
    ReservationForm,
    ResursForm,
    RevisionForm,
)
from prioritering.models import (
    Bedomning,
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Rangordning,
)

T, F = Roll.TJANSTEPERSON, Roll.FORTROENDEVALD
LASARE = (T, F)
S = Prioriteringsomgang.Status


# --- Access helpers: one per model type ------------------------------------------------


def hamta_omgang(
    request: HttpRequest, pk: int, *, for_andring: bool = False
) -> Prioriteringsomgang:
    """Officials and elected read every round. A decided round is frozen: asking for it to
    change is refused (403) with the reason and the way forward (a revision)."""
    omgang = get_object_or_404(
        Prioriteringsomgang.objects.select_related(
            "planeringsar", "organ", "beslut", "ersatter__beslut"
        ),
        pk=pk,
    )
    if for_andring:
        services.kontrollera_ej_last(omgang)
    return omgang


def hamta_objekt(
    request: HttpRequest, pk: int, *, for_andring: bool = False
) -> Prioriteringsobjekt:
    objekt = get_object_or_404(underlag.objekt_qs(), pk=pk)
    objekt.omgang = hamta_omgang(request, objekt.omgang_id, for_andring=for_andring)
    return objekt


def _min_ledamot(request: HttpRequest, omgang: Prioriteringsomgang) -> Ledamot | None:
    if not har_roll(request.user, F):
        return None
    return Ledamot.objects.filter(organ_id=omgang.organ_id, anvandare=request.user).first()


def _fel(fel: ValidationError) -> str:
    return " ".join(fel.messages)


# --- Overview -----------------------------------------------------------------------------


def omgangar_med_ordning(planeringsar, *, bara_beslutade: bool = False):  # noqa: ANN001, ANN201
    """The rounds of a year with their needs in order, assessments, resources, reservations
    and how many members have ranked, in a constant number of queries."""
    rangordnade = (
        Rangordning.objects.filter(omgang=OuterRef("pk"), inlamnad__isnull=False)
        .values("omgang")
        .annotate(n=Count("pk"))
        .values("n")
    )
    ledamoter = (
        Ledamot.objects.filter(organ=OuterRef("organ"))
        .values("organ")
        .annotate(n=Count("pk"))
        .values("n")
    )
    omgangar = (
        Prioriteringsomgang.objects.filter(planeringsar=planeringsar)
        .select_related("organ", "beslut", "ersatter__beslut", "planeringsar", "ersatt_av")
        .prefetch_related(
            Prefetch(
                "objekt",
                queryset=Prioriteringsobjekt.objects.select_related(
                    "behovsgrupp", "bedomning", "resursfordelning"
                ),
            ),
            "beslut__reservationer__ledamot",
        )
        .annotate(
            fordelat_tkr=Sum("objekt__resursfordelning__belopp_tkr"),
            antal_rangordnade=Coalesce(Subquery(rangordnade, output_field=IntegerField()), 0),
            antal_ledamoter=Coalesce(Subquery(ledamoter, output_field=IntegerField()), 0),
        )
        # Meta.ordering is not applied to a grouped query: the version in force comes first.
        .order_by("organ__namn", "-revision")
    )
    if bara_beslutade:
        omgangar = omgangar.filter(status=S.BESLUTAD)
    return omgangar


@require_GET
@kraver_roll(*LASARE)
def index(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    omgangar = omgangar_med_ordning(planeringsar)
    if svar := nedladdning(request, ordning=lambda: tabeller.ordningar(omgangar, planeringsar)):
        return svar
    return render(
        request,
        "prioritering/index.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "omgangar": omgangar,
            "kan_forbereda": har_roll(request.user, T),
            # A round open for ranking in another year is what members most need to find.
            "oppna_andra_ar": Prioriteringsomgang.objects.filter(status=S.RANGORDNING)
            .exclude(planeringsar=planeringsar)
            .select_related("planeringsar", "organ")
            .order_by("planeringsar__ar"),
        },
    )


# --- A round --------------------------------------------------------------------------------


def _nasta_steg(
    request: HttpRequest, omgang: Prioriteringsomgang, **fakta: object
) -> tuple[str, str, str] | None:
    """The one thing this user should do next here: (text, link, link text)."""
    url = lambda namn: reverse(f"prioritering:{namn}", args=[omgang.pk])  # noqa: E731
    ledamot, min_rangordning = fakta["ledamot"], fakta["min_rangordning"]
    if omgang.ar_under_forberedelse and har_roll(request.user, T):
        return (
            "Omgången förbereds. Lägg till behoven, bedöm dem och öppna för rangordning.",
            "#forbered",
            "Till förberedelsen",
        )
    if omgang.ar_oppen_for_rangordning and ledamot is not None:
        if min_rangordning is None:
            return ("Du har inte rangordnat behoven ännu.", url("rangordna"), "Rangordna behoven")
        return (
            f"Din rangordning är sparad. Du kan ändra den tills {omgang.organ} har beslutat.",
            url("besluta"),
            "Förbered och registrera beslutet",
        )
    if omgang.status == S.BESLUTAD and ledamot is not None:
        return (
            "Beslutet är registrerat. Ledamöter som reserverar sig förs in här.",
            "#reservationer",
            "Registrera en reservation",
        )
    return None


def _omgangssida(
    request: HttpRequest, omgang: Prioriteringsomgang, **formular: object
) -> HttpResponse:
    objekt = underlag.objekt_for(omgang)
    samlad = underlag.samlad_for(omgang, objekt)
    ordnade = underlag.arbetsordning(objekt, samlad)
    if svar := nedladdning(
        request,
        bedomningar=lambda: tabeller.bedomningar(omgang, ordnade),
        samlad=lambda: tabeller.samlad(omgang, samlad),
    ):
        return svar
    ledamot = _min_ledamot(request, omgang)
    ledamoter = underlag.ledamoter_for(omgang)
    min_rangordning = (
        Rangordning.objects.filter(omgang=omgang, ledamot=ledamot, inlamnad__isnull=False).first()
        if ledamot
        else None
    )
    tjansteperson = har_roll(request.user, T)
    kan_forbereda = tjansteperson and not omgang.ar_beslutad
    kan_reservera = ledamot is not None and omgang.status == S.BESLUTAD
    revision = omgang.revision_under_arbete
    sammanhang = {
        "omgang": omgang,
        "objekt": ordnade,
        "samlad": samlad,
        "fordelning": underlag.fordelning_for(omgang, ordnade),
        "ledamoter": ledamoter,
        "ledamot": ledamot,
        "min_rangordning": min_rangordning,
        "revision": revision,
        "kan_forbereda": kan_forbereda,
        "kan_lagga_till": kan_forbereda and omgang.ar_under_forberedelse,
        "kan_rangordna": ledamot is not None and omgang.ar_oppen_for_rangordning,
        "kan_reservera": kan_reservera,
        "kan_revidera": tjansteperson and omgang.status == S.BESLUTAD and revision is None,
        "kan_andra_resurser": not omgang.ar_beslutad and (tjansteperson or ledamot is not None),
        "krav": services.krav_for_rangordning(omgang) if omgang.ar_under_forberedelse else [],
        "nasta": _nasta_steg(request, omgang, ledamot=ledamot, min_rangordning=min_rangordning),
        "reservationer": list(omgang.beslut.reservationer.select_related("ledamot"))
        if omgang.beslut_id
        else [],
    }
    if sammanhang["kan_lagga_till"]:
        sammanhang["objekt_form"] = NyttObjektForm(omgang=omgang)
    if kan_reservera:
        sammanhang["reservation_form"] = ReservationForm(omgang=omgang)
    sammanhang.update(formular)
    return render(request, "prioritering/omgang.html", sammanhang)


@require_GET
@kraver_roll(*LASARE)
def omgang(request: HttpRequest, pk: int) -> HttpResponse:
    return _omgangssida(request, hamta_omgang(request, pk))


@require_http_methods(["GET", "POST"])
@kraver_roll(T)
def omgang_ny(request: HttpRequest) -> HttpResponse:
    planeringsar, _ = valt_planeringsar(request)
    initial = {
        "planeringsar": planeringsar,
        "namn": f"Prioritering inför budget {planeringsar.ar}" if planeringsar else "",
    }
    form = NyOmgangForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ny = form.save()
        messages.success(
            request,
            f"Prioriteringsomgången ”{ny}” är skapad. Lägg till behoven som ska prioriteras.",
        )
        return redirect("prioritering:omgang", pk=ny.pk)
    return render(request, "prioritering/omgang_form.html", {"form": form, "omgang": None})


@require_http_methods(["GET", "POST"])
@kraver_roll(T)
def omgang_andra(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = hamta_omgang(request, pk, for_andring=True)
    form = OmgangForm(request.POST or None, instance=omgang)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Omgången är sparad.")
        return redirect("prioritering:omgang", pk=pk)
    return render(request, "prioritering/omgang_form.html", {"form": form, "omgang": omgang})


@require_POST
@kraver_roll(T)
def omgang_oppna(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = hamta_omgang(request, pk, for_andring=True)
    try:
        services.oppna_for_rangordning(omgang=omgang)
    except ValidationError as fel:
        messages.error(request, "Omgången kan inte öppnas ännu: " + _fel(fel))
    else:
        messages.success(
            request, "Omgången är öppen för rangordning. Ledamöterna kan nu rangordna behoven."
        )
    return redirect("prioritering:omgang", pk=pk)


# --- Needs and their assessment (officials) -------------------------------------------------


@require_POST
@kraver_roll(T)
def objekt_ny(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = hamta_omgang(request, pk, for_andring=True)
    if not omgang.ar_under_forberedelse:
        raise PermissionDenied(
            "Behov läggs till medan omgången förbereds. När rangordningen har öppnat skulle ett "
            "nytt behov saknas i ledamöternas rangordningar."
        )
    form = NyttObjektForm(request.POST, omgang=omgang)
    if form.is_valid():
        try:
            objekt = services.lagg_till_objekt(omgang=omgang, **form.cleaned_data)
        except ValidationError as fel:
            form.add_error(None, _fel(fel))
        else:
            messages.success(
                request, f"Behovet ”{objekt.rubrik}” är tillagt. Bedöm det enligt modellen."
            )
            return redirect("prioritering:objekt", pk=objekt.pk)
    return _omgangssida(request, omgang, objekt_form=form)


def _objektsida(
    request: HttpRequest, objekt: Prioriteringsobjekt, **formular: object
) -> HttpResponse:
    omgang = objekt.omgang
    kan_andra = har_roll(request.user, T) and not omgang.ar_beslutad
    bedomning = objekt.bedomning_eller_none
    sammanhang = {
        "objekt": objekt,
        "omgang": omgang,
        "bedomning": bedomning,
        "varningar": objekt.varningar,
        "kan_andra": kan_andra,
        "kan_ta_bort": kan_andra and omgang.ar_under_forberedelse,
    }
    if kan_andra:
        sammanhang["objekt_form"] = ObjektForm(instance=objekt)
        sammanhang["bedomning_form"] = BedomningForm(instance=bedomning or Bedomning(objekt=objekt))
    sammanhang.update(formular)
    return render(request, "prioritering/objekt.html", sammanhang)


@require_GET
@kraver_roll(*LASARE)
def objekt(request: HttpRequest, pk: int) -> HttpResponse:
    objekt_ = hamta_objekt(request, pk)
    if svar := nedladdning(request, halsogap=lambda: tabeller.behovets_halsogap(objekt_)):
        return svar
    return _objektsida(request, objekt_)


@require_POST
@kraver_roll(T)
def objekt_andra(request: HttpRequest, pk: int) -> HttpResponse:
    objekt = hamta_objekt(request, pk, for_andring=True)
    form = ObjektForm(request.POST, instance=objekt)
    if form.is_valid() and form.spara():
        messages.success(request, "Behovet är sparat.")
        return redirect("prioritering:objekt", pk=pk)
    objekt = hamta_objekt(request, pk)  # the page shows what is saved; the form what was typed
    return _objektsida(request, objekt, objekt_form=form)


@require_POST
@kraver_roll(T)
def objekt_ta_bort(request: HttpRequest, pk: int) -> HttpResponse:
    objekt = hamta_objekt(request, pk, for_andring=True)
    if not objekt.omgang.ar_under_forberedelse:
        raise PermissionDenied(
            "Ett behov kan bara tas bort medan omgången förbereds: ledamöterna har börjat rangordna."
        )
    omgang_id = objekt.omgang_id
    objekt.delete()
    messages.success(request, f"Behovet ”{objekt.rubrik}” är borttaget ur omgången.")
    return redirect("prioritering:omgang", pk=omgang_id)


@require_POST
@kraver_roll(T)
def bedomning_spara(request: HttpRequest, pk: int) -> HttpResponse:
    objekt = hamta_objekt(request, pk, for_andring=True)
    form = BedomningForm(
        request.POST, instance=objekt.bedomning_eller_none or Bedomning(objekt=objekt)
    )
    if form.is_valid() and form.spara():
        messages.success(request, "Bedömningen är sparad.")
        return redirect(f"{reverse('prioritering:objekt', args=[pk])}#bedomning")
    objekt = hamta_objekt(request, pk)
    return _objektsida(request, objekt, bedomning_form=form)


# --- Ranking (each elected member as themselves) --------------------------------------------


@require_http_methods(["GET", "POST"])
@kraver_roll(F)
def rangordna(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = hamta_omgang(request, pk, for_andring=True)
    ledamot = services.ledamot_for(omgang=omgang, anvandare=request.user)
    if not omgang.ar_oppen_for_rangordning:
        raise PermissionDenied(
            "Omgången är inte öppen för rangordning ännu. Tjänstepersonerna förbereder den."
        )
    objekt = underlag.objekt_for(omgang)
    befintlig = (
        Rangordning.objects.filter(omgang=omgang, ledamot=ledamot)
        .prefetch_related("platser")
        .first()
    )
    mina = {p.objekt_id: p.plats for p in befintlig.platser.all()} if befintlig else {}
    if mina:
        objekt.sort(key=lambda o: mina.get(o.pk, 999))
    else:
        objekt.sort(key=underlag.standardnyckel)
    form = RangordningForm(request.POST or None, objekt=objekt, platser=mina or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.spara_rangordning(
                omgang=omgang, anvandare=request.user, ordning=form.cleaned_data["ordning"]
            )
        except ValidationError as fel:
            form.add_error(None, _fel(fel))
        else:
            messages.success(
                request,
                f"Din rangordning är sparad. Du kan ändra den tills {omgang.organ} har beslutat.",
            )
            return redirect(f"{reverse('prioritering:omgang', args=[pk])}#samlad")
    return render(
        request,
        "prioritering/rangordna.html",
        {"omgang": omgang, "form": form, "ledamot": ledamot, "befintlig": befintlig},
    )


@require_GET
@kraver_roll(*LASARE)
def mote(request: HttpRequest, pk: int) -> HttpResponse:
    """For the projector at the meeting: the aggregate, the spread, each need's gap and the
    model's level on one screen."""
    omgang = hamta_omgang(request, pk)
    objekt = underlag.objekt_for(omgang)
    samlad = underlag.samlad_for(omgang, objekt)
    if svar := nedladdning(request, samlad=lambda: tabeller.samlad(omgang, samlad)):
        return svar
    return render(
        request,
        "prioritering/mote.html",
        {"omgang": omgang, "samlad": samlad, "objekt": underlag.arbetsordning(objekt, samlad)},
    )


@require_GET
@kraver_roll(*LASARE)
def omgang_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Prioriteringsunderlag for the decision meeting: officials and elected members, like
    the round's page (providers and the public read the decided order on the open page)."""
    from prioritering.rapporter import prioriteringsunderlag_pdf

    innehall, namn = prioriteringsunderlag_pdf(hamta_omgang(request, pk))
    return pdf_svar(innehall, namn)


# --- The proposal and the body's decision (members of the body) -----------------------------


def _beslutssida(
    request: HttpRequest, omgang: Prioriteringsomgang, **formular: object
) -> HttpResponse:
    objekt = underlag.objekt_for(omgang)
    samlad = underlag.samlad_for(omgang, objekt)
    ordnade = underlag.arbetsordning(objekt, samlad)
    sammanhang = {
        "omgang": omgang,
        "samlad": samlad,
        "fordelning": underlag.fordelning_for(omgang, ordnade),
        "krav": services.krav_for_beslut(omgang),
        "forslag_finns": all(o.placering for o in objekt),
        "forslag_form": ForslagForm(
            objekt=ordnade, platser={o.pk: nr for nr, o in enumerate(ordnade, start=1)}
        ),
        "beslut_form": BeslutForm(initial={"datum": omgang.sammantradesdatum}),
    }
    sammanhang.update(formular)
    return render(request, "prioritering/besluta.html", sammanhang)


def _oppen_for_ledamot(request: HttpRequest, pk: int) -> Prioriteringsomgang:
    omgang = hamta_omgang(request, pk, for_andring=True)
    services.ledamot_for(omgang=omgang, anvandare=request.user)
    if not omgang.ar_oppen_for_rangordning:
        raise PermissionDenied("Omgången är inte öppen ännu. Tjänstepersonerna förbereder den.")
    return omgang


@require_GET
@kraver_roll(F)
def besluta(request: HttpRequest, pk: int) -> HttpResponse:
    return _beslutssida(request, _oppen_for_ledamot(request, pk))


@require_POST
@kraver_roll(F)
def forslag_spara(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = _oppen_for_ledamot(request, pk)
    form = ForslagForm(request.POST, objekt=underlag.objekt_for(omgang))
    if form.is_valid():
        try:
            services.spara_forslag(
                omgang=omgang,
                anvandare=request.user,
                ordning=form.cleaned_data["ordning"],
                texter=form.texter(),
            )
        except ValidationError as fel:
            form.add_error(None, _fel(fel))
        else:
            messages.success(
                request,
                "Förslaget till beslut är sparat. Det blir offentligt först när beslutet registreras.",
            )
            return redirect("prioritering:besluta", pk=pk)
    return _beslutssida(request, omgang, forslag_form=form)


@require_POST
@kraver_roll(F)
def beslut_registrera(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = _oppen_for_ledamot(request, pk)
    form = BeslutForm(request.POST)
    if form.is_valid():
        try:
            beslut = services.besluta(omgang=omgang, anvandare=request.user, **form.cleaned_data)
        except ValidationError as fel:
            form.add_error(None, _fel(fel))
        else:
            messages.success(
                request,
                f"Beslutet är registrerat: {beslut.organ} {beslut.datum:%Y-%m-%d} {beslut.paragraf}. "
                "Omgången är nu låst och beslutet syns på den öppna sidan.",
            )
            return redirect("prioritering:omgang", pk=pk)
    return _beslutssida(request, omgang, beslut_form=form)


@require_POST
@kraver_roll(F)
def reservation_ny(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = hamta_omgang(request, pk)
    services.kontrollera_reservation(omgang=omgang, anvandare=request.user)
    form = ReservationForm(request.POST, omgang=omgang)
    if form.is_valid():
        try:
            services.reservera(omgang=omgang, anvandare=request.user, **form.cleaned_data)
        except ValidationError as fel:
            form.add_error(None, _fel(fel))
        else:
            messages.success(
                request, f"Reservationen av {form.cleaned_data['ledamot'].namn} är registrerad."
            )
            return redirect(f"{reverse('prioritering:omgang', args=[pk])}#reservationer")
    return _omgangssida(request, omgang, reservation_form=form)


# --- Resources against the frame ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@kraver_roll(*LASARE)
def resurser(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = hamta_omgang(request, pk, for_andring=request.method == "POST")
    kan_andra = not omgang.ar_beslutad and (
        har_roll(request.user, T) or _min_ledamot(request, omgang) is not None
    )
    if request.method == "POST" and not kan_andra:
        raise PermissionDenied(
            f"Bara tjänstepersoner och ledamöter i {omgang.organ} kan ändra resursfördelningen."
        )
    objekt = underlag.objekt_for(omgang)
    samlad = underlag.samlad_for(omgang, objekt)
    ordnade = underlag.arbetsordning(objekt, samlad)
    form = ResursForm(request.POST or None, objekt=ordnade) if kan_andra else None
    if request.method == "POST" and form.is_valid():
        services.spara_resurser(omgang=omgang, belopp=form.belopp())
        messages.success(request, "Resursfördelningen är sparad.")
        return redirect("prioritering:resurser", pk=pk)
    fordelning = underlag.fordelning_for(omgang, ordnade)
    if svar := nedladdning(request, resurser=lambda: tabeller.resurser(omgang, fordelning)):
        return svar
    falt = form.rader() if form else [(None, None, None)] * len(ordnade)
    return render(
        request,
        "prioritering/resurser.html",
        {
            "omgang": omgang,
            "form": form,
            "fordelning": fordelning,
            "ordningens_kalla": underlag.ordningens_kalla(omgang, objekt, samlad),
            "tabell": [
                (rad, belopp, typ)
                for rad, (_, belopp, typ) in zip(fordelning.rader, falt, strict=True)
            ],
        },
    )


# --- Revision of a decided round (officials prepare it) -------------------------------------


@require_http_methods(["GET", "POST"])
@kraver_roll(T)
def revidera(request: HttpRequest, pk: int) -> HttpResponse:
    omgang = hamta_omgang(request, pk)
    if omgang.ar_ersatt:
        raise PermissionDenied("Den här versionen är redan ersatt. Revidera det gällande beslutet.")
    form = RevisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ny = services.revidera(omgang=omgang, skal=form.cleaned_data["skal"])
        except ValidationError as fel:
            form.add_error(None, _fel(fel))
        else:
            messages.success(
                request,
                f"Revision {ny.revision} är skapad med behov, bedömningar och resurser som utgångspunkt. "
                "Det gällande beslutet gäller tills revisionen är beslutad.",
            )
            return redirect("prioritering:omgang", pk=ny.pk)
    return render(request, "prioritering/revidera.html", {"omgang": omgang, "form": form})


# --- Open priorities: no login --------------------------------------------------------------


def _offentliga(
    request: HttpRequest,
) -> tuple[Planeringsar | None, list[Planeringsar], list[Prioriteringsomgang]]:
    planeringsar, alla_ar = valt_planeringsar(request)
    return planeringsar, alla_ar, list(oppna.beslutade_omgangar(planeringsar))


@login_not_required
@require_GET
def offentligt(request: HttpRequest) -> HttpResponse:
    """Open priorities: only decided rounds in force, nothing internal."""
    planeringsar, alla_ar, omgangar = _offentliga(request)
    # The page is drawn from the same data as the JSON, the CSV and the Excel file, so all agree.
    data = oppna.som_data(omgangar, planeringsar)
    if svar := nedladdning(
        request,
        prioriteringar=lambda: tabeller.offentliga(
            oppna.CSV_KOLUMNER, oppna.csv_rader(data), data["planeringsar"] or "alla"
        ),
    ):
        return svar
    return render(
        request,
        "prioritering/offentligt.html",
        {"planeringsar": planeringsar, "alla_ar": alla_ar, "data": data},
    )


@login_not_required
@require_GET
def offentligt_json(request: HttpRequest) -> HttpResponse:
    planeringsar, _, omgangar = _offentliga(request)
    return json_svar(oppna.som_data(omgangar, planeringsar))


@login_not_required
@require_GET
def offentligt_csv(request: HttpRequest) -> HttpResponse:
    planeringsar, _, omgangar = _offentliga(request)
    data = oppna.som_data(omgangar, planeringsar)
    ar = planeringsar.ar if planeringsar else "alla"
    return csv_svar(f"prioriteringar-{ar}.csv", oppna.CSV_KOLUMNER, oppna.csv_rader(data))
