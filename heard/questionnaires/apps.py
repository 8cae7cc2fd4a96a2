from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "heard.questionnaires"
    label = "questionnaires"
    verbose_name = "Questionnaires"

    def ready(self) -> None:
        from heard.core.rotation import register_blind_index
        from heard.questionnaires import privacy  # noqa: F401 - erasure and retention
        from heard.questionnaires.models import AccessRequest
        from heard.questionnaires.services import email_index

        register_blind_index(
            AccessRequest, "email_index", reads=("email",), value_of=lambda r: email_index(r.email)
        )
