"""The product's one CSV format (what Swedish Excel opens) and its JSON companion."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from natverken.lib.export import csv_cell, csv_svar, json_svar


@pytest.mark.parametrize(
    ("varde", "text"),
    [
        (None, ""),  # missing stays empty, never 0
        (Decimal("70000"), "70000"),  # no thousands separator: Excel sums it
        (Decimal("12.50"), "12,50"),
        (12.5, "12,5"),
        (0.1 + 0.2, "0,3"),  # no binary noise
        (-2.25, "-2,25"),
        (3.0, "3"),
        (7, "7"),
        (True, "Ja"),
        (dt.date(2026, 6, 9), "2026-06-09"),
        ("Äldre; multisjuka", "Äldre; multisjuka"),  # quoting is the writer's job
        ("=SUMMA(A1)", "'=SUMMA(A1)"),  # never a formula
        ("-minus", "'-minus"),
    ],
)
def test_csv_cell(varde, text):
    assert csv_cell(varde) == text


def test_csv_svar_ar_semikolon_bom_och_crlf():
    svar = csv_svar(
        "prioriteringar-2027.csv",
        ["Behov", "Belopp (tkr)", "Gap"],
        [["Äldre; 75+", Decimal(18200), 2.5]],
    )
    assert svar["Content-Type"] == "text/csv; charset=utf-8"
    assert svar["Content-Disposition"] == 'attachment; filename="prioriteringar-2027.csv"'
    assert svar.content.startswith(b"\xef\xbb\xbf")
    text = svar.content.decode("utf-8-sig")
    assert text == 'Behov;Belopp (tkr);Gap\r\n"Äldre; 75+";18200;2,5\r\n'


def test_json_svar_behaller_aao_och_ger_tal():
    svar = json_svar({"behov": "Äldre", "belopp": Decimal("18200"), "datum": dt.date(2026, 6, 9)})
    assert svar["Content-Type"] == "application/json; charset=utf-8"
    assert "Äldre".encode() in svar.content
    assert json.loads(svar.content) == {"behov": "Äldre", "belopp": 18200, "datum": "2026-06-09"}
    assert "Content-Disposition" not in svar
    assert json_svar({}, filnamn="a.json")["Content-Disposition"] == 'attachment; filename="a.json"'
