"""Maximum lengths for the text fields, checked by the database too (see heard.core.limits)."""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

import heard.core.crypto
from heard.core.limits import refuse_existing_overlong


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_notes_agenda_facilitators"),
    ]

    operations = [
        migrations.AlterField(
            model_name="invitation",
            name="accessibility_needs",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=1000, verbose_name="accessibility needs"
            ),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="dietary_needs",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=1000, verbose_name="dietary needs"
            ),
        ),
        migrations.AlterField(
            model_name="note",
            name="text",
            field=heard.core.crypto.EncryptedTextField(max_length=200000, verbose_name="notes"),
        ),
        migrations.AlterField(
            model_name="suggestion",
            name="email",
            field=heard.core.crypto.EncryptedTextField(
                max_length=254, verbose_name="colleague's e-mail address"
            ),
        ),
        migrations.AlterField(
            model_name="suggestion",
            name="name",
            field=heard.core.crypto.EncryptedTextField(
                max_length=200, verbose_name="colleague's name"
            ),
        ),
        migrations.AlterField(
            model_name="suggestion",
            name="note",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=1000, verbose_name="why this person"
            ),
        ),
        migrations.RunPython(
            refuse_existing_overlong(
                "events", "Invitation", {"dietary_needs": 5432, "accessibility_needs": 5432}
            ),
            migrations.RunPython.noop,
        ),
        migrations.AddConstraint(
            model_name="invitation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("dietary_needs"), 5432
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("accessibility_needs"), 5432
                    ),
                ),
                name="invitation_text_lengths",
            ),
        ),
        migrations.RunPython(
            refuse_existing_overlong("events", "Note", {"text": 1066764}),
            migrations.RunPython.noop,
        ),
        migrations.AddConstraint(
            model_name="note",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("text"), 1066764
                    )
                ),
                name="note_text_length",
            ),
        ),
        migrations.RunPython(
            refuse_existing_overlong(
                "events", "Suggestion", {"name": 1164, "email": 1452, "note": 5432}
            ),
            migrations.RunPython.noop,
        ),
        migrations.AddConstraint(
            model_name="suggestion",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("name"), 1164
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("email"), 1452
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("note"), 5432
                    ),
                ),
                name="suggestion_text_lengths",
            ),
        ),
    ]
