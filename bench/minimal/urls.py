from django.urls import path

from bench.minimal import views
from heard.urls import urlpatterns as heard_urlpatterns

urlpatterns = [path("minimal/", views.insert, name="minimal_insert"), *heard_urlpatterns]
