"""Phrase banks for the synthetic consultation answers of `synthetic.py`, English and French.

Everything here was written for this benchmark. Topics follow the leaf codes of the demo codebook
(heard/examples/human-trafficking-2018/codebook.yaml); statement types follow its statement-type
codes.

For each topic code and language:

- ``np``: noun phrases usable in any statement frame ("There is a lack of {np}."). Roughly the
  first third contain one of the code's codebook keywords; the others are paraphrases that do not,
  so a keyword matcher misses them and a learned model has to generalise.
- ``say``: stand-alone descriptive sentences about the topic that express no statement type
  (the first one or two contain a keyword).

French noun phrases are bare (no article) and follow "de" in the frames: ``{dnp}`` is "de " + np,
elided to "d'" before a vowel or a mute h.

Statement frames (``FRAMES[type][lang]``) carry the statement type; ``"none"`` frames carry none.
Each list mixes phrasings that contain the codebook's keywords for that type with paraphrases.
"""

from __future__ import annotations

# Relative frequency of each topic code in organic answers.
CODE_WEIGHTS: dict[str, float] = {
    "public-awareness": 0.9,
    "frontline-training": 1.3,
    "online-recruitment": 1.3,
    "labour-exploitation": 1.2,
    "root-causes": 0.9,
    "shelters-housing": 1.5,
    "survivor-led-services": 0.8,
    "indigenous-led-programs": 1.2,
    "immigration-status": 0.7,
    "trauma-informed-care": 0.9,
    "investigations": 0.8,
    "victim-testimony": 0.7,
    "legislation": 0.8,
    "justice-training": 0.6,
    "coordination-governments": 0.8,
    "funding-ngos": 1.3,
    "private-sector-role": 0.7,
    "international-cooperation": 0.6,
    "data-research": 1.0,
    "economic-independence": 0.8,
    "survivor-voice": 1.1,
    "long-term-support": 0.9,
}

