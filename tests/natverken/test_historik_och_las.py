"""Every change is in the history with who made it; a stale save is refused and the input kept."""

from __future__ import annotations

import pytest

from natverken.forms import FasForm
from natverken.models import Fas, SamtidigAndring, Utforare
from tests import factories


@pytest.fixture
def fas(db):
    return Fas.skapa_standardfaser(factories.planeringsar(2027))[0]


def _falt(fas: Fas, **andrat) -> dict:
    data = {
        "namn": fas.namn,
        "beskrivning": fas.beskrivning,
        "start": fas.start.isoformat(),
        "slut": fas.slut.isoformat(),
        "ansvarig_roll": fas.ansvarig_roll,
        "version": fas.version,
    }
    data.update(andrat)
    return data


def test_historikrad_anger_vem_som_andrade(klient_tjp, tjansteperson, fas):
    svar = klient_tjp.post(f"/arshjul/fas/{fas.pk}/andra/", _falt(fas, namn="Årsuppföljning 2025"))
    assert svar.status_code == 302
    senaste = fas.history.latest()
    assert senaste.namn == "Årsuppföljning 2025"
    assert senaste.history_user == tjansteperson
    assert senaste.history_type == "~"


def test_historik_via_admin_anger_admin(klient_admin, admin_anvandare):
    utf = Utforare.objects.create(namn="Vårdcentralen Öst")
    svar = klient_admin.post(
        f"/django-admin/natverken/utforare/{utf.pk}/change/",
        {"namn": "Vårdcentralen Öster", "slag": "egen_regi", "beskrivning": ""},
    )
    assert svar.status_code == 302
    assert utf.history.latest().history_user == admin_anvandare
    assert utf.history.latest().namn == "Vårdcentralen Öster"


def test_inaktuell_sparning_vagras_och_inmatningen_finns_kvar(klient_tjp, fas):
    # Two officials open the same phase at version 1.
    forsta = _falt(fas, beskrivning="Första tjänstepersonens text")
    andra = _falt(fas, beskrivning="Andra tjänstepersonens text")
    assert klient_tjp.post(f"/arshjul/fas/{fas.pk}/andra/", forsta).status_code == 302

    svar = klient_tjp.post(f"/arshjul/fas/{fas.pk}/andra/", andra)
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "Någon annan har sparat ändringar" in html
    assert "Andra tjänstepersonens text" in html  # the user's input is kept in the form
    fas.refresh_from_db()
    assert fas.beskrivning == "Första tjänstepersonens text"  # nothing overwritten
    assert fas.version == 2


def test_las_galler_aven_utan_formular(fas):
    kopia_a = Fas.objects.get(pk=fas.pk)
    kopia_b = Fas.objects.get(pk=fas.pk)
    kopia_a.namn = "A"
    kopia_a.save()
    kopia_b.namn = "B"
    with pytest.raises(SamtidigAndring):
        kopia_b.save()
    assert Fas.objects.get(pk=fas.pk).namn == "A"


def test_formular_med_aktuell_version_sparar(fas):
    form = FasForm(_falt(fas, namn="Nytt namn"), instance=fas)
    assert form.is_valid(), form.errors
    assert form.spara() is not None
    fas.refresh_from_db()
    assert (fas.namn, fas.version) == ("Nytt namn", 2)


def test_slutdatum_fore_start_ger_svenskt_fel_och_inget_sparas(klient_tjp, fas):
    svar = klient_tjp.post(
        f"/arshjul/fas/{fas.pk}/andra/", _falt(fas, start="2026-05-01", slut="2026-04-01")
    )
    assert svar.status_code == 200
    assert "Slutdatum kan inte ligga före startdatum" in svar.content.decode()
    fas.refresh_from_db()
    assert fas.version == 1


def test_forvaldtroende_far_inte_andra_fas(klient_fv, fas):
    assert klient_fv.post(f"/arshjul/fas/{fas.pk}/andra/", _falt(fas)).status_code == 403
    assert klient_fv.get(f"/arshjul/fas/{fas.pk}/andra/").status_code == 403


def test_okand_fas_ger_404(klient_tjp):
    assert klient_tjp.get("/arshjul/fas/999999/andra/").status_code == 404
