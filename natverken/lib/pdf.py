"""PDF reports with WeasyPrint: one base template (cover, contents with page numbers, running
headers, "Sida N av M", an UTKAST mark on what is not decided) and one stylesheet."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from natverken.models import Omrade


def regionnamn() -> str:
    hem = Omrade.hemregion()
    return hem.namn if hem else "Regionen"


def filnamn(*delar: object) -> str:
    """`budgetunderlag-2027-region-exempel.pdf`: what, when and where."""
    return "-".join(slugify(str(d)) for d in (*delar, regionnamn()) if str(d)) + ".pdf"


def rendera(mall: str, sammanhang: dict[str, Any]) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string(
        mall, {"region": regionnamn(), "skapad": timezone.localtime(), **sammanhang}
    )
    stil = CSS(filename=finders.find("css/rapport.css"))
    return HTML(string=html, base_url=str(finders.find("css/rapport.css"))).write_pdf(
        stylesheets=[stil]
    )


def pdf_svar(pdf: bytes, namn: str) -> HttpResponse:
    svar = HttpResponse(pdf, content_type="application/pdf")
    svar["Content-Disposition"] = f'attachment; filename="{namn}"'
    return svar
