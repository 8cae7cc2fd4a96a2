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
    # Error pages (heard/core/errors.py).
    "The request could not be read": "La demande n'a pas pu être lue",
    "Your browser sent something this site could not understand. Go back, reload the page and "
    "try again.": "Votre navigateur a envoyé quelque chose que ce site n'a pas pu comprendre. "
    "Revenez en arrière, rechargez la page et réessayez.",
    "The form could not be sent": "Le formulaire n'a pas pu être envoyé",
    "For your security, every form on this site is checked against your browser. This one could "
    "not be: the page may have been open for a long time, you may have signed in or out in "
    "another tab, or your browser may refuse this site's cookies.": "Pour votre sécurité, chaque "
    "formulaire de ce site est vérifié auprès de votre navigateur. Celui-ci n'a pas pu l'être : "
    "la page est peut-être restée ouverte longtemps, vous vous êtes peut-être connecté ou "
    "déconnecté dans un autre onglet, ou votre navigateur refuse peut-être les témoins de ce site.",
    "Go back, reload the page and send the form again.": "Revenez en arrière, rechargez la page "
    "et envoyez de nouveau le formulaire.",
    # Sessions (heard/core/sessions.py).
    "You were signed out: a session lasts at most %(hours)s hour. Sign in again to continue.": (
        "Vous avez été déconnecté : une session dure au plus %(hours)s heure. Reconnectez-vous "
        "pour continuer.",
        "Vous avez été déconnecté : une session dure au plus %(hours)s heures. Reconnectez-vous "
        "pour continuer.",
    ),
    "You were signed out after %(minutes)s minute without activity. Sign in again to continue; "
    "anything you had not saved must be entered again.": (
        "Vous avez été déconnecté après %(minutes)s minute d'inactivité. Reconnectez-vous pour "
        "continuer ; ce que vous n'aviez pas enregistré doit être saisi de nouveau.",
        "Vous avez été déconnecté après %(minutes)s minutes d'inactivité. Reconnectez-vous pour "
        "continuer ; ce que vous n'aviez pas enregistré doit être saisi de nouveau.",
    ),
    "Your session has ended": "Votre session a pris fin",
    "For your privacy, the pages your personal link opens close when you close the browser, and "
    "after %(minutes)s minute without activity.": (
        "Pour protéger votre vie privée, les pages ouvertes par votre lien personnel se ferment "
        "quand vous fermez le navigateur, et après %(minutes)s minute d'inactivité.",
        "Pour protéger votre vie privée, les pages ouvertes par votre lien personnel se ferment "
        "quand vous fermez le navigateur, et après %(minutes)s minutes d'inactivité.",
    ),
    "To continue, open the personal link in your email again.": "Pour continuer, ouvrez de "
    "nouveau le lien personnel reçu par courriel.",
    "Nothing you sent is lost. The questionnaire saves your answers on our server each time you "
    "go to another page, and you will continue where you left off. Answers typed on the page that "
    "was open, but not sent, may need to be entered again.": "Rien de ce que vous avez envoyé "
    "n'est perdu. Le questionnaire enregistre vos réponses sur notre serveur chaque fois que vous "
    "passez à une autre page, et vous reprendrez là où vous vous étiez arrêté. Les réponses "
    "saisies sur la page qui était ouverte, mais pas envoyées, devront peut-être être saisies de "
    "nouveau.",
    "If you were answering an invitation to a session, the link in the invitation shows your "
    "answer and lets you change it.": "Si vous répondiez à une invitation à une séance, le lien "
    "de l'invitation affiche votre réponse et vous permet de la modifier.",
    "On a shared computer, close the browser when you have finished.": "Sur un ordinateur "
    "partagé, fermez le navigateur lorsque vous avez terminé.",
    "For your privacy, this page closes after %(minutes)s minute without activity, and that time "
    "is almost up. Press any key, or the button, to keep it open.": (
        "Pour protéger votre vie privée, cette page se ferme après %(minutes)s minute "
        "d'inactivité, et ce délai est presque écoulé. Appuyez sur une touche, ou sur le bouton, "
        "pour la garder ouverte.",
        "Pour protéger votre vie privée, cette page se ferme après %(minutes)s minutes "
        "d'inactivité, et ce délai est presque écoulé. Appuyez sur une touche, ou sur le bouton, "
        "pour la garder ouverte.",
    ),
    "Keep the page open": "Garder la page ouverte",
    "You will be signed out in less than five minutes: a session cannot last longer. Save your "
    "work now.": "Vous serez déconnecté dans moins de cinq minutes : une session ne peut pas "
    "durer plus longtemps. Enregistrez votre travail maintenant.",
    # Field-level access (heard/consultations/access.py, the `contact` filter).
    "Only a consultation lead can see or export contact details.": "Seul un responsable de la "
    "consultation peut voir ou exporter les coordonnées.",
    "masked personal data\x04hidden": "masqué",
    "Names and contact details are hidden here: only the consultation's leads see them, as only "
    "they may export them.": "Les noms et les coordonnées sont masqués ici : seuls les "
    "responsables de la consultation les voient, car eux seuls peuvent les exporter.",
    "%(counter)s suggestion waits for a lead's decision.": (
        "%(counter)s suggestion attend la décision d'un responsable.",
        "%(counter)s suggestions attendent la décision d'un responsable.",
    ),
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
    "which.": "Le lien est peut-être mal saisi, expiré ou désactivé. Pour votre sécurité, nous ne "
    "pouvons pas en préciser la raison.",
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
    "Starts": "Début",
    "Ends": "Fin",
    "Capacity": "Capacité",
    "Seats in the room; leave blank for no limit.": "Places dans la salle; laissez vide s'il n'y a pas de limite.",
    "Visibility": "Visibilité",
    "Personal links stay valid for (days)": "Validité des liens personnels (jours)",
    "Seats kept for: %(sector)s": "Places réservées pour : %(sector)s",
    "The end must come after the start.": "La fin doit suivre le début.",
    "More seats are kept for sectors than the room holds.": "Les places réservées dépassent la capacité de la salle.",
    "Sectors": "Secteurs",
    "Provinces and territories": "Provinces et territoires",
    "Tag": "Étiquette",
    "Name": "Nom",
    "E-mail address": "Adresse courriel",
    "Organisation": "Organisation",
    "Sector": "Secteur",
    "Preferred official language": "Langue officielle préférée",
    "walk-in": "sans inscription",
    "Your registration code for the door: %(code)s": "Votre code d'inscription, à présenter à l'entrée : %(code)s",
    "Invited": "Invités",
    "Attended": "Présents",
    "Chart": "Graphique",
    "Check-in": "Accueil",
    "%(checked_in)s checked in of %(expected)s expected.": "%(checked_in)s personnes accueillies sur %(expected)s attendues.",
    "Back to the session": "Retour à la séance",
    "Find a participant": "Trouver un participant",
    "Name, organisation or registration code": "Nom, organisation ou code d'inscription",
    "Find": "Chercher",
    "Results": "Résultats",
    "checked in": "accueilli",
    "Check in": "Accueillir",
    "Nobody confirmed matches. Record a walk-in below if they are here without a seat.": "Aucune personne confirmée ne correspond. Inscrivez-la ci-dessous comme participant sans "
    "inscription si elle est sur place sans place réservée.",
    "Walk-in": "Participant sans inscription",
    "Record the walk-in": "Inscrire le participant",
    "Participation dashboard": "Tableau de bord de la participation",
    "By event": "Par activité",
    "By sector": "Par secteur",
    "By province or territory": "Par province ou territoire",
    "Answers": "Réponses",
    "Check-in at the door": "Accueil à l'entrée",
    "Change the set-up": "Modifier la configuration",
    "Remind those who have not answered": "Relancer les personnes sans réponse",
    "Invite people from the registry": "Inviter des personnes du répertoire",
    "Everyone who matches is invited, except people already invited and people who asked not "
    "to be contacted. Leave every filter empty to invite the whole registry.": "Toutes les personnes correspondantes sont invitées, sauf celles déjà invitées et celles "
    "qui ont demandé à ne pas être contactées. Laissez tous les filtres vides pour inviter "
    "tout le répertoire.",
    "Send the invitations": "Envoyer les invitations",
    "Invitations": "Invitations",
    "%(counter)s invitation": ("%(counter)s invitation", "%(counter)s invitations"),
    "Answer": "Réponse",
    "Reminders": "Relances",
    "Actions": "Actions",
    "Suggested a colleague": "A proposé un collègue",
    "Withdraw": "Retirer",
    "Nobody has been invited yet.": "Personne n'a encore été invité.",
    "Sessions": "Séances",
    "Events of this consultation": "Activités de cette consultation",
    "Set up invitations": "Configurer les invitations",
    "This consultation has no events yet: add them to its summary of events first.": "Cette consultation n'a pas encore d'activités : ajoutez-les d'abord à son sommaire des "
    "activités.",
    "Times are in the event's own time zone (%(zone)s); invitations carry a calendar file in "
    "that zone.": "Les heures sont celles du fuseau horaire de l'activité (%(zone)s); les invitations "
    "contiennent un fichier de calendrier dans ce fuseau.",
    "Seats kept for a sector (to keep the room balanced)": "Places réservées à un secteur (pour une salle équilibrée)",
    "The filters could not be used.": "Les filtres n'ont pas pu être utilisés.",
    "Invited %(invited)s people. Already invited: %(already)s. Not contacted at their request: "
    "%(dnc)s. The emails are in the outbox.": "%(invited)s personnes invitées. Déjà invitées : %(already)s. Non contactées à leur "
    "demande : %(dnc)s. Les courriels sont dans la boîte d'envoi.",
    "Reminders queued: %(count)s (at most two per person, five days apart).": "Relances en attente d'envoi : %(count)s (au plus deux par personne, à cinq jours "
    "d'intervalle).",
    "Invitation withdrawn; its link no longer works.": "Invitation retirée; son lien ne fonctionne plus.",
    "Walk-in recorded: %(name)s": "Participant sans inscription enregistré : %(name)s",
    "Not checked in: the invitation is “%(state)s”.": "Accueil impossible : l'invitation est « %(state)s ».",
    "Checked in: %(name)s": "Accueilli : %(name)s",
    "No sector": "Aucun secteur",
    "Not given": "Non précisé",
    "Private events are left out of the public summary of events.": "Les activités privées n'apparaissent pas dans le sommaire public des activités.",
    "Approve and invite": "Approuver et inviter",
    "Decline the suggestion": "Refuser la proposition",
    "Suggestions from invitees": "Propositions des personnes invitées",
    "Suggested by %(name)s": "Proposé par %(name)s",
    "The colleague is invited.": "Le collègue est invité.",
    "The suggestion is declined.": "La proposition est refusée.",
    "This suggestion was already decided.": "Cette proposition a déjà été traitée.",
    "Facilitator or note-taker": "Animation ou prise de notes",
    "Part of the programme": "Partie du programme",
    "The whole session": "Toute la séance",
    "Discussion question": "Question de discussion",
    "Language of the notes": "Langue des notes",
    "Detect it for me": "Détection automatique",
    "Notes": "Notes",
    "Record what was said, not who said it.": "Notez ce qui a été dit, pas qui l'a dit.",
    "Or upload a file": "Ou téléversez un fichier",
    ".txt, .md or .docx, up to 5 MB": ".txt, .md ou .docx, 5 Mo au plus",
    "Keep speaker names (they are replaced by “Participant” otherwise)": "Garder le nom des personnes ayant pris la parole (sinon il est remplacé par « Participant »)",
    "Type the notes or upload a file.": "Saisissez les notes ou téléversez un fichier.",
    "Plenary": "Plénière",
    "Breakout session": "Séance en petits groupes",
    "Table discussion": "Table ronde",
    "theme (English)": "thème (anglais)",
    "For example a pillar: prevention, protection…": "Par exemple un pilier : prévention, protection…",
    "theme (French)": "thème (français)",
    "English and French": "Anglais et français",
    "part of the programme": "partie du programme",
    "discussion question": "question de discussion",
    "language of the notes": "langue des notes",
    "notes": "notes",
    "source": "source",
    "The uploaded file's name, if any.": "Le nom du fichier téléversé, s'il y a lieu.",
    "speaker names kept": "noms des personnes ayant pris la parole conservés",
    "Programme and notes": "Programme et notes",
    "Programme": "Programme",
    "No programme yet.": "Aucun programme pour l'instant.",
    "Add a plenary, breakout session or table": "Ajouter une plénière, une séance en petits groupes ou une table",
    "Add": "Ajouter",
    "No notes yet.": "Aucune note pour l'instant.",
    "Record notes": "Consigner des notes",
    "Save the notes": "Enregistrer les notes",
    "Only leads and facilitators can check people in.": "Seuls les responsables et les animateurs peuvent accueillir les participants.",
    "Only leads and facilitators can record notes.": "Seuls les responsables et les animateurs peuvent consigner des notes.",
    "Added to the programme.": "Ajouté au programme.",
    "Notes saved (%(language)s).": "Notes enregistrées (%(language)s).",
    "Import finished": "Importation terminée",
    "Upload": "Téléversement",
    "Match the columns and check": "Association des colonnes et vérification",
    "Import": "Importation",
    "%(created)s people added, %(updated)s updated, %(unchanged)s unchanged; %(bad)s rows with "
    "problems were left out.": "%(created)s personnes ajoutées, %(updated)s mises à jour, %(unchanged)s inchangées; "
    "%(bad)s lignes comportant des problèmes ont été laissées de côté.",
    "Rows left out": "Lignes laissées de côté",
    "Row": "Ligne",
    "Column": "Colonne",
    "Reason": "Raison",
    "See the registry": "Voir le répertoire",
    "Match the columns": "Associer les colonnes",
    "Each column of the file, the field it fills, and its first values": "Chaque colonne du fichier, le champ qu'elle remplit et ses premières valeurs",
    "Column in the file": "Colonne du fichier",
    "Field": "Champ",
    "First values": "Premières valeurs",
    "Do not import": "Ne pas importer",
    "Check": "Vérification",
    "%(rows)s rows: %(created)s new, %(updated)s to update, %(unchanged)s unchanged, %(bad)s "
    "with problems.": "%(rows)s lignes : %(created)s nouvelles, %(updated)s à mettre à jour, %(unchanged)s "
    "inchangées, %(bad)s comportant des problèmes.",
    "Rows with problems (they will not be imported)": "Lignes comportant des problèmes (elles ne seront pas importées)",
    "The first 200 of %(n)s problems are shown.": "Les 200 premiers des %(n)s problèmes sont affichés.",
    "Import the good rows": "Importer les lignes valides",
    "Check the file": "Vérifier le fichier",
    "Start again": "Recommencer",
    "Import people": "Importer des personnes",
    "A .csv or .xlsx file with one person per row and a header row. People are matched by "
    "e-mail address: importing the same file again changes nothing, and a corrected file updates "
    "only what changed. Rows with problems are listed with their number and reason; the others "
    "are imported.": "Un fichier .csv ou .xlsx avec une personne par ligne et une ligne d'en-tête. Les "
    "personnes sont reconnues par leur adresse courriel : importer de nouveau le même fichier "
    "ne change rien, et un fichier corrigé ne met à jour que ce qui a changé. Les lignes "
    "comportant des problèmes sont listées avec leur numéro et la raison; les autres sont "
    "importées.",
    "File": "Fichier",
    ".csv or .xlsx, up to 50 MB. It is kept encrypted until it is imported.": ".csv ou .xlsx, 50 Mo au plus. Il reste chiffré jusqu'à son importation.",
    "Continue": "Continuer",
    "Stakeholder registry": "Répertoire des intervenants",
    "Export to CSV": "Exporter en CSV",
    "Export to Excel (XLSX)": "Exporter en Excel (XLSX)",
    "Find people": "Trouver des personnes",
    "Name or exact e-mail address": "Nom ou adresse courriel exacte",
    "Any sector": "Tous les secteurs",
    "Province or territory": "Province ou territoire",
    "Anywhere": "Partout",
    "Language": "Langue",
    "Either": "L'une ou l'autre",
    "Any tag": "Toutes les étiquettes",
    "%(counter)s person": ("%(counter)s personne", "%(counter)s personnes"),
    "Contact": "Coordonnées",
    "Do not contact": "Ne pas contacter",
    "Pages": "Pages",
    "Previous page": "Page précédente",
    "Page %(number)s of %(count)s": "Page %(number)s sur %(count)s",
    "Next page": "Page suivante",
    "Nobody matches.": "Personne ne correspond.",
    "Choose a file to import.": "Choisissez un fichier à importer.",
    "Only .csv and .xlsx files can be imported.": "Seuls les fichiers .csv et .xlsx peuvent être importés.",
    "The file is larger than 50 MB.": "Le fichier dépasse 50 Mo.",
    "Upload the file again: the earlier upload is no longer here.": "Téléversez de nouveau le fichier : le téléversement précédent n'est plus disponible.",
    "Registry": "Répertoire",
    "Saved list": "Liste enregistrée",
    "Its filters are added to the ones above.": "Ses filtres s'ajoutent à ceux ci-dessus.",
    "Saved lists": "Listes enregistrées",
    "Saved lists:": "Listes enregistrées :",
    "Save these filters as a list named": "Enregistrer ces filtres comme une liste nommée",
    "Save the list": "Enregistrer la liste",
    "Give the list a name.": "Donnez un nom à la liste.",
    "List saved: %(name)s": "Liste enregistrée : %(name)s",
    "An organisation already in the registry is reused; a new name adds one.": "Une organisation déjà au répertoire est réutilisée; un nouveau nom en ajoute une.",
    "Tags": "Étiquettes",
    "Separated by commas.": "Séparées par des virgules.",
    "Someone in this registry already has this address.": "Une personne de ce répertoire a déjà cette adresse.",
    "Add a person": "Ajouter une personne",
    "Edit a person": "Modifier une personne",
    "The colleague was already invited to this session.": "Ce collègue était déjà invité à cette séance.",
    "Not invited: this person asked not to be contacted.": "Aucune invitation : cette personne a demandé à ne pas être contactée.",
    "%(count)s people moved from the waitlist to confirmed seats.": "%(count)s personnes sont passées de la liste d'attente à une place confirmée.",
    "Search by name or e-mail": "Recherche par nom ou courriel",
    "For a summit over several days, the day and time it starts.": "Pour un sommet de plusieurs jours, le jour et l'heure du début.",
    "Another organisation of this registry has this name.": "Une autre organisation de ce répertoire porte ce nom.",
    "Add an organisation": "Ajouter une organisation",
    "Edit an organisation": "Modifier une organisation",
    "Organisations": "Organisations",
    "%(counter)s organisation": ("%(counter)s organisation", "%(counter)s organisations"),
    "Name (English)": "Nom (anglais)",
    "Name (French)": "Nom (français)",
    "Type": "Type",
    "People": "Personnes",
    "No organisations yet.": "Aucune organisation pour l'instant.",
    "Importing…": "Importation en cours…",
    "The import failed": "L'importation a échoué",
    "Waiting for the worker to start…": "En attente du processus d'arrière-plan…",
    "Checking rows: %(done)s of %(total)s.": "Vérification des lignes : %(done)s sur %(total)s.",
    "Saving %(total)s people in one go…": "Enregistrement de %(total)s personnes en une fois…",
    "Starting…": "Démarrage…",
    "Progress": "Progression",
    "The import goes on in the background: you may leave this page and come back to it.": "L'importation se poursuit en arrière-plan : vous pouvez quitter cette page et y revenir.",
    "Check again": "Vérifier de nouveau",
    "The uploaded file is no longer on the server (uploads are kept for a day). Upload it again.": "Le fichier téléversé n'est plus sur le serveur (les fichiers téléversés sont gardés un jour). Téléversez-le de nouveau.",
    "%(label)s: %(error)s": "%(label)s : %(error)s",
    "The worker stopped while running this import, %(attempts)s time; it was not tried again.": (
        "Le processus d'arrière-plan s'est arrêté pendant cette importation, %(attempts)s fois ; elle n'a pas été relancée.",
        "Le processus d'arrière-plan s'est arrêté pendant cette importation, %(attempts)s fois ; elle n'a pas été relancée.",
    ),
    "Start again when the server is steady; an import can safely be run twice.": "Recommencez lorsque le serveur sera stable ; une importation peut être faite deux fois sans risque.",
    "The background worker is not running.": "Le processus d'arrière-plan ne fonctionne pas.",
    "It was last seen at %(when)s.": "Il a été vu pour la dernière fois à %(when)s.",
    "It has not run yet.": "Il n'a pas encore fonctionné.",
    "%(count)s email is waiting to be sent.": (
        "%(count)s courriel attend d'être envoyé.",
        "%(count)s courriels attendent d'être envoyés.",
    ),
    "%(count)s job (such as an import) is waiting.": (
        "%(count)s tâche (une importation, par exemple) attend.",
        "%(count)s tâches (des importations, par exemple) attendent.",
    ),
    "Whoever runs the server should start it: `heard worker`, or `heard serve --with-worker` (see the README). Nothing is lost meanwhile; the work waits in the queue.": "La personne qui gère le serveur doit le démarrer : `heard worker`, ou `heard serve --with-worker` (voir le README). Rien n'est perdu entre-temps : le travail attend dans la file.",
    "Nothing was imported.": "Rien n'a été importé.",
    "The first %(shown)s of %(n)s problems are shown; the command line can write them all to a "
    "file.": "Les %(shown)s premiers des %(n)s problèmes sont affichés; la ligne de commande peut les "
    "écrire tous dans un fichier.",
    "count\x04Accepted": "Acceptées",
    "count\x04Declined": "Déclinées",
    "In the bars: invited (blue, top) and attended (green, below), against the largest group.": "Dans les barres : personnes invitées (bleu, en haut) et présentes (vert, en bas), "
    "par rapport au groupe le plus nombreux.",
    "Outbox": "Boîte d'envoi",
    "email\x04Subject": "Objet",
    "Queued": "En attente",
    "Sending": "En cours d'envoi",
    "Sent": "Envoyé",
    "Failed": "Échec",
    "Delivery uncertain": "Remise incertaine",
    "Cancelled": "Annulé",
    "Every email is stored here first, then delivered by the worker, which retries when the mail "
    "server is unavailable. A message marked “delivery uncertain” may already have arrived, so it "
    "is never sent again without your say.": "Chaque courriel est d'abord enregistré ici, puis livré par le processus d'arrière-plan, "
    "qui réessaie lorsque le serveur de courriel n'est pas disponible. Un message marqué "
    "« remise incertaine » est peut-être déjà arrivé : il n'est donc jamais renvoyé sans "
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
    # Questionnaires
    "People and links": "Personnes et liens",
    "Everyone sent a personal link, and where they stand. Answers are not shown here. Stopping a link makes it open nothing; saved answers are kept, and a reminder sends a new link.": "Les personnes à qui un lien personnel a été envoyé, et où elles en sont. Les réponses ne sont pas affichées ici. Un lien arrêté n’ouvre plus rien ; les réponses enregistrées sont conservées et un rappel envoie un nouveau lien.",
    "Sent because": "Envoi",
    "Link": "Lien",
    "Valid until %(until)s": "Valide jusqu’au %(until)s",
    "Stop this link": "Arrêter ce lien",
    "Stopped": "Arrêté",
    "Expired": "Expiré",
    "No one has been sent the questionnaire yet.": "Le questionnaire n’a encore été envoyé à personne.",
    "The link was stopped. A reminder would send a new one.": "Le lien a été arrêté. Un rappel en enverrait un nouveau.",
    "Not started": "Pas commencé",
    "Analyst (reads and exports answers)": "Analyste (consulte et exporte les réponses)",
    "Only the consultation's leads and analysts can read answers.": "Seuls les responsables et les analystes de la consultation peuvent consulter les réponses.",
    # Questionnaires: answers checked on the respondent's pages
    "Write at most %(limit)s characters (this answer has %(count)s).": "Écrivez au plus %(limit)s caractères (cette réponse en compte %(count)s).",
    "Each tag has at most %(limit)d characters; “%(start)s…” has %(count)d.": "Chaque étiquette compte au plus %(limit)d caractères ; « %(start)s… » en compte %(count)d.",
    "List name: at most %(limit)d characters (it has %(count)d).": "Nom de la liste : au plus %(limit)d caractères (il en compte %(count)d).",
    "The file's name has %(count)d characters, at most %(limit)d: rename the file.": "Le nom du fichier compte %(count)d caractères, au plus %(limit)d : renommez le fichier.",
    "The file holds %(count)s characters of text; notes have at most %(limit)s. Split it into several notes.": "Le fichier contient %(count)s caractères de texte ; des notes en comptent au plus %(limit)s. Répartissez-le en plusieurs notes.",
    "Enter a whole number, like 12.": "Entrez un nombre entier, par exemple 12.",
    "Enter a number, like 2.5.": "Entrez un nombre, par exemple 2,5.",
    "Enter a date as year-month-day, like 2018-06-30.": "Entrez une date sous la forme année-mois-jour, par exemple 2018-06-30.",
    "Enter a latitude and a longitude in decimal degrees, like 45.4215 -75.6972.": "Entrez une latitude et une longitude en degrés décimaux, par exemple 45,4215 -75,6972.",
    "The latitude must be between -90 and 90 (this one is %(value)s).": "La latitude doit être comprise entre -90 et 90 (celle-ci vaut %(value)s).",
    "The longitude must be between -180 and 180 (this one is %(value)s).": "La longitude doit être comprise entre -180 et 180 (celle-ci vaut %(value)s).",
    "Enter at most %(limit)s points (this answer has %(count)s).": "Entrez au plus %(limit)s points (cette réponse en compte %(count)s).",
    "Point %(number)s: %(problem)s": "Point %(number)s : %(problem)s",
    "A shape needs at least three different points.": "Une forme demande au moins trois points différents.",
    "A line needs at least two points, one per line.": "Une ligne demande au moins deux points, un par ligne.",
    "Latitude and longitude in decimal degrees, like 45.4215 -75.6972.": "Latitude et longitude en degrés décimaux, par exemple 45,4215 -75,6972.",
    "One point per line, from the start of the line to its end: latitude and longitude in decimal degrees, like 45.4215 -75.6972.": "Un point par ligne, du début du tracé à sa fin : latitude et longitude en degrés décimaux, par exemple 45,4215 -75,6972.",
    "One point per line, around the shape: latitude and longitude in decimal degrees, like 45.4215 -75.6972. The shape is closed for you.": "Un point par ligne, en faisant le tour de la forme : latitude et longitude en degrés décimaux, par exemple 45,4215 -75,6972. La forme est fermée pour vous.",
    "Use my current location": "Utiliser ma position actuelle",
    "This is not a readable GeoJSON file (%s).": "Ce n’est pas un fichier GeoJSON lisible (%s).",
    "A GeoJSON file of choices is a FeatureCollection: a list of features.": "Un fichier GeoJSON de choix est une FeatureCollection : une liste d’entités.",
    "Heard reads choices from a CSV, XML or GeoJSON file: save “%(file)s” as a .csv file with name and label columns, and name that file here.": "Heard lit les choix dans un fichier CSV, XML ou GeoJSON : enregistrez « %(file)s » en fichier .csv avec des colonnes name et label, et nommez ce fichier ici.",
    "Type the code printed with the barcode: this page cannot scan it.": "Tapez le code imprimé avec le code-barres : cette page ne peut pas le lire.",
    "This question takes a picture (%(extensions)s): “%(name)s” is not one.": "Cette question demande une image (%(extensions)s) : « %(name)s » n’en est pas une.",
    "This question takes a recording (%(extensions)s): “%(name)s” is not one.": "Cette question demande un enregistrement sonore (%(extensions)s) : « %(name)s » n’en est pas un.",
    "This question takes a video (%(extensions)s): “%(name)s” is not one.": "Cette question demande une vidéo (%(extensions)s) : « %(name)s » n’en est pas une.",
    "This question takes a document (%(extensions)s): “%(name)s” is not one.": "Cette question demande un document (%(extensions)s) : « %(name)s » n’en est pas un.",
    "The file is larger than %(limit)s MB: send a smaller one.": "Le fichier dépasse %(limit)s Mo : envoyez-en un plus petit.",
    "The file “%(name)s” is empty.": "Le fichier « %(name)s » est vide.",
    "Accepted: %(extensions)s, up to %(limit)s MB.": "Formats acceptés : %(extensions)s, jusqu’à %(limit)s Mo.",
    "Sent: %(name)s. Choose another file to replace it.": "Envoyé : %(name)s. Choisissez un autre fichier pour le remplacer.",
    "Remove %(name)s": "Retirer %(name)s",
    "Choose a file to send.": "Choisissez un fichier à envoyer.",
    "Download %(name)s (%(size)s)": "Télécharger %(name)s (%(size)s)",
    "Files attached to answers (pictures, recordings, documents)": "Fichiers joints aux réponses (images, enregistrements, documents)",
    "OpenStreetMap tags are drawn in an ODK Collect add-on: ask for the place's details in text and select questions": "les étiquettes OpenStreetMap se remplissent dans un module d’ODK Collect : demandez les détails du lieu dans des questions text et select",
    "Heard has no drawing pad: ask for a picture (a photo or a scan) without this appearance": "Heard n’a pas de zone de dessin : demandez une image (une photo ou un document numérisé) sans cette apparence",
    "Finding your location…": "Recherche de votre position…",
    "Location filled in. Check it before you go on.": "Position remplie. Vérifiez-la avant de continuer.",
    "Your browser did not give a location. Type the latitude and longitude instead.": "Votre navigateur n’a pas donné de position. Tapez plutôt la latitude et la longitude.",
    "Choose from the options shown.": "Choisissez parmi les options proposées.",
    "Choose a position for each option.": "Choisissez un rang pour chaque option.",
    "Give every option a position.": "Attribuez un rang à chaque option.",
    "Give each position to one option only.": "Attribuez chaque rang à une seule option.",
    "Check this answer: the form does not accept it.": "Vérifiez cette réponse : le formulaire ne l’accepte pas.",
    "Choose an answer.": "Choisissez une réponse.",
    "Choose at least one answer.": "Choisissez au moins une réponse.",
    "Put the options in order.": "Classez les options.",
    "Tick the box to go on.": "Cochez la case pour continuer.",
    "Answer this question.": "Répondez à cette question.",
    # Questionnaires: staff forms and models
    "In the consultation's time zone (%(zone)s).": "Dans le fuseau horaire de la consultation (%(zone)s).",
    "XLSForm file": "Fichier XLSForm",
    "An .xlsx or .csv file with survey, choices and settings sheets, and English and French labels.": "Un fichier .xlsx ou .csv contenant les feuilles survey, choices et settings, avec des "
    "libellés en anglais et en français.",
    "Keep the answers given so far under the current version, and start a new one": "Conserver les réponses déjà reçues dans la version actuelle et en créer une nouvelle",
    "The file is larger than 5 MB.": "Le fichier dépasse 5 Mo.",
    "Format": "Format",
    "CSV, one row per response (UTF-8)": "CSV, une ligne par réponse (UTF-8)",
    "Excel workbook (.xlsx)": "Classeur Excel (.xlsx)",
    "SPSS (.sav), with variable and value labels": "SPSS (.sav), avec les étiquettes de variables et de valeurs",
    "Stata (.dta), with variable and value labels": "Stata (.dta), avec les étiquettes de variables et de valeurs",
    "Codebook, Table Schema (JSON)": "Livre de codes, Table Schema (JSON)",
    "Codebook (CSV)": "Livre de codes (CSV)",
    "Language of labels": "Langue des étiquettes",
    "Variable and value labels in SPSS and Stata files; the codebooks hold both.": "Étiquettes de variables et de valeurs des fichiers SPSS et Stata ; les livres de codes "
    "contiennent les deux langues.",
    "Received": "Reçue",
    "Date received": "Date de réception",
    "Language of the answers": "Langue des réponses",
    "privacy notice (English)": "avis de confidentialité (anglais)",
    "privacy notice (French)": "avis de confidentialité (français)",
    "Purpose, use, retention and whom to contact. Markdown.": "Objectif, utilisation, conservation et personne à joindre. Markdown.",
    "reminders per person, at most": "relances par personne, au plus",
    "days between two reminders, at least": "jours entre deux relances, au moins",
    "anyone may ask for access": "toute personne peut demander l’accès",
    "Shows the access-request page; staff approve or decline each request.": "Affiche la page de demande d’accès ; l’équipe approuve ou refuse chaque demande.",
    "Invited from the registry": "Invitation à partir du répertoire",
    "Asked for access": "Demande d’accès",
    "Entered by staff": "Saisie par l’équipe",
    "By email": "Par courriel",
    "On paper": "Sur papier",
    "Started": "Commencé",
    "Submitted": "Envoyé",
    "Withdrawn": "Retiré",
    "Approved: link sent": "Approuvée : lien envoyé",
    "why you would like to take part": "pourquoi vous souhaitez participer",
    # Questionnaires: respondent pages
    "Error:": "Erreur :",
    "Give each option a different position: 1 is the most important.": "Attribuez un rang différent à chaque option : 1 correspond à la plus importante.",
    "Position": "Rang",
    "Choose…": "Choisissez…",
    "Check your answers before sending": "Vérifiez vos réponses avant de les envoyer",
    "Back": "Retour",
    "Not answered": "Sans réponse",
    "Change": "Modifier",
    "Send your answers": "Envoyer vos réponses",
    "Once sent, your answers cannot be changed. If you change your mind later, the consultation "
    "team can withdraw them at your request.": "Une fois envoyées, vos réponses ne peuvent plus être modifiées. Si vous changez d’avis "
    "plus tard, l’équipe de la consultation peut les retirer à votre demande.",
    "Send my answers": "Envoyer mes réponses",
    "Your answers have been sent": "Vos réponses ont été envoyées",
    "Received on %(when)s.": "Reçues le %(when)s.",
    "Thank you for taking the time to answer. What you told us will be read with the other "
    "answers and the notes of the sessions.": "Merci d’avoir pris le temps de répondre. Ce que vous nous avez dit sera lu avec les "
    "autres réponses et les notes des séances.",
    "A summary of what we heard will be published on the consultation page, in English and in "
    "French. No one will be named in it.": "Un résumé de ce que nous avons entendu sera publié sur la page de la consultation, en "
    "français et en anglais. Personne n’y sera nommé.",
    "If you want your answers withdrawn, write to the consultation team.": "Si vous souhaitez que vos réponses soient retirées, écrivez à l’équipe de la consultation.",
    "This link does not open the questionnaire": "Ce lien ne permet pas d’ouvrir le questionnaire",
    "The link may have expired, been replaced by a newer one in a later email, or been stopped "
    "by the consultation team.": "Il se peut que le lien ait expiré, qu’il ait été remplacé par un lien plus récent dans un "
    "courriel ultérieur ou qu’il ait été désactivé par l’équipe de la consultation.",
    "If you were sent a reminder, use the link in the most recent email. Otherwise, write to the "
    "consultation team: their address is on the consultation page.": "Si vous avez reçu une relance, utilisez le lien du courriel le plus récent. Sinon, "
    "écrivez à l’équipe de la consultation : son adresse figure sur la page de la consultation.",
    "See the consultations": "Voir les consultations",
    "Page %(number)s of %(total)s": "Page %(number)s sur %(total)s",
    "Save and return to the check page": "Enregistrer et revenir à la vérification",
    "Save and continue": "Enregistrer et continuer",
    "Save and come back later": "Enregistrer et revenir plus tard",
    "Ask for the questionnaire": "Demander le questionnaire",
    "The questionnaire is not open at the moment, so no request can be made.": "Le questionnaire n’est pas ouvert en ce moment : il n’est donc pas possible de faire "
    "une demande.",
    "The questionnaire is sent through personal links. Tell us who you are and the team will "
    "send you one by email, usually within two working days.": "Le questionnaire est transmis au moyen de liens personnels. Dites-nous qui vous êtes et "
    "l’équipe vous en enverra un par courriel, habituellement dans un délai de deux jours "
    "ouvrables.",
    "We use these details only to decide on your request and to send you the link.": "Nous utilisons ces renseignements uniquement pour traiter votre demande et vous envoyer "
    "le lien.",
    "Send my request": "Envoyer ma demande",
    "Your request has been sent": "Votre demande a été envoyée",
    "The consultation team will look at it. If it is approved, your personal link will arrive "
    "by email.": "L’équipe de la consultation l’examinera. Si elle est approuvée, vous recevrez votre lien "
    "personnel par courriel.",
    "Leave this site quickly": "Quitter ce site rapidement",
    "Goes at once to a weather page. With JavaScript, pressing Shift three times does the same.": "Mène immédiatement à une page météo. Si JavaScript est activé, appuyer trois fois sur "
    "la touche Maj a le même effet.",
    "On a shared computer? After you finish, close the browser window, or:": "Vous utilisez un ordinateur partagé ? Lorsque vous avez terminé, fermez la fenêtre du "
    "navigateur, ou :",
    "Sign out of this questionnaire": "Se déconnecter de ce questionnaire",
    "Your answers are saved": "Vos réponses sont enregistrées",
    "To come back, open the personal link in your email again: you will continue where you left "
    "off.": "Pour revenir, ouvrez de nouveau le lien personnel reçu par courriel : vous reprendrez là "
    "où vous en étiez.",
    "Send your answers before %(closes)s.": "Envoyez vos réponses avant le %(closes)s.",
    "Continue now": "Continuer maintenant",
    "You have sent your answers. Thank you.": "Vous avez envoyé vos réponses. Merci.",
    "See your confirmation": "Voir votre confirmation",
    "Your answers were withdrawn at your request and deleted.": "Vos réponses ont été retirées et supprimées à votre demande.",
    "The questionnaire is not ready yet. Please come back later with the same link.": "Le questionnaire n’est pas encore prêt. Veuillez revenir plus tard avec le même lien.",
    "The questionnaire opens on %(opens)s. Please come back then with the same link.": "Le questionnaire ouvrira le %(opens)s. Veuillez revenir à cette date avec le même lien.",
    "The questionnaire closed on %(closed)s. Thank you for your interest.": "Le questionnaire a pris fin le %(closed)s. Merci de votre intérêt.",
    "Before you start: how we use your answers": "Avant de commencer : comment nous utilisons vos réponses",
    "Your answers are saved on each page. You can leave and come back with the same link.": "Vos réponses sont enregistrées à chaque page. Vous pouvez quitter le questionnaire et "
    "revenir avec le même lien.",
    "Questions marked optional can be skipped.": "Vous pouvez passer les questions marquées « facultatif ».",
    "Continue where I left off": "Reprendre là où je m’étais arrêté",
    "Start the questionnaire": "Commencer le questionnaire",
    "Your answers brought in more questions on this page.": "Vos réponses ont fait apparaître d’autres questions sur cette page.",
    "Your name": "Votre nom",
    "Email address": "Adresse courriel",
    "We send your personal link to this address.": "Nous enverrons votre lien personnel à cette adresse.",
    "Why you would like to take part": "Pourquoi vous souhaitez participer",
    "Leave this empty": "Laissez ce champ vide",
    "Too many requests came from your network in the last hour. Try again later.": "Trop de demandes ont été reçues de votre réseau au cours de la dernière heure. "
    "Réessayez plus tard.",
    # Questionnaires: emails
    "Thank you for asking to take part in “%(consultation)s”. Your request is approved.": "Merci d’avoir demandé à participer à « %(consultation)s ». Votre demande a été "
    "approuvée.",
    "Your personal link (please do not share it: it opens your own answers):": "Votre lien personnel (veuillez ne pas le communiquer : il donne accès à vos propres "
    "réponses) :",
    "Please send your answers before %(closes)s.": "Veuillez envoyer vos réponses avant le %(closes)s.",
    "Thank you for asking to take part in “%(consultation)s”. The team is not able to send you "
    "the questionnaire.": "Merci d’avoir demandé à participer à « %(consultation)s ». L’équipe n’est pas en mesure "
    "de vous envoyer le questionnaire.",
    "If you think this is a mistake, or to share your views another way, write to the "
    "consultation team:": "Si vous pensez qu’il s’agit d’une erreur, ou pour nous faire part de votre point de vue "
    "autrement, écrivez à l’équipe de la consultation :",
    "As part of “%(consultation)s”, we would value your answers to this questionnaire:": "Dans le cadre de « %(consultation)s », nous vous serions reconnaissants de répondre "
    "au questionnaire suivant :",
    "Your answers are saved on each page, so you can stop and come back with the same link.": "Vos réponses sont enregistrées à chaque page : vous pouvez donc vous arrêter et revenir "
    "plus tard avec le même lien.",
    "A reminder: the questionnaire of “%(consultation)s” closes on %(closes)s.": "Rappel : le questionnaire de « %(consultation)s » prend fin le %(closes)s.",
    "Here is a new personal link (earlier links no longer work). Any answers you already saved "
    "are kept:": "Voici un nouveau lien personnel (les liens précédents ne fonctionnent plus). Les réponses "
    "que vous avez déjà enregistrées sont conservées :",
    # Questionnaires: staff screens
    "In the bars: invited (blue, top) and submitted (green, below), against the largest group.": "Dans les barres : personnes invitées (bleu, en haut) et ayant envoyé leurs réponses "
    "(vert, en bas), par rapport au groupe le plus nombreux.",
    "This questionnaire": "Ce questionnaire",
    "Set-up and inviting": "Configuration et invitations",
    "Dashboard": "Tableau de bord",
    "Access requests": "Demandes d’accès",
    "Responses and exports": "Réponses et exportations",
    "%(counter)s by email or on paper": (
        "%(counter)s par courriel ou sur papier",
        "%(counter)s par courriel ou sur papier",
    ),
    "Still in progress": "Toujours en cours",
    "Submissions by day": "Réponses envoyées par jour",
    "Day": "Jour",
    "Total so far": "Total cumulatif",
    "No answers have been sent yet.": "Aucune réponse n’a encore été envoyée.",
    "open now": "ouvert en ce moment",
    "Requests waiting": "Demandes en attente",
    "Change the settings and privacy notice": "Modifier les paramètres et l’avis de confidentialité",
    "The form": "Le formulaire",
    "Versions": "Versions",
    "Version": "Version",
    "Uploaded": "Téléversée le",
    "Responses": "Réponses",
    "Download": "Télécharger",
    "version": "version",
    "No form yet: upload an XLSForm.": "Aucun formulaire pour l’instant : téléversez un fichier XLSForm.",
    "The form cannot be used: %(counter)s problem": (
        "Le formulaire ne peut pas être utilisé : %(counter)s problème",
        "Le formulaire ne peut pas être utilisé : %(counter)s problèmes",
    ),
    "Nothing was changed. Correct the file and upload it again.": "Rien n’a été modifié. Corrigez le fichier et téléversez-le de nouveau.",
    "Upload the form": "Téléverser le formulaire",
    "Send personal links": "Envoyer des liens personnels",
    "Everyone in the registry who matches gets a personal link by email, except people already "
    "invited and people who asked not to be contacted. Leave every filter empty to invite the "
    "whole registry.": "Toutes les personnes du répertoire qui correspondent reçoivent un lien personnel par "
    "courriel, sauf celles déjà invitées et celles qui ont demandé à ne pas être contactées. "
    "Laissez tous les filtres vides pour inviter tout le répertoire.",
    "Send the links": "Envoyer les liens",
    "A reminder with a fresh link goes to everyone who has not sent their answers: at most "
    "%(limit)s per person, %(days)s days apart. Saved answers are kept.": "Une relance accompagnée d’un nouveau lien est envoyée à toutes les personnes qui n’ont "
    "pas encore envoyé leurs réponses : au plus %(limit)s par personne, à %(days)s jours "
    "d’intervalle. Les réponses déjà enregistrées sont conservées.",
    "Send reminders": "Envoyer les relances",
    "Requests from people not on the list": "Demandes de personnes absentes de la liste",
    "Anyone can ask for the questionnaire on this page:": "Toute personne peut demander le questionnaire sur cette page :",
    "Link to it from the consultation page": "Ajouter un lien vers cette page sur la page de la consultation",
    "Requests are turned off in the settings.": "Les demandes sont désactivées dans les paramètres.",
    "Questionnaire settings": "Paramètres du questionnaire",
    "New questionnaire": "Nouveau questionnaire",
    "The privacy notice is shown before the first question: say why you ask, how answers are "
    "used and published, how long they are kept, and whom to contact.": "L’avis de confidentialité s’affiche avant la première question : indiquez pourquoi vous "
    "posez ces questions, comment les réponses sont utilisées et publiées, combien de temps "
    "elles sont conservées et avec qui communiquer.",
    "Enter a response": "Saisir une réponse",
    "Enter a response received by email or on paper": "Saisir une réponse reçue par courriel ou sur papier",
    "Type the answers as received. Questions that do not apply given earlier answers are ignored "
    "when saving.": "Saisissez les réponses telles qu’elles ont été reçues. Les questions qui ne "
    "s’appliquent pas compte tenu des réponses précédentes sont ignorées à l’enregistrement.",
    "Save the response": "Enregistrer la réponse",
    "Questionnaires of this consultation": "Questionnaires de cette consultation",
    "Title": "Titre",
    "This consultation has no questionnaire yet.": "Cette consultation n’a pas encore de questionnaire.",
    "Waiting for a decision": "En attente d’une décision",
    "Email": "Courriel",
    "Decision": "Décision",
    "Approve and send a link": "Approuver et envoyer un lien",
    "Decline": "Refuser",
    "No request is waiting.": "Aucune demande en attente.",
    "Decided": "Demandes traitées",
    "By": "Par",
    "On": "Date",
    "None yet.": "Aucune pour l’instant.",
    "Response": "Réponse",
    "Channel": "Mode de réponse",
    "Reading an individual response is recorded in the history.": "L’affichage d’une réponse individuelle est consigné dans l’historique.",
    "Withdraw at the respondent's request": "Retirer à la demande de la personne qui a répondu",
    "The answers are deleted for good. The response stays counted as withdrawn.": "Les réponses sont supprimées définitivement. Cette participation reste comptée comme "
    "retirée.",
    "The respondent asked for their answers to be withdrawn": "La personne qui a répondu a demandé le retrait de ses réponses",
    "Withdraw and delete the answers": "Retirer et supprimer les réponses",
    "Export the submitted answers": "Exporter les réponses envoyées",
    "Every export is recorded in the history. Exports hold no names or email addresses, only a "
    "reference per response.": "Chaque exportation est consignée dans l’historique. Les exportations ne contiennent ni "
    "noms ni adresses courriel, seulement une référence par réponse.",
    "Reference": "Référence",
    "No one has started yet.": "Personne n’a encore commencé.",
    "Questionnaire created. Next, upload its XLSForm.": "Questionnaire créé. Téléversez maintenant son fichier XLSForm.",
    "This version already has answers, so it cannot be changed. Tick the box to start a new "
    "version: the answers already given keep theirs.": "Cette version a déjà des réponses : elle ne peut donc pas être modifiée. Cochez la case "
    "pour créer une nouvelle version : les réponses déjà reçues restent rattachées à leur version.",
    "Version %(number)d is ready: %(count)d questions on %(pages)d pages.": "La version %(number)d est prête : %(count)d questions sur %(pages)d pages.",
    "Upload the form before inviting anyone.": "Téléversez le formulaire avant d’inviter qui que ce soit.",
    "Sent personal links to %(invited)s people. Already invited: %(already)s. Not contacted at "
    "their request: %(dnc)s. The emails are in the outbox.": "Liens personnels envoyés à %(invited)s personnes. Déjà invitées : %(already)s. Non "
    "contactées à leur demande : %(dnc)s. Les courriels sont dans la boîte d’envoi.",
    "Reminders queued: %(count)s (at most %(limit)s per person, %(days)s days apart, only to "
    "people who have not sent their answers).": "Relances en attente d’envoi : %(count)s (au plus %(limit)s par personne, à %(days)s "
    "jours d’intervalle, seulement aux personnes qui n’ont pas envoyé leurs réponses).",
    "The consultation page now links to the request page.": "La page de la consultation renvoie maintenant à la page de demande.",
    "The link was not added to the consultation page: %(reason)s": "Le lien n'a pas été ajouté à la page de la consultation : %(reason)s",
    "Approved: a personal link is on its way by email.": "Demande approuvée : un lien personnel sera envoyé par courriel.",
    "Declined: a short note is on its way by email.": "Demande refusée : un court message sera envoyé par courriel.",
    "Someone had already decided on this request.": "Une autre personne avait déjà traité cette demande.",
    "Tick the box to confirm that the respondent asked for this.": "Cochez la case pour confirmer que la personne qui a répondu en a fait la demande.",
    "The answers were withdrawn and deleted.": "Les réponses ont été retirées et supprimées.",
    "Response R%(number)05d saved.": "Réponse R%(number)05d enregistrée.",
    "Version %(number)d": "Version %(number)d",
    "Each version has its own questions, so each is exported on its own.": "Chaque version a ses propres questions : chacune est donc exportée séparément.",
    "Choose a format, a language and a version.": "Choisissez un format, une langue et une version.",
    # Questionnaires: XLSForm import problems (XLSForm sheet, column and type names stay as written)
    "sheet “%(sheet)s”": "feuille « %(sheet)s »",
    "row %(row)d": "ligne %(row)d",
    "column “%(column)s”": "colonne « %(column)s »",
    "This is not a readable .xlsx file (%s).": "Ce fichier .xlsx est illisible (%s).",
    "Save the CSV file as UTF-8.": "Enregistrez le fichier CSV en UTF-8.",
    "Save the form as .xlsx: the old .xls format is not read.": "Enregistrez le formulaire en .xlsx : l’ancien format .xls ne peut pas être lu.",
    "Upload the XLSForm as an .xlsx or .csv file.": "Téléversez le formulaire XLSForm sous forme de fichier .xlsx ou .csv.",
    "Give this column a language: “%(base)s::English (en)” and “%(base)s::Français (fr)”.": "Indiquez la langue de cette colonne : « %(base)s::English (en) » et "
    "« %(base)s::Français (fr) ».",
    "Only English (en) and French (fr) are supported.": "Seuls l’anglais (en) et le français (fr) sont pris en charge.",
    "This column is not supported.": "Cette colonne n’est pas prise en charge.",
    "The %(language)s text is missing.": "Il manque le texte dans la langue suivante : %(language)s.",
    "${%(name)s} is not a field of this form.": "${%(name)s} n’est pas un champ de ce formulaire.",
    "“.” (this answer) can be used only in a constraint.": "« . » (cette réponse) ne peut être utilisé que dans une contrainte.",
    "Write references to other fields as ${name}; “%(name)s” is not one.": "Écrivez les références aux autres champs sous la forme ${name} ; « %(name)s » n’en est "
    "pas une.",
    "The choices sheet has no column “%(name)s” for this list.": "La feuille choices n’a pas de colonne « %(name)s » pour cette liste.",
    "The default must be a whole number.": "La valeur par défaut doit être un nombre entier.",
    "The default must be a number.": "La valeur par défaut doit être un nombre.",
    "The default must be a date written YYYY-MM-DD.": "La valeur par défaut doit être une date écrite sous la forme AAAA-MM-JJ.",
    "The default is not a choice of this list: %s.": "La valeur par défaut ne fait pas partie des choix de cette liste : %s.",
    "A default is not supported on this type of question.": "Ce type de question n’accepte pas de valeur par défaut.",
    "The form has no “survey” sheet.": "Le formulaire n’a pas de feuille « survey ».",
    "Sheets other than survey, choices and settings are not supported.": "Seules les feuilles survey, choices et settings sont prises en charge.",
    "The survey sheet needs “type” and “name” columns.": "La feuille survey doit avoir les colonnes « type » et « name ».",
    "The name “%(name)s” is already used on row %(row)d.": "Le nom « %(name)s » est déjà utilisé à la ligne %(row)d.",
    "The type is missing.": "Il manque le type.",
    "The type “%(type)s” is not supported%(why)s.": "Le type « %(type)s » n’est pas pris en charge%(why)s.",
    "This end_group has no begin_group.": "Ce end_group n’a pas de begin_group correspondant.",
    "The name is missing.": "Il manque le nom.",
    "“%(name)s” is not a valid name: use letters, digits and _, starting with a letter.": "« %(name)s » n’est pas un nom valide : utilisez des lettres, des chiffres et _, en "
    "commençant par une lettre.",
    "Name the choice list after the type, as in “%(type)s my_list”.": "Indiquez le nom de la liste de choix après le type, par exemple « %(type)s ma_liste ».",
    "The choices sheet has no list “%(list)s”.": "La feuille choices ne contient pas de liste « %(list)s ».",
    "The type “%(type)s” takes no list name.": "Le type « %(type)s » ne prend pas de nom de liste.",
    "The appearance “%(appearance)s” is not supported on %(type)s.": "L’apparence « %(appearance)s » n’est pas prise en charge pour le type %(type)s.",
    "Groups inside groups are not supported (the group on row %(row)d is still open).": "Les groupes imbriqués ne sont pas pris en charge (le groupe de la ligne %(row)d est "
    "encore ouvert).",
    "A group takes no %(column)s.": "Un groupe ne prend pas de colonne %(column)s.",
    "A group or a repeat takes no read_only: write it on each of its questions.": "Un groupe ou une répétition ne prend pas de colonne read_only : indiquez-la sur chacune de ses questions.",
    "A calculate row takes no label.": "Une ligne calculate ne prend pas de libellé.",
    "Write yes or no: conditional “required” is not supported.": "Écrivez yes ou no : une valeur « required » conditionnelle n’est pas prise en charge.",
    "A %(type)s cannot be required.": "Une ligne de type %(type)s ne peut pas être obligatoire.",
    "A required message needs required = yes.": "Un message d’obligation (required_message) exige required = yes.",
    "A %(type)s takes no constraint.": "Une ligne de type %(type)s ne prend pas de contrainte.",
    "A constraint message needs a constraint.": "Un message de contrainte exige une contrainte.",
    "A calculate row needs a calculation.": "Une ligne calculate exige un calcul (calculation).",
    "Only calculate rows take a calculation.": "Seules les lignes calculate prennent un calcul (calculation).",
    "Only select_one, select_multiple and rank take a choice_filter.": "Seuls select_one, select_multiple et rank acceptent un choice_filter.",
    "This group has no end_group.": "Ce groupe n’a pas de end_group.",
    "The choices sheet needs “list_name” and “name” columns.": "La feuille choices doit avoir les colonnes « list_name » et « name ».",
    "The list name is missing.": "Il manque le nom de la liste.",
    "The choice name is missing.": "Il manque le nom du choix.",
    "A choice name cannot hold spaces.": "Un nom de choix ne peut pas contenir d’espaces.",
    "“%(name)s” is already in list “%(list)s”, row %(row)d: rename one, or set "
    "allow_choice_duplicates to yes if a choice_filter tells them apart.": (
        "« %(name)s » figure déjà dans la liste « %(list)s », à la ligne %(row)d : renommez "
        "l’un des deux, ou réglez allow_choice_duplicates sur yes si un choice_filter les "
        "distingue."
    ),
    "This setting is not supported.": "Ce paramètre n’est pas pris en charge.",
    "Heard always shows one group per page; leave style empty or write pages.": "Heard affiche toujours un groupe par page ; laissez style vide ou inscrivez pages.",
    "pyxform: %s": "pyxform : %s",
    "repeats are not supported": "les répétitions (repeat) ne sont pas prises en charge",
    "time questions are not supported": "les questions sur l’heure ne sont pas prises en charge",
    "date-and-time questions are not supported": "les questions sur la date et l’heure ne sont pas prises en charge",
    "locations are not supported": "les emplacements géographiques ne sont pas pris en charge",
    "photos and files are not supported": "les photos et les fichiers ne sont pas pris en charge",
    "barcodes are not supported": "les codes-barres ne sont pas pris en charge",
    "ranges are not supported": "les plages de valeurs (range) ne sont pas prises en charge",
    "use acknowledge instead of trigger": "utilisez acknowledge au lieu de trigger",
    "choices from a file are not supported": "les choix provenant d’un fichier ne sont pas pris en charge",
    "Put the column names on row 1.": "Inscrivez les noms des colonnes à la ligne 1.",
    "Remove the empty rows above this one: XLSForm tools stop reading after %(count)d empty rows.": "Supprimez les lignes vides au-dessus de celle-ci : les outils XLSForm cessent la lecture "
    "après %(count)d lignes vides.",
    "Move this column next to the others: XLSForm tools stop reading after %(count)d empty "
    "columns.": "Déplacez cette colonne à côté des autres : les outils XLSForm cessent la lecture après "
    "%(count)d colonnes vides.",
    "This column repeats column “%(other)s”.": "Cette colonne fait double emploi avec la colonne « %(other)s ».",
    "Write this language “%(language)s”, as column “%(other)s” does: XLSForm tools take each "
    "spelling for another language.": "Écrivez cette langue « %(language)s », comme dans la colonne « %(other)s » : les outils "
    "XLSForm considèrent chaque graphie comme une langue différente.",
    "A text cannot show answers: ${…} is not supported here.": "Un texte ne peut pas afficher de réponses : ${…} n’est pas pris en charge ici.",
    "Remove the control character from this cell.": "Supprimez le caractère de contrôle de cette cellule.",
    "Calculated defaults are not supported: write a fixed value.": "Les valeurs par défaut calculées ne sont pas prises en charge : inscrivez une valeur fixe.",
    "Write the type in lower case: “%(type)s”.": "Écrivez le type en minuscules : « %(type)s ».",
    "The name “%(name)s” is reserved.": "Le nom « %(name)s » est réservé.",
    "“or_other” is not supported: add an “other” choice and a text question shown when it is "
    "chosen.": "« or_other » n’est pas pris en charge : ajoutez un choix « Autre » et une question texte "
    "affichée lorsque ce choix est sélectionné.",
    "A list name cannot hold spaces.": "Un nom de liste ne peut pas contenir d’espaces.",
    "This calculation depends on its own result.": "Ce calcul dépend de son propre résultat.",
    # Uploads past their limits (heard.archives: decompression bombs, rows, lines)
    "“%(name)s” holds %(found)s parts, more than the limit of %(limit)s; nothing was read.": "« %(name)s » contient %(found)s parties, plus que la limite de %(limit)s ; rien n'a été lu.",
    "“%(name)s” lists its parts in %(found)s, more than the limit of %(limit)s; nothing was read.": "« %(name)s » décrit ses parties en %(found)s, plus que la limite de %(limit)s ; rien n'a été lu.",
    "“%(name)s” would expand to %(found)s when opened, more than the limit of %(limit)s; nothing was read.": "« %(name)s » occuperait %(found)s une fois décompressé, plus que la limite de %(limit)s ; rien n'a été lu.",
    "“%(name)s” is compressed %(found)s to 1 in its part %(part)s, more than the limit of %(limit)s to 1; nothing was read.": "« %(name)s » est compressé à %(found)s pour 1 dans sa partie %(part)s, plus que la limite de %(limit)s pour 1 ; rien n'a été lu.",
    "“%(name)s” is compressed %(found)s to 1, more than the limit of %(limit)s to 1; nothing was read.": "« %(name)s » est compressé à %(found)s pour 1, plus que la limite de %(limit)s pour 1 ; rien n'a été lu.",
    "“%(name)s” has a part, %(part)s, compressed in a way spreadsheets and documents never are; nothing was read.": "« %(name)s » a une partie, %(part)s, compressée d'une façon que les classeurs et les documents n'emploient jamais ; rien n'a été lu.",
    "“%(name)s” is damaged or forged: its part %(part)s holds more than the %(limit)s it declares; nothing was read.": "« %(name)s » est endommagé ou falsifié : sa partie %(part)s contient plus que les %(limit)s qu'elle annonce ; rien n'a été lu.",
    "“%(name)s” declares %(found)s rows on sheet “%(sheet)s”, more than the limit of %(limit)s; nothing was read.": "« %(name)s » annonce %(found)s lignes dans la feuille « %(sheet)s », plus que la limite de %(limit)s ; rien n'a été lu.",
    "“%(name)s” declares %(found)s columns on sheet “%(sheet)s”, more than the limit of %(limit)s; nothing was read.": "« %(name)s » annonce %(found)s colonnes dans la feuille « %(sheet)s », plus que la limite de %(limit)s ; rien n'a été lu.",
    "“%(name)s” has more rows on sheet “%(sheet)s” than the limit of %(limit)s; reading stopped there and nothing from the file was used.": "« %(name)s » a plus de lignes dans la feuille « %(sheet)s » que la limite de %(limit)s ; la lecture s'est arrêtée là et rien du fichier n'a été utilisé.",
    "“%(name)s” has a row of %(found)s columns on sheet “%(sheet)s”, more than the limit of %(limit)s; reading stopped there and nothing from the file was used.": "« %(name)s » a une ligne de %(found)s colonnes dans la feuille « %(sheet)s », plus que la limite de %(limit)s ; la lecture s'est arrêtée là et rien du fichier n'a été utilisé.",
    "“%(name)s” is %(found)s, more than the limit of %(limit)s; nothing was read.": "« %(name)s » fait %(found)s, plus que la limite de %(limit)s ; rien n'a été lu.",
    "“%(name)s” has %(found)s lines, more than the limit of %(limit)s; nothing was read.": "« %(name)s » a %(found)s lignes, plus que la limite de %(limit)s ; rien n'a été lu.",
    "%(amount)s MB": "%(amount)s Mo",
    "%(amount)s KB": "%(amount)s Ko",
    "%(amount)s bytes": "%(amount)s octets",
    # Analysis: runs and the review of records
    "Questionnaire questions": "Questions du questionnaire",
    "The free-text questions whose submitted answers the analysis reads.": "Les questions à réponse libre dont l'analyse lit les réponses soumises.",
    "Session notes": "Notes des séances",
    "Each paragraph of every session's notes is one record.": "Chaque paragraphe des notes de chaque séance est un enregistrement.",
    "Code the records with the consultation's codebook": "Coder les enregistrements avec la grille de codage de la consultation",
    "The engine learns from every record people have reviewed, and suggests codes for the rest.": "Le moteur apprend de chaque enregistrement révisé par une personne et propose des codes pour les autres.",
    "Compare with an earlier consultation (optional)": "Comparer avec une consultation antérieure (facultatif)",
    "What rose, what fell and what is new since then.": "Ce qui a augmenté, ce qui a diminué et ce qui est nouveau depuis.",
    "No comparison": "Aucune comparaison",
    "This consultation has no codebook yet: the engine will look for themes only.": "Cette consultation n'a pas encore de grille de codage : le moteur cherchera seulement des thèmes.",
    "Choose at least one source: a question, or the session notes.": "Choisissez au moins une source : une question, ou les notes des séances.",
    "Not decided": "Non décidé",
    "Applies": "S'applique",
    "Does not apply": "Ne s'applique pas",
    "Add codes": "Ajouter des codes",
    "Codes the engine did not suggest. Hold Ctrl (or ⌘) to choose several.": "Des codes que le moteur n'a pas proposés. Maintenez Ctrl (ou ⌘) enfoncée pour en choisir plusieurs.",
    "Code": "Code",
    "Sentence": "Phrase",
    "Choose the sentence to code.": "Choisissez la phrase à coder.",
    "Waiting for the worker": "En attente du processus d'arrière-plan",
    "Running": "En cours",
    "Finished": "Terminée",
    "the whole text": "le texte entier",
    "the words a campaign member added": "les mots ajoutés par un membre de la campagne",
    "confirmed": "confirmé",
    "rejected": "rejeté",
    "added": "ajouté",
    "Gathering the answers and notes": "Collecte des réponses et des notes",
    "Removing personal information and detecting languages": "Retrait des renseignements personnels et détection des langues",
    "Finding campaigns (copied letters)": "Recherche des campagnes (lettres copiées)",
    "Reading what each answer means": "Lecture du sens de chaque réponse",
    "Learning the codes from the codebook and the reviewed examples": "Apprentissage des codes à partir de la grille de codage et des exemples révisés",
    "Suggesting codes": "Proposition de codes",
    "Looking for themes": "Recherche de thèmes",
    "Comparing segments": "Comparaison des segments",
    "Reading the earlier consultation": "Lecture de la consultation antérieure",
    "Finding campaigns in the earlier consultation": "Recherche des campagnes dans la consultation antérieure",
    "Reading what each answer of the earlier consultation means": "Lecture du sens de chaque réponse de la consultation antérieure",
    "Coding the earlier consultation": "Codage de la consultation antérieure",
    "Finding the themes in the earlier consultation": "Recherche des thèmes dans la consultation antérieure",
    "Choosing candidate quotes": "Choix des citations possibles",
    "Choosing the records to review next": "Choix des enregistrements à réviser ensuite",
    "Writing the results": "Écriture des résultats",
    "Saving the results": "Enregistrement des résultats",
    "Working": "Travail en cours",
    "less than a minute left": "moins d'une minute restante",
    "about %(n)s minute left": ("environ %(n)s minute restante", "environ %(n)s minutes restantes"),
    "%(done)s of %(total)s": "%(done)s sur %(total)s",
    ": ": " : ",
    "(stopping…)": "(arrêt en cours…)",
    "Analysis": "Analyse",
    "An analysis reads the answers and session notes, removes personal information, finds campaigns, suggests codes and themes, and compares segments. It runs in the background; each run is kept as it was, so two runs can be compared. People then review what it suggested.": "Une analyse lit les réponses et les notes des séances, retire les renseignements personnels, trouve les campagnes, propose des codes et des thèmes, et compare les segments. Elle s'exécute en arrière-plan ; chaque exécution est conservée telle quelle, ce qui permet d'en comparer deux. Des personnes révisent ensuite ses propositions.",
    "Codebook: revision %(revision)s.": "Grille de codage : révision %(revision)s.",
    "This consultation has no codebook yet.": "Cette consultation n'a pas encore de grille de codage.",
    "Runs": "Exécutions",
    "Run": "Exécution",
    "Records": "Enregistrements",
    "Started by": "Lancée par",
    "Run %(number)s": "Exécution %(number)s",
    "No analysis has been run yet.": "Aucune analyse n'a encore été exécutée.",
    "Start an analysis": "Lancer une analyse",
    "The questionnaire has no free-text questions yet.": "Le questionnaire n'a pas encore de question à réponse libre.",
    "Start the analysis": "Lancer l'analyse",
    "Leads and analysts start analyses and read the records; you see the counts.": "Les responsables et les analystes lancent les analyses et lisent les enregistrements ; vous voyez les décomptes.",
    "Record %(key)s (run %(number)s)": "Enregistrement %(key)s (exécution %(number)s)",
    "Record %(key)s": "Enregistrement %(key)s",
    "Records of run %(number)s": "Enregistrements de l'exécution %(number)s",
    "Previous record": "Enregistrement précédent",
    "Next record": "Enregistrement suivant",
    "Source": "Source",
    "Undetermined": "Indéterminée",
    "Campaign": "Campagne",
    "Text (personal information removed)": "Texte (renseignements personnels retirés)",
    "What this campaign member added": "Ce que ce membre de la campagne a ajouté",
    "Codes for the whole text": "Codes du texte entier",
    "an example the engine learned from": "un exemple dont le moteur a appris",
    "suggested by the engine (%(confidence)s)": "proposé par le moteur (%(confidence)s)",
    "added by a person": "ajouté par une personne",
    "%(who)s: %(verdict)s, %(when)s": "%(who)s : %(verdict)s, %(when)s",
    "The engine suggested no code for this text.": "Le moteur n'a proposé aucun code pour ce texte.",
    "Save and go to the next record": "Enregistrer et passer à l'enregistrement suivant",
    "Save review": "Enregistrer la révision",
    "Code part of the text": "Coder une partie du texte",
    "Choose a sentence, or select any words in the text above, then the code.": "Choisissez une phrase, ou sélectionnez des mots dans le texte ci-dessus, puis le code.",
    "Code this part": "Coder cette partie",
    "Coded parts": "Parties codées",
    "by %(who)s, %(when)s": "par %(who)s, %(when)s",
    "Remove": "Retirer",
    "This run had no codebook: there are no codes to review. Give the consultation a codebook and run the analysis again.": "Cette exécution n'avait pas de grille de codage : il n'y a aucun code à réviser. Donnez une grille de codage à la consultation et relancez l'analyse.",
    "Reviewed by": "Révisé par",
    "Back to run %(number)s": "Retour à l'exécution %(number)s",
    "Texts are shown with personal information removed. Opening a record is written to the History.": "Les textes sont affichés sans les renseignements personnels. L'ouverture d'un enregistrement est inscrite dans l'historique.",
    "Any": "N'importe lequel",
    "Reviewed by a person": "Révisé par une personne",
    "Not yet": "Pas encore",
    "Yes": "Oui",
    "In a campaign": "Dans une campagne",
    "No": "Non",
    "Show": "Afficher",
    "%(counter)s record": ("%(counter)s enregistrement", "%(counter)s enregistrements"),
    "Record": "Enregistrement",
    "Text": "Texte",
    "Engine's codes": "Codes du moteur",
    "Reviewed": "Révisé",
    "campaign": "campagne",
    "No records match.": "Aucun enregistrement ne correspond.",
    "Analysis run %(number)s": "Exécution d'analyse %(number)s",
    "All runs": "Toutes les exécutions",
    "Codebook": "Grille de codage",
    "revision %(revision)s": "révision %(revision)s",
    "none: themes only": "aucune : thèmes seulement",
    "Compared with": "Comparée avec",
    "Ended": "Terminée le",
    "The analysis goes on in the background: you may leave this page and come back to it.": "L'analyse se poursuit en arrière-plan : vous pouvez quitter cette page et y revenir.",
    "Cancel this analysis": "Annuler cette analyse",
    "The analysis failed; nothing of it was kept.": "L'analyse a échoué ; rien n'en a été conservé.",
    "This analysis was cancelled; nothing of it was kept.": "Cette analyse a été annulée ; rien n'en a été conservé.",
    "What it read": "Ce qu'elle a lu",
    "%(raw)s record (%(dedup)s with each campaign counted once).": (
        "%(raw)s enregistrement (%(dedup)s en comptant chaque campagne une fois).",
        "%(raw)s enregistrements (%(dedup)s en comptant chaque campagne une fois).",
    ),
    "The engine learned from %(n)s record reviewed by people.": (
        "Le moteur a appris de %(n)s enregistrement révisé par des personnes.",
        "Le moteur a appris de %(n)s enregistrements révisés par des personnes.",
    ),
    "Review the records": "Réviser les enregistrements",
    "Records nobody has reviewed": "Enregistrements que personne n'a révisés",
    "Reviewed by people": "Révisés par des personnes",
    "Share": "Part",
    "Languages and personal information": "Langues et renseignements personnels",
    "Removed before anything else:": "Retirés avant toute autre étape :",
    "No personal information was found to remove.": "Aucun renseignement personnel à retirer n'a été trouvé.",
    "Campaigns": "Campagnes",
    "%(n)s campaign: copies of one text, counted once where counts are deduplicated.": (
        "%(n)s campagne : des copies d'un même texte, comptées une fois dans les décomptes dédoublonnés.",
        "%(n)s campagnes : des copies d'un même texte, comptées une fois dans les décomptes dédoublonnés.",
    ),
    "Codes": "Codes",
    "Records (engine)": "Enregistrements (moteur)",
    "With each campaign once": "Chaque campagne comptée une fois",
    "Kept by people": "Retenus par des personnes",
    "Rejected by people": "Rejetés par des personnes",
    "Candidate themes": "Thèmes possibles",
    "No candidate themes beyond the codebook.": "Aucun thème possible hors de la grille de codage.",
    "How this run was made (manifest)": "Comment cette exécution a été produite (manifeste)",
    "Engine": "Moteur",
    "Seed": "Graine",
    "The analysis was cancelled.": "L'analyse a été annulée.",
    "The analysis will stop at its next step.": "L'analyse s'arrêtera à sa prochaine étape.",
    "Review saved.": "Révision enregistrée.",
    "That part of the text is empty.": "Cette partie du texte est vide.",
    "Excerpt coded.": "Extrait codé.",
    "Excerpt code removed.": "Code de l'extrait retiré.",
    # Analysis: the codebook editor
    "Use letters, digits, hyphens and underscores only.": "Utilisez seulement des lettres, des chiffres, des traits d'union et des traits de soulignement.",
    "The key “%(key)s” is already used by another code as “%(other)s”: keys that differ only in case are the same key.": "La clé « %(key)s » est déjà utilisée par un autre code sous la forme « %(other)s » : des clés qui ne diffèrent que par les majuscules sont la même clé.",
    "There is no code “%(key)s”.": "Il n'y a pas de code « %(key)s ».",
    "A code cannot be placed under itself or one of its sub-codes.": "Un code ne peut pas être placé sous lui-même ni sous l'un de ses sous-codes.",
    "The key “%(key)s” is already used by another code.": "La clé « %(key)s » est déjà utilisée par un autre code.",
    "Move or delete its sub-codes first.": "Déplacez ou supprimez d'abord ses sous-codes.",
    "Key": "Clé",
    "A short, stable name: letters, digits and hyphens (shelters-housing). Keys that differ only in case are the same key.": "Un nom court et stable : lettres, chiffres et traits d'union (shelters-housing). Des clés qui ne diffèrent que par les majuscules sont la même clé.",
    "Under": "Sous",
    "Group": "Groupe",
    "Top-level codes only: pillar for the themes, statement-type for gap, emerging issue, trend and the like (what kind of thing a text says, not what it is about).": "Codes de premier niveau seulement : pillar pour les thèmes, statement-type pour lacune, nouvel enjeu, tendance et autres (le genre de chose qu'un texte dit, et non son sujet).",
    "Description (English)": "Description (anglais)",
    "Description (French)": "Description (français)",
    "Keywords (English)": "Mots-clés (anglais)",
    "Keywords (French)": "Mots-clés (français)",
    "Examples": "Exemples",
    "Texts this code fits, one per line, in either language.": "Des textes auxquels ce code convient, un par ligne, dans l'une ou l'autre langue.",
    "(top level)": "(premier niveau)",
    "Codebook file": "Fichier de la grille de codage",
    "YAML (.yaml), TOML (.toml), JSON (.json) or REFI-QDA (.qdc), up to 2 MB. It replaces the whole codebook as a new revision; runs already made keep the codebook they used.": "YAML (.yaml), TOML (.toml), JSON (.json) ou REFI-QDA (.qdc), jusqu'à 2 Mo. Il remplace toute la grille de codage par une nouvelle révision ; les exécutions déjà faites gardent la grille qu'elles ont utilisée.",
    "Add a sub-code": "Ajouter un sous-code",
    "Change the code %(key)s": "Modifier le code %(key)s",
    "Add a code": "Ajouter un code",
    "This code cannot be deleted: %(refusal)s": "Ce code ne peut pas être supprimé : %(refusal)s",
    "Delete this code": "Supprimer ce code",
    "People's decisions on a deleted code stay in the History; runs already made keep it.": "Les décisions prises sur un code supprimé restent dans l'historique ; les exécutions déjà faites le conservent.",
    "The codes analysts give what people said: in a hierarchy, named in English and French. Top-level codes may belong to a group: the pillars, or the kind of statement (a gap, an emerging issue, a trend).": "Les codes que les analystes attribuent à ce que les gens ont dit : en hiérarchie, nommés en anglais et en français. Les codes de premier niveau peuvent appartenir à un groupe : les piliers, ou le genre d'énoncé (une lacune, un nouvel enjeu, une tendance).",
    "Revision %(revision)s, changed %(when)s.": "Révision %(revision)s, modifiée le %(when)s.",
    "Download:": "Télécharger :",
    "The codebook is empty.": "La grille de codage est vide.",
    "Replace it with a file": "La remplacer par un fichier",
    "Replace the codebook": "Remplacer la grille de codage",
    "See and change the codebook": "Voir et modifier la grille de codage",
    "Make a codebook": "Créer une grille de codage",
    "The file is larger than 2 MB.": "Le fichier dépasse 2 Mo.",
    "The codebook has %(n)s problem; nothing was changed.": (
        "La grille de codage comporte %(n)s problème ; rien n'a été modifié.",
        "La grille de codage comporte %(n)s problèmes ; rien n'a été modifié.",
    ),
    "Codebook replaced: revision %(n)s.": "Grille de codage remplacée : révision %(n)s.",
    "The file holds the same codebook; nothing changed.": "Le fichier contient la même grille de codage ; rien n'a changé.",
    "Code deleted.": "Code supprimé.",
    "Codebook saved.": "Grille de codage enregistrée.",
    # Analysis: themes and quotes people approve
    "Accept it as a new code": "L'accepter comme nouveau code",
    "Merge it into an existing code": "Le fusionner avec un code existant",
    "Reject it": "Le rejeter",
    "Key of the new code": "Clé du nouveau code",
    "Merge into": "Fusionner avec",
    "Choose a code": "Choisissez un code",
    "Needed to accept the theme as a code.": "Nécessaire pour accepter le thème comme code.",
    "Choose the code to merge the theme into.": "Choisissez le code avec lequel fusionner le thème.",
    "Text to publish": "Texte à publier",
    "Check that nothing could identify anyone. You may remove words or replace them with a placeholder such as [NAME]; you may not add any.": "Vérifiez que rien ne permet d'identifier qui que ce soit. Vous pouvez retirer des mots ou les remplacer par un espace réservé comme [NAME] ; vous ne pouvez pas en ajouter.",
    "accepted as a new code": "accepté comme nouveau code",
    "merged into a code": "fusionné avec un code",
    "approved": "approuvée",
    "Candidate quotes of run %(number)s": "Citations possibles de l'exécution %(number)s",
    "Approve": "Approuver",
    "Reject": "Rejeter",
    "No candidate quotes: the engine quotes only people who agreed to it, and only codes of the codebook or themes people have accepted.": "Aucune citation possible : le moteur ne cite que les personnes qui l'ont accepté, et seulement pour les codes de la grille ou les thèmes acceptés par des personnes.",
    "Decide on the candidate themes": "Se prononcer sur les thèmes possibles",
    "Approve quotes": "Approuver des citations",
    "Candidate themes of run %(number)s": "Thèmes possibles de l'exécution %(number)s",
    "The engine groups what the codebook does not cover into candidate themes. A theme reaches a report only once people accept it as a code or merge it into one; its key phrases then teach the engine, in the next run, with the records people review.": "Le moteur regroupe ce que la grille de codage ne couvre pas en thèmes possibles. Un thème n'entre dans un rapport qu'une fois accepté comme code ou fusionné avec un code ; ses expressions clés instruisent alors le moteur, à l'exécution suivante, avec les enregistrements révisés par des personnes.",
    "%(n)s record.": ("%(n)s enregistrement.", "%(n)s enregistrements."),
    "Change the decision": "Modifier la décision",
    "Decide": "Décider",
    "Save the decision": "Enregistrer la décision",
    "This run found no candidate themes beyond the codebook.": "Cette exécution n'a trouvé aucun thème possible hors de la grille de codage.",
    "Decision saved.": "Décision enregistrée.",
    "Only remove words or replace them with a placeholder such as [NAME].": "Retirez seulement des mots ou remplacez-les par un espace réservé comme [NAME].",
    "It still holds something shaped like an email address, a phone number, a postal code or a SIN: remove it first.": "Le texte contient encore quelque chose qui ressemble à une adresse courriel, un numéro de téléphone, un code postal ou un NAS : retirez-le d'abord.",
    "Quote decision saved.": "Décision sur la citation enregistrée.",
    "Short excerpts the engine chose for each code, only from people who agreed to be quoted without being named, never from a campaign's copied text. A quote reaches a report only once a person approves it, after checking that nothing in it could identify anyone.": "De courts extraits choisis par le moteur pour chaque code, seulement auprès de personnes qui ont accepté d'être citées sans être nommées, jamais dans le texte copié d'une campagne. Une citation n'entre dans un rapport qu'une fois approuvée par une personne, qui a vérifié que rien ne permet d'identifier qui que ce soit.",
    # Analysis: double coding and agreement
    "First analyst": "Premier analyste",
    "Second analyst": "Deuxième analyste",
    "A random sample of the run's records, campaign copies left out.": "Un échantillon aléatoire des enregistrements de l'exécution, sans les copies des campagnes.",
    "Choose two different people.": "Choisissez deux personnes différentes.",
    "Agreement between analysts, run %(number)s": "Accord entre analystes, exécution %(number)s",
    "Two analysts review the same records, each without seeing the other's verdicts first. How often they give the same codes tells how consistently the codebook is applied: Cohen's kappa and Krippendorff's alpha are 1 when they always agree and 0 when they agree no more than chance would. Above 0.8 is usually taken as reliable, 0.67 to 0.8 as tentative.": "Deux analystes révisent les mêmes enregistrements, chacun sans voir d'abord les verdicts de l'autre. La fréquence à laquelle ils donnent les mêmes codes indique la constance avec laquelle la grille de codage est appliquée : le kappa de Cohen et l'alpha de Krippendorff valent 1 lorsqu'ils sont toujours d'accord et 0 lorsqu'ils ne s'accordent pas plus que le hasard. Au-dessus de 0,8, on juge d'ordinaire l'accord fiable ; de 0,67 à 0,8, provisoire.",
    "Give a sample to two analysts": "Confier un échantillon à deux analystes",
    "Give them the sample": "Leur confier l'échantillon",
    "Each analyst finds their records under Review the records, filtered to the records given to them.": "Chaque analyste trouve ses enregistrements sous Réviser les enregistrements, filtrés sur ceux qui lui sont confiés.",
    "Records given to me": "Enregistrements qui me sont confiés",
    "Compare two analysts": "Comparer deux analystes",
    "Compare": "Comparer",
    "%(first)s and %(second)s both reviewed %(n)s record of this run.": (
        "%(first)s et %(second)s ont tous deux révisé %(n)s enregistrement de cette exécution.",
        "%(first)s et %(second)s ont tous deux révisé %(n)s enregistrements de cette exécution.",
    ),
    "Agreement by code": "Accord par code",
    "Both gave it": "Donné par les deux",
    "Neither": "Par aucun",
    "Only the first": "Par le premier seulement",
    "Only the second": "Par le deuxième seulement",
    "Cohen's kappa": "Kappa de Cohen",
    "Krippendorff's alpha": "Alpha de Krippendorff",
    "— : every verdict was the same (all given or none given), which says nothing about the code.": "— : tous les verdicts étaient identiques (tous donnés ou aucun), ce qui ne dit rien du code.",
    "Disagreements to resolve": "Désaccords à résoudre",
    "Open each record, talk it over, and change a verdict: it leaves this list when both agree.": "Ouvrez chaque enregistrement, discutez-en et modifiez un verdict : il quitte cette liste lorsque les deux sont d'accord.",
    "only %(who)s: %(codes)s": "seulement %(who)s : %(codes)s",
    "None.": "Aucun.",
    "Only records given to me": "Seulement les enregistrements qui me sont confiés",
    "Agreement between analysts": "Accord entre analystes",
    "%(n)s record given to both analysts.": (
        "%(n)s enregistrement confié aux deux analystes.",
        "%(n)s enregistrements confiés aux deux analystes.",
    ),
    "Other people's verdicts are hidden until you have reviewed this record: it is in your double-coding sample.": "Les verdicts des autres sont masqués tant que vous n'avez pas révisé cet enregistrement : il fait partie de votre échantillon de double codage.",
    # Analysis: the findings explorer
    "Findings of run %(number)s": "Constats de l'exécution %(number)s",
    "How often each code and theme comes up, overall and in each segment: the share of records, with its 95%% interval. Figures are the engine's codes, with people's codes where they taught it; a marked cell differs from the rest of its segment beyond chance (after correcting for the number of comparisons). With each campaign counted once, a flood of copies weighs as one voice.": "La fréquence de chaque code et de chaque thème, dans l'ensemble et dans chaque segment : la part des enregistrements, avec son intervalle à 95 %%. Les chiffres sont les codes du moteur, avec ceux des personnes là où elles l'ont instruit ; une cellule marquée diffère du reste de son segment au-delà du hasard (après correction pour le nombre de comparaisons). Quand chaque campagne compte une fois, un flot de copies pèse comme une seule voix.",
    "Count": "Compter",
    "each campaign once": "chaque campagne une fois",
    "every record": "chaque enregistrement",
    "Share of records by %(segment)s": "Part des enregistrements selon : %(segment)s",
    "Code or theme": "Code ou thème",
    "higher": "plus élevée",
    "lower": "plus basse",
    "Each cell: records with the code / records in the segment (each campaign once, or every record, as chosen), the share and its 95%% interval, and a link to every record behind it. “higher” and “lower” mark significant differences.": "Chaque cellule : enregistrements portant le code / enregistrements du segment (chaque campagne une fois, ou chaque enregistrement, selon le choix), la part et son intervalle à 95 %%, et un lien vers tous les enregistrements qui la fondent. « plus élevée » et « plus basse » signalent les différences significatives.",
    "%(n)s record": ("%(n)s enregistrement", "%(n)s enregistrements"),
    "%(name)s: share of records by %(segment)s": "%(name)s : part des enregistrements selon : %(segment)s",
    "Bars give the share, lines its 95%% interval; the same figures are in the table above.": "Les barres donnent la part, les traits son intervalle à 95 %% ; les mêmes chiffres figurent dans le tableau ci-dessus.",
    "This run counted no code or theme.": "Cette exécution n'a compté aucun code ni thème.",
    "Compared with the earlier consultation": "Par rapport à la consultation antérieure",
    "Then": "Avant",
    "Now": "Maintenant",
    "new": "nouveau",
    "rising": "en hausse",
    "declining": "en baisse",
    "Explore the findings by segment": "Explorer les constats par segment",
    "Theme %(id)s: %(phrases)s": "Thème %(id)s : %(phrases)s",
    "Question": "Question",
    "Session": "Séance",
    # Analysis: campaigns
    "Campaigns of run %(number)s": "Campagnes de l'exécution %(number)s",
    "A campaign is one text sent by many people: a form letter, word for word (copies) or with small changes (near copies, templates). Counts give it its weight twice: every copy, and the campaign counted once. What a member added of their own is read and coded like any answer, and may be quoted; the common text never is.": "Une campagne est un même texte envoyé par de nombreuses personnes : une lettre type, mot pour mot (copies) ou avec de petits changements (quasi-copies, modèles). Les décomptes lui donnent son poids de deux façons : chaque copie, et la campagne comptée une fois. Ce qu'un membre a ajouté de lui-même est lu et codé comme toute réponse, et peut être cité ; le texte commun ne l'est jamais.",
    "%(raw)s records; %(dedup)s with each campaign counted once.": "%(raw)s enregistrements ; %(dedup)s en comptant chaque campagne une fois.",
    "%(id)s: %(n)s member": ("%(id)s : %(n)s membre", "%(id)s : %(n)s membres"),
    "Exact copies": "Copies exactes",
    "A template with names or details changed": "Un modèle dont les noms ou les détails changent",
    "The same letter in English and in French": "La même lettre en anglais et en français",
    "Near copies": "Quasi-copies",
    "Its members": "Ses membres",
    "What members added of their own": "Ce que les membres ont ajouté d'eux-mêmes",
    "This run found no campaigns.": "Cette exécution n'a trouvé aucune campagne.",
    "Read the campaigns": "Lire les campagnes",
    # Analysis: exchange
    "Export people's coding:": "Exporter le codage des personnes :",
    "REFI-QDA project (.qdpx) for NVivo, ATLAS.ti or MAXQDA": "projet REFI-QDA (.qdpx) pour NVivo, ATLAS.ti ou MAXQDA",
    "coded excerpts (CSV)": "extraits codés (CSV)",
    "coded excerpts (Excel)": "extraits codés (Excel)",
    "record": "enregistrement",
    "records": "enregistrements",
    "Code these next": "À coder ensuite",
    "Only the records the engine would learn most from": "Seulement les enregistrements dont le moteur apprendrait le plus",
    "new in the codebook": "nouveau dans la grille de codes",
    "removed from the codebook": "retiré de la grille de codes",
    "its definition changed: %(fields)s": "sa définition a changé : %(fields)s",
    "examples people gave the engine: %(before)s, then %(after)s": "exemples donnés au moteur par des personnes : %(before)s, puis %(after)s",
    "English name": "nom anglais",
    "French name": "nom français",
    "English description": "description anglaise",
    "French description": "description française",
    "English keywords": "mots-clés anglais",
    "French keywords": "mots-clés français",
    "examples": "exemples",
    "Codebook revision": "Révision de la grille de codes",
    "none": "aucune",
    "Codes in one run's codebook only": "Codes de la grille d'une seule exécution",
    "Records people had reviewed (what the engine learned from)": "Enregistrements revus par des personnes (ce dont le moteur a appris)",
    "Sources read": "Sources lues",
    "Engine version": "Version du moteur",
    "Threshold": "Seuil",
    "What was read (answers and notes submitted or changed between the runs)": "Ce qui a été lu (réponses et notes soumises ou modifiées entre les exécutions)",
    "%(n)s records, fingerprint %(hash)s": "%(n)s enregistrements, empreinte %(hash)s",
    "Version of %(package)s": "Version de %(package)s",
    "Split it into two new codes": "La scinder en deux nouveaux codes",
    "When splitting, the first of the two codes.": "Pour une scission, le premier des deux codes.",
    "When splitting, both codes go here.": "Pour une scission, les deux codes vont ici.",
    "Key of the second code (split only)": "Clé du deuxième code (scission seulement)",
    "Name of the second code (English)": "Nom du deuxième code (anglais)",
    "Name of the second code (French)": "Nom du deuxième code (français)",
    "Key phrases of the first code (split only)": "Expressions clés du premier code (scission seulement)",
    "The phrases you tick become the first code's keywords; the others, the second's.": "Les expressions cochées deviennent les mots-clés du premier code; les autres, ceux du deuxième.",
    "Needed to split the theme into two codes.": "Nécessaire pour scinder le thème en deux codes.",
    "Tick the phrases of the first code, leaving at least one for the second.": "Cochez les expressions du premier code, en en laissant au moins une pour le deuxième.",
    "split into two new codes": "scindé en deux nouveaux codes",
    "The two codes need different keys.": "Les deux codes doivent avoir des clés différentes.",
    "Compare run %(number)s": "Comparer l'exécution %(number)s",
    "Compare run %(number)s with another run": "Comparer l'exécution %(number)s avec une autre",
    "There is no other finished run of this consultation to compare with. Start another run, for instance after reviewing records or editing the codebook, then compare the two.": "Aucune autre exécution terminée de cette consultation ne permet la comparaison. Lancez-en une autre, par exemple après avoir revu des enregistrements ou modifié la grille de codes, puis comparez les deux.",
    "Compare with run": "Comparer avec l'exécution",
    "Run %(number)s (%(when)s)": "Exécution %(number)s (%(when)s)",
    "Run %(earlier)s (earlier) against run %(later)s (later).": "Exécution %(earlier)s (la plus ancienne) et exécution %(later)s (la plus récente).",
    "Why the results differ: how the runs were made": "Pourquoi les résultats diffèrent : comment les exécutions ont été faites",
    "Both runs were made the same way, from the same records: same codebook, same reviewed examples, same sources, engine and settings.": "Les deux exécutions ont été faites de la même façon, sur les mêmes enregistrements : même grille de codes, mêmes exemples revus, mêmes sources, même moteur et mêmes réglages.",
    "What changed": "Ce qui a changé",
    "Records read": "Enregistrements lus",
    "%(before)s → %(after)s with each campaign counted once": "%(before)s → %(after)s en comptant chaque campagne une fois",
    "Read by one run only": "Lus par une seule exécution",
    "%(earlier)s by the earlier run only, %(later)s by the later run only": "%(earlier)s par la plus ancienne seulement, %(later)s par la plus récente seulement",
    "Records whose codes changed": "Enregistrements dont les codes ont changé",
    "Records, run %(number)s": "Enregistrements, exécution %(number)s",
    "Records that gained it": "Enregistrements qui l'ont gagné",
    "Records that lost it": "Enregistrements qui l'ont perdu",
    "Why": "Pourquoi",
    "The first %(shown)s of %(total)s.": (
        "Le premier sur %(total)s.",
        "Les %(shown)s premiers sur %(total)s.",
    ),
    "Codes gained": "Codes gagnés",
    "Codes lost": "Codes perdus",
    "Compare with another run": "Comparer avec une autre exécution",
    "The engine groups what the codebook does not cover into candidate themes. A theme reaches a report only once people accept it as a code, merge it into one or split it into two; its key phrases then teach the engine, in the next run, with the records people review.": "Le moteur regroupe en thèmes possibles ce que la grille de codes ne couvre pas. Un thème n'atteint un rapport qu'une fois accepté comme code, fusionné avec un code ou scindé en deux par des personnes; ses expressions clés instruisent alors le moteur, à l'exécution suivante, avec les enregistrements revus.",
    "Language not known": "Langue inconnue",
    "Imported files": "Fichiers importés",
    "Texts received outside Heard, such as email submissions: one record each.": "Textes reçus hors de Heard, comme les mémoires envoyés par courriel : un enregistrement chacun.",
    "%(name)s (%(n)s texts)": "%(name)s (%(n)s textes)",
    "Choose at least one source: a question, the session notes or an imported file.": "Choisissez au moins une source : une question, les notes des séances ou un fichier importé.",
    "How the runs and findings will name these texts, e.g. “Email submissions”.": "Le nom que les exécutions et les constats donneront à ces textes, par exemple « Mémoires reçus par courriel ».",
    "How they were received": "Comment ils ont été reçus",
    "File (CSV or Excel)": "Fichier (CSV ou Excel)",
    "A header row, then one text per row. Columns: text (required); sector, region, date (YYYY-MM-DD) and consent (yes or no: may it be quoted, never attributed) if you have them. Leave out senders' names and addresses: Heard does not need them.": "Une ligne d'en-tête, puis un texte par ligne. Colonnes : texte (obligatoire); secteur, province, reçu (AAAA-MM-JJ) et consentement (oui ou non : peut-il être cité, jamais de façon attribuée) si vous les avez. Omettez les noms et adresses des expéditeurs : Heard n'en a pas besoin.",
    "Choose a .csv or .xlsx file.": "Choisissez un fichier .csv ou .xlsx.",
    "Column “%(header)s” is not one Heard reads. The columns are: text, sector, region, date, consent (or texte, secteur, province, reçu, consentement); remove the others, such as senders' names or addresses.": "La colonne « %(header)s » n'est pas de celles que Heard lit. Les colonnes sont : texte, secteur, province, reçu, consentement (ou text, sector, region, date, consent); retirez les autres, comme les noms ou adresses des expéditeurs.",
    "Column “%(header)s” appears twice.": "La colonne « %(header)s » figure deux fois.",
    "The file needs a “text” column holding the submissions.": "Le fichier doit avoir une colonne « texte » contenant les mémoires.",
    "… and %(n)s more problems.": "… et %(n)s autres problèmes.",
    "The file holds no texts: every row is empty.": "Le fichier ne contient aucun texte : toutes les lignes sont vides.",
    "Row %(row)s, column text: it is empty.": "Ligne %(row)s, colonne texte : elle est vide.",
    "Row %(row)s, column text: %(n)s characters, more than the %(limit)s allowed.": "Ligne %(row)s, colonne texte : %(n)s caractères, plus que les %(limit)s permis.",
    "Row %(row)s, column sector: “%(value)s” is not one of the sectors: %(known)s.": "Ligne %(row)s, colonne secteur : « %(value)s » n'est pas l'un des secteurs : %(known)s.",
    "Row %(row)s, column region: “%(value)s” is not a province code such as ON.": "Ligne %(row)s, colonne province : « %(value)s » n'est pas un code de province comme ON.",
    "Row %(row)s, column date: “%(value)s” is not a date written as YYYY-MM-DD.": "Ligne %(row)s, colonne date : « %(value)s » n'est pas une date écrite AAAA-MM-JJ.",
    "Row %(row)s, column consent: “%(value)s” is neither yes nor no.": "Ligne %(row)s, colonne consentement : « %(value)s » n'est ni oui ni non.",
    "Imported file %(number)s (removed since)": "Fichier importé %(number)s (retiré depuis)",
    "Imported file (removed since)": "Fichier importé (retiré depuis)",
    "Texts received outside Heard": "Textes reçus hors de Heard",
    "Back to the analysis": "Retour à l'analyse",
    "Submissions that came by email or on paper can be analysed with the answers and the session notes. Import them from a spreadsheet, one text per row; a run then reads the files you choose. Each text is stored encrypted, and the engine removes personal information before anything else, as it does for answers.": "Les mémoires reçus par courriel ou sur papier peuvent être analysés avec les réponses et les notes des séances. Importez-les d'un tableur, un texte par ligne; une exécution lit ensuite les fichiers choisis. Chaque texte est conservé chiffré, et le moteur retire les renseignements personnels avant toute autre chose, comme pour les réponses.",
    "Texts": "Textes",
    "Imported": "Importé",
    "Removing a file removes its texts; runs that read it keep what they found.": "Retirer un fichier retire ses textes; les exécutions qui l'ont lu gardent ce qu'elles ont trouvé.",
    "No file imported yet.": "Aucun fichier importé pour l'instant.",
    "Import a file": "Importer un fichier",
    "The file was not imported": "Le fichier n'a pas été importé",
    "Nothing of it was kept. Correct these and import it again:": "Rien n'en a été conservé. Corrigez ce qui suit et importez-le de nouveau :",
    "Up to %(max_mb)s MB.": "Jusqu'à %(max_mb)s Mo.",
    "An analysis reads the answers, the session notes and any texts imported from a file, removes personal information, finds campaigns, suggests codes and themes, and compares segments. It runs in the background; each run is kept as it was, so two runs can be compared. People then review what it suggested.": "Une analyse lit les réponses, les notes des séances et les textes importés d'un fichier, retire les renseignements personnels, repère les campagnes, suggère des codes et des thèmes, et compare les segments. Elle s'exécute en arrière-plan; chaque exécution est conservée telle quelle, pour pouvoir en comparer deux. Des personnes revoient ensuite ses suggestions.",
    "Texts received outside Heard (email submissions, letters): import a file": "Textes reçus hors de Heard (mémoires par courriel, lettres) : importer un fichier",
    "The file is larger than %(mb)s MB: split it into several files.": "Le fichier dépasse %(mb)s Mo : divisez-le en plusieurs fichiers.",
    "%(n)s texts imported from %(name)s. Choose the file when you start a run.": "%(n)s textes importés de %(name)s. Choisissez le fichier au lancement d'une exécution.",
    "%(name)s removed.": "%(name)s retiré.",
    "Import the file": "Importer le fichier",
    "The report has no French title.": "Le rapport n'a pas de titre en français.",
    "section %(n)s": "section %(n)s",
    "“%(section)s”: the English heading is missing.": "« %(section)s » : le titre anglais manque.",
    "“%(section)s”: the French heading is missing.": "« %(section)s » : le titre français manque.",
    "“%(section)s”: the English text is missing.": "« %(section)s » : le texte anglais manque.",
    "“%(section)s”: the French text is missing.": "« %(section)s » : le texte français manque.",
    "“%(section)s”: the two languages cite different figures (English only: %(en)s; French only: %(fr)s). Cite the same ones in both.": "« %(section)s » : les deux langues citent des chiffres différents (en anglais seulement : %(en)s; en français seulement : %(fr)s). Citez les mêmes dans les deux.",
    "“%(section)s”: [[%(reference)s]]: %(reason)s.": "« %(section)s » : [[%(reference)s]] : %(reason)s.",
    "no such code in the run's codebook": "aucun code de ce nom dans la grille de l'exécution",
    "after the code, only “percent” may follow": "après le code, seul « percent » peut suivre",
    "Heard knows no such figure": "Heard ne connaît pas ce chiffre",
    "the report has no analysis run to count from": "le rapport n'a pas d'exécution d'analyse d'où compter",
    "Full report on the consultation": "Rapport complet sur la consultation",
    "Detailed report on the questionnaire": "Rapport détaillé sur le questionnaire",
    "Draft": "Ébauche",
    "In review": "En révision",
    "Approved": "Approuvé",
    "The analysis run whose reviewed codes, themes and quotes it may cite.": "L'exécution d'analyse dont le rapport peut citer les codes revus, les thèmes et les citations.",
    "smallest count shown": "plus petit nombre affiché",
    "Counts below this (but above zero) are shown as “fewer than …”.": "Les nombres inférieurs (mais supérieurs à zéro) sont affichés « moins de … ».",
    "heading (English)": "titre (anglais)",
    "heading (French)": "titre (français)",
    "text (English)": "texte (anglais)",
    "text (French)": "texte (français)",
    "Only the newest version can be published: build it again.": "Seule la version la plus récente peut être publiée : produisez-la de nouveau.",
    "Say what was corrected, in English and in French.": "Indiquez ce qui a été corrigé, en anglais et en français.",
    "Contents": "Table des matières",
    "Method annex": "Annexe méthodologique",
    "Every figure in this report was computed from the consultation's data when the report was built; none was typed in. Counts below %(threshold)s are not shown, so that no small group can be singled out.": "Chaque chiffre de ce rapport a été calculé à partir des données de la consultation au moment de sa production; aucun n'a été saisi à la main. Les nombres inférieurs à %(threshold)s ne sont pas affichés, pour qu'aucun petit groupe ne puisse être reconnu.",
    "The coded figures come from analysis run %(number)s, which read %(records)s records; only codes people reviewed are counted, and only quotes people approved are cited.": "Les chiffres codés proviennent de l'exécution d'analyse %(number)s, qui a lu %(records)s enregistrements; seuls les codes revus par des personnes sont comptés, et seules les citations approuvées sont reprises.",
    "Analysis engine": "Moteur d'analyse",
    "Fingerprint of the run's manifest (SHA-256)": "Empreinte du manifeste de l'exécution (SHA-256)",
    "The views in this report are those of the participants, not necessarily those of %(department)s.": "Les opinions exprimées dans ce rapport sont celles des participants et ne reflètent pas nécessairement celles de %(department)s.",
    "The views in this report are those of the participants, not necessarily those of the organisers.": "Les opinions exprimées dans ce rapport sont celles des participants et ne reflètent pas nécessairement celles des organisateurs.",
    "This is an earlier version of the report, published on %(date)s and since corrected.": "Ceci est une version antérieure du rapport, publiée le %(date)s et corrigée depuis.",
    "Read the current version": "Lire la version actuelle",
    "Corrections": "Corrections",
    "Corrected on %(date)s:": "Corrigé le %(date)s :",
    "Earlier versions:": "Versions antérieures :",
    "version %(number)s (%(date)s)": "version %(number)s (%(date)s)",
    "Version %(number)s, published on %(date)s.": "Version %(number)s, publiée le %(date)s.",
    "corrected on %(date)s": "corrigé le %(date)s",
    "No analysis run": "Aucune exécution d'analyse",
    "Report": "Rapport",
    "Analysis run to cite": "Exécution d'analyse à citer",
    "Its reviewed codes, approved themes and quotes are the report's evidence.": "Ses codes revus, ses thèmes et ses citations approuvés sont les éléments probants du rapport.",
    "Title (English)": "Titre (anglais)",
    "Title (French)": "Titre (français)",
    "Smallest count shown": "Plus petit nombre affiché",
    "Heading (English)": "Titre de section (anglais)",
    "Heading (French)": "Titre de section (français)",
    "Text (English)": "Texte (anglais)",
    "Markdown. Write figures as references, such as [[responses]]: see the evidence.": "Markdown. Écrivez les chiffres sous forme de références, comme [[responses]] : voyez les éléments probants.",
    "Text (French)": "Texte (français)",
    "Cite the same references as the English text.": "Citez les mêmes références que le texte anglais.",
    "What was corrected (English)": "Ce qui a été corrigé (anglais)",
    "What was corrected (French)": "Ce qui a été corrigé (français)",
    "questionnaire responses submitted": "réponses au questionnaire soumises",
    "people checked in at the sessions": "personnes accueillies aux séances",
    "sessions held": "séances tenues",
    "quotes people approved": "citations approuvées",
    "records the analysis run read": "enregistrements lus par l'exécution d'analyse",
    "campaigns the run found": "campagnes repérées par l'exécution",
    "records people reviewed": "enregistrements revus par des personnes",
    "reviewed records coded “%(code)s”": "enregistrements revus codés « %(code)s »",
    "the same, as a share of reviewed records": "le même, en part des enregistrements revus",
    "A lead approves the report before it is published.": "Un responsable approuve le rapport avant sa publication.",
    "A report that is “%(now)s” cannot become “%(next)s”.": "Un rapport à l'état « %(now)s » ne peut passer à « %(next)s ».",
    "Reports": "Rapports",
    "The “What We Heard” reports are written here in English and French, beside the evidence from the analysis. Every figure is a reference resolved from the data when a version is built, so both languages always give the same numbers. A lead approves a report before it is published on the consultation's page.": "Les rapports « Ce que nous avons entendu » s'écrivent ici en anglais et en français, à côté des éléments probants de l'analyse. Chaque chiffre est une référence calculée à partir des données à la production d'une version : les deux langues donnent toujours les mêmes nombres. Un responsable approuve le rapport avant sa publication sur la page de la consultation.",
    "No report has been started yet.": "Aucun rapport n'a encore été commencé.",
    "Start a report": "Commencer un rapport",
    "Start the report": "Commencer le rapport",
    "Back to the report": "Retour au rapport",
    "Version %(number)s": "Version %(number)s",
    "not published": "non publiée",
    "All reports": "Tous les rapports",
    "Sections": "Sections",
    "Section": "Section",
    "written": "rédigé",
    "to write": "à rédiger",
    "Before it can be published": "Avant de pouvoir le publier",
    "Build a version from today's data": "Produire une version avec les données d'aujourd'hui",
    "Send for review": "Envoyer en révision",
    "Back to draft": "Retour à l'ébauche",
    "Reopen for review": "Rouvrir la révision",
    "Version %(number)s, built %(when)s by %(who)s": "Version %(number)s, produite le %(when)s par %(who)s",
    "published %(when)s": "publiée le %(when)s",
    "read in English": "lire en anglais",
    "read in French": "lire en français",
    "No version has been built yet.": "Aucune version n'a encore été produite.",
    "Publish version %(number)s": "Publier la version %(number)s",
    "An earlier version is published: this one is a correction. Say what was corrected, in both languages; the earlier version stays readable.": "Une version antérieure est publiée : celle-ci est une correction. Indiquez ce qui a été corrigé, dans les deux langues; la version antérieure reste consultable.",
    "Publish on the consultation's page": "Publier sur la page de la consultation",
    "Settings": "Réglages",
    "Save the settings": "Enregistrer les réglages",
    "Save the section": "Enregistrer la section",
    "Evidence": "Éléments probants",
    "Write a figure as its reference, in both languages: [[responses]] becomes the number when a version is built. Counts below the report's smallest count are shown as “fewer than …”.": "Écrivez un chiffre sous forme de référence, dans les deux langues : [[responses]] devient le nombre à la production d'une version. Les nombres inférieurs au plus petit nombre du rapport sont affichés « moins de … ».",
    "What it counts": "Ce qu'il compte",
    "Themes people approved": "Thèmes approuvés",
    "Quotes people approved": "Citations approuvées",
    "None yet: approve quotes in the analysis before citing them.": "Aucune pour l'instant : approuvez des citations dans l'analyse avant de les citer.",
    "Report settings saved.": "Réglages du rapport enregistrés.",
    "Section saved.": "Section enregistrée.",
    "Version %(n)s built.": "Version %(n)s produite.",
    "The report is now “%(state)s”.": "Le rapport est maintenant « %(state)s ».",
    "Version %(n)s published.": "Version %(n)s publiée.",
    "The figures of this version, and where they come from": "Les chiffres de cette version, et leur provenance",
    "Value": "Valeur",
    "Each value opens what it counted, as the data stands today: a later change to the data shows there, not in this version.": "Chaque valeur ouvre ce qu'elle a compté, selon les données d'aujourd'hui : un changement ultérieur des données y paraît, pas dans cette version.",
    "The section already has text: empty both languages first to draft it again.": "La section contient déjà du texte : videz les deux langues avant d'en produire une nouvelle ébauche.",
    "There is nothing to draft from: choose an analysis run first.": "Il n'y a rien à partir de quoi rédiger : choisissez d'abord une exécution d'analyse.",
    "Drafted from the evidence: rewrite it in your words.": "Ébauche faite à partir des éléments probants : réécrivez-la dans vos mots.",
    "Start from a draft": "Partir d'une ébauche",
    "Heard can fill this empty section with figures and approved quotes, in both languages, for you to rewrite. It writes no opinion of its own.": "Heard peut remplir cette section vide de chiffres et de citations approuvées, dans les deux langues, pour que vous la réécriviez. Il n'exprime aucune opinion.",
    "Draft: the figures at a glance": "Ébauche : les chiffres en un coup d'œil",
    "Draft: what we heard, code by code": "Ébauche : ce que nous avons entendu, code par code",
    "Results, question by question": "Résultats, question par question",
    "For each multiple-choice question: how many of the submitted responses answered it, and for each choice how many chose it, their share of those who answered, and its 95%% interval (Wilson). A respondent may pick several choices of a multiple-answer question, so its shares may add up to more than 100%%.": "Pour chaque question à choix : combien de réponses soumises y ont répondu et, pour chaque choix, combien l'ont retenu, leur part parmi celles et ceux qui ont répondu, et son intervalle à 95 %% (Wilson). Une personne peut retenir plusieurs choix d'une question à réponses multiples : ses parts peuvent donc dépasser 100 %% au total.",
    "answered by %(n)s": "%(n)s réponses",
    "Choice": "Choix",
    "95%% interval": "Intervalle à 95 %%",
    "Chart of the answers to “%(question)s”: the same figures as the table.": "Graphique des réponses à « %(question)s » : les mêmes chiffres que le tableau.",
    "Open data (Frictionless data package)": "Données ouvertes (paquet de données Frictionless)",
    "Version %(number)s, built on %(date)s; not published.": "Version %(number)s, produite le %(date)s; non publiée.",
    "Download this report": "Télécharger ce rapport",
    "This version as a file:": "Cette version en fichier :",
    "PDF (tagged, accessible)": "PDF (balisé, accessible)",
    "Word document (DOCX)": "Document Word (DOCX)",
    "Open data: the figures as CSV tables (Frictionless data package, ZIP)": "Données ouvertes : les chiffres en tableaux CSV (paquet de données Frictionless, ZIP)",
    "PDF": "PDF",
    "Open data package (ZIP)": "Paquet de données ouvertes (ZIP)",
    "Word": "Word",
    "open data": "données ouvertes",
    "Email me the report on what we heard when it is published": "Envoyez-moi par courriel le rapport sur ce que nous avons entendu lorsqu'il sera publié",
    "Once, to the address this questionnaire was sent to, in your language. We use your address for nothing else.": "Une seule fois, à l'adresse à laquelle ce questionnaire a été envoyé, dans votre langue. Nous n'utilisons votre adresse à aucune autre fin.",
    "Thank you for taking part in “%(consultation)s”. As promised, the report on what we heard is now published:": "Merci d'avoir participé à « %(consultation)s ». Comme promis, le rapport sur ce que nous avons entendu est maintenant publié :",
    "The page offers it as a web page, a PDF and a Word document, and its figures as open data. It shows what participants told us, not necessarily the views of the government.": "La page le présente en page Web, en PDF et en document Word, et ses chiffres en données ouvertes. Il rend compte de ce que les participants nous ont dit, et non nécessairement de l'avis du gouvernement.",
    "You receive this email because you took part in a session or asked for the report when you sent your answers. We will not write to you about this report again.": "Vous recevez ce courriel parce que vous avez participé à une séance ou avez demandé le rapport en envoyant vos réponses. Nous ne vous écrirons plus au sujet de ce rapport.",
    "Send it to participants": "L'envoyer aux participants",
    "%(n)s person took part in a session or asked for the report when sending their answers.": (
        "%(n)s personne a participé à une séance ou a demandé le rapport en envoyant ses réponses.",
        "%(n)s personnes ont participé à une séance ou ont demandé le rapport en envoyant leurs réponses.",
    ),
    "Each gets one email, in their language first, with the link to the report; nobody marked “do not contact”, and nobody twice.": "Chacune reçoit un seul courriel, d'abord dans sa langue, avec le lien vers le rapport; personne qui a demandé à ne pas être contacté, et personne deux fois.",
    "Last sent %(when)s; %(n)s emails queued so far. Pressing again writes only to those not yet told.": "Dernier envoi : %(when)s; %(n)s courriels mis en file jusqu'ici. Un nouvel envoi n'écrit qu'aux personnes pas encore avisées.",
    "Email the report to participants": "Envoyer le rapport aux participants par courriel",
    "%(n)s email queued in the outbox.": (
        "%(n)s courriel mis en file dans la boîte d'envoi.",
        "%(n)s courriels mis en file dans la boîte d'envoi.",
    ),
    "Publish the report before sending it to participants.": "Publiez le rapport avant de l'envoyer aux participants.",
    "“%(section)s”: a quoted passage is not an approved quote: “%(passage)s”. Quote approved quotes word for word (the evidence lists them), or write the passage as your own text.": "« %(section)s » : un passage cité n'est pas une citation approuvée : « %(passage)s ». Citez les citations approuvées mot pour mot (les éléments probants les énumèrent), ou écrivez ce passage avec vos propres mots.",
    "Your comment": "Votre commentaire",
    "For the people writing the report; never published.": "Pour les personnes qui rédigent le rapport; jamais publié.",
    "comment": "commentaire",
    "Version %(a)s and version %(b)s": "Version %(a)s et version %(b)s",
    "What changed from version %(a)s to version %(b)s": "Ce qui a changé de la version %(a)s à la version %(b)s",
    "In the French text.": "Dans le texte français.",
    "In the English text.": "Dans le texte anglais.",
    "Compare the French text": "Comparer le texte français",
    "Compare the English text": "Comparer le texte anglais",
    "Figures": "Chiffres",
    "Figures whose value changed": "Chiffres dont la valeur a changé",
    "Version %(n)s": "Version %(n)s",
    "Every figure has the same value in both versions.": "Chaque chiffre a la même valeur dans les deux versions.",
    "%(n)s block (heading, paragraph, list item or table row) is the same in both; the others follow. Removed words are struck through, added words underlined.": (
        "%(n)s bloc (titre, paragraphe, élément de liste ou ligne de tableau) est identique dans les deux; les autres suivent. Les mots retirés sont barrés, les mots ajoutés soulignés.",
        "%(n)s blocs (titres, paragraphes, éléments de liste et lignes de tableau) sont identiques dans les deux; les autres suivent. Les mots retirés sont barrés, les mots ajoutés soulignés.",
    ),
    "Blocks that changed": "Blocs qui ont changé",
    "Added": "Ajouté",
    "Removed": "Retiré",
    "Changed": "Modifié",
    "The text is the same in both versions.": "Le texte est identique dans les deux versions.",
    "Open comments": "Commentaires ouverts",
    "what changed since version %(n)s": "ce qui a changé depuis la version %(n)s",
    "Review comments": "Commentaires de révision",
    "%(who)s, %(when)s:": "%(who)s, %(when)s :",
    "Resolved by %(who)s, %(when)s.": "Réglé par %(who)s, %(when)s.",
    "Mark as resolved": "Marquer comme réglé",
    "No comment on this section yet.": "Aucun commentaire sur cette section pour l'instant.",
    "Add the comment": "Ajouter le commentaire",
    "Comment marked as resolved.": "Commentaire marqué comme réglé.",
    "Comment added.": "Commentaire ajouté.",
    "Comment: %(problem)s": "Commentaire : %(problem)s",
    "How the answers came in": "Comment les réponses nous sont parvenues",
    "people checked in at one or more sessions (each person once)": "personnes inscrites à l'arrivée à au moins une séance (chacune une fois)",
    "Enter a number from %(low)s to %(high)s, in steps of %(step)s.": "Entrez un nombre de %(low)s à %(high)s, par pas de %(step)s.",
    "Enter a time as hours:minutes, like 14:05.": "Entrez une heure sous la forme heures:minutes, par exemple 14:05.",
    "Enter a date and time as year-month-day hours:minutes, like 2018-06-30 14:05.": "Entrez une date et une heure sous la forme année-mois-jour heures:minutes, par exemple 2018-06-30 14:05.",
    "An .xlsx, .xls or .csv file with survey, choices and settings sheets. Its texts may be in English, French or both: texts lacking a language can be translated here before the questionnaire opens.": "Un fichier .xlsx, .xls ou .csv avec les feuilles survey, choices et settings. Ses textes peuvent être en anglais, en français ou dans les deux langues : les textes auxquels il manque une langue peuvent être traduits ici avant l’ouverture du questionnaire.",
    "Language of text columns written without one": "Langue des colonnes de texte qui n’en indiquent pas",
    "For columns such as “label” rather than “label::English (en)”, when the settings sheet names no default_language.": "Pour les colonnes comme « label » plutôt que « label::English (en) », lorsque la feuille settings ne nomme pas de default_language.",
    "Translated file": "Fichier traduit",
    "The XLSForm downloaded here with the other language's columns filled in (.xlsx), or the XLIFF file back from a translation tool (.xlf).": "Le XLSForm téléchargé ici, avec les colonnes de l’autre langue remplies (.xlsx), ou le fichier XLIFF revenu d’un outil de traduction (.xlf).",
    "Translation": "Traduction",
    "%(counter)s text of the form is in one language only: the questionnaire cannot open until it is translated.": (
        "%(counter)s texte du formulaire n’est que dans une langue : le questionnaire ne peut pas ouvrir avant qu’il soit traduit.",
        "%(counter)s textes du formulaire ne sont que dans une langue : le questionnaire ne peut pas ouvrir avant qu’ils soient traduits.",
    ),
    "Translate the form": "Traduire le formulaire",
    "%(counter)s text of version %(number)s is in one language only. The questionnaire cannot open, nor personal links be sent, until it is in English and French.": (
        "%(counter)s texte de la version %(number)s n’est que dans une langue. Le questionnaire ne peut pas ouvrir, ni les liens personnels être envoyés, avant qu’il soit en anglais et en français.",
        "%(counter)s textes de la version %(number)s ne sont que dans une langue. Le questionnaire ne peut pas ouvrir, ni les liens personnels être envoyés, avant qu’ils soient en anglais et en français.",
    ),
    "Send the texts to a translator": "Envoyer les textes à un traducteur",
    "The XLSForm, with the other language's columns to fill in": "Le XLSForm, avec les colonnes de l’autre langue à remplir",
    "XLIFF 2.0, for translation tools": "XLIFF 2.0, pour les outils de traduction",
    "Every text of the form is in English and French.": "Tous les textes du formulaire sont en anglais et en français.",
    "Import the translation": "Importer la traduction",
    "The file cannot be used: %(counter)s problem": (
        "Le fichier ne peut pas être utilisé : %(counter)s problème",
        "Le fichier ne peut pas être utilisé : %(counter)s problèmes",
    ),
    "Nothing was changed. Correct the file and import it again.": "Rien n’a été modifié. Corrigez le fichier et importez-le de nouveau.",
    "Texts in one language only": "Textes dans une seule langue",
    "What each text lacks": "Ce qui manque à chaque texte",
    "Sheet": "Feuille",
    "Lacks": "Manque",
    "This is not a readable XLIFF file (%s).": "Ce n’est pas un fichier XLIFF lisible (%s).",
    "This is not an XLIFF 2.0 file from Heard.": "Ce n’est pas un fichier XLIFF 2.0 produit par Heard.",
    "The file translates into “%(language)s”: only English and French are used.": "Le fichier traduit vers « %(language)s » : seuls l’anglais et le français sont utilisés.",
    "The text “%(unit)s” is not in this form: was the file made for another?": "Le texte « %(unit)s » n’est pas dans ce formulaire : le fichier a-t-il été fait pour un autre ?",
    "the order of the questions": "l’ordre des questions",
    "the choices or settings": "les choix ou les paramètres",
    "Upload the form before its translation.": "Téléversez le formulaire avant sa traduction.",
    "This file changes the form itself (%(where)s), not only its texts: upload it as the form instead.": "Ce fichier modifie le formulaire lui-même (%(where)s), pas seulement ses textes : téléversez-le plutôt comme formulaire.",
    "%(count)d texts are in one language only: the questionnaire cannot open until they are translated.": "%(count)d textes ne sont que dans une langue : le questionnaire ne peut pas ouvrir avant qu’ils soient traduits.",
    "Translate the form before inviting anyone.": "Traduisez le formulaire avant d’inviter qui que ce soit.",
    "This version already has answers, so its texts cannot change: upload the translated form as a new version.": "Cette version a déjà des réponses, ses textes ne peuvent donc pas changer : téléversez le formulaire traduit comme nouvelle version.",
    "Translation imported. %(count)d texts still lack their other language.": "Traduction importée. Il manque encore l’autre langue à %(count)d textes.",
    "Translation imported: every text is in English and French.": "Traduction importée : tous les textes sont en anglais et en français.",
    "Every text is already in English and French.": "Tous les textes sont déjà en anglais et en français.",
    "(no language)": "(sans langue)",
    "The %(column)s is missing: write it in English or French.": "La colonne %(column)s est vide : écrivez-la en anglais ou en français.",
    "The %(column)s is only in %(languages)s: add a column “%(column)s::English (en)” or “%(column)s::Français (fr)”.": "La colonne %(column)s n’est qu’en %(languages)s : ajoutez une colonne « %(column)s::English (en) » ou « %(column)s::Français (fr) ».",
    "A choice cannot show an answer (${…}): write the choice without it, or show the answer in the question's label.": "Un choix ne peut pas afficher une réponse (${…}) : écrivez le choix sans elle, ou affichez la réponse dans le libellé de la question.",
    "Write an answer to show as ${name}, with a field's name between the braces.": "Écrivez la réponse à afficher sous la forme ${name}, avec le nom d’un champ entre les accolades.",
    "${last-saved#…} shows the answer saved on a device's previous form, which a web questionnaire does not have: write the text without it.": "${last-saved#…} affiche la réponse enregistrée dans le formulaire précédent d’un appareil, ce qu’un questionnaire Web n’a pas : écrivez le texte sans elle.",
    "The default must be written YYYY-MM-DDTHH:MM (a time: HH:MM).": "La valeur par défaut doit s’écrire AAAA-MM-JJTHH:MM (une heure : HH:MM).",
    "The type “%(type)s” is not supported: %(why)s.": "Le type « %(type)s » n’est pas pris en charge : %(why)s.",
    "“%(type)s” is not an XLSForm type: see the list of types in the consultation lead's guide.": "« %(type)s » n’est pas un type XLSForm : voyez la liste des types dans le guide du responsable de la consultation.",
    "Write parameters as name=value pairs, as in “randomize=true” or “start=0 end=10”.": "Écrivez les paramètres en paires nom=valeur, comme « randomize=true » ou « start=0 end=10 ».",
    "The parameter “%(name)s” is not used on %(type)s questions.": "Le paramètre « %(name)s » ne sert pas aux questions %(type)s.",
    "ODK entities are not supported: a consultation keeps no list of people or places across forms. Remove the entities sheet.": "Les entités ODK ne sont pas prises en charge : une consultation ne tient pas de liste de personnes ou de lieux d’un formulaire à l’autre. Retirez la feuille entities.",
    "This column is not supported: %(why)s.": "Cette colonne n’est pas prise en charge : %(why)s.",
    "or_other adds a question named “%(name)s”, already used on row %(row)d: rename that one.": "or_other ajoute une question nommée « %(name)s », déjà utilisée à la ligne %(row)d : renommez celle-ci.",
    "Write or_other after a list name, on select_one or select_multiple.": "Écrivez or_other après un nom de liste, pour select_one ou select_multiple.",
    "A choice name cannot hold spaces in a list used by %(type)s (row %(row)d): its answers are choice names separated by spaces. Write _ instead.": "Un nom de choix ne peut pas contenir d’espace dans une liste utilisée par %(type)s (ligne %(row)d) : ses réponses sont des noms de choix séparés par des espaces. Écrivez _ à la place.",
    "The appearance “%(appearance)s” is not supported: %(why)s.": "L’apparence « %(appearance)s » n’est pas prise en charge : %(why)s.",
    "A calculation on a question is not supported yet: put it on a calculate row, and show its result in a note with ${name}.": "Un calcul sur une question n’est pas encore pris en charge : placez-le sur une ligne calculate, et affichez son résultat dans une note avec ${name}.",
    "The list “%(list)s” already has a choice “other”, and or_other adds one: remove either.": "La liste « %(list)s » a déjà un choix « other », et or_other en ajoute un : retirez l’un des deux.",
    "Upload the XLSForm as an .xlsx, .xls or .csv file.": "Téléversez le XLSForm sous forme de fichier .xlsx, .xls ou .csv.",
    "This is not a readable .xls file (%s).": "Ce n’est pas un fichier .xls lisible (%s).",
    "a web page cannot read a device's identifier, so it has no meaning on the web: remove the row": "une page Web ne peut pas lire l’identifiant d’un appareil, cela n’a donc pas de sens sur le Web : retirez la ligne",
    "a web page cannot read a phone's subscriber number, so it has no meaning on the web: remove the row": "une page Web ne peut pas lire le numéro d’abonné d’un téléphone, cela n’a donc pas de sens sur le Web : retirez la ligne",
    "a web page cannot read a SIM card, so it has no meaning on the web: remove the row": "une page Web ne peut pas lire une carte SIM, cela n’a donc pas de sens sur le Web : retirez la ligne",
    "a web page cannot read a device's phone number, so it has no meaning on the web: ask for it in a text question if you need it": "une page Web ne peut pas lire le numéro de téléphone d’un appareil, cela n’a donc pas de sens sur le Web : demandez-le dans une question text si vous en avez besoin",
    "respondents do not sign in to answer, so there is no user name to record: remove the row": "les répondants ne se connectent pas pour répondre, il n’y a donc pas de nom d’utilisateur à enregistrer : retirez la ligne",
    "respondents do not sign in to answer, so there is no address to record: remove the row": "les répondants ne se connectent pas pour répondre, il n’y a donc pas d’adresse à enregistrer : retirez la ligne",
    "repeats are not supported yet: ask for the items in one text question, or give each item its own questions": "les répétitions ne sont pas encore prises en charge : demandez les éléments dans une seule question text, ou donnez à chaque élément ses propres questions",
    "triggers are not supported yet: use acknowledge": "les déclencheurs (trigger) ne sont pas encore pris en charge : utilisez acknowledge",
    "a hidden field holds nothing on the web: use calculate": "un champ caché ne contient rien sur le Web : utilisez calculate",
    "Heard does not record how respondents move through a form, for their privacy: remove the row": "Heard n’enregistre pas le parcours des répondants dans un formulaire, par respect de leur vie privée : retirez la ligne",
    "Heard does not record where respondents are, for their privacy: remove the row": "Heard n’enregistre pas l’endroit où se trouvent les répondants, par respect de leur vie privée : retirez la ligne",
    "choices from an attached file are not supported yet: copy the choices to the choices sheet": "les choix tirés d’un fichier joint ne sont pas encore pris en charge : copiez les choix dans la feuille choices",
    "this older spelling adds its own hint and constraint: use integer or text with a constraint of your own": "cette ancienne graphie ajoute sa propre aide et sa propre contrainte : utilisez integer ou text avec votre propre contrainte",
    "read-only answers are not supported: use a note to show a value, or calculate to work one out": "les réponses en lecture seule ne sont pas prises en charge : utilisez une note pour afficher une valeur, ou calculate pour la calculer",
    "repeats are not supported yet": "les répétitions ne sont pas encore prises en charge",
    "recalculating on another answer's change is not supported yet: use a calculation": "le recalcul au changement d’une autre réponse n’est pas encore pris en charge : utilisez un calcul",
    "ODK entities are not supported: remove the column": "les entités ODK ne sont pas prises en charge : retirez la colonne",
    "dates without a day are not supported yet: use a date question": "les dates sans jour ne sont pas encore prises en charge : utilisez une question date",
    "dates without a day are not supported yet: use an integer question": "les dates sans jour ne sont pas encore prises en charge : utilisez une question integer",
    "a web form cannot open another application for an answer": "un formulaire Web ne peut pas ouvrir une autre application pour obtenir une réponse",
    "counters open an application on the device: use integer": "les compteurs ouvrent une application sur l’appareil : utilisez integer",
    "a web page cannot read a compass: use decimal": "une page Web ne peut pas lire une boussole : utilisez decimal",
    "masked answers are not supported: use text": "les réponses masquées ne sont pas prises en charge : utilisez text",
    "it looks choices up in an attached file, which is not supported yet: copy the choices to the choices sheet": "elle cherche les choix dans un fichier joint, ce qui n’est pas encore pris en charge : copiez les choix dans la feuille choices",
    "a web form cannot print to a device's printer": "un formulaire Web ne peut pas imprimer sur l’imprimante d’un appareil",
    # Repeats
    "Entry": "Entrée",
    "No entries yet.": "Aucune entrée pour l’instant.",
    "Remove %(label)s": "Retirer %(label)s",
    "Add an entry: %(label)s": "Ajouter une entrée : %(label)s",
    "An answer changed the number of entries of a repeat: fill them in, then save.": (
        "Une réponse a changé le nombre d’entrées d’une section répétée : remplissez-les, puis "
        "enregistrez."
    ),
    "This %(type)s closes nothing open.": "Ce %(type)s ne ferme rien d’ouvert.",
    "This end_repeat has no begin_repeat.": "Ce end_repeat n’a pas de begin_repeat.",
    "This end_group closes a repeat: write end_repeat.": (
        "Ce end_group ferme une répétition : écrivez end_repeat."
    ),
    "Only a repeat takes a repeat_count.": "Seule une répétition prend un repeat_count.",
    "A repeat can sit in at most %(depth)d others: put its questions directly in the repeat "
    "around it, or ask for them in a repeat of their own.": (
        "Une répétition peut se trouver dans au plus %(depth)d autres : mettez ses questions "
        "directement dans la répétition qui l’entoure, ou posez-les dans une répétition à part."
    ),
    "${%(name)s} sits in the repeat “%(repeat)s”, inside “%(outer)s”: count or add up its "
    "entries in an entry of “%(outer)s” (a calculate there), then over those calculates.": (
        "${%(name)s} se trouve dans la répétition « %(repeat)s », dans « %(outer)s » : comptez "
        "ou additionnez ses entrées dans une entrée de « %(outer)s » (un calculate à cet "
        "endroit), puis sur ces calculate."
    ),
    "indexed-repeat() reads ${%(name)s}, which sits in “%(repeat)s”: name each repeat down to "
    "it, outermost first, with an entry's number, as in indexed-repeat(${%(name)s}, "
    "%(repeats)s).": (
        "indexed-repeat() lit ${%(name)s}, qui se trouve dans « %(repeat)s » : nommez chaque "
        "répétition jusqu’à elle, de l’extérieure à l’intérieure, avec un numéro d’entrée, "
        "comme dans indexed-repeat(${%(name)s}, %(repeats)s)."
    ),
    "This end_repeat closes a group: write end_group.": (
        "Ce end_repeat ferme un groupe : écrivez end_group."
    ),
    "A repeat takes no %(column)s.": "Une répétition ne prend pas de %(column)s.",
    "A %(type)s row cannot sit in a repeat: Heard records it once per response.": (
        "Une ligne %(type)s ne peut pas se trouver dans une répétition : Heard l’enregistre une "
        "fois par réponse."
    ),
    "This repeat has no end_repeat.": "Cette répétition n’a pas de end_repeat.",
    "A repeat can be asked at most %(limit)d times.": (
        "Une répétition peut être posée au plus %(limit)d fois."
    ),
    "A repeat's count cannot use ${%(name)s}, which sits in a repeat: ask for the number "
    "before the repeat.": (
        "Le nombre d’entrées d’une répétition ne peut pas utiliser ${%(name)s}, qui se trouve "
        "dans une répétition : demandez le nombre avant la répétition."
    ),
    "${%(name)s} sits in the repeat “%(repeat)s”: only the questions in that repeat can use "
    "its answers.": (
        "${%(name)s} se trouve dans la répétition « %(repeat)s » : seules les questions de cette "
        "répétition peuvent utiliser ses réponses."
    ),
    # Choices from attached files
    "“%(name)s” is larger than 5 MB.": "« %(name)s » dépasse 5 Mo.",
    "“%(name)s” is not a .csv file: save the choices as CSV (UTF-8).": (
        "« %(name)s » n’est pas un fichier .csv : enregistrez les choix en CSV (UTF-8)."
    ),
    "The CSV files of choices the form names in select_one_from_file or "
    "select_multiple_from_file rows, such as cities.csv: a name column and a label column (or "
    "label::English (en) and label::Français (fr)). They can also be attached after the form.": (
        "Les fichiers CSV de choix que le formulaire nomme dans des lignes select_one_from_file "
        "ou select_multiple_from_file, comme cities.csv : une colonne name et une colonne label "
        "(ou label::English (en) et label::Français (fr)). Ils peuvent aussi être joints après "
        "le formulaire."
    ),
    "Files of choices": "Fichiers de choix",
    "The form uses no file of this name. It uses: %(names)s.": (
        "Le formulaire n’utilise aucun fichier de ce nom. Il utilise : %(names)s."
    ),
    "Upload the form before its files.": "Téléversez le formulaire avant ses fichiers.",
    "The questionnaire cannot open until every file the form uses is attached.": (
        "Le questionnaire ne peut pas ouvrir tant que chaque fichier utilisé par le formulaire "
        "n’est pas joint."
    ),
    "Attached: %(counter)s choice": ("Joint : %(counter)s choix", "Joint : %(counter)s choix"),
    "Missing": "Manquant",
    "Attach the files": "Joindre les fichiers",
    "The form uses files not attached yet: %(names)s. The questionnaire cannot open until they "
    "are.": (
        "Le formulaire utilise des fichiers pas encore joints : %(names)s. Le questionnaire ne "
        "peut pas ouvrir avant qu’ils le soient."
    ),
    "This version already has answers, so its files cannot change. Upload the form again with "
    "the files, as a new version.": (
        "Cette version a déjà des réponses : ses fichiers ne peuvent plus changer. Téléversez de "
        "nouveau le formulaire avec les fichiers, comme nouvelle version."
    ),
    "Attached: %(names)s.": "Joints : %(names)s.",
    "Attach the files the form uses before inviting anyone.": (
        "Joignez les fichiers utilisés par le formulaire avant d’inviter qui que ce soit."
    ),
    "Name the file after the type, as in “%(type)s cities.csv”.": (
        "Nommez le fichier après le type, comme dans « %(type)s cities.csv »."
    ),
    "label columns, and name that file here.": (
        "Heard lit les choix dans un fichier CSV ou XML : enregistrez « %(file)s » en fichier .csv avec "
        "des colonnes name et label, et nommez ce fichier ici."
    ),
    "The choices sheet has a list named “%(file)s” too: rename it.": (
        "La feuille choices a aussi une liste nommée « %(file)s » : renommez-la."
    ),
    "A choice name in “%(file)s” holds a space, and a select_multiple answer is names separated "
    "by spaces. Write _ instead.": (
        "Un nom de choix dans « %(file)s » contient une espace, et une réponse select_multiple "
        "est une suite de noms séparés par des espaces. Écrivez _ à la place."
    ),
    "The file is empty.": "Le fichier est vide.",
    "The file has no column “%(column)s”, which the parameter %(key)s= names.": (
        "Le fichier n’a pas de colonne « %(column)s », que nomme le paramètre %(key)s=."
    ),
    "The file needs a “name” column, or the parameter value= naming the column that holds each "
    "choice's name.": (
        "Le fichier doit avoir une colonne « name », ou le paramètre value= doit nommer la "
        "colonne qui contient le nom de chaque choix."
    ),
    "The file holds %(count)d choices, more than the limit of %(limit)d.": (
        "Le fichier contient %(count)d choix, plus que la limite de %(limit)d."
    ),
    "The choice_filter on survey row %(row)d uses a column “%(column)s” this file does not have.": (
        "Le choice_filter de la ligne %(row)d de la feuille survey utilise une colonne "
        "« %(column)s » que ce fichier n’a pas."
    ),
    "data files for pulldata() and instance() are not supported yet: copy the choices to the "
    "choices sheet, or attach them as a CSV file with select_one_from_file": (
        "les fichiers de données de pulldata() et instance() ne sont pas encore pris en charge : "
        "copiez les choix dans la feuille choices, ou joignez-les dans un fichier CSV avec "
        "select_one_from_file"
    ),
    "The external_choices sheet has no list “%(list)s”.": (
        "La feuille external_choices n’a pas de liste « %(list)s »."
    ),
    "The file is larger than the limit of %(limit)d MB.": (
        "Le fichier dépasse la limite de %(limit)d Mo."
    ),
    "This is not a readable XML file (%s).": "Ce n’est pas un fichier XML lisible (%s).",
    "A %(type)s takes no calculation: put it on a calculate row, and show its result with "
    "${name}.": (
        "Un %(type)s ne prend pas de calculation : mettez-la sur une ligne calculate, et "
        "affichez son résultat avec ${name}."
    ),
    "Write yes or no: a read_only expression is not supported.": (
        "Écrivez yes ou no : une expression dans read_only n’est pas prise en charge."
    ),
    "Write the trigger as ${name}, or several separated by commas.": (
        "Écrivez le trigger sous la forme ${name}, ou plusieurs séparés par des virgules."
    ),
    "Only a question takes a trigger.": "Seule une question prend un trigger.",
    "A trigger in a repeat, or on an answer in one, is not supported yet.": (
        "Un trigger dans une répétition, ou sur une réponse d’une répétition, n’est pas encore "
        "pris en charge."
    ),
    "A calculate row needs a calculation or a default.": (
        "Une ligne calculate doit avoir une calculation ou un default."
    ),
    "position(..) gives the number of a repeat's entry: use it in a repeat.": (
        "position(..) donne le numéro d’une entrée de répétition : utilisez-la dans une répétition."
    ),
    "The files the form names: files of choices in select_one_from_file or "
    "select_multiple_from_file rows, such as cities.csv, with a name column and a label column "
    "(or label::English (en) and label::Français (fr)); and the CSV files pulldata() reads, such "
    "as people.csv for pulldata('people', …). They can also be attached after the form.": (
        "Les fichiers que le formulaire nomme : fichiers de choix des lignes select_one_from_file "
        "ou select_multiple_from_file, comme cities.csv, avec une colonne name et une colonne "
        "label (ou label::English (en) et label::Français (fr)) ; et les fichiers CSV que lit "
        "pulldata(), comme people.csv pour pulldata('people', …). Ils peuvent aussi être joints "
        "après le formulaire."
    ),
    "Attached files": "Fichiers joints",
    "Attached: %(counter)s row that pulldata() reads": (
        "Joint : %(counter)s ligne que lit pulldata()",
        "Joint : %(counter)s lignes que lit pulldata()",
    ),
    "%(counter)s choice": ("%(counter)s choix", "%(counter)s choix"),
    "The columns that pulldata() reads are sent to each respondent's browser, as choices are: "
    "keep nothing in them that every respondent may not see.": (
        "Les colonnes que lit pulldata() sont envoyées au navigateur de chaque répondant, comme "
        "les choix : n’y mettez rien que tous les répondants ne puissent voir."
    ),
    "“.” (this answer) can be used only in a question's constraint, relevant or required.": (
        "« . » (cette réponse) ne s’emploie que dans la constraint, le relevant ou le required "
        "d’une question."
    ),
    "Only a select_one takes its choices from a repeat's answers: use select_one, or a list.": (
        "Seul un select_one prend ses choix parmi les réponses d’une répétition : utilisez "
        "select_one, ou une liste."
    ),
    "${%(name)s} is not in a repeat: a question takes its choices from the answers of a "
    "repeat's entries, or from a list.": (
        "${%(name)s} n’est pas dans une répétition : une question prend ses choix parmi les "
        "réponses des entrées d’une répétition, ou dans une liste."
    ),
    "A question in a repeat cannot take its choices from a repeat's answers: put it after the "
    "repeat.": (
        "Une question dans une répétition ne peut prendre ses choix parmi les réponses d’une "
        "répétition : placez-la après la répétition."
    ),
    "Only a question or a calculate takes a trigger.": (
        "Seule une question ou un calculate prend un trigger."
    ),
    "indexed-repeat() reads ${%(name)s} in the repeat “%(repeat)s”, which does not hold it.": (
        "indexed-repeat() lit ${%(name)s} dans la répétition « %(repeat)s », qui ne la contient "
        "pas."
    ),
    "A data file is named “%(name)s”: name it with letters, digits and _, without .csv, as in "
    "pulldata('people', …) or instance('people').": (
        "Un fichier de données s’appelle « %(name)s » : nommez-le avec des lettres, des chiffres "
        "et _, sans .csv, comme dans pulldata('people', …) ou instance('people')."
    ),
    "instance('%(name)s') reads the choice list “%(name)s”, which Heard does not look up: to "
    "show the label of a chosen answer, write ${question} in a label.": (
        "instance('%(name)s') lit la liste de choix « %(name)s », que Heard ne consulte pas : "
        "pour afficher le libellé d’une réponse choisie, écrivez ${question} dans un libellé."
    ),
    "instance('%(name)s') reads a file the form does not name: add a row of type csv-external "
    "(or xml-external) named %(name)s.": (
        "instance('%(name)s') lit un fichier que le formulaire ne nomme pas : ajoutez une ligne "
        "de type csv-external (ou xml-external) nommée %(name)s."
    ),
    "The file has no column %(columns)s, which pulldata() on survey row %(row)d reads.": (
        "Le fichier n’a pas de colonne %(columns)s, que lit pulldata() à la ligne %(row)d de "
        "survey."
    ),
    "The file holds %(count)d rows, more than the limit of %(limit)d.": (
        "Le fichier contient %(count)d lignes, plus que la limite de %(limit)d."
    ),
    "Name a data file without its extension: pulldata('%(stem)s', …) reads %(stem)s.csv.": (
        "Nommez un fichier de données sans son extension : pulldata('%(stem)s', …) lit "
        "%(stem)s.csv."
    ),
    "Someone has tried to sign in to your Heard account “%(username)s” with a wrong password "
    "%(failures)s times in the last %(minutes)s minutes. Signing in to this account is paused "
    "for %(minutes)s minutes, from every address.": (
        "Quelqu’un a tenté de se connecter à votre compte Heard « %(username)s » avec un mauvais "
        "mot de passe %(failures)s fois au cours des %(minutes)s dernières minutes. La connexion "
        "à ce compte est suspendue pendant %(minutes)s minutes, depuis toute adresse."
    ),
    "If it was you, wait, then sign in again. If it was not, tell your system administrator; "
    "your password is safe as long as it is long and used nowhere else.": (
        "Si c’était vous, attendez, puis connectez-vous de nouveau. Sinon, prévenez votre "
        "administrateur système ; votre mot de passe reste sûr s’il est long et ne sert nulle "
        "part ailleurs."
    ),
    "This email is sent at most once every 15 minutes.": (
        "Ce courriel est envoyé au plus une fois toutes les 15 minutes."
    ),
    "This password is too easy to guess: it repeats characters or follows the keyboard or the "
    "alphabet. Use several unrelated words.": (
        "Ce mot de passe est trop facile à deviner : il répète des caractères ou suit le clavier "
        "ou l’alphabet. Utilisez plusieurs mots sans rapport entre eux."
    ),
    "Your password cannot repeat a few characters or follow the keyboard or the alphabet.": (
        "Votre mot de passe ne peut pas répéter quelques caractères ni suivre le clavier ou "
        "l’alphabet."
    ),
    "Your account's email address": "L’adresse courriel de votre compte",
    "If an account has this address, a link to choose a new password is sent to it.": (
        "Si un compte a cette adresse, un lien pour choisir un nouveau mot de passe y est envoyé."
    ),
    "Your password was changed.": "Votre mot de passe a été changé.",
    "Your password was changed: sign in with it.": (
        "Votre mot de passe a été changé : connectez-vous avec lui."
    ),
    "Someone asked to reset the password of your Heard account “%(username)s”. To choose a new "
    "password, open this link within %(minutes)s minutes:": (
        "Quelqu’un a demandé de réinitialiser le mot de passe de votre compte Heard "
        "« %(username)s ». Pour choisir un nouveau mot de passe, ouvrez ce lien d’ici "
        "%(minutes)s minutes :"
    ),
    "The link works once. If you did not ask for it, ignore this email: your password stays as "
    "it is.": (
        "Le lien ne sert qu’une fois. Si vous ne l’avez pas demandé, ne tenez pas compte de ce "
        "courriel : votre mot de passe reste tel quel."
    ),
    "Change password": "Changer le mot de passe",
    "Forgot your password?": "Mot de passe oublié ?",
    "Change your password": "Changer votre mot de passe",
    "Change the password": "Changer le mot de passe",
    "Give your staff account's email address: a link to choose a new password is sent to it, "
    "valid for an hour.": (
        "Indiquez l’adresse courriel de votre compte du personnel : un lien pour choisir un "
        "nouveau mot de passe y est envoyé, valable une heure."
    ),
    "Send the link": "Envoyer le lien",
    "Back to signing in": "Retour à la connexion",
    "Choose a new password": "Choisir un nouveau mot de passe",
    "Save the new password": "Enregistrer le nouveau mot de passe",
    "This link does not work any more: it was used already, it is more than an hour old, or the "
    "password changed since it was sent.": (
        "Ce lien ne fonctionne plus : il a déjà servi, il date de plus d’une heure, ou le mot de "
        "passe a changé depuis son envoi."
    ),
    "Ask for a new link": "Demander un nouveau lien",
    "Check your email": "Consultez vos courriels",
    "If a staff account has this address, an email with a link to choose a new password is on "
    "its way. The link works once, for an hour. Nothing came? Check your junk mail, or ask your "
    "system administrator: only one email is sent every 15 minutes.": (
        "Si un compte du personnel a cette adresse, un courriel contenant un lien pour choisir un "
        "nouveau mot de passe est en route. Le lien ne sert qu’une fois, pendant une heure. Rien "
        "reçu ? Regardez dans vos courriels indésirables, ou demandez à votre administrateur "
        "système : un seul courriel est envoyé toutes les 15 minutes."
    ),
    "Your password": "Votre mot de passe",
    "This is not your password.": "Ce n’est pas votre mot de passe.",
    "Confirm your password to go on: this gives access to personal data.": (
        "Confirmez votre mot de passe pour continuer : ceci donne accès à des renseignements "
        "personnels."
    ),
    "Confirm your password": "Confirmez votre mot de passe",
    "What you asked for gives access to personal data, or changes who has it: type your "
    "password again. It is asked at most once every few minutes.": (
        "Ce que vous avez demandé donne accès à des renseignements personnels, ou change qui y a "
        "accès : tapez de nouveau votre mot de passe. Il n’est demandé qu’une fois toutes les "
        "quelques minutes au plus."
    ),
    "Confirm": "Confirmer",
    "Changes": "Modifications",
    "Views of personal data": "Consultations de renseignements personnels",
    "Download the whole history (CSV)": "Télécharger tout l’historique (CSV)",
    "Who looked at this consultation's personal data, newest first (kept two years)": (
        "Qui a consulté les renseignements personnels de cette consultation, du plus récent au "
        "plus ancien (conservé deux ans)"
    ),
    "Nobody has looked at personal data here yet.": (
        "Personne n’a encore consulté de renseignements personnels ici."
    ),
    "Analysis records and quotes from their answers, and their name in other records": "Enregistrements d’analyse et citations tirés de ses réponses, et son nom dans les autres enregistrements",
    "Answers: kept, tied to nobody, with personal information in their text replaced": "Réponses : conservées, liées à personne, les renseignements personnels de leur texte remplacés",
    "Session notes: names, addresses and numbers in them replaced": "Notes de séance : noms, adresses et numéros qu’elles contiennent remplacés",
    "Keep personal data for this many months after the consultation closes": "Conserver les renseignements personnels pendant ce nombre de mois après la clôture de la consultation",
    "From 1 to 120. Check your department's records schedule before changing it.": "De 1 à 120. Vérifiez le calendrier de conservation des documents de votre ministère avant de le modifier.",
    "Email address of the person to erase": "Adresse courriel de la personne à effacer",
    "The address they are known by here: in the registry, on a request for the questionnaire, or as a colleague suggested by an invitee.": "L’adresse sous laquelle elle est connue ici : dans le registre, dans une demande d’accès au questionnaire ou comme collègue proposé par une personne invitée.",
    "keep personal data for (months after closing)": "conservation des renseignements personnels (mois après la clôture)",
    "Then the registry, invitations, access requests and emails of this consultation are deleted, personal links stop working, and answers are kept only in anonymised form.": "Ensuite, le registre, les invitations, les demandes d’accès et les courriels de cette consultation sont supprimés, les liens personnels cessent de fonctionner et les réponses ne sont conservées que sous forme anonymisée.",
    "Retention changed. The new purge date is shown below.": "Durée de conservation modifiée. La nouvelle date de purge est indiquée ci-dessous.",
    "Nothing in this consultation is known by this address. Nothing was erased.": "Rien dans cette consultation n’est connu sous cette adresse. Rien n’a été effacé.",
    "Erased. Everything listed was removed, and the erasure is recorded in the History (without the address) and in the erasure log, so that restoring a backup erases them again.": "Effacement fait. Tout ce qui était énuméré a été supprimé; l’effacement est consigné dans l’historique (sans l’adresse) et dans le journal des effacements, pour qu’une restauration de sauvegarde l’efface de nouveau.",
    "Invitations, with registration answers and attendance": "Invitations, avec les réponses d’inscription et la présence",
    "Session notes where they are named (the name is replaced by [NAME])": "Notes de séance où elle est nommée (le nom est remplacé par [NAME])",
    "Invitations, with registration answers, attendance and suggested colleagues": "Invitations, avec les réponses d’inscription, la présence et les collègues proposés",
    "Emails in the outbox (who they went to, and what they said)": "Courriels de la boîte d’envoi (leurs destinataires et leur contenu)",
    "This email's text was removed %(days)s days after it was sent, as the retention schedule says: it cannot be sent again. Send a new one instead.": "Le texte de ce courriel a été supprimé %(days)s jours après son envoi, comme le prévoit le calendrier de conservation : il ne peut pas être renvoyé. Envoyez-en un nouveau.",
    "Questionnaire links, with the answers given through them": "Liens vers le questionnaire, avec les réponses données par ces liens",
    "Personal questionnaire links (taken away; the answers stay, tied to nobody)": "Liens personnels vers le questionnaire (retirés; les réponses restent, liées à personne)",
    "Requests for the questionnaire (names, addresses, reasons)": "Demandes d’accès au questionnaire (noms, adresses, motifs)",
    "People in the registry, with their invitations and registration answers": "Personnes du registre, avec leurs invitations et leurs réponses d’inscription",
    "What will be removed. It cannot be undone, and a restored backup will not bring it back.": "Ce qui sera supprimé. C’est irréversible, et une sauvegarde restaurée ne le ramènera pas.",
    "How many": "Nombre",
    "Erase everywhere": "Effacer partout",
    "Retention schedule": "Calendrier de conservation",
    "Personal data is kept after closing": "Conservation des renseignements personnels après la clôture",
    "%(months)s month": ("%(months)s mois", "%(months)s mois"),
    "passed: the daily purge removes what is listed below": "date passée : la purge quotidienne supprime ce qui est énuméré ci-dessous",
    "Text of sent emails": "Texte des courriels envoyés",
    "Removed %(days)s day after sending, in every consultation; the record that the email went stays until the purge date.": (
        "Supprimé %(days)s jour après l’envoi, dans toutes les consultations; la trace de l’envoi reste jusqu’à la date de purge.",
        "Supprimé %(days)s jours après l’envoi, dans toutes les consultations; la trace de l’envoi reste jusqu’à la date de purge.",
    ),
    "What the daily purge is removing": "Ce que la purge quotidienne supprime",
    "What the purge will remove on its date, if the consultation had it today": "Ce que la purge supprimera à sa date, d’après le contenu actuel de la consultation",
    "How many today": "Nombre aujourd’hui",
    "Each purge is recorded in the History and in the erasure log, so that restoring a backup purges again. Organisations, the codebook, approved quotes and published reports are not personal data of anyone in particular and stay.": "Chaque purge est consignée dans l’historique et dans le journal des effacements, pour qu’une restauration de sauvegarde purge de nouveau. Les organisations, la grille de codage, les citations approuvées et les rapports publiés ne sont les renseignements personnels de personne en particulier et restent.",
    "When someone asks to be removed, erase them here: their entry in the registry, invitations and registration answers, questionnaire links and answers, requests, suggestions of them by others, emails to them, analysis records from their answers; their name is replaced by [NAME] in session notes and other records. You will see what will go before anything is removed.": "Quand une personne demande à être retirée, effacez-la ici : son entrée au registre, ses invitations et réponses d’inscription, ses liens et réponses au questionnaire, ses demandes, les propositions de son nom par d’autres, les courriels qui lui ont été envoyés, les enregistrements d’analyse tirés de ses réponses; son nom est remplacé par [NAME] dans les notes de séance et les autres enregistrements. Vous verrez ce qui sera supprimé avant que rien ne le soit.",
    "Show what would be erased": "Voir ce qui serait effacé",
    "Suggestions of them by other invitees": "Propositions de son nom par d’autres personnes invitées",
    "Emails to them in the outbox": "Courriels qui lui sont adressés dans la boîte d’envoi",
    "Requests for the questionnaire": "Demandes d’accès au questionnaire",
    "Entries in the registry": "Entrées au registre",
    "Privacy": "Confidentialité",
    "Erase this person?": "Effacer cette personne?",
    "The consultation closes (or closed)": "Clôture de la consultation",
    "Purge date": "Date de purge",
    "Change how long personal data is kept": "Modifier la durée de conservation des renseignements personnels",
    "Erase a person": "Effacer une personne",
    "Erase this person everywhere": "Effacer cette personne partout",
    "If they asked to be removed: not only from the registry, but from invitations, questionnaire answers, requests, emails and notes too. You will see what will go first.": "Si elle a demandé à être retirée : pas seulement du registre, mais aussi des invitations, des réponses au questionnaire, des demandes, des courriels et des notes. Vous verrez d’abord ce qui sera supprimé.",
    "Code from your authenticator app, or a recovery code": "Code de votre application d’authentification, ou code de récupération",
    "Six digits from the app, or one of your recovery codes (like abcde-23456).": "Six chiffres de l’application, ou l’un de vos codes de récupération (comme abcde-23456).",
    "The six-digit code the app shows now": "Le code à six chiffres que l’application affiche maintenant",
    "You used a recovery code: %(left)s is left. Make new ones on the Security page.": (
        "Vous avez utilisé un code de récupération : il en reste %(left)s. Créez-en de nouveaux à la page Sécurité.",
        "Vous avez utilisé un code de récupération : il en reste %(left)s. Créez-en de nouveaux à la page Sécurité s’il vous en manque.",
    ),
    "This code is not right, or was used already. Type the code the app shows now (after several wrong codes, wait a few seconds before the next try).": "Ce code est inexact ou a déjà servi. Tapez le code que l’application affiche maintenant (après plusieurs codes erronés, attendez quelques secondes avant le prochain essai).",
    "The authenticator app is set up.": "L’application d’authentification est configurée.",
    "This code does not match. Check that the app's clock is right and type the code it shows now.": "Ce code ne correspond pas. Vérifiez que l’horloge de l’appareil est juste et tapez le code affiché maintenant.",
    "QR code for your authenticator app": "Code QR pour votre application d’authentification",
    "Set up an authenticator app or a passkey first.": "Configurez d’abord une application d’authentification ou une clé d’accès.",
    "Your role needs a second factor: add another authenticator app or passkey before removing this one.": "Votre rôle exige un second facteur : ajoutez une autre application d’authentification ou clé d’accès avant de retirer celle-ci.",
    "Your role needs a second factor to sign in: an authenticator app or a passkey. Set one up to go on.": "Votre rôle exige un second facteur pour ouvrir une session : une application d’authentification ou une clé d’accès. Configurez-en un pour continuer.",
    "Security": "Sécurité",
    "In an authenticator app on your phone (any app for time-based codes), add an account and scan this code.": "Dans une application d’authentification de votre téléphone (toute application de codes temporels), ajoutez un compte et balayez ce code.",
    "Cannot scan it? Type this key into the app instead:": "Impossible de le balayer? Tapez plutôt cette clé dans l’application :",
    "Type the six-digit code the app then shows.": "Tapez le code à six chiffres que l’application affiche alors.",
    "Your recovery codes": "Vos codes de récupération",
    "Each code signs you in once when your app or passkey is not at hand. Print them or keep them in a password manager, away from your phone. They are shown only now: Heard keeps only a hash of each.": "Chaque code permet d’ouvrir une session une fois quand votre application ou votre clé d’accès n’est pas à portée de main. Imprimez-les ou gardez-les dans un gestionnaire de mots de passe, loin de votre téléphone. Ils ne sont affichés que maintenant : Heard n’en garde qu’une empreinte.",
    "I have kept them: back to Security": "Je les ai conservés : retour à Sécurité",
    "After your password, signing in asks for a second factor: a code from an authenticator app on your phone, or a passkey (your computer's or phone's screen lock, or a security key). Keep recovery codes for the day neither is at hand.": "Après votre mot de passe, l’ouverture de session demande un second facteur : un code d’une application d’authentification sur votre téléphone, ou une clé d’accès (le verrouillage d’écran de votre ordinateur ou de votre téléphone, ou une clé de sécurité). Gardez des codes de récupération pour le jour où ni l’un ni l’autre n’est à portée de main.",
    "Your role needs a second factor. Set one up to go on.": "Votre rôle exige un second facteur. Configurez-en un pour continuer.",
    "Authenticator apps": "Applications d’authentification",
    "Added %(added)s": "Ajoutée le %(added)s",
    "last used %(used)s": "dernière utilisation le %(used)s",
    "Passkeys": "Clés d’accès",
    "Adding a passkey needs JavaScript in this browser; an authenticator app works without it.": "L’ajout d’une clé d’accès exige JavaScript dans ce navigateur; une application d’authentification fonctionne sans.",
    "This browser cannot make a passkey for this site; an authenticator app works everywhere.": "Ce navigateur ne peut pas créer de clé d’accès pour ce site; une application d’authentification fonctionne partout.",
    "%(left)s unused code left.": (
        "%(left)s code inutilisé restant.",
        "%(left)s codes inutilisés restants.",
    ),
    "Make new recovery codes (the old ones stop working)": "Créer de nouveaux codes de récupération (les anciens cessent de fonctionner)",
    "Make recovery codes": "Créer des codes de récupération",
    "With a passkey": "Avec une clé d’accès",
    "Passkeys need JavaScript in this browser; use a code below.": "Les clés d’accès exigent JavaScript dans ce navigateur; utilisez un code ci-dessous.",
    "Use a passkey": "Utiliser une clé d’accès",
    "This browser cannot use passkeys here; use a code below.": "Ce navigateur ne peut pas utiliser de clé d’accès ici; utilisez un code ci-dessous.",
    "No app, passkey or recovery code at hand? Ask the administrator of this Heard site to reset your second factor; then sign in and set up a new one.": "Ni application, ni clé d’accès, ni code de récupération à portée de main? Demandez à l’administrateur de ce site Heard de réinitialiser votre second facteur, puis ouvrez une session et configurez-en un nouveau.",
    "Removed.": "Retiré.",
    "Add an authenticator app": "Ajouter une application d’authentification",
    "Check the code and finish": "Vérifier le code et terminer",
    "Remove this app": "Retirer cette application",
    "Remove this passkey": "Retirer cette clé d’accès",
    "Add a passkey": "Ajouter une clé d’accès",
    "Recovery codes": "Codes de récupération",
    "Second step of signing in": "Deuxième étape de l’ouverture de session",
    "Or with a code": "Ou avec un code",
    "“%(name)s” holds more cells on sheet “%(sheet)s”, empty ones included, than the limit of %(limit)s; reading stopped there and nothing from the file was used.": "« %(name)s » contient plus de cellules dans la feuille « %(sheet)s », vides comprises, que la limite de %(limit)s ; la lecture s'est arrêtée là et rien du fichier n'a été utilisé.",
    "Rows not imported": "Lignes non importées",
    "These rows record something about the device or the visit, not an answer: Heard cannot or will not record it, so the form was imported without them. Respondents see no difference. Downloaded back, the form has them again, at its start.": "Ces lignes enregistrent une information sur l’appareil ou la visite, pas une réponse : Heard ne peut pas ou ne veut pas l’enregistrer, et le formulaire a donc été importé sans elles. Les répondants ne voient aucune différence. Téléchargé de nouveau, le formulaire les contient de nouveau, au début.",
    "Answers read as empty": "Réponses lues comme vides",
    "${last-saved#…} reads the answer that the previous form filled in on the same device saved. Heard keeps no earlier form on any device, for respondents' privacy, so it is always empty, as it is in ODK on a device's first form: a default or a text that uses it shows nothing.": "${last-saved#…} lit la réponse enregistrée par le formulaire précédent rempli sur le même appareil. Heard ne garde aucun formulaire antérieur sur aucun appareil, pour la vie privée des répondants : elle est donc toujours vide, comme dans ODK pour le premier formulaire d’un appareil. Une valeur par défaut ou un texte qui l’utilise n’affiche rien.",
    "Reads": "Lit",
    "The form reads answers that are always empty in Heard (${last-saved#…}, or a row set aside): the form's screen says where and why.": "Le formulaire lit des réponses toujours vides dans Heard (${last-saved#…}, ou une ligne mise de côté) : l’écran du formulaire indique où et pourquoi.",
    "A reference to a row set aside above, such as ${deviceid} or ${username}, is empty too: a web page has no such value to read.": "Une référence à une ligne mise de côté ci-dessus, comme ${deviceid} ou ${username}, est vide elle aussi : une page Web n’a pas de telle valeur à lire.",
    "%(count)d row was not imported (%(types)s): it records something a web questionnaire cannot. The form's screen says why.": (
        "%(count)d ligne n’a pas été importée (%(types)s) : elle enregistre une information qu’un questionnaire Web ne peut pas obtenir. L’écran du formulaire explique pourquoi.",
        "%(count)d lignes n’ont pas été importées (%(types)s) : elles enregistrent une information qu’un questionnaire Web ne peut pas obtenir. L’écran du formulaire explique pourquoi.",
    ),
    "${%(name)s} could be any of rows %(rows)s, which have that name in different groups: rename them so that each name is used once.": "${%(name)s} pourrait désigner l’une ou l’autre des lignes %(rows)s, qui portent ce nom dans des groupes différents : renommez-les pour que chaque nom ne serve qu’une fois.",
    "${%(name)s} is row %(row)d, which is not imported: %(why)s.": "${%(name)s} est la ligne %(row)d, qui n’est pas importée : %(why)s.",
    "${%(name)s} sits in the repeat “%(repeat)s”: only a question in that repeat can be set when it changes.": "${%(name)s} se trouve dans la répétition « %(repeat)s » : seule une question de cette répétition peut être remplie quand elle change.",
    "a web page cannot read a device's identifier": "une page Web ne peut pas lire l’identifiant d’un appareil",
    "a web page cannot read a phone's subscriber number": "une page Web ne peut pas lire le numéro d’abonné d’un téléphone",
    "a web page cannot read a SIM card": "une page Web ne peut pas lire une carte SIM",
    "a web page cannot read a device's phone number: ask for it in a text question if you need it": "une page Web ne peut pas lire le numéro de téléphone d’un appareil : demandez-le dans une question text si vous en avez besoin",
    "respondents do not sign in to answer, so there is no user name to record": "les répondants ne se connectent pas pour répondre : il n’y a donc pas de nom d’utilisateur à enregistrer",
    "respondents do not sign in to answer, so there is no address to record: ask for it in a text question if you need it": "les répondants ne se connectent pas pour répondre : il n’y a donc pas d’adresse à enregistrer ; demandez-la dans une question text si vous en avez besoin",
    "Heard does not record how respondents move through a form, for their privacy": "Heard n’enregistre pas le parcours des répondants dans un formulaire, par respect de leur vie privée",
    "Heard does not record where respondents are, for their privacy": "Heard n’enregistre pas l’endroit où se trouvent les répondants, par respect de leur vie privée",
    "jr:choice-name() takes the choice's name and then the select question, quoted, as in jr:choice-name(${colour}, '${colour}')": "jr:choice-name() prend le nom du choix puis la question à choix, entre guillemets, comme dans jr:choice-name(${colour}, '${colour}')",
    "jr:choice-name() reads the labels of a select question's choices: ${%(name)s} is not one.": "jr:choice-name() lit les libellés des choix d’une question à choix : ${%(name)s} n’en est pas une.",
    "position() takes only '..': write position(..) for the number of a repeat's entry": "position() n'accepte que '..' : écrivez position(..) pour le numéro d'une entrée de répétition",
    "area() is not supported yet: work out a shape's area from the exported answers": "area() n'est pas encore pris en charge : calculez la superficie d'une forme à partir des réponses exportées",
    "distance() is not supported yet: work out a line's length from the exported answers": "distance() n'est pas encore pris en charge : calculez la longueur d'une ligne à partir des réponses exportées",
    "geofence() is not supported yet: check where a point lies from the exported answers": "geofence() n'est pas encore pris en charge : vérifiez où se trouve un point à partir des réponses exportées",
    "digest() is not supported: a web form does not hash answers; compare the answer itself": "digest() n'est pas pris en charge : un formulaire Web ne calcule pas d'empreinte des réponses ; comparez la réponse elle-même",
    "base64-decode() is not supported: put the text itself in the form": "base64-decode() n'est pas pris en charge : mettez le texte lui-même dans le formulaire",
    "extract-signed() is not supported: a web form checks no signatures": "extract-signed() n'est pas pris en charge : un formulaire Web ne vérifie aucune signature",
    "date-time() is not supported: work with dates, as date(${day}) or today()": "date-time() n'est pas pris en charge : travaillez avec des dates, comme date(${day}) ou today()",
    "decimal-time() is not supported: ask for the hours as a decimal number": "decimal-time() n'est pas pris en charge : demandez les heures sous forme de nombre décimal",
    "format-date-time() is not supported: format-date() takes the same patterns, %H:%M included": "format-date-time() n'est pas pris en charge : format-date() accepte les mêmes modèles, %H:%M compris",
    "randomize() is not supported: write randomize=true in the question's parameters": "randomize() n'est pas pris en charge : écrivez randomize=true dans les paramètres (parameters) de la question",
    "use '=' to compare, not '=='": "utilisez '=' pour comparer, et non '=='",
    "use 'and', not '&&'": "utilisez 'and', et non '&&'",
    "use 'or', not '||'": "utilisez 'or', et non '||'",
    "use '!=' for 'not equal', not '<>'": "utilisez '!=' pour « différent de », et non '<>'",
    "%(problem)s (at character %(position)s)": "%(problem)s (au caractère %(position)s)",
    "the end of the expression": "la fin de l'expression",
    "the string %(text)s": "la chaîne %(text)s",
    "write a lookup in an attached file as instance('people')/root/item[id = ${id}]/region": "écrivez une recherche dans un fichier joint sous la forme instance('people')/root/item[id = ${id}]/region",
    "unknown function '%(name)s()'": "fonction inconnue '%(name)s()'",
    "unexpected character %(character)s": "caractère inattendu %(character)s",
    "the '[' starting here is not closed with ']'": "le '[' qui commence ici n'est pas fermé par ']'",
    "'.' in a lookup's [...] is not supported: compare a column, as in [id = ${id}]": "'.' dans le [...] d'une recherche n'est pas pris en charge : comparez une colonne, comme dans [id = ${id}]",
    "the string starting here is not closed with %(quote)s": "la chaîne qui commence ici n'est pas fermée par %(quote)s",
    "'$' must start a reference such as ${age}": "'$' doit commencer une référence comme ${age}",
    "write ${last-saved#name} with a field's name": "écrivez ${last-saved#name} avec le nom d'un champ",
    "'${' must be followed by a field name, as in ${age}": "'${' doit être suivi du nom d'un champ, comme dans ${age}",
    "the reference '${%(name)s' is not closed with '}'": "la référence '${%(name)s' n'est pas fermée par '}'",
    "'..' (parent paths) is not supported: use ${name}": "'..' (chemins vers le parent) n'est pas pris en charge : utilisez ${name}",
    "the curly quote %(quote)s does not start a string: use straight quotes ' or \"": "le guillemet typographique %(quote)s ne commence pas une chaîne : utilisez des guillemets droits ' ou \"",
    "paths such as /data/name are not supported: use ${name}": "les chemins comme /data/name ne sont pas pris en charge : utilisez ${name}",
    "use '!=' for 'not equal' and not(...) for negation": "utilisez '!=' pour « différent de » et not(...) pour la négation",
    "the expression is empty": "l'expression est vide",
    "expected an operator or the end of the expression, found %(found)s": "un opérateur ou la fin de l'expression était attendu, trouvé %(found)s",
    "the expression is nested too deeply": "l'expression est trop imbriquée",
    "missing ')' to close the '(' at character %(position)s": "il manque ')' pour fermer le '(' du caractère %(position)s",
    "expected a value, a ${reference} or a function, found %(found)s": "une valeur, une ${reference} ou une fonction était attendue, trouvé %(found)s",
    "%(name)s is a function: write %(call)s": "%(name)s est une fonction : écrivez %(call)s",
    "'%(name)s' is not a reference: write ${%(name)s} for the answer to a field": "'%(name)s' n'est pas une référence : écrivez ${%(name)s} pour la réponse à un champ",
    "write position(..) for the number of a repeat's entry": "écrivez position(..) pour le numéro d'une entrée de répétition",
    "expected ',' or ')' in the arguments of %(name)s()": "',' ou ')' était attendu dans les arguments de %(name)s()",
    "%(name)s() takes at least %(fewest)s arguments, not %(count)s": "%(name)s() prend au moins %(fewest)s arguments, et non %(count)s",
    "%(name)s() takes 1 argument, not %(count)s": "%(name)s() prend 1 argument, et non %(count)s",
    "%(name)s() takes %(fewest)s arguments, not %(count)s": "%(name)s() prend %(fewest)s arguments, et non %(count)s",
    "%(name)s() takes %(fewest)s to %(most)s arguments, not %(count)s": "%(name)s() prend de %(fewest)s à %(most)s arguments, et non %(count)s",
    "%(name)s() takes a repeat or a question in one, as in count(${people}) or sum(${amount})": "%(name)s() prend une répétition ou une de ses questions, comme dans count(${people}) ou sum(${amount})",
    "indexed-repeat() takes a question of a repeat, then the repeat and the entry's number, as in indexed-repeat(${age}, ${people}, 2) (in a repeat inside another, the outer repeat and its number first: indexed-repeat(${age}, ${households}, 1, ${people}, 2))": "indexed-repeat() prend une question d'une répétition, puis la répétition et le numéro de l'entrée, comme dans indexed-repeat(${age}, ${people}, 2) (dans une répétition à l'intérieur d'une autre, la répétition extérieure et son numéro d'abord : indexed-repeat(${age}, ${households}, 1, ${people}, 2))",
    "pulldata() takes the file, the column to read and the column to match as quoted names, as in pulldata('people', 'region', 'id', ${id})": "pulldata() prend le fichier, la colonne à lire et la colonne à comparer, chacun entre guillemets, comme dans pulldata('people', 'region', 'id', ${id})",
    "%(expected)s, found %(found)s": "%(expected)s, trouvé %(found)s",
    "the expression is too long: split it over calculate fields": "l'expression est trop longue : répartissez-la sur des champs calculate",
    "the regular expression %(pattern)s is invalid: %(reason)s": "l'expression régulière %(pattern)s n'est pas valide : %(reason)s",
    "\\%(escape)s is not supported in regex(): use ^ and $": "\\%(escape)s n'est pas pris en charge dans regex() : utilisez ^ et $",
    "a ']' first in a [...] class is not supported in regex(): write \\]": "un ']' en tête d'une classe [...] n'est pas pris en charge dans regex() : écrivez \\]",
    "regex() supports (?:...), (?=...), (?!...), (?<=...) and (?<!...) groups only, not %(group)s": "regex() ne prend en charge que les groupes (?:...), (?=...), (?!...), (?<=...) et (?<!...), et non %(group)s",
    "possessive quantifiers such as '++' are not supported in regex()": "les quantificateurs possessifs comme '++' ne sont pas pris en charge dans regex()",
    "A picture or a recording alone cannot be read by everyone: write a label saying what it shows or asks, in English or French (screen readers read the label).": "Une image ou un enregistrement seul ne peut pas être lu par tout le monde : écrivez un libellé qui dit ce qu’il montre ou demande, en anglais ou en français (les lecteurs d’écran lisent le libellé).",
    "A column name holds “:” only to name a language, as in label::English (en) (ODK writes each column of a list as an XML element): write the language that way, or rename the column without a colon.": "Un nom de colonne ne contient « : » que pour nommer une langue, comme dans label::English (en) (ODK écrit chaque colonne d’une liste comme un élément XML) : écrivez la langue ainsi, ou renommez la colonne sans deux-points.",
    "pyxform turned this form into an XForm that is not valid XML (%(why)s), which no ODK tool could read: look for a column or a name that is not XLSForm's.": "pyxform a fait de ce formulaire un XForm qui n’est pas du XML valide (%(why)s), qu’aucun outil ODK ne pourrait lire : cherchez une colonne ou un nom qui n’est pas de XLSForm.",
    "A loop inside a loop is not supported: give the inner one a group per choice.": "Une boucle dans une boucle n’est pas prise en charge : donnez à la boucle intérieure un groupe par choix.",
    "write a loop as “begin loop over” a list name, up to “end loop”": "écrivez une boucle « begin loop over » suivi d’un nom de liste, jusqu’à « end loop »",
    "This end loop closes no loop.": "Ce end loop ne ferme aucune boucle.",
    "This loop has no end loop.": "Cette boucle n’a pas de end loop.",
    "Loops written out as groups": "Boucles écrites en groupes",
    "Each loop asks its questions once per choice of its list. Heard reads it as pyxform does, as a group per choice, and shows a section per choice. Downloaded back, the form has these groups instead of the loop: the same XForm.": "Chaque boucle pose ses questions une fois par choix de sa liste. Heard la lit comme pyxform, en un groupe par choix, et affiche une section par choix. Téléchargé de nouveau, le formulaire contient ces groupes au lieu de la boucle : le même XForm.",
    "List": "Liste",
    "Groups": "Groupes",
    "Pictures shown with no text": "Images affichées sans texte",
    "These notes are only a picture. Heard shows each as a decorative picture, which screen readers pass over: if one says something a respondent needs (instructions, a map, a chart), write a label saying it, in English and French, and upload the form again.": "Ces notes ne sont qu’une image. Heard affiche chacune comme une image décorative, que les lecteurs d’écran passent sous silence : si l’une dit quelque chose dont un répondant a besoin (des consignes, une carte, un graphique), écrivez un libellé qui le dit, en anglais et en français, puis téléversez de nouveau le formulaire.",
    "instance('%(name)s') reads %(columns)s, which the choice list “%(name)s” does not have: it has %(has)s.": "instance('%(name)s') lit %(columns)s, que la liste de choix « %(name)s » n’a pas : elle a %(has)s.",
    "a picture": "une image",
    "a video": "une vidéo",
    "a recording": "un enregistrement",
    "“%(name)s” is not %(what)s a browser can show: use a %(extensions)s file.": "« %(name)s » n’est pas %(what)s qu’un navigateur sait lire : utilisez un fichier %(extensions)s.",
    "The file's content is not a %(extension)s file, as its name says: save it again in that format, or rename it after what it is.": "Le contenu du fichier n’est pas celui d’un fichier %(extension)s, comme son nom l’indique : enregistrez-le de nouveau dans ce format, ou renommez-le d’après ce qu’il est.",
    "“%(name)s” is not a file a form can name: choices and data come as .csv, .xml or .geojson files, pictures, recordings and videos as %(media)s files.": "« %(name)s » n’est pas un fichier qu’un formulaire peut nommer : les choix et les données viennent en fichiers .csv, .xml ou .geojson, les images, enregistrements et vidéos en fichiers %(media)s.",
    "Heard shows pictures, recordings and videos with questions, notes and choices, not on a %(type)s row: put them on a note.": "Heard affiche les images, enregistrements et vidéos avec les questions, les notes et les choix, pas sur une ligne %(type)s : placez-les sur une note.",
    "Write the media file's name alone, without a folder: “%(name)s”.": "Écrivez le nom du fichier média seul, sans dossier : « %(name)s ».",
    "The file is larger than %(limit)d MB.": "Le fichier dépasse %(limit)d Mo.",
    "“%(name)s” is larger than %(limit)d MB.": "« %(name)s » dépasse %(limit)d Mo.",
    "The files the form names: files of choices in select_one_from_file or select_multiple_from_file rows, such as cities.csv, with a name column and a label column (or label::English (en) and label::Français (fr)); the CSV files pulldata() reads, such as people.csv for pulldata('people', …); and the pictures, recordings and videos of its media::image, media::audio and media::video columns (up to 10 MB each). They can also be attached after the form.": "Les fichiers que le formulaire nomme : fichiers de choix des lignes select_one_from_file ou select_multiple_from_file, comme cities.csv, avec une colonne name et une colonne label (ou label::English (en) et label::Français (fr)) ; les fichiers CSV que lit pulldata(), comme people.csv pour pulldata('people', …) ; et les images, enregistrements et vidéos de ses colonnes media::image, media::audio et media::video (jusqu’à 10 Mo chacun). Ils peuvent aussi être joints après le formulaire.",
    "See the larger picture": "Voir l’image en plus grand",
    "Download the recording": "Télécharger l’enregistrement",
    "Download the video": "Télécharger la vidéo",
    "Attached: picture": "Joint : image",
    "Attached: recording": "Joint : enregistrement",
    "Attached: video": "Joint : vidéo",
    "Upload a version of the form that asks a question before inviting anyone.": "Téléversez une version du formulaire qui pose une question avant d’inviter qui que ce soit.",
    "The form asks no question yet (its rows are notes, calculations or settings): it is kept as a draft, and the questionnaire cannot open until you upload a version that asks one.": "Le formulaire ne pose encore aucune question (ses lignes sont des notes, des calculs ou des paramètres) : il est gardé comme brouillon, et le questionnaire ne peut pas ouvrir tant que vous n’en téléversez pas une version qui en pose une.",
    "The form asks no question yet: its rows are notes, calculations or settings. It is kept as a draft, and the questionnaire cannot open until you upload a version that asks one (below).": "Le formulaire ne pose encore aucune question : ses lignes sont des notes, des calculs ou des paramètres. Il est gardé comme brouillon, et le questionnaire ne peut pas ouvrir tant que vous n’en téléversez pas une version qui en pose une (ci-dessous).",
}


