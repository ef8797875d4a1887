"""Needs: indicators and their values, needs groups, needs analyses, health gaps, data sources
and dialogues. The first link of the chain: where the population's health is described and the
gap to the elected representatives' target is measured."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from behov.querysets import MatvardeQuerySet
from natverken.models import Beslut, Omrade, Planeringsar, Versionerad


class Polaritet(models.TextChoices):
    HOGRE_BATTRE = "hogre_battre", "Högre är bättre"
    LAGRE_BATTRE = "lagre_battre", "Lägre är bättre"
    INGEN = "ingen", "Ingen bedömning"


class Kon(models.TextChoices):
    TOTALT = "T", "Totalt"
    KVINNOR = "K", "Kvinnor"
    MAN = "M", "Män"


class Indikator(models.Model):
    kod = models.CharField("kod", max_length=40, unique=True)
    namn = models.CharField("namn", max_length=250)
    definition = models.TextField("definition", blank=True)
    enhet = models.CharField("enhet", max_length=40, help_text="t.ex. %, per 100 000 invånare")
    decimaler = models.PositiveSmallIntegerField("antal decimaler", default=1)
    polaritet = models.CharField(
        "riktning", max_length=14, choices=Polaritet.choices, default=Polaritet.INGEN
    )
    kalla = models.CharField("källa", max_length=200, blank=True)
    kallreferens = models.CharField(
        "källreferens", max_length=100, blank=True, help_text="t.ex. Kolada-KPI N02001"
    )
    kanda_brister = models.TextField("kända brister", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["namn"]
        verbose_name = "indikator"
        verbose_name_plural = "indikatorer"
        constraints = [
            models.CheckConstraint(condition=models.Q(decimaler__lte=6), name="indikator_decimaler")
        ]

    def __str__(self) -> str:
        return self.namn


class Importbatch(models.Model):
    """One import of indicator values: who brought in what and when. Values are bulk data
    without per-row history; the batch is what can be undone."""

    class Status(models.TextChoices):
        GENOMFORD = "genomford", "Genomförd"
        ANGRAD = "angrad", "Ångrad"

    filnamn = models.CharField("fil", max_length=255)
    beskrivning = models.CharField("beskrivning", max_length=255, blank=True)
    importerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="importerad av",
    )
    importerad = models.DateTimeField("importerad", auto_now_add=True)
    antal_nya = models.PositiveIntegerField("nya värden", default=0)
    antal_ersatta = models.PositiveIntegerField("ersatta värden", default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.GENOMFORD)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-importerad"]
        verbose_name = "importbatch"
        verbose_name_plural = "importbatcher"

    def __str__(self) -> str:
        return f"{self.filnamn} ({self.importerad:%Y-%m-%d %H:%M})"


class Matvarde(models.Model):
    """One value of an indicator for an area, period, sex and optional breakdown.

    Bulk data: no per-row history (see Importbatch). A missing value is NULL, never 0.
    """

    # No separate index: the unique key starts with indikator (an extra index only slows
    # bulk imports).
    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="varden", db_index=False
    )
    omrade = models.ForeignKey(Omrade, on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField("periodens början")
    period_slut = models.DateField("periodens slut")
    period = models.CharField("period", max_length=20, help_text="t.ex. 2024 eller 2019–2022")
    kon = models.CharField("kön", max_length=1, choices=Kon.choices, default=Kon.TOTALT)
    dimension = models.CharField(
        "uppdelning", max_length=60, null=True, blank=True, help_text="t.ex. Ålder, Utbildning"
    )
    kategori = models.CharField("kategori", max_length=80, null=True, blank=True)
    varde = models.FloatField("värde", null=True, blank=True)
    antal = models.FloatField("antal (täljare)", null=True, blank=True)
    namnare = models.FloatField("nämnare", null=True, blank=True)
    ki_lag = models.FloatField("konfidensintervall, nedre", null=True, blank=True)
    ki_hog = models.FloatField("konfidensintervall, övre", null=True, blank=True)
    batch = models.ForeignKey(  # indexed by Meta.indexes "matvarde_batch"
        Importbatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="varden",
        db_index=False,
    )

    objects = MatvardeQuerySet.as_manager()

    class Meta:
        verbose_name = "mätvärde"
        verbose_name_plural = "mätvärden"
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "indikator",
                    "omrade",
                    "period_start",
                    "period_slut",
                    "kon",
                    "dimension",
                    "kategori",
                ],
                name="matvarde_unik_nyckel",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=models.Q(ki_lag__isnull=True)
                | models.Q(ki_hog__isnull=True)
                | models.Q(ki_lag__lte=models.F("ki_hog")),
                name="matvarde_ki_ordning",
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_slut")),
                name="matvarde_period_ordning",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(dimension__isnull=True, kategori__isnull=True)
                    | models.Q(dimension__isnull=False, kategori__isnull=False)
                ),
                name="matvarde_uppdelning_hel",
            ),
        ]
        indexes = [
            # The shapes pages ask: one indicator's series for an area, and the latest
            # period across areas.
            models.Index(fields=["indikator", "period_start"], name="matvarde_ind_period"),
            models.Index(fields=["batch"], name="matvarde_batch"),
        ]

    def __str__(self) -> str:
        return f"{self.indikator_id} {self.omrade_id} {self.period} {self.kon}: {self.varde}"


class Behovsgrupp(models.Model):
    class Slag(models.TextChoices):
        BEFOLKNINGSGRUPP = "befolkningsgrupp", "Befolkningsgrupp"
        SJUKDOMSGRUPP = "sjukdomsgrupp", "Sjukdomsgrupp"
        VERKSAMHETSOMRADE = "verksamhetsomrade", "Verksamhetsområde"

    namn = models.CharField("namn", max_length=160, unique=True)
    slag = models.CharField(
        "slag", max_length=20, choices=Slag.choices, default=Slag.BEFOLKNINGSGRUPP
    )
    beskrivning = models.TextField("beskrivning", blank=True)
    alder_fran = models.PositiveSmallIntegerField("ålder från", null=True, blank=True)
    alder_till = models.PositiveSmallIntegerField("ålder till", null=True, blank=True)
    kon = models.CharField("kön", max_length=1, choices=Kon.choices, default=Kon.TOTALT)
    omrade = models.ForeignKey(
        Omrade,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="område",
    )
    kriterier = models.TextField(
        "villkor, riskfaktorer eller socioekonomiska kriterier", blank=True
    )
    uppskattat_antal = models.PositiveIntegerField(
        "uppskattat antal personer", null=True, blank=True
    )
    arkiverad = models.BooleanField("arkiverad", default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["namn"]
        verbose_name = "behovsgrupp"
        verbose_name_plural = "behovsgrupper"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(alder_fran__isnull=True)
                | models.Q(alder_till__isnull=True)
                | models.Q(alder_fran__lte=models.F("alder_till")),
                name="behovsgrupp_alder_ordning",
            )
        ]

    def __str__(self) -> str:
        return self.namn


class Behovsanalys(Versionerad):
    """A needs group's analysis for one planning year: an official's document over weeks."""

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        KLAR = "klar", "Klar för prioritering"

    behovsgrupp = models.ForeignKey(Behovsgrupp, on_delete=models.PROTECT, related_name="analyser")
    planeringsar = models.ForeignKey(
        Planeringsar, on_delete=models.PROTECT, related_name="analyser"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.UTKAST)
    halsolage = models.TextField("hälsoläge", blank=True)
    slutsats = models.TextField("slutsats", blank=True)
    foregaende = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fortsattningar",
        verbose_name="föregående års analys",
    )
    ateroppning_skal = models.TextField(
        "skäl till att analysen öppnades igen",
        blank=True,
        help_text="Senaste skälet; tidigare skäl finns i historiken.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-planeringsar__ar", "behovsgrupp__namn"]
        verbose_name = "behovsanalys"
        verbose_name_plural = "behovsanalyser"
        constraints = [
            models.UniqueConstraint(
                fields=["behovsgrupp", "planeringsar"], name="en_analys_per_grupp_och_ar"
            )
        ]

    def __str__(self) -> str:
        return f"{self.behovsgrupp} – {self.planeringsar.ar}"


class Datakalla(models.Model):
    class Slag(models.TextChoices):
        REGISTERDATA = "registerdata", "Registerdata"
        BAKGRUNDSDATA = "bakgrundsdata", "Bakgrundsdata om befolkningen"
        SJALVSKATTNING = "sjalvskattning", "Självskattningsdata"
        FORDJUPAD = "fordjupad", "Fördjupade behovsanalyser"
        VERKSAMHETSANALYS = "verksamhetsanalys", "Verksamhetsanalyser"
        DIALOG = "dialog", "Dialog med berörda"
        STYRDOKUMENT = "styrdokument", "Nationella och regionala styrande dokument"
        RESURSDATA = "resursdata", "Resursdata"
        NYTTOKALKYL = "nyttokalkyl", "Nyttokalkyler"

    analys = models.ForeignKey(Behovsanalys, on_delete=models.CASCADE, related_name="datakallor")
    slag = models.CharField("slag", max_length=20, choices=Slag.choices)
    beskrivning = models.TextField("beskrivning")
    brister = models.TextField("brister", help_text="Kända brister i källan, öppet redovisade.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["analys", "slag"]
        verbose_name = "datakälla"
        verbose_name_plural = "datakällor"

    def __str__(self) -> str:
        return f"{self.get_slag_display()}: {self.beskrivning[:60]}"


class Dialog(models.Model):
    analys = models.ForeignKey(Behovsanalys, on_delete=models.CASCADE, related_name="dialoger")
    datum = models.DateField("datum")
    med_vilka = models.CharField("med vilka", max_length=250)
    metod = models.CharField("metod", max_length=120, help_text="t.ex. fokusgrupp, enkät, möte")
    antal_deltagare = models.PositiveIntegerField("antal deltagare", null=True, blank=True)
    svarnadda_nadda = models.BooleanField("nåddes svårnådda grupper?", null=True, blank=True)
    sammanfattning = models.TextField("sammanfattning")
    history = HistoricalRecords()

    class Meta:
        ordering = ["analys", "-datum"]
        verbose_name = "dialog"
        verbose_name_plural = "dialoger"

    def __str__(self) -> str:
        return f"Dialog {self.datum:%Y-%m-%d} med {self.med_vilka}"


class Halsogap(Versionerad):
    """The distance from the current health state to the target the body decides."""

    analys = models.ForeignKey(Behovsanalys, on_delete=models.CASCADE, related_name="halsogap")
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="halsogap")
    omrade = models.ForeignKey(Omrade, on_delete=models.PROTECT, related_name="+")
    kon = models.CharField("kön", max_length=1, choices=Kon.choices, default=Kon.TOTALT)
    dimension = models.CharField("uppdelning", max_length=60, null=True, blank=True)
    kategori = models.CharField("kategori", max_length=80, null=True, blank=True)
    aktuellt_varde = models.FloatField("aktuellt värde", null=True, blank=True)
    aktuell_period = models.CharField("aktuell period", max_length=20, blank=True)
    foreslaget_mal = models.FloatField("föreslaget målvärde", null=True, blank=True)
    foreslaget_malar = models.PositiveSmallIntegerField("föreslaget målår", null=True, blank=True)
    beslutat_mal = models.FloatField("beslutat målvärde", null=True, blank=True)
    beslutat_malar = models.PositiveSmallIntegerField("beslutat målår", null=True, blank=True)
    malbeslut = models.ForeignKey(
        Beslut,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="halsomal",
        verbose_name="beslut om målet",
    )
    optimalt_varde = models.FloatField(
        "optimalt värde (professionens bedömning)", null=True, blank=True
    )
    ar_vardbehov = models.BooleanField("vårdbehov?", null=True, blank=True)
    vardbehov_motivering = models.TextField("motivering (vårdbehov)", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["analys", "indikator__namn"]
        verbose_name = "hälsogap"
        verbose_name_plural = "hälsogap"
        constraints = [
            models.UniqueConstraint(
                fields=["analys", "indikator", "omrade", "kon", "dimension", "kategori"],
                name="halsogap_unikt_per_analys",
                nulls_distinct=False,
            ),
            # A decided target exists only with the body's decision behind it.
            models.CheckConstraint(
                condition=models.Q(beslutat_mal__isnull=True) | models.Q(malbeslut__isnull=False),
                name="beslutat_mal_kraver_beslut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} – {self.analys}"

    @property
    def malvarde(self) -> float | None:
        """The target that counts: the decided one, else the proposal."""
        return self.beslutat_mal if self.beslutat_mal is not None else self.foreslaget_mal

    @property
    def mal_ar_beslutat(self) -> bool:
        return self.beslutat_mal is not None

    @property
    def malet_ar_last(self) -> bool:
        """A decided target in a ready analysis stays as decided: a new decision on it needs
        the analysis reopened with a reason first, so the change is in the history."""
        return self.malbeslut_id is not None and self.analys.status != Behovsanalys.Status.UTKAST

    @property
    def storlek(self) -> float | None:
        """Size of the gap in the indicator's own direction: positive = still short of the
        target, zero or negative = target reached. None when it can't be judged."""
        mal, aktuellt = self.malvarde, self.aktuellt_varde
        if mal is None or aktuellt is None:
            return None
        polaritet = self.indikator.polaritet
        if polaritet == Polaritet.HOGRE_BATTRE:
            return mal - aktuellt
        if polaritet == Polaritet.LAGRE_BATTRE:
            return aktuellt - mal
        return abs(mal - aktuellt)

    @property
    def relativ_storlek(self) -> float | None:
        """The gap as a share of the current value (0.25 = 25 %)."""
        if self.storlek is None or not self.aktuellt_varde:
            return None
        return self.storlek / abs(self.aktuellt_varde)

    def clean(self) -> None:
        if (self.dimension is None) != (self.kategori is None):
            raise ValidationError("Ange både uppdelning och kategori, eller ingen av dem.")


