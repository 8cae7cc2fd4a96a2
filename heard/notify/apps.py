from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "heard.notify"
    label = "notify"
    verbose_name = "Email outbox"

    def ready(self) -> None:
        from heard.core.runner import register_queue
        from heard.notify import privacy  # noqa: F401 - erasure and retention
        from heard.notify.delivery import drain_outbox

        register_queue("email", drain_outbox)
        from heard.core.crypto import blind_index
        from heard.core.rotation import register_blind_index
        from heard.notify.models import Message

        register_blind_index(
            Message,
            "recipient_index",
            reads=("recipient",),
            value_of=lambda m: blind_index(m.recipient),
        )
        from heard.notify import accounts  # noqa: F401 - emails about staff accounts
