"""Charts as plotly figures built in Python. The browser gets the figure JSON and draws it with
the vendored plotly.js; PDFs get the same figure as SVG. Every chart also carries its data as
a table (the text alternative) and a source caption.

Rules from DOMAIN.md: a missing value stays a gap in the line (never 0); a trend needs several
points and the chart says so when there are too few; status is never shown by colour alone.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass

MINSTA_ANTAL_FOR_TREND = 3
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
    """The chart as vector SVG for a PDF. One persistent kaleido (headless Chromium) per
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
    nyckel = "svg-" + hashlib.sha256(json.dumps(figur, sort_keys=True).encode()).hexdigest()
    cache = caches["diagram"]
    if (traff := cache.get(nyckel)) is not None:
        return traff
    resultat = _kaleido_svg(figur)
    cache.set(nyckel, resultat, timeout=None)
    return resultat


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
