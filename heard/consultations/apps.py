from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "heard.consultations"
    label = "consultations"
    verbose_name = "Consultations"
