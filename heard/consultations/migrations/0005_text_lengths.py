"""Maximum lengths for the text fields, checked by the database too (see heard.core.limits)."""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

import heard.core.limits
from heard.core.limits import refuse_existing_overlong


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0004_remove_membership_membership_role_known_and_more"),
    ]

    operations = [
        migrations.AlterField(
            model_name="consultation",
            name="description_en",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="description (English)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="description_fr",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="description (French)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="how_to_participate_en",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="how to participate (English)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="how_to_participate_fr",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="how to participate (French)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="objectives_en",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="objectives (English)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="objectives_fr",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="objectives (French)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="summary_en",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=1000, verbose_name="summary (English)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="summary_fr",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=1000, verbose_name="summary (French)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="what_en",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="what we are consulting on (English)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="what_fr",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="what we are consulting on (French)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="who_en",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="who is the focus (English)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="who_fr",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="who is the focus (French)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="why_en",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="why we are consulting (English)"
            ),
        ),
        migrations.AlterField(
            model_name="consultation",
            name="why_fr",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="why we are consulting (French)"
            ),
        ),
        migrations.AlterField(
            model_name="scheduleitem",
            name="description_en",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="details (English)"
            ),
        ),
        migrations.AlterField(
            model_name="scheduleitem",
            name="description_fr",
            field=heard.core.limits.BoundedTextField(
                blank=True, max_length=20000, verbose_name="details (French)"
            ),
        ),
        migrations.RunPython(
            refuse_existing_overlong(
                "consultations",
                "Consultation",
                {
                    "summary_en": 1000,
                    "summary_fr": 1000,
                    "description_en": 20000,
                    "description_fr": 20000,
                    "objectives_en": 20000,
                    "objectives_fr": 20000,
                    "why_en": 20000,
                    "why_fr": 20000,
                    "who_en": 20000,
                    "who_fr": 20000,
                    "what_en": 20000,
                    "what_fr": 20000,
                    "how_to_participate_en": 20000,
                    "how_to_participate_fr": 20000,
                },
            ),
            migrations.RunPython.noop,
        ),
        migrations.AddConstraint(
            model_name="consultation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("summary_en"), 1000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("summary_fr"), 1000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("description_en"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("description_fr"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("objectives_en"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("objectives_fr"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("why_en"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("why_fr"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("who_en"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("who_fr"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("what_en"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("what_fr"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("how_to_participate_en"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("how_to_participate_fr"), 20000
                    ),
                ),
                name="consultation_text_lengths",
            ),
        ),
        migrations.RunPython(
            refuse_existing_overlong(
                "consultations", "ScheduleItem", {"description_en": 20000, "description_fr": 20000}
            ),
            migrations.RunPython.noop,
        ),
        migrations.AddConstraint(
            model_name="scheduleitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("description_en"), 20000
                    ),
                    django.db.models.lookups.LessThanOrEqual(
                        django.db.models.functions.text.Length("description_fr"), 20000
                    ),
                ),
                name="schedule_item_text_lengths",
            ),
        ),
    ]
