"""Starting the next planning year carries the loop forward: unmet gaps become draft needs
analyses with today's values, and every running commission needs continue / revise / close.
Doing it twice creates nothing twice."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.utils import timezone

from behov.models import Behovsanalys, Behovsgrupp, Halsogap
from natverken.models import Beslut, Planeringsar
from tests import factories
from tests.uppfoljning import hjalp
from uppfoljning import services
from uppfoljning.models import Fortsattningsbeslut

pytestmark = pytest.mark.django_db
IDAG = timezone.localdate()
FORRA = IDAG.year  # the planning year whose analyses exist; its commissions run now
NASTA = FORRA + 1


@pytest.fixture
def forra_ar():
    """Last year's analysis of a group with three gaps: one unmet, one met since, one
    without data. And an analysis already marked ready for a second group."""
    omrade = hjalp.dalarna()
    ej_natt = hjalp.indikator("T-EJ", {FORRA - 2: 30.0, FORRA - 1: 31.0})
    natt = hjalp.indikator("T-NATT", {FORRA - 2: 30.0, FORRA - 1: 24.0})
    utan_data = hjalp.indikator("T-TOM", {})
    grupp = Behovsgrupp.objects.create(namn="Unga", omrade=omrade)
    analys = Behovsanalys.objects.create(
        behovsgrupp=grupp,
        planeringsar=factories.planeringsar(FORRA),
        status=Behovsanalys.Status.KLAR,
    )
    beslut = factories.beslut()
    for ind in (ej_natt, natt, utan_data):
        Halsogap.objects.create(
            analys=analys,
            indikator=ind,
            omrade=omrade,
            aktuellt_varde=30.0,
            aktuell_period=str(FORRA - 2),
            beslutat_mal=25.0,
            beslutat_malar=FORRA + 2,
            malbeslut=beslut,
            ar_vardbehov=True,
            vardbehov_motivering="Vården kan påverka",
        )
    return analys


def _antal() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count()
        for app in ("natverken", "behov", "uppfoljning")
        for m in apps.get_app_config(app).get_models()
        if m._meta.label != "natverken.Bakgrundsjobb"
    }


def test_ouppfyllda_gap_blir_utkast_med_senaste_varden(forra_ar):
    resultat = services.starta_planeringsar(ar=NASTA)
    ny = Behovsanalys.objects.get(planeringsar__ar=NASTA)
    assert resultat.nya_analyser == [ny] and ny.status == "utkast" and ny.foregaende == forra_ar
    gap = {g.indikator.kod: g for g in ny.halsogap.select_related("indikator")}
    assert set(gap) == {"T-EJ", "T-TOM"}  # the met gap is left behind
    assert (gap["T-EJ"].aktuellt_varde, gap["T-EJ"].aktuell_period) == (31.0, str(FORRA - 1))
    assert gap["T-TOM"].aktuellt_varde is None  # missing stays missing
    # Last year's decided target is the proposal; the body decides anew.
    assert (gap["T-EJ"].foreslaget_mal, gap["T-EJ"].foreslaget_malar) == (25.0, FORRA + 2)
    assert (
        gap["T-EJ"].beslutat_mal is None
        and gap["T-EJ"].vardbehov_motivering == "Vården kan påverka"
    )
    assert Planeringsar.objects.get(ar=NASTA).faser.count() == 9


def test_att_starta_tva_ganger_skapar_inget_tva_ganger(forra_ar):
    services.starta_planeringsar(ar=NASTA)
    fore = _antal()
    historik = Halsogap.history.count() + Behovsanalys.history.count()
    resultat = services.starta_planeringsar(ar=NASTA)
    assert _antal() == fore
    assert Halsogap.history.count() + Behovsanalys.history.count() == historik
    assert (
        resultat.nya_analyser == []
        and resultat.overforda_gap == 0
        and resultat.redan_overforda == 2
    )


def test_klar_analys_for_nasta_ar_andras_inte(forra_ar):
    klar = Behovsanalys.objects.create(
        behovsgrupp=forra_ar.behovsgrupp,
        planeringsar=factories.planeringsar(NASTA),
        status=Behovsanalys.Status.KLAR,
    )
    resultat = services.starta_planeringsar(ar=NASTA)
    assert not klar.halsogap.exists() and resultat.lasta_analyser == [klar]


def test_utkast_for_nasta_ar_kompletteras_med_det_som_saknas(forra_ar):
    utkast = Behovsanalys.objects.create(
        behovsgrupp=forra_ar.behovsgrupp, planeringsar=factories.planeringsar(NASTA)
    )
    Halsogap.objects.create(
        analys=utkast,
        indikator=forra_ar.halsogap.get(indikator__kod="T-EJ").indikator,
        omrade=hjalp.dalarna(),
    )
    resultat = services.starta_planeringsar(ar=NASTA)
    assert (resultat.overforda_gap, resultat.redan_overforda) == (1, 1)
    assert utkast.halsogap.count() == 2


def test_ett_ar_i_taget(forra_ar):
    with pytest.raises(Exception, match="måste startas före"):
        services.starta_planeringsar(ar=NASTA + 1)


def test_tjansteperson_startar_fran_sidan(klient_tjp, forra_ar):
    html = klient_tjp.get(f"/uppfoljning/nasta-ar/{NASTA}/").content.decode()
    assert "Inte fört vidare ännu" in html and "Nått – förs inte vidare" in html
    svar = klient_tjp.post(f"/uppfoljning/nasta-ar/{NASTA}/starta/", follow=True)
    html = svar.content.decode()
    assert "1 nya behovsanalyser som utkast, 2 ouppfyllda hälsogap förda vidare" in html
    assert "Fört vidare" in html and "Inte fört vidare ännu" not in html


@pytest.mark.parametrize("klient", ["klient_fv", "klient_utf"])
def test_bara_tjansteperson_startar(request, klient, forra_ar):
    assert (
        request.getfixturevalue(klient).post(f"/uppfoljning/nasta-ar/{NASTA}/starta/").status_code
        == 403
    )
    assert not Planeringsar.objects.filter(ar=NASTA).exists()


def test_starta_kraver_post(klient_tjp, forra_ar):
    assert klient_tjp.get(f"/uppfoljning/nasta-ar/{NASTA}/starta/").status_code == 405


# --- Continue, revise or close ------------------------------------------------------------


@pytest.fixture
def lopande(utforare_a, forra_ar):
    factories.planeringsar(NASTA)
    return hjalp.uppdrag(utforare_a, ar=FORRA)


@pytest.fixture
def hsn(fortroendevald):
    organ = factories.organ()
    factories.ledamot(organ, "Erik Holm", "S", fortroendevald)
    return organ


def _besluta(klient, uppdrag, organ, **extra):
    p = f"u{uppdrag.pk}-"
    data = {
        p + "val": "revidera",
        p + "motivering": "Hälsan rör sig inte.",
        p + "organ": organ.pk,
        p + "datum": f"{FORRA}-10-20",
        p + "paragraf": "§ 98",
    }
    data.update({p + k: v for k, v in extra.items()})
    return klient.post(f"/uppfoljning/nasta-ar/{NASTA}/fortsattning/{uppdrag.pk}/", data)


def test_sidan_listar_lopande_uppdrag_som_saknar_beslut(klient_fv, lopande, hsn):
    html = klient_fv.get(f"/uppfoljning/nasta-ar/{NASTA}/").content.decode()
    assert (
        lopande.titel in html and "Beslut saknas" in html and "Registrera nämndens beslut" in html
    )
    services.starta_planeringsar(ar=NASTA)
    assert services.starta_planeringsar(ar=NASTA).utan_fortsattningsbeslut == 1


def test_ledamot_registrerar_beslut_med_skal(klient_fv, fortroendevald, lopande, hsn):
    svar = _besluta(klient_fv, lopande, hsn)
    assert svar.status_code == 302
    beslut = Fortsattningsbeslut.objects.get()
    assert (beslut.uppdrag, beslut.planeringsar.ar, beslut.val) == (lopande, NASTA, "revidera")
    assert beslut.beslut.registrerat_av == fortroendevald and beslut.beslut.paragraf == "§ 98"
    html = klient_fv.get(f"/uppfoljning/nasta-ar/{NASTA}/").content.decode()
    assert "Beslut saknas" not in html and "Hälsan rör sig inte." in html
    # A second decision for the same commission and year is refused.
    svar = _besluta(klient_fv, lopande, hsn, val="avsluta")
    assert svar.status_code == 200 and "Det finns redan ett beslut" in svar.content.decode()
    assert Fortsattningsbeslut.objects.get().val == "revidera"


def test_beslut_utan_skal_ger_fel_och_sparar_inget(klient_fv, lopande, hsn):
    svar = _besluta(klient_fv, lopande, hsn, motivering="")
    assert svar.status_code == 200 and "Detta fält måste fyllas i" in svar.content.decode()
    assert (
        not Fortsattningsbeslut.objects.exists()
        and not Beslut.objects.filter(paragraf="§ 98").exists()
    )


def test_fortroendevald_utan_ledamotskap_far_403(klient_fv, lopande):
    organ = factories.organ()
    assert _besluta(klient_fv, lopande, organ).status_code == 403
    assert not Fortsattningsbeslut.objects.exists()


def test_tjansteperson_kan_inte_besluta(klient_tjp, lopande, hsn):
    assert _besluta(klient_tjp, lopande, hsn).status_code == 403


def test_avslutat_uppdrag_behover_inget_beslut(klient_fv, lopande, hsn):
    lopande.status = lopande.Status.AVSLUTAD
    lopande.save()
    svar = _besluta(klient_fv, lopande, hsn)
    assert "löper inte in i planeringsår" in svar.content.decode()
    assert not Fortsattningsbeslut.objects.exists()


def test_beslutet_visas_pa_uppdragets_uppfoljning(klient_fv, lopande, hsn):
    _besluta(klient_fv, lopande, hsn)
    html = klient_fv.get(f"/uppfoljning/uppdrag/{lopande.pk}/").content.decode()
    assert f"inför {NASTA}: Hälsan rör sig inte." in html


def test_aret_efter_senaste_kan_forhandsvisas_men_inte_langre(klient_tjp, forra_ar):
    assert klient_tjp.get(f"/uppfoljning/nasta-ar/{NASTA}/").status_code == 200
    assert klient_tjp.get(f"/uppfoljning/nasta-ar/{NASTA + 1}/").status_code == 404


def test_halsogapen_infor_nasta_ar_som_csv(klient_fv, forra_ar):
    from tests.nedladdning import csv_tabell

    services.starta_planeringsar(ar=NASTA)
    df = csv_tabell(klient_fv.get(f"/uppfoljning/nasta-ar/{NASTA}/?format=csv"))
    per_indikator = dict(zip(df["Indikator"], df[f"Inför {NASTA}"], strict=True))
    assert per_indikator == {
        "Indikator T-EJ": "Fört vidare",
        "Indikator T-NATT": "Nått – förs inte vidare",
        "Indikator T-TOM": "Fört vidare",
    }
    ej = df[df["Indikator"] == "Indikator T-EJ"].iloc[0]
    assert ej["Senaste i data"] == 31.0 and ej["Gap kvar"] == 6.0 and ej["Mål"] == 25.0
