"""Import of indicator values from files: CSV/TSV/text or Excel, long or wide (PX-Web).

The flow is: `identifiera_fil` guesses how the file is read (encoding, separator, decimal
sign, sheet, header row) → `forhandsvisa` shows the first rows → the user maps the columns
(`Mappning`; `foresla_mappning` guesses a start) → `kontrollera` parses and validates every
row → `importera` writes a valid file in one transaction as an Importbatch, through a
PostgreSQL COPY into a staging table and one set-based upsert. `angra` undoes a batch.

Parsing is vectorised with pandas: each distinct area, period, sex or indicator text is
resolved once in Python and mapped onto the column, so a million rows cost seconds. Nothing is
written unless every row is valid; errors name the row as the user sees it in the file.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from django.conf import settings
from django.db import connection, transaction
from django.utils.text import slugify

from behov.models import Importbatch, Importfil, Indikator, Kon, Polaritet
from natverken.models import Omrade

# Cells that mean "no value": stored as NULL, never 0.
SAKNAS = frozenset({"", ".", "..", "...", "…", "-", "–", "—"})
MAX_FEL = 1000  # errors kept for the user to read; all are counted
RADER_PER_DEL = 200_000  # rows parsed at a time: bounds memory for big files
RADER_PER_COPY = 100_000
# Every import and undo takes this transaction lock, so an undo can't interleave with an
# import that is replacing the same values.
IMPORTLAS = 4_711_001

Rapportera = Callable[[int, int, str], None]

TEXTKODNINGAR = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 med BOM",
    "cp1252": "Windows-1252 (cp1252)",
    "latin-1": "Latin-1 (ISO 8859-1)",
    "utf-16": "UTF-16",
}
SEPARATORER = {";": "semikolon (;)", ",": "komma (,)", "\t": "tabb", "|": "lodstreck (|)"}
DECIMALTECKEN = {",": "komma (12,5) – punkt godtas också", ".": "punkt (12.5)"}


def ingen_rapport(klart: int, totalt: int, meddelande: str = "") -> None:
    return None


# --------------------------------------------------------------------------------------
# How a file is read


@dataclass
class Filinstallningar:
    """How to read one file. Detected on upload; the user may correct every part."""

    typ: str = "text"  # "text" | "excel"
    kodning: str = "utf-8"
    separator: str = ";"
    decimaltecken: str = ","
    blad: str = ""
    rubrikrad: int = 1  # the row with the column names, as numbered in the file

    def som_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def fran_dict(cls, data: dict[str, Any] | None) -> Filinstallningar:
        data = data or {}
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    @property
    def beskrivning(self) -> list[tuple[str, str]]:
        if self.typ == "excel":
            return [
                ("Filtyp", "Excel (.xlsx)"),
                ("Blad", self.blad),
                ("Kolumnnamn på rad", str(self.rubrikrad)),
            ]
        return [
            ("Filtyp", "Text (CSV/TSV)"),
            ("Teckenkodning", TEXTKODNINGAR.get(self.kodning, self.kodning)),
            ("Avgränsare", SEPARATORER.get(self.separator, self.separator)),
            ("Decimaltecken", DECIMALTECKEN.get(self.decimaltecken, self.decimaltecken)),
            ("Kolumnnamn på rad", str(self.rubrikrad)),
        ]


class Filfel(Exception):
    """The file can't be read at all (wrong type, empty, broken)."""


def identifiera_fil(*, sokvag: Path, filnamn: str = "") -> Filinstallningar:
    """Guess how a file is read: Excel or text; for text the encoding (UTF-8, UTF-8 with BOM,
    cp1252), the separator (`;` `,` tab) and the decimal sign; the header row."""
    with sokvag.open("rb") as f:
        borjan = f.read(8)
    if not borjan:
        raise Filfel("Filen är tom.")
    if borjan.startswith(b"\xd0\xcf\x11\xe0"):
        raise Filfel(
            "Filen är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och ladda upp igen."
        )
    if borjan.startswith(b"PK\x03\x04"):
        blad = excel_blad(sokvag)
        inst = Filinstallningar(typ="excel", blad=blad[0], decimaltecken=",")
        inst.rubrikrad = gissa_rubrikrad_i_blad(sokvag, inst.blad)
        return inst
    kodning = _gissa_kodning(sokvag)
    rader = _textprov(sokvag, kodning)
    separator = _gissa_separator(rader)
    poster = list(csv.reader(rader, delimiter=separator))
    rubrikrad = _gissa_rubrikrad(poster)
    decimaltecken = _gissa_decimaltecken(poster[rubrikrad:], separator)
    return Filinstallningar(
        typ="text",
        kodning=kodning,
        separator=separator,
        decimaltecken=decimaltecken,
        rubrikrad=rubrikrad,
    )


