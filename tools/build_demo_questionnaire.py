"""Build the demo questionnaire (heard/examples/human-trafficking-2018/questionnaire.xlsx).

The form is written here as data, one dict per row, with every text as an (English, French) pair.
Run it again after editing; the output is byte-for-byte the same for the same data:

    .venv/bin/python tools/build_demo_questionnaire.py

The result must convert with pyxform (tests/questionnaires/test_demo_questionnaire_file.py).
"""

from __future__ import annotations

import datetime
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

DEMO = Path(__file__).resolve().parent.parent / "heard" / "examples" / "human-trafficking-2018"
OUTPUT = DEMO / "questionnaire.xlsx"

EN = "English (en)"
FR = "Français (fr)"
# Columns that take one value per language; a row gives them as (English, French). Quotes in
# English texts are straight: pyxform turns curly quotes into straight ones anyway.
TRANSLATED = ("label", "hint", "required_message", "constraint_message")
SURVEY_COLUMNS = (
    "type",
    "name",
    "label",
    "hint",
    "required",
    "required_message",
    "relevant",
    "constraint",
    "constraint_message",
    "choice_filter",
    "appearance",
    "calculation",
    "default",
)
# Fixed dates, so that rebuilding gives the same file.
STAMP = datetime.datetime(2018, 8, 15, 9, 0, 0)

Pair = tuple[str, str]

# Texts used on several rows.
RATE: Pair = ("Please choose a rating.", "Veuillez choisir une évaluation.")
ALL_THAT_APPLY: Pair = ("Select all that apply.", "Cochez toutes les réponses qui s'appliquent.")
NO_NAMES: Pair = (
    "Please do not include names or details that could identify anyone.",
    "Veuillez ne pas inclure de noms ni de détails permettant d'identifier qui que ce soit.",
)


def page(name: str, label: Pair) -> dict[str, Any]:
    return {"type": "begin_group", "name": name, "label": label, "appearance": "field-list"}


def end(name: str) -> dict[str, Any]:
    return {"type": "end_group", "name": name}


def rating(name: str, label: Pair) -> dict[str, Any]:
    return {
        "type": "select_one rating",
        "name": name,
        "label": label,
        "required": "yes",
        "required_message": RATE,
        "appearance": "likert",
    }


def comments(name: str, label: Pair, hint: Pair = NO_NAMES) -> dict[str, Any]:
    return {"type": "text", "name": name, "label": label, "hint": hint, "appearance": "multiline"}


