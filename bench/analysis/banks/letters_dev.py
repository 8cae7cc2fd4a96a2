"""Development bank of letters for the campaign (form-letter) benchmark.

The engine may be tuned on this bank: figures measured on it are "tuned". The frozen test bank is
`letters_test.py`; it is never used for tuning.

- ``MAILMERGE``: three mail-merge letters in English and French, with ``{name}`` (the sender's
  full name), ``{town}`` and ``{n}`` (a number) to fill for each copy. Codes are leaf codes of
  the demo codebook (heard/examples/human-trafficking-2018/codebook.yaml), with at most one
  statement type.
- ``CROSSLANG``: six letters, each written in English and in Canadian French as two people
  would translate a form letter (freely, not word for word: sentences merged, split or turned
  differently, the same points in the same order), for the cross-language campaign pass. Codes
  as for ``MAILMERGE``.
- ``SYNONYMS``: for each language, words of the development letters (the ``LETTERS`` of
  `synthetic_phrases.py` and the letters here), lower case as they appear, with words or short
  phrases that can take their place without changing the meaning or the grammar of the sentence,
  for near-copies of a letter.
"""

from __future__ import annotations

MAILMERGE: list[dict[str, object]] = [
    {
        "key": "D01",
        "kind": "mailmerge",
        "codes": ["trauma-informed-care", "survivor-led-services", "recommendation"],
        "en": "My name is {name} and I live in {town}. I am writing because survivors of human "
        "trafficking in our region wait far too long for counselling. A young woman who escapes "
        "her trafficker can find herself on a waiting list of {n} people before she sees a "
        "therapist, and by then many have already gone back to him. Care must take trauma into "
        "account from the first contact: staff should understand why a survivor misses "
        "appointments or cannot tell her story in order. I also ask the Government of Canada to "
        "fund peer support programs designed and run by survivors themselves, because someone "
        "who has lived it can earn a trust that others cannot. Please make mental health care for "
        "survivors a real part of the national strategy.",
        "fr": "Je m'appelle {name} et j'habite à {town}. Je vous écris parce que les survivantes "
        "et survivants de la traite des personnes de notre région attendent beaucoup trop "
        "longtemps avant d'obtenir du counseling. Une jeune femme qui échappe à son trafiquant "
        "peut se retrouver sur une liste d'attente de {n} personnes avant de voir une "
        "thérapeute, et entre-temps, beaucoup sont déjà retournées auprès de lui. Les soins "
        "doivent tenir compte des traumatismes dès le premier contact : le personnel devrait "
        "comprendre pourquoi une survivante manque ses rendez-vous ou ne peut pas raconter son "
        "histoire dans l'ordre. Je demande aussi au gouvernement du Canada de financer des "
        "programmes de soutien par les pairs conçus et offerts par les survivantes elles-mêmes, "
        "car une personne qui l'a vécu peut gagner une confiance que d'autres n'obtiennent pas. "
        "Faites des soins de santé mentale pour les survivantes une véritable partie de la "
        "stratégie nationale.",
    },
    {
        "key": "D02",
        "kind": "mailmerge",
        "codes": ["private-sector-role", "investigations", "recommendation"],
        "en": "My name is {name} and I work in the financial sector in {town}. Banks and credit "
        "unions see the money trail of trafficking every day: hotel rooms paid by the night, "
        "many prepaid cards bought at once, deposits made in several cities in a single "
        "afternoon. Last year my team flagged {n} suspicious accounts, yet we rarely learn "
        "whether the police ever looked at them. Financial institutions should receive clear "
        "indicators from investigators, and the police need specialised units that can follow "
        "the money and act on our reports quickly. I recommend that the federal government "
        "create a permanent partnership between banks, payment companies and police, so that "
        "traffickers find it much harder to hide their profits.",
        "fr": "Je m'appelle {name} et je travaille dans le secteur financier à {town}. Les "
        "banques et les caisses populaires voient chaque jour la trace financière de la traite : "
        "des chambres d'hôtel payées à la nuit, de nombreuses cartes prépayées achetées d'un "
        "coup, des dépôts faits dans plusieurs villes en un seul après-midi. L'année dernière, "
        "mon équipe a signalé {n} comptes suspects, mais nous savons rarement si la police les a "
        "examinés. Les institutions financières devraient recevoir des indicateurs clairs de la "
        "part des enquêteurs, et la police a besoin d'unités spécialisées capables de suivre "
        "l'argent et de donner rapidement suite à nos signalements. Je recommande que le "
        "gouvernement fédéral crée un partenariat permanent entre les banques, les entreprises "
        "de paiement et la police, afin que les trafiquants aient beaucoup plus de mal à cacher "
        "leurs profits.",
    },
    {
        "key": "D03",
        "kind": "mailmerge",
        "codes": ["root-causes", "public-awareness", "recommendation"],
        "en": "My name is {name}. I have taught high school in {town} for many years, and I have "
        "seen how traffickers choose their targets. They look for students who are hungry, who "
        "have no stable home or who have just left foster care. In our school alone, {n} "
        "students relied on the breakfast program this year. Poverty and loneliness make the "
        "promises of a stranger sound like a rescue. Teachers, parents and coaches should learn "
        "the early signs, and every student should hear, in plain words, how a new boyfriend "
        "can turn into a pimp. Please fund both awareness in schools and real support for the "
        "young people most at risk, because one without the other will not protect them.",
        "fr": "Je m'appelle {name}. J'enseigne au secondaire à {town} depuis de nombreuses "
        "années, et j'ai vu comment les trafiquants choisissent leurs cibles. Ils cherchent des "
        "élèves qui ont faim, qui n'ont pas de domicile stable ou qui viennent de quitter une "
        "famille d'accueil. Dans notre seule école, {n} élèves ont eu recours au programme de "
        "déjeuners cette année. La pauvreté et la solitude donnent aux promesses d'un inconnu "
        "des airs de sauvetage. Les enseignants, les parents et les entraîneurs devraient "
        "apprendre à reconnaître les premiers signes, et chaque élève devrait entendre, en mots "
        "simples, comment un nouveau copain peut devenir un proxénète. Financez à la fois la "
        "sensibilisation dans les écoles et un véritable soutien pour les jeunes les plus à "
        "risque, car l'un sans l'autre ne les protégera pas.",
    },
]

