"""The demo consultation's two "What We Heard" reports, written, built, approved and published in
English and French from the demo analysis, through the same services a person uses.

The narrative is the project's own, and fiction except where it says otherwise: the dates, cities
and the two figures the department published in 2018 (more than 200 people in person, 42
questionnaire submissions) are real, and each report says so in its first lines. Every other
figure is a reference computed from the fictional data when the report is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from heard.analysis.models import Run
from heard.consultations.models import Consultation, Membership, Role
from heard.reports import drafting, files, loop, services
from heard.reports.models import Report, ReportKind, ReportState, Version

LEAD = "demo-lead-report"

FICTION_EN = (
    "**A demonstration.** Heard built this report from fictional data. The dates and places of "
    "the sessions are those of the 2018 engagement, and so are the figures said to be published "
    "by the department in 2018; every participant, answer, quote and finding is invented."
)
FICTION_FR = (
    "**Une démonstration.** Heard a produit ce rapport à partir de données fictives. Les dates "
    "et les lieux des séances sont ceux de la consultation de 2018, tout comme les chiffres "
    "présentés comme publiés par le ministère en 2018; chaque participant, réponse, citation et "
    "constat est inventé."
)

SESSIONS_EN = """The department held four meetings by invitation, each bringing together federal
departments, police, provinces and territories, the private sector and civil society to name
gaps, emerging issues and trends:

- 6 September 2018, Vancouver
- 10 September 2018, Winnipeg
- 13 September 2018, Montreal
- 27 and 28 September 2018, Toronto: the national summit

A questionnaire went to known stakeholders through personal links, including those who could not
attend; anyone else could ask for it. In the published 2018 report, more than 200 people took part
in person and the questionnaire received 42 submissions (figures published by the department).

In this demonstration, [[participants]] people were checked in at [[sessions]] sessions and
[[responses]] responses were submitted. The analysis read [[records]] records (answers and session
notes); people reviewed [[reviewed]] of them, and only the codes they kept are counted."""

SESSIONS_FR = """Le ministère a tenu quatre rencontres sur invitation, réunissant chacune des
ministères fédéraux, la police, les provinces et territoires, le secteur privé et la société
civile pour cerner les lacunes, les nouveaux enjeux et les tendances :

- 6 septembre 2018, Vancouver
- 10 septembre 2018, Winnipeg
- 13 septembre 2018, Montréal
- 27 et 28 septembre 2018, Toronto : le sommet national

Un questionnaire a été envoyé aux intervenants connus par des liens personnels, y compris à ceux
qui ne pouvaient pas assister aux séances; toute autre personne pouvait le demander. Selon le
rapport publié en 2018, plus de 200 personnes ont participé en personne et le questionnaire a
reçu 42 réponses (chiffres publiés par le ministère).

Dans cette démonstration, [[participants]] personnes ont été inscrites à l'arrivée à
[[sessions]] séances et [[responses]] réponses ont été soumises. L'analyse a lu [[records]]
enregistrements (réponses et notes de séance); des personnes en ont revu [[reviewed]], et seuls
les codes qu'elles ont retenus sont comptés."""

NEXT_EN = """The findings go to the people drafting the new national strategy. Participants
receive this report, and the questionnaire has a detailed report of its own. (Fiction: in 2019
the real strategy added a fifth pillar, empowerment, to the four Ps.)"""

NEXT_FR = """Les constats sont transmis aux personnes qui rédigent la nouvelle stratégie
nationale. Les participants reçoivent ce rapport, et le questionnaire fait l'objet d'un rapport
détaillé distinct. (Fait réel : en 2019, la stratégie a ajouté un cinquième pilier,
l'autonomisation, aux quatre P.)"""

QUESTIONNAIRE_EN = """The questionnaire went to known stakeholders through personal links, and to
anyone who asked for it. [[responses]] responses were submitted (42 in the 2018 engagement,
a figure published by the department). It was not a random sample: the answers show what those
who chose to answer think, not what every stakeholder thinks."""

QUESTIONNAIRE_FR = """Le questionnaire a été envoyé aux intervenants connus par des liens
personnels, et à toute personne qui l'a demandé. [[responses]] réponses ont été soumises (42 lors
de la consultation de 2018, chiffre publié par le ministère). Ce n'était pas un échantillon
aléatoire : les réponses montrent l'avis de ceux qui ont choisi de répondre, non celui de tous
les intervenants."""

WHO_EN = """Respondents described their organisation and where they work in the first questions;
the counts by type of organisation and by province are in the results that follow."""

WHO_FR = """Les répondants ont décrit leur organisation et leur lieu de travail dans les premières
questions; les nombres par type d'organisation et par province figurent dans les résultats
qui suivent."""

LIMITS_EN = """Each share is of those who answered the question, with a 95% interval (Wilson)
showing how much it could differ by chance with so few answers. Counts under the report's
threshold are not shown, and in a single-choice question one more count is hidden beside a lone
hidden one, so that it cannot be found by subtraction."""

LIMITS_FR = """Chaque proportion est calculée sur ceux qui ont répondu à la question, avec un
intervalle de 95 % (Wilson) qui montre de combien elle pourrait varier par hasard avec si peu de
réponses. Les nombres sous le seuil du rapport ne sont pas affichés et, dans une question à choix
unique, un autre nombre est masqué à côté d'un nombre masqué seul, pour qu'on ne puisse pas le
retrouver par soustraction."""


