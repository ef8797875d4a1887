"""The public pages: what has been decided, readable without login, and the same data as
JSON and CSV (the product's CSV format, natverken.lib.export)."""

from django.urls import path

from prioritering import views

app_name = "offentligt"

urlpatterns = [
    path("", views.offentligt, name="index"),
    path("prioriteringar.json", views.offentligt_json, name="json"),
    path("prioriteringar.csv", views.offentligt_csv, name="csv"),
]
