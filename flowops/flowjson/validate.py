"""The Flow JSON validation entry point: text → problems with file, line and column."""

from __future__ import annotations

import dataclasses
import json
import re
import sys

from flowops.flowjson import bounds, cap, parse, syntax, validators, versions
from flowops.flowjson.findings import Finding, Version
from flowops.flowjson.positions import SourceMap, scan
from flowops.flowjson.rules import typos as typo_fixes
from flowops.flowjson.rules_gate import run_rules_if_sound
from flowops.limits import MAX_NESTING
from flowops.problems import Problem

INVALID = "INVALID_FLOW_JSON"
_CONSTANT = re.compile(r"-?\b(NaN|Infinity)\b")
_INT_DIGITS = max(sys.get_int_max_str_digits(), 640)  # 0 = unlimited
_LONG_INTEGER = re.compile(rf"(?<![0-9])-?[0-9]{{{_INT_DIGITS + 1},}}")


def validate_text(
    text: str | bytes, file: str = "flow.json", *, will_publish: bool | None = None
) -> list[Problem]:
    """Validate one Flow JSON file; never raises on bad input."""
    oversized = bounds.too_big(text)
    if oversized is not None:
        return [dataclasses.replace(oversized, file=file)]
    decoded = parse.decode(text)
    if isinstance(decoded, parse.ParseFailure):
        return [
            Problem(file, decoded.line, decoded.col, INVALID, decoded.message, hint=decoded.hint)
        ]
    try:
        doc = parse.loads(decoded)
    except json.JSONDecodeError as exc:
        return [_syntax_problem(file, exc, decoded)]
    except parse.DuplicateKeyError:
        return _duplicate_problems(file, scan(decoded))
    except parse.ConstantError as exc:
        return [_constant_problem(file, decoded, exc.name)]
    except RecursionError:
        return [_too_deep(file)]
    except ValueError as exc:  # an integer of more than 4,300 digits (int's own limit)
        return [_number_problem(file, decoded, exc)]
    beyond = bounds.bounds_finding(doc, decoded)
    if beyond is not None:
        return to_problems([beyond], scan(decoded, {beyond.pointer}), file)
    return validate_document(doc, decoded, file, will_publish=will_publish)


def validate_document(
    doc: object, text: str, file: str, *, will_publish: bool | None = None
) -> list[Problem]:
    """Validate an already parsed document; ``text`` is its source, used for positions."""
    try:
        findings = check(doc, will_publish)
    except RecursionError:
        return [_too_deep(file)]
    if not findings:
        return []
    wanted = {f.pointer for f in findings}
    return cap.capped(to_problems(findings, scan(text.removeprefix("\ufeff"), wanted), file))


def check(
    doc: object, will_publish: bool | None = None, *, rules: bool = True, typo_rounds: int = 3
) -> list[Finding]:
    """Findings without positions; ``rules=False`` checks only version and structure;
    a misspelt key or component type is reported alone, not with what it leads to, for up
    to ``typo_rounds`` rounds (a corrected `Form` may reveal typos among its children)."""
    if not isinstance(doc, dict):
        message = f"a Flow JSON document must be a JSON object, not {_kind(doc)}"
        return [Finding("", INVALID, message, hint='Start the file with { "version": ... }.')]
    version, findings = versions.check_version(doc, will_publish)
    if version is None:
        return findings
    structure = [] if validators.fast(version).is_valid(doc) else explain(doc, version)
    found = typo_fixes.find(doc, version, structure) if structure and typo_rounds else None
    if found is not None and found.pointers():
        return _typos_corrected(doc, will_publish, (rules, typo_rounds - 1), structure, found)
    semantic = run_rules_if_sound(doc, version, structure) if rules else []
    return _unique(findings + structure + semantic)


def _typos_corrected(
    doc: dict[str, object],
    will_publish: bool | None,
    options: tuple[bool, int],
    structure: list[Finding],
    found: typo_fixes.Typos,
) -> list[Finding]:
    """The typos themselves, then what the document with them corrected still has wrong."""
    fixed = typo_fixes.corrected(doc, found)
    rest = check(fixed, will_publish, rules=options[0], typo_rounds=options[1])
    at = found.pointers()
    mapped = [typo_fixes.map_back(f, found) for f in rest]
    return _unique(
        [f for f in structure if f.pointer in at] + [f for f in mapped if f.pointer not in at]
    )


