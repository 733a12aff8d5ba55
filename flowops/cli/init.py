"""``flowops init [DIR]``: scaffold a repository for flowops (never overwrites)."""

from __future__ import annotations

from pathlib import Path

import click

from flowops.cli import cli
from flowops.errors import FlowopsError
from flowops.scaffold import ScaffoldResult, detect_pip_spec, scaffold


@cli.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option(
    "--pip-spec",
    help="What the GitHub workflows install with pip, e.g. git+https://…/flowops@v0.1.0 "
    "(default: the git URL this flowops was installed from, when known).",
)
@click.option("--no-workflows", is_flag=True, help="Do not write .github/workflows/.")
def init(directory: Path, pip_spec: str | None, no_workflows: bool) -> int:
    """Create flows.yaml, a starter flow, traditional_flows.yaml and the GitHub workflows."""
    if directory.exists() and not directory.is_dir():
        raise FlowopsError(f"{directory}: not a directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        spec = pip_spec if pip_spec is not None else detect_pip_spec()
        result = scaffold(directory, pip_spec=spec, workflows=not no_workflows)
    except OSError as exc:
        raise FlowopsError(
            f"{directory}: cannot write ({exc.strerror})",
            hint="check the folder's permissions; files written so far are kept",
        ) from None
    _report(directory, result)
    if any(path.startswith(".github/workflows/") for path in result.created):
        _report_pip_spec(spec)
    return 0


def _report_pip_spec(spec: str) -> None:
    if spec:
        click.echo(f"workflows install flowops with: pip install '{spec}'")
        click.echo("  (to change it: FLOWOPS_PIP_SPEC in .github/workflows/flowops-*.yml)")
        return
    click.echo(
        "warning: set FLOWOPS_PIP_SPEC in .github/workflows/flowops-*.yml to how CI installs "
        "flowops (e.g. a git URL), or rerun with --pip-spec; until then they stop and say so."
    )


def _report(directory: Path, result: ScaffoldResult) -> None:
    for path in result.created:
        click.echo(f"created  {path}")
    for path in result.updated:
        click.echo(f"updated  {path} (added .flowops/)")
    for path in result.skipped:
        click.echo(f"skipped  {path} (already exists; left untouched)")
    if not (directory / ".git").exists():
        click.echo("note: no .git here; run `git init` before committing these files.")
    prefix = "" if directory == Path(".") else f"cd {directory} && "
    click.echo(f"next: {prefix}flowops validate && flowops plan --env local")
