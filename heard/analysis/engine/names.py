"""Word lists and a high-recall heuristic for people's names, English and French.

No offline named entity model installs from the package registries with this project's
dependencies, so names are found by rules: a title (Mr, Mme, Dr...) before capitalised words, a
phrase such as "my name is" or "je m'appelle", a known given name, or a run of two or three
capitalised words none of which is a known non-name (a province, a city, an organisation, a month,
a pillar of the national strategy, a common sentence opener...). The rules favour recall: an
analyst would rather see a redacted place name than an unredacted survivor's name.

Pure Python, standard library only (and the engine's own lexicons, to tell a common word from a
name); imports no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from heard.analysis.engine.bilingual import _rows, stem


def _set(words: str) -> frozenset[str]:
    """A set of words from a whitespace-separated list."""
    return frozenset(words.split())


# Common given names in English and French Canada (facts-level list, written for this module).
GIVEN_NAMES: frozenset[str] = _set(
    """
    Aaron Abigail Adam Adrian Aidan Alain Alan Albert Alex Alexander Alexandra Alexandre Alexis
    Alice Alicia Alison Amanda Amelia Amélie Amy Andrea Andrew Andrée André Angela Anne Annie
    Anna Anthony Antoine Ashley Audrey Aurélie Austin Ava Barbara Benjamin Benoît Bernard Beth
    Betty Bianca Brandon Brenda Brian Brigitte Bruno Caroline Carol Catherine Cathy Cédric
    Céline Chantal Charles Charlie Chloé Chloe Christian Christine Christopher Claire Claudette
    Claude Colin Connor Cynthia Daniel Danielle Daphné David Deborah Denis Denise Diane Dominique
    Donald Donna Dorothy Douglas Dylan Edward Élise Elizabeth Ella Ellen Émile Emily Emma Emmanuel
    Éric Eric Erica Étienne Ethan Evelyn Fatima Félix Florence Frances Francis François Françoise
    Frank Frédéric Gabriel Gabrielle Gary Geneviève Georges George Gérard Gilles Ginette Gregory
    Guillaume Hannah Harold Harry Hélène Henri Henry Hugo Huguette Ian Isabelle Isabella Jack
    Jacob Jacqueline Jacques James Jane Janet Jasmine Jason Jean Jean-François Jean-Pierre
    Jean-Marc Jean-Philippe Jeff Jeffrey Jennifer Jérôme Jessica Jimmy Joanne Joel Joël John
    Johanne Jonathan Joseph Josée Joshua Josiane Judith Judy Julia Julie Julien Justin Karen
    Katherine Kathleen Kayla Kelly Kenneth Kevin Kimberly Kyle Laura Laurence Laurent Lauren
    Léa Leah Léo Liam Linda Lisa Logan Louis Louise Lucas Luc Lucie Lynn Madeleine Madison Manon
    Marc Marc-André Marcel Margaret Maria Marie Marie-Claude Marie-Ève Marie-Josée Marie-Pier
    Marilyn Martin Mary Mathieu Mathis Matthew Maxime Megan Mélanie Melissa Michael Michel
    Michelle Mireille Mohamed Mohammed Monique Nancy Natalie Nathalie Nathan Nicholas Nicolas
    Nicole Noah Noémie Océane Olivia Olivier Pamela Pascal Patricia Patrick Paul Pauline Peter
    Philippe Pierre Pierre-Luc Rachel Raymond Réjean Rebecca Renée René Richard Robert Roger
    Ronald Rosalie Ryan Samantha Samuel Sandra Sarah Scott Sean Sébastien Serge Sharon Simon
    Simone Sophie Stephanie Stéphane Stéphanie Steven Susan Suzanne Sylvain Sylvie Thérèse
    Thomas Timothy Tyler Valérie Véronique Victor Vincent William Xavier Yannick Yves Zachary
    Zoé Ahmed Ali Amina Aisha Omar Priya Raj Wei Jun Li Mei Chen Hiroshi Yuki Kwame Ama Kofi
    Nadia Layla Yasmine Karim Youssef Ibrahim Fatou Moussa Aminata Mamadou Carlos Diego Sofia
    Lucia Mateo Elena Ivan Olga Anastasia Dmitri Arjun Ananya Rohan Sanjay Deepa Harpreet
    Gurpreet Manpreet Jaspreet Tenzin Nguyen Minh Anh Thanh Tanya Tara Shannon Dakota Cheyenne
    Kateri Tanis Sakura Noor Zainab Hassan Hussein Mariam Leila Rania Samir Sami
    """
)

# Given names that are also common words or places; matched only before a capitalised surname.
AMBIGUOUS_GIVEN: frozenset[str] = _set(
    "Will Mark Grace Hope Faith Joy Rose April May June Victoria Georgia Justice Summer Bill Guy "
    "Charity Amber Crystal Dawn Iris Ruby Violet Page Sterling Chase Hunter Glen Jean Li Chen "
    "Florence Laurence Dominique Claude Lynn Nguyen"
)

TITLES: frozenset[str] = _set(
    "mr mrs ms miss mx dr prof sir madam mister doctor professor elder chief constable sgt "
    "sergeant officer judge justice senator minister "
    "m mme mmes mlle mlles madame monsieur messieurs mesdames docteur docteure dre maître me "
    "professeur professeure aîné aînée chef agent agente juge sénateur sénatrice ministre"
)

# Capitalised words that are not people's names (compared lower-cased).
_STOP_TEXT = """
    the a an this that these those we our ours us i me my mine you your he she him her his hers it
    its they them their there here in on at for from with without when where what why how who
    which whom whose many most some several more less all any each every both either neither if
    but and or nor so also however after before during since because although though while as by
    to of not no yes please thank thanks dear hello hi regards sincerely best re subject note
    notes question questions answer response comment comments summary session sessions
    recommendation recommendations gap gaps issue issues trend trends then than just only even
    still yet again other another such same first second third next last new old one two three
    four five six seven eight nine ten once today tomorrow yesterday overall finally lastly
    additionally further furthermore moreover meanwhile currently recently some many few
    le la les l un une des du de d nous vous ils elles il elle on je j ce cet cette ces ça cela
    dans pour par avec sans quand où comment pourquoi qui que quoi quel quelle quels quelles
    plusieurs certains certaines tous toutes tout toute chaque mais et ou donc aussi cependant
    depuis selon merci bonjour madame monsieur notre nos votre vos leur leurs mon ma mes ton ta
    tes son sa ses en au aux sur sous entre vers chez si oui non enfin ensuite puis alors ainsi
    parmi pendant avant après lors lorsque toutefois néanmoins également
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi
    samedi dimanche mondays tuesdays wednesdays thursdays fridays saturdays sundays lundis mardis
    mercredis jeudis vendredis samedis dimanches weekend weekends
    january february march april may june july august september october november
    december janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    spring summer fall autumn winter printemps été automne hiver
    canada canadian canadians canadien canadienne canadiens canadiennes québec quebec québécois
    québécoise ontario manitoba saskatchewan alberta british columbia colombie britannique
    nouvelle écosse nova scotia new brunswick nouveau brunswick prince edward island île du
    prince édouard newfoundland labrador terre neuve yukon nunavut northwest territories
    territoires nord ouest toronto montreal montréal ottawa gatineau vancouver calgary edmonton
    winnipeg halifax regina saskatoon victoria moncton fredericton charlottetown whitehorse
    yellowknife iqaluit hamilton london kitchener waterloo windsor laval longueuil sherbrooke
    trois rivières saguenay lévis mississauga brampton surrey burnaby richmond kingston sudbury
    thunder bay st john john's saint sainte niagara oshawa barrie guelph kelowna kamloops
    nanaimo prince george lethbridge red deer brandon thompson whistler banff jasper
    america american americans united states mexico europe european france french english
    anglais français française british asia asian africa african ukraine ukrainian china
    chinese india indian philippines filipino syria syrian haiti haitian
    north south east west northern southern eastern western nord sud est ouest central
    rcmp grc cbsa asfc ircc ircc cisc opp spvm sq gc interpol europol unodc unicef onu iom oim
    ilo oit cree ojibwe oji-cree inuktitut dene mi'kmaq mohawk innu atikamekw anishinaabe
    anishinaabemowin tagalog punjabi spanish arabic mandarin cantonese urdu hindi somali tigrinya
    amharic vietnamese korean portuguese russian espagnol arabe
    royal mounted police gendarmerie service services department departments ministry
    ministère government gouvernement federal fédéral fédérale provincial provinciale
    territorial territoriale municipal municipale national nationale council conseil
    centre center centres association network réseau coalition foundation fondation society
    société agency agence office bureau commission committee comité program programme
    programs strategy stratégie action plan plans public publique safety sécurité security
    justice law loi act code criminal criminel criminelle court cour tribunal crown couronne
    human humaine humain trafficking traite personnes persons exploitation sexual sexuelle
    labour labor forced forcé forcée prevention prévention protection prosecution poursuites
    partnerships partenariats partnership partenariat empowerment autonomisation pillar pillars
    pilier piliers indigenous autochtone autochtones first nations nation premières métis inuit
    inuk aboriginal survivor survivors survivante survivant survivantes survivants victim
    victims victime victimes women femmes woman femme men hommes youth jeunes jeunesse children
    enfants child enfant girls filles boys garçons family families famille familles community
    communities communauté communautés health santé social sociale sociales mental wellness
    bien être housing logement shelter shelters refuge refuges hébergement immigration
    immigrants immigrant refugee refugees réfugiés réfugiées citizenship citoyenneté border
    borders frontière frontières employment emploi workers travailleurs travailleuses
    migrant migrants temporary foreign étrangers étrangères university université college
    collège school école hospital hôpital clinic clinique church église friendship centres
    native ndn elders youth led task force groupe travail working group table ronde roundtable
    forum forums consultation consultations engagement engagements heard report rapport
    annex annexe appendix annexe table figure section chapter chapitre part partie article
    internet online en ligne facebook instagram tiktok twitter google microsoft amazon apple
    meta whatsapp telegram snapchat
    combat combattre lutte lutter contre against national nationale strategy framework cadre
    victims services services aux victimes support soutien aide help assistance resources
    ressources training formation awareness sensibilisation education éducation data données
    research recherche funding financement grants subventions ngo ngos ong organisation
    organisations organization organizations sector secteur private privé privée nonprofit
    nonprofits charity charities hotline ligne urgence emergency line crisis crise
    outreach lodge house houses place haven home homes manor hall inn hotel motel villa
    residence résidence maison maisons foyer foyers refuge sanctuary harbour drop-in café cafe
    fort mcmurray grande prairie medicine hat corner brook sault timmins rouyn noranda
    chicoutimi rimouski baie comeau sept îles yarmouth truro bathurst miramichi dawson creek
    quesnel cranbrook penticton chilliwack abbotsford courtenay inuvik rankin inlet
    kuujjuaq puvirnituq goose
    las los san santa vegas angeles francisco diego york boston seattle chicago detroit buffalo
    miami dallas houston atlanta orlando phoenix portland minneapolis
    """
STOP_WORDS: frozenset[str] = _set(_STOP_TEXT)

# Lower-case particles allowed inside a name ("Jean de Brébeuf", "Ludwig van Beethoven").
PARTICLES: frozenset[str] = _set("de du des d' van von der den da di del della bin ibn al el ben")

# Class nouns of institutions and places. A run of capitalised words that holds one ("Joseph
# Brant Hospital", "the Fraser Wing", "Cold Lake") or follows one ("Maison Marguerite", "le pavillon
# Roger-Gaudry", "l'unité Bellevue") names a hospital, a ward, an organisation or a place, even when
# it is named after a person. General words written from the kinds of places a consultation names,
# never from a benchmark's lists; tests/analysis/test_bench_hygiene.py pins the list.
DESIGNATORS: frozenset[str] = _set(
    """
    hospital hospitals infirmary clinic clinics centre center centres centers medical health
    memorial sanatorium hospice wing unit units ward wards pavilion building tower hall lodge
    house houses manor society association foundation institute institution agency council
    coalition network alliance union church cathedral chapel mission parish shelter school
    college university academy library museum park arena street avenue road boulevard river
    lake lakes falls bay harbour harbor creek valley hills heights springs point island landing
    junction crossing mills beach mountain prairie reserve band inc ltd corp corporation company
    group club fund trust bank hotel motel inn café restaurant store market mall plaza square
    station airport office department ministry police court army navy cross project program
    programme services service sound portage way port fort mount outreach place
    hôpital hôpitaux hôtel-dieu clinique centre pavillon aile unité unités maison maisons foyer
    refuge fondation société association regroupement comité conseil réseau coalition service
    services sûreté école collège cégep université église paroisse rivière lac baie mont pointe
    île chute chutes cap havre régie commission ministère caisse banque hôtel auberge
    résidence campus clsc cisss ciusss calacs cavac
    """
)

# Words before a single capitalised word that make it a place: "in Dauphin", "near Amos",
# "à Matane", "dans Lanaudière". ("from", "to" and "at" are left out: "from Robyn".)
PLACE_BEFORE: frozenset[str] = _set("in near outside around across inside dans près vers en")

# After "à" a capitalised word is a place ("grandi à Matane") unless a verb of speaking or giving
# comes first ("merci à Robyn", "demandez à Robyn").
_TO_A_PERSON = _set(
    "merci demandez demander demandé demande parlé parler parlez parle dit dire dites écrit "
    "écrire écrivez téléphoné téléphonez répondu expliqué raconté montré donné donnez envoyé "
    "envoyez offert remis présenté présentez confié confiée grâce"
)

# Words before a first name alone: greetings, "with Robyn", "told Robyn". A capitalised word
# after one of these is a name even when no list knows it.
PERSON_BEFORE: frozenset[str] = _set(
    "hi hello hey dear thanks thank with told tell ask asked asking and named called "
    "bonjour salut allô cher chère chers merci avec et nommé nommée appelé appelée demandez dites"
)

# Words after a capitalised word that make it a person: "Robyn said", "Robyn m'a dit".
PERSON_AFTER: frozenset[str] = _set(
    "said says told tells asked asks explained explains mentioned wrote writes thinks thought "
    "believes believed feels felt remembers remembered wanted wants agreed cried laughed replied "
    "added noted shared knew knows finally herself himself "
    "dit raconte racontait explique expliquait pense pensait croit croyait voulait veut disait "
    "répond répondait ajoute m me nous vous lui t te s se who qui"
)

# Common words that may open a sentence before a name ("Reach Marie Tremblay", "Ask Sarah
# Okafor"): the opener is dropped from the name. A capitalised opener that is not one of these
# belongs to the name ("Timothée Raymond").
OPENERS: frozenset[str] = _set(
    "reach contact ask call email write tell thank thanks see meet invite please talk speak "
    "and but so when then also only even dear hi hello hey according cc attn attention "
    "joignez contactez demandez appelez écrivez remerciez voyez rencontrez invitez parlez "
    "selon merci bonjour salut chère cher attention aussi mais quand puis alors when if because "
    "after before while since once or lorsque lorsqu si parce depuis après avant pendant dès ou"
)

# Phrases after which the next capitalised word(s) are taken as a name even if unknown.
_TRIGGER_RE = re.compile(
    r"(?i:\b(?:my\s+name\s+is|my\s+name's|call\s+me|i\s+am\s+called|signed|sincerely|regards|"
    r"je\s+m['’]appelle|mon\s+nom\s+est|je\s+me\s+nomme|signé|cordialement|name|nom)"
    r"\s*[:,]?\s*)$"
)
# Weaker triggers: the next word is a name only if it is a known given name or starts a run.
_WEAK_TRIGGER_RE = re.compile(r"(?i:\b(?:i\s+am|i['’]m|je\s+suis|c['’]est|it['’]s)\s+)$")

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_CAP_RE = re.compile(
    rf"^(?:[{_UPPER}]['’])?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
    rf"(?:[-'’][{_UPPER}][{_LOWER}]+)*$"
)
# Words, with their hyphens and apostrophes ("Marie-Ève", "O'Neill", "l'unité"), but not an
# English possessive: "Navjot Baptiste's report" names "Navjot Baptiste".
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’](?![sS]\b)[^\W\d_]+)*")


def _kind(word: str, following: str) -> str:
    low = word.lower()
    if low in TITLES and (following.startswith(".") or word[0].isupper()) and word[0].isupper():
        return "title"
    if len(word) == 1 and word.isupper() and following.startswith("."):
        return "initial"
    if _CAP_RE.match(word):
        return "cap"
    if low in PARTICLES:
        return "particle"
    return "other"


def _is_stop(word: str) -> bool:
    low = word.lower()
    if low in STOP_WORDS:
        return True
    # Hyphenated place and organisation names: stop if every part is a stop word.
    parts = re.split(r"[-'’]", low)
    return len(parts) > 1 and all(p in STOP_WORDS or p in PARTICLES for p in parts if p)


def find_names(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of likely people's names in ``text``."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
    n = len(words)
    i = 0
    while i < n:
        _start, end, word = words[i]
        kind = _kind(word, text[end : end + 1])
        if kind not in ("cap", "initial"):
            i += 1
            continue
        # Collect a run of cap/initial/particle tokens separated by spaces (or an initial's dot).
        run = [i]
        j = i + 1
        while j < n:
            gap = text[words[j - 1][1] : words[j][0]]
            prev_kind = _kind(words[j - 1][2], text[words[j - 1][1] : words[j - 1][1] + 1])
            allowed_gap = gap in (" ", "\u00a0") or (prev_kind == "initial" and gap in (". ", "."))
            if not allowed_gap:
                break
            k = _kind(words[j][2], text[words[j][1] : words[j][1] + 1])
            if k in ("cap", "initial", "particle"):
                run.append(j)
                j += 1
                continue
            break
        # Trailing particles do not belong to the name.
        while run and _kind(words[run[-1]][2], "") == "particle":
            run.pop()
        yield from _judge_run(text, words, run)
        i = j if j > i else i + 1


def _judge_run(
    text: str, words: list[tuple[int, int, str]], run: list[int]
) -> Iterator[tuple[int, int]]:
    """Split a run at stop words and decide which pieces are names."""
    if _institution(text, words, run):
        return
    if len(run) == 2 and _given_and_place_word(words, run):
        yield words[run[0]][0], words[run[1]][1]  # "Sarah Hall", "Jennifer Park"
        return
    pieces: list[list[int]] = []
    current: list[int] = []
    # After a title ("Mr. Whitehorse", "Mme Laval") the first word is a name even if it is
    # also a place or a common word.
    titled = bool(run) and _after_title(text, words, run[0])
    for idx in run:
        word = words[idx][2]
        is_cap = _kind(word, text[words[idx][1] : words[idx][1] + 1]) == "cap"
        if is_cap and _is_stop(word) and not (titled and idx == run[0]):
            if current:
                pieces.append(current)
            current = []
        else:
            current.append(idx)
    if current:
        pieces.append(current)
    for piece in pieces:
        # Drop leading/trailing particles.
        while piece and words[piece[0]][2].lower() in PARTICLES:
            piece = piece[1:]
        while piece and words[piece[-1]][2].lower() in PARTICLES:
            piece = piece[:-1]
        if not piece:
            continue
        caps = [
            i for i in piece if _kind(words[i][2], text[words[i][1] : words[i][1] + 1]) == "cap"
        ]
        if not caps:
            continue
        if not _is_name(text, words, piece, caps):
            continue
        # A capitalised word opening a sentence ("Reach Marie Tremblay") is dropped when the
        # rest is a name by itself; otherwise the whole run is kept, for recall.
        first = words[caps[0]][2]
        if (
            caps[0] == piece[0]
            and _sentence_start(text, words[piece[0]][0])
            and first.lower() in OPENERS
            and len(caps) >= 2
        ):
            rest = piece[1:]
            while rest and words[rest[0]][2].lower() in PARTICLES:
                rest = rest[1:]
            if rest and _is_name(text, words, rest, caps[1:]):
                piece = rest
        yield words[piece[0]][0], words[piece[-1]][1]


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].rstrip(" \t\"'“«(\u00a0")
    return not before or before[-1] in ".!?:;\n•*-–—"


def _is_name(
    text: str, words: list[tuple[int, int, str]], piece: list[int], caps: list[int]
) -> bool:
    first_start = words[piece[0]][0]
    before = text[max(0, first_start - 40) : first_start]
    first = words[caps[0]][2]
    if _after_title(text, words, piece[0]) or _TRIGGER_RE.search(before):
        return True
    known = first in GIVEN_NAMES and first not in AMBIGUOUS_GIVEN
    previous, gap, earlier = _word_before(text, first_start)
    if not known and _place_before(previous, gap, earlier, len(caps)):
        return False  # "in Flin Flon", "à Matane", "at Tim Hortons"
    following, after_gap = _word_after(text, words[piece[-1]][1])
    if _owns_institution(text, words[piece[-1]][1]):
        return False  # "Joseph's Health Centre", "Sophie's House"
    if len(caps) >= 2 or known:
        return True
    if first in GIVEN_NAMES and _WEAK_TRIGGER_RE.search(before):
        return True
    # A first name alone, known from what surrounds it: "Hi Robyn", "with Robyn", "Robyn said",
    # "Robyn m'a dit", "Merci, Robyn".
    if (
        previous in PERSON_BEFORE
        and gap in (" ", ", ", "\u00a0")
        and not (previous in ("and", "et") and _sentence_start(text, first_start - len(gap) - 3))
    ):
        return True
    if previous == "you" and earlier == "thank" and gap == ", ":
        return True
    if previous == "à" and earlier in _TO_A_PERSON and gap in (" ", "\u00a0"):
        return True  # "demandez à Robyn"
    common = _common_word(first)
    if not common and after_gap in (" ", "\u00a0") and _says(text, words[piece[-1]][1], following):
        return True
    if common or _listed_with_non_names(text, first_start, words[piece[-1]][1]):
        return False
    # Inside a sentence, an unknown capitalised word that no article or place word comes before
    # and no designator follows is taken for a name: "We miss Raven every day", "Our volunteer
    # Shelby translated". Recall first: a redacted brand costs less than a survivor's name. A
    # capitalised word just before ("North Battleford", "United Way") makes it part of a place or
    # an organisation's name instead.
    before_word = _WORD_RE.findall(text[max(0, first_start - 40) : first_start])
    return (
        not _sentence_start(text, first_start)
        and previous not in NOT_A_PERSON_BEFORE
        and not (
            gap in (" ", "\u00a0")
            and before_word
            and before_word[-1][:1].isupper()
            and before_word[-1].lower() not in OPENERS
        )
        and not (following in DESIGNATORS and after_gap in (" ", "\u00a0"))
    )


# "Robyn a dit", "Robyn a appelé": French "a" before a past participle (English "a" is an article).
_PARTICIPLE_RE = re.compile(r"(?:é|ée|és|ées|i|is|it|u|ue|ert|ait)$")


def _says(text: str, end: int, following: str) -> bool:
    """Whether the words after ``end`` make what comes before a person: "said", "m'a dit"."""
    if following in PERSON_AFTER:
        return True
    if following != "a":
        return False
    found = list(_WORD_RE.finditer(text, end, end + 40))
    return len(found) > 1 and bool(_PARTICIPLE_RE.search(found[1].group().lower()))


@cache
def _common_words() -> tuple[frozenset[str], frozenset[str]]:
    """French word forms and English stems from the engine's lexicons: ordinary words."""
    english = set()
    for word, concept in _rows("lexicon_en.tsv"):
        english.add(stem(word.lower()))
        english.update(stem(part) for part in concept.lower().split())
    french = set()
    for word, concept in _rows("lexicon_fr_en.tsv"):
        french.add(word.lower())
        english.update(stem(part) for part in concept.lower().split())
    return frozenset(french), frozenset(english)


