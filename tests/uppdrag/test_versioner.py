"""Before the decision a draft is edited freely; after it, a change is a new version with a
reason, the difference is shown field by field from the history, and the decided version
stays readable as decided."""

from __future__ import annotations

import pytest

from tests.conftest import _klient
from tests.uppdrag.hjalp import i_status
from uppdrag import versioner
from uppdrag.models import Uppdrag

pytestmark = pytest.mark.django_db


def _formdata(uppdrag: Uppdrag, **andrat) -> dict:
    data = {
        "titel": uppdrag.titel,
        "insatstyp": uppdrag.insatstyp,
        "utforare": uppdrag.utforare_id,
        "huvudman": uppdrag.huvudman,
        "samverkanspart": uppdrag.samverkanspart,
        "langsiktigt_mal": uppdrag.langsiktigt_mal,
        "beskrivning": uppdrag.beskrivning,
        "budget_tkr": str(uppdrag.budget_tkr),
        "start": uppdrag.start.isoformat(),
        "slut": uppdrag.slut.isoformat(),
        "version": uppdrag.version,
    }
    malen = list(uppdrag.mal.order_by("pk"))
    data.update({"mal-TOTAL_FORMS": len(malen), "mal-INITIAL_FORMS": len(malen)})
    for i, mal in enumerate(malen):
        data.update(
            {
                f"mal-{i}-id": mal.pk,
                f"mal-{i}-beskrivning": mal.beskrivning,
                f"mal-{i}-malvarde": str(mal.malvarde).replace(".", ","),
                f"mal-{i}-maldatum": mal.maldatum.isoformat(),
                f"mal-{i}-jamlikhet_mal": "",
            }
        )
    data.update(andrat)
    return data


@pytest.fixture
def beslutat(uppdrag_a, steg, fortroendevald, hsn):
    return steg(uppdrag_a, "beslutad", fortroendevald, hsn)


def test_utkast_andras_fritt_utan_ny_version(klient_tjp, tjansteperson, uppdrag_a):
    svar = klient_tjp.post(
        f"/uppdrag/{uppdrag_a.pk}/andra/", _formdata(uppdrag_a, titel="Rökfritt län")
    )
    assert svar.status_code == 302
    uppdrag_a.refresh_from_db()
    assert (uppdrag_a.titel, uppdrag_a.versionsnummer) == ("Rökfritt län", 1)
    assert uppdrag_a.history.latest().history_user == tjansteperson
    html = klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/").content.decode()
    assert "Ändrade fält: titel" in html  # the event log


def test_gammal_version_av_formularet_vagras_och_texten_finns_kvar(klient_tjp, uppdrag_a):
    gammal = _formdata(uppdrag_a, titel="Min titel")
    klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/andra/", _formdata(uppdrag_a, titel="Någon annans"))
    svar = klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/andra/", gammal)
    assert svar.status_code == 200
    assert (
        "Någon annan har sparat" in svar.content.decode() and "Min titel" in svar.content.decode()
    )


def test_for_beslut_ar_last(klient_tjp, uppdrag_a):
    i_status(uppdrag_a, "for_beslut")
    assert klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/andra/").status_code == 403
    assert (
        klient_tjp.post(
            f"/uppdrag/{uppdrag_a.pk}/andra/", _formdata(uppdrag_a, titel="X")
        ).status_code
        == 403
    )
    assert klient_tjp.post(f"/uppdrag/{uppdrag_a.pk}/mal/ny/", {}).status_code == 403


def test_andring_efter_beslut_kraver_skal(klient_tjp, beslutat):
    html = klient_tjp.get(f"/uppdrag/{beslutat.pk}/andra/").content.decode()
    assert "Ändra efter beslut: ny version" in html and "Skäl till ändringen" in html
    svar = klient_tjp.post(f"/uppdrag/{beslutat.pk}/andra/", _formdata(beslutat, budget_tkr="1500"))
    assert svar.status_code == 200
    assert "Ange varför uppdraget ändras efter beslutet." in svar.content.decode()
    assert 'value="1500"' in svar.content.decode()  # what was typed is kept
    beslutat.refresh_from_db()
    assert (beslutat.budget_tkr, beslutat.versionsnummer) == (1200, 1)


def test_ny_version_utan_andring_vagras(klient_tjp, beslutat):
    svar = klient_tjp.post(
        f"/uppdrag/{beslutat.pk}/andra/", _formdata(beslutat, andringsskal="Bara för att")
    )
    assert svar.status_code == 200 and "Inget är ändrat" in svar.content.decode()
    beslutat.refresh_from_db()
    assert beslutat.versionsnummer == 1


