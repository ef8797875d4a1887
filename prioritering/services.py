"""Workflows of the prioritisation stage that write several rows or check rules across
objects: forming needs, opening a round, a member's ranking, the proposal and the body's
decision, reservations, resources, and a revision of a decided round.

A decided round is frozen. Every function that would change one refuses with
PermissionDenied (a 403 with a Swedish message); the change is a new revision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from behov.models import Behovsanalys
from natverken.models import Beslut, Ledamot, Reservation
from prioritering.berakning import Fordelningsrad, summera, tusental
from prioritering.models import (
    Bedomning,
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Rangordning,
    Rangplats,
    Resursfordelning,
)
from prioritering.signaler import omgang_beslutad

S = Prioriteringsomgang.Status


def kontrollera_ej_last(omgang: Prioriteringsomgang) -> None:
    if omgang.ar_beslutad:
        raise PermissionDenied(omgang.last_meddelande)


def ledamot_for(*, omgang: Prioriteringsomgang, anvandare: Any) -> Ledamot:
    """The user as a member of the round's body; only members rank and record its decisions."""
    ledamot = Ledamot.objects.filter(organ_id=omgang.organ_id, anvandare=anvandare).first()
    if ledamot is None:
        raise PermissionDenied(
            f"Du är inte ledamot i {omgang.organ}. Bara organets ledamöter rangordnar och "
            "registrerar dess beslut."
        )
    return ledamot


def _las(omgang: Prioriteringsomgang) -> Prioriteringsomgang:
    """Re-read the round under a row lock, so two members can't decide it at once."""
    return (
        Prioriteringsomgang.objects.select_for_update()
        .select_related("organ", "planeringsar")
        .get(pk=omgang.pk)
    )


# --- Preparing ------------------------------------------------------------------------------


@transaction.atomic
def lagg_till_objekt(
    *,
    omgang: Prioriteringsomgang,
    analys: Behovsanalys,
    rubrik: str,
    atgard: str,
    atgardskostnad_tkr: Decimal | None = None,
) -> Prioriteringsobjekt:
    """A need from a ready analysis: its group, the gaps that are care needs, and a measure."""
    kontrollera_ej_last(omgang)
    if not omgang.ar_under_forberedelse:
        raise ValidationError(
            "Behov läggs till medan omgången förbereds. När rangordningen har öppnat skulle ett "
            "nytt behov saknas i ledamöternas rangordningar."
        )
    if (
        analys.planeringsar_id != omgang.planeringsar_id
        or analys.status != Behovsanalys.Status.KLAR
    ):
        raise ValidationError("Välj en behovsanalys för samma år som är klar för prioritering.")
    objekt = Prioriteringsobjekt(
        omgang=omgang,
        behovsgrupp=analys.behovsgrupp,
        rubrik=rubrik.strip(),
        atgard=atgard.strip(),
        atgardskostnad_tkr=atgardskostnad_tkr,
    )
    objekt.full_clean()
    objekt.save()
    objekt.halsogap.set(analys.halsogap.exclude(ar_vardbehov=False))
    return objekt


def krav_for_rangordning(omgang: Prioriteringsomgang) -> list[str]:
    """What is missing before members can rank (empty = ready)."""
    objekt = list(omgang.objekt.select_related("bedomning"))
    saknas = []
    if len(objekt) < 2:
        saknas.append("Lägg till minst två behov: en rangordning behöver något att välja mellan.")
    for o in objekt:
        if o.bedomning_eller_none is None:
            saknas.append(f"Bedöm ”{o.rubrik}” enligt modellen.")
    return saknas


@transaction.atomic
def oppna_for_rangordning(*, omgang: Prioriteringsomgang) -> None:
    omgang = _las(omgang)
    kontrollera_ej_last(omgang)
    if not omgang.ar_under_forberedelse:
        raise ValidationError("Omgången är redan öppen för rangordning.")
    saknas = krav_for_rangordning(omgang)
    if saknas:
        raise ValidationError(saknas)
    omgang.status = S.RANGORDNING
    omgang.save()


# --- Ranking (each member as themselves) ----------------------------------------------------


def _kontrollera_oppen(omgang: Prioriteringsomgang) -> None:
    kontrollera_ej_last(omgang)
    if not omgang.ar_oppen_for_rangordning:
        raise PermissionDenied(
            "Omgången är inte öppen för rangordning ännu. Tjänstepersonerna förbereder den."
        )


def _kontrollera_ordning(
    omgang: Prioriteringsomgang, ordning: dict[int, int]
) -> list[Prioriteringsobjekt]:
    objekt = list(omgang.objekt.all())
    if set(ordning) != {o.pk for o in objekt} or sorted(ordning.values()) != list(
        range(1, len(objekt) + 1)
    ):
        raise ValidationError("Ordningen ska innehålla varje behov i omgången exakt en gång.")
    return objekt


