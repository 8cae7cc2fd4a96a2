"""French interface strings, kept here as data and written into the gettext catalogue.

`make messages` runs makemessages, then this script fills every msgstr from TRANSLATIONS and fails
if any msgid has no French, so a new English string can never ship untranslated.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "heard/locale/fr/LC_MESSAGES/django.po"

# Keys are the English msgids ("context\x04msgid" for strings with a context); values are the
# French, or (singular, plural) for plural forms.
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    "%(start)s to %(end)s": "du %(start)s au %(end)s",
    "%(first)s and %(last)s %(month_year)s": "%(first)s et %(last)s %(month_year)s",
    "%(first)s to %(last)s %(month_year)s": "du %(first)s au %(last)s %(month_year)s",
    "%(count)d day": ("%(count)d jour", "%(count)d jours"),
    "%(count)d hour": ("%(count)d heure", "%(count)d heures"),
    "Time zone": "Fuseau horaire",
    "Dates below are in this time zone.": "Les dates ci-dessous sont exprimées dans ce fuseau horaire.",
    "Opens": "Ouverture",
    "Closes": "Clôture",
    "Closed early on": "Clôturée plus tôt le",
    "Only if the consultation closed before its planned date.": "Seulement si la consultation a pris fin avant la date prévue.",
    "Letters, digits and hyphens; the page address after /en/consultations/.": "Lettres, chiffres et traits d'union ; l'adresse de la page après /en/consultations/.",
    "Letters, digits and hyphens; the page address after /fr/consultations/.": "Lettres, chiffres et traits d'union ; l'adresse de la page après /fr/consultations/.",
    "Markdown: *emphasis*, lists, [links](https://…).": "Markdown : *emphase*, listes, [liens](https://…).",
    "The closing date must come after the opening date.": "La date de clôture doit suivre la date d'ouverture.",
    "An early closing must fall between the opening and closing dates.": "Une clôture anticipée doit se situer entre les dates d'ouverture et de clôture.",
    "Username": "Nom d'utilisateur",
    "Role": "Rôle",
    "Remove from this consultation": "Retirer de cette consultation",
    "No active staff account has this username.": "Aucun compte actif du personnel ne porte ce nom d'utilisateur.",
    "“%(value)s” is not a known time zone; use a name such as America/Toronto.": "« %(value)s » n'est pas un fuseau horaire connu ; utilisez un nom comme America/Toronto.",
    "name (English)": "nom (anglais)",
    "name (French)": "nom (français)",
    "Stable identifier used by `heard load`; never shown to the public.": "Identifiant stable utilisé par `heard load` ; jamais montré au public.",
    "address (English)": "adresse (anglais)",
    "address (French)": "adresse (français)",
    "title (English)": "titre (anglais)",
    "title (French)": "titre (français)",
    "summary (English)": "résumé (anglais)",
    "summary (French)": "résumé (français)",
    "description (English)": "description (anglais)",
    "description (French)": "description (français)",
    "objectives (English)": "objectifs (anglais)",
    "objectives (French)": "objectifs (français)",
    "why we are consulting (English)": "pourquoi nous consultons (anglais)",
    "why we are consulting (French)": "pourquoi nous consultons (français)",
    "who is the focus (English)": "personnes visées (anglais)",
    "who is the focus (French)": "personnes visées (français)",
    "what we are consulting on (English)": "objet de la consultation (anglais)",
    "what we are consulting on (French)": "objet de la consultation (français)",
    "how to participate (English)": "comment participer (anglais)",
    "how to participate (French)": "comment participer (français)",
    "department (English)": "ministère (anglais)",
    "department (French)": "ministère (français)",
    "contact (English)": "personne-ressource (anglais)",
    "contact (French)": "personne-ressource (français)",
    "contact email": "courriel de la personne-ressource",
    "time zone": "fuseau horaire",
    "opens": "ouverture",
    "closes": "clôture",
    "closed early on": "clôturée plus tôt le",
    "Set only when the consultation was closed before its planned closing date.": "À remplir seulement si la consultation a pris fin avant la date de clôture prévue.",
    "published": "publiée",
    "Shown as “Date modified”; moved by every change to the page or its parts.": "Affichée comme « Date de modification » ; mise à jour à chaque changement de la page "
    "ou de ses parties.",
    "Consultation lead": "Responsable de la consultation",
    "Viewer": "Observateur",
    "Regional session": "Séance régionale",
    "National summit": "Sommet national",
    "Roundtable": "Table ronde",
    "Webinar": "Webinaire",
    "Other event": "Autre événement",
    "Questionnaire": "Questionnaire",
    "Written submissions": "Mémoires écrits",
    "Other activity": "Autre activité",
    "In person": "En personne",
    "Virtual": "Virtuel",
    "In person and virtual": "En personne et virtuel",
    "Online": "En ligne",
    "By invitation": "Sur invitation",
    "Open registration": "Inscription ouverte",
    "By invitation or on request": "Sur invitation ou sur demande",
    "Open to all": "Ouvert à tous",
    "Exact dates": "Dates exactes",
    "Month only": "Mois seulement",
    "Stable identifier within the consultation (used by `heard load`).": "Identifiant stable au sein de la consultation (utilisé par `heard load`).",
    "kind": "type",
    "details (English)": "précisions (anglais)",
    "details (French)": "précisions (français)",
    "format": "format",
    "city (English)": "ville (anglais)",
    "city (French)": "ville (français)",
    "venue (English)": "lieu (anglais)",
    "venue (French)": "lieu (français)",
    "start date": "date de début",
    "end date": "date de fin",
    "For events over several days.": "Pour les événements de plusieurs jours.",
    "start time": "heure de début",
    "end time": "heure de fin",
    "date shown as": "date affichée sous forme de",
    "The local time zone of the city; blank means the consultation's.": "Le fuseau horaire local de la ville ; vide, c'est celui de la consultation.",
    "participation": "participation",
    "what will be published (English)": "ce qui sera publié (anglais)",
    "what will be published (French)": "ce qui sera publié (français)",
    "for whom, and how (English)": "pour qui, et comment (anglais)",
    "for whom, and how (French)": "pour qui, et comment (français)",
    "A full phrase, e.g. “given to participants and posted online”.": "Une phrase complète, par exemple « remis aux participants et publié en ligne ».",
    "Upcoming": "À venir",
    "This consultation opens on %(opens)s and closes on %(closes)s.": "Cette consultation commence le %(opens)s et prend fin le %(closes)s.",
    "Open": "Ouverte",
    "This consultation runs from %(opens)s to %(closes)s.": "Cette consultation se déroule du %(opens)s au %(closes)s.",
    "Closed early": "Terminée plus tôt que prévu",
    "This consultation opened on %(opens)s and closed early on %(closed)s; it had been planned "
    "to close on %(closes)s.": "Cette consultation a commencé le %(opens)s et a pris fin plus tôt que prévu, le "
    "%(closed)s ; sa clôture était prévue le %(closes)s.",
    "Closed": "Terminée",
    "This consultation ran from %(opens)s to %(closes)s.": "Cette consultation s'est déroulée du %(opens)s au %(closes)s.",
    "Publishing refused; missing: %s": "Publication refusée ; il manque : %s",
    "Schedule item": "Élément du calendrier",
    "Related link": "Lien connexe",
    "Reporting commitment": "Engagement de compte rendu",
    "A consultation must keep at least one lead.": "Une consultation doit toujours avoir au moins un responsable.",
    "Only a consultation lead can do this.": "Seul un responsable de la consultation peut faire cela.",
    "Your account cannot create consultations.": "Votre compte ne peut pas créer de consultations.",
    "Consultation created. It stays private until you publish it.": "Consultation créée. Elle reste privée jusqu'à ce que vous la publiiez.",
    "Changes saved.": "Modifications enregistrées.",
    "Nothing had changed.": "Aucune modification.",
    "schedule item": "élément du calendrier",
    "related link": "lien connexe",
    "reporting commitment": "engagement de compte rendu",
    "Saved.": "Enregistré.",
    "Deleted.": "Supprimé.",
    "Published. The page is now public.": "Publiée. La page est maintenant publique.",
    "Unpublished. The page is no longer public.": "Publication retirée. La page n'est plus publique.",
    "Membership updated.": "Équipe mise à jour.",
    "English": "Anglais",
    "French": "Français",
    "Skip to main content": "Passer au contenu principal",
    "Language selection": "Choix de la langue",
    "%(site)s — public consultations in English and French.": "%(site)s — consultations publiques en français et en anglais.",
    "Preview: this is how the page will look to the public.": "Aperçu : voici la page telle que le public la verra.",
    "It is not published.": "Elle n'est pas publiée.",
    "Back to the staff area": "Retour à l'espace du personnel",
    ": closed consultation": " : consultation terminée",
    "Current status:": "État actuel :",
    "Time left: %(left)s.": "Temps restant : %(left)s.",
    "Objectives": "Objectifs",
    "How to participate": "Comment participer",
    "Who is the focus of this consultation": "Personnes visées par cette consultation",
    "What we are consulting on": "Objet de la consultation",
    "Why your participation matters": "Pourquoi votre participation est importante",
    "Summary of events": "Sommaire des activités",
    "Date": "Date",
    "Event": "Activité",
    "Location": "Lieu",
    "Participation": "Participation",
    "What we heard": "Ce que nous avons entendu",
    "When the consultation is over, we will publish:": "Une fois la consultation terminée, nous publierons :",
    "%(document)s: %(audience)s": "%(document)s : %(audience)s",
    "A report on what we heard will be published here.": "Un rapport sur ce que nous avons entendu sera publié ici.",
    "Related information": "Renseignements connexes",
    "Contact us": "Contactez-nous",
    "Email:": "Courriel :",
    "Date modified:": "Date de modification :",
    "Consultations": "Consultations",
    "Find a consultation, see how to take part, and read what was heard.": "Trouvez une consultation, voyez comment y participer et lisez ce qui a été entendu.",
    "Find consultations": "Trouver des consultations",
    "Search": "Rechercher",
    "Status": "État",
    "Any status": "Tous les états",
    "Year": "Année",
    "Any year": "Toutes les années",
    "Subject": "Sujet",
    "Any subject": "Tous les sujets",
    "Apply": "Appliquer",
    "Clear filters": "Effacer les filtres",
    "Some filters could not be understood and were left out:": "Certains filtres n'ont pas été compris et ont été ignorés :",
    "%(counter)s consultation": ("%(counter)s consultation", "%(counter)s consultations"),
    "Subjects:": "Sujets :",
    "No consultation matches these filters.": "Aucune consultation ne correspond à ces filtres.",
    "(optional)": "(facultatif)",
    "This consultation": "Cette consultation",
    "Overview": "Vue d'ensemble",
    "Preview": "Aperçu",
    "Team": "Équipe",
    "History": "Historique",
    "There is a problem": "Il y a un problème",
    "Staff area": "Espace du personnel",
    "My consultations": "Mes consultations",
    "Public site": "Site public",
    "Signed in as %(name)s": "Connecté en tant que %(name)s",
    "Sign out": "Se déconnecter",
    "Staff area. Pages here are private.": "Espace du personnel. Ces pages sont privées.",
    "Create a consultation": "Créer une consultation",
    "Edit consultation": "Modifier la consultation",
    "Write each field in English and in French. You can save with French missing; publishing "
    "waits until both languages are complete.": "Remplissez chaque champ en anglais et en français. Vous pouvez enregistrer sans le "
    "français ; la publication attend que les deux langues soient complètes.",
    "Save": "Enregistrer",
    "Cancel": "Annuler",
    "Every change to this consultation, newest first": "Tous les changements apportés à cette consultation, du plus récent au plus ancien",
    "When": "Quand",
    "Who": "Qui",
    "What": "Quoi",
    "Changed fields": "Champs modifiés",
    "No changes recorded yet.": "Aucun changement enregistré pour l'instant.",
    "Consultations you belong to": "Consultations dont vous faites partie",
    "Consultation": "Consultation",
    "Your role": "Votre rôle",
    "Public page": "Page publique",
    "Published": "Publiée",
    "Not published": "Non publiée",
    "%(counter)s field missing": ("%(counter)s champ manquant", "%(counter)s champs manquants"),
    "You do not belong to any consultation yet. Ask a consultation lead to add you.": "Vous ne faites encore partie d'aucune consultation. Demandez à un responsable de vous "
    "ajouter.",
    "Sign in": "Se connecter",
    "Sign in to the staff area": "Se connecter à l'espace du personnel",
    "People who can see this consultation": "Personnes qui peuvent voir cette consultation",
    "Add someone, change a role, or remove someone": "Ajouter une personne, changer un rôle ou retirer une personne",
    "Publishing refused": "Publication refusée",
    "Every field a reader sees needs both English and French. Missing:": "Chaque champ que le public voit doit exister en anglais et en français. Il manque :",
    "closed early": "terminée plus tôt que prévu",
    "view the public page": "voir la page publique",
    "Date modified": "Date de modification",
    "Edit page content": "Modifier le contenu de la page",
    "Unpublish": "Retirer la publication",
    "Publish": "Publier",
    "Before publishing": "Avant de publier",
    "These fields still need their English or French version:": "Ces champs n'ont pas encore leur version anglaise ou française :",
    "Edit": "Modifier",
    "Delete": "Supprimer",
    "No events or activities yet.": "Aucun événement ni aucune activité pour l'instant.",
    "Add an event or activity": "Ajouter un événement ou une activité",
    "No related links yet.": "Aucun lien connexe pour l'instant.",
    "Add a related link": "Ajouter un lien connexe",
    "Reporting commitments": "Engagements de compte rendu",
    "No reporting commitments yet.": "Aucun engagement de compte rendu pour l'instant.",
    "Add a reporting commitment": "Ajouter un engagement de compte rendu",
    "Delete this %(kind)s?": "Supprimer cet élément (%(kind)s) ?",
    "Add a %(kind)s": "Ajouter un %(kind)s",
    "Edit %(kind)s": "Modifier : %(kind)s",
    "consultations/": "consultations/",
    "Page not found": "Page introuvable",
    "There is no page at this address, or it is not public.": "Il n'y a pas de page à cette adresse, ou elle n'est pas publique.",
    "See all consultations": "Voir toutes les consultations",
    "Not allowed": "Action non permise",
    "Your account cannot do this.": "Votre compte ne permet pas de faire cela.",
    "Back to my consultations": "Retour à mes consultations",
    "%(start_month)s to %(end_month)s %(year)s": "de %(start_month)s à %(end_month)s %(year)s",
    "%(start_month_year)s to %(end_month_year)s": "de %(start_month_year)s à %(end_month_year)s",
    "subjects": "sujets",
    "Will you attend?": "Serez-vous présent?",
    "Yes, I will attend": "Oui, je serai présent",
    "No, I cannot attend": "Non, je ne peux pas être présent",
    "Choose whether you will attend.": "Indiquez si vous serez présent.",
    "Dietary needs": "Restrictions alimentaires",
    "Accessibility needs": "Besoins en matière d'accessibilité",
    "For example step-free access, captioning or a quiet room.": "Par exemple un accès sans marches, du sous-titrage ou une salle calme.",
    "Simultaneous interpretation": "Interprétation simultanée",
    "You may list my organisation among the participants in the published report.": "Vous pouvez nommer mon organisation parmi les participants dans le rapport publié.",
    "Why should they take part?": "Pourquoi cette personne devrait-elle participer?",
    "Your colleague's name": "Nom de votre collègue",
    "Your colleague's e-mail address": "Adresse courriel de votre collègue",
    "colleague's name": "nom du collègue",
    "colleague's e-mail address": "adresse courriel du collègue",
    "Private: only invitees see it": "Privée : seules les personnes invitées la voient",
    "Transparent: listed publicly, attendance by invitation": "Transparente : annoncée publiquement, participation sur invitation",
    "event": "événement",
    "starts": "début",
    "ends": "fin",
    "capacity": "capacité",
    "Seats in the room; blank for no limit.": "Places dans la salle; vide s'il n'y a pas de limite.",
    "visibility": "visibilité",
    "personal links stay valid for (days)": "validité des liens personnels (jours)",
    "sector": "secteur",
    "reserved seats": "places réservées",
    "Invited, no answer yet": "Invité, sans réponse",
    "Accepted": "Acceptée",
    "On the waitlist": "Sur la liste d'attente",
    "Declined": "Déclinée",
    "Withdrawn by staff": "Retirée par l'équipe",
    "No interpretation needed": "Aucune interprétation requise",
    "Interpretation into English": "Interprétation vers l'anglais",
    "Interpretation into French": "Interprétation vers le français",
    "dietary needs": "restrictions alimentaires",
    "accessibility needs": "besoins en matière d'accessibilité",
    "interpretation": "interprétation",
    "list my organisation as a participant": "nommer mon organisation parmi les participants",
    "Waiting for staff": "En attente de l'équipe",
    "Approved and invited": "Approuvée et invitée",
    "why this person": "pourquoi cette personne",
    "Hello %(name)s,": "Bonjour %(name)s,",
    "Your seat is confirmed for:": "Votre place est confirmée pour :",
    "The session is full for now, so you are on the waitlist for:": "La séance est complète pour l'instant; vous êtes donc sur la liste d'attente pour :",
    "A seat has opened up: you are now confirmed for:": "Une place s'est libérée : votre participation est maintenant confirmée pour :",
    "Thank you for letting us know that you cannot attend:": "Merci de nous avoir informés que vous ne pourrez pas être présent à :",
    "We will write to you as soon as a seat opens up.": "Nous vous écrirons dès qu'une place se libérera.",
    "A calendar file is attached.": "Un fichier de calendrier est joint.",
    "You are invited to take part in the following session of “%(consultation)s”:": "Vous êtes invité à participer à la séance suivante de « %(consultation)s » :",
    "Please tell us whether you will attend, using your personal link:": "Veuillez nous indiquer si vous serez présent à l'aide de votre lien personnel :",
    "The link is yours alone: please do not forward it. It works until %(expires)s. If you "
    "cannot attend, the same page lets you suggest a colleague; our team will decide whether to "
    "invite them.": "Ce lien vous est personnel : veuillez ne pas le transmettre. Il fonctionne jusqu'au "
    "%(expires)s. Si vous ne pouvez pas être présent, la même page vous permet de proposer un "
    "collègue; notre équipe décidera de l'inviter ou non.",
    "We have not yet heard whether you will attend this session of “%(consultation)s”:": "Nous ne savons pas encore si vous serez présent à cette séance de « %(consultation)s » :",
    "Please answer with this new personal link (earlier links no longer work):": "Veuillez répondre à l'aide de ce nouveau lien personnel (les liens précédents ne "
    "fonctionnent plus) :",
    "Your invitation": "Votre invitation",
    "Thank you: your seat is confirmed. A confirmation with a calendar file is on its way by "
    "email.": "Merci : votre place est confirmée. Une confirmation accompagnée d'un fichier de "
    "calendrier vous est envoyée par courriel.",
    "Thank you. The session is full for now, so you are on the waitlist; we will write to you "
    "as soon as a seat opens up.": "Merci. La séance est complète pour l'instant; vous êtes donc sur la liste d'attente. "
    "Nous vous écrirons dès qu'une place se libérera.",
    "Thank you for letting us know that you cannot attend.": "Merci de nous avoir informés que vous ne pourrez pas être présent.",
    "Your answer so far:": "Votre réponse jusqu'ici :",
    "If you attend": "Si vous êtes présent",
    "Send my answer": "Envoyer ma réponse",
    "Cannot attend?": "Vous ne pouvez pas être présent?",
    "Suggest a colleague in your place": "Proposer un collègue à votre place",
    "our team decides whether to invite them.": "notre équipe décide de l'inviter ou non.",
    "Your answers are kept private and used only to organise the session.": "Vos réponses restent confidentielles et servent uniquement à organiser la séance.",
    "This link does not work": "Ce lien ne fonctionne pas",
    "The link may be mistyped, out of date, or no longer in use. For your safety we cannot tell "
    "which.": "Le lien est peut-être mal saisi, expiré ou plus utilisé. Pour votre sécurité, nous ne "
    "pouvons pas préciser lequel.",
    "If you were invited to a session, write to the consultation team from the address they "
    "wrote to you at, and they will send you a new link.": "Si vous avez été invité à une séance, écrivez à l'équipe de la consultation à partir de "
    "l'adresse à laquelle elle vous a écrit, et elle vous enverra un nouveau lien.",
    "Suggest a colleague": "Proposer un collègue",
    "We will not contact them until our team has reviewed your suggestion.": "Nous ne communiquerons pas avec cette personne avant que notre équipe ait examiné votre "
    "proposition.",
    "Send the suggestion": "Envoyer la proposition",
    "Back to your invitation": "Retour à votre invitation",
    "Suggestion sent": "Proposition envoyée",
    "Thank you. Our team will review your suggestion and decide whether to invite your "
    "colleague.": "Merci. Notre équipe examinera votre proposition et décidera d'inviter ou non votre "
    "collègue.",
    "Federal government": "Gouvernement fédéral",
    "Provincial or territorial government": "Gouvernement provincial ou territorial",
    "Municipal government": "Administration municipale",
    "Indigenous organisation or government": "Organisation ou gouvernement autochtone",
    "Police service": "Service de police",
    "Non-profit organisation": "Organisme sans but lucratif",
    "Private company": "Entreprise privée",
    "Academic institution": "Établissement d'enseignement",
    "Other": "Autre",
    "province or territory": "province ou territoire",
    "type": "type",
    "name": "nom",
    "Consent given": "Consentement donné",
    "Public professional role": "Rôle professionnel public",
    "Existing working relationship": "Relation de travail existante",
    "Other lawful basis": "Autre fondement légitime",
    "job title": "titre du poste",
    "organisation": "organisation",
    "email": "courriel",
    "phone": "téléphone",
    "preferred official language": "langue officielle préférée",
    "where the contact details came from": "provenance des coordonnées",
    "consent date": "date du consentement",
    "basis for contacting": "fondement de la prise de contact",
    "do not contact": "ne pas contacter",
    "tags": "étiquettes",
    "Alberta": "Alberta",
    "British Columbia": "Colombie-Britannique",
    "Manitoba": "Manitoba",
    "New Brunswick": "Nouveau-Brunswick",
    "Newfoundland and Labrador": "Terre-Neuve-et-Labrador",
    "Nova Scotia": "Nouvelle-Écosse",
    "Northwest Territories": "Territoires du Nord-Ouest",
    "Nunavut": "Nunavut",
    "Ontario": "Ontario",
    "Prince Edward Island": "Île-du-Prince-Édouard",
    "Quebec": "Québec",
    "Saskatchewan": "Saskatchewan",
    "Yukon": "Yukon",
    "National (across Canada)": "National (tout le Canada)",
    "Outside Canada": "Hors du Canada",
    "Outbox": "Boîte d'envoi",
    "email\x04Subject": "Objet",
    "Queued": "En attente",
    "Sending": "En cours d'envoi",
    "Sent": "Envoyé",
    "Failed": "Échec",
    "Delivery uncertain": "Livraison incertaine",
    "Cancelled": "Annulé",
    "Every email is stored here first, then delivered by the worker, which retries when the mail "
    "server is unavailable. A message marked “delivery uncertain” may already have arrived, so it "
    "is never sent again without your say.": "Chaque courriel est d'abord enregistré ici, puis livré par le processus d'arrière-plan, "
    "qui réessaie lorsque le serveur de courriel n'est pas disponible. Un message marqué "
    "« livraison incertaine » est peut-être déjà arrivé : il n'est donc jamais renvoyé sans "
    "votre accord.",
    "Filter by state": "Filtrer par état",
    "All": "Tous",
    "%(counter)s message": ("%(counter)s message", "%(counter)s messages"),
    "the 500 newest are shown": "les 500 plus récents sont affichés",
    "To": "À",
    "State": "État",
    "Attempts": "Tentatives",
    "Details": "Détails",
    "Sent %(when)s": "Envoyé le %(when)s",
    "Next attempt %(when)s": "Prochaine tentative le %(when)s",
    "Send again": "Renvoyer",
    "No messages.": "Aucun message.",
    "Only failed, uncertain or cancelled messages can be sent again.": "Seuls les messages en échec, incertains ou annulés peuvent être renvoyés.",
    "The message is queued again.": "Le message est de nouveau en attente d'envoi.",
    "Too many failed attempts. Wait 15 minutes, then try again.": "Trop de tentatives infructueuses. Attendez 15 minutes, puis réessayez.",
    "key": "clé",
    "position": "position",
    "Rows are listed from the lowest number.": "Les lignes sont classées du plus petit nombre au plus grand.",
    "Another event or activity of this consultation already uses this key.": "Un autre événement ou une autre activité de cette consultation utilise déjà cette clé.",
    "This consultation is published, so every field a reader sees needs English and French. "
    "Nothing was saved. Missing: %(missing)s": "Cette consultation est publiée : chaque champ que le public voit doit exister en anglais "
    "et en français. Rien n'a été enregistré. Il manque : %(missing)s",
    "from %(start)s, local time": "à partir de %(start)s, heure locale",
    "%(start)s to %(end)s, local time": "de %(start)s à %(end)s, heure locale",
}


NBSP = "\u00a0"


def typeset(text: str) -> str:
    """French typography: a non-breaking space before : ; ? ! and inside « »."""
    for mark in (":", ";", "?", "!"):
        text = text.replace(f" {mark}", f"{NBSP}{mark}")
    return text.replace("« ", f"«{NBSP}").replace(" »", f"{NBSP}»")


def main() -> int:
    catalogue = polib.pofile(str(CATALOGUE))
    missing = []
    for entry in catalogue:
        # Entries with a context are keyed "context\x04msgid", as gettext itself does.
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        french = TRANSLATIONS.get(key)
        if french is None:
            missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            if not isinstance(french, tuple):
                missing.append(entry.msgid + " (needs singular and plural)")
                continue
            entry.msgstr_plural = {0: typeset(french[0]), 1: typeset(french[1])}
        else:
            entry.msgstr = typeset(french if isinstance(french, str) else french[0])
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.metadata["Language"] = "fr"
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    catalogue.save()
    if missing:
        print(
            "No French yet for these strings (add them to tools/fr_catalogue.py):", file=sys.stderr
        )
        for msgid in missing:
            print(f"  {msgid!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
