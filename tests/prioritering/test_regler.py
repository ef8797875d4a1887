"""The national model's suggestion rule, as a table of cases, and the consistency warnings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from prioritering.regler import foresla_prioritetsgrad, nytta_over_svarighetsgrad, varningar


@pytest.mark.parametrize(
    ("svarighetsgrad", "nytta", "kostnad", "evidens", "grad"),
    [
        # Severity sets the start (and the ceiling): 1, 3, 5, 7.
        ("mycket_stor", "mycket_stor", "lag", "hog", 1),
        ("stor", "mycket_stor", "lag", "hog", 3),
        ("mattlig", "mycket_stor", "lag", "hog", 5),
        ("liten", "mycket_stor", "lag", "hog", 7),
        # Smaller benefit lowers one step per level.
        ("mycket_stor", "stor", "lag", "hog", 2),
        ("mycket_stor", "mattlig", "lag", "hog", 3),
        ("mycket_stor", "liten", "lag", "hog", 4),
        # Cost per benefit: moderate is free, high one step, very high two.
        ("stor", "stor", "mattlig", "hog", 4),
        ("stor", "stor", "hog", "hog", 5),
        ("stor", "stor", "mycket_hog", "hog", 6),
        # Weak evidence: low one step, very low two.
        ("stor", "stor", "lag", "mattlig", 4),
        ("stor", "stor", "lag", "lag", 5),
        ("stor", "stor", "lag", "mycket_lag", 6),
        # Everything against: never below 10.
        ("liten", "liten", "mycket_hog", "mycket_lag", 10),
        ("mattlig", "liten", "mycket_hog", "lag", 10),
        # No benefit at all: 10 whatever the severity.
        ("mycket_stor", "ingen", "lag", "hog", 10),
    ],
)
def test_foreslagen_prioritetsgrad(svarighetsgrad, nytta, kostnad, evidens, grad):
    forslag = foresla_prioritetsgrad(
        svarighetsgrad=svarighetsgrad, nytta=nytta, kostnad=kostnad, evidens=evidens
    )
    assert forslag.grad == grad


def test_forslaget_visar_sina_steg():
    forslag = foresla_prioritetsgrad(
        svarighetsgrad="stor", nytta="mattlig", kostnad="hog", evidens="lag"
    )
    assert forslag.grad == 7
    assert forslag.steg == (
        "Svårighetsgrad stor: utgå från 3.",
        "Nytta måttlig: sänk 2 steg → 5.",
        "Kostnad i relation till nytta hög: sänk 1 steg → 6.",
        "Kunskapsunderlag låg: sänk 1 steg → 7.",
    )


def test_ingen_nytta_forklaras():
    forslag = foresla_prioritetsgrad(
        svarighetsgrad="mycket_stor", nytta="ingen", kostnad="lag", evidens="hog"
    )
    assert "inte göra åtgärden" in forslag.steg[-1]


@pytest.mark.parametrize(
    ("svarighetsgrad", "nytta", "for_stor"),
    [
        ("mycket_stor", "mycket_stor", False),
        ("stor", "mycket_stor", True),
        ("stor", "stor", False),
        ("liten", "mattlig", True),
        ("liten", "liten", False),
        ("liten", "ingen", False),
    ],
)
def test_nytta_kan_inte_overstiga_svarighetsgraden(svarighetsgrad, nytta, for_stor):
    assert nytta_over_svarighetsgrad(svarighetsgrad, nytta) is for_stor


def _bedomning(**andrat: object) -> SimpleNamespace:
    varden = {
        "svarighetsgrad": "stor",
        "nytta": "stor",
        "kostnad": "mattlig",
        "evidens": "mattlig",
        "prioritetsgrad": None,
        "avvikelse_motivering": "",
        "svarighetsgrad_motivering": "Svår ohälsa.",
        "nytta_motivering": "Beprövat.",
        "kostnad_motivering": "Rimligt.",
        "evidens_motivering": "Översikter finns.",
    }
    return SimpleNamespace(**(varden | andrat))


def test_en_fullstandig_bedomning_ger_inga_varningar():
    assert varningar(_bedomning(), har_indikatordata=True) == []
    assert varningar(_bedomning(prioritetsgrad=4), har_indikatordata=True) == []  # = suggestion


def test_varnar_for_nytta_over_svarighetsgraden():
    assert varningar(
        _bedomning(svarighetsgrad="mattlig", nytta="stor"), har_indikatordata=True
    ) == ["Nyttan (stor) är större än svårighetsgraden (måttlig) tillåter."]


def test_varnar_for_avvikelse_utan_motivering_men_inte_med():
    assert varningar(_bedomning(prioritetsgrad=2), har_indikatordata=True) == [
        "Prioritetsgraden 2 avviker från förslaget 4 utan skriftlig motivering."
    ]
    med_skal = _bedomning(prioritetsgrad=2, avvikelse_motivering="Unga vinner länge.")
    assert varningar(med_skal, har_indikatordata=True) == []


def test_varnar_for_behov_utan_indikatordata_och_obedomt():
    assert varningar(None, har_indikatordata=False) == [
        "Behovet saknar indikatordata: inget av dess hälsogap har ett uppmätt värde.",
        "Behovet är inte bedömt enligt modellen ännu.",
    ]


def test_varnar_for_saknade_motiveringar():
    assert varningar(
        _bedomning(nytta_motivering="", evidens_motivering=" "), har_indikatordata=True
    ) == ["Motivering saknas för nytta och kunskapsunderlag."]
