"""Build (or bring up to date) the demo region, Region Exempel. Idempotent.

Each app of the chain may have a `demo` module with `bygg(stdout) -> None`; they run in
chain order, so the core never imports a later app.
"""

from __future__ import annotations

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

KEDJAN = ["natverken", "behov", "prioritering", "uppdrag", "uppfoljning"]


class Command(BaseCommand):
    help = "Bygger demoregionen Region Exempel (fiktiv) med demoanvändare. Kan köras flera gånger."

    def handle(self, *args: object, **options: object) -> None:
        with transaction.atomic():
            for app_label in KEDJAN:
                config = apps.get_app_config(app_label)
                try:
                    modul = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as fel:
                    if fel.name != f"{config.name}.demo":
                        raise
                    continue
                modul.bygg(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demoregionen Region Exempel är klar."))
