"""The yearly follow-up: officials compile it, a member of the body records the body's
approval as a Beslut, and the approved version keeps what the members saw."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from natverken.models import Beslut
from tests import factories
from tests.uppfoljning import hjalp
from uppfoljning.models import Arsuppfoljning

pytestmark = pytest.mark.django_db
AR = timezone.localdate().year - 2


@pytest.fixture
def hsn(fortroendevald):
    organ = factories.organ()
    factories.ledamot(organ, "Erik Holm", "S", fortroendevald)
    return organ


@pytest.fixture
def utkast(utforare_a):
    ind = hjalp.indikator("T-A", {AR - 1: 30.0, AR: 29.0, AR + 1: 28.0})
    hjalp.uppdrag(
        utforare_a, ar=AR, ind=ind, baslinje_period=str(AR - 1), maldatum=dt.date(AR + 3, 12, 31)
    )
    return Arsuppfoljning.objects.create(
        planeringsar=factories.planeringsar(AR), sammanfattning="Det gick bra."
    )


def _godkann(klient, arsupp, organ, **extra):
    data = {
        "organ": organ.pk,
        "datum": f"{AR + 1}-03-24",
        "paragraf": "§ 28",
        "version": arsupp.version,
    }
    data.update(extra)
    return klient.post(f"/uppfoljning/arsuppfoljning/{AR}/godkann/", data)


def test_tjansteperson_paborjar_och_skriver_sammanfattningen(klient_tjp):
    factories.planeringsar(AR)
    assert klient_tjp.post(f"/uppfoljning/arsuppfoljning/{AR}/paborja/").status_code == 302
    arsupp = Arsuppfoljning.objects.get()
    svar = klient_tjp.post(
        f"/uppfoljning/arsuppfoljning/{AR}/spara/",
        {"sammanfattning": "Fyra uppdrag genomfördes.", "version": arsupp.version},
    )
    assert svar.status_code == 302
    arsupp.refresh_from_db()
    assert arsupp.sammanfattning == "Fyra uppdrag genomfördes." and arsupp.status == "utkast"


def test_sidan_visar_prioriteringar_uppdrag_och_maluppfyllelse(klient_fv, utkast, hsn):
    html = klient_fv.get(f"/uppfoljning/arsuppfoljning/{AR}/").content.decode()
    assert "Det gick bra." in html and f"Första linjen {AR}" in html
    assert "Enligt plan" in html or "Före plan" in html or "Efter plan" in html
    assert "Registrera godkännandet" in html


def test_ledamot_godkanner_genom_organets_beslut(klient_fv, fortroendevald, utkast, hsn):
    svar = _godkann(klient_fv, utkast, hsn)
    assert svar.status_code == 302
    utkast.refresh_from_db()
    beslut = utkast.beslut
    assert utkast.status == "godkand"
    assert (beslut.organ, beslut.paragraf, beslut.registrerat_av) == (hsn, "§ 28", fortroendevald)
    assert beslut.rubrik == f"Årsuppföljning {AR}"
    # What the members saw is kept with the decision.
    mal = utkast.planeringsar.uppdrag.get().mal.get(niva="effekt")
    assert utkast.bedomningar_vid_beslut[str(mal.pk)]["status"] in {"enligt_plan", "fore", "efter"}


def test_fortroendevald_utan_ledamotskap_far_403(klient_fv, utkast):
    organ = factories.organ("Regionstyrelsen", "regionstyrelse")
    assert _godkann(klient_fv, utkast, organ).status_code == 403
    assert (
        Arsuppfoljning.objects.get().status == "utkast"
        and not Beslut.objects.filter(paragraf="§ 28").exists()
    )


def test_ledamot_kan_inte_valja_ett_annat_organ(klient_fv, utkast, hsn):
    annat = factories.organ("Regionstyrelsen", "regionstyrelse")
    svar = _godkann(klient_fv, utkast, annat)
    assert svar.status_code == 200 and "Välj ett giltigt alternativ" in svar.content.decode()
    assert Arsuppfoljning.objects.get().status == "utkast"


def test_tjansteperson_kan_inte_godkanna(klient_tjp, utkast, hsn):
    assert _godkann(klient_tjp, utkast, hsn).status_code == 403


def test_godkannande_av_inaktuell_version_vagras(klient_fv, utkast, hsn):
    gammal = utkast.version
    utkast.sammanfattning = "Ändrad efter att ledamoten läste"
    utkast.save()
    svar = _godkann(klient_fv, utkast, hsn, version=gammal)
    assert svar.status_code == 200 and "har ändrats sedan du läste den" in svar.content.decode()
    utkast.refresh_from_db()
    assert utkast.status == "utkast" and not Beslut.objects.filter(paragraf="§ 28").exists()


def test_upptagen_paragraf_ger_fel(klient_fv, utkast, hsn):
    factories.beslut(hsn, "§ 28", datum=dt.date(AR + 1, 3, 24), rubrik="Något annat")
    svar = _godkann(klient_fv, utkast, hsn)
    assert "redan registrerat som ”Något annat”" in svar.content.decode()
    assert Arsuppfoljning.objects.get().status == "utkast"


def test_utan_sammanfattning_kan_den_inte_godkannas(klient_fv, utkast, hsn):
    utkast.sammanfattning = ""
    utkast.save()
    svar = _godkann(klient_fv, utkast, hsn)
    assert "saknar sammanfattning" in svar.content.decode()
    assert Arsuppfoljning.objects.get().status == "utkast"


def test_godkand_arsuppfoljning_kan_inte_andras(klient_fv, klient_tjp, utkast, hsn):
    _godkann(klient_fv, utkast, hsn)
    utkast.refresh_from_db()
    svar = klient_tjp.post(
        f"/uppfoljning/arsuppfoljning/{AR}/spara/",
        {"sammanfattning": "Omskrivet", "version": utkast.version},
    )
    assert svar.status_code == 403
    assert Arsuppfoljning.objects.get().sammanfattning == "Det gick bra."
    # "Påbörja" on an approved one doesn't claim to start a draft.
    svar = klient_tjp.post(f"/uppfoljning/arsuppfoljning/{AR}/paborja/")
    assert svar.status_code == 403 and "godkänd av nämnden" in svar.content.decode()
    assert Arsuppfoljning.objects.get().status == "godkand"
    html = klient_fv.get(f"/uppfoljning/arsuppfoljning/{AR}/").content.decode()
    assert f"Godkänd av {hsn}" in html and "Registrera godkännandet" not in html