def _gissa_kodning(sokvag: Path) -> str:
    with sokvag.open("rb") as f:
        borjan = f.read(4)
        if borjan.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if borjan[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
        f.seek(0)
        avkodare = codecs.getincrementaldecoder("utf-8")()
        odefinierade = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
        ar_utf8, ar_cp1252 = True, True
        for block in iter(lambda: f.read(1 << 20), b""):
            if ar_utf8:
                try:
                    avkodare.decode(block)
                except UnicodeDecodeError:
                    ar_utf8 = False
            if ar_cp1252 and odefinierade.search(block):
                ar_cp1252 = False
        if ar_utf8:
            try:
                avkodare.decode(b"", final=True)
                return "utf-8"
            except UnicodeDecodeError:
                pass
    return "cp1252" if ar_cp1252 else "latin-1"


def _textprov(sokvag: Path, kodning: str, max_rader: int = 60) -> list[str]:
    rader: list[str] = []
    with sokvag.open(encoding=kodning, errors="replace", newline="") as f:
        for rad in f:
            rader.append(rad.rstrip("\r\n"))
            if len(rader) >= max_rader:
                break
    return rader


def _gissa_separator(rader: list[str]) -> str:
    icke_tomma = [r for r in rader if r.strip()]
    if not icke_tomma:
        raise Filfel("Filen innehåller ingen text att läsa.")
    # Preference order when several separators give a consistent table: a tab or a semicolon
    # is almost never data, while a comma often is (decimal comma in Swedish exports).
    basta, basta_antal = ",", 1
    for separator in ("\t", ";", ",", "|"):
        antal = [len(p) for p in csv.reader(icke_tomma, delimiter=separator)]
        vanligast, hur_ofta = Counter(antal).most_common(1)[0]
        if vanligast > 1 and hur_ofta >= 0.6 * len(antal) and basta_antal == 1:
            basta, basta_antal = separator, vanligast
    return basta


def _gissa_rubrikrad(poster: list[list[str]] | list[tuple]) -> int:
    """The first row that is as wide as the table: title rows above a PX-Web table are narrow."""
    bredder = [sum(1 for c in p if c not in (None, "") and str(c).strip()) for p in poster]
    if not bredder or max(bredder) == 0:
        return 1
    storst = max(bredder)
    for nr, bredd in enumerate(bredder, start=1):
        if bredd >= max(2, 0.6 * storst) or (storst == 1 and bredd == 1):
            return nr
    return 1


RX_KOMMATAL = re.compile(r"^\s*-?\d+,\d+\s*$")
RX_PUNKTTAL = re.compile(r"^\s*-?\d+\.\d+\s*$")


def _gissa_decimaltecken(poster: list[list[str]], separator: str) -> str:
    komma = sum(1 for p in poster for c in p if RX_KOMMATAL.match(c))
    punkt = sum(1 for p in poster for c in p if RX_PUNKTTAL.match(c))
    if komma > punkt:
        return ","
    if punkt > komma:
        return "."
    return "." if separator == "," else ","


@contextmanager
def _arbetsbok(sokvag: Path) -> Iterator[Any]:
    """An .xlsx file opened read-only. Through a file object: the stored upload has no
    file name extension, which openpyxl otherwise insists on."""
    import openpyxl

    with sokvag.open("rb") as fil:
        try:
            bok = openpyxl.load_workbook(fil, read_only=True, data_only=True)
        except Exception as fel:  # openpyxl raises many kinds for a broken file
            raise Filfel(f"Excelfilen kunde inte läsas: {fel}") from fel
        try:
            yield bok
        finally:
            bok.close()


def excel_blad(sokvag: Path) -> list[str]:
    with _arbetsbok(sokvag) as bok:
        return list(bok.sheetnames)


def _excel_cell(varde: Any) -> str:
    if varde is None:
        return ""
    if isinstance(varde, bool):
        return "1" if varde else "0"
    if isinstance(varde, int):
        return str(varde)
    if isinstance(varde, float):
        if varde.is_integer() and abs(varde) < 1e15:
            return str(int(varde))
        return repr(varde)
    if isinstance(varde, dt.datetime | dt.date):
        return varde.isoformat()[:10]
    return str(varde)


def _excel_rader(
    sokvag: Path, blad: str, max_rader: int | None = None
) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells as text) for every row of a sheet; empty cells are ''."""
    with _arbetsbok(sokvag) as bok:
        if blad not in bok.sheetnames:
            raise Filfel(f"Bladet ”{blad}” finns inte i filen.")
        for nr, rad in enumerate(bok[blad].iter_rows(values_only=True), start=1):
            yield nr, [_excel_cell(v) for v in rad]
            if max_rader and nr >= max_rader:
                break


def gissa_rubrikrad_i_blad(sokvag: Path, blad: str) -> int:
    return _gissa_rubrikrad([rad for _, rad in _excel_rader(sokvag, blad, 30)])


def _unika_namn(rubriker: list[str]) -> list[str]:
    namn: list[str] = []
    sedda: Counter[str] = Counter()
    for nr, rubrik in enumerate(rubriker, start=1):
        text = " ".join(str(rubrik).split()) or f"Kolumn {nr}"
        sedda[text] += 1
        namn.append(text if sedda[text] == 1 else f"{text} ({sedda[text]})")
    return namn


def _text_rubriker(sokvag: Path, inst: Filinstallningar) -> list[str]:
    with sokvag.open(encoding=inst.kodning, errors="replace", newline="") as f:
        for nr, post in enumerate(csv.reader(f, delimiter=inst.separator), start=1):
            if nr == inst.rubrikrad:
                return _unika_namn(post)
    raise Filfel(f"Filen har färre än {inst.rubrikrad} rader.")


def _rader_i_fil(sokvag: Path, inst: Filinstallningar) -> int:
    """Data rows in the file, counted cheaply (for progress; blank rows included)."""
    if inst.typ == "excel":
        with _arbetsbok(sokvag) as bok:
            return max(0, (bok[inst.blad].max_row or 0) - inst.rubrikrad)
    antal, sista = 0, b"\n"
    with sokvag.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            antal += block.count(b"\n")
            sista = block[-1:]
    if sista != b"\n":
        antal += 1
    return max(0, antal - inst.rubrikrad)


def _delar(
    sokvag: Path, inst: Filinstallningar, rader_per_del: int = RADER_PER_DEL
) -> tuple[list[str], Iterator[pd.DataFrame]]:
    """The column names, and the rows in parts: each part's index is the row number in the
    file, every cell is text ('' when empty). Completely empty rows are left out."""
    if inst.typ == "excel":
        rader = _excel_rader(sokvag, inst.blad)
        rubriker: list[str] | None = None
        for nr, rad in rader:
            if nr == inst.rubrikrad:
                rubriker = rad
                break
        if rubriker is None:
            raise Filfel(f"Bladet ”{inst.blad}” har färre än {inst.rubrikrad} rader.")
        while rubriker and not rubriker[-1].strip():
            rubriker = rubriker[:-1]
        kolumner = _unika_namn(rubriker)
        bredd = len(kolumner)

        def excel_delar() -> Iterator[pd.DataFrame]:
            nummer: list[int] = []
            celler: list[list[str]] = []
            for nr, rad in rader:
                rad = (rad + [""] * bredd)[:bredd]
                if not any(c.strip() for c in rad):
                    continue
                nummer.append(nr)
                celler.append(rad)
                if len(celler) >= rader_per_del:
                    yield pd.DataFrame(celler, index=nummer, columns=kolumner, dtype=str)
                    nummer, celler = [], []
            if celler:
                yield pd.DataFrame(celler, index=nummer, columns=kolumner, dtype=str)

        return kolumner, excel_delar()

    kolumner = _text_rubriker(sokvag, inst)

    def text_delar() -> Iterator[pd.DataFrame]:
        forsta = inst.rubrikrad + 1
        try:
            lasare = pd.read_csv(
                sokvag,
                sep=inst.separator,
                encoding=inst.kodning,
                encoding_errors="replace",
                header=None,
                names=kolumner,
                index_col=False,
                skiprows=inst.rubrikrad,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                chunksize=rader_per_del,
                engine="c",
            )
            for del_ in lasare:
                del_.index = del_.index + forsta
                del_ = del_.fillna("")
                yield del_[(del_ != "").any(axis=1)]
        except pd.errors.ParserError as fel:
            traff = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(fel))
            if traff:
                vantat, rad, sag = traff.groups()
                raise Filfel(
                    f"Rad {rad} har "
                    f"{sag} fält men rubrikraden har {vantat}. Kontrollera avgränsaren och "
                    "citattecknen."
                ) from fel
            raise Filfel(f"Filen kunde inte läsas som text: {fel}") from fel
        except pd.errors.EmptyDataError:
            return

    return kolumner, text_delar()


@dataclass
class Forhandsvisning:
    installningar: Filinstallningar
    kolumner: list[str]
    rader: list[tuple[int, list[str]]]
    antal_rader: int
    blad: list[str] = field(default_factory=list)


def forhandsvisa(
    *, sokvag: Path, installningar: Filinstallningar, antal: int = 10
) -> Forhandsvisning:
    """The column names and the first rows, as the user will map them."""
    kolumner, delar = _delar(sokvag, installningar, rader_per_del=antal)
    forsta = next(delar, None)
    rader = (
        []
        if forsta is None
        else [
            (int(nr), list(rad))
            for nr, rad in zip(forsta.index, forsta.to_numpy().tolist(), strict=True)
        ]
    )
    return Forhandsvisning(
        installningar=installningar,
        kolumner=kolumner,
        rader=rader[:antal],
        antal_rader=_rader_i_fil(sokvag, installningar),
        blad=excel_blad(sokvag) if installningar.typ == "excel" else [],
    )


# --------------------------------------------------------------------------------------
# What the columns mean


FORMAT = {
    "lang": "Lång: en rad per värde",
    "bred": "Bred: en kolumn per år eller period (som PX-Webb)",
}
INDIKATORSATT = {
    "kolumn": "En kolumn anger indikatorn (kod eller namn)",
    "fast": "Hela filen gäller en indikator",
    "per_kolumn": "Varje värdekolumn är en egen indikator",
}
KOLUMNROLLER = {
    "indikator_kolumn": "indikator",
    "omrade_kolumn": "område",
    "period_kolumn": "period",
    "kon_kolumn": "kön",
    "kategori_kolumn": "kategori",
    "varde_kolumn": "värde",
    "antal_kolumn": "antal",
    "namnare_kolumn": "nämnare",
    "ki_lag_kolumn": "konfidensintervall, nedre",
    "ki_hog_kolumn": "konfidensintervall, övre",
    "ki_text_kolumn": "konfidensintervall",
}


@dataclass
class Mappning:
    """Which column is what. Saved on the upload and, by name, as an Importmall."""

    format: str = "lang"
    indikator_satt: str = "kolumn"
    indikator_kolumn: str = ""
    indikator_kod: str = ""  # the one indicator of the whole file
    indikator_per_kolumn: dict[str, str] = field(default_factory=dict)  # column -> kod
    omrade_kolumn: str = ""
    period_kolumn: str = ""
    period_kolumner: list[str] = field(default_factory=list)  # wide: one column per period
    kon_kolumn: str = ""
    kon_koder: dict[str, str] = field(default_factory=dict)  # code in the file -> T/K/M
    dimension: str = ""
    kategori_kolumn: str = ""
    varde_kolumn: str = ""
    antal_kolumn: str = ""
    namnare_kolumn: str = ""
    ki_lag_kolumn: str = ""
    ki_hog_kolumn: str = ""
    ki_text_kolumn: str = ""

    def som_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def fran_dict(cls, data: dict[str, Any] | None) -> Mappning:
        data = data or {}
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def fel(self, kolumner: list[str]) -> dict[str, str]:
        """What is wrong with the mapping for a file with these columns: field -> message."""
        fel: dict[str, str] = {}
        finns = set(kolumner)
        for falt in KOLUMNROLLER:
            kolumn = getattr(self, falt)
            if kolumn and kolumn not in finns:
                fel[falt] = f"Kolumnen ”{kolumn}” finns inte i filen."
        if not self.omrade_kolumn:
            fel.setdefault("omrade_kolumn", "Välj kolumnen med område.")
        if self.indikator_satt == "kolumn" and not self.indikator_kolumn:
            fel.setdefault("indikator_kolumn", "Välj kolumnen som anger indikatorn.")
        if self.indikator_satt == "fast" and not self.indikator_kod:
            fel.setdefault("indikator_kod", "Välj vilken indikator filen gäller.")
        if self.indikator_satt == "per_kolumn":
            if self.format == "bred":
                fel["indikator_satt"] = (
                    "En bred tabell har en kolumn per period: välj en kolumn med indikatorn "
                    "eller en indikator för hela filen."
                )
            elif not self.indikator_per_kolumn:
                fel["indikator_satt"] = "Välj en indikator för minst en värdekolumn."
            saknade = [k for k in self.indikator_per_kolumn if k not in finns]
            if saknade:
                fel["indikator_satt"] = f"Kolumnen ”{saknade[0]}” finns inte i filen."
            for falt in (
                "antal_kolumn",
                "namnare_kolumn",
                "ki_lag_kolumn",
                "ki_hog_kolumn",
                "ki_text_kolumn",
            ):
                if getattr(self, falt):
                    fel.setdefault(
                        falt,
                        "Antal, nämnare och konfidensintervall går bara att läsa när alla "
                        "värden står i en kolumn.",
                    )
        if self.format == "bred":
            if not self.period_kolumner:
                fel["period_kolumner"] = (
                    "Välj kolumnerna som har ett år eller en period som rubrik."
                )
            for kolumn in self.period_kolumner:
                if kolumn not in finns:
                    fel["period_kolumner"] = f"Kolumnen ”{kolumn}” finns inte i filen."
                elif tolka_period(kolumn) is None:
                    fel["period_kolumner"] = (
                        f"Rubriken ”{kolumn}” är inte ett år eller en period (t.ex. 2024 eller "
                        "2019-2022)."
                    )
            for falt in (
                "varde_kolumn",
                "antal_kolumn",
                "namnare_kolumn",
                "ki_lag_kolumn",
                "ki_hog_kolumn",
                "ki_text_kolumn",
            ):
                if getattr(self, falt):
                    fel.setdefault(falt, "I en bred tabell står värdena i periodkolumnerna.")
        else:
            if not self.period_kolumn:
                fel.setdefault("period_kolumn", "Välj kolumnen med år eller period.")
            if self.indikator_satt != "per_kolumn" and not self.varde_kolumn:
                fel.setdefault("varde_kolumn", "Välj kolumnen med värdet.")
        if bool(self.dimension) != bool(self.kategori_kolumn):
            if self.dimension:
                fel.setdefault("kategori_kolumn", "Välj kolumnen med kategorin för uppdelningen.")
            else:
                fel.setdefault("dimension", "Skriv vad uppdelningen heter, t.ex. Ålder.")
        if self.ki_text_kolumn and (self.ki_lag_kolumn or self.ki_hog_kolumn):
            fel.setdefault(
                "ki_text_kolumn",
                "Välj antingen en kolumn med hela intervallet eller två kolumner med gränserna.",
            )
        if bool(self.ki_lag_kolumn) != bool(self.ki_hog_kolumn):
            falt = "ki_hog_kolumn" if self.ki_lag_kolumn else "ki_lag_kolumn"
            fel.setdefault(falt, "Välj båda gränserna för konfidensintervallet.")
        anvanda: dict[str, str] = {}
        for falt in KOLUMNROLLER:
            kolumn = getattr(self, falt)
            if not kolumn:
                continue
            if kolumn in anvanda:
                fel.setdefault(
                    falt,
                    f"Kolumnen ”{kolumn}” är redan vald som {KOLUMNROLLER[anvanda[kolumn]]}.",
                )
            anvanda[kolumn] = falt
        koder = [k.strip() for k in self.kon_koder if k.strip()]
        if len(set(koder)) != len(koder):
            fel.setdefault("kon_koder", "Samma kod kan inte betyda två kön.")
        return fel


HUVUDORD = {
    "indikator_kolumn": ["kpi", "indikator", "indicator", "nyckeltal", "tabellinnehåll", "mått"],
    "omrade_kolumn": [
        "municipality_id",
        "områdeskod",
        "omradeskod",
        "regionkod",
        "länskod",
        "kommunkod",
        "region",
        "område",
        "omrade",
        "län",
        "kommun",
        "municipality",
        "geografi",
        "area",
    ],
    "period_kolumn": ["year", "år", "period", "årtal", "tid", "time"],
    "kon_kolumn": ["gender", "kön", "kon", "sex"],
    "varde_kolumn": ["value", "värde", "varde"],
    "antal_kolumn": ["count", "antal", "täljare"],
    "namnare_kolumn": ["denominator", "nämnare", "namnare", "population"],
    "ki_lag_kolumn": ["ki nedre", "ki_lag", "ki låg", "nedre gräns", "lower", "ci_low"],
    "ki_hog_kolumn": ["ki övre", "ki_hog", "ki hög", "övre gräns", "upper", "ci_high"],
    "ki_text_kolumn": ["konfidensintervall", "ki", "95 % ki", "ki 95 %", "ci"],
}


def foresla_mappning(*, forhandsvisning: Forhandsvisning) -> Mappning:
    """A first guess from the column names and the first rows; the user checks it."""
    kolumner = forhandsvisning.kolumner
    m = Mappning()
    normal = {k: _normalisera(k) for k in kolumner}
    tagna: set[str] = set()
    for falt, ord_ in HUVUDORD.items():
        for ordet in ord_:
            traff = next((k for k in kolumner if normal[k] == ordet and k not in tagna), None)
            if traff:
                setattr(m, falt, traff)
                tagna.add(traff)
                break
    perioder = [k for k in kolumner if k not in tagna and tolka_period(k) is not None]
    if len(perioder) >= 2 and not m.varde_kolumn:
        m.format = "bred"
        m.period_kolumner = perioder
        m.period_kolumn = ""
        tagna.update(perioder)
    exempel = pd.DataFrame([r for _, r in forhandsvisning.rader], columns=kolumner, dtype=str)
    if m.format == "lang" and not m.varde_kolumn:
        numeriska = [
            k
            for k in kolumner
            if k not in tagna
            and len(exempel)
            and _tal(exempel[k], forhandsvisning.installningar.decimaltecken)[1].sum() == 0
            and (exempel[k].str.strip() != "").any()
        ]
        if len(numeriska) == 1:
            m.varde_kolumn = numeriska[0]
        elif len(numeriska) > 1 and not m.indikator_kolumn:
            m.indikator_satt = "per_kolumn"
            indikatorer = Indikatoruppslag.bygg()
            m.indikator_per_kolumn = {
                k: kod for k in numeriska if (kod := indikatorer.kod_for(k)) is not None
            }
    if not m.indikator_kolumn and m.indikator_satt == "kolumn":
        m.indikator_satt = "fast"
        if m.varde_kolumn:
            m.indikator_kod = Indikatoruppslag.bygg().kod_for(m.varde_kolumn) or ""
    return m


# --------------------------------------------------------------------------------------
# Resolving text to areas, periods, sexes, indicators


def _normalisera(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


RIKSKODER = {"0", "00", "000", "0000", "46", "se"}
RIKSNAMN = {"riket", "sverige", "hela riket", "hela landet", "sweden", "totalt riket"}
RX_KOD_NAMN = re.compile(r"^(\d{1,4})(?:\s+(.+))?$")


class Omradesuppslag:
    """Area by SCB code, Kolada id or name: code first, then name, in falling certainty."""

    def __init__(self, omraden: list[dict[str, Any]]) -> None:
        self.kod: dict[str, int] = {}
        self.riket: int | None = None
        niva: list[dict[str, int | None]] = [{}, {}, {}]

        def lagg(nivan: int, namn: str, pk: int) -> None:
            nyckel = _normalisera(namn)
            if not nyckel:
                return
            tidigare = niva[nivan].get(nyckel, pk)
            niva[nivan][nyckel] = pk if tidigare == pk else None  # None: ambiguous

        for o in omraden:
            self.kod[o["scb_kod"].casefold()] = o["id"]
            if o["kolada_id"]:
                self.kod.setdefault(o["kolada_id"].casefold(), o["id"])
            lagg(0, o["namn"], o["id"])
            if o["typ"] == Omrade.Typ.RIKET:
                self.riket = o["id"]
                for namn in RIKSNAMN:
                    lagg(1, namn, o["id"])
            elif o["typ"] == Omrade.Typ.REGION:
                for namn in _regionnamn(o["namn"], o["lan"]):
                    lagg(1 if namn == o["lan"] else 2, namn, o["id"])
            elif o["typ"] == Omrade.Typ.KOMMUN:
                lagg(1, f"{o['namn']} kommun", o["id"])
                lagg(1, f"{o['namn']}s kommun", o["id"])
        self.niva = niva

    @classmethod
    def bygg(cls) -> Omradesuppslag:
        return cls(list(Omrade.objects.values("id", "typ", "scb_kod", "kolada_id", "namn", "lan")))

    def _via_kod(self, kod: str) -> int | None:
        kod = kod.casefold()
        if kod in self.kod:
            return self.kod[kod]
        if kod in RIKSKODER:
            return self.riket
        if kod.isdigit() and len(kod) in (1, 3):  # leading zero lost, e.g. in Excel
            return self.kod.get("0" + kod)
        return None

    def _via_namn(self, namn: str) -> int | None | str:
        nyckel = _normalisera(namn)
        for nivan in self.niva:
            if nyckel in nivan:
                return nivan[nyckel] if nivan[nyckel] is not None else "flera"
        return None

    def hitta(self, text: str) -> int | None | str:
        """The area's id, None if unknown, or "flera" if the name fits several areas."""
        text = text.strip()
        if not text:
            return None
        traff = RX_KOD_NAMN.match(text)
        if traff:
            pk = self._via_kod(traff.group(1))
            if pk is not None:
                return pk
            return self._via_namn(traff.group(2)) if traff.group(2) else None
        pk = self._via_kod(text) if " " not in text else None
        return pk if pk is not None else self._via_namn(text)


