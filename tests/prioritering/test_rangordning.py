"""Each elected member of the body ranks the needs as themselves, by numbers (no JavaScript);
the aggregate (Borda) shows who put each need where. Nobody else ranks."""

from __future__ import annotations

import pytest
from django.test import Client

from prioritering.models import Prioriteringsomgang, Rangordning
from tests.prioritering.conftest import rangordna

pytestmark = pytest.mark.django_db


def _platser(
    omgang: Prioriteringsomgang, *rubriker: str, varden: list[str] | None = None
) -> dict[str, str]:
    """POST data: the given needs in that order (or with the given raw numbers)."""
    per_rubrik = {o.rubrik: o.pk for o in omgang.objekt.all()}
    varden = varden or [str(n) for n in range(1, len(rubriker) + 1)]
    return {f"plats-{per_rubrik[r]}": v for r, v in zip(rubriker, varden, strict=True)}


def _min_ordning(omgang: Prioriteringsomgang, anvandare) -> list[str]:
    rang = Rangordning.objects.get(omgang=omgang, ledamot__anvandare=anvandare)
    return [p.objekt.rubrik for p in rang.platser.order_by("plats")]


def test_ledamot_rangordnar_med_siffror(klient_fv, fortroendevald, oppen):
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/rangordna/", _platser(oppen, "Diabetes", "Äldre", "Unga")
    )
    assert svar.status_code == 302
    assert _min_ordning(oppen, fortroendevald) == ["Diabetes", "Äldre", "Unga"]
    rang = Rangordning.objects.get(omgang=oppen)
    assert rang.ledamot.namn == "Erik Holm" and rang.inlamnad is not None
    assert rang.history.latest().history_user == fortroendevald


def test_luckor_i_siffrorna_lases_som_en_ordning(klient_fv, fortroendevald, oppen):
    klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/rangordna/",
        _platser(oppen, "Äldre", "Unga", "Diabetes", varden=["10", "2", "5"]),
    )
    assert _min_ordning(oppen, fortroendevald) == ["Unga", "Diabetes", "Äldre"]


def test_ledamot_andrar_sin_rangordning(klient_fv, fortroendevald, oppen):
    url = f"/prioritering/omgang/{oppen.pk}/rangordna/"
    klient_fv.post(url, _platser(oppen, "Äldre", "Unga", "Diabetes"))
    klient_fv.post(url, _platser(oppen, "Unga", "Äldre", "Diabetes"))
    assert _min_ordning(oppen, fortroendevald) == ["Unga", "Äldre", "Diabetes"]
    assert Rangordning.objects.count() == 1
    html = klient_fv.get(url).content.decode()
    # The form opens in the member's own saved order.
    assert html.index("Unga") < html.index("Äldre") < html.index("Diabetes")


def test_samma_plats_tva_ganger_ger_fel_och_behaller_siffrorna(klient_fv, oppen):
    svar = klient_fv.post(
        f"/prioritering/omgang/{oppen.pk}/rangordna/",
        _platser(oppen, "Äldre", "Unga", "Diabetes", varden=["1", "1", "7"]),
    )
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "2 behov har plats 1. Ge varje behov en egen plats." in html
    assert 'value="7"' in html
    assert not Rangordning.objects.exists()


def test_saknad_plats_ger_fel(klient_fv, oppen):
    data = _platser(oppen, "Äldre", "Unga", "Diabetes", varden=["1", "", "3"])
    svar = klient_fv.post(f"/prioritering/omgang/{oppen.pk}/rangordna/", data)
    assert svar.status_code == 200 and "Ange en plats." in svar.content.decode()
    assert not Rangordning.objects.exists()


def test_fortroendevald_utanfor_organet_far_403(klient_fv_utan_organ, oppen):
    url = f"/prioritering/omgang/{oppen.pk}/rangordna/"
    assert klient_fv_utan_organ.get(url).status_code == 403
    svar = klient_fv_utan_organ.post(url, _platser(oppen, "Äldre", "Unga", "Diabetes"))
    assert (
        svar.status_code == 403
        and "inte ledamot i Hälso- och sjukvårdsnämnden" in svar.content.decode()
    )
    assert not Rangordning.objects.exists()


@pytest.mark.parametrize("klient", ["klient_tjp", "klient_utf"])
def test_tjansteperson_och_utforare_rangordnar_inte(request, oppen, klient):
    svar = request.getfixturevalue(klient).post(
        f"/prioritering/omgang/{oppen.pk}/rangordna/", _platser(oppen, "Äldre", "Unga", "Diabetes")
    )
    assert svar.status_code == 403
    assert not Rangordning.objects.exists()


def test_anonym_skickas_till_inloggning(oppen):
    svar = Client().post(f"/prioritering/omgang/{oppen.pk}/rangordna/", {})
    assert svar.status_code == 302 and svar["Location"].startswith("/konto/logga-in/")


def test_okand_omgang_ger_404(klient_fv):
    assert klient_fv.get("/prioritering/omgang/9999/rangordna/").status_code == 404


def test_omgang_under_forberedelse_gar_inte_att_rangordna(klient_fv, forberedelse):
    svar = klient_fv.post(
        f"/prioritering/omgang/{forberedelse.pk}/rangordna/",
        _platser(forberedelse, "Äldre", "Unga", "Diabetes"),
    )
    assert svar.status_code == 403 and "inte öppen för rangordning" in svar.content.decode()


def test_samlad_rangordning_visar_vem_som_satte_behovet_var(klient_tjp, oppen, hsn, maria):
    erik, lena, maria_l = (
        hsn.ledamoter.get(namn=n) for n in ("Erik Holm", "Lena Ström", "Maria Sandberg")
    )
    rangordna(oppen, erik, ["Äldre", "Unga", "Diabetes"])
    rangordna(oppen, maria_l, ["Unga", "Äldre", "Diabetes"])
    rangordna(oppen, lena, ["Diabetes", "Unga", "Äldre"])
    html = klient_tjp.get(f"/prioritering/omgang/{oppen.pk}/").content.decode()
    assert "3 ledamöter har rangordnat" in html and "Borda" in html
    assert "Maria Sandberg" in html and "(M)" in html
    # Unga 1+2+1 = 4 points leads; Äldre 2+1+0 = 3; Diabetes 0+0+2 = 2.
    assert (
        html.index("<strong>Unga</strong>")
        < html.index("<strong>Äldre</strong>")
        < html.index("<strong>Diabetes</strong>")
    )
    assert "Stor oenighet" in html and "placerad 1–3" in html


def test_motesvyn_visar_samlad_ordning_gap_och_prioritetsgrad(klient_fv, oppen, hsn):
    rangordna(oppen, hsn.ledamoter.get(namn="Erik Holm"), ["Äldre", "Unga", "Diabetes"])
    rangordna(oppen, hsn.ledamoter.get(namn="Lena Ström"), ["Unga", "Äldre", "Diabetes"])
    html = klient_fv.get(f"/prioritering/omgang/{oppen.pk}/mote/").content.decode()
    assert "delad" in html  # Äldre and Unga share the first place
    assert "10,0 → mål 8,0 %" in html
    assert "Prioritets" in html and "Lena Ström (SD): plats 1." in html
