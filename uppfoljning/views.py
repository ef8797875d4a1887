from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Roll
from natverken.roller import kraver_roll
from uppdrag.models import Uppdrag
from uppfoljning.models import Arsuppfoljning, Aterrapport


@require_GET
@kraver_roll(Roll.TJANSTEPERSON, Roll.FORTROENDEVALD, Roll.UTFORARE)
def index(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    synliga = Uppdrag.objects.for_anvandare(request.user)
    rapporter = (
        Aterrapport.objects.filter(uppdrag__in=synliga, uppdrag__planeringsar=planeringsar)
        .select_related("uppdrag__utforare")
        .order_by("senast", "uppdrag__titel")
    )
    arsuppfoljning = (
        Arsuppfoljning.objects.filter(planeringsar=planeringsar)
        .select_related("beslut__organ")
        .first()
    )
    return render(
        request,
        "uppfoljning/index.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "rapporter": rapporter,
            "arsuppfoljning": arsuppfoljning,
        },
    )
