"""The only module of the Django app that imports flowops itself.

Everything below is flowops' public Python API as the CLI uses it; when flowops moves a
module, this file is the one to change.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from flowops import meta
from flowops.apply import ApplyResult
from flowops.connect import open_environment
from flowops.errors import FlowopsError, ProblemsError
from flowops.graph import FlowsAPI
from flowops.lock import LockEntry
from flowops.lock import file as lockfile
from flowops.manifest import append_flows, did_you_mean
from flowops.pipeline import engine
from flowops.plan import Plan
from flowops.report import Report, Result, render
from flowops.runtime import Decision, Resolution, Resolver
from flowops.runtime.completion import (
    Completion,
    CompletionError,
    check_payload,
    nfm_messages,
    parse_completion,
)
from flowops.runtime.project import RuntimeSource, locate
from flowops.runtime.token import flow_token

Project = engine.Project

__all__ = [
    "ApplyResult",
    "Completion",
    "CompletionError",
    "Decision",
    "FlowopsError",
    "FlowsAPI",
    "LockEntry",
    "Plan",
    "ProblemsError",
    "Project",
    "Resolution",
    "Resolver",
    "RuntimeSource",
    "append_flows",
    "check_payload",
    "connect",
    "did_you_mean",
    "flow_token",
    "locate",
    "lock_entries",
    "nfm_messages",
    "parse_completion",
    "problems_text",
    "render_plan",
    "servable",
]


def open_project(manifest: Path, env: str) -> Project:
    return engine.open_project(manifest, env)


def validate(project: Project) -> list[str]:
    """Warnings as ``file:line:col`` lines; validation errors raise ``ProblemsError``."""
    return [
        render(Result("validation", Report([w])), "text").rstrip("\n")
        for w in engine.validate_project(project)
    ]


def problems_text(error: ProblemsError) -> str:
    return render(Result("validation", Report(list(error.problems))), "text")


@contextmanager
def connect(project: Project, token: str | None = None) -> Iterator[FlowsAPI]:
    """``token`` (from ``FLOWOPS["TOKEN"]``) stands in for the ``token_env`` variable."""
    name = project.env.token_env
    saved = os.environ.get(name) if name else None
    if token is not None and name:
        os.environ[name] = token
    try:
        with open_environment(project.root, project.env) as conn:
            yield conn.api
    finally:
        if token is not None and name:
            _restore(name, saved)


def _restore(name: str, saved: str | None) -> None:
    if saved is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = saved


PUBLISH_COMMAND = "manage.py sync_whatsapp_flows --flow {key} --publish"


def plan(
    project: Project,
    api: FlowsAPI | None,
    *,
    flows: tuple[str, ...] = (),
    publish: bool = False,
    force: bool = False,
    prune: bool = False,
) -> Plan:
    lock = lockfile.load(project.lock_path)
    options = engine.options_for(
        project,
        lock,
        prune=prune,
        publish=publish,
        force=force,
        flows=flows,
        publish_command=PUBLISH_COMMAND,
    )
    return engine.plan(project, api, options, lock)


def apply(
    project: Project, plan_: Plan, api: FlowsAPI, progress: Callable[[str], None]
) -> tuple[ApplyResult, int, int]:
    """Apply; returns the result and the Graph API calls made (total, writes)."""
    result, calls = engine.apply(project, plan_, api, progress=progress)
    return result, calls.total, calls.writes


def render_plan(plan_: Plan) -> str:
    return render(Result("plan", plan_.to_dict()), "text")


def lock_entries(lock_path: Path, env: str) -> dict[str, LockEntry]:
    return dict(lockfile.load(lock_path).entries(env))


def servable(entry: LockEntry) -> bool:
    """Has a Meta id and a status the runtime would send (published, throttled, live edit)."""
    return bool(entry.flow_id) and meta.servable(entry.status, entry.ever_published)