def explain(doc: dict[str, object], version: Version) -> list[Finding]:
    """One finding per schema error, in document order; the check stops after the cap."""
    # Imported here: only an invalid document needs them (start-up of `flowops validate`).
    from flowops.flowjson.describe import Context
    from flowops.flowjson.messages import translate

    findings: list[Finding] = []
    errors, stopped = cap.schema_errors(validators.detailed(version).iter_errors(doc))
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        ctx = Context(doc, tuple(error.absolute_path), version)
        findings.extend(translate(error, ctx))
    return (findings or [_unexplained(version)]) + ([stopped] if stopped else [])


def _unexplained(version: Version) -> Finding:
    """The fast validator rejected what the detailed one accepts: say so, never pass silently."""
    message = f"the document does not match the Flow JSON {versions.text(version)} schema"
    hint = "Please report this file to the flowops maintainers; Meta's upload will name the error."
    return Finding("", "INVALID_PROPERTY_VALUE", message, hint=hint)


def to_problems(findings: list[Finding], source: SourceMap, file: str) -> list[Problem]:
    problems = []
    for f in findings:
        line, col = source.locate(f.pointer, f.at_key)
        problems.append(Problem(file, line, col, f.code, f.message, f.severity, f.pointer, f.hint))
    return sorted(problems, key=Problem.sort_key)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in findings:
        key = (f.pointer, f.code, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _kind(doc: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(doc), "a number")


def _syntax_problem(file: str, exc: json.JSONDecodeError, text: str) -> Problem:
    if not text.strip():
        latest = versions.text(versions.LATEST)
        hint = f'Write the flow as a JSON object: {{ "version": "{latest}", "screens": [ ... ] }}.'
        return Problem(file, 1, 1, INVALID, "the file is empty", hint=hint)
    found = syntax.describe(exc, text)
    line, col = SourceMap(text).line_col(found.offset)
    return Problem(file, line, col, INVALID, found.message, hint=found.hint)


def _duplicate_problems(file: str, source: SourceMap) -> list[Problem]:
    problems = []
    for pointer, offset in source.duplicates:
        line, col = source.line_col(offset)
        key = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
        message = f"duplicate key `{key}`: JSON readers silently keep only one of the values"
        hint = "Remove or rename one of the keys."
        problems.append(Problem(file, line, col, INVALID, message, pointer=pointer, hint=hint))
    return problems


def _constant_problem(file: str, text: str, name: str) -> Problem:
    match = _CONSTANT.search(text)
    line, col = SourceMap(text).line_col(match.start() if match else 0)
    hint = "Use a number or a string instead."
    return Problem(file, line, col, INVALID, f"`{name}` is not valid JSON", hint=hint)


def _number_problem(file: str, text: str, exc: ValueError) -> Problem:
    """``parse.NumberError`` (1e999) or int's own refusal of a number with too many digits."""
    literal = exc.literal if isinstance(exc, parse.NumberError) else None
    match = _number_at(text, literal)
    line, col = SourceMap(text).line_col(match.start() if match else 0)
    shown = literal if literal is not None and len(literal) <= 40 else "this number"
    message = f"{shown} is too large a number for Meta (or any JSON reader) to keep exactly"
    hint = "Use a number of at most 15 significant digits, or a string for an identifier."
    return Problem(file, line, col, INVALID, message, hint=hint)


def _number_at(text: str, literal: str | None) -> re.Match[str] | None:
    if literal is None:
        return _LONG_INTEGER.search(text)
    return re.search(r"(?<![\w.+-])" + re.escape(literal) + r"(?![\w.])", text)


def _too_deep(file: str) -> Problem:
    message = f"the JSON is nested more than {MAX_NESTING} levels deep"
    hint = "Meta allows If/Switch nesting of at most 3 levels; flatten the structure."
    return Problem(file, 1, 1, INVALID, message, hint=hint)
