"""The demo region's follow-up tells a true story for 2025 and 2026 on every page, and a
second run of the demo writes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import _klient
from uppdrag.models import Mal, Uppdrag
from uppfoljning.maluppfyllelse import Maluppfyllelse
from uppfoljning.models import Arsuppfoljning, Aterrapport, Fortsattningsbeslut, Malstatus
from uppfoljning.underlag import med_uppfoljning, uppdragslagen

pytestmark = pytest.mark.django_db
IDAG = dt.date(2026, 11, 23)


def _som(namn: str):
    return _klient(get_user_model().objects.get(username=namn))


def _lagen(ar: int):
    return uppdragslagen(med_uppfoljning(Uppdrag.objects.filter(planeringsar__ar=ar)), idag=IDAG)


def test_2025_har_mal_i_varje_lage_och_ett_genomfort_uppdrag_utan_effekt(demo):
    lagen = _lagen(2025)
    statusar = {rad.bedomning.status for lage in lagen for rad in lage.indikatormal}
    assert statusar == set(Maluppfyllelse)
    utan_effekt = [lage.uppdrag.titel for lage in lagen if lage.genomfort_utan_effekt]
    assert "Första linjen för unga 2025" in utan_effekt
    assert all(lage.ar_genomfort for lage in lagen)


def test_2025_arsuppfoljning_ar_godkand_med_det_namnden_sag(demo):
    arsupp = Arsuppfoljning.objects.get(planeringsar__ar=2025)
    mal = Mal.objects.filter(uppdrag__planeringsar__ar=2025, indikator__isnull=False)
    assert set(arsupp.bedomningar_vid_beslut) == {str(m.pk) for m in mal}
    html = _som("fortroendevald").get("/uppfoljning/arsuppfoljning/2025/").content.decode()
    assert "Godkänd av Hälso- och sjukvårdsnämnden" in html and "Målet nått" in html


def test_2026_har_aterstand_rapport_forsenade_och_saknade_beslut(demo):
    aterstand = Aterrapport.objects.get(
        uppdrag__titel="Första linjen för unga 2026", rapportstatus="atersand"
    )
    assert "väntetiderna" in aterstand.granskningskommentar
    lagen = {lage.uppdrag.titel: lage for lage in _lagen(2026)}
    assert [
        r.period for r in lagen["Blodtrycksmottagningar i primärvården 2026"].forsenade_rapporter
    ] == ["2026 H1"]
    assert lagen["Första linjen för unga 2026"].forsenade_rapporter
    saknar = {t for t, lage in lagen.items() if lage.behover_fortsattningsbeslut}
    assert saknar == {"Första linjen för unga 2026", "Blodtrycksmottagningar i primärvården 2026"}
    # Too early to judge health: only one value after the 2024 baselines.
    assert all(lage.utfall.nyckel == "for_tidigt" for lage in lagen.values())
    assert Malstatus.objects.filter(uppmatt_varde__isnull=False).exists()


def test_lagesbilden_skiljer_det_som_behover_beslut_fran_resten(demo):
    html = _som("fortroendevald").get("/uppfoljning/?ar=2026").content.decode()
    besluta, resten = html.split('id="besluta-rubrik"')[1].split('id="lugnt-rubrik"')
    assert (
        "Första linjen för unga 2026" in besluta
        and "Blodtrycksmottagningar i primärvården 2026" in besluta
    )
    assert "Mobila team för multisjuka äldre 2026" in resten
    html = _som("fortroendevald").get("/uppfoljning/?ar=2025").content.decode()
    assert "genomfört fullt – men hälsan har inte rört sig mot målen" in html


@pytest.mark.parametrize(
    ("anvandare", "url"),
    [
        ("fortroendevald", "/uppfoljning/?ar=2025"),
        ("tjansteperson", "/uppfoljning/?ar=2026"),
        ("utforare2", "/uppfoljning/?ar=2026"),
        ("tjansteperson", "/uppfoljning/rapporter/?ar=2026"),
        ("fortroendevald", "/uppfoljning/uppdrag/{uppdrag}/"),
        ("fortroendevald", "/uppfoljning/behovsgrupper/{grupp}/?ar=2025"),
        ("fortroendevald", "/uppfoljning/arsuppfoljning/2025/"),
        ("fortroendevald", "/uppfoljning/nasta-ar/2027/"),
        ("tjansteperson", "/uppfoljning/nasta-ar/2028/"),
        ("utforare2", "/uppfoljning/rapporter/{rapport}/"),
    ],
)
def test_sidorna_visar_demon_med_fast_antal_fragor(demo, anvandare, url):
    uppdrag = Uppdrag.objects.get(titel="Första linjen för unga 2025")
    url = url.format(
        uppdrag=uppdrag.pk,
        grupp=uppdrag.prioriteringsobjekt.get().behovsgrupp_id,
        rapport=Aterrapport.objects.get(
            uppdrag__titel="Första linjen för unga 2026", period="2026 T2"
        ).pk,
    )
    klient = _som(anvandare)
    klient.get(url)
    with CaptureQueriesContext(connection) as fragor:
        assert klient.get(url).status_code == 200
    assert len(fragor) <= 30, [q["sql"][:100] for q in fragor.captured_queries]


def test_andra_korningen_skriver_ingen_historik(demo):
    modeller = [Aterrapport, Malstatus, Arsuppfoljning, Fortsattningsbeslut, Mal]
    fore = [m.history.count() for m in modeller]
    call_command("demo", stdout=io.StringIO())
    assert [m.history.count() for m in modeller] == fore
