from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NatverkenConfig(AppConfig):
    name = "natverken"
    verbose_name = "Kärna: år, årshjul, områden, organ och beslut"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from natverken.arshjul import registrera_karnan
        from natverken.roller import synka_rollbehorigheter

        registrera_karnan()

        # After every app's permissions exist (auth's own post_migrate runs first).
        post_migrate.connect(synka_rollbehorigheter, dispatch_uid="natverken_roller")
