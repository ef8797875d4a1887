"""Views of the core: start page, administration, background-job progress, public start,
and the friendly error pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from natverken.forms import FasForm
from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Bakgrundsjobb, Fas, Omrade, Roll
from natverken.roller import har_roll, kraver_roll
from natverken.tasks import uppdatera_omraden


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    idag = timezone.localdate()
    faser = list(planeringsar.faser.all()) if planeringsar else []
    return render(
        request,
        "natverken/start.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "faser": faser,
            "idag": idag,
            "ar_skeden": [(p, p.skede(idag)) for p in sorted(alla_ar, key=lambda p: p.ar)],
            "kan_andra_faser": har_roll(request.user, Roll.TJANSTEPERSON),
        },
    )


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
        return redirect("natverken:start")
    return render(request, "natverken/andra_fas.html", {"form": form, "fas": fas})
