"""Second frozen test bank of campaign letters, English and French.

Written once, on 2026-12-05, as held-out test data for the analysis benchmark, by someone who
had not read the analysis engine or the other letter banks. It must never be edited to make a
figure better, and it must never be read by anyone changing the analysis engine (its word
lists, rules or models); it only measures. A test checks that none of its words has entered the
engine's word lists.

The bank imitates form letters sent to the 2018 Public Safety Canada consultation on ending
human trafficking. Each letter has an English text ("en"), a French translation ("fr"), a key
("U01" to "U10"), two or three topic codes (the last one is "recommendation", "concern" or
"experience") and a kind, which says how the benchmark varies its 15 to 60 copies:

- "exact": every copy carries the same text; only spacing or case may differ.
- "near": each copy swaps some of its words (about 10 to 20 per cent) for replacements
  taken from SYNONYMS, so that no two copies need be identical. In U03 and U04 at least a
  quarter of the running words, in each language, are keys of SYNONYMS.
- "template": the text holds the slots {town}, {org} and {n} (a number), filled differently
  in each copy, as when an organisation hands out a letter for its members to complete.
- "mailmerge": the text holds {name}, {town} and {n}, filled from a list of senders.
- "crosslang": copies come in either language, so a campaign spans English and French.

Only "template" and "mailmerge" letters contain braces. Before {town} the English texts use
only "in", "from" or "near", and the French texts only "à", "depuis" or "chez"; in French,
{org} never follows "de", "d'" or "à". The names of people, places and organisations in the
slots come from the benchmark, not from this file.

SYNONYMS maps a lower-case word or short phrase, as it appears in the letters, to
replacements that keep the meaning and the grammar when swapped in place (same part of speech;
in French, same gender and number, and the same vowel or consonant start after an elided
article).
"""

from __future__ import annotations

FROZEN = "2026-12-05"