def _common_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary word of English or French ("Officers",
    "Leaving", "Ceux", "Bridges") rather than a name a list would not know."""
    french, english = _common_words()
    low = word.lower()
    return low in french or stem(low) in english or low in STOP_WORDS


def _listed_with_non_names(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word sits in a list beside a known non-name: "Cree, Ojibwe and
    Inuktitut", "Mexico, Guatemala or the Philippines"."""
    before = list(_WORD_RE.finditer(text, max(0, start - 40), start))
    after = list(_WORD_RE.finditer(text, end, end + 40))
    neighbours = []
    if before:
        last = before[-1]
        if text[last.end() : start] == ", ":
            neighbours.append(last.group())
        elif last.group().lower() in ("and", "or", "et", "ou") and len(before) > 1:
            neighbours.append(before[-2].group())
    if after:
        first = after[0]
        if text[end : first.start()] == ", ":
            neighbours.append(first.group())
        elif first.group().lower() in ("and", "or", "et", "ou") and len(after) > 1:
            neighbours.append(after[1].group())
    return any(word[:1].isupper() and _is_stop(word) for word in neighbours)


_POSSESSIVE_RE = re.compile(r"['’]s\s+")


def _owns_institution(text: str, end: int) -> bool:
    """Whether a name is followed by "'s" and a capitalised institution: "Sophie's House"."""
    possessive = _POSSESSIVE_RE.match(text, end)
    if not possessive:
        return False
    for match in _WORD_RE.finditer(text, possessive.end(), possessive.end() + 60):
        word = match.group()
        if not word[:1].isupper():
            return False
        if _bare(word) in DESIGNATORS:
            return True
    return False


