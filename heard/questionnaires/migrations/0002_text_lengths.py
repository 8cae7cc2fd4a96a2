"""Maximum lengths for the text fields, checked by the database too (see heard.core.limits)."""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

import heard.core.crypto
import heard.core.limits
from heard.core.limits import refuse_existing_overlong


class Migration(migrations.Migration):
    dependencies = [
        ("questionnaires", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="accessrequest",
            name="email",
            field=heard.core.crypto.EncryptedTextField(max_length=254, verbose_name="email"),
        ),
        migrations.AlterField(
            model_name="accessrequest",
            name="name",
            field=heard.core.crypto.EncryptedTextField(max_length=200, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="accessrequest",
            name="organisation",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=250, verbose_name="organisation"
            ),
        ),
        migrations.AlterField(
            model_name="accessrequest",
            name="reason",
            field=heard.core.crypto.EncryptedTextField(
                blank=True, max_length=2000, verbose_name="why you would like to take part"
            ),
        ),
        migrations.AlterField(
            model_name="questionnaire",
            name="privacy_notice_en",
            field=heard.core.limits.BoundedTextField(
                help_text="Purpose, use, retention and whom to contact. Markdown.",
                max_length=20000,
                verbose_name="privacy notice (English)",
            ),
        ),
        migrations.AlterField(
            model_name="questionnaire",
            name="privacy_notice_fr",
            field=heard.core.limits.BoundedTextField(
                max_length=20000, verbose_name="privacy notice (French)"
            ),
        ),
        migrations.RunPython(
            refuse_existing_overlong(
                "questionnaires",
                "AccessRequest",
                {"name": 1164, "organisation": 1432, "email": 1452, "reason": 10764},
            ),
            migrations.RunPython.noop,
        ),
        migrations.AddConstraint(
            model_name="accessrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("name"), 1164
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("organisation"), 1432
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("email"), 1452
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("reason"), 10764
                    ),
                ),
                name="access_request_text_lengths",
            ),
        ),
        migrations.RunPython(
            refuse_existing_overlong(
                "questionnaires",
                "Questionnaire",
                {"privacy_notice_en": 20000, "privacy_notice_fr": 20000},
            ),
            migrations.RunPython.noop,
        ),
        migrations.AddConstraint(
            model_name="questionnaire",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("privacy_notice_en"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("privacy_notice_fr"), 20000
                    ),
                ),
                name="questionnaire_text_lengths",
            ),
        ),
    ]
