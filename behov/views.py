from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from behov.models import Behovsanalys, Halsogap
from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Roll
from natverken.roller import kraver_roll


@require_GET
@kraver_roll(Roll.TJANSTEPERSON, Roll.FORTROENDEVALD)
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
    return render(
        request,
        "behov/index.html",
        {"planeringsar": planeringsar, "alla_ar": alla_ar, "analyser": analyser},
    )
