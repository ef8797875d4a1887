from django.urls import path

from uppfoljning import views

app_name = "uppfoljning"

urlpatterns = [
    path("", views.index, name="index"),
    path("rapporter/", views.rapporter, name="rapporter"),
    path("rapporter/<int:pk>/", views.rapport, name="rapport"),
    path("rapporter/<int:pk>/spara/", views.rapport_spara, name="rapport_spara"),
    path("rapporter/<int:pk>/granska/", views.rapport_granska, name="rapport_granska"),
    path("uppdrag/<int:pk>/", views.uppdrag, name="uppdrag"),
    path("uppdrag/<int:pk>/ny-rapport/", views.rapport_ny, name="rapport_ny"),
    path("behovsgrupper/<int:pk>/", views.behovsgrupp, name="behovsgrupp"),
    path("arsuppfoljning/<int:ar>/", views.arsuppfoljning, name="arsuppfoljning"),
    path("arsuppfoljning/<int:ar>/pdf/", views.arsuppfoljning_pdf, name="arsuppfoljning_pdf"),
    path(
        "arsuppfoljning/<int:ar>/paborja/",
        views.arsuppfoljning_paborja,
        name="arsuppfoljning_paborja",
    ),
    path("arsuppfoljning/<int:ar>/spara/", views.arsuppfoljning_spara, name="arsuppfoljning_spara"),
    path(
        "arsuppfoljning/<int:ar>/godkann/",
        views.arsuppfoljning_godkann,
        name="arsuppfoljning_godkann",
    ),
    path("nasta-ar/<int:ar>/", views.nasta_ar, name="nasta_ar"),
    path("nasta-ar/<int:ar>/starta/", views.nasta_ar_starta, name="nasta_ar_starta"),
    path("nasta-ar/<int:ar>/fortsattning/<int:pk>/", views.fortsattning, name="fortsattning"),
]