def _bare(word: str) -> str:
    """A word in lower case without a French elided article ("l'unité" → "unité")."""
    low = word.lower()
    parts = re.split(r"['’]", low)
    return parts[-1] if len(parts) == 2 and len(parts[0]) <= 2 else low


def _word_before(text: str, start: int) -> tuple[str, str, str]:
    """The word before ``start`` (bare, lower case), what separates them, and the word before."""
    window = text[max(0, start - 60) : start]
    found = list(_WORD_RE.finditer(window))
    if not found:
        return "", window, ""
    last = found[-1]
    earlier = _bare(found[-2].group()) if len(found) > 1 else ""
    return _bare(last.group()), window[last.end() :], earlier


def _word_after(text: str, end: int) -> tuple[str, str]:
    """The word after ``end`` in lower case, cut at an apostrophe ("m'a" → "m"), and the gap."""
    window = text[end : end + 40]
    found = _WORD_RE.search(window)
    if not found:
        return "", window
    return re.split(r"['’]", found.group().lower())[0], window[: found.start()]


def _place_before(previous: str, gap: str, earlier: str, caps: int) -> bool:
    """Whether the words before ``caps`` capitalised words make them a place or an
    organisation: "in Flin Flon", "at Tim Hortons"; one word after "from", "à", "au"."""
    if gap not in (" ", "\u00a0"):
        return False
    if previous in PLACE_BEFORE or previous == "at":
        return True
    if caps > 1:  # "Merci encore à Gaëlle Létourneau", "a letter from Sarah Okafor"
        return False
    if previous in ("au", "aux", "from"):
        return True
    return previous == "à" and earlier not in _TO_A_PERSON