SURVEY: list[dict[str, Any]] = [
    # 1. Consent -----------------------------------------------------------------------------
    page("consent", ("Before you begin", "Avant de commencer")),
    {
        "type": "note",
        "name": "intro",
        "label": (
            "Thank you for taking part in Public Safety Canada's engagement on the way forward to "
            "end human trafficking. Your answers will help shape a new national strategy. The "
            "questionnaire takes about 20 minutes. Only the questions marked as required must be "
            "answered; you may skip any other question.",
            "Merci de participer à la consultation de Sécurité publique Canada sur la voie à "
            "suivre pour mettre fin à la traite des personnes. Vos réponses aideront à façonner "
            "une nouvelle stratégie nationale. Le questionnaire prend environ 20 minutes. Seules "
            "les questions obligatoires exigent une réponse ; vous pouvez passer toutes les "
            "autres.",
        ),
    },
    {
        "type": "note",
        "name": "privacy_notice",
        "label": (
            "Privacy notice: taking part is voluntary. Your answers are handled in accordance "
            "with the Privacy Act and reported only in aggregate; quotations are never "
            "attributed. Please do not include names or details that could identify a victim, "
            "a survivor or any other person.",
            "Avis de confidentialité : la participation est volontaire. Vos réponses sont "
            "traitées conformément à la Loi sur la protection des renseignements personnels et "
            "présentées uniquement sous forme globale ; les citations ne sont jamais attribuées. "
            "Veuillez ne pas inclure de noms ni de détails qui permettraient d'identifier une "
            "victime, une personne survivante ou toute autre personne.",
        ),
    },
    {
        "type": "note",
        "name": "wellbeing",
        "label": (
            "Some questions touch on difficult experiences. Take breaks as you need: you can save "
            "your answers and come back later. If you need support, please reach out to a victim "
            "services organisation in your area.",
            "Certaines questions portent sur des expériences difficiles. Prenez des pauses au "
            "besoin : vous pouvez enregistrer vos réponses et revenir plus tard. Si vous avez "
            "besoin de soutien, communiquez avec un organisme d'aide aux victimes de votre "
            "région.",
        ),
    },
    {
        "type": "acknowledge",
        "name": "privacy_ack",
        "label": (
            "I have read the privacy notice and agree to take part.",
            "J'ai lu l'avis de confidentialité et j'accepte de participer.",
        ),
        "required": "yes",
        "required_message": (
            "Please confirm that you have read the privacy notice to continue.",
            "Veuillez confirmer que vous avez lu l'avis de confidentialité pour continuer.",
        ),
    },
    end("consent"),
    # 2. Respondent profile ------------------------------------------------------------------
    page("profile", ("About you and your work", "Vous et votre travail")),
    {
        "type": "select_one sector",
        "name": "sector",
        "label": (
            "Which sector best describes your work on human trafficking?",
            "Quel secteur décrit le mieux votre travail en matière de traite des personnes ?",
        ),
        "hint": (
            "Choose the one that fits best.",
            "Choisissez celui qui convient le mieux.",
        ),
        "required": "yes",
        "required_message": ("Please choose a sector.", "Veuillez choisir un secteur."),
    },
    {
        "type": "select_one organisation_type",
        "name": "organisation_type",
        "label": (
            "What type of organisation do you represent?",
            "Quel type d'organisation représentez-vous ?",
        ),
        "required": "yes",
        "required_message": (
            "Please choose a type of organisation.",
            "Veuillez choisir un type d'organisation.",
        ),
    },
    {
        "type": "text",
        "name": "organisation_type_other",
        "label": (
            "Please specify the type of organisation.",
            "Veuillez préciser le type d'organisation.",
        ),
        "required": "yes",
        "required_message": (
            "Please describe the type of organisation.",
            "Veuillez décrire le type d'organisation.",
        ),
        "relevant": "${organisation_type} = 'other'",
    },
    {
        "type": "select_one region",
        "name": "province",
        "label": (
            "In which province or territory do you mainly work?",
            "Dans quelle province ou quel territoire travaillez-vous principalement ?",
        ),
        "hint": (
            'Choose "National" if your work covers all of Canada.',
            "Choisissez « National » si votre travail couvre l'ensemble du Canada.",
        ),
        "required": "yes",
        "required_message": (
            "Please choose a province or territory, or National.",
            "Veuillez choisir une province, un territoire ou « National ».",
        ),
        "appearance": "minimal",
    },
    {
        "type": "select_one city",
        "name": "city",
        "label": (
            "In which community do you mainly work?",
            "Dans quelle collectivité travaillez-vous principalement ?",
        ),
        "hint": (
            'If your community is not listed, choose "Elsewhere in the province or territory".',
            "Si votre collectivité ne figure pas dans la liste, choisissez « Ailleurs dans la "
            "province ou le territoire ».",
        ),
        "relevant": "${province} != 'ca'",
        "choice_filter": "province = ${province} or province = 'any'",
        "appearance": "minimal",
    },
    {
        "type": "integer",
        "name": "years_experience",
        "label": (
            "How many years have you worked on issues related to human trafficking?",
            "Depuis combien d'années travaillez-vous sur des questions liées à la traite des "
            "personnes ?",
        ),
        "hint": ("Enter 0 if less than one year.", "Inscrivez 0 si c'est moins d'un an."),
        "required": "yes",
        "required_message": (
            "Please enter a number of years.",
            "Veuillez inscrire un nombre d'années.",
        ),
        "constraint": ". >= 0 and . <= 70",
        "constraint_message": (
            "Enter a number of years between 0 and 70.",
            "Inscrivez un nombre d'années entre 0 et 70.",
        ),
    },
    {
        "type": "decimal",
        "name": "time_share",
        "label": (
            "About what percentage of your working time goes to human trafficking?",
            "Environ quel pourcentage de votre temps de travail consacrez-vous à la traite des "
            "personnes ?",
        ),
        "hint": (
            "A number from 0 to 100; decimals are allowed.",
            "Un nombre de 0 à 100 ; les décimales sont permises.",
        ),
        "constraint": ". >= 0 and . <= 100",
        "constraint_message": (
            "Enter a percentage between 0 and 100.",
            "Inscrivez un pourcentage entre 0 et 100.",
        ),
    },
    end("profile"),
    # 3. Prevention --------------------------------------------------------------------------
    page("prevention", ("Prevention", "Prévention")),
    {
        "type": "note",
        "name": "prevention_intro",
        "label": (
            "Prevention means stopping trafficking before it happens: raising awareness, "
            "reducing the vulnerabilities that traffickers exploit and addressing demand.",
            "La prévention consiste à empêcher la traite avant qu'elle ne se produise : "
            "sensibiliser la population, réduire les vulnérabilités qu'exploitent les "
            "trafiquants et s'attaquer à la demande.",
        ),
    },
    rating(
        "prevention_rating",
        (
            "How effective are current efforts in Canada to prevent human trafficking?",
            "Dans quelle mesure les efforts actuels de prévention de la traite des personnes au "
            "Canada sont-ils efficaces ?",
        ),
    ),
    {
        "type": "select_multiple prevention_measure",
        "name": "prevention_measures",
        "label": (
            "Which of these prevention measures have you seen make a difference?",
            "Parmi ces mesures de prévention, lesquelles avez-vous vues faire une différence ?",
        ),
        "hint": ALL_THAT_APPLY,
        "constraint": "not(selected(., 'none') and count-selected(.) > 1)",
        "constraint_message": (
            '"None of these" cannot be combined with other answers.',
            "« Aucune de ces mesures » ne peut pas être combinée avec d'autres réponses.",
        ),
    },
    comments(
        "prevention_comments",
        (
            "What more should be done to prevent human trafficking, and by whom?",
            "Que faudrait-il faire de plus pour prévenir la traite des personnes, et qui "
            "devrait le faire ?",
        ),
    ),
    end("prevention"),
    # 4. Protection --------------------------------------------------------------------------
    page("protection", ("Protection", "Protection")),
    {
        "type": "note",
        "name": "protection_intro",
        "label": (
            "Protection means identifying victims and survivors and giving them the support they "
            "need: safe housing, health care, legal help and protection from further harm.",
            "La protection consiste à repérer les victimes et les personnes survivantes et à "
            "leur offrir le soutien dont elles ont besoin : un logement sûr, des soins de santé, "
            "une aide juridique et une protection contre de nouveaux préjudices.",
        ),
    },
    rating(
        "protection_rating",
        (
            "How effective are current efforts in Canada to identify and support victims and "
            "survivors?",
            "Dans quelle mesure les efforts actuels pour repérer et soutenir les victimes et les "
            "personnes survivantes au Canada sont-ils efficaces ?",
        ),
    ),
    {
        "type": "select_one yes_no",
        "name": "received_training",
        "label": (
            "Have you received training on recognising and responding to human trafficking?",
            "Avez-vous reçu une formation sur la façon de reconnaître la traite des personnes et "
            "d'y réagir ?",
        ),
        "appearance": "horizontal",
    },
    {
        "type": "date",
        "name": "last_training",
        "label": (
            "When did you last receive such training?",
            "Quand avez-vous reçu une telle formation pour la dernière fois ?",
        ),
        "hint": ("An approximate date is fine.", "Une date approximative suffit."),
        "relevant": "${received_training} = 'yes'",
        "constraint": ". <= today()",
        "constraint_message": (
            "The date cannot be in the future.",
            "La date ne peut pas être dans le futur.",
        ),
    },
    comments(
        "protection_comments",
        (
            "What would better protect and support victims and survivors?",
            "Qu'est-ce qui permettrait de mieux protéger et soutenir les victimes et les "
            "personnes survivantes ?",
        ),
    ),
    end("protection"),
    # 5. Prosecution -------------------------------------------------------------------------
    page("prosecution", ("Prosecution", "Poursuites")),
    {
        "type": "note",
        "name": "prosecution_intro",
        "label": (
            "Prosecution means investigating trafficking and bringing offenders to justice, "
            "while treating victims and witnesses with care throughout the process.",
            "Les poursuites consistent à enquêter sur la traite et à traduire les contrevenants "
            "en justice, tout en traitant les victimes et les témoins avec soin tout au long du "
            "processus.",
        ),
    },
    rating(
        "prosecution_rating",
        (
            "How effective are current efforts in Canada to investigate and prosecute human "
            "trafficking?",
            "Dans quelle mesure les efforts actuels d'enquête et de poursuite en matière de "
            "traite des personnes au Canada sont-ils efficaces ?",
        ),
    ),
    comments(
        "prosecution_comments",
        (
            "What gets in the way of investigations and prosecutions, and what would help?",
            "Qu'est-ce qui nuit aux enquêtes et aux poursuites, et qu'est-ce qui aiderait ?",
        ),
    ),
    end("prosecution"),
    # 6. Partnerships ------------------------------------------------------------------------
    page("partnerships", ("Partnerships", "Partenariats")),
    {
        "type": "note",
        "name": "partnerships_intro",
        "label": (
            "Partnerships mean working together across governments, law enforcement, Indigenous "
            "communities, civil society, the private sector and other countries.",
            "Les partenariats consistent à travailler ensemble : gouvernements, services de "
            "police, communautés autochtones, société civile, secteur privé et autres pays.",
        ),
    },
    rating(
        "partnerships_rating",
        (
            "How effective are current partnerships among the organisations working against "
            "human trafficking?",
            "Dans quelle mesure les partenariats actuels entre les organisations qui luttent "
            "contre la traite des personnes sont-ils efficaces ?",
        ),
    ),
    {
        "type": "select_multiple sector",
        "name": "partner_sectors",
        "label": (
            "In the past year, with which sectors has your organisation worked on human "
            "trafficking?",
            "Au cours de la dernière année, avec quels secteurs votre organisation a-t-elle "
            "travaillé sur la traite des personnes ?",
        ),
        "hint": ALL_THAT_APPLY,
    },
    comments(
        "partnerships_comments",
        (
            "Which partnerships work well, and which are missing?",
            "Quels partenariats fonctionnent bien, et lesquels manquent ?",
        ),
    ),
    end("partnerships"),
    # 7. Empowerment -------------------------------------------------------------------------
    page("empowerment", ("Empowerment", "Autonomisation")),
    {
        "type": "note",
        "name": "empowerment_intro",
        "label": (
            "Empowerment means giving survivors and people at risk the means to take control of "
            "their lives, and giving people with lived experience a voice in the policies that "
            "affect them.",
            "L'autonomisation consiste à donner aux personnes survivantes et aux personnes à "
            "risque les moyens de reprendre leur vie en main, et à donner aux personnes ayant "
            "une expérience vécue une voix dans les politiques qui les concernent.",
        ),
    },
    rating(
        "empowerment_rating",
        (
            "How effective are current efforts in Canada to help survivors rebuild their lives?",
            "Dans quelle mesure les efforts actuels pour aider les personnes survivantes à "
            "rebâtir leur vie au Canada sont-ils efficaces ?",
        ),
    ),
    comments(
        "empowerment_comments",
        (
            "How can survivors and people with lived experience shape the work to end human "
            "trafficking?",
            "Comment les personnes survivantes et les personnes ayant une expérience vécue "
            "peuvent-elles orienter le travail pour mettre fin à la traite des personnes ?",
        ),
    ),
    end("empowerment"),
    # 8. Gaps, emerging issues and trends ----------------------------------------------------
    page(
        "gaps_trends", ("Gaps, emerging issues and trends", "Lacunes, nouveaux enjeux et tendances")
    ),
    {
        "type": "text",
        "name": "gaps",
        "label": (
            "What are the most important gaps in Canada's response to human trafficking today?",
            "Quelles sont les lacunes les plus importantes de la réponse actuelle du Canada à la "
            "traite des personnes ?",
        ),
        "hint": NO_NAMES,
        "required": "yes",
        "required_message": (
            "Please describe at least one gap.",
            "Veuillez décrire au moins une lacune.",
        ),
        "appearance": "multiline",
    },
    {
        "type": "select_multiple emerging_issue",
        "name": "emerging_issues",
        "label": (
            "Which emerging issues have you seen in your work over the past two years?",
            "Quels nouveaux enjeux avez-vous observés dans votre travail au cours des deux "
            "dernières années ?",
        ),
        "hint": ALL_THAT_APPLY,
    },
    {
        "type": "text",
        "name": "emerging_issues_other",
        "label": (
            "Please describe the other emerging issue.",
            "Veuillez décrire l'autre nouvel enjeu.",
        ),
        "required": "yes",
        "required_message": (
            'Please describe the issue, or unselect "Other".',
            "Veuillez décrire l'enjeu ou décocher « Autre ».",
        ),
        "relevant": "selected(${emerging_issues}, 'other')",
    },
    {
        "type": "calculate",
        "name": "emerging_issues_count",
        "calculation": "count-selected(${emerging_issues})",
    },
    comments(
        "trends",
        (
            "What trends do you expect in the coming years, and how should a national strategy "
            "prepare for them?",
            "Quelles tendances prévoyez-vous pour les prochaines années, et comment une stratégie "
            "nationale devrait-elle s'y préparer ?",
        ),
    ),
    end("gaps_trends"),
    # 9. Priorities --------------------------------------------------------------------------
    page(
        "priorities", ("Priorities for a national strategy", "Priorités d'une stratégie nationale")
    ),
    {
        "type": "rank pillar",
        "name": "pillar_ranking",
        "label": (
            "Rank the five pillars in order of priority for a new national strategy.",
            "Classez les cinq piliers par ordre de priorité pour une nouvelle stratégie nationale.",
        ),
        "hint": (
            "Put the highest priority first.",
            "Placez la priorité la plus élevée en premier.",
        ),
        "required": "yes",
        "required_message": ("Please rank the five pillars.", "Veuillez classer les cinq piliers."),
    },
    comments(
        "priority_action",
        (
            "If the new strategy could do only one thing, what should it be?",
            "Si la nouvelle stratégie ne pouvait accomplir qu'une seule chose, laquelle "
            "devrait-elle être ?",
        ),
    ),
    comments(
        "final_comments",
        (
            "Is there anything else you would like to tell us?",
            "Y a-t-il autre chose dont vous aimeriez nous faire part ?",
        ),
    ),
    {
        "type": "note",
        "name": "thanks",
        "label": (
            "Thank you. The Human Trafficking Task Force reads every answer, and a report on the "
            "questionnaire will be posted online.",
            "Merci. Le Groupe de travail sur la traite des personnes lit chaque réponse, et un "
            "rapport sur le questionnaire sera publié en ligne.",
        ),
    },
    end("priorities"),
]

