"""The personal iCalendar feed: the phases of the living planning years, and the user's own
deadlines. Outlook and other calendars subscribe to it by its secret address."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from icalendar import Calendar, Event

from natverken import arshjul
from natverken.models import Fas, Planeringsar
from natverken.roller import roller

PRODID = "-//Behovsstyrning//Årshjul//SV"


def ics(user: Any, *, idag: dt.date, hela_aret: bool = False) -> bytes:
    kal = Calendar()
    kal.add("prodid", PRODID)
    kal.add("version", "2.0")
    kal.add("calscale", "GREGORIAN")
    kal.add(
        "x-wr-calname", "Behovsstyrning – årshjulet" if hela_aret else "Behovsstyrning – mina datum"
    )
    kal.add("x-wr-timezone", settings.TIME_ZONE)
    mina_roller = roller(user)
    ar = list(Planeringsar.objects.filter(ar__gte=idag.year, ar__lte=idag.year + 2))
    faser = Fas.objects.filter(planeringsar__in=ar).select_related("planeringsar")
    if not hela_aret:
        faser = faser.filter(ansvarig_roll__in=mina_roller)
    stampel = dt.datetime.now(dt.UTC)
    for fas in faser:
        e = Event()
        e.add("uid", f"fas-{fas.pk}@behovsstyrning")
        e.add("dtstamp", stampel)
        e.add("summary", f"{fas.namn} (budget {fas.planeringsar.ar})")
        e.add("description", f"{fas.beskrivning}\nAnsvarig: {fas.get_ansvarig_roll_display()}.")
        e.add("dtstart", fas.start)
        e.add("dtend", fas.slut + dt.timedelta(days=1))  # all-day events end exclusively
        e.add("transp", "TRANSPARENT")
        kal.add_component(e)
    # The user's own deadlines, as the start page lists them for the year being prepared.
    aktuellt = next((p for p in ar if p.ar == Planeringsar.standard_ar(idag)), None)
    uppgifter = arshjul.att_gora(user, aktuellt, idag) if aktuellt else []
    for uppgift in uppgifter:
        if uppgift.senast is not None:
            e = Event()
            nyckel = hashlib.sha1(f"{uppgift.titel}{uppgift.url}".encode()).hexdigest()[:16]
            e.add("uid", f"uppgift-{user.pk}-{nyckel}@behovsstyrning")
            e.add("dtstamp", stampel)
            e.add("summary", f"Senast: {uppgift.titel}")
            e.add("description", uppgift.beskrivning)
            e.add("dtstart", uppgift.senast)
            e.add("dtend", uppgift.senast + dt.timedelta(days=1))
            kal.add_component(e)
    return kal.to_ical()