_FRENCH_ARTICLES = _set("le la les du des au aux un une ce cette")

# Words before a capitalised word that make it something other than a person: articles and
# determiners ("the Salvation Army", "la Sortie"), "at" ("at Walmart") and "of" ("the town of").
NOT_A_PERSON_BEFORE: frozenset[str] = _set(
    "the a an this that these those at of by le la les l un une du des de d au aux ce cet "
    "cette ces sur par"
)


def _institution(text: str, words: list[tuple[int, int, str]], run: list[int]) -> bool:
    """Whether a run of capitalised words names an institution or a place (see DESIGNATORS)."""
    titled = _after_title(text, words, run[0])
    if titled and len(run) == 1:
        return False  # "Mr. Church"
    bare = [_bare(words[i][2]) for i in run]
    if any(word in DESIGNATORS for word in bare):
        return not (len(run) == 2 and _given_and_place_word(words, run))
    if run[0] == 0:
        return False
    # A capitalised designator a few words before, across small words: "Centre de santé
    # Inuulitsivik", "Hôpital régional Chaleur".
    for back in range(1, 4):
        index = run[0] - back
        if index < 0 or "." in text[words[index][1] : words[index + 1][0]]:
            break
        word = words[index][2]
        if word[:1].isupper() and _bare(word) in DESIGNATORS:
            return True
        if word[:1].isupper():
            break
    # A designator just before, in French with its article: "le pavillon Roger-Gaudry",
    # "l'unité Bellevue", "la maison Marguerite". ("the centre Robyn runs" is left alone.)
    _start, end, word = words[run[0] - 1]
    if text[end : words[run[0]][0]] not in (" ", "\u00a0") or _bare(word) not in DESIGNATORS:
        return False
    if _bare(word) != word.lower():
        return True  # the article is elided into the word
    previous, gap, _earlier = _word_before(text, words[run[0] - 1][0])
    return previous in _FRENCH_ARTICLES and gap in (" ", "\u00a0")


