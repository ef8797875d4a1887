"""The workflow utkast → dialog → för beslut → beslutad → pågår → avslutad: each step by the
right role only, logged with who and when; no decision without a follow-up plan."""

from __future__ import annotations

import pytest
from django.test import Client

from natverken.models import Beslut
from tests import factories
from tests.conftest import _klient
from tests.uppdrag.hjalp import i_status, med_plan
from uppdrag.models import Uppdrag, Uppfoljningsplan

pytestmark = pytest.mark.django_db


def _status(uppdrag) -> str:
    uppdrag.refresh_from_db()
    return uppdrag.status


def test_tjansteperson_skickar_utkastet_till_dialog_och_det_loggas(
    klient_tjp, tjansteperson, uppdrag_a
):
    svar = klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/dialog/", follow=True)
    assert "Uppdraget är i dialog med Vårdcentralen Norr" in svar.content.decode()
    assert _status(uppdrag_a) == "dialog"
    post = uppdrag_a.history.latest()
    assert (post.history_user, post.history_change_reason) == (
        tjansteperson,
        "Skickat till dialog med utföraren",
    )


def test_utan_uppfoljningsplan_gar_uppdraget_inte_till_beslut(klient_tjp, uppdrag_a):
    i_status(uppdrag_a, "dialog")
    version = uppdrag_a.version
    svar = klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/for_beslut/", follow=True)
    html = svar.content.decode()
    assert "Inget är ändrat. Uppföljningsplan saknas" in html
    uppdrag_a.refresh_from_db()
    assert (uppdrag_a.status, uppdrag_a.version) == ("dialog", version)


def test_uppfoljningsplan_utan_mal_racker_inte(klient_tjp, uppdrag_a):
    i_status(uppdrag_a, "dialog")
    Uppfoljningsplan.objects.create(uppdrag=uppdrag_a, frekvens="ar", rapportor="VC", klart_nar="x")
    svar = klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/for_beslut/", follow=True)
    assert "minst ett mål som följs upp" in svar.content.decode()
    assert _status(uppdrag_a) == "dialog"


def test_med_uppfoljningsplan_gar_uppdraget_till_beslut(klient_tjp, uppdrag_a):
    med_plan(i_status(uppdrag_a, "dialog"))
    klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/for_beslut/")
    assert _status(uppdrag_a) == "for_beslut"


def test_utkast_kan_inte_hoppa_over_dialogen(klient_tjp, uppdrag_a):
    med_plan(uppdrag_a)
    svar = klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/for_beslut/", follow=True)
    assert "kan inte gå till" in svar.content.decode()
    assert _status(uppdrag_a) == "utkast"


def test_ledamot_registrerar_organets_beslut(klient_fv, fortroendevald, uppdrag_a, hsn):
    i_status(uppdrag_a, "for_beslut")
    sida = klient_fv.get(f"/uppdrag/{uppdrag_a.pk}/beslut/").content.decode()
    assert "Registrera organets beslut om uppdraget" in sida and "Rökfri Dalarna" in sida
    svar = klient_fv.post(
        f"/uppdrag/{uppdrag_a.pk}/beslut/",
        {"organ": hsn.pk, "datum": "2026-10-20", "paragraf": "§ 97"},
    )
    assert svar.status_code == 302
    uppdrag_a.refresh_from_db()
    beslut = uppdrag_a.beslut
    assert uppdrag_a.status == "beslutad"
    assert (beslut.organ, str(beslut.datum), beslut.paragraf, beslut.registrerat_av) == (
        hsn,
        "2026-10-20",
        "§ 97",
        fortroendevald,
    )
    post = uppdrag_a.history.latest()
    assert post.history_user == fortroendevald
    assert post.history_change_reason == "Beslutat: Hälso- och sjukvårdsnämnden 2026-10-20 § 97"
    html = klient_fv.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "Hälso- och sjukvårdsnämnden beslutade uppdraget 20 oktober 2026, § 97" in html


def test_flera_uppdrag_kan_beslutas_under_samma_paragraf(
    klient_fv, objekt, utforare_a, uppdrag_a, hsn, fortroendevald
):
    from tests.uppdrag.hjalp import nytt_uppdrag

    i_status(uppdrag_a, "beslutad", anvandare=fortroendevald, organ=hsn)
    andra = i_status(nytt_uppdrag(objekt[1:2], utforare_a, titel="Andra"), "for_beslut")
    klient_fv.post(
        f"/uppdrag/{andra.pk}/beslut/", {"organ": hsn.pk, "datum": "2026-10-20", "paragraf": "§ 97"}
    )
    andra.refresh_from_db()
    assert andra.beslut == Uppdrag.objects.get(pk=uppdrag_a.pk).beslut
    assert Beslut.objects.filter(paragraf="§ 97").count() == 1


