import django.db.models.deletion
import simple_history.models
from django.db import migrations, models


class Migration(migrations.Migration):
    """The milestones a report says are done, with their history."""

    dependencies = [
        # Milestones exist since uppdrag's first migration; depend on no later one.
        ('uppdrag', '0001_kedjans_uppdrag'),
        ('uppfoljning', '0002_add_granskad'),
    ]

    operations = [
        migrations.AddField(
            model_name='aterrapport',
            name='klara_milstolpar',
            field=models.ManyToManyField(blank=True, related_name='rapporterad_klar_i', to='uppdrag.milstolpe', verbose_name='milstolpar som rapporteras klara'),
        ),
        migrations.CreateModel(
            name='HistoricalAterrapport_klara_milstolpar',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('aterrapport', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='uppfoljning.aterrapport')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='uppfoljning.historicalaterrapport')),
                ('milstolpe', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='uppdrag.milstolpe')),
            ],
            options={
                'verbose_name': 'HistoricalAterrapport_klara_milstolpar',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