TOPICS: dict[str, dict[str, dict[str, list[str]]]] = {
    "public-awareness": {
        "en": {
            "np": [
                "national awareness campaigns",
                "public education about exploitation",
                "lessons in schools on the signs of trafficking",
                "posters and radio spots that explain what exploitation looks like",
                "classroom talks for teenagers about controlling boyfriends",
                "plain-language information for parents and grandparents",
                "ads on buses telling people where to report what they see",
            ],
            "say": [
                "Most people still think this only happens overseas, which is why public "
                "education matters.",
                "Teachers in our schools told us they would not know the signs of trafficking.",
                "Ordinary people walk past exploitation every day without recognising it.",
                "Parents have no idea what a recruiter's first messages look like.",
                "Youth told us they learned more from a survivor's visit than from any pamphlet.",
            ],
        },
        "fr": {
            "np": [
                "campagnes de sensibilisation nationales",
                "éducation du public sur l'exploitation",
                "cours dans les écoles sur les indices de traite",
                "affiches et messages radio qui expliquent à quoi ressemble l'exploitation",
                "ateliers en classe sur les copains contrôlants",
                "information en langage clair pour les parents et les grands-parents",
                "publicités dans les autobus qui disent où signaler ce qu'on voit",
            ],
            "say": [
                "La plupart des gens croient encore que cela n'arrive qu'à l'étranger, d'où "
                "l'importance de l'éducation du public.",
                "Des enseignants de nos écoles nous ont dit qu'ils ne reconnaîtraient pas les "
                "indices de traite.",
                "Les gens passent tous les jours à côté de l'exploitation sans la reconnaître.",
                "Les parents ne savent pas à quoi ressemblent les premiers messages d'un "
                "recruteur.",
                "Les jeunes nous ont dit avoir plus appris de la visite d'une survivante que de "
                "n'importe quelle brochure.",
            ],
        },
    },
    "frontline-training": {
        "en": {
            "np": [
                "training for nurses and paramedics",
                "front-line training on how to identify victims",
                "courses for hotel staff and truck drivers",
                "workshops that teach police officers to spot coercion",
                "short courses for emergency room staff on recognising exploitation",
                "practical sessions for border officers and flight attendants",
                "instruction for social workers on what questions to ask",
            ],
            "say": [
                "Our nurses told us they had never been taught what trafficking looks like.",
                "Hotel staff are often the first to see something wrong.",
                "A receptionist who knows what to look for can change someone's life.",
                "Officers who see a girl with an older man at a motel often treat it as a "
                "runaway case.",
                "People in emergency rooms rarely know which questions to ask or who to call.",
            ],
        },
        "fr": {
            "np": [
                "formation des infirmières et des ambulanciers",
                "formation de première ligne pour repérer les victimes",
                "cours pour le personnel hôtelier et les camionneurs",
                "ateliers qui apprennent aux policiers à détecter la coercition",
                "cours courts pour le personnel des urgences sur l'exploitation",
                "séances pratiques pour les agents frontaliers et les agents de bord",
                "outils pour les travailleuses sociales sur les questions à poser",
            ],
            "say": [
                "Nos infirmières nous ont dit qu'on ne leur avait jamais appris à reconnaître la "
                "traite.",
                "Le personnel hôtelier est souvent le premier à voir que quelque chose ne va pas.",
                "Une réceptionniste qui sait quoi surveiller peut changer la vie de quelqu'un.",
                "Les agents qui voient une adolescente avec un homme plus âgé dans un motel "
                "traitent souvent cela comme une fugue.",
                "Le personnel des urgences sait rarement quelles questions poser ni qui appeler.",
            ],
        },
    },
    "online-recruitment": {
        "en": {
            "np": [
                "protection for teens against luring on social media",
                "tools to take down online advertisements for sexual services",
                "monitoring of dating apps used by recruiters",
                "ways to stop recruiters who groom girls through video games",
                "safety lessons about strangers who message kids on their phones",
                "faster removal of escort listings posted by pimps",
                "help for youth targeted through chat rooms and webcams",
            ],
            "say": [
                "Recruiters now use social media to find girls who are lonely or fighting with "
                "their parents.",
                "Most ads for the victims we meet were posted online.",
                "A stranger can befriend a thirteen-year-old through a game and meet her within "
                "a week.",
                "Pimps post girls on escort sites and move them from city to city.",
                "The first contact is almost always a flattering message on a phone.",
            ],
        },
        "fr": {
            "np": [
                "protection des adolescentes contre le leurre sur les médias sociaux",
                "outils pour retirer les annonces de services sexuels en ligne",
                "surveillance des applications de rencontre utilisées par les recruteurs",
                "moyens d'arrêter les recruteurs qui manipulent des filles par les jeux vidéo",
                "leçons de sécurité sur les inconnus qui écrivent aux enfants sur leur cellulaire",
                "retrait plus rapide des pages d'escortes affichées par les proxénètes",
                "aide pour les jeunes ciblés dans les salons de clavardage et par webcam",
            ],
            "say": [
                "Les recruteurs utilisent maintenant les médias sociaux pour repérer les filles "
                "isolées ou en conflit avec leurs parents.",
                "La plupart des victimes que nous rencontrons ont été annoncées en ligne.",
                "Un inconnu peut se lier d'amitié avec une fille de treize ans par un jeu et la "
                "rencontrer en une semaine.",
                "Les proxénètes affichent des filles sur des sites d'escortes et les déplacent de "
                "ville en ville.",
                "Le premier contact est presque toujours un message flatteur sur un cellulaire.",
            ],
        },
    },
    "labour-exploitation": {
        "en": {
            "np": [
                "inspections to stop forced labour on farms",
                "protection for migrant workers in meat plants",
                "bans on recruitment fees charged to workers",
                "checks on the farms and factories that hire seasonal crews",
                "rules that stop bosses from keeping workers' passports",
                "audits of the goods Canadian companies import",
                "help for caregivers who work twelve-hour days without pay",
            ],
            "say": [
                "Some employers take workers' passports and hold back their pay.",
                "Goods made with forced labor still end up on our store shelves.",
                "Seasonal workers told us they owed thousands of dollars to the agent who "
                "brought them here.",
                "A caregiver we met was working seven days a week and sleeping in a basement.",
                "Crews on some farms cannot leave because their boss controls their papers.",
            ],
        },
        "fr": {
            "np": [
                "inspections pour mettre fin au travail forcé dans les fermes",
                "protection des travailleurs migrants dans les abattoirs",
                "interdiction des frais de recrutement imposés aux travailleurs",
                "contrôles dans les fermes et les usines qui embauchent des équipes saisonnières",
                "règles qui empêchent les patrons de garder les passeports",
                "vérifications des biens importés par les entreprises canadiennes",
                "aide pour les aides familiales qui travaillent douze heures par jour sans salaire",
            ],
            "say": [
                "Certains employeurs confisquent les passeports et retiennent les salaires.",
                "Des biens fabriqués par le travail forcé se retrouvent encore sur nos tablettes.",
                "Des travailleurs saisonniers nous ont dit devoir des milliers de dollars à "
                "l'agent qui les a fait venir.",
                "Une aide familiale que nous avons rencontrée travaillait sept jours sur sept et "
                "dormait dans un sous-sol.",
                "Dans certaines fermes, les équipes ne peuvent pas partir parce que le patron "
                "contrôle leurs papiers.",
            ],
        },
    },
    "root-causes": {
        "en": {
            "np": [
                "help for youth leaving foster care",
                "programs that reduce poverty among young women",
                "treatment for addiction without months of delay",
                "support for teenagers who age out of group homes",
                "guaranteed income for families living paycheque to paycheque",
                "safe places for kids who run away from home",
                "detox programs for young people using drugs",
            ],
            "say": [
                "Traffickers look for girls who are vulnerable, lonely or in foster care.",
                "Poverty makes every false promise of work sound better.",
                "Almost every girl we see has been through the child protection system.",
                "When you cannot feed your kids, a job offer in another city is hard to refuse.",
                "Drug debts are often how the control begins.",
            ],
        },
        "fr": {
            "np": [
                "aide aux jeunes qui quittent une famille d'accueil",
                "programmes de lutte contre la pauvreté chez les jeunes femmes",
                "traitement de la dépendance sans des mois de délai",
                "soutien aux adolescents qui sortent des foyers de groupe",
                "revenu garanti pour les familles qui vivent d'une paie à l'autre",
                "endroits sûrs pour les jeunes qui fuguent",
                "programmes de désintoxication pour les jeunes qui consomment",
            ],
            "say": [
                "Les trafiquants cherchent des filles vulnérables, isolées ou placées en famille "
                "d'accueil.",
                "La pauvreté rend toute fausse promesse de travail plus attirante.",
                "Presque toutes les filles que nous voyons sont passées par la protection de la "
                "jeunesse.",
                "Quand on ne peut pas nourrir ses enfants, une offre de travail dans une autre "
                "ville est difficile à refuser.",
                "Les dettes de drogue sont souvent le début de l'emprise.",
            ],
        },
    },
    "shelters-housing": {
        "en": {
            "np": [
                "emergency shelter beds for survivors",
                "transitional housing for women leaving exploitation",
                "safe houses for trafficked men",
                "safe places to sleep on the night someone escapes",
                "second-stage apartments where survivors can stay for a year",
                "rooms for women who cannot go back home",
                "somewhere to stay that traffickers cannot find",
            ],
            "say": [
                "When a woman calls us at midnight, there is often no shelter with a free bed.",
                "Housing is the first thing survivors ask for.",
                "Women leave their exploiter with nothing and nowhere to go.",
                "We have driven clients four hours to find them a room for the night.",
                "Without an address you cannot get a job, a bank account or your kids back.",
            ],
        },
        "fr": {
            "np": [
                "lits d'hébergement d'urgence pour les survivantes",
                "logements de transition pour les femmes qui sortent de l'exploitation",
                "maisons d'hébergement pour les hommes victimes de la traite",
                "endroits sûrs où dormir le soir même de la fuite",
                "appartements de deuxième étape où l'on peut rester un an",
                "chambres pour les femmes qui ne peuvent pas rentrer chez elles",
                "adresses confidentielles que les trafiquants ne peuvent pas trouver",
            ],
            "say": [
                "Quand une femme nous appelle à minuit, il n'y a souvent aucun refuge avec un lit "
                "libre.",
                "Le logement est la première chose que demandent les survivantes.",
                "Les femmes quittent leur exploiteur sans rien et sans savoir où aller.",
                "Nous avons déjà roulé quatre heures pour trouver une chambre à une cliente.",
                "Sans adresse, impossible d'obtenir un emploi, un compte bancaire ou de récupérer "
                "ses enfants.",
            ],
        },
    },
    "survivor-led-services": {
        "en": {
            "np": [
                "peer support groups run by survivors",
                "survivor-led drop-in programs",
                "mentors with lived experience for young clients",
                "programs staffed by women who got out themselves",
                "groups where people who escaped help those still inside",
                "outreach done by people who know the life from the inside",
                "counsellors who have walked the same road",
            ],
            "say": [
                "Clients trust someone with lived experience far more than a professional.",
                "Peer support kept me alive in my first year out.",
                "The women who reach girls on the street are the ones who were there before.",
                "Someone who has been through it knows when a client is not ready to talk.",
                "Our best outreach worker got out of the life ten years ago.",
            ],
        },
        "fr": {
            "np": [
                "groupes de soutien par les pairs animés par des survivantes",
                "programmes dirigés par des survivantes",
                "mentors ayant une expérience vécue pour les jeunes clientes",
                "programmes offerts par des femmes qui s'en sont sorties",
                "groupes où celles qui ont quitté aident celles qui y sont encore",
                "travail de rue fait par des personnes qui connaissent le milieu de l'intérieur",
                "intervenantes qui ont parcouru le même chemin",
            ],
            "say": [
                "Les clientes font bien plus confiance à une personne ayant une expérience vécue "
                "qu'à une professionnelle.",
                "Le soutien par les pairs m'a gardée en vie ma première année.",
                "Les femmes qui rejoignent les filles dans la rue sont celles qui y étaient avant.",
                "Quelqu'un qui l'a vécu sait quand une cliente n'est pas prête à parler.",
                "Notre meilleure travailleuse de rue est sortie du milieu il y a dix ans.",
            ],
        },
    },
    "indigenous-led-programs": {
        "en": {
            "np": [
                "programs run by First Nations for their own youth",
                "culturally appropriate healing for Indigenous women",
                "land-based programs guided by elders",
                "healing circles and ceremony for girls from our communities",
                "services designed on reserve, by the people who live there",
                "support in Cree, Ojibwe and Inuktitut",
                "programs that bring girls back to their language and their land",
            ],
            "say": [
                "Indigenous women and girls are targeted far more than anyone else.",
                "Our elders say healing starts with knowing who you are.",
                "Girls who move to the city for high school are easy targets when they arrive "
                "alone.",
                "Services from the south do not understand our families or our history.",
                "The residential school legacy is part of why our girls are targeted.",
            ],
        },
        "fr": {
            "np": [
                "programmes offerts par les Premières Nations pour leurs jeunes",
                "guérison culturellement adaptée pour les femmes autochtones",
                "programmes sur le territoire guidés par les aînés",
                "cercles de guérison et cérémonies pour les filles de nos communautés",
                "services conçus dans la réserve, par les gens qui y vivent",
                "soutien en cri, en ojibwé et en inuktitut",
                "programmes qui ramènent les filles vers leur langue et leur territoire",
            ],
            "say": [
                "Les femmes et les filles autochtones sont bien plus ciblées que quiconque.",
                "Nos aînés disent que la guérison commence quand on sait qui on est.",
                "Les filles qui déménagent en ville pour l'école secondaire sont des proies "
                "faciles quand elles arrivent seules.",
                "Les services du Sud ne comprennent ni nos familles ni notre histoire.",
                "L'héritage des pensionnats explique en partie pourquoi nos filles sont ciblées.",
            ],
        },
    },
    "immigration-status": {
        "en": {
            "np": [
                "temporary resident permits for foreign victims",
                "open work permits for workers who leave an abusive boss",
                "protection from deportation while a case is open",
                "pathways to stay in Canada for people brought here under false promises",
                "legal advice for newcomers afraid of being sent home",
                "papers that do not depend on a single boss",
                "status for victims whose visas have expired",
            ],
            "say": [
                "Fear of deportation keeps many victims silent.",
                "Without a work permit, a survivor cannot support herself legally.",
                "Many of the women we help are afraid that talking to police means being sent "
                "back.",
                "Traffickers tell victims that the government will put them on a plane.",
                "Visas tied to one boss give that boss enormous power.",
            ],
        },
        "fr": {
            "np": [
                "permis de séjour temporaire pour les victimes étrangères",
                "permis de travail ouvert pour les travailleurs qui quittent un patron abusif",
                "protection contre l'expulsion pendant l'enquête",
                "voies pour rester au Canada pour les personnes attirées ici par de fausses "
                "promesses",
                "conseils juridiques pour les arrivants qui ont peur d'être renvoyés",
                "papiers qui ne dépendent pas d'un seul patron",
                "statut pour les victimes dont le visa est échu",
            ],
            "say": [
                "La crainte de l'expulsion réduit de nombreuses victimes au silence.",
                "Sans permis de travail, une survivante ne peut pas subvenir légalement à ses "
                "besoins.",
                "Beaucoup des femmes que nous aidons craignent que parler à la police signifie "
                "être renvoyées chez elles.",
                "Les trafiquants disent aux victimes que le gouvernement va les mettre dans un "
                "avion.",
                "Les visas liés à un seul patron donnent à ce patron un pouvoir énorme.",
            ],
        },
    },
    "trauma-informed-care": {
        "en": {
            "np": [
                "trauma-informed care in hospitals",
                "mental health services for survivors",
                "free counselling with no limit on sessions",
                "therapists who understand what years of abuse do to a person",
                "psychiatric help without a six-month wait",
                "care that does not force people to retell the worst day of their lives",
                "treatment for the nightmares and panic attacks survivors live with",
            ],
            "say": [
                "Survivors carry trauma that does not disappear when they leave.",
                "Most counselling programs stop after ten sessions.",
                "Staff who raise their voice or rush a client can undo months of progress.",
                "Many survivors have panic attacks in waiting rooms.",
                "A therapist who understands complex abuse is almost impossible to find.",
            ],
        },
        "fr": {
            "np": [
                "soins qui tiennent compte des traumatismes dans les hôpitaux",
                "services de santé mentale pour les survivantes",
                "counseling gratuit sans limite de séances",
                "thérapeutes qui comprennent ce que des années de violence font à une personne",
                "aide psychiatrique sans attente de six mois",
                "soins qui n'obligent pas les gens à raconter encore le pire jour de leur vie",
                "traitement des cauchemars et des crises de panique des survivantes",
            ],
            "say": [
                "Les survivantes portent des traumatismes qui ne disparaissent pas quand elles "
                "partent.",
                "La plupart des programmes de counseling s'arrêtent après dix séances.",
                "Une intervenante qui hausse le ton ou qui bouscule une cliente peut défaire des "
                "mois de progrès.",
                "Beaucoup de survivantes font des crises de panique dans les salles d'attente.",
                "Une thérapeute qui comprend la violence complexe est presque impossible à "
                "trouver.",
            ],
        },
    },
    "investigations": {
        "en": {
            "np": [
                "dedicated police units for trafficking cases",
                "financial intelligence on the money traffickers make",
                "joint investigation teams in every province",
                "detectives who follow the money instead of relying on victims",
                "officers assigned full-time to exploitation cases",
                "tracking of suspicious payments at money transfer shops",
                "undercover work in the places where recruiting happens",
            ],
            "say": [
                "Police in small towns rarely have anyone trained for these cases.",
                "Money laundering is how these networks survive.",
                "Cases fall apart when officers rotate out after two years.",
                "Following the money would take pressure off victims.",
                "Detectives told us they cannot get the warrants they need in time.",
            ],
        },
        "fr": {
            "np": [
                "escouades de police consacrées à la traite",
                "renseignement financier sur l'argent des trafiquants",
                "équipes d'enquête conjointes dans chaque province",
                "détectives qui suivent l'argent au lieu de tout miser sur les victimes",
                "agents affectés à temps plein aux dossiers d'exploitation",
                "suivi des paiements suspects dans les comptoirs de transfert d'argent",
                "travail d'infiltration là où se fait le recrutement",
            ],
            "say": [
                "Dans les petites villes, la police a rarement quelqu'un de formé pour ces "
                "dossiers.",
                "Le blanchiment d'argent est ce qui permet à ces réseaux de survivre.",
                "Les dossiers s'effondrent quand les agents changent de poste après deux ans.",
                "Suivre l'argent enlèverait de la pression aux victimes.",
                "Des détectives nous ont dit ne pas pouvoir obtenir les mandats nécessaires à "
                "temps.",
            ],
        },
    },
    "victim-testimony": {
        "en": {
            "np": [
                "court support for victims who testify",
                "testimonial aids such as screens and video links",
                "protection for every witness before and after the trial",
                "someone to sit with victims through cross-examination",
                "separate waiting rooms so victims never meet the accused in the hallway",
                "preparation that explains each step of a trial to the victim",
                "options to give evidence from another room",
            ],
            "say": [
                "Having to testify in front of her trafficker made one of our clients relapse.",
                "Testimony is too often the only evidence in these cases.",
                "Defence counsel can question a victim for days about her past.",
                "Trials take years, and victims are expected to stay ready the whole time.",
                "One client met the accused in the elevator on the way to the trial.",
            ],
        },
        "fr": {
            "np": [
                "accompagnement judiciaire des victimes qui témoignent",
                "aides au témoignage comme les écrans et la vidéo",
                "protection de chaque témoin avant et après le procès",
                "personnes qui restent aux côtés des victimes pendant le contre-interrogatoire",
                "salles d'attente séparées pour que les victimes ne croisent jamais l'accusé",
                "préparation qui explique chaque étape du procès à la victime",
                "droit de déposer depuis une autre pièce",
            ],
            "say": [
                "Devoir témoigner devant son trafiquant a fait rechuter une de nos clientes.",
                "Le témoignage est trop souvent la seule preuve dans ces dossiers.",
                "La défense peut interroger une victime pendant des jours sur son passé.",
                "Les procès durent des années et on s'attend à ce que les victimes restent "
                "prêtes tout ce temps.",
                "Une cliente a croisé l'accusé dans l'ascenseur du palais de justice.",
            ],
        },
    },
    "legislation": {
        "en": {
            "np": [
                "tougher sentencing for traffickers",
                "legislation that closes the gaps traffickers use",
                "changes to the Criminal Code on exploitation",
                "penalties that match the harm done to victims",
                "rules that stop charges from being bargained away",
                "consecutive terms for people who exploit children",
                "offences that do not require proof that the victim was afraid",
            ],
            "say": [
                "The law is strong on paper but rarely used.",
                "Sentencing is inconsistent from one courtroom to the next.",
                "Traffickers often walk away with a few months for running a whole operation.",
                "The offence is so hard to prove that charges get reduced.",
                "Proving fear is the hardest part of every case we have seen.",
            ],
        },
        "fr": {
            "np": [
                "peines plus sévères pour les trafiquants",
                "législation qui comble les failles qu'utilisent les trafiquants",
                "modifications au Code criminel sur l'exploitation",
                "sanctions à la hauteur du tort causé aux victimes",
                "règles qui empêchent de marchander les accusations",
                "sanctions consécutives pour ceux qui exploitent des enfants",
                "infractions qui n'exigent pas de prouver que la victime avait peur",
            ],
            "say": [
                "La loi est solide sur papier mais rarement appliquée.",
                "Les peines varient beaucoup d'une salle d'audience à l'autre.",
                "Les trafiquants s'en tirent souvent avec quelques mois pour toute une opération.",
                "L'infraction est si difficile à prouver que les accusations sont réduites.",
                "Prouver la peur est la partie la plus difficile de chaque dossier que nous avons "
                "vu.",
            ],
        },
    },
    "justice-training": {
        "en": {
            "np": [
                "specialised knowledge among Crown prosecutors",
                "education for judges on how coercion works",
                "judicial training on trafficking",
                "courses for the people who decide cases about how control works",
                "guidance for those who argue cases in court",
                "briefings for the bench on why victims recant",
                "updated manuals for the legal profession on exploitation",
            ],
            "say": [
                "Some judges still ask why the victim did not simply leave.",
                "Defence lawyers know these cases better than many prosecutors.",
                "People who decide these cases still confuse trafficking with smuggling.",
                "A victim who goes back to her pimp is seen as not credible.",
                "Those who run the trials rarely hear from experts on coercion.",
            ],
        },
        "fr": {
            "np": [
                "connaissances spécialisées chez les procureurs de la Couronne",
                "formation des juges sur le fonctionnement de la coercition",
                "formation judiciaire sur la traite",
                "cours pour ceux qui tranchent les causes sur la façon dont fonctionne l'emprise",
                "lignes directrices pour ceux qui plaident en cour",
                "séances d'information pour la magistrature sur les rétractations des victimes",
                "guides à jour pour les professionnels du droit sur l'exploitation",
            ],
            "say": [
                "Certains juges demandent encore pourquoi la victime n'est pas simplement partie.",
                "Les avocats de la défense connaissent ces dossiers mieux que bien des procureurs.",
                "Ceux qui tranchent ces causes confondent encore la traite et le passage de "
                "clandestins.",
                "Une victime qui retourne vers son proxénète est jugée peu crédible.",
                "Ceux qui mènent les procès entendent rarement des experts de la coercition.",
            ],
        },
    },
    "coordination-governments": {
        "en": {
            "np": [
                "coordination between federal and provincial departments",
                "tables of provincial and territorial officials",
                "clear roles across jurisdictions",
                "one plan that every level of government signs on to",
                "single phone numbers that work in every province",
                "regular meetings between Ottawa, the provinces and cities",
                "shared protocols so that cases do not fall between two governments",
            ],
            "say": [
                "Federal and provincial programs often do not know about each other.",
                "Victims fall through the cracks between jurisdictions.",
                "Every level of government points to another when we ask who is responsible.",
                "A victim moved from one province to another loses all her services.",
                "Cities, provinces and Ottawa each run their own small program.",
            ],
        },
        "fr": {
            "np": [
                "coordination entre les ministères fédéraux et provinciaux",
                "table des gouvernements provinciaux et territoriaux",
                "partage clair des compétences",
                "plan unique que tous les ordres de gouvernement signent",
                "numéro unique qui fonctionne dans toutes les provinces",
                "rencontres régulières entre Ottawa, les provinces et les villes",
                "protocoles communs pour que les dossiers ne tombent pas entre deux gouvernements",
            ],
            "say": [
                "Les programmes fédéraux et provinciaux s'ignorent souvent.",
                "Les victimes tombent entre les mailles du filet entre les compétences.",
                "Chaque ordre de gouvernement renvoie la balle à un autre quand on demande qui "
                "est responsable.",
                "Une victime déplacée d'une province à l'autre perd tous ses services.",
                "Les villes, les provinces et Ottawa ont chacune leur petit programme.",
            ],
        },
    },
    "funding-ngos": {
        "en": {
            "np": [
                "core funding for community groups",
                "multi-year grants for small agencies",
                "stable funding for NGOs in rural areas",
                "money that lasts longer than one fiscal year",
                "budgets that let small agencies keep their staff",
                "investment in the groups that actually meet survivors",
                "outreach budgets that are not renewed every twelve months",
            ],
            "say": [
                "Short-term funding means we lose good staff every spring.",
                "We spend more time writing grant applications than helping clients.",
                "Our agency runs on bake sales and one-year project money.",
                "Every March we do not know if we will still exist in April.",
                "Small groups cannot compete with large charities for the same dollars.",
            ],
        },
        "fr": {
            "np": [
                "financement de base pour les groupes communautaires",
                "subventions pluriannuelles pour les petits organismes",
                "financement stable pour les ONG en région",
                "argent qui dure plus d'un exercice financier",
                "budgets qui permettent aux petits organismes de garder leur personnel",
                "investissements dans les groupes qui rencontrent vraiment les survivantes",
                "budget pour le travail de rue qui n'est pas à renouveler tous les douze mois",
            ],
            "say": [
                "Le financement à court terme nous fait perdre de bonnes employées chaque "
                "printemps.",
                "Nous passons plus de temps à remplir des demandes de subventions qu'à aider nos "
                "clientes.",
                "Notre organisme fonctionne avec des ventes de pâtisseries et des projets d'un an.",
                "Chaque mois de mars, nous ne savons pas si nous existerons encore en avril.",
                "Les petits groupes ne peuvent pas rivaliser avec les grandes fondations pour les "
                "mêmes dollars.",
            ],
        },
    },
    "private-sector-role": {
        "en": {
            "np": [
                "reporting by banks of suspicious transactions",
                "action by tech companies on exploitative content",
                "bigger roles for the private sector",
                "hotel chains that teach their front desk to report what they see",
                "airlines and bus lines that know the warning signs",
                "credit card firms that block payments for exploitative ads",
                "trucking firms that teach drivers to call a hotline",
            ],
            "say": [
                "Banks can see patterns that police never will.",
                "Tech companies are far too slow to remove exploitative ads.",
                "Trucking firms and airlines see victims being moved every day.",
                "A front desk clerk noticed the signs and called us.",
                "Credit card firms have the power to cut off the money behind these ads.",
            ],
        },
        "fr": {
            "np": [
                "déclarations par les banques des opérations suspectes",
                "mesures des entreprises technologiques contre le contenu abusif",
                "rôle plus grand pour le secteur privé",
                "chaînes hôtelières qui apprennent à leur réception à signaler ce qu'elle voit",
                "compagnies aériennes et lignes d'autobus qui connaissent les signes",
                "sociétés de cartes de crédit qui bloquent les paiements des pages abusives",
                "firmes de camionnage qui apprennent aux chauffeurs à appeler une ligne d'aide",
            ],
            "say": [
                "Les banques voient des schémas que la police ne verra jamais.",
                "Les entreprises technologiques sont beaucoup trop lentes à retirer les pages "
                "abusives.",
                "Les firmes de camionnage et les compagnies aériennes voient des victimes "
                "déplacées tous les jours.",
                "Une réceptionniste a remarqué les signes et nous a appelés.",
                "Les sociétés de cartes de crédit peuvent couper l'argent derrière ces pages.",
            ],
        },
    },
    "international-cooperation": {
        "en": {
            "np": [
                "cross-border cooperation with American police",
                "information sharing with other countries",
                "checks at the border for children travelling with adults",
                "agreements with the countries where recruiters find workers",
                "joint operations with Interpol and foreign police",
                "help for Canadians exploited abroad to come home",
                "common rules with our neighbours to the south",
            ],
            "say": [
                "Victims are moved across the border in a matter of hours.",
                "Recruiters in other countries promise jobs that do not exist.",
                "Many of the workers we meet were recruited in Mexico, Guatemala or the "
                "Philippines.",
                "Cases stall when the evidence sits in another country's hands.",
                "Girls from here are taken to Las Vegas and back within a week.",
            ],
        },
        "fr": {
            "np": [
                "coopération transfrontalière avec la police américaine",
                "échange d'information avec d'autres pays",
                "contrôles à la frontière pour les enfants qui voyagent avec des adultes",
                "ententes avec les pays où les recruteurs trouvent des travailleurs",
                "opérations conjointes avec Interpol et les polices étrangères",
                "aide aux Canadiennes exploitées à l'étranger pour revenir au pays",
                "règles communes avec nos voisins du Sud",
            ],
            "say": [
                "Les victimes passent la frontière en quelques heures.",
                "Des recruteurs dans d'autres pays promettent des emplois qui n'existent pas.",
                "Beaucoup des travailleurs que nous rencontrons ont été recrutés au Mexique, au "
                "Guatemala ou aux Philippines.",
                "Les dossiers stagnent quand la preuve est entre les mains d'un autre État.",
                "Des filles d'ici sont emmenées à Las Vegas et ramenées en une semaine.",
            ],
        },
    },
    "data-research": {
        "en": {
            "np": [
                "national data on trafficking cases",
                "research on what helps survivors recover",
                "better statistics on labour trafficking",
                "counts of how many people are exploited each year",
                "studies that follow survivors over time",
                "common definitions so that agencies count the same thing",
                "evaluation of which programs actually work",
            ],
            "say": [
                "Nobody has reliable statistics on how many people are trafficked.",
                "Decisions are made on guesses rather than evidence.",
                "Every agency counts victims in its own way.",
                "We only know about the people who come to us.",
                "No one has ever checked whether our programs make a difference.",
            ],
        },
        "fr": {
            "np": [
                "données nationales sur les cas de traite",
                "recherche sur ce qui aide les survivantes à se rétablir",
                "meilleures statistiques sur la traite à des fins de travail",
                "décompte du nombre de personnes exploitées chaque année",
                "études qui suivent les survivantes dans le temps",
                "définitions communes pour que tous les organismes comptent la même chose",
                "évaluation des programmes qui fonctionnent vraiment",
            ],
            "say": [
                "Personne n'a de statistiques fiables sur le nombre de personnes victimes de la "
                "traite.",
                "Les décisions se prennent sur des impressions plutôt que sur des données "
                "probantes.",
                "Chaque organisme compte les victimes à sa façon.",
                "Nous ne connaissons que les personnes qui viennent nous voir.",
                "Personne n'a jamais vérifié si nos programmes changent quelque chose.",
            ],
        },
    },
    "economic-independence": {
        "en": {
            "np": [
                "job training for survivors",
                "help with budgeting and financial literacy",
                "basic income while survivors go back to school",
                "paid apprenticeships for women leaving exploitation",
                "help to open an account and build credit",
                "work placements that accept gaps in a résumé",
                "bursaries so that survivors can finish high school",
            ],
            "say": [
                "Without an income, many survivors go back to their trafficker.",
                "Education is the way out for most of the young women we see.",
                "A criminal record from the time she was exploited keeps her from getting hired.",
                "Most of our clients have never had a bank account in their own name.",
                "Having a paycheque of her own changed everything for one of our clients.",
            ],
        },
        "fr": {
            "np": [
                "formation professionnelle pour les survivantes",
                "aide au budget et à la littératie financière",
                "revenu de base pendant le retour aux études",
                "apprentissages rémunérés pour les femmes qui sortent de l'exploitation",
                "aide pour ouvrir un compte et bâtir un dossier de crédit",
                "stages qui acceptent les trous dans un CV",
                "bourses pour que les survivantes terminent leur secondaire",
            ],
            "say": [
                "Sans revenu, beaucoup de survivantes retournent vers leur trafiquant.",
                "Les études sont la porte de sortie pour la plupart des jeunes femmes que nous "
                "voyons.",
                "Un casier judiciaire datant de l'exploitation l'empêche d'être embauchée.",
                "La plupart de nos clientes n'ont jamais eu de compte bancaire à leur nom.",
                "Avoir sa propre paie a tout changé pour une de nos clientes.",
            ],
        },
    },
    "survivor-voice": {
        "en": {
            "np": [
                "national advisory councils of survivors",
                "honoraria for survivors who share their expertise",
                "seats at the table for people with lived experience",
                "paid roles for survivors in writing the strategy",
                "real say for former victims in how money is spent",
                "places on every committee for those who have been exploited",
                "real decision-making power for people who got out",
            ],
            "say": [
                "Nothing about us without us is still just a slogan in Ottawa.",
                "Survivors are asked to tell their stories at events but are never paid honoraria.",
                "We are invited to share our pain but never to shape the plan.",
                "Policies written without us miss what actually matters.",
                "Being paid for our expertise is a matter of respect.",
            ],
        },
        "fr": {
            "np": [
                "conseil consultatif national de survivantes",
                "honoraires pour les survivantes qui partagent leur expertise",
                "place à la table pour les personnes ayant une expérience vécue",
                "rôles rémunérés pour les survivantes dans la rédaction de la stratégie",
                "droit de regard des anciennes victimes sur l'utilisation de l'argent",
                "sièges à chaque comité pour celles qui ont été exploitées",
                "vrai pouvoir de décision pour les personnes qui s'en sont sorties",
            ],
            "say": [
                "Rien sur nous sans nous reste un simple slogan à Ottawa.",
                "On demande aux survivantes de raconter leur histoire lors d'événements sans "
                "jamais leur verser d'honoraires.",
                "On nous invite à partager notre douleur, jamais à façonner le plan.",
                "Les politiques écrites sans nous passent à côté de l'essentiel.",
                "Être payées pour notre expertise est une question de respect.",
            ],
        },
    },
    "long-term-support": {
        "en": {
            "np": [
                "long-term support after the crisis is over",
                "aftercare that lasts for years",
                "help with recovery and reintegration",
                "caseworkers who stay with survivors for years, not weeks",
                "services that do not end when the court case does",
                "check-ins that continue long after someone has moved on",
                "help that follows people through relapses and setbacks",
            ],
            "say": [
                "Recovery takes years, but our programs last a few months.",
                "Reintegration is where most survivors are left on their own.",
                "Leaving is only the first step of a very long road.",
                "Most programs end just when people start to find their feet.",
                "Women come back to us two or three years later because nothing else was there.",
            ],
        },
        "fr": {
            "np": [
                "soutien à long terme une fois la crise passée",
                "suivi qui dure des années",
                "aide au rétablissement et à la réintégration",
                "intervenantes qui restent auprès des survivantes pendant des années, pas des "
                "semaines",
                "services qui ne s'arrêtent pas à la fin du procès",
                "appels de relance qui continuent bien après le départ",
                "aide qui accompagne les gens malgré les rechutes et les reculs",
            ],
            "say": [
                "Le rétablissement prend des années, mais nos programmes durent quelques mois.",
                "La réintégration est l'étape où la plupart des survivantes se retrouvent seules.",
                "Partir n'est que la première étape d'un très long chemin.",
                "La plupart des programmes prennent fin au moment où les gens reprennent pied.",
                "Des femmes reviennent nous voir deux ou trois ans plus tard parce qu'il n'y avait "
                "rien d'autre.",
            ],
        },
    },
}