# --- Import ---
# Indicator data comes in by file (behov.importering). Values are bulk data without per-row
# history: an Importbatch records who imported what, and keeps the rows it replaced
# (ErsattVarde) so the whole batch can be undone exactly.

from pathlib import Path  # noqa: E402 - kept with the import models it serves


class Importmall(models.Model):
    """A named column mapping a user saved, to choose next time a file of the same shape
    comes in. `mappning` is `behov.importering.Mappning` as a dict."""

    namn = models.CharField("namn", max_length=120, unique=True)
    mappning = models.JSONField("mappning")
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="skapad av",
    )
    skapad = models.DateTimeField("skapad", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["namn"]
        verbose_name = "importmall"
        verbose_name_plural = "importmallar"

    def __str__(self) -> str:
        return self.namn


class Importfil(models.Model):
    """An uploaded file on its way to becoming an Importbatch: where it lies under
    MEDIA_ROOT/import/, how it is read, the mapping last chosen and the errors last found."""

    id = models.UUIDField(primary_key=True, editable=False)
    filnamn = models.CharField("filnamn", max_length=255)
    storlek = models.PositiveBigIntegerField("storlek (byte)", default=0)
    uppladdad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="uppladdad av",
    )
    uppladdad = models.DateTimeField("uppladdad", auto_now_add=True)
    installningar = models.JSONField("inläsningsinställningar", default=dict, blank=True)
    mappning = models.JSONField("mappning", default=dict, blank=True)
    fel = models.JSONField("fel vid senaste kontroll", default=list, blank=True)
    antal_fel = models.PositiveIntegerField("antal fel", default=0)
    batch = models.ForeignKey(
        Importbatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="filer",
        verbose_name="import",
    )

    class Meta:
        ordering = ["-uppladdad"]
        verbose_name = "uppladdad importfil"
        verbose_name_plural = "uppladdade importfiler"

    def __str__(self) -> str:
        return self.filnamn

    @property
    def sokvag(self) -> Path:
        """Where the uploaded file lies until it is imported (MEDIA_ROOT/import/<id>)."""
        return Path(settings.MEDIA_ROOT) / "import" / str(self.id)

    @property
    def ar_importerad(self) -> bool:
        return self.batch_id is not None


