"""``manage.py sync_whatsapp_flows``: the old command's options on top of flowops."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from flowops.contrib.django.sync import SyncOptions, run


class Command(BaseCommand):
    help = (
        "Validate, plan and apply flows.yaml to Meta (or the local emulator), "
        "then refresh the WhatsAppFlow mirror."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--flow",
            action="append",
            default=[],
            metavar="NAME",
            help="Only this flow (a key of flows.yaml; repeatable; 'all' means every flow).",
        )
        parser.add_argument("--publish", action="store_true", help="Publish the flows.")
        parser.add_argument(
            "--force", action="store_true", help="Re-upload and republish even when unchanged."
        )
        parser.add_argument("--env", help="Environment of flows.yaml (default: FLOWOPS).")
        parser.add_argument("--dry-run", action="store_true", help="Print the plan only.")
        parser.add_argument(
            "--prune", action="store_true", help="Deprecate flows removed from flows.yaml."
        )
        parser.add_argument(
            "--from-lock",
            action="store_true",
            help="Make no Meta call: only refresh the mirror from the lock file.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run(
            SyncOptions(
                flows=tuple(options["flow"]),
                publish=options["publish"],
                force=options["force"],
                env=options["env"],
                dry_run=options["dry_run"],
                prune=options["prune"],
                from_lock=options["from_lock"],
            ),
            self._write,
        )

    def _write(self, text: str, style: str) -> None:
        styled = getattr(self.style, style)(text) if style else text
        (self.stderr if style == "ERROR" else self.stdout).write(styled)
