from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from natverken.models import Roll
from natverken.roller import har_roll, huvudroll, roller

T, F, U, A = Roll.TJANSTEPERSON, Roll.FORTROENDEVALD, Roll.UTFORARE, Roll.ADMIN

# (label, url name, the roles that see it). The order is the chain.
NAVIGERING = [
    ("Årshjul", "natverken:start", (T, F, U)),
    ("Behov", "behov:index", (T, F)),
    ("Prioritering", "prioritering:index", (T, F)),
    ("Uppdrag", "uppdrag:index", (T, F, U)),
    ("Uppföljning", "uppfoljning:index", (T, F, U)),
    ("Administration", "natverken:administration", (A,)),
]


def navigering(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    path = request.path
    poster = []
    for label, url_name, synlig_for in NAVIGERING:
        if user is None or not user.is_authenticated or not har_roll(user, *synlig_for):
            continue
        url = reverse(url_name)
        aktiv = path == url if url == "/" else path.startswith(url)
        poster.append({"label": label, "url": url, "aktiv": aktiv})
    roll = huvudroll(user)
    return {
        "navigering": poster,
        "anvandarroll": Roll(roll).label if roll else "",
        "anvandarroller": roller(user),
        "hemregion_kod": settings.HEMREGION,
    }
