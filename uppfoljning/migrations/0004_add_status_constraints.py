from django.db import migrations, models


class Migration(migrations.Migration):
    """A submitted report has a progress status, a returned one says what to correct, and a
    continue/revise/close decision has a reason."""

    dependencies = [
        ('uppfoljning', '0003_add_klara_milstolpar'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='aterrapport',
            constraint=models.CheckConstraint(condition=models.Q(('rapportstatus', 'vantar'), models.Q(('framdrift', ''), _negated=True), _connector='OR'), name='inlamnad_rapport_har_framdrift'),
        ),
        migrations.AddConstraint(
            model_name='aterrapport',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('rapportstatus', 'atersand'), _negated=True), models.Q(('granskningskommentar', ''), _negated=True), _connector='OR'), name='atersand_rapport_har_kommentar'),
        ),
        migrations.AddConstraint(
            model_name='fortsattningsbeslut',
            constraint=models.CheckConstraint(condition=models.Q(('motivering', ''), _negated=True), name='fortsattningsbeslut_har_motivering'),
        ),
    ]