NBSP = "\u00a0"


def typeset(text: str) -> str:
    """French typography: a non-breaking space before : ; ? ! and inside « »."""
    for mark in (":", ";", "?", "!"):
        text = text.replace(f" {mark}", f"{NBSP}{mark}")
    return text.replace("« ", f"«{NBSP}").replace(" »", f"{NBSP}»")


# Strings of django-otp-webauthn (passkeys) that staff can see: its scripts' messages (domain
# djangojs) and the errors its views send back (domain django). The package ships no French;
# these go to heard/locale_vendor, a second entry of LOCALE_PATHS, which makemessages leaves alone.
VENDOR = Path(__file__).resolve().parent.parent / "heard/locale_vendor/fr/LC_MESSAGES"
PASSKEY_SCRIPT = {
    "Verification failed. A server error occurred.": "Échec de la vérification. Une erreur s’est produite sur le serveur.",
    "An error occurred during verification.": "Une erreur s’est produite pendant la vérification.",
    "Verify with Passkey": "Vérifier avec une clé d’accès",
    "Verifying...": "Vérification…",
    "Verification failed. Could not retrieve parameters from the server.": "Échec de la vérification. Impossible d’obtenir les paramètres du serveur.",
    "Verification aborted.": "Vérification interrompue.",
    "Verification canceled or not allowed.": "Vérification annulée ou refusée.",
    "Verification failed. An unknown error occurred.": "Échec de la vérification. Une erreur inconnue s’est produite.",
    "Finishing verification...": "Fin de la vérification…",
    "Verification failed. An unknown server error occurred.": "Échec de la vérification. Une erreur inconnue s’est produite sur le serveur.",
    "Verification successful!": "Vérification réussie!",
    "Register a Passkey": "Enregistrer une clé d’accès",
    "Registering...": "Enregistrement…",
    "Registration failed. Unable to fetch registration options from server.": "Échec de l’enregistrement. Impossible d’obtenir les options d’enregistrement du serveur.",
    "Registration aborted.": "Enregistrement interrompu.",
    "Registration failed. You most likely already have a Passkey registered for this site.": "Échec de l’enregistrement. Vous avez probablement déjà une clé d’accès enregistrée pour ce site.",
    "Registration aborted or not allowed.": "Enregistrement interrompu ou refusé.",
    "Registration failed. A technical problem occurred that prevents you from registering a Passkey for this site.": "Échec de l’enregistrement. Un problème technique empêche d’enregistrer une clé d’accès pour ce site.",
    "Registration failed. An unknown error occurred.": "Échec de l’enregistrement. Une erreur inconnue s’est produite.",
    "Finishing registration...": "Fin de l’enregistrement…",
    "Registration failed. The server was unable to verify this passkey.": "Échec de l’enregistrement. Le serveur n’a pas pu vérifier cette clé d’accès.",
    "Registration failed. A server error occurred.": "Échec de l’enregistrement. Une erreur s’est produite sur le serveur.",
    "Registration successful!": "Enregistrement réussi!",
    "An error occurred during registration.": "Une erreur s’est produite pendant l’enregistrement.",
}
PASSKEY_MESSAGES = {
    "Error processing WebAuthn request.": "Erreur de traitement de la demande WebAuthn.",
    "Malformed request. JSON not parsable.": "Demande mal formée : JSON illisible.",
    "State is missing or invalid. Please begin the operation first before trying to complete it.": "État manquant ou invalide. Commencez l’opération avant d’essayer de la terminer.",
    "Passwordless login is disabled.": "L’ouverture de session sans mot de passe est désactivée.",
    "This user account is marked as disabled.": "Ce compte est désactivé.",
    "This Passkey has been marked as disabled.": "Cette clé d’accès est désactivée.",
    "The Passkey you tried to use was not found. Perhaps it was removed?": "La clé d’accès utilisée est introuvable. A-t-elle été retirée?",
    "The Passkey you tried to use does not belong to the currently logged-in user. Try using a different Passkey or logout first to use this Passkey.": "La clé d’accès utilisée n’appartient pas au compte ouvert. Essayez une autre clé d’accès, ou fermez d’abord la session pour utiliser celle-ci.",
    "Authentication required.": "Ouverture de session requise.",
    "User is not verified.": "Le second facteur n’a pas été vérifié.",
    "You must verify your identity first with an existing MFA device before you can register a new passkey.": "Vérifiez d’abord votre identité avec un second facteur existant avant d’enregistrer une nouvelle clé d’accès.",
}


