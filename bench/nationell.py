"""National-scale benchmark: generate data, then time the main pages and count their queries.

    DEBUG=true .venv/bin/python bench/nationell.py [--skala 1.0] [--upprepningar 7]

Works in its own database (`<name>_bench` on the same server), never the demo's. It builds the
demo region (users, years, analyses, rounds, commissions), then adds indicator values for all
311 areas × 300 indicators × 15 years × T/K/M (≈ 4.2 million at --skala 1) through COPY, and
prints, per page: the median server time of several requests beside a bare view that renders
the base template with no queries (the framework floor), and the SQL query count at 0.1× and
1× the data. A page whose query count grows with the data is a defect.
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


def forbered_databas() -> str:
    """Point Django at a separate benchmark database, created fresh."""
    import dj_database_url
    import psycopg

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
    with psycopg.connect(**kopplingsdata) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{namn}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{namn}"')
    os.environ["DATABASE_URL"] = url.replace(f"/{inst['NAME']}", f"/{namn}", 1)
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


def matt(klient, url: str, upprepningar: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    klient.get(url)  # warm caches and the session
    tider = []
    fragor = 0
    for _ in range(upprepningar):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            svar = klient.get(url)
            tider.append(time.perf_counter() - start)
        if svar.status_code != 200:
            raise SystemExit(f"{url} gav {svar.status_code}")
        fragor = len(ctx)
    return statistics.median(tider) * 1000, fragor


def sidor() -> list[tuple[str, str]]:
    from behov.models import Behovsanalys, Indikator

    analys = Behovsanalys.objects.filter(planeringsar__ar=2027).first()
    indikator = Indikator.objects.filter(kod__startswith="NAT-").first()
    return [
        ("Golv (bas-mall, inga frågor)", "/bench-golv/"),
        ("Start", "/?ar=2027"),
        ("Årshjulet", "/arshjul/?ar=2027"),
        ("Behov", "/behov/?ar=2027"),
        ("Behovsanalys", f"/behov/analyser/{analys.pk}/"),
        ("Indikatorkatalog", "/behov/indikatorer/"),
        ("Indikator (311 områden)", f"/behov/indikatorer/{indikator.pk}/?omrade=1"),
        ("Prioritering", "/prioritering/?ar=2027"),
        ("Uppdrag", "/uppdrag/?ar=2026"),
        ("Uppföljning", "/uppfoljning/?ar=2026"),
        ("Öppna prioriteringar", "/offentligt/?ar=2027"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skala", type=float, default=1.0, help="andel av 300 indikatorer")
    parser.add_argument("--upprepningar", type=int, default=7)
    args = parser.parse_args()

    namn = forbered_databas()
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    settings.ROOT_URLCONF = "bench.urls"
    settings.ALLOWED_HOSTS = ["*"]
    print(f"Databas: {namn}")
    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo", stdout=io.StringIO())
    print(f"Migrering och demoregion: {time.perf_counter() - t:.1f} s")

    klient = Client()
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
        for etikett, url in sidor():
            ms, fragor = matt(klient, url, args.upprepningar)
            resultat.setdefault(etikett, []).append((ms, fragor))
    golv = resultat["Golv (bas-mall, inga frågor)"][1][0]
    print()
    print(
        f"{'Sida':<30} {'median 1× (ms)':>15} {'× golvet':>9} {'frågor 0,1×':>12} {'frågor 1×':>10}  bedömning"
    )
    for etikett, ((_, f01), (ms, f1)) in resultat.items():
        kvot = ms / golv if golv else 0
        dom = (
            "ok"
            if f01 == f1 and kvot <= 2
            else ("frågorna växer" if f01 != f1 else "över 2× golvet")
        )
        print(f"{etikett:<30} {ms:>15.1f} {kvot:>9.1f} {f01:>12} {f1:>10}  {dom}")


if __name__ == "__main__":
    main()