def _regionnamn(namn: str, lan: str) -> list[str]:
    """The ways a region is written: "Region Kalmar län", "Region Kalmar", "Kalmar län"…"""
    namn_ = [namn, lan]
    if namn.endswith(" län"):
        namn_.append(namn.removesuffix(" län"))
    if lan.endswith(" län"):
        bas = lan.removesuffix(" län")
        if bas.endswith("s"):
            bas = bas[:-1]
        namn_ += [f"Region {bas}", f"{bas} län", f"{lan}s landsting", f"Landstinget {bas}", bas]
        if namn.endswith("regionen"):
            namn_.append(f"Region {bas}")
    return [n for n in namn_ if n]


class Indikatoruppslag:
    """Indicator by code, then name, then source reference (all case-insensitive)."""

    def __init__(self, indikatorer: list[dict[str, Any]]) -> None:
        self.id: dict[str, int] = {}
        self.kod: dict[int, str] = {}
        for i in indikatorer:
            self.kod[i["id"]] = i["kod"]
        for falt in ("kallreferens", "namn", "kod"):  # later fields win
            for i in indikatorer:
                if i[falt]:
                    self.id[_normalisera(i[falt])] = i["id"]

    @classmethod
    def bygg(cls) -> Indikatoruppslag:
        return cls(list(Indikator.objects.values("id", "kod", "namn", "kallreferens")))

    def hitta(self, text: str) -> int | None:
        return self.id.get(_normalisera(text))

    def kod_for(self, text: str) -> str | None:
        pk = self.hitta(text)
        return self.kod[pk] if pk is not None else None


