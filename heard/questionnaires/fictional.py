"""Fictional answers to the demo questionnaire (human-trafficking-2018), for the demo and tests.

`fictional_answers(definition)` reads the fields, pages and choices from a questionnaire
definition (the shape in DEFINITION.md) and returns 42 submitted responses and 5 drafts. Values
follow the answer types of DEFINITION.md, and the form's own rules hold: required fields are
answered, irrelevant fields are left out, constraints are met, filtered choice lists are honoured
and calculations are computed. The rules are evaluated by `_Expression` below, which knows just
the XLSForm expressions the demo form uses (comparisons, and/or, not(), selected(),
count-selected(), today()).

Only the open-text content is written for the demo's own fields (`_TEXTS`, keyed by field name),
along with a few leanings (`_LEANINGS`) that make the profile plausible; a leaning that names a
choice the definition does not have is simply ignored. No name, address or number of a real
person appears anywhere.
"""

from __future__ import annotations

import datetime
import math
import random
import re
from collections.abc import Sequence
from typing import Any

from heard.questionnaires.answer_files import FILE_TYPES
from heard.questionnaires.locations import LOCATION_TYPES

OPENS = datetime.date(2018, 9, 1)  # the consultation's opening date; submitted_day counts from it
SUBMISSIONS = {"en": 30, "fr": 12}  # 42 questionnaires were received
DRAFTS = {"en": 3, "fr": 2}
LAST_DAY = 40

Value = str | float | bool | list[str]

