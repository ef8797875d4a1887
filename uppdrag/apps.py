from django.apps import AppConfig


class UppdragConfig(AppConfig):
    name = "uppdrag"
    verbose_name = "Uppdrag: politiska uppdrag, mål och uppföljningsplaner"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from prioritering.signaler import omgang_beslutad
        from uppdrag import arshjul, tasks

        arshjul.registrera()
        omgang_beslutad.connect(
            tasks.forbered_efter_beslut, dispatch_uid="uppdrag.forbered_budgetunderlag"
        )
