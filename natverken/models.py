"""The shared core: planning years and their årshjul, areas, decision bodies, decisions,
providers, user profiles, background jobs, and the optimistic lock every edited document uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from simple_history.models import HistoricalRecords


class SamtidigAndring(Exception):
    """Raised when a save is based on an older version than the one in the database."""

    meddelande = (
        "Någon annan har sparat ändringar i det här dokumentet sedan du öppnade det. "
        "Dina ändringar är inte sparade men finns kvar i formuläret: ladda om sidan i en "
        "ny flik, jämför och för in dina ändringar igen."
    )

    def __str__(self) -> str:
        return self.meddelande


class Versionerad(models.Model):
    """Optimistic lock for documents people edit over days.

    `version` is the number the editor saw. A form sets `_forvantad_version` to the
    version it was opened on (0 when it was opened before the document existed); `save()`
    locks the row, compares, and refuses a stale save with `SamtidigAndring`. Saves without a form compare the instance's own version, so
    two stale in-memory copies can't overwrite each other either.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding or self.pk is None:
            super().save(*args, **kwargs)
            return
        forvantad = getattr(self, "_forvantad_version", None)
        if forvantad is None:
            forvantad = self.version
        with transaction.atomic():
            aktuell = (
                type(self)
                ._base_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("version", flat=True)
                .first()
            )
            if aktuell is not None and aktuell != forvantad:
                raise SamtidigAndring()
            self.version = (aktuell or forvantad) + 1
            super().save(*args, **kwargs)
        self._forvantad_version = None


class Roll(models.TextChoices):
    TJANSTEPERSON = "tjansteperson", "Tjänsteperson"
    FORTROENDEVALD = "fortroendevald", "Förtroendevald"
    UTFORARE = "utforare", "Utförare"
    ADMIN = "admin", "Administratör"


class Planeringsar(models.Model):
    """A budget year N, prepared during N-1, carried out in N, followed up early in N+1."""

    ar = models.PositiveSmallIntegerField(
        "budgetår", unique=True, help_text="Det budgetår som planeras (förbereds året innan)."
    )
    budgetbeslut = models.OneToOneField(
        "Beslut",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_for",
        verbose_name="fullmäktiges budgetbeslut",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-ar"]
        verbose_name = "planeringsår"
        verbose_name_plural = "planeringsår"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ar__gte=2000, ar__lte=2100), name="planeringsar_rimligt_ar"
            )
        ]

    def __str__(self) -> str:
        return f"Planeringsår {self.ar}"

    @property
    def forberedelsear(self) -> int:
        return self.ar - 1

    @property
    def uppfoljningsar(self) -> int:
        return self.ar + 1

    def skede(self, idag: dt.date | None = None) -> str:
        """Where this year stands on a date: förbereds, genomförs, följs upp, avslutat."""
        idag = idag or dt.date.today()
        if idag.year < self.ar:
            return "förbereds"
        if idag.year == self.ar:
            return "genomförs"
        if idag.year == self.ar + 1 and idag.month <= 3:
            return "följs upp"
        return "avslutat"

    @classmethod
    def standard_ar(cls, idag: dt.date | None = None) -> int:
        """The year being prepared (budget year N+1) is the one users work on by default."""
        return (idag or dt.date.today()).year + 1


