"""The product's download formats, for every stage: CSV and Excel (.xlsx) of every table, and
JSON for programs.

CSV is what Swedish Excel opens with a double-click: semicolon between fields, decimal comma,
UTF-8 with a byte order mark (without it Excel reads åäö as cp1252), CRLF line ends. Numbers
stay plain numbers (no thousands separator, so Excel can sum them); a missing value is an
empty cell, never 0; dates are ISO (2027-06-09), which Excel recognises. JSON carries the
same data with real numbers (decimal point) for programs.

    return csv_svar("prioriteringar-2027.csv", ["Placering", "Behov"], rader)
    return json_svar({"planeringsar": 2027, ...}, filnamn="prioriteringar-2027.json")

Excel gets the same table as a real workbook: numbers as numbers (shown with the thousands
separator and decimal comma of the reader's Excel), dates as dates, a bold frozen header
row with autofilter. A table page describes its table once, as a `Tabell`, and serves both
from its own URL with `?format=csv` or `?format=xlsx` (`nedladdning`), so the download keeps
the page's filters and goes through the same access check as the page:

    if svar := nedladdning(request, uppdrag=lambda: tabeller.uppdrag(lista, ar)):
        return svar
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify

SEPARATOR = ";"
BOM = "\ufeff"
# Text beginning with these is read as a formula by Excel ("CSV injection"); such cells get a
# leading apostrophe. Numbers are passed as numbers and are never touched.
_FORMELTECKEN = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Tal:
    """A number shown with a fixed number of decimals (an indicator's own precision), where
    one column holds values of several indicators. Rounded the same way in CSV and Excel."""

    varde: float | Decimal | int | None
    decimaler: int = 0

    @property
    def avrundat(self) -> float | Decimal | int | None:
        """Rounded half up from the number as written (2,25 → 2,3), as the pages show it."""
        if self.varde is None or (isinstance(self.varde, float) and not _ar_andligt(self.varde)):
            return None
        steg = Decimal(1).scaleb(-self.decimaler)
        avrundat = Decimal(str(self.varde)).quantize(steg, rounding=ROUND_HALF_UP)
        if isinstance(self.varde, Decimal):
            return avrundat
        return int(avrundat) if self.decimaler <= 0 else float(avrundat)


def _ar_andligt(varde: float) -> bool:
    return varde == varde and varde not in (float("inf"), float("-inf"))


def csv_cell(varde: Any) -> str:
    """One value as Swedish Excel reads it."""
    if isinstance(varde, Tal):
        varde = varde.avrundat
    if varde is None:
        return ""
    if isinstance(varde, bool):
        return "Ja" if varde else "Nej"
    if isinstance(varde, Decimal):
        text = (
            format(varde.normalize(), "f") if varde == varde.to_integral() else format(varde, "f")
        )
        return text.replace(".", ",")
    if isinstance(varde, float):
        if not _ar_andligt(varde):
            return ""
        # 12 significant digits hide binary noise (0.30000000000000004 → 0,3).
        text = f"{varde:.12g}"
        if "e" in text:
            text = f"{varde:.12f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if isinstance(varde, int):
        return str(varde)
    if isinstance(varde, dt.datetime):
        return _lokal(varde).isoformat(sep=" ", timespec="minutes")
    if isinstance(varde, dt.date):
        return varde.isoformat()
    text = str(varde)
    if text.startswith(_FORMELTECKEN):
        return "'" + text
    return text


def csv_text(kolumner: Sequence[str], rader: Iterable[Sequence[Any]]) -> str:
    """The whole file as text, BOM first."""
    buffert = io.StringIO()
    skrivare = csv.writer(buffert, delimiter=SEPARATOR, lineterminator="\r\n")
    skrivare.writerow([csv_cell(str(k)) for k in kolumner])  # a heading can be user text
    for rad in rader:
        skrivare.writerow([csv_cell(v) for v in rad])
    return BOM + buffert.getvalue()


def csv_svar(filnamn: str, kolumner: Sequence[str], rader: Iterable[Sequence[Any]]) -> HttpResponse:
    """A download in the product's CSV format."""
    svar = HttpResponse(
        csv_text(kolumner, rader).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    svar["Content-Disposition"] = content_disposition_header(True, filnamn)
    return svar


def json_svar(data: Any, *, filnamn: str | None = None) -> HttpResponse:
    """JSON with åäö as they are (not \\u escapes), dates as ISO strings and Decimals as
    numbers. With `filnamn` the browser offers it as a download; without, it is shown."""
    text = json.dumps(data, cls=_Kodare, ensure_ascii=False, indent=2)
    svar = HttpResponse(text.encode("utf-8"), content_type="application/json; charset=utf-8")
    if filnamn:
        svar["Content-Disposition"] = content_disposition_header(True, filnamn)
    return svar


class _Kodare(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return int(o) if o == o.to_integral() else float(o)
        return super().default(o)


def _lokal(tid: dt.datetime) -> dt.datetime:
    """Local wall-clock time without a zone: what the page shows, and what Excel can store."""
    return timezone.localtime(tid).replace(tzinfo=None) if timezone.is_aware(tid) else tid


# --- Tables: one description, served as CSV or Excel --------------------------------------


@dataclass(frozen=True)
class Kolumn:
    """A column heading, optionally with the decimals its numbers are shown with in Excel
    (else whole Decimal amounts get a thousands separator and other numbers Excel's
    standard, so a year stays 2027)."""

    rubrik: str
    decimaler: int | None = None

    def __str__(self) -> str:
        return self.rubrik


@dataclass
class Tabell:
    """What a table page shows, once: headings, rows of plain values (str, int, float,
    Decimal, Tal, date, datetime, bool, None) and a file name without extension that says what,
    where and when (`uppdrag-2027`, `indikatorvarden-n00945-soderby-2026-11-23`)."""

    kolumner: Sequence[str | Kolumn]
    rader: Iterable[Sequence[Any]]
    filnamn: str
    titel: str = ""
    _rader: list[Sequence[Any]] | None = field(default=None, init=False, repr=False)

    @property
    def kolumnobjekt(self) -> list[Kolumn]:
        return [k if isinstance(k, Kolumn) else Kolumn(k) for k in self.kolumner]

    @property
    def radlista(self) -> list[Sequence[Any]]:
        if self._rader is None:
            self._rader = [list(rad) for rad in self.rader]
        return self._rader


def filnamn(*delar: object, datum: dt.date | None | bool = True) -> str:
    """`uppdrag`, 2027 → 'uppdrag-2027-2026-11-23': readable ASCII parts (åäö → aao) and,
    unless `datum=False`, the day of the download, since the data change."""
    namn = [slugify(str(d)) for d in delar if d not in (None, "")]
    if datum is True:
        datum = timezone.localdate()
    if datum:
        namn.append(datum.isoformat())
    return "-".join(n for n in namn if n) or "tabell"


def csv_tabell_svar(tabell: Tabell) -> HttpResponse:
    return csv_svar(f"{tabell.filnamn}.csv", [str(k) for k in tabell.kolumnobjekt], tabell.radlista)


# Excel's number formats are written with the English separators and shown with the reader's
# own: "#,##0.0" is "1 234,5" in a Swedish Excel.
_HELTAL = "#,##0"
_DATUM = "yyyy-mm-dd"
_TIDPUNKT = "yyyy-mm-dd hh:mm"
_BLADNAMN_FORBJUDET = re.compile(r"[\[\]:*?/\\]")
XLSX_TYP = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _talformat(decimaler: int | None, varde: Any) -> str | None:
    if decimaler is not None:
        return _HELTAL + ("." + "0" * decimaler if decimaler > 0 else "")
    if isinstance(varde, Decimal) and varde == varde.to_integral():
        return _HELTAL  # amounts (tkr): 18 200
    # Excel's standard: a year, a place or a count stays 2027, and other numbers keep their
    # decimals.
    return None


def xlsx_bytes(tabell: Tabell) -> bytes:
    """The table as an Excel workbook with one sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    kolumner = tabell.kolumnobjekt
    bok = Workbook()
    blad = bok.active
    titel = _BLADNAMN_FORBJUDET.sub(" ", tabell.titel or tabell.filnamn).strip("' ")
    blad.title = titel[:31] or "Tabell"
    fet = Font(bold=True)
    bredder = [len(k.rubrik) for k in kolumner]
    for nr, kolumn in enumerate(kolumner, start=1):
        cell = blad.cell(row=1, column=nr)
        _text(cell, kolumn.rubrik)  # a heading can be user text (a member's name)
        cell.font = fet
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for radnr, rad in enumerate(tabell.radlista, start=2):
        for nr, (varde, kolumn) in enumerate(zip(rad, kolumner, strict=True), start=1):
            cell = blad.cell(row=radnr, column=nr)
            decimaler = kolumn.decimaler
            if isinstance(varde, Tal):
                decimaler = varde.decimaler
                varde = varde.avrundat
            if isinstance(varde, float) and not _ar_andligt(varde):
                varde = None
            if varde is None:
                continue
            if isinstance(varde, bool):
                cell.value = "Ja" if varde else "Nej"
            elif isinstance(varde, int | float | Decimal):
                cell.value = varde
                if format_ := _talformat(decimaler, varde):
                    cell.number_format = format_
            elif isinstance(varde, dt.datetime):
                cell.value = _lokal(varde)
                cell.number_format = _TIDPUNKT
            elif isinstance(varde, dt.date):
                cell.value = varde
                cell.number_format = _DATUM
            else:
                _text(cell, str(varde))
            bredder[nr - 1] = max(bredder[nr - 1], _bredd(cell.value))
    for nr, bredd in enumerate(bredder, start=1):
        blad.column_dimensions[get_column_letter(nr)].width = min(max(bredd + 2, 8), 60)
    blad.freeze_panes = "A2"
    if kolumner:
        sista = get_column_letter(len(kolumner))
        blad.auto_filter.ref = f"A1:{sista}{max(len(tabell.radlista) + 1, 1)}"
    utdata = io.BytesIO()
    bok.save(utdata)
    return utdata.getvalue()


def _text(cell: Any, text: str) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    # openpyxl stores text beginning with "=" as a formula: force plain text, and give what
    # Excel would read as a formula if retyped its quote prefix (the workbook's own form of
    # the CSV's apostrophe).
    cell.data_type = "s"
    if cell.value.startswith(_FORMELTECKEN):
        cell.quotePrefix = True


def _bredd(varde: Any) -> int:
    if isinstance(varde, dt.datetime):
        return 16
    if isinstance(varde, dt.date):
        return 10
    if isinstance(varde, float):
        return len(f"{varde:,.2f}")
    text = str(varde)
    return max((len(rad) for rad in text.splitlines()), default=0)


def xlsx_svar(tabell: Tabell) -> HttpResponse:
    svar = HttpResponse(xlsx_bytes(tabell), content_type=XLSX_TYP)
    svar["Content-Disposition"] = content_disposition_header(True, f"{tabell.filnamn}.xlsx")
    return svar


FORMAT = {"csv": csv_tabell_svar, "xlsx": xlsx_svar}


def nedladdning(request: HttpRequest, **tabeller: Callable[[], Tabell]) -> HttpResponse | None:
    """The download a table page was asked for, or None when it should render as usual.

    `?format=csv` or `?format=xlsx` picks the format, `?tabell=<name>` one of the page's
    tables (the first when left out). The tables are built only when asked for, from what the
    view has already read, so a download costs the same queries as the page."""
    format_ = request.GET.get("format", "")
    if not format_ or request.method not in ("GET", "HEAD"):
        return None
    if format_ not in FORMAT:
        svar = HttpResponse(
            f"Okänt format ”{format_[:20]}”. Välj format=xlsx (Excel) eller format=csv.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
        return svar
    namn = request.GET.get("tabell") or next(iter(tabeller))
    if namn not in tabeller:
        raise Http404("Sidan har ingen sådan tabell att ladda ner.")
    svar = FORMAT[format_](tabeller[namn]())
    # Internal data: never kept by a shared cache or the browser's back button.
    svar["Cache-Control"] = "private, no-store"
    return svar
