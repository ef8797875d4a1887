"""Commissions: the body's political commission to a provider to meet decided needs, with
goals on indicators, a time plan, and the follow-up plan written when the commission is."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from behov.models import Indikator, Kon
from natverken.models import Beslut, Omrade, Planeringsar, Utforare, Versionerad
from prioritering.models import Prioriteringsobjekt


class UppdragQuerySet(models.QuerySet):
    def for_anvandare(self, user) -> UppdragQuerySet:  # noqa: ANN001
        """What a user may see: providers only their own organisation's commissions."""
        from natverken.models import Roll
        from natverken.roller import har_roll

        if har_roll(user, Roll.TJANSTEPERSON, Roll.FORTROENDEVALD):
            return self
        if har_roll(user, Roll.UTFORARE):
            profil = getattr(user, "profil", None)
            if profil is not None and profil.utforare_id:
                return self.filter(utforare_id=profil.utforare_id)
        return self.none()


class Uppdrag(Versionerad):
    class Insatstyp(models.TextChoices):
        FOREBYGGANDE = "forebyggande", "Förebyggande"
        HALSOFRAMJANDE = "halsoframjande", "Hälsofrämjande"
        BEHANDLING = "behandling", "Behandling"
        REHABILITERING = "rehabilitering", "Rehabilitering"
        OMVARDNAD = "omvardnad", "Omvårdnad/omsorg"
        PALLIATION = "palliation", "Palliation"

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        DIALOG = "dialog", "Dialog"
        FOR_BESLUT = "for_beslut", "För beslut"
        BESLUTAD = "beslutad", "Beslutad"
        PAGAR = "pagar", "Pågår"
        AVSLUTAD = "avslutad", "Avslutad"

    class Huvudman(models.TextChoices):
        EGEN = "egen", "Inom den egna organisationen"
        SAMVERKAN = "samverkan", "I samverkan med annan huvudman"

    planeringsar = models.ForeignKey(Planeringsar, on_delete=models.PROTECT, related_name="uppdrag")
    prioriteringsobjekt = models.ManyToManyField(
        Prioriteringsobjekt, related_name="uppdrag", verbose_name="beslutade prioriteringar"
    )
    titel = models.CharField("titel", max_length=250)
    insatstyp = models.CharField("typ av insats", max_length=16, choices=Insatstyp.choices)
    utforare = models.ForeignKey(
        Utforare, on_delete=models.PROTECT, related_name="uppdrag", verbose_name="utförare"
    )
    huvudman = models.CharField(
        "huvudmannaskap", max_length=10, choices=Huvudman.choices, default=Huvudman.EGEN
    )
    samverkanspart = models.CharField(
        "samverkanspart", max_length=200, blank=True, help_text="Annan huvudman, t.ex. en kommun."
    )
    langsiktigt_mal = models.TextField("långsiktigt mål")
    beskrivning = models.TextField("beskrivning", blank=True)
    budget_tkr = models.DecimalField("budget (tkr)", max_digits=14, decimal_places=0, default=0)
    start = models.DateField("start")
    slut = models.DateField("slut")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UTKAST)
    beslut = models.ForeignKey(
        Beslut, on_delete=models.PROTECT, null=True, blank=True, related_name="uppdrag"
    )
    history = HistoricalRecords(m2m_fields=[prioriteringsobjekt])

    objects = UppdragQuerySet.as_manager()

    class Meta:
        ordering = ["-planeringsar__ar", "titel"]
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(huvudman="samverkan") | ~models.Q(samverkanspart=""),
                name="samverkan_kraver_part",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["beslutad", "pagar", "avslutad"])
                | models.Q(beslut__isnull=False),
                name="beslutat_uppdrag_har_beslut",
            ),
            models.CheckConstraint(
                condition=models.Q(start__lte=models.F("slut")), name="uppdrag_start_fore_slut"
            ),
            models.CheckConstraint(
                condition=models.Q(budget_tkr__gte=0), name="uppdrag_budget_ej_negativ"
            ),
        ]
        indexes = [models.Index(fields=["utforare", "status"], name="uppdrag_utforare_status")]

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.huvudman == self.Huvudman.SAMVERKAN and not self.samverkanspart.strip():
            raise ValidationError(
                {"samverkanspart": "Ange vilken huvudman uppdraget sker i samverkan med."}
            )
        if self.start and self.slut and self.start > self.slut:
            raise ValidationError({"slut": "Slutdatum kan inte ligga före startdatum."})


