"""Reading a downloaded table back as a user's program would: Excel via openpyxl, the CSV
via pandas with the product's format."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook


def xlsx_rader(svar) -> list[list]:  # noqa: ANN001
    """Header row first, then the rows, as values."""
    assert svar.status_code == 200, svar.status_code
    assert svar["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert svar["Content-Disposition"].startswith("attachment;")
    blad = load_workbook(io.BytesIO(svar.content)).active
    return [[c.value for c in rad] for rad in blad.iter_rows()]


def csv_tabell(svar) -> pd.DataFrame:  # noqa: ANN001
    assert svar.status_code == 200, svar.status_code
    assert svar["Content-Type"] == "text/csv; charset=utf-8"
    return pd.read_csv(io.BytesIO(svar.content), sep=";", decimal=",", encoding="utf-8-sig")


def filnamn(svar) -> str:  # noqa: ANN001
    return svar["Content-Disposition"].split('filename="', 1)[1].rstrip('"')
