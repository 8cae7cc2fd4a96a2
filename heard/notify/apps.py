from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "heard.notify"
    label = "notify"
    verbose_name = "Email outbox"
