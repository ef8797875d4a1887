"""The core part of the demo region: users, the region and its areas, bodies, providers,
and the planning years with their årshjul."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from natverken.models import Fas, Planeringsar, Profil, Roll, Utforare

# (username, first name, last name, role, provider name or None)
DEMOANVANDARE = [
    ("tjansteperson", "Anna", "Lind", Roll.TJANSTEPERSON, None),
    ("fortroendevald", "Erik", "Holm", Roll.FORTROENDEVALD, None),
    ("fortroendevald2", "Maria", "Sandberg", Roll.FORTROENDEVALD, None),
    ("utforare", "Sara", "Berg", Roll.UTFORARE, "Primärvården Region Exempel"),
    ("utforare2", "Johan", "Ek", Roll.UTFORARE, "Psykiatrin Region Exempel"),
    ("admin", "Ali", "Hassan", Roll.ADMIN, None),
]

UTFORARE = [
    ("Primärvården Region Exempel", Utforare.Slag.EGEN_REGI, "Vårdcentraler i egen regi."),
    (
        "Psykiatrin Region Exempel",
        Utforare.Slag.EGEN_REGI,
        "Barn- och ungdomspsykiatri och vuxenpsykiatri.",
    ),
    ("Närsjukhuset Norrby", Utforare.Slag.EGEN_REGI, "Akutsjukvård, geriatrik och rehabilitering."),
    ("Folkhälsoenheten", Utforare.Slag.EGEN_REGI, "Hälsofrämjande och förebyggande arbete."),
    ("Vårdcentralen Söderby AB", Utforare.Slag.PRIVAT, "Privat vårdcentral inom vårdvalet."),
]


def demolosenord(anvandarnamn: str) -> str:
    return f"{anvandarnamn}-demo"


def bygg_anvandare(stdout) -> None:  # noqa: ANN001
    User = get_user_model()
    utforare = {
        namn: Utforare.objects.update_or_create(
            namn=namn, defaults={"slag": slag, "beskrivning": beskrivning}
        )[0]
        for namn, slag, beskrivning in UTFORARE
    }
    rader = []
    for anvandarnamn, fornamn, efternamn, roll, utforarnamn in DEMOANVANDARE:
        user, skapad = User.objects.get_or_create(
            username=anvandarnamn, defaults={"first_name": fornamn, "last_name": efternamn}
        )
        if skapad:
            user.set_password(demolosenord(anvandarnamn))
        user.is_staff = roll == Roll.ADMIN
        user.is_superuser = roll == Roll.ADMIN
        user.save()
        user.groups.set([Group.objects.get(name=roll)])
        Profil.objects.update_or_create(
            anvandare=user,
            defaults={"utforare": utforare[utforarnamn] if utforarnamn else None},
        )
        rader.append((anvandarnamn, demolosenord(anvandarnamn), Roll(roll).label))
    stdout.write("Demoanvändare (användarnamn / lösenord / roll):")
    for namn, losen, roll in rader:
        stdout.write(f"  {namn:<16} {losen:<22} {roll}")


def bygg_ar(ar_lista: tuple[int, ...] = (2025, 2026, 2027)) -> list[Planeringsar]:
    resultat = []
    for ar in ar_lista:
        planeringsar, _ = Planeringsar.objects.get_or_create(ar=ar)
        Fas.skapa_standardfaser(planeringsar)
        resultat.append(planeringsar)
    return resultat


def bygg(stdout) -> None:  # noqa: ANN001
    bygg_anvandare(stdout)
    bygg_ar()