CROSSLANG: list[dict[str, object]] = [
    {
        "key": "X01",
        "kind": "crosslang",
        "codes": ["labour-exploitation", "immigration-status", "recommendation"],
        "en": "I coordinate a helpline for farm and hotel workers in the Niagara region, and "
        "every harvest season the same stories come back. A man arrives under the Seasonal "
        "Agricultural Worker Program, and his passport is locked in the office, supposedly for "
        "safekeeping. In hotels and restaurants, cleaners and cooks on temporary permits work "
        "sixteen-hour shifts and are told they owe thousands of dollars for their flight and "
        "their room. Because the permit is tied to one employer, leaving the job means losing the "
        "right to work in Canada. Last summer, only 2 of the 37 workers who called us agreed to "
        "speak to the RCMP; the others were afraid of being sent home. Ottawa should replace "
        "employer-specific permits with sector-wide permits, make the open work permit for "
        "vulnerable workers faster to obtain, and send labour inspectors to farms unannounced.",
        "fr": "Je coordonne une ligne d'écoute pour les travailleurs des fermes et des hôtels de "
        "la région de Niagara. À chaque saison des récoltes, on entend les mêmes histoires. Un "
        "homme arrive dans le cadre du Programme des travailleurs agricoles saisonniers, et "
        "l'employeur garde son passeport sous clé au bureau, soi-disant pour le mettre en "
        "sécurité. Dans l'hôtellerie et la restauration, des préposés à l'entretien et des "
        "cuisiniers titulaires d'un permis temporaire font des quarts de seize heures, et on leur "
        "dit qu'ils doivent des milliers de dollars pour leur billet d'avion et leur chambre. "
        "Comme le permis est lié à un seul employeur, quitter son emploi, c'est perdre le droit "
        "de travailler au Canada. L'été dernier, sur les 37 travailleurs qui nous ont appelés, "
        "seulement 2 ont accepté de parler à la GRC : les autres avaient peur d'être renvoyés "
        "chez eux. Il faut que le fédéral remplace les permis liés à un employeur par des permis "
        "sectoriels, qu'il accélère l'obtention du permis de travail ouvert pour les travailleurs "
        "vulnérables et qu'il envoie des inspecteurs du travail dans les fermes sans préavis.",
    },
    {
        "key": "X02",
        "kind": "crosslang",
        "codes": ["online-recruitment", "public-awareness", "private-sector-role", "trend"],
        "en": "I am a youth worker in Laval, and over the past three years I have watched luring "
        "migrate almost entirely online. Girls of 13 or 14 are approached on Instagram, on "
        "Snapchat or in gaming chat rooms by someone who showers them with compliments and gifts. "
        "Within a few weeks he asks for photos, then uses those photos to threaten them. "
        "According to Cybertip.ca, reports of sextortion keep climbing. Parents often have no "
        "idea what is happening under their own roof. Platforms know far more than they let on, "
        "and they should be required to report luring to police and to keep the evidence long "
        "enough for an investigation. Schools should also talk openly about sextortion, starting "
        "in grade 5, so that a child who is being blackmailed understands that she is not to "
        "blame and can turn to an adult she trusts.",
        "fr": "Je suis intervenante jeunesse à Laval et, depuis trois ans, je vois le leurre "
        "migrer presque entièrement en ligne. Des filles de 13 ou 14 ans se font aborder sur "
        "Instagram, sur Snapchat ou dans les salons de clavardage de jeux en ligne par quelqu'un "
        "qui les couvre de compliments et de cadeaux. Au bout de quelques semaines, il leur "
        "demande des photos, puis s'en sert pour les menacer. Selon Cyberaide.ca, les "
        "signalements de sextorsion ne cessent d'augmenter. Bien souvent, les parents ignorent "
        "tout de ce qui se passe sous leur propre toit. Les plateformes en savent beaucoup plus "
        "qu'elles ne le laissent paraître. On devrait les obliger à signaler le leurre à la "
        "police et à conserver les preuves assez longtemps pour permettre une enquête. Les écoles "
        "devraient aussi traiter ouvertement de la sextorsion dès la 5e année, pour qu'un enfant "
        "victime de chantage sache que ce n'est pas sa faute et qu'il peut se confier à un adulte "
        "de confiance.",
    },
    {
        "key": "X03",
        "kind": "crosslang",
        "codes": ["indigenous-led-programs", "root-causes", "funding-ngos", "promising-practice"],
        "en": "I am a Cree grandmother, and I sit on the board of a friendship centre in northern "
        "Manitoba. When our girls leave their reserve to attend high school in Thompson or "
        "Winnipeg, they often arrive alone, with no family nearby and little money. Recruiters "
        "are waiting for them at the bus depot. For four years now, our centre has run a "
        "land-based program in which elders and older youth prepare these girls before they go. "
        "They learn the tricks recruiters use, they receive a list of trusted adults in the city, "
        "and they come back to camp every summer. Not one of the 58 girls who have completed it "
        "has been trafficked. Yet our funding arrives as one-year grants, renewed at the last "
        "minute. Programs like ours work because they are led by our own people. Ottawa should "
        "fund them for at least five years and let communities decide how the money is spent.",
        "fr": "Je suis une grand-mère crie et je siège au conseil d'administration d'un centre "
        "d'amitié autochtone du nord du Manitoba. Quand nos filles quittent leur réserve pour "
        "aller à l'école secondaire à Thompson ou à Winnipeg, elles arrivent souvent seules, sans "
        "famille à proximité et avec peu d'argent. Au terminus d'autobus, les recruteurs guettent "
        "leur arrivée. Depuis quatre ans, notre centre offre un programme axé sur le territoire : "
        "des aînés et des jeunes plus âgés y préparent ces filles avant leur départ. Elles "
        "apprennent les ruses des recruteurs, reçoivent une liste d'adultes de confiance en ville "
        "et reviennent au camp chaque été. Aucune des 58 filles qui y ont participé n'a été "
        "victime de la traite. Pourtant, notre financement nous parvient sous forme de "
        "subventions d'un an, renouvelées in extremis. Si des programmes comme le nôtre "
        "fonctionnent, c'est parce qu'ils sont menés par les nôtres. Le gouvernement fédéral "
        "devrait les financer pendant au moins cinq ans et laisser les communautés décider de "
        "l'utilisation de l'argent.",
    },
    {
        "key": "X04",
        "kind": "crosslang",
        "codes": ["victim-testimony", "legislation", "gap"],
        "en": "I have worked as a court support worker in Quebec for eleven years. The survivors "
        "I accompany often wait two or three years for a trial, and during that time they have no "
        "income and no help with their legal costs. Compensation plans for victims of crime "
        "differ from province to province. In some, a trafficking victim who was forced to commit "
        "crimes herself is refused any compensation. Restitution orders under the Criminal Code "
        "are almost never paid, because the trafficker's assets have disappeared long before "
        "sentencing. I see women testify behind a screen and then go home to nothing. Seized "
        "proceeds of crime should be set aside to compensate victims, and every province should "
        "cover trafficking victims in its compensation program. Court support should also "
        "continue after the verdict, since that is often when the trauma returns hardest.",
        "fr": "Je suis accompagnatrice judiciaire au Québec depuis onze ans. Les survivantes que "
        "j'accompagne attendent souvent deux ou trois ans avant leur procès et, entre-temps, "
        "elles n'ont ni revenu ni soutien pour payer leurs frais juridiques. Les régimes "
        "d'indemnisation des victimes d'actes criminels varient d'une province à l'autre. Dans "
        "certaines, on refuse toute indemnisation à une victime de la traite qui a elle-même été "
        "forcée à commettre des crimes. Quant aux ordonnances de dédommagement prévues au Code "
        "criminel, elles ne sont presque jamais payées, car les biens du trafiquant ont disparu "
        "bien avant la détermination de la peine. Je vois des femmes témoigner derrière un écran, "
        "puis rentrer chez elles les mains vides. Il faudrait que les produits de la criminalité "
        "saisis servent à indemniser les victimes et que chaque province inclue les victimes de "
        "la traite dans son régime d'indemnisation. L'accompagnement judiciaire devrait aussi se "
        "poursuivre après le verdict, puisque c'est souvent à ce moment-là que le traumatisme "
        "refait surface avec le plus de force.",
    },
    {
        "key": "X05",
        "kind": "crosslang",
        "codes": [
            "frontline-training",
            "international-cooperation",
            "data-research",
            "recommendation",
        ],
        "en": "I have been a border services officer with the CBSA for nineteen years, most of "
        "them at Pearson airport. In all that time I was given a single half-day module on human "
        "trafficking, and it was mostly a video. Airline staff, truck drivers and bus drivers see "
        "victims long before we do, but their training sessions are voluntary and depend on the "
        "goodwill of each company. I am asking for three things. First, a mandatory course for "
        "every CBSA officer, updated every two years and built with survivors and the RCMP. "
        "Second, a common list of indicators drawn up with American border officers, since many "
        "victims cross at Windsor or Lacolle. Third, a simple form to log every suspicion, "
        "because right now nobody knows how many possible victims are flagged at our ports of "
        "entry each year, or what becomes of them afterwards.",
        "fr": "Je suis agent des services frontaliers à l'ASFC depuis dix-neuf ans, dont la "
        "plupart à l'aéroport Pearson. En tout ce temps, on m'a donné un seul module d'une "
        "demi-journée sur la traite des personnes, qui consistait surtout en une vidéo. Le "
        "personnel des compagnies aériennes, les camionneurs et les chauffeurs d'autobus croisent "
        "les victimes bien avant nous, mais leurs séances de formation sont facultatives et "
        "dépendent du bon vouloir de chaque entreprise. Je demande trois choses. D'abord, un "
        "cours obligatoire pour tous les agents de l'ASFC, mis à jour tous les deux ans et conçu "
        "avec des survivantes et la GRC. Ensuite, une liste commune d'indicateurs, établie avec "
        "les agents frontaliers américains, puisque bien des victimes passent par Windsor ou "
        "Lacolle. Enfin, un formulaire simple pour consigner chaque soupçon : à l'heure actuelle, "
        "personne ne sait combien de victimes potentielles sont repérées à nos points d'entrée "
        "chaque année, ni ce qu'il advient d'elles par la suite.",
    },
    {
        "key": "X06",
        "kind": "crosslang",
        "codes": [
            "shelters-housing",
            "economic-independence",
            "long-term-support",
            "recommendation",
        ],
        "en": "Our shelter in Halifax opened a second-stage housing project in 2019, with twelve "
        "apartments for women leaving sexual exploitation. What we have learned is that a roof is "
        "not enough. A survivor who spent five years under a pimp's control often has no work "
        "history, a criminal record from the years she was exploited and a credit rating ruined "
        "by debts opened in her name. Employers see the gaps in her résumé and pass her over. The "
        "women who do best in our program are the ones who secure paid work within the first "
        "year, usually through a supported internship with an employer who is aware of her past. "
        "I ask ESDC to fund paid internships for survivors, to get fraudulent debts cancelled, "
        "and to waive the fee for record suspensions for anyone convicted of crimes committed "
        "while they were trafficked. Housing should last at least three years, not eighteen "
        "months.",
        "fr": "En 2019, notre refuge, à Halifax, a ouvert un projet d'hébergement de deuxième "
        "étape comptant douze logements pour des femmes qui fuient l'exploitation sexuelle. Nous "
        "avons appris qu'un toit ne suffit pas. Une survivante qui a passé cinq ans sous "
        "l'emprise d'un proxénète n'a souvent aucune expérience de travail. Elle traîne aussi un "
        "casier judiciaire datant des années où on l'exploitait, et son dossier de crédit a été "
        "ruiné par des dettes contractées à son nom. Les employeurs voient les trous dans son CV "
        "et se tournent vers quelqu'un d'autre. Dans notre programme, les femmes qui s'en sortent "
        "le mieux sont celles qui décrochent un emploi rémunéré au cours de la première année, la "
        "plupart du temps grâce à un stage accompagné chez un employeur au courant de son passé. "
        "J'exhorte EDSC à financer des stages rémunérés pour les survivantes, à faire annuler les "
        "dettes frauduleuses et à éliminer les frais de suspension du casier pour les personnes "
        "condamnées pour des crimes commis pendant qu'elles étaient victimes de la traite. "
        "L'hébergement devrait durer au moins trois ans, et non dix-huit mois.",
    },
]

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "en": {
        "abuse": ["mistreatment"],
        "accompany": ["support", "assist"],
        "act": ["follow up"],
        "advisory": ["consultative"],
        "afraid": ["scared", "frightened"],
        "afterwards": ["after that", "later on"],
        "agreed": ["were willing", "consented"],
        "airline": ["air carrier"],
        "american": ["U.S."],
        "anyone": ["anybody"],
        "apartments": ["units", "suites"],
        "applications": ["proposals", "funding requests"],
        "appointments": ["sessions"],
        "approach": ["strategy"],
        "approached": ["contacted", "targeted"],
        "apps": ["applications"],
        "area": ["region", "district"],
        "arrive": ["show up", "turn up"],
        "arrives": ["comes"],
        "ask": ["urge", "call on"],
        "asked": ["expected", "invited"],
        "asking": ["calling"],
        "asks": ["pushes", "begs"],
        "assets": ["property", "holdings"],
        "attend": ["go to"],
        "authorities": ["officials"],
        "aware": ["informed"],
        "bed": ["space", "spot"],
        "beds": ["places", "spaces"],
        "big": ["large", "serious"],
        "blackmailed": ["extorted"],
        "board": ["board of directors"],
        "bought": ["purchased"],
        "breakdown": ["collapse", "crisis"],
        "built": ["designed", "developed"],
        "bunkhouses": ["dormitories", "barracks"],
        "call": ["phone", "contact"],
        "called": ["phoned", "contacted"],
        "came": ["walked"],
        "cancelled": ["wiped out", "erased"],
        "cannot": ["can't"],
        "carry": ["bear", "shoulder"],
        "case": ["prosecution"],
        "centre": ["center"],
        "charge": ["accusation"],
        "charges": ["accusations"],
        "check": ["verify", "audit"],
        "child": ["kid", "young person"],
        "childcare": ["child care"],
        "children": ["kids", "young people"],
        "choose": ["pick", "select"],
        "cities": ["towns"],
        "cleaners": ["housekeepers"],
        "clear": ["explicit", "precise"],
        "climbing": ["rising", "going up"],
        "coaches": ["trainers"],
        "collects": ["gathers", "compiles"],
        "common": ["shared", "standard"],
        "companies": ["firms", "businesses"],
        "company": ["employer", "firm"],
        "compensate": ["indemnify"],
        "compensation": ["indemnity"],
        "complains": ["speaks up", "files a complaint"],
        "compliments": ["flattery"],
        "consistent": ["uniform", "standard"],
        "contacted": ["approached"],
        "continue": ["carry on"],
        "control": ["hold"],
        "convicted": ["found guilty"],
        "cooks": ["kitchen staff"],
        "coordinate": ["run", "manage"],
        "coordinated": ["unified"],
        "core": ["base", "basic"],
        "costs": ["fees", "expenses"],
        "counselling": ["counseling", "therapy"],
        "count": ["tally"],
        "country": ["nation"],
        "course": ["training program"],
        "cover": ["include"],
        "covered": ["paid for", "reimbursed"],
        "create": ["set up", "establish"],
        "cross": ["come through", "enter"],
        "crowded": ["overcrowded", "packed"],
        "culture": ["tradition"],
        "deals": ["bargains", "agreements"],
        "debts": ["loans"],
        "decide": ["choose", "determine"],
        "decisions": ["decision-making"],
        "deeply": ["very", "seriously"],
        "depend": ["rely"],
        "depot": ["station", "terminal"],
        "deserve": ["merit", "have a right to"],
        "designed": ["planned", "created"],
        "differ": ["vary"],
        "differently": ["in their own way"],
        "directly": ["without intermediaries"],
        "disappeared": ["vanished"],
        "early": ["first"],
        "earn": ["gain", "win"],
        "easily": ["readily"],
        "elders": ["knowledge keepers"],
        "employers": ["bosses"],
        "end": ["stop", "finish"],
        "entirely": ["completely", "fully"],
        "escapes": ["flees", "gets away from"],
        "escaping": ["fleeing", "leaving"],
        "evidence": ["proof"],
        "exchange": ["sharing"],
        "expected": ["supposed"],
        "exploited": ["abused"],
        "factories": ["plants"],
        "family": ["relatives"],
        "far": ["much"],
        "farm": ["agricultural"],
        "faster": ["quicker", "speedier"],
        "fee": ["charge", "cost"],
        "fees": ["charges"],
        "final": ["finished"],
        "findings": ["results"],
        "flagged": ["reported", "identified"],
        "flight": ["plane ticket", "airfare"],
        "follow": ["trace", "track"],
        "follows": ["stays with", "accompanies"],
        "force": ["compel", "oblige"],
        "forced": ["made", "pressured"],
        "form": ["template"],
        "fraudulent": ["fake", "fraudulently obtained"],
        "free": ["nothing"],
        "full": ["occupied", "taken"],
        "fund": ["finance", "pay for"],
        "funding": ["financing", "financial support"],
        "games": ["video games"],
        "gaming": ["video game"],
        "gaps": ["holes", "blanks"],
        "get": ["have"],
        "gifts": ["presents"],
        "girls": ["young girls"],
        "give": ["grant", "issue"],
        "given": ["offered"],
        "gone": ["headed"],
        "goodwill": ["good faith", "good will"],
        "governments": ["administrations"],
        "grandmother": ["kokum"],
        "grants": ["subsidies"],
        "groups": ["organisations", "agencies"],
        "guidance": ["direction", "instructions"],
        "happening": ["going on"],
        "harder": ["more difficult"],
        "hardest": ["most strongly"],
        "harm": ["damage"],
        "harms": ["hurts"],
        "harvest": ["growing", "picking"],
        "hear": ["learn"],
        "help": ["support", "assistance"],
        "helped": ["assisted", "served"],
        "helping": ["assisting", "serving"],
        "helps": ["works"],
        "hide": ["conceal"],
        "housed": ["lodged", "put up"],
        "housing": ["accommodation", "lodging"],
        "hungry": ["underfed"],
        "idea": ["clue"],
        "identify": ["spot", "recognise"],
        "illegal": ["unlawful"],
        "include": ["involve"],
        "income": ["revenue", "earnings"],
        "indicators": ["signals", "red flags"],
        "internship": ["placement"],
        "internships": ["placements"],
        "investigation": ["inquiry"],
        "investigators": ["detectives"],
        "issue": ["give", "provide"],
        "job": ["position"],
        "knows": ["can say"],
        "labour": ["labor"],
        "learn": ["discover"],
        "learned": ["discovered", "found"],
        "leaving": ["escaping", "fleeing"],
        "led": ["directed", "guided"],
        "lesser": ["minor", "less serious"],
        "line": ["boundary"],
        "live": ["reside"],
        "locked": ["kept", "held"],
        "log": ["record", "document"],
        "loneliness": ["isolation"],
        "look": ["search", "hunt"],
        "losing": ["forfeiting"],
        "luring": ["grooming"],
        "mandatory": ["compulsory", "required"],
        "migrant": ["foreign"],
        "misses": ["skips"],
        "module": ["session"],
        "money": ["cash"],
        "mostly": ["largely", "mainly"],
        "move": ["transport", "shift"],
        "much": ["far"],
        "national": ["nationwide", "country-wide"],
        "nearby": ["close by", "around"],
        "need": ["require"],
        "needs": ["requires"],
        "next": ["the following"],
        "nobody": ["no one"],
        "numbers": ["figures", "statistics"],
        "obtain": ["get", "secure"],
        "offences": ["offenses", "crimes"],
        "offered": ["promised"],
        "often": ["frequently"],
        "openly": ["frankly", "plainly"],
        "organisation": ["organization", "agency"],
        "organisations": ["organizations", "groups"],
        "part": ["component", "element"],
        "partnership": ["alliance", "collaboration"],
        "pays": ["covers"],
        "permanent": ["standing", "lasting"],
        "person": ["individual"],
        "photos": ["pictures", "images"],
        "plain": ["clear", "simple"],
        "plan": ["strategy"],
        "plans": ["programs", "schemes"],
        "platforms": ["social networks", "tech companies"],
        "please": ["kindly", "I ask you to"],
        "possible": ["potential"],
        "predators": ["abusers"],
        "prepare": ["coach", "ready"],
        "priority": ["top priority", "main concern"],
        "problem": ["issue"],
        "proceeds": ["profits"],
        "profits": ["earnings", "proceeds"],
        "program": ["programme"],
        "programs": ["initiatives", "services"],
        "project": ["initiative"],
        "protect": ["shield"],
        "protocols": ["procedures"],
        "provide": ["give", "offer"],
        "quickly": ["promptly", "rapidly"],
        "rarely": ["seldom"],
        "reach": ["contact", "get to"],
        "real": ["genuine"],
        "really": ["truly", "actually"],
        "rebuild": ["recover"],
        "receive": ["get", "obtain"],
        "received": ["been given", "had"],
        "recognise": ["recognize", "spot"],
        "recommend": ["propose", "suggest"],
        "reduced": ["downgraded", "lowered"],
        "reflect": ["match", "mirror"],
        "refused": ["denied"],
        "region": ["area"],
        "relied": ["depended"],
        "rely": ["depend"],
        "remove": ["ban", "block"],
        "renewed": ["extended"],
        "report": ["disclose"],
        "require": ["oblige", "compel"],
        "required": ["obliged", "compelled"],
        "rescue": ["lifeline", "way out"],
        "respect": ["honour", "uphold"],
        "response": ["approach", "effort"],
        "restaurants": ["eateries"],
        "returns": ["comes back", "resurfaces"],
        "rooted": ["grounded", "anchored"],
        "ruined": ["wrecked", "destroyed"],
        "run": ["operated", "managed"],
        "safe": ["protected", "secure"],
        "say": ["voice"],
        "sector": ["industry"],
        "secure": ["find", "land"],
        "see": ["notice", "observe"],
        "seen": ["watched", "witnessed"],
        "sees": ["meets with", "gets to see"],
        "seized": ["confiscated", "forfeited"],
        "send": ["dispatch"],
        "sentence": ["sentencing"],
        "sentences": ["penalties"],
        "sentencing": ["the sentence"],
        "several": ["various", "different"],
        "shelter": ["refuge"],
        "shifts": ["days"],
        "signs": ["signals"],
        "simple": ["short", "basic"],
        "sit": ["serve"],
        "someone": ["somebody"],
        "speak": ["talk"],
        "specialised": ["specialized", "dedicated"],
        "spend": ["use"],
        "stable": ["steady", "secure"],
        "staff": ["employees", "personnel"],
        "standard": ["routine", "the norm"],
        "starting": ["beginning"],
        "stay": ["remain"],
        "step": ["stage"],
        "still": ["continue to"],
        "stop": ["halt"],
        "strategy": ["plan"],
        "strong": ["tough", "robust"],
        "student": ["pupil"],
        "students": ["pupils"],
        "supported": ["coached", "mentored"],
        "supposedly": ["allegedly", "officially"],
        "suspicion": ["suspected case"],
        "suspicious": ["suspect", "questionable"],
        "table": ["panel", "committee"],
        "talk": ["speak"],
        "targeted": ["singled out"],
        "targets": ["victims", "prey"],
        "taught": ["been teaching"],
        "teach": ["show", "explain to"],
        "teachers": ["educators"],
        "team": ["group", "department"],
        "teenager": ["teen"],
        "tell": ["share", "recount"],
        "temporary": ["short-term"],
        "terrifying": ["frightening", "harrowing"],
        "testify": ["give evidence", "give testimony"],
        "testifying": ["giving evidence"],
        "therapist": ["counsellor"],
        "threaten": ["intimidate", "blackmail"],
        "tied": ["linked", "bound"],
        "today": ["now", "these days"],
        "told": ["informed"],
        "track": ["follow", "monitor"],
        "trafficked": ["exploited"],
        "train": ["instruct", "prepare"],
        "training": ["instruction", "education"],
        "transitional": ["interim", "temporary"],
        "travel": ["transportation"],
        "tricks": ["tactics", "methods"],
        "trusted": ["reliable"],
        "unannounced": ["without notice"],
        "understand": ["grasp"],
        "understands": ["realises"],
        "units": ["teams", "squads"],
        "updated": ["refreshed", "revised"],
        "urge": ["ask", "call on"],
        "used": ["applied", "invoked"],
        "usually": ["generally", "most often"],
        "verdict": ["ruling"],
        "voluntary": ["optional"],
        "vulnerable": ["at-risk"],
        "wait": ["are left waiting"],
        "waive": ["drop", "eliminate"],
        "watched": ["seen", "observed"],
        "whole": ["entire"],
        "words": ["terms", "language"],
        "worked": ["served"],
        "workers": ["labourers"],
        "worried": ["concerned", "anxious"],
    },
    "fr": {
        "aborder": ["accoster", "approcher"],
        "abus": ["mauvais traitements"],
        "accompagne": ["suit"],
        "accompagné": ["encadré"],
        "accorder": ["octroyer", "délivrer"],
        "accélère": ["facilite"],
        "achetées": ["acquises"],
        "adolescente": ["jeune fille"],
        "agent": ["officier"],
        "agents": ["officiers"],
        "aide": ["sert"],
        "aidé": ["soutenu", "accompagné"],
        "airs": ["allures"],
        "aller": ["se rendre"],
        "américaines": ["des États-Unis"],
        "ancrés": ["enracinés"],
        "annuler": ["effacer", "radier"],
        "appeler": ["joindre", "contacter"],
        "appelés": ["joints", "contactés"],
        "applications": ["applis"],
        "apprennent": ["découvrent"],
        "appris": ["compris", "constaté"],
        "approche": ["démarche", "stratégie"],
        "arrivent": ["débarquent"],
        "arrivée": ["venue"],
        "attendent": ["patientent"],
        "aujourd'hui": ["actuellement", "de nos jours"],
        "autorités": ["instances"],
        "axé": ["centré"],
        "aînés": ["gardiens du savoir"],
        "biens": ["avoirs", "actifs"],
        "cacher": ["dissimuler"],
        "cadeaux": ["présents"],
        "camionneurs": ["routiers"],
        "causé": ["subi"],
        "chambre": ["logement", "hébergement"],
        "chauffeurs": ["conducteurs"],
        "cherchent": ["recherchent"],
        "chiffres": ["statistiques", "données"],
        "choisissent": ["sélectionnent"],
        "cibles": ["proies"],
        "ciblées": ["visées"],
        "claire": ["précise"],
        "claires": ["précises", "nettes"],
        "clairs": ["précis"],
        "clavardage": ["messagerie"],
        "collectivités": ["communautés"],
        "commencent": ["se mettent"],
        "commettre": ["perpétrer"],
        "communautés": ["collectivités"],
        "commune": ["partagée", "harmonisée"],
        "communes": ["partagées"],
        "communiqués": ["transmis"],
        "communs": ["partagés"],
        "compliments": ["flatteries"],
        "comprendre": ["saisir"],
        "comptant": ["offrant", "regroupant"],
        "comptent": ["calculent"],
        "compter": ["inclure", "comprendre"],
        "compétence": ["juridiction"],
        "condamnées": ["reconnues coupables"],
        "condamnés": ["reconnus coupables"],
        "connaît": ["mesure"],
        "conserver": ["garder", "préserver"],
        "consigner": ["noter", "inscrire"],
        "contactée": ["approchée", "abordée"],
        "contractées": ["souscrites"],
        "contrat": ["emploi", "travail"],
        "contrôlent": ["détiennent"],
        "conçu": ["élaboré", "bâti"],
        "conçus": ["élaborés"],
        "coordonne": ["gère", "anime"],
        "coordonnée": ["concertée", "unifiée"],
        "copain": ["petit ami", "chum"],
        "counseling": ["soutien psychologique"],
        "couvre": ["comble"],
        "croisent": ["rencontrent", "voient"],
        "crée": ["établisse", "mette sur pied"],
        "cuisiniers": ["commis de cuisine"],
        "d'accompagnement": ["de soutien"],
        "d'accorder": ["d'octroyer", "d'offrir"],
        "d'aide": ["de soutien", "d'appui"],
        "d'aider": ["d'épauler", "d'appuyer"],
        "d'argent": ["de moyens"],
        "d'augmenter": ["de grimper", "de croître"],
        "d'indemnisation": ["de dédommagement"],
        "d'indicateurs": ["de signaux d'alerte", "d'indices"],
        "d'obtenir": ["de recevoir"],
        "d'unités": ["d'équipes", "d'escouades"],
        "datant": ["remontant"],
        "davantage": ["plus"],
        "demandes": ["requêtes", "candidatures"],
        "dernier": ["passé"],
        "dernière": ["passée"],
        "deuxième": ["seconde"],
        "devant": ["face à"],
        "devenir": ["se transformer en"],
        "directement": ["sans intermédiaire"],
        "directives": ["consignes", "lignes directrices"],
        "disparu": ["été dilapidés"],
        "dit": ["raconte", "fait croire"],
        "domicile": ["logement", "foyer"],
        "donnent": ["prêtent"],
        "donné": ["offert"],
        "dortoirs": ["baraquements"],
        "décisions": ["choix"],
        "décrochent": ["trouvent", "obtiennent"],
        "dédommagement": ["restitution"],
        "déjeuners": ["petits-déjeuners"],
        "dénonce": ["signale"],
        "dépendent": ["relèvent"],
        "déplacements": ["trajets", "frais de transport"],
        "déplacent": ["transportent", "font passer"],
        "dépôts": ["versements"],
        "emploi": ["poste", "travail"],
        "employeur": ["patron"],
        "employeurs": ["patrons"],
        "endroit": ["lieu"],
        "enfant": ["jeune"],
        "enfants": ["jeunes"],
        "enquête": ["investigation"],
        "enseignants": ["professeurs"],
        "enseigner": ["expliquer", "apprendre"],
        "entend": ["recueille"],
        "entendre": ["apprendre"],
        "entièrement": ["complètement", "totalement"],
        "entraîneurs": ["coachs"],
        "entreprise": ["employeur"],
        "entreprises": ["sociétés", "compagnies"],
        "envoie": ["dépêche"],
        "examinés": ["étudiés", "vérifiés"],
        "facilité": ["simplicité"],
        "facultatives": ["optionnelles", "volontaires"],
        "faits": ["effectués"],
        "façon": ["manière"],
        "fermes": ["exploitations agricoles"],
        "filles": ["jeunes filles"],
        "final": ["définitif"],
        "financement": ["soutien financier"],
        "financer": ["subventionner"],
        "financez": ["subventionnez"],
        "fonctionne": ["opère"],
        "fonctionnent": ["marchent", "donnent des résultats"],
        "forcée": ["contrainte", "poussée"],
        "formation": ["cours"],
        "former": ["préparer"],
        "formulaire": ["registre"],
        "frais": ["coûts"],
        "fuient": ["quittent"],
        "fuit": ["quitte"],
        "gagner": ["obtenir", "mériter"],
        "gens": ["personnes"],
        "gratuitement": ["bénévolement", "sans rémunération"],
        "groupes": ["organismes"],
        "guettent": ["attendent"],
        "histoire": ["vécu", "parcours"],
        "histoires": ["récits"],
        "homme": ["travailleur"],
        "honoraires": ["cachets"],
        "hôtels": ["établissements hôteliers"],
        "illégaux": ["illicites"],
        "imposer": ["facturer"],
        "inconnu": ["étranger"],
        "indemnisation": ["compensation"],
        "indemniser": ["dédommager"],
        "indicateurs": ["signaux d'alerte"],
        "inquiète": ["préoccupée", "soucieuse"],
        "j'accompagne": ["je soutiens"],
        "j'enseigne": ["je donne des cours"],
        "j'exhorte": ["j'invite", "j'encourage"],
        "j'habite": ["je vis", "je réside"],
        "jeunes": ["adolescents"],
        "jeux": ["jeux vidéo"],
        "juridiques": ["judiciaires"],
        "l'accompagnement": ["le soutien"],
        "l'accusation": ["l'inculpation"],
        "l'ampleur": ["l'étendue"],
        "l'emprise": ["la coupe", "la domination"],
        "l'hébergement": ["le logement"],
        "l'hôtellerie": ["l'hébergement touristique"],
        "limite": ["ligne"],
        "lié": ["rattaché", "attaché"],
        "liés": ["rattachés"],
        "logement": ["hébergement"],
        "logements": ["appartements"],
        "logés": ["hébergés"],
        "m'appelle": ["me nomme"],
        "manière": ["façon"],
        "manque": ["rate"],
        "menacer": ["intimider", "faire chanter"],
        "menée": ["dirigée", "pilotée"],
        "menés": ["dirigés", "pilotés"],
        "migrants": ["étrangers"],
        "migrer": ["basculer", "passer"],
        "moindres": ["moins graves"],
        "mots": ["termes"],
        "mène": ["conduit"],
        "méritent": ["ont droit à"],
        "n'existe": ["n'y a"],
        "nombreuses": ["multiples"],
        "norme": ["règle"],
        "négociations": ["ententes"],
        "obligatoire": ["imposé"],
        "obligent": ["forcent", "contraignent"],
        "obliger": ["contraindre", "forcer"],
        "occupés": ["pris"],
        "offerts": ["fournis", "proposés"],
        "offrait": ["proposait"],
        "offre": ["propose", "anime"],
        "organisme": ["groupe"],
        "organismes": ["groupes"],
        "ouvertement": ["franchement", "sans détour"],
        "paie": ["couvre"],
        "parler": ["s'adresser"],
        "partenariat": ["mécanisme de collaboration"],
        "participé": ["pris part"],
        "partie": ["composante"],
        "parvient": ["arrive"],
        "passent": ["transitent"],
        "passer": ["consacrer"],
        "pauvreté": ["misère"],
        "payer": ["régler", "acquitter"],
        "pays": ["Canada"],
        "payées": ["réglées"],
        "payés": ["remboursés"],
        "peine": ["sentence"],
        "peines": ["sanctions"],
        "perdre": ["sacrifier"],
        "permanent": ["durable"],
        "permettre": ["rendre possible"],
        "photos": ["images"],
        "plateformes": ["entreprises technologiques"],
        "pluriannuel": ["sur plusieurs années"],
        "plusieurs": ["diverses"],
        "portent": ["assument", "supportent"],
        "potentielles": ["possibles", "présumées"],
        "poursuivre": ["prolonger"],
        "pourtant": ["malgré tout"],
        "preuves": ["éléments de preuve"],
        "problème": ["phénomène"],
        "procureurs": ["poursuivants"],
        "produits": ["profits"],
        "profits": ["gains", "bénéfices"],
        "programmes": ["projets", "services"],
        "protocoles": ["mécanismes"],
        "protège": ["préserve"],
        "protégera": ["préservera"],
        "proxénète": ["souteneur"],
        "préavis": ["avertissement"],
        "prédateurs": ["agresseurs"],
        "préparent": ["outillent"],
        "préposés": ["employés"],
        "prévoit": ["contient", "comporte"],
        "prévues": ["inscrites"],
        "quarts": ["journées"],
        "quiconque": ["n'importe qui"],
        "quittent": ["laissent"],
        "quitter": ["laisser"],
        "raconter": ["relater", "partager"],
        "rapide": ["prompt"],
        "rapidement": ["promptement", "sans tarder"],
        "rarement": ["peu souvent"],
        "recevoir": ["obtenir"],
        "rechute": ["crise"],
        "recommande": ["propose", "suggère"],
        "reconnaître": ["repérer", "identifier"],
        "reconstruire": ["rebâtir"],
        "recueille": ["compile", "collecte"],
        "reflètent": ["traduisent"],
        "refuge": ["centre d'hébergement"],
        "refuges": ["maisons d'hébergement"],
        "refuser": ["refouler", "renvoyer"],
        "rejoignent": ["atteignent", "joignent"],
        "renouvelées": ["reconduites"],
        "rentrer": ["retourner"],
        "renvoyés": ["rapatriés"],
        "repérer": ["reconnaître", "identifier"],
        "repérées": ["détectées", "identifiées"],
        "respectez": ["honorez"],
        "rester": ["demeurer"],
        "retirer": ["bloquer", "bannir"],
        "retournées": ["revenues"],
        "retrouver": ["trouver"],
        "revenu": ["salaire"],
        "reviennent": ["retournent"],
        "reçoivent": ["obtiennent"],
        "reçu": ["obtenu", "suivi"],
        "ruiné": ["détruit", "plombé"],
        "ruses": ["stratagèmes"],
        "récoltes": ["cueillettes"],
        "rédiger": ["remplir", "préparer"],
        "réduites": ["ramenées"],
        "réelle": ["véritable"],
        "régime": ["programme"],
        "régimes": ["programmes"],
        "rémunéré": ["payé"],
        "rémunérés": ["payés"],
        "réponse": ["riposte"],
        "résultats": ["constats"],
        "s'appuyer": ["se fonder", "compter"],
        "s'arrêtent": ["se heurtent"],
        "saisis": ["confisqués"],
        "sectoriels": ["valables pour tout un secteur"],
        "sensibilisation": ["prévention"],
        "seulement": ["à peine", "uniquement"],
        "signalements": ["alertes", "déclarations"],
        "signaler": ["dénoncer", "rapporter"],
        "signalé": ["repéré", "relevé"],
        "signes": ["indices", "signaux"],
        "simple": ["standard"],
        "simples": ["clairs"],
        "soins": ["services", "traitements"],
        "soupçon": ["cas soupçonné"],
        "soutiennent": ["aident", "appuient"],
        "souvent": ["fréquemment"],
        "spécialisées": ["dédiées"],
        "stage": ["placement"],
        "stages": ["placements"],
        "subventions": ["aides"],
        "surpeuplés": ["bondés"],
        "surtout": ["essentiellement", "principalement"],
        "suspects": ["douteux"],
        "système": ["mécanisme", "dispositif"],
        "séances": ["sessions"],
        "sévères": ["lourdes", "strictes"],
        "table": ["instance"],
        "temporaire": ["de courte durée"],
        "terrifiant": ["effrayant", "terrorisant"],
        "thérapeute": ["psychologue"],
        "titulaires": ["détenteurs"],
        "tort": ["préjudice"],
        "trace": ["piste"],
        "traumatisme": ["trauma"],
        "traumatismes": ["traumas"],
        "travailleur": ["employé"],
        "traîne": ["porte", "a"],
        "trous": ["lacunes", "vides"],
        "témoigner": ["déposer"],
        "uniforme": ["cohérente", "constante"],
        "unique": ["centralisé"],
        "urgence": ["salle d'urgence"],
        "usines": ["fabriques"],
        "utilisées": ["appliquées", "invoquées"],
        "varient": ["diffèrent"],
        "villes": ["municipalités"],
        "voient": ["observent", "constatent"],
        "voir": ["consulter"],
        "vois": ["regarde"],
        "vu": ["constaté", "observé"],
        "vulnérables": ["à risque"],
        "vécu": ["connu", "subi"],
        "vérifier": ["contrôler", "examiner"],
        "véritable": ["authentique"],
        "écarte": ["exclut", "tient à l'écart"],
        "échange": ["partage"],
        "échappe": ["se soustrait"],
        "écoles": ["établissements scolaires"],
        "écran": ["paravent"],
        "écrans": ["paravents"],
        "éliminer": ["abolir", "supprimer"],
        "élève": ["jeune"],
        "élèves": ["jeunes"],
        "équipe": ["service"],
        "établie": ["convenue", "élaborée"],
        "étape": ["phase"],
        "études": ["bancs d'école"],
    },
}
