"""Charts in PDFs: the simplified plotly SVG still draws every label, line and band, and
WeasyPrint writes each SVG label as whole words (searchable in the PDF)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET  # noqa: S405 - our own kaleido output

from natverken.lib import diagram, pdf
from natverken.lib.diagram import Punkt, Serie, Stapel, forenkla_svg, staplar, trend

NS = "{http://www.w3.org/2000/svg}"


def _trenddiagram():
    ar = [str(a) for a in range(2016, 2026)]
    return trend(
        "t",
        "Daglig rökning – Region Exempel",
        [
            Serie(
                "Region Exempel (totalt)",
                [Punkt(a, 20 - i * 0.5, 19 - i * 0.5, 21 - i * 0.5) for i, a in enumerate(ar)],
            ),
            Serie("Kvinnor", [Punkt(a, 22 - i * 0.4) for i, a in enumerate(ar)]),
            Serie("Riket", [Punkt(a, 18 - i * 0.3) for i, a in enumerate(ar)], jamforelse=True),
        ],
        enhet="procent av befolkningen",
        mal=("2030", 12.0, "Beslutat mål"),
    )


def _texter(svg: str) -> list[str]:
    return sorted(t.text for t in ET.fromstring(svg).iter(f"{NS}text") if t.text)


def test_forenklad_svg_ritar_samma_etiketter_linjer_och_band():
    figur = dict(_trenddiagram().figur, layout={**_trenddiagram().figur["layout"], "width": 680})
    ra = diagram._kaleido_svg(figur)
    enkel = forenkla_svg(ra)

    rot = ET.fromstring(enkel)  # valid XML, an SVG root with the same size
    assert rot.tag == f"{NS}svg" and rot.get("viewBox") == ET.fromstring(ra).get("viewBox")
    # Every label is still there: axis title, ticks, legend, the target's label.
    assert _texter(enkel) == _texter(ra)
    assert {"procent av befolkningen", "2016", "2030", "Riket", "Beslutat mål"} <= set(
        _texter(enkel)
    )
    # The data: each series' line and the CI band keep their exact geometry.
    linjer = [
        p.get("d")
        for p in ET.fromstring(ra).iter(f"{NS}path")
        if p.get("class") == "js-line" and "stroke-width: 3px" in p.get("style", "")
    ]
    assert linjer and all(d in enkel for d in linjer)
    assert 'fill-opacity="0.15"' in enkel  # the confidence band
    assert "#0b4f8a" in enkel and 'stroke-dasharray="9, 9"' in enkel  # colour and dash
    # What WeasyPrint no longer has to read: styles, clip paths, empty groups.
    assert "style=" not in enkel and "clipPath" not in enkel and "<g/>" not in enkel
    assert len(list(rot.iter())) < len(list(ET.fromstring(ra).iter())) / 3


def test_stapeldiagram_i_pdf_har_etiketterna_som_hela_ord():
    staplarna = staplar(
        "s",
        "Per kommun",
        [Stapel("Exempelstad", 30.5), Stapel("Söderby", 41.2), Stapel("Sjöbacka", 12.0)],
        enhet="per 100 000 invånare",
        jamforelse=("Region Exempel", 28.0),
    )
    html = (
        "<html><body><figure>"
        + str(diagram.svg_bild(_trenddiagram(), hojd=280))
        + "</figure><figure>"
        + str(diagram.svg_bild(staplarna))
        + "</figure></body></html>"
    )
    assert html.count('src="data:image/svg+xml;base64,') == 2  # an image each, not inline
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf.skriv_pdf(html), capture_output=True, check=True
    ).stdout.decode()
    for etikett in (
        "Region Exempel (totalt)",
        "Beslutat mål",
        "procent av befolkningen",
        "Söderby",
        "Region Exempel: 28,0",
        "per 100 000 invånare",
    ):
        assert etikett in text


class _Textnod:
    """An SVG <text> as WeasyPrint's drawer hands it over: text, attributes, get()."""

    text = "Region Exempel"
    attrib = {"x": "10", "y": "20"}

    def get(self, namn, standard=None):
        return self.attrib.get(namn, standard)


def test_snabb_svgtext_faller_tillbaka_pa_weasyprints_egen_nar_den_misslyckas(caplog):
    """If WeasyPrint's internals change under the fast path, the label is drawn by
    WeasyPrint's own function (slower), never dropped."""
    from natverken.lib import weasy_svgtext

    ritat = []
    text = weasy_svgtext._gor_text(lambda svg, nod, storlek: ritat.append((nod.text, storlek)))
    text(object(), _Textnod(), 12)  # a drawer without what the fast path needs
    assert ritat == [("Region Exempel", 12)]
    assert "WeasyPrints egen funktion används" in caplog.text


def test_svgtext_installeras_en_gang_aven_fran_flera_tradar(monkeypatch):
    import threading
    import time

    import weasyprint.svg as svgmodul

    from natverken.lib import weasy_svgtext

    original = getattr(svgmodul.text, "weasy_original", svgmodul.text)
    monkeypatch.setattr(svgmodul, "text", original)
    monkeypatch.setitem(svgmodul.TAGS, "text", original)
    monkeypatch.setattr(weasy_svgtext, "_installerad", False)
    bygg = weasy_svgtext._gor_text

    def langsamt(funktion):  # widen the window between reading and replacing
        time.sleep(0.05)
        return bygg(funktion)

    monkeypatch.setattr(weasy_svgtext, "_gor_text", langsamt)
    tradar = [threading.Thread(target=weasy_svgtext.installera) for _ in range(8)]
    for t in tradar:
        t.start()
    for t in tradar:
        t.join()
    # draw_node recognises text nodes by TAGS['text'] == svg.text: the same one function.
    assert svgmodul.TAGS["text"] is svgmodul.text
    assert svgmodul.text.weasy_original is original