# Statement frames: {np} (English) or {dnp} (French, "de"/"d'" + np). Type "none" carries no
# statement type. Within each list, the first half contains a codebook keyword of the type.
FRAMES: dict[str, dict[str, list[str]]] = {
    "gap": {
        "en": [
            "There is a lack of {np}{tail}.",
            "There are not enough {np}{tail}.",
            "We face a shortage of {np}{tail}.",
            "People are put on a waiting list for {np}{tail}.",
            "Finding {np} is nearly impossible{tail}.",
            "Nobody is offering {np}{tail}.",
            "We keep running out of {np}{tail}.",
            "People are turned away when they ask for {np}{tail}.",
        ],
        "fr": [
            "Il y a un manque {dnp}{tail}.",
            "Il n'y a pas assez {dnp}{tail}.",
            "On constate une pénurie {dnp}{tail}.",
            "L'offre {dnp} est nettement insuffisante{tail}.",
            "Nous refusons des gens faute {dnp}{tail}.",
            "Les demandes {dnp} restent sans réponse{tail}.",
            "Nous sommes constamment à court {dnp}{tail}.",
            "Personne n'offre quoi que ce soit en matière {dnp}{tail}.",
        ],
    },
    "recommendation": {
        "en": [
            "The government should invest in {np}{tail}.",
            "We need {np}{tail}.",
            "I recommend funding {np}{tail}.",
            "Ottawa must pay for {np}{tail}.",
            "The next strategy has to put money into {np}{tail}.",
            "Please make {np} a priority{tail}.",
            "My advice is to expand {np}{tail}.",
            "It is time to commit to {np}{tail}.",
        ],
        "fr": [
            "Le gouvernement devrait investir en matière {dnp}{tail}.",
            "Il faut davantage {dnp}{tail}.",
            "Je recommande d'accroître l'offre {dnp}{tail}.",
            "Ottawa doit payer pour l'offre {dnp}{tail}.",
            "La prochaine stratégie aurait intérêt à miser sur l'offre {dnp}{tail}.",
            "Mon conseil : élargir l'offre {dnp}{tail}.",
            "Il est temps de s'engager en matière {dnp}{tail}.",
            "Faites une priorité de l'offre {dnp}{tail}.",
        ],
    },
    "trend": {
        "en": [
            "More and more families ask us about {np}{tail}.",
            "Demand for {np} is rising{tail}.",
            "Increasingly, our clients ask about {np}{tail}.",
            "Each year we see fewer resources for {np}{tail}.",
            "Every year, more people ask us about {np}{tail}.",
            "Requests for {np} have doubled since 2015{tail}.",
            "Compared with five years ago, far more people come to us about {np}{tail}.",
            "Calls about {np} keep climbing{tail}.",
        ],
        "fr": [
            "De plus en plus de familles nous parlent {dnp}{tail}.",
            "La demande {dnp} est en hausse{tail}.",
            "On note une augmentation des demandes {dnp}{tail}.",
            "Les ressources en matière {dnp} sont en baisse{tail}.",
            "Chaque année, plus de gens nous questionnent au sujet {dnp}{tail}.",
            "Les appels au sujet {dnp} ont doublé depuis 2015{tail}.",
            "Par rapport à il y a cinq ans, bien plus de gens nous consultent au sujet {dnp}"
            "{tail}.",
            "Les appels au sujet {dnp} ne cessent de grimper{tail}.",
        ],
    },
    "emerging-issue": {
        "en": [
            "We are starting to see new questions about {np}{tail}.",
            "Recently, we have had to deal with {np}{tail}.",
            "An emerging concern for us is {np}{tail}.",
            "Only in the last year have we had to think about {np}{tail}.",
            "Until last spring nobody asked us about {np}{tail}.",
            "This is the first time we have had to deal with {np}{tail}.",
        ],
        "fr": [
            "On commence à voir des questions inédites au sujet {dnp}{tail}.",
            "Récemment, nous avons dû nous occuper de la question {dnp}{tail}.",
            "Un enjeu émergent pour nous est la question {dnp}{tail}.",
            "Ce n'est que depuis l'an dernier que nous devons penser à la question {dnp}{tail}.",
            "Jusqu'au printemps dernier, personne ne nous parlait {dnp}{tail}.",
            "C'est la première fois que nous devons traiter la question {dnp}{tail}.",
        ],
    },
    "promising-practice": {
        "en": [
            "A pilot project on {np} works well{tail}.",
            "Our model for {np} has been successful{tail}.",
            "The best practice we know for {np} comes from a small town.",
            "What we did on {np} made a real difference{tail}.",
            "Other regions could copy our approach to {np}{tail}.",
            "Results from our work on {np} have been excellent{tail}.",
        ],
        "fr": [
            "Un projet pilote en matière {dnp} fonctionne bien{tail}.",
            "Notre modèle en matière {dnp} a réussi{tail}.",
            "La pratique exemplaire que nous connaissons en matière {dnp} vient d'une petite "
            "ville.",
            "Notre travail en matière {dnp} a vraiment changé les choses{tail}.",
            "D'autres régions pourraient s'inspirer de notre approche en matière {dnp}{tail}.",
            "Les résultats de notre démarche en matière {dnp} sont excellents{tail}.",
        ],
    },
    "none": {
        "en": [
            "Survivors talk to us a lot about {np}{tail}.",
            "We spend much of our time on {np}{tail}.",
            "Our members discussed {np} at length{tail}.",
            "A big part of my job involves {np}{tail}.",
            "I want to talk about {np}{tail}.",
            "Our discussion kept coming back to {np}{tail}.",
        ],
        "fr": [
            "Les survivantes nous parlent souvent {dnp}{tail}.",
            "Nous consacrons beaucoup de temps à la question {dnp}{tail}.",
            "Nos membres ont longuement discuté {dnp}{tail}.",
            "Une grande partie de mon travail touche la question {dnp}{tail}.",
            "Je veux parler {dnp}{tail}.",
            "Notre discussion revenait toujours à la question {dnp}{tail}.",
        ],
    },
}

