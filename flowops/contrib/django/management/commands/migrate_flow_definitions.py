"""``manage.py migrate_flow_definitions [DIR]``: the old flow modules → flows.yaml + JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from flowops.contrib.django import bridge, conf
from flowops.contrib.django.legacy import ConversionError, read_definitions
from flowops.contrib.django.migrate import migrate


class Command(BaseCommand):
    requires_system_checks = ()  # it creates the manifest the checks look for
    help = (
        "Convert the old flows/definitions/*.py (Flow JSON dict + *_METADATA dict) into "
        "whatsapp_flows/<name>.json and flows.yaml entries named as the flows are on Meta."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", nargs="?", default="flows/definitions", type=Path)
        parser.add_argument(
            "--suffix",
            help="The old META_SYNC_VERSION_SUFFIX (default: that setting, else v1.02).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        suffix = options["suffix"] or getattr(settings, "META_SYNC_VERSION_SUFFIX", None)
        try:
            definitions, skipped = read_definitions(options["folder"])
            outcome = migrate(definitions, conf.get().manifest, suffix or "v1.02")
        except ConversionError as exc:
            raise CommandError("cannot convert the definitions:\n" + str(exc)) from None
        except bridge.FlowopsError as exc:
            raise CommandError(f"{exc.message} ({exc.hint})" if exc.hint else exc.message) from None
        for path in skipped:
            self.stdout.write(f"Skipped {path}: no *_METADATA dict (not a WhatsApp Flow)")
        for key in outcome.kept:
            self.stdout.write(f"Kept {key}: already in flows.yaml")
        for key, name in outcome.added:
            self.stdout.write(f"Added {key} (on Meta as {name!r})")
        self.stdout.write(
            self.style.SUCCESS(f"{len(outcome.added)} flow(s) added to {conf.get().manifest.name}.")
            + " Next: manage.py sync_whatsapp_flows --dry-run (flows already on Meta under "
            "these names are adopted, not created again)."
        )
