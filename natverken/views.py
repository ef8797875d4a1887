"""Views of the core: start page, administration, background-job progress, public start,
and the friendly error pages."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from natverken import arshjul, kalenderflode, services
from natverken.forms import BudgetbeslutForm, FasForm
from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Bakgrundsjobb, Fas, Kalendernyckel, Omrade, Organ, Planeringsar, Roll
from natverken.roller import har_roll, kraver_roll
from natverken.tasks import uppdatera_omraden


def _idag(request: HttpRequest) -> dt.date:
    return timezone.localdate()


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """The front door: where the year stands and what this user should do now."""
    planeringsar, alla_ar = valt_planeringsar(request)
    idag = _idag(request)
    rader = arshjul.fasrader(planeringsar, idag) if planeringsar else []
    uppgifter = arshjul.att_gora(request.user, planeringsar, idag) if planeringsar else []
    aktuella = [r for r in rader if r.aktuell]
    nasta = next((r for r in rader if r.fas.start > idag), None)
    return render(
        request,
        "natverken/start.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "idag": idag,
            "rader": rader,
            "aktuella": aktuella,
            "nasta": nasta,
            "uppgifter": uppgifter,
            "hjul": arshjul.hjul_svg(planeringsar, rader, idag) if planeringsar else "",
            "ar_skeden": [(p, p.skede(idag)) for p in sorted(alla_ar, key=lambda p: p.ar)],
            "kan_andra_faser": har_roll(request.user, Roll.TJANSTEPERSON),
        },
    )


@require_GET
def arshjulet(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    idag = _idag(request)
    rader = arshjul.fasrader(planeringsar, idag) if planeringsar else []
    return render(
        request,
        "natverken/arshjul.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "idag": idag,
            "rader": rader,
            "hjul": arshjul.hjul_svg(planeringsar, rader, idag) if planeringsar else "",
            "kan_andra_faser": har_roll(request.user, Roll.TJANSTEPERSON),
        },
    )


@require_http_methods(["GET", "POST"])
@kraver_roll(Roll.FORTROENDEVALD)
def budgetbeslut(request: HttpRequest, ar: int) -> HttpResponse:
    """A member of fullmäktige records the council's budget decision for a planning year."""
    planeringsar = get_object_or_404(Planeringsar, ar=ar)
    organ = Organ.objects.filter(
        typ=Organ.Typ.FULLMAKTIGE, ledamoter__anvandare=request.user
    ).distinct()
    if not organ.exists():
        raise PermissionDenied("Bara ledamöter i fullmäktige kan registrera budgetbeslutet.")
    if planeringsar.budgetbeslut_id:
        if request.method == "POST":
            raise PermissionDenied(
                f"Fullmäktiges budgetbeslut för {ar} är redan registrerat "
                f"({planeringsar.budgetbeslut}) och kan inte ändras."
            )
        return render(
            request, "natverken/budgetbeslut.html", {"planeringsar": planeringsar, "form": None}
        )
    form = BudgetbeslutForm(request.POST or None, organ_qs=organ, ar=ar)
    if request.method == "POST" and form.is_valid():
        services.registrera_budgetbeslut(
            planeringsar=planeringsar, anvandare=request.user, **form.cleaned_data
        )
        messages.success(request, f"Fullmäktiges budgetbeslut för {ar} är registrerat.")
        return redirect(f"{reverse('natverken:arshjul')}?ar={ar}")
    return render(
        request, "natverken/budgetbeslut.html", {"planeringsar": planeringsar, "form": form}
    )


@require_GET
def kalender(request: HttpRequest) -> HttpResponse:
    nyckel = Kalendernyckel.objects.filter(anvandare=request.user).first()
    return render(request, "natverken/kalender.html", {"nyckel": nyckel})


@require_POST
def kalender_fornya(request: HttpRequest) -> HttpResponse:
    Kalendernyckel.fornya(request.user)
    messages.success(request, "Din kalenderlänk är ny. Den gamla länken slutar fungera.")
    return redirect("natverken:kalender")


