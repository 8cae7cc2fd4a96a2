from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    name = "heard.stakeholders"
    label = "stakeholders"
    verbose_name = "Stakeholder registry"

    def ready(self) -> None:
        from heard.core.crypto import blind_index
        from heard.core.rotation import register_blind_index, register_encrypted_folder
        from heard.stakeholders import (
            jobs,  # registers the import job
            privacy,  # noqa: F401 - erasure and retention
        )
        from heard.stakeholders.models import Person

        # Uploads wait here encrypted: `heard rotate-keys` moves them to a new key too.
        register_encrypted_folder(lambda: jobs.UPLOADS)
        # The import fingerprint cannot be recomputed (the file is gone): a person moved to the
        # new key is compared afresh by the next import, as after an edit by hand.
        register_blind_index(
            Person,
            "email_index",
            reads=("email",),
            value_of=lambda p: blind_index(p.email),
            cleared=("import_fingerprint",),
        )
