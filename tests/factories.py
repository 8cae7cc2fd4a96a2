"""Factories for the tests: complete, publishable, bilingual records by default."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from heard.consultations.models import (
    Consultation,
    Membership,
    RelatedLink,
    ReportingCommitment,
    Role,
    ScheduleItem,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    password = factory.django.Password("correct horse battery staple")


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    key = factory.Sequence(lambda n: f"consultation-{n}")
    slug_en = factory.Sequence(lambda n: f"consultation-{n}")
    slug_fr = factory.Sequence(lambda n: f"consultation-fr-{n}")
    title_en = factory.Sequence(lambda n: f"Consultation on topic {n}")
    title_fr = factory.Sequence(lambda n: f"Consultation sur le sujet {n}")
    summary_en = "A short summary."
    summary_fr = "Un court résumé."
    description_en = "What this is about."
    description_fr = "De quoi il s'agit."
    objectives_en = "- Learn"
    objectives_fr = "- Apprendre"
    why_en = "Because."
    why_fr = "Parce que."
    who_en = "Everyone."
    who_fr = "Tout le monde."
    what_en = "A policy."
    what_fr = "Une politique."
    how_to_participate_en = "Write to us."
    how_to_participate_fr = "Écrivez-nous."
    department_en = "Department of Examples"
    department_fr = "Ministère des Exemples"
    contact_name_en = "Engagement team"
    contact_name_fr = "Équipe de consultation"
    contact_email = "team@example.org"
    time_zone = "America/Toronto"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    is_published = True
    published_at = factory.LazyFunction(timezone.now)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    consultation = factory.SubFactory(ConsultationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.LEAD


class ScheduleItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScheduleItem

    consultation = factory.SubFactory(ConsultationFactory)
    key = factory.Sequence(lambda n: f"item-{n}")
    kind = "regional_session"
    title_en = "Regional meeting"
    title_fr = "Rencontre régionale"
    format = "in_person"
    city_en = "Halifax"
    city_fr = "Halifax"
    start_date = date(2030, 5, 4)
    participation = "invitation"


class RelatedLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelatedLink

    consultation = factory.SubFactory(ConsultationFactory)
    title_en = "Background"
    title_fr = "Contexte"
    url_en = "https://example.org/en"
    url_fr = "https://example.org/fr"


class ReportingCommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingCommitment

    consultation = factory.SubFactory(ConsultationFactory)
    document_en = "A report"
    document_fr = "Un rapport"
    audience_en = "everyone"
    audience_fr = "à tous"