# The default årshjul (DOMAIN.md, seed 003): month placement in the preparation year N-1.
# (nyckel, namn, beskrivning, startmånad, slutmånad, ansvarig roll)
STANDARD_ARSHJUL: list[tuple[str, str, str, int, int, str]] = [
    (
        "arsuppfoljning",
        "Årsuppföljning",
        "Uppföljning av föregående års resultat och måluppfyllelse, underlag till "
        "årsredovisningen.",
        1,
        3,
        Roll.TJANSTEPERSON,
    ),
    (
        "identifiera_behov",
        "Identifiera behovsgrupper och samla data",
        "På befolkningsnivå identifiera behovsgrupper eller områden och samla in data inför "
        "nästa års budget.",
        1,
        3,
        Roll.TJANSTEPERSON,
    ),
    (
        "brister",
        "Identifiera brister",
        "Identifierade brister inom hälsofrämjande, prevention, vård, omvårdnad, "
        "rehabilitering och palliation.",
        3,
        4,
        Roll.TJANSTEPERSON,
    ),
    (
        "dialog_behov",
        "Dialog om utvalda behov",
        "Dialog med utförare och behovsgrupper om utvalda behov.",
        4,
        4,
        Roll.TJANSTEPERSON,
    ),
    (
        "beskriva_behov",
        "Beskriva behov med rangordnade åtgärder",
        "Beskriva utvalda behov med rangordnade åtgärder inför beslut.",
        4,
        5,
        Roll.TJANSTEPERSON,
    ),
    (
        "prioritera",
        "Prioritera och besluta",
        "Prioritera och besluta om utvalda behov och åtgärder samt resursfördelning.",
        5,
        6,
        Roll.FORTROENDEVALD,
    ),
    (
        "dialog_konsekvenser",
        "Dialog om konsekvenser",
        "Dialog med utförare och behovsgrupper om konsekvenser av resursfördelningen.",
        8,
        9,
        Roll.TJANSTEPERSON,
    ),
    (
        "verksamhetsplan",
        "Verksamhetsplan och budget",
        "Sammanställa förslag till verksamhetsplan och budget.",
        9,
        10,
        Roll.TJANSTEPERSON,
    ),
    (
        "fullmaktige",
        "Fullmäktige beslutar",
        "Fullmäktige beslutar om verksamhetsplan och detaljbudget för kommande år.",
        11,
        11,
        Roll.FORTROENDEVALD,
    ),
]


def _manadsslut(ar: int, manad: int) -> dt.date:
    nasta = dt.date(ar + (manad == 12), manad % 12 + 1, 1)
    return nasta - dt.timedelta(days=1)


