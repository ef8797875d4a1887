from django.apps import AppConfig


class UppdragConfig(AppConfig):
    name = "uppdrag"
    verbose_name = "Uppdrag: politiska uppdrag, mål och uppföljningsplaner"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from prioritering.models import Prioriteringsomgang
        from uppdrag import arshjul, tasks

        arshjul.registrera()
        post_save.connect(
            tasks.forbered_efter_beslut,
            sender=Prioriteringsomgang,
            dispatch_uid="uppdrag.forbered_budgetunderlag",
        )
