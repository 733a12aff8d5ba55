"""``flowops init [DIR]``: scaffold a repository for flowops (never overwrites)."""

from __future__ import annotations

from pathlib import Path

import click

from flowops.cli.group import cli
from flowops.errors import FlowopsError
from flowops.onboard import ScaffoldResult, default_branch, default_pip_spec, scaffold


@cli.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option(
    "--pip-spec",
    metavar="SPEC",
    help=f"What the GitHub workflows install with pip. [default: {default_pip_spec()}]",
)
@click.option(
    "--branch",
    metavar="NAME",
    help="The branch whose pushes the apply workflow applies. "
    "[default: origin's default branch, else the current one, else main]",
)
@click.option("--no-workflows", is_flag=True, help="Do not write .github/workflows/.")
def init(directory: Path, pip_spec: str | None, branch: str | None, no_workflows: bool) -> int:
    """Create flows.yaml, a starter flow, traditional_flows.yaml and the GitHub workflows."""
    if directory.exists() and not directory.is_dir():
        raise FlowopsError(f"{directory}: not a directory")
    spec = pip_spec if pip_spec is not None else default_pip_spec()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        branch = branch or default_branch(directory)
        result = scaffold(directory, pip_spec=spec, branch=branch, workflows=not no_workflows)
    except OSError as exc:
        raise FlowopsError(
            f"{directory}: cannot write ({exc.strerror})",
            hint="check the folder's permissions; files written so far are kept",
        ) from None
    _report(directory, result)
    if any(path.startswith(".github/workflows/") for path in result.created):
        _report_workflows(spec, branch)
    return 0


def _report_workflows(spec: str, branch: str) -> None:
    click.echo(f"apply workflow: runs on pushes to '{branch}' (to change it: --branch)")
    if spec:
        click.echo(f"workflows install flowops with: pip install '{spec}'")
        click.echo("  (to change it: FLOWOPS_PIP_SPEC in .github/workflows/flowops-*.yml)")
        return
    click.echo(
        "warning: set FLOWOPS_PIP_SPEC in .github/workflows/flowops-*.yml to how CI installs "
        "flowops, or rerun with --pip-spec; until then they stop and say so."
    )


def _report(directory: Path, result: ScaffoldResult) -> None:
    for path in result.created:
        click.echo(f"created  {path}")
    for path in result.updated:
        added = f" (added {', '.join(result.ignored)})" if path == ".gitignore" else ""
        click.echo(f"updated  {path}{added}")
    for path in result.skipped:
        click.echo(f"skipped  {path} (already exists; left untouched)")
    if not (directory / ".git").exists():
        click.echo("note: no .git here; run `git init` before committing these files.")
    prefix = "" if directory == Path(".") else f"cd {directory} && "
    click.echo(f"next: {prefix}flowops validate && flowops plan --env local")
