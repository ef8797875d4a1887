from django.urls import path

from uppdrag import views_rapporter

app_name = "rapporter"

urlpatterns = [
    path("budgetunderlag/<int:ar>/", views_rapporter.budgetunderlag, name="budgetunderlag"),
    path("uppdrag/<int:pk>/", views_rapporter.uppdragsbeskrivning, name="uppdragsbeskrivning"),
]
