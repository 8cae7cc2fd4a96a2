from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "heard.events"
    label = "events"
    verbose_name = "Sessions and invitations"

    def ready(self) -> None:
        from django.utils import timezone

        from heard.core.rotation import register_kept_hashes
        from heard.events import privacy  # noqa: F401 - erasure and retention
        from heard.events.models import Invitation

        # Door codes are kept only as a keyed hash: rotate-keys cannot move them to a new key.
        register_kept_hashes(
            lambda: (
                Invitation.objects.exclude(registration_code_index="")
                .filter(session__ends_at__gt=timezone.now())
                .count()
            )
        )
