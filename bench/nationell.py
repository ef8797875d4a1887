"""National-scale benchmark: generate data, then time the main pages and count their queries.

    DEBUG=true .venv/bin/python bench/nationell.py [--skala 1.0] [--upprepningar 7]
    DEBUG=true .venv/bin/python bench/nationell.py --bara-sidor   # measure again, same data

Works in its own database (`<name>_bench` on the same server), never the demo's. It builds the
demo region (users, years, analyses, rounds, commissions), then adds by COPY indicator values
for every area (Sweden's 311 and the demo region's parts) × 300 indicators × 15 years × T/K/M
(≈ 4.3 million at --skala 1), and 60 needs groups with an analysis per planning year (5 gaps
each, sources, a dialogue), their needs in every priority round (assessment, resources, each
member's ranking) and two commissions per decided need (goals, milestones, follow-up plan,
reports with goal status). It prints, per page: the median server time of several requests
(wall and CPU) beside a bare view that renders the base template with no queries of its own
(the framework floor), and the SQL query count at 0.1× and 1× the data. A page whose query
count grows with the data is a defect.
Prints a table; it is a script, not a test.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "natverken.settings")
os.environ.setdefault("DEBUG", "true")

ANTAL_INDIKATORER = 300
AR = range(2011, 2026)
ANTAL_GRUPPER = 60  # extra needs groups at --skala 1: a large region's analyses per year
GAP_PER_ANALYS = 5
UPPDRAG_PER_BEHOV = 2
GOLV = "Golv (bas-mall, inga frågor)"


def bench_databas() -> tuple[str, str, dict]:
    """The benchmark database beside the configured one: (its URL, its name, how to reach the
    server's `postgres` database to create or drop it)."""
    import dj_database_url

    # Not via natverken.settings: importing it now would fix the database before we switch.
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        from natverken.lib.inbaddad_pg import uri

        url = uri()
    inst = dj_database_url.parse(url)
    namn = f"{inst['NAME']}_bench"
    kopplingsdata = {"dbname": "postgres", "user": inst["USER"], "autocommit": True}
    if inst.get("HOST"):
        kopplingsdata["host"] = inst["HOST"]
    elif inst.get("OPTIONS", {}).get("host"):
        kopplingsdata["host"] = inst["OPTIONS"]["host"]
    if inst.get("PORT"):
        kopplingsdata["port"] = inst["PORT"]
    if inst.get("PASSWORD"):
        kopplingsdata["password"] = inst["PASSWORD"]
    return url.replace(f"/{inst['NAME']}", f"/{namn}", 1), namn, kopplingsdata


def forbered_databas() -> str:
    """Point Django at a separate benchmark database, created fresh."""
    import psycopg

    url, namn, kopplingsdata = bench_databas()
    with psycopg.connect(**kopplingsdata) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{namn}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{namn}"')
    os.environ["DATABASE_URL"] = url
    return namn


def generera_varden(andel: float) -> int:
    """COPY indicator values for every area: `andel` of the indicators (1.0 = 300)."""
    import random

    from django.db import connection

    from behov.models import Importbatch, Indikator, Polaritet
    from natverken.models import Omrade

    slump = random.Random(311)
    antal_ind = max(1, int(ANTAL_INDIKATORER * andel))
    befintliga = Indikator.objects.filter(kod__startswith="NAT-").count()
    Indikator.objects.bulk_create(
        Indikator(
            kod=f"NAT-{i:03d}",
            namn=f"Nationell indikator {i}",
            enhet="%",
            polaritet=Polaritet.LAGRE_BATTRE if i % 2 else Polaritet.HOGRE_BATTRE,
            kalla="Benchmarkdata",
        )
        for i in range(befintliga, antal_ind)
    )
    indikatorer = list(
        Indikator.objects.filter(kod__startswith="NAT-").order_by("kod")[befintliga:antal_ind]
    )
    omraden = list(Omrade.objects.values_list("pk", flat=True))
    batch = Importbatch.objects.create(filnamn=f"benchmark-{andel}", beskrivning="Genererad")
    rader = 0
    with (
        connection.cursor() as cursor,
        cursor.copy(
            "COPY behov_matvarde (indikator_id, omrade_id, period_start, period_slut, period, kon, "
            "varde, ki_lag, ki_hog, batch_id) FROM STDIN"
        ) as copy,
    ):
        for ind in indikatorer:
            bas = slump.uniform(5, 80)
            buf = io.StringIO()
            for omrade in omraden:
                niva = bas + slump.uniform(-5, 5)
                for ar in AR:
                    for kon in ("T", "K", "M"):
                        v = niva + slump.gauss(0, 1) + (ar - AR.start) * 0.1
                        buf.write(
                            f"{ind.pk}\t{omrade}\t{ar}-01-01\t{ar}-12-31\t{ar}\t{kon}\t"
                            f"{v:.2f}\t{v - 1.5:.2f}\t{v + 1.5:.2f}\t{batch.pk}\n"
                        )
                        rader += 1
            copy.write(buf.getvalue())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE behov_matvarde")
    return rader


def generera_organisation(andel: float) -> dict[str, int]:
    """Needs groups with an analysis per planning year (gaps on the national indicators,
    sources, dialogues), their needs in every priority round (assessment, resources, a
    place in each member's ranking), and for the decided rounds commissions with goals,
    milestones, follow-up plans and reports with goal status. Up to `andel` of
    ANTAL_GRUPPER, on top of what already exists: the demo region's story stays as it is.
    Bulk-created (no history rows): the pages read the current state."""
    import datetime as dt
    import random
    from decimal import Decimal

    from django.contrib.auth import get_user_model
    from django.db.models import Max

    from behov.models import (
        Behovsanalys,
        Behovsgrupp,
        Datakalla,
        Dialog,
        Halsogap,
        Indikator,
        Polaritet,
    )
    from natverken.models import Omrade, Planeringsar, Utforare
    from prioritering.models import (
        Bedomning,
        Prioriteringsobjekt,
        Prioriteringsomgang,
        Rangordning,
        Rangplats,
        Resursfordelning,
    )
    from uppdrag.models import Mal, Milstolpe, Uppdrag, Uppfoljningsplan
    from uppfoljning.models import Aterrapport, Framdrift, Malstatus
    from uppfoljning.rapportering import senast_for

    slump = random.Random(2026)
    mal_antal = max(1, round(ANTAL_GRUPPER * andel))
    befintliga = Behovsgrupp.objects.filter(namn__startswith="Nationell behovsgrupp").count()
    nya = range(befintliga, mal_antal)
    if not nya:
        return {}
    omraden = list(Omrade.objects.exclude(typ=Omrade.Typ.DELOMRADE).values_list("pk", flat=True))
    indikatorer = list(Indikator.objects.filter(kod__startswith="NAT-").order_by("kod"))
    grupper = Behovsgrupp.objects.bulk_create(
        Behovsgrupp(
            namn=f"Nationell behovsgrupp {i:03d}",
            slag=(Behovsgrupp.Slag.BEFOLKNINGSGRUPP, Behovsgrupp.Slag.SJUKDOMSGRUPP)[i % 2],
            beskrivning="Genererad behovsgrupp för mätningar i nationell skala.",
            alder_fran=18,
            uppskattat_antal=slump.randint(500, 50_000),
            kriterier="Genererade kriterier.",
        )
        for i in nya
    )
    ar_lista = list(Planeringsar.objects.filter(omgangar__isnull=False).distinct().order_by("ar"))
    # Targets decided in the body's existing target decision of the year (the demo's).
    malbeslut = {
        g["analys__planeringsar__ar"]: g["malbeslut"]
        for g in Halsogap.objects.filter(malbeslut__isnull=False).values(
            "analys__planeringsar__ar", "malbeslut"
        )
    }
    analyser: dict[tuple[int, int], Behovsanalys] = {}
    for planeringsar in ar_lista:
        for grupp in grupper:
            analyser[(grupp.pk, planeringsar.ar)] = Behovsanalys(
                behovsgrupp=grupp,
                planeringsar=planeringsar,
                status=Behovsanalys.Status.KLAR,
                foregaende=analyser.get((grupp.pk, planeringsar.ar - 1)),
                halsolage="Genererat hälsoläge. " * 20,
                slutsats="Genererad slutsats. " * 10,
            )
        Behovsanalys.objects.bulk_create([analyser[(g.pk, planeringsar.ar)] for g in grupper])
    gap: list[Halsogap] = []
    kallor: list[Datakalla] = []
    dialoger: list[Dialog] = []
    for (_, ar), analys in analyser.items():
        beslut_id = malbeslut.get(ar) or malbeslut.get(ar - 1)
        for ind in slump.sample(indikatorer, min(GAP_PER_ANALYS, len(indikatorer))):
            aktuellt = round(slump.uniform(10, 80), 1)
            steg = aktuellt * 0.1 * (1 if ind.polaritet == Polaritet.HOGRE_BATTRE else -1)
            gap.append(
                Halsogap(
                    analys=analys,
                    indikator=ind,
                    omrade_id=slump.choice(omraden),
                    aktuellt_varde=aktuellt,
                    aktuell_period=str(ar - 2),
                    foreslaget_mal=round(aktuellt + steg, 1),
                    foreslaget_malar=ar + 3,
                    beslutat_mal=round(aktuellt + steg, 1) if beslut_id else None,
                    beslutat_malar=ar + 3 if beslut_id else None,
                    malbeslut_id=beslut_id,
                    optimalt_varde=round(aktuellt + 2 * steg, 1),
                    ar_vardbehov=True,
                    vardbehov_motivering="Genererad motivering.",
                )
            )
        kallor += [
            Datakalla(
                analys=analys, slag=slag, beskrivning="Genererad källa.", brister="Inga kända."
            )
            for slag in (Datakalla.Slag.REGISTERDATA, Datakalla.Slag.SJALVSKATTNING)
        ]
        dialoger.append(
            Dialog(
                analys=analys,
                datum=dt.date(ar - 1, 3, 10),
                med_vilka="Patientföreningar",
                metod="fokusgrupp",
                antal_deltagare=12,
                sammanfattning="Genererad sammanfattning.",
            )
        )
    Halsogap.objects.bulk_create(gap)
    Datakalla.objects.bulk_create(kallor)
    Dialog.objects.bulk_create(dialoger)
    gap_per_analys: dict[int, list[Halsogap]] = {}
    for g in gap:
        gap_per_analys.setdefault(g.analys_id, []).append(g)

    # Every round of the year gets the groups' needs, after the demo's own.
    objekt: list[Prioriteringsobjekt] = []
    per_omgang: dict[int, list[Prioriteringsobjekt]] = {}
    omgangar = list(Prioriteringsomgang.objects.select_related("planeringsar"))
    for omgang in omgangar:
        sista = omgang.objekt.aggregate(m=Max("placering"))["m"] or 0
        decided = omgang.status != Prioriteringsomgang.Status.RANGORDNING
        for nr, grupp in enumerate(grupper, start=sista + 1):
            obj = Prioriteringsobjekt(
                omgang=omgang,
                behovsgrupp=grupp,
                rubrik=f"Behov hos {grupp.namn.lower()}",
                atgard="Genererad åtgärd.",
                atgardskostnad_tkr=Decimal(slump.randint(5, 80) * 100),
                placering=nr if decided else None,
                princip=Prioriteringsobjekt.Princip.BEHOV_SOLIDARITET if decided else "",
                motivering="Genererad motivering." if decided else "",
            )
            obj._analys = analyser[(grupp.pk, omgang.planeringsar.ar)]
            objekt.append(obj)
            per_omgang.setdefault(omgang.pk, []).append(obj)
    Prioriteringsobjekt.objects.bulk_create(objekt)
    Genom = Prioriteringsobjekt.halsogap.through
    Genom.objects.bulk_create(
        Genom(prioriteringsobjekt_id=o.pk, halsogap_id=g.pk)
        for o in objekt
        for g in gap_per_analys[o._analys.pk]
    )
    Bedomning.objects.bulk_create(
        Bedomning(
            objekt=o,
            svarighetsgrad=Bedomning.Svarighetsgrad.values[o.pk % 3],
            nytta=Bedomning.Nytta.values[o.pk % 3],
            kostnad=Bedomning.Kostnad.values[o.pk % 3],
            evidens=Bedomning.Evidens.values[o.pk % 4],
            antal_berorda=o.behovsgrupp.uppskattat_antal,
            prioritetsgrad=o.pk % 10 + 1,
            avvikelse_motivering="Genererad.",
        )
        for o in objekt
    )
    omgang_per_pk = {o.pk: o for o in omgangar}
    Resursfordelning.objects.bulk_create(
        Resursfordelning(
            objekt=o,
            belopp_tkr=Decimal(slump.randint(1, 40) * 100),
            typ=Resursfordelning.Typ.PRIORITERA,
            beslut_id=omgang_per_pk[o.omgang_id].beslut_id,
        )
        for o in objekt
        if o.placering is not None
    )
    platser = []
    for rang in Rangordning.objects.filter(omgang_id__in=per_omgang):
        sista = rang.platser.aggregate(m=Max("plats"))["m"] or 0
        ordning = per_omgang[rang.omgang_id][:]
        slump.shuffle(ordning)
        platser += [
            Rangplats(rangordning=rang, objekt=o, plats=p)
            for p, o in enumerate(ordning, start=sista + 1)
        ]
    Rangplats.objects.bulk_create(platser)

    # Commissions from the current decided rounds: finished, running or decided by year.
    utforare = list(Utforare.objects.order_by("pk"))
    User = get_user_model()
    rapportor = User.objects.get(username="utforare")
    granskare = User.objects.get(username="tjansteperson")
    idag = dt.date(2026, 11, 23)
    status_for = {2025: Uppdrag.Status.AVSLUTAD, 2026: Uppdrag.Status.PAGAR}
    uppdrag: list[Uppdrag] = []
    for o in objekt:
        omgang = omgang_per_pk[o.omgang_id]
        if omgang.status != Prioriteringsomgang.Status.BESLUTAD:
            continue
        ar = omgang.planeringsar.ar
        beslut_id = (
            Uppdrag.objects.filter(planeringsar__ar=ar, beslut__isnull=False)
            .values_list("beslut", flat=True)
            .first()
        )
        for n in range(UPPDRAG_PER_BEHOV):
            status = status_for.get(ar, Uppdrag.Status.BESLUTAD)
            u = Uppdrag(
                planeringsar=omgang.planeringsar,
                titel=f"{o.rubrik} – insats {n + 1} {ar}",
                insatstyp=Uppdrag.Insatstyp.values[(o.pk + n) % 6],
                utforare=utforare[(o.pk + n) % len(utforare)],
                langsiktigt_mal="Genererat långsiktigt mål.",
                beskrivning="Genererad beskrivning.",
                budget_tkr=Decimal(slump.randint(5, 60) * 100),
                start=dt.date(ar, 1, 1),
                slut=dt.date(ar, 12, 31),
                status=status if beslut_id else Uppdrag.Status.UTKAST,
                beslut_id=beslut_id,
            )
            u._objekt = o
            uppdrag.append(u)
    Uppdrag.objects.bulk_create(uppdrag)
    UGenom = Uppdrag.prioriteringsobjekt.through
    UGenom.objects.bulk_create(
        UGenom(uppdrag_id=u.pk, prioriteringsobjekt_id=u._objekt.pk) for u in uppdrag
    )
    mal: list[Mal] = []
    milstolpar: list[Milstolpe] = []
    for u in uppdrag:
        ar = u.planeringsar.ar
        for g in gap_per_analys[u._objekt._analys.pk][:3]:
            mal.append(
                Mal(
                    uppdrag=u,
                    beskrivning=f"Nå målet för {g.indikator.namn.lower()}",
                    niva=Mal.Niva.EFFEKT,
                    indikator=g.indikator,
                    omrade_id=g.omrade_id,
                    halsogap=g,
                    baslinje_varde=g.aktuellt_varde,
                    baslinje_period=g.aktuell_period,
                    malvarde=g.malvarde,
                    maldatum=dt.date(ar + 3, 12, 31),
                )
            )
        mal.append(Mal(uppdrag=u, beskrivning="Insatsen är införd", niva=Mal.Niva.AKTIVITET))
        milstolpar += [
            Milstolpe(
                uppdrag=u,
                datum=dt.date(ar, manad, 28),
                beskrivning=f"Milstolpe {manad}",
                klar=dt.date(ar, manad, 28) if dt.date(ar, manad, 28) < idag else None,
            )
            for manad in (3, 6, 11)
        ]
    Mal.objects.bulk_create(mal)
    Milstolpe.objects.bulk_create(milstolpar)
    planer = Uppfoljningsplan.objects.bulk_create(
        Uppfoljningsplan(
            uppdrag=u,
            frekvens=Uppfoljningsplan.Frekvens.TERTIAL,
            rapportor="Verksamhetschef",
            klart_nar="Alla milstolpar nådda.",
        )
        for u in uppdrag
    )
    mal_per_uppdrag: dict[int, list[Mal]] = {}
    for m in mal:
        mal_per_uppdrag.setdefault(m.uppdrag_id, []).append(m)
    PGenom = Uppfoljningsplan.mal.through
    PGenom.objects.bulk_create(
        PGenom(uppfoljningsplan_id=p.pk, mal_id=m.pk)
        for p in planer
        for m in mal_per_uppdrag[p.uppdrag_id]
    )
    rapporter: list[Aterrapport] = []
    R = Aterrapport.Rapportstatus
    for u in uppdrag:
        if u.status not in (Uppdrag.Status.PAGAR, Uppdrag.Status.AVSLUTAD):
            continue
        ar = u.planeringsar.ar
        for nr, manad in enumerate((4, 8, 12), start=1):
            senast = senast_for(ar, manad)
            inne = senast < idag
            rapporter.append(
                Aterrapport(
                    uppdrag=u,
                    period=f"{ar} T{nr}",
                    senast=senast,
                    rapportstatus=R.GODKAND if inne else R.VANTAR,
                    framdrift=Framdrift.ENLIGT_PLAN if inne else "",
                    sammanfattning="Genererad återrapport." if inne else "",
                    inlamnad=dt.datetime(ar, manad, 28, 12, tzinfo=dt.UTC) if inne else None,
                    inlamnad_av=rapportor if inne else None,
                    granskad_av=granskare if inne else None,
                    granskad=dt.datetime(ar, manad, 28, 15, tzinfo=dt.UTC) if inne else None,
                )
            )
    Aterrapport.objects.bulk_create(rapporter)
    Malstatus.objects.bulk_create(
        Malstatus(rapport=r, mal=m, framdrift=r.framdrift, kommentar="Enligt plan.")
        for r in rapporter
        if r.rapportstatus == R.GODKAND
        for m in mal_per_uppdrag[r.uppdrag_id]
    )
    return {
        "behovsgrupper": len(grupper),
        "behovsanalyser": len(analyser),
        "hälsogap": len(gap),
        "prioriteringsobjekt": len(objekt),
        "uppdrag": len(uppdrag),
        "mål": len(mal),
        "återrapporter": len(rapporter),
    }


def matt(klient, url: str, upprepningar: int) -> tuple[float, float, int]:
    """Median wall time and median CPU time of this process (ms), and the query count. On a
    shared machine the wall time includes waiting for a core; the CPU time does not (nor
    PostgreSQL's own time), so it is the steadier of the two."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    klient.get(url)  # warm caches and the session
    tider, cpu = [], []
    fragor = 0
    for _ in range(upprepningar):
        with CaptureQueriesContext(connection) as ctx:
            start, start_cpu = time.perf_counter(), time.process_time()
            svar = klient.get(url)
            tider.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        if svar.status_code != 200:
            raise SystemExit(f"{url} gav {svar.status_code}")
        fragor = len(ctx)
    return statistics.median(tider) * 1000, statistics.median(cpu) * 1000, fragor


def sidor() -> list[tuple[str, str]]:
    from behov.models import Behovsanalys, Indikator
    from prioritering.models import Prioriteringsomgang
    from uppdrag.models import Uppdrag

    analys = Behovsanalys.objects.filter(planeringsar__ar=2027).first()
    indikator = Indikator.objects.filter(kod__startswith="NAT-").first()
    omgang = Prioriteringsomgang.objects.get(planeringsar__ar=2027, revision=1)
    uppdrag = Uppdrag.objects.filter(planeringsar__ar=2026, status=Uppdrag.Status.PAGAR).first()
    return [
        (GOLV, "/bench-golv/"),
        ("Start", "/?ar=2027"),
        ("Årshjulet", "/arshjul/?ar=2027"),
        ("Behov", "/behov/?ar=2027"),
        ("Behovsanalys", f"/behov/analyser/{analys.pk}/"),
        ("Indikatorkatalog", "/behov/indikatorer/"),
        ("Indikator (311 områden)", f"/behov/indikatorer/{indikator.pk}/?omrade=1"),
        ("Prioritering", "/prioritering/?ar=2027"),
        ("Prioriteringsomgång", f"/prioritering/omgang/{omgang.pk}/"),
        ("Uppdrag", "/uppdrag/?ar=2026"),
        ("Uppdrag, alla år", "/uppdrag/?ar=alla"),
        ("Ett uppdrag", f"/uppdrag/{uppdrag.pk}/"),
        ("Uppföljning", "/uppfoljning/?ar=2026"),
        ("Återrapporter", "/uppfoljning/rapporter/?ar=2026"),
        ("Öppna prioriteringar", "/offentligt/?ar=2027"),
    ]


def _lastmedel() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skala", type=float, default=1.0, help="andel av 300 indikatorer")
    parser.add_argument("--upprepningar", type=int, default=7)
    parser.add_argument(
        "--bara-sidor",
        action="store_true",
        help="mät sidorna igen i den databas en tidigare körning lämnade, utan att generera",
    )
    args = parser.parse_args()

    if args.bara_sidor:
        os.environ["DATABASE_URL"], namn, _ = bench_databas()
    else:
        namn = forbered_databas()
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ROOT_URLCONF = "bench.urls"
    settings.ALLOWED_HOSTS = ["*"]
    print(f"Databas: {namn}")
    klient = Client()
    if args.bara_sidor:
        klient.force_login(get_user_model().objects.get(username="tjansteperson"))
        print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, lastmedel {_lastmedel()}")
        print(
            f"{'Sida':<30} {'median (ms)':>12} {'× golvet':>9} {'CPU (ms)':>9} {'× golvet':>9} {'frågor':>7}"
        )
        matningar = [(etikett, *matt(klient, url, args.upprepningar)) for etikett, url in sidor()]
        golv, golv_cpu = matningar[0][1], matningar[0][2]
        for etikett, ms, cpu, fragor in matningar:
            print(
                f"{etikett:<30} {ms:>12.1f} {ms / golv:>9.1f} {cpu:>9.1f} {cpu / golv_cpu:>9.1f} "
                f"{fragor:>7}"
            )
        return
    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo", stdout=io.StringIO())
    print(f"Migrering och demoregion: {time.perf_counter() - t:.1f} s")

    klient.force_login(get_user_model().objects.get(username="tjansteperson"))
    resultat: dict[str, list] = {}
    for steg, andel in (("0,1×", args.skala * 0.1), ("1×", args.skala)):
        t = time.perf_counter()
        rader = generera_varden(andel)
        from behov.models import Matvarde

        totalt = Matvarde.objects.count()
        print(
            f"{steg}: {rader:_} nya värden på {time.perf_counter() - t:.1f} s (totalt {totalt:_})".replace(
                "_", " "
            )
        )
        t = time.perf_counter()
        nytt = generera_organisation(andel)
        print(
            f"{steg}: organisationsdata på {time.perf_counter() - t:.1f} s: "
            + ", ".join(f"{antal} {vad}" for vad, antal in nytt.items())
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        for etikett, url in sidor():
            resultat.setdefault(etikett, []).append(matt(klient, url, args.upprepningar))
    golv, golv_cpu = resultat[GOLV][1][0], resultat[GOLV][1][1]
    print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, lastmedel {_lastmedel()}")
    print(
        f"{'Sida':<30} {'median 0,1× (ms)':>17} {'median 1× (ms)':>15} {'× golvet':>9} "
        f"{'CPU 1× (ms)':>12} {'× golvet':>9} {'frågor 0,1×':>12} {'frågor 1×':>10}  bedömning"
    )
    for etikett, ((ms01, _, f01), (ms, cpu, f1)) in resultat.items():
        kvot = ms / golv if golv else 0
        dom = (
            "ok"
            if f01 == f1 and kvot <= 2
            else ("frågorna växer" if f01 != f1 else "över 2× golvet")
        )
        print(
            f"{etikett:<30} {ms01:>17.1f} {ms:>15.1f} {kvot:>9.1f} {cpu:>12.1f} "
            f"{cpu / golv_cpu:>9.1f} {f01:>12} {f1:>10}  {dom}"
        )


if __name__ == "__main__":
    main()
