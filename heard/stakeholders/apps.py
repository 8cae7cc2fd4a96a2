from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    name = "heard.stakeholders"
    label = "stakeholders"
    verbose_name = "Stakeholder registry"

    def ready(self) -> None:
        from heard.stakeholders import jobs  # noqa: F401 - registers the import job
