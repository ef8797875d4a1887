"""The follow-up's charts, built on the core's plotly helpers (natverken.lib.diagram): a goal's
trend against the straight path to its target, the gap between groups over time, and one
chart per planning year of how far each goal has come. Each carries its data as a table."""

from __future__ import annotations

import datetime as dt
import json

import plotly.graph_objects as go

from natverken.lib.diagram import Diagram, Punkt, Serie, trend
from uppfoljning.maluppfyllelse import Matpunkt, periodens_slut
from uppfoljning.underlag import Gruppskillnad, Malrad, Uppdragslage

AR_FORE_BASLINJEN = 5  # context shown before the baseline


def _tal(varde: float | None, decimaler: int) -> str:
    if varde is None:
        return "–"
    return f"{varde:,.{decimaler}f}".replace(",", "\u202f").replace(".", ",")


def _punkter(serie: list[Matpunkt]) -> list[Punkt]:
    return [Punkt(p.period, p.varde, p.ki_lag, p.ki_hog) for p in serie]


def bana_trend(
    *,
    id: str,
    titel: str,
    indikator,
    serie: list[Matpunkt],
    namn: str,  # noqa: ANN001
    baslinje: float | None,
    baslinje_slut: dt.date | None,
    malvarde: float | None,
    malar: int | None,
) -> Diagram:
    """An indicator since a few years before the baseline, with its CI band, the straight
    path from baseline to target, and the target itself."""
    fran = (baslinje_slut.year - AR_FORE_BASLINJEN) if baslinje_slut else 0
    serier = [Serie(namn, _punkter([p for p in serie if p.slut.year >= fran]))]
    malpunkt = None
    if baslinje_slut and baslinje is not None and malvarde is not None and malar:
        serier.append(
            Serie(
                "Rak bana mot målet",
                [
                    Punkt(str(baslinje_slut.year), baslinje),
                    Punkt(str(malar), malvarde),
                ],
                jamforelse=True,
            )
        )
        malpunkt = (str(malar), malvarde, f"Mål {_tal(malvarde, indikator.decimaler)} ({malar})")
    return trend(
        id,
        titel,
        serier,
        enhet=indikator.enhet,
        decimaler=indikator.decimaler,
        kalla=indikator.kalla,
        mal=malpunkt,
    )


def maltrend(rad: Malrad, *, id: str, titel: str = "") -> Diagram | None:
    """A goal's indicator against the straight path from its baseline to its target."""
    mal, ind = rad.mal, rad.mal.indikator
    if ind is None:
        return None
    omrade = mal.omrade.namn if mal.omrade_id else "Regionen"
    if not titel and mal.malvarde is not None and mal.maldatum:
        titel = f"{ind.namn} – mot målet {_tal(mal.malvarde, ind.decimaler)} ({mal.maldatum.year})"
    return bana_trend(
        id=id,
        titel=titel or f"{ind.namn} – mot målet",
        indikator=ind,
        serie=rad.serie,
        namn=omrade if mal.kon == "T" else f"{omrade}, {mal.get_kon_display().lower()}",
        baslinje=mal.baslinje_varde,
        baslinje_slut=periodens_slut(mal.baslinje_period or ""),
        malvarde=mal.malvarde,
        malar=mal.maldatum.year if mal.maldatum else None,
    )


def skillnadstrend(
    skillnader: list[Gruppskillnad],
    *,
    id: str,
    titel: str,
    enhet: str,
    decimaler: int,
    kalla: str = "",
    malar: int | None = None,
    fran_ar: int | None = None,
) -> Diagram | None:
    """The size of each gap between groups over time (lower = more equal). An equity goal
    (at most X) is drawn as a flat dashed line."""
    if not skillnader:
        return None
    serier = []
    for g in skillnader:
        punkter = [p for p in g.punkter if fran_ar is None or p.slut.year >= fran_ar]
        serier.append(Serie(g.namn[:1].upper() + g.namn[1:], _punkter(punkter)))
        if g.mal is not None and punkter:
            slut = str(malar) if malar else punkter[-1].period
            serier.append(
                Serie(
                    f"Mål: skillnad högst {_tal(g.mal, decimaler)}",
                    [Punkt(punkter[0].period, g.mal), Punkt(slut, g.mal)],
                    jamforelse=True,
                )
            )
    return trend(id, titel, serier, enhet=enhet, decimaler=decimaler, kalla=kalla)


