"""The demo questionnaire: the 2018 form, links sent to part of the registry, 42 fictional
submissions in English and French, a few drafts never finished, and some access requests.

Seeded, so every `heard demo` builds the same picture; it does nothing when the consultation
already has a questionnaire. Every answer is invented (heard.questionnaires.fictional).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from heard.consultations.models import Consultation
from heard.questionnaires import services
from heard.questionnaires.fictional import OPENS, fictional_answers
from heard.questionnaires.models import (
    Channel,
    Questionnaire,
    Respondent,
    Response,
    ResponseState,
)
from heard.stakeholders.fictional import people as fictional_people
from heard.stakeholders.models import Person, Sector

TORONTO = ZoneInfo("America/Toronto")
INVITED = 160

PRIVACY_EN = """\
**Why we ask.** Public Safety Canada is asking people who work against human trafficking, and
people with lived experience, what the next national strategy should do.

**How your answers are used.** The consultation team reads every answer. Answers are summarised
in a "What We Heard" report, in English and French. Short quotes may appear in it, without any
name or detail that could identify you.

**How long we keep them.** Answers are kept until the report is published and for two years
after, then deleted. You may ask for your answers to be withdrawn at any time before then.

**Your choice.** Taking part is voluntary. Skip any question you prefer not to answer, and take
a break whenever you need: your answers are saved on each page.

**Contact.** Write to the consultation team at the address on the consultation page.
"""

PRIVACY_FR = """\
**Pourquoi nous posons ces questions.** Sécurité publique Canada demande aux personnes qui luttent
contre la traite des personnes, et aux personnes ayant une expérience vécue, ce que devrait faire
la prochaine stratégie nationale.

**Utilisation de vos réponses.** L'équipe de la consultation lit chaque réponse. Les réponses sont
résumées dans un rapport « Ce que nous avons entendu », en français et en anglais. De courtes
citations peuvent y figurer, sans nom ni détail permettant de vous reconnaître.

**Durée de conservation.** Les réponses sont conservées jusqu'à la publication du rapport, puis
deux ans, avant d'être supprimées. Vous pouvez demander le retrait de vos réponses à tout moment
d'ici là.

**Votre choix.** La participation est volontaire. Passez toute question à laquelle vous préférez
ne pas répondre, et faites une pause quand vous le souhaitez : vos réponses sont enregistrées à
chaque page.

**Contact.** Écrivez à l'équipe de la consultation à l'adresse indiquée sur la page de la
consultation.
"""


@dataclass
class DemoReport:
    invited: int = 0
    submitted: int = 0
    drafts: int = 0
    requests: int = 0


def _moment(day: int, rng: random.Random) -> datetime:
    local = datetime.combine(OPENS + timedelta(days=day), time(8, 0), tzinfo=TORONTO)
    return local + timedelta(minutes=rng.randrange(0, 14 * 60))


def populate(consultation: Consultation, folder: Path, *, seed: int = 2018) -> DemoReport:
    report = DemoReport()
    if Questionnaire.objects.filter(consultation=consultation).exists():
        return report
    everyone = list(Person.objects.filter(consultation=consultation).order_by("id"))
    if not everyone:
        return report
    rng = random.Random(seed)  # noqa: S311 - reproducible fiction
    with transaction.atomic():
        questionnaire = services.create_questionnaire(
            actor=None,
            consultation=consultation,
            title_en="Questionnaire: the way forward to end human trafficking",
            title_fr="Questionnaire : la voie à suivre pour mettre fin à la traite des personnes",
            privacy_notice_en=PRIVACY_EN,
            privacy_notice_fr=PRIVACY_FR,
            opens_at=datetime.combine(OPENS, time(9, 0), tzinfo=TORONTO),
            closes_at=datetime.combine(OPENS + timedelta(days=41), time(23, 59), tzinfo=TORONTO),
        )
        version = services.upload_form(
            actor=None,
            questionnaire=questionnaire,
            data=(folder / "questionnaire.xlsx").read_bytes(),
            filename="questionnaire.xlsx",
        )
        invited = sorted(rng.sample(everyone, min(INVITED, len(everyone))), key=lambda p: p.pk)
        report.invited = services.invite(
            actor=None, questionnaire=questionnaire, people=invited
        ).invited
        sectors = {s.pk: s.key for s in Sector.objects.filter(consultation=consultation)}
        free = {r.person_id: r for r in questionnaire.respondents.all() if r.person_id}
        by_person = {p.pk: p for p in invited}
        for number, item in enumerate(fictional_answers(version.definition, seed=seed)):
            answers = item["answers"]
            # The respondent whose registry entry best matches the answers: same sector, language.
            candidates = sorted(
                free,
                key=lambda pk: (
                    sectors.get(by_person[pk].sector_id or 0) != answers.get("sector"),
                    by_person[pk].language != item["language"],
                    pk,
                ),
            )
            respondent = free.pop(candidates[0])
            moment = _moment(item["submitted_day"], rng)
            submitted = item["state"] == "submitted"
            channel = Channel.ONLINE
            if submitted and number in (5, 17):
                channel = Channel.EMAIL
            elif submitted and number == 29:
                channel = Channel.PAPER
            response = Response(
                respondent=respondent,
                version=version,
                state=ResponseState.SUBMITTED if submitted else ResponseState.DRAFT,
                channel=channel,
                language=item["language"],
                submitted_at=moment if submitted else None,
                # About two in three asked for the report (not drawn from rng: the rest of the
                # fiction stays as it was).
                wants_report=submitted and number % 3 != 1,
                pages_seen=[
                    p["name"]
                    for p in version.definition["pages"]
                    if any(name in answers for name in p["fields"])
                ],
            )
            response.answers = answers
            response.save()
            Response.objects.filter(pk=response.pk).update(
                started_at=moment - timedelta(minutes=rng.randrange(15, 90)), saved_at=moment
            )
            Respondent.objects.filter(pk=respondent.pk).update(language=item["language"])
            if submitted:
                report.submitted += 1
            else:
                report.drafts += 1
        report.requests = _requests(questionnaire, rng)
    return report


def _requests(questionnaire: Questionnaire, rng: random.Random) -> int:
    """Two requests waiting, one approved, one declined."""
    reasons = [
        ("en", "I run a drop-in program for young people and we see recruitment online."),
        ("fr", "Je travaille dans un centre d'aide aux victimes en région."),
        ("en", "I am a researcher studying labour exploitation in seasonal work."),
        ("fr", "Notre organisme accompagne des travailleuses migrantes."),
    ]
    sectors = list(Sector.objects.filter(consultation=questionnaire.consultation))
    made = 0
    for (language, reason), person in zip(
        reasons, fictional_people(len(reasons), seed=4242), strict=True
    ):
        request = services.request_access(
            questionnaire=questionnaire,
            address=f"192.0.2.{10 + made}",
            name=person["name"],
            organisation=person.get("organisation", ""),
            email=person["email"],
            sector_id=rng.choice(sectors).pk if sectors else None,
            reason=reason,
            language=language,
        )
        if made == 2:
            services.decide_request(actor=None, request=request, approve=True)
        elif made == 3:
            services.decide_request(actor=None, request=request, approve=False)
        made += 1
    return made
