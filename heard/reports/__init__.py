"""The "What We Heard" reports: sections people write in English and French beside the evidence
from the workbench, figures resolved from the data at build time, versions, publication."""