# Probability of each statement type for a topic's main sentence.
TYPE_WEIGHTS: dict[str, float] = {
    "none": 0.34,
    "gap": 0.2,
    "recommendation": 0.24,
    "trend": 0.08,
    "emerging-issue": 0.07,
    "promising-practice": 0.07,
}

TAILS: dict[str, list[str]] = {
    "en": [
        " in our region",
        " in the north",
        " in rural areas",
        " for young people",
        " in small towns",
        " across the province",
        " right now",
        " this year",
        " in our city",
        " for men and boys",
        " on the coast",
        " in the suburbs",
        " outside the big cities",
        " for teenagers",
    ],
    "fr": [
        " dans notre région",
        " dans le nord",
        " en milieu rural",
        " pour les jeunes",
        " dans les petites villes",
        " partout dans la province",
        " en ce moment",
        " cette année",
        " dans notre ville",
        " pour les hommes et les garçons",
        " sur la côte",
        " en banlieue",
        " hors des grands centres",
        " pour les adolescentes",
    ],
}

LEADS: dict[str, list[str]] = {
    "en": [
        "Honestly, ",
        "In my experience, ",
        "From what we see at the centre, ",
        "Speaking for our members, ",
        "In short, ",
        "To be clear, ",
        "From where I sit, ",
        "Frankly, ",
        "In our work, ",
        "As a mother, ",
        "After years in this field, ",
    ],
    "fr": [
        "Honnêtement, ",
        "D'après mon expérience, ",
        "Selon ce que nous voyons au centre, ",
        "Au nom de nos membres, ",
        "Bref, ",
        "Pour être clair, ",
        "De mon point de vue, ",
        "Franchement, ",
        "Dans notre travail, ",
        "En tant que mère, ",
        "Après des années dans ce domaine, ",
    ],
}

