"""Load test: gunicorn with 2 workers against the national-scale database, wrk on the main
read pages.

    .venv/bin/python bench/nationell.py        # first, once: builds <name>_bench
    .venv/bin/python bench/last.py [--anslutningar 50] [--sekunder 60] [--port 8106]

Starts gunicorn (`natverken.wsgi`, 2 sync workers, production settings: DEBUG off, a random
SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, manifest static files after collectstatic) on 127.0.0.1
against the database `bench/nationell.py` left (`<name>_bench` beside DATABASE_URL's, or
--databas). Logs in as a tjänsteperson (a session made in the database; its cookie goes to
wrk), checks every page answers 200, then runs wrk (installed with apt-get when missing)
with N connections for S seconds, each request the next page in turn (a Lua script), and
prints requests/s, p50/p90/p99 latency, socket errors and non-2xx answers beside the load
average. Target: 0 errors, 0 non-2xx and p99 below 500 ms at 50 connections for 60 s.
Bounded, and only against 127.0.0.1. Stops gunicorn at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))

ANVANDARE = "tjansteperson"
PAGAENDE_AR = 2026  # the demo's running year; 2027 is decided, 2028 is being ranked
INLOGGNING = "Inloggningssidan"


def installera_wrk() -> str:
    """wrk from Debian, like scripts/bootstrap.sh installs system packages."""
    if sokvag := shutil.which("wrk"):
        return sokvag
    if not shutil.which("apt-get"):
        raise SystemExit("wrk saknas och apt-get finns inte här: installera wrk och försök igen.")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    print("Installerar wrk (apt-get) …", flush=True)
    miljo = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for kommando in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
        svar = subprocess.run(sudo + kommando, env=miljo, capture_output=True, text=True)
        if svar.returncode:
            raise SystemExit(f"Kunde inte installera wrk: {svar.stderr.strip()[-500:]}")
    return shutil.which("wrk") or "wrk"


def produktionsmiljo(databas: str, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": databas,
        # Plain http on 127.0.0.1: in production TLS ends in the proxy in front.
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }


def sidor_och_session(miljo: dict[str, str]) -> tuple[list[tuple[str, str]], str]:
    """The main read pages with ids from the database, and a logged-in session key: made in
    this process with the same settings (and SECRET_KEY) as gunicorn's."""
    os.environ.update(miljo)
    os.environ["DJANGO_SETTINGS_MODULE"] = "natverken.settings"
    import django

    django.setup()
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    from behov.models import Behovsanalys, Indikator
    from prioritering.models import Prioriteringsomgang
    from uppdrag.models import Uppdrag

    user = get_user_model().objects.get(username=ANVANDARE)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()

    indikator = Indikator.objects.filter(kod__startswith="NAT-").order_by("kod").first()
    if indikator is None:
        raise SystemExit("Databasen saknar nationella data: kör bench/nationell.py först.")
    analys = Behovsanalys.objects.filter(planeringsar__ar=2027).order_by("pk").first()
    omgang = Prioriteringsomgang.objects.filter(planeringsar__ar=2027).order_by("pk").first()
    uppdrag = (
        Uppdrag.objects.filter(planeringsar__ar=PAGAENDE_AR, status=Uppdrag.Status.PAGAR)
        .order_by("pk")
        .first()
    )
    sidor = [
        ("Start", "/?ar=2027"),
        ("Årshjulet", "/arshjul/?ar=2027"),
        ("Behov", "/behov/?ar=2027"),
        ("Behovsanalys", f"/behov/analyser/{analys.pk}/"),
        ("Indikatorkatalog", "/behov/indikatorer/"),
        ("Indikator", f"/behov/indikatorer/{indikator.pk}/?omrade=1"),
        ("Prioritering", "/prioritering/?ar=2027"),
        ("Prioriteringsomgång", f"/prioritering/omgang/{omgang.pk}/"),
        ("Uppdrag", f"/uppdrag/?ar={PAGAENDE_AR}"),
        ("Ett uppdrag", f"/uppdrag/{uppdrag.pk}/"),
        ("Uppföljning", f"/uppfoljning/?ar={PAGAENDE_AR}"),
        ("Återrapporter", f"/uppfoljning/rapporter/?ar={PAGAENDE_AR}"),
        ("Öppna prioriteringar", "/offentligt/?ar=2027"),
        # Not in the default mix: the cheapest page there is (a form, no queries of its own
        # beyond the session), to see what the stack alone manages (--sidor Inloggningssidan).
        (INLOGGNING, "/konto/logga-in/"),
    ]
    return sidor, session.session_key


def lua_skript(sidor: list[tuple[str, str]], cookie: str) -> str:
    vagar = ", ".join(json.dumps(url) for _, url in sidor)
    return f"""
local vagar = {{{vagar}}}
local tradar = {{}}
wrk.headers["Cookie"] = {json.dumps(cookie)}

function setup(thread)
  table.insert(tradar, thread)
end

function init(args)
  nasta = math.random(#vagar)
  avvikande = 0
end

function request()
  nasta = nasta % #vagar + 1
  return wrk.format("GET", vagar[nasta])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    avvikande = avvikande + 1
  end
end

function done(summary, latency, requests)
  local ej2xx = 0
  for _, t in ipairs(tradar) do
    ej2xx = ej2xx + t:get("avvikande")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULTAT {{\\"anrop\\": %d, \\"sekunder\\": %.3f, \\"p50\\": %d, \\"p90\\": %d, " ..
    "\\"p99\\": %d, \\"max\\": %d, \\"medel\\": %.0f, \\"connect\\": %d, \\"read\\": %d, " ..
    "\\"write\\": %d, \\"status\\": %d, \\"timeout\\": %d, \\"ej2xx\\": %d}}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status,
    e.timeout, ej2xx))
end
"""


