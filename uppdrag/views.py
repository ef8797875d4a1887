from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from natverken.models import Roll
from natverken.roller import kraver_roll


@require_GET
@kraver_roll(Roll.TJANSTEPERSON, Roll.FORTROENDEVALD, Roll.UTFORARE)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "uppdrag/index.html", {})
