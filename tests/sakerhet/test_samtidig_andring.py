"""Optimistic locking on every document people edit over days (`natverken.models.Versionerad`
through a `VersionsForm`): two people logged in at once open the same edit form, both save;
the first save is kept, the second is refused with the Swedish message and the second
person's typed text is still in the re-rendered form. Nothing is lost.

Each case opens the real page and submits what its form holds (`las_formular`), the way a
browser would. `test_varje_versionerad_modell_provas` fails when a new Versionerad model
appears without a case here."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from behov import services as behov_services
from behov.models import Behovsanalys, Halsogap
from natverken.models import Fas, Planeringsar, Roll, SamtidigAndring, Utforare, Versionerad
from prioritering.models import Bedomning, Prioriteringsomgang
from tests import factories
from tests.sakerhet.formular import las_formular
from uppdrag import services as uppdrag_services
from uppdrag.models import Mal, Uppdrag, Uppfoljningsplan
from uppfoljning import services as uppfoljning_services
from uppfoljning.models import Arsuppfoljning, Aterrapport

pytestmark = pytest.mark.django_db

PRIMARVARDEN = "Primärvården Region Exempel"


@dataclass(frozen=True)
class Fall:
    id: str
    roll: str
    # The object, prepared so it is editable (e.g. a ready analysis reopened with a reason).
    objekt: Callable[[], models.Model]
    sida: Callable[[models.Model], str]  # the page with the edit form
    action: Callable[[models.Model], str]  # where the form posts
    falt: str  # the text field both people type into
    extra: Callable[[models.Model], dict] = lambda obj: {}  # e.g. the button pressed
    andrat: Callable[[models.Model], dict] = lambda obj: {}  # more fields a person changes
    prefix: str = ""  # the form's prefix on a page with several forms

    def __str__(self) -> str:
        return self.id


def _oppnad_analys() -> Behovsanalys:
    analys = Behovsanalys.objects.filter(planeringsar__ar=2028).order_by("pk").first()
    behov_services.ateroppna(analys=analys, skal="Nya siffror från SCB")
    return analys


def _gap_i_oppnad_analys() -> Halsogap:
    return _oppnad_analys().halsogap.order_by("pk").first()


def _bedomning_i_oppen_omgang() -> Bedomning:
    return (
        Bedomning.objects.filter(objekt__omgang__status=Prioriteringsomgang.Status.RANGORDNING)
        .order_by("pk")
        .first()
    )


def _uppdrag(status: str) -> Callable[[], Uppdrag]:
    return lambda: Uppdrag.objects.filter(status=status).order_by("pk").first()


def _i_utkast(modell: type[models.Model]) -> Callable[[], models.Model]:
    return lambda: (
        modell.objects.filter(uppdrag__status__in=[Uppdrag.Status.UTKAST, Uppdrag.Status.DIALOG])
        .order_by("pk")
        .first()
    )


def _plan_tillbaka_i_dialog() -> Uppfoljningsplan:
    # The plan is required before the decision: take a commission back from "for beslut".
    uppdrag = Uppdrag.objects.filter(status=Uppdrag.Status.FOR_BESLUT).order_by("pk").first()
    uppdrag_services.byt_status(uppdrag=uppdrag, till="dialog")
    return uppdrag.uppfoljningsplan


def _rapport_att_skriva() -> Aterrapport:
    return (
        Aterrapport.objects.filter(
            uppdrag__utforare__namn=PRIMARVARDEN,
            rapportstatus__in=[
                Aterrapport.Rapportstatus.VANTAR,
                Aterrapport.Rapportstatus.ATERSAND,
            ],
        )
        .order_by("pk")
        .first()
    )


def _arsuppfoljning_utkast() -> Arsuppfoljning:
    return uppfoljning_services.paborja_arsuppfoljning(
        planeringsar=Planeringsar.objects.get(ar=2026)
    )


FALL = [
    Fall(
        "behovsanalys",
        Roll.TJANSTEPERSON,
        _oppnad_analys,
        lambda a: f"/behov/analyser/{a.pk}/",
        lambda a: f"/behov/analyser/{a.pk}/spara/",
        "halsolage",
    ),
    Fall(
        "hälsogap",
        Roll.TJANSTEPERSON,
        _gap_i_oppnad_analys,
        lambda g: f"/behov/gap/{g.pk}/andra/",
        lambda g: f"/behov/gap/{g.pk}/andra/",
        "vardbehov_motivering",
    ),
    Fall(
        "bedömning",
        Roll.TJANSTEPERSON,
        _bedomning_i_oppen_omgang,
        lambda b: f"/prioritering/behov/{b.objekt_id}/",
        lambda b: f"/prioritering/behov/{b.objekt_id}/bedomning/",
        "nytta_motivering",
    ),
    Fall(
        "behov i prioriteringen",
        Roll.TJANSTEPERSON,
        lambda: _bedomning_i_oppen_omgang().objekt,
        lambda o: f"/prioritering/behov/{o.pk}/",
        lambda o: f"/prioritering/behov/{o.pk}/andra/",
        "atgard",
    ),
    Fall(
        "uppdrag (utkast)",
        Roll.TJANSTEPERSON,
        _uppdrag(Uppdrag.Status.UTKAST),
        lambda u: f"/uppdrag/{u.pk}/andra/",
        lambda u: f"/uppdrag/{u.pk}/andra/",
        "beskrivning",
    ),
    Fall(
        "uppdrag (ny version efter beslut)",
        Roll.TJANSTEPERSON,
        _uppdrag(Uppdrag.Status.PAGAR),
        lambda u: f"/uppdrag/{u.pk}/andra/",
        lambda u: f"/uppdrag/{u.pk}/andra/",
        "beskrivning",
        andrat=lambda u: {"andringsskal": "Ny inriktning efter dialogen"},
    ),
    Fall(
        "uppdragets mål",
        Roll.TJANSTEPERSON,
        _i_utkast(Mal),
        lambda m: f"/uppdrag/mal/{m.pk}/andra/",
        lambda m: f"/uppdrag/mal/{m.pk}/andra/",
        "beskrivning",
    ),
    Fall(
        "uppföljningsplan",
        Roll.TJANSTEPERSON,
        _plan_tillbaka_i_dialog,
        lambda p: f"/uppdrag/{p.uppdrag_id}/",
        lambda p: f"/uppdrag/{p.uppdrag_id}/uppfoljningsplan/",
        "klart_nar",
        prefix="plan-",
    ),
    Fall(
        "återrapport",
        Roll.UTFORARE,
        _rapport_att_skriva,
        lambda r: f"/uppfoljning/rapporter/{r.pk}/",
        lambda r: f"/uppfoljning/rapporter/{r.pk}/spara/",
        "sammanfattning",
        extra=lambda r: {"handling": "spara"},
    ),
    Fall(
        "årsuppföljning",
        Roll.TJANSTEPERSON,
        _arsuppfoljning_utkast,
        lambda a: f"/uppfoljning/arsuppfoljning/{a.planeringsar.ar}/",
        lambda a: f"/uppfoljning/arsuppfoljning/{a.planeringsar.ar}/spara/",
        "sammanfattning",
    ),
    Fall(
        "årshjulets fas",
        Roll.TJANSTEPERSON,
        lambda: Fas.objects.filter(planeringsar__ar=2027).order_by("pk").first(),
        lambda f: f"/arshjul/fas/{f.pk}/andra/",
        lambda f: f"/arshjul/fas/{f.pk}/andra/",
        "beskrivning",
    ),
]


def test_varje_versionerad_modell_provas():
    versionerade = {
        m.__name__
        for m in apps.get_models()
        if issubclass(m, Versionerad) and not m.__name__.startswith("Historical")
    }
    provade = {"Behovsanalys", "Halsogap", "Bedomning", "Prioriteringsobjekt", "Uppdrag"}
    provade |= {"Mal", "Uppfoljningsplan"}
    provade |= {"Aterrapport", "Arsuppfoljning", "Fas"}
    assert versionerade == provade


def _tva_inloggade(roll: str) -> tuple[Client, Client]:
    if roll == Roll.UTFORARE:
        utforare = Utforare.objects.get(namn=PRIMARVARDEN)
        anna = factories.anvandare("anna_utf", roll, utforare=utforare)
        bo = factories.anvandare("bo_utf", roll, utforare=utforare)
    else:
        anna, bo = factories.anvandare("anna", roll), factories.anvandare("bo", roll)
    a, b = Client(), Client()
    a.force_login(anna)
    b.force_login(bo)
    return a, b


def _oppna(klient: Client, fall: Fall, obj: Any) -> dict[str, Any]:
    sida = fall.sida(obj)
    svar = klient.get(sida)
    assert svar.status_code == 200, f"{fall}: {sida} gav {svar.status_code}"
    data = las_formular(svar.content.decode(), fall.action(obj), sida)
    assert f"{fall.prefix}version" in data, f"{fall}: formuläret bär inte sin version"
    return data


@pytest.mark.parametrize("fall", FALL, ids=str)
def test_andra_sparningen_vagras_och_inmatningen_finns_kvar(demo, fall: Fall):
    obj = fall.objekt()
    assert obj is not None, f"Demon saknar ett objekt för {fall}."
    a, b = _tva_inloggade(fall.roll)

    # Both open the edit form before either saves.
    form_a, form_b = _oppna(a, fall, obj), _oppna(b, fall, obj)
    fore = type(obj).objects.get(pk=obj.pk).version
    text_a = f"Annas text om {fall.id}, skriven först."
    text_b = f"Bos text om {fall.id} – inte sparad än."
    falt = fall.prefix + fall.falt
    form_a.update({**fall.extra(obj), **fall.andrat(obj), falt: text_a})
    form_b.update({**fall.extra(obj), **fall.andrat(obj), falt: text_b})

    svar_a = a.post(fall.action(obj), form_a)
    assert svar_a.status_code == 302, f"{fall}: första sparningen gick inte igenom"
    svar_b = b.post(fall.action(obj), form_b)

    assert svar_b.status_code == 200
    sida = html.unescape(svar_b.content.decode())
    assert SamtidigAndring.meddelande in sida
    # Bo's input is still in the form he submitted, ready to compare and save again.
    assert text_b in las_formular(svar_b.content.decode(), fall.action(obj), fall.action(obj))[falt]
    sparad = type(obj).objects.get(pk=obj.pk)
    assert getattr(sparad, fall.falt) == text_a
    assert sparad.version == fore + 1


def test_tva_granskar_samma_rapport_och_den_andras_kommentar_finns_kvar(demo):
    rapport = Aterrapport.objects.filter(rapportstatus=Aterrapport.Rapportstatus.INLAMNAD).first()
    a, b = _tva_inloggade(Roll.TJANSTEPERSON)
    sida, action = (
        f"/uppfoljning/rapporter/{rapport.pk}/",
        f"/uppfoljning/rapporter/{rapport.pk}/granska/",
    )
    form_a = las_formular(a.get(sida).content.decode(), action)
    form_b = las_formular(b.get(sida).content.decode(), action)

    assert a.post(action, {**form_a, "handling": "godkann"}).status_code == 302
    svar = b.post(action, {**form_b, "handling": "atersand", "kommentar": "Komplettera mål 2."})

    sida_b = html.unescape(b.get(svar["Location"]).content.decode())
    assert "Rapporten är godkänd och kan inte godkännas eller återsändas nu." in sida_b
    assert "Din kommentar är inte sparad: ”Komplettera mål 2.”" in sida_b
    rapport.refresh_from_db()
    assert rapport.rapportstatus == Aterrapport.Rapportstatus.GODKAND


def test_tva_skapar_samma_uppfoljningsplan_och_den_andra_vagras(demo):
    """A document that does not exist yet when both open the page: the first creates it, the
    second save is refused instead of silently overwriting it."""
    plan = _plan_tillbaka_i_dialog()
    uppdrag = plan.uppdrag
    plan.delete()
    a, b = _tva_inloggade(Roll.TJANSTEPERSON)
    sida, action = f"/uppdrag/{uppdrag.pk}/", f"/uppdrag/{uppdrag.pk}/uppfoljningsplan/"
    form_a = las_formular(a.get(sida).content.decode(), action, sida)
    form_b = las_formular(b.get(sida).content.decode(), action, sida)
    assert form_a["plan-version"] == form_b["plan-version"] == "0"
    mal = [str(m.pk) for m in uppdrag.mal.all()]
    form_a.update({"plan-mal": mal, "plan-frekvens": "tertial", "plan-rapportor": "Anna"})
    form_b.update({"plan-mal": mal, "plan-frekvens": "halvar", "plan-rapportor": "Bo"})
    form_a["plan-klart_nar"] = "Annas plan, sparad först."
    form_b["plan-klart_nar"] = "Bos plan – inte sparad än."

    assert a.post(action, form_a).status_code == 302
    svar_b = b.post(action, form_b)

    assert svar_b.status_code == 200
    assert SamtidigAndring.meddelande in html.unescape(svar_b.content.decode())
    assert "Bos plan – inte sparad än." in html.unescape(svar_b.content.decode())
    sparad = Uppfoljningsplan.objects.get(uppdrag=uppdrag)
    assert (sparad.klart_nar, sparad.frekvens, sparad.version) == (
        "Annas plan, sparad först.",
        "tertial",
        1,
    )
