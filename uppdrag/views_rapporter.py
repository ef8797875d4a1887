"""Downloadable reports that span the stages up to the commissions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from natverken.lib.pdf import pdf_svar
from natverken.models import Planeringsar, Roll
from natverken.roller import har_roll
from prioritering.models import Prioriteringsomgang
from uppdrag.budgetunderlag import budgetunderlag_pdf


@login_not_required
@require_GET
def budgetunderlag(request: HttpRequest, ar: int) -> HttpResponse:
    """Officials and elected get the full underlag at any stage (marked UTKAST until
    decided); everyone else only once the priorities are decided, without undecided
    commissions."""
    planeringsar = get_object_or_404(Planeringsar, ar=ar)
    intern = har_roll(request.user, Roll.TJANSTEPERSON, Roll.FORTROENDEVALD)
    if (
        not intern
        and not Prioriteringsomgang.objects.filter(
            planeringsar=planeringsar, status=Prioriteringsomgang.Status.BESLUTAD
        ).exists()
    ):
        raise Http404("Inget beslutat budgetunderlag för året.")
    innehall, namn = budgetunderlag_pdf(planeringsar, offentlig=not intern)
    return pdf_svar(innehall, namn)


@require_GET
def uppdragsbeskrivning(request: HttpRequest, pk: int) -> HttpResponse:
    """The commission as a document, for whoever may see the commission (a provider only its
    own: others get 404, as on the commission page)."""
    from uppdrag.budgetunderlag import uppdragsbeskrivning_pdf
    from uppdrag.views import hamta_uppdrag

    innehall, namn = uppdragsbeskrivning_pdf(hamta_uppdrag(request, pk))
    return pdf_svar(innehall, namn)