# Openers: A + B + C, no code.
OPENER_A: dict[str, list[str]] = {
    "en": [
        "I have worked",
        "I have volunteered",
        "I have spent years working",
        "My colleagues and I have worked",
        "Our small team has worked",
        "I have been working",
    ],
    "fr": [
        "Je travaille",
        "Je fais du bénévolat",
        "Mes collègues et moi travaillons",
        "Notre petite équipe travaille",
        "J'œuvre",
        "Je suis active",
    ],
}
OPENER_B: dict[str, list[str]] = {
    "en": [
        " with young women in a drop-in centre",
        " with families in a rural community",
        " in a hospital emergency department",
        " with newcomers at a settlement agency",
        " in a legal clinic",
        " with teenagers at a youth centre",
        " in a women's centre",
        " at a community health clinic",
        " with street-involved youth",
        " in a victim assistance office",
        " at a church outreach program",
        " in a university research group",
    ],
    "fr": [
        " auprès de jeunes femmes dans un centre de jour",
        " auprès des familles d'une communauté rurale",
        " dans une urgence d'hôpital",
        " auprès des arrivants dans un organisme d'accueil",
        " dans une clinique juridique",
        " auprès des adolescents dans une maison des jeunes",
        " dans un centre de femmes",
        " dans un centre de santé communautaire",
        " auprès des jeunes de la rue",
        " dans un bureau d'aide aux personnes touchées par le crime",
        " dans un programme d'une paroisse",
        " dans un groupe de recherche universitaire",
    ],
}
OPENER_C: dict[str, list[str]] = {
    "en": ["", " for many years", " for a long time", " since I finished school", " for a decade"],
    "fr": ["", " depuis longtemps", " depuis plusieurs années", " depuis la fin de mes études"],
}
CLOSERS: dict[str, list[str]] = {
    "en": [
        "Thank you for listening to us.",
        "Thank you for the chance to take part in this.",
        "I hope this input is useful to you.",
        "Please read these comments carefully.",
        "I appreciate the opportunity to comment.",
        "I would be glad to say more about this.",
        "These are my personal views only.",
        "Thanks for reading this far.",
    ],
    "fr": [
        "Merci de votre écoute attentive.",
        "Merci de l'occasion de participer à cet exercice.",
        "J'espère que ces commentaires vous seront utiles.",
        "Je vous prie de lire attentivement ces commentaires.",
        "Je vous remercie de cette occasion de m'exprimer.",
        "Je serais heureuse d'en dire davantage.",
        "Ce sont mes opinions personnelles seulement.",
        "Merci d'avoir lu jusqu'ici.",
    ],
}
# Sentences that carry no code although they contain codebook keywords (false friends).
DISTRACTORS: dict[str, list[str]] = {
    "en": [
        "I read about this consultation online and wanted to add my voice.",
        "I am new to this file, so please forgive any mistakes.",
        "Our training room was full for the information session.",
        "The data in this form is my own opinion, not my employer's.",
        "Thank you to the staff who support this process.",
        "Our team works well together, but we are tired.",
        "I must admit the question is complicated.",
        "The meeting room was full for the discussion.",
        "I filled in this form on my lunch break.",
        "My answers are short because time is short.",
    ],
    "fr": [
        "J'ai lu au sujet de cette consultation en ligne et je voulais faire entendre ma voix.",
        "Je suis nouvelle dans ce dossier, alors pardonnez mes erreurs.",
        "Notre salle de formation était pleine pour la séance d'information.",
        "Les données de ce formulaire reflètent mon opinion personnelle.",
        "Merci au personnel qui soutient cette démarche.",
        "Notre équipe fonctionne bien, mais nous sommes fatiguées.",
        "Il faut dire que la question est complexe.",
        "La salle était pleine pour la discussion.",
        "J'ai rempli ce formulaire pendant ma pause du midi.",
        "Mes réponses sont courtes parce que le temps manque.",
    ],
}

