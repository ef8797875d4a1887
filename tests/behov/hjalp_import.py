"""Helpers for the import tests: write a file, import it, read a stored value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from behov import importering
from behov.importering import Mappning
from behov.models import Indikator, Matvarde, Polaritet


def fil(mapp: Path, innehall: str | bytes, namn: str = "fil.csv", kodning: str = "utf-8") -> Path:
    sokvag = mapp / namn
    sokvag.write_bytes(innehall if isinstance(innehall, bytes) else innehall.encode(kodning))
    return sokvag


def indikator(
    kod: str = "TEST-HALSA", namn: str = "Självskattad god hälsa", **extra: Any
) -> Indikator:
    extra.setdefault("enhet", "%")
    extra.setdefault("polaritet", Polaritet.HOGRE_BATTRE)
    return Indikator.objects.create(kod=kod, namn=namn, **extra)


def importera(sokvag: Path, mappning: Mappning, anvandare: Any = None, **installningar: Any):
    inst = importering.identifiera_fil(sokvag=sokvag)
    for namn, varde in installningar.items():
        setattr(inst, namn, varde)
    return importering.importera(
        sokvag=sokvag,
        filnamn=sokvag.name,
        installningar=inst,
        mappning=mappning,
        anvandare=anvandare,
    )


def varde(kod: str, omrade: str, period: str = "2024", kon: str = "T", **extra: Any) -> Matvarde:
    return Matvarde.objects.get(
        indikator__kod=kod, omrade__scb_kod=omrade, period=period, kon=kon, **extra
    )
