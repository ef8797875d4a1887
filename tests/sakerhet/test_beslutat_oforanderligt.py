"""Decided things change only through the logged revision paths (reopen with a reason, a
revision of the round, a new version of the commission). Every app view that accepts a POST
is either in FALL – where a plausible change to a decided object, posted by the role that
could edit it before the decision, must be refused with nothing written – or in
INTE_BESLUTAT with the reason it doesn't change decided things. A new POST view that is in
neither fails `test_varje_andrande_vy_ar_provad`.

The demo region gives the decided objects: a ready 2027 needs analysis whose gap targets the
body decided, the decided 2027 priority round, provider A's running 2026 commission with its
accepted report, the approved 2025 annual follow-up, fullmäktige's 2026 budget decision, a
decided decision not to commission, and the decisions to continue commissions into 2027."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from behov.forms import AnalysForm, DatakallaForm, DialogForm, HalsogapForm
from behov.models import Behovsanalys, Halsogap
from natverken.models import Organ, Planeringsar
from prioritering.forms import BedomningForm, NyOmgangForm, ObjektForm, OmgangForm, ResursForm
from prioritering.models import Prioriteringsomgang
from tests.sakerhet.formular import postdata
from uppdrag.forms import AvstaendeForm, MalForm, UppdragForm, UppfoljningsplanForm
from uppdrag.models import Avstaende, Mal, Uppdrag
from uppfoljning.forms import ArsuppfoljningForm, RapportForm
from uppfoljning.models import Arsuppfoljning, Aterrapport, Fortsattningsbeslut

pytestmark = pytest.mark.django_db

IDAG = dt.date.today().isoformat()

# POST views that don't change a decided object, and why.
INTE_BESLUTAT = {
    "natverken:kalender_fornya": "den egna kalenderlänken",
    "natverken:kalender_aterkalla": "den egna kalenderlänken",
    "natverken:uppdatera_omraden": "referensdata (områden från SCB), inget beslut",
    "natverken:andra_fas": "årshjulets tidsplan är planering, inget beslut",
    "login": "inloggning",
    "logout": "utloggning",
    "password_change": "eget lösenord",
    "behov:import_ladda_upp": "indikatordata är mätvärden, inga beslut",
    "behov:import_mappning": "indikatordata är mätvärden, inga beslut",
    "behov:import_angra": "ångrar en importbatch (egen loggad väg); mätvärden, inga beslut",
    "behov:indikator_ny": "indikatorkatalogen är referensdata",
    "behov:indikator_andra": "indikatorkatalogen är referensdata",
    "behov:grupp_ny": "behovsgrupper är referensdata; analyserna är det som låses",
    "behov:grupp_andra": "behovsgrupper är referensdata; analyserna är det som låses",
    "behov:grupp_arkivera": "arkivering döljer gruppen i listor, analyserna är orörda",
    "prioritering:reservation_ny": (
        "en reservation läggs till ett fattat beslut och ändrar det inte "
        "(prövas i tests/prioritering/test_beslut.py)"
    ),
    "uppdrag:ny": "skapar ett nytt uppdrag ur en beslutad prioritering, ändrar inget beslutat",
    "uppfoljning:nasta_ar_starta": (
        "skapar nästa års utkast; klara analyser lämnas orörda (tests/uppfoljning)"
    ),
}


@dataclass(frozen=True)
class Fall:
    namn: str
    persona: str
    kwargs: Callable[[Any], dict]
    data: Callable[[Any], dict]
    bevakade: Callable[[Any], list[models.Model]]
    # "vagras": refused with 403/409 or an error the user sees. "oforandrat": the view may
    # answer normally (e.g. open what exists) but nothing may be written.
    utfall: str = "vagras"
    id: str = field(default="")

    def __str__(self) -> str:
        return self.id or self.namn


def _plats(objekt: list, baklanges: bool = True) -> dict[str, str]:
    ordning = list(reversed(objekt)) if baklanges else objekt
    return {f"plats-{o.pk}": str(nr) for nr, o in enumerate(ordning, start=1)}


def _organbeslut(organ: Organ, paragraf: str, prefix: str = "") -> dict[str, str]:
    p = f"{prefix}-" if prefix else ""
    return {f"{p}organ": str(organ.pk), f"{p}datum": IDAG, f"{p}paragraf": paragraf}


FALL = [
    # --- Needs analysis: ready (locked) with decided gap targets -------------------------
    Fall(
        "behov:analys_ny",
        "tjansteperson",
        lambda o: {},
        lambda o: {"ar": "2027", "behovsgrupp": str(o.analys.behovsgrupp_id)},
        lambda o: [o.analys],
    ),
    Fall(
        "behov:analys_spara",
        "tjansteperson",
        lambda o: {"pk": o.analys.pk},
        lambda o: postdata(AnalysForm(instance=o.analys), halsolage="Omskrivet efter beslutet."),
        lambda o: [o.analys],
    ),
    Fall(
        "behov:analys_klar",
        "tjansteperson",
        lambda o: {"pk": o.analys.pk},
        lambda o: {},
        lambda o: [o.analys],
    ),
    Fall(
        "behov:analys_oppna",
        "tjansteperson",
        lambda o: {"pk": o.analys.pk},
        lambda o: {"skal": "  "},
        lambda o: [o.analys],
        id="analys_oppna utan skäl",
    ),
    Fall(
        "behov:analys_uppdatera_varden",
        "tjansteperson",
        lambda o: {"pk": o.analys.pk},
        lambda o: {},
        lambda o: [o.analys, o.gap],
    ),
    Fall(
        "behov:gap_ny",
        "tjansteperson",
        lambda o: {"pk": o.analys.pk},
        lambda o: postdata(HalsogapForm(instance=Halsogap(analys=o.analys)), **o.gap_nyckel),
        lambda o: [o.analys],
    ),
    Fall(
        "behov:kalla_ny",
        "tjansteperson",
        lambda o: {"pk": o.analys.pk},
        lambda o: postdata(
            DatakallaForm(instance=o.kalla), beskrivning="Ny källa", brister="Täcker inte alla"
        ),
        lambda o: [o.analys],
    ),
    Fall(
        "behov:dialog_ny",
        "tjansteperson",
        lambda o: {"pk": o.analys.pk},
        lambda o: postdata(DialogForm(instance=o.dialog)),
        lambda o: [o.analys],
    ),
    Fall(
        "behov:gap_andra",
        "tjansteperson",
        lambda o: {"pk": o.gap.pk},
        lambda o: postdata(
            HalsogapForm(instance=o.gap), vardbehov_motivering="Ändrat efter beslutet."
        ),
        lambda o: [o.gap],
    ),
    Fall(
        "behov:gap_ta_bort",
        "tjansteperson",
        lambda o: {"pk": o.gap.pk},
        lambda o: {},
        lambda o: [o.gap],
    ),
    Fall(
        "behov:gap_beslut",
        "fortroendevald",
        lambda o: {"pk": o.gap.pk},
        lambda o: {
            "beslutat_mal": "1,5",
            "beslutat_malar": "2031",
            **_organbeslut(o.gap.malbeslut.organ, "§ 901"),
        },
        lambda o: [o.gap, o.gap.malbeslut],
        id="gap_beslut på beslutat mål i låst analys",
    ),
    Fall(
        "behov:kalla_ta_bort",
        "tjansteperson",
        lambda o: {"pk": o.kalla.pk},
        lambda o: {},
        lambda o: [o.kalla],
    ),
    Fall(
        "behov:dialog_ta_bort",
        "tjansteperson",
        lambda o: {"pk": o.dialog.pk},
        lambda o: {},
        lambda o: [o.dialog],
    ),
    # --- The decided priority round ----------------------------------------------------
    Fall(
        "prioritering:omgang_ny",
        "tjansteperson",
        lambda o: {},
        lambda o: postdata(
            NyOmgangForm(instance=Prioriteringsomgang()),
            planeringsar=str(o.omgang.planeringsar_id),
            organ=str(o.omgang.organ_id),
            namn="En andra omgång vid sidan av beslutet",
            budgetram_tkr="1000",
            sammantradesdatum=IDAG,
            ovre_del_antal="3",
        ),
        lambda o: [o.omgang],
        id="omgang_ny för samma år och organ",
    ),
    Fall(
        "prioritering:omgang_andra",
        "tjansteperson",
        lambda o: {"pk": o.omgang.pk},
        lambda o: postdata(OmgangForm(instance=o.omgang), budgetram_tkr="1"),
        lambda o: [o.omgang],
    ),
    Fall(
        "prioritering:omgang_oppna",
        "tjansteperson",
        lambda o: {"pk": o.omgang.pk},
        lambda o: {},
        lambda o: [o.omgang],
    ),
    Fall(
        "prioritering:objekt_ny",
        "tjansteperson",
        lambda o: {"pk": o.omgang.pk},
        lambda o: {
            "analys": str(o.analys.pk),
            "rubrik": "Ett behov till efter beslutet",
            "atgard": "Ny åtgärd",
            "atgardskostnad_tkr": "100",
        },
        lambda o: [o.omgang],
    ),
    Fall(
        "prioritering:rangordna",
        "fortroendevald",
        lambda o: {"pk": o.omgang.pk},
        lambda o: _plats(o.omgangens_objekt),
        lambda o: [o.omgang],
    ),
    Fall(
        "prioritering:resurser",
        "tjansteperson",
        lambda o: {"pk": o.omgang.pk},
        lambda o: postdata(
            ResursForm(objekt=o.omgangens_objekt), **{f"belopp-{o.pobjekt.pk}": "1"}
        ),
        lambda o: [o.omgang, o.pobjekt],
    ),
    Fall(
        "prioritering:forslag_spara",
        "fortroendevald",
        lambda o: {"pk": o.omgang.pk},
        lambda o: _plats(o.omgangens_objekt),
        lambda o: [o.omgang, *o.omgangens_objekt],
    ),
    Fall(
        "prioritering:beslut_registrera",
        "fortroendevald",
        lambda o: {"pk": o.omgang.pk},
        lambda o: {"datum": IDAG, "paragraf": "§ 902"},
        lambda o: [o.omgang, o.omgang.beslut],
    ),
    Fall(
        "prioritering:revidera",
        "tjansteperson",
        lambda o: {"pk": o.omgang.pk},
        lambda o: {"skal": ""},
        lambda o: [o.omgang],
        id="revidera utan skäl",
    ),
    Fall(
        "prioritering:objekt_andra",
        "tjansteperson",
        lambda o: {"pk": o.pobjekt.pk},
        lambda o: postdata(ObjektForm(instance=o.pobjekt), rubrik="Ändrad rubrik efter beslutet"),
        lambda o: [o.pobjekt],
    ),
    Fall(
        "prioritering:objekt_ta_bort",
        "tjansteperson",
        lambda o: {"pk": o.pobjekt.pk},
        lambda o: {},
        lambda o: [o.pobjekt],
    ),
    Fall(
        "prioritering:bedomning_spara",
        "tjansteperson",
        lambda o: {"pk": o.pobjekt.pk},
        lambda o: postdata(
            BedomningForm(instance=o.pobjekt.bedomning),
            svarighetsgrad_motivering="Omvärderad efter beslutet.",
        ),
        lambda o: [o.pobjekt.bedomning],
    ),
    # --- Provider A's running (decided) commission --------------------------------------
    Fall(
        "uppdrag:avsta",
        "tjansteperson",
        lambda o: {"objekt_pk": o.avstaende.objekt_id},
        lambda o: postdata(
            AvstaendeForm(prefix=f"avsta-{o.avstaende.objekt_id}"),
            motivering="Vi avstår igen, med ny motivering.",
        ),
        lambda o: [o.avstaende],
        id="avsta när beslut att avstå finns",
    ),
    Fall(
        "uppdrag:avstaende_ta_bort",
        "tjansteperson",
        lambda o: {"pk": o.avstaende.pk},
        lambda o: {},
        lambda o: [o.avstaende],
    ),
    Fall(
        "uppdrag:andra",
        "tjansteperson",
        lambda o: {"pk": o.uppdrag.pk},
        lambda o: postdata(UppdragForm(instance=o.uppdrag), budget_tkr="1"),
        lambda o: [o.uppdrag],
        id="andra utan skäl (ny version kräver skäl)",
    ),
    Fall(
        "uppdrag:overgang",
        "tjansteperson",
        lambda o: {"pk": o.uppdrag.pk, "till": "dialog"},
        lambda o: {},
        lambda o: [o.uppdrag],
        id="overgang tillbaka till dialog",
    ),
    Fall(
        "uppdrag:besluta",
        "fortroendevald",
        lambda o: {"pk": o.uppdrag.pk},
        lambda o: _organbeslut(o.uppdrag.beslut.organ, "§ 903"),
        lambda o: [o.uppdrag, o.uppdrag.beslut],
    ),
    Fall(
        "uppdrag:kommentera",
        "tjansteperson",
        lambda o: {"pk": o.uppdrag.pk},
        lambda o: {"kommentar-text": "En kommentar efter beslutet."},
        lambda o: [o.uppdrag],
    ),
    Fall(
        "uppdrag:mal_ny",
        "tjansteperson",
        lambda o: {"pk": o.uppdrag.pk},
        lambda o: postdata(
            MalForm(prefix="mal", instance=Mal(uppdrag=o.uppdrag)),
            beskrivning="Ett nytt mål",
            niva="resultat",
        ),
        lambda o: [o.uppdrag],
    ),
    Fall(
        "uppdrag:milstolpe_ny",
        "tjansteperson",
        lambda o: {"pk": o.uppdrag.pk},
        lambda o: {"milstolpe-datum": IDAG, "milstolpe-beskrivning": "En ny milstolpe"},
        lambda o: [o.uppdrag],
    ),
    Fall(
        "uppdrag:plan_spara",
        "tjansteperson",
        lambda o: {"pk": o.uppdrag.pk},
        lambda o: postdata(
            UppfoljningsplanForm(prefix="plan", instance=o.plan, uppdrag=o.uppdrag),
            klart_nar="Ändrat efter beslutet",
        ),
        lambda o: [o.plan],
    ),
    Fall(
        "uppdrag:mal_andra",
        "tjansteperson",
        lambda o: {"pk": o.mal.pk},
        lambda o: postdata(MalForm(instance=o.mal), beskrivning="Ändrat mål efter beslutet"),
        lambda o: [o.mal],
    ),
    Fall(
        "uppdrag:mal_ta_bort",
        "tjansteperson",
        lambda o: {"pk": o.mal.pk},
        lambda o: {},
        lambda o: [o.mal],
    ),
    Fall(
        "uppdrag:milstolpe_ta_bort",
        "tjansteperson",
        lambda o: {"pk": o.milstolpe.pk},
        lambda o: {},
        lambda o: [o.milstolpe],
    ),
    Fall(
        "uppdrag:milstolpe_klar",
        "utforare",
        lambda o: {"pk": o.nadd_milstolpe.pk},
        lambda o: {},
        lambda o: [o.nadd_milstolpe],
        id="milstolpe_klar på redan nådd milstolpe",
    ),
    # --- The accepted report, the approved annual follow-up, continuation decisions ----
    Fall(
        "uppfoljning:rapport_ny",
        "utforare",
        lambda o: {"pk": o.rapport.uppdrag_id},
        lambda o: {"period": o.rapport.period},
        lambda o: [o.rapport],
        utfall="oforandrat",
        id="rapport_ny för en godkänd periods rapport",
    ),
    Fall(
        "uppfoljning:rapport_spara",
        "utforare",
        lambda o: {"pk": o.rapport.pk},
        lambda o: postdata(
            RapportForm(instance=o.rapport), sammanfattning="Ändrad efter godkännandet."
        ),
        lambda o: [o.rapport],
    ),
    Fall(
        "uppfoljning:rapport_granska",
        "tjansteperson",
        lambda o: {"pk": o.rapport.pk},
        lambda o: {
            "handling": "atersand",
            "kommentar": "Komplettera, tack.",
            "version": str(o.rapport.version),
        },
        lambda o: [o.rapport],
    ),
    Fall(
        "uppfoljning:arsuppfoljning_paborja",
        "tjansteperson",
        lambda o: {"ar": o.arsupp.planeringsar.ar},
        lambda o: {},
        lambda o: [o.arsupp],
    ),
    Fall(
        "uppfoljning:arsuppfoljning_spara",
        "tjansteperson",
        lambda o: {"ar": o.arsupp.planeringsar.ar},
        lambda o: postdata(
            ArsuppfoljningForm(instance=o.arsupp), sammanfattning="Ändrad efter godkännandet."
        ),
        lambda o: [o.arsupp],
    ),
    Fall(
        "uppfoljning:arsuppfoljning_godkann",
        "fortroendevald",
        lambda o: {"ar": o.arsupp.planeringsar.ar},
        lambda o: {
            **_organbeslut(o.arsupp.beslut.organ, "§ 904"),
            "version": str(o.arsupp.version),
        },
        lambda o: [o.arsupp, o.arsupp.beslut],
    ),
    Fall(
        "uppfoljning:fortsattning",
        "fortroendevald",
        lambda o: {"ar": o.fortsattning.planeringsar.ar, "pk": o.fortsattning.uppdrag_id},
        lambda o: {
            **_organbeslut(o.fortsattning.beslut.organ, "§ 905", f"u{o.fortsattning.uppdrag_id}"),
            f"u{o.fortsattning.uppdrag_id}-val": "avsluta",
            f"u{o.fortsattning.uppdrag_id}-motivering": "Vi ändrar oss.",
        },
        lambda o: [o.fortsattning],
        id="fortsattning när beslut finns",
    ),
    # --- Fullmäktige's budget decision ---------------------------------------------------
    Fall(
        "natverken:budgetbeslut",
        "fortroendevald",
        lambda o: {"ar": o.budgetar.ar},
        lambda o: {
            **_organbeslut(o.budgetar.budgetbeslut.organ, "§ 906"),
            "datum": f"{o.budgetar.ar - 1}-11-20",
            "text": "En ny budget.",
        },
        lambda o: [o.budgetar, o.budgetar.budgetbeslut],
    ),
]


def _post_vyer() -> dict[str, Any]:
    """Every named app URL whose view accepts POST (from its require_http_methods, or the
    class-based view's handlers); a view with no method restriction counts as accepting it."""

    def ga(monster, ns: str | None = None):  # noqa: ANN001, ANN202
        for p in monster:
            if isinstance(p, URLResolver):
                if str(p.pattern).startswith("django-admin"):
                    continue
                yield from ga(
                    p.url_patterns,
                    f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns),
                )
            elif isinstance(p, URLPattern) and p.name:
                yield (f"{ns}:{p.name}" if ns else p.name), p.callback

    return {namn: vy for namn, vy in ga(get_resolver().url_patterns) if "POST" in _metoder(vy)}