def test_ny_version_visar_skillnaden_falt_for_falt(klient_tjp, klient_utf, tjansteperson, beslutat):
    mal = beslutat.mal.get()
    svar = klient_tjp.post(
        f"/uppdrag/{beslutat.pk}/andra/",
        _formdata(
            beslutat,
            budget_tkr="1500",
            **{
                "andringsskal": "Nämnden tillförde 300 tkr i tilläggsbudget.",
                "mal-0-malvarde": "6,5",
            },
        ),
    )
    assert svar.status_code == 302 and svar["Location"] == f"/uppdrag/{beslutat.pk}/versioner/"
    beslutat.refresh_from_db()
    assert (beslutat.versionsnummer, beslutat.budget_tkr, beslutat.andringsskal) == (
        2,
        1500,
        "Nämnden tillförde 300 tkr i tilläggsbudget.",
    )
    assert beslutat.status == "beslutad" and beslutat.beslut is not None
    mal.refresh_from_db()
    assert mal.malvarde == 6.5

    lista = versioner.versioner(beslutat)
    assert [v.nummer for v in lista] == [1, 2]
    assert lista[1].anvandare == tjansteperson
    assert [(a.falt, a.fore, a.efter) for a in lista[1].andringar] == [
        ("Budget (tkr)", "1\xa0200 tkr", "1\xa0500 tkr")
    ]
    assert [
        (m.vad, [(a.falt, a.fore, a.efter) for a in m.andringar]) for m in lista[1].malandringar
    ] == [("Ändrat", [("Målvärde", "7,0", "6,5")])]

    # The provider of the commission reads the same.
    html = klient_utf.get(f"/uppdrag/{beslutat.pk}/versioner/").content.decode()
    assert "Nämnden tillförde 300 tkr i tilläggsbudget." in html
    assert "<del>1\xa0200 tkr</del>" in html and "<ins>1\xa0500 tkr</ins>" in html
    assert "<del>7,0</del>" in html and "<ins>6,5</ins>" in html

    # The decided version stays readable as decided: budget and target as they were.
    beslutad = klient_utf.get(
        f"/uppdrag/{beslutat.pk}/version/{lista[0].history_id}/"
    ).content.decode()
    assert (
        "Så här beslutades uppdraget: Hälso- och sjukvårdsnämnden 20 oktober 2026 § 97" in beslutad
    )
    assert "1\xa0200 tkr" in beslutad and "1\xa0500 tkr" not in beslutad
    assert "<strong>7,0</strong>" in beslutad and "6,5" not in beslutad
    nu = klient_utf.get(f"/uppdrag/{beslutat.pk}/version/{lista[1].history_id}/").content.decode()
    assert "1\xa0500 tkr" in nu and "<strong>6,5</strong>" in nu

    sida = klient_utf.get(f"/uppdrag/{beslutat.pk}/").content.decode()
    assert "gäller nu i version 2" in sida and "Läs uppdraget som det beslutades" in sida


def test_en_rad_som_inte_borjar_en_version_ger_404(klient_tjp, beslutat):
    forsta = beslutat.history.earliest()  # the draft, before the decision
    assert klient_tjp.get(f"/uppdrag/{beslutat.pk}/version/{forsta.history_id}/").status_code == 404


def test_avslutat_uppdrag_andras_inte(klient_tjp, uppdrag_a, steg, fortroendevald, hsn):
    steg(uppdrag_a, "avslutad", fortroendevald, hsn)
    assert klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/andra/").status_code == 403


def test_utforare_och_fortroendevald_kan_inte_gora_ny_version(
    klient_fv, beslutat, utforare_anvandare
):
    for klient in (klient_fv, _klient(utforare_anvandare)):
        svar = klient.post(
            f"/uppdrag/{beslutat.pk}/andra/", _formdata(beslutat, budget_tkr="1", andringsskal="x")
        )
        assert svar.status_code == 403
    beslutat.refresh_from_db()
    assert beslutat.versionsnummer == 1


def test_versioner_fore_beslut_ar_tomma(klient_tjp, uppdrag_a):
    assert versioner.versioner(uppdrag_a) == []
    html = klient_tjp.get(f"/uppdrag/{uppdrag_a.pk}/versioner/").content.decode()
    assert "inte beslutat ännu" in html
