"""Tables as Excel and CSV: one description (`Tabell`), two formats a Swedish user opens."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pandas as pd
import pytest
from django.http import Http404
from django.test import RequestFactory
from openpyxl import load_workbook

from natverken.lib.export import (
    Kolumn,
    Tabell,
    Tal,
    csv_cell,
    csv_tabell_svar,
    filnamn,
    nedladdning,
    xlsx_bytes,
    xlsx_svar,
)


def _tabell(**extra) -> Tabell:
    return Tabell(
        kolumner=["Behov", Kolumn("Belopp (tkr)"), Kolumn("Gap", decimaler=1), "Beslutad", "Klar"],
        rader=[
            ["Äldre; 75+ i Söderby", Decimal(18200), 2.25, dt.date(2026, 6, 9), True],
            ['=HYPERLINK("http://x";"klicka")', Decimal("1234.5"), None, None, False],
            ["+46 70", 7, Tal(12.3456, 2), dt.datetime(2026, 11, 23, 8, 5, tzinfo=dt.UTC), None],
        ],
        filnamn="behov-2027",
        **extra,
    )


def _blad(innehall: bytes):
    return load_workbook(io.BytesIO(innehall)).active


def test_xlsx_har_rubrikrad_tal_datum_och_format():
    blad = _blad(xlsx_bytes(_tabell(titel="Behov 2027")))
    assert blad.title == "Behov 2027"
    assert [c.value for c in blad[1]] == ["Behov", "Belopp (tkr)", "Gap", "Beslutad", "Klar"]
    assert all(c.font.bold for c in blad[1])
    assert blad.freeze_panes == "A2"
    assert blad.auto_filter.ref == "A1:E4"
    rad = [c.value for c in blad[2]]
    assert rad[0] == "Äldre; 75+ i Söderby"
    assert rad[1] == 18200 and blad["B2"].number_format == "#,##0"
    assert rad[2] == 2.25 and blad["C2"].number_format == "#,##0.0"
    assert rad[3] == dt.datetime(2026, 6, 9) and blad["D2"].is_date
    assert blad["D2"].number_format == "yyyy-mm-dd"
    assert rad[4] == "Ja"
    # A missing value is an empty cell, never 0.
    assert blad["C3"].value is None and blad["D3"].value is None
    # Tal: the indicator's own decimals, rounded as in the CSV.
    assert blad["C4"].value == 12.35 and blad["C4"].number_format == "#,##0.00"
    # A plain whole number (a year, a place) has no thousands separator: 2027, not 2 027.
    assert blad["B4"].value == 7 and blad["B4"].number_format == "General"
    # Local time (Europe/Stockholm), not UTC.
    assert blad["D4"].value == dt.datetime(2026, 11, 23, 9, 5)
    assert blad.column_dimensions["A"].width >= len("Äldre; 75+ i Söderby")


def test_xlsx_skriver_aldrig_en_formel():
    innehall = xlsx_bytes(_tabell())
    blad = _blad(innehall)
    cell = blad["A3"]
    assert cell.value == '=HYPERLINK("http://x";"klicka")'
    assert cell.data_type == "s"  # text, not a formula
    assert cell.quotePrefix
    assert blad["A4"].data_type == "s" and blad["A4"].quotePrefix
    with zipfile.ZipFile(io.BytesIO(innehall)) as arkiv:
        bladxml = arkiv.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in bladxml and "<f " not in bladxml


def test_rubriker_ar_aldrig_formler():
    # A column can be named after a person (a member's own ranking).
    tabell = Tabell(["Behov", "=1+2 (S)"], [["Äldre", 1]], filnamn="x")
    cell = _blad(xlsx_bytes(tabell))["B1"]
    assert cell.value == "=1+2 (S)" and cell.data_type == "s" and cell.quotePrefix
    text = csv_tabell_svar(tabell).content.decode("utf-8-sig")
    assert text.startswith("Behov;'=1+2 (S)\r\n")


def test_xlsx_tal_som_tal_och_kontrolltecken_bort():
    tabell = Tabell(["Text", "Tal"], [["rad\x07ett", float("nan")]], filnamn="x")
    blad = _blad(xlsx_bytes(tabell))
    assert blad["A2"].value == "radett"
    assert blad["B2"].value is None


def test_csv_tabell_gar_runt_i_pandas():
    svar = csv_tabell_svar(_tabell())
    assert svar["Content-Disposition"] == 'attachment; filename="behov-2027.csv"'
    df = pd.read_csv(io.BytesIO(svar.content), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(df.columns) == ["Behov", "Belopp (tkr)", "Gap", "Beslutad", "Klar"]
    assert df["Behov"][0] == "Äldre; 75+ i Söderby"
    assert df["Belopp (tkr)"].tolist() == [18200, 1234.5, 7]
    assert df["Gap"][0] == 2.25 and pd.isna(df["Gap"][1]) and df["Gap"][2] == 12.35
    assert df["Behov"][1].startswith("'=")  # the CSV's own guard
    assert df["Beslutad"][2] == "2026-11-23 09:05"


def test_csv_cell_tal_och_tidpunkt():
    assert csv_cell(Tal(2.345, 1)) == "2,3"
    assert csv_cell(Tal(2.25, 1)) == "2,3"  # half up, as the page shows it
    assert csv_cell(Tal(Decimal("1234.5"), 0)) == "1235"
    assert csv_cell(Tal(7.5, 0)) == "8"
    assert csv_cell(Tal(None, 1)) == ""
    assert csv_cell(dt.datetime(2026, 6, 9, 22, 30, tzinfo=dt.UTC)) == "2026-06-10 00:30"


def test_xlsx_svar_har_ratt_typ_och_namn():
    svar = xlsx_svar(_tabell())
    assert svar["Content-Type"].startswith("application/vnd.openxmlformats")
    assert svar["Content-Disposition"] == 'attachment; filename="behov-2027.xlsx"'


def test_filnamn_sager_vad_var_och_nar():
    assert filnamn("indikatorvärden", "N00945", "Söderby", datum=dt.date(2026, 11, 23)) == (
        "indikatorvarden-n00945-soderby-2026-11-23"
    )
    assert filnamn("uppdrag", 2027, datum=False) == "uppdrag-2027"
    assert filnamn("uppdrag", None, "", datum=False) == "uppdrag"


@pytest.mark.parametrize(
    ("fraga", "vantat"),
    [("", None), ("?format=csv", "csv"), ("?format=xlsx", "xlsx"), ("?format=xlsx&tabell=b", "b")],
)
def test_nedladdning_valjer_format_och_tabell(fraga, vantat):
    request = RequestFactory().get("/x/" + fraga)
    svar = nedladdning(
        request,
        a=lambda: Tabell(["A"], [[1]], filnamn="a"),
        b=lambda: Tabell(["B"], [[2]], filnamn="b"),
    )
    if vantat is None:
        assert svar is None
        return
    assert svar.status_code == 200
    assert svar["Cache-Control"] == "private, no-store"
    if vantat == "b":
        assert _blad(svar.content)["A1"].value == "B"
    else:
        assert svar["Content-Disposition"].endswith(f'a.{vantat}"')


def test_nedladdning_okant_format_och_tabell():
    svar = nedladdning(RequestFactory().get("/x/?format=pdf"), a=lambda: Tabell([], [], "a"))
    assert svar.status_code == 400
    assert "Okänt format" in svar.content.decode()
    with pytest.raises(Http404):
        nedladdning(RequestFactory().get("/x/?format=csv&tabell=z"), a=lambda: Tabell([], [], "a"))
