"""Preparing a round: officials create it, form the needs from ready analyses, assess them by
the national model and open the round. The elected read; providers and the public get nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from behov.models import Behovsanalys
from natverken.models import SamtidigAndring
from prioritering.models import Bedomning, Prioriteringsobjekt, Prioriteringsomgang
from tests import factories
from tests.prioritering.conftest import analys, objekt

pytestmark = pytest.mark.django_db
S = Prioriteringsomgang.Status


# --- Who sees the pages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sida", ["", "omgang/{pk}/", "omgang/{pk}/mote/", "omgang/{pk}/resurser/", "ny/"]
)
def test_anonym_skickas_till_inloggning(oppen, sida):
    svar = Client().get("/prioritering/" + sida.format(pk=oppen.pk))
    assert svar.status_code == 302 and svar["Location"].startswith("/konto/logga-in/")


@pytest.mark.parametrize(
    "sida", ["", "omgang/{pk}/", "omgang/{pk}/mote/", "omgang/{pk}/resurser/", "behov/{obj}/"]
)
def test_utforare_far_403(klient_utf, oppen, sida):
    obj = oppen.objekt.first()
    assert (
        klient_utf.get("/prioritering/" + sida.format(pk=oppen.pk, obj=obj.pk)).status_code == 403
    )


@pytest.mark.parametrize("klient", ["klient_tjp", "klient_fv"])
def test_tjanstepersoner_och_fortroendevalda_laser_omgangen(request, oppen, klient):
    html = request.getfixturevalue(klient).get(f"/prioritering/omgang/{oppen.pk}/").content.decode()
    assert "Öppen för rangordning" in html and "Äldre" in html and "Har rangordnat" in html


def test_omgang_som_inte_finns_ger_404(klient_tjp):
    assert klient_tjp.get("/prioritering/omgang/9999/").status_code == 404
    assert klient_tjp.get("/prioritering/behov/9999/").status_code == 404


def test_oversikten_visar_arets_omgangar_med_status(klient_fv, oppen):
    html = klient_fv.get("/prioritering/?ar=2027").content.decode()
    assert "Hälso- och sjukvårdsnämnden" in html and "Öppen för rangordning" in html
    assert "0 av 2 ledamöter har rangordnat" in html
    assert "Ny prioriteringsomgång" not in html  # officials prepare rounds


# --- A new round ------------------------------------------------------------------------------


def test_tjansteperson_skapar_omgang(klient_tjp, hsn):
    ar = factories.planeringsar(2028)
    svar = klient_tjp.post(
        "/prioritering/ny/",
        {
            "planeringsar": ar.pk,
            "organ": hsn.pk,
            "namn": "Prioritering inför budget 2028",
            "budgetram_tkr": "72 000",
            "sammantradesdatum": "2027-06-08",
            "ovre_del_antal": "3",
        },
    )
    omgang = Prioriteringsomgang.objects.get()
    assert svar["Location"] == f"/prioritering/omgang/{omgang.pk}/"
    assert (omgang.status, omgang.budgetram_tkr, omgang.revision) == (S.FORBEREDELSE, 72000, 1)


def test_andra_omgangen_for_samma_organ_och_ar_ger_fel_och_behaller_inmatningen(klient_tjp, oppen):
    svar = klient_tjp.post(
        "/prioritering/ny/",
        {
            "planeringsar": oppen.planeringsar_id,
            "organ": oppen.organ_id,
            "namn": "Min andra omgång",
            "budgetram_tkr": "5000",
            "ovre_del_antal": "3",
        },
    )
    html = svar.content.decode()
    assert svar.status_code == 200 and "har redan en prioriteringsomgång inför 2027" in html
    assert "Min andra omgång" in html
    assert Prioriteringsomgang.objects.count() == 1


def test_fortroendevald_kan_inte_skapa_omgang(klient_fv, hsn):
    assert klient_fv.post("/prioritering/ny/", {}).status_code == 403
    assert not Prioriteringsomgang.objects.exists()


# --- Needs from ready analyses ------------------------------------------------------------------


def test_behov_formas_fran_klar_analys_med_dess_vardbehov(klient_tjp, forberedelse):
    a = analys(2027, "Äldre multisjuka 75+")
    svar = klient_tjp.post(
        f"/prioritering/omgang/{forberedelse.pk}/behov/ny/",
        {
            "analys": a.pk,
            "rubrik": "Färre undvikbara inläggningar",
            "atgard": "Mobila team",
            "atgardskostnad_tkr": "12 500",
        },
    )
    obj = Prioriteringsobjekt.objects.get(rubrik="Färre undvikbara inläggningar")
    assert svar["Location"] == f"/prioritering/behov/{obj.pk}/"
    assert obj.behovsgrupp == a.behovsgrupp and obj.atgardskostnad_tkr == 12500
    assert list(obj.halsogap.all()) == list(a.halsogap.all())


def test_utkast_till_analys_kan_inte_valjas(klient_tjp, forberedelse):
    a = analys(2027)
    Behovsanalys.objects.filter(pk=a.pk).update(status=Behovsanalys.Status.UTKAST)
    svar = klient_tjp.post(
        f"/prioritering/omgang/{forberedelse.pk}/behov/ny/",
        {
            "analys": a.pk,
            "rubrik": "Mitt behov",
            "atgard": "Min åtgärd",
        },
    )
    html = svar.content.decode()
    assert svar.status_code == 200 and "Välj ett giltigt alternativ" in html
    assert "Mitt behov" in html and "Min åtgärd" in html
    assert not Prioriteringsobjekt.objects.filter(rubrik="Mitt behov").exists()


def test_behov_laggs_inte_till_nar_rangordningen_ar_oppen(klient_tjp, oppen):
    a = analys(2027)
    svar = klient_tjp.post(
        f"/prioritering/omgang/{oppen.pk}/behov/ny/",
        {
            "analys": a.pk,
            "rubrik": "Sent behov",
            "atgard": "x",
        },
    )
    assert svar.status_code == 403 and "medan omgången förbereds" in svar.content.decode()
    assert not Prioriteringsobjekt.objects.filter(rubrik="Sent behov").exists()


def test_fortroendevald_kan_inte_lagga_till_behov(klient_fv, forberedelse):
    a = analys(2027)
    svar = klient_fv.post(
        f"/prioritering/omgang/{forberedelse.pk}/behov/ny/",
        {"analys": a.pk, "rubrik": "x", "atgard": "y"},
    )
    assert svar.status_code == 403
    assert forberedelse.objekt.count() == 3


def test_behov_tas_bort_bara_under_forberedelse(klient_tjp, forberedelse):
    obj = forberedelse.objekt.first()
    assert klient_tjp.post(f"/prioritering/behov/{obj.pk}/ta-bort/").status_code == 302
    assert not Prioriteringsobjekt.objects.filter(pk=obj.pk).exists()
    forberedelse.status = S.RANGORDNING
    forberedelse.save()
    obj = forberedelse.objekt.first()
    assert klient_tjp.post(f"/prioritering/behov/{obj.pk}/ta-bort/").status_code == 403
    assert Prioriteringsobjekt.objects.filter(pk=obj.pk).exists()


def test_behovet_andras_med_halsogap_fran_sin_grupp(klient_tjp, forberedelse):
    obj = forberedelse.objekt.first()
    gap = obj.halsogap.get()
    svar = klient_tjp.post(
        f"/prioritering/behov/{obj.pk}/andra/",
        {
            "rubrik": "Ny rubrik",
            "atgard": "Ny åtgärd",
            "atgardskostnad_tkr": "",
            "halsogap": [gap.pk],
        },
    )
    assert svar.status_code == 302
    obj.refresh_from_db()
    assert (
        obj.rubrik == "Ny rubrik" and obj.history.latest().history_user.username == "tjansteperson"
    )


# --- The assessment -----------------------------------------------------------------------------


def _bedomning_post(**andrat: str) -> dict[str, str]:
    return {
        "svarighetsgrad": "stor",
        "svarighetsgrad_motivering": "Svår ohälsa",
        "nytta": "mattlig",
        "nytta_motivering": "Riktlinjer",
        "kostnad": "hog",
        "kostnad_motivering": "Dyrt",
        "evidens": "lag",
        "evidens_motivering": "Få studier",
        "antal_berorda": "1200",
        "jamlikhet": "Kort utbildning vinner",
        "prioritetsgrad": "",
        "avvikelse_motivering": "",
    } | andrat


def test_bedomningen_sparas_och_forslaget_visas_med_steg(klient_tjp, forberedelse):
    obj = objekt(forberedelse, "Nytt", bedomd=False)
    svar = klient_tjp.post(f"/prioritering/behov/{obj.pk}/bedomning/", _bedomning_post())
    assert svar.status_code == 302
    html = klient_tjp.get(f"/prioritering/behov/{obj.pk}/").content.decode()
    assert "Nytta måttlig: sänk 2 steg → 5." in html
    assert "Kunskapsunderlag låg: sänk 1 steg → 7." in html
    assert obj.bedomning.forslag.grad == 7


def test_avvikande_prioritetsgrad_utan_motivering_varnar_men_sparas(klient_tjp, forberedelse):
    obj = forberedelse.objekt.first()
    version = obj.bedomning.version
    svar = klient_tjp.post(
        f"/prioritering/behov/{obj.pk}/bedomning/",
        _bedomning_post(prioritetsgrad="2", version=str(version)),
    )
    assert svar.status_code == 302
    html = klient_tjp.get(f"/prioritering/behov/{obj.pk}/").content.decode()
    assert "Prioritetsgraden 2 avviker från förslaget 7 utan skriftlig motivering." in html


def test_ogiltig_bedomning_behaller_texten(klient_tjp, forberedelse):
    obj = objekt(forberedelse, "Nytt", bedomd=False)
    svar = klient_tjp.post(
        f"/prioritering/behov/{obj.pk}/bedomning/", _bedomning_post(nytta="", prioritetsgrad="12")
    )
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "Svår ohälsa" in html and "Kort utbildning vinner" in html
    assert "Prioritetsgraden är ett heltal från 1 till 10." in html
    assert not Bedomning.objects.filter(objekt=obj).exists()


def test_inaktuell_bedomning_vagras_och_texten_finns_kvar(klient_tjp, forberedelse):
    obj = forberedelse.objekt.first()
    gammal = obj.bedomning.version
    obj.bedomning.jamlikhet = "Någon annan sparade"
    obj.bedomning.save()
    svar = klient_tjp.post(
        f"/prioritering/behov/{obj.pk}/bedomning/",
        _bedomning_post(jamlikhet="Min text", version=str(gammal)),
    )
    html = svar.content.decode()
    assert svar.status_code == 200
    assert SamtidigAndring.meddelande.split(":")[0] in html and "Min text" in html
    assert Bedomning.objects.get(objekt=obj).jamlikhet == "Någon annan sparade"


def test_fortroendevald_laser_bedomningen_men_kan_inte_spara(klient_fv, forberedelse):
    obj = forberedelse.objekt.first()
    html = klient_fv.get(f"/prioritering/behov/{obj.pk}/").content.decode()
    assert "Förslag enligt modellen" in html and "Spara bedömningen" not in html
    assert (
        klient_fv.post(f"/prioritering/behov/{obj.pk}/bedomning/", _bedomning_post()).status_code
        == 403
    )


def test_behov_utan_data_varnas(klient_tjp, forberedelse):
    a = analys(2027, varde=None)
    obj = Prioriteringsobjekt.objects.create(
        omgang=forberedelse, behovsgrupp=a.behovsgrupp, rubrik="Utan data", atgard="x"
    )
    obj.halsogap.set(a.halsogap.all())
    html = klient_tjp.get(f"/prioritering/omgang/{forberedelse.pk}/").content.decode()
    assert "Behovet saknar indikatordata" in html


# --- Opening for ranking --------------------------------------------------------------------------


def test_omgangen_oppnas_nar_alla_behov_ar_bedomda(klient_tjp, forberedelse):
    objekt(forberedelse, "Obedömt", bedomd=False)
    svar = klient_tjp.post(f"/prioritering/omgang/{forberedelse.pk}/oppna/", follow=True)
    assert "Bedöm ”Obedömt” enligt modellen." in svar.content.decode()
    forberedelse.refresh_from_db()
    assert forberedelse.status == S.FORBEREDELSE
    Prioriteringsobjekt.objects.get(rubrik="Obedömt").delete()
    klient_tjp.post(f"/prioritering/omgang/{forberedelse.pk}/oppna/")
    forberedelse.refresh_from_db()
    assert forberedelse.status == S.RANGORDNING


def test_fortroendevald_kan_inte_oppna_omgangen(klient_fv, forberedelse):
    assert klient_fv.post(f"/prioritering/omgang/{forberedelse.pk}/oppna/").status_code == 403
    forberedelse.refresh_from_db()
    assert forberedelse.status == S.FORBEREDELSE


def test_andringsvyer_ar_bara_post(klient_tjp, forberedelse):
    assert klient_tjp.get(f"/prioritering/omgang/{forberedelse.pk}/oppna/").status_code == 405
    assert (
        klient_tjp.get(f"/prioritering/behov/{forberedelse.objekt.first().pk}/ta-bort/").status_code
        == 405
    )