def vanta_pa(url: str, sekunder: float = 60) -> None:
    slut = time.monotonic() + sekunder
    while time.monotonic() < slut:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn svarade inte på {url} inom {sekunder:.0f} s.")


def hamta(url: str, cookie: str) -> tuple[int, float]:
    req = urllib.request.Request(url, headers={"Cookie": cookie})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as svar:
            svar.read()
            return svar.status, time.perf_counter() - start
    except urllib.error.HTTPError as fel:
        return fel.code, time.perf_counter() - start


def lastmedel() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anslutningar", type=int, default=50)
    parser.add_argument("--sekunder", type=int, default=60)
    parser.add_argument("--tradar", type=int, default=2, help="wrk-trådar")
    parser.add_argument("--arbetare", type=int, default=2, help="gunicorn-arbetare")
    parser.add_argument("--port", type=int, default=8106)
    parser.add_argument("--databas", help="databas-URL (standard: <DATABASE_URL>_bench)")
    parser.add_argument(
        "--sidor", help="bara dessa sidor, kommaseparerade namn (t.ex. 'Start,Ett uppdrag')"
    )
    args = parser.parse_args()
    if args.sekunder > 600 or args.anslutningar > 500:
        raise SystemExit("Håll körningen begränsad: högst 600 s och 500 anslutningar.")

    from bench.nationell import bench_databas

    databas = args.databas or bench_databas()[0]
    wrk = installera_wrk()
    miljo = produktionsmiljo(databas, args.port)
    print(f"Databas: {databas.rsplit('/', 1)[-1]}", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROT,
        env=miljo,
        check=True,
    )
    sidor, sessionsnyckel = sidor_och_session(miljo)
    if args.sidor:
        valda = {namn.strip() for namn in args.sidor.split(",")}
        if okanda := valda - {namn for namn, _ in sidor}:
            raise SystemExit(f"Okända sidor: {', '.join(sorted(okanda))}")
        sidor = [(namn, url) for namn, url in sidor if namn in valda]
    else:
        sidor = [(namn, url) for namn, url in sidor if namn != INLOGGNING]
    cookie = f"sessionid={sessionsnyckel}"
    bas = f"http://127.0.0.1:{args.port}"
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "natverken.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.arbetare),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROT,
        env=miljo,
        start_new_session=True,
    )
    try:
        vanta_pa(f"{bas}/konto/logga-in/")
        print(f"{'Sida':<24} {'status':>6} {'ms (varm)':>10}")
        for namn, url in sidor:
            for _ in range(args.arbetare):  # warm every worker (the next one answers)
                hamta(bas + url, cookie)
            status, sek = hamta(bas + url, cookie)
            print(f"{namn:<24} {status:>6} {sek * 1000:>10.1f}")
            if status != 200:
                raise SystemExit(f"{url} gav {status}: rättas före lasttestet.")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fil:
            fil.write(lua_skript(sidor, cookie))
        fore = lastmedel()
        print(
            f"\nwrk: {args.anslutningar} anslutningar, {args.tradar} trådar, {args.sekunder} s, "
            f"{len(sidor)} sidor i tur och ordning; gunicorn {args.arbetare} arbetare. "
            f"Lastmedel före: {fore}",
            flush=True,
        )
        svar = subprocess.run(
            [
                wrk,
                "-t",
                str(args.tradar),
                "-c",
                str(args.anslutningar),
                "-d",
                f"{args.sekunder}s",
                "--timeout",
                "30s",
                "-s",
                fil.name,
                bas,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        efter = lastmedel()
        os.unlink(fil.name)
        rad = next(r for r in svar.stdout.splitlines() if r.startswith("RESULTAT "))
        r = json.loads(rad.removeprefix("RESULTAT "))
        fel = r["connect"] + r["read"] + r["write"] + r["timeout"]
        print(f"anrop                {r['anrop']}")
        print(f"anrop/s              {r['anrop'] / r['sekunder']:.1f}")
        print(
            f"latens (ms)          p50 {r['p50'] / 1000:.0f}  p90 {r['p90'] / 1000:.0f}  "
            f"p99 {r['p99'] / 1000:.0f}  max {r['max'] / 1000:.0f}"
        )
        print(
            f"fel                  {fel} (connect {r['connect']}, read {r['read']}, "
            f"write {r['write']}, timeout {r['timeout']})"
        )
        print(f"ej 2xx               {r['ej2xx']}")
        print(f"lastmedel            före {fore}, efter {efter}")
        ok = fel == 0 and r["ej2xx"] == 0 and r["p99"] < 500_000
        print("bedömning            " + ("ok" if ok else "målet (0 fel, p99 < 500 ms) nås inte"))
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        gunicorn.wait(timeout=30)


if __name__ == "__main__":
    main()