LETTERS: list[dict[str, object]] = [
    {
        "key": "U01",
        "kind": "exact",
        "codes": ["farm-labour", "tied-work-permits", "recommendation"],
        "en": "I am writing about the people who pick our fruit and vegetables. Every summer, "
        "thousands of seasonal workers arrive on permits that tie them to a single farm "
        "owner. When a worker's housing, wages and right to stay all depend on one employer, "
        "complaining becomes almost impossible. Some recruiters abroad charge illegal fees "
        "that leave workers in debt before they ever land in Canada. Inspections of "
        "bunkhouses and fields are rare and usually announced days ahead. I ask the federal "
        "government to replace employer-specific permits with open or sector-wide permits for "
        "agricultural workers. Inspectors should make unannounced visits and speak with "
        "workers privately, in their own language. Recruiters who charge fees should lose "
        "their licences and face charges. Nobody should have to choose between feeding their "
        "family and reporting abuse. Please act before the next harvest season begins.",
        "fr": "Je vous écris au sujet des personnes qui cueillent nos fruits et nos légumes. "
        "Chaque été, des milliers de travailleurs saisonniers arrivent avec des permis qui "
        "les lient à un seul propriétaire agricole. Lorsque le logement, le salaire et le "
        "droit de demeurer au Canada dépendent tous d'un seul employeur, il devient presque "
        "impossible de porter plainte. Certains recruteurs à l'étranger exigent des frais "
        "illégaux qui endettent les travailleurs avant même leur arrivée au Canada. Les "
        "inspections des dortoirs et des champs sont rares et habituellement annoncées "
        "plusieurs jours à l'avance. Je demande au gouvernement fédéral de remplacer les "
        "permis liés à un employeur par des permis ouverts ou sectoriels pour les "
        "travailleurs agricoles. Les inspecteurs devraient faire des visites inopinées et "
        "s'entretenir en privé avec les travailleurs, dans leur propre langue. Les recruteurs "
        "qui exigent des frais devraient perdre leur permis et faire face à des accusations. "
        "Personne ne devrait avoir à choisir entre nourrir sa famille et dénoncer des abus. "
        "Veuillez passer à l'action avant le début de la prochaine saison des récoltes.",
    },
    {
        "key": "U02",
        "kind": "exact",
        "codes": ["youth-in-care", "group-homes", "concern"],
        "en": "Young people living in group homes and foster care are among the easiest "
        "targets for traffickers. Most of them have changed placements several times and have "
        "no reliable adult who would notice a sudden shift in their behaviour. Older men "
        "posing as boyfriends wait outside group homes, offer rides, phones and gifts, and "
        "then slowly cut the youth off from staff. When a teenager runs away, the report is "
        "too often treated as routine rather than as a warning sign. I urge Public Safety "
        "Canada to work with the provinces so that every missing-from-care report triggers a "
        "real search and a trafficking screening. Child welfare workers and group home staff "
        "need training to recognize grooming. Youth who leave care at eighteen also need "
        "housing and support, because aging out overnight leaves them exposed. These children "
        "are the responsibility of the state, and the state must protect them.",
        "fr": "Les jeunes qui vivent en foyer de groupe ou en famille d'accueil comptent "
        "parmi les cibles les plus faciles pour les trafiquants. La plupart d'entre eux ont "
        "changé de placement plusieurs fois et n'ont aucun adulte fiable qui remarquerait un "
        "changement soudain dans leur comportement. Des hommes plus âgés qui se font passer "
        "pour des amoureux attendent devant les foyers de groupe, offrent des trajets, des "
        "téléphones et des cadeaux, puis isolent peu à peu les jeunes du personnel. Quand un "
        "adolescent fait une fugue, le signalement est trop souvent traité comme une "
        "formalité plutôt que comme un signal d'alarme. J'exhorte Sécurité publique Canada à "
        "collaborer avec les provinces pour que chaque disparition d'un jeune pris en charge "
        "entraîne de véritables recherches et un dépistage de la traite. Les intervenants de "
        "la protection de l'enfance et le personnel des foyers de groupe ont besoin de "
        "formation pour reconnaître la manipulation. Les jeunes qui quittent le système de "
        "protection à dix-huit ans ont aussi besoin d'un logement et de soutien, car ce "
        "passage brutal à l'âge adulte les laisse exposés. Ces enfants sont sous la "
        "responsabilité de l'État, et l'État doit les protéger.",
    },
    {
        "key": "U03",
        "kind": "near",
        "codes": ["trucking", "driver-training", "recommendation"],
        "en": "Long-haul drivers see more of this country than almost anyone else. They stop "
        "at the same rest areas, fuel stations and roadside motels where victims are often "
        "moved and sold. Several drivers have told me they noticed something wrong but did "
        "not know what to do next. A short, free course would give them the tools to spot "
        "warning signs and report them safely. I believe this training should be part of "
        "every commercial licence program across Canada. Trucking companies should also post "
        "the national hotline number in every cab and at every depot. When drivers call, they "
        "need a quick answer and a clear follow-up, not a busy signal. Small changes like "
        "these could turn thousands of drivers into watchful allies. Please finance this "
        "training and make it mandatory within the next two years.",
        "fr": "Les camionneurs de longue distance voient plus de ce pays que presque "
        "n'importe qui. Ils s'arrêtent aux mêmes aires de repos, stations-service et motels "
        "routiers où les victimes sont souvent déplacées et vendues. Plusieurs conducteurs "
        "m'ont dit avoir remarqué quelque chose d'anormal sans savoir quoi faire ensuite. Une "
        "formation courte et gratuite leur donnerait les outils pour repérer les signes "
        "avant-coureurs et les signaler en toute sécurité. Je crois que cette formation "
        "devrait faire partie de chaque programme de permis commercial partout au Canada. Les "
        "entreprises de camionnage devraient aussi afficher le numéro de la ligne d'urgence "
        "nationale dans chaque cabine et dans chaque dépôt. Quand les conducteurs appellent, "
        "ils ont besoin d'une réponse rapide et d'un suivi clair, pas d'une ligne occupée. De "
        "petits changements comme ceux-ci pourraient transformer des milliers de conducteurs "
        "en alliés vigilants. Veuillez financer cette formation et la rendre obligatoire "
        "d'ici deux ans.",
    },
    {
        "key": "U04",
        "kind": "near",
        "codes": ["victim-compensation", "court-support", "recommendation"],
        "en": "Survivors of trafficking often wait years before their case is heard by a "
        "court. During that long delay, they must pay rent, find a job and cope with serious "
        "trauma, usually without any steady income. Most provinces offer only limited "
        "compensation, and the rules differ widely from one region to another. I am asking "
        "the federal government to create a national fund that pays survivors quickly, "
        "whether or not a conviction is obtained. Survivors should also have a trained "
        "support worker beside them from the first police interview until the final verdict. "
        "Testifying in front of the person who exploited you is frightening, and screens or "
        "video links should be standard practice. Victims who are asked to repeat their story "
        "again and again are hurt each time. A fair justice system must look after witnesses, "
        "not only punish offenders. Please make these modest measures a priority.",
        "fr": "Les personnes survivantes de la traite attendent souvent des années avant que "
        "leur cause soit entendue par un tribunal. Pendant ce long délai, elles doivent payer "
        "leur loyer, trouver un emploi et composer avec un grave traumatisme, généralement "
        "sans revenu stable. La plupart des provinces n'offrent qu'une indemnisation limitée, "
        "et les règles varient beaucoup d'une région à l'autre. Je demande au gouvernement "
        "fédéral de créer un fonds national qui indemnise rapidement les personnes "
        "survivantes, qu'il y ait ou non une condamnation. Ces personnes devraient aussi être "
        "accompagnées par une intervenante formée, de la première entrevue policière jusqu'au "
        "verdict final. Témoigner devant la personne qui vous a exploité est effrayant, et "
        "les écrans ou la télécomparution devraient être la pratique courante. Les victimes à "
        "qui l'on demande de raconter leur histoire encore et encore sont blessées chaque "
        "fois. Un système de justice équitable doit prendre soin des témoins, et pas "
        "seulement punir les contrevenants. Veuillez faire de ces mesures modestes une "
        "priorité.",
    },
    {
        "key": "U05",
        "kind": "template",
        "codes": ["northern-shelters", "inuit-communities", "experience"],
        "en": "I work for {org}, which has supported women and children in {town} for many "
        "years. In our region, the nearest emergency shelter can be a flight away, and many "
        "communities have no safe house at all. Women who escape an exploiter often return "
        "because there is simply nowhere else to sleep. Traffickers know this, and they "
        "target girls from remote communities who travel south for school or medical care. "
        "Last year our small team helped {n} people, with no stable funding from Ottawa. We "
        "need shelter beds located in the North, staffed by people who speak local languages "
        "and understand the culture. Transportation costs for survivors should be covered "
        "without endless paperwork. Please make northern and Inuit-led shelters a funded part "
        "of federal anti-trafficking work.",
        "fr": "Je travaille pour l'organisme {org}, qui soutient depuis de nombreuses années "
        "les femmes et les enfants à {town}. Dans notre région, le refuge d'urgence le plus "
        "proche est parfois à un vol d'avion, et bien des collectivités n'ont aucune maison "
        "d'hébergement. Les femmes qui fuient un exploiteur y retournent souvent parce "
        "qu'elles n'ont tout simplement nulle part où dormir. Les trafiquants le savent et "
        "ciblent les filles des collectivités éloignées qui descendent vers le Sud pour leurs "
        "études ou pour des soins médicaux. L'an dernier, notre petite équipe a aidé {n} "
        "personnes, sans aucun financement stable d'Ottawa. Nous avons besoin de lits "
        "d'hébergement situés dans le Nord, avec un personnel qui parle les langues locales "
        "et comprend la culture. Les frais de transport des survivantes devraient être "
        "couverts sans formalités interminables. Veuillez faire des refuges nordiques dirigés "
        "par les Inuit un volet financé de l'action fédérale contre la traite.",
    },
    {
        "key": "U06",
        "kind": "template",
        "codes": ["online-recruitment", "sextortion", "concern"],
        "en": "I am a volunteer with {org} in {town}, where we run internet safety workshops "
        "for teenagers. Predators now find young people through gaming chats, dating apps and "
        "fake modelling or employment ads. A typical scheme starts with flattery and a "
        "promise of easy money, then moves to private messages and a request for photos. Once "
        "images are shared, they are used as blackmail to force the victim into further "
        "exploitation. In the past year alone, our volunteers collected {n} accounts from "
        "students who had been approached this way. Platforms remove the accounts slowly, if "
        "at all, and the same people simply open new ones. I am worried that parents and "
        "schools cannot keep up with how fast these tactics change. The federal government "
        "should require online platforms to act on reports within hours and to share evidence "
        "with police.",
        "fr": "Je suis bénévole chez {org} à {town}, où nous animons des ateliers sur la "
        "sécurité en ligne pour les adolescents. Les prédateurs trouvent désormais les jeunes "
        "par les clavardages de jeux vidéo, les applications de rencontre et de fausses "
        "annonces de mannequinat ou d'embauche. Un stratagème typique commence par des "
        "compliments et la promesse d'argent facile, puis passe aux messages privés et à une "
        "demande de photos. Une fois les images partagées, elles servent de moyen de chantage "
        "pour entraîner la victime dans une exploitation encore plus poussée. Au cours de la "
        "dernière année seulement, nos bénévoles ont recueilli {n} témoignages d'élèves qui "
        "avaient été abordés de cette façon. Les plateformes suppriment les comptes "
        "lentement, quand elles le font, et les mêmes personnes en ouvrent simplement de "
        "nouveaux. Je crains que les parents et les écoles ne puissent pas suivre le rythme "
        "auquel ces tactiques évoluent. Le gouvernement fédéral devrait obliger les "
        "plateformes en ligne à traiter les signalements en quelques heures et à transmettre "
        "les preuves à la police.",
    },
    {
        "key": "U07",
        "kind": "mailmerge",
        "codes": ["migrant-caregivers", "passport-confiscation", "experience"],
        "en": "My name is {name} and I live in {town}. I came to Canada as a live-in "
        "caregiver, and for {n} months my employer kept my passport in a locked drawer. I "
        "worked fourteen hours a day, slept in the basement storage room and was paid far "
        "less than my contract said. I did not complain because my status in Canada depended "
        "on that family and I was afraid of being sent home. Other caregivers I know have "
        "lived through worse, including threats and confinement. Please let caregivers change "
        "employers without losing their status, and make sure we are told our rights in "
        "writing when we arrive. Agencies that take our documents or demand placement money "
        "must be shut down. We look after your children and your parents, and we deserve "
        "safety too.",
        "fr": "Je m'appelle {name} et j'habite à {town}. Je suis arrivée au Canada comme aide "
        "familiale résidante et, pendant {n} mois, mon employeur a gardé mon passeport dans "
        "un tiroir verrouillé. Je travaillais quatorze heures par jour, je dormais dans la "
        "salle de rangement du sous-sol et j'étais payée bien moins que ce que prévoyait mon "
        "contrat. Je ne me suis pas plainte parce que mon statut au Canada dépendait de cette "
        "famille et que j'avais peur d'être renvoyée chez moi. D'autres aides familiales que "
        "je connais ont vécu pire, y compris des menaces et de la séquestration. Veuillez "
        "permettre aux aides familiales de changer d'employeur sans perdre leur statut, et "
        "assurez-vous qu'on nous informe de nos droits par écrit dès notre arrivée. Les "
        "agences qui confisquent nos documents ou réclament de l'argent pour le placement "
        "doivent être fermées. Nous prenons soin de vos enfants et de vos parents, et nous "
        "méritons d'être en sécurité, comme tout le monde.",
    },
    {
        "key": "U08",
        "kind": "mailmerge",
        "codes": ["sex-work-policy", "decriminalization", "concern"],
        "en": "My name is {name}, and I have lived in {town} for {n} years. I am writing "
        "because I believe the current approach to adult sex work makes trafficking harder to "
        "detect, not easier. When buying sex is a crime, clients refuse to share what they "
        "see, and workers avoid calling police even when a colleague is in danger. Raids "
        "carried out in the name of fighting trafficking often end with migrant women being "
        "detained or deported instead of protected. Consenting adults and people who are "
        "coerced are not in the same situation, and laws should treat them differently. "
        "Groups led by sex workers are often the first to notice when someone is being "
        "controlled. I ask the government to consult those workers directly and to review the "
        "2014 law with their evidence in hand. Protecting people means listening to them "
        "first.",
        "fr": "Je m'appelle {name} et j'habite à {town} depuis {n} ans. Je vous écris parce "
        "que je crois que l'approche actuelle à l'égard du travail du sexe entre adultes rend "
        "la traite plus difficile à détecter, et non plus facile. Lorsque l'achat de services "
        "sexuels est un crime, les clients refusent de dire ce qu'ils observent, et les "
        "travailleuses évitent d'appeler la police même quand une collègue est en danger. Les "
        "descentes menées au nom de la lutte contre la traite se terminent souvent par la "
        "détention ou l'expulsion de femmes migrantes plutôt que par leur protection. Les "
        "adultes consentants et les personnes contraintes ne vivent pas la même réalité, et "
        "les lois devraient les traiter différemment. Les groupes dirigés par des "
        "travailleuses du sexe sont souvent les premiers à remarquer qu'une personne est "
        "contrôlée. Je demande au gouvernement de consulter directement ces travailleuses et "
        "de réexaminer la loi de 2014 à la lumière de leurs données. Protéger les gens, c'est "
        "d'abord les écouter.",
    },
    {
        "key": "U09",
        "kind": "crosslang",
        "codes": ["fishing-industry", "seafood-supply-chains", "concern"],
        "en": "Few Canadians think about who catches and cleans the seafood on their plates. "
        "On some fishing boats, crew members recruited overseas work for weeks at sea with no "
        "way to leave or call for help. In processing plants along the coast, workers have "
        "described being housed ten to a trailer and charged for every meal. Because these "
        "jobs are remote and seasonal, abuse rarely comes to light until the season is over. "
        "Fisheries inspectors already board vessels to check catches, so they could also "
        "learn to ask about the crew's conditions. Foreign vessels that dock in Canadian "
        "ports should face labour inspections as well. Seafood buyers should have to show "
        "that their supply chains do not rely on forced labour. I hope the federal response "
        "will not forget the people who work on the water.",
        "fr": "Peu de Canadiens se demandent qui pêche et transforme les fruits de mer qui se "
        "retrouvent dans leur assiette. Sur certains bateaux de pêche, des membres d'équipage "
        "recrutés à l'étranger travaillent pendant des semaines en mer sans pouvoir partir ni "
        "appeler à l'aide. Dans les usines de transformation le long de la côte, des "
        "travailleurs ont raconté avoir été logés à dix dans une roulotte et avoir dû payer "
        "chaque repas. Comme ces emplois sont éloignés et saisonniers, les abus sont rarement "
        "révélés avant la fin de la saison. Les inspecteurs des pêches montent déjà à bord "
        "des navires pour vérifier les prises, et ils pourraient donc aussi apprendre à "
        "s'informer des conditions de vie de l'équipage. Les navires étrangers qui accostent "
        "dans les ports canadiens devraient également faire l'objet d'inspections du travail. "
        "Les acheteurs de produits de la mer devraient être tenus de démontrer que leurs "
        "chaînes d'approvisionnement ne reposent pas sur le travail forcé. J'espère que la "
        "réponse fédérale n'oubliera pas les personnes qui travaillent sur l'eau.",
    },
    {
        "key": "U10",
        "kind": "crosslang",
        "codes": ["data-collection", "research", "recommendation"],
        "en": "Nobody can say with confidence how many people are trafficked in Canada each "
        "year. Police-reported numbers capture only the cases that reach an investigation, "
        "and they miss most labour cases entirely. Shelters, crisis lines, health clinics and "
        "immigration officials each keep their own records, in formats that cannot be "
        "compared. Without shared definitions, funding goes to the loudest voices rather than "
        "to where the harm is greatest. I recommend that the national statistics agency lead "
        "a data framework, with common indicators agreed on by every province and territory. "
        "Data on Indigenous, migrant, Two-Spirit and LGBTQ victims should be collected "
        "respectfully and with community consent. Results should be published every year so "
        "that the public can judge whether federal efforts are working. Good policy begins "
        "with honest numbers.",
        "fr": "Personne ne peut dire avec certitude combien de personnes sont victimes de la "
        "traite au Canada chaque année. Les chiffres déclarés par la police ne reflètent que "
        "les cas qui mènent à une enquête, et ils omettent presque tous les cas de travail "
        "forcé. Les refuges, les lignes d'écoute, les cliniques de santé et les agents "
        "d'immigration tiennent chacun leurs propres registres, dans des formats impossibles "
        "à comparer. Sans définitions communes, le financement va aux voix les plus fortes "
        "plutôt que là où les torts sont les plus graves. Je recommande que l'organisme "
        "national de la statistique dirige un cadre de données, avec des indicateurs communs "
        "convenus par chaque province et territoire. Les données sur les victimes "
        "autochtones, migrantes, bispirituelles et LGBTQ devraient être recueillies avec "
        "respect et avec le consentement des communautés. Les résultats devraient être "
        "publiés chaque année afin que le public puisse juger si les efforts fédéraux portent "
        "fruit. Une bonne politique commence par des chiffres honnêtes.",
    },
]

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "en": {
        "almost": ["nearly", "practically"],
        "country": ["nation"],
        "anyone": ["anybody"],
        "stop": ["pull in", "pause"],
        "fuel": ["gas"],
        "roadside": ["highway"],
        "often": ["frequently"],
        "moved": ["transported", "shifted"],
        "drivers": ["truckers", "operators"],
        "noticed": ["sensed", "saw"],
        "wrong": ["amiss", "off"],
        "short": ["brief", "quick"],
        "free": ["no-cost", "free-of-charge"],
        "course": ["class", "session"],
        "tools": ["skills", "means"],
        "spot": ["recognize", "identify"],
        "signs": ["signals", "indicators"],
        "safely": ["securely", "without risk"],
        "believe": ["think", "feel"],
        "training": ["instruction", "education"],
        "across": ["throughout"],
        "companies": ["firms", "carriers"],
        "also": ["likewise", "additionally"],
        "post": ["display", "put up"],
        "hotline": ["helpline", "tip line"],
        "depot": ["terminal", "yard"],
        "call": ["phone"],
        "need": ["require"],
        "quick": ["prompt", "fast"],
        "answer": ["response", "reply"],
        "clear": ["proper", "reliable"],
        "small": ["modest", "little"],
        "changes": ["steps", "measures"],
        "turn": ["transform", "convert"],
        "watchful": ["vigilant", "alert"],
        "allies": ["partners", "helpers"],
        "finance": ["fund", "pay for"],
        "mandatory": ["compulsory", "required"],
        "survivors": ["victims"],
        "during": ["throughout"],
        "delay": ["wait", "period"],
        "job": ["position"],
        "cope": ["deal", "struggle"],
        "serious": ["severe", "deep"],
        "usually": ["generally", "typically"],
        "steady": ["stable", "regular"],
        "income": ["earnings", "pay"],
        "offer": ["provide", "give"],
        "limited": ["restricted", "meagre"],
        "rules": ["criteria", "regulations"],
        "differ": ["vary"],
        "widely": ["greatly", "considerably"],
        "asking": ["urging", "calling on"],
        "create": ["establish", "set up"],
        "quickly": ["promptly", "rapidly"],
        "obtained": ["secured", "won"],
        "trained": ["qualified", "skilled"],
        "beside": ["alongside", "next to"],
        "frightening": ["terrifying", "intimidating"],
        "standard": ["routine", "normal"],
        "repeat": ["retell", "recount"],
        "story": ["account", "testimony"],
        "hurt": ["harmed", "wounded"],
        "each time": ["every time"],
        "fair": ["equitable", "decent"],
        "look after": ["care for", "protect"],
        "punish": ["penalize", "sanction"],
        "offenders": ["perpetrators", "criminals"],
        "modest": ["simple", "basic"],
        "measures": ["steps", "changes"],
        "priority": ["focus"],
        "court": ["judge"],
        "region": ["area"],
        "pays": ["compensates"],
        "testifying": ["giving evidence"],
        "several": ["a number of"],
        "support worker": ["advocate", "caseworker"],
    },
    "fr": {
        "camionneurs": ["routiers"],
        "voient": ["parcourent"],
        "pays": ["territoire"],
        "presque": ["pratiquement", "quasiment"],
        "s'arrêtent": ["font halte"],
        "souvent": ["fréquemment"],
        "déplacées": ["transportées"],
        "plusieurs": ["bien des"],
        "conducteurs": ["chauffeurs"],
        "dit": ["confié", "raconté"],
        "remarqué": ["constaté", "observé"],
        "d'anormal": ["d'inhabituel", "d'étrange"],
        "ensuite": ["après"],
        "courte": ["brève"],
        "gratuite": ["sans frais"],
        "donnerait": ["fournirait", "offrirait"],
        "outils": ["moyens"],
        "repérer": ["reconnaître", "détecter"],
        "signes": ["signaux"],
        "signaler": ["dénoncer", "rapporter"],
        "crois": ["pense"],
        "entreprises": ["sociétés", "compagnies"],
        "aussi": ["également"],
        "afficher": ["placarder"],
        "nationale": ["pancanadienne"],
        "national": ["pancanadien"],
        "dépôt": ["terminal"],
        "appellent": ["téléphonent"],
        "rapide": ["prompte"],
        "suivi": ["retour"],
        "clair": ["précis"],
        "petits": ["modestes"],
        "changements": ["gestes"],
        "transformer": ["changer"],
        "alliés": ["partenaires"],
        "vigilants": ["attentifs"],
        "financer": ["subventionner"],
        "veuillez": ["je vous prie de"],
        "survivantes": ["rescapées"],
        "cause": ["affaire"],
        "tribunal": ["juge"],
        "pendant": ["durant"],
        "délai": ["laps de temps"],
        "payer": ["régler"],
        "trouver": ["décrocher"],
        "emploi": ["travail"],
        "composer": ["vivre"],
        "grave": ["profond", "lourd"],
        "généralement": ["habituellement"],
        "stable": ["régulier"],
        "n'offrent": ["ne proposent"],
        "indemnisation": ["compensation"],
        "limitée": ["restreinte"],
        "règles": ["normes"],
        "varient": ["diffèrent"],
        "beaucoup": ["considérablement", "grandement"],
        "créer": ["établir", "mettre sur pied"],
        "indemnise": ["dédommage"],
        "rapidement": ["promptement", "sans tarder"],
        "condamnation": ["déclaration de culpabilité"],
        "accompagnées": ["soutenues", "épaulées"],
        "formée": ["qualifiée"],
        "entrevue": ["audition"],
        "témoigner": ["déposer"],
        "effrayant": ["terrifiant", "intimidant"],
        "pratique": ["façon de faire"],
        "courante": ["habituelle", "normale"],
        "raconter": ["redire", "relater"],
        "histoire": ["récit"],
        "blessées": ["meurtries"],
        "équitable": ["impartial"],
        "seulement": ["uniquement"],
        "punir": ["sanctionner"],
        "contrevenants": ["délinquants", "coupables"],
        "modestes": ["simples"],
        "mesures": ["dispositions"],
    },
}