def write_vendor() -> list[str]:
    """Write the passkey catalogues; return the package's script strings that have no French."""
    import django_otp_webauthn

    package = Path(django_otp_webauthn.__file__).parent / "locale/nl/LC_MESSAGES"
    missing = [
        e.msgid
        for e in polib.pofile(str(package / "djangojs.po"))
        if e.msgid and e.msgid not in PASSKEY_SCRIPT
    ]
    known = {e.msgid for e in polib.pofile(str(package / "django.po"))}
    missing += [
        f"{m} (no longer in django-otp-webauthn)" for m in PASSKEY_MESSAGES if m not in known
    ]
    VENDOR.mkdir(parents=True, exist_ok=True)
    for domain, strings in (("djangojs", PASSKEY_SCRIPT), ("django", PASSKEY_MESSAGES)):
        catalogue = polib.POFile()
        catalogue.metadata = {
            "Language": "fr",
            "Plural-Forms": "nplurals=2; plural=(n > 1);",
            "Content-Type": "text/plain; charset=UTF-8",
        }
        for english, french in strings.items():
            catalogue.append(polib.POEntry(msgid=english, msgstr=typeset(french)))
        catalogue.save(str(VENDOR / f"{domain}.po"))
    return missing


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
    missing += write_vendor()
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
