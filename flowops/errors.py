"""Exceptions that stop a command. Input problems are ``Problem`` values, not exceptions."""

from __future__ import annotations

from flowops.problems import Problem


class FlowopsError(Exception):
    """A user-facing error: printed as ``Error: …`` and exits with ``exit_code``."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class ProblemsError(FlowopsError):
    """Input was invalid; ``problems`` says where and why."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


class ManifestError(ProblemsError):
    """flows.yaml cannot be used."""


class LockfileError(FlowopsError):
    """flows.lock is unreadable or was written by an incompatible flowops."""


class StalePlanError(FlowopsError):
    """A saved plan no longer matches the lock file or Meta."""


class ConcurrentApplyError(FlowopsError):
    """Another apply holds the lock for this environment."""


class Interrupted(FlowopsError):
    """Ctrl-C, explained: exits 130 like any interrupted command."""

    exit_code = 130


class ConfigError(FlowopsError):
    """An environment or setting cannot be used (missing token, unknown env …)."""
