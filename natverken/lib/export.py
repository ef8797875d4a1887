"""The product's one download format, for every stage.

CSV is what Swedish Excel opens with a double-click: semicolon between fields, decimal comma,
UTF-8 with a byte order mark (without it Excel reads åäö as cp1252), CRLF line ends. Numbers
stay plain numbers (no thousands separator, so Excel can sum them); a missing value is an
empty cell, never 0; dates are ISO (2027-06-09), which Excel recognises. JSON carries the
same data with real numbers (decimal point) for programs.

    return csv_svar("prioriteringar-2027.csv", ["Placering", "Behov"], rader)
    return json_svar({"planeringsar": 2027, ...}, filnamn="prioriteringar-2027.json")
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.http import content_disposition_header

SEPARATOR = ";"
BOM = "\ufeff"
# Text beginning with these is read as a formula by Excel ("CSV injection"); such cells get a
# leading apostrophe. Numbers are passed as numbers and are never touched.
_FORMELTECKEN = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(varde: Any) -> str:
    """One value as Swedish Excel reads it."""
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
        if varde != varde or varde in (float("inf"), float("-inf")):
            return ""
        # 12 significant digits hide binary noise (0.30000000000000004 → 0,3).
        text = f"{varde:.12g}"
        if "e" in text:
            text = f"{varde:.12f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if isinstance(varde, int):
        return str(varde)
    if isinstance(varde, dt.datetime):
        return varde.isoformat(sep=" ", timespec="minutes")
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
    skrivare.writerow(kolumner)
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
