"""The list of commissions by year, status, kind of effort and provider (filters via GET),
and the pieces of the commission page: goals, milestones, follow-up plan."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.uppdrag.hjalp import i_status, nytt_uppdrag
from uppdrag.models import Mal, Milstolpe, Uppdrag, Uppfoljningsplan

pytestmark = pytest.mark.django_db


@pytest.fixture
def tre(objekt, utforare_a, utforare_b):
    a = nytt_uppdrag(objekt[:1], utforare_a, titel="Alfa")
    b = i_status(nytt_uppdrag(objekt[1:2], utforare_b, titel="Beta"), "dialog")
    c = nytt_uppdrag(objekt[2:], utforare_b, titel="Gamma")
    Uppdrag.objects.filter(pk=c.pk).update(insatstyp="behandling")
    return a, b, c


def _titlar(html: str) -> set[str]:
    return {t for t in ("Alfa", "Beta", "Gamma") if f">{t}</a>" in html}


def test_filter_pa_status_typ_och_utforare(klient_tjp, tre, utforare_b):
    assert _titlar(klient_tjp.get("/uppdrag/?ar=2027").content.decode()) == {
        "Alfa",
        "Beta",
        "Gamma",
    }
    assert _titlar(klient_tjp.get("/uppdrag/?ar=2027&status=dialog").content.decode()) == {"Beta"}
    assert _titlar(klient_tjp.get("/uppdrag/?ar=2027&insatstyp=behandling").content.decode()) == {
        "Gamma"
    }
    html = klient_tjp.get(f"/uppdrag/?ar=2027&utforare={utforare_b.pk}").content.decode()
    assert _titlar(html) == {"Beta", "Gamma"}


def test_status_raknas_i_ord(klient_fv, tre):
    html = klient_fv.get("/uppdrag/?ar=2027").content.decode()
    assert "Utkast</a>: <strong>2</strong>" in html and "Dialog</a>: <strong>1</strong>" in html
    assert 'href="/rapporter/budgetunderlag/2027/">Budgetunderlag 2027 (PDF)</a>' in html


def test_alla_ar_och_annat_ar(klient_tjp, tre):
    assert _titlar(klient_tjp.get("/uppdrag/?ar=alla").content.decode()) == {
        "Alfa",
        "Beta",
        "Gamma",
    }
    assert "Uppdrag, alla år" in klient_tjp.get("/uppdrag/?ar=alla").content.decode()


def test_alla_ar_visar_hundra_i_taget_och_summerar_hela_urvalet(klient_tjp, tre):
    a = tre[0]
    Uppdrag.objects.filter(pk__in=[u.pk for u in tre]).update(budget_tkr=10)
    Uppdrag.objects.bulk_create(
        Uppdrag(
            planeringsar=a.planeringsar,
            titel=f"Massuppdrag {i:03d}",
            insatstyp=a.insatstyp,
            utforare=a.utforare,
            langsiktigt_mal="Mål",
            budget_tkr=100,
            start=a.start,
            slut=a.slut,
        )
        for i in range(147)
    )
    html = klient_tjp.get("/uppdrag/?ar=alla&status=utkast").content.decode()
    assert "149 uppdrag, visar 1–100" in html
    assert html.count('<a href="/uppdrag/') >= 100 and "Sida 1 av 2" in html
    assert "Summa, alla 149 uppdrag" in html and "14\xa0720 tkr" in html  # 147 × 100 + 2 × 10
    assert 'href="?ar=alla&amp;status=utkast&amp;sida=2" rel="next"' in html
    html = klient_tjp.get("/uppdrag/?ar=alla&status=utkast&sida=2").content.decode()
    assert "visar 101–149" in html and "Massuppdrag 146" in html and 'rel="next"' not in html
    # One page: no page links, and the sum says just "Summa".
    html = klient_tjp.get("/uppdrag/?ar=alla&status=dialog").content.decode()
    assert "Sida 1" not in html and ">Summa</th>" in html


def test_lagg_till_mal_hamtar_baslinje_ur_data(klient_tjp, uppdrag_a, indikator, dalarna):
    svar = klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/mal/ny/",
        {
            "mal-beskrivning": "Minska rökningen bland kvinnor",
            "mal-niva": "effekt",
            "mal-indikator": indikator.pk,
            "mal-omrade": dalarna.pk,
            "mal-kon": "T",
            "mal-malvarde": "7,5",
            "mal-maldatum": "2029-12-31",
        },
    )
    assert svar.status_code == 302
    mal = Mal.objects.get(beskrivning="Minska rökningen bland kvinnor")
    assert (mal.baslinje_varde, mal.baslinje_period, mal.malvarde) == (9.5, "2024", 7.5)


def test_mal_pa_indikator_utan_malvarde_ger_fel_och_behaller_texten(
    klient_tjp, uppdrag_a, indikator, dalarna
):
    svar = klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/mal/ny/",
        {
            "mal-beskrivning": "Mitt nya mål",
            "mal-niva": "effekt",
            "mal-indikator": indikator.pk,
            "mal-omrade": dalarna.pk,
            "mal-kon": "T",
        },
    )
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "Ett mål på en indikator behöver ett målvärde." in html and "Mitt nya mål" in html
    assert not Mal.objects.filter(beskrivning="Mitt nya mål").exists()


def test_jamlikhetsmal_visas(klient_tjp, uppdrag_a):
    klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/mal/ny/",
        {
            "mal-beskrivning": "Minska skillnaden",
            "mal-niva": "resultat",
            "mal-kon": "T",
            "mal-jamlikhet_dimension": "Kön",
            "mal-jamlikhet_grupp_a": "Kvinnor",
            "mal-jamlikhet_grupp_b": "Män",
            "mal-jamlikhet_mal": "1,5",
        },
    )
    html = klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "skillnaden mellan kvinnor och män ska som mest vara 1,5" in html


def test_milstolpe_och_uppfoljningsplan(
    klient_tjp, klient_utf, uppdrag_a, steg, fortroendevald, hsn
):
    klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/milstolpar/ny/",
        {
            "milstolpe-datum": "2027-03-31",
            "milstolpe-beskrivning": "Alla vårdcentraler utbildade",
        },
    )
    mal = uppdrag_a.mal.get()
    svar = klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/uppfoljningsplan/",
        {
            "plan-mal": [mal.pk],
            "plan-frekvens": "halvar",
            "plan-rapportor": "Verksamhetschef",
            "plan-klart_nar": "Målvärdet nås 2030.",
        },
    )
    assert svar.status_code == 302
    plan = Uppfoljningsplan.objects.get(uppdrag=uppdrag_a)
    assert list(plan.mal.all()) == [mal] and plan.frekvens == "halvar"
    html = klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "Halvår" in html and "Alla vårdcentraler utbildade" in html and "Kommande" in html

    # After the decision the provider marks the milestone reached.
    steg(uppdrag_a, "pagar", fortroendevald, hsn)
    milstolpe = Milstolpe.objects.get()
    assert klient_utf.post(f"/uppdrag/milstolpar/{milstolpe.pk}/klar/").status_code == 302
    milstolpe.refresh_from_db()
    assert milstolpe.klar is not None

    # A second click (an old tab) doesn't move the date it was reached.
    Milstolpe.objects.filter(pk=milstolpe.pk).update(klar=dt.date(2026, 2, 2))
    svar = klient_utf.post(f"/uppdrag/milstolpar/{milstolpe.pk}/klar/", follow=True)
    assert "Milstolpen är redan markerad som nådd 2026-02-02" in svar.content.decode()
    milstolpe.refresh_from_db()
    assert milstolpe.klar == dt.date(2026, 2, 2)


def test_uppfoljningsplan_utan_mal_ger_fel(klient_tjp, uppdrag_a):
    svar = klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/uppfoljningsplan/",
        {
            "plan-frekvens": "ar",
            "plan-rapportor": "VC",
            "plan-klart_nar": "Klart",
        },
    )
    assert (
        svar.status_code == 200
        and "Välj minst ett mål som ska följas upp." in svar.content.decode()
    )
    assert not Uppfoljningsplan.objects.exists()


def test_uppdragssidan_beratter_hela_historien(klient_fv, uppdrag_a, steg, fortroendevald, hsn):
    steg(uppdrag_a, "pagar", fortroendevald, hsn)
    html = klient_fv.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    for text in (
        "Varför",
        "Behov 1: Rökare i Dalarna",
        "placering 1 av nämndens prioriteringar 2027",
        "Vad",
        "från 9,5</strong> (2024) <strong>till 7,0",
        "Vem",
        "Vårdcentralen Norr",
        "När",
        "1 jan 2027 – 31 dec 2027",
        "Pengar",
        "1\xa0200 tkr",
        "Som nämndens resursfördelning",
        "Beslut",
        "Pågår",
        "Skickat för beslut",
    ):
        assert text in html, text
