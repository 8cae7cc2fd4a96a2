"""Heard: run a government stakeholder consultation end to end, in English and French."""

__version__ = "0.1.0"
