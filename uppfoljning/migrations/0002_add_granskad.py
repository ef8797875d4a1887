from django.db import migrations, models


class Migration(migrations.Migration):
    """When a report was accepted or returned (who did it is `granskad_av`)."""

    dependencies = [
        ('uppfoljning', '0001_kedjans_uppfoljning'),
    ]

    operations = [
        migrations.AddField(
            model_name='aterrapport',
            name='granskad',
            field=models.DateTimeField(blank=True, null=True, verbose_name='granskad'),
        ),
        migrations.AddField(
            model_name='historicalaterrapport',
            name='granskad',
            field=models.DateTimeField(blank=True, null=True, verbose_name='granskad'),
        ),
    ]