# --- Campaign letters: each written in English and French; `codes` is their truth. ---------------
# Template letters have slots {town}, {org} and {n}, filled differently for each member.
LETTERS: list[dict[str, object]] = [
    {
        "key": "L01",
        "kind": "exact",
        "codes": ["funding-ngos", "recommendation"],
        "en": "I am writing to ask the Government of Canada to provide stable, multi-year core "
        "funding to the community organisations that support survivors of human trafficking. "
        "Short-term project grants force these groups to spend their time writing applications "
        "instead of helping people. Survivors deserve services that will still be there next "
        "year. Please make long-term funding a priority in the national strategy.",
        "fr": "Je vous écris pour demander au gouvernement du Canada d'accorder un financement de "
        "base stable et pluriannuel aux organismes communautaires qui soutiennent les "
        "survivantes et survivants de la traite des personnes. Les subventions de projet à court "
        "terme obligent ces groupes à passer leur temps à rédiger des demandes au lieu d'aider "
        "les gens. Les survivantes méritent des services qui seront encore là l'an prochain. "
        "Faites du financement à long terme une priorité de la stratégie nationale.",
    },
    {
        "key": "L02",
        "kind": "exact",
        "codes": [
            "online-recruitment",
            "public-awareness",
            "private-sector-role",
            "recommendation",
        ],
        "en": "As a parent, I am deeply worried about how easily traffickers reach children "
        "through games, chat apps and social media. My daughter was contacted by a stranger who "
        "offered her a modelling job. Schools should teach every student how luring works, and "
        "parents need plain information on the warning signs. Tech companies must also remove "
        "these predators quickly.",
        "fr": "En tant que parent, je suis très inquiète de la facilité avec laquelle les "
        "trafiquants rejoignent les enfants par les jeux, les applications de clavardage et les "
        "médias sociaux. Ma fille a été contactée par un inconnu qui lui offrait un contrat de "
        "mannequin. Les écoles devraient enseigner à chaque élève comment fonctionne le leurre, "
        "et les parents ont besoin d'information claire sur les signes avant-coureurs. Les "
        "entreprises technologiques doivent aussi retirer rapidement ces prédateurs.",
    },
    {
        "key": "L03",
        "kind": "exact",
        "codes": ["indigenous-led-programs", "funding-ngos", "recommendation"],
        "en": "Indigenous women and girls are targeted by traffickers far more than anyone else "
        "in this country, and the response must be led by Indigenous communities themselves. "
        "Programs rooted in culture, run by First Nations, Inuit and Métis organisations, are "
        "what keep our young people safe. Fund them directly and for the long term, and respect "
        "the Calls for Justice.",
        "fr": "Les femmes et les filles autochtones sont ciblées par les trafiquants bien plus "
        "que quiconque au pays, et la réponse doit être menée par les communautés autochtones "
        "elles-mêmes. Les programmes ancrés dans la culture, offerts par des organisations des "
        "Premières Nations, inuites et métisses, sont ce qui protège nos jeunes. Financez-les "
        "directement et à long terme, et respectez les appels à la justice.",
    },
    {
        "key": "L04",
        "kind": "near",
        "codes": ["labour-exploitation", "immigration-status", "recommendation"],
        "en": "Migrant workers on farms and in factories across Canada are being charged illegal "
        "recruitment fees and housed in crowded bunkhouses by the employers who control their "
        "permits. When a worker complains, they risk losing both the job and the right to stay. "
        "Canada should give open work permits to every worker who reports abuse and require "
        "companies to check their supply chains.",
        "fr": "Les travailleurs migrants dans les fermes et les usines partout au Canada se font "
        "imposer des frais de recrutement illégaux et sont logés dans des dortoirs surpeuplés "
        "par les employeurs qui contrôlent leurs permis. Lorsqu'un travailleur se plaint, il "
        "risque de perdre à la fois son emploi et le droit de rester. Le Canada devrait "
        "accorder un permis de travail ouvert à tout travailleur qui dénonce des abus et "
        "obliger les entreprises à vérifier leurs chaînes d'approvisionnement.",
    },
    {
        "key": "L05",
        "kind": "near",
        "codes": ["survivor-voice", "recommendation"],
        "en": "Nothing about us without us. People who have lived through trafficking know what "
        "helps and what harms, yet we are asked to tell our stories for free and then left out "
        "of the decisions. Any advisory table for the national strategy must include survivors "
        "as paid members, with honoraria, childcare and travel covered, and a real say in the "
        "final plan.",
        "fr": "Rien sur nous sans nous. Les personnes qui ont vécu la traite savent ce qui aide "
        "et ce qui nuit, mais on nous demande de raconter notre histoire gratuitement puis on "
        "nous écarte des décisions. Toute table consultative de la stratégie nationale doit "
        "compter des survivantes et survivants rémunérés, avec des honoraires, la garde "
        "d'enfants et les déplacements payés, et une véritable voix dans le plan final.",
    },
    {
        "key": "L06",
        "kind": "near",
        "codes": ["victim-testimony", "investigations", "recommendation"],
        "en": "Too few traffickers are ever convicted because victims are expected to carry the "
        "whole case. Testifying in open court, in front of the person who exploited you, is "
        "terrifying and often leads to a breakdown. Prosecutors should rely more on financial "
        "evidence, screens and video testimony should be standard, and every witness should "
        "have a court support worker from the first day.",
        "fr": "Trop peu de trafiquants sont condamnés parce qu'on s'attend à ce que les victimes "
        "portent tout le dossier. Témoigner en audience publique, devant la personne qui vous a "
        "exploitée, est terrifiant et mène souvent à une rechute. Les procureurs devraient "
        "s'appuyer davantage sur la preuve financière, les écrans et le témoignage par vidéo "
        "devraient être la norme, et chaque témoin devrait avoir une intervenante "
        "d'accompagnement judiciaire dès le premier jour.",
    },
    {
        "key": "L07",
        "kind": "template",
        "codes": ["shelters-housing", "gap", "recommendation"],
        "en": "I live in {town}, where the {org} is the only place a woman escaping exploitation "
        "can go. Last year it had to turn away {n} women because every bed was full. There is "
        "no transitional housing at all in our area. The federal government should fund "
        "emergency shelter beds and second-stage housing in communities like {town}.",
        "fr": "J'habite à {town}, où {org} est le seul endroit où une femme qui fuit "
        "l'exploitation peut aller. L'an dernier, il a dû refuser {n} femmes parce que tous les "
        "lits étaient occupés. Il n'existe aucun logement de transition dans notre secteur. Le "
        "gouvernement fédéral devrait financer des lits d'hébergement d'urgence et des logements "
        "de deuxième étape dans des collectivités comme {town}.",
    },
    {
        "key": "L08",
        "kind": "template",
        "codes": ["frontline-training", "gap", "recommendation"],
        "en": "I have been a nurse in {town} for {n} years, and in that time I have never "
        "received any training on how to recognise a trafficking victim. Last month a teenager "
        "came into our emergency room with all the signs and I did not know what to do. Every "
        "hospital, clinic and hotel in Canada should train its staff to identify victims and to "
        "know who to call.",
        "fr": "Je suis infirmière à {town} depuis {n} ans et, pendant tout ce temps, je n'ai "
        "jamais reçu de formation pour reconnaître une victime de la traite. Le mois dernier, "
        "une adolescente est arrivée à notre urgence avec tous les signes et je ne savais pas "
        "quoi faire. Chaque hôpital, chaque clinique et chaque hôtel au Canada devrait former "
        "son personnel à repérer les victimes et à savoir qui appeler.",
    },
    {
        "key": "L09",
        "kind": "template",
        "codes": ["data-research", "gap", "recommendation"],
        "en": "Our organisation, {org}, has helped {n} people since 2016, but no one collects "
        "these numbers in a consistent way. Police, shelters and health services in the {town} "
        "area each count differently, so no one knows how big the problem really is. Canada "
        "needs a national data system with common definitions, and the findings should be "
        "shared with the groups doing the work.",
        "fr": "Notre organisme, {org}, a aidé {n} personnes depuis 2016, mais personne ne "
        "recueille ces chiffres de façon uniforme. La police, les refuges et les services de "
        "santé de la région de {town} comptent chacun à leur manière, si bien que personne ne "
        "connaît l'ampleur réelle du problème. Le Canada a besoin d'un système national de "
        "données avec des définitions communes, et les résultats devraient être communiqués aux "
        "groupes qui font le travail.",
    },
    {
        "key": "L10",
        "kind": "crosslang",
        "codes": ["legislation", "justice-training", "recommendation"],
        "en": "The Criminal Code already has strong trafficking offences, but they are rarely "
        "used. Charges are often reduced to lesser offences in plea deals, and sentences do not "
        "reflect the harm done. I urge the Minister of Justice to issue clear guidance to Crown "
        "prosecutors and to track every trafficking case from charge to sentence.",
        "fr": "Le Code criminel prévoit déjà des infractions sévères en matière de traite, mais "
        "elles sont rarement utilisées. Les accusations sont souvent réduites à des infractions "
        "moindres dans des négociations de plaidoyer, et les peines ne reflètent pas le tort "
        "causé. J'exhorte le ministre de la Justice à donner des directives claires aux "
        "procureurs de la Couronne et à suivre chaque dossier de traite, de l'accusation à la "
        "peine.",
    },
    {
        "key": "L11",
        "kind": "crosslang",
        "codes": ["long-term-support", "economic-independence", "gap", "recommendation"],
        "en": "Leaving a trafficker is only the first step. Survivors need years of help "
        "afterwards: a way back to school, a real job that pays the rent and someone to call "
        "when things go wrong. Today most programs end after a few months, just when people are "
        "starting to rebuild. Please fund support that follows survivors for as long as they "
        "need it.",
        "fr": "Quitter un trafiquant n'est que la première étape. Les survivantes ont besoin "
        "d'aide pendant des années : un retour aux études, un véritable emploi qui paie le "
        "loyer et quelqu'un à appeler quand les choses tournent mal. Aujourd'hui, la plupart des "
        "programmes se terminent après quelques mois, au moment même où les gens commencent à "
        "se reconstruire. Financez un soutien qui accompagne les survivantes aussi longtemps "
        "qu'il le faut.",
    },
    {
        "key": "L12",
        "kind": "crosslang",
        "codes": ["coordination-governments", "international-cooperation", "recommendation"],
        "en": "Traffickers move victims between provinces and across the border with the United "
        "States in a matter of hours, while police and services stop at every jurisdictional "
        "line. Canada needs one coordinated approach: shared protocols between federal, "
        "provincial and territorial governments, a single contact point in each province, and "
        "faster information exchange with American authorities.",
        "fr": "Les trafiquants déplacent leurs victimes d'une province à l'autre et de l'autre "
        "côté de la frontière avec les États-Unis en quelques heures, alors que la police et les "
        "services s'arrêtent à chaque limite de compétence. Le Canada a besoin d'une approche "
        "coordonnée : des protocoles communs entre les gouvernements fédéral, provinciaux et "
        "territoriaux, un point de contact unique dans chaque province et un échange "
        "d'information plus rapide avec les autorités américaines.",
    },
]

