"""Encrypt where a person's contact details came from (consent_source) and their job title, which
were plain text, and give every personal field of a person a maximum length.

The existing values are encrypted in place: the columns first become plain text columns long
enough for a token, each value is encrypted, blank ones too, as the field stores them (one
already encrypted is left alone, so a rerun is harmless), then the fields become encrypted fields. Going back decrypts them, with the same keys
(HEARD_ENCRYPTION_KEYS), before the columns return to 200 characters.
"""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

import heard.core.crypto
from heard.core.limits import refuse_existing_overlong

FIELDS = ("consent_source", "title")
BATCH = 1000


def _is_token(value):
    try:
        heard.core.crypto.decrypt(value)
    except ValueError:
        return False
    return True


def _rewrite(apps, schema_editor, change):
    Person = apps.get_model("stakeholders", "Person")
    people = Person._base_manager.using(schema_editor.connection.alias)
    batch = []
    for pk, *values in people.values_list("pk", *FIELDS).order_by("pk").iterator(chunk_size=BATCH):
        new = [None if value is None else change(value) for value in values]
        if new != values:
            batch.append(Person(pk=pk, **dict(zip(FIELDS, new, strict=True))))
        if len(batch) >= BATCH:
            people.bulk_update(batch, FIELDS)
            batch = []
    if batch:
        people.bulk_update(batch, FIELDS)


def encrypt_plain_values(apps, schema_editor):
    _rewrite(
        apps,
        schema_editor,
        lambda value: value if _is_token(value) else heard.core.crypto.encrypt(value),
    )


def decrypt_values(apps, schema_editor):
    _rewrite(
        apps,
        schema_editor,
        lambda value: heard.core.crypto.decrypt(value) if _is_token(value) else value,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("stakeholders", "0001_initial"),
    ]

    operations = [
        # Plain text columns, long enough for the tokens (the values are still plain here).
        migrations.AlterField(
            model_name="person",
            name="consent_source",
            field=models.TextField(blank=True, verbose_name="where the contact details came from"),
        ),
        migrations.AlterField(
            model_name="person",
            name="title",
            field=models.TextField(blank=True, verbose_name="job title"),
        ),
        migrations.RunPython(encrypt_plain_values, decrypt_values),
        migrations.AlterField(
            model_name="person",
            name="consent_source",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=200, verbose_name="where the contact details came from"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="title",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=200, verbose_name="job title"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="accessibility_needs",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=1000, verbose_name="accessibility needs"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="email",
            field=heard.core.crypto.EncryptedTextField(max_length=254, verbose_name="email"),
        ),
        migrations.AlterField(
            model_name="person",
            name="name",
            field=heard.core.crypto.EncryptedTextField(max_length=200, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="person",
            name="phone",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=50, verbose_name="phone"
            ),
        ),
        # Values stored before there was a limit: named, not cut, if the constraint would refuse
        # them (the bounds are those of the constraint below, for encrypted tokens).
        migrations.RunPython(
            refuse_existing_overlong(
                "stakeholders",
                "Person",
                {
                    "name": 1164,
                    "title": 1164,
                    "email": 1452,
                    "phone": 364,
                    "accessibility_needs": 5432,
                    "consent_source": 1164,
                },
            ),
            migrations.RunPython.noop,
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("name"), 1164
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("title"), 1164
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("email"), 1452
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("phone"), 364
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("accessibility_needs"), 5432
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("consent_source"), 1164
                    ),
                ),
                name="person_text_lengths",
            ),
        ),
    ]
