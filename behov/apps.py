from django.apps import AppConfig


class BehovConfig(AppConfig):
    name = "behov"
    verbose_name = "Behov: indikatorer, behovsgrupper, behovsanalyser och hälsogap"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from behov import arshjul

        arshjul.registrera()