class Fas(Versionerad):
    """One step of a planning year's årshjul, with the dates this region chose."""

    planeringsar = models.ForeignKey(Planeringsar, on_delete=models.CASCADE, related_name="faser")
    nyckel = models.SlugField(
        "nyckel", max_length=40, help_text="Vilket steg i årshjulet (styr vilken status som visas)."
    )
    namn = models.CharField("namn", max_length=120)
    beskrivning = models.TextField("beskrivning", blank=True)
    start = models.DateField("startdatum")
    slut = models.DateField("slutdatum")
    ansvarig_roll = models.CharField("ansvarig roll", max_length=20, choices=Roll.choices)
    ordning = models.PositiveSmallIntegerField("ordning", default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["planeringsar", "ordning", "start"]
        verbose_name = "fas i årshjulet"
        verbose_name_plural = "faser i årshjulet"
        constraints = [
            models.UniqueConstraint(fields=["planeringsar", "nyckel"], name="fas_unik_per_ar"),
            models.CheckConstraint(
                condition=models.Q(start__lte=models.F("slut")), name="fas_start_fore_slut"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.namn} ({self.planeringsar.ar})"

    def clean(self) -> None:
        if self.start and self.slut and self.start > self.slut:
            raise ValidationError({"slut": "Slutdatum kan inte ligga före startdatum."})

    @classmethod
    def skapa_standardfaser(cls, planeringsar: Planeringsar) -> list[Fas]:
        """Create the default årshjul for a year; existing phases are left as they are."""
        forberedelse = planeringsar.forberedelsear
        faser = []
        for ordning, (nyckel, namn, beskrivning, fran, till, roll) in enumerate(STANDARD_ARSHJUL):
            fas, _ = cls.objects.get_or_create(
                planeringsar=planeringsar,
                nyckel=nyckel,
                defaults={
                    "namn": namn,
                    "beskrivning": beskrivning,
                    "start": dt.date(forberedelse, fran, 1),
                    "slut": _manadsslut(forberedelse, till),
                    "ansvarig_roll": roll,
                    "ordning": ordning,
                },
            )
            faser.append(fas)
        return faser


class Omrade(models.Model):
    """An area of Sweden (riket, region/län, kommun) or a smaller area of the home region."""

    class Typ(models.TextChoices):
        RIKET = "riket", "Riket"
        REGION = "region", "Region"
        KOMMUN = "kommun", "Kommun"
        DELOMRADE = "delomrade", "Delområde"

    typ = models.CharField("typ", max_length=12, choices=Typ.choices)
    scb_kod = models.CharField(
        "kod",
        max_length=12,
        unique=True,
        help_text="SCB-kod, eller regionens egen kod för delområden.",
    )
    kolada_id = models.CharField("Kolada-id", max_length=12, null=True, blank=True, unique=True)
    namn = models.CharField("namn", max_length=120)
    lan = models.CharField("län", max_length=120, blank=True)
    foralder = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delar",
        verbose_name="ingår i",
    )
    fiktiv = models.BooleanField(
        "fiktivt",
        default=False,
        help_text="Påhittat område för demonstration, inte verklig statistik.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["scb_kod"]
        verbose_name = "område"
        verbose_name_plural = "områden"
        indexes = [models.Index(fields=["typ", "namn"], name="omrade_typ_namn")]

    def __str__(self) -> str:
        return f"{self.namn} (fiktivt)" if self.fiktiv else self.namn

    @classmethod
    def hemregion(cls) -> Omrade | None:
        """The region this installation serves (settings.HEMREGION, an SCB code)."""
        return cls.objects.filter(scb_kod=settings.HEMREGION).first()

    @classmethod
    def valbara(cls) -> models.QuerySet:
        """Areas a user picks from: riket, the regions, and the home region's own areas."""
        return cls.objects.filter(
            models.Q(typ__in=[cls.Typ.RIKET, cls.Typ.REGION])
            | models.Q(foralder__scb_kod=settings.HEMREGION)
        ).order_by("typ", "namn")


class Organ(models.Model):
    """An elected body that decides: a nämnd, the regionstyrelse or fullmäktige."""

    class Typ(models.TextChoices):
        NAMND = "namnd", "Nämnd"
        REGIONSTYRELSE = "regionstyrelse", "Regionstyrelse"
        FULLMAKTIGE = "fullmaktige", "Fullmäktige"

    namn = models.CharField("namn", max_length=160, unique=True)
    typ = models.CharField("typ", max_length=20, choices=Typ.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["namn"]
        verbose_name = "beslutande organ"
        verbose_name_plural = "beslutande organ"

    def __str__(self) -> str:
        return self.namn


class Ledamot(models.Model):
    """A member of a body, with party. `anvandare` links to a login when the member has one."""

    class Uppdragstyp(models.TextChoices):
        ORDFORANDE = "ordforande", "Ordförande"
        VICE = "vice", "Vice ordförande"
        LEDAMOT = "ledamot", "Ledamot"
        ERSATTARE = "ersattare", "Ersättare"

    organ = models.ForeignKey(Organ, on_delete=models.CASCADE, related_name="ledamoter")
    anvandare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ledamotskap",
        verbose_name="användare",
    )
    namn = models.CharField("namn", max_length=120)
    parti = models.CharField("parti", max_length=60)
    uppdrag = models.CharField(
        "uppdrag", max_length=12, choices=Uppdragstyp.choices, default=Uppdragstyp.LEDAMOT
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organ", "namn"]
        verbose_name = "ledamot"
        verbose_name_plural = "ledamöter"
        constraints = [
            models.UniqueConstraint(fields=["organ", "namn"], name="ledamot_unik_per_organ"),
            models.UniqueConstraint(
                fields=["organ", "anvandare"],
                name="anvandare_en_gang_per_organ",
                condition=models.Q(anvandare__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.namn} ({self.parti})"


class Beslut(models.Model):
    """A decision of a body, with date and protocol paragraph. Targets, priority orders,
    allocations and commissions point to it. A decision is never edited afterwards."""

    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="beslut")
    datum = models.DateField("beslutsdatum")
    paragraf = models.CharField("protokollsparagraf", max_length=20, help_text="t.ex. § 45")
    rubrik = models.CharField("rubrik", max_length=200)
    text = models.TextField("beslutstext", blank=True)
    registrerat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="registrerat av",
    )
    registrerat = models.DateTimeField("registrerat", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "paragraf"]
        verbose_name = "beslut"
        verbose_name_plural = "beslut"
        constraints = [
            models.UniqueConstraint(
                fields=["organ", "datum", "paragraf"], name="beslut_unik_paragraf"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organ} {self.datum:%Y-%m-%d} {self.paragraf}: {self.rubrik}"


class Reservation(models.Model):
    """A member's dissent, entered against a decision of their body."""

    beslut = models.ForeignKey(Beslut, on_delete=models.CASCADE, related_name="reservationer")
    ledamot = models.ForeignKey(Ledamot, on_delete=models.PROTECT, related_name="reservationer")
    text = models.TextField("reservation")
    history = HistoricalRecords()

    class Meta:
        ordering = ["beslut", "ledamot__parti"]
        verbose_name = "reservation"
        verbose_name_plural = "reservationer"
        constraints = [
            models.UniqueConstraint(fields=["beslut", "ledamot"], name="en_reservation_per_ledamot")
        ]

    def __str__(self) -> str:
        return f"Reservation av {self.ledamot}"

    def clean(self) -> None:
        if self.ledamot_id and self.beslut_id and self.ledamot.organ_id != self.beslut.organ_id:
            raise ValidationError(
                "Bara ledamöter i det organ som fattade beslutet kan reservera sig."
            )


class Utforare(models.Model):
    """A provider organisation (or unit) that receives commissions."""

    class Slag(models.TextChoices):
        EGEN_REGI = "egen_regi", "Egen regi"
        PRIVAT = "privat", "Privat vårdgivare"
        IDEELL = "ideell", "Idéburen organisation"

    namn = models.CharField("namn", max_length=160, unique=True)
    slag = models.CharField("slag", max_length=12, choices=Slag.choices, default=Slag.EGEN_REGI)
    beskrivning = models.TextField("beskrivning", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["namn"]
        verbose_name = "utförare"
        verbose_name_plural = "utförare"

    def __str__(self) -> str:
        return self.namn


class Profil(models.Model):
    """What the app knows about a user beyond Django's user: the provider they work for."""

    anvandare = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profil"
    )
    utforare = models.ForeignKey(
        Utforare,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="anvandare",
        verbose_name="utförare",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "profil"
        verbose_name_plural = "profiler"

    def __str__(self) -> str:
        return f"Profil för {self.anvandare}"


class Bakgrundsjobb(models.Model):
    """Progress of a background task, so a page can show how far it has come."""

    class Status(models.TextChoices):
        VANTAR = "vantar", "Väntar"
        PAGAR = "pagar", "Pågår"
        KLART = "klart", "Klart"
        MISSLYCKADES = "misslyckades", "Misslyckades"

    titel = models.CharField("titel", max_length=200)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    skapad = models.DateTimeField(auto_now_add=True)
    uppdaterad = models.DateTimeField(auto_now=True)
    task_id = models.CharField(max_length=64, blank=True, db_index=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.VANTAR)
    klart = models.PositiveIntegerField(default=0)
    totalt = models.PositiveIntegerField(default=0)
    meddelande = models.TextField(blank=True)

    class Meta:
        ordering = ["-skapad"]
        verbose_name = "bakgrundsjobb"
        verbose_name_plural = "bakgrundsjobb"

    def __str__(self) -> str:
        return self.titel

    @property
    def procent(self) -> int:
        if self.status == self.Status.KLART:
            return 100
        return int(100 * self.klart / self.totalt) if self.totalt else 0

    @property
    def ar_klart(self) -> bool:
        return self.status in {self.Status.KLART, self.Status.MISSLYCKADES}

    def rapportera(self, klart: int, totalt: int | None = None, meddelande: str = "") -> None:
        """Called from inside the task; a plain UPDATE so the page sees it at once."""
        self.klart = klart
        if totalt is not None:
            self.totalt = totalt
        self.status = self.Status.PAGAR
        if meddelande:
            self.meddelande = meddelande
        self.save(update_fields=["klart", "totalt", "status", "meddelande", "uppdaterad"])


class Kalendernyckel(models.Model):
    """A user's secret calendar feed address (Outlook subscribes without logging in).
    Renewing replaces the token; revoking deletes the row, so the old address gives 404."""

    anvandare = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kalendernyckel"
    )
    nyckel = models.CharField(max_length=64, unique=True)
    skapad = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["nyckel"])

    class Meta:
        verbose_name = "kalenderlänk"
        verbose_name_plural = "kalenderlänkar"

    def __str__(self) -> str:
        return f"Kalenderlänk för {self.anvandare}"

    @classmethod
    def fornya(cls, anvandare) -> Kalendernyckel:  # noqa: ANN001
        import secrets

        nyckel, _ = cls.objects.update_or_create(
            anvandare=anvandare, defaults={"nyckel": secrets.token_urlsafe(32)}
        )
        return nyckel
