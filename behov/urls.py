from django.urls import include, path

from behov import views

app_name = "behov"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", include("behov.urls_import")),
]
