from django.apps import AppConfig


class PrioriteringConfig(AppConfig):
    name = "prioritering"
    verbose_name = "Prioritering: bedömningar, rangordningar, beslut och resurser"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from prioritering import arshjul

        arshjul.registrera()
