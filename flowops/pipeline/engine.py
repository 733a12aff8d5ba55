"""plan / apply / status as plain functions over a project on disk (no click here).

The CLI calls these; tests call them too, with any ``FlowsAPI`` (a fake or the emulator).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from flowops import paths
from flowops.apply import (
    ApplyContext,
    ApplyResult,
    CountingAPI,
    Progress,
    StepHook,
    apply_lock,
    apply_plan,
)
from flowops.errors import ProblemsError, StalePlanError
from flowops.graph import FlowsAPI
from flowops.lock import ContentStore, Lock
from flowops.lock import file as lockfile
from flowops.manifest import Environment, FlowSpec, Manifest, flows_for, load
from flowops.pipeline.freshness import check_fresh
from flowops.pipeline.planner import PlanInputs, build_plan
from flowops.plan import CallEstimate, Plan, PlanOptions, check_targets
from flowops.problems import Problem
from flowops.refresh import load_desired
from flowops.report.validation import Report
from flowops.validate import validate_project as check_project


@dataclass(frozen=True)
class Project:
    manifest: Manifest
    env: Environment
    specs: dict[str, FlowSpec]

    @property
    def root(self) -> Path:
        return self.manifest.root

    @property
    def lock_path(self) -> Path:
        return paths.lock_path(self.root, self.env)

    def store(self) -> ContentStore:
        return ContentStore(self.root, self.root / paths.LOCAL_DIR / self.env.name / "content")


def open_project(manifest_path: Path, env_name: str) -> Project:
    manifest = load(manifest_path)
    return Project(manifest, manifest.environment(env_name), flows_for(manifest, env_name))


def validation_report(project: Project) -> Report:
    """Validation first: errors stop the plan (printed with file:line:col)."""
    report = check_project(project.manifest.path, env=project.env.name)
    if report.errors:
        raise ProblemsError(
            f"{report.errors} validation error(s); nothing was planned", report.sorted()
        )
    return report


def validate_project(project: Project) -> list[Problem]:
    """The warnings of a project that validates (else ProblemsError)."""
    return validation_report(project).sorted()


def options_for(
    project: Project,
    lock: Lock,
    *,
    prune: bool = False,
    publish: bool = False,
    force: bool = False,
    flows: tuple[str, ...] = (),
    publish_command: str = PlanOptions.publish_command,
) -> PlanOptions:
    known = set(project.specs) | set(lock.entries(project.env.name))
    settings = project.manifest.settings
    return PlanOptions(
        prune=prune,
        publish=publish,
        force=force,
        targets=check_targets(flows, known, _links(project)),
        max_deprecations=settings.max_deprecations,
        clone_name_suffix=settings.clone_name_suffix,
        retire_after_hours=settings.retire_after_hours,
        publish_command=publish_command,
    )


def inputs(project: Project, lock: Lock, options: PlanOptions) -> PlanInputs:
    env = project.env.name
    return PlanInputs(
        env=env,
        desired=load_desired(project.manifest, project.specs),
        entries=dict(lock.entries(env)),
        lock_sha256=lock.digest(env),
        options=options,
        store=project.store(),
        concurrency=project.manifest.settings.concurrency,
        max_calls=project.manifest.settings.max_calls,
    )


def plan(
    project: Project,
    api: FlowsAPI | None,
    options: PlanOptions,
    lock: Lock | None = None,
    warnings: Sequence[Problem] = (),
) -> Plan:
    """``warnings``: what validation found (not errors); the plan carries them for review."""
    lock = lock if lock is not None else lockfile.load(project.lock_path)
    found = build_plan(inputs(project, lock, options), api)
    return dataclasses.replace(found, warnings=tuple(warning_dict(w) for w in warnings))


def warning_dict(problem: Problem) -> dict[str, object]:
    keep = ("file", "line", "col", "code", "message", "hint")
    return {name: getattr(problem, name) for name in keep}


def options_of(plan_: Plan, project: Project) -> PlanOptions:
    opts = plan_.options
    targets = opts.get("targets")
    settings = project.manifest.settings
    return PlanOptions(
        prune=bool(opts.get("prune")),
        publish=bool(opts.get("publish")),
        force=bool(opts.get("force")),
        targets=frozenset(targets) if targets is not None else None,
        max_deprecations=settings.max_deprecations,
        clone_name_suffix=settings.clone_name_suffix,
        retire_after_hours=settings.retire_after_hours,
    )


def _links(project: Project) -> dict[str, str]:
    """Flow key → the traditional flow it replaces (components have none)."""
    specs = project.specs.items()
    return {key: spec.flow_definition_name for key, spec in specs if spec.flow_definition_name}


def apply(
    project: Project,
    plan_: Plan,
    api: FlowsAPI,
    *,
    saved: bool = False,
    progress: Progress | None = None,
    before_step: StepHook | None = None,
    concurrency: int | None = None,
    lock_timeout: float = 0.0,
    waiting: Callable[[str], None] | None = None,
    on_start: Callable[[], None] | None = None,
) -> tuple[ApplyResult, CountingAPI]:
    """Apply under the environment's apply lock (waiting up to ``lock_timeout`` seconds for
    another apply); a saved plan must still be fresh. ``on_start`` runs once both hold,
    before the first change."""
    settings = project.manifest.settings
    counting = CountingAPI(api, settings.max_calls, reserve=_reserve(plan_, settings.max_calls))
    exclusive = paths.apply_lock_path(project.root, project.env)
    with apply_lock(exclusive, lock_timeout, waiting):
        lock = lockfile.load(project.lock_path)
        ins = inputs(project, lock, options_of(plan_, project))
        _check_current(plan_, ins, counting, saved)
        if on_start is not None:
            on_start()
        ctx = ApplyContext(
            counting,
            lock,
            project.env.name,
            project.lock_path,
            ins.desired,
            ins.store,
            settings.clone_name_suffix,
            progress or (lambda _: None),
            before_step,
        )
        try:
            result = apply_plan(plan_, ctx, concurrency or settings.concurrency)
        finally:
            ctx.fold()
    return result, counting


def _reserve(plan_: Plan, max_calls: int | None) -> int:
    """Calls kept back from the writes, so apply can still record Meta's answers after them
    (a rerun then reads nothing it already knows)."""
    if not plan_.calls:
        return 0
    return CallEstimate.from_dict({**plan_.calls, "max_calls": max_calls}).reserve


def _check_current(plan_: Plan, ins: PlanInputs, api: CountingAPI, saved: bool) -> None:
    """A saved plan must match the lock, Meta and git; a fresh one, the lock it was made from."""
    if saved:
        check_fresh(plan_, ins, api)
    elif plan_.lock_sha256 != ins.lock_sha256:
        raise StalePlanError(
            "another apply changed the lock while this plan was shown",
            hint="run apply again to plan from the new state",
        )
