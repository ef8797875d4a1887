"""The needs analysis as a PDF report: health state, gaps with charts, equity, sources and
their shortcomings, dialogues."""

from __future__ import annotations

from behov.models import Behovsanalys
from behov.underlag import gapunderlag
from natverken.lib import pdf
from natverken.lib.diagram import svg_bild


def behovsanalys_pdf(analys: Behovsanalys) -> tuple[bytes, str]:
    underlag = gapunderlag(analys)
    for u in underlag:
        u.svg = svg_bild(u.diagram) if u.diagram and not u.diagram.tom else ""
    klar = analys.status == Behovsanalys.Status.KLAR
    innehall = pdf.rendera(
        "rapporter/behovsanalys.html",
        {
            "titel": f"Behovsanalys: {analys.behovsgrupp.namn}",
            "underrubrik": f"Underlag inför budget {analys.planeringsar.ar}",
            "planeringsar": analys.planeringsar,
            "status": analys.get_status_display(),
            "utkast": "" if klar else "analysen är inte klar för prioritering",
            "analys": analys,
            "underlag": underlag,
            "malbeslut": list(dict.fromkeys(u.gap.malbeslut for u in underlag if u.gap.malbeslut)),
            "datakallor": analys.datakallor.all(),
            "dialoger": analys.dialoger.all(),
            "kapitel": [
                ("halsolage", "Hälsoläge"),
                ("halsogap", "Hälsogap och mål"),
                ("jamlikhet", "Skillnader mellan grupper"),
                ("kallor", "Datakällor och deras brister"),
                ("dialoger", "Dialoger"),
                ("slutsats", "Slutsats"),
            ],
        },
    )
    return innehall, pdf.filnamn("behovsanalys", analys.planeringsar.ar, analys.behovsgrupp.namn)
