"""The stakeholder registry of a consultation: sectors, organisations, people, tags, saved lists.

The registry belongs to one consultation: a team sees the people it invited, no one else's.
A person's name, job title, e-mail address, phone number, accessibility needs and where their
contact details came from (the consent source) are encrypted at rest; e-mail addresses are
matched through a keyed hash (blind index) of their normalised form.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from heard.consultations.models import Consultation
from heard.core import limits
from heard.core.bilingual import active_language, translated
from heard.core.crypto import EncryptedTextField
from heard.stakeholders.regions import Region


class Sector(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="sectors")
    key = models.SlugField(_("key"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=limits.SHORT_NAME)
    name_fr = models.CharField(_("name (French)"), max_length=limits.SHORT_NAME)
    position = models.PositiveIntegerField(_("position"), default=0)

    name = translated("name")

    class Meta:
        ordering = ["position", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "key"], name="sector_key_per_consultation"
            )
        ]

    def __str__(self) -> str:
        return self.name_en


class OrganisationType(models.TextChoices):
    FEDERAL = "federal", _("Federal government")
    PROVINCIAL = "provincial", _("Provincial or territorial government")
    MUNICIPAL = "municipal", _("Municipal government")
    INDIGENOUS = "indigenous", _("Indigenous organisation or government")
    POLICE = "police", _("Police service")
    NON_PROFIT = "non_profit", _("Non-profit organisation")
    PRIVATE = "private", _("Private company")
    ACADEMIC = "academic", _("Academic institution")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="organisations"
    )
    name_en = models.CharField(_("name (English)"), max_length=limits.ORGANISATION_NAME)
    name_fr = models.CharField(_("name (French)"), max_length=limits.ORGANISATION_NAME, blank=True)
    sector = models.ForeignKey(
        Sector, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("sector")
    )
    region = models.CharField(
        _("province or territory"), max_length=2, choices=Region.choices, blank=True
    )
    type = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices, blank=True)
    # For matching imports: the normalised English name.
    match_name = models.CharField(max_length=limits.ORGANISATION_NAME, editable=False)

    class Meta:
        ordering = ["name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "match_name"], name="organisation_name_per_consultation"
            )
        ]

    def __str__(self) -> str:
        return self.name_en

    def save(self, *args: object, **kwargs: object) -> None:
        self.match_name = normalise_name(self.name_en)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def name(self) -> str:
        return self.name_fr if active_language() == "fr" and self.name_fr else self.name_en


def normalise_name(name: str) -> str:
    return " ".join(name.casefold().split())


class Tag(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(_("name"), max_length=limits.TAG)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "name"], name="tag_name_per_consultation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Language(models.TextChoices):
    EN = "en", _("English")
    FR = "fr", _("French")


class ConsentBasis(models.TextChoices):
    CONSENT = "consent", _("Consent given")
    PUBLIC_ROLE = "public_role", _("Public professional role")
    PRIOR_RELATIONSHIP = "prior_relationship", _("Existing working relationship")
    OTHER = "other", _("Other lawful basis")


# The personal fields, all encrypted: the database bounds their stored tokens.
PERSON_LIMITS = {
    "name": limits.PERSON_NAME,
    "title": limits.JOB_TITLE,
    "email": limits.EMAIL,
    "phone": limits.PHONE,
    "accessibility_needs": limits.NEEDS,
    "consent_source": limits.CONSENT_SOURCE,
}


class Person(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="people")
    name = EncryptedTextField(_("name"), max_length=limits.PERSON_NAME)
    title = EncryptedTextField(_("job title"), max_length=limits.JOB_TITLE, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("organisation"),
    )
    sector = models.ForeignKey(
        Sector, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("sector")
    )
    region = models.CharField(
        _("province or territory"), max_length=2, choices=Region.choices, blank=True
    )
    email = EncryptedTextField(_("email"), max_length=limits.EMAIL)
    email_index = models.CharField(max_length=64, editable=False)
    phone = EncryptedTextField(_("phone"), max_length=limits.PHONE, blank=True)
    language = models.CharField(
        _("preferred official language"), max_length=2, choices=Language.choices, default="en"
    )
    accessibility_needs = EncryptedTextField(
        _("accessibility needs"), max_length=limits.NEEDS, blank=True
    )
    consent_source = EncryptedTextField(
        _("where the contact details came from"), max_length=limits.CONSENT_SOURCE, blank=True
    )
    consent_date = models.DateField(_("consent date"), null=True, blank=True)
    consent_basis = models.CharField(
        _("basis for contacting"), max_length=30, choices=ConsentBasis.choices, blank=True
    )
    do_not_contact = models.BooleanField(_("do not contact"), default=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="people", verbose_name=_("tags"))
    # A keyed hash of the imported values, so a re-import can tell “unchanged” without decrypting.
    import_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "email_index"], name="person_email_per_consultation"
            ),
            models.CheckConstraint(condition=~Q(email_index=""), name="person_has_email_index"),
            limits.length_constraint(
                "person_text_lengths", PERSON_LIMITS, encrypted=tuple(PERSON_LIMITS)
            ),
        ]
        indexes = [models.Index(fields=["consultation", "sector"])]

    def __str__(self) -> str:
        return f"person {self.pk}"


class SavedList(models.Model):
    """A saved filter over the registry (“Victim services in BC”), re-evaluated when used."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="saved_lists"
    )
    name = models.CharField(_("name"), max_length=limits.SHORT_NAME)
    filters = models.JSONField(default=dict)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "name"], name="list_name_per_consultation"
            )
        ]

    def __str__(self) -> str:
        return self.name
