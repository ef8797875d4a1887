from django.db import migrations, models


class Migration(migrations.Migration):
    """Each goal's judgement as the body saw it when it approved the yearly follow-up."""

    dependencies = [
        ('uppfoljning', '0004_add_status_constraints'),
    ]

    operations = [
        migrations.AddField(
            model_name='arsuppfoljning',
            name='bedomningar_vid_beslut',
            field=models.JSONField(blank=True, default=dict, editable=False, verbose_name='måluppfyllelse vid beslutet'),
        ),
        migrations.AddField(
            model_name='historicalarsuppfoljning',
            name='bedomningar_vid_beslut',
            field=models.JSONField(blank=True, default=dict, editable=False, verbose_name='måluppfyllelse vid beslutet'),
        ),
    ]