LOOP_EN = """**We asked** people who work against human trafficking, and people with lived
experience, what a new national strategy should do: in four meetings and a questionnaire.

**You said** (in this demonstration's fictional data: [[participants]] people in the sessions,
[[responses]] questionnaire responses)
that protection comes first: [[code:protection:percent]] of the records people reviewed speak of
it, from shelters to temporary resident permits.

**We did** (fiction): the findings went to the team drafting the strategy, and this report is
sent to everyone who took part or asked for it."""

LOOP_FR = """**Nous avons demandé** aux personnes qui luttent contre la traite des personnes, et
aux personnes ayant une expérience vécue, ce que devrait faire une nouvelle stratégie nationale :
lors de quatre rencontres et par un questionnaire.

**Vous avez répondu** (dans les données fictives de cette démonstration : [[participants]]
personnes aux séances, [[responses]] réponses au questionnaire) que la protection passe
d'abord : [[code:protection:percent]] des enregistrements revus en parlent, des refuges aux
permis de séjour temporaire.

**Nous avons agi** (fiction) : les constats ont été transmis à l'équipe qui rédige la stratégie,
et ce rapport est envoyé à toutes les personnes qui ont participé ou qui l'ont demandé."""


@dataclass
class DemoReports:
    published: list[str] = field(default_factory=list)
    files: int = 0
    told: int = 0


def _lead(consultation: Consultation) -> object:
    user, created = get_user_model().objects.get_or_create(username=LEAD)
    if created:
        user.set_unusable_password()  # fictional: nobody signs in as them
        user.save()
    Membership.objects.get_or_create(
        consultation=consultation, user=user, defaults={"role": Role.LEAD}
    )
    return user


def _texts(report: Report) -> list[tuple[str, str]]:
    glance_en, glance_fr = drafting.draft(report, "glance")
    codes_en, codes_fr = drafting.draft(report, "codes")
    if report.kind == ReportKind.FULL:
        return [
            (f"{FICTION_EN}\n\n{glance_en}", f"{FICTION_FR}\n\n{glance_fr}"),
            (SESSIONS_EN, SESSIONS_FR),
            (
                "What people said, code by code; each quote was approved by an analyst.\n\n"
                + codes_en,
                "Ce que les gens ont dit, code par code; chaque citation a été approuvée par "
                "un analyste.\n\n" + codes_fr,
            ),
            (
                "[[responses]] questionnaire responses were submitted; the detailed "
                "questionnaire report gives every question's results.",
                "[[responses]] réponses au questionnaire ont été soumises; le rapport détaillé "
                "sur le questionnaire donne les résultats de chaque question.",
            ),
            (NEXT_EN, NEXT_FR),
            (LOOP_EN, LOOP_FR),
        ]
    return [
        (f"{FICTION_EN}\n\n{QUESTIONNAIRE_EN}", f"{FICTION_FR}\n\n{QUESTIONNAIRE_FR}"),
        (WHO_EN, WHO_FR),
        (
            "The answers to the open questions were coded with the rest of the consultation; "
            "the closed questions' results follow.\n\n" + codes_en,
            "Les réponses aux questions ouvertes ont été codées avec le reste de la "
            "consultation; les résultats des questions fermées suivent.\n\n" + codes_fr,
        ),
        (LIMITS_EN, LIMITS_FR),
    ]


def _publish(consultation: Consultation, kind: str, run: Run, lead: object) -> Version:
    """Write, build, approve and publish one report, all or nothing."""
    with transaction.atomic():
        report = services.create_report(actor=lead, consultation=consultation, kind=kind, run=run)
        for section, (english, french) in zip(
            report.sections.order_by("position"), _texts(report), strict=True
        ):
            services.save_section(
                actor=lead,
                section=section,
                heading_en=section.heading_en,
                heading_fr=section.heading_fr,
                body_en=english,
                body_fr=french,
            )
        version = services.build_version(actor=lead, report=report)
        services.set_state(actor=lead, report=report, state=ReportState.REVIEW)
        services.set_state(actor=lead, report=report, state=ReportState.APPROVED)
        return services.publish(actor=lead, version=version)


def populate(consultation: Consultation) -> DemoReports:
    """Both reports, published, their files made, the full report emailed to participants.

    Each step is done once and picked up where it stopped: a report is published in one
    transaction (or not at all), its files and the email are made only if missing, so a demo
    interrupted at any point (even killed) completes on the next run. A report someone started
    by hand in the staff area is left alone."""
    result = DemoReports()
    run = (
        Run.objects.filter(consultation=consultation, state=Run.State.DONE)
        .order_by("-number")
        .first()
    )
    if run is None:
        return result
    lead = _lead(consultation)
    for kind in (ReportKind.FULL, ReportKind.QUESTIONNAIRE):
        report = Report.objects.filter(consultation=consultation, kind=kind).first()
        if report is None:
            version = _publish(consultation, kind, run, lead)
            report = version.report
            result.published.append(version.title_en)
        published = report.versions.filter(published_at__isnull=False).order_by("-number")
        newest = published.first()
        if newest is None:
            continue
        made = newest.files.count()
        result.files += len(files.make_all(newest)) - made
        # "Provided to participants": the full report, by email, once.
        if kind == ReportKind.FULL and report.told_at is None:
            result.told = loop.tell(actor=lead, report=report)
    return result
