"""``sync_whatsapp_flows``: validate → plan → apply in-process, then mirror, as plain functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import CommandError

from flowops.contrib.django import bridge, conf, mirror
from flowops.contrib.django.catalogue import link_message, traditional_names

Write = Callable[[str, str], None]  # (text, style name: "" | "SUCCESS" | "WARNING" | "ERROR")
ALL = "all"


@dataclass(frozen=True)
class SyncOptions:
    flows: tuple[str, ...] = ()
    publish: bool = False
    force: bool = False
    env: str | None = None
    dry_run: bool = False
    prune: bool = False
    from_lock: bool = False


def run(options: SyncOptions, write: Write) -> None:
    """Raises ``CommandError`` for bad input and when any flow failed (a non-zero exit)."""
    project = _open(options.env or conf.get().environment)
    targets = _targets(project, options.flows)
    for warning in _validate(project):
        write(warning, "WARNING")
    _links(project, targets, write)
    if options.from_lock and not project.lock_path.is_file():
        raise CommandError(
            f"--from-lock: no lock file for environment {project.env.name!r} yet "
            "(run the sync without --from-lock, or flowops apply, first)"
        )
    failure = "" if options.from_lock else _plan_and_apply(project, options, targets, write)
    if not options.dry_run:
        mirror.refresh(project, write)
    if failure:
        raise CommandError(failure)


def _open(env: str) -> bridge.Project:
    manifest = conf.get().manifest
    if not manifest.is_file():
        raise CommandError(
            f"FLOWOPS['MANIFEST']: {manifest} does not exist (convert the old definitions "
            "with manage.py migrate_flow_definitions, or write it with flowops init)"
        )
    try:
        return bridge.open_project(manifest, env)
    except bridge.ProblemsError as exc:
        raise CommandError(f"{exc.message}\n{bridge.problems_text(exc)}") from None
    except bridge.FlowopsError as exc:
        raise CommandError(_error_text(exc)) from None


def _error_text(exc: bridge.FlowopsError) -> str:
    return f"{exc.message} ({exc.hint})" if exc.hint else exc.message


def _targets(project: bridge.Project, names: tuple[str, ...]) -> tuple[str, ...]:
    """``--flow all`` (or none) is every flow; an unknown name is a CommandError."""
    if not names or ALL in names:
        return ()
    known = sorted(project.specs)
    for name in names:
        if name not in project.specs:
            hint = bridge.did_you_mean(name, known) or f" Known flows: {', '.join(known)}."
            raise CommandError(f"unknown flow {name!r} (--flow takes a key of flows.yaml).{hint}")
    return tuple(dict.fromkeys(names))


def _validate(project: bridge.Project) -> list[str]:
    try:
        return bridge.validate(project)
    except bridge.ProblemsError as exc:
        raise CommandError(f"{exc.message}\n{bridge.problems_text(exc)}") from None


def _links(project: bridge.Project, targets: tuple[str, ...], write: Write) -> None:
    known = traditional_names()
    for key in targets or sorted(project.specs):
        name = project.specs[key].flow_definition_name
        if name:
            text, warning = link_message(name, known)
            write(f"{key}:\n{text}", "WARNING" if warning else "")


def _plan_and_apply(
    project: bridge.Project, options: SyncOptions, targets: tuple[str, ...], write: Write
) -> str:
    """Returns why the sync failed, or "" when every flow converged."""
    try:
        with bridge.connect(project, _token()) as api:
            plan = _plan(project, api, options, targets, write)
            if options.dry_run or not plan.pending():  # book-keeping too: Meta's status
                return ""
            result, total, writes = bridge.apply(project, plan, api, lambda s: write(s, ""))
    except bridge.FlowopsError as exc:
        raise CommandError(_error_text(exc)) from None
    return _report(result, total, writes, write)


def _plan(
    project: bridge.Project,
    api: bridge.FlowsAPI,
    options: SyncOptions,
    targets: tuple[str, ...],
    write: Write,
) -> bridge.Plan:
    plan = bridge.plan(
        project,
        api,
        flows=targets,
        publish=options.publish,
        force=options.force,
        prune=options.prune,
    )
    write(bridge.render_plan(plan).rstrip("\n"), "")
    if not plan.has_changes:
        write(f"Nothing to apply: {plan.read_calls} Graph API call(s), 0 write(s).", "")
    return plan


def _token() -> str | None:
    dotted = conf.get().token
    return str(conf.import_callable(dotted)()) if dotted else None


def _report(result: bridge.ApplyResult, total: int, writes: int, write: Write) -> str:
    for failure in result.failed:
        write(f"Error: {failure.key}: {failure.message}", "ERROR")
    if result.skipped:
        write(f"Not started: {', '.join(sorted(result.skipped))} (run the sync again).", "ERROR")
    summary = (
        f"{len(result.done)} flow(s) changed, {len(result.failed)} failed; "
        f"{total} Graph API call(s), {writes} write(s)."
    )
    if not result.ok:
        return f"Sync finished with errors: {summary} {result.stopped}".rstrip()
    write(f"Sync complete: {summary}", "SUCCESS")
    return ""
