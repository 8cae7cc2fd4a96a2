"""Word lists and a high-recall heuristic for people's names, English and French.

No offline named entity model installs from the package registries with this project's
dependencies, so names are found by rules: a title (Mr, Mme, Dr...) before capitalised words, a
phrase such as "my name is" or "je m'appelle", a known given name, or a run of two or three
capitalised words none of which is a known non-name (a province, a city, an organisation, a month,
a pillar of the national strategy, a common sentence opener...). The rules favour recall: an
analyst would rather see a redacted place name than an unredacted survivor's name.

Pure Python, standard library only; imports no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


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
    samedi dimanche january february march april may june july august september october november
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
    rcmp grc cbsa asfc ircc ircc cisc opp spvm sq gc
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
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


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
            and first not in GIVEN_NAMES
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
    if len(caps) >= 2:
        return True
    if first in GIVEN_NAMES and first not in AMBIGUOUS_GIVEN:
        return True
    return bool(_WEAK_TRIGGER_RE.search(before)) and first in GIVEN_NAMES


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
    return True
