"""The app's URLs plus the framework floor: a view that renders the base template and asks
the database nothing of its own (only what every logged-in request costs)."""

from django.shortcuts import render
from django.urls import include, path


def golv(request):  # noqa: ANN001, ANN201
    return render(request, "base.html", {})


urlpatterns = [
    path("bench-golv/", golv),
    path("", include("natverken.urls")),
]
