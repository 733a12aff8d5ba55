"""A parsed manifest file and a way to report problems at any JSON pointer in it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from flowops.limits import LimitError
from flowops.manifest.yamlsource import YamlDocument
from flowops.problems import Problem, Severity


@dataclass(frozen=True)
class Source:
    """``file`` is the path shown to users (relative to the repository root, with ``/``)."""

    file: str
    doc: YamlDocument

    def problem(
        self,
        pointer: str,
        code: str,
        message: str,
        *,
        at_key: bool = False,
        severity: Severity = Severity.ERROR,
        hint: str = "",
    ) -> Problem:
        line, col = self.doc.key_at(pointer) if at_key else self.doc.value_at(pointer)
        return Problem(self.file, line, col, code, message, severity, pointer, hint)


def dotted(pointer: str) -> str:
    """``/flows/a/categories/0`` → ``flows.a.categories[0]`` (how users read YAML paths)."""
    out = ""
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        out += f"[{part}]" if part.isdigit() else (f".{part}" if out else part)
    return out or "the top level"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The nearest spelling (difflib), else the one choice ``word`` abbreviates (prod →
    production)."""
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return close[0]
    longer = [option for option in options if word and option.startswith(word)]
    return longer[0] if len(longer) == 1 else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = closest(word, choices)
    return f" Did you mean '{close}'?" if close else ""


def unreadable(shown: str, code: str, exc: OSError | UnicodeDecodeError | LimitError) -> Problem:
    """A file that cannot be read, or is not UTF-8 (then at the first bad byte)."""
    if isinstance(exc, LimitError):
        return Problem(shown, 0, 0, code, f"Cannot read {shown}: {exc.message}.", hint=exc.hint)
    if isinstance(exc, UnicodeDecodeError):
        before = exc.object[: exc.start]
        line, col = before.count(b"\n") + 1, exc.start - before.rfind(b"\n")
        message = f"{shown} is not valid UTF-8 (byte 0x{exc.object[exc.start]:02x})."
        return Problem(shown, line, col, code, message, hint="Save the file as UTF-8.")
    return Problem(shown, 0, 0, code, f"Cannot read {shown}: {exc.strerror or exc}.")
