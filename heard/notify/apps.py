from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "heard.notify"
    label = "notify"
    verbose_name = "Email outbox"

    def ready(self) -> None:
        from heard.core.runner import register_queue
        from heard.notify.delivery import drain_outbox

        register_queue("email", drain_outbox)
        from heard.notify import accounts  # noqa: F401 - emails about staff accounts
