"""Indicator data import (owned by behov.views_import). Names live in the behov namespace."""

from django.urls import path

from behov import views_import

urlpatterns = [
    path("", views_import.index, name="import"),
    path("ladda-upp/", views_import.ladda_upp, name="import_ladda_upp"),
    path("fil/<uuid:pk>/", views_import.mappning, name="import_mappning"),
    path("fil/<uuid:pk>/fel/", views_import.fel, name="import_fel"),
    path("batch/<int:pk>/angra/", views_import.angra, name="import_angra"),
]
