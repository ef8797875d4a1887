"""Uploaded files: the size limit, enforced while the request is read, and what a file must
be to count as a table (CSV/TSV/text or Excel .xlsx), by its name and by its content.

`Storleksgrans` is the first upload handler (settings.FILE_UPLOAD_HANDLERS): a file over
`UPPLADDNING_MAX_STORLEK` is dropped while it arrives, so it never fills the disk, and the
request remembers its name so the form can say why it is missing."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

TEXTFILER = (".csv", ".tsv", ".txt")
EXCELFILER = (".xlsx",)
PROV = 64 * 1024  # how much of a file's beginning is read to tell what it is


def max_storlek() -> int:
    return settings.UPPLADDNING_MAX_STORLEK


def storlek_text(antal_byte: int) -> str:
    mb = antal_byte / (1024 * 1024)
    return f"{mb:.0f} MB" if mb >= 1 else f"{antal_byte // 1024} kB"


def for_stor(request: HttpRequest) -> list[str]:
    """Names of the files the request brought that were over the limit (and dropped)."""
    return getattr(request, "_uppladdning_for_stor", [])


class Storleksgrans(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # noqa: ANN001, ANN201, N803
        # The whole body is already larger than a file may be (with room for the form's
        # other fields): skip every file at once instead of writing any of it.
        self.hela_for_stor = content_length > max_storlek() + 1024 * 1024
        return None

    def new_file(self, field_name: str, file_name: str, *args: Any, **kwargs: Any) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        self.mottaget = 0
        if getattr(self, "hela_for_stor", False):
            self._avvisa()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.mottaget += len(raw_data)
        if self.mottaget > max_storlek():
            self._avvisa()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handlers keep the file

    def _avvisa(self) -> None:
        if self.request is not None:
            if not hasattr(self.request, "_uppladdning_for_stor"):
                self.request._uppladdning_for_stor = []
            self.request._uppladdning_for_stor.append(self.file_name)
        raise SkipFile()


def kontrollera_tabellfil(fil: IO[bytes], filnamn: str) -> str | None:
    """Why the file can't be read as a table, or None. The name must say CSV/TSV/text or
    Excel, and the content must agree: an .xlsx is a zip with a workbook in it, a text file
    has no binary content (except UTF-16, which comes with its byte order mark)."""
    andelse = Path(filnamn).suffix.lower()
    tillatna = "CSV (.csv), TSV (.tsv), text (.txt) eller Excel (.xlsx)"
    if andelse == ".xls":
        return (
            "Filen är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och ladda upp igen."
        )
    if andelse not in TEXTFILER + EXCELFILER:
        namn = f"”{andelse}”" if andelse else "utan filändelse"
        return f"Filer {namn} kan inte importeras. Ladda upp {tillatna}."
    fil.seek(0)
    borjan = fil.read(PROV)
    fil.seek(0)
    if andelse in EXCELFILER:
        if not borjan.startswith(b"PK\x03\x04"):
            return (
                "Filen heter .xlsx men är ingen Excel-arbetsbok. Spara den som .xlsx i Excel "
                "igen, eller som CSV."
            )
        try:
            with zipfile.ZipFile(fil) as zf:
                namn = set(zf.namelist())
        except zipfile.BadZipFile:
            namn = set()
        finally:
            fil.seek(0)
        if "xl/workbook.xml" not in namn:
            return (
                "Filen heter .xlsx men är ingen Excel-arbetsbok (den kan vara skadad). Spara "
                "den som .xlsx i Excel igen, eller som CSV."
            )
        return None
    if borjan.startswith(b"PK\x03\x04"):
        return (
            f"Filen heter {andelse} men är en Excel-fil eller annan zip-fil. Om det är en "
            "Excel-arbetsbok: ladda upp den som .xlsx."
        )
    if borjan.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "Filen är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och ladda upp igen."
        )
    utf16 = borjan[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if b"\x00" in borjan and not utf16:
        return f"Filen heter {andelse} men innehåller inte text. Ladda upp tabellen som {tillatna}."
    return None
