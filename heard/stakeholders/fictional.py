"""A seeded generator of clearly fictional stakeholders, for the demo and for benchmarks.

Every name is made from invented parts, every address is on a reserved `.example` domain and every
phone number uses the 555-01xx range kept for fiction: nothing here can point at a real person.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

FIRST = [
    "Avery",
    "Blair",
    "Camille",
    "Dana",
    "Elliot",
    "Frédérique",
    "Gabriel",
    "Hélène",
    "Isaac",
    "Jordan",
    "Kim",
    "Léa",
    "Morgan",
    "Noémie",
    "Olivier",
    "Parker",
    "Quinn",
    "Rosalie",
    "Sacha",
    "Taylor",
    "Ulysse",
    "Valérie",
    "Wren",
    "Xavier",
    "Yannick",
    "Zoé",
]
LAST = [
    "Placeholm",
    "Sampleton",
    "Testwood",
    "Mockridge",
    "Dummond",
    "Fauxbourg",
    "Exemplar",
    "Specimen",
    "Prototype",
    "Templeton-Draft",
    "Lorimer-Fictif",
    "Nomdeplume",
    "Pseudonyme",
    "Brouillon",
    "Maquette",
    "Essai",
    "Modèle",
    "Ébauche",
]
PLACES = [
    "Harbourview",
    "Northfield",
    "Maple Hollow",
    "Rivière-Claire",
    "Cedar Point",
    "Lac-Fictif",
    "Stonebridge",
    "Baie-Imaginaire",
    "Pine Ridge",
    "Mont-Exemple",
]
KINDS = {
    "law-enforcement": ["Police Service", "Regional Police", "Service de police"],
    "criminal-justice": ["Crown Prosecution Office", "Legal Aid Clinic", "Court Services"],
    "victim-services": [
        "Victim Support Society",
        "Safe Haven Shelter",
        "Centre d'aide aux victimes",
    ],
    "indigenous-partners": ["Friendship Centre", "First Nation Council", "Métis Family Services"],
    "provinces-territories": ["Ministry of Community Safety", "Ministère de la Sécurité publique"],
    "ngos": ["Coalition Against Exploitation", "Youth Outreach Network", "Réseau d'entraide"],
    "private-sector": ["Hotel Group", "Logistics Ltd.", "Banque coopérative"],
    "experts": ["Research Institute", "Consulting Collective"],
    "lived-experience": ["Survivor Advisory Circle", "Peer Support Collective"],
    "academia": ["University Centre for Justice Studies", "Collège communautaire"],
}
TITLES = [
    "Director",
    "Coordinator",
    "Counsellor",
    "Analyst",
    "Detective",
    "Policy advisor",
    "Directrice générale",
    "Coordonnateur",
    "Intervenante",
    "Professor",
    "Case worker",
]
REGIONS = ["BC", "AB", "SK", "MB", "ON", "QC", "NB", "NS", "PE", "NL", "YT", "NT", "NU"]


def people(count: int, *, seed: int = 2018) -> Iterator[dict[str, str]]:
    """Rows ready for the importer: one dict per person, keyed by import field names."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fiction, not security
    organisations: dict[str, list[tuple[str, str]]] = {}
    for sector, kinds in KINDS.items():
        organisations[sector] = [
            (f"{place} {kind}", rng.choice(REGIONS)) for place in PLACES for kind in kinds
        ]
    sectors = list(KINDS)
    for number in range(count):
        sector = sectors[number % len(sectors)]
        organisation, region = rng.choice(organisations[sector])
        first, last = rng.choice(FIRST), rng.choice(LAST)
        french = region == "QC" or rng.random() < 0.15
        yield {
            "name": f"{first} {last}",
            "email": f"{first.lower()}.{last.lower()}.{number}@{sector}.example".replace("é", "e")
            .replace("è", "e")
            .replace("ô", "o")
            .replace("'", ""),
            "title": rng.choice(TITLES),
            "organisation": organisation,
            "sector": sector,
            "region": region,
            "phone": f"+1 {rng.randint(201, 989)} 555-01{rng.randint(0, 99):02d}",
            "language": "fr" if french else "en",
            "accessibility_needs": rng.choice(["", "", "", "", "Step-free access", "Sous-titres"]),
            "consent_source": "Fictional demo registry",
            "consent_date": "2018-08-15",
            "consent_basis": "public_role",
            "do_not_contact": "no",
            "tags": rng.choice(["", "summit", "regional", "summit; speaker"]),
        }
