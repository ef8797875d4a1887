"""What the data says about a needs analysis's gaps: current values with CI, riket for
comparison, the gap between groups, and a trend chart per gap. Computed from one query of
values, so a page (or a report) costs the same whatever the size of the values table."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from behov.models import Behovsanalys, Halsogap, Kon, Matvarde
from behov.statistik import Jamforelse, jamfor
from natverken.lib.diagram import Diagram, Punkt, Serie, trend
from natverken.models import Omrade

Nyckel = tuple[int, int, str, str | None, str | None]  # indikator, omrade, kon, dimension, kategori


@dataclass
class Gruppvarde:
    namn: str
    varde: float | None
    period: str


@dataclass
class Gapunderlag:
    gap: Halsogap
    senaste: Matvarde | None
    riket: Matvarde | None
    jamforelse_riket: Jamforelse
    kon: list[Gruppvarde] = field(default_factory=list)
    uppdelningar: dict[str, list[Gruppvarde]] = field(default_factory=dict)
    omraden: list[Gruppvarde] = field(default_factory=list)
    diagram: Diagram | None = None

    @property
    def konsskillnad(self) -> float | None:
        varden = {g.namn: g.varde for g in self.kon}
        k, m = varden.get(Kon.KVINNOR.label), varden.get(Kon.MAN.label)
        return None if k is None or m is None else k - m

    @property
    def omradesspann(self) -> tuple[Gruppvarde, Gruppvarde] | None:
        med_varde = [o for o in self.omraden if o.varde is not None]
        if len(med_varde) < 2:
            return None
        return min(med_varde, key=lambda o: o.varde), max(med_varde, key=lambda o: o.varde)


def _senaste(rader: list[Matvarde]) -> Matvarde | None:
    med_varde = [r for r in rader if r.varde is not None]
    return max(med_varde, key=lambda r: (r.period_start, r.period_slut)) if med_varde else None


def gapunderlag(analys: Behovsanalys, *, med_diagram: bool = True) -> list[Gapunderlag]:
    gapen = list(
        analys.halsogap.select_related("indikator", "omrade", "malbeslut__organ").order_by(
            "indikator__namn"
        )
    )
    if not gapen:
        return []
    riket = Omrade.objects.filter(typ=Omrade.Typ.RIKET).first()
    gap_omraden = {g.omrade_id for g in gapen}
    # The gap's area, riket, and the parts of each gap area (kommuner of a region).
    delar = list(Omrade.objects.filter(foralder_id__in=gap_omraden))
    omrades_ids = gap_omraden | {o.pk for o in delar} | ({riket.pk} if riket else set())
    varden = Matvarde.objects.filter(
        indikator_id__in={g.indikator_id for g in gapen}, omrade_id__in=omrades_ids
    ).order_by("period_start")
    per_nyckel: dict[Nyckel, list[Matvarde]] = defaultdict(list)
    for v in varden:
        per_nyckel[(v.indikator_id, v.omrade_id, v.kon, v.dimension, v.kategori)].append(v)
    namn_per_omrade = {o.pk: o.namn for o in delar}

    resultat = []
    for gap in gapen:
        ind = gap.indikator
        egna = per_nyckel.get((ind.pk, gap.omrade_id, gap.kon, gap.dimension, gap.kategori), [])
        rikets = per_nyckel.get((ind.pk, riket.pk, gap.kon, None, None), []) if riket else []
        senaste, riket_senaste = _senaste(egna), _senaste(rikets)
        underlag = Gapunderlag(
            gap=gap,
            senaste=senaste,
            riket=riket_senaste,
            jamforelse_riket=jamfor(
                senaste.varde if senaste else None,
                (senaste.ki_lag, senaste.ki_hog) if senaste else (None, None),
                riket_senaste.varde if riket_senaste else None,
                (riket_senaste.ki_lag, riket_senaste.ki_hog) if riket_senaste else (None, None),
                ind.polaritet,
            ),
        )
        for kon in (Kon.KVINNOR, Kon.MAN):
            s = _senaste(per_nyckel.get((ind.pk, gap.omrade_id, kon, None, None), []))
            if s:
                underlag.kon.append(Gruppvarde(kon.label, s.varde, s.period))
        for (i, o, k, dim, kat), rader in per_nyckel.items():
            if i == ind.pk and o == gap.omrade_id and k == Kon.TOTALT and dim is not None:
                s = _senaste(rader)
                if s:
                    underlag.uppdelningar.setdefault(dim, []).append(
                        Gruppvarde(kat, s.varde, s.period)
                    )
        for del_ in delar:
            if del_.foralder_id == gap.omrade_id:
                s = _senaste(per_nyckel.get((ind.pk, del_.pk, Kon.TOTALT, None, None), []))
                underlag.omraden.append(
                    Gruppvarde(
                        namn_per_omrade[del_.pk], s.varde if s else None, s.period if s else ""
                    )
                )
        if med_diagram:
            serier = [
                Serie(
                    f"{gap.omrade.namn} ({Kon(gap.kon).label.lower()})", [_punkt(v) for v in egna]
                )
            ]
            for kon in (Kon.KVINNOR, Kon.MAN):
                rader = per_nyckel.get((ind.pk, gap.omrade_id, kon, None, None), [])
                if rader and gap.kon == Kon.TOTALT:
                    serier.append(Serie(kon.label, [_punkt(v) for v in rader]))
            if rikets:
                serier.append(Serie("Riket", [_punkt(v) for v in rikets], jamforelse=True))
            mal = None
            if gap.malvarde is not None and (gap.beslutat_malar or gap.foreslaget_malar):
                ar = gap.beslutat_malar if gap.mal_ar_beslutat else gap.foreslaget_malar
                mal = (
                    str(ar),
                    gap.malvarde,
                    "Beslutat mål" if gap.mal_ar_beslutat else "Föreslaget mål",
                )
            underlag.diagram = trend(
                f"diagram-gap-{gap.pk}",
                f"{ind.namn} – {gap.omrade.namn}",
                serier,
                enhet=ind.enhet,
                decimaler=ind.decimaler,
                kalla=ind.kalla,
                mal=mal,
            )
        resultat.append(underlag)
    return resultat


def _punkt(v: Matvarde) -> Punkt:
    return Punkt(v.period, v.varde, v.ki_lag, v.ki_hog)
