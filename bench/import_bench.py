"""Benchmark of the indicator import (not a test): a million rows through the real service.

    DEBUG=true .venv/bin/python bench/import_bench.py [--rader 1000000] [--behall]

Generates a realistic Kolada-style file (semicolon, decimal comma, areas as Kolada ids, years,
T/K/M, about 2 % ".."), then measures in a scratch database `behov_bench` on the configured
PostgreSQL server (created and migrated on first run, so the app's own data is untouched):

1. raw COPY: the same rows, already resolved to ids, streamed with COPY into a scratch table
   shaped like behov_matvarde without indexes (the floor for getting the rows in at all);
2. the same straight into behov_matvarde, with its seven indexes, checks and foreign keys
   (checked, then rolled back): the floor for this table, which no import can go below;
3. the real import service (`behov.importering.importera`): detect, parse, validate, COPY to
   staging, capture replaced rows, upsert into behov_matvarde;
4. the same file again with every value changed (the replace path: capture + update).

Steps 3 and 4 include the deferred foreign-key checks that a real import pays at commit.

Peak memory is the highest resident set size of this process during each step. Everything
is rolled back at the end unless --behall is given.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "natverken.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from behov import importering  # noqa: E402
from behov.models import Indikator, Polaritet  # noqa: E402
from natverken.models import Omrade  # noqa: E402

DATABAS = "behov_bench"
RA = "rå COPY, tabell utan index"
RA_MATVARDE = "rå COPY direkt in i behov_matvarde"
SIDA = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * SIDA / 2**20


@contextmanager
def matt(namn: str, resultat: dict):
    """Wall time and peak RSS (sampled every 20 ms) of a block."""
    topp = [rss_mb()]
    klar = threading.Event()

    def prov() -> None:
        while not klar.wait(0.02):
            topp[0] = max(topp[0], rss_mb())

    trad = threading.Thread(target=prov, daemon=True)
    trad.start()
    start = time.perf_counter()
    try:
        yield
    finally:
        tid = time.perf_counter() - start
        klar.set()
        trad.join()
        topp[0] = max(topp[0], rss_mb())
        resultat[namn] = (tid, topp[0])


SQLSTEG = {
    "INSERT INTO behov_ersattvarde": "spara ersatta rader (ErsattVarde)",
    "INSERT INTO behov_matvarde": "upsert (INSERT … ON CONFLICT)",
    "SET CONSTRAINTS ALL IMMEDIATE": "främmande nycklar (vid commit)",
}


@contextmanager
def sql_tider(delar: dict, namn: str):
    """Time of the import's big statements (COPY itself is counted with the Python part)."""
    tider = delar.setdefault(namn, {})

    def omslag(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            for borjan, steg in SQLSTEG.items():
                if sql.lstrip().startswith(borjan):
                    tider[steg] = tider.get(steg, 0.0) + time.perf_counter() - start

    with connection.execute_wrapper(omslag):
        yield


def anvand_benchdatabas() -> None:
    with connection.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABAS])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{DATABAS}"')
    connection.close()
    connection.settings_dict["NAME"] = DATABAS
    call_command("migrate", verbosity=0)