class ErsattVarde(models.Model):
    """A value as it was before an import replaced it: the whole old Matvarde row, so
    undoing the batch puts back exactly what was there."""

    # Bulk data written only by behov.importering, as copies of existing behov_matvarde rows in
    # the transaction that creates the batch: no database-level foreign keys, whose per-row
    # checks would double the cost of re-importing a million values. Django still applies
    # on_delete. Only batch and tidigare_batch are indexed: undo reads by them.
    batch = models.ForeignKey(
        Importbatch,
        on_delete=models.CASCADE,
        related_name="ersatta_varden",
        verbose_name="import",
        db_constraint=False,
    )
    matvarde_id = models.BigIntegerField("mätvärdets id")
    # The replaced rows' own batch: a later batch that replaced them blocks undoing it.
    tidigare_batch = models.ForeignKey(
        Importbatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ersatta_av_senare",
        verbose_name="tidigare import",
        db_constraint=False,
    )
    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    omrade = models.ForeignKey(
        Omrade, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    period_start = models.DateField("periodens början")
    period_slut = models.DateField("periodens slut")
    period = models.CharField("period", max_length=20)
    kon = models.CharField("kön", max_length=1, choices=Kon.choices)
    dimension = models.CharField("uppdelning", max_length=60, null=True, blank=True)
    kategori = models.CharField("kategori", max_length=80, null=True, blank=True)
    varde = models.FloatField("värde", null=True, blank=True)
    antal = models.FloatField("antal (täljare)", null=True, blank=True)
    namnare = models.FloatField("nämnare", null=True, blank=True)
    ki_lag = models.FloatField("konfidensintervall, nedre", null=True, blank=True)
    ki_hog = models.FloatField("konfidensintervall, övre", null=True, blank=True)

    class Meta:
        verbose_name = "ersatt värde"
        verbose_name_plural = "ersatta värden"

    def __str__(self) -> str:
        return f"Ersatt av {self.batch_id}: {self.indikator_id} {self.omrade_id} {self.period}"
