"""Commission lists download as Excel and CSV with the page's filters, and a provider's
download holds only its own commissions."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import _klient
from tests.nedladdning import csv_tabell, filnamn, xlsx_rader
from tests.uppdrag.hjalp import S, i_status, nytt_uppdrag
from uppdrag.models import Uppdrag

pytestmark = pytest.mark.django_db


@pytest.fixture
def tre(objekt, utforare_a, utforare_b):
    a = i_status(nytt_uppdrag(objekt[:1], utforare_a, titel="Alfa – Åre"), S.DIALOG)
    b = i_status(nytt_uppdrag(objekt[1:2], utforare_b, titel="Beta"), S.DIALOG)
    c = nytt_uppdrag(objekt[2:], utforare_b, titel="=Gamma")
    Uppdrag.objects.filter(pk=a.pk).update(budget_tkr=1250)
    Uppdrag.objects.filter(pk=c.pk).update(insatstyp="behandling")
    return a, b, c


def _titlar(svar) -> list[str]:  # noqa: ANN001
    rader = xlsx_rader(svar)
    nr = rader[0].index("Uppdrag")
    return sorted(r[nr] for r in rader[1:])


def test_listan_som_excel_foljer_filtret(klient_tjp, tre, utforare_b):
    assert _titlar(klient_tjp.get("/uppdrag/?ar=2027&format=xlsx")) == [
        "=Gamma",
        "Alfa – Åre",
        "Beta",
    ]
    assert _titlar(klient_tjp.get("/uppdrag/?ar=2027&status=dialog&format=xlsx")) == [
        "Alfa – Åre",
        "Beta",
    ]
    svar = klient_tjp.get(f"/uppdrag/?ar=2027&utforare={utforare_b.pk}&format=xlsx")
    assert _titlar(svar) == ["=Gamma", "Beta"]
    assert filnamn(svar).startswith("uppdrag-2027-")


def test_csv_gar_runt_med_tal_och_aao(klient_fv, tre):
    df = csv_tabell(klient_fv.get("/uppdrag/?ar=2027&status=dialog&format=csv"))
    alfa = df[df["Uppdrag"] == "Alfa – Åre"].iloc[0]
    assert alfa["Budget (tkr)"] == 1250
    assert alfa["Utförare"] == "Vårdcentralen Norr"
    assert alfa["Status"] == "Dialog" and alfa["År"] == 2027
    assert alfa["Behov"].startswith("Behov 1: Rökare i Dalarna (placering 1)")


def test_utforaren_far_bara_sina_egna(klient_utf, tre, utforare_b_anvandare):
    # Provider A: its one commission in dialogue; B's and the draft never.
    assert _titlar(klient_utf.get("/uppdrag/?ar=2027&format=xlsx")) == ["Alfa – Åre"]
    assert _titlar(klient_utf.get("/uppdrag/mina/?format=xlsx")) == ["Alfa – Åre"]
    df = csv_tabell(klient_utf.get("/uppdrag/mina/?format=csv"))
    assert set(df["Utförare"]) == {"Vårdcentralen Norr"}
    # Provider B sees its commission in dialogue, not its draft.
    klient_b = _klient(utforare_b_anvandare)
    svar = klient_b.get("/uppdrag/mina/?format=xlsx")
    assert _titlar(svar) == ["Beta"]
    assert filnamn(svar).startswith("uppdrag-psykiatrin-syd-")
    # A provider's filter on another provider is not possible: the filter has no such field.
    assert _titlar(
        klient_b.get(f"/uppdrag/?ar=2027&utforare={tre[0].utforare_id}&format=xlsx")
    ) == ["Beta"]


def test_mina_lankar_till_nedladdning(klient_utf, tre):
    html = klient_utf.get("/uppdrag/mina/").content.decode()
    assert 'href="?format=xlsx"' in html and 'href="?format=csv"' in html


def test_uppdra_eller_forklara(klient_tjp, objekt, utforare_a):
    nytt_uppdrag(objekt[:1], utforare_a, titel="Rökfri")
    rader = xlsx_rader(klient_tjp.get("/uppdrag/adressera-eller-forklara/?ar=2027&format=xlsx"))
    assert rader[0][:5] == ["Beslutande organ", "Placering", "Behov", "Behovsgrupp", "Svar"]
    assert [(r[1], r[4]) for r in rader[1:]] == [(1, "Uppdrag"), (2, "Saknar uppdrag")]


def test_ingen_nedladdning_for_anonym_och_mina_bara_for_utforare(klient_tjp, tre):
    for url in ("/uppdrag/?format=xlsx", "/uppdrag/mina/?format=csv"):
        svar = Client().get(url)
        assert svar.status_code == 302 and "/konto/logga-in/" in svar["Location"]
    assert klient_tjp.get("/uppdrag/mina/?format=csv").status_code == 403


def test_uppdragets_mal_och_annans_uppdrag_ger_404(klient_utf, klient_tjp, tre):
    a, b, _ = tre
    rader = xlsx_rader(klient_utf.get(f"/uppdrag/{a.pk}/?format=xlsx"))
    assert rader[0][:3] == ["Mål", "Nivå", "Indikator"]
    assert len(rader) == 1 + a.mal.count() >= 2
    assert rader[1][2] == "Daglig rökning"
    assert isinstance(rader[1][6], float)  # the baseline, a number
    assert klient_utf.get(f"/uppdrag/{b.pk}/?format=xlsx").status_code == 404
    assert 'href="?format=xlsx"' in klient_tjp.get(f"/uppdrag/{a.pk}/").content.decode()
