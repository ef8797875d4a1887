"""The real Kolada files of behov/data/kolada/, imported through the same service as the
import page, so the demo shows real statistics beside the invented region. Idempotent: a file
already imported (a batch with its name that is not undone) is skipped."""

from __future__ import annotations

from pathlib import Path

from behov import importering
from behov.models import Importbatch, Importmall, Indikator, Polaritet

KOLADA = Path(__file__).resolve().parent / "data" / "kolada"
KALLA = "Kolada (RKA)"
KANDA_BRISTER = (
    "Hämtad som fil från Kolada; värdena uppdateras inte av sig själva. Se "
    "behov/data/kolada/KALLA.md."
)

BARN = "kolada_barn_ekonomiskt_utsatta_regioner.csv"
TILLIT = "kolada_tillit_dalarna_kon.csv"

# The mapping a user would choose on the page for Kolada's long export.
KOLADA_LANG = importering.Mappning(
    indikator_satt="kolumn",
    indikator_kolumn="kpi",
    omrade_kolumn="municipality_id",
    period_kolumn="year",
    kon_kolumn="",
    varde_kolumn="value",
)


def _indikator(kod: str, namn: str) -> Indikator:
    indikator, _ = Indikator.objects.get_or_create(
        kod=kod,
        defaults={
            "namn": namn,
            "enhet": "%",
            "decimaler": 1,
            "polaritet": Polaritet.LAGRE_BATTRE,
            "kalla": KALLA,
            "kanda_brister": KANDA_BRISTER,
        },
    )
    return indikator


def importera_kolada_filer(stdout) -> None:  # noqa: ANN001 - a management command's stdout
    importerade = set(
        Importbatch.objects.filter(
            filnamn__in=[BARN, TILLIT], status=Importbatch.Status.GENOMFORD
        ).values_list("filnamn", flat=True)
    )
    Importmall.objects.get_or_create(
        namn="Kolada, lång export (kpi, municipality_id, year, value)",
        defaults={"mappning": KOLADA_LANG.som_dict()},
    )
    filer = []
    for filnamn in (BARN, TILLIT):
        sokvag = KOLADA / filnamn
        installningar = importering.identifiera_fil(sokvag=sokvag)
        forhandsvisning = importering.forhandsvisa(sokvag=sokvag, installningar=installningar)
        rubriker = forhandsvisning.kolumner
        if filnamn == BARN:
            titel = forhandsvisning.rader[0][1][rubriker.index("kpi")]
            _indikator("KOLADA-BARN-EKUTSATTA", titel)
            mappning = KOLADA_LANG
        else:
            titel = rubriker[-1]
            indikator = _indikator("KOLADA-TILLIT", titel)
            mappning = importering.Mappning(
                indikator_satt="fast",
                indikator_kod=indikator.kod,
                omrade_kolumn="municipality",
                period_kolumn="year",
                kon_kolumn="gender",
                varde_kolumn=titel,
            )
        if filnamn in importerade:
            continue
        resultat = importering.importera(
            sokvag=sokvag,
            filnamn=filnamn,
            installningar=installningar,
            mappning=mappning,
            beskrivning=f"{titel} (Kolada, verklig statistik)",
        )
        filer.append(f"{filnamn}: {resultat.antal}")
    if filer:
        stdout.write("Kolada: importerade " + ", ".join(filer) + " värden.")