def framsteg(lagen: list[Uppdragslage], *, id: str, titel: str) -> Diagram:
    """How far each goal has come from its baseline toward its target (0 % = baseline,
    100 % = target), beside where a straight path says it should be now. Goals with too few
    points are left out and named under the chart."""
    rader_ = []
    utelamnade = 0
    for lage in lagen:
        for rad in lage.indikatormal:
            b, mal = rad.bedomning, rad.mal
            if b.senaste is None or b.for_fa_punkter or mal.malvarde == mal.baslinje_varde:
                utelamnade += 1
                continue
            steg = mal.malvarde - mal.baslinje_varde

            def andel(
                v: float | None, steg: float = steg, bas: float = mal.baslinje_varde
            ) -> float | None:
                return None if v is None else 100 * (v - bas) / steg

            lo, hi = andel(b.senaste.ki_lag), andel(b.senaste.ki_hog)
            if lo is not None and hi is not None and lo > hi:
                lo, hi = hi, lo
            etikett = f"{b.ikon} {mal.indikator.namn}"
            if len(etikett) > 58:
                etikett = etikett[:56] + "…"
            rader_.append(
                {
                    "etikett": f"{etikett}<br><sub>{lage.uppdrag.titel}</sub>",
                    "text": f"{mal.indikator.namn} ({lage.uppdrag.titel})",
                    "nu": andel(b.senaste.varde),
                    "lo": lo,
                    "hi": hi,
                    "bana": andel(b.forvantat) if b.forvantat is not None else None,
                    "status": f"{b.ikon} {b.etikett}",
                    "period": b.senaste.period,
                }
            )
    meddelande = ""
    if utelamnade and not rader_:
        meddelande = (
            f"Inget av de {utelamnade} hälsomålen kan bedömas ännu: det finns för få "
            "mätpunkter sedan baslinjen. Bedömningen kommer när nästa års värden är "
            "importerade."
        )
    elif utelamnade:
        meddelande = (
            f"{utelamnade} mål visas inte: för få mätpunkter sedan baslinjen "
            "eller inget värde ännu."
        )
    if not rader_:
        return Diagram(
            id=id,
            titel=titel,
            figur={},
            kolumner=[],
            rader=[],
            tom=True,
            meddelande=meddelande or "Inga mål med indikator att visa.",
        )
    rader_.reverse()  # plotly draws the first category at the bottom
    y = [r["etikett"] for r in rader_]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[r["bana"] for r in rader_],
            y=y,
            mode="markers",
            name="Enligt rak bana",
            marker={
                "symbol": "line-ns-open",
                "size": 22,
                "color": "#4a4a4a",
                "line": {"width": 3, "color": "#4a4a4a"},
            },
            hovertemplate="Enligt rak bana: %{x:.0f} %<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[r["nu"] for r in rader_],
            y=y,
            mode="markers",
            name="Uppmätt (senaste värdet)",
            marker={"symbol": "diamond", "size": 13, "color": "#0b4f8a"},
            error_x={
                "type": "data",
                "symmetric": False,
                "color": "#0b4f8a",
                "thickness": 1.5,
                "array": [(r["hi"] - r["nu"]) if r["hi"] is not None else 0 for r in rader_],
                "arrayminus": [(r["nu"] - r["lo"]) if r["lo"] is not None else 0 for r in rader_],
            },
            customdata=[r["status"] for r in rader_],
            hovertemplate="Uppmätt: %{x:.0f} % av vägen<br>%{customdata}<extra></extra>",
        )
    )
    fig.add_vline(
        x=0,
        line={"color": "#4a4a4a", "width": 1},
        annotation_text="Baslinje",
        annotation_position="top",
    )
    fig.add_vline(
        x=100,
        line={"color": "#1e6b2f", "width": 2, "dash": "dash"},
        annotation_text="Målet",
        annotation_position="top",
    )
    hojd = max(280, 52 * len(rader_) + 170)
    rityta = hojd - 40 - 110  # the legend sits in the bottom margin, below the axis title
    fig.update_layout(
        separators=", ",
        height=hojd,
        template="none",
        margin={"l": 20, "r": 20, "t": 40, "b": 110},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 13, "color": "#1b1b1b"},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        hovermode="closest",
        xaxis={
            "title": {"text": "Andel av vägen från baslinjen till målet (%)"},
            "ticksuffix": " %",
            "gridcolor": "#dde3e8",
            "zeroline": False,
        },
        yaxis={"automargin": True, "type": "category"},
        legend={"orientation": "h", "yanchor": "top", "y": -75 / rityta, "x": 0},
    )
    tabell = [
        [r["text"], f"{_tal(r['nu'], 0)} %", f"{_tal(r['bana'], 0)} %", r["status"]]
        for r in reversed(rader_)
    ]
    return Diagram(
        id=id,
        titel=titel,
        figur=json.loads(fig.to_json()),
        kolumner=["Mål", "Uppmätt, andel av vägen", "Enligt rak bana", "Bedömning"],
        rader=tabell,
        meddelande=meddelande,
        kalla="Senaste importerade värden i behov; 0 % = baslinjen, 100 % = målvärdet. "
        "Strecket för uppmätt värde är dess 95 % konfidensintervall.",
    )
