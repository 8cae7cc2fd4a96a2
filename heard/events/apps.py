from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "heard.events"
    label = "events"
    verbose_name = "Sessions and invitations"
