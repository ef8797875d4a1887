from django.urls import path

from prioritering import views

app_name = "prioritering"

urlpatterns = [
    path("", views.index, name="index"),
]