def _metoder(vy: Any) -> set[str]:
    lager = vy
    while lager is not None:
        if hasattr(lager, "view_class"):
            klass = lager.view_class
            return {m.upper() for m in klass.http_method_names if hasattr(klass, m)}
        for cell in lager.__closure__ or ():
            varde = cell.cell_contents
            if (
                isinstance(varde, list | tuple)
                and varde
                and all(isinstance(m, str) and m.isupper() for m in varde)
            ):
                return set(varde)
        lager = getattr(lager, "__wrapped__", None)
    return {"GET", "POST"}


def test_varje_andrande_vy_ar_provad():
    provade = {f.namn for f in FALL}
    assert not provade & set(INTE_BESLUTAT), "En vy är både prövad och undantagen."
    saknas = sorted(set(_post_vyer()) - provade - set(INTE_BESLUTAT))
    assert not saknas, (
        "Pröva att dessa vyer inte ändrar något beslutat (FALL), eller skriv i INTE_BESLUTAT "
        f"varför de inte rör beslutade saker: {saknas}"
    )
    inaktuella = sorted((provade | set(INTE_BESLUTAT)) - set(_post_vyer()))
    assert not inaktuella, f"Finns inte längre som POST-vyer: {inaktuella}"


# --- Running the cases --------------------------------------------------------------------


