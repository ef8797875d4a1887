"""The body's decision: a member saves the proposed order with motiveringar, resources are set
against the frame, the decision is recorded with date and §, members add reservations, and the
decided round is frozen: every change is refused and needs a revision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from natverken.models import Beslut, Reservation
from prioritering.models import (
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Rangordning,
    Resursfordelning,
)
from tests.prioritering.conftest import beslutad, omgang

pytestmark = pytest.mark.django_db
S = Prioriteringsomgang.Status


def _forslag(
    o: Prioriteringsomgang, *rubriker: str, motivering: str = "Störst gap."
) -> dict[str, str]:
    per_rubrik = {ob.rubrik: ob.pk for ob in o.objekt.all()}
    data = {}
    for plats, rubrik in enumerate(rubriker, start=1):
        pk = per_rubrik[rubrik]
        data |= {
            f"plats-{pk}": str(plats),
            f"princip-{pk}": "behov_solidaritet",
            f"motivering-{pk}": motivering,
        }
    return data


def _resurser(o: Prioriteringsomgang, **belopp: str) -> dict[str, str]:
    data = {}
    for ob in o.objekt.all():
        varde = belopp.get(ob.rubrik, "")
        data |= {f"belopp-{ob.pk}": varde, f"typ-{ob.pk}": "prioritera" if varde else ""}
    return data


# --- The proposal -----------------------------------------------------------------------------


def test_ledamot_sparar_forslag_till_ordning_med_motiveringar(klient_fv, oppen):
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/beslut/forslag/",
        _forslag(oppen, "Unga", "Äldre", "Diabetes"),
    )
    assert svar.status_code == 302
    assert list(
        oppen.objekt.order_by("placering").values_list("rubrik", "placering", "princip")
    ) == [
        ("Unga", 1, "behov_solidaritet"),
        ("Äldre", 2, "behov_solidaritet"),
        ("Diabetes", 3, "behov_solidaritet"),
    ]
    # A proposal is not a decision: the round stays open and nothing is public.
    oppen.refresh_from_db()
    assert oppen.status == S.RANGORDNING and oppen.beslut is None


def test_forslaget_kan_bytas_i_en_transaktion(klient_fv, oppen):
    url = f"/prioritering/omgang/{oppen.pk}/beslut/forslag/"
    klient_fv.post(url, _forslag(oppen, "Unga", "Äldre", "Diabetes"))
    klient_fv.post(url, _forslag(oppen, "Diabetes", "Unga", "Äldre"))  # every place swaps
    assert list(oppen.objekt.order_by("placering").values_list("rubrik", flat=True)) == [
        "Diabetes",
        "Unga",
        "Äldre",
    ]


def test_beslutssidan_utgar_fran_den_samlade_rangordningen(klient_fv, oppen, hsn):
    from tests.prioritering.conftest import rangordna

    rangordna(oppen, hsn.ledamoter.get(namn="Lena Ström"), ["Diabetes", "Unga", "Äldre"])
    html = klient_fv.get(f"/prioritering/omgang/{oppen.pk}/beslut/").content.decode()
    assert "samlade rangordningen (Borda) av 1 ledamöter" in html
    assert (
        html.index("<strong>Diabetes</strong>")
        < html.index("<strong>Unga</strong>")
        < html.index("<strong>Äldre</strong>")
    )


@pytest.mark.parametrize("klient", ["klient_tjp", "klient_fv_utan_organ", "klient_utf"])
def test_bara_organets_ledamoter_foreslar_och_beslutar(request, oppen, klient):
    k = request.getfixturevalue(klient)
    assert k.get(f"/prioritering/omgang/{oppen.pk}/beslut/").status_code == 403
    assert (
        k.post(
            f"/prioritering/omgang/{oppen.pk}/beslut/forslag/",
            _forslag(oppen, "Unga", "Äldre", "Diabetes"),
        ).status_code
        == 403
    )
    assert (
        k.post(
            f"/prioritering/omgang/{oppen.pk}/beslut/registrera/",
            {"datum": "2026-06-09", "paragraf": "§ 61"},
        ).status_code
        == 403
    )
    assert not oppen.objekt.filter(placering__isnull=False).exists() and not Beslut.objects.exists()


# --- Resources ----------------------------------------------------------------------------------


def test_resurser_sparas_och_summeras_mot_ramen(klient_tjp, oppen):
    svar = klient_tjp.post(
        f"/prioritering/omgang/{oppen.pk}/resurser/", _resurser(oppen, Äldre="6 000", Unga="3 500")
    )
    assert svar.status_code == 302
    assert Resursfordelning.objects.get(objekt__rubrik="Äldre").belopp_tkr == 6000
    html = klient_tjp.get(f"/prioritering/omgang/{oppen.pk}/resurser/").content.decode()
    assert "500 tkr av ramen är inte fördelade (reserv)." in html
    assert "9\u00a0500 tkr" in html


def test_over_ramen_ger_tydligt_meddelande(klient_fv, oppen):
    klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/resurser/", _resurser(oppen, Äldre="8000", Unga="3000")
    )
    html = klient_fv.get(f"/prioritering/omgang/{oppen.pk}/resurser/").content.decode()
    assert "Fördelningen överstiger ramen med 1\u00a0000 tkr." in html


def test_tomt_belopp_tar_bort_tilldelningen_och_typ_kravs(klient_tjp, oppen):
    url = f"/prioritering/omgang/{oppen.pk}/resurser/"
    klient_tjp.post(url, _resurser(oppen, Äldre="6000"))
    klient_tjp.post(url, _resurser(oppen))
    assert not Resursfordelning.objects.exists()
    data = _resurser(oppen, Äldre="6000") | {f"typ-{oppen.objekt.get(rubrik='Äldre').pk}": ""}
    svar = klient_tjp.post(url, data)
    assert svar.status_code == 200 and "Välj om behovet prioriteras" in svar.content.decode()
    assert 'value="6000"' in svar.content.decode()
    assert not Resursfordelning.objects.exists()


def test_ogiltigt_belopp_ger_svenskt_fel(klient_tjp, oppen):
    svar = klient_tjp.post(
        f"/prioritering/omgang/{oppen.pk}/resurser/", _resurser(oppen, Äldre="sex miljoner")
    )
    assert svar.status_code == 200 and "hela tusental kronor" in svar.content.decode()


def test_fortroendevald_utanfor_organet_andrar_inte_resurser(klient_fv_utan_organ, oppen):
    svar = klient_fv_utan_organ.post(
        f"/prioritering/omgang/{oppen.pk}/resurser/", _resurser(oppen, Äldre="6000")
    )
    assert svar.status_code == 403 and not Resursfordelning.objects.exists()


def test_marginalvyn_visar_vad_fem_procent_skulle_ge_och_ta(klient_tjp, oppen):
    Prioriteringsobjekt.objects.filter(omgang=oppen).update(atgardskostnad_tkr=Decimal(4000))
    url = f"/prioritering/omgang/{oppen.pk}/resurser/"
    klient_tjp.post(url, _resurser(oppen, Äldre="4000", Unga="3500", Diabetes="2500"))
    html = klient_tjp.get(url).content.decode()
    # Frame 10 000, allocated 10 000. +5 %: 500 to the first need not fully paid, in the
    # standard order (the model's level, then name): Diabetes, Unga, Äldre all level 4.
    assert "+5 %: ram 10\u00a0500 tkr" in html and "−5 %: ram 9\u00a0500 tkr" in html
    assert "Diabetes: <strong>+500 tkr</strong>" in html
    assert "Äldre: <strong>−500 tkr</strong>" in html


# --- The decision ---------------------------------------------------------------------------


def _forbered_beslut(klient, o: Prioriteringsomgang) -> None:
    klient.post(
        f"/prioritering/omgang/{o.pk}/beslut/forslag/", _forslag(o, "Unga", "Äldre", "Diabetes")
    )
    klient.post(
        f"/prioritering/omgang/{o.pk}/resurser/",
        _resurser(o, Unga="5000", Äldre="3000", Diabetes="1000"),
    )


def test_ledamot_registrerar_organets_beslut(klient_fv, fortroendevald, oppen):
    _forbered_beslut(klient_fv, oppen)
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/beslut/registrera/",
        {"datum": "2026-06-09", "paragraf": "§ 61"},
    )
    assert svar.status_code == 302
    oppen.refresh_from_db()
    beslut = oppen.beslut
    assert oppen.status == S.BESLUTAD and oppen.sammantradesdatum == dt.date(2026, 6, 9)
    assert (beslut.organ, beslut.paragraf, beslut.registrerat_av) == (
        oppen.organ,
        "§ 61",
        fortroendevald,
    )
    assert "inom en ram på 10\u00a0000 tkr" in beslut.text
    assert set(Resursfordelning.objects.values_list("beslut", flat=True)) == {beslut.pk}


def test_beslut_utan_komplett_forslag_ger_fel_och_andrar_inget(klient_fv, oppen):
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/beslut/registrera/",
        {"datum": "2026-06-09", "paragraf": "§ 61"},
    )
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "Spara ett förslag till ordning där varje behov har en egen placering." in html
    assert 'value="§ 61"' in html
    oppen.refresh_from_db()
    assert oppen.status == S.RANGORDNING and not Beslut.objects.exists()


def test_beslut_over_ramen_vagras(klient_fv, oppen):
    klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/beslut/forslag/",
        _forslag(oppen, "Unga", "Äldre", "Diabetes"),
    )
    klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/resurser/", _resurser(oppen, Unga="9000", Äldre="3000")
    )
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/beslut/registrera/",
        {"datum": "2026-06-09", "paragraf": "§ 61"},
    )
    assert (
        svar.status_code == 200 and "överstiger ramen med 2\u00a0000 tkr" in svar.content.decode()
    )
    assert not Beslut.objects.exists()


def test_motivering_kravs_for_varje_behov(klient_fv, oppen):
    klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/beslut/forslag/",
        _forslag(oppen, "Unga", "Äldre", "Diabetes", motivering=""),
    )
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/beslut/registrera/",
        {"datum": "2026-06-09", "paragraf": "§ 61"},
    )
    assert "Skriv motivering och bärande princip för" in svar.content.decode()
    assert not Beslut.objects.exists()


def test_upptagen_paragraf_ger_fel(klient_fv, oppen):
    from tests import factories

    factories.beslut(oppen.organ, "§ 61", datum=dt.date(2026, 6, 9))
    _forbered_beslut(klient_fv, oppen)
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/beslut/registrera/",
        {"datum": "2026-06-09", "paragraf": "§ 61"},
    )
    assert (
        svar.status_code == 200 and "har redan ett beslut 2026-06-09 § 61" in svar.content.decode()
    )
    oppen.refresh_from_db()
    assert oppen.status == S.RANGORDNING


# --- Frozen once decided ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("klient", "url", "data"),
    [
        ("klient_fv", "omgang/{pk}/rangordna/", {}),
        ("klient_fv", "omgang/{pk}/beslut/forslag/", {}),
        (
            "klient_fv",
            "omgang/{pk}/beslut/registrera/",
            {"datum": "2026-06-10", "paragraf": "§ 99"},
        ),
        ("klient_fv", "omgang/{pk}/resurser/", {}),
        ("klient_tjp", "omgang/{pk}/resurser/", {}),
        (
            "klient_tjp",
            "omgang/{pk}/andra/",
            {"namn": "Nytt namn", "budgetram_tkr": "1", "ovre_del_antal": "3"},
        ),
        ("klient_tjp", "omgang/{pk}/oppna/", {}),
        ("klient_tjp", "omgang/{pk}/behov/ny/", {}),
        ("klient_tjp", "behov/{obj}/andra/", {"rubrik": "Ändrad", "atgard": "x"}),
        ("klient_tjp", "behov/{obj}/bedomning/", {"svarighetsgrad": "liten"}),
        ("klient_tjp", "behov/{obj}/ta-bort/", {}),
    ],
)
def test_beslutad_omgang_ar_last(request, beslutad_omgang, klient, url, data):
    obj = beslutad_omgang.objekt.order_by("placering").first()
    fore = list(
        Prioriteringsobjekt.objects.order_by("pk").values_list("rubrik", "placering", "motivering")
    )
    svar = request.getfixturevalue(klient).post(
        "/prioritering/" + url.format(pk=beslutad_omgang.pk, obj=obj.pk), data
    )
    assert svar.status_code == 403
    assert "är beslutad och låst" in svar.content.decode()
    assert (
        list(
            Prioriteringsobjekt.objects.order_by("pk").values_list(
                "rubrik", "placering", "motivering"
            )
        )
        == fore
    )
    beslutad_omgang.refresh_from_db()
    assert beslutad_omgang.namn == "Prioritering inför budget 2027" and Beslut.objects.count() == 1


def test_beslutad_omgang_visar_ordning_och_revision(klient_tjp, beslutad_omgang):
    html = klient_tjp.get(f"/prioritering/omgang/{beslutad_omgang.pk}/").content.decode()
    assert "Beslutad ordning" in html and "Revidera beslutet" in html
    # The budget underlag for the council is one click away from the decided round.
    assert 'href="/rapporter/budgetunderlag/2027/">Budgetunderlag 2027 (PDF)</a>' in html
    ordning = html[
        html.index("<caption>Beslutad ordning") : html.index(
            "</table>", html.index("<caption>Beslutad ordning")
        )
    ]
    assert ordning.index("Diabetes") < ordning.index("Unga") < ordning.index("Äldre")
    assert "Störst gap." in ordning and "6 000 tkr" in ordning
    html = klient_tjp.get(f"/prioritering/omgang/{beslutad_omgang.pk}/resurser/").content.decode()
    assert "Fördelningen är beslutad och låst" in html and "Spara fördelningen" not in html


# --- Reservations -----------------------------------------------------------------------------


def test_ledamot_registrerar_reservation(klient_fv, beslutad_omgang, hsn):
    lena = hsn.ledamoter.get(namn="Lena Ström")
    svar = klient_fv.post(
        f"/prioritering/omgang/{beslutad_omgang.pk}/reservation/",
        {"ledamot": lena.pk, "text": "Unga borde gå först."},
    )
    assert svar.status_code == 302
    reservation = Reservation.objects.get()
    assert (reservation.beslut, reservation.ledamot, reservation.text) == (
        beslutad_omgang.beslut,
        lena,
        "Unga borde gå först.",
    )
    html = klient_fv.get(f"/prioritering/omgang/{beslutad_omgang.pk}/").content.decode()
    assert "Reservation av Lena Ström (SD):" in html


def test_reservation_utan_text_behaller_valet(klient_fv, beslutad_omgang, hsn):
    lena = hsn.ledamoter.get(namn="Lena Ström")
    svar = klient_fv.post(
        f"/prioritering/omgang/{beslutad_omgang.pk}/reservation/", {"ledamot": lena.pk, "text": ""}
    )
    assert svar.status_code == 200 and "Detta fält måste fyllas i." in svar.content.decode()
    assert f'value="{lena.pk}" selected' in svar.content.decode()
    assert not Reservation.objects.exists()


def test_en_reservation_per_ledamot(klient_fv, beslutad_omgang, hsn):
    lena = hsn.ledamoter.get(namn="Lena Ström")
    url = f"/prioritering/omgang/{beslutad_omgang.pk}/reservation/"
    klient_fv.post(url, {"ledamot": lena.pk, "text": "Första."})
    svar = klient_fv.post(url, {"ledamot": lena.pk, "text": "Andra."})
    assert svar.status_code == 200 and Reservation.objects.count() == 1


@pytest.mark.parametrize("klient", ["klient_tjp", "klient_fv_utan_organ", "klient_utf"])
def test_bara_organets_ledamoter_registrerar_reservationer(request, beslutad_omgang, hsn, klient):
    lena = hsn.ledamoter.get(namn="Lena Ström")
    svar = request.getfixturevalue(klient).post(
        f"/prioritering/omgang/{beslutad_omgang.pk}/reservation/", {"ledamot": lena.pk, "text": "x"}
    )
    assert svar.status_code == 403 and not Reservation.objects.exists()


def test_ingen_reservation_mot_obeslutad_omgang(klient_fv, oppen, hsn):
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/reservation/",
        {"ledamot": hsn.ledamoter.first().pk, "text": "x"},
    )
    assert svar.status_code == 403 and not Reservation.objects.exists()


# --- Revision ---------------------------------------------------------------------------------


def test_revision_kopierar_och_ersatter_forst_nar_den_beslutas(
    klient_tjp, klient_fv, fortroendevald, beslutad_omgang
):
    svar = klient_tjp.post(
        f"/prioritering/omgang/{beslutad_omgang.pk}/revidera/",
        {"skal": "Ramen sänktes med 1 000 tkr."},
    )
    ny = Prioriteringsomgang.objects.get(revision=2)
    assert svar["Location"] == f"/prioritering/omgang/{ny.pk}/"
    assert (ny.ersatter, ny.status, ny.revisionsskal) == (
        beslutad_omgang,
        S.FORBEREDELSE,
        "Ramen sänktes med 1 000 tkr.",
    )
    assert list(ny.objekt.order_by("placering").values_list("rubrik", "placering")) == list(
        beslutad_omgang.objekt.order_by("placering").values_list("rubrik", "placering")
    )
    assert (
        ny.objekt.filter(bedomning__isnull=False, resursfordelning__beslut__isnull=True).count()
        == 3
    )
    beslutad_omgang.refresh_from_db()
    assert beslutad_omgang.status == S.BESLUTAD  # still in force
    klient_tjp.post(f"/prioritering/omgang/{ny.pk}/oppna/")
    svar = klient_fv.post(
        f"/prioritering/omgang/{ny.pk}/beslut/registrera/",
        {"datum": "2026-09-15", "paragraf": "§ 84"},
    )
    assert svar.status_code == 302
    beslutad_omgang.refresh_from_db()
    ny.refresh_from_db()
    assert (beslutad_omgang.status, ny.status) == (S.ERSATT, S.BESLUTAD)
    assert "Skäl: Ramen sänktes med 1 000 tkr." in ny.beslut.text
    html = klient_fv.get(f"/prioritering/omgang/{beslutad_omgang.pk}/").content.decode()
    assert "Det här beslutet är ersatt." in html and "Ersatt ordning" in html


def test_revision_kraver_skal_och_gors_en_gang(klient_tjp, beslutad_omgang):
    url = f"/prioritering/omgang/{beslutad_omgang.pk}/revidera/"
    svar = klient_tjp.post(url, {"skal": ""})
    assert svar.status_code == 200 and not Prioriteringsomgang.objects.filter(revision=2).exists()
    klient_tjp.post(url, {"skal": "Nytt underlag."})
    svar = klient_tjp.post(url, {"skal": "En gång till."})
    assert svar.status_code == 200 and "redan en revision under arbete" in svar.content.decode()
    assert Prioriteringsomgang.objects.filter(revision=2).count() == 1


def test_ersatt_version_kan_inte_revideras_eller_reserveras(
    klient_tjp, klient_fv, hsn, fortroendevald
):
    forsta = beslutad(omgang(hsn, ar=2026), fortroendevald)
    forsta.status = S.ERSATT
    forsta.save()
    assert (
        klient_tjp.post(f"/prioritering/omgang/{forsta.pk}/revidera/", {"skal": "x"}).status_code
        == 403
    )
    svar = klient_fv.post(
        f"/prioritering/omgang/{forsta.pk}/reservation/",
        {"ledamot": hsn.ledamoter.first().pk, "text": "x"},
    )
    assert svar.status_code == 403


def test_obeslutad_omgang_behover_ingen_revision(klient_tjp, oppen):
    svar = klient_tjp.post(f"/prioritering/omgang/{oppen.pk}/revidera/", {"skal": "x"})
    assert svar.status_code == 200 and "kan ändras direkt" in svar.content.decode()


@pytest.mark.parametrize("klient", ["klient_fv", "klient_utf"])
def test_bara_tjanstepersoner_forbereder_revisioner(request, beslutad_omgang, klient):
    assert (
        request.getfixturevalue(klient)
        .post(f"/prioritering/omgang/{beslutad_omgang.pk}/revidera/", {"skal": "x"})
        .status_code
        == 403
    )


def test_rangordningar_foljer_inte_med_till_revisionen(klient_tjp, hsn, fortroendevald):
    from tests.prioritering.conftest import rangordna

    o = omgang(hsn)
    rangordna(o, hsn.ledamoter.get(namn="Lena Ström"), ["Unga", "Äldre", "Diabetes"])
    beslutad(o, fortroendevald)
    klient_tjp.post(f"/prioritering/omgang/{o.pk}/revidera/", {"skal": "x"})
    assert Rangordning.objects.filter(omgang__revision=2).count() == 0


def test_beslutet_lagger_budgetunderlagets_diagram_i_bakgrunden(
    klient_fv, oppen, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    _forbered_beslut(klient_fv, oppen)
    with django_capture_on_commit_callbacks(execute=True):
        klient_fv.post(
            f"/prioritering/omgang/{oppen.pk}/beslut/registrera/",
            {"datum": "2026-06-09", "paragraf": "§ 61"},
        )
    jobb = DBTaskResult.objects.get(task_path="uppdrag.tasks.forbered_budgetunderlag")
    assert jobb.args_kwargs["kwargs"] == {"ar": oppen.planeringsar.ar}


def test_inget_diagramjobb_utan_beslut(klient_fv, oppen, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    _forbered_beslut(klient_fv, oppen)
    with django_capture_on_commit_callbacks(execute=True):
        klient_fv.post(
            f"/prioritering/omgang/{oppen.pk}/beslut/registrera/", {"datum": "", "paragraf": ""}
        )
    assert not DBTaskResult.objects.filter(
        task_path="uppdrag.tasks.forbered_budgetunderlag"
    ).exists()
