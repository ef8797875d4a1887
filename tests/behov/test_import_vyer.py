"""The import pages: who may use them, upload → mapping → check → job, errors shown with the
user's input kept, saved mappings, new indicators, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from behov import importering
from behov.models import Importbatch, Importfil, Importmall, Indikator, Matvarde
from natverken.models import Bakgrundsjobb
from tests import factories
from tests.behov.hjalp_import import fil, importera, indikator, varde

pytestmark = pytest.mark.django_db

KOLADA = Path(importering.__file__).parent / "data" / "kolada"
TILLIT = "Invånare 16-84 år med avsaknad av tillit till andra, andel (%)"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def ladda_upp(klient, namn: str, innehall: bytes, **extra):
    return klient.post(
        "/behov/import/ladda-upp/",
        {"fil": SimpleUploadedFile(namn, innehall), **extra},
    )


def uppladdad(klient, namn: str = "tillit.csv", innehall: bytes | None = None) -> Importfil:
    innehall = innehall or (KOLADA / "kolada_tillit_dalarna_kon.csv").read_bytes()
    svar = ladda_upp(klient, namn, innehall)
    importfil = Importfil.objects.get()
    assert svar.status_code == 302 and svar["Location"] == f"/behov/import/fil/{importfil.pk}/"
    return importfil


TILLIT_POST = {
    "atgard": "importera",
    "format": "lang",
    "indikator_satt": "fast",
    "indikator_kod": "TILLIT",
    "omrade_kolumn": "municipality",
    "period_kolumn": "year",
    "kon_kolumn": "gender",
    "varde_kolumn": TILLIT,
}


# --- Access ----------------------------------------------------------------------------


def test_tjansteperson_ser_importsidan(klient_tjp):
    svar = klient_tjp.get("/behov/import/")
    assert svar.status_code == 200
    sida = svar.content.decode()
    assert "Importera indikatordata" in sida and 'enctype="multipart/form-data"' in sida
    assert '<label for="id_fil">Fil' in sida


def test_admin_far_ocksa_importera(klient_admin):
    assert klient_admin.get("/behov/import/").status_code == 200


def test_anonym_skickas_till_inloggning(client):
    svar = client.get("/behov/import/")
    assert svar.status_code == 302 and svar["Location"].startswith("/konto/logga-in/")
    assert client.post("/behov/import/ladda-upp/").status_code == 302


@pytest.mark.parametrize("klientnamn", ["klient_fv", "klient_utf"])
def test_fel_roll_far_403_pa_varje_importvy(request, klientnamn, tjansteperson, tmp_path):
    klient = request.getfixturevalue(klientnamn)
    importfil = Importfil.objects.create(
        id="00000000-0000-0000-0000-000000000001", filnamn="x.csv", uppladdad_av=tjansteperson
    )
    indikator()
    batch = importera(
        fil(tmp_path, "kpi,omrade,ar,kon,varde\nTEST-HALSA,01,2024,T,1\n"),
        importering.Mappning(
            indikator_kolumn="kpi",
            omrade_kolumn="omrade",
            period_kolumn="ar",
            kon_kolumn="kon",
            varde_kolumn="varde",
        ),
    ).batch
    assert klient.get("/behov/import/").status_code == 403
    assert ladda_upp(klient, "a.csv", b"a;b\n1;2\n").status_code == 403
    assert klient.get(f"/behov/import/fil/{importfil.pk}/").status_code == 403
    assert klient.post(f"/behov/import/fil/{importfil.pk}/", TILLIT_POST).status_code == 403
    assert klient.get(f"/behov/import/fil/{importfil.pk}/fel/").status_code == 403
    assert klient.post(f"/behov/import/batch/{batch.pk}/angra/").status_code == 403
    batch.refresh_from_db()
    assert batch.status == Importbatch.Status.GENOMFORD
    assert Importfil.objects.count() == 1


def test_andras_uppladdning_syns_inte(klient_tjp, fortroendevald):
    annan = factories.anvandare("bertil", "tjansteperson")
    importfil = Importfil.objects.create(
        id="00000000-0000-0000-0000-000000000002", filnamn="x.csv", uppladdad_av=annan
    )
    assert klient_tjp.get(f"/behov/import/fil/{importfil.pk}/").status_code == 404
    assert klient_tjp.get(f"/behov/import/fil/{importfil.pk}/fel/").status_code == 404


def test_andrande_vyer_kraver_post(klient_tjp):
    assert klient_tjp.get("/behov/import/ladda-upp/").status_code == 405
    assert klient_tjp.get("/behov/import/batch/1/angra/").status_code == 405


# --- Upload and mapping ------------------------------------------------------------------


def test_uppladdning_utan_fil_visar_fel_och_sparar_inget(klient_tjp):
    svar = klient_tjp.post("/behov/import/ladda-upp/", {})
    assert svar.status_code == 200
    assert "Detta fält måste fyllas i" in svar.content.decode()
    assert not Importfil.objects.exists()


def test_gammal_excelfil_vagras_med_forklaring(klient_tjp, media):
    svar = ladda_upp(klient_tjp, "gammal.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert svar.status_code == 200
    assert "äldre Excel-fil (.xls)" in svar.content.decode()
    _inget_sparat(media)


# --- Upload limits: size, and type by name and by content ---------------------------------


def _inget_sparat(media) -> None:
    assert not Importfil.objects.exists()
    assert not (media / "import").exists() or not any((media / "import").iterdir())


# 400 rows: dropped while the file arrives; 70 000 rows: the request is already too big.
@pytest.mark.parametrize("rader", [400, 70_000])
def test_for_stor_fil_vagras_medan_den_kommer_och_inget_sparas(klient_tjp, media, settings, rader):
    settings.UPPLADDNING_MAX_STORLEK = 4 * 1024
    rad = "kpi;municipality_id;year;gender;value\n" + "N1;1280;2024;T;1,5\n" * rader
    svar = ladda_upp(klient_tjp, "stor.csv", rad.encode())
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "stor.csv är större än 4 kB, som är gränsen för en uppladdning" in html
    assert "Detta fält måste fyllas i" not in html  # the size is the reason, not a missing file
    assert "högst 4 kB" in html  # the limit is told before the upload too
    _inget_sparat(media)


def test_fil_precis_under_gransen_tas_emot(klient_tjp, media, settings):
    innehall = (KOLADA / "kolada_tillit_dalarna_kon.csv").read_bytes()
    settings.UPPLADDNING_MAX_STORLEK = len(innehall)
    assert ladda_upp(klient_tjp, "tillit.csv", innehall).status_code == 302


def test_gransen_styrs_av_miljon_med_100_mb_som_standard(settings):
    assert settings.UPPLADDNING_MAX_STORLEK == 100 * 1024 * 1024  # UPPLADDNING_MAX_MB
    assert settings.FILE_UPLOAD_HANDLERS[0] == "natverken.uppladdning.Storleksgrans"
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == 1


@pytest.mark.parametrize(
    ("namn", "innehall", "fel"),
    [
        (
            "rapport.pdf",
            b"%PDF-1.7\n...",
            "Filer ”.pdf” kan inte importeras. Ladda upp CSV (.csv), TSV (.tsv), text (.txt) "
            "eller Excel (.xlsx).",
        ),
        ("program.exe", b"MZ\x90\x00", "Filer ”.exe” kan inte importeras"),
        ("data", b"a;b\n1;2\n", "Filer utan filändelse kan inte importeras"),
        ("data.csv", b"PK\x03\x04" + b"\0" * 100, "Filen heter .csv men är en Excel-fil"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "innehåller inte text"),
        ("text.xlsx", b"kpi;varde\n1;2\n", "Filen heter .xlsx men är ingen Excel-arbetsbok"),
        ("zip.xlsx", b"PK\x03\x04" + b"\0" * 100, "ingen Excel-arbetsbok (den kan vara skadad)"),
    ],
)
def test_fel_filtyp_vagras_med_svensk_forklaring(klient_tjp, media, namn, innehall, fel):
    svar = ladda_upp(klient_tjp, namn, innehall)
    html = svar.content.decode()
    assert svar.status_code == 200
    assert fel in html
    _inget_sparat(media)


def test_textfil_i_utf16_med_bom_godtas(klient_tjp, media):
    text = "kpi\tmunicipality\tyear\tgender\tvalue\nTILLIT\tRegion Dalarna\t2024\tT\t12,5\n"
    svar = ladda_upp(klient_tjp, "export.tsv", text.encode("utf-16"))
    assert svar.status_code == 302


def test_uppladdning_visar_forhandsvisning_och_forslag(klient_tjp, media):
    importfil = uppladdad(klient_tjp)
    assert (media / "import" / str(importfil.pk)).exists()
    assert importfil.installningar["separator"] == ","
    sida = klient_tjp.get(f"/behov/import/fil/{importfil.pk}/").content.decode()
    assert "Förhandsvisning" in sida and "Region Dalarna" in sida
    assert '<th scope="col">gender</th>' in sida
    # The guess from the column names is filled in, the user checks it.
    assert '<option value="municipality" selected>' in sida
    assert '<option value="year" selected>' in sida
    # The value column's title is offered as the name of the indicator to create.
    assert f'value="{TILLIT}"' in sida


def test_ogiltig_mappning_visas_igen_med_det_anvandaren_valt(klient_tjp):
    indikator("TILLIT", TILLIT)
    importfil = uppladdad(klient_tjp)
    svar = klient_tjp.post(
        f"/behov/import/fil/{importfil.pk}/",
        {**TILLIT_POST, "omrade_kolumn": "", "kon_kolumn": "year"},
    )
    assert svar.status_code == 200
    sida = svar.content.decode()
    assert "Välj kolumnen med område." in sida
    assert "Kolumnen ”year” är redan vald som period." in sida
    assert '<option value="gender">' in sida and '<option value="year" selected>' in sida
    assert not Bakgrundsjobb.objects.exists() and not Matvarde.objects.exists()


def test_fel_i_filen_visas_som_tabell_och_inget_skrivs(klient_tjp):
    indikator("TILLIT", TILLIT)
    text = (KOLADA / "kolada_tillit_dalarna_kon.csv").read_text(encoding="utf-8")
    text = text.replace('2009,"K","Region Dalarna",28', '2009,"K","Region Atlantis",2x8')
    importfil = uppladdad(klient_tjp, innehall=text.encode())
    svar = klient_tjp.post(f"/behov/import/fil/{importfil.pk}/", TILLIT_POST)
    assert svar.status_code == 200
    sida = svar.content.decode()
    assert "Filen har 2 fel – inget har importerats" in sida
    assert (
        '<th scope="col" class="tal">Rad</th><th scope="col">Kolumn</th><th scope="col">Fel</th>'
        in sida
    )
    assert '<td class="tal">8</td><td>municipality</td><td>Okänt område ”Region Atlantis”' in sida
    assert f'<td class="tal">8</td><td>{TILLIT}</td><td>”2x8” är inte ett tal.' in sida
    assert not Matvarde.objects.exists() and not Bakgrundsjobb.objects.exists()
    # The same errors on their own page, and the mapping kept for the next try.
    fel = klient_tjp.get(f"/behov/import/fil/{importfil.pk}/fel/").content.decode()
    assert "Region Atlantis" in fel
    importfil.refresh_from_db()
    assert importfil.mappning["omrade_kolumn"] == "municipality" and importfil.antal_fel == 2


def test_giltig_fil_laggs_som_bakgrundsjobb(klient_tjp, django_capture_on_commit_callbacks):
    indikator("TILLIT", TILLIT)
    importfil = uppladdad(klient_tjp)
    with django_capture_on_commit_callbacks(execute=True):
        svar = klient_tjp.post(f"/behov/import/fil/{importfil.pk}/", TILLIT_POST)
    jobb = Bakgrundsjobb.objects.get()
    assert svar.status_code == 302 and svar["Location"] == f"/jobb/{jobb.pk}/"
    jobb.refresh_from_db()
    uppgift = DBTaskResult.objects.get(id=jobb.task_id)
    assert uppgift.args_kwargs["kwargs"] == {"jobb_id": jobb.pk, "importfil_id": str(importfil.pk)}
    assert not Matvarde.objects.exists()  # the worker writes


def test_ny_indikator_skapas_fran_sidan_och_valjs(klient_tjp):
    importfil = uppladdad(klient_tjp)
    svar = klient_tjp.post(
        f"/behov/import/fil/{importfil.pk}/",
        {
            **TILLIT_POST,
            "atgard": "ny_indikator",
            "indikator_kod": "",
            "ny-namn": TILLIT,
            "ny-enhet": "%",
            "ny-polaritet": "lagre_battre",
            "ny-kalla": "Kolada (RKA)",
        },
    )
    assert svar.status_code == 200
    ny = Indikator.objects.get(namn=TILLIT)
    assert (ny.enhet, ny.polaritet, ny.kalla) == ("%", "lagre_battre", "Kolada (RKA)")
    sida = svar.content.decode()
    assert f'<option value="{ny.kod}" selected>' in sida
    assert '<option value="gender" selected>' in sida  # the rest of the mapping is kept


def test_ny_indikator_utan_enhet_ger_fel(klient_tjp):
    importfil = uppladdad(klient_tjp)
    svar = klient_tjp.post(
        f"/behov/import/fil/{importfil.pk}/",
        {**TILLIT_POST, "atgard": "ny_indikator", "ny-namn": "X", "ny-polaritet": "ingen"},
    )
    assert svar.status_code == 200 and "Detta fält måste fyllas i" in svar.content.decode()
    assert not Indikator.objects.exists()


def test_mappning_sparas_och_valjs_nasta_gang(klient_tjp, django_capture_on_commit_callbacks):
    indikator("TILLIT", TILLIT)
    importfil = uppladdad(klient_tjp)
    with django_capture_on_commit_callbacks(execute=True):
        klient_tjp.post(
            f"/behov/import/fil/{importfil.pk}/",
            {**TILLIT_POST, "spara_mall": "on", "mall_namn": "Kolada tillit per kön"},
        )
    mall = Importmall.objects.get()
    assert mall.namn == "Kolada tillit per kön" and mall.skapad_av.username == "tjansteperson"
    assert mall.mappning["kon_kolumn"] == "gender"

    # A second file: choose the saved mapping on upload, it is filled in.
    svar = ladda_upp(
        klient_tjp,
        "igen.csv",
        (KOLADA / "kolada_tillit_dalarna_kon.csv").read_bytes(),
        mall=mall.pk,
    )
    ny = Importfil.objects.exclude(pk=importfil.pk).get()
    assert ny.mappning == mall.mappning
    sida = klient_tjp.get(svar["Location"]).content.decode()
    assert '<option value="TILLIT" selected>' in sida

    # The same name twice is refused.
    svar = klient_tjp.post(
        f"/behov/import/fil/{ny.pk}/",
        {**TILLIT_POST, "spara_mall": "on", "mall_namn": "kolada tillit per kön"},
    )
    assert "Det finns redan en sparad mappning med det namnet." in svar.content.decode()


def test_andra_hur_filen_lases(klient_tjp):
    importfil = uppladdad(klient_tjp, innehall=b"Titel;;\n\nomr;ar;v\n01;2024;1,5\n")
    assert importfil.installningar["rubrikrad"] == 3
    svar = klient_tjp.post(
        f"/behov/import/fil/{importfil.pk}/",
        {
            "atgard": "forhandsvisa",
            "fil-rubrikrad": "1",
            "fil-kodning": "utf-8",
            "fil-separator": ";",
            "fil-decimaltecken": ",",
        },
    )
    assert svar.status_code == 200
    importfil.refresh_from_db()
    assert importfil.installningar["rubrikrad"] == 1
    assert '<th scope="col">Titel</th><th scope="col">Kolumn 2</th>' in svar.content.decode()

    # A way of reading that doesn't fit the file says why, and can be changed back.
    svar = klient_tjp.post(
        f"/behov/import/fil/{importfil.pk}/",
        {"atgard": "forhandsvisa", "fil-rubrikrad": "1", "fil-separator": ","},
    )
    sida = svar.content.decode()
    assert svar.status_code == 200 and "Filen gick inte att läsa så här" in sida
    assert "Rad 4 har 2 fält men rubrikraden har 1." in sida


def test_excel_valj_blad_och_rubrikraden_hittas(klient_tjp, tmp_path):
    from tests.behov.test_importering import _arbetsbok

    importfil = uppladdad(klient_tjp, "halsa.xlsx", _arbetsbok(tmp_path).read_bytes())
    assert importfil.installningar["typ"] == "excel" and importfil.installningar["blad"] == "Kön"
    sida = klient_tjp.get(f"/behov/import/fil/{importfil.pk}/").content.decode()
    assert '<option value="Ålder">Ålder</option>' in sida
    svar = klient_tjp.post(
        f"/behov/import/fil/{importfil.pk}/",
        {"atgard": "forhandsvisa", "fil-blad": "Ålder", "fil-rubrikrad": "1"},
    )
    importfil.refresh_from_db()
    assert importfil.installningar["blad"] == "Ålder" and importfil.installningar["rubrikrad"] == 3
    assert '<th scope="col">Ålder</th>' in svar.content.decode()


# --- The list and undo ----------------------------------------------------------------------


def test_listan_visar_importer_och_angra_aterstaller(klient_tjp, tjansteperson, tmp_path):
    indikator()
    mappningen = importering.Mappning(
        indikator_kolumn="kpi",
        omrade_kolumn="omrade",
        period_kolumn="ar",
        kon_kolumn="kon",
        varde_kolumn="varde",
    )
    forsta = importera(
        fil(tmp_path, "kpi,omrade,ar,kon,varde\nTEST-HALSA,01,2024,T,1\n", "a.csv"),
        mappningen,
        tjansteperson,
    )
    andra = importera(
        fil(tmp_path, "kpi,omrade,ar,kon,varde\nTEST-HALSA,01,2024,T,2\n", "b.csv"),
        mappningen,
        tjansteperson,
    )
    sida = klient_tjp.get("/behov/import/").content.decode()
    assert '<th scope="row">b.csv</th>' in sida and "Tjansteperson" in sida
    assert f'action="/behov/import/batch/{andra.batch.pk}/angra/"' in sida

    svar = klient_tjp.post(f"/behov/import/batch/{forsta.batch.pk}/angra/", follow=True)
    assert "kan inte ångras" in svar.content.decode()
    assert varde("TEST-HALSA", "01").varde == 2

    svar = klient_tjp.post(f"/behov/import/batch/{andra.batch.pk}/angra/", follow=True)
    assert (
        "Importen av b.csv är ångrad: 0 värden borttagna och 1 återställda" in svar.content.decode()
    )
    assert varde("TEST-HALSA", "01").varde == 1
    andra.batch.refresh_from_db()
    assert andra.batch.status == Importbatch.Status.ANGRAD
    assert "Ångrad" in svar.content.decode()


# --- The admin ---------------------------------------------------------------------------


def test_admin_ser_uppladdningar_och_tar_bort_fil_som_aldrig_importerats(klient_tjp, klient_admin):
    importfil = uppladdad(klient_tjp)
    assert importfil.sokvag.exists()
    for sida in ("importfil", "importmall", "ersattvarde"):
        assert klient_admin.get(f"/django-admin/behov/{sida}/").status_code == 200
    lista = klient_admin.get("/django-admin/behov/importfil/").content.decode()
    assert "tillit.csv" in lista
    # A file is never edited in the admin, only looked at or removed – and the file goes too.
    assert (
        klient_admin.post(f"/django-admin/behov/importfil/{importfil.pk}/change/").status_code
        == 403
    )
    svar = klient_admin.post(
        f"/django-admin/behov/importfil/{importfil.pk}/delete/", {"post": "yes"}
    )
    assert svar.status_code == 302
    assert not Importfil.objects.exists()
    assert not importfil.sokvag.exists()