def _after_title(text: str, words: list[tuple[int, int, str]], idx: int) -> bool:
    """True if the word before ``idx`` is a title such as "Dr", "Mme" or "M."."""
    if idx == 0:
        return False
    _pstart, pend, pword = words[idx - 1]
    gap = text[pend : words[idx][0]]
    if gap not in (" ", ". ", "\u00a0", ".\u00a0"):
        return False
    low = pword.lower()
    if low not in TITLES or not pword[0].isupper():
        return False
    if low == "m":  # the French "M." needs its dot
        return gap.startswith(".")
    # A full stop after a title written in full ends a sentence: "the Calls for Justice. Other…"
    return not gap.startswith(".") or low in _ABBREVIATED_TITLES


def _given_and_place_word(words: list[tuple[int, int, str]], run: list[int]) -> bool:
    """ "Sarah Hall", "Jennifer Park": a known given name, then a designator, is a person."""
    first, second = words[run[0]][2], words[run[1]][2]
    return (
        first in GIVEN_NAMES
        and first not in AMBIGUOUS_GIVEN
        and _bare(first) not in DESIGNATORS
        and _bare(second) in DESIGNATORS
        and second[:1].isupper()
    )


_ABBREVIATED_TITLES = _set("mr mrs ms mx dr prof sgt m mme mmes mlle mlles dre me")