@pytest.fixture
def o(demo) -> SimpleNamespace:
    """The decided objects of the demo region."""
    analys = (
        Behovsanalys.objects.filter(
            planeringsar__ar=2027,
            status=Behovsanalys.Status.KLAR,
            datakallor__isnull=False,
            dialoger__isnull=False,
        )
        .order_by("pk")
        .first()
    )
    gap = analys.halsogap.filter(malbeslut__isnull=False).order_by("pk").first()
    omgang = Prioriteringsomgang.objects.get(
        planeringsar__ar=2027, status=Prioriteringsomgang.Status.BESLUTAD
    )
    omgangens_objekt = list(omgang.objekt.order_by("placering"))
    uppdrag = (
        Uppdrag.objects.filter(
            planeringsar__ar=2026,
            status=Uppdrag.Status.PAGAR,
            utforare__namn="Primärvården Region Exempel",
        )
        .filter(milstolpar__klar__isnull=True)
        .filter(milstolpar__klar__isnull=False)
        .order_by("pk")
        .first()
    )
    assert uppdrag is not None, (
        "Demon saknar ett pågående uppdrag med nådda och ej nådda milstolpar."
    )
    arsupp = Arsuppfoljning.objects.get(status=Arsuppfoljning.Status.GODKAND)
    return SimpleNamespace(
        analys=analys,
        gap=gap,
        gap_nyckel={"indikator": str(gap.indikator_id), "omrade": str(gap.omrade_id), "kon": "K"},
        kalla=analys.datakallor.first(),
        dialog=analys.dialoger.first(),
        omgang=omgang,
        omgangens_objekt=omgangens_objekt,
        pobjekt=omgangens_objekt[0],
        uppdrag=uppdrag,
        mal=uppdrag.mal.order_by("pk").first(),
        milstolpe=uppdrag.milstolpar.filter(klar__isnull=True).first(),
        nadd_milstolpe=uppdrag.milstolpar.filter(klar__isnull=False).first(),
        plan=uppdrag.uppfoljningsplan,
        rapport=Aterrapport.objects.filter(
            uppdrag__utforare__namn="Primärvården Region Exempel",
            rapportstatus=Aterrapport.Rapportstatus.GODKAND,
        )
        .order_by("pk")
        .first(),
        arsupp=arsupp,
        avstaende=Avstaende.objects.filter(beslut__isnull=False).first(),
        fortsattning=Fortsattningsbeslut.objects.filter(planeringsar__ar=2027)
        .select_related("planeringsar", "beslut__organ")
        .first(),
        budgetar=Planeringsar.objects.filter(budgetbeslut__isnull=False).order_by("-ar").first(),
    )


