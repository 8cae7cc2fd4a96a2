import uuid

from django.db import migrations, models


def give_each_version_its_own(apps, schema_editor):
    # A default callable gives every existing row the same value: each needs its own.
    Version = apps.get_model("questionnaires", "QuestionnaireVersion")
    for pk in Version.objects.values_list("pk", flat=True):
        Version.objects.filter(pk=pk).update(revision=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("questionnaires", "0004_response_anonymised_at")]

    operations = [
        migrations.AddField(
            model_name="questionnaireversion",
            name="revision",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.RunPython(give_each_version_its_own, migrations.RunPython.noop),
    ]
