"""The import service: every file shape the regions meet, every kind of bad row, re-import,
undo, and the two real Kolada files."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from behov import importering
from behov.demo_import import importera_kolada_filer
from behov.importering import AngraVagrad, Importfel, Mappning
from behov.models import ErsattVarde, Importbatch, Indikator, Matvarde
from natverken.models import Omrade
from tests import factories
from tests.behov.hjalp_import import fil, importera, indikator, varde

pytestmark = pytest.mark.django_db

KOLADA = Path(importering.__file__).parent / "data" / "kolada"

LANG = Mappning(
    indikator_satt="kolumn",
    indikator_kolumn="kpi",
    omrade_kolumn="omrade",
    period_kolumn="ar",
    kon_kolumn="kon",
    varde_kolumn="varde",
)


def mappning(**andringar) -> Mappning:
    return Mappning(**{**LANG.som_dict(), **andringar})


# --- File shapes ------------------------------------------------------------------------


def test_lang_fil_med_indikatorkolumn_kod_och_namn(tmp_path):
    indikator("TEST-HALSA", "Självskattad god hälsa")
    indikator("TEST-ROK", "Daglig rökning", kallreferens="N12345")
    sokvag = fil(
        tmp_path,
        "kpi,omrade,ar,kon,varde\n"
        "TEST-HALSA,01,2024,T,70.5\n"
        "självskattad god hälsa,0003,2024,K,68\n"  # name, any case; Kolada id
        "N12345,Region Kalmar,2024,M,11.25\n"  # source reference; "Region Kalmar län"
        "TEST-ROK,Riket,2023,Kvinnor,9\n",
    )
    resultat = importera(sokvag, LANG)
    assert (resultat.antal, resultat.nya, resultat.ersatta) == (4, 4, 0)
    assert varde("TEST-HALSA", "01").varde == 70.5
    assert varde("TEST-HALSA", "03", kon="K").varde == 68
    assert varde("TEST-ROK", "08", kon="M").varde == 11.25
    assert varde("TEST-ROK", "00", period="2023", kon="K").varde == 9
    assert Matvarde.objects.filter(batch=resultat.batch).count() == 4


def test_fast_indikator_semikolon_decimalkomma_cp1252_och_saknade_varden(tmp_path):
    indikator()
    text = (
        "Område;År;Andel\n"
        "Region Örebro län;2024;12,5\n"
        "Region Västerbotten;2024;..\n"
        "Region Norrbotten;2024;-\n"
        "Region Gävleborg;2024;\n"
        "Västra Götalandsregionen;2024; 1 234,5 \n"
    )
    sokvag = fil(tmp_path, text, kodning="cp1252")
    inst = importering.identifiera_fil(sokvag=sokvag)
    assert (inst.kodning, inst.separator, inst.decimaltecken) == ("cp1252", ";", ",")
    importera(
        sokvag,
        Mappning(
            indikator_satt="fast",
            indikator_kod="TEST-HALSA",
            omrade_kolumn="Område",
            period_kolumn="År",
            varde_kolumn="Andel",
        ),
    )
    assert varde("TEST-HALSA", "18").varde == 12.5
    assert varde("TEST-HALSA", "14").varde == 1234.5
    # Missing markers become missing values, never 0.
    for kod in ("24", "25", "21"):
        assert varde("TEST-HALSA", kod).varde is None
    assert Matvarde.objects.count() == 5


def test_en_indikator_per_vardekolumn(tmp_path):
    indikator("TEST-HALSA")
    indikator("TEST-ROK", "Daglig rökning")
    sokvag = fil(tmp_path, "Region\tÅr\tHälsa\tRökning\tKommentar\n20\t2024\t71,2\t8,1\tx\n")
    inst = importering.identifiera_fil(sokvag=sokvag)
    assert inst.separator == "\t"
    importera(
        sokvag,
        Mappning(
            indikator_satt="per_kolumn",
            indikator_per_kolumn={"Hälsa": "TEST-HALSA", "Rökning": "TEST-ROK"},
            omrade_kolumn="Region",
            period_kolumn="År",
        ),
    )
    assert varde("TEST-HALSA", "20").varde == 71.2
    assert varde("TEST-ROK", "20").varde == 8.1


def test_bred_pxweb_tabell_med_perioder_som_intervall(tmp_path):
    indikator()
    text = (
        '"Självskattad god hälsa efter region, kön och period"\n'
        "\n"
        '"region";"kön";"2019-2022";"2020-2023"\n'
        '"20 Dalarnas län";"Totalt";"57,9";"58,4"\n'
        '"20 Dalarnas län";"Kvinnor";"55,1";".."\n'
        '"00 Riket";"Män";"60,2";"61"\n'
        '"0180 Stockholm";"Totalt";"64";"64,5"\n'
    )
    sokvag = fil(tmp_path, text, kodning="cp1252")
    inst = importering.identifiera_fil(sokvag=sokvag)
    assert inst.rubrikrad == 3
    forslag = importering.foresla_mappning(
        forhandsvisning=importering.forhandsvisa(sokvag=sokvag, installningar=inst)
    )
    assert forslag.format == "bred" and forslag.period_kolumner == ["2019-2022", "2020-2023"]
    importera(
        sokvag,
        Mappning(
            format="bred",
            indikator_satt="fast",
            indikator_kod="TEST-HALSA",
            omrade_kolumn="region",
            kon_kolumn="kön",
            period_kolumner=["2019-2022", "2020-2023"],
        ),
    )
    dalarna = varde("TEST-HALSA", "20", period="2019–2022")
    assert (dalarna.period_start, dalarna.period_slut) == (
        dt.date(2019, 1, 1),
        dt.date(2022, 12, 31),
    )
    assert dalarna.varde == 57.9
    assert varde("TEST-HALSA", "20", period="2020–2023", kon="K").varde is None
    assert varde("TEST-HALSA", "00", period="2020–2023", kon="M").varde == 61
    assert varde("TEST-HALSA", "0180", period="2019–2022").varde == 64
    assert Matvarde.objects.count() == 8


def test_utf8_med_bom_och_tabb(tmp_path):
    indikator()
    sokvag = fil(
        tmp_path,
        "\ufeffkpi\tomrade\tar\tkon\tvarde\nTEST-HALSA\tRegion Jönköpings län\t2022\tKvinna\t3.5\n",
    )
    inst = importering.identifiera_fil(sokvag=sokvag)
    assert (inst.kodning, inst.separator) == ("utf-8-sig", "\t")
    assert importering.forhandsvisa(sokvag=sokvag, installningar=inst).kolumner[0] == "kpi"
    importera(sokvag, LANG)
    assert varde("TEST-HALSA", "06", period="2022", kon="K").varde == 3.5


def _arbetsbok(tmp_path):
    bok = openpyxl.Workbook()
    kon = bok.active
    kon.title = "Kön"
    kon.append(["Region", "År", "Kön", "Andel", "KI"])
    kon.append(["Region Dalarna", 2024, "Män", 61.2, "57.9 - 66.7  *"])
    alder = bok.create_sheet("Ålder")
    alder.append(["Självskattad hälsa per åldersgrupp"])
    alder.append([])
    alder.append(["Region", "År", "Ålder", "Andel", "KI"])
    alder.append([20, 2024, "16–29 år", 62.5, "57.9 - 66.7  *"])
    alder.append([20, 2024, "30–44 år", None, None])  # empty cells: missing
    alder.append([1, 2024, "16–29 år", 70, "68,1–71,9"])  # leading zero lost in Excel
    sokvag = tmp_path / "halsa.xlsx"
    bok.save(sokvag)
    return sokvag


def test_excel_med_tva_blad_uppdelning_och_ki_som_text(tmp_path):
    indikator()
    sokvag = _arbetsbok(tmp_path)
    inst = importering.identifiera_fil(sokvag=sokvag)
    assert inst.typ == "excel" and inst.blad == "Kön"
    assert importering.excel_blad(sokvag) == ["Kön", "Ålder"]
    inst.blad = "Ålder"
    inst.rubrikrad = importering.gissa_rubrikrad_i_blad(sokvag, "Ålder")
    assert inst.rubrikrad == 3
    forhandsvisning = importering.forhandsvisa(sokvag=sokvag, installningar=inst)
    assert forhandsvisning.kolumner == ["Region", "År", "Ålder", "Andel", "KI"]
    assert forhandsvisning.rader[0] == (4, ["20", "2024", "16–29 år", "62.5", "57.9 - 66.7  *"])
    importering.importera(
        sokvag=sokvag,
        filnamn="halsa.xlsx",
        installningar=inst,
        mappning=Mappning(
            indikator_satt="fast",
            indikator_kod="TEST-HALSA",
            omrade_kolumn="Region",
            period_kolumn="År",
            varde_kolumn="Andel",
            ki_text_kolumn="KI",
            dimension="Ålder",
            kategori_kolumn="Ålder",
        ),
    )
    unga = varde("TEST-HALSA", "20", dimension="Ålder", kategori="16–29 år")
    assert (unga.varde, unga.ki_lag, unga.ki_hog) == (62.5, 57.9, 66.7)
    mitt = varde("TEST-HALSA", "20", dimension="Ålder", kategori="30–44 år")
    assert (mitt.varde, mitt.ki_lag, mitt.ki_hog) == (None, None, None)
    stockholm = varde("TEST-HALSA", "01", dimension="Ålder", kategori="16–29 år")
    assert (stockholm.ki_lag, stockholm.ki_hog) == (68.1, 71.9)


def test_ki_i_tva_kolumner_antal_namnare_och_sifferkoder_for_kon(tmp_path):
    indikator()
    sokvag = fil(
        tmp_path,
        "omr;ar;kon;v;n;d;lag;hog\n08;2021;1;10,5;21;200;9,1;12\n08;2021;2;11;;;;\n08;2021;3;10,7;45;420;9,9;11,6\n",
    )
    importera(
        sokvag,
        Mappning(
            indikator_satt="fast",
            indikator_kod="TEST-HALSA",
            omrade_kolumn="omr",
            period_kolumn="ar",
            kon_kolumn="kon",
            kon_koder={"1": "M", "2": "K", "3": "T"},
            varde_kolumn="v",
            antal_kolumn="n",
            namnare_kolumn="d",
            ki_lag_kolumn="lag",
            ki_hog_kolumn="hog",
        ),
    )
    man = varde("TEST-HALSA", "08", period="2021", kon="M")
    assert (man.varde, man.antal, man.namnare, man.ki_lag, man.ki_hog) == (10.5, 21, 200, 9.1, 12)
    kvinnor = varde("TEST-HALSA", "08", period="2021", kon="K")
    assert (kvinnor.antal, kvinnor.namnare, kvinnor.ki_lag) == (None, None, None)
    assert varde("TEST-HALSA", "08", period="2021", kon="T").ki_hog == 11.6


@pytest.mark.parametrize(
    ("text", "kod"),
    [
        ("Region Kalmar", "08"),
        ("Region Kalmar län", "08"),
        ("Kalmar län", "08"),
        ("8", "08"),
        ("0008", "08"),
        ("Kalmar", "0880"),  # the kommun: an exact name beats the region's short form
        ("0180", "0180"),
        ("180", "0180"),
        ("Stockholms kommun", "0180"),
        ("00", "00"),
        ("0000", "00"),
        ("46", "00"),
        ("Riket", "00"),
        ("20 Dalarnas län", "20"),
        ("Dalarnas län", "20"),
        ("Västra Götalandsregionen", "14"),
        ("region västra götaland", "14"),
    ],
)
def test_omraden_kanns_igen_pa_kod_forst_sedan_namn(text, kod):
    assert importering.Omradesuppslag.bygg().hitta(text) == Omrade.objects.get(scb_kod=kod).pk


@pytest.mark.parametrize(
    ("text", "vantat"),
    [
        ("2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024")),
        ("2019-2022", (dt.date(2019, 1, 1), dt.date(2022, 12, 31), "2019–2022")),
        ("2019 – 2022", (dt.date(2019, 1, 1), dt.date(2022, 12, 31), "2019–2022")),
        ("2024K2", (dt.date(2024, 4, 1), dt.date(2024, 6, 30), "2024 K2")),
        ("2024.0", (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024")),
        ("2022-2019", None),
        ("år 2024", None),
    ],
)
def test_perioder(text, vantat):
    assert importering.tolka_period(text) == vantat


# --- Bad rows: every kind reported with row and column, and nothing written --------------


@pytest.mark.parametrize(
    ("rad", "kolumn", "del_av_felet"),
    [
        ("TEST-HALSA,Atlantis,2024,T,1", "omrade", "Okänt område ”Atlantis”"),
        ("TEST-HALSA,,2024,T,1", "omrade", "Området saknas"),
        ("TEST-HALSA,01,2024,T,tolv", "varde", "”tolv” är inte ett tal"),
        ("TEST-HALSA,01,2024,T,12;5", "varde", "”12;5” är inte ett tal"),
        ("TEST-HALSA,01,tjugo,T,1", "ar", "”tjugo” är inte ett år"),
        ("TEST-HALSA,01,2024,X,1", "kon", "Okänt kön ”X”"),
        ("OKAND-KPI,01,2024,T,1", "kpi", "Okänd indikator ”OKAND-KPI”"),
        (
            "TEST-HALSA,01,2023,T,2",
            "varde",
            "Samma indikator, område, period, kön och kategori som på rad 2",
        ),
    ],
)
def test_felaktig_rad_rapporteras_och_inget_skrivs(tmp_path, rad, kolumn, del_av_felet):
    indikator()
    fore = Matvarde.objects.count()
    sokvag = fil(
        tmp_path,
        f"kpi,omrade,ar,kon,varde\nTEST-HALSA,01,2023,T,2\nTEST-HALSA,03,2024,T,3\n{rad}\n",
    )
    with pytest.raises(Importfel) as fel:
        importera(sokvag, LANG)
    assert fel.value.antal == 1
    (radfel,) = fel.value.fel
    assert (radfel.rad, radfel.kolumn) == (4, kolumn)
    assert del_av_felet in radfel.fel
    assert Matvarde.objects.count() == fore
    assert not Importbatch.objects.exists()


def test_ki_nedre_over_ovre_och_trasigt_ki_rapporteras(tmp_path):
    indikator()
    sokvag = fil(
        tmp_path,
        "omr;ar;v;lag;hog;ki\n01;2024;5;7;6;\n03;2024;5;;;4 - 6\n04;2024;5;;;fyra till sex\n",
    )
    mappningen = Mappning(
        indikator_satt="fast",
        indikator_kod="TEST-HALSA",
        omrade_kolumn="omr",
        period_kolumn="ar",
        varde_kolumn="v",
        ki_lag_kolumn="lag",
        ki_hog_kolumn="hog",
    )
    with pytest.raises(Importfel) as fel:
        importera(sokvag, mappningen)
    (radfel,) = fel.value.fel
    assert (radfel.rad, radfel.kolumn) == (2, "lag")
    assert "nedre gräns (7) är större än den övre (6)" in radfel.fel

    mappningen.ki_lag_kolumn = mappningen.ki_hog_kolumn = ""
    mappningen.ki_text_kolumn = "ki"
    with pytest.raises(Importfel) as fel:
        importera(sokvag, mappningen)
    assert [(f.rad, f.kolumn) for f in fel.value.fel] == [(4, "ki")]
    assert not Matvarde.objects.exists()


def test_alla_fel_i_filen_rapporteras_i_radordning(tmp_path):
    indikator()
    sokvag = fil(
        tmp_path,
        "kpi,omrade,ar,kon,varde\nTEST-HALSA,99,2024,T,x\nTEST-HALSA,01,2024,T,1\nNOPE,01,2024,T,1\n",
    )
    with pytest.raises(Importfel) as fel:
        importera(sokvag, LANG)
    assert [(f.rad, f.kolumn) for f in fel.value.fel] == [(2, "omrade"), (2, "varde"), (4, "kpi")]
    assert "Inget importerades" in str(fel.value) and "3 fel" in str(fel.value)


def test_decimalpunkt_vald_men_filen_har_komma(tmp_path):
    indikator()
    sokvag = fil(tmp_path, "kpi;omrade;ar;kon;varde\nTEST-HALSA;01;2024;T;12,5\n")
    with pytest.raises(Importfel) as fel:
        importera(sokvag, LANG, decimaltecken=".")
    assert "decimaltecknet är satt till punkt" in fel.value.fel[0].fel


# --- Re-import and undo ------------------------------------------------------------------


def test_omimport_ersatter_och_angra_aterstaller_exakt(tmp_path):
    anna = factories.anvandare("anna", "tjansteperson")
    indikator()
    forsta = importera(
        fil(
            tmp_path,
            "kpi,omrade,ar,kon,varde\nTEST-HALSA,01,2024,T,10\nTEST-HALSA,03,2024,T,20\n",
            "v1.csv",
        ),
        LANG,
        anvandare=anna,
    )
    fore = {m.pk: (m.varde, m.batch_id) for m in Matvarde.objects.all()}
    andra = importera(
        fil(
            tmp_path,
            "kpi,omrade,ar,kon,varde\nTEST-HALSA,01,2024,T,12\nTEST-HALSA,03,2024,T,20\n"
            "TEST-HALSA,04,2024,T,30\n",
            "v2.csv",
        ),
        LANG,
        anvandare=anna,
    )
    assert (andra.antal, andra.nya, andra.ersatta, andra.oforandrade) == (3, 1, 1, 1)
    assert "3 värden importerade (1 nya, 1 ersatta, 1 oförändrade)" in andra.meddelande
    andra.batch.refresh_from_db()
    assert (andra.batch.antal_nya, andra.batch.antal_ersatta) == (1, 1)
    assert andra.batch.importerad_av == anna
    assert varde("TEST-HALSA", "01").varde == 12
    assert varde("TEST-HALSA", "01").batch == andra.batch
    assert varde("TEST-HALSA", "03").batch == forsta.batch  # unchanged stays with its batch
    ersatt = ErsattVarde.objects.get(batch=andra.batch)
    assert (ersatt.varde, ersatt.tidigare_batch) == (10, forsta.batch)

    assert importering.angra(batch=andra.batch, anvandare=anna) == (1, 1)
    assert {m.pk: (m.varde, m.batch_id) for m in Matvarde.objects.all()} == fore
    andra.batch.refresh_from_db()
    assert andra.batch.status == Importbatch.Status.ANGRAD
    assert andra.batch.history.first().history_user == anna


def test_angra_vagras_nar_en_senare_import_ersatt_varden(tmp_path):
    indikator()
    forsta = importera(
        fil(tmp_path, "kpi,omrade,ar,kon,varde\nTEST-HALSA,01,2024,T,10\n", "a.csv"), LANG
    )
    andra = importera(
        fil(tmp_path, "kpi,omrade,ar,kon,varde\nTEST-HALSA,01,2024,T,11\n", "b.csv"), LANG
    )
    with pytest.raises(AngraVagrad, match="Ångra den senare importen först"):
        importering.angra(batch=forsta.batch)
    forsta.batch.refresh_from_db()
    assert forsta.batch.status == Importbatch.Status.GENOMFORD
    assert varde("TEST-HALSA", "01").varde == 11

    importering.angra(batch=andra.batch)
    assert varde("TEST-HALSA", "01").varde == 10
    importering.angra(batch=forsta.batch)  # now nothing later stands on it
    assert not Matvarde.objects.exists()
    with pytest.raises(AngraVagrad, match="redan ångrad"):
        importering.angra(batch=forsta.batch)


# --- The real Kolada files ----------------------------------------------------------------


def test_kolada_barn_ekonomiskt_utsatta(tmp_path):
    sokvag = KOLADA / "kolada_barn_ekonomiskt_utsatta_regioner.csv"
    inst = importering.identifiera_fil(sokvag=sokvag)
    forslag = importering.foresla_mappning(
        forhandsvisning=importering.forhandsvisa(sokvag=sokvag, installningar=inst)
    )
    assert forslag == LANG_KOLADA
    # The indicator doesn't exist yet: every row says so, and names it for the page.
    kontroll = importering.kontrollera(sokvag=sokvag, installningar=inst, mappning=forslag)
    assert kontroll.antal_fel == 315
    assert kontroll.okanda_indikatorer == [
        "Invånare 0-19 år i ekonomiskt utsatta hushåll, andel (%)"
    ]
    importering.skapa_indikator(namn=kontroll.okanda_indikatorer[0], enhet="%")
    resultat = importering.importera(
        sokvag=sokvag, filnamn=sokvag.name, installningar=inst, mappning=forslag
    )
    assert (resultat.antal, resultat.nya) == (315, 315)
    assert Matvarde.objects.values("omrade").distinct().count() == 21
    assert Matvarde.objects.values("period").distinct().count() == 15
    stockholm = Matvarde.objects.get(omrade__namn="Region Stockholm", period="2007")
    assert stockholm.varde == pytest.approx(11.690542)
    assert Matvarde.objects.get(omrade__namn="Region Kalmar län", period="2007").varde is not None


LANG_KOLADA = Mappning(
    indikator_satt="kolumn",
    indikator_kolumn="kpi",
    omrade_kolumn="municipality_id",
    period_kolumn="year",
    varde_kolumn="value",
)


def test_kolada_tillit_per_kon():
    sokvag = KOLADA / "kolada_tillit_dalarna_kon.csv"
    titel = "Invånare 16-84 år med avsaknad av tillit till andra, andel (%)"
    ind = indikator("TILLIT", titel, polaritet="lagre_battre")
    inst = importering.identifiera_fil(sokvag=sokvag)
    forslag = importering.foresla_mappning(
        forhandsvisning=importering.forhandsvisa(sokvag=sokvag, installningar=inst)
    )
    assert forslag == Mappning(
        indikator_satt="fast",
        indikator_kod=ind.kod,
        omrade_kolumn="municipality",
        period_kolumn="year",
        kon_kolumn="gender",
        varde_kolumn=titel,
    )
    resultat = importering.importera(
        sokvag=sokvag, filnamn=sokvag.name, installningar=inst, mappning=forslag
    )
    assert resultat.antal == 42
    assert set(Matvarde.objects.values_list("kon", flat=True)) == {"T", "K", "M"}
    assert not Matvarde.objects.filter(period__in=["2017", "2019"]).exists()  # missing years
    assert varde("TILLIT", "20", period="2022", kon="K").varde == 26.8


def test_demo_importerar_kolada_filerna_en_gang():
    utskrift = io.StringIO()
    importera_kolada_filer(utskrift)
    assert "315" in utskrift.getvalue() and "42" in utskrift.getvalue()
    assert Matvarde.objects.count() == 357
    barn = Indikator.objects.get(kod="KOLADA-BARN-EKUTSATTA")
    assert barn.namn == "Invånare 0-19 år i ekonomiskt utsatta hushåll, andel (%)"
    assert (barn.polaritet, barn.enhet, barn.kalla) == ("lagre_battre", "%", "Kolada (RKA)")
    importera_kolada_filer(io.StringIO())
    assert Importbatch.objects.count() == 2 and Matvarde.objects.count() == 357


# --- Mapping checks -------------------------------------------------------------------------


def test_mappningen_kontrolleras_mot_filens_kolumner():
    kolumner = ["kpi", "omrade", "ar", "kon", "varde"]
    assert LANG.fel(kolumner) == {}
    fel = mappning(omrade_kolumn="", varde_kolumn="finns_inte", kon_kolumn="ar").fel(kolumner)
    assert fel["omrade_kolumn"] == "Välj kolumnen med område."
    assert fel["varde_kolumn"] == "Kolumnen ”finns_inte” finns inte i filen."
    assert "redan vald som period" in fel["kon_kolumn"]
    bred = Mappning(
        format="bred",
        indikator_satt="fast",
        indikator_kod="X",
        omrade_kolumn="omrade",
        period_kolumner=["kon"],
    )
    assert "är inte ett år eller en period" in bred.fel(kolumner)["period_kolumner"]
    assert "uppdelningen" in mappning(dimension="Ålder").fel(kolumner)["kategori_kolumn"]