# --- Expressions ----------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<ref>\$\{[A-Za-z_][A-Za-z0-9_.-]*\})
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<op>!=|>=|<=|=|>|<|\(|\)|,)
      | (?P<name>[A-Za-z_][A-Za-z0-9_.-]*)
      | (?P<dot>\.)
    )""",
    re.VERBOSE,
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _text(value: Value | None) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _number(value: Value | None) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    try:
        return float(_text(value))
    except ValueError:
        return math.nan


def _truth(value: Value | None) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    return bool(_text(value))


def _compare(left: Value, op: str, right: Value) -> bool:
    if op in {"=", "!="}:
        if isinstance(left, bool) or isinstance(right, bool):
            equal = _truth(left) == _truth(right)
        elif isinstance(left, float) or isinstance(right, float):
            equal = _number(left) == _number(right)
        else:
            equal = _text(left) == _text(right)
        return equal if op == "=" else not equal
    a: Any
    b: Any
    if _DATE.match(_text(left)) and _DATE.match(_text(right)):
        a, b = _text(left), _text(right)
    else:
        a, b = _number(left), _number(right)
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


class _Expression:
    """Evaluates one XLSForm expression of the subset the demo form uses."""

    def __init__(
        self,
        source: str,
        answers: dict[str, Any],
        *,
        today: datetime.date,
        current: Value | None = None,
        columns: dict[str, str] | None = None,
    ) -> None:
        self.source = source
        self.answers = answers
        self.today = today
        self.current = current
        self.columns = columns or {}
        self.tokens: list[tuple[str, str]] = []
        position = 0
        while position < len(source):
            if not source[position:].strip():
                break
            match = _TOKEN.match(source, position)
            if match is None or match.lastgroup is None:
                raise ValueError(f"cannot read {source!r} at {position}")
            self.tokens.append((match.lastgroup, match.group(match.lastgroup)))
            position = match.end()
        self.index = 0

    def value(self) -> Value:
        result = self._or()
        if self.index != len(self.tokens):
            raise ValueError(f"unexpected {self.tokens[self.index][1]!r} in {self.source!r}")
        return result

    def _peek(self) -> tuple[str, str]:
        return self.tokens[self.index] if self.index < len(self.tokens) else ("end", "")

    def _take(self, text: str | None = None) -> tuple[str, str]:
        token = self._peek()
        if token[0] == "end" or (text is not None and token[1] != text):
            raise ValueError(f"expected {text or 'more'} in {self.source!r}")
        self.index += 1
        return token

    def _or(self) -> Value:
        result = self._and()
        while self._peek() == ("name", "or"):
            self._take()
            right = self._and()
            result = _truth(result) or _truth(right)
        return result

    def _and(self) -> Value:
        result = self._comparison()
        while self._peek() == ("name", "and"):
            self._take()
            right = self._comparison()
            result = _truth(result) and _truth(right)
        return result

    def _comparison(self) -> Value:
        left = self._primary()
        kind, text = self._peek()
        if kind == "op" and text in {"=", "!=", "<", "<=", ">", ">="}:
            self._take()
            return _compare(left, text, self._primary())
        return left

    def _primary(self) -> Value:
        kind, text = self._take()
        if kind == "ref":
            answer = self.answers.get(text[2:-1])
            return _text(answer) if isinstance(answer, int) else answer or ""
        if kind == "string":
            return text[1:-1]
        if kind == "number":
            return float(text)
        if kind == "dot":
            return self.current if self.current is not None else ""
        if kind == "op" and text == "(":
            result = self._or()
            self._take(")")
            return result
        if kind == "name" and self._peek() == ("op", "("):
            self._take("(")
            arguments: list[Value] = []
            while self._peek() != ("op", ")"):
                arguments.append(self._or())
                if self._peek() == ("op", ","):
                    self._take()
            self._take(")")
            return self._call(text, arguments)
        if kind == "name" and text in self.columns:
            return self.columns[text]
        raise ValueError(f"unexpected {text!r} in {self.source!r}")

    def _call(self, function: str, arguments: list[Value]) -> Value:
        if function == "selected" and len(arguments) == 2:
            return _text(arguments[1]) in _text(arguments[0]).split()
        if function == "count-selected" and len(arguments) == 1:
            return float(len(_text(arguments[0]).split()))
        if function == "not" and len(arguments) == 1:
            return not _truth(arguments[0])
        if function == "today" and not arguments:
            return self.today.isoformat()
        if function in {"true", "false"} and not arguments:
            return function == "true"
        if function == "string-length" and len(arguments) == 1:
            return float(len(_text(arguments[0])))
        raise ValueError(f"{function}() is not supported, in {self.source!r}")


# --- Content written for the demo --------------------------------------------------------------

# Open texts, keyed by field name, then language: sentences that each stand alone. A response
# to a field in _ONE_SENTENCE uses one of them; other fields combine one to three.
_TEXTS: dict[str, dict[str, list[str]]] = {
    "organisation_type_other": {
        "en": [
            "Faith-based community organisation",
            "Labour union",
            "Regional health authority",
            "School board",
            "Professional association",
            "Sexual assault centre",
            "Settlement agency for newcomers",
            "Community legal clinic",
        ],
        "fr": [
            "Organisme communautaire confessionnel",
            "Syndicat",
            "Établissement de santé et de services sociaux",
            "Commission scolaire",
            "Ordre professionnel",
            "Centre d'aide aux victimes d'agression sexuelle",
            "Organisme d'accueil des nouveaux arrivants",
            "Clinique juridique communautaire",
        ],
    },
    "prevention_comments": {
        "en": [
            "Awareness campaigns need to reach parents and teachers, not just youth. Most of the "
            "young people we work with were recruited by someone they already trusted.",
            "Prevention money comes in one-year pilots. By the time a program is known in the "
            "community, the funding ends. Multi-year funding would change that.",
            "Schools should teach healthy relationships and online safety from grade 6. "
            "Recruitment starts earlier than most people think.",
            "We need campaigns aimed at buyers and at demand, not only at potential victims.",
            "Temporary foreign workers should learn about their rights in their own language "
            "before they arrive, not after something has gone wrong.",
            "Indigenous-led prevention programs work because they are trusted. They should be "
            "funded directly, not through a chain of intermediaries.",
            "Hotel, trucking and bank staff are well placed to notice the signs of trafficking. "
            "Short, practical training for these industries would help.",
            "Poverty, unstable housing and gaps in child welfare are the real drivers. "
            "Prevention has to address what makes people vulnerable in the first place.",
            "Rural and northern communities are left out of campaigns designed for big cities.",
            "Youth who age out of foster care are targeted. Better support at that moment would "
            "prevent a great deal of harm.",
        ],
        "fr": [
            "Les campagnes de sensibilisation doivent aussi joindre les parents et le personnel "
            "enseignant, pas seulement les jeunes. La plupart des jeunes que nous accompagnons "
            "ont été recrutés par une personne en qui ils avaient confiance.",
            "La prévention est financée par des projets pilotes d'un an. Quand un programme "
            "commence à être connu dans le milieu, le financement prend fin. Il faut un "
            "financement pluriannuel.",
            "Les écoles devraient aborder les relations saines et la sécurité en ligne dès la "
            "sixième année. Le recrutement commence plus tôt qu'on ne le pense.",
            "Il faudrait des campagnes qui visent les clients et la demande, et pas uniquement "
            "les victimes potentielles.",
            "Les travailleurs étrangers temporaires devraient être informés de leurs droits dans "
            "leur langue avant leur arrivée, et non une fois le problème survenu.",
            "Les programmes de prévention menés par des Autochtones fonctionnent parce qu'ils "
            "inspirent confiance. Ils devraient être financés directement, sans une série "
            "d'intermédiaires.",
            "Le personnel des hôtels, du camionnage et des banques est bien placé pour repérer "
            "les signes de traite. Une formation courte et concrète pour ces secteurs serait "
            "utile.",
            "La pauvreté, la précarité du logement et les failles de la protection de la "
            "jeunesse sont les véritables causes. La prévention doit s'attaquer à ce qui rend "
            "les personnes vulnérables.",
            "Les régions rurales et éloignées sont souvent oubliées par des campagnes conçues "
            "pour les grandes villes.",
            "Les jeunes qui quittent les centres jeunesse à 18 ans sont ciblés. Un meilleur "
            "accompagnement à ce moment-là éviterait bien des drames.",
        ],
    },
    "protection_comments": {
        "en": [
            "There are almost no emergency beds set aside for trafficking survivors in our "
            "region. Women are placed in general shelters that cannot keep them safe from the "
            "people exploiting them.",
            "Survivors need long-term support: housing, trauma counselling, addiction services "
            "and help with criminal records that came from their exploitation.",
            "Staff in emergency rooms and clinics rarely recognise the signs. Mandatory training "
            "would help identify victims earlier.",
            "Foreign nationals need to know they will not be removed from Canada if they come "
            "forward. Getting a temporary resident permit is too slow and too uncertain.",
            "Services should be survivor-led and trauma-informed. Too often survivors have to "
            "tell their story again and again to get help.",
            "Men, boys and LGBTQ2 people are trafficked too, but very few services are designed "
            "for them.",
            "Victim services are funded by the number of clients served, which discourages the "
            "long, slow work that survivors actually need.",
            "Support has to be available around the clock. Exploitation does not stop at 5 p.m. "
            "on a Friday.",
            "Protection orders and safety planning should be available even when no criminal "
            "charge has been laid.",
            "In the North, survivors often have to fly south for services, far from family and "
            "community.",
        ],
        "fr": [
            "Il n'y a pratiquement aucune place d'urgence réservée aux personnes survivantes de "
            "la traite dans notre région. Les femmes sont orientées vers des refuges généraux qui "
            "ne peuvent pas les protéger de leurs exploiteurs.",
            "Les personnes survivantes ont besoin d'un soutien à long terme : logement, suivi "
            "psychologique adapté aux traumatismes, services en dépendance et aide pour les "
            "casiers judiciaires liés à leur exploitation.",
            "Le personnel des urgences et des cliniques reconnaît rarement les signes de traite. "
            "Une formation obligatoire permettrait de repérer les victimes plus tôt.",
            "Les ressortissants étrangers doivent savoir qu'ils ne seront pas renvoyés du Canada "
            "s'ils dénoncent leur situation. L'obtention d'un permis de séjour temporaire est "
            "trop lente et trop incertaine.",
            "Les services devraient être conçus avec les personnes survivantes et tenir compte "
            "des traumatismes. Trop souvent, elles doivent raconter leur histoire encore et "
            "encore pour obtenir de l'aide.",
            "Des hommes, des garçons et des personnes LGBTQ2 sont aussi victimes de traite, mais "
            "très peu de services leur sont destinés.",
            "Les services aux victimes sont financés selon le nombre de personnes servies, ce qui "
            "décourage le travail de longue haleine dont les personnes survivantes ont besoin.",
            "Il faut un accès au soutien 24 heures sur 24. L'exploitation ne s'arrête pas le "
            "vendredi à 17 h.",
            "Les services en français sont difficiles à obtenir hors du Québec, surtout en "
            "hébergement d'urgence.",
            "Les ordonnances de protection et les plans de sécurité devraient être accessibles "
            "même sans accusation criminelle.",
        ],
    },
    "prosecution_comments": {
        "en": [
            "Cases rest almost entirely on the victim's testimony. Investigators need the "
            "resources to build cases on financial and digital evidence instead.",
            "Court processes take years. Survivors drop out because they cannot keep reliving "
            "the trauma with no end in sight.",
            "Testimonial aids, such as screens and closed-circuit testimony, should be offered "
            "in every trafficking case, not only on request.",
            "Many police services have no dedicated trafficking unit. Officers who see one case a "
            "year cannot be expected to know the Criminal Code provisions well.",
            "Prosecutors often choose procuring or assault charges because they are easier to "
            "prove. We need data to understand why trafficking charges are dropped.",
            "Labour trafficking is almost never prosecuted. Labour inspectors and police do not "
            "share information.",
            "Information sharing between provinces is slow, and traffickers move victims from "
            "city to city precisely because of it.",
            "Myths about what a 'real victim' looks like persist in courtrooms. Education for "
            "the judiciary would help.",
            "Victims should have independent legal advice from the start of an investigation.",
            "Seizing the proceeds of crime would hit traffickers where it hurts and could fund "
            "survivor services.",
        ],
        "fr": [
            "Les dossiers reposent presque entièrement sur le témoignage de la victime. Les "
            "enquêteurs ont besoin de ressources pour s'appuyer plutôt sur la preuve financière "
            "et numérique.",
            "Les procédures judiciaires durent des années. Des personnes survivantes abandonnent "
            "parce qu'elles ne peuvent plus revivre le traumatisme sans fin en vue.",
            "Les aides au témoignage, comme l'écran ou la télévision en circuit fermé, devraient "
            "être offertes d'office dans toutes les affaires de traite.",
            "Plusieurs corps de police n'ont pas d'équipe spécialisée en traite. Un policier qui "
            "voit un tel dossier une fois par année ne peut pas maîtriser les dispositions du "
            "Code criminel.",
            "Les procureurs optent souvent pour des accusations de proxénétisme ou de voies de "
            "fait, plus faciles à prouver. Il faudrait des données pour comprendre pourquoi.",
            "La traite à des fins de travail forcé n'est presque jamais poursuivie. Les "
            "inspecteurs du travail et la police ne se parlent pas.",
            "L'échange d'information entre les provinces est lent, et les trafiquants en "
            "profitent en déplaçant les victimes d'une ville à l'autre.",
            "Les mythes sur la « vraie victime » persistent dans les salles d'audience. De la "
            "formation pour la magistrature serait utile.",
            "Les victimes devraient avoir accès à des conseils juridiques indépendants dès le "
            "début de l'enquête.",
            "La saisie des produits de la criminalité frapperait les trafiquants là où ça fait "
            "mal et pourrait financer les services aux personnes survivantes.",
        ],
    },
    "partnerships_comments": {
        "en": [
            "Our local round table of police, shelters and health services works well because "
            "the same people meet every month and trust each other.",
            "Federal, provincial and municipal programs do not talk to each other. An "
            "organisation like ours reports to four funders on four different forms.",
            "Partnerships with Indigenous communities must be built on their terms, with "
            "Indigenous organisations at the table from the start rather than consulted at the "
            "end.",
            "Banks have become strong partners: their reports of suspicious transactions have "
            "opened several investigations.",
            "Technology companies and online classified sites need to be at the table, since "
            "most of the recruitment we see now starts online.",
            "Small community organisations are asked to join every partnership but are never "
            "paid for their time.",
            "There is no national mechanism to share what works. Each region reinvents the same "
            "protocols.",
            "Cooperation with the United States on cross-border cases has improved, but it still "
            "depends on personal contacts.",
            "Employers and agricultural associations should be partners in preventing labour "
            "exploitation, not only the targets of inspections.",
            "Survivors should be paid partners in designing programs, not only invited to share "
            "their stories.",
        ],
        "fr": [
            "Notre table de concertation locale, qui réunit la police, les maisons d'hébergement "
            "et les services de santé, fonctionne bien parce que les mêmes personnes se "
            "rencontrent chaque mois et se font confiance.",
            "Les programmes fédéraux, provinciaux et municipaux ne se parlent pas. Un organisme "
            "comme le nôtre rend des comptes à quatre bailleurs de fonds sur quatre formulaires "
            "différents.",
            "Les partenariats avec les communautés autochtones doivent se bâtir selon leurs "
            "conditions, avec les organisations autochtones à la table dès le départ.",
            "Les institutions financières sont devenues des partenaires précieux : leurs "
            "déclarations d'opérations douteuses ont mené à plusieurs enquêtes.",
            "Les entreprises technologiques et les sites d'annonces en ligne doivent faire "
            "partie de la solution, puisque la majorité du recrutement commence maintenant en "
            "ligne.",
            "On invite les petits organismes communautaires à tous les partenariats, mais leur "
            "temps n'est jamais rémunéré.",
            "Il n'existe aucun mécanisme national pour partager ce qui fonctionne. Chaque région "
            "réinvente les mêmes protocoles.",
            "La collaboration entre le milieu communautaire et la police s'est améliorée dans "
            "notre ville, mais elle repose encore sur quelques personnes clés.",
            "Les employeurs et les associations agricoles devraient être des partenaires pour "
            "prévenir l'exploitation des travailleurs, et pas seulement des cibles d'inspection.",
            "Les personnes survivantes devraient être rémunérées comme partenaires dans la "
            "conception des programmes, et pas seulement invitées à raconter leur histoire.",
        ],
    },
    "empowerment_comments": {
        "en": [
            "Survivors need paid roles on advisory committees, with training and support, not "
            "one-time invitations to tell their stories.",
            "Peer support programs run by survivors reach people that no agency can reach.",
            "Access to education, job training and a first job are what let survivors leave "
            "for good.",
            "Survivor-led organisations should receive core funding, not only project funding.",
            "Criminal records linked to exploitation block housing and jobs. Record suspensions "
            "should be free and fast for survivors.",
            "For Indigenous survivors, empowerment means reconnecting with culture, land and "
            "community, guided by Elders and Indigenous organisations.",
            "Help with budgeting and opening a bank account are small things that make a big "
            "difference.",
            "Nothing about us without us: people with lived experience should review the "
            "strategy before it is published.",
            "Childcare is the biggest barrier for the mothers we work with who want to go back "
            "to school.",
            "Survivors should be able to choose their own services rather than being referred "
            "from one program to the next.",
        ],
        "fr": [
            "Les personnes survivantes doivent occuper des postes rémunérés au sein des comités "
            "consultatifs, avec de la formation et du soutien, plutôt que recevoir une "
            "invitation ponctuelle à témoigner.",
            "Les programmes de soutien par les pairs, animés par des personnes survivantes, "
            "atteignent des gens qu'aucun organisme ne parvient à joindre.",
            "L'accès aux études, à la formation professionnelle et à un premier emploi permet aux "
            "personnes survivantes de s'en sortir pour de bon.",
            "Les organismes dirigés par des personnes survivantes devraient recevoir un "
            "financement de base, pas seulement un financement par projet.",
            "Les casiers judiciaires liés à l'exploitation bloquent l'accès au logement et à "
            "l'emploi. La suspension du casier devrait être gratuite et rapide pour les "
            "personnes survivantes.",
            "Pour les personnes survivantes autochtones, l'autonomisation passe par le retour à "
            "la culture, au territoire et à la communauté, sous la conduite des aînés.",
            "Apprendre à gérer un budget et obtenir de l'aide pour ouvrir un compte bancaire : "
            "ce sont de petites choses qui changent beaucoup.",
            "Rien sur nous sans nous : les personnes ayant une expérience vécue devraient pouvoir "
            "commenter la stratégie avant sa publication.",
            "Le manque de places en garderie est le principal obstacle pour les mères que nous "
            "accompagnons et qui veulent retourner aux études.",
            "Les personnes survivantes devraient pouvoir choisir leurs services plutôt que d'être "
            "dirigées d'un programme à l'autre.",
        ],
    },
    "gaps": {
        "en": [
            "There is no reliable national data on human trafficking. Police-reported numbers "
            "capture only a fraction of cases, and every organisation counts differently.",
            "Services for survivors are concentrated in large cities. Rural, remote and northern "
            "communities have almost nothing.",
            "Labour trafficking is largely invisible. Most of the attention and funding goes to "
            "sexual exploitation.",
            "Front-line workers such as nurses, teachers, social workers and border officers "
            "receive little or no training on recognising trafficking.",
            "Funding is short-term and project-based, so experienced staff leave and programs "
            "close just as they start to work.",
            "Indigenous women and girls are over-represented among victims, yet Indigenous-led "
            "programs receive a small share of the funding.",
            "There is no long-term housing for survivors once an emergency stay ends.",
            "Migrant workers whose permits tie them to one employer have no safe way to leave an "
            "exploitative job.",
            "Youth are recruited online, but police and schools lack the tools to respond to "
            "online exploitation.",
            "There is no single place where victims or service providers can call for help and "
            "referrals at any hour.",
            "Coordination between the federal government and the provinces is weak; it is not "
            "clear who is responsible for what.",
        ],
        "fr": [
            "Il n'existe pas de données nationales fiables sur la traite des personnes. Les "
            "statistiques policières ne captent qu'une fraction des cas, et chaque organisme "
            "compte à sa façon.",
            "Les services aux personnes survivantes sont concentrés dans les grands centres. Les "
            "régions rurales, éloignées et nordiques n'ont presque rien.",
            "La traite à des fins de travail forcé reste largement invisible. L'essentiel de "
            "l'attention et du financement va à l'exploitation sexuelle.",
            "Le personnel de première ligne, comme les infirmières, les enseignants, les "
            "travailleurs sociaux et les agents frontaliers, reçoit peu ou pas de formation pour "
            "reconnaître la traite.",
            "Le financement est à court terme et par projet : le personnel d'expérience s'en va "
            "et les programmes ferment au moment où ils commencent à porter fruit.",
            "Les femmes et les filles autochtones sont surreprésentées parmi les victimes, mais "
            "les programmes menés par des Autochtones reçoivent une faible part du financement.",
            "Il n'existe aucun logement à long terme pour les personnes survivantes une fois le "
            "séjour d'urgence terminé.",
            "Les travailleurs migrants dont le permis est lié à un seul employeur n'ont aucun "
            "moyen sûr de quitter un emploi où ils sont exploités.",
            "Les jeunes sont recrutés en ligne, mais la police et les écoles n'ont pas les "
            "outils pour intervenir face à l'exploitation en ligne.",
            "Il n'y a aucun endroit unique où les victimes et les intervenants peuvent obtenir "
            "de l'aide et des références à toute heure.",
            "Les services en français sont rares à l'extérieur du Québec, ce qui isole encore "
            "davantage les victimes francophones.",
        ],
    },
    "emerging_issues_other": {
        "en": [
            "Exploitation through fake modelling and talent agencies",
            "Recruitment of international students through fraudulent job offers",
            "Trafficking linked to short-term rental apartments",
            "Debt bondage through fees charged by recruitment agencies",
            "Use of encrypted messaging apps to sell sexual services",
            "Exploitation of live-in caregivers",
            "Recruitment in group homes by other youth",
            "Online romance scams that turn into exploitation",
        ],
        "fr": [
            "Exploitation par de fausses agences de mannequins ou de talents",
            "Recrutement d'étudiants étrangers au moyen de fausses offres d'emploi",
            "Traite liée aux appartements de location à court terme",
            "Servitude pour dettes liée aux frais exigés par des agences de recrutement",
            "Applications de messagerie chiffrée utilisées pour vendre des services sexuels",
            "Exploitation d'aides familiales résidentes",
            "Recrutement dans les foyers de groupe par d'autres jeunes",
            "Fraudes amoureuses en ligne qui mènent à l'exploitation",
        ],
    },
    "trends": {
        "en": [
            "Recruitment is moving almost entirely online and onto phones, through social "
            "media, gaming platforms and dating apps.",
            "We expect more labour trafficking as the demand for seasonal and temporary workers "
            "grows in agriculture and food processing.",
            "Victims are moved more often between cities and provinces, a few days at a time, to "
            "avoid detection.",
            "Traffickers are using prepaid cards and digital currencies to move money.",
            "Victims are being recruited younger, at 13 or 14, often by peers their own age.",
            "The sex industry keeps changing, and exploitation moves with it; the strategy "
            "should be reviewed regularly rather than every five years.",
            "Displacement caused by conflict and climate change will increase the number of "
            "people vulnerable to trafficking.",
            "Short-term rentals have replaced hotels as the main location for sexual "
            "exploitation in our area.",
            "The strategy should fund research and a data system that can detect new trends "
            "early, instead of waiting for a crisis.",
            "Online advertising is increasingly hosted outside Canada, which makes it hard for "
            "police to act.",
        ],
        "fr": [
            "Le recrutement se fait désormais presque entièrement en ligne, par les réseaux "
            "sociaux, les plateformes de jeux et les applications de rencontre.",
            "Nous prévoyons davantage de traite à des fins de travail, avec la demande "
            "croissante de travailleurs saisonniers en agriculture et en transformation "
            "alimentaire.",
            "Les victimes sont déplacées plus souvent d'une ville et d'une province à l'autre, "
            "quelques jours à la fois, pour éviter d'être repérées.",
            "Les trafiquants utilisent des cartes prépayées et des monnaies numériques pour "
            "déplacer l'argent.",
            "Les victimes sont recrutées de plus en plus jeunes, dès 13 ou 14 ans, souvent par "
            "des jeunes de leur âge.",
            "L'industrie du sexe évolue sans cesse et l'exploitation suit ; la stratégie devrait "
            "être revue régulièrement plutôt qu'aux cinq ans.",
            "Les déplacements causés par les conflits et les changements climatiques "
            "augmenteront le nombre de personnes vulnérables à la traite.",
            "Dans notre région, les locations à court terme ont remplacé les hôtels comme "
            "principal lieu d'exploitation sexuelle.",
            "La stratégie devrait financer la recherche et un système de données capable de "
            "détecter rapidement les nouvelles tendances, au lieu d'attendre une crise.",
            "Les annonces en ligne sont de plus en plus hébergées à l'étranger, ce qui complique "
            "l'intervention policière.",
        ],
    },
    "priority_action": {
        "en": [
            "Stable, multi-year funding for survivor services.",
            "A national data strategy, so that we finally know the scale of the problem.",
            "Safe, long-term housing for survivors in every province and territory.",
            "Mandatory training for every front-line worker who may meet a victim.",
            "Core funding for Indigenous-led and survivor-led organisations.",
            "A national line, open day and night, for victims and for anyone who suspects "
            "trafficking.",
            "Protection for migrant workers, including open work permits for those who leave "
            "an exploitative employer.",
            "Put survivors at the centre of every decision, from design to evaluation.",
            "Treat labour trafficking as seriously as sexual exploitation.",
            "Clear federal leadership, with a public report on results every year.",
        ],
        "fr": [
            "Un financement stable et pluriannuel pour les services aux personnes survivantes.",
            "Une stratégie nationale de données, pour enfin connaître l'ampleur du problème.",
            "Des logements sûrs et à long terme pour les personnes survivantes dans chaque "
            "province et territoire.",
            "Une formation obligatoire pour tout intervenant de première ligne susceptible de "
            "rencontrer une victime.",
            "Un financement de base pour les organisations dirigées par des Autochtones et par "
            "des personnes survivantes.",
            "Une ligne nationale ouverte jour et nuit pour les victimes et pour toute personne "
            "qui soupçonne un cas de traite.",
            "Protéger les travailleurs migrants, notamment par un permis de travail ouvert pour "
            "ceux qui quittent un employeur abusif.",
            "Placer les personnes survivantes au cœur de chaque décision, de la conception à "
            "l'évaluation.",
            "Prendre la traite à des fins de travail aussi au sérieux que l'exploitation sexuelle.",
            "Un leadership fédéral clair, avec un rapport public annuel sur les résultats.",
        ],
    },
    "final_comments": {
        "en": [
            "Thank you for asking. Please share the results with the people who took the time "
            "to answer.",
            "The regional session was useful, but many front-line workers could not attend "
            "because of the cost of travel.",
            "Please make sure the strategy uses respectful language and does not describe "
            "survivors only as victims.",
            "We would be glad to share our program evaluation with the Task Force.",
            "Please consult youth directly; they know what is happening online better than we do.",
            "The questionnaire was long for small organisations with no staff assigned to "
            "policy work.",
            "I hope this consultation leads to action and not to another report on a shelf.",
            "Please consider a follow-up session in the North.",
        ],
        "fr": [
            "Merci de nous consulter. Veuillez communiquer les résultats aux personnes qui ont "
            "pris le temps de répondre.",
            "La séance régionale était utile, mais plusieurs intervenants de première ligne "
            "n'ont pas pu y assister en raison des frais de déplacement.",
            "Assurez-vous que la stratégie emploie un langage respectueux et ne présente pas les "
            "personnes survivantes uniquement comme des victimes.",
            "Nous serions heureux de transmettre l'évaluation de notre programme au Groupe de "
            "travail.",
            "Consultez directement les jeunes : ils savent mieux que nous ce qui se passe en "
            "ligne.",
            "Le questionnaire était long pour les petits organismes qui n'ont personne affecté "
            "aux politiques.",
            "J'espère que cette consultation mènera à des actions concrètes et non à un autre "
            "rapport tabletté.",
            "Une séance de suivi dans le Nord serait la bienvenue.",
            "Merci d'avoir rendu le questionnaire accessible en français.",
        ],
    },
}
_ONE_SENTENCE = {
    "organisation_type_other",
    "emerging_issues_other",
    "priority_action",
    "final_comments",
}
_FALLBACK_TEXT = {"en": "No further comment.", "fr": "Aucun autre commentaire."}

# How often an optional field is answered, by field name, then by type.
_ANSWER_RATE_BY_FIELD = {"final_comments": 0.35, "last_training": 0.8, "city": 0.85}
_ANSWER_RATE_BY_TYPE = {
    "text": 0.72,
    "select_one": 0.9,
    "select_multiple": 0.85,
    "integer": 0.9,
    "decimal": 0.7,
    "date": 0.8,
    "rank": 0.9,
    "acknowledge": 1.0,
}

# Choices that few people pick: other, none of these, don't know.
_RARE = {"other", "none", "dont_know"}
_RARE_WEIGHT = 0.35

# Leanings by field: choice name -> weight; "*" is the weight of the choices not named (1 when
# absent). The profile questions depend on the respondent's language or the sector answered.
_SECTOR = {
    "victim-services": 3.0,
    "ngos": 3.0,
    "law-enforcement": 2.5,
    "criminal-justice": 1.5,
    "indigenous-partners": 1.5,
    "provinces-territories": 1.5,
    "lived-experience": 1.3,
}
_PROVINCE = {
    "en": {"on": 5.0, "bc": 4.0, "ab": 2.0, "mb": 2.0, "ns": 1.5, "sk": 1.0, "ca": 2.0, "*": 0.3},
    "fr": {"qc": 8.0, "nb": 2.0, "on": 1.5, "mb": 0.5, "ca": 1.0, "*": 0.1},
}
_ORGANISATION_FOR_SECTOR = {
    "law-enforcement": {"police_service": 8.0, "federal_government": 2.0},
    "criminal-justice": {"pt_government": 4.0, "federal_government": 2.0},
    "victim-services": {"community_organisation": 5.0, "pt_government": 2.0},
    "indigenous-partners": {"indigenous_organisation": 8.0},
    "provinces-territories": {"pt_government": 8.0, "municipal_government": 1.5},
    "ngos": {"community_organisation": 8.0},
    "private-sector": {"private_company": 8.0},
    "experts": {"academic_institution": 3.0, "individual": 3.0, "federal_government": 1.5},
    "lived-experience": {"individual": 5.0, "community_organisation": 4.0},
    "academia": {"academic_institution": 8.0},
}
_PILLAR = {"protection": 3.0, "prevention": 3.0, "empowerment": 2.0, "partnerships": 1.5}
# Likert ratings: weights of the ordered choices, from the lowest; then a shift per field
# (negative: rated lower).
_LIKERT = [2.0, 3.5, 3.0, 0.8]
_LIKERT_SHIFT = {
    "prosecution_rating": -0.35,
    "empowerment_rating": -0.4,
    "partnerships_rating": 0.2,
}


def _leaning(field: str, answers: dict[str, Any], language: str) -> dict[str, float]:
    if field == "sector":
        return _SECTOR
    if field == "province":
        return _PROVINCE[language]
    if field == "organisation_type":
        leaning = _ORGANISATION_FOR_SECTOR.get(str(answers.get("sector", "")), {})
        return {"*": 0.2, "other": 0.6, **leaning} if leaning else {}
    if field == "city":
        return {"elsewhere": 0.5}
    if field == "partner_sectors":
        return {"law-enforcement": 2.5, "victim-services": 2.5, "ngos": 2.0}
    if field == "pillar_ranking":
        return _PILLAR
    return {}


# --- Generation ------------------------------------------------------------------------------


class _Respondent:
    def __init__(
        self,
        definition: dict[str, Any],
        rng: random.Random,
        language: str,
        day: int,
    ) -> None:
        self.definition = definition
        self.rng = rng
        self.language = language
        self.today = OPENS + datetime.timedelta(days=day)
        self.answers: dict[str, Any] = {}
        # How this person tends to rate current efforts (positive: more favourably).
        self.mood = rng.gauss(0.0, 0.45)

    def evaluate(
        self, source: str, current: Value | None = None, columns: dict[str, str] | None = None
    ) -> Value:
        expression = _Expression(
            source, self.answers, today=self.today, current=current, columns=columns
        )
        return expression.value()

    def answer_pages(self, pages: Sequence[dict[str, Any]]) -> dict[str, Any]:
        fields = {field["name"]: field for field in self.definition["fields"]}
        for page in pages:
            if page.get("relevant") and not _truth(self.evaluate(page["relevant"])):
                continue
            for name in page["fields"]:
                self.answer(fields[name])
        return self.answers

    def answer(self, field: dict[str, Any]) -> None:
        kind = field["type"]
        if kind in ("note", "start", "end", "today"):
            return  # shown, or recorded by Heard when a response is started and sent
        if field.get("relevant") and not _truth(self.evaluate(field["relevant"])):
            return
        if kind == "calculate":
            self.answers[field["name"]] = _text(self.evaluate(field["calculation"] or "''"))
            return
        if not field.get("required"):
            rate = _ANSWER_RATE_BY_FIELD.get(field["name"], _ANSWER_RATE_BY_TYPE.get(kind, 0.8))
            if self.rng.random() >= rate:
                return
        for _attempt in range(100):
            value = self.candidate(field)
            if value is None:
                break
            if not field.get("constraint") or _truth(
                self.evaluate(field["constraint"], current=_as_value(value))
            ):
                self.answers[field["name"]] = value
                return
        if field.get("required"):
            raise ValueError(f"no fictional answer meets the rules of {field['name']}")

    def choices(self, field: dict[str, Any]) -> list[dict[str, Any]]:
        choices = list(self.definition["choices"][field["list_name"]])
        if field.get("choice_filter"):
            choices = [
                choice
                for choice in choices
                if _truth(
                    self.evaluate(
                        field["choice_filter"],
                        columns={"name": choice["name"], **choice.get("filters", {})},
                    )
                )
            ]
        return choices

    def weights(self, field: dict[str, Any], names: list[str]) -> list[float]:
        if field.get("appearance") == "likert":
            ordered = [name for name in names if name not in _RARE]
            shift = self.mood + _LIKERT_SHIFT.get(field["name"], 0.0)
            base = {
                name: _LIKERT[min(i, len(_LIKERT) - 1)] * math.exp(shift * i)
                for i, name in enumerate(ordered)
            }
            return [base.get(name, _RARE_WEIGHT) for name in names]
        leaning = _leaning(field["name"], self.answers, self.language)
        default = leaning.get("*", 1.0)
        return [leaning.get(name, _RARE_WEIGHT if name in _RARE else default) for name in names]

    def candidate(self, field: dict[str, Any]) -> Any:
        kind = field["type"]
        rng = self.rng
        if kind == "acknowledge":
            return "OK"
        if kind == "text":
            return self.text(field["name"])
        if kind == "range":
            parameters = field["parameters"]
            start, end, step = (float(parameters[k]) for k in ("start", "end", "step"))
            value = start + step * rng.randint(0, int(abs((end - start) / step)))
            return int(value) if value.is_integer() else str(value)
        if kind == "integer":
            return round(rng.triangular(0, 30, 6))
        if kind == "decimal":
            value = 5 * round(rng.triangular(0, 100, 20) / 5)
            if rng.random() < 0.15 and value < 100:
                return f"{value + 2.5:g}"
            return str(value)
        if kind == "date":
            return (self.today - datetime.timedelta(days=rng.randint(20, 6 * 365))).isoformat()
        if kind == "time":
            return f"{rng.randint(8, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        if kind == "datetime":
            day = self.today - datetime.timedelta(days=rng.randint(1, 365))
            return f"{day.isoformat()}T{rng.randint(8, 19):02d}:{rng.choice((0, 30)):02d}"
        if kind in LOCATION_TYPES:
            # Around Ottawa, as typed (altitude and accuracy 0), four decimals as people write.
            points = [
                f"{45.42 + rng.uniform(-0.2, 0.2):.4f} {-75.69 + rng.uniform(-0.2, 0.2):.4f} 0 0"
                for _ in range(1 if kind == "geopoint" else 4)
            ]
            if kind == "geoshape":
                points.append(points[0])
            return ";".join(points)
        if kind == "barcode":
            return "".join(str(rng.randint(0, 9)) for _ in range(12))
        if kind in FILE_TYPES:
            return None  # fictional people attach no files
        if kind in {"select_one", "select_multiple", "rank"}:
            names = [choice["name"] for choice in self.choices(field)]
            if not names:
                return None
            weights = self.weights(field, names)
            if kind == "select_one":
                return rng.choices(names, weights)[0]
            if kind == "rank":
                return _weighted_order(rng, names, weights)
            count = min(len(names), rng.choice([1, 2, 2, 3, 3, 3, 4, 5]))
            picked = set(_weighted_order(rng, names, weights)[:count])
            return [name for name in names if name in picked]
        raise ValueError(f"{field['name']}: no fictional answer for type {kind}")

    def text(self, name: str) -> str:
        bank = _TEXTS.get(name, {}).get(self.language)
        if not bank:
            return _FALLBACK_TEXT[self.language]
        count = 1 if name in _ONE_SENTENCE else self.rng.choices([1, 2, 3], [0.45, 0.4, 0.15])[0]
        return " ".join(self.rng.sample(bank, count))


def _as_value(value: Any) -> Value:
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _weighted_order(rng: random.Random, names: list[str], weights: list[float]) -> list[str]:
    """All the names, the heavier ones more likely first (sampling without replacement)."""
    keyed = [
        (rng.random() ** (1.0 / weight), name) for name, weight in zip(names, weights, strict=True)
    ]
    return [name for _key, name in sorted(keyed, reverse=True)]


def _by_day(item: dict[str, Any]) -> int:
    return int(item["submitted_day"])


def _day(rng: random.Random, low: int = 0) -> int:
    # Most answers come in the first weeks, after the invitations and the regional sessions.
    return min(LAST_DAY, low + int(rng.betavariate(1.3, 2.2) * (LAST_DAY + 1 - low)))


def fictional_answers(definition: dict[str, Any], *, seed: int = 2018) -> list[dict[str, Any]]:
    """42 submitted responses then 5 drafts, each ordered by day, for the demo questionnaire.

    Each item: {"language": "en" | "fr", "state": "submitted" | "draft", "answers": {field name:
    value}, "submitted_day": days after the opening date (0 to 40; for a draft, the day it was
    last saved)}. Drafts answer only the first two or three pages.
    """
    rng = random.Random(seed)  # noqa: S311 - fictional data, not security
    pages = definition["pages"]
    results: list[dict[str, Any]] = []
    for state, counts in (("submitted", SUBMISSIONS), ("draft", DRAFTS)):
        languages = [language for language, n in counts.items() for _ in range(n)]
        rng.shuffle(languages)
        batch = []
        for language in languages:
            day = _day(rng) if state == "submitted" else _day(rng, low=3)
            respondent = _Respondent(definition, rng, language, day)
            answered = pages if state == "submitted" else pages[: rng.choice([2, 3])]
            answers = respondent.answer_pages(answered)
            batch.append(
                {"language": language, "state": state, "answers": answers, "submitted_day": day}
            )
        batch.sort(key=_by_day)
        results += batch
    return results
