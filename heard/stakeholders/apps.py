from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    name = "heard.stakeholders"
    label = "stakeholders"
    verbose_name = "Stakeholder registry"

    def ready(self) -> None:
        from heard.core.rotation import register_encrypted_folder
        from heard.stakeholders import jobs  # registers the import job

        # Uploads wait here encrypted: `heard rotate-keys` moves them to a new key too.
        register_encrypted_folder(lambda: jobs.UPLOADS)