TOWNS: dict[str, list[str]] = {
    "en": [
        "Thunder Bay",
        "Prince George",
        "Moncton",
        "Sudbury",
        "Kamloops",
        "Lethbridge",
        "Brandon",
        "Timmins",
        "Kenora",
        "Red Deer",
        "Grande Prairie",
        "Fort McMurray",
        "Yellowknife",
        "Whitehorse",
        "Corner Brook",
        "Truro",
        "Nanaimo",
        "Medicine Hat",
    ],
    "fr": [
        "Rimouski",
        "Chicoutimi",
        "Val-d'Or",
        "Rouyn-Noranda",
        "Sept-Îles",
        "Gaspé",
        "Baie-Comeau",
        "Drummondville",
        "Trois-Rivières",
        "Sherbrooke",
        "Edmundston",
        "Caraquet",
        "Bathurst",
        "Hearst",
        "Kapuskasing",
        "Joliette",
    ],
}
ORGS: dict[str, list[str]] = {
    "en": [
        "Harbour House",
        "Phoenix Centre",
        "Northern Lights Women's Centre",
        "Bridges Outreach",
        "Safe Harbour Society",
        "Aurora House",
        "Willow Place",
        "Cedar Lodge",
        "Lakeside Outreach",
        "Beacon Centre",
    ],
    "fr": [
        "La Passerelle",
        "Le Phare",
        "Centre Horizon",
        "L'Escale",
        "Le Havre",
        "La Boussole",
        "Le Tremplin",
        "La Traversée",
        "Le Relais",
        "L'Ancrage",
    ],
}

# Small word edits for lightly edited copies.
INSERTS: dict[str, list[str]] = {
    "en": ["really", "truly", "also", "very", "simply", "clearly", "urgently", "still"],
    "fr": ["vraiment", "aussi", "très", "clairement", "simplement", "encore", "urgemment"],
}
SWAPS: dict[str, dict[str, str]] = {
    "en": {
        "ask": "urge",
        "people": "persons",
        "quickly": "fast",
        "every": "each",
        "deeply": "very",
        "often": "frequently",
        "real": "true",
        "must": "should",
        "help": "assist",
        "children": "kids",
        "job": "position",
        "stop": "end",
    },
    "fr": {
        "demander": "exiger",
        "gens": "personnes",
        "rapidement": "vite",
        "chaque": "tout",
        "très": "profondément",
        "souvent": "fréquemment",
        "véritable": "vraie",
        "doit": "devrait",
        "aider": "soutenir",
        "enfants": "jeunes",
        "emploi": "travail",
    },
}

