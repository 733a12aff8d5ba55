"""``flowops import``: adopt flows that already exist on Meta into git and the lock."""

from __future__ import annotations

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option
from flowops.connect import open_environment
from flowops.onboard import ImportResult, check_selection, import_flows, require_env
from flowops.validate import validate_paths


@cli.command("import")
@click.argument("names", nargs=-1, metavar="[NAME]...")
@env_option
@click.option(
    "--all", "all_flows", is_flag=True, help="Every flow not managed yet (not deprecated)."
)
@click.pass_obj
def import_command(obj: CliContext, names: tuple[str, ...], env: str, all_flows: bool) -> int:
    """Download flows from Meta into whatsapp_flows/, add them to flows.yaml and the lock.

    NAME is a flow's name on Meta. Deprecated flows are imported only when named.
    Existing files and keys are never overwritten.
    """
    check_selection(names, all_flows)  # before any call to Meta
    environment = require_env(obj.manifest_path, env)
    with open_environment(obj.root, environment) as connection:
        result = import_flows(obj.manifest_path, environment, connection.api, names, all_flows)
    invalid = _warn_invalid(obj, result)
    _report(result, env, clean=not invalid)
    return 0


def _warn_invalid(obj: CliContext, result: ImportResult) -> bool:
    """Meta keeps invalid drafts; flowops plan refuses them until they are fixed in git."""
    invalid = False
    for item in result.imported:
        report = validate_paths([obj.root / item.file], obj.manifest_path)
        if report.errors:
            invalid = True
            click.echo(
                f"warning: {item.file} does not pass `flowops validate` "
                f"({report.errors} error(s)); plan refuses it until it is fixed"
            )
    return invalid


def _report(result: ImportResult, env: str, *, clean: bool) -> None:
    for item in result.imported:
        click.echo(
            f"imported  {item.key}  <- '{item.name}' ({item.flow_id}, {item.status})  {item.file}"
        )
    for name, why in result.skipped:
        click.echo(f"skipped   '{name}': {why}")
    if result.imported and clean:
        click.echo(f"next: review and commit; `flowops plan --env {env}` shows no changes.")
    if result.imported:
        click.echo(
            "link: imported flows have flow_definition_name: null, so the chatbot never uses "
            "them; set it to the traditional flow each one replaces, then `flowops apply "
            f"--env {env}` (records the link in the lock; no call to Meta)."
        )
    elif not result.skipped:
        click.echo("nothing to import: Meta holds no flows.")
