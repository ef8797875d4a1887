"""The statistical rules of the needs stage, written once: comparing two values with their
confidence intervals, in the indicator's own direction."""

from __future__ import annotations

from django.db import models

from behov.models import Polaritet


class Jamforelse(models.TextChoices):
    BATTRE = "battre", "Signifikant bättre"
    SAMRE = "samre", "Signifikant sämre"
    HOGRE = "hogre", "Signifikant högre"
    LAGRE = "lagre", "Signifikant lägre"
    INGEN_SKILLNAD = "ingen_skillnad", "Ingen säker skillnad"
    KAN_EJ_BEDOMAS = "kan_ej_bedomas", "Kan inte bedömas (konfidensintervall saknas)"


def jamfor(
    varde: float | None,
    ki: tuple[float | None, float | None],
    referens: float | None,
    referens_ki: tuple[float | None, float | None],
    polaritet: str,
) -> Jamforelse:
    """Compare a value with a reference (riket, another region, an earlier period).

    "Significantly" better or worse only when both confidence intervals exist and do not
    overlap; with overlapping intervals there is no certain difference; without intervals
    (or without a value) it cannot be judged. The overlap rule is conservative: it may miss a
    real difference, but never claims one the data can't carry."""
    if varde is None or referens is None:
        return Jamforelse.KAN_EJ_BEDOMAS
    (lag, hog), (ref_lag, ref_hog) = ki, referens_ki
    if None in (lag, hog, ref_lag, ref_hog):
        return Jamforelse.KAN_EJ_BEDOMAS
    if lag <= ref_hog and ref_lag <= hog:
        return Jamforelse.INGEN_SKILLNAD
    hogre = lag > ref_hog
    if polaritet == Polaritet.HOGRE_BATTRE:
        return Jamforelse.BATTRE if hogre else Jamforelse.SAMRE
    if polaritet == Polaritet.LAGRE_BATTRE:
        return Jamforelse.SAMRE if hogre else Jamforelse.BATTRE
    return Jamforelse.HOGRE if hogre else Jamforelse.LAGRE
