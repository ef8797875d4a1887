from django.urls import path

from uppdrag import views

app_name = "uppdrag"

urlpatterns = [
    path("", views.index, name="index"),
    path("mina/", views.mina, name="mina"),
    path("ny/", views.ny, name="ny"),
    path("adressera-eller-forklara/", views.adressera, name="adressera"),
    path("avsta/<int:objekt_pk>/", views.avsta, name="avsta"),
    path("avstaende/<int:pk>/ta-bort/", views.avstaende_ta_bort, name="avstaende_ta_bort"),
    path("<int:pk>/", views.detalj, name="detalj"),
    path("<int:pk>/andra/", views.andra, name="andra"),
    path("<int:pk>/status/<slug:till>/", views.overgang, name="overgang"),
    path("<int:pk>/beslut/", views.besluta, name="besluta"),
    path("<int:pk>/kommentar/", views.kommentera, name="kommentera"),
    path("<int:pk>/mal/ny/", views.mal_ny, name="mal_ny"),
    path("<int:pk>/milstolpar/ny/", views.milstolpe_ny, name="milstolpe_ny"),
    path("<int:pk>/uppfoljningsplan/", views.plan_spara, name="plan_spara"),
    path("<int:pk>/versioner/", views.versioner, name="versioner"),
    path("<int:pk>/version/<int:history_id>/", views.version, name="version"),
    path("mal/<int:pk>/andra/", views.mal_andra, name="mal_andra"),
    path("mal/<int:pk>/ta-bort/", views.mal_ta_bort, name="mal_ta_bort"),
    path("milstolpar/<int:pk>/ta-bort/", views.milstolpe_ta_bort, name="milstolpe_ta_bort"),
    path("milstolpar/<int:pk>/klar/", views.milstolpe_klar, name="milstolpe_klar"),
]
