"""Workflows of the commission stage that write several rows or check rules across objects:
creating a commission from decided priorities (inheriting goals from the needs' gaps), the
status workflow, the body's decision, the dialogue, new versions after the decision, and the
decision not to commission a need ("address or explain").

Every status change is saved with a readable reason in simple-history; the user comes from
the request (simple-history's middleware), so the history says who and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from behov.models import Halsogap, Kon, Polaritet
from behov.services import senaste_varde
from natverken.models import Beslut, Ledamot, Organ, Roll
from natverken.roller import har_roll
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from uppdrag.models import Avstaende, Mal, Milstolpe, Uppdrag, Uppdragskommentar

S = Uppdrag.Status


def _spara(objekt: models.Model, handelse: str) -> None:
    """Validate and save with a line for the history log."""
    objekt._change_reason = handelse[:100]
    try:
        objekt.full_clean()
        objekt.save()
    finally:
        # simple-history reads the reason off the instance; a later save must not reuse it.
        del objekt._change_reason


# --- Which priorities can become commissions ------------------------------------------------


def beslutade_objekt() -> models.QuerySet[Prioriteringsobjekt]:
    """Needs the body has placed in a decided (current) round: what a commission is made from."""
    return Prioriteringsobjekt.objects.filter(
        omgang__status=Prioriteringsomgang.Status.BESLUTAD, placering__isnull=False
    )


def _kontrollera_objekt(objekt: Sequence[Prioriteringsobjekt]) -> None:
    if not objekt:
        raise ValidationError("Välj minst ett beslutat behov som uppdraget ska möta.")
    for obj in objekt:
        if obj.omgang.status != Prioriteringsomgang.Status.BESLUTAD or obj.placering is None:
            raise ValidationError(
                f"”{obj.rubrik}” är inte en beslutad prioritering och kan inte bli ett uppdrag."
            )
    if len({obj.omgang.planeringsar_id for obj in objekt}) > 1:
        raise ValidationError("Alla behov i ett uppdrag måste höra till samma planeringsår.")


def _malbeskrivning(gap: Halsogap) -> str:
    namn = gap.indikator.namn
    # "Daglig rökning" → "daglig rökning", but leave "BMI …" alone.
    if len(namn) > 1 and namn[1].islower():
        namn = namn[0].lower() + namn[1:]
    verb = {Polaritet.HOGRE_BATTRE: "Öka", Polaritet.LAGRE_BATTRE: "Minska"}.get(
        gap.indikator.polaritet, "Nå målet för"
    )
    kon = f", {Kon(gap.kon).label.lower()}" if gap.kon != Kon.TOTALT else ""
    return f"{verb} {namn} – {gap.omrade.namn}{kon}"[:300]


def arv_mal(
    *,
    uppdrag: Uppdrag,
    objekt: Iterable[Prioriteringsobjekt],
    baslinje_fore_ar: int | None = None,
) -> list[str]:
    """Create an effect goal for each gap of the needs: the same indicator, area and sex,
    the latest value in the data as baseline, and the gap's target and target year. Returns
    notes on what could not be inherited (the official fills that in by hand).

    `baslinje_fore_ar` limits the baseline to data from before that year: for a commission
    recorded afterwards (the demo's past years), so it does not see data from its future."""
    anteckningar = []
    sedda: set[int] = set()
    for obj in objekt:
        for gap in obj.halsogap.select_related("indikator", "omrade").order_by(
            "indikator__namn", "pk"
        ):
            if gap.pk in sedda:
                continue
            sedda.add(gap.pk)
            if gap.malvarde is None:
                anteckningar.append(
                    f"Hälsogapet för {gap.indikator} saknar målvärde och blev inget mål: "
                    "lägg till målet för hand."
                )
                continue
            senaste = senaste_varde(gap.indikator, gap.omrade, gap.kon, fore_ar=baslinje_fore_ar)
            if senaste is None:
                anteckningar.append(
                    f"Det finns inga värden i data för {gap.indikator} ({gap.omrade}): "
                    "målet saknar baslinje."
                )
            malar = (gap.beslutat_malar if gap.mal_ar_beslutat else None) or gap.foreslaget_malar
            mal = Mal(
                uppdrag=uppdrag,
                halsogap=gap,
                beskrivning=_malbeskrivning(gap),
                niva=Mal.Niva.EFFEKT,
                indikator=gap.indikator,
                omrade=gap.omrade,
                kon=gap.kon,
                baslinje_varde=senaste.varde if senaste else None,
                baslinje_period=senaste.period if senaste else "",
                malvarde=gap.malvarde,
                maldatum=dt.date(malar, 12, 31) if malar else uppdrag.slut,
            )
            _spara(mal, "Ärvt från hälsogapet")
    return anteckningar


@transaction.atomic
def skapa_fran_prioriteringar(
    *,
    uppdrag: Uppdrag,
    objekt: Sequence[Prioriteringsobjekt],
    baslinje_fore_ar: int | None = None,
) -> list[str]:
    """Create a draft commission (its own fields already set) from decided priorities: it
    links back to them, its budget defaults to what the body allocated to them, and it
    inherits their gaps as goals. Returns notes for the official."""
    objekt = list(objekt)
    _kontrollera_objekt(objekt)
    uppdrag.planeringsar = objekt[0].omgang.planeringsar
    uppdrag.status = S.UTKAST
    uppdrag.budget_tkr = sum(
        (o.resurs_eller_none.belopp_tkr for o in objekt if o.resurs_eller_none), Decimal(0)
    )
    _spara(uppdrag, "Skapat från beslutade prioriteringar")
    uppdrag.prioriteringsobjekt.set(objekt)
    return arv_mal(uppdrag=uppdrag, objekt=objekt, baslinje_fore_ar=baslinje_fore_ar)


# --- The workflow --------------------------------------------------------------------------

# till -> (from which statuses, new status, line in the history). Officials only; the
# decision itself is `besluta` (a förtroendevald member of the body).
OVERGANGAR: dict[str, tuple[frozenset[str], str, str]] = {
    "dialog": (frozenset({S.UTKAST, S.FOR_BESLUT}), S.DIALOG, "Skickat till dialog med utföraren"),
    "for_beslut": (frozenset({S.DIALOG}), S.FOR_BESLUT, "Skickat för beslut"),
    "pagar": (frozenset({S.BESLUTAD}), S.PAGAR, "Startat: uppdraget pågår"),
    "avslutad": (frozenset({S.PAGAR}), S.AVSLUTAD, "Avslutat"),
}


@transaction.atomic
def byt_status(*, uppdrag: Uppdrag, till: str) -> None:
    fran, ny, handelse = OVERGANGAR[till]
    if uppdrag.status not in fran:
        raise ValidationError(
            f"Uppdraget är {uppdrag.get_status_display().lower()} och kan inte gå till "
            f"”{S(ny).label.lower()}” härifrån."
        )
    if ny == S.FOR_BESLUT:
        saknas = uppdrag.krav_for_beslut()
        if saknas:
            raise ValidationError(saknas)
    if ny == S.DIALOG and uppdrag.status == S.FOR_BESLUT:
        handelse = "Tillbaka till dialog före beslut"
    uppdrag.status = ny
    _spara(uppdrag, handelse)


def organ_for_ledamot(anvandare: Any) -> models.QuerySet[Organ]:
    return Organ.objects.filter(ledamoter__anvandare=anvandare).distinct().order_by("namn")


def _beslut(*, organ: Organ, anvandare: Any, datum: dt.date, paragraf: str, ar: int) -> Beslut:
    """The body's decision on commissions: created, or reused when several commissions (and
    decisions not to commission) were decided under the same paragraph."""
    if not Ledamot.objects.filter(organ=organ, anvandare=anvandare).exists():
        raise PermissionDenied(f"Du är inte ledamot i {organ} och kan inte registrera dess beslut.")
    if datum > timezone.localdate():
        raise ValidationError(
            "Beslutsdatumet ligger i framtiden: registrera beslutet när det är fattat."
        )
    beslut, skapat = Beslut.objects.get_or_create(
        organ=organ,
        datum=datum,
        paragraf=paragraf.strip(),
        defaults={
            "rubrik": f"Uppdrag till utförare inför {ar}",
            "text": "Nämnden ger uppdrag till utförarna för de prioriterade behoven.",
            "registrerat_av": anvandare,
        },
    )
    if not skapat and not beslut.rubrik.startswith("Uppdrag"):
        raise ValidationError(
            f"{organ} {datum:%Y-%m-%d} {beslut.paragraf} är redan registrerat som "
            f"”{beslut.rubrik}”. Kontrollera paragrafen."
        )
    return beslut


@transaction.atomic
def besluta(
    *, uppdrag: Uppdrag, anvandare: Any, organ: Organ, datum: dt.date, paragraf: str
) -> Beslut:
    """Record the body's decision on a commission that is ready for it."""
    if uppdrag.status != S.FOR_BESLUT:
        raise ValidationError(
            f"Uppdraget är {uppdrag.get_status_display().lower()}: bara ett uppdrag som är "
            "för beslut kan beslutas."
        )
    beslut = _beslut(
        organ=organ, anvandare=anvandare, datum=datum, paragraf=paragraf, ar=uppdrag.planeringsar.ar
    )
    uppdrag.beslut = beslut
    uppdrag.status = S.BESLUTAD
    _spara(uppdrag, f"Beslutat: {organ} {datum:%Y-%m-%d} {beslut.paragraf}")
    return beslut


# --- Dialogue ------------------------------------------------------------------------------


def roll_i_dialogen(anvandare: Any, uppdrag: Uppdrag) -> str | None:
    """Officials and the commission's own provider write in the dialogue; nobody else."""
    if har_roll(anvandare, Roll.TJANSTEPERSON):
        return Roll.TJANSTEPERSON
    profil = getattr(anvandare, "profil", None)
    if har_roll(anvandare, Roll.UTFORARE) and profil and profil.utforare_id == uppdrag.utforare_id:
        return Roll.UTFORARE
    return None


@transaction.atomic
def kommentera(*, uppdrag: Uppdrag, anvandare: Any, text: str) -> Uppdragskommentar:
    roll = roll_i_dialogen(anvandare, uppdrag)
    if roll is None:
        raise PermissionDenied("Bara utföraren och tjänstepersonerna skriver i dialogen.")
    if uppdrag.status != S.DIALOG:
        raise ValidationError(
            "Dialogen är stängd: det går bara att skriva medan uppdraget är i dialog."
        )
    kommentar = Uppdragskommentar(uppdrag=uppdrag, forfattare=anvandare, roll=roll, text=text)
    kommentar.full_clean()
    kommentar.save()
    return kommentar


# --- New version after the decision -------------------------------------------------------


@transaction.atomic
def spara_ny_version(*, uppdrag: Uppdrag, mal: Iterable[Mal], skal: str) -> int:
    """Save a decided commission's changed content as a new version with its reason. The
    commission is saved before its goals so the goals' history rows fall inside the new
    version (see uppdrag.versioner). Returns the new version number."""
    if uppdrag.status not in {S.BESLUTAD, S.PAGAR}:
        raise ValidationError("Bara ett beslutat eller pågående uppdrag kan få en ny version.")
    if not skal.strip():
        raise ValidationError({"andringsskal": "Ange varför uppdraget ändras efter beslutet."})
    uppdrag.versionsnummer += 1
    uppdrag.andringsskal = skal.strip()
    _spara(uppdrag, f"Ny version {uppdrag.versionsnummer}")
    for m in mal:
        _spara(m, f"Version {uppdrag.versionsnummer}")
    return uppdrag.versionsnummer


# --- Goals, milestones ---------------------------------------------------------------------


def hamta_baslinje(mal: Mal) -> None:
    """Set a goal's baseline from the latest data (never invented: empty if missing)."""
    if mal.indikator_id is None or mal.omrade_id is None:
        return
    senaste = senaste_varde(mal.indikator, mal.omrade, mal.kon)
    mal.baslinje_varde = senaste.varde if senaste else None
    mal.baslinje_period = senaste.period if senaste else ""


def markera_milstolpe_klar(*, milstolpe: Milstolpe, datum: dt.date | None = None) -> None:
    if milstolpe.uppdrag.status not in {S.BESLUTAD, S.PAGAR}:
        raise ValidationError("Milstolpar bockas av när uppdraget är beslutat eller pågår.")
    if milstolpe.klar is not None:
        # The date it was reached is a fact reported once; a second click must not move it.
        raise ValidationError(
            f"Milstolpen är redan markerad som nådd {milstolpe.klar:%Y-%m-%d}. Inget är ändrat."
        )
    milstolpe.klar = datum or timezone.localdate()
    _spara(milstolpe, "Milstolpen är nådd")


# --- Address or explain --------------------------------------------------------------------


@transaction.atomic
def avsta(
    *,
    objekt: Prioriteringsobjekt,
    motivering: str,
    anvandare: Any,
    organ: Organ | None = None,
    datum: dt.date | None = None,
    paragraf: str = "",
) -> Avstaende:
    """Record that a need ranked in the upper part gets no commission, and why. A
    förtroendevald member may attach the body's decision (organ, date, §)."""
    if objekt.omgang.status != Prioriteringsomgang.Status.BESLUTAD or objekt.placering is None:
        raise ValidationError(
            "Bara ett behov i en beslutad prioritering kan få ett beslut att avstå."
        )
    if objekt.uppdrag.exists():
        raise ValidationError(f"”{objekt.rubrik}” har redan ett uppdrag.")
    if Avstaende.objects.filter(objekt=objekt).exists():
        raise ValidationError(f"Det finns redan ett beslut att avstå från ”{objekt.rubrik}”.")
    beslut = None
    if organ is not None:
        if datum is None or not paragraf.strip():
            raise ValidationError("Ange både beslutsdatum och paragraf för organets beslut.")
        beslut = _beslut(
            organ=organ,
            anvandare=anvandare,
            datum=datum,
            paragraf=paragraf,
            ar=objekt.omgang.planeringsar.ar,
        )
    avstaende = Avstaende(
        objekt=objekt, motivering=motivering.strip(), beslut=beslut, registrerat_av=anvandare
    )
    _spara(avstaende, "Beslut att avstå från uppdrag")
    return avstaende
