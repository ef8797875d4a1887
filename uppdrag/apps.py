from django.apps import AppConfig


class UppdragConfig(AppConfig):
    name = "uppdrag"
    verbose_name = "Uppdrag: politiska uppdrag, mål och uppföljningsplaner"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from uppdrag import arshjul

        arshjul.registrera()
