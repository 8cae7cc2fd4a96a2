"""The reports tests build on the analysis tests' demo consultation and finished run."""

from tests.analysis.conftest import analyst, demo, done_run  # noqa: F401 - fixtures