def _historikrader() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m.__name__.startswith("Historical")
    }


def _rad(obj: models.Model) -> tuple[dict | None, int]:
    rad = type(obj)._base_manager.filter(pk=obj.pk).values().first()
    historik = obj.history.count() if hasattr(obj, "history") else 0
    return rad, historik


FELMARKORER = ('class="felruta"', 'class="faltfel"', "errorlist", "meddelande-error")


def _vagrades(klient: Client, svar: Any) -> tuple[bool, str]:
    if svar.status_code in (403, 409):
        return True, svar.content.decode()
    if svar.status_code == 302:
        svar = klient.get(svar["Location"])
    html = svar.content.decode()
    return svar.status_code == 200 and any(m in html for m in FELMARKORER), html


@pytest.mark.parametrize("fall", FALL, ids=str)
def test_beslutat_andras_inte_utanfor_de_loggade_vagarna(o, fall: Fall):
    anvandare = get_user_model().objects.get(username=fall.persona)
    klient = Client()
    klient.force_login(anvandare)
    bevakade = fall.bevakade(o)
    assert all(b is not None for b in bevakade), "Demon saknar ett beslutat objekt för fallet."
    fore = [_rad(b) for b in bevakade]
    historik_fore = _historikrader()

    svar = klient.post(reverse(fall.namn, kwargs=fall.kwargs(o)), fall.data(o))

    assert svar.status_code != 500
    if fall.utfall == "vagras":
        vagrad, html = _vagrades(klient, svar)
        assert vagrad, f"{fall}: svaret ({svar.status_code}) säger inte att ändringen vägrades"
    assert [_rad(b) for b in bevakade] == fore, f"{fall}: det beslutade ändrades"
    assert _historikrader() == historik_fore, f"{fall}: något skrevs i databasen"
