from django.apps import AppConfig


class UppfoljningConfig(AppConfig):
    name = "uppfoljning"
    verbose_name = "Uppföljning: återrapporter och årsuppföljning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from uppfoljning import arshjul

        arshjul.registrera()
