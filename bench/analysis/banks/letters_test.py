"""Frozen test bank of campaign letters (form letters that many people send), English and French.

Written once, on 2026-12-04, as held-out test data for the analysis benchmark. It must never be
edited to make a figure better, and it must never be read by anyone changing the analysis engine
(its word lists, rules or models); it only measures. A test checks that none of its words has
entered the engine's word lists.

Each letter is written in English and translated into French. Kinds: "exact" (copies sent
unchanged), "near" (copies lightly edited), "template" (slots ``{town}``, ``{org}``, ``{n}``),
"mailmerge" (slots ``{name}``, ``{town}``, ``{n}``, one copy per sender) and "crosslang" (the
same letter sent in either language). "codes" are leaf codes of the demo codebook
(heard/examples/human-trafficking-2018/codebook.yaml), the last one a statement type.
French templates never put "de" or "à" before ``{org}`` (no elision or contraction to get wrong)
and only "à", "depuis" or "chez" before ``{town}``.

``SYNONYMS`` maps words of the letters to replacements that keep the meaning, for the benchmark's
paraphrased copies.
"""

from __future__ import annotations

FROZEN = "2026-12-04"

LETTERS: list[dict[str, object]] = [
    {
        "key": "T01",
        "kind": "exact",
        "codes": ["private-sector-role", "investigations", "recommendation"],
        "en": "Canada's banks and credit unions see the money long before police see the "
        "victims. Traffickers move their profits through prepaid cards, rented accounts and cash "
        "deposits made in several cities on the same day. Some financial institutions have "
        "already learned to spot these patterns and report them, and their tips have opened "
        "real investigations. That work should not depend on the goodwill of a few analysts. I "
        "call on the federal government to require every bank, money service business and "
        "payment app operating in Canada to train its staff on trafficking indicators, to "
        "report suspicious transactions promptly, and to share what it learns with "
        "investigators. In return, police units need enough forensic accountants to follow the "
        "money all the way to the people who profit from exploitation.",
        "fr": "Les banques et les caisses du Canada voient l'argent bien avant que la police "
        "voie les victimes. Les trafiquants font circuler leurs profits au moyen de cartes "
        "prépayées, de comptes loués et de dépôts en espèces effectués dans plusieurs villes le "
        "même jour. Certaines institutions financières ont déjà appris à reconnaître ces "
        "schémas et à les signaler, et leurs signalements ont mené à de véritables enquêtes. Ce "
        "travail ne devrait pas dépendre de la bonne volonté de quelques analystes. J'invite le "
        "gouvernement fédéral à obliger chaque banque, chaque entreprise de services monétaires "
        "et chaque application de paiement active au Canada à former son personnel aux "
        "indicateurs de traite, à déclarer rapidement les opérations douteuses et à communiquer "
        "ce qu'elle apprend aux enquêteurs. En contrepartie, les unités policières ont besoin "
        "de suffisamment de juricomptables pour suivre l'argent jusqu'aux personnes qui "
        "profitent de l'exploitation.",
    },
    {
        "key": "T02",
        "kind": "exact",
        "codes": ["trauma-informed-care", "survivor-led-services", "recommendation"],
        "en": "When a survivor finally reaches out, she is often told to wait six months for a "
        "counsellor. By then the moment has passed, and many return to the man who exploited "
        "them because he is the only one who answers the phone. Recovery from trafficking "
        "involves complex trauma, addiction and grief, and it cannot be handled in eight "
        "sessions on a community clinic's schedule. I am asking that the national strategy pay "
        "for mental health care that is available quickly, lasts as long as it is needed and is "
        "delivered by people trained to work with trauma. Peer workers who have walked the same "
        "road should be part of every team, with proper wages and supervision. Healing is not a "
        "luxury; it is what makes every other service work.",
        "fr": "Quand une survivante se décide enfin à demander de l'aide, on lui dit souvent "
        "d'attendre six mois avant de voir une conseillère. Entre-temps, le moment est passé, "
        "et beaucoup retournent auprès de celui qui les exploitait, parce que c'est le seul qui "
        "répond au téléphone. Se remettre de la traite suppose de composer avec un traumatisme "
        "complexe, la dépendance et le deuil, ce qui ne se règle pas en huit séances selon "
        "l'horaire d'une clinique communautaire. Je demande que la stratégie nationale finance "
        "des soins de santé mentale offerts rapidement, aussi longtemps que nécessaire, par des "
        "personnes formées pour intervenir auprès de personnes traumatisées. Les pairs aidants "
        "qui ont suivi le même chemin devraient faire partie de chaque équipe, avec un salaire "
        "convenable et de la supervision. Guérir n'est pas un luxe : c'est ce qui permet à tous "
        "les autres services de fonctionner.",
    },
    {
        "key": "T03",
        "kind": "near",
        "codes": ["root-causes", "shelters-housing", "recommendation"],
        "en": "Every year, thousands of young people in Canada turn eighteen and lose the "
        "support of the child welfare system overnight. They leave group homes and foster "
        "families with no savings, no housing and often no adult they can count on. Traffickers "
        "know this. They wait outside group homes and offer a place to stay, a phone, a "
        "boyfriend, and within weeks the debt begins. Prevention has to start before that "
        "birthday. Provinces and territories should extend care and housing support to age "
        "twenty-five for anyone who wants it, and the federal government should help pay for "
        "it. Youth who grew up in care should also be hired to design these programs, because "
        "they know exactly where the system let them down.",
        "fr": "Chaque année, des milliers de jeunes au Canada atteignent dix-huit ans et "
        "perdent du jour au lendemain le soutien du système de protection de l'enfance. Ils "
        "quittent les foyers de groupe et les familles d'accueil sans économies, sans logement "
        "et souvent sans un seul adulte sur qui compter. Les trafiquants le savent. Ils "
        "attendent à la sortie des foyers de groupe et offrent un endroit où dormir, un "
        "téléphone, un copain, et en quelques semaines la dette commence. La prévention doit "
        "commencer avant cet anniversaire. Les provinces et les territoires devraient prolonger "
        "le soutien et l'aide au logement jusqu'à vingt-cinq ans pour toute personne qui le "
        "souhaite, et le gouvernement fédéral devrait contribuer à en payer le coût. Les jeunes "
        "qui ont grandi dans le système devraient aussi être embauchés pour concevoir ces "
        "programmes, parce qu'ils savent exactement où le système les a laissés tomber.",
    },
    {
        "key": "T04",
        "kind": "near",
        "codes": ["public-awareness", "private-sector-role", "promising-practice"],
        "en": "Truck drivers, bus drivers and hotel clerks are on the road and at the front "
        "desk at every hour of the night, and they notice things the rest of us never see. In "
        "several provinces, transport companies and hotel associations have started short "
        "training sessions that teach staff the signs of trafficking and give them a single "
        "number to call. Drivers who took the course have already reported young people who "
        "were being moved against their will. This approach costs little and reaches people "
        "exactly where trafficking happens. I encourage the Government of Canada to support "
        "these industry partnerships across the country, to translate the materials into the "
        "languages workers speak, and to make the training part of licensing for commercial "
        "drivers and accommodation staff.",
        "fr": "Les camionneurs, les chauffeurs d'autobus et les commis d'hôtel sont sur la "
        "route et à la réception à toute heure de la nuit, et ils remarquent des choses que "
        "nous ne voyons jamais. Dans plusieurs provinces, des entreprises de transport et des "
        "associations hôtelières ont mis en place de courtes séances de formation qui "
        "enseignent au personnel les indices de la traite et lui donnent un seul numéro à "
        "composer. Des chauffeurs qui ont suivi la formation ont déjà signalé des jeunes qu'on "
        "déplaçait contre leur gré. Cette approche coûte peu et rejoint les gens exactement là "
        "où la traite se produit. J'encourage le gouvernement du Canada à soutenir ces "
        "partenariats avec l'industrie partout au pays, à traduire le matériel dans les langues "
        "que parlent les travailleurs et à intégrer la formation à l'obtention des permis des "
        "conducteurs commerciaux et du personnel d'hébergement.",
    },
    {
        "key": "T05",
        "kind": "template",
        "codes": ["online-recruitment", "public-awareness", "trend"],
        "en": "I coordinate youth programs at {org} in {town}. This year alone, {n} teenagers "
        "who come to our drop-in told us they had been approached online by someone offering "
        "money, gifts or a part in a music video. Five years ago, recruiters had to show up at "
        "the mall. Now they find our kids through multiplayer games and private messages, often "
        "from hundreds of kilometres away. Parents in {town} have no idea how fast it happens. "
        "We need classroom workshops that start in grade six, short guides for parents written "
        "in plain language, and a youth-friendly way to report a suspicious account without "
        "calling the police. Please fund prevention work in small communities, where the "
        "internet arrived long before the services did.",
        "fr": "Je coordonne les programmes jeunesse chez {org}, à {town}. Cette année "
        "seulement, {n} adolescents qui fréquentent notre centre de jour nous ont dit avoir été "
        "abordés en ligne par quelqu'un qui leur offrait de l'argent, des cadeaux ou un rôle "
        "dans un vidéoclip. Il y a cinq ans, les recruteurs devaient se présenter au centre "
        "commercial. Aujourd'hui, ils trouvent nos jeunes par les jeux en réseau et les "
        "messages privés, souvent à des centaines de kilomètres de distance. Ici, à {town}, les "
        "parents n'ont aucune idée de la vitesse à laquelle cela se produit. Nous avons besoin "
        "d'ateliers en classe dès la sixième année, de courts guides rédigés en langage clair "
        "pour les parents et d'un moyen adapté aux jeunes pour signaler un compte suspect sans "
        "appeler la police. Veuillez financer la prévention dans les petites collectivités, où "
        "Internet est arrivé bien avant les services.",
    },
    {
        "key": "T06",
        "kind": "template",
        "codes": ["labour-exploitation", "immigration-status", "recommendation"],
        "en": "I volunteer with {org}, a legal clinic that serves farm and plant workers in and "
        "around {town}. Since the spring we have met {n} workers who paid large fees to a "
        "recruiter back home, only to discover that the job, the wage and the housing were not "
        "what they had signed for. Their passports were kept in the office. They work six days "
        "a week and send everything home to repay the debt. Most will not make a complaint, "
        "because their permit ties them to a single employer and they fear being sent home. "
        "Canada should give these workers permits that let them change employers freely, "
        "inspect workplaces without notice, and make the employer, not the worker, responsible "
        "for every recruitment cost.",
        "fr": "Je suis bénévole chez {org}, une clinique juridique qui sert les travailleurs "
        "des fermes et des usines à {town} et aux alentours. Depuis le printemps, nous avons "
        "rencontré {n} travailleurs qui ont versé des sommes importantes à un recruteur dans "
        "leur pays, pour découvrir ensuite que l'emploi, le salaire et le logement ne "
        "correspondaient pas à ce qu'ils avaient signé. Leurs passeports étaient gardés au "
        "bureau. Ils travaillent six jours par semaine et envoient tout à la maison pour "
        "rembourser leur dette. La plupart ne porteront pas plainte, parce que leur permis les "
        "lie à un seul employeur et qu'ils craignent d'être renvoyés dans leur pays. Le Canada "
        "devrait accorder à ces travailleurs des permis qui leur permettent de changer "
        "librement d'employeur, inspecter les lieux de travail sans préavis et rendre "
        "l'employeur, et non le travailleur, responsable de tous les frais de recrutement.",
    },
    {
        "key": "T07",
        "kind": "mailmerge",
        "codes": ["justice-training", "victim-testimony", "recommendation"],
        "en": "My name is {name} and I live in {town}. For the past {n} years I have accompanied "
        "victims of crime through the court system as a volunteer, and I have watched "
        "trafficking cases fall apart because the people in the courtroom did not understand "
        "what they were looking at. A young woman who goes back to her trafficker is not lying;"
        " she is afraid, in debt, or still attached to him. When defence lawyers use that "
        "against her and no one corrects them, the trial punishes the victim a second time. I "
        "urge the federal and provincial governments to make training on the dynamics of "
        "trafficking and trauma mandatory for judges, Crown prosecutors and defence counsel, "
        "and to review that training with survivors at regular intervals.",
        "fr": "Je m'appelle {name} et j'habite à {town}. Voilà {n} ans que j'accompagne "
        "bénévolement des victimes d'actes criminels dans le système judiciaire, et j'ai vu des "
        "dossiers de traite s'effondrer parce que les personnes présentes dans la salle "
        "d'audience ne comprenaient pas ce qu'elles avaient devant les yeux. Une jeune femme "
        "qui retourne auprès de son trafiquant ne ment pas : elle a peur, elle est endettée ou "
        "elle lui est encore attachée. Quand les avocats de la défense s'en servent contre elle "
        "et que personne ne les corrige, le procès punit la victime une deuxième fois. Je prie "
        "instamment les gouvernements fédéral et provinciaux de rendre obligatoire, pour les "
        "juges, les procureurs de la Couronne et les avocats de la défense, une formation sur "
        "la dynamique de la traite et des traumatismes, et de revoir cette formation avec des "
        "survivantes à intervalles réguliers.",
    },
    {
        "key": "T08",
        "kind": "mailmerge",
        "codes": ["economic-independence", "funding-ngos", "recommendation"],
        "en": "My name is {name}, and I am writing from {town}. I am one of {n} people who "
        "signed up to support a local employment program for women leaving exploitation. The "
        "women in this program want what anyone wants: a paycheque, a lease in their own name "
        "and a way to explain a gap in their résumé without reliving the worst years of their "
        "lives. The program pairs them with employers who understand, pays for short courses "
        "and covers bus passes and childcare during the first months on the job. It works, but "
        "it survives on yearly grants and bake sales. I ask the Government of Canada to create "
        "a dedicated fund for job training and financial literacy for survivors, with "
        "agreements that last at least five years.",
        "fr": "Je m'appelle {name} et je vous écris depuis {town}. Je fais partie des {n} "
        "personnes qui se sont engagées à soutenir un programme d'emploi local destiné aux "
        "femmes qui quittent l'exploitation. Les femmes inscrites à ce programme veulent ce que "
        "tout le monde veut : une paie, un bail à leur nom et une façon d'expliquer un trou "
        "dans leur CV sans revivre les pires années de leur vie. Le programme les jumelle à des "
        "employeurs compréhensifs, paie de courtes formations et couvre les laissez-passer "
        "d'autobus et la garde des enfants pendant les premiers mois en emploi. Ça fonctionne, "
        "mais le programme survit grâce à des subventions annuelles et à des ventes de "
        "pâtisseries. Je demande au gouvernement du Canada de créer un fonds réservé à la "
        "formation à l'emploi et à la littératie financière des survivantes, avec des ententes "
        "d'une durée d'au moins cinq ans.",
    },
    {
        "key": "T09",
        "kind": "crosslang",
        "codes": ["international-cooperation", "immigration-status", "emerging-issue"],
        "en": "A new pattern is reaching our communities. Young people abroad are answering "
        "online job offers for caregivers, cleaners and hospitality staff in Canada. They pay "
        "an agent for a visa that turns out to be a visitor permit, arrive with no right to "
        "work and are handed to someone who takes their documents and their wages. By the time "
        "anyone notices, they are undocumented and terrified of the authorities. Canada cannot "
        "solve this alone. Our embassies, immigration officers and partner countries need to "
        "share information about fraudulent agencies and warn people before they leave home. "
        "Once here, anyone identified as a possible victim should receive a temporary permit "
        "and legal advice without first having to convince the police.",
        "fr": "Un nouveau phénomène atteint nos communautés. À l'étranger, des jeunes "
        "répondent à des offres d'emploi en ligne pour des postes d'aide familiale, de "
        "préposés à l'entretien ou d'employés d'hôtel au Canada. Ils paient un agent pour "
        "obtenir un visa qui se révèle être un simple permis de visiteur, arrivent sans droit "
        "de travailler et sont remis à quelqu'un qui prend leurs papiers et leur salaire. Quand "
        "quelqu'un finit par s'en apercevoir, ils sont sans statut et terrifiés à l'idée de "
        "s'adresser aux autorités. Le Canada ne peut pas régler ce problème seul. Nos "
        "ambassades, nos agents d'immigration et les pays partenaires doivent échanger de "
        "l'information sur les agences frauduleuses et prévenir les gens avant leur départ. "
        "Une fois ici, toute personne reconnue comme victime possible devrait recevoir un "
        "permis temporaire et des conseils juridiques sans d'abord devoir convaincre la police.",
    },
    {
        "key": "T10",
        "kind": "crosslang",
        "codes": ["indigenous-led-programs", "root-causes", "gap"],
        "en": "Women and girls from northern and fly-in communities often travel alone to "
        "southern cities for medical appointments, school or court. They land in a place they "
        "do not know, with little money and no one waiting for them, and sometimes the people "
        "waiting at the airport or the boarding home are the ones who want to exploit them. "
        "There is no escort program for most of these trips and no guarantee of a safe place "
        "to stay. This gap has been raised again and again by Indigenous women's groups. Inuit, "
        "First Nations and Métis organisations already know how to welcome and protect their "
        "own people in the city; what they lack is steady money to do it. Until that changes, "
        "every medical trip south carries a risk that no family should have to accept.",
        "fr": "Les femmes et les filles des communautés nordiques et des communautés "
        "accessibles seulement par avion se rendent souvent seules dans les villes du Sud pour "
        "des rendez-vous médicaux, leurs études ou une comparution au tribunal. Elles arrivent "
        "dans un endroit qu'elles ne connaissent pas, avec peu d'argent et personne pour les "
        "accueillir, et ce sont parfois des gens qui veulent les exploiter qui les attendent à "
        "l'aéroport ou à la maison d'hébergement pour patients. Pour la plupart de ces "
        "déplacements, il n'existe aucun programme d'accompagnement ni aucune garantie d'un "
        "endroit sûr où dormir. Les groupes de femmes autochtones ont soulevé cette lacune à "
        "maintes reprises. Les organisations inuites, des Premières Nations et métisses savent "
        "déjà comment accueillir et protéger les leurs en ville; ce qui leur manque, c'est un "
        "financement stable pour le faire. Tant que cela ne changera pas, chaque voyage médical "
        "vers le Sud comportera un risque qu'aucune famille ne devrait avoir à accepter.",
    },
]

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "en": {
        "banks": ["financial institutions"],
        "money": ["funds"],
        "move": ["shift", "transfer"],
        "profits": ["proceeds", "earnings"],
        "prepaid": ["pre-loaded"],
        "several": ["a number of", "various"],
        "cities": ["urban centres"],
        "learned to": ["figured out how to"],
        "spot": ["detect", "recognise"],
        "patterns": ["signs"],
        "report": ["flag"],
        "tips": ["leads"],
        "opened": ["started", "launched"],
        "real": ["genuine", "actual"],
        "depend": ["rely"],
        "goodwill": ["good will", "generosity"],
        "call on": ["ask"],
        "require": ["oblige", "compel"],
        "operating": ["doing business", "active"],
        "staff": ["employees", "personnel"],
        "indicators": ["warning signs", "red flags"],
        "suspicious": ["questionable"],
        "transactions": ["payments"],
        "promptly": ["quickly", "without delay"],
        "share": ["exchange"],
        "learns": ["finds out", "discovers"],
        "enough": ["sufficient"],
        "follow": ["trace", "track"],
        "profit": ["benefit"],
        "finally": ["at last", "eventually"],
        "reaches out": ["asks for help"],
        "often": ["frequently"],
        "counsellor": ["therapist"],
        "moment": ["window", "opportunity"],
        "passed": ["gone"],
        "answers": ["picks up"],
        "involves": ["means dealing with"],
        "grief": ["loss"],
        "handled": ["dealt with", "addressed"],
        "schedule": ["timetable"],
        "asking": ["requesting"],
        "available": ["accessible"],
        "quickly": ["rapidly", "fast"],
        "lasts": ["continues"],
        "needed": ["necessary", "required"],
        "delivered": ["provided"],
        "walked the same road": ["been through the same thing"],
        "proper": ["fair", "decent"],
        "wages": ["pay"],
        "supervision": ["clinical supervision"],
        "luxury": ["frill"],
        "makes": ["lets"],
        "team": ["care team"],
        "man": ["person"],
        "thousands": ["many thousands"],
        "turn": ["reach the age of"],
        "lose": ["are cut off from"],
        "overnight": ["all at once", "in a single day"],
        "foster families": ["foster homes"],
        "savings": ["money saved"],
        "count on": ["rely on", "depend on"],
        "outside": ["in front of"],
        "offer": ["provide"],
        "within": ["in just"],
        "begins": ["starts"],
        "start": ["begin"],
        "extend": ["prolong", "lengthen"],
        "help pay for it": ["share the cost"],
        "grew up": ["were raised"],
        "hired": ["employed", "recruited"],
        "design": ["shape", "plan"],
        "exactly": ["precisely"],
        "let them down": ["failed them"],
        "programs": ["initiatives"],
        "program": ["initiative"],
        "young people": ["youth", "young persons"],
        "truck drivers": ["truckers"],
        "clerks": ["receptionists"],
        "things": ["details"],
        "companies": ["firms"],
        "started": ["launched", "begun"],
        "short": ["brief"],
        "teach": ["show"],
        "signs": ["indicators"],
        "took": ["completed"],
        "course": ["training"],
        "reported": ["flagged", "alerted police to"],
        "approach": ["model"],
        "costs little": ["is inexpensive", "is cheap"],
        "happens": ["occurs", "takes place"],
        "encourage": ["urge"],
        "partnerships": ["collaborations"],
        "across the country": ["nationwide"],
        "materials": ["resources"],
        "licensing": ["certification"],
        "front desk": ["reception"],
        "the rest of us": ["most of us", "everyone else"],
        "coordinate": ["run", "manage"],
        "teenagers": ["teens", "adolescents"],
        "approached": ["contacted"],
        "offering": ["promising"],
        "gifts": ["presents"],
        "show up": ["turn up", "appear"],
        "mall": ["shopping centre"],
        "find": ["reach"],
        "kids": ["children", "young people"],
        "private messages": ["direct messages"],
        "idea": ["clue"],
        "fast": ["quickly"],
        "classroom": ["in-class"],
        "workshops": ["sessions"],
        "guides": ["booklets", "handouts"],
        "written": ["drafted"],
        "plain": ["simple", "clear"],
        "youth-friendly": ["youth-centred"],
        "calling": ["contacting"],
        "arrived": ["came"],
        "serves": ["assists", "helps"],
        "plant": ["factory"],
        "met": ["seen", "worked with"],
        "large": ["hefty", "big"],
        "fees": ["sums", "amounts"],
        "back home": ["in their home country"],
        "discover": ["find"],
        "wage": ["pay"],
        "signed for": ["agreed to"],
        "kept": ["held"],
        "repay": ["pay off", "clear"],
        "complaint": ["formal complaint"],
        "ties": ["binds"],
        "fear": ["are afraid of", "dread"],
        "change": ["switch"],
        "freely": ["without restriction"],
        "inspect": ["check", "examine"],
        "workplaces": ["work sites"],
        "without notice": ["unannounced"],
        "responsible": ["accountable", "liable"],
        "cost": ["expense", "charge"],
        "send": ["wire"],
        "live": ["reside"],
        "accompanied": ["supported", "guided"],
        "watched": ["seen"],
        "cases": ["prosecutions"],
        "fall apart": ["collapse"],
        "courtroom": ["court"],
        "looking at": ["seeing"],
        "goes back": ["returns"],
        "lying": ["being dishonest"],
        "afraid": ["scared", "frightened"],
        "attached": ["bonded", "tied"],
        "defence lawyers": ["defence counsel"],
        "use that against": ["turn that against"],
        "corrects": ["challenges"],
        "trial": ["court case"],
        "punishes": ["penalises"],
        "urge": ["call on", "press"],
        "mandatory": ["compulsory", "required"],
        "review": ["revisit", "update"],
        "regular intervals": ["set intervals"],
        "writing": ["reaching out"],
        "signed up": ["registered", "volunteered"],
        "local": ["community"],
        "employment": ["job"],
        "leaving": ["escaping", "getting out of"],
        "paycheque": ["salary", "regular income"],
        "lease": ["rental agreement"],
        "explain": ["account for"],
        "reliving": ["revisiting", "going back over"],
        "worst": ["hardest", "darkest"],
        "pairs": ["matches"],
        "pays for": ["covers the cost of"],
        "courses": ["classes"],
        "covers": ["pays for"],
        "bus passes": ["transit passes"],
        "childcare": ["child care", "daycare"],
        "works": ["succeeds"],
        "survives": ["gets by", "runs"],
        "yearly": ["annual", "one-year"],
        "grants": ["subsidies"],
        "bake sales": ["fundraisers"],
        "create": ["set up", "establish"],
        "dedicated": ["separate", "specific"],
        "agreements": ["contracts"],
        "last": ["run"],
        "new": ["recent"],
        "pattern": ["trend"],
        "reaching": ["arriving in"],
        "abroad": ["overseas"],
        "answering": ["responding to"],
        "job offers": ["job ads", "job postings"],
        "caregivers": ["care workers"],
        "cleaners": ["housekeepers"],
        "turns out to be": ["is in fact"],
        "arrive": ["land"],
        "handed": ["passed", "turned over"],
        "documents": ["papers", "identity documents"],
        "notices": ["realises"],
        "undocumented": ["without status"],
        "terrified": ["frightened", "scared"],
        "solve": ["fix"],
        "fraudulent": ["fake", "bogus"],
        "warn": ["alert", "caution"],
        "identified": ["recognised", "flagged"],
        "possible": ["potential"],
        "receive": ["get", "be given"],
        "advice": ["counsel"],
        "convince": ["persuade"],
        "travel": ["go"],
        "appointments": ["visits"],
        "land": ["arrive"],
        "sometimes": ["at times", "occasionally"],
        "exploit": ["take advantage of"],
        "escort": ["chaperone"],
        "trips": ["journeys"],
        "guarantee": ["assurance"],
        "safe": ["secure"],
        "raised": ["flagged", "brought up"],
        "again and again": ["repeatedly", "time and again"],
        "welcome": ["receive"],
        "protect": ["shield"],
        "lack": ["are missing"],
        "steady": ["stable", "reliable"],
        "changes": ["is fixed"],
        "carries": ["involves", "brings"],
        "accept": ["tolerate", "live with"],
    },
    "fr": {
        "banques": ["institutions bancaires"],
        "caisses": ["caisses populaires"],
        "voient": ["aperçoivent"],
        "circuler": ["transiter"],
        "profits": ["gains", "bénéfices"],
        "au moyen de": ["par le biais de", "à l'aide de"],
        "comptes": ["comptes bancaires"],
        "effectués": ["faits"],
        "plusieurs": ["diverses"],
        "reconnaître": ["repérer", "détecter"],
        "schémas": ["stratagèmes", "manèges"],
        "signaler": ["dénoncer", "déclarer"],
        "signalements": ["dénonciations"],
        "mené": ["abouti"],
        "véritables": ["réelles", "vraies"],
        "bonne volonté": ["générosité"],
        "obliger": ["contraindre", "forcer"],
        "active": ["présente"],
        "indicateurs": ["signes"],
        "déclarer": ["signaler"],
        "rapidement": ["promptement", "sans tarder"],
        "opérations": ["transactions"],
        "douteuses": ["suspectes"],
        "communiquer": ["transmettre"],
        "apprend": ["découvre"],
        "unités policières": ["escouades policières"],
        "suivre": ["retracer"],
        "profitent": ["tirent profit"],
        "enfin": ["finalement"],
        "demander de l'aide": ["chercher de l'aide"],
        "souvent": ["fréquemment"],
        "conseillère": ["thérapeute"],
        "beaucoup": ["plusieurs"],
        "retournent": ["reviennent"],
        "répond au téléphone": ["décroche"],
        "suppose": ["exige", "implique"],
        "composer avec": ["faire face à"],
        "règle": ["résout"],
        "séances": ["rencontres"],
        "horaire": ["emploi du temps"],
        "finance": ["subventionne"],
        "offerts": ["fournis"],
        "aussi longtemps que nécessaire": ["tant qu'il le faudra"],
        "formées": ["outillées"],
        "intervenir": ["travailler"],
        "pairs aidants": ["intervenants pairs"],
        "chemin": ["parcours"],
        "équipe": ["équipe soignante"],
        "convenable": ["décent", "adéquat"],
        "fonctionner": ["marcher"],
        "atteignent": ["arrivent à"],
        "perdent": ["se voient retirer"],
        "du jour au lendemain": ["subitement", "brusquement"],
        "économies": ["épargnes"],
        "attendent": ["guettent"],
        "sortie": ["porte"],
        "offrent": ["proposent"],
        "endroit": ["lieu"],
        "copain": ["chum", "petit ami"],
        "commence": ["s'installe"],
        "commencer": ["débuter"],
        "prolonger": ["étendre", "allonger"],
        "souhaite": ["désire", "veut"],
        "contribuer": ["aider"],
        "embauchés": ["engagés", "recrutés"],
        "concevoir": ["élaborer", "bâtir"],
        "exactement": ["précisément"],
        "laissés tomber": ["abandonnés"],
        "aide au logement": ["aide à l'habitation"],
        "dormir": ["passer la nuit"],
        "téléphone": ["cellulaire"],
        "payer": ["assumer"],
        "camionneurs": ["chauffeurs de camion"],
        "commis": ["préposés"],
        "remarquent": ["aperçoivent"],
        "choses": ["détails"],
        "entreprises": ["compagnies"],
        "mis en place": ["lancé", "instauré"],
        "courtes": ["brèves"],
        "enseignent": ["montrent"],
        "indices": ["signes"],
        "donnent": ["fournissent"],
        "signalé": ["signalé aux autorités"],
        "contre leur gré": ["de force"],
        "approche": ["façon de faire"],
        "coûte peu": ["est peu coûteuse"],
        "rejoint": ["atteint"],
        "se produit": ["survient", "a lieu"],
        "encourage": ["invite"],
        "soutenir": ["appuyer"],
        "partenariats": ["collaborations"],
        "partout au pays": ["dans tout le pays"],
        "matériel": ["contenu"],
        "intégrer": ["inclure"],
        "obtention": ["octroi"],
        "conducteurs commerciaux": ["chauffeurs professionnels"],
        "à toute heure de la nuit": ["en pleine nuit"],
        "coordonne": ["gère", "dirige"],
        "adolescents": ["ados", "jeunes"],
        "fréquentent": ["viennent à"],
        "abordés": ["approchés", "contactés"],
        "offrait": ["promettait"],
        "cadeaux": ["présents"],
        "rôle": ["petit rôle"],
        "vidéoclip": ["clip vidéo"],
        "se présenter": ["se montrer"],
        "centre commercial": ["centre d'achats"],
        "trouvent": ["repèrent", "rejoignent"],
        "jeux en réseau": ["jeux en ligne"],
        "messages privés": ["messages directs"],
        "aucune idée": ["pas la moindre idée"],
        "vitesse": ["rapidité"],
        "ateliers": ["animations"],
        "courts": ["brefs"],
        "rédigés": ["écrits"],
        "clair": ["simple"],
        "adapté aux jeunes": ["pensé pour les jeunes"],
        "suspect": ["douteux"],
        "appeler": ["alerter"],
        "financer": ["soutenir financièrement"],
        "petites collectivités": ["petites communautés"],
        "arrivé": ["apparu"],
        "bien avant": ["longtemps avant"],
        "bénévole": ["volontaire"],
        "sert": ["dessert"],
        "aux alentours": ["dans les environs"],
        "rencontré": ["vu", "accueilli"],
        "versé": ["payé"],
        "sommes importantes": ["montants élevés"],
        "découvrir": ["constater"],
        "signé": ["accepté"],
        "gardés": ["conservés", "retenus"],
        "rembourser": ["éponger"],
        "lie": ["attache"],
        "craignent": ["ont peur"],
        "renvoyés": ["retournés"],
        "accorder": ["donner", "octroyer"],
        "librement": ["sans restriction"],
        "inspecter": ["contrôler", "visiter"],
        "lieux de travail": ["milieux de travail"],
        "préavis": ["avertissement"],
        "responsable": ["redevable"],
        "usines": ["manufactures"],
        "fermes": ["exploitations agricoles"],
        "recruteur": ["agent de recrutement"],
        "accompagne": ["épaule"],
        "bénévolement": ["à titre bénévole"],
        "dossiers": ["causes"],
        "s'effondrer": ["tomber à l'eau"],
        "comprenaient": ["saisissaient"],
        "devant les yeux": ["sous les yeux"],
        "retourne": ["revient"],
        "endettée": ["criblée de dettes"],
        "attachée": ["liée"],
        "s'en servent": ["l'utilisent"],
        "corrige": ["reprend"],
        "punit": ["pénalise"],
        "deuxième": ["seconde"],
        "instamment": ["vivement"],
        "revoir": ["réviser", "mettre à jour"],
        "intervalles réguliers": ["intervalles fixes"],
        "salle d'audience": ["salle de cour"],
        "système judiciaire": ["processus judiciaire"],
        "encore": ["toujours"],
        "présentes": ["qui se trouvaient"],
        "local": ["communautaire"],
        "destiné": ["offert"],
        "inscrites": ["participant"],
        "veulent": ["souhaitent"],
        "bail": ["contrat de location"],
        "façon": ["manière"],
        "trou": ["vide", "creux"],
        "pires": ["plus sombres"],
        "jumelle": ["associe"],
        "compréhensifs": ["ouverts", "bienveillants"],
        "couvre": ["prend en charge"],
        "laissez-passer d'autobus": ["titres de transport"],
        "garde des enfants": ["garderie"],
        "fonctionne": ["marche"],
        "survit": ["tient le coup"],
        "subventions": ["aides financières"],
        "annuelles": ["d'un an"],
        "ventes de pâtisseries": ["ventes de gâteaux"],
        "créer": ["mettre sur pied"],
        "réservé": ["consacré"],
        "ententes": ["accords"],
        "nouveau": ["récent"],
        "atteint": ["touche"],
        "offres d'emploi": ["annonces d'emploi"],
        "paient": ["versent de l'argent à"],
        "obtenir": ["se procurer"],
        "se révèle être": ["s'avère"],
        "arrivent": ["débarquent"],
        "remis": ["livrés", "confiés"],
        "prend": ["confisque"],
        "papiers": ["documents", "pièces d'identité"],
        "s'en apercevoir": ["le remarquer"],
        "terrifiés": ["terrorisés", "effrayés"],
        "s'adresser": ["faire appel"],
        "régler": ["résoudre"],
        "échanger": ["partager"],
        "frauduleuses": ["malhonnêtes"],
        "prévenir": ["avertir", "mettre en garde"],
        "reconnue": ["identifiée"],
        "recevoir": ["obtenir"],
        "conseils juridiques": ["avis juridiques"],
        "convaincre": ["persuader"],
        "possible": ["potentielle"],
        "se rendent": ["vont"],
        "rendez-vous médicaux": ["consultations médicales"],
        "comparution": ["audience"],
        "accueillir": ["recevoir"],
        "parfois": ["à l'occasion"],
        "déplacements": ["trajets", "voyages"],
        "accompagnement": ["escorte"],
        "garantie": ["assurance"],
        "sûr": ["sécuritaire"],
        "soulevé": ["signalé"],
        "à maintes reprises": ["à plusieurs reprises", "maintes fois"],
        "protéger": ["mettre à l'abri"],
        "manque": ["fait défaut"],
        "stable": ["régulier"],
        "changera": ["bougera"],
        "voyage": ["déplacement"],
        "comportera": ["présentera"],
        "accepter": ["tolérer"],
        "envoient": ["expédient"],
        "correspondaient": ["répondaient"],
        "ensuite": ["par la suite"],
        "juridique": ["d'aide juridique"],
    },
}
