"""The commissions of the demo region, made from each year's decided priorities with the same
services the app uses, so goals, budgets and history are what the app would have written.
2025's are finished, 2026's are running (one was changed after the decision into a second
version), and 2027's are on their way: decided, for decision, in dialogue with a thread of
comments, a draft, and one need in the upper part the body decided not to commission.

The history rows are dated to when each step happened in the demo's story (not to when the
demo was built) and carry the user who took the step. Idempotent: a second run creates
nothing and writes no history rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from natverken.demo import hsn
from natverken.models import Utforare
from prioritering.models import Prioriteringsobjekt, Prioriteringsomgang
from uppdrag import services
from uppdrag.models import (
    Avstaende,
    Mal,
    Milstolpe,
    Uppdrag,
    Uppdragskommentar,
    Uppfoljningsplan,
)
from uppdrag.tasks import forbered_budgetunderlag

U = Uppdrag
S = Uppdrag.Status
AVSTAR = "avstar"  # in UPPDRAGSAR: the body decided not to commission this need
# Needs group -> (title, kind of effort, provider, partner principal or "")
UPPDRAGSMALL = {
    "Äldre multisjuka 75+": (
        "Mobila team för multisjuka äldre",
        U.Insatstyp.OMVARDNAD,
        "Närsjukhuset Norrby",
        "Kommunerna i Region Exempel",
    ),
    "Barn och unga 13–24 med psykisk ohälsa": (
        "Första linjen för unga",
        U.Insatstyp.BEHANDLING,
        "Psykiatrin Region Exempel",
        "",
    ),
    "Personer med diabetes typ 2": (
        "Strukturerad diabetesvård i primärvården",
        U.Insatstyp.BEHANDLING,
        "Primärvården Region Exempel",
        "",
    ),
    "Boende i socioekonomiskt utsatta områden": (
        "Hälsofrämjande arbete i Söderby och Sjöbacka",
        U.Insatstyp.HALSOFRAMJANDE,
        "Folkhälsoenheten",
        "Söderby kommun",
    ),
    "Personer med hjärt-kärlsjukdom": (
        "Blodtrycksmottagningar i primärvården",
        U.Insatstyp.FOREBYGGANDE,
        "Vårdcentralen Söderby AB",
        "",
    ),
    "Personer med missbruk och beroende": (
        "Gemensam beroendemottagning",
        U.Insatstyp.BEHANDLING,
        "Psykiatrin Region Exempel",
        "Exempelstads kommun",
    ),
    "Små barn och deras familjer": (
        "Utökade hembesök i barnhälsovården",
        U.Insatstyp.FOREBYGGANDE,
        "Primärvården Region Exempel",
        "",
    ),
}
# Planning year -> (decision date and § for the commissions, what each place 1.. got)
UPPDRAGSAR = {
    2025: (dt.date(2024, 10, 15), "§ 91", [S.AVSLUTAD] * 4),
    2026: (dt.date(2025, 10, 14), "§ 95", [S.PAGAR] * 4),
    2027: (
        dt.date(2026, 10, 20),
        "§ 97",
        [S.BESLUTAD, S.BESLUTAD, AVSTAR, S.FOR_BESLUT, S.DIALOG, S.UTKAST],
    ),
}
FREKVENS = [
    Uppfoljningsplan.Frekvens.TERTIAL,
    Uppfoljningsplan.Frekvens.TERTIAL,
    Uppfoljningsplan.Frekvens.HALVAR,
    Uppfoljningsplan.Frekvens.TERTIAL,
    Uppfoljningsplan.Frekvens.AR,
    Uppfoljningsplan.Frekvens.HALVAR,
]
AVSTAENDE_SKAL = (
    "Nämnden ger inget eget uppdrag för behovet 2027. Det möts i stället av det sociala "
    "hållbarhetsprogram som regionstyrelsen och Söderby och Sjöbacka kommuner driver "
    "tillsammans 2027–2029; ett parallellt uppdrag skulle dubblera insatserna. Nämnden följer "
    "hälsogapet i årsuppföljningen och prövar frågan igen inför 2028."
)
# The commission that was changed after its decision, and how.
ANDRAD = (
    "Strukturerad diabetesvård i primärvården 2026",
    dt.datetime(2026, 4, 14, 15, 0),
    Decimal(1_500),
    "Nämnden beslutade 14 april 2026 om ett tilläggsanslag på 1\u00a0500 tkr för fler "
    "diabetessjuksköterskor i Söderby och Sjöbacka. Målåret för HbA1c-målet flyttas fram ett "
    "år eftersom rekryteringen har dröjt.",
)
# The dialogue on 2027's draft in dialogue, and a short exchange on a decided commission.
# (title, [(username, when, text)])
DIALOGER = [
    (
        "Strukturerad diabetesvård i primärvården 2027",
        [
            (
                "utforare",
                dt.datetime(2026, 11, 9, 10, 12),
                "Vi ser gärna uppdraget. Målvärdet för diabetes till 2030 är rimligt för regionen "
                "som helhet men svårt i Söderby och Sjöbacka utan fler diabetessjuksköterskor. "
                "Kan vi prioritera de vårdcentralerna först?",
            ),
            (
                "tjansteperson",
                dt.datetime(2026, 11, 11, 14, 40),
                "Ja, börja i Söderby och Sjöbacka: där är gapet störst. Budgeten följer "
                "nämndens resursfördelning och ändras inte i dialogen, men milstolpen för "
                "utbildningen kan flyttas till maj om ni behöver.",
            ),
            (
                "utforare",
                dt.datetime(2026, 11, 18, 8, 55),
                "Då flyttar vi utbildningen till maj. Vi föreslår att vi rapporterar per "
                "halvår i stället för per tertial; de första effekterna syns inte förrän "
                "efter sommaren.",
            ),
        ],
    ),
    (
        "Första linjen för unga 2027",
        [
            (
                "utforare2",
                dt.datetime(2026, 9, 8, 13, 20),
                "Vi behöver samarbeta med elevhälsan i kommunerna för att nå de 13–15-åriga. "
                "Kan det skrivas in i beskrivningen?",
            ),
            (
                "tjansteperson",
                dt.datetime(2026, 9, 10, 9, 5),
                "Det är inskrivet: samverkan med elevhälsan är en del av insatsen. Uppdraget "
                "går till nämnden i oktober.",
            ),
        ],
    ),
]

HISTORIK = [
    m.history.model
    for m in (Uppdrag, Mal, Milstolpe, Uppfoljningsplan, Uppdragskommentar, Avstaende)
]


def _tid(datum: dt.date | dt.datetime, klocka: int = 9) -> dt.datetime:
    if not isinstance(datum, dt.datetime):
        datum = dt.datetime.combine(datum, dt.time(klocka))
    return timezone.make_aware(datum)


@contextmanager
def daterat(nar: dt.datetime, vem) -> Iterator[None]:  # noqa: ANN001
    """Date the history rows written inside the block to `nar`, by `vem`: the demo tells a
    story over years, while the rows are written today."""
    fore = {m: m.objects.aggregate(x=Max("history_id"))["x"] or 0 for m in HISTORIK}
    yield
    for modell, sista in fore.items():
        modell.objects.filter(history_id__gt=sista).update(history_date=nar, history_user=vem)


def _stegdatum(ar: int, status: str, beslutsdatum: dt.date) -> dict[str, dt.datetime]:
    """When each step of a commission for year `ar` happened."""
    tider = {
        "skapat": _tid(dt.date(ar - 1, 8, 20)),
        S.DIALOG: _tid(dt.date(ar - 1, 9, 2)),
        S.FOR_BESLUT: _tid(dt.date(ar - 1, 10, 1)),
        S.BESLUTAD: _tid(beslutsdatum, 14),
        S.PAGAR: _tid(dt.date(ar, 1, 2)),
        S.AVSLUTAD: _tid(dt.date(ar + 1, 2, 10)),
    }
    if ar == 2027 and status == S.DIALOG:  # formulated after the October decisions
        tider.update(skapat=_tid(dt.date(2026, 10, 26)), **{S.DIALOG: _tid(dt.date(2026, 11, 5))})
    if ar == 2027 and status == S.FOR_BESLUT:  # goes to the December meeting
        tider[S.FOR_BESLUT] = _tid(dt.date(2026, 11, 16))
    if ar == 2027 and status == S.UTKAST:
        tider["skapat"] = _tid(dt.date(2026, 11, 19))
    return tider


def _skapa(
    obj: Prioriteringsobjekt,
    status: str,
    frekvens: str,
    beslutsdatum: dt.date,
    paragraf: str,
    anvandare: dict,
) -> Uppdrag:
    ar = obj.omgang.planeringsar.ar
    titel, insats, utforarnamn, samverkan = UPPDRAGSMALL[obj.behovsgrupp.namn]
    tider = _stegdatum(ar, status, beslutsdatum)
    tjp, fv = anvandare["tjansteperson"], anvandare["fortroendevald"]
    uppdrag = Uppdrag(
        titel=f"{titel} {ar}",
        insatstyp=insats,
        utforare=Utforare.objects.get(namn=utforarnamn),
        huvudman=U.Huvudman.SAMVERKAN if samverkan else U.Huvudman.EGEN,
        samverkanspart=samverkan,
        langsiktigt_mal=(
            f"Minska hälsogapet för {obj.behovsgrupp.namn.lower()} till den nivå nämnden beslutat."
        ),
        beskrivning=obj.atgard,
        start=dt.date(ar, 1, 1),
        slut=dt.date(ar, 12, 31),
    )
    with daterat(tider["skapat"], tjp):
        # Baselines as the data stood when the commission was written (the year before).
        services.skapa_fran_prioriteringar(uppdrag=uppdrag, objekt=[obj], baslinje_fore_ar=ar - 1)
        Mal.objects.create(
            uppdrag=uppdrag,
            beskrivning="Insatsen är införd på alla berörda enheter",
            niva=Mal.Niva.AKTIVITET,
        )
        Mal.objects.create(
            uppdrag=uppdrag,
            beskrivning="Minst 60 % av målgruppen har nåtts av insatsen",
            niva=Mal.Niva.RESULTAT,
        )
        for manad, text in (
            (3, "Arbetsgrupp och plan klara"),
            (6, "Insatsen startad på alla enheter"),
            (11, "Utvärdering av första året"),
        ):
            Milstolpe.objects.create(
                uppdrag=uppdrag, datum=dt.date(ar, manad, 28), beskrivning=text
            )
        if status not in {S.DIALOG, S.UTKAST}:
            plan = Uppfoljningsplan.objects.create(
                uppdrag=uppdrag,
                frekvens=frekvens,
                rapportor=f"Verksamhetschef, {utforarnamn}",
                klart_nar="Alla milstolpar är nådda och effektmålen följs upp mot beslutat målvärde.",
            )
            plan.mal.set(uppdrag.mal.all())
    ordning = U.ORDNING[1 : U.ORDNING.index(status) + 1]
    for steg in ordning:
        uppdrag.refresh_from_db()
        if steg == S.AVSLUTAD:
            _bocka_av(uppdrag, anvandare["utforare"], fore=dt.date(ar + 1, 1, 1))
        with daterat(tider[steg], fv if steg == S.BESLUTAD else tjp):
            if steg == S.BESLUTAD:
                services.besluta(
                    uppdrag=uppdrag,
                    anvandare=fv,
                    organ=hsn(),
                    datum=beslutsdatum,
                    paragraf=paragraf,
                )
            else:
                services.byt_status(uppdrag=uppdrag, till=steg)
    if status == S.PAGAR:
        # The demo's "now" is late November 2026: the first half's milestones are reached.
        _bocka_av(uppdrag, anvandare["utforare"], fore=dt.date(ar, 7, 1))
    uppdrag.refresh_from_db()
    return uppdrag


def _bocka_av(uppdrag: Uppdrag, vem, *, fore: dt.date) -> None:  # noqa: ANN001
    """The provider ticks off each milestone on its date, while the commission runs."""
    for milstolpe in uppdrag.milstolpar.filter(klar__isnull=True, datum__lt=fore):
        with daterat(_tid(milstolpe.datum, 16), vem):
            services.markera_milstolpe_klar(milstolpe=milstolpe, datum=milstolpe.datum)


def _ny_version(uppdrag: Uppdrag, nar: dt.datetime, tillagg: Decimal, skal: str, vem) -> None:  # noqa: ANN001
    mal = uppdrag.mal.filter(indikator__isnull=False).order_by("pk").first()
    uppdrag.budget_tkr += tillagg
    if mal is not None and mal.maldatum:
        mal.maldatum = mal.maldatum.replace(year=mal.maldatum.year + 1)
    with daterat(_tid(nar), vem):
        services.spara_ny_version(uppdrag=uppdrag, mal=[mal] if mal else [], skal=skal)


def bygg(stdout) -> None:  # noqa: ANN001
    User = get_user_model()
    anvandare = {
        u.username: u
        for u in User.objects.filter(
            username__in=["tjansteperson", "fortroendevald", "utforare", "utforare2"]
        )
    }
    for ar, (datum, paragraf, statusar) in UPPDRAGSAR.items():
        omgang = (
            Prioriteringsomgang.objects.filter(
                planeringsar__ar=ar, status=Prioriteringsomgang.Status.BESLUTAD
            )
            .order_by("-revision")
            .first()
        )
        if omgang is None:
            continue
        objekten = list(
            omgang.objekt.filter(placering__lte=len(statusar))
            .select_related("behovsgrupp", "omgang__planeringsar", "resursfordelning")
            .order_by("placering")
        )
        for obj, status, frekvens in zip(objekten, statusar, FREKVENS, strict=False):
            if status == AVSTAR:
                if not Avstaende.objects.filter(objekt=obj).exists():
                    with daterat(_tid(datum, 14), anvandare["fortroendevald"]):
                        services.avsta(
                            objekt=obj,
                            motivering=AVSTAENDE_SKAL,
                            anvandare=anvandare["fortroendevald"],
                            organ=hsn(),
                            datum=datum,
                            paragraf=paragraf,
                        )
                continue
            titel = f"{UPPDRAGSMALL[obj.behovsgrupp.namn][0]} {ar}"
            if not Uppdrag.objects.filter(titel=titel, planeringsar=omgang.planeringsar).exists():
                _skapa(obj, status, frekvens, datum, paragraf, anvandare)

    titel, nar, tillagg, skal = ANDRAD
    andrad = Uppdrag.objects.filter(titel=titel).first()
    if andrad is not None and andrad.versionsnummer == 1 and andrad.status == S.PAGAR:
        _ny_version(andrad, nar, tillagg, skal, anvandare["tjansteperson"])

    for titel, kommentarer in DIALOGER:
        uppdrag = Uppdrag.objects.filter(titel=titel).first()
        if uppdrag is None or uppdrag.kommentarer.exists():
            continue
        for anvandarnamn, nar, text in kommentarer:
            vem = anvandare[anvandarnamn]
            with daterat(_tid(nar), vem):
                Uppdragskommentar.objects.create(
                    uppdrag=uppdrag,
                    forfattare=vem,
                    text=text,
                    skapad=_tid(nar),
                    roll="utforare" if anvandarnamn.startswith("utforare") else "tjansteperson",
                )
    # The budgetunderlag the council asks for next (the newest decided year): its charts are
    # drawn by the background worker once the demo is committed, as after a real decision.
    senaste = (
        Prioriteringsomgang.objects.filter(status=Prioriteringsomgang.Status.BESLUTAD)
        .order_by("-planeringsar__ar")
        .values_list("planeringsar__ar", flat=True)
        .first()
    )
    if senaste is not None:
        transaction.on_commit(lambda: forbered_budgetunderlag.enqueue(ar=senaste))
    stdout.write(
        f"Uppdrag: {Uppdrag.objects.count()} uppdrag, "
        f"{Uppdragskommentar.objects.count()} kommentarer i dialoger, "
        f"{Avstaende.objects.count()} beslut att avstå."
    )