# Choice lists: (list_name, name, English, French) and, for `city`, the province it filters on.
SECTORS: list[tuple[str, str, str]] = [  # the keys of sectors.yaml
    ("law-enforcement", "Law enforcement", "Services de police"),
    ("criminal-justice", "Criminal justice practitioners", "Intervenants de la justice pénale"),
    ("victim-services", "Victim services", "Services aux victimes"),
    ("indigenous-partners", "Indigenous partners", "Partenaires autochtones"),
    (
        "provinces-territories",
        "Provincial and territorial governments",
        "Gouvernements provinciaux et territoriaux",
    ),
    ("ngos", "Non-governmental organisations", "Organisations non gouvernementales"),
    ("private-sector", "Private sector", "Secteur privé"),
    ("experts", "Subject-matter experts", "Experts en la matière"),
    ("lived-experience", "People with lived experience", "Personnes ayant une expérience vécue"),
    ("academia", "Academia", "Milieu universitaire"),
]

ORGANISATION_TYPES: list[tuple[str, str, str]] = [
    (
        "federal_government",
        "Federal department or agency",
        "Ministère ou organisme fédéral",
    ),
    (
        "pt_government",
        "Provincial or territorial government",
        "Gouvernement provincial ou territorial",
    ),
    ("municipal_government", "Municipal government", "Administration municipale"),
    ("police_service", "Police service", "Service de police"),
    (
        "indigenous_organisation",
        "Indigenous government or organisation",
        "Gouvernement ou organisation autochtone",
    ),
    (
        "community_organisation",
        "Non-profit or community organisation",
        "Organisme sans but lucratif ou communautaire",
    ),
    ("private_company", "Private company", "Entreprise privée"),
    (
        "academic_institution",
        "University, college or research centre",
        "Université, collège ou centre de recherche",
    ),
    ("individual", "I am answering as an individual", "Je réponds à titre personnel"),
    ("other", "Other", "Autre"),
]