@transaction.atomic
def spara_rangordning(
    *, omgang: Prioriteringsomgang, anvandare: Any, ordning: dict[int, int]
) -> Rangordning:
    """Save the member's own order ({objekt_id: place}); they may revise it until the round
    is decided. Places are swapped in one transaction (the constraint is deferred)."""
    omgang = _las(omgang)
    _kontrollera_oppen(omgang)
    ledamot = ledamot_for(omgang=omgang, anvandare=anvandare)
    objekt = _kontrollera_ordning(omgang, ordning)
    rangordning, _ = Rangordning.objects.get_or_create(omgang=omgang, ledamot=ledamot)
    rangordning.full_clean()
    befintliga = {p.objekt_id: p for p in rangordning.platser.all()}
    for o in objekt:
        plats = befintliga.get(o.pk)
        if plats is None:
            Rangplats.objects.create(rangordning=rangordning, objekt=o, plats=ordning[o.pk])
        elif plats.plats != ordning[o.pk]:
            plats.plats = ordning[o.pk]
            plats.save()
    rangordning.inlamnad = timezone.now()
    rangordning.save()
    return rangordning


# --- The proposal and the body's decision ---------------------------------------------------


@transaction.atomic
def spara_forslag(
    *,
    omgang: Prioriteringsomgang,
    anvandare: Any,
    ordning: dict[int, int],
    texter: dict[int, tuple[str, str]],
) -> None:
    """The proposal for the decision: the order (placering) and per need the carrying
    principle and a motivering. Saved on the needs; public only once decided."""
    omgang = _las(omgang)
    _kontrollera_oppen(omgang)
    ledamot_for(omgang=omgang, anvandare=anvandare)
    for o in _kontrollera_ordning(omgang, ordning):
        princip, motivering = texter.get(o.pk, ("", ""))
        if (o.placering, o.princip, o.motivering) != (ordning[o.pk], princip, motivering):
            o.placering, o.princip, o.motivering = ordning[o.pk], princip, motivering
            o.save()


@transaction.atomic
def spara_resurser(
    *, omgang: Prioriteringsomgang, belopp: dict[int, tuple[Decimal | None, str]]
) -> None:
    """Amount and kind per need; an empty amount removes the allocation. Only what changed is
    written, so the history shows real changes."""
    omgang = _las(omgang)
    kontrollera_ej_last(omgang)
    for o in omgang.objekt.select_related("resursfordelning"):
        if o.pk not in belopp:
            continue
        summa, typ = belopp[o.pk]
        befintlig = o.resurs_eller_none
        if summa is None:
            if befintlig is not None:
                befintlig.delete()
            continue
        if befintlig is None:
            Resursfordelning.objects.create(objekt=o, belopp_tkr=summa, typ=typ)
        elif (befintlig.belopp_tkr, befintlig.typ) != (summa, typ):
            befintlig.belopp_tkr, befintlig.typ = summa, typ
            befintlig.save()


def krav_for_beslut(omgang: Prioriteringsomgang) -> list[str]:
    """What is missing before the decision can be recorded (empty = ready)."""
    objekt = list(omgang.objekt.select_related("resursfordelning"))
    saknas = []
    platser = sorted(o.placering for o in objekt if o.placering is not None)
    if platser != list(range(1, len(objekt) + 1)):
        saknas.append("Spara ett förslag till ordning där varje behov har en egen placering.")
    utan_motivering = [o.rubrik for o in objekt if not o.motivering.strip() or not o.princip]
    if utan_motivering:
        saknas.append(
            "Skriv motivering och bärande princip för: " + ", ".join(utan_motivering) + "."
        )
    summering = summera(
        omgang.budgetram_tkr,
        [
            Fordelningsrad(o, 0, o.resurs_eller_none and o.resurs_eller_none.belopp_tkr, None)
            for o in objekt
        ],
    )
    if summering.over_ramen:
        saknas.append(summering.meddelande)
    return saknas


@transaction.atomic
def besluta(
    *, omgang: Prioriteringsomgang, anvandare: Any, datum: dt.date, paragraf: str
) -> Beslut:
    """Record the body's decision: the proposed order with its motiveringar and the
    allocation become the decision (date and §), and the round is frozen. A revision's
    decision replaces the earlier one, which stays visible as replaced."""
    omgang = _las(omgang)
    _kontrollera_oppen(omgang)
    ledamot_for(omgang=omgang, anvandare=anvandare)
    saknas = krav_for_beslut(omgang)
    if saknas:
        raise ValidationError(saknas)
    paragraf = paragraf.strip()
    if Beslut.objects.filter(organ=omgang.organ, datum=datum, paragraf=paragraf).exists():
        raise ValidationError(
            f"{omgang.organ} har redan ett beslut {datum:%Y-%m-%d} {paragraf}. Kontrollera paragrafen."
        )
    ar = omgang.planeringsar.ar
    text = (
        f"{omgang.organ} beslutar om rangordning av behov och resursfördelning inför budget {ar}, "
        f"inom en ram på {tusental(omgang.budgetram_tkr)} tkr, enligt bilaga."
    )
    if omgang.ersatter_id:
        text += f" Beslutet ersätter tidigare beslut. Skäl: {omgang.revisionsskal}"
    beslut = Beslut(
        organ=omgang.organ,
        datum=datum,
        paragraf=paragraf,
        rubrik=f"Prioritering av behov inför budget {ar}"
        + (f" (revision {omgang.revision})" if omgang.revision > 1 else ""),
        text=text,
        registrerat_av=anvandare,
    )
    beslut.full_clean()
    beslut.save()
    for rad in Resursfordelning.objects.filter(objekt__omgang=omgang):
        rad.beslut = beslut
        rad.save()
    omgang.beslut = beslut
    omgang.status = S.BESLUTAD
    omgang.sammantradesdatum = datum
    omgang.full_clean()
    omgang.save()
    if omgang.ersatter_id:
        tidigare = Prioriteringsomgang.objects.select_for_update().get(pk=omgang.ersatter_id)
        tidigare.status = S.ERSATT
        tidigare.save()
    omgang_beslutad.send(sender=Prioriteringsomgang, omgang=omgang)
    return beslut


