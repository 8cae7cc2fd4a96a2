from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "heard.analysis"
    label = "analysis"
    verbose_name = "Analysis"

    def ready(self) -> None:
        from heard.analysis import runs  # noqa: F401 - registers the analysis job
