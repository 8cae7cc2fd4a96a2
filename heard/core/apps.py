from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "heard.core"
    label = "core"
    verbose_name = "Heard core"

    def ready(self) -> None:
        from heard.core import audit, reauth, signin  # noqa: F401 - signals and housekeeping
