"""Charts as plotly figures built in Python. The browser gets the figure JSON and draws it with
the vendored plotly.js; PDFs get the same figure as SVG. Every chart also carries its data as
a table (the text alternative) and a source caption.

Rules from DOMAIN.md: a missing value stays a gap in the line (never 0); a trend needs several
points and the chart says so when there are too few; status is never shown by colour alone.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own kaleido output
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString

MINSTA_ANTAL_FOR_TREND = 3
SVG_VERSION = 4  # raise when `forenkla_svg` draws differently: cached SVGs are then redrawn
# Colour-blind-safe palette (Okabe–Ito), dark enough for 3:1 against white.
FARGER = ["#0b4f8a", "#b35900", "#1e6b2f", "#8f2d56", "#4a4a4a", "#6a3d9a"]
STRECK = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
SYMBOLER = ["circle", "square", "diamond", "triangle-up", "x", "cross"]


def _spar(typ: str, **egenskaper: object) -> dict:
    """A plotly trace as the plain dict plotly.js reads (building plotly's validated
    objects costs ~35 ms a chart; a dict costs nothing and draws the same)."""
    return {"type": typ, **{k: v for k, v in egenskaper.items() if v is not None}}


class _Figur:
    """The few plotly.graph_objects.Figure calls the builders use, producing plain dicts."""

    def __init__(self, *spar: dict) -> None:
        self.data: list[dict] = list(spar)
        self.layout: dict = {}

    def add_trace(self, spar: dict) -> None:
        self.data.append(spar)

    def update_layout(self, **layout: object) -> None:
        self.layout.update(layout)

    def add_annotation(self, **annotering: object) -> None:
        self.layout.setdefault("annotations", []).append(annotering)

    def add_vline(
        self, *, x: float, line: dict, annotation_text: str, annotation_position: str
    ) -> None:
        self.layout.setdefault("shapes", []).append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": x,
                "x1": x,
                "y0": 0,
                "y1": 1,
                "line": line,
            }
        )
        self.add_annotation(
            text=annotation_text,
            x=x,
            xref="x",
            yref="paper",
            y=1.0,
            yanchor="bottom",
            showarrow=False,
        )


@dataclass
class Punkt:
    x: str  # period label, e.g. "2024" or "2019–2022"
    varde: float | None
    ki_lag: float | None = None
    ki_hog: float | None = None


@dataclass
class Serie:
    namn: str
    punkter: list[Punkt]
    jamforelse: bool = False  # drawn lighter and dashed (e.g. riket)

    @property
    def antal_varden(self) -> int:
        return sum(p.varde is not None for p in self.punkter)


@dataclass
class Diagram:
    id: str
    titel: str
    figur: dict
    kolumner: list[str]
    rader: list[list[str]]
    kalla: str = ""
    meddelande: str = ""
    tom: bool = False
    har_ki: bool = False  # a shaded band is drawn; the caption says what it means


def _tal(varde: float | None, decimaler: int) -> str:
    if varde is None:
        return "–"
    text = f"{varde:,.{decimaler}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def _layout(enhet: str, *, hojd: int = 380, **extra: object) -> dict:
    return {
        "separators": ", ",
        "height": hojd,
        "margin": {"l": 60, "r": 20, "t": 20, "b": 50},
        "font": {"family": "DejaVu Sans, Arial, sans-serif", "size": 13, "color": "#1b1b1b"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "yaxis": {"title": {"text": enhet}, "gridcolor": "#dde3e8", "zeroline": False},
        "xaxis": {"type": "category", "gridcolor": "#f0f0f0"},
        "legend": {"orientation": "h", "y": -0.18},
        "hovermode": "x unified",
        **extra,
    }


def trend(
    id: str,
    titel: str,
    serier: list[Serie],
    *,
    enhet: str,
    decimaler: int = 1,
    kalla: str = "",
    mal: tuple[str, float, str] | None = None,
) -> Diagram:
    """Lines over periods with a CI band per series; optionally a target marker
    (`mal` = (period label, value, label))."""
    fig = _Figur()
    perioder: list[str] = []
    for serie in serier:
        for p in serie.punkter:
            if p.x not in perioder:
                perioder.append(p.x)
    if mal and mal[0] not in perioder:
        perioder.append(mal[0])
    perioder.sort()
    # Plain years go on a numeric axis so the distance to a target year is drawn true;
    # ranges ("2019–2022") stay categories.
    arsaxel = all(len(p) == 4 and p.isdigit() for p in perioder)

    def xv(period: str) -> int | str:
        return int(period) if arsaxel else period

    for nr, serie in enumerate(serier):
        farg = "#6b6b6b" if serie.jamforelse else FARGER[nr % len(FARGER)]
        x = [xv(p.x) for p in serie.punkter]
        if any(p.ki_lag is not None for p in serie.punkter):
            fig.add_trace(
                _spar(
                    "scatter",
                    x=x + x[::-1],
                    y=[p.ki_hog for p in serie.punkter] + [p.ki_lag for p in serie.punkter][::-1],
                    fill="toself",
                    fillcolor=_genomskinlig(farg, 0.15),
                    line={"width": 0},
                    mode="lines",
                    hoverinfo="skip",
                    showlegend=False,
                    name=f"{serie.namn}: 95 % konfidensintervall",
                    legendgroup=serie.namn,
                )
            )
        fig.add_trace(
            _spar(
                "scatter",
                x=x,
                y=[p.varde for p in serie.punkter],
                name=serie.namn,
                mode="lines+markers",
                line={
                    "color": farg,
                    "width": 2 if serie.jamforelse else 3,
                    "dash": "dash" if serie.jamforelse else STRECK[nr % len(STRECK)],
                },
                marker={"symbol": SYMBOLER[nr % len(SYMBOLER)], "size": 7},
                connectgaps=False,
                legendgroup=serie.namn,
                hovertemplate=f"%{{y:.{decimaler}f}} {enhet}<extra>{serie.namn}</extra>",
            )
        )
    if mal:
        period, varde, etikett = mal
        fig.add_trace(
            _spar(
                "scatter",
                x=[xv(period)],
                y=[varde],
                mode="markers+text",
                name=etikett,
                marker={"symbol": "star", "size": 14, "color": "#1b1b1b"},
                text=[etikett],
                textposition="top left",
            )
        )
    if arsaxel:
        spann = int(perioder[-1]) - int(perioder[0]) if perioder else 0
        xaxel = {
            "type": "linear",
            "dtick": 1 if spann <= 10 else 2,
            "tickformat": "d",
            "gridcolor": "#f0f0f0",
        }
    else:
        xaxel = {"type": "category", "categoryorder": "array", "categoryarray": perioder}
    fig.update_layout(**_layout(enhet, xaxis=xaxel))
    huvud = next((s for s in serier if not s.jamforelse), serier[0] if serier else None)
    meddelande = ""
    tom = huvud is None or huvud.antal_varden == 0
    if tom:
        meddelande = "Det finns inga värden att visa."
    elif huvud.antal_varden < MINSTA_ANTAL_FOR_TREND:
        meddelande = (
            f"För få mätpunkter ({huvud.antal_varden}) för att bedöma en trend; "
            f"minst {MINSTA_ANTAL_FOR_TREND} behövs."
        )
    if meddelande:
        fig.add_annotation(
            text=meddelande,
            xref="paper",
            yref="paper",
            x=0.5,
            y=1.0,
            showarrow=False,
            font={"size": 13, "color": "#7a4b00"},
        )
    kolumner = ["Period"] + [s.namn for s in serier]
    per_serie = [{p.x: p for p in s.punkter} for s in serier]
    rader = []
    for period in perioder:
        rad = [period]
        for punkter in per_serie:
            p = punkter.get(period)
            if p is None or p.varde is None:
                rad.append("–")
            elif p.ki_lag is not None and p.ki_hog is not None:
                rad.append(
                    f"{_tal(p.varde, decimaler)} ({_tal(p.ki_lag, decimaler)}–{_tal(p.ki_hog, decimaler)})"
                )
            else:
                rad.append(_tal(p.varde, decimaler))
        rader.append(rad)
    har_ki = any(p.ki_lag is not None for s in serier for p in s.punkter)
    return Diagram(
        id=id,
        titel=titel,
        figur=_json(fig),
        kolumner=kolumner,
        rader=rader,
        kalla=kalla,
        meddelande=meddelande,
        tom=tom,
        har_ki=har_ki,
    )


@dataclass
class Stapel:
    namn: str
    varde: float | None
    ki_lag: float | None = None
    ki_hog: float | None = None
    markerad: bool = False


def staplar(
    id: str,
    titel: str,
    staplar_: list[Stapel],
    *,
    enhet: str,
    decimaler: int = 1,
    kalla: str = "",
    jamforelse: tuple[str, float] | None = None,
) -> Diagram:
    """Horizontal bars sorted by value with CI whiskers. The marked bar (the home region) is
    named with a ▶ as well as coloured, so it is not told by colour alone."""
    med_varde = sorted((s for s in staplar_ if s.varde is not None), key=lambda s: s.varde)
    saknas = [s for s in staplar_ if s.varde is None]
    etiketter = [f"▶ {s.namn}" if s.markerad else s.namn for s in med_varde]
    har_ki = any(s.ki_lag is not None for s in med_varde)
    fig = _Figur(
        _spar(
            "bar",
            x=[s.varde for s in med_varde],
            y=etiketter,
            orientation="h",
            marker={
                "color": ["#b35900" if s.markerad else "#0b4f8a" for s in med_varde],
                "pattern": {"shape": ["/" if s.markerad else "" for s in med_varde]},
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "color": "#1b1b1b",
                "thickness": 1.5,
                "array": [(s.ki_hog - s.varde) if s.ki_hog is not None else 0 for s in med_varde],
                "arrayminus": [
                    (s.varde - s.ki_lag) if s.ki_lag is not None else 0 for s in med_varde
                ],
            }
            if har_ki
            else None,
            hovertemplate=f"%{{y}}: %{{x:.{decimaler}f}} {enhet}<extra></extra>",
        )
    )
    if jamforelse:
        namn, varde = jamforelse
        fig.add_vline(
            x=varde,
            line={"dash": "dash", "color": "#1b1b1b"},
            annotation_text=f"{namn}: {_tal(varde, decimaler)}",
            annotation_position="top",
        )
    hojd = max(220, 28 * len(med_varde) + 90)
    fig.update_layout(
        **_layout(
            enhet,
            hojd=hojd,
            margin={"l": 200, "r": 30, "t": 30, "b": 40},
            xaxis={"title": {"text": enhet}, "gridcolor": "#dde3e8"},
            yaxis={"automargin": True},
            hovermode="closest",
            showlegend=False,
        )
    )
    rader = [
        [
            s.namn + (" (vald)" if s.markerad else ""),
            _tal(s.varde, decimaler),
            f"{_tal(s.ki_lag, decimaler)}–{_tal(s.ki_hog, decimaler)}"
            if s.ki_lag is not None
            else "–",
        ]
        for s in reversed(med_varde)
    ] + [[s.namn, "–", "–"] for s in saknas]
    return Diagram(
        id=id,
        titel=titel,
        figur=_json(fig),
        kolumner=["Område", "Värde", "95 % KI"],
        rader=rader,
        kalla=kalla,
        tom=not med_varde,
        meddelande="" if med_varde else "Det finns inga värden att visa.",
    )


_kaleido_las = threading.Lock()
_kaleido_startad = False


def svg(diagram: Diagram, *, bredd: int = 680, hojd: int | None = None) -> str:
    """The chart as vector SVG for a PDF (simplified by `forenkla_svg`). One persistent kaleido (headless Chromium) per
    process, started on first use: about 0.3 s a chart instead of a browser start each.
    The SVG is cached by the figure's content, so a report rendered again (the usual case:
    data changes seldom, reports are downloaded often) draws no chart twice."""
    from django.core.cache import caches

    figur = json.loads(json.dumps(diagram.figur))
    layout = figur.setdefault("layout", {})
    layout["width"] = bredd
    layout["height"] = hojd or min(layout.get("height", 380), 420)
    layout["hovermode"] = False
    for spar in figur.get("data", []):
        # On paper the dash patterns and the legend tell the lines apart; point markers
        # would double WeasyPrint's drawing time per chart.
        if spar.get("mode") == "lines+markers":
            spar["mode"] = "lines"
    # The version in the key: a cached SVG from before a change of `forenkla_svg` is not used.
    nyckel = (
        f"svg{SVG_VERSION}-"
        + hashlib.sha256(json.dumps(figur, sort_keys=True).encode()).hexdigest()
    )
    cache = caches["diagram"]
    if (traff := cache.get(nyckel)) is not None:
        return traff
    resultat = forenkla_svg(_kaleido_svg(figur))
    cache.set(nyckel, resultat, timeout=None)
    return resultat


def svg_bild(diagram: Diagram, *, bredd: int = 680, hojd: int | None = None) -> SafeString:
    """The chart for a PDF as `<img src="data:image/svg+xml;…">`: still vector, but
    WeasyPrint draws it as a separate image instead of running every SVG node through the
    HTML document's CSS cascade (≈ 40 % less time per chart than the same SVG inline)."""
    data = base64.b64encode(svg(diagram, bredd=bredd, hojd=hojd).encode()).decode("ascii")
    return format_html(
        '<img class="diagram" src="data:image/svg+xml;base64,{}" alt="{}">',
        data,
        f"Diagram: {diagram.titel}",
    )