RX_AR = re.compile(r"^(\d{4})(?:\.0+)?$")
RX_INTERVALL = re.compile(r"^(\d{4})\s*(?:-|–|—|/)\s*(\d{4})$")
RX_KVARTAL = re.compile(r"^(\d{4})\s*[KQ]([1-4])$", re.IGNORECASE)


def tolka_period(text: str) -> tuple[dt.date, dt.date, str] | None:
    """A year ("2024"), a range ("2019-2022" → 2019-01-01…2022-12-31, "2019–2022") or a
    quarter ("2024K1")."""
    text = str(text).strip()
    if traff := RX_AR.match(text):
        ar = int(traff.group(1))
        if 1900 <= ar <= 2100:
            return dt.date(ar, 1, 1), dt.date(ar, 12, 31), str(ar)
    elif traff := RX_INTERVALL.match(text):
        fran, till = int(traff.group(1)), int(traff.group(2))
        if 1900 <= fran <= till <= 2100:
            etikett = str(fran) if fran == till else f"{fran}–{till}"
            return dt.date(fran, 1, 1), dt.date(till, 12, 31), etikett
    elif traff := RX_KVARTAL.match(text):
        ar, kvartal = int(traff.group(1)), int(traff.group(2))
        if 1900 <= ar <= 2100:
            start = dt.date(ar, 3 * kvartal - 2, 1)
            slut = dt.date(ar + (kvartal == 4), (3 * kvartal) % 12 + 1, 1) - dt.timedelta(days=1)
            return start, slut, f"{ar} K{kvartal}"
    return None


KONSORD = {
    Kon.TOTALT: [
        "t",
        "tot",
        "totalt",
        "total",
        "alla",
        "samtliga",
        "båda könen",
        "kvinnor och män",
        "män och kvinnor",
        "both sexes",
    ],
    Kon.KVINNOR: ["k", "kv", "kvinna", "kvinnor", "flickor", "female", "women"],
    Kon.MAN: ["m", "man", "män", "pojkar", "male", "men"],
}


def konsuppslag(koder: dict[str, str] | None = None) -> dict[str, str]:
    """Normalised text -> T/K/M: the user's codes first, then the usual words."""
    uppslag = {ord_: str(kon) for kon, orden in KONSORD.items() for ord_ in orden}
    for kod, kon in (koder or {}).items():
        if kod.strip():
            uppslag[_normalisera(kod)] = kon
    return uppslag


# --------------------------------------------------------------------------------------
# Parsing and validation


@dataclass(frozen=True)
class Radfel:
    rad: int
    kolumn: str
    fel: str


