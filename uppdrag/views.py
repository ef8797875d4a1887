from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Roll
from natverken.roller import kraver_roll
from uppdrag.models import Uppdrag


@require_GET
@kraver_roll(Roll.TJANSTEPERSON, Roll.FORTROENDEVALD, Roll.UTFORARE)
def index(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    uppdrag = (
        Uppdrag.objects.for_anvandare(request.user)
        .filter(planeringsar=planeringsar)
        .select_related("utforare", "beslut")
        .prefetch_related("prioriteringsobjekt__behovsgrupp")
        .order_by("status", "titel")
    )
    return render(
        request,
        "uppdrag/index.html",
        {"planeringsar": planeringsar, "alla_ar": alla_ar, "uppdrag": uppdrag},
    )
