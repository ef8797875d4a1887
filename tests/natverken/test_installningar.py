"""Production settings: refuse to start without a secret key; check --deploy is clean."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROT = Path(__file__).resolve().parents[2]


def _kor(kod: str, **miljo: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(miljo)
    return subprocess.run(
        [sys.executable, "-c", kod], cwd=ROT, env=env, capture_output=True, text=True, timeout=120
    )


def _databas_url() -> str:
    db = settings.DATABASES["default"]
    host = db.get("HOST") or db.get("OPTIONS", {}).get("host", "")
    if host.startswith("/"):
        return f"postgresql://{db['USER']}@/{db['NAME']}?host={host}"
    return f"postgresql://{db['USER']}:{db.get('PASSWORD') or ''}@{host}:{db.get('PORT') or 5432}/{db['NAME']}"


def test_produktion_utan_hemlig_nyckel_vagrar_starta():
    resultat = _kor(
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='natverken.settings'; django.setup()",
        DEBUG="false",
        DATABASE_URL=_databas_url(),
    )
    assert resultat.returncode != 0
    assert "SECRET_KEY saknas" in resultat.stderr


def test_utveckling_far_en_utvecklingsnyckel():
    resultat = _kor(
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='natverken.settings'; django.setup();"
        "from django.conf import settings; print(settings.SECRET_KEY.startswith('django-insecure'))",
        DEBUG="true",
        DATABASE_URL=_databas_url(),
    )
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.strip() == "True"


def test_check_deploy_ar_rent_med_produktionsvariabler():
    resultat = _kor(
        "import sys; from django.core.management import execute_from_command_line as e;"
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='natverken.settings';"
        "e(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        DEBUG="false",
        SECRET_KEY="p" + "x9Qr7LmZ2vT8wKc4nB6yH3jF5dS1aG0eU" * 2,
        ALLOWED_HOSTS="behov.region.example",
        CSRF_TRUSTED_ORIGINS="https://behov.region.example",
        DATABASE_URL=_databas_url(),
    )
    assert resultat.returncode == 0, resultat.stderr + resultat.stdout
    assert "no issues" in resultat.stdout


PRODUKTION = {
    "DEBUG": "false",
    "SECRET_KEY": "p" + "x9Qr7LmZ2vT8wKc4nB6yH3jF5dS1aG0eU" * 2,
    "ALLOWED_HOSTS": "behov.region.example",
    "CSRF_TRUSTED_ORIGINS": "https://behov.region.example",
}


def test_produktionens_kakor_och_hsts():
    resultat = _kor(
        "import json, os; os.environ['DJANGO_SETTINGS_MODULE']='natverken.settings';"
        "import django; django.setup(); from django.conf import settings as s;"
        "from django.test import Client;"
        "svar = Client(HTTP_HOST='behov.region.example').get('/konto/logga-in/', secure=True);"
        "k = svar.cookies['csrftoken'];"
        "print(json.dumps({n: getattr(s, n) for n in ["
        "'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE',"
        "'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE',"
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS',"
        "'SECURE_HSTS_PRELOAD', 'SECURE_CONTENT_TYPE_NOSNIFF']}"
        " | {'kaka': [k['secure'], k['httponly'], k['samesite']],"
        " 'hsts': svar.get('Strict-Transport-Security'),"
        " 'http': Client(HTTP_HOST='behov.region.example').get('/konto/logga-in/').status_code,"
        " 'max': s.UPPLADDNING_MAX_STORLEK}))",
        DATABASE_URL=_databas_url(),
        UPPLADDNING_MAX_MB="7",
        STATIC_MANIFEST="false",  # no collectstatic here
        **PRODUKTION,
    )
    assert resultat.returncode == 0, resultat.stderr
    varden = json.loads(resultat.stdout.strip().splitlines()[-1])
    assert varden == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        # The CSRF cookie a real response sets: Secure, HttpOnly, SameSite=Lax.
        "kaka": [True, True, "Lax"],
        "hsts": "max-age=31536000; includeSubDomains; preload",
        "http": 301,  # plain http is sent to https
        "max": 7 * 1024 * 1024,  # UPPLADDNING_MAX_MB
    }


def test_svenska_som_sprak_och_tidszon():
    assert settings.LANGUAGE_CODE == "sv"
    assert settings.TIME_ZONE == "Europe/Stockholm"


@pytest.mark.django_db
def test_inga_modellandringar_utan_migration():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)