@require_POST
def kalender_aterkalla(request: HttpRequest) -> HttpResponse:
    Kalendernyckel.objects.filter(anvandare=request.user).delete()
    messages.success(request, "Kalenderlänken är återkallad och fungerar inte längre.")
    return redirect("natverken:kalender")


@login_not_required
@require_GET
def kalender_flode(request: HttpRequest, nyckel: str) -> HttpResponse:
    """The personal feed Outlook subscribes to; the secret in the URL is the login."""
    kalendernyckel = get_object_or_404(
        Kalendernyckel.objects.select_related("anvandare"), nyckel=nyckel
    )
    user = kalendernyckel.anvandare
    if not user.is_active:
        raise Http404("Kalendern finns inte.")
    hela_aret = request.GET.get("omfang") == "alla"
    innehall = kalenderflode.ics(user, idag=_idag(request), hela_aret=hela_aret)
    svar = HttpResponse(innehall, content_type="text/calendar; charset=utf-8")
    svar["Content-Disposition"] = 'inline; filename="behovsstyrning.ics"'
    svar["Cache-Control"] = "private, max-age=900"
    return svar


@require_GET
@kraver_roll(Roll.ADMIN)
def administration(request: HttpRequest) -> HttpResponse:
    antal = {typ: Omrade.objects.filter(typ=typ).count() for typ in Omrade.Typ.values}
    jobb = Bakgrundsjobb.objects.all()[:10]
    return render(request, "natverken/administration.html", {"antal": antal, "jobb": jobb})


@require_POST
@kraver_roll(Roll.ADMIN)
def starta_omradesuppdatering(request: HttpRequest) -> HttpResponse:
    jobb = Bakgrundsjobb.objects.create(
        titel="Uppdatera Sveriges områden från SCB:s områdesfil", skapad_av=request.user
    )
    # Enqueue only once the job row is committed, so the worker always finds it.
    transaction.on_commit(lambda: _koa(jobb))
    messages.info(request, "Jobbet är lagt i kö och körs i bakgrunden.")
    return redirect("natverken:jobb", pk=jobb.pk)


def _koa(jobb: Bakgrundsjobb) -> None:
    resultat = uppdatera_omraden.enqueue(jobb_id=jobb.pk)
    Bakgrundsjobb.objects.filter(pk=jobb.pk).update(task_id=str(resultat.id))


def hamta_jobb(request: HttpRequest, pk: int) -> Bakgrundsjobb:
    """Access helper: a job is visible to the one who started it, and to admins."""
    jobb = get_object_or_404(Bakgrundsjobb, pk=pk)
    if jobb.skapad_av_id != request.user.pk and not har_roll(request.user, Roll.ADMIN):
        raise Http404("Jobbet finns inte.")
    return jobb


@require_GET
def jobb(request: HttpRequest, pk: int) -> HttpResponse:
    jobbet = hamta_jobb(request, pk)
    mall = "natverken/_jobb.html" if request.htmx else "natverken/jobb.html"
    return render(request, mall, {"jobb": jobbet})


@login_not_required
def fel_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", {"meddelande": str(exception or "")}, status=403)


@login_not_required
def fel_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {}, status=404)


@login_not_required
def fel_500(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", {}, status=500)


def hamta_fas(request: HttpRequest, pk: int, *, for_andring: bool = False) -> Fas:
    """Access helper for phases: everyone logged in reads; officials and admin change."""
    fas = get_object_or_404(Fas.objects.select_related("planeringsar"), pk=pk)
    if for_andring and not har_roll(request.user, Roll.TJANSTEPERSON):
        raise PermissionDenied("Bara tjänstepersoner och administratörer kan ändra årshjulet.")
    return fas


@require_http_methods(["GET", "POST"])
def andra_fas(request: HttpRequest, pk: int) -> HttpResponse:
    fas = hamta_fas(request, pk, for_andring=True)
    form = FasForm(request.POST or None, instance=fas)
    if request.method == "POST" and form.is_valid() and form.spara():
        messages.success(request, f"Fasen ”{fas.namn}” är sparad.")
        return redirect(f"{reverse('natverken:arshjul')}?ar={fas.planeringsar.ar}")
    return render(request, "natverken/andra_fas.html", {"form": form, "fas": fas})
