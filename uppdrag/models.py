"""Commissions: the body's political commission to a provider to meet decided needs, with
goals on indicators, a time plan, and the follow-up plan written when the commission is.
Also the dialogue thread on a draft, and the explicit decision *not* to commission a need
ranked in the upper part ("address or explain")."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.models import HistoricalRecords

from behov.models import Halsogap, Indikator, Kon, Polaritet
from natverken.models import Beslut, Omrade, Planeringsar, Roll, Utforare, Versionerad
from prioritering.models import Prioriteringsobjekt


class UppdragQuerySet(models.QuerySet):
    def for_anvandare(self, user) -> UppdragQuerySet:  # noqa: ANN001
        """What a user may see: providers only their own organisation's commissions, and
        only from the dialogue on (a draft is the officials' work until it is shown)."""
        from natverken.roller import har_roll

        if har_roll(user, Roll.TJANSTEPERSON, Roll.FORTROENDEVALD):
            return self
        if har_roll(user, Roll.UTFORARE):
            profil = getattr(user, "profil", None)
            if profil is not None and profil.utforare_id:
                return self.filter(utforare_id=profil.utforare_id).exclude(
                    status=Uppdrag.Status.UTKAST
                )
        return self.none()

    def med_detaljer(self) -> UppdragQuerySet:
        """Everything the commission page shows, in a fixed number of queries."""
        from natverken.models import Reservation

        gap = Halsogap.objects.select_related("indikator", "omrade", "malbeslut__organ")
        objekt = (
            Prioriteringsobjekt.objects.select_related(
                "behovsgrupp", "resursfordelning", "omgang__organ", "omgang__beslut"
            )
            .prefetch_related(models.Prefetch("halsogap", queryset=gap.order_by("indikator__namn")))
            .order_by("omgang__organ__namn", "placering")
        )
        mal = Mal.objects.select_related("indikator", "omrade").order_by(
            models.Case(
                *(models.When(niva=n, then=i) for i, n in enumerate(Mal.NIVAORDNING)),
                default=9,
            ),
            "pk",
        )
        return self.select_related(
            "planeringsar", "utforare", "beslut__organ", "uppfoljningsplan"
        ).prefetch_related(
            models.Prefetch("prioriteringsobjekt", queryset=objekt),
            models.Prefetch("mal", queryset=mal),
            "milstolpar",
            "uppfoljningsplan__mal",
            models.Prefetch(
                "kommentarer",
                queryset=Uppdragskommentar.objects.select_related("forfattare").order_by(
                    "skapad", "pk"
                ),
            ),
            models.Prefetch(
                "beslut__reservationer", queryset=Reservation.objects.select_related("ledamot")
            ),
        )

    def for_lista(self) -> UppdragQuerySet:
        """What a list row shows: provider, decision, and the needs behind it."""
        return self.select_related("planeringsar", "utforare", "beslut__organ").prefetch_related(
            models.Prefetch(
                "prioriteringsobjekt",
                queryset=Prioriteringsobjekt.objects.select_related("behovsgrupp").order_by(
                    "placering"
                ),
            )
        )


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
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.UTKAST
    )
    beslut = models.ForeignKey(
        Beslut,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uppdrag",
        verbose_name="beslut",
    )
    # After the decision the content changes only as a new version with a reason. Not
    # editable, so simple-history's diff compares the content and not the counter.
    versionsnummer = models.PositiveSmallIntegerField("version", default=1, editable=False)
    andringsskal = models.TextField(
        "skäl till ändringen",
        blank=True,
        help_text="Varför uppdraget ändras efter beslutet. Varje versions skäl finns kvar i "
        "historiken.",
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
            models.CheckConstraint(
                condition=models.Q(versionsnummer__gte=1), name="uppdrag_version_fran_ett"
            ),
            models.CheckConstraint(
                condition=models.Q(versionsnummer=1) | ~models.Q(andringsskal=""),
                name="ny_version_har_skal",
            ),
        ]
        indexes = [models.Index(fields=["utforare", "status"], name="uppdrag_utforare_status")]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("uppdrag:detalj", args=[self.pk])

    # The workflow, in order. Who moves a commission on is decided in services.py.
    ORDNING = [
        Status.UTKAST,
        Status.DIALOG,
        Status.FOR_BESLUT,
        Status.BESLUTAD,
        Status.PAGAR,
        Status.AVSLUTAD,
    ]
    BESLUTADE = frozenset({Status.BESLUTAD, Status.PAGAR, Status.AVSLUTAD})
    STEGTEXT = {
        Status.UTKAST: "Tjänstepersonerna formulerar uppdraget.",
        Status.DIALOG: "Utföraren läser utkastet och lämnar synpunkter; tjänstepersonerna svarar.",
        Status.FOR_BESLUT: "Uppdraget väntar på det beslutande organets beslut.",
        Status.BESLUTAD: "Beslutat. Utföraren förbereder starten.",
        Status.PAGAR: "Utföraren genomför uppdraget och återrapporterar enligt uppföljningsplanen.",
        Status.AVSLUTAD: "Uppdraget är avslutat.",
    }

    @property
    def ar_beslutat(self) -> bool:
        return self.status in self.BESLUTADE

    @property
    def ar_utkast_eller_dialog(self) -> bool:
        """Content can be changed freely only before it goes to the decision."""
        return self.status in {self.Status.UTKAST, self.Status.DIALOG}

    @property
    def stegtext(self) -> str:
        return self.STEGTEXT[self.status]

    @property
    def steg(self) -> list[dict]:
        """The six steps with where this commission stands, in words (klart / nu / kvar)."""
        nu = self.ORDNING.index(self.status)
        return [
            {
                "namn": status.label,
                "lage": "klart" if i < nu else "nu" if i == nu else "kvar",
                "nr": i + 1,
            }
            for i, status in enumerate(self.ORDNING)
        ]

    @property
    def uppfoljningsplan_eller_none(self) -> Uppfoljningsplan | None:
        try:
            return self.uppfoljningsplan
        except Uppfoljningsplan.DoesNotExist:
            return None

    @property
    def fordelat_tkr(self) -> Decimal:
        """What the body allocated to the needs behind the commission (use prefetched)."""
        return sum(
            (
                r.belopp_tkr
                for r in (o.resurs_eller_none for o in self.prioriteringsobjekt.all())
                if r is not None
            ),
            Decimal(0),
        )

    @property
    def budgetavvikelse_tkr(self) -> Decimal:
        return self.budget_tkr - self.fordelat_tkr

    def krav_for_beslut(self) -> list[str]:
        """What is missing before the commission can go to the decision (empty = ready)."""
        saknas = []
        malen = list(self.mal.all())
        if not malen:
            saknas.append("Uppdraget har inga mål.")
        plan = self.uppfoljningsplan_eller_none
        if plan is None:
            saknas.append(
                "Uppföljningsplan saknas: ett uppdrag kan inte gå till beslut utan en "
                "uppföljningsplan som skrivs nu, inte i efterhand."
            )
        elif not list(plan.mal.all()):
            saknas.append("Uppföljningsplanen måste ange minst ett mål som följs upp.")
        return saknas

    def clean(self) -> None:
        if self.huvudman == self.Huvudman.SAMVERKAN and not self.samverkanspart.strip():
            raise ValidationError(
                {"samverkanspart": "Ange vilken huvudman uppdraget sker i samverkan med."}
            )
        if self.start and self.slut and self.start > self.slut:
            raise ValidationError({"slut": "Slutdatum kan inte ligga före startdatum."})


