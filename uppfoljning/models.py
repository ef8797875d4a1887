"""Follow-up: the providers' reports per period, goal status, and the yearly follow-up that the
body approves and that seeds next year's needs."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from natverken.models import Beslut, Planeringsar, Versionerad
from uppdrag.models import Mal, Milstolpe, Uppdrag


class Framdrift(models.TextChoices):
    """The provider's own judgement of the work (implementation), never of health."""

    ENLIGT_PLAN = "enligt_plan", "Enligt plan"
    RISK = "risk", "Risk för avvikelse"
    AVVIKER = "avviker", "Avviker"
    UPPNATT = "uppnatt", "Uppnått"


# Every status is shown as icon + word; colour only supports it.
FRAMDRIFT_IKON = {
    Framdrift.ENLIGT_PLAN: "→",
    Framdrift.RISK: "⚠",
    Framdrift.AVVIKER: "✕",
    Framdrift.UPPNATT: "✓",
}


class Aterrapport(Versionerad):
    """A provider's report for one period. Reporting status (has it come in, was it
    accepted) is kept apart from progress (is the work going to plan)."""

    class Rapportstatus(models.TextChoices):
        VANTAR = "vantar", "Väntar"
        INLAMNAD = "inlamnad", "Inlämnad"
        ATERSAND = "atersand", "Återsänd"
        GODKAND = "godkand", "Godkänd"

    RAPPORTSTATUS_IKON = {
        Rapportstatus.VANTAR: "○",
        Rapportstatus.INLAMNAD: "✉",
        Rapportstatus.ATERSAND: "↩",
        Rapportstatus.GODKAND: "✓",
    }
    # Only the provider changes a report, and only before it is submitted or after it was
    # returned: a submitted or accepted report is never changed silently.
    REDIGERBARA = frozenset({Rapportstatus.VANTAR, Rapportstatus.ATERSAND})

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
    granskad = models.DateTimeField("granskad", null=True, blank=True)
    klara_milstolpar = models.ManyToManyField(
        Milstolpe,
        blank=True,
        related_name="rapporterad_klar_i",
        verbose_name="milstolpar som rapporteras klara",
    )
    history = HistoricalRecords(m2m_fields=[klara_milstolpar])

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
            # A submitted report always says how the work is going.
            models.CheckConstraint(
                condition=models.Q(rapportstatus="vantar") | ~models.Q(framdrift=""),
                name="inlamnad_rapport_har_framdrift",
            ),
            # The provider must be told what to correct.
            models.CheckConstraint(
                condition=~models.Q(rapportstatus="atersand") | ~models.Q(granskningskommentar=""),
                name="atersand_rapport_har_kommentar",
            ),
        ]
        indexes = [models.Index(fields=["rapportstatus", "senast"], name="rapport_status_senast")]

    def __str__(self) -> str:
        return f"{self.uppdrag} – {self.period}"

    @property
    def rapportstatus_ikon(self) -> str:
        return self.RAPPORTSTATUS_IKON[self.Rapportstatus(self.rapportstatus)]

    @property
    def framdrift_ikon(self) -> str:
        return FRAMDRIFT_IKON[Framdrift(self.framdrift)] if self.framdrift else ""

    @property
    def ar_redigerbar(self) -> bool:
        return self.rapportstatus in self.REDIGERBARA

    def ar_forsenad(self, idag: dt.date) -> bool:
        """Past its deadline and still with the provider (waiting, or returned)."""
        return self.ar_redigerbar and self.senast < idag


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

    @property
    def framdrift_ikon(self) -> str:
        return FRAMDRIFT_IKON[Framdrift(self.framdrift)]


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
    # What the body saw when it approved: each goal's judgement at that moment. Data imported
    # later can change the live judgement; the approved document must not change with it.
    bedomningar_vid_beslut = models.JSONField(
        "måluppfyllelse vid beslutet", default=dict, blank=True, editable=False
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

    @property
    def ar_godkand(self) -> bool:
        return self.status == self.Status.GODKAND

    @property
    def status_ikon(self) -> str:
        return "✓" if self.ar_godkand else "✎"


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
            ),
            models.CheckConstraint(
                condition=~models.Q(motivering=""), name="fortsattningsbeslut_har_motivering"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.uppdrag}: {self.get_val_display()} ({self.planeringsar.ar})"

    @property
    def val_ikon(self) -> str:
        return {self.Val.FORTSATT: "→", self.Val.REVIDERA: "↻", self.Val.AVSLUTA: "■"}[
            self.Val(self.val)
        ]
