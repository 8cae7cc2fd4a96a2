"""Redaction of personal information (heard.analysis.engine.redact): no database, no Django."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heard.analysis.engine.redact import (
    ADDRESS,
    EMAIL,
    NAME,
    PHONE,
    POSTAL_CODE,
    SIN,
    URL,
    Redaction,
    Span,
    luhn_valid,
    redact,
)

# --- Planted fixtures: (text, [(planted substring, kind), ...]) ----------------------------------

PLANTED = [
    (
        "Please contact Marie Tremblay at marie.tremblay@example.ca or (613) 555-0199 ext. 123.",
        [
            ("Marie Tremblay", NAME),
            ("marie.tremblay@example.ca", EMAIL),
            ("(613) 555-0199 ext. 123", PHONE),
        ],
    ),
    (
        "Écrivez-moi à jean.gagnon@exemple.qc.ca ou au 514.555.0142 poste 22, code postal H2X 1Y4.",
        [
            ("jean.gagnon@exemple.qc.ca", EMAIL),
            ("514.555.0142 poste 22", PHONE),
            ("H2X 1Y4", POSTAL_CODE),
        ],
    ),
    (
        "Call the line at 1-800-555-0123 or +1 416 555 0175; mail goes to k1a0b1.",
        [("1-800-555-0123", PHONE), ("+1 416 555 0175", PHONE), ("k1a0b1", POSTAL_CODE)],
    ),
    (
        "My SIN is 046 454 286, my friend's is 046-454-286 and the form says 046454286.",
        [("046 454 286", SIN), ("046-454-286", SIN), ("046454286", SIN)],
    ),
    (
        "See https://www.canada.ca/en/services.html, www.example.org/page and heard.gc.ca for more.",
        [
            ("https://www.canada.ca/en/services.html", URL),
            ("www.example.org/page", URL),
            ("heard.gc.ca", URL),
        ],
    ),
    (
        "I live at apt 4, 77 King St W in Toronto; before that at 123 Main Street.",
        [("apt 4, 77 King St W", ADDRESS), ("123 Main Street", ADDRESS)],
    ),
    (
        "Elle habite au 45 rue Sainte-Catherine Ouest, puis au 1200 boul. René-Lévesque à Montréal.",
        [("45 rue Sainte-Catherine Ouest", ADDRESS), ("1200 boul. René-Lévesque", ADDRESS)],
    ),
    (
        "Send it to PO Box 1234 or to case postale 56, Québec G1R 4S9.",
        [("PO Box 1234", ADDRESS), ("case postale 56", ADDRESS), ("G1R 4S9", POSTAL_CODE)],
    ),
    (
        "Je m'appelle Chantal Bouchard et Mme Nguyen m'a aidée; Dr. Kwame Osei aussi.",
        [("Chantal Bouchard", NAME), ("Nguyen", NAME), ("Kwame Osei", NAME)],
    ),
]


def _expected_spans(text: str, planted: list[tuple[str, str]]) -> list[Span]:
    spans = []
    for item, kind in planted:
        start = text.index(item)
        spans.append(Span(start, start + len(item), kind))
    return sorted(spans)


@pytest.mark.parametrize(("text", "planted"), PLANTED)
def test_planted_items_are_found_with_their_kinds_and_offsets(text, planted):
    result = redact(text)
    assert result.spans == _expected_spans(text, planted)
    for item, kind in planted:
        assert item not in result.text
        assert f"[{kind}]" in result.text


def test_redacted_text_is_the_original_with_placeholders():
    text = "Reach Marie Tremblay: marie@example.ca, 613-555-0199, K1A 0B1."
    result = redact(text)
    assert result.text == "Reach [NAME]: [EMAIL], [PHONE], [POSTAL_CODE]."
    # Rebuilding from the spans gives the same text.
    rebuilt, cursor = [], 0
    for span in result.spans:
        rebuilt += [text[cursor : span.start], f"[{span.kind}]"]
        cursor = span.end
    assert "".join([*rebuilt, text[cursor:]]) == result.text


def test_spans_are_json_and_never_hold_the_original_text():
    text = "Write to marie@example.ca, SIN 046 454 286."
    result = redact(text)
    dumped = json.dumps([span.to_dict() for span in result.spans])
    assert json.loads(dumped) == [
        {"start": 9, "end": 25, "kind": "EMAIL"},
        {"start": 31, "end": 42, "kind": "SIN"},
    ]
    assert "marie" not in json.dumps(result.to_dict())
    assert "046" not in json.dumps(result.to_dict())


def test_redaction_is_deterministic():
    text = " ".join(t for t, _ in PLANTED)
    first = redact(text)
    assert all(redact(text) == first for _ in range(3))
    assert isinstance(first, Redaction)


def test_text_without_personal_information_is_unchanged():
    text = "Survivors need housing, and the Prevention pillar needs more funding in 2025."
    assert redact(text) == Redaction(text, [])


# --- Social insurance numbers: the checksum decides ---------------------------------------------


def test_luhn():
    assert luhn_valid("046454286")
    assert not luhn_valid("046454287")
    assert not luhn_valid("123456789")


@pytest.mark.parametrize("sin", ["046 454 286", "046-454-286", "046454286", "130 692 544"])
def test_valid_sin_is_redacted(sin):
    result = redact(f"Mon NAS : {sin}.")
    assert result.text == "Mon NAS : [SIN]."
    assert result.spans[0].kind == SIN


@pytest.mark.parametrize("number", ["046 454 287", "123-456-789", "123456789", "111 222 334"])
def test_invalid_sin_is_kept(number):
    assert redact(f"Reference {number} in the file.").text == f"Reference {number} in the file."


def test_mixed_separators_are_not_a_sin():
    assert redact("Codes 046 454-286 differ.").spans == []


# --- Names: recall on planted names, precision on domain text without names -------------------

PLANTED_NAMES = [
    ("My name is {} and I was recruited online.", "Ayesha Rahman"),
    ("Je m'appelle {} et je travaille dans un refuge.", "Geneviève Lachance"),
    ("{} told us about the hotline.", "Michael Chen"),
    ("We spoke with {} from the shelter.", "Sarah Thompson"),
    ("Nous avons rencontré {} à Gatineau.", "Isabelle Fortin"),
    ("Dr. {} presented the findings.", "Okafor"),
    ("Mme {} a présenté le rapport.", "Bergeron"),
    ("M. {} a pris la parole.", "Pelletier"),
    ("Mr. {} asked about funding.", "Whitehorse"),
    ("Ms {} leads the outreach team.", "Kowalski"),
    ("Elder {} opened the session with a prayer.", "Mary Cardinal"),
    ("{} and her daughter left the situation.", "Jessica Morin"),
    ("Thanks to {} for organising the session.", "Kevin Singh"),
    ("Merci à {} pour son témoignage.", "Nathalie Côté"),
    ("The survivor, {}, asked us not to publish.", "Priya Sharma"),
    ("La survivante, {}, ne veut pas être citée.", "Sylvie Lavoie"),
    ("I am {} and I run a youth program.", "Daniel Roy"),
    ("Je suis {} et je suis intervenante.", "Julie Gauthier"),
    ("Call {} if you need help.", "Brian Campbell"),
    ("Appelez {} au besoin.", "Mélanie Girard"),
    ("Our coordinator {} was very helpful.", "Olivia MacDonald"),
    ("Notre coordonnatrice {} était présente.", "Émilie Desjardins"),
    ("{} said the police did not listen.", "Karen Wilson"),
    ("{} a dit que la police n'écoutait pas.", "Josée Ouellet"),
    ("A worker named {} helped her escape.", "Ahmed Hassan"),
    ("Une travailleuse nommée {} l'a aidée.", "Fatou Diallo"),
    ("The report was written by {}.", "Thomas O'Brien"),
    ("Le rapport a été rédigé par {}.", "Marc-André Lefebvre"),
    ("Sincerely, {}", "Rebecca Stone"),
    ("Cordialement, {}", "Yves Beaulieu"),
    ("Contact {} for details.", "Jennifer Wong"),
    ("Communiquez avec {} pour les détails.", "Pierre-Luc Caron"),
    ("We thank {} and the volunteers.", "Harpreet Gill"),
    ("Nous remercions {} et les bénévoles.", "Sophie Bélanger"),
    ("My sister {} was trafficked at sixteen.", "Tanya Bear"),
    ("Ma sœur {} a été exploitée.", "Audrey Poirier"),
    ("Officer {} took her statement.", "Gagnon"),
    ("Madame {} nous a accueillis.", "Leblanc"),
    ("The lawyer, {}, filed the claim.", "Samuel Goldberg"),
    ("L'avocate {} a déposé la demande.", "Valérie Boucher"),
    ("{} works at the friendship centre.", "Dakota Whitebear"),
    ("{} travaille au centre d'amitié.", "Kateri Jacobs"),
    ("Ask {} about the training.", "James Anderson"),
    ("Demandez à {} pour la formation.", "François Paquette"),
    ("I met {} at the bus station.", "Carlos Mendoza"),
    ("J'ai rencontré {} au terminus.", "Nadia Haddad"),
    ("Her recruiter, {}, promised a job.", "Dmitri Volkov"),
    ("Son recruteur, {}, lui a promis un emploi.", "Omar Khalil"),
    ("Prof. {} studies forced labour.", "Li Wei"),
    ("Signé : {}", "Hélène Dufour"),
]

NAME_FREE_SENTENCES = [
    "Public Safety Canada funds the Prevention pillar across the country.",
    "Indigenous women and girls are overrepresented among survivors.",
    "La GRC et les services de police municipaux doivent mieux collaborer.",
    "Participants in Winnipeg and Halifax asked for more shelter beds.",
    "The National Strategy to Combat Human Trafficking runs until 2024.",
    "Les survivantes du Québec demandent un meilleur accès au logement.",
    "Temporary Foreign Workers face a higher risk of labour exploitation.",
    "The RCMP and the Canada Border Services Agency shared data.",
    "Nous recommandons plus de formation pour les travailleurs de la santé.",
    "In March, the First Nations roundtable met in Thunder Bay.",
    "Protection and Prosecution are weaker than Partnerships in the North.",
    "Survivors said online recruitment through Instagram and TikTok is rising.",
    "Le Ministère de la Sécurité publique a financé trois projets en Ontario.",
    "Youth in British Columbia and Alberta reported new recruitment tactics.",
    "Empowerment programs for Métis and Inuit communities were praised.",
    "The Friendship Centre in Saskatoon runs a drop-in program on Fridays.",
    "Les organismes de Montréal et de Gatineau veulent un financement stable.",
    "Many respondents mentioned the Canadian Human Trafficking Hotline.",
    "Employment and Social Development Canada should inspect farms in the summer.",
    "Les jeunes du Nunavut et des Territoires du Nord-Ouest sont isolés.",
]


def test_name_recall_on_planted_names():
    found = 0
    missed = []
    for template, name in PLANTED_NAMES:
        text = template.format(name)
        result = redact(text)
        if name not in result.text and "[NAME]" in result.text:
            found += 1
        else:
            missed.append(name)
    recall = found / len(PLANTED_NAMES)
    assert len(PLANTED_NAMES) == 50
    assert recall >= 0.9, (recall, missed)
    assert recall == 1.0, missed  # measured: 50/50


def test_name_precision_on_domain_sentences_without_names():
    false_positives = [
        (sentence, [s.to_dict() for s in redact(sentence).spans])
        for sentence in NAME_FREE_SENTENCES
        if redact(sentence).spans
    ]
    assert len(NAME_FREE_SENTENCES) == 20
    assert len(false_positives) <= 2, false_positives
    assert false_positives == []  # measured: 0 of 20


def test_domain_words_are_kept():
    text = "Public Safety Canada, Indigenous partners and the Prevention pillar."
    assert redact(text).text == text


# --- Local numbers, first names alone, French names, places named after people ---------------


@pytest.mark.parametrize(
    "text", ["Call 731-1957 for a ride.", "Appelez le 731 1957.", "Text 482.3310 any time."]
)
def test_a_seven_digit_local_number_is_a_phone_number(text):
    assert [span.kind for span in redact(text).spans] == [PHONE]


@pytest.mark.parametrize(
    "text",
    [
        "The budget was 3,450,000 dollars, or 3 450 000 $.",
        "From 2018-2019 the caseload doubled; see section 279.011.",
        "Between 250-1500 people came, on 2019-06-12 at 9:30.",
        "Composez le 211 ou le 911; environ 1 200 appels en 18 mois.",
        "See page 123-4567 of the report.",
    ],
)
def test_ordinary_numbers_are_not_phone_numbers(text):
    assert redact(text).spans == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Robyn said the shelter was full.", "Robyn"),
        ("Hi Kelsey, here are our comments.", "Kelsey"),
        ("We miss Raven every day.", "Raven"),
        ("Our volunteer Shelby translated for the family.", "Shelby"),
        ("It was Imani who called the hotline.", "Imani"),
        ("Quand Maëlle est enfin partie, personne ne l'a crue.", "Maëlle"),
        ("Demandez à Ludovic pour les formulaires.", "Ludovic"),
        ("Aurèle m'a dit que l'agence gardait son passeport.", "Aurèle"),
        ("Merci, Anaïs, de nous avoir écoutés.", "Anaïs"),
    ],
)
def test_a_first_name_alone_is_found_from_what_surrounds_it(text, name):
    result = redact(text)
    assert name not in result.text and "[NAME]" in result.text, result.text


@pytest.mark.parametrize(
    "name", ["Timothée Raymond", "Gaëlle Létourneau", "Noël Saint-Amand", "Marc-Olivier D'Amours"]
)
def test_both_parts_of_a_french_name_go_even_at_the_start_of_a_sentence(name):
    for text in (f"{name} coordonne le programme.", f"Merci encore à {name} pour le cercle."):
        assert redact(text).text.split()[0 if text.startswith(name) else 3] == "[NAME]"
        assert not any(part in redact(text).text for part in name.split())


@pytest.mark.parametrize(
    "text",
    [
        "She was taken to Joseph Brant Hospital after the raid.",
        "The youth stayed in the Margaret Lee Unit for three weeks.",
        "We refer clients to Sophie's House and the Elizabeth Fry Society.",
        "Le personnel du pavillon Roger-Gaudry a reçu une formation.",
        "La jeune est restée dans l'unité Bellevue.",
        "Nous dirigeons nos clientes vers la Maison Hélène-Lacroix.",
        "Centre de santé Inuulitsivik dépiste maintenant la traite.",
        "I grew up in Flin Flon and left at sixteen.",
        "J'ai grandi à Matane.",
        "Our discussion kept coming back to support in Cree, Ojibwe and Inuktitut.",
        "Officers who see a girl with an older man often treat it as a runaway case.",
    ],
)
def test_hospitals_wards_organisations_and_towns_are_not_people(text):
    assert redact(text).spans == [], redact(text).text


def test_a_given_name_with_a_surname_that_is_also_a_place_word_is_a_person():
    assert redact("We spoke with Sarah Hall yesterday.").text == "We spoke with [NAME] yesterday."
    assert redact("Mr. Church came alone.").text == "Mr. [NAME] came alone."


# --- Property-based: no email-, phone- or postal-code-shaped string survives -------------------

EMAIL_SHAPED = re.compile(r"\S+@\S+\.\w+")
PHONE_SHAPED = re.compile(r"(?<!\d)\(?\d{3}\)?[\s.\-]{0,2}\d{3}[\s.\-]?\d{4}(?!\d)")
POSTAL_SHAPED = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]\d[A-Za-z][\s-]?\d[A-Za-z]\d(?![A-Za-z0-9])")

_letters = "abcdefghijklmnopqrstuvwxyz"
_words = st.text(alphabet=_letters + _letters.upper() + "éèàçô", min_size=1, max_size=10)
_separators = st.sampled_from([" ", "  ", ", ", ". ", "; ", " (", ") ", ": ", "\n", " - ", "! "])

_email_local = st.text(alphabet=_letters + "0123456789._+-", min_size=1, max_size=15).filter(
    lambda s: s[0] not in "._+-" and s[-1] not in "._+-"
)
_label = st.text(alphabet=_letters + "0123456789", min_size=1, max_size=12)
_tld = st.sampled_from(["ca", "com", "org", "net", "gc.ca", "qc.ca", "info", "fr"])
emails = st.builds(
    lambda local, labels, tld: f"{local}@{'.'.join(labels)}.{tld}",
    _email_local,
    st.lists(_label, min_size=1, max_size=3),
    _tld,
)

_digit = st.sampled_from("0123456789")
_first = st.sampled_from("23456789")


@st.composite
def phones(draw):
    area = draw(_first) + "".join(draw(st.lists(_digit, min_size=2, max_size=2)))
    exchange = draw(_first) + "".join(draw(st.lists(_digit, min_size=2, max_size=2)))
    line = "".join(draw(st.lists(_digit, min_size=4, max_size=4)))
    sep = draw(st.sampled_from(["-", ".", " ", ""]))
    area_part = draw(st.sampled_from([area + sep, f"({area}) ", f"({area})"]))
    prefix = draw(st.sampled_from(["", "+1 ", "1-", "1 ", "+1-", "+1"]))
    ext = draw(st.sampled_from(["", " ext. 12", " x123", " poste 4567", ", ext 9"]))
    return f"{prefix}{area_part}{exchange}{sep}{line}{ext}"


@st.composite
def postal_codes(draw):
    first = draw(st.sampled_from("ABCEGHJKLMNPRSTVXY"))
    other = st.sampled_from("ABCEGHJKLMNPRSTVWXYZ")
    code = f"{first}{draw(_digit)}{draw(other)}{draw(st.sampled_from([' ', '']))}"
    code += f"{draw(_digit)}{draw(other)}{draw(_digit)}"
    return draw(st.sampled_from([code, code.lower(), code.title()]))


@st.composite
def texts_with_planted(draw):
    """Random words and punctuation with planted items; returns (text, [(start, end, kind)])."""
    items = draw(
        st.lists(
            st.one_of(
                emails.map(lambda s: (s, EMAIL)),
                phones().map(lambda s: (s, PHONE)),
                postal_codes().map(lambda s: (s, POSTAL_CODE)),
            ),
            min_size=1,
            max_size=4,
        )
    )
    parts: list[str] = []
    planted = []
    position = 0
    for item, kind in items:
        filler = draw(_separators) + " ".join(draw(st.lists(_words, max_size=4)))
        filler += draw(_separators)
        parts.append(filler)
        position += len(filler)
        planted.append((position, position + len(item), kind))
        parts.append(item)
        position += len(item)
    tail = draw(_separators) + " ".join(draw(st.lists(_words, max_size=3)))
    parts.append(tail)
    return "".join(parts), planted


PROPERTY_SETTINGS = settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(texts_with_planted())
def test_no_email_phone_or_postal_code_shape_survives(case):
    text, _planted = case
    result = redact(text)
    assert not EMAIL_SHAPED.search(result.text), result.text
    assert not PHONE_SHAPED.search(result.text), result.text
    assert not POSTAL_SHAPED.search(result.text), result.text


@PROPERTY_SETTINGS
@given(texts_with_planted())
def test_spans_point_at_the_planted_items(case):
    text, planted = case
    spans = redact(text).spans
    for start, end, kind in planted:
        covering = [s for s in spans if s.start <= start and end <= s.end]
        assert covering, (text[start:end], kind, spans)
    exact = {(s.start, s.end, s.kind) for s in spans}
    assert all(item in exact for item in planted), (text, planted, spans)


@PROPERTY_SETTINGS
@given(st.text(max_size=200))
def test_redact_never_fails_and_spans_are_ordered_and_disjoint(text):
    result = redact(text)
    previous_end = 0
    for span in result.spans:
        assert previous_end <= span.start < span.end <= len(text)
        previous_end = span.end