class Importfel(Exception):
    """The file has errors: nothing was written."""

    def __init__(self, fel: list[Radfel], antal: int, filnamn: str = "", lank: str = "") -> None:
        self.fel, self.antal, self.filnamn, self.lank = fel, antal, filnamn, lank
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"inget importerades: {self.filnamn or 'filen'} har {tusental(self.antal)} fel"
        if self.fel:
            forsta = self.fel[0]
            text += f" (första: rad {forsta.rad}"
            text += f", kolumn ”{forsta.kolumn}”" if forsta.kolumn else ""
            text += f": {forsta.fel})"
        text += "."
        if self.lank:
            text += f" Alla fel visas på {self.lank}"
        return text[0].upper() + text[1:]


@dataclass
class Kontroll:
    """The outcome of reading and validating a whole file."""

    varden: pd.DataFrame  # one row per value; period, sex and category as codes
    perioder: list[tuple[dt.date, dt.date, str]]  # period code n is perioder[n - 1]
    kategorier: list[str]  # likewise for the category codes (0: no breakdown)
    dimension: str | None
    fel: list[Radfel]
    antal_fel: int
    okanda_indikatorer: list[str]
    antal_rader: int

    @property
    def ar_giltig(self) -> bool:
        return self.antal_fel == 0


class _Felsamling:
    def __init__(self) -> None:
        self.fel: list[Radfel] = []
        self.antal = 0
        self.okanda_indikatorer: Counter[str] = Counter()

    def lagg_till(
        self,
        mask: pd.Series,
        rader: pd.Series,
        kolumn: str | pd.Series,
        text: Callable[[str], str],
        varden: pd.Series | None = None,
    ) -> None:
        antal = int(mask.sum())
        if not antal:
            return
        self.antal += antal
        index = mask[mask].index[:MAX_FEL]
        for pk in index:
            kol = kolumn if isinstance(kolumn, str) else str(kolumn.at[pk])
            varde = "" if varden is None else str(varden.at[pk]).strip()
            self.fel.append(Radfel(int(rader.at[pk]), kol, text(varde)))

    def sorterade(self) -> list[Radfel]:
        return sorted(self.fel, key=lambda f: (f.rad, f.kolumn))[:MAX_FEL]


def _tal(ratt: pd.Series, decimaltecken: str) -> tuple[pd.Series, pd.Series]:
    """Numbers from text: (float values with NaN for missing, mask of unreadable cells)."""
    text = ratt.str.strip()
    saknas = text.isin(SAKNAS)
    if decimaltecken == ",":
        text = text.str.replace(",", ".", regex=False)
    tal = pd.to_numeric(text, errors="coerce").astype("float64")
    fel = tal.isna() & ~saknas
    if fel.any():
        # Second try for the few: thousands written with spaces ("1 234,5").
        andra = pd.to_numeric(
            text[fel].str.replace(r"[\s\u00a0\u202f]", "", regex=True), errors="coerce"
        ).astype("float64")
        tal.loc[fel] = andra
        fel = tal.isna() & ~saknas
    oandliga = np.isinf(tal.to_numpy())
    if oandliga.any():
        fel = fel | pd.Series(oandliga, index=tal.index)
        tal = tal.where(~pd.Series(oandliga, index=tal.index))
    return tal.where(~fel), fel


RX_KI = r"^\s*[\(\[]?\s*(-?\d+(?:[.,]\d+)?)\s*(?:-|–|—|till|to)\s*(-?\d+(?:[.,]\d+)?)\s*[\)\]]?\s*\**\s*$"


