"""Prioritisation: rounds, the needs that are ranked (priority objects), their assessment by
the national model, each member's own ranking, the body's decided order, and resources."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from behov.models import Behovsgrupp, Halsogap
from natverken.models import Beslut, Ledamot, Organ, Planeringsar, Versionerad
from prioritering.regler import Forslag, foresla_prioritetsgrad, varningar


class Prioriteringsomgang(models.Model):
    """A priority round of one body for one planning year. A decided round is frozen; a later
    change is a new revision that points back at the one it replaces."""

    class Status(models.TextChoices):
        FORBEREDELSE = "forberedelse", "Under förberedelse"
        RANGORDNING = "rangordning", "Öppen för rangordning"
        BESLUTAD = "beslutad", "Beslutad"
        ERSATT = "ersatt", "Ersatt av revision"

    planeringsar = models.ForeignKey(
        Planeringsar, on_delete=models.PROTECT, related_name="omgangar"
    )
    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="omgangar")
    namn = models.CharField("namn", max_length=200)
    budgetram_tkr = models.DecimalField("budgetram (tkr)", max_digits=14, decimal_places=0)
    sammantradesdatum = models.DateField("datum för beslutsmötet", null=True, blank=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.FORBEREDELSE)
    beslut = models.OneToOneField(
        Beslut,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prioritering",
        verbose_name="beslut",
    )
    revision = models.PositiveSmallIntegerField("revision", default=1)
    ersatter = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ersatt_av",
        verbose_name="ersätter",
    )
    revisionsskal = models.TextField("skäl till revision", blank=True)
    ovre_del_antal = models.PositiveSmallIntegerField(
        "antal behov i övre delen",
        default=3,
        help_text="De högst placerade behoven som måste få ett uppdrag eller ett beslut om att avstå.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-planeringsar__ar", "organ__namn", "-revision"]
        verbose_name = "prioriteringsomgång"
        verbose_name_plural = "prioriteringsomgångar"
        constraints = [
            models.UniqueConstraint(
                fields=["planeringsar", "organ", "revision"], name="omgang_unik_revision"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="beslutad") | models.Q(beslut__isnull=False),
                name="beslutad_omgang_har_beslut",
            ),
            models.CheckConstraint(
                condition=models.Q(revision=1) | models.Q(ersatter__isnull=False),
                name="revision_pekar_pa_foregaende",
            ),
            models.CheckConstraint(
                condition=models.Q(budgetram_tkr__gte=0), name="budgetram_ej_negativ"
            ),
        ]

    def __str__(self) -> str:
        rev = f", revision {self.revision}" if self.revision > 1 else ""
        return f"{self.namn} ({self.planeringsar.ar}{rev})"

    @property
    def ar_beslutad(self) -> bool:
        """A decided round (current or replaced) is frozen: a change needs a new revision."""
        return self.status in {self.Status.BESLUTAD, self.Status.ERSATT}

    @property
    def ar_under_forberedelse(self) -> bool:
        return self.status == self.Status.FORBEREDELSE

    @property
    def ar_oppen_for_rangordning(self) -> bool:
        return self.status == self.Status.RANGORDNING

    @property
    def ar_ersatt(self) -> bool:
        return self.status == self.Status.ERSATT

    @property
    def revision_under_arbete(self) -> Prioriteringsomgang | None:
        """The revision that will replace this round once decided, if one is prepared."""
        try:
            return self.ersatt_av
        except Prioriteringsomgang.DoesNotExist:
            return None

    @property
    def last_meddelande(self) -> str:
        return (
            f"{self} är beslutad och låst. En ändring kräver en ny revision med ett skäl; "
            "det gamla beslutet finns kvar och syns."
        )


class Prioriteringsobjekt(Versionerad):
    """A need that is ranked: one or more health gaps of a needs group with the proposed
    measure(s). `placering` is the body's unique decided order; `prioritetsgrad` (in the
    assessment) is the model's level, which many objects can share."""

    class Princip(models.TextChoices):
        MANNISKOVARDE = "manniskovarde", "Människovärdesprincipen"
        BEHOV_SOLIDARITET = "behov_solidaritet", "Behovs-solidaritetsprincipen"
        KOSTNADSEFFEKTIVITET = "kostnadseffektivitet", "Kostnadseffektivitetsprincipen"

    omgang = models.ForeignKey(Prioriteringsomgang, on_delete=models.CASCADE, related_name="objekt")
    behovsgrupp = models.ForeignKey(
        Behovsgrupp, on_delete=models.PROTECT, related_name="prioriteringsobjekt"
    )
    halsogap = models.ManyToManyField(
        Halsogap, related_name="prioriteringsobjekt", verbose_name="hälsogap"
    )
    rubrik = models.CharField("behov", max_length=250)
    atgard = models.TextField("föreslagen åtgärd")
    atgardskostnad_tkr = models.DecimalField(
        "beräknad kostnad för åtgärden (tkr per år)",
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        help_text="Vad hela åtgärden skulle kosta. Används för att visa vad mer eller mindre "
        "pengar skulle räcka till.",
    )
    placering = models.PositiveSmallIntegerField("placering", null=True, blank=True)
    motivering = models.TextField("motivering", blank=True)
    princip = models.CharField(
        "bärande princip", max_length=22, choices=Princip.choices, blank=True
    )
    history = HistoricalRecords(m2m_fields=[halsogap])

    class Meta:
        ordering = ["omgang", models.F("placering").asc(nulls_last=True), "rubrik"]
        verbose_name = "prioriteringsobjekt"
        verbose_name_plural = "prioriteringsobjekt"
        constraints = [
            # Deferred, so a whole new order can be written in one transaction.
            models.UniqueConstraint(
                fields=["omgang", "placering"],
                name="placering_unik_i_omgang",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.CheckConstraint(
                condition=models.Q(placering__isnull=True) | models.Q(placering__gte=1),
                name="placering_fran_ett",
            ),
            models.CheckConstraint(
                condition=models.Q(atgardskostnad_tkr__isnull=True)
                | models.Q(atgardskostnad_tkr__gte=0),
                name="atgardskostnad_ej_negativ",
            ),
        ]

    def __str__(self) -> str:
        return self.rubrik

    @property
    def bedomning_eller_none(self) -> Bedomning | None:
        try:
            return self.bedomning
        except Bedomning.DoesNotExist:
            return None

    @property
    def resurs_eller_none(self) -> Resursfordelning | None:
        try:
            return self.resursfordelning
        except Resursfordelning.DoesNotExist:
            return None

    @property
    def har_indikatordata(self) -> bool:
        """At least one of the need's gaps has a measured current value (use with the gaps
        prefetched)."""
        return any(g.aktuellt_varde is not None for g in self.halsogap.all())

    @property
    def storsta_gap(self) -> Halsogap | None:
        """The gap furthest from its target relative to today (the one to name first when
        there is room for one); use with the gaps prefetched."""
        med_storlek = [g for g in self.halsogap.all() if g.relativ_storlek is not None]
        if med_storlek:
            return max(med_storlek, key=lambda g: g.relativ_storlek)
        return next(iter(self.halsogap.all()), None)

    @property
    def varningar(self) -> list[str]:
        return varningar(self.bedomning_eller_none, har_indikatordata=self.har_indikatordata)

    @property
    def prioritetsgrad_att_visa(self) -> int | None:
        """The officials' level, else the model's suggestion."""
        bedomning = self.bedomning_eller_none
        if bedomning is None:
            return None
        return bedomning.prioritetsgrad or bedomning.forslag.grad


class Bedomning(Versionerad):
    """The standard assessment of a need by Prioriteringscentrum's national model."""

    class Svarighetsgrad(models.TextChoices):
        MYCKET_STOR = "mycket_stor", "Mycket stor"
        STOR = "stor", "Stor"
        MATTLIG = "mattlig", "Måttlig"
        LITEN = "liten", "Liten"

    class Nytta(models.TextChoices):
        MYCKET_STOR = "mycket_stor", "Mycket stor"
        STOR = "stor", "Stor"
        MATTLIG = "mattlig", "Måttlig"
        LITEN = "liten", "Liten"
        INGEN = "ingen", "Ingen"

    class Kostnad(models.TextChoices):
        MYCKET_HOG = "mycket_hog", "Mycket hög"
        HOG = "hog", "Hög"
        MATTLIG = "mattlig", "Måttlig"
        LAG = "lag", "Låg"

    class Evidens(models.TextChoices):
        HOG = "hog", "Hög"
        MATTLIG = "mattlig", "Måttlig"
        LAG = "lag", "Låg"
        MYCKET_LAG = "mycket_lag", "Mycket låg"

    objekt = models.OneToOneField(
        Prioriteringsobjekt, on_delete=models.CASCADE, related_name="bedomning"
    )
    svarighetsgrad = models.CharField(
        "svårighetsgrad", max_length=12, choices=Svarighetsgrad.choices
    )
    svarighetsgrad_motivering = models.TextField("motivering (svårighetsgrad)", blank=True)
    nytta = models.CharField("patientnytta/effekt", max_length=12, choices=Nytta.choices)
    nytta_motivering = models.TextField("motivering (nytta)", blank=True)
    kostnad = models.CharField(
        "kostnad i relation till nytta", max_length=12, choices=Kostnad.choices
    )
    kostnad_motivering = models.TextField("motivering (kostnad)", blank=True)
    evidens = models.CharField(
        "kunskapsunderlagets kvalitet", max_length=12, choices=Evidens.choices
    )
    evidens_motivering = models.TextField("motivering (kunskapsunderlag)", blank=True)
    antal_berorda = models.PositiveIntegerField("antal berörda personer", null=True, blank=True)
    jamlikhet = models.TextField("jämlikhetsaspekt (vilka grupper vinner)", blank=True)
    prioritetsgrad = models.PositiveSmallIntegerField("prioritetsgrad 1–10", null=True, blank=True)
    avvikelse_motivering = models.TextField(
        "motivering om prioritetsgraden avviker från förslaget", blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bedömning"
        verbose_name_plural = "bedömningar"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(prioritetsgrad__isnull=True)
                | models.Q(prioritetsgrad__gte=1, prioritetsgrad__lte=10),
                name="prioritetsgrad_1_till_10",
            )
        ]

    def __str__(self) -> str:
        return f"Bedömning av {self.objekt}"

    @property
    def forslag(self) -> Forslag:
        """The model's suggested level with its reasoning (prioritering.regler)."""
        return foresla_prioritetsgrad(
            svarighetsgrad=self.svarighetsgrad,
            nytta=self.nytta,
            kostnad=self.kostnad,
            evidens=self.evidens,
        )

    @property
    def avviker_fran_forslaget(self) -> bool:
        return self.prioritetsgrad is not None and self.prioritetsgrad != self.forslag.grad


