from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "heard.consultations"
    label = "consultations"
    verbose_name = "Consultations"

    def ready(self) -> None:
        from django.conf import settings

        from heard.consultations import public_cache
        from heard.consultations.models import Membership
        from heard.core.factors import register_requirement

        public_cache.connect_signals()  # any change to what the public pages show

        # Staff with a role that HEARD_SECOND_FACTOR_ROLES names, in any consultation (read
        # each time, so that a setting changed in a test or a restart takes effect).
        register_requirement(
            lambda user: Membership.objects.filter(
                user=user, role__in=settings.HEARD_SECOND_FACTOR_ROLES
            ).exists()
        )
