from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "heard.core"
    label = "core"
    verbose_name = "Heard core"

    def ready(self) -> None:
        from heard.core import reauth  # noqa: F401 - connects the sign-in signal
