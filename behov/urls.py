from django.urls import include, path

from behov import views

app_name = "behov"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", include("behov.urls_import")),
    path("indikatorer/", views.indikatorer, name="indikatorer"),
    path("indikatorer/ny/", views.indikator_ny, name="indikator_ny"),
    path("indikatorer/<int:pk>/", views.indikator, name="indikator"),
    path("indikatorer/<int:pk>/andra/", views.indikator_andra, name="indikator_andra"),
    path("grupper/", views.grupper, name="grupper"),
    path("grupper/ny/", views.grupp_form, name="grupp_ny"),
    path("grupper/<int:pk>/andra/", views.grupp_form, name="grupp_andra"),
    path("grupper/<int:pk>/arkivera/", views.grupp_arkivera, name="grupp_arkivera"),
    path("analyser/ny/", views.analys_ny, name="analys_ny"),
    path("analyser/<int:pk>/", views.analys, name="analys"),
    path("analyser/<int:pk>/pdf/", views.analys_pdf, name="analys_pdf"),
    path("analyser/<int:pk>/spara/", views.analys_spara, name="analys_spara"),
    path("analyser/<int:pk>/klar/", views.analys_klar, name="analys_klar"),
    path("analyser/<int:pk>/oppna/", views.analys_oppna, name="analys_oppna"),
    path(
        "analyser/<int:pk>/uppdatera-varden/",
        views.analys_uppdatera_varden,
        name="analys_uppdatera_varden",
    ),
    path("analyser/<int:pk>/gap/ny/", views.gap_ny, name="gap_ny"),
    path("analyser/<int:pk>/datakallor/ny/", views.kalla_ny, name="kalla_ny"),
    path("analyser/<int:pk>/dialoger/ny/", views.dialog_ny, name="dialog_ny"),
    path("gap/<int:pk>/andra/", views.gap_andra, name="gap_andra"),
    path("gap/<int:pk>/ta-bort/", views.gap_ta_bort, name="gap_ta_bort"),
    path("gap/<int:pk>/beslut/", views.gap_beslut, name="gap_beslut"),
    path("datakallor/<int:pk>/ta-bort/", views.kalla_ta_bort, name="kalla_ta_bort"),
    path("dialoger/<int:pk>/ta-bort/", views.dialog_ta_bort, name="dialog_ta_bort"),
]
