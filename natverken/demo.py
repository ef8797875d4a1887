"""The core part of the demo region: users, the region and its areas, bodies, providers,
and the planning years with their årshjul."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from natverken.models import (
    Beslut,
    Fas,
    Ledamot,
    Omrade,
    Organ,
    Planeringsar,
    Profil,
    Roll,
    Utforare,
)

REGION_KOD = "X1"
# The fictional region's own areas (kommuner), with a deprivation index from -1 (well off)
# to +1 (socioeconomically vulnerable) that the behov demo uses to shape its values.
DELOMRADEN = [
    ("X101", "Exempelstad", -0.3, 98_000),
    ("X102", "Norrby", 0.1, 24_000),
    ("X103", "Söderby", 0.9, 31_000),
    ("X104", "Österås", -0.6, 18_000),
    ("X105", "Västerviken", 0.2, 12_000),
    ("X106", "Skogsmo", 0.4, 7_500),
    ("X107", "Sjöbacka", 0.8, 15_000),
    ("X108", "Fjällnäs", -0.1, 6_000),
]

HSN = "Hälso- och sjukvårdsnämnden"
# (organ, typ, members: (name, party, assignment, demo username or None))
ORGAN = [
    (
        "Regionfullmäktige",
        Organ.Typ.FULLMAKTIGE,
        [
            ("Erik Holm", "S", Ledamot.Uppdragstyp.LEDAMOT, "fortroendevald"),
            ("Maria Sandberg", "M", Ledamot.Uppdragstyp.LEDAMOT, "fortroendevald2"),
            ("Gunnar Vik", "S", Ledamot.Uppdragstyp.ORDFORANDE, None),
            ("Ingrid Falk", "SD", Ledamot.Uppdragstyp.LEDAMOT, None),
        ],
    ),
    (
        "Regionstyrelsen",
        Organ.Typ.REGIONSTYRELSE,
        [
            ("Gunnar Vik", "S", Ledamot.Uppdragstyp.ORDFORANDE, None),
            ("Maria Sandberg", "M", Ledamot.Uppdragstyp.LEDAMOT, "fortroendevald2"),
            ("Karin Nyström", "C", Ledamot.Uppdragstyp.LEDAMOT, None),
        ],
    ),
    (
        HSN,
        Organ.Typ.NAMND,
        [
            ("Erik Holm", "S", Ledamot.Uppdragstyp.ORDFORANDE, "fortroendevald"),
            ("Maria Sandberg", "M", Ledamot.Uppdragstyp.VICE, "fortroendevald2"),
            ("Lena Ström", "SD", Ledamot.Uppdragstyp.LEDAMOT, None),
            ("Karin Nyström", "C", Ledamot.Uppdragstyp.LEDAMOT, None),
            ("Ahmed Yusuf", "V", Ledamot.Uppdragstyp.LEDAMOT, None),
            ("Per Åberg", "KD", Ledamot.Uppdragstyp.LEDAMOT, None),
            ("Lisa Wik", "L", Ledamot.Uppdragstyp.LEDAMOT, None),
            ("Olof Berglund", "MP", Ledamot.Uppdragstyp.LEDAMOT, None),
            ("Eva Lundqvist", "S", Ledamot.Uppdragstyp.LEDAMOT, None),
        ],
    ),
]

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


def spara(modell: type, uppslag: dict, varden: dict):  # noqa: ANN201
    """get_or_create that updates only what differs, so a re-run writes no history rows."""
    objekt, skapad = modell.objects.get_or_create(**uppslag, defaults=varden)
    if not skapad:
        andrat = {k: v for k, v in varden.items() if getattr(objekt, k) != v}
        if andrat:
            for k, v in andrat.items():
                setattr(objekt, k, v)
            objekt.save()
    return objekt


def tusental(tal: float) -> str:
    """12 500 with a non-breaking space, as Swedish text writes it."""
    return f"{tal:,.0f}".replace(",", "\u00a0")


def demolosenord(anvandarnamn: str) -> str:
    return f"{anvandarnamn}-demo"


def bygg_anvandare(stdout) -> None:  # noqa: ANN001
    User = get_user_model()
    utforare = {
        namn: spara(Utforare, {"namn": namn}, {"slag": slag, "beskrivning": beskrivning})
        for namn, slag, beskrivning in UTFORARE
    }
    rader = []
    for anvandarnamn, fornamn, efternamn, roll, utforarnamn in DEMOANVANDARE:
        user, skapad = User.objects.get_or_create(
            username=anvandarnamn, defaults={"first_name": fornamn, "last_name": efternamn}
        )
        if skapad:
            user.set_password(demolosenord(anvandarnamn))
        if skapad or user.is_superuser != (roll == Roll.ADMIN):
            user.is_staff = user.is_superuser = roll == Roll.ADMIN
            user.save()
        user.groups.set([Group.objects.get(name=roll)])
        spara(
            Profil,
            {"anvandare": user},
            {"utforare": utforare[utforarnamn] if utforarnamn else None},
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


def bygg_region() -> Omrade:
    riket = Omrade.objects.get(typ=Omrade.Typ.RIKET)
    region = spara(
        Omrade,
        {"scb_kod": REGION_KOD},
        {
            "typ": Omrade.Typ.REGION,
            "namn": "Region Exempel",
            "lan": "Exempels län",
            "foralder": riket,
            "fiktiv": True,
            "kolada_id": None,
        },
    )
    for kod, namn, _, _ in DELOMRADEN:
        spara(
            Omrade,
            {"scb_kod": kod},
            {
                "typ": Omrade.Typ.KOMMUN,
                "namn": namn,
                "lan": "Exempels län",
                "foralder": region,
                "fiktiv": True,
                "kolada_id": None,
            },
        )
    return region


def bygg_organ() -> None:
    User = get_user_model()
    for namn, typ, ledamoter in ORGAN:
        organ = spara(Organ, {"namn": namn}, {"typ": typ})
        for person, parti, uppdrag, anvandarnamn in ledamoter:
            spara(
                Ledamot,
                {"organ": organ, "namn": person},
                {
                    "parti": parti,
                    "uppdrag": uppdrag,
                    "anvandare": User.objects.get(username=anvandarnamn) if anvandarnamn else None,
                },
            )


def hsn() -> Organ:
    return Organ.objects.get(namn=HSN)


def ledamot(namn: str) -> Ledamot:
    return Ledamot.objects.get(organ__namn=HSN, namn=namn)


def beslut(organ: Organ, datum: dt.date, paragraf: str, rubrik: str, text: str = "") -> Beslut:
    """A demo decision, recorded by the body's chair when they have a login."""
    ordforande = organ.ledamoter.filter(uppdrag=Ledamot.Uppdragstyp.ORDFORANDE).first()
    return Beslut.objects.get_or_create(
        organ=organ,
        datum=datum,
        paragraf=paragraf,
        defaults={
            "rubrik": rubrik,
            "text": text,
            "registrerat_av": ordforande.anvandare if ordforande else None,
        },
    )[0]


def bygg_budgetbeslut() -> None:
    """Fullmäktige decided the budgets for 2025 and 2026; 2027's is being decided now."""
    fullmaktige = Organ.objects.get(typ=Organ.Typ.FULLMAKTIGE)
    for ar, datum, paragraf in (
        (2025, dt.date(2024, 11, 26), "§ 112"),
        (2026, dt.date(2025, 11, 25), "§ 118"),
    ):
        planeringsar = Planeringsar.objects.get(ar=ar)
        if planeringsar.budgetbeslut_id is None:
            planeringsar.budgetbeslut = beslut(
                fullmaktige,
                datum,
                paragraf,
                f"Verksamhetsplan och budget {ar}",
                "Fullmäktige fastställer verksamhetsplan och budget, med hälso- och sjukvårdens "
                "ram enligt nämndens prioriteringar.",
            )
            planeringsar.save()


def bygg(stdout) -> None:  # noqa: ANN001
    bygg_anvandare(stdout)
    bygg_region()
    bygg_organ()
    bygg_ar()
    bygg_budgetbeslut()