def generera(
    mapp: Path,
    rader: int,
    omraden: list[tuple[int, str]],
    indikatorer: list[tuple[int, str]],
    andra: bool = False,
) -> tuple[Path, Path]:
    """The user's file (Kolada-style text) and the same rows resolved (for the raw COPY)."""
    ar = np.arange(1995, 2025)
    kon = np.array(["T", "K", "M"])
    per_indikator = len(ar) * len(omraden) * len(kon)
    behov_ind = -(-rader // per_indikator)
    if behov_ind > len(indikatorer):
        raise SystemExit(f"För många rader: högst {len(indikatorer) * per_indikator}.")
    fil = mapp / ("kolada_bench_andra.csv" if andra else "kolada_bench.csv")
    losta = mapp / ("losta_andra.csv" if andra else "losta.csv")
    slump = np.random.default_rng(2 if andra else 1)
    omr_id = np.array([o[0] for o in omraden])
    omr_kolada = np.array([o[1] for o in omraden], dtype=object)
    skrivna = 0
    with fil.open("w", encoding="utf-8", newline="") as f, losta.open("w", encoding="utf-8") as g:
        f.write("kpi;municipality_id;year;gender;value\n")
        for ind_pk, ind_kod in indikatorer[:behov_ind]:
            n = min(per_indikator, rader - skrivna)
            if n <= 0:
                break
            i = np.arange(n)
            o = i % len(omraden)
            k = (i // len(omraden)) % 3
            a = ar[i // (len(omraden) * 3)]
            varde = np.round(slump.gamma(4.0, 6.0, n), 1)
            saknas = slump.random(n) < 0.02
            text = np.char.replace(varde.astype(str), ".", ",").astype(object)
            text[saknas] = ".."
            f.write(
                "".join(
                    f"{ind_kod};{kolada};{arr};{kk};{v}\n"
                    for kolada, arr, kk, v in zip(omr_kolada[o], a, kon[k], text, strict=True)
                )
            )
            vtext = varde.astype(str).astype(object)
            vtext[saknas] = ""
            g.write(
                "".join(
                    f"{ind_pk},{om},{arr}-01-01,{arr}-12-31,{arr},{kk},,,{v},,,,\n"
                    for om, arr, kk, v in zip(omr_id[o], a, kon[k], vtext, strict=True)
                )
            )
            skrivna += n
    return fil, losta


def ra_copy(losta: Path, *, tabell: str) -> None:
    """COPY the resolved rows as they are: into a bare scratch table, or straight into
    behov_matvarde (its indexes and foreign keys, checked here) and rolled back."""
    kolumner = ", ".join(importering.KOLUMNER)
    with connection.cursor() as cur:
        if tabell == "matvarde":
            cur.execute("SAVEPOINT bench_ra")
            mal = "behov_matvarde"
        else:
            cur.execute("DROP TABLE IF EXISTS bench_ra")
            cur.execute(
                "CREATE TEMP TABLE bench_ra "
                "(LIKE behov_matvarde INCLUDING DEFAULTS INCLUDING IDENTITY)"
            )
            mal = "bench_ra"
        with (
            cur.cursor.copy(f"COPY {mal} ({kolumner}) FROM STDIN WITH (FORMAT csv)") as copy,
            losta.open("rb") as f,
        ):
            for block in iter(lambda: f.read(1 << 20), b""):
                copy.write(block)
        if tabell == "matvarde":
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cur.execute("SET CONSTRAINTS ALL DEFERRED")
            cur.execute("ROLLBACK TO SAVEPOINT bench_ra")
        else:
            cur.execute("DROP TABLE bench_ra")


def main() -> None:
    tolk = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    tolk.add_argument("--rader", type=int, default=1_000_000)
    tolk.add_argument("--behall", action="store_true", help="rulla inte tillbaka")
    args = tolk.parse_args()

    anvand_benchdatabas()
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        version = cur.fetchone()[0]
    omraden = list(
        Omrade.objects.filter(kolada_id__isnull=False, fiktiv=False).values_list("id", "kolada_id")
    )
    resultat: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
        indikatorer = []
        for n in range(1, 41):
            ind, _ = Indikator.objects.get_or_create(
                kod=f"N99{n:03d}",
                defaults={
                    "namn": f"Benchindikator {n}",
                    "enhet": "%",
                    "polaritet": Polaritet.INGEN,
                },
            )
            indikatorer.append((ind.pk, ind.kod))
        start = time.perf_counter()
        fil, losta = generera(Path(tmp), args.rader, omraden, indikatorer)
        fil2, _ = generera(Path(tmp), args.rader, omraden, indikatorer, andra=True)
        print(
            f"Genererade {args.rader:,} rader ({fil.stat().st_size / 2**20:.0f} MB) på {time.perf_counter() - start:.1f} s"
        )
        print(fil.read_text(encoding="utf-8")[:200])
        bas = rss_mb()

        with matt(RA, resultat):
            ra_copy(losta, tabell="scratch")
        with matt(RA_MATVARDE, resultat):
            ra_copy(losta, tabell="matvarde")

        def importera(sokvag: Path) -> importering.Importresultat:
            inst = importering.identifiera_fil(sokvag=sokvag)
            mappning = importering.Mappning(
                indikator_satt="kolumn",
                indikator_kolumn="kpi",
                omrade_kolumn="municipality_id",
                period_kolumn="year",
                kon_kolumn="gender",
                varde_kolumn="value",
            )
            resultat = importering.importera(
                sokvag=sokvag, filnamn=sokvag.name, installningar=inst, mappning=mappning
            )
            # The foreign keys of behov_matvarde are checked at commit (deferred); this run is
            # rolled back, so make the checks happen here, inside the measurement.
            with connection.cursor() as cur:
                cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cur.execute("SET CONSTRAINTS ALL DEFERRED")
            return resultat

        delar: dict[str, dict[str, float]] = {}
        with matt("import, nya värden", resultat), sql_tider(delar, "import, nya värden"):
            forsta = importera(fil)
        with (
            matt("import igen, alla värden ändrade", resultat),
            sql_tider(delar, "import igen, alla värden ändrade"),
        ):
            andra = importera(fil2)
        print(forsta.meddelande)
        print(andra.meddelande)
        if not args.behall:
            transaction.set_rollback(True)

    print()
    for namn, tider in delar.items():
        i_databasen = sum(tider.values())
        print(f"{namn}: {resultat[namn][0] - i_databasen:.1f} s i Python (läsa, kontrollera, COPY)")
        for steg, tid in tider.items():
            print(f"  {steg:38} {tid:6.1f} s")
    ra, ra_matvarde = resultat[RA][0], resultat[RA_MATVARDE][0]
    print()
    print(
        f"PostgreSQL {version}, Python {platform.python_version()}, "
        f"{os.cpu_count()} kärnor, {platform.machine()}"
    )
    print(f"Processens minne före mätningarna: {bas:.0f} MB")
    print(
        f"{'steg':44} {'sekunder':>8} {'rader/s':>9} {'× rå COPY':>10} "
        f"{'× COPY i matvärde':>18} {'toppminne MB':>13}"
    )
    for namn, (tid, topp) in resultat.items():
        print(
            f"{namn:44} {tid:8.1f} {args.rader / tid:9,.0f} {tid / ra:10.1f} "
            f"{tid / ra_matvarde:18.1f} {topp:13.0f}"
        )


if __name__ == "__main__":
    main()
