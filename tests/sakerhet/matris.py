"""Shared by the permission-matrix test: every URL of the app, with arguments taken from the
demo region, requested as each persona."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

PERSONER = ["anonym", "tjansteperson", "fortroendevald", "utforare", "utforare2", "admin"]


def alla_url_namn() -> list[tuple[str, str]]:
    def gå(monster, prefix: str = "", ns: str | None = None):  # noqa: ANN001, ANN202
        for p in monster:
            if isinstance(p, URLResolver):
                namn = f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns)
                yield from gå(p.url_patterns, prefix + str(p.pattern), namn)
            elif isinstance(p, URLPattern) and p.name:
                yield (f"{ns}:{p.name}" if ns else p.name), prefix + str(p.pattern)

    return [(n, u) for n, u in gå(get_resolver().url_patterns) if not u.startswith("django-admin")]


def argument() -> dict[str, dict]:
    """Arguments for every URL with parameters, from the demo region. Objects that belong to
    provider A (utforare: Primärvården) where a provider's access matters."""
    from behov.models import (
        Behovsanalys,
        Behovsgrupp,
        Datakalla,
        Dialog,
        Halsogap,
        Importbatch,
        Indikator,
    )
    from natverken.models import Bakgrundsjobb, Fas, Kalendernyckel
    from prioritering.models import Prioriteringsomgang
    from uppdrag.models import Avstaende, Mal, Milstolpe, Uppdrag
    from uppfoljning.models import Aterrapport

    omgang = Prioriteringsomgang.objects.get(planeringsar__ar=2027)
    objekt = omgang.objekt.order_by("placering").first()
    analys = Behovsanalys.objects.filter(planeringsar__ar=2027).first()
    uppdrag_a = Uppdrag.objects.filter(
        planeringsar__ar=2026, utforare__namn="Primärvården Region Exempel"
    ).first()
    rapport = Aterrapport.objects.filter(uppdrag=uppdrag_a).first()
    historik = uppdrag_a.history.order_by("history_id").first()
    avstaende = Avstaende.objects.first()
    nyckel = Kalendernyckel.objects.first()
    return {
        "natverken:budgetbeslut": {"ar": 2027},
        "natverken:kalender_flode": {"nyckel": nyckel.nyckel if nyckel else "saknas"},
        "natverken:andra_fas": {"pk": Fas.objects.filter(planeringsar__ar=2027).first().pk},
        "natverken:jobb": {
            "pk": Bakgrundsjobb.objects.first().pk if Bakgrundsjobb.objects.exists() else 1
        },
        "rapporter:budgetunderlag": {"ar": 2026},
        "rapporter:uppdragsbeskrivning": {"pk": uppdrag_a.pk},
        "behov:import_mappning": {"pk": "00000000-0000-0000-0000-000000000000"},
        "behov:import_fel": {"pk": "00000000-0000-0000-0000-000000000000"},
        "behov:import_angra": {"pk": Importbatch.objects.first().pk},
        "behov:indikator": {"pk": Indikator.objects.first().pk},
        "behov:indikator_andra": {"pk": Indikator.objects.first().pk},
        "behov:grupp_andra": {"pk": Behovsgrupp.objects.first().pk},
        "behov:grupp_arkivera": {"pk": Behovsgrupp.objects.first().pk},
        **{
            f"behov:{n}": {"pk": analys.pk}
            for n in (
                "analys",
                "analys_pdf",
                "analys_spara",
                "analys_klar",
                "analys_oppna",
                "analys_uppdatera_varden",
                "gap_ny",
                "kalla_ny",
                "dialog_ny",
            )
        },
        **{
            f"behov:{n}": {"pk": Halsogap.objects.filter(analys=analys).first().pk}
            for n in ("gap_andra", "gap_ta_bort", "gap_beslut")
        },
        "behov:kalla_ta_bort": {"pk": Datakalla.objects.first().pk},
        "behov:dialog_ta_bort": {"pk": Dialog.objects.first().pk},
        **{
            f"prioritering:{n}": {"pk": omgang.pk}
            for n in (
                "omgang",
                "omgang_andra",
                "omgang_oppna",
                "objekt_ny",
                "rangordna",
                "mote",
                "omgang_pdf",
                "resurser",
                "besluta",
                "forslag_spara",
                "beslut_registrera",
                "reservation_ny",
                "revidera",
            )
        },
        **{
            f"prioritering:{n}": {"pk": objekt.pk}
            for n in ("objekt", "objekt_andra", "objekt_ta_bort", "bedomning_spara")
        },
        "uppdrag:avsta": {"objekt_pk": objekt.pk},
        "uppdrag:avstaende_ta_bort": {"pk": avstaende.pk},
        **{
            f"uppdrag:{n}": {"pk": uppdrag_a.pk}
            for n in (
                "detalj",
                "andra",
                "besluta",
                "kommentera",
                "mal_ny",
                "milstolpe_ny",
                "plan_spara",
                "versioner",
            )
        },
        "uppdrag:overgang": {"pk": uppdrag_a.pk, "till": "avslutad"},
        "uppdrag:version": {"pk": uppdrag_a.pk, "history_id": historik.history_id},
        **{
            f"uppdrag:{n}": {"pk": Mal.objects.filter(uppdrag=uppdrag_a).first().pk}
            for n in ("mal_andra", "mal_ta_bort")
        },
        **{
            f"uppdrag:{n}": {"pk": Milstolpe.objects.filter(uppdrag=uppdrag_a).first().pk}
            for n in ("milstolpe_ta_bort", "milstolpe_klar")
        },
        **{
            f"uppfoljning:{n}": {"pk": rapport.pk}
            for n in ("rapport", "rapport_spara", "rapport_granska")
        },
        **{f"uppfoljning:{n}": {"pk": uppdrag_a.pk} for n in ("uppdrag", "rapport_ny")},
        "uppfoljning:behovsgrupp": {"pk": analys.behovsgrupp_id},
        **{
            f"uppfoljning:{n}": {"ar": 2025}
            for n in (
                "arsuppfoljning",
                "arsuppfoljning_paborja",
                "arsuppfoljning_spara",
                "arsuppfoljning_godkann",
            )
        },
        # Not approved yet: the PDF is internal (the approved 2025 one is public, see
        # tests/uppfoljning/test_arsuppfoljning_pdf.py).
        "uppfoljning:arsuppfoljning_pdf": {"ar": 2026},
        **{f"uppfoljning:{n}": {"ar": 2027} for n in ("nasta_ar", "nasta_ar_starta")},
        "uppfoljning:fortsattning": {"ar": 2027, "pk": uppdrag_a.pk},
    }