class Mal(models.Model):
    class Niva(models.TextChoices):
        AKTIVITET = "aktivitet", "Aktivitet"
        RESULTAT = "resultat", "Resultat"
        EFFEKT = "effekt", "Effekt"

    uppdrag = models.ForeignKey(Uppdrag, on_delete=models.CASCADE, related_name="mal")
    beskrivning = models.CharField("mål", max_length=300)
    niva = models.CharField("nivå", max_length=10, choices=Niva.choices)
    indikator = models.ForeignKey(
        Indikator, on_delete=models.PROTECT, null=True, blank=True, related_name="mal"
    )
    omrade = models.ForeignKey(
        Omrade, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kon = models.CharField("kön", max_length=1, choices=Kon.choices, default=Kon.TOTALT)
    baslinje_varde = models.FloatField("baslinje", null=True, blank=True)
    baslinje_period = models.CharField("baslinjens period", max_length=20, blank=True)
    malvarde = models.FloatField("målvärde", null=True, blank=True)
    maldatum = models.DateField("måldatum", null=True, blank=True)
    # Equity goal: the gap between two groups (e.g. kön K vs M) shall shrink to `jamlikhet_mal`.
    jamlikhet_dimension = models.CharField("jämlikhet: uppdelning", max_length=60, blank=True)
    jamlikhet_grupp_a = models.CharField("jämlikhet: grupp A", max_length=80, blank=True)
    jamlikhet_grupp_b = models.CharField("jämlikhet: grupp B", max_length=80, blank=True)
    jamlikhet_mal = models.FloatField("jämlikhet: högsta skillnad", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uppdrag", "niva", "pk"]
        verbose_name = "mål"
        verbose_name_plural = "mål"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(indikator__isnull=True)
                | models.Q(malvarde__isnull=False, maldatum__isnull=False),
                name="indikatormal_har_malvarde_och_datum",
            )
        ]

    def __str__(self) -> str:
        return self.beskrivning


class Milstolpe(models.Model):
    uppdrag = models.ForeignKey(Uppdrag, on_delete=models.CASCADE, related_name="milstolpar")
    datum = models.DateField("datum")
    beskrivning = models.CharField("vad", max_length=300)
    klar = models.DateField("klar den", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uppdrag", "datum"]
        verbose_name = "milstolpe"
        verbose_name_plural = "milstolpar"

    def __str__(self) -> str:
        return f"{self.datum:%Y-%m-%d} {self.beskrivning}"


class Uppfoljningsplan(models.Model):
    class Frekvens(models.TextChoices):
        TERTIAL = "tertial", "Tertial"
        HALVAR = "halvar", "Halvår"
        AR = "ar", "Helår"

    uppdrag = models.OneToOneField(
        Uppdrag, on_delete=models.CASCADE, related_name="uppfoljningsplan"
    )
    mal = models.ManyToManyField(
        Mal, related_name="uppfoljningsplaner", verbose_name="mål som följs upp"
    )
    frekvens = models.CharField("hur ofta", max_length=8, choices=Frekvens.choices)
    rapportor = models.CharField("vem rapporterar", max_length=200)
    klart_nar = models.TextField("vad räknas som klart")
    history = HistoricalRecords(m2m_fields=[mal])

    class Meta:
        verbose_name = "uppföljningsplan"
        verbose_name_plural = "uppföljningsplaner"

    def __str__(self) -> str:
        return f"Uppföljningsplan för {self.uppdrag}"

    def perioder(self, ar: int) -> list[tuple[str, int]]:
        """The reporting periods of a year: (label, last month)."""
        if self.frekvens == self.Frekvens.TERTIAL:
            return [(f"{ar} T1", 4), (f"{ar} T2", 8), (f"{ar} T3", 12)]
        if self.frekvens == self.Frekvens.HALVAR:
            return [(f"{ar} H1", 6), (f"{ar} H2", 12)]
        return [(f"{ar}", 12)]
