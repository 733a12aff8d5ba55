"""``flowops resolve``: which WhatsApp Flow would the chatbot use for a traditional flow?"""

from __future__ import annotations

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option, format_option
from flowops.cli.output import show
from flowops.report import Result, formats
from flowops.runtime import load_lock
from flowops.runtime.notes import flow_key_given, manifest_notes
from flowops.runtime.project import locate


@cli.command()
@click.argument("traditional_flow")
@env_option
@format_option(formats("resolve"), "text for people, json for programs.")
@click.pass_obj
def resolve(obj: CliContext, traditional_flow: str, env: str, fmt: str) -> int:
    """Say whether TRADITIONAL_FLOW is served by a WhatsApp Flow, and every check behind it.

    Answers from the environment's lock file exactly as the runtime library does. A fallback
    is a valid answer: exit 0 either way; exit 1 when the lock cannot be read, or when
    TRADITIONAL_FLOW is a key of flows.yaml instead.
    """
    source = locate(obj.manifest_path, env)
    mixup = flow_key_given(source.manifest, env, traditional_flow)
    if mixup is not None:
        raise mixup
    snapshot = load_lock(source.lock_file, env)
    decision = snapshot.resolve(traditional_flow)
    notes = manifest_notes(source.manifest, env, snapshot, decision)
    extras = {"source": source.shown(), "env": env, "notes": notes}
    show(Result("resolve", decision, extras=extras), fmt)
    return 0
