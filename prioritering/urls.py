from django.urls import path

from prioritering import views

app_name = "prioritering"

urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.omgang_ny, name="omgang_ny"),
    path("omgang/<int:pk>/", views.omgang, name="omgang"),
    path("omgang/<int:pk>/andra/", views.omgang_andra, name="omgang_andra"),
    path("omgang/<int:pk>/oppna/", views.omgang_oppna, name="omgang_oppna"),
    path("omgang/<int:pk>/behov/ny/", views.objekt_ny, name="objekt_ny"),
    path("omgang/<int:pk>/rangordna/", views.rangordna, name="rangordna"),
    path("omgang/<int:pk>/mote/", views.mote, name="mote"),
    path("omgang/<int:pk>/pdf/", views.omgang_pdf, name="omgang_pdf"),
    path("omgang/<int:pk>/resurser/", views.resurser, name="resurser"),
    path("omgang/<int:pk>/beslut/", views.besluta, name="besluta"),
    path("omgang/<int:pk>/beslut/forslag/", views.forslag_spara, name="forslag_spara"),
    path("omgang/<int:pk>/beslut/registrera/", views.beslut_registrera, name="beslut_registrera"),
    path("omgang/<int:pk>/reservation/", views.reservation_ny, name="reservation_ny"),
    path("omgang/<int:pk>/revidera/", views.revidera, name="revidera"),
    path("behov/<int:pk>/", views.objekt, name="objekt"),
    path("behov/<int:pk>/andra/", views.objekt_andra, name="objekt_andra"),
    path("behov/<int:pk>/ta-bort/", views.objekt_ta_bort, name="objekt_ta_bort"),
    path("behov/<int:pk>/bedomning/", views.bedomning_spara, name="bedomning_spara"),
]
