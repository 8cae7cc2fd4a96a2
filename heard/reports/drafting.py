"""A starting point for a section, made from the evidence alone: Heard writes no opinion and
invents nothing. Two drafts exist, each in English and French with the same references:

- "at a glance": who took part and how much was read, as figures;
- "code by code": for each top-level code of the run's codebook (the 4-Ps and empowerment in the
  demo), how many reviewed records people coded with it, then up to two quotes people approved
  for it or its sub-codes, as they were approved (in the language the person wrote in).

People rewrite the draft; it only saves them copying figures and quotes by hand.
"""

from __future__ import annotations

from typing import Any

from heard.analysis.models import Quote
from heard.reports.models import Report

QUOTES_PER_CODE = 2
KINDS = ("glance", "codes")


def draft(report: Report, kind: str) -> tuple[str, str]:
    """(English, French) Markdown for a section, of the `kind` asked."""
    if kind == "glance":
        return _glance(report)
    return _codes(report)


def _glance(report: Report) -> tuple[str, str]:
    english = [
        "[[responses]] questionnaire responses were submitted, and [[participants]] people "
        "took part in [[sessions]] sessions."
    ]
    french = [
        "[[responses]] réponses au questionnaire ont été soumises, et [[participants]] "
        "personnes ont participé à [[sessions]] séances."
    ]
    if report.run is not None:
        english.append(
            "The analysis read [[records]] records (answers and notes); people reviewed "
            "[[reviewed]] of them and approved [[quotes]] quotes."
        )
        french.append(
            "L'analyse a lu [[records]] enregistrements (réponses et notes); des personnes en "
            "ont revu [[reviewed]] et ont approuvé [[quotes]] citations."
        )
    return " ".join(english), " ".join(french)


def _codes(report: Report) -> tuple[str, str]:
    if report.run is None:
        return "", ""
    tops: list[dict[str, Any]] = [
        code
        for code in (report.run.codebook or {}).get("codes", [])
        if code.get("group") != "statement-type"
    ]
    quotes = list(
        Quote.objects.filter(consultation=report.consultation, state="approved").order_by(
            "label", "record_key"
        )
    )
    english, french = [], []
    for code in tops:
        keys = _keys_under(code)
        chosen = [quote for quote in quotes if quote.label in keys][:QUOTES_PER_CODE]
        name_en, name_fr = code["name_en"], code.get("name_fr") or code["name_en"]
        english.append(
            f"### {name_en}\n\n[[code:{code['key']}]] reviewed records "
            f"([[code:{code['key']}:percent]]) were coded “{name_en}”."
        )
        french.append(
            f"### {name_fr}\n\n[[code:{code['key']}]] enregistrements revus "
            f"([[code:{code['key']}:percent]]) ont été codés « {name_fr} »."
        )
        for quote in chosen:
            block = "> " + " ".join(quote.text.split())
            english.append(block)
            french.append(block)
    return "\n\n".join(english), "\n\n".join(french)


def _keys_under(code: dict[str, Any]) -> set[str]:
    keys = {code["key"]}
    for child in code.get("children", []):
        keys |= _keys_under(child)
    return keys
