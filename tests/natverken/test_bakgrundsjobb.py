"""A task enqueued from a view runs in the database worker and reports its progress."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from natverken.models import Bakgrundsjobb, Omrade


# The worker commits and closes connections like in production, so this test runs on
# committed data rather than inside a rolled-back test transaction.
@pytest.mark.django_db(transaction=True)
def test_jobb_koas_i_vy_kors_av_arbetaren_och_rapporterar(klient_admin):
    Omrade.objects.filter(typ=Omrade.Typ.KOMMUN, scb_kod="2080").update(namn="Fel namn")
    svar = klient_admin.post("/administration/omraden/uppdatera/")
    jobb = Bakgrundsjobb.objects.get()
    assert svar.status_code == 302 and svar["Location"] == f"/jobb/{jobb.pk}/"
    assert jobb.status == Bakgrundsjobb.Status.VANTAR and jobb.task_id

    sida = klient_admin.get(f"/jobb/{jobb.pk}/").content.decode()
    assert "Väntar" in sida and 'hx-trigger="every 1s"' in sida

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    jobb.refresh_from_db()
    assert jobb.status == Bakgrundsjobb.Status.KLART
    assert (jobb.klart, jobb.totalt) == (312, 312)
    assert Omrade.objects.get(scb_kod="2080").namn == "Falun"

    fragment = klient_admin.get(
        f"/jobb/{jobb.pk}/", headers={"HX-Request": "true"}
    ).content.decode()
    assert "100 %" in fragment and "Klart" in fragment
    assert "<html" not in fragment  # htmx gets only the fragment
    assert "every 1s" not in fragment  # polling stops when done


@pytest.mark.django_db
def test_jobbet_syns_inte_for_andra(klient_tjp, admin_anvandare):
    jobb = Bakgrundsjobb.objects.create(titel="Någon annans", skapad_av=admin_anvandare)
    assert klient_tjp.get(f"/jobb/{jobb.pk}/").status_code == 404


@pytest.mark.django_db
def test_bara_admin_startar_omradesuppdatering(klient_tjp):
    assert klient_tjp.post("/administration/omraden/uppdatera/").status_code == 403
    assert not Bakgrundsjobb.objects.exists()


@pytest.mark.django_db
def test_get_startar_inget_jobb(klient_admin):
    assert klient_admin.get("/administration/omraden/uppdatera/").status_code == 405
