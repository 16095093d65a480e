from django.db import migrations, models


def copy_created_date(apps, schema_editor):
    Version = apps.get_model("agreements", "AgreementVersion")
    for version in Version.objects.all():
        Version.objects.filter(pk=version.pk).update(adopted_on=version.created_at.date())


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="agreementversion",
            name="adopted_on",
            field=models.DateField(null=True, help_text="the day the parties adopted this text"),
        ),
        migrations.RunPython(copy_created_date, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="agreementversion",
            name="adopted_on",
            field=models.DateField(help_text="the day the parties adopted this text"),
        ),
    ]
