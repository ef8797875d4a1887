from django.db import migrations

ROLLER = ["tjansteperson", "fortroendevald", "utforare", "admin"]


def skapa_roller(apps, schema_editor):
    # The groups; their permissions are applied after every migrate (natverken.roller).
    Group = apps.get_model("auth", "Group")
    for namn in ROLLER:
        Group.objects.get_or_create(name=namn)


def las_in_omraden(apps, schema_editor):
    from natverken.services import las_in_omraden as las_in

    las_in(omrade_modell=apps.get_model("natverken", "Omrade"))


class Migration(migrations.Migration):
    dependencies = [
        ("natverken", "0001_karnan"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(skapa_roller, migrations.RunPython.noop),
        migrations.RunPython(las_in_omraden, migrations.RunPython.noop),
    ]
