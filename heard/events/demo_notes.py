"""Fictional facilitator notes for the demo: what participants might have said at each table.

Written for the demo, in English and French; no statement quotes a real person or a real report.
"""

from __future__ import annotations

NOTES: dict[str, dict[str, list[str]]] = {
    "prevention": {
        "en": [
            "Participant: schools still have no common curriculum on recruitment tactics; "
            "teachers do not know what to look for.",
            "Participant: recruitment is moving online, through gaming platforms and private "
            "messaging, faster than awareness campaigns can follow.",
            "Participant: youth leaving care at 18 are targeted within weeks; there is a gap in "
            "transition support.",
            "Participant: hotel and trucking staff trained last year have started reporting, and "
            "it is working.",
        ],
        "fr": [
            "Participant : les écoles n'ont toujours pas de contenu commun sur les méthodes de "
            "recrutement; le personnel ne sait pas quoi repérer.",
            "Participant : le recrutement passe de plus en plus par les réseaux sociaux et les "
            "jeux en ligne, plus vite que les campagnes de sensibilisation.",
            "Participant : les jeunes qui quittent les services de protection à 18 ans sont ciblés "
            "en quelques semaines; il manque un accompagnement de transition.",
        ],
    },
    "protection": {
        "en": [
            "Participant: there are not enough specialised shelter beds outside large cities; "
            "victims are sent hundreds of kilometres away.",
            "Participant: survivors need long-term housing and trauma counselling, not only "
            "emergency beds.",
            "Participant: temporary resident permits for foreign nationals take too long; people "
            "go back to their exploiters while waiting.",
            "Participant: peer mentors with lived experience make a real difference in keeping "
            "people engaged with services.",
        ],
        "fr": [
            "Participant : il manque des places d'hébergement spécialisées hors des grands "
            "centres; "
            "les victimes sont envoyées très loin.",
            "Participant : les survivantes ont besoin d'un logement stable et d'un soutien "
            "psychologique à long terme, pas seulement d'un lit d'urgence.",
            "Participant : les services en français sont rares hors du Québec, ce qui isole les "
            "victimes francophones.",
        ],
    },
    "prosecution": {
        "en": [
            "Participant: cases collapse when the victim is the only evidence; investigators need "
            "training in financial and digital evidence.",
            "Participant: Crown prosecutors rarely see these cases and lack a specialised network.",
            "Participant: financial intelligence is an emerging tool: banks are flagging unusual "
            "transaction patterns more often.",
        ],
        "fr": [
            "Participant : les poursuites échouent lorsque la victime est la seule preuve; les "
            "enquêteurs doivent être formés à la preuve financière et numérique.",
            "Participant : les témoignages en cour restent très éprouvants; il faudrait davantage "
            "de mesures d'aide au témoignage.",
        ],
    },
    "partnerships": {
        "en": [
            "Participant: police and shelters in the region still do not share information "
            "across jurisdictions; each case starts from scratch.",
            "Participant: Indigenous organisations want to lead programs for their communities, "
            "with stable multi-year funding.",
            "Participant: a national hotline would connect people to local services at any hour.",
        ],
        "fr": [
            "Participant : la collaboration entre la police et les organismes communautaires "
            "dépend encore des personnes plutôt que d'ententes formelles.",
            "Participant : le financement par projet d'un an empêche de garder le personnel "
            "expérimenté.",
        ],
    },
    "empowerment": {
        "en": [
            "Participant: survivors should be paid for their expertise when they advise on "
            "policy, not asked to volunteer.",
            "Participant: job training and education bursaries help survivors rebuild their "
            "independence.",
        ],
        "fr": [
            "Participant : les survivantes devraient siéger aux comités qui conçoivent les "
            "programmes qui les concernent.",
        ],
    },
}

MIXED = (
    "Participant: the francophone members of the table agreed on this point. "
    "Participant : il faut des services dans les deux langues officielles partout au pays."
)