def test_paragraf_som_redan_ar_annat_beslut_ger_fel(klient_fv, uppdrag_a, hsn):
    i_status(uppdrag_a, "for_beslut")
    svar = klient_fv.post(
        f"/uppdrag/{uppdrag_a.pk}/beslut/",
        {"organ": hsn.pk, "datum": "2026-06-09", "paragraf": "§ 61"},
    )
    assert svar.status_code == 200
    assert "är redan registrerat som ”Prioritering 2027”" in svar.content.decode()
    assert _status(uppdrag_a) == "for_beslut"


def test_beslut_i_framtiden_vagras(klient_fv, uppdrag_a, hsn):
    i_status(uppdrag_a, "for_beslut")
    svar = klient_fv.post(
        f"/uppdrag/{uppdrag_a.pk}/beslut/",
        {"organ": hsn.pk, "datum": "2099-01-01", "paragraf": "§ 1"},
    )
    assert svar.status_code == 200 and "ligger i framtiden" in svar.content.decode()
    assert _status(uppdrag_a) == "for_beslut"


def test_fortroendevald_utan_ledamotskap_far_403(uppdrag_a):
    i_status(uppdrag_a, "for_beslut")
    annan = _klient(factories.anvandare("annan_fv", "fortroendevald"))
    assert annan.get(f"/uppdrag/{uppdrag_a.pk}/beslut/").status_code == 403


def test_utforaren_kan_inte_besluta_sitt_eget_uppdrag(klient_utf, uppdrag_a, hsn):
    i_status(uppdrag_a, "for_beslut")
    svar = klient_utf.post(
        f"/uppdrag/{uppdrag_a.pk}/beslut/",
        {"organ": hsn.pk, "datum": "2026-10-20", "paragraf": "§ 97"},
    )
    assert svar.status_code == 403
    assert (
        _status(uppdrag_a) == "for_beslut" and not Beslut.objects.filter(paragraf="§ 97").exists()
    )


def test_tjansteperson_kan_inte_besluta(klient_tjp, uppdrag_a, hsn):
    i_status(uppdrag_a, "for_beslut")
    svar = klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/beslut/",
        {"organ": hsn.pk, "datum": "2026-10-20", "paragraf": "§ 97"},
    )
    assert svar.status_code == 403
    assert _status(uppdrag_a) == "for_beslut"


def test_uppdrag_i_dialog_kan_inte_beslutas(klient_fv, uppdrag_a, hsn):
    i_status(uppdrag_a, "dialog")
    svar = klient_fv.post(
        f"/uppdrag/{uppdrag_a.pk}/beslut/",
        {"organ": hsn.pk, "datum": "2026-10-20", "paragraf": "§ 97"},
        follow=True,
    )
    assert "bara ett uppdrag som är för beslut kan beslutas" in svar.content.decode()
    assert _status(uppdrag_a) == "dialog"


def test_start_och_avslut_av_tjansteperson(klient_tjp, uppdrag_a, steg, fortroendevald, hsn):
    steg(uppdrag_a, "beslutad", fortroendevald, hsn)
    klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/pagar/")
    assert _status(uppdrag_a) == "pagar"
    klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/avslutad/")
    assert _status(uppdrag_a) == "avslutad"
    skal = list(
        uppdrag_a.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert skal[-2:] == ["Startat: uppdraget pågår", "Avslutat"]


@pytest.mark.parametrize("klient", ["klient_fv", "klient_utf"])
@pytest.mark.parametrize("till", ["dialog", "for_beslut", "pagar", "avslutad"])
def test_bara_tjanstepersoner_flyttar_uppdraget(request, klient, till, uppdrag_a):
    i_status(uppdrag_a, "dialog")
    svar = request.getfixturevalue(klient).post(f"/uppdrag/{uppdrag_a.pk}/status/{till}/")
    assert svar.status_code == 403
    assert _status(uppdrag_a) == "dialog"


def test_tillbaka_till_dialog_fran_for_beslut(klient_tjp, uppdrag_a):
    i_status(uppdrag_a, "for_beslut")
    klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/dialog/")
    assert _status(uppdrag_a) == "dialog"
    assert uppdrag_a.history.latest().history_change_reason == "Tillbaka till dialog före beslut"


def test_okant_steg_ger_404_och_get_ger_405(klient_tjp, uppdrag_a):
    assert klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/status/beslutad/").status_code == 404
    assert klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/status/dialog/").status_code == 405


def test_anonym_kan_inte_flytta(uppdrag_a):
    svar = Client().post(f"/uppdrag/{uppdrag_a.pk}/status/dialog/")
    assert svar.status_code == 302 and "/konto/logga-in/" in svar["Location"]
    assert _status(uppdrag_a) == "utkast"


def test_uppdragssidan_visar_nasta_steg_for_rollen(klient_tjp, klient_fv, uppdrag_a):
    i_status(uppdrag_a, "for_beslut")
    tjp = klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    fv = klient_fv.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "Ta tillbaka till dialog" in tjp and "Registrera organets beslut" not in tjp
    assert "Registrera organets beslut" in fv and "Ta tillbaka till dialog" not in fv
    assert 'aria-current="step"' in fv and "För beslut" in fv
