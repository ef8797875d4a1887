"""Decided things cannot be changed afterwards, not even by an administrator in the admin:
decisions and dissent, decided priority rounds with their needs, assessments, rankings and
resources, ready needs analyses with their gaps, sources and dialogues, decided commissions
with their goals, milestones and follow-up plans, decisions not to commission, accepted
reports, approved yearly follow-ups, continuation decisions and fullmäktige's budget
decision. Every admin that locks decided things (`BeslutatLastAdmin`) has a case here."""

from __future__ import annotations

import pytest
from django.contrib import admin as django_admin
from django.contrib.auth import get_user_model

from behov.models import Behovsanalys, Datakalla, Dialog, Halsogap
from natverken.admin import BeslutatLastAdmin
from natverken.models import Beslut, Planeringsar, Reservation
from prioritering.models import (
    Bedomning,
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Rangordning,
    Resursfordelning,
)
from tests.conftest import _klient
from uppdrag.models import Avstaende, Mal, Milstolpe, Uppdrag, Uppfoljningsplan
from uppfoljning.models import Arsuppfoljning, Aterrapport, Fortsattningsbeslut, Malstatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(demo):
    return _klient(get_user_model().objects.get(username="admin"))


@pytest.mark.parametrize(
    ("sokvag", "hamta", "falt", "nytt"),
    [
        ("natverken/beslut", lambda: Beslut.objects.first(), "paragraf", "§ 999"),
        (
            "prioritering/prioriteringsomgang",
            lambda: Prioriteringsomgang.objects.get(planeringsar__ar=2027),
            "budgetram_tkr",
            "1",
        ),
        (
            "uppdrag/uppdrag",
            lambda: Uppdrag.objects.filter(status="pagar").first(),
            "budget_tkr",
            "1",
        ),
        (
            "uppfoljning/arsuppfoljning",
            lambda: Arsuppfoljning.objects.get(status="godkand"),
            "sammanfattning",
            "Ändrat i efterhand",
        ),
        (
            "behov/behovsanalys",
            lambda: Behovsanalys.objects.filter(status="klar").first(),
            "halsolage",
            "Ändrat i efterhand",
        ),
        (
            "behov/halsogap",
            lambda: Halsogap.objects.filter(analys__status="klar", malbeslut__isnull=False).first(),
            "foreslaget_mal",
            "1",
        ),
        (
            "behov/datakalla",
            lambda: Datakalla.objects.filter(analys__status="klar").first(),
            "brister",
            "Inga",
        ),
        (
            "behov/dialog",
            lambda: Dialog.objects.filter(analys__status="klar").first(),
            "sammanfattning",
            "Ändrat i efterhand",
        ),
        (
            "prioritering/prioriteringsobjekt",
            lambda: Prioriteringsobjekt.objects.filter(omgang__status="beslutad").first(),
            "rubrik",
            "Ändrat i efterhand",
        ),
        (
            "prioritering/bedomning",
            lambda: Bedomning.objects.filter(objekt__omgang__status="beslutad").first(),
            "svarighetsgrad_motivering",
            "Ändrat i efterhand",
        ),
        (
            "prioritering/rangordning",
            lambda: Rangordning.objects.filter(omgang__status="beslutad").first(),
            "inlamnad_0",
            "2020-01-01",
        ),
        (
            "prioritering/resursfordelning",
            lambda: Resursfordelning.objects.filter(objekt__omgang__status="beslutad").first(),
            "belopp_tkr",
            "1",
        ),
        (
            "uppdrag/mal",
            lambda: Mal.objects.filter(uppdrag__status="pagar").first(),
            "malvarde",
            "1",
        ),
        (
            "uppdrag/milstolpe",
            lambda: Milstolpe.objects.filter(uppdrag__status="pagar").first(),
            "beskrivning",
            "Ändrat i efterhand",
        ),
        (
            "uppdrag/uppfoljningsplan",
            lambda: Uppfoljningsplan.objects.filter(uppdrag__status="pagar").first(),
            "klart_nar",
            "Ändrat i efterhand",
        ),
        (
            "uppdrag/avstaende",
            lambda: Avstaende.objects.filter(beslut__isnull=False).first(),
            "motivering",
            "Ändrat i efterhand",
        ),
        (
            "uppfoljning/aterrapport",
            lambda: Aterrapport.objects.filter(rapportstatus="godkand").first(),
            "sammanfattning",
            "Ändrat i efterhand",
        ),
        (
            "uppfoljning/malstatus",
            lambda: Malstatus.objects.filter(rapport__rapportstatus="godkand").first(),
            "kommentar",
            "Ändrat i efterhand",
        ),
        (
            "uppfoljning/fortsattningsbeslut",
            lambda: Fortsattningsbeslut.objects.first(),
            "motivering",
            "Ändrat i efterhand",
        ),
        (
            "natverken/reservation",
            lambda: Reservation.objects.first(),
            "text",
            "Ändrat i efterhand",
        ),
    ],
)
def test_beslutat_gar_inte_att_andra_eller_ta_bort_i_admin(admin, sokvag, hamta, falt, nytt):
    obj = hamta()
    assert obj is not None, f"Demon saknar ett beslutat objekt för {sokvag}."
    fore = type(obj)._base_manager.filter(pk=obj.pk).values().get()
    historik = obj.history.count()
    url = f"/django-admin/{sokvag}/{obj.pk}/change/"
    html = admin.get(url).content.decode()
    assert f'name="{falt}"' not in html  # shown read only, no input
    admin.post(url, {falt: nytt})
    assert type(obj)._base_manager.filter(pk=obj.pk).values().get() == fore
    assert obj.history.count() == historik
    assert (
        admin.post(f"/django-admin/{sokvag}/{obj.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_ej_beslutat_uppdrag_kan_fortfarande_rattas_i_admin(admin):
    utkast = Uppdrag.objects.filter(status="utkast").first()
    assert (
        'name="budget_tkr"'
        in admin.get(f"/django-admin/uppdrag/uppdrag/{utkast.pk}/change/").content.decode()
    )


LASTA_I_TESTET = {
    "natverken.beslut",
    "prioritering.prioriteringsomgang",
    "uppdrag.uppdrag",
    "uppfoljning.arsuppfoljning",
    "behov.behovsanalys",
    "behov.halsogap",
    "behov.datakalla",
    "behov.dialog",
    "prioritering.prioriteringsobjekt",
    "prioritering.bedomning",
    "prioritering.rangordning",
    "prioritering.resursfordelning",
    "uppdrag.mal",
    "uppdrag.milstolpe",
    "uppdrag.uppfoljningsplan",
    "uppdrag.avstaende",
    "uppfoljning.aterrapport",
    "uppfoljning.malstatus",
    "uppfoljning.fortsattningsbeslut",
    "natverken.reservation",
}


def test_varje_last_admin_provas():
    lasta = {
        modell._meta.label_lower
        for modell, modelladmin in django_admin.site._registry.items()
        if isinstance(modelladmin, BeslutatLastAdmin)
    }
    assert lasta == LASTA_I_TESTET


def test_beslutat_gar_inte_att_ta_bort_med_listans_atgard(admin):
    reservation = Reservation.objects.first()  # nothing protects it but the lock
    svar = admin.post(
        "/django-admin/natverken/reservation/",
        {"action": "delete_selected", "_selected_action": [reservation.pk], "post": "yes"},
    )
    assert svar.status_code == 403
    assert Reservation.objects.filter(pk=reservation.pk).exists()


def test_fullmaktiges_budgetbeslut_ligger_fast_men_faserna_kan_andras(admin):
    ar = Planeringsar.objects.filter(budgetbeslut__isnull=False).first()
    html = admin.get(f"/django-admin/natverken/planeringsar/{ar.pk}/change/").content.decode()
    assert 'name="budgetbeslut"' not in html
    assert 'name="faser-0-start"' in html


def test_ny_rad_till_nagot_beslutat_vagras_i_admin(admin):
    gap = Halsogap.objects.filter(analys__status="klar").first()
    antal = Halsogap.objects.count()
    svar = admin.post(
        "/django-admin/behov/halsogap/add/",
        {
            "analys": gap.analys_id,
            "indikator": gap.indikator_id,
            "omrade": gap.omrade_id,
            "kon": "K",
            "foreslaget_mal": "1",
            "foreslaget_malar": "2030",
        },
    )
    assert svar.status_code == 200
    assert "kan inte läggas till i efterhand i admin" in svar.content.decode()
    assert Halsogap.objects.count() == antal

    antal = Beslut.objects.count()
    svar = admin.post(
        "/django-admin/natverken/beslut/add/",
        {"organ": gap.malbeslut.organ_id, "datum": "2026-11-23", "paragraf": "§ 1", "rubrik": "X"},
    )
    assert "kan inte läggas till i efterhand i admin" in svar.content.decode()
    assert Beslut.objects.count() == antal


def test_ny_rad_till_nagot_oavgjort_gar_fortfarande_i_admin(admin):
    utkast = Uppdrag.objects.filter(status="utkast").first()
    html = admin.get("/django-admin/uppdrag/milstolpe/add/").content.decode()
    assert 'name="beskrivning"' in html
    svar = admin.post(
        "/django-admin/uppdrag/milstolpe/add/",
        {"uppdrag": utkast.pk, "datum": "2027-03-01", "beskrivning": "Rättad i admin"},
    )
    assert svar.status_code == 302
    assert utkast.milstolpar.filter(beskrivning="Rättad i admin").exists()


def test_andring_som_gor_en_rad_beslutad_vagras_i_admin(admin):
    """Not only new rows: moving a draft's milestone to a running commission, or setting a
    handed-in report to accepted, would change something decided outside the app."""
    from django.contrib.admin.sites import site
    from django.forms.models import model_to_dict
    from django.test import RequestFactory

    from uppdrag.models import Milstolpe
    from uppfoljning.models import Aterrapport

    utkast = Uppdrag.objects.filter(status="utkast", milstolpar__isnull=False).first()
    pagar = Uppdrag.objects.filter(status="pagar").first()
    milstolpe = utkast.milstolpar.first()
    svar = admin.post(
        f"/django-admin/uppdrag/milstolpe/{milstolpe.pk}/change/",
        {
            "uppdrag": pagar.pk,
            "datum": milstolpe.datum.isoformat(),
            "beskrivning": milstolpe.beskrivning,
        },
    )
    assert svar.status_code == 200
    assert "Ändringen skulle göra raden till en del av något beslutat" in svar.content.decode()
    assert Milstolpe.objects.get(pk=milstolpe.pk).uppdrag_id == utkast.pk

    rapport = Aterrapport.objects.filter(rapportstatus="inlamnad").first()
    modelladmin = site._registry[Aterrapport]
    begaran = RequestFactory().post("/")
    begaran.user = get_user_model().objects.get(username="admin")
    Form = modelladmin.get_form(begaran, rapport, change=True)
    data = {k: v for k, v in model_to_dict(rapport).items() if v is not None}
    form = Form({**data, "rapportstatus": "godkand"}, instance=rapport)
    assert not form.is_valid()
    assert "Ändringen skulle göra raden" in str(form.non_field_errors())
