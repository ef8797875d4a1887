from django.urls import path

from uppdrag import views

app_name = "uppdrag"

urlpatterns = [
    path("", views.index, name="index"),
]
