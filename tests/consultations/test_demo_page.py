"""The demo pages show every fact of the 2018 engagement, in English and in French."""

from __future__ import annotations

import re

import pytest

from heard.consultations.loading import load_folder

EN_URL = "/en/consultations/engagement-way-forward-end-human-trafficking/"
FR_URL = "/fr/consultations/consultation-voie-a-suivre-mettre-fin-traite-personnes/"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def demo(db, demo_folder):
    return load_folder(demo_folder).consultation


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [_text(row) for row in body.split("</tr>")[:-1]]


def test_english_page_shows_every_fact(client, demo):
    html = client.get(EN_URL).content.decode()
    text = _text(html)
    assert (
        "<h1>Engagement on the Way Forward to End Human Trafficking: closed consultation</h1>"
        in html
    )
    assert "Current status: Closed" in text
    assert "Public Safety Canada" in text
    # why
    for fact in [
        "public safety of women and girls",
        "great majority of the victims",
        "May 2002",
        "Transnational Organized Crime",
        "prevention",
        "protection",
        "prosecution",
        "partnerships",
        "From 2012 to 2016",
        "National Action Plan to Combat Human Trafficking",
        "still needs a national strategy",
    ]:
        assert fact in text, fact
    # who
    for sector in [
        "law enforcement",
        "criminal justice practitioners",
        "victim services",
        "Indigenous partners",
        "provincial and territorial governments",
        "non-governmental organisations",
        "the private sector",
        "subject-matter experts",
    ]:
        assert sector in text, sector
    # what
    assert "new national strategy" in text
    assert "gaps, emerging issues and trends" in text
    # summary of events: four sessions (Toronto over two days) and the questionnaire
    rows = _rows(html)
    assert len(rows) == 5
    assert "6 September 2018" in rows[0] and "Vancouver" in rows[0] and "By invitation" in rows[0]
    assert "10 September 2018" in rows[1] and "Winnipeg" in rows[1]
    assert "13 September 2018" in rows[2] and "Montreal" in rows[2]
    assert (
        "27 and 28 September 2018" in rows[3]
        and "Toronto" in rows[3]
        and "national summit" in rows[3]
    )
    assert "September 2018" in rows[4] and "Questionnaire for targeted stakeholders" in rows[4]
    # the request path
    assert "unable to attend a session" in rows[4]
    assert "2018 Human Trafficking Consultation Questionnaire" in rows[4]
    assert "Human Trafficking Task Force" in rows[4]
    # reporting commitments, until reports exist
    assert (
        "A full report on the consultation: given to participants and posted online for everyone"
        in text
    )
    assert "A detailed report on the questionnaire: given to participants and posted online" in text
    # related information
    for title in [
        "Human Trafficking",
        "National Action Plan to Combat Human Trafficking (2012–2016)",
        "2016–2017 Horizontal Evaluation of the National Action Plan",
        "The Way Forward to End Human Trafficking: A Discussion Paper",
        "2018 Human Trafficking Consultations Report",
    ]:
        assert f">{title}" in html, title
    assert "Contact us" in text and "mailto:human-trafficking-taskforce@demo.heard.example" in html
    assert re.search(r"Date modified: \d{4}-\d{2}-\d{2}", text)
    # closed: no “how to participate” section any more
    assert "How to participate" not in text


def test_french_page_shows_every_fact(client, demo):
    html = client.get(FR_URL).content.decode()
    text = _text(html)
    assert "traite des personnes\u00a0: consultation terminée</h1>" in html
    assert "État actuel : Terminée" in text
    assert "Sécurité publique Canada" in text
    for fact in [
        "sécurité publique des femmes et des filles",
        "mai 2002",
        "criminalité transnationale organisée",
        "prévention",
        "protection",
        "poursuites",
        "partenariats",
        "De 2012 à 2016",
        "Plan d'action national de lutte contre la traite de personnes",
        "besoin d'une stratégie nationale",
    ]:
        assert fact in text, fact
    for sector in [
        "les services de police",
        "justice pénale",
        "services aux victimes",
        "partenaires autochtones",
        "gouvernements provinciaux et territoriaux",
        "organisations non gouvernementales",
        "le secteur privé",
        "les experts en la matière",
    ]:
        assert sector in text, sector
    rows = _rows(html)
    assert "6 septembre 2018" in rows[0] and "Sur invitation" in rows[0]
    assert "10 septembre 2018" in rows[1] and "Winnipeg" in rows[1]
    assert "13 septembre 2018" in rows[2] and "Montréal" in rows[2]
    assert "27 et 28 septembre 2018" in rows[3] and "sommet national" in rows[3]
    assert "septembre 2018" in rows[4] and "Sur invitation ou sur demande" in rows[4]
    assert "Questionnaire de consultation 2018 sur la traite des personnes" in rows[4]
    assert (
        "Un rapport complet sur la consultation : remis aux participants et publié en ligne pour tous"
        in text
    )
    assert "Un rapport détaillé sur le questionnaire : remis aux participants" in text
    for title in [
        "Traite des personnes",
        "Rapport sur les consultations de 2018 sur la traite des personnes",
        "La voie à suivre pour mettre fin à la traite des personnes : document de discussion",
    ]:
        assert f">{title}" in html, title
    assert re.search(r"Date de modification : \d{4}-\d{2}-\d{2}", text)
    assert 'lang="fr"' in html


def test_language_toggle_points_at_the_same_page(client, demo):
    en = client.get(EN_URL).content.decode()
    fr = client.get(FR_URL).content.decode()
    assert f'<a href="{FR_URL}" lang="fr" hreflang="fr">Français</a>' in en
    assert f'<a href="{EN_URL}" lang="en" hreflang="en">English</a>' in fr


def test_a_slug_from_the_other_language_redirects_to_this_languages_address(client, demo):
    response = client.get("/fr/consultations/engagement-way-forward-end-human-trafficking/")
    assert response.status_code == 301
    assert response["Location"] == FR_URL