# --- Personal information ------------------------------------------------------------------------
GIVEN: dict[str, list[str]] = {
    "en": [
        "Sarah",
        "Michael",
        "Jennifer",
        "David",
        "Ashley",
        "Kevin",
        "Megan",
        "Brian",
        "Siobhan",
        "Connor",
        "Priya",
        "Tanis",
        "Shauna",
        "Darryl",
        "Kendra",
        "Colton",
    ],
    "fr": [
        "Marie",
        "Jean",
        "Isabelle",
        "Mathieu",
        "Geneviève",
        "Étienne",
        "Nathalie",
        "Sylvain",
        "Ghislain",
        "Maryse",
        "Josée",
        "Réjean",
        "Solange",
        "Gaétan",
        "Lucie",
        "Benoît",
    ],
}
FAMILY: dict[str, list[str]] = {
    "en": [
        "Smith",
        "MacDonald",
        "Campbell",
        "Wilson",
        "Thompson",
        "Anderson",
        "Singh",
        "Patel",
        "Wong",
        "Okafor",
        "Cardinal",
        "McKay",
        "Fraser",
        "Kowalski",
        "O'Brien",
        "Whitford",
    ],
    "fr": [
        "Tremblay",
        "Gagnon",
        "Roy",
        "Côté",
        "Bouchard",
        "Gauthier",
        "Morin",
        "Lavoie",
        "Fortin",
        "Ouellet",
        "Pelletier",
        "Bélanger",
        "Lévesque",
        "Bergeron",
        "St-Pierre",
        "Thibodeau",
    ],
}
STREETS: dict[str, list[str]] = {
    "en": ["Main", "King", "Queen", "Elm", "Maple", "Church", "Wellington", "Portage", "Birch"],
    "fr": [
        "Saint-Denis",
        "Notre-Dame",
        "Principale",
        "Sainte-Catherine",
        "des Érables",
        "du Lac",
        "de la Montagne",
        "Laurier",
    ],
}
STREET_TYPES_EN = ["Street", "St.", "Avenue", "Ave", "Road", "Rd", "Drive", "Crescent", "Boulevard"]
STREET_TYPES_FR = ["rue", "boulevard", "chemin", "avenue"]
_AREA_CODES = (
    "204 226 236 249 250 289 306 343 365 403 416 418 431 437 438 450 506 514 519 548 579 581 "
    "587 604 613 639 647 672 705 709 778 780 782 807 819 825 867 873 902 905"
)
AREA_CODES = _AREA_CODES.split()
EMAIL_DOMAINS = [
    "example.ca",
    "exemple.qc.ca",
    "courriel.ca",
    "mail.example.org",
    "refuge-exemple.org",
    "outlook.com",
    "sympatico.ca",
    "videotron.ca",
]
URLS = [
    "https://www.example-shelter.ca/report",
    "www.refugenord.org",
    "http://bit.ly/2xYz9Qa",
    "https://example.org/survivors/stories",
    "exemple.gc.ca/traite",
    "www.maison-exemple.qc.ca/nous-joindre",
    "https://forms.example.com/consultation?id=42",
]

# PII sentences: {KIND} slots. Kinds: EMAIL PHONE POSTAL_CODE SIN SIN_INVALID NAME ADDRESS URL.
PII_TEMPLATES: dict[str, list[str]] = {
    "en": [
        "You can reach me at {EMAIL}.",
        "Call me at {PHONE} if you have questions.",
        "Our office is at {ADDRESS}, {POSTAL_CODE}.",
        "My postal code is {POSTAL_CODE}.",
        "My SIN is {SIN}, in case you need it for the gift card.",
        "My social insurance number is {SIN_INVALID} if that matters.",
        "My caseworker {NAME} helped me write this.",
        "My name is {NAME} and I volunteer at a drop-in centre.",
        "Please follow up with {NAME} at {EMAIL}.",
        "More information is on our website at {URL}.",
        "Write to me at {ADDRESS} or call {PHONE}.",
    ],
    "fr": [
        "Vous pouvez m'écrire à {EMAIL}.",
        "Appelez-moi au {PHONE} si vous avez des questions.",
        "Notre bureau est situé au {ADDRESS}, {POSTAL_CODE}.",
        "Mon code postal est {POSTAL_CODE}.",
        "Mon NAS est le {SIN}, au cas où il le faudrait pour la carte-cadeau.",
        "Mon numéro d'assurance sociale : {SIN_INVALID}.",
        "Je m'appelle {NAME} et je suis bénévole dans un centre de jour.",
        "Mon intervenante, {NAME}, m'a aidée à écrire ceci.",
        "Vous pouvez faire le suivi avec {NAME} au {PHONE}.",
        "Plus d'information sur notre site : {URL}.",
        "Écrivez-moi au {ADDRESS} ou au {EMAIL}.",
    ],
}
# Signatures appended to campaign letters (the letter itself stays shared).
SIGNATURES: dict[str, list[str]] = {
    "en": ["Sincerely, {NAME}.", "Regards, {NAME}, {PHONE}.", "{NAME}, {EMAIL}", "From {NAME}."],
    "fr": ["Cordialement, {NAME}.", "{NAME}, {POSTAL_CODE}.", "{NAME}, {EMAIL}", "Signé : {NAME}."],
}

QUESTIONS = ["gaps", "emerging-issues", "trends", "recommendations", "promising-practices", "other"]
QUESTION_OF_TYPE = {
    "gap": "gaps",
    "emerging-issue": "emerging-issues",
    "trend": "trends",
    "recommendation": "recommendations",
    "promising-practice": "promising-practices",
}
SECTORS = [
    ("ngos", 0.24),
    ("victim-services", 0.16),
    ("law-enforcement", 0.08),
    ("criminal-justice", 0.06),
    ("indigenous-partners", 0.08),
    ("provinces-territories", 0.06),
    ("private-sector", 0.05),
    ("experts", 0.06),
    ("lived-experience", 0.1),
    ("academia", 0.05),
    ("", 0.06),
]
REGIONS = {
    "en": [
        ("ON", 0.42),
        ("BC", 0.15),
        ("AB", 0.13),
        ("MB", 0.05),
        ("SK", 0.04),
        ("NS", 0.04),
        ("NB", 0.02),
        ("NL", 0.02),
        ("PE", 0.01),
        ("QC", 0.06),
        ("YT", 0.02),
        ("NT", 0.02),
        ("NU", 0.02),
    ],
    "fr": [("QC", 0.78), ("NB", 0.1), ("ON", 0.09), ("MB", 0.01), ("AB", 0.01), ("BC", 0.01)],
}
CHANNELS = [("online", 0.72), ("email", 0.14), ("in-person", 0.1), ("mail", 0.04)]

# --- Variation: people who say the same thing still phrase it their own way ----------------------
# Each match is replaced, half of the time, by one of its alternatives.
SYNONYMS: dict[str, dict[str, list[str]]] = {
    "en": {
        "do not": ["don't"],
        "does not": ["doesn't"],
        "cannot": ["can't", "are unable to"],
        "is not": ["isn't"],
        "we are": ["we're"],
        "it is": ["it's"],
        "they are": ["they're"],
        "we have": ["we've"],
        "often": ["frequently", "regularly"],
        "almost": ["nearly"],
        "rarely": ["seldom"],
        "kids": ["children"],
        "children": ["kids", "young people"],
        "girls": ["young girls", "teenage girls"],
        "clients": ["the people we serve", "our participants"],
        "every": ["each"],
        "big": ["large"],
        "small": ["little"],
        "told us": ["said to us", "explained to us"],
        "very": ["extremely"],
        "far": ["much"],
        "whole": ["entire"],
        "find": ["locate"],
        "first": ["very first"],
        "enormous": ["huge"],
        "asked": ["invited"],
        "job": ["position"],
        "town": ["community"],
        "hard": ["difficult"],
        "afraid": ["scared", "frightened"],
    },
    "fr": {
        "souvent": ["fréquemment", "régulièrement"],
        "presque": ["quasiment"],
        "rarement": ["peu souvent"],
        "beaucoup": ["énormément"],
        "enfants": ["jeunes"],
        "filles": ["adolescentes", "jeunes filles"],
        "clientes": ["usagères", "participantes"],
        "nous ont dit": ["nous ont expliqué", "nous ont confié"],
        "vraiment": ["réellement"],
        "très": ["extrêmement"],
        "tous les jours": ["chaque jour"],
        "toujours": ["sans cesse"],
        "petits": ["modestes"],
        "petites": ["modestes"],
        "difficile": ["ardu"],
        "impossible": ["irréaliste"],
        "trouver": ["dénicher"],
        "gens": ["personnes"],
        "énorme": ["immense"],
        "aider": ["épauler"],
    },
}
HEDGES: dict[str, list[str]] = {
    "en": [
        "often",
        "really",
        "sometimes",
        "clearly",
        "usually",
        "already",
        "still",
        "certainly",
        "truly",
        "simply",
        "unfortunately",
        "honestly",
    ],
    "fr": [
        "souvent",
        "vraiment",
        "parfois",
        "clairement",
        "déjà",
        "encore",
        "certainement",
        "généralement",
        "malheureusement",
        "franchement",
    ],
}
AUXILIARIES: dict[str, list[str]] = {
    "en": ["is", "are", "was", "were", "can", "will", "have", "has", "had"],
    "fr": ["est", "sont", "a", "ont", "peut", "peuvent", "était", "avait", "font"],
}
