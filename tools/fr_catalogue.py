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
    "A calculate row takes no label.": "Une ligne calculate ne prend pas de libellé.",
    "Write yes or no: conditional “required” is not supported.": "Écrivez yes ou no : une valeur « required » conditionnelle n’est pas prise en charge.",
    "A %(type)s cannot be required.": "Une ligne de type %(type)s ne peut pas être obligatoire.",
    "A required message needs required = yes.": "Un message d’obligation (required_message) exige required = yes.",
    "A %(type)s takes no constraint.": "Une ligne de type %(type)s ne prend pas de contrainte.",
    "A constraint message needs a constraint.": "Un message de contrainte exige une contrainte.",
    "A calculate row needs a calculation.": "Une ligne calculate exige un calcul (calculation).",
    "Only calculate rows take a calculation.": "Seules les lignes calculate prennent un calcul (calculation).",
    "Only select_one and select_multiple take a choice_filter.": "Seuls select_one et select_multiple acceptent un choice_filter.",
    "This group has no end_group.": "Ce groupe n’a pas de end_group.",
    "The form asks no question.": "Le formulaire ne pose aucune question.",
    "The choices sheet needs “list_name” and “name” columns.": "La feuille choices doit avoir les colonnes « list_name » et « name ».",
    "The list name is missing.": "Il manque le nom de la liste.",
    "The choice name is missing.": "Il manque le nom du choix.",
    "A choice name cannot hold spaces.": "Un nom de choix ne peut pas contenir d’espaces.",
    "“%(name)s” is already in list “%(list)s”, row %(row)d.": "« %(name)s » figure déjà dans la liste « %(list)s », à la ligne %(row)d.",
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
