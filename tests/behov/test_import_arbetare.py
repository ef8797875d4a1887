"""The import runs in the database worker, reports progress, and says what it did."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from behov import importering, views_import
from behov.models import Importbatch, Importfil, Matvarde
from natverken.models import Bakgrundsjobb
from tests.behov.hjalp_import import indikator

KOLADA = Path(importering.__file__).parent / "data" / "kolada"
BARN = "Invånare 0-19 år i ekonomiskt utsatta hushåll, andel (%)"
POST = {
    "atgard": "importera",
    "format": "lang",
    "indikator_satt": "kolumn",
    "indikator_kolumn": "kpi",
    "omrade_kolumn": "municipality_id",
    "period_kolumn": "year",
    "varde_kolumn": "value",
}


def _ladda_upp(klient, innehall: bytes) -> Importfil:
    klient.post(
        "/behov/import/ladda-upp/",
        {"fil": SimpleUploadedFile("barn.csv", innehall)},
    )
    return Importfil.objects.get()


def _arbeta() -> None:
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


# The worker commits and closes connections like in production: committed data, restored after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arbetaren_importerar_och_rapporterar(klient_tjp, tjansteperson, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    indikator("BARN", BARN)
    importfil = _ladda_upp(
        klient_tjp, (KOLADA / "kolada_barn_ekonomiskt_utsatta_regioner.csv").read_bytes()
    )
    svar = klient_tjp.post(f"/behov/import/fil/{importfil.pk}/", POST)
    jobb = Bakgrundsjobb.objects.get()
    assert svar["Location"] == f"/jobb/{jobb.pk}/"
    assert "Väntar" in klient_tjp.get(svar["Location"]).content.decode()

    _arbeta()

    jobb.refresh_from_db()
    assert jobb.status == Bakgrundsjobb.Status.KLART
    assert jobb.meddelande.startswith("315 värden importerade (315 nya, 0 ersatta) från barn.csv.")
    assert "/behov/import/" in jobb.meddelande
    assert (jobb.klart, jobb.totalt) == (315, 315)
    batch = Importbatch.objects.get()
    assert (batch.importerad_av, batch.filnamn, batch.antal_nya) == (tjansteperson, "barn.csv", 315)
    assert batch.beskrivning == BARN
    assert Matvarde.objects.filter(batch=batch).count() == 315
    importfil.refresh_from_db()
    assert importfil.batch == batch
    assert not importfil.sokvag.exists()  # the values are in the database now
    sida = klient_tjp.get(f"/jobb/{jobb.pk}/").content.decode()
    assert "Klart" in sida and "315 värden importerade" in sida


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stor_fil_kontrolleras_av_arbetaren_och_felen_gar_att_lasa(
    klient_tjp, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(views_import, "KONTROLL_I_SIDAN_MAX", 0)  # as if the file were big
    indikator("BARN", BARN)
    text = (KOLADA / "kolada_barn_ekonomiskt_utsatta_regioner.csv").read_text(encoding="utf-8")
    text = text.replace('"0003",2007,9.003085', '"0003",2007,"nio"')
    importfil = _ladda_upp(klient_tjp, text.encode())
    svar = klient_tjp.post(f"/behov/import/fil/{importfil.pk}/", POST)
    assert svar.status_code == 302

    _arbeta()

    jobb = Bakgrundsjobb.objects.get()
    assert jobb.status == Bakgrundsjobb.Status.MISSLYCKADES
    assert "Inget importerades: barn.csv har 1 fel" in jobb.meddelande
    assert f"/behov/import/fil/{importfil.pk}/fel/" in jobb.meddelande
    assert not Matvarde.objects.exists() and not Importbatch.objects.exists()
    fel = klient_tjp.get(f"/behov/import/fil/{importfil.pk}/fel/").content.decode()
    assert '<td class="tal">3</td><td>value</td><td>”nio” är inte ett tal.</td>' in fel
