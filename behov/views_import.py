"""Import of indicator data: upload → preview and column mapping → check → background job,
the list of imports with undo, and the list of errors in a file."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from behov import importering
from behov.forms_import import InlasningForm, MappningForm, NyIndikatorForm, UppladdningForm
from behov.importering import Filfel, Filinstallningar, Mappning
from behov.models import Importbatch, Importfil, Importmall
from behov.tasks import importera_fil
from natverken import uppladdning
from natverken.models import Bakgrundsjobb, Roll
from natverken.roller import har_roll, kraver_roll

# Files up to this size are checked while the user waits, so errors show at once on the
# mapping page; bigger ones are checked by the worker (errors then on the error page).
KONTROLL_I_SIDAN_MAX = 5 * 1024 * 1024
ANTAL_BATCHER = 25


def hamta_importfil(request: HttpRequest, pk: uuid.UUID) -> Importfil:
    """Access helper: an upload is visible to the one who uploaded it, and to admins."""
    importfil = get_object_or_404(Importfil.objects.select_related("batch"), pk=pk)
    if importfil.uppladdad_av_id != request.user.pk and not har_roll(request.user, Roll.ADMIN):
        raise Http404("Filen finns inte.")
    return importfil


def _index(request: HttpRequest, form: UppladdningForm) -> HttpResponse:
    batcher = Importbatch.objects.select_related("importerad_av").order_by("-importerad")[
        :ANTAL_BATCHER
    ]
    filer = Importfil.objects.filter(uppladdad_av=request.user, batch__isnull=True)[:10]
    return render(
        request, "behov/import/index.html", {"form": form, "batcher": batcher, "filer": filer}
    )


@require_GET
@kraver_roll(Roll.TJANSTEPERSON)
def index(request: HttpRequest) -> HttpResponse:
    return _index(request, UppladdningForm())


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def ladda_upp(request: HttpRequest) -> HttpResponse:
    form = UppladdningForm(request.POST, request.FILES, for_stora=uppladdning.for_stor(request))
    if not form.is_valid():
        return _index(request, form)
    fil = form.cleaned_data["fil"]
    pk = uuid.uuid4()
    sokvag = importering.importmapp() / str(pk)
    with sokvag.open("wb") as ut:
        for bit in fil.chunks():
            ut.write(bit)
    try:
        installningar = importering.identifiera_fil(sokvag=sokvag, filnamn=fil.name)
        importering.forhandsvisa(sokvag=sokvag, installningar=installningar)
    except (Filfel, UnicodeError, OSError) as fel:
        sokvag.unlink(missing_ok=True)
        form.add_error(
            "fil", str(fel) if isinstance(fel, Filfel) else f"Filen kunde inte läsas: {fel}"
        )
        return _index(request, form)
    mall = form.cleaned_data.get("mall")
    Importfil.objects.create(
        id=pk,
        filnamn=Path(fil.name).name[:255],
        storlek=fil.size,
        uppladdad_av=request.user,
        installningar=installningar.som_dict(),
        mappning=mall.mappning if mall else {},
    )
    return redirect("behov:import_mappning", pk=pk)


def _namnforslag(mappning: Mappning, okanda: list[str]) -> str:
    """The name a new indicator most likely needs: an unknown name from the file, else the
    value column's title when the whole file is one indicator that doesn't exist yet."""
    if okanda:
        return okanda[0]
    if mappning.indikator_satt == "fast" and not mappning.indikator_kod and mappning.varde_kolumn:
        return mappning.varde_kolumn
    return ""


@require_http_methods(["GET", "POST"])
@kraver_roll(Roll.TJANSTEPERSON)
def mappning(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    importfil = hamta_importfil(request, pk)
    if importfil.ar_importerad:
        messages.info(request, f"{importfil.filnamn} är redan importerad.")
        return redirect("behov:import")
    atgard = request.POST.get("atgard", "") if request.method == "POST" else ""
    installningar = Filinstallningar.fran_dict(importfil.installningar)
    blad = importering.excel_blad(importfil.sokvag) if installningar.typ == "excel" else []
    inlasning = InlasningForm(installningar=installningar, blad=blad)
    if atgard == "forhandsvisa":
        inlasning = InlasningForm(request.POST, installningar=installningar, blad=blad)
        if inlasning.is_valid():
            ny = inlasning.som_installningar()
            if ny.blad != installningar.blad and ny.rubrikrad == installningar.rubrikrad:
                # Another sheet has its own title rows: find its header row again.
                ny.rubrikrad = importering.gissa_rubrikrad_i_blad(importfil.sokvag, ny.blad)
            installningar = ny
            importfil.installningar = installningar.som_dict()
            importfil.save(update_fields=["installningar"])
    sammanhang: dict[str, Any] = {
        "importfil": importfil,
        "inlasning": inlasning,
        "installningar": installningar,
    }
    try:
        forhandsvisning = importering.forhandsvisa(
            sokvag=importfil.sokvag, installningar=installningar
        )
    except (Filfel, UnicodeError) as fel:
        sammanhang["lasfel"] = str(fel)
        return render(request, "behov/import/mappning.html", sammanhang)
    kolumner = forhandsvisning.kolumner

    kontroll: importering.Kontroll | None = None
    ny_form = None
    if atgard == "importera":
        form = MappningForm(request.POST, kolumner=kolumner)
        if form.is_valid():
            mappningen = form.mappning
            importfil.mappning = mappningen.som_dict()
            importfil.fel, importfil.antal_fel = [], 0
            importfil.save(update_fields=["mappning", "fel", "antal_fel"])
            if form.cleaned_data.get("spara_mall"):
                Importmall.objects.create(
                    namn=form.cleaned_data["mall_namn"].strip(),
                    mappning=mappningen.som_dict(),
                    skapad_av=request.user,
                )
                messages.success(
                    request, f"Mappningen ”{form.cleaned_data['mall_namn'].strip()}” är sparad."
                )
            if importfil.storlek <= KONTROLL_I_SIDAN_MAX:
                try:
                    kontroll = importering.kontrollera(
                        sokvag=importfil.sokvag, installningar=installningar, mappning=mappningen
                    )
                except Filfel as fel:
                    form.add_error(None, str(fel))
                else:
                    if kontroll.ar_giltig:
                        return _starta_import(request, importfil)
                    importfil.fel = [[f.rad, f.kolumn, f.fel] for f in kontroll.fel]
                    importfil.antal_fel = kontroll.antal_fel
                    importfil.save(update_fields=["fel", "antal_fel"])
            else:
                return _starta_import(request, importfil)
        mappningen = Mappning.fran_dict(importfil.mappning)
    elif atgard == "ny_indikator":
        ny_form = NyIndikatorForm(request.POST)
        data = MappningForm.initial_fran_data(request.POST, kolumner)
        if ny_form.is_valid():
            indikator = importering.skapa_indikator(**ny_form.cleaned_data)
            messages.success(
                request,
                f"Indikatorn ”{indikator.namn}” är skapad. Kontrollera mappningen och importera.",
            )
            if data.get("indikator_satt") == "fast" and not data.get("indikator_kod"):
                data["indikator_kod"] = indikator.kod
            for nr, kolumn in enumerate(kolumner):
                if importering._normalisera(kolumn) == importering._normalisera(indikator.namn):
                    data[f"ind_kol_{nr}"] = indikator.kod
            ny_form = None
        form = MappningForm(initial=data, kolumner=kolumner)
        mappningen = Mappning.fran_dict(importfil.mappning)
    else:
        mall = None
        if request.GET.get("mall", "").isdigit():
            mall = Importmall.objects.filter(pk=int(request.GET["mall"])).first()
        if atgard == "forhandsvisa":
            initial = MappningForm.initial_fran_data(request.POST, kolumner)
            mappningen = Mappning.fran_dict(importfil.mappning)
        else:
            if mall is not None:
                mappningen = Mappning.fran_dict(mall.mappning)
                sammanhang["vald_mall"] = mall
            elif importfil.mappning:
                mappningen = Mappning.fran_dict(importfil.mappning)
            else:
                mappningen = importering.foresla_mappning(forhandsvisning=forhandsvisning)
            initial = MappningForm.initial_fran_mappning(mappningen, kolumner)
        form = MappningForm(initial=initial, kolumner=kolumner)

    okanda = kontroll.okanda_indikatorer if kontroll else []
    if ny_form is None:
        forslag = _namnforslag(mappningen, okanda)
        ny_form = NyIndikatorForm(initial={"namn": forslag, "enhet": "%" if "%" in forslag else ""})
    fel = kontroll.fel if kontroll else [importering.Radfel(*f) for f in importfil.fel]
    antal_fel = kontroll.antal_fel if kontroll else importfil.antal_fel
    sammanhang.update(
        {
            "forhandsvisning": forhandsvisning,
            "form": form,
            "ny_form": ny_form,
            "okanda_indikatorer": okanda,
            "fel": fel,
            "antal_fel": antal_fel,
            "mallar": Importmall.objects.all(),
            "oppna_ny_indikator": bool(okanda or ny_form.errors or ny_form.initial.get("namn")),
        }
    )
    return render(request, "behov/import/mappning.html", sammanhang)


def _starta_import(request: HttpRequest, importfil: Importfil) -> HttpResponse:
    jobb = Bakgrundsjobb.objects.create(
        titel=f"Import av {importfil.filnamn}", skapad_av=request.user
    )
    # Enqueue only once the job row is committed, so the worker always finds it.
    transaction.on_commit(lambda: _koa(jobb, importfil))
    messages.info(
        request,
        f"{importfil.filnamn} importeras i bakgrunden. När jobbet är klart syns importen under "
        "Behov → Importera data, där den också kan ångras.",
    )
    return redirect("natverken:jobb", pk=jobb.pk)


def _koa(jobb: Bakgrundsjobb, importfil: Importfil) -> None:
    resultat = importera_fil.enqueue(jobb_id=jobb.pk, importfil_id=str(importfil.pk))
    Bakgrundsjobb.objects.filter(pk=jobb.pk).update(task_id=str(resultat.id))


@require_GET
@kraver_roll(Roll.TJANSTEPERSON)
def fel(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    importfil = hamta_importfil(request, pk)
    return render(
        request,
        "behov/import/fel.html",
        {
            "importfil": importfil,
            "fel": [importering.Radfel(*f) for f in importfil.fel],
            "antal_fel": importfil.antal_fel,
        },
    )


@require_POST
@kraver_roll(Roll.TJANSTEPERSON)
def angra(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(Importbatch, pk=pk)
    try:
        borttagna, aterstallda = importering.angra(batch=batch, anvandare=request.user)
    except importering.AngraVagrad as fel:
        messages.error(request, str(fel))
    else:
        messages.success(
            request,
            f"Importen av {batch.filnamn} är ångrad: {importering.tusental(borttagna)} värden "
            f"borttagna och {importering.tusental(aterstallda)} återställda till det de var före.",
        )
    return redirect("behov:import")
