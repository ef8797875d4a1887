"""Workflows of the follow-up stage: a provider's report through submission and review, the
yearly follow-up approved by the body, and starting the next planning year from what is
still unmet. Each writes inside one transaction and names its change in the history."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from behov import services as behov_services
from behov.models import Behovsanalys, Halsogap
from natverken.models import Beslut, Fas, Ledamot, Organ, Planeringsar
from uppdrag.models import Mal, Milstolpe, Uppdrag
from uppfoljning.models import Arsuppfoljning, Aterrapport, Fortsattningsbeslut, Malstatus
from uppfoljning.rapportering import RAPPORTERANDE, perioder
from uppfoljning.underlag import ar_lopande

R = Aterrapport.Rapportstatus


def _spara(objekt: models.Model, handelse: str, *, validera: bool = True) -> None:
    """Validate and save with a line for the history log (simple-history reads it off the
    instance)."""
    if validera:
        objekt.full_clean()
    objekt._change_reason = handelse[:100]
    try:
        objekt.save()
    finally:
        del objekt._change_reason


def _kontrollera_ledamot(anvandare: Any, organ: Organ) -> None:
    if not Ledamot.objects.filter(organ=organ, anvandare=anvandare).exists():
        raise PermissionDenied(f"Du är inte ledamot i {organ} och kan inte registrera dess beslut.")


# --- Reports --------------------------------------------------------------------------------


def rapportmal(uppdrag: Uppdrag) -> list[Mal]:
    """The goals a report covers: those the follow-up plan names, else all of them."""
    plan = getattr(uppdrag, "uppfoljningsplan", None)
    planens = list(plan.mal.all()) if plan is not None else []
    return sorted(planens or list(uppdrag.mal.all()), key=lambda m: m.pk)


@transaction.atomic
def paborja_rapport(*, uppdrag: Uppdrag, period: str) -> Aterrapport:
    """The report row for a period the plan asks for (created once; a second call returns
    the same row)."""
    if uppdrag.status not in RAPPORTERANDE:
        raise ValidationError("Bara beslutade och pågående uppdrag återrapporteras.")
    forvantad = next((p for p in perioder(uppdrag) if p.namn == period), None)
    if forvantad is None:
        raise ValidationError(f"Perioden ”{period}” finns inte i uppdragets uppföljningsplan.")
    rapport, _ = Aterrapport.objects.get_or_create(
        uppdrag=uppdrag, period=period, defaults={"senast": forvantad.senast}
    )
    return rapport


@dataclass(frozen=True)
class Malrapport:
    """What the provider says about one goal in a report."""

    framdrift: str = ""
    kommentar: str = ""
    uppmatt_varde: float | None = None


def krav_for_inlamning(rapport: Aterrapport, malrapporter: dict[int, Malrapport]) -> list[str]:
    """What a report must say before it can be submitted (empty = ready)."""
    saknas = []
    if not rapport.framdrift:
        saknas.append("Ange hur arbetet går (framdrift).")
    if not rapport.sammanfattning.strip():
        saknas.append("Skriv en sammanfattning.")
    for mal in rapportmal(rapport.uppdrag):
        if not malrapporter.get(mal.pk, Malrapport()).framdrift:
            saknas.append(f"Ange framdrift för målet ”{mal.beskrivning}”.")
    return saknas


@transaction.atomic
def spara_rapport(
    *,
    rapport: Aterrapport,
    malrapporter: dict[int, Malrapport],
    klara_milstolpar: Iterable[Milstolpe],
    anvandare: Any,
    lamna_in: bool,
) -> None:
    """Save the provider's report (the form has put its fields on `rapport`, with the version
    the provider opened); with `lamna_in` it is also submitted for review. A stale save
    raises SamtidigAndring and writes nothing."""
    if rapport.rapportstatus not in Aterrapport.REDIGERBARA:
        raise ValidationError("Rapporten är inlämnad eller godkänd och kan inte ändras.")
    if lamna_in:
        saknas = krav_for_inlamning(rapport, malrapporter)
        if saknas:
            raise ValidationError(saknas)
        rapport.rapportstatus = R.INLAMNAD
        rapport.inlamnad = timezone.now()
        rapport.inlamnad_av = anvandare
    _spara(rapport, f"Återrapporten {'lämnades in' if lamna_in else 'sparades som utkast'}")
    milstolpar = list(klara_milstolpar)
    if {m.pk for m in milstolpar} != set(rapport.klara_milstolpar.values_list("pk", flat=True)):
        rapport.klara_milstolpar.set(milstolpar)
    befintliga = {s.mal_id: s for s in rapport.malstatus.all()}
    for mal in rapportmal(rapport.uppdrag):
        ny = malrapporter.get(mal.pk, Malrapport())
        gammal = befintliga.get(mal.pk)
        if not ny.framdrift:
            if gammal is not None:
                gammal.delete()
            continue
        if gammal is None:
            Malstatus.objects.create(
                rapport=rapport,
                mal=mal,
                framdrift=ny.framdrift,
                kommentar=ny.kommentar,
                uppmatt_varde=ny.uppmatt_varde,
            )
        elif (gammal.framdrift, gammal.kommentar, gammal.uppmatt_varde) != (
            ny.framdrift,
            ny.kommentar,
            ny.uppmatt_varde,
        ):
            gammal.framdrift, gammal.kommentar, gammal.uppmatt_varde = (
                ny.framdrift,
                ny.kommentar,
                ny.uppmatt_varde,
            )
            gammal.save()


@transaction.atomic
def granska_rapport(*, rapport: Aterrapport, anvandare: Any, godkann: bool, kommentar: str) -> None:
    """An official accepts a submitted report, or returns it to the provider with what to
    correct. Accepting marks the milestones the report says are done (on the day the
    provider reported them). The version the official read is on `rapport`."""
    if rapport.rapportstatus != R.INLAMNAD:
        raise ValidationError("Bara en inlämnad rapport kan godkännas eller återsändas.")
    kommentar = kommentar.strip()
    if not godkann and not kommentar:
        raise ValidationError("Skriv vad utföraren ska komplettera innan rapporten återsänds.")
    rapport.rapportstatus = R.GODKAND if godkann else R.ATERSAND
    rapport.granskad_av = anvandare
    rapport.granskad = timezone.now()
    rapport.granskningskommentar = kommentar
    _spara(rapport, "Återrapporten godkändes" if godkann else "Återrapporten återsändes")
    if godkann:
        datum = timezone.localdate(rapport.inlamnad)
        for milstolpe in rapport.klara_milstolpar.filter(klar__isnull=True):
            milstolpe.klar = datum
            _spara(milstolpe, f"Klar enligt godkänd återrapport {rapport.period}", validera=False)


# --- The yearly follow-up -------------------------------------------------------------------


@transaction.atomic
def paborja_arsuppfoljning(*, planeringsar: Planeringsar) -> Arsuppfoljning:
    arsuppfoljning, _ = Arsuppfoljning.objects.get_or_create(planeringsar=planeringsar)
    return arsuppfoljning


@transaction.atomic
def godkann_arsuppfoljning(
    *,
    arsuppfoljning: Arsuppfoljning,
    anvandare: Any,
    organ: Organ,
    datum: dt.date,
    paragraf: str,
    bedomningar: dict[str, dict[str, str]],
) -> Beslut:
    """The body approves the yearly follow-up: a member records the decision (organ, date,
    §). The goal judgements the members saw are kept with it. The version the member read
    is on `arsuppfoljning`; if an official changed it since, nothing is approved."""
    _kontrollera_ledamot(anvandare, organ)
    if arsuppfoljning.ar_godkand:
        raise ValidationError("Årsuppföljningen är redan godkänd.")
    if not arsuppfoljning.sammanfattning.strip():
        raise ValidationError("Årsuppföljningen saknar sammanfattning och kan inte godkännas ännu.")
    paragraf = paragraf.strip()
    upptagen = Beslut.objects.filter(organ=organ, datum=datum, paragraf=paragraf).first()
    if upptagen is not None:
        raise ValidationError(
            f"{organ} {datum:%Y-%m-%d} {paragraf} är redan registrerat som ”{upptagen.rubrik}”. "
            "Kontrollera paragrafen."
        )
    ar = arsuppfoljning.planeringsar.ar
    beslut = Beslut.objects.create(
        organ=organ,
        datum=datum,
        paragraf=paragraf,
        rubrik=f"Årsuppföljning {ar}",
        text=f"{organ} godkänner årsuppföljningen för {ar} som underlag till årsredovisningen.",
        registrerat_av=anvandare,
    )
    arsuppfoljning.status = Arsuppfoljning.Status.GODKAND
    arsuppfoljning.beslut = beslut
    arsuppfoljning.bedomningar_vid_beslut = bedomningar
    _spara(arsuppfoljning, f"Godkänd av {organ} {paragraf}")
    return beslut


# --- Continue, revise or close --------------------------------------------------------------


@transaction.atomic
def besluta_fortsattning(
    *,
    uppdrag: Uppdrag,
    planeringsar: Planeringsar,
    val: str,
    motivering: str,
    anvandare: Any,
    organ: Organ,
    datum: dt.date,
    paragraf: str,
) -> Fortsattningsbeslut:
    """Record the body's decision to continue, revise or close a running commission for the
    next planning year. Several commissions may be decided under one paragraph."""
    _kontrollera_ledamot(anvandare, organ)
    if not ar_lopande(uppdrag, planeringsar.ar):
        raise ValidationError(f"”{uppdrag}” löper inte in i planeringsår {planeringsar.ar}.")
    if Fortsattningsbeslut.objects.filter(uppdrag=uppdrag, planeringsar=planeringsar).exists():
        raise ValidationError(f"Det finns redan ett beslut om ”{uppdrag}” inför {planeringsar.ar}.")
    if val not in Fortsattningsbeslut.Val.values:
        raise ValidationError("Välj fortsätt, revidera eller avsluta.")
    if not motivering.strip():
        raise ValidationError("Skriv skälet till beslutet.")
    rubrik = f"Fortsättning av uppdrag inför {planeringsar.ar}"
    beslut, skapat = Beslut.objects.get_or_create(
        organ=organ,
        datum=datum,
        paragraf=paragraf.strip(),
        defaults={
            "rubrik": rubrik,
            "registrerat_av": anvandare,
            "text": "Nämnden beslutar om pågående uppdrag ska fortsätta, revideras eller avslutas.",
        },
    )
    if not skapat and beslut.rubrik != rubrik:
        raise ValidationError(
            f"{organ} {datum:%Y-%m-%d} {paragraf} är redan registrerat som ”{beslut.rubrik}”. "
            "Kontrollera paragrafen."
        )
    fortsattning = Fortsattningsbeslut(
        uppdrag=uppdrag,
        planeringsar=planeringsar,
        val=val,
        motivering=motivering.strip(),
        beslut=beslut,
    )
    _spara(fortsattning, f"{fortsattning.get_val_display()} inför {planeringsar.ar}")
    return fortsattning


# --- Starting the next planning year ---------------------------------------------------------

# What a carried gap keeps: the need itself and last year's target, now as a proposal for the
# body to decide again. The current value is fetched anew from the data.
OVERFORDA_FALT = [
    "indikator",
    "omrade",
    "kon",
    "dimension",
    "kategori",
    "optimalt_varde",
    "ar_vardbehov",
    "vardbehov_motivering",
]


def gapnyckel(gap: Halsogap) -> tuple:
    return (gap.indikator_id, gap.omrade_id, gap.kon, gap.dimension, gap.kategori)


def ar_ouppfyllt(gap: Halsogap) -> bool:
    """Unmet with today's data: still short of its target, or not known to be reached (no
    target or no value)."""
    nu = copy.copy(gap)
    behov_services.hamta_aktuellt(nu)
    return nu.storlek is None or nu.storlek > 0


@dataclass
class Startresultat:
    planeringsar: Planeringsar
    nya_analyser: list[Behovsanalys] = field(default_factory=list)
    overforda_gap: int = 0
    redan_overforda: int = 0
    nadda_gap: int = 0
    lasta_analyser: list[Behovsanalys] = field(default_factory=list)
    utan_fortsattningsbeslut: int = 0


@transaction.atomic
def starta_planeringsar(*, ar: int) -> Startresultat:
    """Start planning year `ar` from the follow-up: the year and its årshjul exist; every
    needs group whose analysis for `ar - 1` has unmet gaps gets a draft analysis for `ar`
    (linked to last year's) holding those gaps with current values from the data; and the
    running commissions that need a continue/revise/close decision are counted.

    Idempotent: a second run finds the year, the analyses and the gaps already there and
    creates nothing. An analysis for `ar` that is already marked ready is left as it is."""
    senaste = Planeringsar.objects.aggregate(m=models.Max("ar"))["m"]
    if senaste is not None and ar > senaste + 1:
        raise ValidationError(f"Planeringsår {senaste + 1} måste startas före {ar}.")
    planeringsar, _ = Planeringsar.objects.get_or_create(ar=ar)
    Fas.skapa_standardfaser(planeringsar)
    resultat = Startresultat(planeringsar)
    forra = (
        Behovsanalys.objects.filter(planeringsar__ar=ar - 1, behovsgrupp__arkiverad=False)
        .select_related("behovsgrupp")
        .prefetch_related(
            models.Prefetch(
                "halsogap",
                queryset=Halsogap.objects.select_related("indikator", "omrade").order_by("pk"),
            )
        )
        .order_by("behovsgrupp__namn")
    )
    befintliga = {
        a.behovsgrupp_id: a
        for a in Behovsanalys.objects.filter(planeringsar=planeringsar).prefetch_related("halsogap")
    }
    for analys in forra:
        ouppfyllda = [g for g in analys.halsogap.all() if ar_ouppfyllt(g)]
        resultat.nadda_gap += len(analys.halsogap.all()) - len(ouppfyllda)
        if not ouppfyllda:
            continue
        ny = befintliga.get(analys.behovsgrupp_id)
        if ny is None:
            ny = behov_services.skapa_analys(
                behovsgrupp=analys.behovsgrupp, planeringsar=planeringsar
            )
            if ny.foregaende_id != analys.pk:
                ny.foregaende = analys
                _spara(ny, f"Startad från uppföljningen av {ar - 1}")
            resultat.nya_analyser.append(ny)
            redan = set()
        else:
            redan = {gapnyckel(g) for g in ny.halsogap.all()}
        for gap in ouppfyllda:
            if gapnyckel(gap) in redan:
                resultat.redan_overforda += 1
                continue
            if ny.status != Behovsanalys.Status.UTKAST:
                if ny not in resultat.lasta_analyser:
                    resultat.lasta_analyser.append(ny)
                continue
            nytt = Halsogap(analys=ny, **{f: getattr(gap, f) for f in OVERFORDA_FALT})
            nytt.foreslaget_mal = gap.malvarde
            nytt.foreslaget_malar = gap.beslutat_malar or gap.foreslaget_malar
            behov_services.hamta_aktuellt(nytt)
            _spara(nytt, f"Ouppfyllt gap från {ar - 1} fört vidare")
            resultat.overforda_gap += 1
    resultat.utan_fortsattningsbeslut = sum(
        1
        for u in Uppdrag.objects.filter(planeringsar__ar__lt=ar)
        .select_related("planeringsar")
        .exclude(fortsattningsbeslut__planeringsar=planeringsar)
        if ar_lopande(u, ar)
    )
    return resultat