def kontrollera_reservation(*, omgang: Prioriteringsomgang, anvandare: Any) -> None:
    """Reservations are entered against the decision in force, by a member of the body."""
    ledamot_for(omgang=omgang, anvandare=anvandare)
    if omgang.ar_ersatt:
        raise PermissionDenied(
            "Beslutet är ersatt av en revision; reservationer förs mot det gällande beslutet."
        )
    if omgang.status != S.BESLUTAD or omgang.beslut_id is None:
        raise PermissionDenied(
            "Omgången är inte beslutad ännu. En reservation förs mot ett beslut."
        )


@transaction.atomic
def reservera(
    *, omgang: Prioriteringsomgang, anvandare: Any, ledamot: Ledamot, text: str
) -> Reservation:
    """A member's dissent against the body's decision, entered by a member of the body (the
    one who dissents, or whoever records the protocol's reservations)."""
    kontrollera_reservation(omgang=omgang, anvandare=anvandare)
    if ledamot.organ_id != omgang.organ_id:
        raise ValidationError(f"{ledamot.namn} är inte ledamot i {omgang.organ}.")
    if Reservation.objects.filter(beslut=omgang.beslut_id, ledamot=ledamot).exists():
        raise ValidationError(f"{ledamot.namn} har redan reserverat sig mot beslutet.")
    reservation = Reservation(beslut=omgang.beslut, ledamot=ledamot, text=text.strip())
    reservation.full_clean()
    reservation.save()
    return reservation


# --- Revision -------------------------------------------------------------------------------


@transaction.atomic
def revidera(*, omgang: Prioriteringsomgang, skal: str) -> Prioriteringsomgang:
    """A new revision of a decided round, with the reason. The needs, assessments, proposed
    order and resources are copied as a starting point; the decision itself is not. The
    decided round stays in force (and visible) until the revision is decided."""
    omgang = _las(omgang)
    if omgang.ar_ersatt:
        raise PermissionDenied("Den här versionen är redan ersatt. Revidera det gällande beslutet.")
    if omgang.status != S.BESLUTAD:
        raise ValidationError(
            "Omgången är inte beslutad och kan ändras direkt; en revision behövs inte."
        )
    if Prioriteringsomgang.objects.filter(ersatter=omgang).exists():
        raise ValidationError("Det finns redan en revision under arbete för det här beslutet.")
    if not skal.strip():
        raise ValidationError("Ange skälet till revisionen.")
    ny = Prioriteringsomgang(
        planeringsar=omgang.planeringsar,
        organ=omgang.organ,
        namn=omgang.namn,
        budgetram_tkr=omgang.budgetram_tkr,
        sammantradesdatum=None,
        status=S.FORBEREDELSE,
        revision=omgang.revision + 1,
        ersatter=omgang,
        revisionsskal=skal.strip(),
        ovre_del_antal=omgang.ovre_del_antal,
    )
    ny.full_clean()
    ny.save()
    for gammalt in omgang.objekt.select_related("bedomning", "resursfordelning").prefetch_related(
        "halsogap"
    ):
        nytt = Prioriteringsobjekt.objects.create(
            omgang=ny,
            behovsgrupp_id=gammalt.behovsgrupp_id,
            rubrik=gammalt.rubrik,
            atgard=gammalt.atgard,
            atgardskostnad_tkr=gammalt.atgardskostnad_tkr,
            placering=gammalt.placering,
            motivering=gammalt.motivering,
            princip=gammalt.princip,
        )
        nytt.halsogap.set(gammalt.halsogap.all())
        if (b := gammalt.bedomning_eller_none) is not None:
            Bedomning.objects.create(
                objekt=nytt,
                **{
                    f.name: getattr(b, f.name)
                    for f in Bedomning._meta.concrete_fields
                    if f.name not in {"id", "objekt", "version"}
                },
            )
        if (r := gammalt.resurs_eller_none) is not None:
            Resursfordelning.objects.create(
                objekt=nytt, belopp_tkr=r.belopp_tkr, typ=r.typ, kommentar=r.kommentar
            )
    return ny
