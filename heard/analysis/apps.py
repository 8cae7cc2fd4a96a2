from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "heard.analysis"
    label = "analysis"
    verbose_name = "Analysis"

    def ready(self) -> None:
        from heard.analysis import (
            privacy,  # noqa: F401 - erasure and retention
            runs,  # noqa: F401 - registers the analysis job
        )
