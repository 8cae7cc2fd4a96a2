from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "heard.questionnaires"
    label = "questionnaires"
    verbose_name = "Questionnaires"
