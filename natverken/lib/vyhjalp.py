"""Small helpers shared by the views of every app."""

from __future__ import annotations

from django.http import HttpRequest

from natverken.models import Planeringsar


def valt_planeringsar(request: HttpRequest) -> tuple[Planeringsar | None, list[Planeringsar]]:
    """The planning year chosen with ?ar=, else the year being prepared (N+1), else the latest.

    Returns the year and all years (for the year picker)."""
    alla = list(Planeringsar.objects.order_by("-ar"))
    if not alla:
        return None, alla
    per_ar = {p.ar: p for p in alla}
    onskat = request.GET.get("ar", "")
    if onskat.isdigit() and int(onskat) in per_ar:
        return per_ar[int(onskat)], alla
    return per_ar.get(Planeringsar.standard_ar(), alla[0]), alla
