"""The bot's traditional flows, as the old app had them in its database."""

from django.db import migrations

NAMES = ["tour_inquiry_flow", "main_menu"]


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    flow = apps.get_model("chat", "Flow")
    for name in NAMES:
        flow.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = (("chat", "0001_initial"),)
    operations = (migrations.RunPython(create, migrations.RunPython.noop),)
