"""Follow-up: the providers' reports per period, goal status, and the yearly follow-up that the
body approves and that seeds next year's needs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from natverken.models import Beslut, Planeringsar, Versionerad
from uppdrag.models import Mal, Uppdrag


class Framdrift(models.TextChoices):
    ENLIGT_PLAN = "enligt_plan", "Enligt plan"
    RISK = "risk", "Risk för avvikelse"
    AVVIKER = "avviker", "Avviker"
    UPPNATT = "uppnatt", "Uppnått"


class Aterrapport(Versionerad):
    """A provider's report for one period. Reporting status (has it come in, was it
    accepted) is kept apart from progress (is the work going to plan)."""

    class Rapportstatus(models.TextChoices):
        VANTAR = "vantar", "Väntar"
        INLAMNAD = "inlamnad", "Inlämnad"
        ATERSAND = "atersand", "Återsänd"
        GODKAND = "godkand", "Godkänd"

    uppdrag = models.ForeignKey(Uppdrag, on_delete=models.CASCADE, related_name="aterrapporter")
    period = models.CharField("period", max_length=20, help_text="t.ex. 2026 T1")
    senast = models.DateField("ska lämnas senast")
    rapportstatus = models.CharField(
        "rapporteringsstatus",
        max_length=10,
        choices=Rapportstatus.choices,
        default=Rapportstatus.VANTAR,
    )
    framdrift = models.CharField("framdrift", max_length=12, choices=Framdrift.choices, blank=True)
    sammanfattning = models.TextField("sammanfattning", blank=True)
    inlamnad = models.DateTimeField("inlämnad", null=True, blank=True)
    inlamnad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    granskad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    granskningskommentar = models.TextField("granskningskommentar", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uppdrag", "senast"]
        verbose_name = "återrapport"
        verbose_name_plural = "återrapporter"
        constraints = [
            models.UniqueConstraint(fields=["uppdrag", "period"], name="en_rapport_per_period"),
            models.CheckConstraint(
                condition=models.Q(rapportstatus="vantar") | models.Q(inlamnad__isnull=False),
                name="inlamnad_rapport_har_datum",
            ),
        ]
        indexes = [models.Index(fields=["rapportstatus", "senast"], name="rapport_status_senast")]

    def __str__(self) -> str:
        return f"{self.uppdrag} – {self.period}"


class Malstatus(models.Model):
    rapport = models.ForeignKey(Aterrapport, on_delete=models.CASCADE, related_name="malstatus")
    mal = models.ForeignKey(Mal, on_delete=models.CASCADE, related_name="statusar")
    framdrift = models.CharField("framdrift", max_length=12, choices=Framdrift.choices)
    kommentar = models.TextField("kommentar", blank=True)
    uppmatt_varde = models.FloatField("uppmätt värde", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["rapport", "mal"]
        verbose_name = "målstatus"
        verbose_name_plural = "målstatus"
        constraints = [models.UniqueConstraint(fields=["rapport", "mal"], name="en_status_per_mal")]

    def __str__(self) -> str:
        return f"{self.mal}: {self.get_framdrift_display()}"


class Arsuppfoljning(Versionerad):
    """A planning year's follow-up, approved by the body (input to the årsredovisning)."""

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        GODKAND = "godkand", "Godkänd"

    planeringsar = models.OneToOneField(
        Planeringsar, on_delete=models.PROTECT, related_name="arsuppfoljning"
    )
    sammanfattning = models.TextField("sammanfattning", blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.UTKAST)
    beslut = models.OneToOneField(
        Beslut, on_delete=models.PROTECT, null=True, blank=True, related_name="arsuppfoljning"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-planeringsar__ar"]
        verbose_name = "årsuppföljning"
        verbose_name_plural = "årsuppföljningar"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="godkand") | models.Q(beslut__isnull=False),
                name="godkand_uppfoljning_har_beslut",
            )
        ]

    def __str__(self) -> str:
        return f"Årsuppföljning {self.planeringsar.ar}"


class Fortsattningsbeslut(models.Model):
    """When the next year starts, every running commission gets continue / revise / close."""

    class Val(models.TextChoices):
        FORTSATT = "fortsatt", "Fortsätt"
        REVIDERA = "revidera", "Revidera"
        AVSLUTA = "avsluta", "Avsluta"

    uppdrag = models.ForeignKey(
        Uppdrag, on_delete=models.CASCADE, related_name="fortsattningsbeslut"
    )
    planeringsar = models.ForeignKey(Planeringsar, on_delete=models.PROTECT, related_name="+")
    val = models.CharField("beslut", max_length=10, choices=Val.choices)
    motivering = models.TextField("motivering")
    beslut = models.ForeignKey(
        Beslut, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "beslut om fortsättning"
        verbose_name_plural = "beslut om fortsättning"
        constraints = [
            models.UniqueConstraint(
                fields=["uppdrag", "planeringsar"], name="ett_fortsattningsbeslut_per_ar"
            )
        ]

    def __str__(self) -> str:
        return f"{self.uppdrag}: {self.get_val_display()} ({self.planeringsar.ar})"
