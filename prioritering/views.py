from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from natverken.lib.vyhjalp import valt_planeringsar
from natverken.models import Roll
from natverken.roller import kraver_roll
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang


def omgangar_med_ordning(planeringsar, *, bara_beslutade: bool = False):  # noqa: ANN001, ANN201
    """The rounds of a year with their objects in decided order, assessments, resources and
    reservations, in a constant number of queries."""
    omgangar = (
        Prioriteringsomgang.objects.filter(planeringsar=planeringsar)
        .select_related("organ", "beslut", "ersatter", "planeringsar")
        .prefetch_related(
            Prefetch(
                "objekt",
                queryset=Prioriteringsobjekt.objects.select_related(
                    "behovsgrupp", "bedomning", "resursfordelning"
                ),
            ),
            "beslut__reservationer__ledamot",
        )
        .annotate(fordelat_tkr=Sum("objekt__resursfordelning__belopp_tkr"))
    )
    if bara_beslutade:
        omgangar = omgangar.filter(status=Prioriteringsomgang.Status.BESLUTAD)
    return omgangar


@require_GET
@kraver_roll(Roll.TJANSTEPERSON, Roll.FORTROENDEVALD)
def index(request: HttpRequest) -> HttpResponse:
    planeringsar, alla_ar = valt_planeringsar(request)
    return render(
        request,
        "prioritering/index.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "omgangar": omgangar_med_ordning(planeringsar),
        },
    )


@login_not_required
@require_GET
def offentligt(request: HttpRequest) -> HttpResponse:
    """Open priorities: only decided rounds (the current revision), nothing internal."""
    planeringsar, alla_ar = valt_planeringsar(request)
    return render(
        request,
        "prioritering/offentligt.html",
        {
            "planeringsar": planeringsar,
            "alla_ar": alla_ar,
            "omgangar": omgangar_med_ordning(planeringsar, bara_beslutade=True),
        },
    )
