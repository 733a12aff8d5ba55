"""``flowops drift``: exit 0 when Meta, the lock and git agree, 2 on drift, 1 on error."""

from __future__ import annotations

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option, format_option
from flowops.cli.output import show
from flowops.connect import open_environment
from flowops.drift import detect
from flowops.manifest import load
from flowops.onboard import require_env
from flowops.report import Result, formats

EXIT_DRIFT = 2


@cli.command("drift")
@env_option
@format_option(formats("drift"), "text for people, markdown for an issue, json for tools.")
@click.option(
    "--full",
    is_flag=True,
    help="Download every managed flow's JSON, not only those whose updated_at moved.",
)
@click.pass_obj
def drift(obj: CliContext, env: str, fmt: str, full: bool) -> int:
    """Explain how Meta differs from flows.lock (changes behind flowops' back) and from git.

    Flows on Meta that flowops does not manage are listed but do not count as drift.
    """
    environment = require_env(obj.manifest_path, env)
    manifest = load(obj.manifest_path)
    with open_environment(obj.root, environment) as connection:
        report = detect(manifest, environment, connection.api, full=full)
    show(Result("drift", report), fmt)
    return EXIT_DRIFT if report.drifted else 0