def _konfidensintervall(ratt: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """ "57.9 - 66.7  *" → (57.9, 66.7); the asterisk (significant difference) is dropped."""
    text = ratt.str.strip()
    saknas = text.isin(SAKNAS)
    delar = text.str.extract(RX_KI)
    lag = pd.to_numeric(delar[0].str.replace(",", ".", regex=False), errors="coerce").astype(
        "float64"
    )
    hog = pd.to_numeric(delar[1].str.replace(",", ".", regex=False), errors="coerce").astype(
        "float64"
    )
    fel = (lag.isna() | hog.isna()) & ~saknas
    return lag.where(~fel), hog.where(~fel), fel


KONKODER = {str(Kon.TOTALT): 1, str(Kon.KVINNOR): 2, str(Kon.MAN): 3}
SAKNAS_KOD, OKAND_KOD, FLERA_KOD = -2, -1, -3


class _Tolkare:
    """Turns parts of a file into typed value rows, collecting every error.

    Each distinct text of a column (area, period, sex, indicator, category) is resolved once
    in Python; pandas' factorize maps the answers onto all rows. Periods, sexes and categories
    become small integer codes, so the rows are fixed-width numbers all the way to COPY."""

    def __init__(self, mappning: Mappning, installningar: Filinstallningar) -> None:
        self.m = mappning
        self.decimaltecken = installningar.decimaltecken if installningar.typ == "text" else ","
        self.omraden = Omradesuppslag.bygg()
        self.indikatorer = Indikatoruppslag.bygg()
        self.kon = konsuppslag(mappning.kon_koder)
        self.perioder: list[tuple[dt.date, dt.date, str]] = []  # code n is perioder[n - 1]
        self.kategorier: list[str] = []  # likewise
        self.cache: dict[str, dict[str, int]] = {
            "ind": {},
            "omr": {},
            "per": {},
            "kon": {},
            "kat": {},
        }
        self.fel = _Felsamling()

    def _lang(self, del_: pd.DataFrame) -> pd.DataFrame:
        """The part as one row per value: rad, vkol (the value's column), ind, per, varde…"""
        m = self.m
        gemensamt: dict[str, Any] = {"rad": del_.index.to_numpy()}
        gemensamt["omr"] = del_[m.omrade_kolumn].to_numpy()
        if m.kon_kolumn:
            gemensamt["kon"] = del_[m.kon_kolumn].to_numpy()
        if m.kategori_kolumn:
            gemensamt["kat"] = del_[m.kategori_kolumn].to_numpy()
        if m.indikator_satt == "kolumn":
            gemensamt["ind"] = del_[m.indikator_kolumn].to_numpy()
        elif m.indikator_satt == "fast":
            gemensamt["ind"] = m.indikator_kod
        bitar = []
        if m.format == "bred":
            for kolumn in m.period_kolumner:
                bitar.append(
                    pd.DataFrame(
                        {
                            **gemensamt,
                            "vkol": kolumn,
                            "per": kolumn,
                            "varde": del_[kolumn].to_numpy(),
                        }
                    )
                )
        elif m.indikator_satt == "per_kolumn":
            for kolumn, kod in m.indikator_per_kolumn.items():
                bitar.append(
                    pd.DataFrame(
                        {
                            **gemensamt,
                            "ind": kod,
                            "vkol": kolumn,
                            "per": del_[m.period_kolumn].to_numpy(),
                            "varde": del_[kolumn].to_numpy(),
                        }
                    )
                )
        else:
            extra = {
                namn: del_[getattr(m, f"{namn}_kolumn")].to_numpy()
                for namn in ("antal", "namnare", "ki_lag", "ki_hog", "ki_text")
                if getattr(m, f"{namn}_kolumn")
            }
            bitar.append(
                pd.DataFrame(
                    {
                        **gemensamt,
                        **extra,
                        "vkol": m.varde_kolumn,
                        "per": del_[m.period_kolumn].to_numpy(),
                        "varde": del_[m.varde_kolumn].to_numpy(),
                    }
                )
            )
        lang = pd.concat(bitar, ignore_index=True) if len(bitar) > 1 else bitar[0]
        for kolumn in lang.columns:
            if kolumn not in ("rad", "vkol") and lang[kolumn].dtype != "str":
                lang[kolumn] = lang[kolumn].astype("str")
        return lang

    def _koder(self, serie: pd.Series, falt: str, funktion: Callable[[str], int]) -> pd.Series:
        """`funktion` applied to each distinct text once, spread over the rows as integers."""
        cache = self.cache[falt]
        rader, unika = pd.factorize(serie)
        svar = np.empty(len(unika), dtype="int64")
        for nr, text in enumerate(unika):
            if text not in cache:
                cache[text] = SAKNAS_KOD if not str(text).strip() else funktion(str(text))
            svar[nr] = cache[text]
        return pd.Series(svar[rader], index=serie.index)

    def _indikator(self, text: str) -> int:
        pk = self.indikatorer.hitta(text)
        return OKAND_KOD if pk is None else pk

    def _omrade(self, text: str) -> int:
        svar = self.omraden.hitta(text)
        return FLERA_KOD if svar == "flera" else OKAND_KOD if svar is None else int(svar)

    def _period(self, text: str) -> int:
        tolkad = tolka_period(text)
        if tolkad is None:
            return OKAND_KOD
        if tolkad not in self.perioder:
            self.perioder.append(tolkad)
        return self.perioder.index(tolkad) + 1

    def _kon(self, text: str) -> int:
        kon = self.kon.get(_normalisera(text))
        return OKAND_KOD if kon is None else KONKODER[kon]

    def _kategori(self, text: str) -> int:
        text = " ".join(text.split())
        if len(text) > 80:
            return OKAND_KOD
        if text not in self.kategorier:
            self.kategorier.append(text)
        return self.kategorier.index(text) + 1

    def tolka(self, del_: pd.DataFrame) -> pd.DataFrame:
        m, fel = self.m, self.fel
        L = self._lang(del_)
        rad = L["rad"]

        ind = self._koder(L["ind"], "ind", self._indikator)
        kolumn = m.indikator_kolumn or L["vkol"]
        fel.lagg_till(ind == SAKNAS_KOD, rad, kolumn, lambda _v: "Indikatorn saknas.")
        okand = ind == OKAND_KOD
        fel.lagg_till(
            okand,
            rad,
            kolumn,
            lambda v: f"Okänd indikator ”{v}”: skapa den på importsidan eller välj en annan.",
            L["ind"],
        )
        if okand.any():
            for text in L.loc[okand, "ind"].unique():
                fel.okanda_indikatorer[str(text).strip()] += int((L["ind"] == text).sum())

        omr = self._koder(L["omr"], "omr", self._omrade)
        fel.lagg_till(omr == SAKNAS_KOD, rad, m.omrade_kolumn, lambda _v: "Området saknas.")
        fel.lagg_till(
            omr == FLERA_KOD,
            rad,
            m.omrade_kolumn,
            lambda v: f"”{v}” passar flera områden: ange koden i stället.",
            L["omr"],
        )
        fel.lagg_till(
            omr == OKAND_KOD,
            rad,
            m.omrade_kolumn,
            lambda v: f"Okänt område ”{v}”: ingen kod eller inget namn stämmer.",
            L["omr"],
        )

        pkod = self._koder(L["per"], "per", self._period)
        kolumn = m.period_kolumn or L["vkol"]
        fel.lagg_till(pkod == SAKNAS_KOD, rad, kolumn, lambda _v: "Perioden saknas.")
        fel.lagg_till(
            pkod == OKAND_KOD,
            rad,
            kolumn,
            lambda v: f"”{v}” är inte ett år eller en period (t.ex. 2024 eller 2019-2022).",
            L["per"],
        )

        if "kon" in L:
            konkod = self._koder(L["kon"], "kon", self._kon)
            fel.lagg_till(
                konkod < 0,
                rad,
                m.kon_kolumn,
                lambda v: (
                    (
                        f"Okänt kön ”{v}”: använd T/K/M, Totalt/Kvinnor/Män, eller ange vad "
                        "filens koder betyder under Kön."
                    )
                    if v
                    else "Könet saknas."
                ),
                L["kon"],
            )
        else:
            konkod = pd.Series(KONKODER[str(Kon.TOTALT)], index=L.index)

        if "kat" in L:
            katkod = self._koder(L["kat"], "kat", self._kategori)
            fel.lagg_till(
                katkod == SAKNAS_KOD,
                rad,
                m.kategori_kolumn,
                lambda _v: "Kategorin för uppdelningen saknas.",
            )
            fel.lagg_till(
                katkod == OKAND_KOD,
                rad,
                m.kategori_kolumn,
                lambda _v: "Kategorin är längre än 80 tecken.",
            )
        else:
            katkod = pd.Series(0, index=L.index)

        tal: dict[str, pd.Series] = {}
        olasligt = pd.Series(False, index=L.index)
        for namn, kolumn in (
            ("varde", L["vkol"]),
            ("antal", m.antal_kolumn),
            ("namnare", m.namnare_kolumn),
            ("ki_lag", m.ki_lag_kolumn),
            ("ki_hog", m.ki_hog_kolumn),
        ):
            if namn not in L:
                tal[namn] = pd.Series(np.nan, index=L.index)
                continue
            varden, olasbara = _tal(L[namn], self.decimaltecken)
            fel.lagg_till(
                olasbara,
                rad,
                kolumn,
                lambda v: (
                    f"”{v}” är inte ett tal"
                    + (
                        " (decimaltecknet är satt till punkt)."
                        if "," in v and self.decimaltecken == "."
                        else "."
                    )
                ),
                L[namn],
            )
            olasligt |= olasbara
            tal[namn] = varden
        if "ki_text" in L:
            lag, hog, olasbara = _konfidensintervall(L["ki_text"])
            fel.lagg_till(
                olasbara,
                rad,
                m.ki_text_kolumn,
                lambda v: f"”{v}” är inte ett konfidensintervall som ”57,9 - 66,7”.",
                L["ki_text"],
            )
            olasligt |= olasbara
            tal["ki_lag"], tal["ki_hog"] = lag, hog
        omvant = tal["ki_lag"] > tal["ki_hog"]
        if omvant.any():
            kolumn = m.ki_text_kolumn or m.ki_lag_kolumn
            fel.fel.extend(
                Radfel(
                    int(rad.at[pk]),
                    kolumn,
                    f"Konfidensintervallets nedre gräns ({_svenskt(tal['ki_lag'].at[pk])}) är "
                    f"större än den övre ({_svenskt(tal['ki_hog'].at[pk])}).",
                )
                for pk in omvant[omvant].index[:MAX_FEL]
            )
            fel.antal += int(omvant.sum())

        ok = (ind > 0) & (omr > 0) & (pkod > 0) & (konkod > 0) & (katkod >= 0) & ~olasligt & ~omvant
        ut = pd.DataFrame(
            {
                "rad": rad.astype("int64"),
                "vkol": L["vkol"],
                "indikator_id": ind,
                "omrade_id": omr,
                "pkod": pkod.astype("int32"),
                "konkod": konkod.astype("int32"),
                "katkod": katkod.astype("int32"),
                **tal,
            }
        )
        return ut[ok]


NYCKEL = ["indikator_id", "omrade_id", "pkod", "konkod", "katkod"]


def kontrollera(
    *,
    sokvag: Path,
    installningar: Filinstallningar,
    mappning: Mappning,
    rapportera: Rapportera = ingen_rapport,
) -> Kontroll:
    """Read and validate every row of the file. Writes nothing."""
    tolkare = _Tolkare(mappning, installningar)
    kolumner, delar = _delar(sokvag, installningar)
    mappningsfel = mappning.fel(kolumner)
    if mappningsfel:
        raise Filfel("Mappningen stämmer inte med filen: " + " ".join(mappningsfel.values()))
    totalt = _rader_i_fil(sokvag, installningar)
    rapportera(0, totalt, "Läser och kontrollerar raderna …")
    resultat: list[pd.DataFrame] = []
    lasta = 0
    for del_ in delar:
        resultat.append(tolkare.tolka(del_))
        lasta = int(del_.index[-1]) - installningar.rubrikrad if len(del_) else lasta
        rapportera(min(lasta, totalt), totalt, "Läser och kontrollerar raderna …")
    varden = (
        pd.concat(resultat, ignore_index=True)
        if resultat
        else pd.DataFrame(columns=["rad", "vkol", *NYCKEL])
    )
    fel = tolkare.fel
    if len(varden):
        dubbletter = varden.duplicated(subset=NYCKEL, keep=False)
        if dubbletter.any():
            alla = varden[dubbletter]
            forsta = alla.groupby(NYCKEL, sort=False)["rad"].transform("min")
            senare = alla["rad"] != forsta
            fel.antal += int(senare.sum())
            for pk in senare[senare].index[:MAX_FEL]:
                fel.fel.append(
                    Radfel(
                        int(alla.at[pk, "rad"]),
                        str(alla.at[pk, "vkol"]),
                        "Samma indikator, område, period, kön och kategori som på rad "
                        f"{int(forsta.at[pk])}: värdet finns två gånger i filen.",
                    )
                )
    if not len(varden) and not fel.antal:
        fel.antal = 1
        fel.fel.append(
            Radfel(installningar.rubrikrad + 1, "", "Filen har inga värden under rubrikraden.")
        )
    return Kontroll(
        varden=varden,
        perioder=tolkare.perioder,
        kategorier=tolkare.kategorier,
        dimension=(mappning.dimension.strip() or None) if mappning.kategori_kolumn else None,
        fel=fel.sorterade(),
        antal_fel=fel.antal,
        okanda_indikatorer=[t for t, _ in fel.okanda_indikatorer.most_common()],
        antal_rader=totalt,
    )


# --------------------------------------------------------------------------------------
# Writing and undoing


@dataclass
class Importresultat:
    batch: Importbatch
    antal: int
    nya: int
    ersatta: int

    @property
    def oforandrade(self) -> int:
        return self.antal - self.nya - self.ersatta

    @property
    def meddelande(self) -> str:
        text = (
            f"{tusental(self.antal)} värden importerade ({tusental(self.nya)} nya, "
            f"{tusental(self.ersatta)} ersatta"
        )
        if self.oforandrade:
            text += f", {tusental(self.oforandrade)} oförändrade"
        return (
            f"{text}) från {self.batch.filnamn}. Importen finns under Behov → Importera data "
            "(/behov/import/), där den kan ångras."
        )


STAGING = "behov_importrader"
KOLUMNER = [
    "indikator_id",
    "omrade_id",
    "period_start",
    "period_slut",
    "period",
    "kon",
    "dimension",
    "kategori",
    "varde",
    "antal",
    "namnare",
    "ki_lag",
    "ki_hog",
]
VARDEKOLUMNER = ["varde", "antal", "namnare", "ki_lag", "ki_hog", "period"]
TAL = ["varde", "antal", "namnare", "ki_lag", "ki_hog"]

# One staged row in PostgreSQL's binary COPY format: a field count, then length and value of
# each field, big-endian. Every field has a fixed width (codes, ids, floats with NaN for a
# missing value), so numpy builds a whole block at once instead of formatting text per value.
_RADFORMAT = np.dtype(
    [("antal_falt", ">i2")]
    + [
        item
        for namn, typ in [
            ("indikator_id", ">i8"),
            ("omrade_id", ">i8"),
            ("pkod", ">i4"),
            ("konkod", ">i4"),
            ("katkod", ">i4"),
            *[(t, ">f8") for t in TAL],
        ]
        for item in ((f"langd_{namn}", ">i4"), (namn, typ))
    ]
)
_BINAR_BORJAN = b"PGCOPY\n\xff\r\n\0" + b"\0" * 8
_BINAR_SLUT = b"\xff\xff"


def _binart(del_: pd.DataFrame) -> bytes:
    rader = np.empty(len(del_), dtype=_RADFORMAT)
    rader["antal_falt"] = 10
    for namn in _RADFORMAT.names[1:]:
        if namn.startswith("langd_"):
            rader[namn] = _RADFORMAT[namn.removeprefix("langd_")].itemsize
        else:
            rader[namn] = del_[namn].to_numpy()
    return rader.tobytes()


def _lika(a: str, b: str, kolumn: str) -> str:
    # Hashable join conditions for a nullable key part (IS NOT DISTINCT FROM can't hash).
    return (
        f"coalesce({a}.{kolumn}, '') = coalesce({b}.{kolumn}, '') "
        f"AND ({a}.{kolumn} IS NULL) = ({b}.{kolumn} IS NULL)"
    )


def _skriv(kontroll: Kontroll, batch: Importbatch) -> tuple[int, int]:
    """COPY the values into a staging table, keep the rows they replace, upsert. Returns
    (rows inserted or changed, rows replaced)."""
    varden = kontroll.varden
    with connection.cursor() as cur:
        cur.execute("SHOW work_mem")
        work_mem = cur.fetchone()[0]
        cur.execute(f"DROP TABLE IF EXISTS pg_temp.{STAGING}")
        cur.execute(
            f"""CREATE TEMP TABLE {STAGING} (
                indikator_id bigint, omrade_id bigint, pkod integer, konkod integer,
                katkod integer, {", ".join(f"{t} double precision" for t in TAL)}
            ) ON COMMIT DROP"""
        )
        with cur.cursor.copy(f"COPY {STAGING} FROM STDIN WITH (FORMAT binary)") as copy:
            copy.write(_BINAR_BORJAN)
            for borjan in range(0, len(varden), RADER_PER_COPY):
                copy.write(_binart(varden.iloc[borjan : borjan + RADER_PER_COPY]))
            copy.write(_BINAR_SLUT)
        cur.execute(f"ANALYZE {STAGING}")
        # The staged codes spelled out as behov_matvarde's columns.
        rader = f"""(SELECT r.indikator_id, r.omrade_id,
                (%(start)s::date[])[r.pkod] AS period_start,
                (%(slut)s::date[])[r.pkod] AS period_slut,
                (%(etikett)s::varchar[])[r.pkod] AS period,
                (ARRAY['T', 'K', 'M']::varchar[])[r.konkod] AS kon,
                CASE WHEN r.katkod > 0 THEN %(dimension)s::varchar END AS dimension,
                (%(kategori)s::varchar[])[NULLIF(r.katkod, 0)] AS kategori,
                {", ".join(f"NULLIF(r.{t}, 'NaN') AS {t}" for t in TAL)}
            FROM {STAGING} r) s"""
        parametrar = {
            "start": [p[0] for p in kontroll.perioder],
            "slut": [p[1] for p in kontroll.perioder],
            "etikett": [p[2] for p in kontroll.perioder],
            "dimension": kontroll.dimension,
            "kategori": kontroll.kategorier,
            "batch": batch.pk,
        }
        nyckel = " AND ".join(
            [
                f"m.{k} = s.{k}"
                for k in ("indikator_id", "omrade_id", "period_start", "period_slut", "kon")
            ]
            + [_lika("m", "s", "dimension"), _lika("m", "s", "kategori")]
        )
        skiljer = (
            f"({', '.join(f'm.{k}' for k in VARDEKOLUMNER)}) IS DISTINCT FROM "
            f"({', '.join(f's.{k}' for k in VARDEKOLUMNER)})"
        )
        # Sorts and hashes of a million rows stay in memory (only for this transaction).
        cur.execute("SELECT set_config('work_mem', '256MB', true)")
        # The replaced rows first, whole, so the batch can be undone exactly. A file of new
        # indicators (the usual first import) has nothing to replace: skip the join.
        cur.execute(
            f"""SELECT EXISTS (SELECT 1 FROM behov_matvarde WHERE indikator_id IN
                   (SELECT DISTINCT indikator_id FROM {STAGING}))"""
        )
        ersatta = 0
        if cur.fetchone()[0]:
            cur.execute(
                f"""INSERT INTO behov_ersattvarde (batch_id, matvarde_id, tidigare_batch_id,
                        {", ".join(KOLUMNER)})
                    SELECT %(batch)s, m.id, m.batch_id, {", ".join(f"m.{k}" for k in KOLUMNER)}
                    FROM {rader} JOIN behov_matvarde m ON {nyckel}
                    WHERE {skiljer}""",
                parametrar,
            )
            ersatta = cur.rowcount
        # Unchanged values are left alone (and stay with the batch that brought them). In key
        # order, so the indexes grow at their ends instead of page by random page.
        cur.execute(
            f"""INSERT INTO behov_matvarde ({", ".join(KOLUMNER)}, batch_id)
                SELECT {", ".join(f"s.{k}" for k in KOLUMNER)}, %(batch)s FROM {rader}
                ORDER BY s.indikator_id, s.omrade_id, s.period_start, s.period_slut, s.kon,
                    s.dimension, s.kategori
                ON CONFLICT ON CONSTRAINT matvarde_unik_nyckel DO UPDATE SET
                    {", ".join(f"{k} = EXCLUDED.{k}" for k in VARDEKOLUMNER)},
                    batch_id = EXCLUDED.batch_id
                WHERE ({", ".join(f"behov_matvarde.{k}" for k in VARDEKOLUMNER)})
                    IS DISTINCT FROM ({", ".join(f"EXCLUDED.{k}" for k in VARDEKOLUMNER)})""",
            parametrar,
        )
        andrade = cur.rowcount
        cur.execute(f"DROP TABLE IF EXISTS pg_temp.{STAGING}")
        cur.execute("SELECT set_config('work_mem', %s, true)", [work_mem])
    return andrade, ersatta


def importera(
    *,
    sokvag: Path,
    filnamn: str,
    installningar: Filinstallningar,
    mappning: Mappning,
    anvandare: Any = None,
    beskrivning: str = "",
    rapportera: Rapportera = ingen_rapport,
    kontroll: Kontroll | None = None,
) -> Importresultat:
    """Validate the whole file, then write it in one transaction as an Importbatch.

    Raises Importfel (nothing written) when any row is wrong, Filfel when the file can't be
    read. Re-importing a key replaces its value; the old row is kept for undo."""
    if kontroll is None:
        kontroll = kontrollera(
            sokvag=sokvag, installningar=installningar, mappning=mappning, rapportera=rapportera
        )
    if not kontroll.ar_giltig:
        raise Importfel(kontroll.fel, kontroll.antal_fel, filnamn)
    antal = len(kontroll.varden)
    rapportera(antal, antal, "Skriver värdena till databasen …")
    if not beskrivning:
        koder = Indikator.objects.filter(
            pk__in=kontroll.varden["indikator_id"].unique().tolist()
        ).values_list("namn", flat=True)
        beskrivning = "; ".join(sorted(koder))
        beskrivning = beskrivning if len(beskrivning) <= 255 else beskrivning[:254] + "…"
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORTLAS])
        batch = Importbatch(filnamn=filnamn[:255], beskrivning=beskrivning, importerad_av=anvandare)
        batch._history_user = anvandare
        batch.save()
        andrade, ersatta = _skriv(kontroll, batch)
        batch.antal_nya = andrade - ersatta
        batch.antal_ersatta = ersatta
        batch.save(update_fields=["antal_nya", "antal_ersatta"])
    return Importresultat(batch=batch, antal=antal, nya=batch.antal_nya, ersatta=ersatta)