class Rangordning(models.Model):
    """One elected member's own order of the round's needs: input, not the decision."""

    omgang = models.ForeignKey(
        Prioriteringsomgang, on_delete=models.CASCADE, related_name="rangordningar"
    )
    ledamot = models.ForeignKey(Ledamot, on_delete=models.PROTECT, related_name="rangordningar")
    inlamnad = models.DateTimeField("inlämnad", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["omgang", "ledamot__namn"]
        verbose_name = "rangordning"
        verbose_name_plural = "rangordningar"
        constraints = [
            models.UniqueConstraint(fields=["omgang", "ledamot"], name="en_rangordning_per_ledamot")
        ]

    def __str__(self) -> str:
        return f"{self.ledamot}s rangordning – {self.omgang}"

    def clean(self) -> None:
        if self.ledamot_id and self.omgang_id and self.ledamot.organ_id != self.omgang.organ_id:
            raise ValidationError("Bara ledamöter i omgångens organ kan rangordna.")


class Rangplats(models.Model):
    rangordning = models.ForeignKey(Rangordning, on_delete=models.CASCADE, related_name="platser")
    objekt = models.ForeignKey(
        Prioriteringsobjekt, on_delete=models.CASCADE, related_name="rangplatser"
    )
    plats = models.PositiveSmallIntegerField("plats")
    history = HistoricalRecords()

    class Meta:
        ordering = ["rangordning", "plats"]
        verbose_name = "plats i rangordning"
        verbose_name_plural = "platser i rangordning"
        constraints = [
            models.UniqueConstraint(
                fields=["rangordning", "objekt"], name="objekt_en_gang_per_rangordning"
            ),
            models.UniqueConstraint(
                fields=["rangordning", "plats"],
                name="plats_unik_per_rangordning",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.CheckConstraint(condition=models.Q(plats__gte=1), name="rangplats_fran_ett"),
        ]

    def __str__(self) -> str:
        return f"{self.plats}. {self.objekt}"


class Resursfordelning(models.Model):
    class Typ(models.TextChoices):
        PRIORITERA = "prioritera", "Prioritera (mer resurser)"
        RANSONERA = "ransonera", "Ransonera (mindre resurser)"
        EFFEKTIVISERA = "effektivisera", "Effektivisera (mer värde för samma resurser)"

    objekt = models.OneToOneField(
        Prioriteringsobjekt, on_delete=models.CASCADE, related_name="resursfordelning"
    )
    belopp_tkr = models.DecimalField("belopp (tkr)", max_digits=14, decimal_places=0)
    typ = models.CharField("typ", max_length=14, choices=Typ.choices)
    kommentar = models.TextField("kommentar", blank=True)
    beslut = models.ForeignKey(
        Beslut, on_delete=models.PROTECT, null=True, blank=True, related_name="resursfordelningar"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "resursfördelning"
        verbose_name_plural = "resursfördelningar"
        constraints = [
            models.CheckConstraint(condition=models.Q(belopp_tkr__gte=0), name="belopp_ej_negativt")
        ]

    def __str__(self) -> str:
        return f"{self.objekt}: {self.belopp_tkr} tkr"
