"""The needs-analysis workspace per role: officials write and propose, the elected record
the body's target decision, providers and the public get nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from behov.models import Behovsanalys, Behovsgrupp, Datakalla, Dialog, Halsogap, Indikator, Matvarde
from natverken.models import Beslut, Omrade
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def dalarna():
    return Omrade.objects.get(scb_kod="20")


@pytest.fixture
def indikator(dalarna):
    ind = Indikator.objects.create(
        kod="T-ROK", namn="Daglig rökning", enhet="%", polaritet="lagre_battre"
    )
    riket = Omrade.objects.get(typ="riket")
    for ar, varde, riksvarde in ((2023, 10.0, 9.0), (2024, 9.5, 8.9), (2025, None, 8.7)):
        for omrade, v in ((dalarna, varde), (riket, riksvarde)):
            Matvarde.objects.create(
                indikator=ind,
                omrade=omrade,
                period_start=dt.date(ar, 1, 1),
                period_slut=dt.date(ar, 12, 31),
                period=str(ar),
                kon="T",
                varde=v,
            )
    return ind


@pytest.fixture
def analys(dalarna):
    grupp = Behovsgrupp.objects.create(namn="Rökare i Dalarna", omrade=dalarna)
    return Behovsanalys.objects.create(behovsgrupp=grupp, planeringsar=factories.planeringsar(2027))


@pytest.fixture
def hsn_med_fortroendevald(fortroendevald):
    organ = factories.organ()
    factories.ledamot(organ, "Erik Holm", "S", fortroendevald)
    return organ


def test_tjansteperson_skapar_analys(klient_tjp):
    grupp = Behovsgrupp.objects.create(namn="Äldre")
    factories.planeringsar(2027)
    svar = klient_tjp.post("/behov/analyser/ny/", {"ar": "2027", "behovsgrupp": grupp.pk})
    analys = Behovsanalys.objects.get()
    assert svar["Location"] == f"/behov/analyser/{analys.pk}/"
    assert analys.status == "utkast"


def test_andra_analysen_for_samma_grupp_och_ar_ger_fel(klient_tjp, analys):
    svar = klient_tjp.post(
        "/behov/analyser/ny/", {"ar": "2027", "behovsgrupp": analys.behovsgrupp_id}, follow=True
    )
    assert "finns redan en behovsanalys" in svar.content.decode()
    assert Behovsanalys.objects.count() == 1


def test_gap_far_aktuellt_varde_fran_senaste_data(klient_tjp, analys, indikator, dalarna):
    svar = klient_tjp.post(
        f"/behov/analyser/{analys.pk}/gap/ny/",
        {
            "indikator": indikator.pk,
            "omrade": dalarna.pk,
            "kon": "T",
            "foreslaget_mal": "8,0",
            "foreslaget_malar": "2030",
            "ar_vardbehov": "true",
            "vardbehov_motivering": "Rökavvänjning",
        },
    )
    assert svar.status_code == 302
    gap = Halsogap.objects.get()
    # 2025 is missing in the data, so the latest value is 2024's, never a 0.
    assert (gap.aktuellt_varde, gap.aktuell_period, gap.foreslaget_mal) == (9.5, "2024", 8.0)
    html = klient_tjp.get(f"/behov/analyser/{analys.pk}/").content.decode()
    assert "9,5" in html and "1,5" in html  # current, and the gap to the proposed 8,0


def test_ogiltigt_gap_behaller_inmatningen_och_sparar_inget(klient_tjp, analys, indikator, dalarna):
    svar = klient_tjp.post(
        f"/behov/analyser/{analys.pk}/gap/ny/",
        {
            "indikator": indikator.pk,
            "omrade": dalarna.pk,
            "kon": "T",
            "foreslaget_mal": "åtta",
            "vardbehov_motivering": "Min text här",
        },
    )
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "Min text här" in html and "Fyll i ett tal" in html
    assert not Halsogap.objects.exists()


def test_forvaldtroende_registrerar_organets_beslut(
    klient_fv, fortroendevald, analys, indikator, dalarna, hsn_med_fortroendevald
):
    gap = Halsogap.objects.create(
        analys=analys,
        indikator=indikator,
        omrade=dalarna,
        aktuellt_varde=9.5,
        foreslaget_mal=8.0,
        foreslaget_malar=2030,
    )
    svar = klient_fv.post(
        f"/behov/gap/{gap.pk}/beslut/",
        {
            "beslutat_mal": "7,5",
            "beslutat_malar": "2030",
            "organ": hsn_med_fortroendevald.pk,
            "datum": "2026-04-21",
            "paragraf": "§ 44",
        },
    )
    assert svar.status_code == 302
    gap.refresh_from_db()
    assert (gap.beslutat_mal, gap.foreslaget_mal) == (7.5, 8.0)  # proposed and decided kept apart
    beslut = gap.malbeslut
    assert (beslut.organ, beslut.paragraf, beslut.registrerat_av) == (
        hsn_med_fortroendevald,
        "§ 44",
        fortroendevald,
    )
    assert gap.history.latest().history_user == fortroendevald


def test_beslutat_mal_i_klar_analys_beslutas_inte_om_forran_analysen_oppnats(
    klient_fv, klient_tjp, analys, indikator, dalarna, hsn_med_fortroendevald
):
    beslut = factories.beslut(hsn_med_fortroendevald, "§ 44")
    gap = Halsogap.objects.create(
        analys=analys,
        indikator=indikator,
        omrade=dalarna,
        foreslaget_mal=8.0,
        foreslaget_malar=2030,
        beslutat_mal=7.5,
        beslutat_malar=2030,
        malbeslut=beslut,
    )
    Behovsanalys.objects.filter(pk=analys.pk).update(status=Behovsanalys.Status.KLAR)
    nytt = {
        "beslutat_mal": "6,0",
        "beslutat_malar": "2031",
        "organ": hsn_med_fortroendevald.pk,
        "datum": "2026-05-12",
        "paragraf": "§ 60",
    }
    sida = klient_fv.get(f"/behov/analyser/{analys.pk}/").content.decode()
    assert "Registrera nämndens beslut om målet" not in sida
    svar = klient_fv.post(f"/behov/gap/{gap.pk}/beslut/", nytt)
    assert svar.status_code == 403
    assert "öppnas analysen igen med ett skäl" in svar.content.decode()
    gap.refresh_from_db()
    assert (gap.beslutat_mal, gap.malbeslut_id, gap.version) == (7.5, beslut.pk, 1)

    # The logged way: reopen with a reason, then the body's new decision is registered.
    klient_tjp.post(f"/behov/analyser/{analys.pk}/oppna/", {"skal": "Nämnden vill skärpa målet"})
    assert klient_fv.post(f"/behov/gap/{gap.pk}/beslut/", nytt).status_code == 302
    gap.refresh_from_db()
    assert (gap.beslutat_mal, gap.malbeslut.paragraf) == (6.0, "§ 60")


def test_forvaldtroende_utan_ledamotskap_far_403(klient_fv, analys, indikator, dalarna):
    gap = Halsogap.objects.create(analys=analys, indikator=indikator, omrade=dalarna)
    assert klient_fv.get(f"/behov/gap/{gap.pk}/beslut/").status_code == 403


def test_tjansteperson_kan_inte_registrera_beslut(klient_tjp, analys, indikator, dalarna):
    gap = Halsogap.objects.create(analys=analys, indikator=indikator, omrade=dalarna)
    assert klient_tjp.post(f"/behov/gap/{gap.pk}/beslut/", {}).status_code == 403
    assert not Beslut.objects.exists()


def test_forvaldtroende_kan_inte_andra_analysen(klient_fv, analys):
    svar = klient_fv.post(
        f"/behov/analyser/{analys.pk}/spara/", {"halsolage": "x", "slutsats": "y", "version": 1}
    )
    assert svar.status_code == 403
    analys.refresh_from_db()
    assert analys.halsolage == ""


@pytest.mark.parametrize("url", ["/behov/", "/behov/indikatorer/", "/behov/grupper/"])
def test_utforare_far_403(klient_utf, url):
    assert klient_utf.get(url).status_code == 403


def test_utforare_far_403_pa_analys(klient_utf, analys):
    assert klient_utf.get(f"/behov/analyser/{analys.pk}/").status_code == 403


def test_anonym_skickas_till_inloggning(analys):
    svar = Client().get(f"/behov/analyser/{analys.pk}/")
    assert svar.status_code == 302 and "/konto/logga-in/" in svar["Location"]


def test_okand_analys_ger_404(klient_tjp):
    assert klient_tjp.get("/behov/analyser/99999/").status_code == 404


def test_klar_kraver_det_som_saknas_och_andrar_inget(klient_tjp, analys):
    svar = klient_tjp.post(f"/behov/analyser/{analys.pk}/klar/", follow=True)
    html = svar.content.decode()
    assert "kan inte markeras klar" in html and "Lägg till minst ett hälsogap" in html
    analys.refresh_from_db()
    assert analys.status == "utkast"


def _fyll_analys(analys, indikator, dalarna):
    analys.halsolage = "Hög andel rökare."
    analys.slutsats = "Gå vidare."
    analys.save()
    Halsogap.objects.create(
        analys=analys,
        indikator=indikator,
        omrade=dalarna,
        aktuellt_varde=9.5,
        foreslaget_mal=8.0,
        foreslaget_malar=2030,
        ar_vardbehov=True,
    )
    Datakalla.objects.create(
        analys=analys, slag="sjalvskattning", beskrivning="Enkät", brister="Bortfall"
    )


def test_klar_analys_ar_last_tills_den_oppnas_med_skal(
    klient_tjp, tjansteperson, analys, indikator, dalarna
):
    _fyll_analys(analys, indikator, dalarna)
    klient_tjp.post(f"/behov/analyser/{analys.pk}/klar/")
    analys.refresh_from_db()
    assert analys.status == "klar"
    svar = klient_tjp.post(
        f"/behov/analyser/{analys.pk}/spara/",
        {"halsolage": "Ändrat", "slutsats": "x", "version": analys.version},
    )
    assert svar.status_code == 403
    assert klient_tjp.post(f"/behov/analyser/{analys.pk}/oppna/", {"skal": ""}).status_code == 200
    analys.refresh_from_db()
    assert analys.status == "klar"  # no reason, not reopened
    klient_tjp.post(f"/behov/analyser/{analys.pk}/oppna/", {"skal": "Nya siffror från SCB"})
    analys.refresh_from_db()
    assert analys.status == "utkast" and analys.ateroppning_skal == "Nya siffror från SCB"
    senaste = analys.history.latest()
    assert (
        senaste.history_user == tjansteperson and senaste.ateroppning_skal == "Nya siffror från SCB"
    )


def test_tva_tjanstepersoner_skriver_over_inte_varandra(tjansteperson, analys):
    andra = factories.anvandare("tjp2", "tjansteperson")
    a, b = Client(), Client()
    a.force_login(tjansteperson)
    b.force_login(andra)
    version = analys.version
    assert (
        a.post(
            f"/behov/analyser/{analys.pk}/spara/",
            {"halsolage": "Annas text", "slutsats": "", "version": version},
        ).status_code
        == 302
    )
    svar = b.post(
        f"/behov/analyser/{analys.pk}/spara/",
        {"halsolage": "Johans text", "slutsats": "", "version": version},
    )
    html = svar.content.decode()
    assert "Någon annan har sparat ändringar" in html
    assert "Johans text" in html  # kept in the form
    analys.refresh_from_db()
    assert analys.halsolage == "Annas text"


def test_datakalla_och_dialog_laggs_till(klient_tjp, analys):
    klient_tjp.post(
        f"/behov/analyser/{analys.pk}/datakallor/ny/",
        {"slag": "registerdata", "beskrivning": "Patientregistret", "brister": "Bara vårdade"},
    )
    klient_tjp.post(
        f"/behov/analyser/{analys.pk}/dialoger/ny/",
        {
            "datum": "2026-04-10",
            "med_vilka": "Brukarråd",
            "metod": "Fokusgrupp",
            "antal_deltagare": "9",
            "svarnadda_nadda": "true",
            "sammanfattning": "Vill ha fast kontakt.",
        },
    )
    assert Datakalla.objects.get().brister == "Bara vårdade"
    assert Dialog.objects.get().svarnadda_nadda is True
    svar = klient_tjp.post(f"/behov/analyser/{analys.pk}/datakallor/ny/", {"slag": "registerdata"})
    assert svar.status_code == 200 and "Detta fält måste fyllas i" in svar.content.decode()
    assert Datakalla.objects.count() == 1