def importera_fil(
    *, importfil: Importfil, rapportera: Rapportera = ingen_rapport
) -> Importresultat:
    """Import an uploaded file with the mapping saved on it (what the worker runs). On errors
    they are saved on the upload for the user to read, and Importfel is raised."""
    from django.urls import reverse

    lank = reverse("behov:import_fel", args=[importfil.pk])
    try:
        resultat = importera(
            sokvag=importfil.sokvag,
            filnamn=importfil.filnamn,
            installningar=Filinstallningar.fran_dict(importfil.installningar),
            mappning=Mappning.fran_dict(importfil.mappning),
            anvandare=importfil.uppladdad_av,
            rapportera=rapportera,
        )
    except Importfel as fel:
        importfil.fel = [[f.rad, f.kolumn, f.fel] for f in fel.fel]
        importfil.antal_fel = fel.antal
        importfil.save(update_fields=["fel", "antal_fel"])
        fel.filnamn, fel.lank = importfil.filnamn, lank
        raise
    except Filfel as fel:
        importfil.fel = [[0, "", str(fel)]]
        importfil.antal_fel = 1
        importfil.save(update_fields=["fel", "antal_fel"])
        raise
    importfil.fel, importfil.antal_fel, importfil.batch = [], 0, resultat.batch
    importfil.save(update_fields=["fel", "antal_fel", "batch"])
    # The values are in the database and the batch says what came from where.
    importfil.sokvag.unlink(missing_ok=True)
    return resultat


