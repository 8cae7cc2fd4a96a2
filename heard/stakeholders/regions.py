"""Provinces and territories (and the two catch-alls), with their names in both languages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AB = "AB", _("Alberta")
    BC = "BC", _("British Columbia")
    MB = "MB", _("Manitoba")
    NB = "NB", _("New Brunswick")
    NL = "NL", _("Newfoundland and Labrador")
    NS = "NS", _("Nova Scotia")
    NT = "NT", _("Northwest Territories")
    NU = "NU", _("Nunavut")
    ON = "ON", _("Ontario")
    PE = "PE", _("Prince Edward Island")
    QC = "QC", _("Quebec")
    SK = "SK", _("Saskatchewan")
    YT = "YT", _("Yukon")
    NATIONAL = "CA", _("National (across Canada)")
    ABROAD = "XX", _("Outside Canada")


# Every spelling an import file may use, lower-cased, in English and French.
_NAMES = {
    "AB": ["alberta"],
    "BC": ["british columbia", "colombie-britannique", "b.c."],
    "MB": ["manitoba"],
    "NB": ["new brunswick", "nouveau-brunswick"],
    "NL": ["newfoundland and labrador", "terre-neuve-et-labrador", "newfoundland"],
    "NS": ["nova scotia", "nouvelle-écosse", "nouvelle-ecosse"],
    "NT": ["northwest territories", "territoires du nord-ouest"],
    "NU": ["nunavut"],
    "ON": ["ontario"],
    "PE": ["prince edward island", "île-du-prince-édouard", "ile-du-prince-edouard", "pei"],
    "QC": ["quebec", "québec"],
    "SK": ["saskatchewan"],
    "YT": ["yukon"],
    "CA": ["national", "canada", "across canada"],
    "XX": ["outside canada", "international", "hors du canada"],
}
LOOKUP = {code.lower(): code for code in Region.values}
LOOKUP.update({name: code for code, names in _NAMES.items() for name in names})


def parse_region(text: str) -> str | None:
    return LOOKUP.get(" ".join(text.strip().lower().split()))