class Mal(Versionerad):
    class Niva(models.TextChoices):
        AKTIVITET = "aktivitet", "Aktivitet"
        RESULTAT = "resultat", "Resultat"
        EFFEKT = "effekt", "Effekt"

    uppdrag = models.ForeignKey(Uppdrag, on_delete=models.CASCADE, related_name="mal")
    beskrivning = models.CharField("mål", max_length=300)
    niva = models.CharField("nivå", max_length=10, choices=Niva.choices)
    indikator = models.ForeignKey(
        Indikator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mal",
        verbose_name="indikator",
    )
    omrade = models.ForeignKey(
        Omrade,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="område",
    )
    halsogap = models.ForeignKey(
        Halsogap,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mal",
        verbose_name="ärvt från hälsogap",
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

    # Health effects first: what a reader wants to know before how the work is done.
    NIVAORDNING = [Niva.EFFEKT, Niva.RESULTAT, Niva.AKTIVITET]

    def __str__(self) -> str:
        return self.beskrivning

    @property
    def forbattring_ar(self) -> str:
        """Which way the target lies, in words from the indicator's direction."""
        if self.indikator is None:
            return ""
        return {
            Polaritet.HOGRE_BATTRE: "högre är bättre",
            Polaritet.LAGRE_BATTRE: "lägre är bättre",
        }.get(self.indikator.polaritet, "")

    @property
    def har_jamlikhetsmal(self) -> bool:
        return bool(self.jamlikhet_dimension) and self.jamlikhet_mal is not None


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

    @property
    def lage(self) -> str:
        """nadd, kommande or forsenad (past its date and not reached)."""
        if self.klar:
            return "nadd"
        return "forsenad" if self.datum < timezone.localdate() else "kommande"

    @property
    def lagetext(self) -> str:
        if self.klar:
            return f"✓ Nådd {date_format(self.klar, 'j F Y')}"
        return {"forsenad": "⚠ Försenad: inte nådd", "kommande": "Kommande"}[self.lage]


class Uppfoljningsplan(Versionerad):
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


class Uppdragskommentar(models.Model):
    """One message in the dialogue on a draft between the provider and the officials. The
    thread stays with the commission after the decision."""

    uppdrag = models.ForeignKey(Uppdrag, on_delete=models.CASCADE, related_name="kommentarer")
    forfattare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="skriven av",
    )
    # The role the author wrote in, kept so the thread reads the same if roles change later.
    roll = models.CharField("roll", max_length=20, choices=Roll.choices)
    text = models.TextField("kommentar")
    skapad = models.DateTimeField("skriven", default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uppdrag", "skapad", "pk"]
        verbose_name = "kommentar i dialogen"
        verbose_name_plural = "kommentarer i dialogen"

    def __str__(self) -> str:
        return f"{self.forfattare} om {self.uppdrag}: {self.text[:40]}"

    @property
    def fran_utforaren(self) -> bool:
        return self.roll == Roll.UTFORARE


class Avstaende(models.Model):
    """An explicit decision not to commission a need ranked in the upper part, with the
    reason. Together with commissions it answers "address or explain"."""

    objekt = models.OneToOneField(
        Prioriteringsobjekt,
        on_delete=models.CASCADE,
        related_name="avstaende",
        verbose_name="prioriterat behov",
    )
    motivering = models.TextField("skäl att inte ge något uppdrag")
    beslut = models.ForeignKey(
        Beslut,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="avstaenden",
        verbose_name="beslut",
    )
    registrerat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="registrerat av",
    )
    registrerat = models.DateTimeField("registrerat", default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["objekt__omgang", "objekt__placering"]
        verbose_name = "beslut att avstå från uppdrag"
        verbose_name_plural = "beslut att avstå från uppdrag"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(motivering=""), name="avstaende_har_motivering"
            )
        ]

    def __str__(self) -> str:
        return f"Avstår från uppdrag: {self.objekt}"