class AngraVagrad(Exception):
    """Undoing the batch was refused; nothing changed."""


def angra(*, batch: Importbatch, anvandare: Any = None) -> tuple[int, int]:
    """Undo a whole batch: delete the values it added, put back the rows it replaced.
    Returns (deleted, restored). Refused while a later batch that is not undone has replaced
    some of its values (undo that one first)."""
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORTLAS])
        batch = Importbatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status == Importbatch.Status.ANGRAD:
            raise AngraVagrad(f"Importen av {batch.filnamn} är redan ångrad.")
        senare = list(
            Importbatch.objects.filter(
                status=Importbatch.Status.GENOMFORD, ersatta_varden__tidigare_batch=batch
            )
            .distinct()
            .order_by("-importerad")
        )
        if senare:
            namn = ", ".join(f"{b.filnamn} ({b.importerad:%Y-%m-%d %H:%M})" for b in senare[:3])
            raise AngraVagrad(
                f"Importen av {batch.filnamn} kan inte ångras: en senare import har sedan "
                f"ersatt några av dess värden ({namn}). Ångra den senare importen först."
            )
        with connection.cursor() as cur:
            cur.execute(
                """DELETE FROM behov_matvarde m WHERE m.batch_id = %s AND NOT EXISTS (
                       SELECT 1 FROM behov_ersattvarde e WHERE e.batch_id = %s AND e.matvarde_id = m.id)""",
                [batch.pk, batch.pk],
            )
            borttagna = cur.rowcount
            cur.execute(
                f"""UPDATE behov_matvarde m SET
                        {", ".join(f"{k} = e.{k}" for k in VARDEKOLUMNER)},
                        batch_id = e.tidigare_batch_id
                    FROM behov_ersattvarde e
                    WHERE e.batch_id = %s AND m.id = e.matvarde_id AND m.batch_id = %s""",
                [batch.pk, batch.pk],
            )
            aterstallda = cur.rowcount
        batch.status = Importbatch.Status.ANGRAD
        batch._history_user = anvandare
        batch.save(update_fields=["status"])
    return borttagna, aterstallda


# --------------------------------------------------------------------------------------
# Small helpers


def tusental(tal: int) -> str:
    return f"{tal:,}".replace(",", "\u00a0")


def _svenskt(tal: float) -> str:
    return f"{tal:g}".replace(".", ",")


def skapa_indikator(
    *, namn: str, enhet: str, polaritet: str = Polaritet.INGEN, kalla: str = "", decimaler: int = 1
) -> Indikator:
    """A new indicator from the import page; its code is made from the name."""
    namn = " ".join(namn.split())
    bas = slugify(namn)[:34].strip("-").upper() or "INDIKATOR"
    kod, n = bas, 1
    while Indikator.objects.filter(kod=kod).exists():
        n += 1
        kod = f"{bas}-{n}"
    indikator = Indikator(
        kod=kod, namn=namn, enhet=enhet, polaritet=polaritet, kalla=kalla, decimaler=decimaler
    )
    indikator.full_clean()
    indikator.save()
    return indikator


def importmapp() -> Path:
    mapp = Path(settings.MEDIA_ROOT) / "import"
    mapp.mkdir(parents=True, exist_ok=True)
    return mapp