REGIONS: list[tuple[str, str, str]] = [  # heard.stakeholders.regions codes, in lower case
    ("ab", "Alberta", "Alberta"),
    ("bc", "British Columbia", "Colombie-Britannique"),
    ("mb", "Manitoba", "Manitoba"),
    ("nb", "New Brunswick", "Nouveau-Brunswick"),
    ("nl", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador"),
    ("nt", "Northwest Territories", "Territoires du Nord-Ouest"),
    ("ns", "Nova Scotia", "Nouvelle-Écosse"),
    ("nu", "Nunavut", "Nunavut"),
    ("on", "Ontario", "Ontario"),
    ("pe", "Prince Edward Island", "Île-du-Prince-Édouard"),
    ("qc", "Quebec", "Québec"),
    ("sk", "Saskatchewan", "Saskatchewan"),
    ("yt", "Yukon", "Yukon"),
    ("ca", "National (across Canada)", "National (partout au Canada)"),
]

# (name, English, French, province filter); "any" shows on every province's list.
CITIES: list[tuple[str, str, str, str]] = [
    ("calgary", "Calgary", "Calgary", "ab"),
    ("edmonton", "Edmonton", "Edmonton", "ab"),
    ("vancouver", "Vancouver", "Vancouver", "bc"),
    ("surrey", "Surrey", "Surrey", "bc"),
    ("victoria", "Victoria", "Victoria", "bc"),
    ("prince_george", "Prince George", "Prince George", "bc"),
    ("winnipeg", "Winnipeg", "Winnipeg", "mb"),
    ("thompson", "Thompson", "Thompson", "mb"),
    ("moncton", "Moncton", "Moncton", "nb"),
    ("saint_john", "Saint John", "Saint John", "nb"),
    ("fredericton", "Fredericton", "Fredericton", "nb"),
    ("st_johns", "St. John's", "St. John's", "nl"),
    ("yellowknife", "Yellowknife", "Yellowknife", "nt"),
    ("halifax", "Halifax", "Halifax", "ns"),
    ("sydney", "Sydney", "Sydney", "ns"),
    ("iqaluit", "Iqaluit", "Iqaluit", "nu"),
    ("toronto", "Toronto", "Toronto", "on"),
    ("ottawa", "Ottawa", "Ottawa", "on"),
    ("hamilton", "Hamilton", "Hamilton", "on"),
    ("london", "London", "London", "on"),
    ("windsor", "Windsor", "Windsor", "on"),
    ("thunder_bay", "Thunder Bay", "Thunder Bay", "on"),
    ("charlottetown", "Charlottetown", "Charlottetown", "pe"),
    ("montreal", "Montreal", "Montréal", "qc"),
    ("quebec_city", "Quebec City", "Québec", "qc"),
    ("gatineau", "Gatineau", "Gatineau", "qc"),
    ("sherbrooke", "Sherbrooke", "Sherbrooke", "qc"),
    ("regina", "Regina", "Regina", "sk"),
    ("saskatoon", "Saskatoon", "Saskatoon", "sk"),
    ("whitehorse", "Whitehorse", "Whitehorse", "yt"),
    (
        "elsewhere",
        "Elsewhere in the province or territory",
        "Ailleurs dans la province ou le territoire",
        "any",
    ),
]

RATINGS: list[tuple[str, str, str]] = [
    ("not_effective", "Not effective", "Pas efficaces"),
    ("slightly_effective", "Slightly effective", "Peu efficaces"),
    ("moderately_effective", "Moderately effective", "Moyennement efficaces"),
    ("very_effective", "Very effective", "Très efficaces"),
    ("dont_know", "Don't know", "Je ne sais pas"),
]

YES_NO: list[tuple[str, str, str]] = [("yes", "Yes", "Oui"), ("no", "No", "Non")]

PREVENTION_MEASURES: list[tuple[str, str, str]] = [
    ("awareness", "Public awareness campaigns", "Campagnes de sensibilisation du public"),
    ("schools", "Education in schools", "Éducation en milieu scolaire"),
    ("youth_outreach", "Outreach to youth at risk", "Intervention auprès des jeunes à risque"),
    ("online_safety", "Online safety education", "Éducation à la sécurité en ligne"),
    (
        "supply_chains",
        "Due diligence in business supply chains",
        "Diligence raisonnable dans les chaînes d'approvisionnement des entreprises",
    ),
    (
        "frontline_training",
        "Training for front-line workers",
        "Formation des intervenants de première ligne",
    ),
    (
        "community_led",
        "Indigenous-led and community-led programs",
        "Programmes dirigés par des Autochtones et par les collectivités",
    ),
    ("none", "None of these", "Aucune de ces mesures"),
]

EMERGING_ISSUES: list[tuple[str, str, str]] = [
    (
        "online_recruitment",
        "Recruitment and exploitation online",
        "Recrutement et exploitation en ligne",
    ),
    (
        "labour_trafficking",
        "Labour trafficking (for example in agriculture, construction or hospitality)",
        "Traite à des fins de travail forcé (par exemple en agriculture, dans la construction "
        "ou l'hôtellerie)",
    ),
    (
        "migrant_workers",
        "Exploitation of temporary foreign and migrant workers",
        "Exploitation de travailleurs étrangers temporaires et de travailleurs migrants",
    ),
    ("youth_luring", "Luring of children and youth", "Leurre d'enfants et de jeunes"),
    (
        "domestic_trafficking",
        "Trafficking of people within Canada, between cities",
        "Traite de personnes à l'intérieur du Canada, d'une ville à l'autre",
    ),
    ("forced_marriage", "Forced marriage", "Mariage forcé"),
    (
        "money_laundering",
        "Laundering of trafficking profits, including through digital payments",
        "Blanchiment des profits de la traite, y compris par des paiements numériques",
    ),
    ("other", "Other", "Autre"),
]

PILLARS: list[tuple[str, str, str]] = [
    ("prevention", "Prevention", "Prévention"),
    ("protection", "Protection", "Protection"),
    ("prosecution", "Prosecution", "Poursuites"),
    ("partnerships", "Partnerships", "Partenariats"),
    ("empowerment", "Empowerment", "Autonomisation"),
]

CHOICES: list[tuple[str, str, str, str, str]] = [
    *(("sector", *row, "") for row in SECTORS),
    *(("organisation_type", *row, "") for row in ORGANISATION_TYPES),
    *(("region", *row, "") for row in REGIONS),
    *(("city", *row) for row in CITIES),
    *(("rating", *row, "") for row in RATINGS),
    *(("yes_no", *row, "") for row in YES_NO),
    *(("prevention_measure", *row, "") for row in PREVENTION_MEASURES),
    *(("emerging_issue", *row, "") for row in EMERGING_ISSUES),
    *(("pillar", *row, "") for row in PILLARS),
]

SETTINGS: dict[str, str] = {
    "form_title": "2018 Human Trafficking Consultation Questionnaire",
    "form_id": "human_trafficking_2018",
    "version": "2018-1",
    "default_language": EN,
}


def survey_rows() -> list[list[str]]:
    used = [c for c in SURVEY_COLUMNS if any(c in row for row in SURVEY)]
    header: list[str] = []
    for column in used:
        header += [f"{column}::{EN}", f"{column}::{FR}"] if column in TRANSLATED else [column]
    rows = [header]
    for row in SURVEY:
        unknown = set(row) - set(SURVEY_COLUMNS)
        if unknown:
            raise ValueError(f"{row['name']}: unknown columns {sorted(unknown)}")
        cells: list[str] = []
        for column in used:
            value = row.get(column)
            if column in TRANSLATED:
                en, fr = value if value else ("", "")
                if bool(en) != bool(fr):
                    raise ValueError(f"{row['name']}: {column} needs both languages")
                cells += [en, fr]
            else:
                cells.append(value or "")
        rows.append(cells)
    return rows


def choice_rows() -> list[list[str]]:
    header = ["list_name", "name", f"label::{EN}", f"label::{FR}", "province"]
    return [header, *([*row] for row in CHOICES)]


def settings_rows() -> list[list[str]]:
    return [list(SETTINGS), list(SETTINGS.values())]


def build() -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    widths = {"type": 34, "name": 26, "label": 60, "hint": 40}
    for title, rows in (
        ("survey", survey_rows()),
        ("choices", choice_rows()),
        ("settings", settings_rows()),
    ):
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append([cell or None for cell in row])
        sheet.freeze_panes = "A2"
        for index, heading in enumerate(rows[0]):
            cell = sheet.cell(row=1, column=index + 1)
            cell.font = Font(bold=True)
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = widths.get(heading.split("::")[0], 22)
            if heading.split("::")[0] in {"label", "hint"}:
                for body in sheet.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
                    body[0].alignment = Alignment(wrap_text=True, vertical="top")

    props = workbook.properties
    props.creator = "Heard"
    props.lastModifiedBy = "Heard"
    props.title = SETTINGS["form_title"]
    props.created = STAMP
    props.modified = STAMP

    # Workbook.save() stamps the current time; write through ExcelWriter instead, then give
    # every zip entry the same fixed date.
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()


def main() -> int:
    OUTPUT.write_bytes(build())
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
