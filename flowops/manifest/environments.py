"""Checks of ``environments:`` the schema cannot express. Token values are never echoed."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from flowops.manifest.paths import resolve, shown
from flowops.manifest.source import Source
from flowops.problems import Problem

_VAR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PLAIN_KEY = re.compile(r"[a-z][a-z0-9_-]*")  # flow keys: long ones are not secrets


def looks_like_token(value: str) -> bool:
    """Meta tokens start with ``EAA``; any long mixed-case string is treated as a secret too."""
    if value.startswith("EAA") or len(value) > 64:
        return True
    mixed = any(c.islower() for c in value) and any(c.isupper() for c in value)
    return mixed and len(value) >= 32 and any(c.isdigit() for c in value)


def token_key_problems(src: Source) -> list[Problem]:
    """A token pasted as a key: reported without the key, its pointer cut before it."""
    problems = []
    for pointer, (line, col) in src.doc.keys.items():
        parts = pointer.split("/")
        if _token_key(parts[-1]) and not any(_token_key(p) for p in parts[:-1]):
            problems.append(_token_key_problem(src.file, line, col, "/".join(parts[:-1])))
    return problems


def _token_key(part: str) -> bool:
    key = part.replace("~1", "/").replace("~0", "~")
    return looks_like_token(key) and not _PLAIN_KEY.fullmatch(key)


def _token_key_problem(file: str, line: int, col: int, parent: str) -> Problem:
    return Problem(
        file,
        line,
        col,
        "MANIFEST_TOKEN_IN_FILE",
        "A key here looks like an access token (it is not shown). Remove it from this file now.",
        pointer=parent,
        hint="Tokens belong in the environment variable named by token_env; revoke this one"
        " if the file was shared.",
    )


def environment_problems(src: Source, root: Path) -> list[Problem]:
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
        elif isinstance(lock_file, str) and lock_file:
            problems.extend(_lock_target(src, f"/environments/{name}/lock_file", lock_file, root))
    return problems


def _lock_target(src: Source, pointer: str, lock_file: str, root: Path) -> list[Problem]:
    """apply overwrites the lock file: it must be a file of its own inside the repository."""
    why = _lock_clash(src, lock_file, root)
    if not why:
        return []
    hint = "Use a file of its own next to flows.yaml, e.g. flows.lock (the default)."
    message = f"lock_file '{shown(lock_file)}' {why}; apply would overwrite it."
    return [src.problem(pointer, "MANIFEST_INVALID_VALUE", message, hint=hint)]


def _lock_clash(src: Source, lock_file: str, root: Path) -> str:
    real_root = root.resolve()
    target = resolve(root / lock_file)
    if isinstance(target, str):
        return target
    if not target.is_relative_to(real_root):
        return "points outside the repository through a symlink"
    if target.relative_to(real_root).parts[:1] == (".git",):
        return "is inside .git, git's own data"
    if target == resolve(root / src.file):
        return f"is {src.file} itself"
    if target.is_dir():
        return "is a folder, not a file"
    return "is a file flows.yaml names" if target in _named_files(src, root) else ""


def _named_files(src: Source, root: Path) -> set[Path]:
    """The catalogue and the flow files, resolved (those that resolve at all)."""
    data = src.doc.data if isinstance(src.doc.data, dict) else {}
    flows = data.get("flows")
    flows = flows if isinstance(flows, dict) else {}
    named = [data.get("traditional_flows")]
    named += [flow.get("file") for flow in flows.values() if isinstance(flow, dict)]
    found = (resolve(root / name) for name in named if isinstance(name, str) and name)
    return {path for path in found if isinstance(path, Path)}


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
