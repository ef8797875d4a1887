"""The national model's rule for a suggested prioritetsgrad, and the consistency checks on an
assessment. Written once, here; every page and test asks these functions.

The rule (Prioriteringscentrum, Rapport 2017:2, as DOMAIN.md summarises it): start from the
severity of ill-health; lower the level for smaller benefit; lower it for high cost per
benefit; consider lowering it for weak evidence. Levels run 1–10, 1 highest; many needs may
share a level. As in VGR's regional matrix the severity is a ceiling: no benefit, however
large, gives a better level than the severity allows.

    start from severity   mycket stor 1 · stor 3 · måttlig 5 · liten 7
    benefit               mycket stor ±0 · stor +1 · måttlig +2 · liten +3 · ingen → 10
    cost per benefit      låg ±0 · måttlig ±0 · hög +1 · mycket hög +2
    evidence              hög ±0 · måttlig ±0 · låg +1 · mycket låg +2
    never below 10 (the lowest level)

"+1" means one step lower priority (a higher number). No benefit at all gives 10 whatever
else holds: the measure should be considered for "icke-göra". The suggestion is advice; the
officials' decided level may differ, with a written reason (see `varningar`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LAGSTA = 10

START = {"mycket_stor": 1, "stor": 3, "mattlig": 5, "liten": 7}
NYTTA = {"mycket_stor": 0, "stor": 1, "mattlig": 2, "liten": 3}
KOSTNAD = {"lag": 0, "mattlig": 0, "hog": 1, "mycket_hog": 2}
EVIDENS = {"hog": 0, "mattlig": 0, "lag": 1, "mycket_lag": 2}

# Severity and benefit on one ordinal scale (0 = largest), to check that the benefit claimed
# does not exceed what the severity allows.
_SVAR_ORDNING = {"mycket_stor": 0, "stor": 1, "mattlig": 2, "liten": 3}
_NYTTA_ORDNING = {"mycket_stor": 0, "stor": 1, "mattlig": 2, "liten": 3, "ingen": 4}

_ETIKETT = {
    "mycket_stor": "mycket stor",
    "stor": "stor",
    "mattlig": "måttlig",
    "liten": "liten",
    "ingen": "ingen",
    "mycket_hog": "mycket hög",
    "hog": "hög",
    "lag": "låg",
    "mycket_lag": "mycket låg",
}


@dataclass(frozen=True)
class Forslag:
    """A suggested level and the steps that led to it, in words for the page."""

    grad: int
    steg: tuple[str, ...]


def _steg(antal: int) -> str:
    if antal == 0:
        return "ingen sänkning"
    return f"sänk {antal} steg" if antal > 1 else "sänk 1 steg"


def foresla_prioritetsgrad(
    *, svarighetsgrad: str, nytta: str, kostnad: str, evidens: str
) -> Forslag:
    """The model's suggested prioritetsgrad (1 highest – 10 lowest) with its reasoning."""
    grad = START[svarighetsgrad]
    steg = [f"Svårighetsgrad {_ETIKETT[svarighetsgrad]}: utgå från {grad}."]
    if nytta == "ingen":
        steg.append("Nyttan är ingen: lägsta nivån, 10 (överväg att inte göra åtgärden alls).")
        return Forslag(LAGSTA, tuple(steg))
    for namn, tabell, varde in (
        ("Nytta", NYTTA, nytta),
        ("Kostnad i relation till nytta", KOSTNAD, kostnad),
        ("Kunskapsunderlag", EVIDENS, evidens),
    ):
        tillagg = tabell[varde]
        grad += tillagg
        rad = f"{namn} {_ETIKETT[varde]}: {_steg(tillagg)}"
        steg.append(rad + (f" → {min(grad, LAGSTA)}." if tillagg else "."))
    if grad > LAGSTA:
        steg.append(f"Lägsta nivån är {LAGSTA}.")
        grad = LAGSTA
    return Forslag(grad, tuple(steg))


def nytta_over_svarighetsgrad(svarighetsgrad: str, nytta: str) -> bool:
    """True when the benefit claimed is larger than the severity allows (the model: the
    benefit of a measure cannot exceed the ill-health it addresses)."""
    return _NYTTA_ORDNING[nytta] < _SVAR_ORDNING[svarighetsgrad]


def varningar(
    bedomning: object | None, *, har_indikatordata: bool, forslag: Forslag | None = None
) -> list[str]:
    """Consistency checks that warn, never block. `bedomning` is a Bedomning (or None when
    the need has not been assessed yet)."""
    resultat: list[str] = []
    if not har_indikatordata:
        resultat.append(
            "Behovet saknar indikatordata: inget av dess hälsogap har ett uppmätt värde."
        )
    if bedomning is None:
        resultat.append("Behovet är inte bedömt enligt modellen ännu.")
        return resultat
    if nytta_over_svarighetsgrad(bedomning.svarighetsgrad, bedomning.nytta):
        resultat.append(
            f"Nyttan ({_ETIKETT[bedomning.nytta]}) är större än svårighetsgraden "
            f"({_ETIKETT[bedomning.svarighetsgrad]}) tillåter."
        )
    forslag = forslag or foresla_prioritetsgrad(
        svarighetsgrad=bedomning.svarighetsgrad,
        nytta=bedomning.nytta,
        kostnad=bedomning.kostnad,
        evidens=bedomning.evidens,
    )
    if (
        bedomning.prioritetsgrad is not None
        and bedomning.prioritetsgrad != forslag.grad
        and not bedomning.avvikelse_motivering.strip()
    ):
        resultat.append(
            f"Prioritetsgraden {bedomning.prioritetsgrad} avviker från förslaget "
            f"{forslag.grad} utan skriftlig motivering."
        )
    saknade = [namn for namn, text in _motiveringar(bedomning) if not text.strip()]
    if saknade:
        resultat.append("Motivering saknas för " + _uppraknat(saknade) + ".")
    return resultat


def _motiveringar(bedomning: object) -> Iterable[tuple[str, str]]:
    yield "svårighetsgrad", bedomning.svarighetsgrad_motivering
    yield "nytta", bedomning.nytta_motivering
    yield "kostnad", bedomning.kostnad_motivering
    yield "kunskapsunderlag", bedomning.evidens_motivering


def _uppraknat(delar: list[str]) -> str:
    return delar[0] if len(delar) == 1 else ", ".join(delar[:-1]) + " och " + delar[-1]
