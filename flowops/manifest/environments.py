"""Checks of ``environments:`` the schema cannot express. Token values are never echoed."""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

from flowops.manifest.source import Source
from flowops.problems import Problem

_VAR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def looks_like_token(value: str) -> bool:
    """Meta tokens start with ``EAA``; any long mixed-case string is treated as a secret too."""
    if value.startswith("EAA") or len(value) > 64:
        return True
    mixed = any(c.islower() for c in value) and any(c.isupper() for c in value)
    return mixed and len(value) >= 32 and any(c.isdigit() for c in value)


def environment_problems(src: Source) -> list[Problem]:
    data = src.doc.data
    envs = data.get("environments") if isinstance(data, dict) else None
    if not isinstance(envs, dict):
        return []
    problems = []
    for name, env in envs.items():
        if not isinstance(env, dict):
            continue
        token_env, lock_file = env.get("token_env"), env.get("lock_file")
        if isinstance(token_env, str) and token_env:
            problems.extend(_token_env_problems(src, f"/environments/{name}/token_env", token_env))
        if isinstance(lock_file, str) and _escapes(lock_file):
            problems.append(_lock_outside(src, f"/environments/{name}/lock_file"))
    return problems


def _escapes(relative: str) -> bool:
    path = PurePosixPath(relative.replace("\\", "/"))
    return path.is_absolute() or PureWindowsPath(relative).is_absolute() or ".." in path.parts


def _lock_outside(src: Source, pointer: str) -> Problem:
    return src.problem(
        pointer,
        "MANIFEST_INVALID_VALUE",
        "lock_file must be a path inside the repository, relative to flows.yaml (no '..').",
        hint="The lock file is committed next to the flows it describes, e.g. flows.lock.",
    )


def _token_env_problems(src: Source, pointer: str, value: str) -> list[Problem]:
    if looks_like_token(value):
        return [
            src.problem(
                pointer,
                "MANIFEST_TOKEN_IN_FILE",
                "token_env looks like an access token, not the name of an environment variable."
                " Remove it from this file now.",
                hint="Set token_env to the NAME of the variable (e.g. WHATSAPP_TOKEN), export the"
                " token in that variable, and revoke the token if this file was shared.",
            )
        ]
    if not _VAR_NAME.fullmatch(value):
        return [
            src.problem(
                pointer,
                "MANIFEST_INVALID_VALUE",
                "token_env must be the name of an environment variable"
                " (letters, digits and _), like WHATSAPP_TOKEN.",
            )
        ]
    return []
