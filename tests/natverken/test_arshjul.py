"""The årshjul: phase status derived from data, overdue detection on a fixed date, each
role's to-do list, the wheel and the personal calendar feed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from icalendar import Calendar

from behov.models import Behovsanalys, Behovsgrupp, Dialog, Halsogap, Indikator
from natverken import arshjul
from natverken.models import Fas, Kalendernyckel, Omrade, Organ
from tests import factories
from uppdrag.models import Uppdrag
from uppfoljning.models import Arsuppfoljning, Aterrapport

pytestmark = pytest.mark.django_db


@pytest.fixture
def ar2027():
    ar = factories.planeringsar(2027)
    Fas.skapa_standardfaser(ar)
    return ar


def _status(ar, nyckel: str, idag=dt.date(2026, 11, 23)) -> arshjul.Fasrad:
    return next(r for r in arshjul.fasrader(ar, idag) if r.fas.nyckel == nyckel)


def _analys(ar, namn="G", **extra) -> Behovsanalys:
    return Behovsanalys.objects.create(
        behovsgrupp=Behovsgrupp.objects.create(namn=namn), planeringsar=ar, **extra
    )


def _gap(analys) -> Halsogap:
    ind, _ = Indikator.objects.get_or_create(kod="I", defaults={"namn": "I", "enhet": "%"})
    return Halsogap.objects.create(
        analys=analys, indikator=ind, omrade=Omrade.objects.get(scb_kod="20"), foreslaget_mal=5.0
    )


def test_behovsfaserna_harleds_ur_analyserna(ar2027):
    assert _status(ar2027, "identifiera_behov").status.status == "ej_paborjad"
    a = _analys(ar2027, "A")
    b = _analys(ar2027, "B")
    assert _status(ar2027, "identifiera_behov").status.status == "klar"
    assert _status(ar2027, "brister").status.status == "pagar"
    _gap(a)
    _gap(b)
    assert _status(ar2027, "brister").status.status == "klar"
    Dialog.objects.create(
        analys=a, datum=dt.date(2026, 4, 1), med_vilka="x", metod="y", sammanfattning="z"
    )
    rad = _status(ar2027, "dialog_behov")
    assert (
        rad.status.status == "pagar"
        and rad.status.beskrivning == "1 av 2 behovsanalyser har minst en dialog."
    )
    a.status = b.status = "klar"
    a.save()
    assert _status(ar2027, "beskriva_behov").status.status == "pagar"
    b.save()
    assert _status(ar2027, "beskriva_behov").status.status == "klar"


def test_arsuppfoljningen_galler_aret_tva_ar_tidigare(ar2027):
    # Without 2025 in the system there is nothing to follow up: not overdue, no link.
    rad = _status(ar2027, "arsuppfoljning", idag=dt.date(2026, 11, 23))
    assert (rad.status.status, rad.status.lank, rad.forsenad) == ("okand", "", False)
    assert rad.status.beskrivning == "Planeringsår 2025 finns inte i systemet."
    ar2025 = factories.planeringsar(2025)
    assert _status(ar2027, "arsuppfoljning").status.status == "ej_paborjad"
    assert _status(ar2027, "arsuppfoljning").forsenad
    a = Arsuppfoljning.objects.create(planeringsar=ar2025)
    assert _status(ar2027, "arsuppfoljning").status.status == "pagar"
    a.status, a.beslut = "godkand", factories.beslut(paragraf="§ 28")
    a.save()
    assert _status(ar2027, "arsuppfoljning").status.status == "klar"


def test_uppdragsfaserna_harleds_ur_uppdragen(ar2027):
    u = Uppdrag.objects.create(
        planeringsar=ar2027,
        titel="U",
        insatstyp="behandling",
        utforare=factories.utforare(),
        langsiktigt_mal="m",
        start=dt.date(2027, 1, 1),
        slut=dt.date(2027, 12, 31),
    )
    assert _status(ar2027, "dialog_konsekvenser").status.status == "pagar"
    u.status, u.beslut = "beslutad", factories.beslut()
    u.save()
    assert _status(ar2027, "dialog_konsekvenser").status.status == "klar"
    assert _status(ar2027, "verksamhetsplan").status.status == "klar"


def test_fullmaktiges_fas_ar_klar_nar_budgeten_ar_beslutad(ar2027):
    assert _status(ar2027, "fullmaktige").status.status == "ej_paborjad"
    ar2027.budgetbeslut = factories.beslut(
        factories.organ("Regionfullmäktige", Organ.Typ.FULLMAKTIGE), "§ 112"
    )
    ar2027.save()
    assert _status(ar2027, "fullmaktige").status.status == "klar"


@pytest.mark.parametrize(
    ("idag", "aktuell", "forsenad"),
    [
        (dt.date(2026, 3, 15), False, False),  # before the phase
        (dt.date(2026, 4, 15), True, False),  # during
        (dt.date(2026, 4, 30), True, False),  # last day
        (dt.date(2026, 5, 1), False, True),  # the day after, not done: overdue
    ],
)
def test_forsenad_fas_med_fast_datum(ar2027, idag, aktuell, forsenad):
    _analys(ar2027)  # one analysis without a dialog: phase "dialog_behov" (April) is in progress
    rad = _status(ar2027, "dialog_behov", idag)
    assert (rad.aktuell, rad.forsenad) == (aktuell, forsenad)
    assert ("Försenad" in rad.statustext) == forsenad


def test_klar_fas_ar_aldrig_forsenad(ar2027):
    a = _analys(ar2027)
    Dialog.objects.create(
        analys=a, datum=dt.date(2026, 4, 1), med_vilka="x", metod="y", sammanfattning="z"
    )
    assert not _status(ar2027, "dialog_behov", dt.date(2026, 12, 1)).forsenad


def test_att_gora_for_tjansteperson_forvaldtroende_och_utforare(
    ar2027, tjansteperson, fortroendevald, utforare_anvandare, utforare_a
):
    analys = _analys(ar2027, "Äldre")
    _gap(analys)
    factories.ledamot(factories.organ(), "Erik", "S", fortroendevald)
    u = Uppdrag.objects.create(
        planeringsar=ar2027,
        titel="Mobila team",
        insatstyp="omvardnad",
        utforare=utforare_a,
        langsiktigt_mal="m",
        start=dt.date(2027, 1, 1),
        slut=dt.date(2027, 12, 31),
        status="dialog",
    )
    Aterrapport.objects.create(uppdrag=u, period="2027 T1", senast=dt.date(2027, 5, 15))
    idag = dt.date(2026, 11, 23)

    tjp = [x.titel for x in arshjul.att_gora(tjansteperson, ar2027, idag)]
    assert tjp == ["Gör klart behovsanalysen för Äldre", "Formulera klart uppdraget ”Mobila team”"]
    fv = [x.titel for x in arshjul.att_gora(fortroendevald, ar2027, idag)]
    assert fv == ["Besluta mål för Äldre (1 hälsogap)"]
    utf = arshjul.att_gora(utforare_anvandare, ar2027, idag)
    assert [x.titel for x in utf] == [
        "Lämna synpunkter på utkastet ”Mobila team”",
        "Lämna återrapport: Mobila team, 2027 T1",
    ]
    assert [x.senast for x in utf] == sorted(x.senast for x in utf)  # soonest first
    andra_utforaren = factories.anvandare("utf_b", "utforare", utforare=factories.utforare("Annan"))
    assert arshjul.att_gora(andra_utforaren, ar2027, idag) == []


def test_startsidan_visar_att_gora_och_hjulet(klient_tjp, ar2027):
    _analys(ar2027, "Äldre")
    html = klient_tjp.get("/?ar=2027").content.decode()
    assert "Att göra nu" in html and "Gör klart behovsanalysen för Äldre" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and "Budget 2027" in html


def test_tom_att_gora_sager_vad_som_hander_harnast(klient_fv, ar2027):
    html = klient_fv.get("/?ar=2027").content.decode()
    assert "Du har inget som väntar just nu." in html


def test_arshjulssidan_listar_faserna_med_status_i_ord(klient_utf, ar2027):
    html = klient_utf.get("/arshjul/?ar=2027").content.decode()
    assert html.count('class="fas') >= 9
    assert "Ej påbörjad" in html and "Fullmäktige beslutar" in html
    assert "Ändra datum" not in html  # providers don't edit the wheel


def test_budgetbeslut_registreras_av_ledamot_i_fullmaktige(ar2027, fortroendevald, klient_fv):
    assert klient_fv.get("/arshjul/2027/budgetbeslut/").status_code == 403
    factories.ledamot(
        factories.organ("Regionfullmäktige", Organ.Typ.FULLMAKTIGE), "Erik", "S", fortroendevald
    )
    svar = klient_fv.post(
        "/arshjul/2027/budgetbeslut/",
        {
            "organ": Organ.objects.get(typ="fullmaktige").pk,
            "datum": "2026-11-24",
            "paragraf": "§ 112",
        },
    )
    assert svar.status_code == 302
    ar2027.refresh_from_db()
    assert (
        ar2027.budgetbeslut.paragraf == "§ 112"
        and ar2027.budgetbeslut.registrerat_av == fortroendevald
    )

    # Decided: the page shows the decision, and a second registration is refused.
    assert "Budgeten är beslutad" in klient_fv.get("/arshjul/2027/budgetbeslut/").content.decode()
    svar = klient_fv.post(
        "/arshjul/2027/budgetbeslut/",
        {
            "organ": Organ.objects.get(typ="fullmaktige").pk,
            "datum": "2026-11-25",
            "paragraf": "§ 9",
        },
    )
    assert svar.status_code == 403 and "kan inte ändras" in svar.content.decode()
    ar2027.refresh_from_db()
    assert ar2027.budgetbeslut.paragraf == "§ 112"


def test_kalenderflodet_ar_giltig_ical_och_kan_aterkallas(klient_tjp, tjansteperson, ar2027):
    _analys(ar2027, "Äldre")
    assert klient_tjp.post("/kalender/fornya/").status_code == 302
    nyckel = Kalendernyckel.objects.get(anvandare=tjansteperson).nyckel
    svar = Client().get(f"/kalender/{nyckel}.ics")  # no login: the secret is the key
    assert svar.status_code == 200 and svar["Content-Type"].startswith("text/calendar")
    kal = Calendar.from_ical(svar.content)
    handelser = [k for k in kal.walk("VEVENT")]
    rubriker = {str(h["SUMMARY"]) for h in handelser}
    assert "Årsuppföljning (budget 2027)" in rubriker
    assert "Fullmäktige beslutar (budget 2027)" not in rubriker  # a förtroendevald's phase
    assert any(r.startswith("Senast: Gör klart behovsanalysen för Äldre") for r in rubriker)
    arsuppf = next(h for h in handelser if str(h["SUMMARY"]) == "Årsuppföljning (budget 2027)")
    assert arsuppf.decoded("DTSTART") == dt.date(2026, 1, 1)
    assert arsuppf.decoded("DTEND") == dt.date(2026, 4, 1)  # exclusive end of 31 March
    hela = Calendar.from_ical(Client().get(f"/kalender/{nyckel}.ics?omfang=alla").content)
    assert "Fullmäktige beslutar (budget 2027)" in {str(h["SUMMARY"]) for h in hela.walk("VEVENT")}

    klient_tjp.post("/kalender/fornya/")
    assert Client().get(f"/kalender/{nyckel}.ics").status_code == 404  # the old key no longer works
    klient_tjp.post("/kalender/aterkalla/")
    assert not Kalendernyckel.objects.exists()


def test_okand_kalendernyckel_ger_404():
    assert Client().get("/kalender/finns-inte.ics").status_code == 404
