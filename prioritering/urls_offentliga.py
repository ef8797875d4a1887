"""The public pages: what has been decided, readable without login."""

from django.urls import path

from prioritering import views

app_name = "offentligt"

urlpatterns = [
    path("", views.offentligt, name="index"),
]
