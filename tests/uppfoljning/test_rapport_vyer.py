"""Reports per role: the provider writes and submits its own (another provider's gives 404),
officials accept or return with a comment, and a submitted report is never changed silently.
Reporting status and progress status are kept apart throughout."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from tests.uppfoljning import hjalp
from uppfoljning.models import Aterrapport, Malstatus

pytestmark = pytest.mark.django_db
R = Aterrapport.Rapportstatus
AR = timezone.localdate().year - 1  # every period of last year has been due


@pytest.fixture
def uppdrag_a(utforare_a):
    return hjalp.uppdrag(
        utforare_a, ar=AR, ind=hjalp.indikator(varden={AR - 2: 30.0, AR - 1: 29.0})
    )


@pytest.fixture
def uppdrag_b(utforare_b):
    return hjalp.uppdrag(utforare_b, ar=AR, titel="Annans uppdrag")


@pytest.fixture
def rapport(uppdrag_a):
    return Aterrapport.objects.create(
        uppdrag=uppdrag_a, period=f"{AR} T1", senast=dt.date(AR, 5, 15)
    )


def _ifyllt(rapport, handling: str = "lamna_in", **extra) -> dict:
    effekt, aktivitet = rapport.uppdrag.mal.order_by("-niva", "pk")
    data = {
        "handling": handling,
        "version": rapport.version,
        "framdrift": "risk",
        "sammanfattning": "Rekryteringen dröjer.",
        f"mal-{effekt.pk}-framdrift": "enligt_plan",
        f"mal-{effekt.pk}-kommentar": "Bra.",
        f"mal-{effekt.pk}-uppmatt_varde": "28,5",
        f"mal-{aktivitet.pk}-framdrift": "risk",
    }
    data.update(extra)
    return data


# --- Starting and writing -------------------------------------------------------------------


def test_utforare_paborjar_rapport_for_en_period_i_planen(klient_utf, uppdrag_a):
    svar = klient_utf.post(
        f"/uppfoljning/uppdrag/{uppdrag_a.pk}/ny-rapport/", {"period": f"{AR} T2"}
    )
    rapport = Aterrapport.objects.get()
    assert svar.status_code == 302 and svar["Location"] == f"/uppfoljning/rapporter/{rapport.pk}/"
    assert (rapport.period, rapport.senast, rapport.rapportstatus) == (
        f"{AR} T2",
        dt.date(AR, 9, 15),
        R.VANTAR,
    )
    klient_utf.post(f"/uppfoljning/uppdrag/{uppdrag_a.pk}/ny-rapport/", {"period": f"{AR} T2"})
    assert Aterrapport.objects.count() == 1  # the same period twice is the same report


def test_period_utanfor_planen_ger_fel_och_skapar_inget(klient_utf, uppdrag_a):
    svar = klient_utf.post(
        f"/uppfoljning/uppdrag/{uppdrag_a.pk}/ny-rapport/", {"period": f"{AR} H1"}, follow=True
    )
    assert "finns inte i uppdragets uppföljningsplan" in svar.content.decode()
    assert not Aterrapport.objects.exists()


def test_utforare_kan_inte_rapportera_pa_annans_uppdrag(klient_utf, uppdrag_b):
    assert (
        klient_utf.post(
            f"/uppfoljning/uppdrag/{uppdrag_b.pk}/ny-rapport/", {"period": f"{AR} T1"}
        ).status_code
        == 404
    )
    annans = Aterrapport.objects.create(
        uppdrag=uppdrag_b, period=f"{AR} T1", senast=dt.date(AR, 5, 15)
    )
    assert klient_utf.get(f"/uppfoljning/rapporter/{annans.pk}/").status_code == 404
    assert (
        klient_utf.post(
            f"/uppfoljning/rapporter/{annans.pk}/spara/", {"handling": "spara"}
        ).status_code
        == 404
    )
    assert Aterrapport.objects.get(pk=annans.pk).rapportstatus == R.VANTAR


def test_tjansteperson_kan_inte_skriva_utforarens_rapport(klient_tjp, rapport, uppdrag_a):
    assert (
        klient_tjp.post(
            f"/uppfoljning/uppdrag/{uppdrag_a.pk}/ny-rapport/", {"period": f"{AR} T2"}
        ).status_code
        == 403
    )
    assert (
        klient_tjp.post(f"/uppfoljning/rapporter/{rapport.pk}/spara/", _ifyllt(rapport)).status_code
        == 403
    )
    rapport.refresh_from_db()
    assert rapport.rapportstatus == R.VANTAR and rapport.framdrift == ""


def test_anonym_skickas_till_inloggning(rapport):
    for url in (f"/uppfoljning/rapporter/{rapport.pk}/", "/uppfoljning/rapporter/"):
        svar = Client().get(url)
        assert svar.status_code == 302 and "/konto/logga-in/" in svar["Location"]


def test_utkast_sparas_utan_att_lamnas_in(klient_utf, rapport):
    svar = klient_utf.post(
        f"/uppfoljning/rapporter/{rapport.pk}/spara/",
        {"handling": "spara", "version": rapport.version, "sammanfattning": "Halvfärdigt"},
    )
    assert svar.status_code == 302
    rapport.refresh_from_db()
    assert rapport.rapportstatus == R.VANTAR and rapport.sammanfattning == "Halvfärdigt"
    assert rapport.inlamnad is None


def test_inlamning_sparar_framdrift_malstatus_och_uppmatt_varde(
    klient_utf, utforare_anvandare, rapport
):
    svar = klient_utf.post(f"/uppfoljning/rapporter/{rapport.pk}/spara/", _ifyllt(rapport))
    assert svar.status_code == 302
    rapport.refresh_from_db()
    assert (rapport.rapportstatus, rapport.framdrift) == (R.INLAMNAD, "risk")
    assert rapport.inlamnad_av == utforare_anvandare and rapport.inlamnad is not None
    effekt = Malstatus.objects.get(rapport=rapport, mal__niva="effekt")
    assert (effekt.framdrift, effekt.kommentar, effekt.uppmatt_varde) == (
        "enligt_plan",
        "Bra.",
        28.5,
    )
    assert rapport.history.latest().history_user == utforare_anvandare


def test_ofullstandig_inlamning_visar_fel_behaller_texten_och_andrar_inget(klient_utf, rapport):
    data = _ifyllt(rapport, framdrift="", sammanfattning="Min text här")
    del data[f"mal-{rapport.uppdrag.mal.get(niva='aktivitet').pk}-framdrift"]
    svar = klient_utf.post(f"/uppfoljning/rapporter/{rapport.pk}/spara/", data)
    html = svar.content.decode()
    assert svar.status_code == 200
    assert (
        "Min text här" in html
        and "Ange hur arbetet går." in html
        and "Ange framdrift för målet." in html
    )
    rapport.refresh_from_db()
    assert rapport.rapportstatus == R.VANTAR and rapport.sammanfattning == ""
    assert not Malstatus.objects.exists()


def test_felaktigt_matvarde_ger_fel(klient_utf, rapport):
    effekt = rapport.uppdrag.mal.get(niva="effekt")
    svar = klient_utf.post(
        f"/uppfoljning/rapporter/{rapport.pk}/spara/",
        _ifyllt(rapport, **{f"mal-{effekt.pk}-uppmatt_varde": "tjugo"}),
    )
    assert svar.status_code == 200 and "Fyll i ett tal" in svar.content.decode()
    assert Aterrapport.objects.get(pk=rapport.pk).rapportstatus == R.VANTAR


def test_inlamnad_rapport_kan_inte_andras_av_utforaren(klient_utf, rapport):
    klient_utf.post(f"/uppfoljning/rapporter/{rapport.pk}/spara/", _ifyllt(rapport))
    rapport.refresh_from_db()
    svar = klient_utf.post(
        f"/uppfoljning/rapporter/{rapport.pk}/spara/",
        _ifyllt(rapport, sammanfattning="Ändrad i smyg"),
    )
    assert svar.status_code == 403
    rapport.refresh_from_db()
    assert rapport.sammanfattning == "Rekryteringen dröjer."


def test_inaktuell_version_vagras_och_texten_finns_kvar(klient_utf, rapport):
    gammal = rapport.version
    rapport.sammanfattning = "Någon annan sparade"
    rapport.save()
    svar = klient_utf.post(
        f"/uppfoljning/rapporter/{rapport.pk}/spara/",
        _ifyllt(rapport, version=gammal, sammanfattning="Mitt utkast"),
    )
    html = svar.content.decode()
    assert svar.status_code == 200 and "Någon annan har sparat" in html and "Mitt utkast" in html
    rapport.refresh_from_db()
    assert rapport.rapportstatus == R.VANTAR and rapport.sammanfattning == "Någon annan sparade"


# --- Review ----------------------------------------------------------------------------------


@pytest.fixture
def inlamnad(klient_utf, rapport):
    forsta = rapport.uppdrag.milstolpar.order_by("datum").first()
    klient_utf.post(
        f"/uppfoljning/rapporter/{rapport.pk}/spara/",
        _ifyllt(rapport, klara_milstolpar=[forsta.pk]),
    )
    rapport.refresh_from_db()
    assert rapport.rapportstatus == R.INLAMNAD
    return rapport


def test_aterstand_utan_kommentar_ger_fel_och_andrar_inget(klient_tjp, inlamnad):
    svar = klient_tjp.post(
        f"/uppfoljning/rapporter/{inlamnad.pk}/granska/",
        {"handling": "atersand", "version": inlamnad.version, "kommentar": " "},
    )
    assert (
        svar.status_code == 200 and "Skriv vad utföraren ska komplettera" in svar.content.decode()
    )
    inlamnad.refresh_from_db()
    assert inlamnad.rapportstatus == R.INLAMNAD


def test_aterstand_rapport_gar_tillbaka_till_utforaren_som_kompletterar(
    klient_tjp, klient_utf, tjansteperson, inlamnad
):
    svar = klient_tjp.post(
        f"/uppfoljning/rapporter/{inlamnad.pk}/granska/",
        {"handling": "atersand", "version": inlamnad.version, "kommentar": "Lägg till väntetider."},
    )
    assert svar.status_code == 302
    inlamnad.refresh_from_db()
    assert (inlamnad.rapportstatus, inlamnad.granskningskommentar, inlamnad.granskad_av) == (
        R.ATERSAND,
        "Lägg till väntetider.",
        tjansteperson,
    )
    # Returning the report does not touch the provider's progress status.
    assert inlamnad.framdrift == "risk"
    html = klient_utf.get(f"/uppfoljning/rapporter/{inlamnad.pk}/").content.decode()
    assert (
        "Återsänd för komplettering" in html
        and "Lägg till väntetider." in html
        and "Lämna in rapporten" in html
    )
    svar = klient_utf.post(
        f"/uppfoljning/rapporter/{inlamnad.pk}/spara/",
        _ifyllt(inlamnad, sammanfattning="Väntetiden är 40 dagar."),
    )
    inlamnad.refresh_from_db()
    assert svar.status_code == 302 and inlamnad.rapportstatus == R.INLAMNAD
    assert inlamnad.sammanfattning == "Väntetiden är 40 dagar."


def test_godkannande_markerar_rapporterade_milstolpar_klara(klient_tjp, inlamnad):
    milstolpe = inlamnad.klara_milstolpar.get()
    assert milstolpe.klar is None  # reported, not yet accepted
    svar = klient_tjp.post(
        f"/uppfoljning/rapporter/{inlamnad.pk}/granska/",
        {"handling": "godkann", "version": inlamnad.version, "kommentar": ""},
    )
    assert svar.status_code == 302
    inlamnad.refresh_from_db()
    milstolpe.refresh_from_db()
    assert inlamnad.rapportstatus == R.GODKAND and inlamnad.framdrift == "risk"
    assert milstolpe.klar == timezone.localdate(inlamnad.inlamnad)


def test_godkand_rapport_kan_inte_granskas_eller_andras_igen(klient_tjp, klient_utf, inlamnad):
    klient_tjp.post(
        f"/uppfoljning/rapporter/{inlamnad.pk}/granska/",
        {"handling": "godkann", "version": inlamnad.version},
    )
    inlamnad.refresh_from_db()
    svar = klient_tjp.post(
        f"/uppfoljning/rapporter/{inlamnad.pk}/granska/",
        {"handling": "atersand", "version": inlamnad.version, "kommentar": "Ångrar"},
        follow=True,
    )
    assert (
        "Rapporten är godkänd och kan inte godkännas eller återsändas nu." in svar.content.decode()
    )
    assert (
        klient_utf.post(
            f"/uppfoljning/rapporter/{inlamnad.pk}/spara/", _ifyllt(inlamnad)
        ).status_code
        == 403
    )
    inlamnad.refresh_from_db()
    assert inlamnad.rapportstatus == R.GODKAND


def test_granskning_av_inaktuell_version_vagras(klient_tjp, inlamnad):
    svar = klient_tjp.post(
        f"/uppfoljning/rapporter/{inlamnad.pk}/granska/",
        {"handling": "godkann", "version": inlamnad.version - 1},
    )
    assert svar.status_code == 200 and "Någon annan har sparat" in svar.content.decode()
    assert Aterrapport.objects.get(pk=inlamnad.pk).rapportstatus == R.INLAMNAD


@pytest.mark.parametrize("klient", ["klient_fv", "klient_utf"])
def test_bara_tjansteperson_granskar(request, klient, inlamnad):
    svar = request.getfixturevalue(klient).post(
        f"/uppfoljning/rapporter/{inlamnad.pk}/granska/",
        {"handling": "godkann", "version": inlamnad.version},
    )
    assert svar.status_code == 403
    assert Aterrapport.objects.get(pk=inlamnad.pk).rapportstatus == R.INLAMNAD


def test_fortroendevald_laser_rapporten_men_far_inga_formular(klient_fv, inlamnad):
    html = klient_fv.get(f"/uppfoljning/rapporter/{inlamnad.pk}/").content.decode()
    assert "Rekryteringen dröjer." in html
    assert "Lämna in rapporten" not in html and "Godkänn rapporten" not in html


def test_andringar_kraver_post(klient_utf, klient_tjp, rapport):
    assert klient_utf.get(f"/uppfoljning/rapporter/{rapport.pk}/spara/").status_code == 405
    assert klient_tjp.get(f"/uppfoljning/rapporter/{rapport.pk}/granska/").status_code == 405
    assert klient_utf.post(f"/uppfoljning/rapporter/{rapport.pk}/").status_code == 405


# --- Reporting status and progress status are two things --------------------------------------


def test_rapportstatus_och_framdrift_ar_skilda(klient_tjp, uppdrag_a):
    # Accepted on time, yet the work deviates: both must show, neither hides the other.
    Aterrapport.objects.create(
        uppdrag=uppdrag_a,
        period=f"{AR} T1",
        senast=dt.date(AR, 5, 15),
        rapportstatus=R.GODKAND,
        framdrift="avviker",
        inlamnad=timezone.now(),
        sammanfattning="Avviker",
    )
    html = klient_tjp.get(f"/uppfoljning/rapporter/?ar={AR}").content.decode()
    assert "Godkänd" in html and "Avviker" in html
    html = klient_tjp.get(f"/uppfoljning/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "Avviker från planen" in html  # implementation
    assert "Godkänd" in html  # reporting


def test_databasen_haller_isar_statusarna(uppdrag_a):
    with transaction.atomic(), pytest.raises(IntegrityError):
        Aterrapport.objects.create(
            uppdrag=uppdrag_a,
            period="x",
            senast=dt.date(AR, 5, 15),
            rapportstatus=R.INLAMNAD,
            inlamnad=timezone.now(),
            framdrift="",
        )
    with transaction.atomic(), pytest.raises(IntegrityError):
        Aterrapport.objects.create(
            uppdrag=uppdrag_a,
            period="y",
            senast=dt.date(AR, 5, 15),
            rapportstatus=R.ATERSAND,
            inlamnad=timezone.now(),
            framdrift="risk",
        )


# --- Due and overdue -------------------------------------------------------------------------


def test_forsenade_rapporter_listas_for_den_som_ska_agera(
    klient_utf, klient_tjp, uppdrag_a, uppdrag_b
):
    # No report started: every period of last year is owed, and overdue.
    html = klient_utf.get(f"/uppfoljning/rapporter/?ar={AR}").content.decode()
    forsenade = html.split('id="forsenade-rubrik"')[1].split("</section>")[0]
    assert f"{AR} T1" in forsenade and "Skriv återrapporten" in forsenade
    assert "Annans uppdrag" not in html
    html = klient_tjp.get(f"/uppfoljning/rapporter/?ar={AR}").content.decode()
    assert "Annans uppdrag" in html and "Att granska (0)" in html


def test_arets_aterrapporter_visas_hundra_i_taget(klient_tjp, utforare_a):
    for nr in range(35):  # a tertial plan each: 105 reports owed for the year
        hjalp.uppdrag(utforare_a, ar=AR, titel=f"Uppdrag {nr:02d}")
    html = klient_tjp.get(f"/uppfoljning/rapporter/?ar={AR}").content.decode()
    arets = html.split('id="aret-rubrik"')[1]
    assert "Sida 1 av 2 (1–100 av 105)" in arets
    assert f'href="?ar={AR}&amp;sida=2#aret-rubrik" rel="next"' in arets
    html = klient_tjp.get(f"/uppfoljning/rapporter/?ar={AR}&sida=2").content.decode()
    arets = html.split('id="aret-rubrik"')[1]
    assert "Sida 2 av 2 (101–105 av 105)" in arets and 'rel="next"' not in arets
    assert arets.count("<tr>") == 1 + 5  # header and the last five