def _kaleido_svg(figur: dict) -> str:
    global _kaleido_startad
    import kaleido

    with _kaleido_las:
        if not _kaleido_startad:
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            _kaleido_startad = True
        return kaleido.calc_fig_sync(figur, opts={"format": "svg"}).decode("utf-8")


def _json(fig: _Figur) -> dict:
    return {"data": fig.data, "layout": fig.layout}


def _genomskinlig(hexfarg: str, alfa: float) -> str:
    r, g, b = (int(hexfarg[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alfa})"


# --- SVG for WeasyPrint -------------------------------------------------------------------
# Plotly's SVG is built for an interactive browser: ~130 groups, most empty, a style
# attribute with five declarations on every element, clip paths, invisible hover and
# legend-toggle rectangles, one path per gridline. WeasyPrint parses each style attribute as
# CSS and walks every node, so it spent ~0.3 s drawing one chart. `forenkla_svg` keeps what
# is drawn and writes it the way WeasyPrint reads it fastest: the same picture, a tenth of
# the nodes.

_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_NS = "http://www.w3.org/1999/xlink"
# Declarations that draw nothing different from SVG's initial values, are browser-only, or
# (the miter limit of plotly's 2–3 px lines) make no visible difference on paper.
_STANDARDVARDEN = {
    ("opacity", "1"),
    ("fill-opacity", "1"),
    ("stroke-opacity", "1"),
    ("vector-effect", "none"),
    ("white-space", "pre"),
    ("stroke-miterlimit", "2"),
}
_SKALBARA_TAGGAR = {
    "path",
    "rect",
    "text",
    "g",
    "svg",
    "defs",
    "pattern",
    "linearGradient",
    "radialGradient",
    "stop",
    "tspan",
    "line",
    "polyline",
    "polygon",
    "circle",
    "ellipse",
}
_ENKEL_FORFLYTTNING = re.compile(
    r"^\s*translate\(\s*(-?[\d.e-]+)\s*(?:[,\s]\s*(-?[\d.e-]+))?\s*\)\s*$"
)
# translate(0,0), rotate(0,x,y) or nothing: moves nothing.
_OVERKSAM_TRANSFORM = re.compile(
    r"^\s*((translate\(\s*0*\.?0*\s*([,\s]\s*0*\.?0*\s*)?\))"
    r"|(rotate\(\s*0*\.?0*\s*([,\s][^)]*)?\)))?\s*$"
)
_RGB = re.compile(r"^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$")
_RELATIV_VAG = re.compile(r"^M\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)([a-z][a-z\d.,\s-]*)?$")


def _tagg(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _stil_till_attribut(element: ET.Element) -> None:
    stil = element.attrib.pop("style", "")
    for deklaration in stil.split(";"):
        namn, _, varde = deklaration.partition(":")
        namn, varde = namn.strip(), varde.strip()
        if not namn or (namn, varde) in _STANDARDVARDEN:
            continue
        if namn == "font-family":
            varde = varde.replace("'", "")
        if namn.endswith("width") and varde.endswith("px"):
            varde = varde[:-2]
        if namn == "stroke-dasharray":
            varde = varde.replace("px", "")
        if namn in ("fill", "stroke"):
            varde = _farg(varde)
        element.set(namn, varde)


def _osynlig(element: ET.Element) -> bool:
    a = element.attrib
    tagg = _tagg(element)
    if a.get("opacity") == "0" or a.get("display") == "none" or a.get("visibility") == "hidden":
        return True
    if tagg == "path" and a.get("d", "").strip() in ("", "M0,0", "M0,0Z"):
        return True
    if tagg == "rect" and (a.get("width") in ("0", None) or a.get("height") in ("0", None)):
        return True
    if tagg in ("path", "rect"):
        utan_fyllning = a.get("fill") == "none" or a.get("fill-opacity") == "0"
        # A white background on white paper draws nothing either.
        if a.get("fill") in ("#ffffff", "#fff", "white"):
            utan_fyllning = utan_fyllning or tagg == "rect"
        utan_linje = (
            "stroke" not in a
            or a.get("stroke") == "none"
            or a.get("stroke-width") in ("0", "0px")
            or a.get("stroke-opacity") == "0"
        )
        return utan_fyllning and utan_linje
    return False


def _flytta_in(element: ET.Element) -> None:
    """A plain translate moves into the coordinates: `<path transform="translate(x,y)"
    d="M0,20v185"/>` → `<path d="Mx,20+yv185"/>` when the path is one absolute move followed
    by relative steps (gridlines, ticks), and a text's x and y (tick labels)."""
    transform = element.get("transform")
    if transform is None:
        return
    flytt = _ENKEL_FORFLYTTNING.match(transform)
    if not flytt:
        return
    dx, dy = float(flytt[1]), float(flytt[2] or 0)
    tagg = _tagg(element)
    if tagg == "path" and (vag := _RELATIV_VAG.match(element.get("d", ""))):
        x, y = float(vag[1]) + dx, float(vag[2]) + dy
        element.set("d", f"M{_kort(x)},{_kort(y)}{vag[3] or ''}")
    elif tagg == "text" and len(element) == 0:
        try:
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
        except ValueError:  # a list of positions: leave it
            return
        element.set("x", _kort(x + dx))
        element.set("y", _kort(y + dy))
    else:
        return
    del element.attrib["transform"]


def _kort(tal: float) -> str:
    return f"{tal:.2f}".rstrip("0").rstrip(".")


def _farg(varde: str) -> str:
    """`rgb(27, 27, 27)` → `#1b1b1b`: the same colour, read faster."""
    if (m := _RGB.match(varde)) is None:
        return varde
    return "#" + "".join(f"{int(k):02x}" for k in m.groups())


def _rensa(element: ET.Element) -> None:
    for barn in list(element):
        tagg = _tagg(barn)
        if tagg == "clipPath" or tagg not in _SKALBARA_TAGGAR:
            element.remove(barn)
            continue
        barn.attrib.pop("class", None)
        barn.attrib.pop("clip-path", None)
        barn.attrib.pop("pointer-events", None)
        barn.attrib.pop("shape-rendering", None)
        barn.attrib.pop("data-index", None)
        if _OVERKSAM_TRANSFORM.match(barn.get("transform", "x")):
            del barn.attrib["transform"]
        _stil_till_attribut(barn)
        if barn.get("fill-opacity") == "0":  # plotly's invisible hit areas under dashed lines
            barn.set("fill", "none")
            del barn.attrib["fill-opacity"]
        if barn.get("stroke-width") == "0" and "stroke" not in barn.attrib:
            del barn.attrib["stroke-width"]
        _rensa(barn)
        _flytta_in(barn)
        tom_grupp = tagg in ("g", "defs") and len(barn) == 0
        if tom_grupp or _osynlig(barn):
            element.remove(barn)
            continue
        # A group without attributes of its own adds nothing: lift its children.
        if tagg == "g" and not barn.attrib:
            plats = list(element).index(barn)
            element.remove(barn)
            for nr, barnbarn in enumerate(list(barn)):
                element.insert(plats + nr, barnbarn)
    _sla_ihop_vagar(element)


def _sla_ihop_vagar(element: ET.Element) -> None:
    """Neighbouring paths drawn alike (every gridline of an axis) become one path."""
    barn = list(element)
    forra = None
    for nu in barn:
        if (
            forra is not None
            and _tagg(nu) == "path"
            and _tagg(forra) == "path"
            and "transform" not in nu.attrib
            and "transform" not in forra.attrib
            and {k: v for k, v in nu.attrib.items() if k != "d"}
            == {k: v for k, v in forra.attrib.items() if k != "d"}
            and _kan_slas_ihop(nu)
        ):
            forra.set("d", forra.get("d", "") + nu.get("d", ""))
            element.remove(nu)
            continue
        forra = nu


def _kan_slas_ihop(vag: ET.Element) -> bool:
    """Lines only, or opaque fills without outline (bars): drawn as one path they look the
    same. Not translucent fills (overlaps would not darken) nor even-odd fills (holes)."""
    a = vag.attrib
    if a.get("fill", "none") == "none":
        return True
    return not (
        {"opacity", "fill-opacity", "stroke", "stroke-width"} & a.keys()
        or a.get("fill-rule", "nonzero") != "nonzero"
    )


def forenkla_svg(text: str) -> str:
    """Plotly's SVG reduced to what is drawn, with presentation attributes instead of style
    attributes, no clip paths, no empty groups and one path per gridline set."""
    ET.register_namespace("", _SVG_NS)
    ET.register_namespace("xlink", _XLINK_NS)
    rot = ET.fromstring(text)
    for namn in ("class", "style"):
        rot.attrib.pop(namn, None)
    _rensa(rot)
    return ET.tostring(rot, encoding="unicode")
