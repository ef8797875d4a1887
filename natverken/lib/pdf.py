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


def html(mall: str, sammanhang: dict[str, Any]) -> str:
    """The report's HTML: the template with the region and the time of printing."""
    return render_to_string(
        mall, {"region": regionnamn(), "skapad": timezone.localtime(), **sammanhang}
    )


def skriv_pdf(html: str) -> bytes:
    """WeasyPrint alone: the HTML with the report stylesheet to PDF bytes."""
    from weasyprint import CSS, HTML

    from natverken.lib import weasy_svgtext

    weasy_svgtext.installera()
    stil = finders.find("css/rapport.css")
    return HTML(string=html, base_url=str(stil)).write_pdf(stylesheets=[CSS(filename=stil)])


def rendera(mall: str, sammanhang: dict[str, Any]) -> bytes:
    return skriv_pdf(html(mall, sammanhang))


def pdf_svar(pdf: bytes, namn: str) -> HttpResponse:
    svar = HttpResponse(pdf, content_type="application/pdf")
    svar["Content-Disposition"] = f'attachment; filename="{namn}"'
    return svar
