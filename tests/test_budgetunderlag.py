"""The budgetunderlag PDF for the demo region: decided order and allocation sum are in it,
UTKAST marks what is not decided, and the public get it only when decided."""

from __future__ import annotations

import subprocess

import pytest
from django.test import Client

from behov.models import Halsogap
from prioritering.models import Prioriteringsomgang, Resursfordelning
from tests.conftest import _klient

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def _sidor(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    return int(next(r for r in info.decode().splitlines() if r.startswith("Pages:")).split()[1])


def _tkr(belopp) -> str:
    return f"{belopp:,.0f}".replace(",", "\u00a0") + " tkr"


def test_budgetunderlaget_har_ordningen_och_summan(demo):
    from django.contrib.auth import get_user_model

    klient = _klient(get_user_model().objects.get(username="fortroendevald"))
    svar = klient.get("/rapporter/budgetunderlag/2027/")
    assert (
        svar["Content-Disposition"]
        == 'attachment; filename="budgetunderlag-2027-region-exempel.pdf"'
    )
    text = _text(svar.content)
    omgang = Prioriteringsomgang.objects.get(planeringsar__ar=2027)
    ordning = list(omgang.objekt.order_by("placering").values_list("rubrik", flat=True))
    positioner = [text.index(f"{nr}. {rubrik}") for nr, rubrik in enumerate(ordning, start=1)]
    assert positioner == sorted(positioner)  # in decided order
    summa = sum(r.belopp_tkr for r in Resursfordelning.objects.filter(objekt__omgang=omgang))
    assert _tkr(summa).replace("\u00a0", " ") in text.replace("\u00a0", " ")
    assert "Maria Sandberg (M)" in text  # the reservation
    assert "UTKAST" in text  # fullmäktige has not decided the 2027 budget yet
    assert "Första linjen för unga 2027" in text
    assert (
        "Blodtrycksmottagningar i primärvården 2027 – UTKAST" in text
    )  # for decision, not decided
    # Every gap of a decided need has its trend chart, and a gap in the region also a chart of
    # the latest value in each of its kommuner; the report is the benchmark's 30+ pages.
    gapen = list(
        Halsogap.objects.filter(prioriteringsobjekt__omgang=omgang)
        .select_related("indikator", "omrade")
        .distinct()
    )
    rader = " ".join(text.split())
    for gap in gapen:
        assert rader.count(f"{gap.indikator.namn} – {gap.omrade.namn}") >= 2  # heading, chart
    i_regionen = [g for g in gapen if g.omrade.namn == "Region Exempel"]
    assert rader.count("– områdena i Region Exempel, ") == len(i_regionen) > 15
    assert _sidor(svar.content) >= 30


def test_beslutad_budget_har_ingen_utkastmarkering(demo):
    from django.contrib.auth import get_user_model

    klient = _klient(get_user_model().objects.get(username="tjansteperson"))
    text = _text(klient.get("/rapporter/budgetunderlag/2026/").content)
    assert "UTKAST" not in text and "Budgeten beslutad" in text


def test_allmanheten_far_bara_beslutat(demo):
    text = _text(Client().get("/rapporter/budgetunderlag/2027/").content)
    assert "Första linjen för unga 2027" in text  # decided commission
    assert "Blodtrycksmottagningar i primärvården 2027" not in text  # not yet decided
    Prioriteringsomgang.objects.filter(planeringsar__ar=2027).update(
        status="rangordning", beslut=None
    )
    assert Client().get("/rapporter/budgetunderlag/2027/").status_code == 404


def test_prioritetsgraden_ar_modellens_forslag_nar_ingen_egen_ar_satt(demo):
    from django.contrib.auth import get_user_model

    from prioritering.models import Bedomning

    omgang = Prioriteringsomgang.objects.get(planeringsar__ar=2027)
    forsta = omgang.objekt.get(placering=1)
    Bedomning.objects.filter(objekt=forsta).update(prioritetsgrad=None)
    forsta.refresh_from_db()
    forslag = forsta.bedomning.forslag.grad
    klient = _klient(get_user_model().objects.get(username="tjansteperson"))
    text = " ".join(_text(klient.get("/rapporter/budgetunderlag/2027/").content).split())
    assert f"prioritetsgrad {forslag} (modellens förslag)." in text
    assert "prioritetsgrad –" not in text


def test_uppdragsbeskrivningen_till_utforaren(demo):
    from django.contrib.auth import get_user_model

    from uppdrag.models import Uppdrag

    User = get_user_model()
    beslutat = Uppdrag.objects.get(titel="Strukturerad diabetesvård i primärvården 2026")
    svar = _klient(User.objects.get(username="utforare")).get(f"/rapporter/uppdrag/{beslutat.pk}/")
    assert (
        'filename="uppdragsbeskrivning-2026-strukturerad-diabetesvard'
        in svar["Content-Disposition"]
    )
    text = _text(svar.content)
    assert "Uppdrag: Strukturerad diabetesvård i primärvården 2026" in text
    assert "Beslutat av Hälso- och sjukvårdsnämnden" in text and "UTKAST" not in text
    assert "Diabetes typ 2 med HbA1c över 70 mmol/mol" in text  # a goal on the need's indicator
    assert (
        _klient(User.objects.get(username="utforare2"))
        .get(f"/rapporter/uppdrag/{beslutat.pk}/")
        .status_code
        == 404
    )
    utkast = Uppdrag.objects.filter(status="dialog").first()
    text = _text(
        _klient(User.objects.get(username="tjansteperson"))
        .get(f"/rapporter/uppdrag/{utkast.pk}/")
        .content
    )
    assert "UTKAST" in text


def test_diagrammen_ritas_i_forvag_sa_att_nedladdningen_inte_ritar_nagot(
    demo, settings, tmp_path, monkeypatch
):
    """After the background task, downloading the budgetunderlag draws no chart: every SVG
    comes from the chart cache (drawing is most of a cold report's time)."""
    from natverken.lib import diagram
    from uppdrag.tasks import forbered_budgetunderlag

    settings.CACHES = {
        **settings.CACHES,
        "diagram": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "diagram"),
        },
    }
    ritade = []
    rita = diagram._kaleido_svg
    monkeypatch.setattr(diagram, "_kaleido_svg", lambda figur: ritade.append(1) or rita(figur))

    forbered_budgetunderlag.call(ar=2027)
    assert len(ritade) >= 15  # the task drew the report's charts …
    ritade.clear()
    from django.contrib.auth import get_user_model

    klient = _klient(get_user_model().objects.get(username="fortroendevald"))
    svar = klient.get("/rapporter/budgetunderlag/2027/")
    assert svar.status_code == 200 and "Summa fördelat" in _text(svar.content)
    assert ritade == []  # … so the download draws none
