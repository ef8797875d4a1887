"""Address or explain: each need in the upper part of a decided round has a commission or an
explicit decision not to commission it with a reason; the page lists those missing both."""

from __future__ import annotations

import datetime as dt

import pytest

from natverken.models import Beslut
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from tests import factories
from tests.uppdrag.hjalp import nytt_uppdrag
from uppdrag import adressera
from uppdrag.models import Avstaende

pytestmark = pytest.mark.django_db
URL = "/uppdrag/adressera-eller-forklara/?ar=2027"


def _saknas(html: str) -> str:
    """The part of the page that lists needs missing both."""
    return html.split("Saknar uppdrag och beslut att avstå")[1].split("Har ett svar")[0]


def test_listar_ovre_delen_som_saknar_bade_uppdrag_och_avstaende(klient_tjp, objekt):
    html = klient_tjp.get(URL).content.decode()
    assert "2 behov saknar både uppdrag och beslut att avstå." in html
    saknas = _saknas(html)
    assert "Behov 1: Rökare i Dalarna" in saknas and "Behov 2: Unga med psykisk ohälsa" in saknas
    assert "Behov 3" not in html  # placering 3 is below the upper part (2)


def test_uppdrag_tar_bort_behovet_ur_listan(klient_fv, objekt, utforare_a):
    uppdrag = nytt_uppdrag(objekt[:1], utforare_a)
    html = klient_fv.get(URL).content.decode()
    assert "1 behov saknar" in html
    assert "Behov 1: Rökare i Dalarna" not in _saknas(html)
    assert f'href="/uppdrag/{uppdrag.pk}/"' in html and "Uppdrag: utkast" in html


def test_tjansteperson_avstar_med_skal(klient_tjp, tjansteperson, objekt):
    svar = klient_tjp.post(
        f"/uppdrag/avsta/{objekt[1].pk}/",
        {f"avsta-{objekt[1].pk}-motivering": "Behovet möts redan av kommunens elevhälsa."},
    )
    assert svar.status_code == 302
    avstaende = Avstaende.objects.get()
    assert (avstaende.objekt, avstaende.registrerat_av, avstaende.beslut) == (
        objekt[1],
        tjansteperson,
        None,
    )
    assert avstaende.history.get().history_user == tjansteperson
    html = klient_tjp.get(URL).content.decode()
    assert "Behov 2" not in _saknas(html)
    assert "Avstår" in html and "Behovet möts redan av kommunens elevhälsa." in html
    assert adressera.antal_saknas(objekt[0].omgang.planeringsar) == 1


def test_ledamot_kan_koppla_organets_beslut(klient_fv, objekt, hsn):
    klient_fv.post(
        f"/uppdrag/avsta/{objekt[1].pk}/",
        {
            f"avsta-{objekt[1].pk}-motivering": "Kommunen ansvarar.",
            f"avsta-{objekt[1].pk}-organ": hsn.pk,
            f"avsta-{objekt[1].pk}-datum": "2026-10-20",
            f"avsta-{objekt[1].pk}-paragraf": "§ 97",
        },
    )
    avstaende = Avstaende.objects.get()
    assert (avstaende.beslut.organ, avstaende.beslut.datum, avstaende.beslut.paragraf) == (
        hsn,
        dt.date(2026, 10, 20),
        "§ 97",
    )
    assert (
        "Beslut: Hälso- och sjukvårdsnämnden 20 oktober 2026 § 97"
        in klient_fv.get(URL).content.decode()
    )


def test_utan_skal_registreras_inget(klient_tjp, objekt):
    svar = klient_tjp.post(
        f"/uppdrag/avsta/{objekt[1].pk}/", {f"avsta-{objekt[1].pk}-motivering": ""}
    )
    assert svar.status_code == 200
    assert "Skriv skälet till att behovet inte får något uppdrag." in svar.content.decode()
    assert not Avstaende.objects.exists()


def test_behov_med_uppdrag_kan_inte_avstas(klient_tjp, objekt, utforare_a):
    nytt_uppdrag(objekt[:1], utforare_a)
    svar = klient_tjp.post(
        f"/uppdrag/avsta/{objekt[0].pk}/", {f"avsta-{objekt[0].pk}-motivering": "x"}, follow=True
    )
    assert (
        "Inget är registrerat. ”Behov 1: Rökare i Dalarna” har redan ett uppdrag."
        in svar.content.decode()
    )
    assert not Avstaende.objects.exists()


def test_ersatt_och_oppen_omgang_raknas_inte(klient_tjp, objekt, hsn):
    omgang = objekt[0].omgang
    omgang.status = Prioriteringsomgang.Status.ERSATT
    omgang.save()
    Prioriteringsomgang.objects.create(
        planeringsar=omgang.planeringsar,
        organ=factories.organ("Regionstyrelsen", "regionstyrelse"),
        namn="Öppen",
        budgetram_tkr=1,
        status="rangordning",
    )
    html = klient_tjp.get(URL).content.decode()
    assert "Ingen beslutad prioritering för 2027 ännu." in html
    assert adressera.antal_saknas(omgang.planeringsar) == 0


def test_ovre_delen_ar_organets_antal(klient_tjp, objekt):
    omgang = objekt[0].omgang
    omgang.ovre_del_antal = 3
    omgang.save()
    assert "Behov 3: Äldre multisjuka" in _saknas(klient_tjp.get(URL).content.decode())


def test_avstaende_utan_organsbeslut_kan_tas_bort_av_tjansteperson(
    klient_tjp, klient_fv, objekt, hsn, fortroendevald
):
    utan = Avstaende.objects.create(objekt=objekt[0], motivering="x")
    med = Avstaende.objects.create(
        objekt=objekt[1],
        motivering="y",
        beslut=Beslut.objects.create(
            organ=hsn, datum=dt.date(2026, 10, 20), paragraf="§ 98", rubrik="Uppdrag"
        ),
    )
    assert klient_fv.post(f"/uppdrag/avstaende/{utan.pk}/ta-bort/").status_code == 403
    assert klient_tjp.post(f"/uppdrag/avstaende/{med.pk}/ta-bort/").status_code == 403
    assert klient_tjp.post(f"/uppdrag/avstaende/{utan.pk}/ta-bort/").status_code == 302
    assert list(Avstaende.objects.all()) == [med]


def test_utforare_far_403(klient_utf, objekt):
    assert klient_utf.get(URL).status_code == 403
    assert (
        klient_utf.post(
            f"/uppdrag/avsta/{objekt[1].pk}/", {f"avsta-{objekt[1].pk}-motivering": "x"}
        ).status_code
        == 403
    )
    assert not Avstaende.objects.exists()


def test_listan_pa_uppdragssidan_pekar_hit(klient_tjp, objekt):
    html = klient_tjp.get("/uppdrag/?ar=2027").content.decode()
    assert "2 högt prioriterade behov 2027 saknar både uppdrag och beslut om att avstå." in html


def test_obeslutat_objekt_kan_inte_avstas(klient_tjp, objekt):
    oppen = Prioriteringsomgang.objects.create(
        planeringsar=objekt[0].omgang.planeringsar,
        organ=factories.organ("Regionstyrelsen", "regionstyrelse"),
        namn="Öppen",
        budgetram_tkr=1,
        status="rangordning",
    )
    obj = Prioriteringsobjekt.objects.create(
        omgang=oppen, behovsgrupp=objekt[0].behovsgrupp, rubrik="x", atgard="x", placering=1
    )
    assert (
        klient_tjp.post(
            f"/uppdrag/avsta/{obj.pk}/", {f"avsta-{obj.pk}-motivering": "x"}
        ).status_code
        == 404
    )
